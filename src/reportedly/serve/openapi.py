"""The API's OpenAPI 3.1 document, written by hand beside the routes of :mod:`.api`: every
endpoint, parameter and response shape (``tests/test_serve_api.py`` checks responses
against it)."""

from __future__ import annotations

from functools import cache
from importlib.metadata import version
from typing import Any

from reportedly.model import ATTRIBUTION_KINDS, STANCE_VALUES
from reportedly.serve.api import (
    EVENTS_LIMIT,
    LIST_LIMIT,
    MAX_LIMIT,
    PREFIX,
    QUOTES_LIMIT,
    SPEAKERS_LIMIT,
)
from reportedly.serve.positions import POSITIONS_LIMIT
from reportedly.store.queries import event_types

Schema = dict[str, Any]


def _nullable(kind: str) -> Schema:
    return {"type": [kind, "null"]}


def _row(required: dict[str, Schema], description: str) -> Schema:
    return {
        "type": "object",
        "description": description,
        "properties": required,
        "required": list(required),
    }


STRING, INTEGER, BOOLEAN = {"type": "string"}, {"type": "integer"}, {"type": "boolean"}
TEXT, NUMBER, FLAG = _nullable("string"), _nullable("integer"), _nullable("boolean")
ROWS = {
    "Quote": _row(
        {
            "id": INTEGER,
            "date": TEXT,
            "outlet": TEXT,
            "speaker": TEXT,
            "code": TEXT,
            "kind": {"enum": list(ATTRIBUTION_KINDS)},
            "cue": TEXT,
            "content": STRING,
            "addressee": TEXT,
            "channel": TEXT,
            "negated": BOOLEAN,
            "hypothetical": BOOLEAN,
            "headline": BOOLEAN,
            "document": STRING,
            "attribution": STRING,
            "source": TEXT,
            "parent": TEXT,
            "document_id": INTEGER,
            "cue_start": NUMBER,
            "cue_end": NUMBER,
            "source_start": NUMBER,
            "source_end": NUMBER,
            "content_spans": {
                "type": "array",
                "items": {"type": "array", "items": INTEGER, "minItems": 2, "maxItems": 2},
            },
        },
        "An attribution: its speaker (the entity's name, else the speaker's words, else its source's "
        "words in brackets), code, cue, content, addressee, channel, modality, and where its parts "
        "are in the text of document `document_id` (character offsets, end exclusive).",
    ),
    "Speaker": _row(
        {
            "speaker": STRING,
            "code": TEXT,
            "quotes": INTEGER,
            "documents": INTEGER,
            "first": TEXT,
            "last": TEXT,
            "entity_id": INTEGER,
        },
        "A resolved speaker's numbers of quotes and documents, and its entity's id; with `by`, also "
        "its outlet or month.",
    ),
    "Entity": _row(
        {
            "id": INTEGER,
            "name": STRING,
            "type": STRING,
            "code": TEXT,
            "country": TEXT,
            "sector": TEXT,
            "quotes": INTEGER,
            "names": TEXT,
        },
        "An entity with its code and number of quotes; `names`: the names it goes by, joined by commas.",
    ),
    "TimelineRow": _row(
        {
            "date": TEXT,
            "what": {"enum": ["statement", "event"]},
            "type": STRING,
            "word": TEXT,
            "text": TEXT,
            "addressee": TEXT,
            "channel": TEXT,
            "negated": BOOLEAN,
            "hypothetical": BOOLEAN,
            "document": STRING,
            "document_id": INTEGER,
            "id": INTEGER,
        },
        "A statement or an event of an entity, in date order: `id` is the attribution's (as in "
        "`quotes`) or the event's, `document_id` its document's.",
    ),
    "Event": _row(
        {
            "date": TEXT,
            "event_type": STRING,
            "actor": TEXT,
            "actor_name": TEXT,
            "recipient": TEXT,
            "recipient_name": TEXT,
            "trigger": STRING,
            "negated": BOOLEAN,
            "hypothetical": BOOLEAN,
            "sentence": TEXT,
            "document": STRING,
            "document_id": INTEGER,
            "id": INTEGER,
        },
        "A coded PLOVER event, each party's words beside its code; `id` is the event's, "
        "`document_id` its document's.",
    ),
    "DocumentRow": _row(
        {
            "id": INTEGER,
            "name": STRING,
            "published": TEXT,
            "outlet": TEXT,
            "title": TEXT,
            "page": NUMBER,
            "duplicate_of": NUMBER,
            "attributions": INTEGER,
            "events": INTEGER,
        },
        "A stored document: its id, name, date, outlet, title, live blog page and original, and counts.",
    ),
    "Issue": _row(
        {
            "issue": STRING,
            "definition": TEXT,
            "stances": INTEGER,
            "actors": INTEGER,
            "first": TEXT,
            "latest": TEXT,
        },
        "An issue the store's stances are on: its definition (null for one not in the shipped issues "
        "file), how many stances and actors, the first and latest dates.",
    ),
}
_SPAN = _row(
    {"start": INTEGER, "end": INTEGER, "text": STRING, "doc_id": STRING},
    "Where in document `doc_id`'s text (character offsets, end exclusive), and the text there.",
)
_STANCE = _row(
    {
        "stance": {"enum": list(STANCE_VALUES)},
        "condition": {"oneOf": [_SPAN, {"type": "null"}]},
        "demanded_of": {
            "oneOf": [
                _row(
                    {"text": STRING, "name": TEXT, "entity": NUMBER, "code": TEXT, "country": TEXT},
                    "Whom a demand is of: the words naming them, and the party they name (its name, "
                    "entity id and actor code; null where the words name no one resolved).",
                ),
                {"type": "null"},
            ]
        },
        "date": TEXT,
        "document_id": INTEGER,
        "statement": STRING,
        "evidence": {"type": "array", "items": _SPAN},
    },
    "A stance: its side, condition (a span), whom it demands of, date, and its evidence: the "
    "statement's content spans in document `document_id`; `statement` is its attribution's id "
    "(a3) or event's (v2) in that document.",
)
ROWS["Position"] = {
    **_STANCE,
    "description": "An actor's stance on an issue, as `reportedly positions` gives it: with `view=current` "
    "the current one and the number of `stances`; `history`: also every stance (`history`, oldest first) "
    "and the `shifts` ({from, to}); `shifts`: one row per shift, `previous` the stance it moved from.",
    "properties": {
        **_STANCE["properties"],
        "actor": _row(
            {"name": TEXT, "entity": NUMBER, "code": TEXT, "country": TEXT},
            "Who takes it: an entity (its id), a speaker's words (no entity), or an actor code (`by=code`).",
        ),
        "issue": _row({"name": STRING}, "The issue."),
        "stances": INTEGER,
        "history": {"type": "array", "items": _STANCE},
        "shifts": {
            "type": "array",
            "items": _row({"from": _STANCE, "to": _STANCE}, "A stance unlike the one before it."),
        },
        "previous": _STANCE,
    },
    "required": [*_STANCE["required"], "actor", "issue"],
}
ENTITY_DETAIL = {
    **ROWS["Entity"],
    "description": "An entity: its names as a list, code, type, country, sector and counts.",
    "properties": {
        **ROWS["Entity"]["properties"],
        "names": {"type": "array", "items": STRING},
        "documents": INTEGER,
        "events": INTEGER,
    },
    "required": [*ROWS["Entity"]["required"], "documents", "events"],
}
DOCUMENT = {
    **ROWS["DocumentRow"],
    "description": "A document: its metadata, its text, and its extraction in the `extract` schema "
    "(docs/schema.md; null for a duplicate, which is not extracted).",
    "properties": {
        **ROWS["DocumentRow"]["properties"],
        "url": TEXT,
        "posted": TEXT,
        "language": TEXT,
        "text": STRING,
        "extraction": {"type": ["object", "null"]},
    },
    "required": [*ROWS["DocumentRow"]["required"], "url", "posted", "language", "text", "extraction"],
}
ERROR = _row({"error": STRING, "status": INTEGER}, "What went wrong, and the status code.")
POSTED = {
    "type": "object",
    "description": "An article, as a JSON Lines record of `reportedly ingest`: its text, optionally "
    "id, title, url, outlet, published (YYYY-MM-DD) and language (null as if left out).",
    "properties": {
        "text": STRING,
        "id": TEXT,
        "title": TEXT,
        "url": TEXT,
        "outlet": TEXT,
        # An empty date is no date, as in a JSON Lines record.
        "published": {"oneOf": [{"type": "string", "format": "date"}, {"enum": ["", None]}]},
        "language": TEXT,
    },
    "required": ["text"],
}
INGEST_SUMMARY = _row(
    {
        "stored": INTEGER,
        "skipped": INTEGER,
        "duplicates": INTEGER,
        "dated": INTEGER,
        "failed": INTEGER,
        "failures": {"type": "array", "items": STRING},
        "ignored": INTEGER,
        "ignored_files": {"type": "array", "items": STRING},
    },
    "What the ingest did, as `reportedly ingest` prints it.",
)


def _parameter(name: str, description: str, schema: Schema | None = None, where: str = "query") -> Schema:
    return {
        "name": name,
        "in": where,
        "required": where == "path",
        "description": description,
        "schema": schema or STRING,
    }


# A filter left empty (a form's empty field) is no filter: "" is among its values.
PERIOD = {"type": "string", "pattern": r"^(\d{4}(-\d{2}(-\d{2})?)?)?$"}
SINCE = _parameter(
    "since", "From this date, month or year (YYYY-MM-DD, YYYY-MM, YYYY), inclusive; empty: no bound.", PERIOD
)
UNTIL = _parameter("until", "Up to this date, month or year, inclusive; empty: no bound.", PERIOD)


def _choices(values: list[str]) -> Schema:
    return {"enum": [*values, ""]}


def _paging(default: int) -> list[Schema]:
    return [
        _parameter(
            "limit",
            f"At most this many rows (default {default}).",
            {"type": "integer", "minimum": 1, "maximum": MAX_LIMIT},
        ),
        _parameter("cursor", "The `next` of the previous page."),
    ]


def _errors(*statuses: int) -> dict[str, Schema]:
    meanings = {
        400: "A bad parameter (named in the message).",
        401: "No bearer token, or the wrong one.",
        403: "Not offered by this server.",
        404: "No such row.",
        413: "The body is too large.",
        422: "The body is not an article.",
        503: "The store cannot be read or written.",
    }
    return {
        str(status): {
            "description": meanings[status],
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
        }
        for status in statuses
    }


def _json(schema: Schema, description: str) -> Schema:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


def _list(name: str, summary: str, parameters: list[Schema], default: int) -> Schema:
    page = {
        "type": "object",
        "properties": {
            "rows": {"type": "array", "items": {"$ref": f"#/components/schemas/{name}"}},
            "next": _nullable("string"),
        },
        "required": ["rows", "next"],
    }
    return {
        "get": {
            "summary": summary,
            "parameters": [*parameters, *_paging(default)],
            "responses": {"200": _json(page, "A page of rows."), **_errors(400, 503)},
        }
    }


def _one(name: str, summary: str, path_parameter: str, schema: Schema) -> Schema:
    return {
        "get": {
            "summary": summary,
            "parameters": [_parameter(path_parameter, f"The {name}'s id.", INTEGER, "path")],
            "responses": {"200": _json(schema, f"The {name}."), **_errors(404, 503)},
        }
    }


def _post(summary: str, response: Schema, *, authorised: bool) -> Schema:
    operation: Schema = {
        "summary": summary,
        "requestBody": {"required": True, "content": {"application/json": {"schema": POSTED}}},
        "responses": {
            "200": _json(response, "Done."),
            **_errors(*((401,) if authorised else ()), 403, 413, 422),
        },
    }
    if authorised:
        operation["security"] = [{"bearer": []}]
        operation["responses"]["201"] = _json(response, "Stored.")
        operation["responses"].update(_errors(503))
    return {"post": operation}


@cache
def openapi_document() -> Schema:
    """The OpenAPI document of the API."""
    entity_path = _parameter("entity_id", "The entity's id.", INTEGER, "path")
    timeline = _list(
        "TimelineRow",
        "An entity's statements and events in date order.",
        [entity_path, _parameter("about", "Only statements and events whose words hold this.")],
        LIST_LIMIT,
    )
    timeline["get"]["responses"].update(_errors(404))
    extraction_list = {
        "type": "object",
        "properties": {"extractions": {"type": "array", "items": {"type": "object"}}},
        "required": ["extractions"],
    }
    paths = {
        "documents": _list("DocumentRow", "The stored documents, in id order.", [], LIST_LIMIT),
        "documents/{document_id}": _one(
            "document", "A document, its text and extraction.", "document_id", DOCUMENT
        ),
        "quotes": _list(
            "Quote",
            "Who said what, newest first (the filters of `reportedly quotes`).",
            [
                _parameter("speaker", "An entity (name, alias, surname or id), or a speaker's words."),
                _parameter("about", "Words the content holds."),
                _parameter("search", 'Words and "quoted phrases" the content holds, all of them.'),
                _parameter("fts", "A full-text query in SQLite FTS5 syntax."),
                SINCE,
                UNTIL,
                _parameter("outlet", "Only articles of this outlet (any case)."),
                _parameter(
                    "kind", "The kind of attribution (empty: any).", _choices(list(ATTRIBUTION_KINDS))
                ),
            ],
            QUOTES_LIMIT,
        ),
        "speakers": _list(
            "Speaker",
            "Who is quoted most (a statement a headline repeats counts once).",
            [
                _parameter(
                    "by", "Count per outlet or per month (empty: overall).", _choices(["outlet", "month"])
                ),
                SINCE,
                UNTIL,
            ],
            SPEAKERS_LIMIT,
        ),
        "entities": _list("Entity", "The entities, in id order.", [], LIST_LIMIT),
        "entities/{entity_id}": _one("entity", "An entity: names, code, counts.", "entity_id", ENTITY_DETAIL),
        "entities/{entity_id}/timeline": timeline,
        "events": _list(
            "Event",
            "Coded events, newest first.",
            [
                _parameter("type", "A PLOVER event type, in any case.", {"type": "string"}),
                _parameter("actor", "Actor code or its start (RUS, RUSGOV)."),
                _parameter("recipient", "Recipient code or its start."),
                SINCE,
                UNTIL,
            ],
            EVENTS_LIMIT,
        ),
        "issues": _list("Issue", "The issues the store's stances are on, by name.", [], LIST_LIMIT),
        "positions": _list(
            "Position",
            "Each actor's stance on each issue, with its evidence (the filters of `reportedly positions`).",
            [
                _parameter("issue", "Only this issue (a name `issues` lists)."),
                _parameter("actor", "Only this actor: an entity's name, a speaker's words or an actor code."),
                _parameter(
                    "demanded_of",
                    "Only demands of this party: its name, the words naming it, an actor code (USAGOV) "
                    "or a country (USA, with its government).",
                ),
                SINCE,
                UNTIL,
                _parameter(
                    "view",
                    "current (default): the current stance; history: with every stance and the shifts; "
                    "shifts: one row per shift.",
                    _choices(["current", "history", "shifts"]),
                ),
                _parameter(
                    "by", "One actor per entity (default) or per actor code.", _choices(["entity", "code"])
                ),
            ],
            POSITIONS_LIMIT,
        ),
        "extract": _post(
            "Extract from a posted article; nothing is stored (one extraction per live blog post).",
            extraction_list,
            authorised=False,
        ),
        "ingest": _post(
            "Store a posted article and what is extracted from it (with --allow-ingest and the token).",
            INGEST_SUMMARY,
            authorised=True,
        ),
    }
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "reportedly",
            "version": version("reportedly"),
            "description": "Who said what, to whom, when: the attributions of a reportedly store. "
            f"PLOVER event types: {', '.join(event_types())}.",
        },
        "paths": {f"{PREFIX}/{path}": item for path, item in paths.items()},
        "components": {
            "schemas": {**ROWS, "Error": ERROR},
            "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}},
        },
    }
