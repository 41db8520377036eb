"""The ASGI app of ``reportedly serve``: the API's routes, the OpenAPI document and its docs
page, the HTML pages and their static files, with the defaults every response gets (security
headers, errors as JSON for the API and as a page for the pages, body limits)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

import jinja2
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from reportedly.serve import api, pages, positions
from reportedly.serve.openapi import openapi_document

# The addresses only this machine reaches: extraction is offered there without --allow-extract.
LOCAL_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})
DEFAULT_MAX_BODY = 2 * 1024 * 1024
SECURITY_HEADERS = (
    (b"content-security-policy", b"default-src 'self'; frame-ancestors 'none'; base-uri 'none'"),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
)
_TEMPLATES = jinja2.Environment(loader=jinja2.PackageLoader("reportedly.serve", "templates"), autoescape=True)
_log = logging.getLogger(__name__)


def create_app(
    db_path: Path,
    *,
    allow_extract: bool = False,
    allow_ingest: bool = False,
    token: str | None = None,
    max_body: int = DEFAULT_MAX_BODY,
    load_extractor: Callable[[], api.Extractor] | None = None,
) -> Starlette:
    """The app over the store at ``db_path``: read-only unless ``allow_ingest`` (then
    ``POST /api/v1/ingest`` takes the bearer ``token``); ``allow_extract`` offers
    ``POST /api/v1/extract``; request bodies over ``max_body`` bytes are refused (413).
    ``load_extractor`` makes the pipeline on first use (default: the shipped one)."""
    if allow_ingest and not token:
        raise ValueError("ingest needs a token")
    settings = api.Settings(db_path, allow_extract, allow_ingest, token, max_body, load_extractor)
    document = openapi_document()

    def openapi(request: Request) -> Response:
        return JSONResponse(document)

    def docs(request: Request) -> Response:
        return HTMLResponse(_TEMPLATES.get_template("api.html").render(api=document))

    app = Starlette(
        routes=[
            *api.routes(settings),
            Route("/openapi.json", openapi, methods=["GET"]),
            Route("/api", docs, methods=["GET"]),
            *pages.routes(settings, _TEMPLATES),
            *positions.routes(settings, pages.renderer(settings, _TEMPLATES)),
            # The package's own files, by name only: StaticFiles lists no folder and refuses a
            # path that leads out of it.
            Mount("/static", StaticFiles(packages=[("reportedly.serve", "static")]), name="static"),
        ],
        exception_handlers={HTTPException: _http_error, Exception: _server_error},
    )
    app.add_middleware(SecurityHeaders)
    return app


def _http_error(request: Request, error: Exception) -> Response:
    """Every refusal of the API as JSON, ``{"error": message, "status": code}``; of a page
    (any other path), as a page saying what went wrong."""
    assert isinstance(error, HTTPException)
    if error.status_code in {204, 304}:
        return Response(status_code=error.status_code, headers=error.headers)
    if not _is_api(request):
        page = _TEMPLATES.get_template("error.html").render(status=error.status_code, message=error.detail)
        return HTMLResponse(page, error.status_code, headers=error.headers)
    return JSONResponse(
        {"error": error.detail, "status": error.status_code}, error.status_code, headers=error.headers
    )


def _server_error(request: Request, error: Exception) -> Response:
    """A bug: logged with its traceback on the server, a JSON 500 without internals to the client."""
    _log.error("%s %s failed", request.method, request.url.path, exc_info=error)
    # The server-error handler answers outside the middleware: the headers are added here.
    headers = {name.decode(): value.decode() for name, value in SECURITY_HEADERS}
    if not _is_api(request):
        page = _TEMPLATES.get_template("error.html").render(status=500, message="internal server error")
        return HTMLResponse(page, 500, headers=headers)
    return JSONResponse({"error": "internal server error", "status": 500}, 500, headers=headers)


def _is_api(request: Request) -> bool:
    path = request.url.path
    return path == "/openapi.json" or path.startswith(f"{api.PREFIX}/") or path == api.PREFIX


class SecurityHeaders:
    """Adds SECURITY_HEADERS to every response, errors included."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), *SECURITY_HEADERS]
            await send(message)

        await self.app(scope, receive, send_with_headers)
