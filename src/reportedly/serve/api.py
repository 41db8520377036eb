"""``/api/v1``: the store's queries as JSON, the same functions the CLI calls
(:mod:`reportedly.store.queries`), on read-only connections kept one per worker thread.

Lists answer ``{"rows": [...], "next": CURSOR | null}``: ``next`` is passed back as
``cursor`` for the following page. A cursor holds the sort key of the last row given (an
offset for the counts of ``speakers``), so a page deep in a list costs what the first one
does, and no row is skipped or given twice. A bad parameter is a 400 naming it, a missing
row a 404, a body too large a 413, a body that is not what the endpoint takes a 422."""

from __future__ import annotations

import base64
import binascii
import json
import os
import secrets
import sqlite3
import threading
from collections import OrderedDict
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import anyio
import anyio.to_thread
import orjson
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
from reportedly.store.database import LARGEST_INTEGER, SCHEMA_VERSION, StoreError, connect_read_only

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
# How many answers over the whole store (a page of `speakers`, the home page's counts) are kept.
KEPT_ANSWERS = 256
# Queries run in at most this many threads at once; more requests wait their turn. On 2
# cores, 4 threads answered 441 requests/s of bench/serve.py's mix (20 clients), 2 answered
# 419, 8 answered 369 and 40 (Starlette's default) 376, with more memory for their connections.
QUERY_THREADS = 2 * (os.cpu_count() or 1)


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
    reader: StoreReader = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self.reader = StoreReader(self.db_path)

    def extract_with(self, run: Callable[[Extractor], Any]) -> Any:
        with self._extracting:
            if self._extractor is None:
                if self.load_extractor is None:
                    from reportedly.extract import Extractor

                    self._extractor = Extractor()
                else:
                    self._extractor = self.load_extractor()
            return run(self._extractor)


class StoreReader:
    """The store as the API and the pages read it: a read-only connection kept per worker
    thread (opening one and reading the schema again for each request cost more than most
    queries; each query sees the store as last committed), and at most QUERY_THREADS
    threads running queries at once."""

    def __init__(self, db_path: Path) -> None:
        self.db_path = db_path
        self._kept = threading.local()
        # Made on first use: anyio picks the backend of a limiter from the running event loop.
        self._limiters: list[anyio.CapacityLimiter] = []
        self._version = _StoreVersion(db_path)
        self._answers: OrderedDict[tuple[object, ...], Any] = OrderedDict()
        self._answers_lock, self._answering = threading.Lock(), threading.Lock()

    def kept(self, question: tuple[object, ...], answer: Callable[[sqlite3.Connection], Any]) -> Any:
        """``answer`` to ``question`` (a query over the whole store, the same for every
        visitor: counts that take tens of milliseconds on a large store), kept until the
        store changes. One is worked out at a time: the visitors asking at once wait for
        it rather than count again."""
        question = (self._version.current(), *question)
        with self._answers_lock:
            if question in self._answers:
                return self._answers[question]
        with self._answering:
            with self._answers_lock:
                if question in self._answers:
                    return self._answers[question]
            with self.reading() as connection:
                found = answer(connection)
            with self._answers_lock:
                self._answers[question] = found
                while len(self._answers) > KEPT_ANSWERS:
                    self._answers.popitem(last=False)
        return found

    @contextmanager
    def reading(self) -> Iterator[sqlite3.Connection]:
        connection: sqlite3.Connection | None = getattr(self._kept, "connection", None)
        try:
            if (
                connection is not None
                and connection.execute("PRAGMA user_version").fetchone()[0] != SCHEMA_VERSION
            ):
                connection.close()  # migrated by a newer reportedly: connect_read_only says so
                connection = None
            if connection is None:
                connection = self._kept.connection = connect_read_only(self.db_path)
            yield connection
        except (StoreError, sqlite3.DatabaseError):
            if connection is not None:
                connection.close()
            self._kept.connection = None
            raise HTTPException(503, "the store cannot be read") from None

    def threaded(self, endpoint: Callable[[Request], Response]) -> Callable[[Request], Awaitable[Response]]:
        """``endpoint`` run in one of QUERY_THREADS threads (Starlette's own pool has 40)."""

        async def run(request: Request) -> Response:
            if not self._limiters:
                self._limiters.append(anyio.CapacityLimiter(QUERY_THREADS))
            return await anyio.to_thread.run_sync(endpoint, request, limiter=self._limiters[0])

        return run


def routes(settings: Settings) -> list[Route]:
    """The API's routes over ``settings``' store."""

    reading, threaded = settings.reader.reading, settings.reader.threaded

    def documents(request: Request) -> Response:
        limit, after = page(request.query_params, LIST_LIMIT, ID_KEY)
        with reading() as connection:
            rows = queries.documents(connection, limit=limit + 1, after=after[0] if after else 0)
        return _listing([_public_document(row) for row in rows], limit, row_key)

    def document(request: Request) -> Response:
        with reading() as connection:
            row = queries.document(connection, row_id(request, "document_id"))
        if row is None:
            raise HTTPException(404, "no such document")
        return FastJSONResponse(_public_document(row))

    def quotes(request: Request) -> Response:
        params = request.query_params
        limit, after = page(params, QUOTES_LIMIT, NEWEST_KEY)
        with reading() as connection:
            rows = queries.quotes(connection, quote_filter(connection, params, limit + 1, after))
        for row in rows:
            # Already JSON (SQLite's json() of the stored list): written into the answer as it is.
            row["content_spans"] = orjson.Fragment(row["content_spans"])
        return _listing(rows, limit, queries.newest_key)

    def speakers(request: Request) -> Response:
        params = request.query_params
        limit, start = page(params, SPEAKERS_LIMIT, ID_KEY)
        offset = start[0] if start else 0
        by = choice(params, "by", ("outlet", "month"))
        since, until = period(params, "since"), period(params, "until")
        # Counts over the whole store, the same for every visitor (the home page shows them).
        rows = settings.reader.kept(
            ("speakers", by, since, until, limit, offset),
            lambda connection: queries.speakers(connection, by, since, until, limit + 1, offset),
        )
        more = len(rows) > limit
        return FastJSONResponse({"rows": rows[:limit], "next": cursor((offset + limit,)) if more else None})

    def entities(request: Request) -> Response:
        limit, after = page(request.query_params, LIST_LIMIT, ID_KEY)
        with reading() as connection:
            rows = queries.entities(connection, limit=limit + 1, after=after[0] if after else 0)
        return _listing(rows, limit, row_key)

    def entity(request: Request) -> Response:
        with reading() as connection:
            row = queries.entity(connection, row_id(request, "entity_id"))
        if row is None:
            raise HTTPException(404, "no such entity")
        return FastJSONResponse(row)

    def timeline(request: Request) -> Response:
        params = request.query_params
        limit, after = page(params, LIST_LIMIT, TIMELINE_KEY)
        entity_id = row_id(request, "entity_id")
        with reading() as connection:
            if not queries.entities(connection, entity_id):
                raise HTTPException(404, "no such entity")
            rows = queries.timeline(connection, entity_id, params.get("about") or None, limit + 1, after)
        return _listing(rows, limit, queries.timeline_key)

    def events(request: Request) -> Response:
        params = request.query_params
        limit, after = page(params, EVENTS_LIMIT, NEWEST_KEY)
        event_type = chosen_event_type(params)
        with reading() as connection:
            rows = queries.events(
                connection,
                event_type,
                params.get("actor") or None,
                params.get("recipient") or None,
                period(params, "since"),
                period(params, "until"),
                limit + 1,
                after,
            )
        return _listing(rows, limit, queries.newest_key)

    async def extract(request: Request) -> Response:
        if not settings.allow_extract:
            raise HTTPException(403, "extraction is off on this server (start it with --allow-extract)")
        article = posted(await read_body(request, settings.max_body))

        def run(extractor: Extractor) -> list[dict[str, Any]]:
            return [extraction.to_dict() for extraction in extractor.extract(article.documents)]

        extractions = await run_in_threadpool(settings.extract_with, run)
        return JSONResponse({"extractions": extractions})

    async def ingest(request: Request) -> Response:
        if not settings.allow_ingest:
            raise HTTPException(403, "ingest is off on this server (start it with --allow-ingest)")
        _check_token(request, settings.token or "")
        article = posted(await read_body(request, settings.max_body))

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
        Route(f"{PREFIX}/documents", threaded(documents), methods=["GET"]),
        Route(f"{PREFIX}/documents/{{document_id:int}}", threaded(document), methods=["GET"]),
        Route(f"{PREFIX}/quotes", threaded(quotes), methods=["GET"]),
        Route(f"{PREFIX}/speakers", threaded(speakers), methods=["GET"]),
        Route(f"{PREFIX}/entities", threaded(entities), methods=["GET"]),
        Route(f"{PREFIX}/entities/{{entity_id:int}}", threaded(entity), methods=["GET"]),
        Route(f"{PREFIX}/entities/{{entity_id:int}}/timeline", threaded(timeline), methods=["GET"]),
        Route(f"{PREFIX}/events", threaded(events), methods=["GET"]),
        Route(f"{PREFIX}/extract", extract, methods=["POST"]),
        Route(f"{PREFIX}/ingest", ingest, methods=["POST"]),
    ]


class _StoreVersion:
    """A number that changes whenever the store does (SQLite's ``data_version`` on a
    connection of its own, which counts the commits of every other connection and process)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.lock = threading.Lock()
        self.connection: sqlite3.Connection | None = None
        self.seen: int | None = None
        self.changes = 0

    def current(self) -> int:
        with self.lock:
            try:
                if self.connection is None:
                    # Used by one thread at a time (the lock), whichever it is.
                    self.connection = sqlite3.connect(
                        f"{self.path.resolve().as_uri()}?mode=ro", uri=True, check_same_thread=False
                    )
                version = self.connection.execute("PRAGMA data_version").fetchone()[0]
            except sqlite3.DatabaseError:
                self.connection = None
                raise HTTPException(503, "the store cannot be read") from None
            if version != self.seen:
                self.seen, self.changes = version, self.changes + 1
            return self.changes


# The keys a cursor holds: a row id (or the offset of a page of `speakers`), the
# NEWEST_FIRST key of a quote or an event, the TIMELINE_ORDER key of a timeline's row.
ID_KEY: tuple[type, ...] = (int,)
NEWEST_KEY: tuple[type, ...] = (str, int, int)
TIMELINE_KEY: tuple[type, ...] = (str, str, int, bool, int)


def row_key(row: dict[str, Any]) -> tuple[int]:
    return (row["id"],)


def quote_filter(
    connection: sqlite3.Connection, params: QueryParams, limit: int, after: tuple[Any, ...] | None
) -> queries.QuoteFilter:
    """The quote filters of ``params`` (``speaker``, ``about``, ``search``, ``fts``, ``since``,
    ``until``, ``outlet``, ``kind``), as the quotes endpoint and the search page take them;
    a bad one is a 400 naming it."""
    search, fts = params.get("search"), params.get("fts")
    speaker = None
    if words := params.get("speaker"):
        try:
            speaker = queries.check_speaker(connection, queries.speaker_filter(connection, words))
        except queries.NamingError as error:
            raise HTTPException(400, f"speaker: {error}") from None
    return queries.QuoteFilter(
        speaker,
        about=params.get("about") or None,
        # An empty filter is no filter, as a form sends the fields left blank.
        search=searching(queries.search_expression, search) if search else None,
        fts=searching(queries.check_fts_syntax, fts) if fts else None,
        since=period(params, "since"),
        until=period(params, "until"),
        outlet=params.get("outlet") or None,
        kind=choice(params, "kind", ATTRIBUTION_KINDS),
        limit=limit,
        after=after,
        spans=True,
    )


def next_cursor(rows: list[Any], limit: int, key: Callable[[Any], tuple[Any, ...]]) -> str | None:
    """The cursor of the page after ``rows`` (fetched one beyond ``limit``): the ``key`` of
    its last row, or None when no row follows."""
    return cursor(key(rows[limit - 1])) if len(rows) > limit else None


def _listing(
    rows: list[dict[str, Any]], limit: int, key: Callable[[dict[str, Any]], tuple[Any, ...]]
) -> Response:
    """A page of ``rows`` (fetched one beyond ``limit``, to know whether more follow); the
    cursor of the next holds the ``key`` of its last row."""
    for row in rows:
        for flag in _FLAGS:
            if flag in row and row[flag] is not None:
                row[flag] = bool(row[flag])
    return FastJSONResponse({"rows": rows[:limit], "next": next_cursor(rows, limit, key)})


class FastJSONResponse(JSONResponse):
    """A JSON answer written by orjson: the same compact UTF-8 JSON as Starlette's (no NaN, which
    no store column holds), in a tenth of the time of the standard library's encoder, which was
    a fifth of the processor time of a page of quotes or events."""

    def render(self, content: Any) -> bytes:
        return orjson.dumps(content)


def cursor(key: tuple[Any, ...]) -> str:
    text = json.dumps(list(key), ensure_ascii=False, separators=(",", ":"))
    return base64.urlsafe_b64encode(text.encode()).decode().rstrip("=")


def page(params: QueryParams, default: int, shape: tuple[type, ...]) -> tuple[int, Any | None]:
    """``limit`` (1 to MAX_LIMIT) and the key the ``cursor`` holds, of the types of ``shape``
    (None: no cursor, the first page)."""
    limit_text = params.get("limit")
    if limit_text is None:
        limit = default
    elif not (limit_text.isascii() and limit_text.isdigit()) or not 1 <= int(limit_text) <= MAX_LIMIT:
        raise HTTPException(400, f"limit: {limit_text!r} is not a whole number from 1 to {MAX_LIMIT}")
    else:
        limit = int(limit_text)
    given = params.get("cursor")
    if given is None:
        return limit, None
    try:
        key = json.loads(base64.urlsafe_b64decode(given + "=" * (-len(given) % 4)))
    except (binascii.Error, UnicodeDecodeError, ValueError):
        key = None
    if not (isinstance(key, list) and len(key) == len(shape) and all(map(_fits, key, shape))):
        raise HTTPException(400, f"cursor: {given!r} is not a cursor this API gave")
    return limit, tuple(key)


def _fits(value: object, kind: type) -> bool:
    """Whether a value of a cursor is of ``kind`` and SQLite can take it."""
    if type(value) is not kind:
        return False
    if isinstance(value, str):
        try:
            value.encode("utf-8")  # a lone surrogate cannot be bound
        except UnicodeEncodeError:
            return False
        return True
    return isinstance(value, bool) or 0 <= value <= LARGEST_INTEGER  # type: ignore[operator]


def checked(params: QueryParams, name: str, check: Callable[[str], str]) -> str | None:
    """The parameter ``name`` as ``check`` gives it back (None when not given or empty, as a
    form sends a field left blank); a ValueError of ``check`` is a 400 naming the parameter."""
    value = params.get(name)
    if not value:
        return None
    try:
        return check(value)
    except ValueError as error:
        raise HTTPException(400, f"{name}: {error}") from None


def period(params: QueryParams, name: str) -> str | None:
    """The date, month or year of the parameter ``name`` (``since``, ``until``)."""
    return checked(params, name, queries.check_period)


def chosen_event_type(params: QueryParams) -> str | None:
    """The PLOVER event type ``type`` names, in any case (None when not given), else a 400."""
    return checked(params, "type", queries.event_type)


def choice(params: QueryParams, name: str, choices: tuple[str, ...]) -> str | None:
    value = params.get(name)
    if not value:
        return None
    if value not in choices:
        raise HTTPException(400, f"{name}: {value!r} is not one of {', '.join(choices)}")
    return value


def searching(check: Callable[[str], str], value: str) -> str:
    try:
        return check(value)
    except queries.SearchError as error:
        raise HTTPException(400, str(error)) from None


def row_id(request: Request, name: str) -> int:
    """A path's row id; one larger than SQLite holds is no row (404), not an overflow."""
    number: int = request.path_params[name]
    if number > LARGEST_INTEGER:
        raise HTTPException(404, "no such row")
    return number


def _public_document(row: dict[str, Any]) -> dict[str, Any]:
    """A document's row without its source, which names a file on the server."""
    row.pop("source", None)
    return row


async def read_body(request: Request, max_body: int) -> bytes:
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


def posted(body: bytes) -> Article:
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
