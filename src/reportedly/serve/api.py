"""``/api/v1``: the store's queries as JSON, the same functions the CLI calls
(:mod:`reportedly.store.queries`), each request on its own read-only connection.

Lists answer ``{"rows": [...], "next": CURSOR | null}``: ``next`` is passed back as
``cursor`` for the following page. A bad parameter is a 400 naming it, a missing row a 404,
a body too large a 413, a body that is not what the endpoint takes a 422."""

from __future__ import annotations

import base64
import binascii
import json
import secrets
import sqlite3
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from starlette.concurrency import run_in_threadpool
from starlette.datastructures import QueryParams
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from reportedly.ingest.read import InputError
from reportedly.ingest.sources import posted_article
from reportedly.model import ATTRIBUTION_KINDS, Article
from reportedly.store import queries
from reportedly.store.database import LARGEST_INTEGER, StoreError, connect_read_only

if TYPE_CHECKING:
    from reportedly.extract import Extractor

PREFIX = "/api/v1"
MAX_LIMIT = 1000
# Default page sizes, as the CLI's --limit defaults.
QUOTES_LIMIT = EVENTS_LIMIT = 100
SPEAKERS_LIMIT = 20
LIST_LIMIT = 100
# The columns SQLite holds as 0 or 1 that JSON gives as false or true.
_FLAGS = ("negated", "hypothetical", "headline")


@dataclass
class Settings:
    db_path: Path
    allow_extract: bool
    allow_ingest: bool
    token: str | None
    max_body: int
    load_extractor: Callable[[], Extractor] | None = None
    # One pipeline, loaded on first use and run by one request at a time (spaCy's models
    # are not made for threads).
    _extractor: Extractor | None = field(default=None, init=False, repr=False)
    _extracting: threading.Lock = field(default_factory=threading.Lock, init=False, repr=False)

    def extract_with(self, run: Callable[[Extractor], Any]) -> Any:
        with self._extracting:
            if self._extractor is None:
                if self.load_extractor is None:
                    from reportedly.extract import Extractor

                    self._extractor = Extractor()
                else:
                    self._extractor = self.load_extractor()
            return run(self._extractor)


def routes(settings: Settings) -> list[Route]:
    """The API's routes over ``settings``' store."""

    @contextmanager
    def reading() -> Iterator[sqlite3.Connection]:
        try:
            connection = connect_read_only(settings.db_path)
        except StoreError:
            raise HTTPException(503, "the store cannot be read") from None
        try:
            yield connection
        except sqlite3.DatabaseError:
            raise HTTPException(503, "the store cannot be read") from None
        finally:
            connection.close()

    def documents(request: Request) -> Response:
        limit, offset = _page(request.query_params, LIST_LIMIT)
        with reading() as connection:
            rows = queries.documents(connection, limit=limit + 1, offset=offset)
        return _listing([_public_document(row) for row in rows], limit, offset)

    def document(request: Request) -> Response:
        with reading() as connection:
            row = queries.document(connection, _row_id(request, "document_id"))
        if row is None:
            raise HTTPException(404, "no such document")
        return JSONResponse(_public_document(row))

    def quotes(request: Request) -> Response:
        params = request.query_params
        limit, offset = _page(params, QUOTES_LIMIT)
        search, fts = params.get("search"), params.get("fts")
        where = {
            "about": params.get("about") or None,
            "search": _searching(queries.search_expression, search) if search is not None else None,
            "fts": _searching(queries.check_fts_syntax, fts) if fts is not None else None,
            "since": _period(params, "since"),
            "until": _period(params, "until"),
            "outlet": params.get("outlet") or None,
            "kind": _choice(params, "kind", ATTRIBUTION_KINDS),
        }
        with reading() as connection:
            speaker = None
            if words := params.get("speaker"):
                try:
                    speaker = queries.check_speaker(connection, queries.speaker_filter(connection, words))
                except queries.NamingError as error:
                    raise HTTPException(400, f"speaker: {error}") from None
            found = queries.QuoteFilter(speaker, **where, limit=limit + 1, offset=offset, spans=True)
            rows = queries.quotes(connection, found)
        for row in rows:
            row["content_spans"] = json.loads(row["content_spans"])
        return _listing(rows, limit, offset)

    def speakers(request: Request) -> Response:
        params = request.query_params
        limit, offset = _page(params, SPEAKERS_LIMIT)
        by = _choice(params, "by", ("outlet", "month"))
        since, until = _period(params, "since"), _period(params, "until")
        with reading() as connection:
            rows = queries.speakers(connection, by, since, until, limit + 1, offset)
        return _listing(rows, limit, offset)

    def entities(request: Request) -> Response:
        limit, offset = _page(request.query_params, LIST_LIMIT)
        with reading() as connection:
            rows = queries.entities(connection, limit=limit + 1, offset=offset)
        return _listing(rows, limit, offset)

    def entity(request: Request) -> Response:
        with reading() as connection:
            row = queries.entity(connection, _row_id(request, "entity_id"))
        if row is None:
            raise HTTPException(404, "no such entity")
        return JSONResponse(row)

    def timeline(request: Request) -> Response:
        params = request.query_params
        limit, offset = _page(params, LIST_LIMIT)
        entity_id = _row_id(request, "entity_id")
        with reading() as connection:
            if not queries.entities(connection, entity_id):
                raise HTTPException(404, "no such entity")
            rows = queries.timeline(connection, entity_id, params.get("about") or None)
        return _listing(rows[offset : offset + limit + 1], limit, offset)

    def events(request: Request) -> Response:
        params = request.query_params
        limit, offset = _page(params, EVENTS_LIMIT)
        event_type = params.get("type")
        if event_type and event_type.upper() not in queries.event_types():
            raise HTTPException(
                400, f"type: {event_type!r} is not a PLOVER event type ({', '.join(queries.event_types())})"
            )
        with reading() as connection:
            rows = queries.events(
                connection,
                event_type or None,
                params.get("actor") or None,
                params.get("recipient") or None,
                _period(params, "since"),
                _period(params, "until"),
                limit + 1,
                offset,
            )
        return _listing(rows, limit, offset)

    async def extract(request: Request) -> Response:
        if not settings.allow_extract:
            raise HTTPException(403, "extraction is off on this server (start it with --allow-extract)")
        article = _posted(await _body(request, settings.max_body))

        def run(extractor: Extractor) -> list[dict[str, Any]]:
            return [extraction.to_dict() for extraction in extractor.extract(article.documents)]

        extractions = await run_in_threadpool(settings.extract_with, run)
        return JSONResponse({"extractions": extractions})

    async def ingest(request: Request) -> Response:
        if not settings.allow_ingest:
            raise HTTPException(403, "ingest is off on this server (start it with --allow-ingest)")
        _check_token(request, settings.token or "")
        article = _posted(await _body(request, settings.max_body))

        def run(extractor: Extractor) -> dict[str, object]:
            from reportedly.ingest.run import ingest as run_ingest
            from reportedly.store.corpus import Store

            store = Store(settings.db_path, coder=extractor.resources.coder)
            try:
                return run_ingest([article], store, extractor).to_dict()
            finally:
                store.close()

        try:
            summary = await run_in_threadpool(settings.extract_with, run)
        except (StoreError, sqlite3.DatabaseError):
            raise HTTPException(503, "the store cannot be written") from None
        return JSONResponse(summary, 201 if summary["stored"] else 200)

    return [
        Route(f"{PREFIX}/documents", documents, methods=["GET"]),
        Route(f"{PREFIX}/documents/{{document_id:int}}", document, methods=["GET"]),
        Route(f"{PREFIX}/quotes", quotes, methods=["GET"]),
        Route(f"{PREFIX}/speakers", speakers, methods=["GET"]),
        Route(f"{PREFIX}/entities", entities, methods=["GET"]),
        Route(f"{PREFIX}/entities/{{entity_id:int}}", entity, methods=["GET"]),
        Route(f"{PREFIX}/entities/{{entity_id:int}}/timeline", timeline, methods=["GET"]),
        Route(f"{PREFIX}/events", events, methods=["GET"]),
        Route(f"{PREFIX}/extract", extract, methods=["POST"]),
        Route(f"{PREFIX}/ingest", ingest, methods=["POST"]),
    ]


def _listing(rows: list[dict[str, Any]], limit: int, offset: int) -> Response:
    """A page of ``rows`` (fetched one beyond ``limit``, to know whether more follow)."""
    for row in rows:
        for flag in _FLAGS:
            if flag in row and row[flag] is not None:
                row[flag] = bool(row[flag])
    more = len(rows) > limit
    return JSONResponse({"rows": rows[:limit], "next": _cursor(offset + limit) if more else None})


def _cursor(offset: int) -> str:
    return base64.urlsafe_b64encode(f"o{offset}".encode()).decode().rstrip("=")


def _page(params: QueryParams, default: int) -> tuple[int, int]:
    """``limit`` (1 to MAX_LIMIT) and the offset the ``cursor`` stands for."""
    limit_text = params.get("limit")
    if limit_text is None:
        limit = default
    elif not (limit_text.isascii() and limit_text.isdigit()) or not 1 <= int(limit_text) <= MAX_LIMIT:
        raise HTTPException(400, f"limit: {limit_text!r} is not a whole number from 1 to {MAX_LIMIT}")
    else:
        limit = int(limit_text)
    cursor = params.get("cursor")
    if cursor is None:
        return limit, 0
    try:
        decoded = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode("ascii")
    except (binascii.Error, UnicodeDecodeError, ValueError):
        decoded = ""
    number = decoded[1:]
    if not (decoded.startswith("o") and number.isdigit() and int(number) <= LARGEST_INTEGER):
        raise HTTPException(400, f"cursor: {cursor!r} is not a cursor this API gave")
    return limit, int(number)


def _period(params: QueryParams, name: str) -> str | None:
    value = params.get(name)
    if not value:
        return None
    try:
        return queries.check_period(value)
    except ValueError as error:
        raise HTTPException(400, f"{name}: {error}") from None


def _choice(params: QueryParams, name: str, choices: tuple[str, ...]) -> str | None:
    value = params.get(name)
    if not value:
        return None
    if value not in choices:
        raise HTTPException(400, f"{name}: {value!r} is not one of {', '.join(choices)}")
    return value


def _searching(check: Callable[[str], str], value: str) -> str:
    try:
        return check(value)
    except queries.SearchError as error:
        raise HTTPException(400, str(error)) from None


def _row_id(request: Request, name: str) -> int:
    """A path's row id; one larger than SQLite holds is no row (404), not an overflow."""
    number: int = request.path_params[name]
    if number > LARGEST_INTEGER:
        raise HTTPException(404, "no such row")
    return number


def _public_document(row: dict[str, Any]) -> dict[str, Any]:
    """A document's row without its source, which names a file on the server."""
    row.pop("source", None)
    return row


async def _body(request: Request, max_body: int) -> bytes:
    """The request's body, refused (413) once it is over ``max_body`` bytes, announced or not."""
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > max_body:
        raise HTTPException(413, f"the body is over {max_body} bytes")
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > max_body:
            raise HTTPException(413, f"the body is over {max_body} bytes")
    return bytes(body)


def _posted(body: bytes) -> Article:
    """The article a posted JSON object describes (its ``text``, and optionally ``id``,
    ``title``, ``url``, ``outlet``, ``published``), or a 422 saying what is wrong with it."""
    try:
        return posted_article(body)
    except InputError as error:
        raise HTTPException(422, error.problem) from None


def _check_token(request: Request, token: str) -> None:
    """The request's bearer token is ``token`` (compared in constant time), else 401."""
    scheme, _, given = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not secrets.compare_digest(given.strip().encode(), token.encode()):
        raise HTTPException(401, "a valid bearer token is needed", headers={"WWW-Authenticate": "Bearer"})
