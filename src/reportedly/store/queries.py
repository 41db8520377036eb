"""The questions users ask of a corpus, as SQL over the store. Each query returns rows as
dicts, in a stable column order, for the CLI to print as a table, JSON Lines or CSV.

Every command that names an entity finds it the same way (``entity_candidates``): by id,
by name, by any spelling of a name it goes by, or by surname."""

from __future__ import annotations

import difflib
import json
import re
import sqlite3
from contextlib import closing
from dataclasses import dataclass
from datetime import datetime
from functools import cache, lru_cache
from importlib import resources
from typing import Any

from reportedly.resolve.names import clean_name, name_key
from reportedly.store.database import CONTENT_SEARCH_COLUMNS, HYPHEN, WORD, StoreError, row_id

Row = dict[str, Any]
# How alike a stored name must be to be offered as a near match (difflib's ratio).
NEAR_MATCH_CUTOFF = 0.7
NEAR_MATCHES = 5


class NamingError(StoreError):
    """A name or id that does not designate what a command needs: nothing in the store,
    several entities, or (for a new entity) one the store has. The user's mistake, not
    the store's."""


# An event's sentence, cut out of its document's text (events keep offsets, not words).
EVENT_SENTENCE = "substr(d.text, v.sentence_start + 1, v.sentence_end - v.sentence_start)"
# What --search reads: a "quoted phrase" or a run of other characters.
_SEARCH_TERM = re.compile(r'"([^"]*)"|([^\s"]+)')
# The unary + keeps SQLite walking the index of the order (newest first) and testing each
# row against the matches, which stops once a page is full: looking the matches up by id and
# sorting them took 14 ms for a word in a sixth of 100,000 contents, the walk takes 2 ms (and
# at most 6 ms, for a word in none).
CONTENT_MATCH = "+a.id IN (SELECT rowid FROM attributions_fts WHERE attributions_fts MATCH ?)"

# A LIKE of a pattern made by ``holding`` (or ``_like_escaped``): the user's "%" and "_" are
# characters to find ("50%", "al_Assad"), not wildcards that match any text.
LIKE = "LIKE ? ESCAPE '\\'"


def _like_escaped(words: str) -> str:
    return words.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def holding(words: str) -> str:
    """The pattern of a ``LIKE`` that finds texts holding ``words`` anywhere, in any case."""
    return f"%{_like_escaped(words)}%"


class SearchError(ValueError):
    """A search that cannot run: no words in it, or FTS5 syntax FTS5 refuses."""


# The words naming an event's parties (a JSON list of {text, code, ...}), joined.
_PARTY_NAMES = "(SELECT group_concat(json_extract(p.value, '$.text'), '; ') FROM json_each({}) p)"


@dataclass(frozen=True, slots=True)
class Speaker:
    """A speaker filter, its entities found once (``speaker_filter``)."""

    words: str  # as given: also matched in the words of unresolved speakers and sources
    candidates: list[Row]  # the entities (id, name) the words may designate

    @property
    def is_id(self) -> bool:
        """Whether the words are an entity's id (as `entities list` shows it), not words."""
        return row_id(self.words) is not None


@dataclass(frozen=True, slots=True)
class QuoteFilter:
    speaker: Speaker | None = None
    about: str | None = None  # words the content holds
    search: str | None = None  # an FTS5 query built by search_expression from the user's words
    fts: str | None = None  # an FTS5 query over contents ("sanctions NEAR/5 oil")
    since: str | None = None  # ISO date, inclusive
    until: str | None = None
    outlet: str | None = None
    kind: str | None = None
    limit: int = 100
    after: tuple[str, int, int] | None = None  # the NEWEST_FIRST key of the row before the page
    spans: bool = False  # also the source's words, the offsets and the document's row id (the API's)


# The order of quotes and events, newest first, undated last, then in the order stored: the
# key (date or "", document row id, row id) of a row is where the page after it starts
# (``after``), read off the index of the same expressions (migration 6) whatever the depth.
_DAY = "COALESCE({0}.date, '')"
NEWEST_FIRST = f"{_DAY} DESC, {{0}}.document_id, {{0}}.id"


def _after_newest(table: str, after: tuple[object, ...] | None, values: list[Any]) -> list[str]:
    """The clauses of the rows that come after ``after`` in NEWEST_FIRST order: the first
    bounds the walk of the index, the second skips the rows of the same date before it."""
    if after is None:
        return []
    date, document_id, row = after
    values += [date, date, document_id, row]
    day = _DAY.format(table)
    return [f"{day} <= ?", f"NOT ({day} = ? AND ({table}.document_id, {table}.id) <= (?, ?))"]


def newest_key(row: Row) -> tuple[str, int, int]:
    """The NEWEST_FIRST key of a row of ``quotes`` (with ``spans``) or ``events``."""
    return (row["date"] or "", row["document_id"], row["id"])


def quotes(connection: sqlite3.Connection, where: QuoteFilter) -> list[Row]:
    """Attributions with their speaker, document and date, newest first (NEWEST_FIRST),
    from the row after ``where.after``. ``id`` is the store's (what `attributions
    set-speaker` takes); a speaker no entity was found for shows as its source's words in
    brackets ("(a senior Hamas official)"); ``headline`` marks an attribution in its
    document's headline."""
    clauses, values = [], []
    if where.speaker:
        ids = [row["id"] for row in where.speaker.candidates]
        marks = ", ".join("?" * len(ids))
        # Its entities' attributions, those no entity was found for whose speaker's or
        # source's words hold the words (a group's names joined, "a senior Hamas official"),
        # and those of the groups its entities are parties of: each found by its index and
        # then sorted, where testing every attribution newest first took 10 ms a page. An id
        # ("7") names its entity only: as words it would find "the 7th Brigade's spokesman".
        unresolved, words = (
            ("", [])
            if where.speaker.is_id
            else (
                "UNION ALL SELECT id FROM attributions WHERE entity_id IS NULL "
                f"AND (speaker {LIKE} OR source {LIKE}) ",
                [holding(where.speaker.words)] * 2,
            )
        )
        clauses.append(
            f"a.id IN (SELECT id FROM attributions WHERE entity_id IN ({marks}) {unresolved}"
            "UNION ALL SELECT b.id FROM speaker_members m JOIN attributions b "
            f"ON b.document_id = m.document_id AND b.local_id = m.local_id WHERE m.entity_id IN ({marks}))"
        )
        values += [*ids, *words, *ids]
    if where.about:
        clauses.append(f"a.content {LIKE}")
        values.append(holding(where.about))
    for expression in (where.search, where.fts):
        if expression:
            clauses.append(CONTENT_MATCH)
            values.append(expression)
    clauses += date_range(_DAY.format("a"), where.since, where.until, values)
    clauses += _after_newest("a", where.after, values)
    if where.outlet:
        clauses.append("a.outlet = ? COLLATE NOCASE")
        values.append(where.outlet)
    if where.kind:
        clauses.append("a.kind = ?")
        values.append(where.kind)
    sql = (
        "SELECT a.id, a.date, d.outlet, COALESCE(e.name, a.speaker, '(' || a.source || ')') AS speaker, "
        "e.code, a.kind, a.cue, a.content, a.addressee, a.channel, a.negated, a.hypothetical, "
        "a.in_headline AS headline, d.doc_id AS document, a.local_id AS attribution"
        + (_SPAN_COLUMNS if where.spans else "")
        + " FROM attributions a JOIN documents d ON d.id = a.document_id "
        "LEFT JOIN entities e ON e.id = a.entity_id"
        + _where(clauses)
        + f" ORDER BY {NEWEST_FIRST.format('a')} LIMIT ?"
    )
    return _rows(connection, sql, [*values, where.limit])


# What an API row of a quote adds: where its parts are in its document's text.
_SPAN_COLUMNS = (
    ", a.source, a.parent, d.id AS document_id, a.cue_start, a.cue_end, a.source_start, a.source_end, "
    "json(a.content_spans) AS content_spans"
)


def search_expression(text: str) -> str:
    """Words and "quoted phrases" as an FTS5 query that finds contents holding all of them,
    whatever else ``text`` holds (operators, stray quotes, "*" and "(" are not syntax here).
    A hyphenated word finds its open and closed forms, "cease-fire" both "cease fire" and
    "ceasefire" (a plain "ceasefire" finds "cease-fire" through the compounds column)."""
    phrases = []
    for quoted, bare in _SEARCH_TERM.findall(text):
        if words := WORD.findall(quoted or bare):
            # Every word quoted: inside an FTS5 string, AND, NEAR, "-" and "*" are words.
            split = " ".join(HYPHEN.sub(" ", word) for word in words)
            closed = " ".join(HYPHEN.sub("", word) for word in words)
            phrases.append(f'"{split}"' if split == closed else f'("{split}" OR "{closed}")')
    if not phrases:
        raise SearchError(f"no words to search for in {text!r} (FTS5 syntax goes in --fts)")
    return " AND ".join(phrases)


def check_fts_syntax(expression: str) -> str:
    """``expression`` if FTS5 can run it on the index of contents, else a SearchError saying
    why. Checked on an empty index of the same columns: a mistake is the query's, not the
    store's."""
    if problem := _fts_syntax_problem(expression):
        raise SearchError(f"FTS5 syntax error in {expression!r}: {problem}")
    return expression


# An expression's syntax is the same whatever the store holds: kept, as making the empty index
# took most of the time of a page of quotes found by --fts.
@lru_cache(maxsize=256)
def _fts_syntax_problem(expression: str) -> str | None:
    """What FTS5 says is wrong with ``expression`` on an empty index of contents (None: nothing)."""
    with closing(sqlite3.connect(":memory:")) as connection:
        connection.execute(f"CREATE VIRTUAL TABLE attributions_fts USING fts5({CONTENT_SEARCH_COLUMNS})")
        try:
            connection.execute(
                "SELECT rowid FROM attributions_fts WHERE attributions_fts MATCH ?", (expression,)
            ).fetchall()
        except sqlite3.OperationalError as error:
            return str(error).removeprefix("fts5: ")
    return None


# Whether the entity ``{entity}`` speaks in the body of the document of the attribution
# ``a``, alone or in a group: then a headline attribution of it is not counted again.
_SPEAKS_IN_BODY = (
    "(EXISTS (SELECT 1 FROM attributions b WHERE b.document_id = a.document_id "
    "AND b.entity_id = {entity} AND NOT b.in_headline) "
    "OR EXISTS (SELECT 1 FROM speaker_members bm JOIN attributions b "
    "ON b.document_id = bm.document_id AND b.local_id = bm.local_id "
    "WHERE bm.document_id = a.document_id AND bm.entity_id = {entity} AND NOT b.in_headline))"
)


def speakers(
    connection: sqlite3.Connection,
    by: str | None = None,
    since: str | None = None,
    until: str | None = None,
    limit: int = 20,
    offset: int = 0,
) -> list[Row]:
    """Who is quoted most (attributions with a resolved speaker), overall or by outlet or
    by month, each with its ``entity_id`` (what `timeline` and the entity pages take). The
    counts come from covering indexes (``attributions_speaker*``).

    A headline sums up its story's lead statement: a headline attribution counts only when
    its speaker has none in the body of its document, so that one statement the headline
    repeats counts once."""
    dates: list[Any] = []
    in_range = date_range("a.date", since, until, dates)
    group = {"outlet": "a.outlet", "month": "substr(a.date, 1, 7)"}.get(by or "")
    inner, outer, grouping = (f"{group} AS {by}, ", f"{by}, ", f", {by}") if group else ("", "", "")
    # Who speaks each attribution: its entity, or each party of a group (speaker_members).
    single = [
        "a.entity_id IS NOT NULL",
        "NOT (a.in_headline AND " + _SPEAKS_IN_BODY.format(entity="a.entity_id") + ")",
        *in_range,
    ]
    member = [
        "m.entity_id IS NOT NULL",
        "NOT (a.in_headline AND " + _SPEAKS_IN_BODY.format(entity="m.entity_id") + ")",
        *in_range,
    ]
    sql = (
        f"SELECT {outer}e.name AS speaker, e.code, s.quotes, s.documents, s.first, s.last, e.id AS entity_id "
        f"FROM (SELECT {outer}entity_id, COUNT(*) AS quotes, COUNT(DISTINCT document_id) AS documents, "
        "MIN(date) AS first, MAX(date) AS last FROM ("
        f"SELECT {inner}a.entity_id, a.document_id, a.date FROM attributions a"
        + _where(single)
        + f" UNION ALL SELECT {inner}m.entity_id, a.document_id, a.date FROM speaker_members m "
        "JOIN attributions a ON a.document_id = m.document_id AND a.local_id = m.local_id"
        + _where(member)
        + f") GROUP BY entity_id{grouping}) s JOIN entities e ON e.id = s.entity_id"
        + f" ORDER BY {outer}s.quotes DESC, e.name, e.id LIMIT ? OFFSET ?"
    )
    return _rows(connection, sql, [*dates, *dates, limit, offset])


# A timeline's order: undated first, then by date, document name and row, a document's
# statements before its events, each in the order stored. Every row has its own key.
TIMELINE_ORDER = "COALESCE(date, ''), document, document_id, what = 'event', id"


def timeline(
    connection: sqlite3.Connection,
    entity_id: int,
    about: str | None = None,
    limit: int = -1,
    after: tuple[str, str, int, bool, int] | None = None,
) -> list[Row]:
    """An entity's statements and events in date order: the positions it took over time
    (events have no addressee or channel: their recipient is in `events`), each with its
    document's row id and its own (an attribution's or an event's). ``limit`` rows (-1:
    all), from the one after ``after`` (the ``timeline_key`` of a row)."""
    topic, words = (f" AND {{}} {LIKE}", [holding(about)]) if about else ("", [])
    start, after_values = (f" WHERE ({TIMELINE_ORDER}) > (?, ?, ?, ?, ?)", list(after)) if after else ("", [])
    # Its own statements and those of the groups it is a party of, each found by its index
    # (an EXISTS beside the entity read every attribution). The page is chosen on the order's
    # keys alone, its rows' columns read after (sorting every row whole took half as long
    # again), an event's sentence cut out of its document's text for the rows of the page only.
    page = (
        "SELECT * FROM (SELECT a.date, 'statement' AS what, d.doc_id AS document, a.document_id, a.id "
        "FROM attributions a JOIN documents d ON d.id = a.document_id WHERE (a.entity_id = ? OR a.id IN ("
        "SELECT b.id FROM speaker_members m JOIN attributions b ON b.document_id = m.document_id "
        "AND b.local_id = m.local_id WHERE m.entity_id = ?))"
        + topic.format("a.content")
        + " UNION ALL SELECT v.date, 'event', d.doc_id, v.document_id, v.id "
        "FROM events v JOIN documents d ON d.id = v.document_id WHERE v.actor_entity_id = ?"
        + topic.format(EVENT_SENTENCE)
        + f") t{start} ORDER BY {TIMELINE_ORDER} LIMIT ?"
    )
    sentence = f"(SELECT {EVENT_SENTENCE} FROM documents d WHERE d.id = v.document_id)"
    sql = (
        "SELECT * FROM (SELECT t.date, t.what, "
        + ", ".join(
            f"CASE WHEN t.what = 'event' THEN {event} ELSE {statement} END AS {name}"
            for name, event, statement in (
                ("type", "v.event_type", "a.kind"),
                ("word", "v.trigger", "a.cue"),
                ("text", sentence, "a.content"),
                ("addressee", "NULL", "a.addressee"),
                ("channel", "NULL", "a.channel"),
                ("negated", "v.negated", "a.negated"),
                ("hypothetical", "v.hypothetical", "a.hypothetical"),
            )
        )
        + f", t.document, t.document_id, t.id FROM ({page}) t "
        "LEFT JOIN attributions a ON t.what = 'statement' AND a.id = t.id "
        f"LEFT JOIN events v ON t.what = 'event' AND v.id = t.id) ORDER BY {TIMELINE_ORDER}"
    )
    values = [entity_id, entity_id, *words, entity_id, *words, *after_values, limit]
    return _rows(connection, sql, values)


def timeline_key(row: Row) -> tuple[str, str, int, bool, int]:
    """Where the page after ``row`` (of ``timeline``) starts, in TIMELINE_ORDER."""
    return (row["date"] or "", row["document"], row["document_id"], row["what"] == "event", row["id"])


def events(
    connection: sqlite3.Connection,
    event_type: str | None = None,
    actor: str | None = None,
    recipient: str | None = None,
    since: str | None = None,
    until: str | None = None,
    limit: int = 100,
    after: tuple[str, int, int] | None = None,
) -> list[Row]:
    """Coded events, newest first (NEWEST_FIRST), from the one after ``after``; actor and
    recipient codes match as prefixes ("RUS" finds RUSGOV). Each party's words stand beside
    its code (``actor_name``), coded or not; ``id`` and ``document_id`` are the store's."""
    clauses, values = [], []
    if event_type:
        clauses.append("v.event_type = ?")
        values.append(event_type.upper())
    # Code prefixes as ranges ("RUS" <= code <= "RUS\U0010ffff"), tested while walking the order index
    # newest first (the unary + keeps SQLite off the code index): a common code fills the
    # page at once, where sorting all its events by date took longer than the whole walk.
    for column, prefix in (("v.actor_code", actor), ("v.recipient_code", recipient)):
        if prefix:
            clauses.append(f"+{column} >= ? AND +{column} <= ?")
            # The highest character after the prefix bounds every code that starts with it.
            values += [prefix.upper(), prefix.upper() + "\U0010ffff"]
    clauses += date_range(_DAY.format("v"), since, until, values)
    clauses += _after_newest("v", after, values)
    # The events first, their sentences after: cutting a sentence out of its document's
    # text for every match before the limit would read thousands of texts.
    sql = (
        f"SELECT v.date, v.event_type, v.actor_code AS actor, {_PARTY_NAMES.format('v.actor')} "
        f"AS actor_name, v.recipient_code AS recipient, {_PARTY_NAMES.format('v.recipient')} "
        "AS recipient_name, v.trigger, "
        f"v.negated, v.hypothetical, {EVENT_SENTENCE} AS sentence, "
        "d.doc_id AS document, v.document_id, v.id FROM (SELECT * FROM events v"
        + _where(clauses)
        + f" ORDER BY {NEWEST_FIRST.format('v')} LIMIT ?) v JOIN documents d ON d.id = v.document_id"
        f" ORDER BY {NEWEST_FIRST.format('v')}"
    )
    return _rows(connection, sql, [*values, limit])


def store_health(connection: sqlite3.Connection) -> dict[str, object]:
    """What a store holds, in numbers, and SQLite's own check: what several writers at once
    must leave exactly as one clean ingest would (no text stored twice as an original, no
    document a duplicate of one from its own source or of a duplicate)."""

    def one(sql: str) -> object:
        return connection.execute(sql).fetchone()[0]

    return {
        "documents": one("SELECT COUNT(*) FROM documents"),
        "originals": one("SELECT COUNT(*) FROM documents WHERE duplicate_of IS NULL"),
        "duplicates": one("SELECT COUNT(*) FROM documents WHERE duplicate_of IS NOT NULL"),
        "attributions": one("SELECT COUNT(*) FROM attributions"),
        "texts_stored_twice": one(
            "SELECT COUNT(*) FROM (SELECT 1 FROM documents WHERE duplicate_of IS NULL "
            "GROUP BY content_hash HAVING COUNT(*) > 1)"
        ),
        "duplicates_of_self_or_duplicate": one(
            "SELECT COUNT(*) FROM documents d JOIN documents o ON o.id = d.duplicate_of "
            "WHERE o.source = d.source OR o.duplicate_of IS NOT NULL"
        ),
        "integrity": one("PRAGMA integrity_check"),
    }


_DOCUMENT_COLUMNS = (
    "SELECT d.id, d.doc_id AS name, d.published, d.outlet, d.title, d.source, d.parent_id AS page, "
    "d.duplicate_of, (SELECT COUNT(*) FROM attributions a WHERE a.document_id = d.id) AS attributions, "
    # Counted on the events_document index (schema 8): reading each extraction's JSON for its
    # list of events cost more than the rest of a page of documents.
    "(SELECT COUNT(*) FROM events v WHERE v.document_id = d.id) AS events "
    "FROM documents d"
)


def documents(
    connection: sqlite3.Connection, undated: bool = False, limit: int = -1, after: int = 0
) -> list[Row]:
    """Every stored document (``undated``: pages and articles without a date) of id over
    ``after``, in id order: its id (what `documents set-date` takes), name, date, outlet,
    title, source, live blog page, the document it duplicates, and its numbers of
    attributions and events (``limit`` -1: all)."""
    sql = (
        _DOCUMENT_COLUMNS
        + " WHERE d.id > ?"
        + (" AND d.published IS NULL AND d.parent_id IS NULL" if undated else "")
        + " ORDER BY d.id LIMIT ?"
    )
    return _rows(connection, sql, [after, limit])


def document(connection: sqlite3.Connection, document_id: int) -> Row | None:
    """One stored document: what ``documents`` lists of it, its url, posted time, language and
    text, and its extraction as `reportedly extract` writes it (None: not extracted, a duplicate)."""
    rows = _rows(
        connection,
        f"SELECT x.*, d.url, d.posted, d.language, d.text, d.extraction "
        f"FROM ({_DOCUMENT_COLUMNS} WHERE d.id = ?) x JOIN documents d ON d.id = x.id",
        [document_id],
    )
    if not rows:
        return None
    row = rows[0]
    row["extraction"] = json.loads(row["extraction"]) if row["extraction"] else None
    return row


# Every entity with its code, counts and names (`entities list`, `export --table entities`).
ENTITY_ROWS = (
    "SELECT e.id, e.name, e.type, e.code, e.country, e.sector, "
    "(SELECT COUNT(*) FROM attributions a WHERE a.entity_id = e.id) AS quotes, "
    "(SELECT group_concat(DISTINCT n.name) FROM entity_names n WHERE n.entity_id = e.id) AS names "
    "FROM entities e"
)


def entities(
    connection: sqlite3.Connection, entity: int | None = None, limit: int = -1, after: int = 0
) -> list[Row]:
    """The entities (or the one of id ``entity``) of id over ``after``, in id order, as
    ENTITY_ROWS gives them."""
    sql = (
        ENTITY_ROWS
        + " WHERE e.id > ?"
        + (" AND e.id = ?" if entity is not None else "")
        + " ORDER BY e.id LIMIT ?"
    )
    return _rows(connection, sql, [after, *([entity] if entity is not None else []), limit])


def entity(connection: sqlite3.Connection, entity_id: int) -> Row | None:
    """One entity as ``entities`` gives it, its names as a list, and how many documents
    quote it and how many events it is the actor of."""
    found = entities(connection, entity_id)
    if not found:
        return None
    row = found[0]
    row["names"] = [
        name
        for (name,) in connection.execute(
            "SELECT DISTINCT name FROM entity_names WHERE entity_id = ? ORDER BY name", [entity_id]
        )
    ]
    row["documents"] = connection.execute(
        "SELECT COUNT(DISTINCT document_id) FROM attributions WHERE entity_id = ?", [entity_id]
    ).fetchone()[0]
    row["events"] = connection.execute(
        "SELECT COUNT(*) FROM events WHERE actor_entity_id = ?", [entity_id]
    ).fetchone()[0]
    return row


@cache
def event_types() -> tuple[str, ...]:
    """The PLOVER event types an extraction holds, as its JSON schema lists them."""
    schema = json.loads(resources.files("reportedly.data").joinpath("extraction.schema.json").read_text())
    return tuple(schema["$defs"]["event"]["properties"]["event_type"]["enum"])


def event_type(value: str) -> str:
    """``value`` as a PLOVER event type (in capitals, given in any case), else a ValueError
    listing the types: one the extraction never codes ("FIGHT") would only match nothing."""
    if value.upper() not in event_types():
        raise ValueError(f"{value!r} is not a PLOVER event type; the types are {', '.join(event_types())}")
    return value.upper()


def check_period(value: str) -> str:
    """``value`` if it is a date (YYYY-MM-DD), a month (YYYY-MM) or a year (YYYY), else a
    ValueError saying what it should be."""
    for pattern in ("%Y-%m-%d", "%Y-%m", "%Y"):
        try:
            datetime.strptime(value, pattern)
            return value
        except ValueError:
            continue
    raise ValueError(f"{value!r} is not a date, month or year (YYYY-MM-DD, YYYY-MM, YYYY)")


def name_keys(names: list[str], variants: dict[str, str]) -> list[tuple[str, str]]:
    """Each name with its spelling key under the spelling table ``variants`` ("Mr. Zelensky"
    -> "zelensky"). Here, not in :mod:`.corpus`, which stores names with it: the corpus
    imports the queries, not the reverse."""
    return [(name, " ".join(key)) for name in names if (key := name_key(clean_name(name), variants))]


def shipped_variants() -> dict[str, str]:
    """The shipped spelling table, which the queries find names by (they take no actors file)."""
    # The spelling tables (and spaCy, which their module imports) load only when a name needs them.
    from reportedly.resolve.actors import load_coder

    return load_coder().tables.variants


def entity_candidates(connection: sqlite3.Connection, name: str) -> list[Row]:
    """The entities (``id``, ``name``) ``name`` may designate, by the first rule that finds
    any: an id as `entities list` shows it; an entity's name, in any case; a name it goes by,
    in any spelling ("Mr. Zelensky", "U.S."); a surname of its full names ("Putin")."""
    if (number := row_id(name)) is not None:
        return _rows(connection, "SELECT id, name FROM entities WHERE id = ?", [number])
    by_name = _rows(
        connection, "SELECT id, name FROM entities WHERE name = ? COLLATE NOCASE ORDER BY id", [name]
    )
    if by_name:
        return by_name
    keys = [key for _, key in name_keys([name], shipped_variants())]
    if not keys:
        return []
    known = connection.execute("SELECT entity_id FROM entity_names WHERE key = ?", keys).fetchone()
    if known is not None and known["entity_id"] is not None:
        return _rows(connection, "SELECT id, name FROM entities WHERE id = ?", [known["entity_id"]])
    # A surname, or a name several entities came to share: every entity a longer name of
    # which ends in it ("Putin" of "Vladimir Putin", "Petrov" of Anna and of Ivan Petrov).
    return _rows(
        connection,
        "SELECT DISTINCT e.id, e.name FROM entity_names n JOIN entities e ON e.id = n.entity_id "
        f"WHERE n.key {LIKE} ORDER BY e.id",
        [f"% {_like_escaped(keys[0])}"],
    )


def entity_id(connection: sqlite3.Connection, name: str) -> int:
    """The one entity ``name`` designates (see ``entity_candidates``); none or several
    raise NamingError, naming the near matches or the candidates."""
    candidates = entity_candidates(connection, name)
    if len(candidates) != 1:
        raise _not_one(connection, name, candidates, "entity")
    return int(candidates[0]["id"])


def speaker_filter(connection: sqlite3.Connection, words: str) -> Speaker:
    """The speaker filter of ``words``: the entities they may designate, found once."""
    return Speaker(words, entity_candidates(connection, words))


def check_speaker(connection: sqlite3.Connection, speaker: Speaker) -> Speaker:
    """``speaker``, unless it could only mislead (NamingError): words several entities go by,
    an id no entity has, or words that no entity and no speaker's or source's words match."""
    candidates, name = speaker.candidates, speaker.words
    if len(candidates) == 1:
        return speaker
    if (
        not candidates
        and not speaker.is_id
        and _rows(
            connection,
            f"SELECT 1 FROM attributions WHERE speaker {LIKE} OR source {LIKE} LIMIT 1",
            [holding(name)] * 2,
        )
    ):
        return speaker  # an unresolved speaker's words ("Hamas official")
    raise _not_one(connection, name, candidates, "entity or speaker")


def _not_one(connection: sqlite3.Connection, name: str, candidates: list[Row], what: str) -> NamingError:
    """The error for a name that designates several entities (listed) or none (with the
    stored names most like it)."""
    if candidates:
        return NamingError(
            f"{name!r} names several entities: {_listed(candidates)}; give a full name or an id"
        )
    matches = near_matches(connection, name)
    hint = (
        f"; near matches: {_listed(matches)}" if matches else " (`reportedly entities list` shows them all)"
    )
    return NamingError(f"no {what} named {name!r}{hint}")


def near_matches(connection: sqlite3.Connection, name: str) -> list[Row]:
    """The entities whose names are most like ``name`` (difflib), each name compared whole
    and by its last word, so that a misspelt surname finds its full name ("Lavrv")."""
    entities_by_spelling: dict[str, dict[int, str]] = {}
    for row in connection.execute(
        "SELECT e.id, e.name, n.name AS alias FROM entities e LEFT JOIN entity_names n ON n.entity_id = e.id"
    ):
        for spelling in {row["name"], row["alias"] or row["name"]}:
            for form in (spelling, spelling.split()[-1] if spelling.split() else spelling):
                entities_by_spelling.setdefault(form.casefold(), {})[row["id"]] = row["name"]
    close = difflib.get_close_matches(
        name.casefold(), entities_by_spelling, n=NEAR_MATCHES * 2, cutoff=NEAR_MATCH_CUTOFF
    )
    found: dict[int, str] = {}
    for spelling in close:
        found.update(entities_by_spelling[spelling])
    return [{"id": key, "name": value} for key, value in list(found.items())[:NEAR_MATCHES]]


def _listed(entities: list[Row]) -> str:
    return ", ".join(f"{row['name']} (id {row['id']})" for row in entities)


def date_range(column: str, since: str | None, until: str | None, values: list[Any]) -> list[str]:
    """The clauses of dates from ``since`` to ``until`` (dates, months or years), as a range
    an index on ``column`` (a date, or an expression of one that is "" when undated) walks."""
    clauses = []
    if since:
        clauses.append(f"{column} >= ?")
        values.append(since)
    if until:
        # "until 2024-12" takes the whole month: every date that starts with it or sorts
        # before (the highest character after it bounds them), and no undated row.
        clauses.append(f"{column} <= ?")
        values.append(until + "\U0010ffff")
        if not since:
            clauses.append(f"{column} > ''")
    return clauses


def _where(clauses: list[str]) -> str:
    return " WHERE " + " AND ".join(clauses) if clauses else ""


def _rows(connection: sqlite3.Connection, sql: str, values: list[Any]) -> list[Row]:
    rows = connection.execute(sql, values)
    if not isinstance(rows, sqlite3.Cursor):
        return [dict(row) for row in rows]  # a dataset's (batch.duck): dicts already
    # Plain tuples zipped with the column names: dict() of an sqlite3.Row looks each name up
    # among the columns, a third of the time of a page of 100 quotes.
    rows.row_factory = None
    names = [column[0] for column in rows.description]
    return [dict(zip(names, row, strict=True)) for row in rows]


# What the web pages of `reportedly serve` add to the queries above: the numbers and summaries a
# page shows beside the rows the API lists.

# A statement of the entity ``?`` (twice: its own, or as a party of a group), as quotes' speaker
# filter finds it by the entity's id. Two index lookups: an OR of the two tests read every
# attribution (a page of a speaker of 500 statements took 0.6 s on 100,000).
_STATEMENT_OF = (
    "a.id IN (SELECT id FROM attributions WHERE entity_id = ? UNION ALL SELECT b.id FROM speaker_members m "
    "JOIN attributions b ON b.document_id = m.document_id AND b.local_id = m.local_id WHERE m.entity_id = ?)"
)


def corpus_counts(connection: sqlite3.Connection) -> Row:
    """How much the store holds: documents (originals, not duplicates), attributions, the
    entities quoted at least once, and events."""

    def one(sql: str) -> int:
        return int(connection.execute(sql).fetchone()[0])

    return {
        "documents": one("SELECT COUNT(*) FROM documents WHERE duplicate_of IS NULL"),
        "attributions": one("SELECT COUNT(*) FROM attributions"),
        "speakers": one("SELECT COUNT(DISTINCT entity_id) FROM attributions WHERE entity_id IS NOT NULL"),
        "events": one("SELECT COUNT(*) FROM events"),
    }


def document_speakers(connection: sqlite3.Connection, document_id: int) -> list[Row]:
    """Each attribution of a document (``attribution``, its local id) with its speaker as the
    store holds it (a fix by hand included): the name quotes shows, the entity's id and code."""
    return _rows(
        connection,
        "SELECT a.local_id AS attribution, a.entity_id AS entity, "
        "COALESCE(e.name, a.speaker, '(' || a.source || ')') AS speaker, e.code "
        "FROM attributions a LEFT JOIN entities e ON e.id = a.entity_id "
        "WHERE a.document_id = ? ORDER BY a.id",
        [document_id],
    )


def entity_months(connection: sqlite3.Connection, entity_id: int) -> list[Row]:
    """An entity's statements per month (``month`` YYYY-MM, ``statements``), its own and those
    of groups it is a party of, as the quotes of its id count them; undated ones left out."""
    return _rows(
        connection,
        "SELECT substr(a.date, 1, 7) AS month, COUNT(*) AS statements FROM attributions a "
        f"WHERE {_STATEMENT_OF} AND a.date IS NOT NULL GROUP BY month ORDER BY month",
        [entity_id, entity_id],
    )


# The entity ``?`` as each document's extraction has it (``local``: document_id, local_id
# "e3", role): the extraction's entities one of whose mentions starts where a stored mention
# of the entity does (the store links every mention of a document's entity to one entity).
_LOCAL_ENTITIES = (
    "WITH local AS (SELECT DISTINCT m.document_id, json_extract(x.value, '$.id') AS local_id, "
    "json_extract(x.value, '$.role') AS role "
    "FROM mentions m JOIN documents d ON d.id = m.document_id, "
    "json_each(d.extraction, '$.entities') x, json_each(x.value, '$.mentions') xm "
    "WHERE m.entity_id = ? AND json_extract(xm.value, '$.start') = m.start) "
)


def entity_roles(connection: sqlite3.Connection, entity_id: int) -> list[Row]:
    """The roles documents give an entity (a title or apposition: "foreign minister") and in
    how many documents, most often first."""
    return _rows(
        connection,
        f"{_LOCAL_ENTITIES}SELECT role, COUNT(DISTINCT document_id) AS documents FROM local "
        "WHERE role IS NOT NULL GROUP BY role ORDER BY documents DESC, role",
        [entity_id],
    )


def entity_event_types(connection: sqlite3.Connection, entity_id: int) -> list[Row]:
    """The types of the events an entity is a party to (``role``: actor or recipient) and how
    many of each. An actor as the timeline counts it (the event's first party with an entity);
    a recipient through its mentions: the document's entity whose mention the store linked
    to this one."""
    actor = "SELECT event_type, 'actor' AS role, COUNT(*) AS events FROM events WHERE actor_entity_id = ? "
    recipient = (
        "SELECT v.event_type, 'recipient', COUNT(DISTINCT v.id) FROM events v, json_each(v.recipient) p "
        "JOIN local l ON l.document_id = v.document_id AND l.local_id = json_extract(p.value, '$.entity') "
        "WHERE v.document_id IN (SELECT document_id FROM local) "
    )
    return _rows(
        connection,
        f"{_LOCAL_ENTITIES}SELECT * FROM ({actor}GROUP BY event_type "
        f"UNION ALL {recipient}GROUP BY v.event_type) ORDER BY role, events DESC, event_type",
        [entity_id, entity_id],
    )


def entity_addressees(connection: sqlite3.Connection, entity_id: int, limit: int = 20) -> list[Row]:
    """Whom an entity's statements address (the addressee's words, any case), most often first."""
    return _rows(
        connection,
        "SELECT a.addressee, COUNT(*) AS statements FROM attributions a "
        f"WHERE {_STATEMENT_OF} AND a.addressee IS NOT NULL "
        "GROUP BY a.addressee COLLATE NOCASE ORDER BY statements DESC, a.addressee LIMIT ?",
        [entity_id, entity_id, limit],
    )


def entity_mentioned(connection: sqlite3.Connection, entity_id: int, limit: int = 20) -> list[Row]:
    """The entities named inside the content of an entity's statements (``id``, ``name``,
    ``code``) and in how many statements, most often first; itself left out."""
    return _rows(
        connection,
        "SELECT e.id, e.name, e.code, COUNT(DISTINCT a.id) AS statements "
        "FROM attributions a, json_each(a.content_spans) s "
        "JOIN mentions n ON n.document_id = a.document_id "
        "AND n.start >= json_extract(s.value, '$[0]') AND n.end <= json_extract(s.value, '$[1]') "
        f"JOIN entities e ON e.id = n.entity_id WHERE {_STATEMENT_OF} AND n.entity_id != ? "
        "GROUP BY e.id ORDER BY statements DESC, e.name LIMIT ?",
        [entity_id, entity_id, entity_id, limit],
    )


def event_type_months(connection: sqlite3.Connection) -> list[Row]:
    """The number of events of each type in each month (``month``, ``event_type``,
    ``events``), undated ones left out (the events_type index covers it)."""
    return _rows(
        connection,
        "SELECT substr(date, 1, 7) AS month, event_type, COUNT(*) AS events FROM events "
        "WHERE date IS NOT NULL GROUP BY month, event_type ORDER BY month, event_type",
        [],
    )


def entity_statements(connection: sqlite3.Connection, entity_id: int, limit: int = -1) -> list[Row]:
    """An entity's statements (its own and as a party of a group) in date order, as the
    timeline lists them, with where each is: the document's row id and title and the
    attribution's local id (``limit`` -1: all)."""
    return _rows(
        connection,
        "SELECT a.date, a.kind, a.cue, a.content, a.addressee, a.channel, a.negated, a.hypothetical, "
        "d.id AS document_id, d.doc_id AS document, d.title, a.local_id AS attribution "
        f"FROM attributions a JOIN documents d ON d.id = a.document_id WHERE {_STATEMENT_OF} "
        "ORDER BY a.date, d.id, a.id LIMIT ?",
        [entity_id, entity_id, limit],
    )
