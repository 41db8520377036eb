"""The HTML pages of ``reportedly serve``, rendered on the server from the queries the API
answers with (:mod:`reportedly.store.queries`): every page reads without JavaScript, which
only adds the tooltips of the article page (``static/site.js``).

- ``/``: the corpus in numbers, who is quoted most, the latest statements, a search box;
- ``/documents`` and ``/documents/{id}``: an article's text with every attribution marked
  (:mod:`.marking`), its attributions, events and times beside it;
- ``/entities/{id}``: a speaker's names, code, statements, charts (:mod:`.charts`), whom it
  addresses and mentions;
- ``/search``: quotes with the CLI's filters as a form, the words searched for highlighted;
- ``/events``: events with their filters and a chart of their types by month;
- ``/issues`` and ``/issues/{name}``: positions, in :mod:`.positions`;
- ``/try``: a pasted text marked as an article is (when extraction is offered)."""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Callable
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qs, urlencode

import jinja2
from markupsafe import Markup, escape
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import QueryParams
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.routing import Route

from reportedly.model import ATTRIBUTION_KINDS
from reportedly.serve import api, positions
from reportedly.serve.charts import bar_chart
from reportedly.serve.marking import Span, marked_text
from reportedly.store import queries
from reportedly.store.database import HYPHEN, WORD

if TYPE_CHECKING:
    from reportedly.extract import Extractor

HOME_ROWS = 10
SEARCH_LIMIT = 50
DOCUMENTS_LIMIT = 100
EVENTS_LIMIT = 100
# An entity's page lists this many statements; the search page (speaker filter) has them all.
ENTITY_STATEMENTS = 500
# Speaker colours: style.css has a class for each (speaker-0 ... speaker-9), given in order of
# appearance on a page; an attribution without a speaker is speaker-none.
SPEAKER_COLOURS = 10
# The quote filters of the search form, as the API's quotes endpoint takes them, "q" for search.
QUOTE_FIELDS = ("q", "speaker", "about", "fts", "since", "until", "outlet", "kind")
EVENT_FIELDS = ("type", "actor", "recipient", "since", "until")
_WEB_ADDRESS = re.compile(r"https?://", re.IGNORECASE)


def renderer(settings: api.Settings, templates: jinja2.Environment) -> Callable[..., HTMLResponse]:
    """What renders a page: a template of ``templates`` by name, with its context."""

    def render(name: str, status_code: int = 200, **context: Any) -> HTMLResponse:
        page = templates.get_template(name).render(allow_extract=settings.allow_extract, **context)
        return HTMLResponse(page, status_code)

    return render


def routes(settings: api.Settings, templates: jinja2.Environment) -> list[Route]:
    """The pages over ``settings``' store, rendered with ``templates``."""
    render = renderer(settings, templates)
    reading, threaded = settings.reader.reading, settings.reader.threaded

    def home(request: Request) -> Response:
        counts, speakers = settings.reader.kept(("home",), _home_counts)
        with reading() as connection:
            latest = queries.quotes(connection, queries.QuoteFilter(limit=HOME_ROWS, spans=True))
        return render("home.html", counts=counts, speakers=speakers, quotes=latest)

    def documents(request: Request) -> Response:
        limit, after = api.page(request.query_params, DOCUMENTS_LIMIT, api.ID_KEY)
        with reading() as connection:
            rows = queries.documents(connection, limit=limit + 1, after=after[0] if after else 0)
        next_page = _next_page(request, api.next_cursor(rows, limit, api.row_key))
        return render("documents.html", rows=rows[:limit], next=next_page)

    def document(request: Request) -> Response:
        document_id = api.row_id(request, "document_id")
        with reading() as connection:
            row = queries.document(connection, document_id)
            stored = {
                speaker["attribution"]: speaker
                for speaker in queries.document_speakers(connection, document_id)
            }
        if row is None:
            raise HTTPException(404, "no such document")
        marked = _marked(row["text"], row["extraction"], stored) if row["extraction"] else None
        link = row["url"] if row["url"] and _WEB_ADDRESS.match(row["url"]) else None
        return render("document.html", document=row, marked=marked, link=link)

    def entity(request: Request) -> Response:
        entity_id = api.row_id(request, "entity_id")
        with reading() as connection:
            row = queries.entity(connection, entity_id)
            if row is None:
                raise HTTPException(404, "no such entity")
            statements = queries.entity_statements(connection, entity_id, ENTITY_STATEMENTS + 1)
        # Counts over all of the entity's statements and events, the same for every visitor:
        # kept until the store changes, as they took two thirds of the page's time (the roles
        # and the events' recipients read the JSON of every document that mentions it).
        # One kept answer a page: a crawl of entity pages evicts half as many others.
        months, event_types, addressees, mentioned, roles, stances = settings.reader.kept(
            ("entity summary", entity_id), lambda connection: _entity_summary(connection, entity_id)
        )
        charts = {
            "months": bar_chart(months, "month", "statements", f"Statements of {row['name']} per month"),
            "events": bar_chart(
                event_types, "event_type", "events", f"Events {row['name']} is a party to", color="role"
            ),
        }
        return render(
            "entity.html",
            entity=row,
            roles=roles,
            statements=statements[:ENTITY_STATEMENTS],
            more_statements=len(statements) > ENTITY_STATEMENTS,
            months=months,
            event_types=event_types,
            addressees=addressees,
            mentioned=mentioned,
            positions=stances,
            charts=charts,
        )

    def search(request: Request) -> Response:
        params = request.query_params
        form = {name: params.get(name, "") for name in QUOTE_FIELDS}
        context: dict[str, Any] = {
            "form": form,
            "kinds": ATTRIBUTION_KINDS,
            "rows": None,
            "next": None,
            "search_words": form["q"],
        }
        if not any(form.values()):
            return render("search.html", **context)
        try:
            limit, after = api.page(params, SEARCH_LIMIT, api.NEWEST_KEY)
            # The form's "q" is the API's "search".
            filters = QueryParams({**form, "search": form["q"]} if form["q"] else form)
            with reading() as connection:
                rows = queries.quotes(connection, api.quote_filter(connection, filters, limit + 1, after))
        except HTTPException as error:
            if error.status_code != 400:
                raise
            return render("search.html", 400, error=error.detail, **context)
        for row in rows[:limit]:
            row["highlighted"] = highlighted(row["content"], form["q"], form["about"])
        next_page = _next_page(request, api.next_cursor(rows, limit, queries.newest_key))
        context.update(rows=rows[:limit], next=next_page)
        return render("search.html", **context)

    def events(request: Request) -> Response:
        params = request.query_params
        form = {name: params.get(name, "") for name in EVENT_FIELDS}
        context: dict[str, Any] = {"form": form, "types": queries.event_types()}
        try:
            limit, after = api.page(params, EVENTS_LIMIT, api.NEWEST_KEY)
            event_type = api.chosen_event_type(params)
            since, until = api.period(params, "since"), api.period(params, "until")
        except HTTPException as error:
            if error.status_code != 400:
                raise
            return render("events.html", 400, error=error.detail, rows=[], chart="", **context)
        with reading() as connection:
            rows = queries.events(
                connection,
                event_type,
                form["actor"] or None,
                form["recipient"] or None,
                since,
                until,
                limit + 1,
                after,
            )
        months = settings.reader.kept(("event type months",), queries.event_type_months)
        chart = bar_chart(months, "month", "events", "Events per month by type", color="event_type")
        next_page = _next_page(request, api.next_cursor(rows, limit, queries.newest_key))
        context.update(rows=rows[:limit], next=next_page, chart=chart)
        return render("events.html", **context)

    async def try_it(request: Request) -> Response:
        if not settings.allow_extract:
            return render("try.html", 403, text="", published="", results=None)
        if request.method == "GET":
            return render("try.html", text="", published="", results=None)
        fields = parse_qs((await api.read_body(request, settings.max_body)).decode("utf-8", "replace"))
        text = fields.get("text", [""])[0]
        published = fields.get("published", [""])[0].strip()
        posted = {"text": text, **({"published": published} if published else {})}
        try:
            article = api.posted(json.dumps(posted).encode())
        except HTTPException as error:
            return render(
                "try.html",
                error.status_code,
                text=text,
                published=published,
                results=None,
                error=error.detail,
            )

        def run(extractor: Extractor) -> list[dict[str, Any]]:
            return [extraction.to_dict() for extraction in extractor.extract(article.documents)]

        extractions = await run_in_threadpool(settings.extract_with, run)
        results = [
            _marked(document.text, extraction, None, anchor_prefix=f"d{number}-")
            for number, (document, extraction) in enumerate(zip(article.documents, extractions, strict=True))
        ]
        return render("try.html", text=text, published=published, results=results)

    return [
        Route("/", threaded(home), methods=["GET"]),
        Route("/documents", threaded(documents), methods=["GET"]),
        Route("/documents/{document_id:int}", threaded(document), methods=["GET"]),
        Route("/entities/{entity_id:int}", threaded(entity), methods=["GET"]),
        Route("/search", threaded(search), methods=["GET"]),
        Route("/events", threaded(events), methods=["GET"]),
        Route("/try", try_it, methods=["GET", "POST"]),
    ]


def highlighted(text: str, words: str, phrase: str = "") -> Markup:
    """``text`` escaped, with what a quote search found in it inside ``<mark class="hit">``:
    each of ``words`` as the full-text index matches it (whole words, any case; a hyphenated
    word is its parts and its closed form: "ceasefire" finds "cease-fire"), and ``phrase``
    anywhere, as ``about`` (a LIKE) finds it."""
    wanted = set()
    for word in WORD.findall(words):
        wanted.add(HYPHEN.sub("", word).casefold())
        wanted.update(part.casefold() for part in HYPHEN.split(word))
    hits = []
    for match in WORD.finditer(text):
        if HYPHEN.sub("", match.group()).casefold() in wanted:
            hits.append(match.span())
            continue
        position = match.start()
        for part in HYPHEN.split(match.group()):
            if part.casefold() in wanted:
                hits.append((position, position + len(part)))
            position += len(part) + 1
    if phrase:
        hits += [match.span() for match in re.finditer(re.escape(phrase), text, re.IGNORECASE)]
    merged: list[list[int]] = []  # overlapping hits as one
    for start, end in sorted(hits):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    pieces, position = [], 0
    for start, end in merged:
        pieces += [str(escape(text[position:start])), f'<mark class="hit">{escape(text[start:end])}</mark>']
        position = end
    pieces.append(str(escape(text[position:])))
    return Markup("".join(pieces))


def _marked(
    text: str, extraction: dict[str, Any], stored: dict[str, queries.Row] | None, anchor_prefix: str = ""
) -> dict[str, Any]:
    """What the article and try-it pages show of an extraction of ``text``: the marked text,
    each attribution's details (speaker as ``stored`` has it, the store's rows by local id,
    else as extracted), its events and times."""
    codes = {
        entity["id"]: (entity.get("actor") or {}).get("code") for entity in extraction.get("entities", [])
    }
    colours: dict[object, str] = {}
    details, spans = [], []
    for attribution in extraction["attributions"]:
        speaker = attribution.get("speaker") or {}
        source = attribution.get("source")
        row = (stored or {}).get(attribution["id"])
        if row is not None:  # the store's speaker, a fix by hand included
            name, entity, code = row["speaker"], row["entity"], row["code"]
        else:
            name = speaker.get("name") or (f"({source['text']})" if source else None)
            entity, code = None, codes.get(speaker.get("entity"))
        # A colour per speaker found (its entity, else a group's names); grey for a bare source.
        key = entity or speaker.get("entity") or speaker.get("name")
        colour = (
            colours.setdefault(key, f"speaker-{len(colours) % SPEAKER_COLOURS}") if key else "speaker-none"
        )
        label = f"{attribution['id']}: {name or 'no speaker'}" + (f" ({code})" if code else "")
        parts = [("cue", 0, attribution.get("cue")), ("source", 0, source)]
        parts += [("content", index, part) for index, part in enumerate(attribution["content"])]
        focus_part = "cue" if attribution.get("cue") else "content"
        for part, index, span in parts:
            if span is not None:
                focusable = part == focus_part and index == 0
                spans.append(
                    Span(span["start"], span["end"], attribution["id"], part, index, colour, label, focusable)
                )
        details.append(
            {
                "id": attribution["id"],
                "kind": attribution["kind"],
                "speaker": name,
                "entity": entity,
                "code": code,
                "colour": colour,
                "cue": (attribution.get("cue") or {}).get("text"),
                "addressee": (attribution.get("addressee") or {}).get("text"),
                "channel": (attribution.get("channel") or {}).get("text"),
                "negated": attribution.get("negated", False),
                "hypothetical": attribution.get("hypothetical", False),
                "parent": attribution.get("parent"),
                "members": [member["name"] for member in speaker.get("members") or []],
            }
        )
    speakers_by_id = {detail["id"]: detail["speaker"] for detail in details}
    for detail in details:
        detail["parent_speaker"] = speakers_by_id.get(detail["parent"])
    return {
        "text": marked_text(text, spans, anchor_prefix),
        "attributions": details,
        "events": extraction.get("events", []),
        "times": extraction.get("times", []),
        "prefix": anchor_prefix,
    }


def _next_page(request: Request, cursor: str | None) -> str | None:
    """The query string of the page at ``cursor`` (None: this page is the last)."""
    if cursor is None:
        return None
    params = {name: value for name, value in request.query_params.items() if value and name != "cursor"}
    return "?" + urlencode({**params, "cursor": cursor})


def _entity_summary(connection: sqlite3.Connection, entity_id: int) -> tuple[list[Any], ...]:
    """An entity page's counts and positions: statements per month, event types, addressees,
    the entities its statements mention, its roles, its positions on each issue."""
    return (
        queries.entity_months(connection, entity_id),
        queries.entity_event_types(connection, entity_id),
        queries.entity_addressees(connection, entity_id),
        queries.entity_mentioned(connection, entity_id),
        queries.entity_roles(connection, entity_id),
        positions.entity_positions(connection, entity_id),
    )


def _home_counts(connection: sqlite3.Connection) -> tuple[queries.Row, list[queries.Row]]:
    """The home page's counts over the whole store: the corpus in numbers and who is quoted most."""
    return queries.corpus_counts(connection), queries.speakers(connection, limit=HOME_ROWS)
