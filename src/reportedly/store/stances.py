"""Positions in the store: stance rows written at ingest, made again from the stored
extractions when the issues change, and read per actor and issue over time (issue 21).

A stance's actor is its statement's speaker (each party of a group speaker) or its event's
actor, copied into the row and kept equal to theirs by triggers (merges, speakers fixed by
hand), so that positions are read from the stances alone.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from typing import Any

from tqdm import tqdm

from reportedly.model import Extraction, Party
from reportedly.nlp.encoder import SentenceEncoder
from reportedly.positions.issues import IssueBook
from reportedly.positions.learned import PositionModel
from reportedly.positions.parties import name_demanded
from reportedly.positions.statements import take_positions
from reportedly.resolve.actors import ActorCoder, load_coder
from reportedly.store.queries import date_range

# The columns of whom a stance demands of, resolved (``party_row`` gives their values).
PARTY_COLUMNS = "demanded_of_name, demanded_of_entity_id, demanded_of_code, demanded_of_country"


def write_stances(connection: sqlite3.Connection, document_id: int, extraction: Extraction) -> None:
    """The extraction's stances and statement vectors, once its attributions and events are
    stored (they give the stances their row ids, actors and dates): a row per stance and
    party that takes it (each party of a group speaker)."""
    statements: dict[str, tuple[int | None, int | None, list[int | None], str | None, str | None]] = {}
    for row in connection.execute(
        "SELECT id, local_id, entity_id, date, COALESCE(speaker, source) FROM attributions "
        "WHERE document_id = ?",
        (document_id,),
    ):
        statements[row[1]] = (row[0], None, [row[2]], row[3], row[4])
    for local_id, entity in connection.execute(
        "SELECT local_id, entity_id FROM speaker_members WHERE document_id = ? AND entity_id IS NOT NULL "
        "ORDER BY local_id, position",
        (document_id,),
    ):
        attribution_id, _, parties, day, speaker = statements[local_id]
        if parties == [None]:
            parties = []
        statements[local_id] = (attribution_id, None, [*parties, entity], day, speaker)
    for row in connection.execute(
        "SELECT id, local_id, actor_entity_id, date FROM events WHERE document_id = ?", (document_id,)
    ):
        statements.setdefault(row[1], (None, row[0], [row[2]], row[3], None))
    rows = []
    party_entities = demanded_entities(connection, document_id, extraction)
    for stance in extraction.stances:
        if stance.statement not in statements:
            continue  # an event the store keeps no row of (not political)
        attribution_id, event_id, parties, day, speaker = statements[stance.statement]
        condition = stance.condition
        values = (
            stance.issue,
            stance.stance,
            json.dumps([[part.start, part.end] for part in stance.evidence]),
            condition.start if condition else None,
            condition.end if condition else None,
            condition.text if condition else None,
            stance.demanded_of.text if stance.demanded_of else None,
            stance.score,
            day,
            f"{int(stance.stance != 'unclear')}{day or ''}",
            *party_row(stance.demanded_party, party_entities),
        )
        for entity in parties:
            words = speaker if entity is None else None
            rows.append((document_id, stance.statement, attribution_id, event_id, entity, words, *values))
    connection.executemany(
        "INSERT INTO stances (document_id, statement, attribution_id, event_id, entity_id, speaker, issue, "
        "stance, evidence, condition_start, condition_end, condition, demanded_of, score, date, latest, "
        f"{PARTY_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        rows,
    )
    connection.executemany(
        "INSERT OR REPLACE INTO statement_vectors (document_id, statement, vector) VALUES (?, ?, ?)",
        [(document_id, statement, vector) for statement, vector in extraction.vectors.items()],
    )


def demanded_entities(
    connection: sqlite3.Connection, document_id: int, extraction: Extraction
) -> dict[str, int]:
    """The stored entity of each entity of the extraction that a demand is of (by its local
    id), found by its first mention among the document's stored mentions."""
    wanted = {stance.demanded_party.entity for stance in extraction.stances if stance.demanded_party}
    if not wanted - {None}:
        return {}
    stored = {
        (start, end): entity
        for start, end, entity in connection.execute(
            "SELECT start, end, entity_id FROM mentions WHERE document_id = ?", (document_id,)
        )
    }
    return {
        entity.id: stored[first]
        for entity in extraction.entities
        if entity.id in wanted and entity.mentions and (first := entity.mentions[0].range) in stored
    }


def party_row(party: Party | None, entities: dict[str, int]) -> tuple[Any, ...]:
    """The values of ``PARTY_COLUMNS`` for whom a demand is of (its entity stored as ``entities`` has it)."""
    if party is None:
        return (None, None, None, None)
    actor = party.actor
    return (
        party.name,
        entities.get(party.entity) if party.entity else None,
        actor.code if actor else None,
        actor.country if actor else None,
    )


def relink_demanded(connection: sqlite3.Connection, document_id: int, extraction: Extraction) -> None:
    """The stances' demanded-of entities again, after the document's entities were linked anew."""
    entities = demanded_entities(connection, document_id, extraction)
    connection.executemany(
        "UPDATE stances SET demanded_of_entity_id = ? WHERE document_id = ? AND statement = ? AND issue = ?",
        [
            (entities.get(stance.demanded_party.entity or ""), document_id, stance.statement, stance.issue)
            for stance in extraction.stances
            if stance.demanded_party is not None
        ],
    )


def rebuild_stances(
    connection: sqlite3.Connection,
    book: IssueBook,
    encoder: SentenceEncoder | None,
    model: PositionModel | None = None,
    coder: ActorCoder | None = None,
) -> tuple[int, int]:
    """Every stored extraction's stances made again with ``book``, in the caller's
    transaction, from the stored embeddings (a statement no pattern placed before and none
    places now is embedded now, and its vector stored), whom demands are of named by
    ``coder`` (else the shipped one); (documents, stances). A progress bar on a terminal's
    stderr."""
    connection.execute("DELETE FROM stances")
    extracted = [
        row[0]
        for row in connection.execute("SELECT id FROM documents WHERE extraction IS NOT NULL ORDER BY id")
    ]
    stances = 0
    for document_id in tqdm(extracted, desc="positions", unit="doc", disable=None):
        text, record = connection.execute(
            "SELECT text, extraction FROM documents WHERE id = ?", (document_id,)
        ).fetchone()
        data = json.loads(record)
        extraction = Extraction.from_dict(data, text)
        extraction.vectors = dict(
            connection.execute(
                "SELECT statement, vector FROM statement_vectors WHERE document_id = ?", (document_id,)
            ).fetchall()
        )
        found = take_positions(extraction, book, encoder, model)
        extraction.stances = name_demanded(found, extraction, coder or load_coder())
        write_stances(connection, document_id, extraction)
        data["stances"] = [stance.to_dict() for stance in extraction.stances]
        connection.execute(
            "UPDATE documents SET extraction = ? WHERE id = ?",
            (json.dumps(data, ensure_ascii=False), document_id),
        )
        stances += len(extraction.stances)
    return len(extracted), stances


@dataclass(frozen=True, slots=True)
class PositionFilter:
    issue: str | None = None
    actor: str | None = None  # an entity's name, an actor code (RUSGOV) or a speaker's words
    since: str | None = None  # a date, month or year (YYYY-MM-DD, YYYY-MM, YYYY), as the queries take
    until: str | None = None
    by_code: bool = False  # one actor per actor code, not per entity
    entity_id: int | None = None  # only this entity's stances (a speaker's page)
    # Only demands of this party: its name (or the words naming it), its entity's name, an
    # actor code (USAGOV) or a country (USA: also its government's, USAGOV).
    demanded_of: str | None = None


def _conditions(where: PositionFilter) -> tuple[str, list[Any]]:
    sql, parameters = "", []
    if where.issue:
        sql += " AND s.issue = ?"
        parameters.append(where.issue)
    if where.actor:
        sql += (
            " AND (s.entity_id IN (SELECT id FROM entities WHERE code = ? OR name = ? COLLATE NOCASE)"
            " OR (s.entity_id IS NULL AND s.speaker = ? COLLATE NOCASE))"
        )
        parameters += [where.actor] * 3
    if where.entity_id is not None:
        sql += " AND s.entity_id = ?"
        parameters.append(where.entity_id)
    if where.demanded_of:
        sql += (
            " AND (s.demanded_of_code = ? OR s.demanded_of_country = ?"
            " OR s.demanded_of_name = ? COLLATE NOCASE OR s.demanded_of = ? COLLATE NOCASE"
            " OR s.demanded_of_entity_id IN (SELECT id FROM entities WHERE name = ? COLLATE NOCASE))"
        )
        parameters += [where.demanded_of] * 5
    for clause in date_range("s.date", where.since, where.until, parameters):
        sql += f" AND {clause}"
    return sql, parameters


_DETAILS = """
SELECT s.rowid AS id, s.issue, s.stance, s.date, s.document_id, d.doc_id, s.evidence, s.condition_start,
       s.condition_end, s.condition, s.demanded_of, s.demanded_of_name, s.demanded_of_entity_id,
       s.demanded_of_code, s.demanded_of_country, s.statement, s.entity_id AS entity, s.entity_id,
       s.speaker, COALESCE(e.name, s.speaker) AS name, e.code, e.country
FROM stances s
JOIN documents d ON d.id = s.document_id
LEFT JOIN entities e ON e.id = s.entity_id
"""


def _texts(connection: sqlite3.Connection, ids: set[int]) -> dict[int, str]:
    marks = ",".join("?" * len(ids))
    rows = connection.execute(f"SELECT id, text FROM documents WHERE id IN ({marks})", sorted(ids))
    return {row["id"]: row["text"] for row in rows}


# The evidence column is json.dumps's own output: raw_decode reads it without json.loads's
# search for surrounding whitespace (more than half its time on a history of 3,367 stances).
_SPANS = json.JSONDecoder()


def _entries(connection: sqlite3.Connection, rows: list[sqlite3.Row]) -> list[dict[str, Any]]:
    """Each stance row as it is printed: its stance, condition, demanded_of, date and
    evidence spans with their text (equal to the document's at those offsets)."""
    texts = _texts(connection, {row["document_id"] for row in rows}) if rows else {}
    entries = []
    for row in rows:
        text = texts[row["document_id"]]
        condition = None
        if row["condition"] is not None:
            start, end = row["condition_start"], row["condition_end"]
            condition = {"start": start, "end": end, "text": text[start:end], "doc_id": row["doc_id"]}
        entries.append(
            {
                "stance": row["stance"],
                "condition": condition,
                "demanded_of": _demanded_of(row),
                "date": row["date"],
                "document_id": row["document_id"],
                "statement": row["statement"],
                "evidence": [
                    {"start": start, "end": end, "text": text[start:end], "doc_id": row["doc_id"]}
                    for start, end in _SPANS.raw_decode(row["evidence"])[0]
                ],
            }
        )
    return entries


def _demanded_of(row: sqlite3.Row) -> dict[str, Any] | None:
    """Whom a stance demands of: the words naming them, and the party they name (its name,
    entity and actor code; null where the words name no one the extraction resolved)."""
    if row["demanded_of"] is None:
        return None
    return {
        "text": row["demanded_of"],
        "name": row["demanded_of_name"],
        "entity": row["demanded_of_entity_id"],
        "code": row["demanded_of_code"],
        "country": row["demanded_of_country"],
    }


def _actor(row: sqlite3.Row, by_code: bool) -> dict[str, Any]:
    if by_code and row["code"]:
        return {"name": row["code"], "entity": None, "code": row["code"], "country": row["country"]}
    return {"name": row["name"], "entity": row["entity"], "code": row["code"], "country": row["country"]}


def positions(connection: sqlite3.Connection, where: PositionFilter) -> list[dict[str, Any]]:
    """One row per actor and issue: the current stance (the latest that takes a side; an
    unclear one neither holds nor moves a position) with its evidence, and the number of
    stances. One pass over a covering index, so that a store of 100,000 attributions answers
    at once; ``by_code``, the entities' picks merged per code."""
    conditions, parameters = _conditions(where)
    # SQLite gives a bare column (rowid) from the row that holds the MAX: the latest stance
    # that takes a side, else the latest.
    groups = connection.execute(
        "SELECT s.issue, s.entity_id, s.speaker, COUNT(*) AS stances, MAX(s.latest) AS rank, s.rowid AS id "
        f"FROM stances s WHERE 1 = 1 {conditions} GROUP BY s.issue, s.entity_id, s.speaker",
        parameters,
    ).fetchall()
    details = {row["id"]: row for row in _fetch(connection, [group["id"] for group in groups])}
    picks: dict[tuple[Any, str], tuple[str, int, int]] = {}  # actor, issue -> rank, row id, count
    for group in groups:
        row = details[group["id"]]
        actor = row["code"] if where.by_code and row["code"] else (group["entity_id"], group["speaker"])
        rank, row_id, count = picks.get((actor, group["issue"]), ("", 0, 0))
        rank, row_id = max((rank, row_id), (group["rank"], group["id"]))
        picks[(actor, group["issue"])] = (rank, row_id, count + group["stances"])
    chosen = [details[row_id] for _, row_id, _ in picks.values()]
    counts = [count for _, _, count in picks.values()]
    result = [
        {"actor": _actor(row, where.by_code), "issue": {"name": row["issue"]}, **entry, "stances": count}
        for row, entry, count in zip(chosen, _entries(connection, chosen), counts, strict=True)
    ]
    result.sort(key=lambda item: (item["issue"]["name"], str(item["actor"]["name"]), item["date"] or ""))
    return result


def _fetch(connection: sqlite3.Connection, ids: list[int]) -> list[sqlite3.Row]:
    rows: list[sqlite3.Row] = []
    for start in range(0, len(ids), 500):  # SQLite's bound parameters, in batches
        batch = ids[start : start + 500]
        marks = ",".join("?" * len(batch))
        rows += connection.execute(f"{_DETAILS} WHERE s.rowid IN ({marks})", batch).fetchall()
    return rows


def history(connection: sqlite3.Connection, where: PositionFilter, shifts_only: bool) -> list[dict[str, Any]]:
    """One row per actor and issue with every stance (oldest first) and the shifts; or
    (``shifts_only``) one row per shift: the new stance with ``previous``, the one it moved
    from. Every stance of a history is shown, so its rows are read whole at once; the
    shifts are found on the stances alone, and only theirs are read whole."""
    conditions, parameters = _conditions(where)
    order = "ORDER BY s.date, s.document_id, s.statement"
    if shifts_only:
        join = "LEFT JOIN entities e ON e.id = s.entity_id" if where.by_code else ""
        code = "e.code" if where.by_code else "NULL"
        light = connection.execute(
            f"SELECT s.rowid AS id, s.issue, s.entity_id, s.speaker, {code} AS code, s.stance, s.date "
            f"FROM stances s {join} WHERE 1 = 1 {conditions} {order}",
            parameters,
        ).fetchall()
    else:
        light = connection.execute(f"{_DETAILS} WHERE 1 = 1 {conditions} {order}", parameters).fetchall()
    grouped: dict[tuple[Any, str], list[dict[str, Any]]] = {}
    for row in light:
        actor = (where.by_code and row["code"]) or (row["entity_id"], row["speaker"])
        grouped.setdefault((actor, row["issue"]), []).append(
            {"id": row["id"], "stance": row["stance"], "date": row["date"]}
        )
    found = [(issue, stances, find_shifts(stances)) for (_, issue), stances in grouped.items()]
    if shifts_only:
        moved = {entry["id"] for _, _, shifts in found for shift in shifts for entry in shift.values()}
        rows = _fetch(connection, sorted(moved))
    else:
        rows = light
    entries = {row["id"]: entry for row, entry in zip(rows, _entries(connection, rows), strict=True)}
    by_id = {row["id"]: row for row in rows}
    result = []
    for issue, stances, shifts in found:
        if shifts_only:
            result += [
                {
                    "actor": _actor(by_id[shift["to"]["id"]], where.by_code),
                    "issue": {"name": issue},
                    **entries[shift["to"]["id"]],
                    "previous": entries[shift["from"]["id"]],
                }
                for shift in shifts
            ]
            continue
        whole = [entries[entry["id"]] for entry in stances]
        result.append(
            {
                "actor": _actor(by_id[stances[0]["id"]], where.by_code),
                "issue": {"name": issue},
                **entries[current(stances)["id"]],
                "history": whole,
                "shifts": [{"from": entries[s["from"]["id"]], "to": entries[s["to"]["id"]]} for s in shifts],
            }
        )
    result.sort(key=lambda item: (item["issue"]["name"], str(item["actor"]["name"]), item["date"] or ""))
    return result


def busiest_actors(connection: sqlite3.Connection, issue: str, limit: int) -> list[PositionFilter]:
    """The filters of the ``limit`` actors with the most stances on ``issue`` (an entity, or
    a speaker's words where there is none), most first: an issue's page reads their
    histories alone, not every actor's."""
    rows = connection.execute(
        "SELECT entity_id, speaker, COUNT(*) AS stances FROM stances WHERE issue = ? "
        "GROUP BY entity_id, speaker ORDER BY stances DESC, entity_id, speaker LIMIT ?",
        (issue, limit),
    )
    return [
        PositionFilter(issue, entity_id=row["entity_id"])
        if row["entity_id"] is not None
        else PositionFilter(issue, actor=row["speaker"])
        for row in rows
    ]


def issue_counts(connection: sqlite3.Connection) -> list[dict[str, Any]]:
    """Each issue the store's stances are on: its stances, the actors that take them (an
    entity, else a speaker's words) and the first and latest dates, by issue name."""
    rows = connection.execute(
        "SELECT issue, COUNT(*) AS stances, COUNT(DISTINCT COALESCE(CAST(entity_id AS TEXT), speaker)) "
        "AS actors, MIN(date) AS first, MAX(date) AS latest FROM stances GROUP BY issue ORDER BY issue"
    )
    return [dict(row) for row in rows]


def taken(entries: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The entries that take a side: an unclear stance neither holds a position nor moves one."""
    return [entry for entry in entries if entry["stance"] != "unclear"]


def current(entries: list[dict[str, Any]]) -> dict[str, Any]:
    """The actor's current stance: its latest that takes a side, else its latest."""
    return (taken(entries) or entries)[-1]


def find_shifts(entries: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each stance (oldest first) unlike the latest stance before it, on an earlier day, that
    took a side: statements of one day are one position, however worded. One pass over the
    entries, which come in date order (no date first, as SQLite orders them)."""
    shifts = []
    day: str | None = None  # the day of the stances seen last
    latest: dict[str, Any] | None = None  # the last side taken, on ``day`` or before
    before: dict[str, Any] | None = None  # the last side taken before ``day``
    for after in taken(entries):
        if (after["date"] or "") != day:
            day, before = after["date"] or "", latest
        if before is not None and before["stance"] != after["stance"]:
            shifts.append({"from": before, "to": after})
        latest = after
    return shifts
