"""Positions in the store: stance rows written at ingest, made again from the stored
extractions when the issues change, and read per actor and issue over time (issue 21).

A stance's actor is its statement's speaker (each party of a group speaker) or its event's
actor, read through the attribution or event at query time, so that merged entities and
speakers fixed by hand count as they do everywhere else.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

from reportedly.model import Extraction
from reportedly.positions.issues import IssueBook
from reportedly.positions.statements import take_positions


def write_stances(connection: sqlite3.Connection, document_id: int, extraction: Extraction) -> None:
    """The extraction's stances and statement vectors, once its attributions and events are
    stored (they give the stances their row ids and dates)."""
    attributions = {
        row[1]: (row[0], row[2])
        for row in connection.execute(
            "SELECT id, local_id, date FROM attributions WHERE document_id = ?", (document_id,)
        )
    }
    events = {
        row[1]: (row[0], row[2])
        for row in connection.execute(
            "SELECT id, local_id, date FROM events WHERE document_id = ?", (document_id,)
        )
    }
    rows = []
    for stance in extraction.stances:
        attribution = attributions.get(stance.statement)
        event = None if attribution else events.get(stance.statement)
        if attribution is None and event is None:
            continue  # an event the store keeps no row of (not political)
        condition = stance.condition
        rows.append(
            (
                document_id,
                stance.statement,
                attribution[0] if attribution else None,
                event[0] if event else None,
                stance.issue,
                stance.stance,
                json.dumps([[part.start, part.end] for part in stance.evidence]),
                condition.start if condition else None,
                condition.end if condition else None,
                condition.text if condition else None,
                stance.demanded_of.text if stance.demanded_of else None,
                stance.score,
                (attribution or event)[1],  # type: ignore[index]
            )
        )
    connection.executemany(
        "INSERT INTO stances (document_id, statement, attribution_id, event_id, issue, stance, evidence, "
        "condition_start, condition_end, condition, demanded_of, score, date) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        rows,
    )
    connection.executemany(
        "INSERT OR REPLACE INTO statement_vectors (document_id, statement, vector) VALUES (?, ?, ?)",
        [(document_id, statement, vector) for statement, vector in extraction.vectors.items()],
    )


def rebuild_stances(
    connection: sqlite3.Connection, book: IssueBook, progress: Callable[[int], None] | None = None
) -> tuple[int, int]:
    """Every stored extraction's stances made again with ``book`` from its stored vectors, in
    the caller's transaction; (documents, stances)."""
    vectors: dict[int, dict[str, bytes]] = {}
    for document_id, statement, vector in connection.execute(
        "SELECT document_id, statement, vector FROM statement_vectors"
    ):
        vectors.setdefault(document_id, {})[statement] = vector
    connection.execute("DELETE FROM stances")
    documents = stances = 0
    for document_id, text, record in connection.execute(
        "SELECT id, text, extraction FROM documents WHERE extraction IS NOT NULL ORDER BY id"
    ).fetchall():
        extraction = Extraction.from_dict(json.loads(record), text)
        extraction.vectors = vectors.get(document_id, {})
        extraction.stances = take_positions(extraction, book)
        write_stances(connection, document_id, extraction)
        record_dict = json.loads(record)
        record_dict["stances"] = [stance.to_dict() for stance in extraction.stances]
        connection.execute(
            "UPDATE documents SET extraction = ? WHERE id = ?",
            (json.dumps(record_dict, ensure_ascii=False), document_id),
        )
        documents += 1
        stances += len(extraction.stances)
        if progress:
            progress(documents)
    return documents, stances


@dataclass(frozen=True, slots=True)
class PositionFilter:
    issue: str | None = None
    actor: str | None = None  # an entity's name or an actor code (RUSGOV)
    since: date | None = None
    until: date | None = None
    by_code: bool = False  # one actor per actor code, not per entity


# Each stance with its actor: the attribution's speaker, each party of a group speaker, or
# the event's actor.
_ROWS = """
SELECT s.issue, s.stance, s.date, s.document_id, d.doc_id, s.evidence, s.condition_start,
       s.condition_end, s.condition, s.demanded_of, s.statement, e.id AS entity,
       COALESCE(e.name, m.name, a.speaker, a.source) AS name, e.code, e.country
FROM stances s
JOIN documents d ON d.id = s.document_id
LEFT JOIN attributions a ON a.id = s.attribution_id
LEFT JOIN speaker_members m
    ON a.entity_id IS NULL AND m.document_id = a.document_id AND m.local_id = a.local_id
LEFT JOIN events v ON v.id = s.event_id
LEFT JOIN entities e ON e.id = COALESCE(a.entity_id, m.entity_id, v.actor_entity_id)
WHERE COALESCE(e.id, m.name, a.speaker, a.source) IS NOT NULL
"""


def stance_rows(connection: sqlite3.Connection, where: PositionFilter) -> Iterator[sqlite3.Row]:
    """The stances that pass ``where``, by actor, issue and date."""
    sql, parameters = _ROWS, []
    if where.issue:
        sql += " AND s.issue = ?"
        parameters.append(where.issue)
    if where.actor:
        sql += " AND (e.code = ? OR COALESCE(e.name, m.name, a.speaker, a.source) = ? COLLATE NOCASE)"
        parameters += [where.actor, where.actor]
    if where.since:
        sql += " AND s.date >= ?"
        parameters.append(where.since.isoformat())
    if where.until:
        sql += " AND s.date <= ?"
        parameters.append(where.until.isoformat())
    sql += " ORDER BY s.date, s.document_id, s.statement"
    return connection.execute(sql, parameters)


def _texts(connection: sqlite3.Connection, ids: set[int]) -> dict[int, str]:
    marks = ",".join("?" * len(ids))
    return dict(
        connection.execute(f"SELECT id, text FROM documents WHERE id IN ({marks})", sorted(ids)).fetchall()
    )


def _entry(row: sqlite3.Row, texts: dict[int, str]) -> dict[str, Any]:
    text = texts[row["document_id"]]
    evidence = [
        {"start": start, "end": end, "text": text[start:end], "doc_id": row["doc_id"]}
        for start, end in json.loads(row["evidence"])
    ]
    condition = (
        {
            "start": row["condition_start"],
            "end": row["condition_end"],
            "text": row["condition"],
            "doc_id": row["doc_id"],
        }
        if row["condition"] is not None
        else None
    )
    return {
        "stance": row["stance"],
        "condition": condition,
        "demanded_of": row["demanded_of"],
        "date": row["date"],
        "statement": row["statement"],
        "evidence": evidence,
    }


def taken(entries: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The entries that take a side: an unclear stance neither holds a position nor moves one."""
    return [entry for entry in entries if entry["stance"] != "unclear"]


def current(entries: list[dict[str, Any]]) -> dict[str, Any]:
    """The actor's current stance: its latest that takes a side, else its latest."""
    return (taken(entries) or entries)[-1]


def find_shifts(entries: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each stance (oldest first) unlike the latest stance before it, on an earlier day, that
    took a side: statements of one day are one position, however worded."""
    sides = taken(entries)
    shifts = []
    for index, after in enumerate(sides):
        earlier = [entry for entry in sides[:index] if (entry["date"] or "") < (after["date"] or "")]
        if earlier and earlier[-1]["stance"] != after["stance"]:
            shifts.append({"from": earlier[-1], "to": after})
    return shifts


def positions(
    connection: sqlite3.Connection, where: PositionFilter, shifts_only: bool = False
) -> list[dict[str, Any]]:
    """One row per actor and issue: the latest stance with its evidence, the history of
    stances (oldest first) and the shifts (a stance unlike the same actor's previous one on
    the issue, with both); ``shifts_only``: one row per shift."""
    rows = stance_rows(connection, where).fetchall()
    texts = _texts(connection, {row["document_id"] for row in rows}) if rows else {}
    grouped: dict[tuple[str, str], list[sqlite3.Row]] = {}
    actors: dict[str, dict[str, Any]] = {}
    for row in rows:
        # An actor is its code (--by-code), else its entity, else (a speaker no entity was
        # found for: "a senior Turkish diplomat", by its name or else its source's words) its name.
        if where.by_code and row["code"]:
            key = row["code"]
            actor = {"name": row["code"], "entity": None, "code": row["code"], "country": row["country"]}
        else:
            key = f"entity:{row['entity']}" if row["entity"] is not None else f"name:{row['name']}"
            actor = {
                "name": row["name"],
                "entity": row["entity"],
                "code": row["code"],
                "country": row["country"],
            }
        actors.setdefault(key, actor)
        grouped.setdefault((key, row["issue"]), []).append(row)
    result = []
    for (key, issue), history in grouped.items():
        entries = [_entry(row, texts) for row in history]
        shifts = find_shifts(entries)
        if shifts_only:
            result += [
                {"actor": actors[key], "issue": {"name": issue}, **shift["to"], "previous": shift["from"]}
                for shift in shifts
            ]
            continue
        result.append(
            {
                "actor": actors[key],
                "issue": {"name": issue},
                **entries[-1],
                "history": entries,
                "shifts": shifts,
            }
        )
    result.sort(key=lambda item: (item["issue"]["name"], str(item["actor"]["name"]), item["date"] or ""))
    return result
