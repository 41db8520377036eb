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
from functools import cache
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
CONTENT_MATCH = "a.id IN (SELECT rowid FROM attributions_fts WHERE attributions_fts MATCH ?)"


class SearchError(ValueError):
    """A search that cannot run: no words in it, or FTS5 syntax FTS5 refuses."""


# The words naming an event's parties (a JSON list of {text, code, ...}), joined.
_PARTY_NAMES = "(SELECT group_concat(json_extract(p.value, '$.text'), '; ') FROM json_each({}) p)"


@dataclass(frozen=True, slots=True)
class Speaker:
    """A speaker filter, its entities found once (``speaker_filter``)."""

    words: str  # as given: also matched in the words of unresolved speakers and sources
    candidates: list[Row]  # the entities (id, name) the words may designate


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
    offset: int = 0  # rows skipped first (the API's pages)
    spans: bool = False  # also the source's words, the offsets and the document's row id (the API's)


def quotes(connection: sqlite3.Connection, where: QuoteFilter) -> list[Row]:
    """Attributions with their speaker, document and date, newest first. ``id`` is the
    store's (what `attributions set-speaker` takes); a speaker no entity was found for
    shows as its source's words in brackets ("(a senior Hamas official)"); ``headline``
    marks an attribution in its document's headline."""
    clauses, values = [], []
    if where.speaker:
        ids = [row["id"] for row in where.speaker.candidates]
        marks = ", ".join("?" * len(ids))
        clauses.append(
            f"(a.entity_id IN ({marks}) OR a.speaker LIKE ? OR a.source LIKE ? OR EXISTS ("
            f"{_GROUP_MEMBER} AND m.entity_id IN ({marks})))"
        )
        words = f"%{where.speaker.words}%"
        values += [*ids, words, words, *ids]
    if where.about:
        clauses.append("a.content LIKE ?")
        values.append(f"%{where.about}%")
    for expression in (where.search, where.fts):
        if expression:
            clauses.append(CONTENT_MATCH)
            values.append(expression)
    clauses += _date_range("a.date", where.since, where.until, values)
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
        + " ORDER BY a.date DESC, d.id, a.id LIMIT ? OFFSET ?"
    )
    return _rows(connection, sql, [*values, where.limit, where.offset])


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
    with closing(sqlite3.connect(":memory:")) as connection:
        connection.execute(f"CREATE VIRTUAL TABLE attributions_fts USING fts5({CONTENT_SEARCH_COLUMNS})")
        try:
            connection.execute(
                "SELECT rowid FROM attributions_fts WHERE attributions_fts MATCH ?", (expression,)
            ).fetchall()
        except sqlite3.OperationalError as error:
            problem = str(error).removeprefix("fts5: ")
            raise SearchError(f"FTS5 syntax error in {expression!r}: {problem}") from None
    return expression


# The parties of a group speaker (``speaker_members``) of the attribution ``a``.
_GROUP_MEMBER = (
    "SELECT 1 FROM speaker_members m WHERE m.document_id = a.document_id AND m.local_id = a.local_id"
)
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
    by month. The counts come from covering indexes (``attributions_speaker*``).

    A headline sums up its story's lead statement: a headline attribution counts only when
    its speaker has none in the body of its document, so that one statement the headline
    repeats counts once."""
    dates: list[Any] = []
    in_range = _date_range("a.date", since, until, dates)
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
        f"SELECT {outer}e.name AS speaker, e.code, s.quotes, s.documents, s.first, s.last "
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


def timeline(connection: sqlite3.Connection, entity_id: int, about: str | None = None) -> list[Row]:
    """An entity's statements and events in date order: the positions it took over time
    (events have no addressee or channel: their recipient is in `events`)."""
    topic, words = (" AND {} LIKE ?", [f"%{about}%"]) if about else ("", [])
    # A whole order (a day's statements of a document before its events, each in id order),
    # not the one a database happens to give rows it sorts as equal (DuckDB's varies).
    sql = (
        "SELECT date, what, type, word, text, addressee, channel, negated, hypothetical, document FROM ("
        "SELECT a.date, 'statement' AS what, a.kind AS type, a.cue AS word, a.content AS text, "
        "a.addressee, a.channel, a.negated, a.hypothetical, d.doc_id AS document, a.id AS number "
        "FROM attributions a JOIN documents d ON d.id = a.document_id "
        f"WHERE (a.entity_id = ? OR EXISTS ({_GROUP_MEMBER} AND m.entity_id = ?))"
        + topic.format("a.content")
        + f" UNION ALL SELECT v.date, 'event', v.event_type, v.trigger, {EVENT_SENTENCE}, NULL, NULL, "
        "v.negated, v.hypothetical, d.doc_id, v.id "
        "FROM events v JOIN documents d ON d.id = v.document_id WHERE v.actor_entity_id = ?"
        + topic.format(EVENT_SENTENCE)
        + ") ORDER BY date, document, what DESC, number"
    )
    return _rows(connection, sql, [entity_id, entity_id, *words, entity_id, *words])


def events(
    connection: sqlite3.Connection,
    event_type: str | None = None,
    actor: str | None = None,
    recipient: str | None = None,
    since: str | None = None,
    until: str | None = None,
    limit: int = 100,
    offset: int = 0,
) -> list[Row]:
    """Coded events; actor and recipient codes match as prefixes ("RUS" finds RUSGOV). Each
    party's words stand beside its code (``actor_name``), coded or not."""
    clauses, values = [], []
    if event_type:
        clauses.append("v.event_type = ?")
        values.append(event_type.upper())
    # Code prefixes as ranges ("RUS" <= code <= "RUS\U0010ffff"), tested while walking the date index
    # newest first (the unary + keeps SQLite off the code index): a common code fills the
    # page at once, where sorting all its events by date took longer than the whole walk.
    for column, prefix in (("v.actor_code", actor), ("v.recipient_code", recipient)):
        if prefix:
            clauses.append(f"+{column} >= ? AND +{column} <= ?")
            # The highest character after the prefix bounds every code that starts with it.
            values += [prefix.upper(), prefix.upper() + "\U0010ffff"]
    clauses += _date_range("v.date", since, until, values)
    # The events first, their sentences after: cutting a sentence out of its document's
    # text for every match before the limit would read thousands of texts.
    sql = (
        f"SELECT v.date, v.event_type, v.actor_code AS actor, {_PARTY_NAMES.format('v.actor')} "
        f"AS actor_name, v.recipient_code AS recipient, {_PARTY_NAMES.format('v.recipient')} "
        "AS recipient_name, v.trigger, "
        f"v.negated, v.hypothetical, {EVENT_SENTENCE} AS sentence, "
        "d.doc_id AS document FROM (SELECT * FROM events v"
        + _where(clauses)
        + " ORDER BY v.date DESC, v.id LIMIT ? OFFSET ?) v JOIN documents d ON d.id = v.document_id"
        " ORDER BY v.date DESC, v.id"
    )
    return _rows(connection, sql, [*values, limit, offset])


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
    # Events counted in the extraction: the events table has no index by document.
    "COALESCE(json_array_length(d.extraction, '$.events'), 0) AS events "
    "FROM documents d"
)


def documents(
    connection: sqlite3.Connection, undated: bool = False, limit: int = -1, offset: int = 0
) -> list[Row]:
    """Every stored document (``undated``: pages and articles without a date): its id (what
    `documents set-date` takes), name, date, outlet, title, source, live blog page, the
    document it duplicates, and its numbers of attributions and events (``limit`` -1: all)."""
    sql = (
        _DOCUMENT_COLUMNS
        + (" WHERE d.published IS NULL AND d.parent_id IS NULL" if undated else "")
        + " ORDER BY d.id LIMIT ? OFFSET ?"
    )
    return _rows(connection, sql, [limit, offset])


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
    connection: sqlite3.Connection, entity: int | None = None, limit: int = -1, offset: int = 0
) -> list[Row]:
    """The entities (or the one of id ``entity``) in id order, as ENTITY_ROWS gives them."""
    sql = ENTITY_ROWS + (" WHERE e.id = ?" if entity is not None else "") + " ORDER BY e.id LIMIT ? OFFSET ?"
    return _rows(connection, sql, [*([entity] if entity is not None else []), limit, offset])


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
    escaped = keys[0].replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return _rows(
        connection,
        "SELECT DISTINCT e.id, e.name FROM entity_names n JOIN entities e ON e.id = n.entity_id "
        "WHERE n.key LIKE ? ESCAPE '\\' ORDER BY e.id",
        [f"% {escaped}"],
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
    or that no entity and no speaker's or source's words match."""
    candidates, name = speaker.candidates, speaker.words
    if len(candidates) == 1:
        return speaker
    if not candidates and _rows(
        connection,
        "SELECT 1 FROM attributions WHERE speaker LIKE ? OR source LIKE ? LIMIT 1",
        [f"%{name}%", f"%{name}%"],
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


def _date_range(column: str, since: str | None, until: str | None, values: list[Any]) -> list[str]:
    clauses = []
    if since:
        clauses.append(f"{column} >= ?")
        values.append(since)
    if until:
        # "until 2024-12" takes the whole month: compare the dates' prefixes.
        clauses.append(f"substr({column}, 1, {len(until)}) <= ?")
        values.append(until)
    return clauses


def _where(clauses: list[str]) -> str:
    return " WHERE " + " AND ".join(clauses) if clauses else ""


def _rows(connection: sqlite3.Connection, sql: str, values: list[Any]) -> list[Row]:
    return [dict(row) for row in connection.execute(sql, values)]
