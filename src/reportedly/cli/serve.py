"""``reportedly serve``: the store over HTTP (:mod:`reportedly.serve`), on uvicorn."""

from __future__ import annotations

from pathlib import Path

import click

from reportedly.cli.corpus import db_option
from reportedly.store.database import StoreError, connect_read_only, default_path


@click.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True, help="The address to listen on.")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True)
@click.option(
    "--allow-extract",
    is_flag=True,
    help="Offer POST /api/v1/extract on any address (it is offered on 127.0.0.1 and localhost anyway).",
)
@click.option(
    "--allow-ingest", is_flag=True, help="Offer POST /api/v1/ingest, to the bearer token of --token-file."
)
@click.option(
    "--token-file",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="A file holding the bearer token that POST /api/v1/ingest takes.",
)
@click.option(
    "--max-body",
    type=click.IntRange(min=1),
    default=None,
    help="Largest request body in bytes (default 2 MB).",
)
def serve(
    db_path: Path | None,
    host: str,
    port: int,
    allow_extract: bool,
    allow_ingest: bool,
    token_file: Path | None,
    max_body: int | None,
) -> None:
    """Serve the store: web pages to browse it (/, /documents, /entities/ID, /search,
    /events, and /try when extraction is offered), a JSON API under /api/v1, its OpenAPI
    document at /openapi.json and a docs page at /api. The store is opened read-only
    unless --allow-ingest."""
    import uvicorn

    from reportedly.serve.app import DEFAULT_MAX_BODY, LOCAL_HOSTS, create_app

    if allow_ingest and token_file is None:
        raise click.UsageError("--allow-ingest needs --token-file (the bearer token ingest takes)")
    token = _read_token(token_file) if token_file is not None else None
    path = db_path or default_path()
    try:
        connect_read_only(path).close()  # a missing or unreadable store said at once, not per request
    except StoreError as error:
        raise click.ClickException(str(error)) from None
    app = create_app(
        path,
        allow_extract=allow_extract or host in LOCAL_HOSTS,
        allow_ingest=allow_ingest,
        token=token,
        max_body=max_body or DEFAULT_MAX_BODY,
    )
    uvicorn.run(app, host=host, port=port, log_level="info", server_header=False)


def _read_token(path: Path) -> str:
    """The bearer token in ``path``, the file's one line, stripped; an unreadable or empty
    file, or one of several lines, is a usage error."""
    try:
        token = path.read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError) as error:
        problem = error.strerror if isinstance(error, OSError) else "not valid UTF-8"
        raise click.BadParameter(f"{path}: cannot read ({problem})", param_hint="--token-file") from None
    if not token or "\n" in token:
        raise click.BadParameter(f"{path}: no token in it (one line of text)", param_hint="--token-file")
    return token
