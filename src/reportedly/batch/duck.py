"""A Parquet dataset queried in place through DuckDB, with the store's own SQL.

:func:`open_dataset` gives a connection whose tables are those the store's queries read
(``documents``, ``attributions``, ``speaker_members``, ``entities``, ``entity_names``,
``events``, ``stances``), made from the dataset's files, so that ``reportedly quotes --parquet DIR`` runs
:mod:`reportedly.store.queries` unchanged; :class:`DatasetConnection` turns the few
SQLite-only spellings of that SQL into DuckDB's (``_DIALECT``).

Ids follow the dataset's order (partition, then position): they are the store's when the
same inputs are ingested into a new store in the same order (no duplicates dropped).
Entities are linked across documents as the store links them, by the spelling keys of
their names, and a single name ("Lavrov") joins the one person whose surname it is; unlike
the store, two referents of one name in different countries are not kept apart, and a hand
fix (merge, set-speaker) is the store's alone.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from reportedly.batch import need
from reportedly.batch.dataset import DESCRIPTION, SCHEMA_VERSION, TABLES, manifest_files

# SQLite spellings of the store's SQL and DuckDB's: json_extract gives SQL text in SQLite,
# JSON in DuckDB; SQLite's LIKE ignores case; "+column" (which keeps SQLite off an index) is
# no operator on text in DuckDB.
_DIALECT = (
    (re.compile(r"\bjson_extract\("), "json_extract_string("),
    (re.compile(r"\bLIKE\b"), "ILIKE"),
    (re.compile(r"\+(v\.\w+)"), r"\1"),
    # SQLite gives a bare column beside one MAX() from the row that holds the maximum (the
    # first such row it reads); DuckDB says so with arg_max (ties: the lowest rowid).
    (
        re.compile(r"MAX\(([\w.]+)\) AS (\w+), ([\w.]+) AS"),
        r"MAX(\1) AS \2, arg_max(\3, (\1, -\3)) AS",
    ),
)
_LIMIT = re.compile(r"\bLIMIT \?")
# SQLite reads a negative LIMIT as no bound; DuckDB refuses it: the largest it takes instead.
_NO_BOUND = 2**62


class UnreadableDataset(Exception):
    """A folder with no partition done (or no dataset at all), or a dataset of another schema."""


def open_dataset(folder: Path) -> DatasetConnection:
    """An in-memory DuckDB connection over the partitions of ``folder``'s manifest."""
    duckdb = need("duckdb")
    files = {table: manifest_files(folder, table) for table in TABLES}
    if not files["documents"]:
        raise UnreadableDataset(f"{folder}: no partition of a `reportedly batch` dataset is done here")
    schema = json.loads((folder / DESCRIPTION).read_text(encoding="utf-8")).get("schema")
    if schema != SCHEMA_VERSION:
        raise UnreadableDataset(
            f"{folder}: a dataset of schema {schema}; this reportedly reads schema {SCHEMA_VERSION}: "
            "run `reportedly batch` again into a new folder"
        )
    # One thread: rows the store's SQL sorts as equal (a timeline's statements and events of
    # one day and document) then come out in the order they were read, as SQLite gives them;
    # with several, their order changes from run to run. NULL sorts as SQLite sorts it: first
    # going up, last going down.
    connection = duckdb.connect(
        config={"threads": 1, "default_null_order": "nulls_first_on_asc_last_on_desc"}
    )
    for table, names in files.items():
        listed = ", ".join("'" + name.replace("'", "''") + "'" for name in names)
        connection.execute(
            f"CREATE VIEW raw_{table} AS SELECT * FROM read_parquet([{listed}], file_row_number = true)"
        )
    for statement in _VIEWS:
        connection.execute(statement)
    return DatasetConnection(connection)


# The store's tables over the dataset's. Documents, attributions and events are numbered in
# the dataset's order, as a store numbers them in the order it stores them.
_VIEWS = (
    """CREATE VIEW documents AS SELECT row_number() OVER (ORDER BY partition, position) AS id,
        partition, position, doc_id, source, title, url, outlet, published, posted, language, text,
        headline_end, extraction FROM raw_documents""",
    # Entities linked across documents: by the key of the name (its first key), a single
    # name by the one person's full name whose surname it is, an entity without a key alone.
    # Their place: the store's order (a document's entities known by a full name, or by no
    # name, before those known by single names only), which numbers them as the store does.
    r"""CREATE TEMP TABLE entity_rows AS
        WITH r AS (SELECT *, keys[1] AS key, keys[1] LIKE '% %' AS full_name,
                   partition || ':' || lpad(position::VARCHAR, 9, '0') || ':'
                   || (len(keys) > 0 AND len(list_filter(keys, lambda k: k LIKE '% %')) = 0)::INTEGER
                   || ':' || lpad(ordinal::VARCHAR, 9, '0') AS place FROM raw_entities),
        surnames AS (SELECT regexp_extract(key, '(\S+)$', 1) AS surname, min(key) AS key FROM r
                     WHERE full_name AND type = 'PERSON' GROUP BY 1 HAVING count(DISTINCT key) = 1),
        linked AS (SELECT r.*, CASE WHEN r.key IS NULL THEN 'place:' || r.place
                          WHEN NOT r.full_name AND s.key IS NOT NULL THEN s.key ELSE r.key END AS link
                   FROM r LEFT JOIN surnames s ON NOT r.full_name AND s.surname = r.key),
        numbered AS (SELECT link, row_number() OVER (ORDER BY min(place)) AS entity_id
                     FROM linked GROUP BY link)
        SELECT linked.*, numbered.entity_id FROM linked JOIN numbered USING (link)""",
    # Each entity's name is its first full name (else its first name), its code its first.
    """CREATE TEMP TABLE entities AS SELECT entity_id AS id,
        arg_min(name, (NOT coalesce(full_name, false))::INTEGER || place) AS name,
        arg_min(type, place) AS type,
        arg_min(code, place) FILTER (WHERE code IS NOT NULL) AS code,
        arg_min(country, place) FILTER (WHERE code IS NOT NULL) AS country,
        arg_min(sector, place) FILTER (WHERE code IS NOT NULL) AS sector
        FROM entity_rows GROUP BY entity_id""",
    # The keys that lead to an entity (a person's surname too); a key of several leads to none.
    r"""CREATE TEMP TABLE entity_names AS
        WITH k AS (SELECT unnest(keys) AS key, entity_id, name FROM entity_rows
                   UNION ALL SELECT regexp_extract(key, '(\S+)$', 1), entity_id,
                   regexp_extract(name, '(\S+)$', 1) FROM entity_rows WHERE full_name AND type = 'PERSON')
        SELECT key, CASE WHEN count(DISTINCT entity_id) = 1 THEN min(entity_id) END AS entity_id,
        min(name) AS name FROM k GROUP BY key""",
    """CREATE VIEW attributions AS SELECT
        row_number() OVER (ORDER BY a.partition, a.position, a.ordinal) AS id, d.id AS document_id,
        a.local_id, a.kind, a.cue_start, a.cue_end, a.cue, a.source_start, a.source_end, a.source,
        a.content, a.speaker, l.entity_id, a.outlet, a.addressee.text AS addressee,
        a.channel.text AS channel, a.parent, a.negated::INTEGER AS negated,
        a.hypothetical::INTEGER AS hypothetical, a.date, a.in_headline::INTEGER AS in_headline
        FROM raw_attributions a JOIN documents d ON d.partition = a.partition AND d.position = a.position
        LEFT JOIN entity_rows l ON l.partition = a.partition AND l.position = a.position
        AND l.local_id = a.speaker_entity""",
    """CREATE VIEW speaker_members AS SELECT d.id AS document_id, m.local_id, m.member_position AS position,
        m.member.name AS name, l.entity_id FROM (
            SELECT partition, position, local_id, unnest(speaker_members) AS member,
            generate_subscripts(speaker_members, 1) - 1 AS member_position FROM raw_attributions) m
        JOIN documents d ON d.partition = m.partition AND d.position = m.position
        LEFT JOIN entity_rows l ON l.partition = m.partition AND l.position = m.position
        AND l.local_id = m.member.entity""",
    """CREATE VIEW events AS SELECT
        row_number() OVER (ORDER BY v.partition, v.file_row_number) AS id, d.id AS document_id,
        v.local_id, v.event_type, to_json(v.mode)::VARCHAR AS mode, to_json(v.actor)::VARCHAR AS actor,
        to_json(v.recipient)::VARCHAR AS recipient, v.actor_code, v.recipient_code,
        l.entity_id AS actor_entity_id, v.attribution, v.trigger_start, v.trigger_end, v.trigger,
        v.sentence_start, v.sentence_end, v.negated::INTEGER AS negated,
        v.hypothetical::INTEGER AS hypothetical, v.date
        FROM raw_events v JOIN documents d ON d.partition = v.partition AND d.position = v.position
        LEFT JOIN entity_rows l ON l.partition = v.partition AND l.position = v.position
        AND l.local_id = v.actor_entity""",
    # A table, not a view: the store's positions read its rowid (here in the dataset's order).
    # Its date is its statement's, and ``latest`` what makes a stance the current one, as the
    # store's migration 7 defines them.
    """CREATE TEMP TABLE stances AS SELECT d.id AS document_id, s.statement, a.id AS attribution_id,
        v.id AS event_id, l.entity_id, s.speaker, s.issue, s.stance,
        to_json(list_transform(s.evidence, lambda part: [part.start, part."end"]))::VARCHAR AS evidence,
        s.condition.start AS condition_start, s.condition."end" AS condition_end,
        s.condition.text AS condition, s.demanded_of.text AS demanded_of, s.score,
        s.demanded_party.name AS demanded_of_name, p.entity_id AS demanded_of_entity_id,
        s.demanded_party.code AS demanded_of_code, s.demanded_party.country AS demanded_of_country,
        coalesce(a.date, v.date) AS date,
        (s.stance <> 'unclear')::INTEGER::VARCHAR || coalesce(a.date, v.date, '') AS latest
        FROM raw_stances s JOIN documents d ON d.partition = s.partition AND d.position = s.position
        LEFT JOIN attributions a ON a.document_id = d.id AND a.local_id = s.statement
        LEFT JOIN events v ON a.id IS NULL AND v.document_id = d.id AND v.local_id = s.statement
        LEFT JOIN entity_rows l ON l.partition = s.partition AND l.position = s.position
        AND l.local_id = s.entity
        LEFT JOIN entity_rows p ON p.partition = s.partition AND p.position = s.position
        AND p.local_id = s.demanded_party.entity
        ORDER BY s.partition, s.position, s.file_row_number""",
)


class DatasetConnection:
    """What the store's queries need of a connection (``execute``, rows by column name),
    over DuckDB: each statement is turned into DuckDB's dialect first."""

    def __init__(self, connection: Any) -> None:
        self.connection = connection

    def execute(self, sql: str, values: list[Any] | tuple[Any, ...] = ()) -> Rows:
        for pattern, replacement in _DIALECT:
            sql = pattern.sub(replacement, sql)
        values = list(values)
        for limit in _LIMIT.finditer(sql):
            position = sql.count("?", 0, limit.start())
            if isinstance(values[position], int) and values[position] < 0:
                values[position] = _NO_BOUND
        result = self.connection.execute(sql, values)
        columns = [column[0] for column in result.description]
        return Rows([dict(zip(columns, row, strict=True)) for row in result.fetchall()])

    def close(self) -> None:
        self.connection.close()


class Rows:
    """A statement's rows, as dicts (a cursor of ``sqlite3.Row`` for the store's code)."""

    def __init__(self, rows: list[dict[str, Any]]) -> None:
        self.rows = rows

    def __iter__(self) -> Iterator[dict[str, Any]]:
        return iter(self.rows)

    def fetchall(self) -> list[dict[str, Any]]:
        return self.rows

    def fetchone(self) -> dict[str, Any] | None:
        return self.rows[0] if self.rows else None
