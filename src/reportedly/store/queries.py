"""The questions users ask of a corpus, as SQL over the store. Each query returns rows as
dicts, in a stable column order, for the CLI to print as a table, JSON Lines or CSV."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from typing import Any

Row = dict[str, Any]
# An event's sentence, cut out of its document's text (events keep offsets, not words).
EVENT_SENTENCE = "substr(d.text, v.sentence_start + 1, v.sentence_end - v.sentence_start)"


@dataclass(frozen=True, slots=True)
class QuoteFilter:
    speaker: str | None = None  # an entity's name or alias, or words of the speaker's name
    about: str | None = None  # words the content holds
    search: str | None = None  # an FTS5 query over contents ("sanctions NEAR/5 oil")
    since: str | None = None  # ISO date, inclusive
    until: str | None = None
    outlet: str | None = None
    kind: str | None = None
    limit: int = 100


def quotes(connection: sqlite3.Connection, where: QuoteFilter) -> list[Row]:
    """Attributions with their speaker, document and date, newest first."""
    clauses, values = [], []
    if where.speaker:
        clauses.append(
            "(a.entity_id IN (SELECT entity_id FROM entity_names WHERE name = ? COLLATE NOCASE) "
            "OR e.name = ? COLLATE NOCASE OR a.speaker LIKE ?)"
        )
        values += [where.speaker, where.speaker, f"%{where.speaker}%"]
    if where.about:
        clauses.append("a.content LIKE ?")
        values.append(f"%{where.about}%")
    if where.search:
        clauses.append("a.id IN (SELECT rowid FROM attributions_fts WHERE attributions_fts MATCH ?)")
        values.append(where.search)
    clauses += _date_range("a.date", where.since, where.until, values)
    if where.outlet:
        clauses.append("a.outlet = ? COLLATE NOCASE")
        values.append(where.outlet)
    if where.kind:
        clauses.append("a.kind = ?")
        values.append(where.kind)
    sql = (
        "SELECT a.date, d.outlet, COALESCE(e.name, a.speaker) AS speaker, e.code, a.kind, a.cue, a.content, "
        "d.doc_id AS document, a.local_id AS attribution "
        "FROM attributions a JOIN documents d ON d.id = a.document_id "
        "LEFT JOIN entities e ON e.id = a.entity_id"
        + _where(clauses)
        + " ORDER BY a.date DESC, d.id, a.id LIMIT ?"
    )
    return _rows(connection, sql, [*values, where.limit])


def speakers(
    connection: sqlite3.Connection,
    by: str | None = None,
    since: str | None = None,
    until: str | None = None,
    limit: int = 20,
) -> list[Row]:
    """Who is quoted most (attributions with a resolved speaker), overall or by outlet or
    by month. The counts come from covering indexes (``attributions_speaker*``)."""
    values: list[Any] = []
    clauses = ["a.entity_id IS NOT NULL", *_date_range("a.date", since, until, values)]
    group = {"outlet": "a.outlet", "month": "substr(a.date, 1, 7)"}.get(by or "")
    inner, outer, grouping = (f"{group} AS {by}, ", f"{by}, ", f", {group}") if group else ("", "", "")
    sql = (
        f"SELECT {outer}e.name AS speaker, e.code, s.quotes, s.documents, s.first, s.last "
        f"FROM (SELECT {inner}a.entity_id, COUNT(*) AS quotes, COUNT(DISTINCT a.document_id) AS documents, "
        "MIN(a.date) AS first, MAX(a.date) AS last FROM attributions a"
        + _where(clauses)
        + f" GROUP BY a.entity_id{grouping}) s JOIN entities e ON e.id = s.entity_id"
        + f" ORDER BY {outer}s.quotes DESC, e.name LIMIT ?"
    )
    return _rows(connection, sql, [*values, limit])


def timeline(connection: sqlite3.Connection, entity_id: int, about: str | None = None) -> list[Row]:
    """An entity's statements and events in date order: the positions it took over time."""
    topic, words = (" AND {} LIKE ?", [f"%{about}%"]) if about else ("", [])
    sql = (
        "SELECT a.date, 'statement' AS what, a.kind AS type, a.cue AS word, a.content AS text, "
        "d.doc_id AS document "
        "FROM attributions a JOIN documents d ON d.id = a.document_id WHERE a.entity_id = ?"
        + topic.format("a.content")
        + f" UNION ALL SELECT v.date, 'event', v.event_type, v.trigger, {EVENT_SENTENCE}, d.doc_id "
        "FROM events v JOIN documents d ON d.id = v.document_id WHERE v.actor_entity_id = ?"
        + topic.format(EVENT_SENTENCE)
        + " ORDER BY 1, 6"
    )
    return _rows(connection, sql, [entity_id, *words, entity_id, *words])


def events(
    connection: sqlite3.Connection,
    event_type: str | None = None,
    actor: str | None = None,
    recipient: str | None = None,
    limit: int = 100,
) -> list[Row]:
    """Coded events; actor and recipient codes match as prefixes ("RUS" finds RUSGOV)."""
    clauses, values = [], []
    if event_type:
        clauses.append("v.event_type = ?")
        values.append(event_type.upper())
    # Code prefixes as ranges ("RUS" <= code < "RUT"), tested while walking the date index
    # newest first (the unary + keeps SQLite off the code index): a common code fills the
    # page at once, where sorting all its events by date took longer than the whole walk.
    for column, prefix in (("v.actor_code", actor), ("v.recipient_code", recipient)):
        if prefix:
            clauses.append(f"+{column} >= ? AND +{column} < ?")
            values += [prefix.upper(), prefix.upper()[:-1] + chr(ord(prefix.upper()[-1]) + 1)]
    # The events first, their sentences after: cutting a sentence out of its document's
    # text for every match before the limit would read thousands of texts.
    sql = (
        "SELECT v.date, v.event_type, v.actor_code AS actor, v.recipient_code AS recipient, v.trigger, "
        f"v.negated, v.hypothetical, {EVENT_SENTENCE} AS sentence, "
        "d.doc_id AS document FROM (SELECT * FROM events v"
        + _where(clauses)
        + " ORDER BY v.date DESC, v.id LIMIT ?) v JOIN documents d ON d.id = v.document_id"
        " ORDER BY v.date DESC, v.id"
    )
    return _rows(connection, sql, [*values, limit])


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
