"""Get a corpus out of the store, and corrections back in.

- JSON Lines: one record per extracted document, its metadata beside the extraction.
- CSV and Parquet: one table (attributions, events, documents or entities) as flat rows,
  for spreadsheets, pandas and DuckDB.
- PLOVER: one event record per line, as ``reportedly extract --format plover`` writes.
- BRAT standoff: a ``.txt`` and an ``.ann`` per document (Cue, Source and Content spans
  joined by Attribution events, as in PolNeAR), to correct in the BRAT annotation tool;
  ``import_brat`` stores the corrected spans back.
"""

from __future__ import annotations

import csv
import json
import re
import sqlite3
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, TextIO

from reportedly.events.plover import plover_records
from reportedly.model import Extraction
from reportedly.store.brat import BratError, check_ann, parse_ann
from reportedly.store.corpus import INSERT_ATTRIBUTION, attribution_row
from reportedly.store.database import StoreError, index_new_text, transaction
from reportedly.store.dedup import content_hash

_SAFE_NAME = re.compile(r"[^\w.-]+")
# Bytes of a document id kept in its BRAT file names: with the row id and the suffix, well
# under the 255 bytes most file systems allow.
NAME_BYTES = 100
# The row id that ends a BRAT file's name (``lavrov-talks-12``): the document it came from.
_NAME_ROW_ID = re.compile(r"-(\d+)$")
TABLES = {
    "attributions": (
        "SELECT d.doc_id AS document, d.outlet, d.url, a.date, a.local_id AS attribution, a.kind, "
        "a.speaker, e.name AS entity, e.code AS actor_code, a.cue, a.source, a.content, a.addressee, "
        "a.channel, "
        "a.negated, a.hypothetical, a.cue_start, a.cue_end, a.source_start, a.source_end, a.content_spans "
        "FROM attributions a JOIN documents d ON d.id = a.document_id "
        "LEFT JOIN entities e ON e.id = a.entity_id "
        "ORDER BY d.id, a.id"
    ),
    "events": (
        "SELECT d.doc_id AS document, v.date, v.local_id AS event, v.event_type, v.mode, v.actor_code, "
        "v.recipient_code, v.actor, v.recipient, v.trigger, v.negated, v.hypothetical, v.attribution, "
        "v.trigger_start, v.trigger_end, v.sentence_start, v.sentence_end "
        "FROM events v JOIN documents d ON d.id = v.document_id ORDER BY d.id, v.id"
    ),
    "documents": (
        "SELECT d.id, d.doc_id AS document, d.source, p.doc_id AS page, d.title, d.url, d.outlet, "
        "d.published, "
        "d.posted, d.language, o.doc_id AS duplicate_of, d.similarity, length(d.text) AS characters, "
        "d.ingested_at FROM documents d LEFT JOIN documents p ON p.id = d.parent_id "
        "LEFT JOIN documents o ON o.id = d.duplicate_of ORDER BY d.id"
    ),
    "entities": (
        "SELECT e.id, e.name, e.type, e.code, e.country, e.sector, "
        "(SELECT COUNT(*) FROM attributions a WHERE a.entity_id = e.id) AS quotes, "
        "(SELECT group_concat(DISTINCT n.name) FROM entity_names n WHERE n.entity_id = e.id) AS names "
        "FROM entities e ORDER BY e.id"
    ),
}


def table_rows(connection: sqlite3.Connection, table: str) -> Iterator[dict[str, Any]]:
    return (dict(row) for row in connection.execute(TABLES[table]))


def write_jsonl(connection: sqlite3.Connection, stream: TextIO) -> int:
    """One line per extracted document: ``{"document": {...}, "extraction": {...}}``."""
    count = 0
    for row in connection.execute(
        "SELECT d.doc_id, d.source, d.title, d.url, d.outlet, d.published, d.posted, d.language, "
        "p.doc_id AS page, d.extraction FROM documents d LEFT JOIN documents p ON p.id = d.parent_id "
        "WHERE d.extraction IS NOT NULL ORDER BY d.id"
    ):
        metadata = dict(row)
        extraction = json.loads(metadata.pop("extraction"))
        record = {"document": metadata, "extraction": extraction}
        stream.write(json.dumps(record, ensure_ascii=False) + "\n")
        count += 1
    return count


def write_csv(connection: sqlite3.Connection, table: str, stream: TextIO) -> int:
    return write_csv_rows(table_rows(connection, table), stream)


def write_csv_rows(rows: Iterable[dict[str, Any]], stream: TextIO) -> int:
    """Rows as CSV, the first row's keys as the header; nothing at all for no rows."""
    writer: csv.DictWriter | None = None
    count = 0
    for row in rows:
        if writer is None:
            writer = csv.DictWriter(stream, fieldnames=list(row))
            writer.writeheader()
        writer.writerow(row)
        count += 1
    return count


def write_parquet(connection: sqlite3.Connection, table: str, path: Path) -> int:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise StoreError("Parquet export needs pyarrow: pip install 'reportedly[parquet]'") from None
    rows = list(table_rows(connection, table))
    pq.write_table(pa.Table.from_pylist(rows), path)
    return len(rows)


def write_plover(connection: sqlite3.Connection, stream: TextIO) -> int:
    """Every stored event as a PLOVER record, read back as the model's extractions."""
    count = 0
    for row in connection.execute(
        "SELECT text, extraction FROM documents WHERE extraction IS NOT NULL ORDER BY id"
    ):
        for record in plover_records(Extraction.from_dict(json.loads(row["extraction"]), row["text"])):
            stream.write(json.dumps(record, ensure_ascii=False) + "\n")
            count += 1
    return count


def brat_name(doc_id: str, row_id: int) -> str:
    """A document's BRAT file name, without suffix: its id made safe as a file name (no "/",
    no leading dot, at most NAME_BYTES bytes), then its row id, which keeps names unique and
    tells ``import_brat`` the document."""
    safe = _SAFE_NAME.sub("_", doc_id).lstrip(".").encode("utf-8")[:NAME_BYTES]
    return safe.decode("utf-8", "ignore") + f"-{row_id}"


def write_brat(connection: sqlite3.Connection, folder: Path) -> int:
    """A ``.txt`` and ``.ann`` per extracted document, named by ``brat_name``."""
    folder.mkdir(parents=True, exist_ok=True)
    count = 0
    for row in connection.execute(
        "SELECT id, doc_id, text, extraction FROM documents WHERE extraction IS NOT NULL ORDER BY id"
    ):
        name = brat_name(row["doc_id"], row["id"])
        (folder / f"{name}.txt").write_text(row["text"], encoding="utf-8")
        (folder / f"{name}.ann").write_text(
            _ann(row["text"], json.loads(row["extraction"])), encoding="utf-8"
        )
        count += 1
    return count


def _ann(text: str, extraction: dict[str, Any]) -> str:
    lines: list[str] = []

    def bound(label: str, parts: list[tuple[int, int]]) -> str:
        number = f"T{len(lines) + 1}"
        offsets = ";".join(f"{start} {end}" for start, end in parts)
        # One line, one tab-separated field: every line break and tab inside becomes a space.
        words = re.sub(r"\s", " ", " ".join(text[start:end] for start, end in parts))
        lines.append(f"{number}\t{label} {offsets}\t{words}")
        return number

    events = []
    for attribution in extraction["attributions"]:
        cue = attribution["cue"]
        if cue is None:  # floating quotes have no cue: BRAT events need a trigger
            continue
        arguments = [f"Attribution:{bound('Attribution', [(cue['start'], cue['end'])])}"]
        if attribution["source"]:
            source = attribution["source"]
            arguments.append(f"Source:{bound('Source', [(source['start'], source['end'])])}")
        arguments.append(f"Cue:{bound('Cue', [(cue['start'], cue['end'])])}")
        if attribution["content"]:
            parts = [(part["start"], part["end"]) for part in attribution["content"]]
            arguments.append(f"Content:{bound('Content', parts)}")
        events.append(" ".join(arguments))
    lines += [f"E{number}\t{arguments}" for number, arguments in enumerate(events, start=1)]
    return "\n".join(lines) + "\n" if lines else ""


def import_brat(connection: sqlite3.Connection, folder: Path) -> int:
    """Store the attributions of corrected ``.ann`` files over those extracted, all in one
    transaction: every file is read and checked first, and a BratError in any of them (naming
    the file and line) leaves the store as it was."""
    files = sorted(folder.glob("*.ann"))
    if not files:
        raise BratError(f"{folder}: no .ann files")
    corrections = []
    for ann in files:
        text_path = ann.with_suffix(".txt")
        if not text_path.exists():
            raise BratError(f"{ann}: no {text_path.name} beside it")
        text = _read_utf8(text_path)
        row = _exported_document(connection, text_path, text)
        corrected = parse_ann(check_ann(ann, _read_utf8(ann), len(text)))
        corrections.append((row, text, corrected))
    index_new_text(connection)  # replaced rows leave the text index: they must be in it
    with transaction(connection):
        for row, text, corrected in corrections:
            _replace_attributions(connection, row["id"], text, json.loads(row["extraction"]), corrected)
    index_new_text(connection)
    return len(corrections)


def _read_utf8(path: Path) -> str:
    """A file's text; bytes that are not UTF-8 are a BratError naming the line."""
    data = path.read_bytes()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise BratError(f"{path}:{line}: not valid UTF-8 (byte 0x{data[error.start]:02x})") from None


def _exported_document(connection: sqlite3.Connection, text_path: Path, text: str) -> sqlite3.Row:
    """The stored document a ``.txt`` was exported from: the one its name's row id gives when
    its text is this text, else the one extracted document with this text (files renamed, or
    exported from another store)."""
    query = "SELECT id, extraction FROM documents WHERE content_hash = ? AND extraction IS NOT NULL"
    if match := _NAME_ROW_ID.search(text_path.stem):
        row = connection.execute(f"{query} AND id = ?", (content_hash(text), int(match[1]))).fetchone()
        if row is not None:
            return row
    rows = connection.execute(query, (content_hash(text),)).fetchall()
    if len(rows) != 1:
        problem = "no extracted document" if not rows else f"{len(rows)} extracted documents"
        raise BratError(f"{text_path}: {problem} with this text in the store")
    return rows[0]


def _replace_attributions(
    connection: sqlite3.Connection, document_id: int, text: str, extraction: dict[str, Any], corrected: list
) -> None:
    """The corrected attributions in place of the extracted ones, in the caller's transaction;
    an attribution whose cue is unchanged keeps its speaker, kind and the rest."""
    by_cue = {(a["cue"]["start"], a["cue"]["end"]): a for a in extraction["attributions"] if a["cue"]}

    def span(parts: tuple[tuple[int, int], ...]) -> dict[str, Any] | None:
        if not parts:
            return None
        start, end = parts[0][0], parts[-1][1]
        return {"start": start, "end": end, "text": text[start:end]}

    attributions = []
    for number, gold in enumerate(corrected, start=1):
        cue = span(gold.cue)
        kept = by_cue.get((cue["start"], cue["end"])) if cue else None
        attribution = dict(kept) if kept else {
            "kind": "indirect", "speaker": None, "addressee": None, "channel": None, "parent": None,
            "negated": False, "hypothetical": False, "time": None,
        }  # fmt: skip
        attribution.update(
            id=f"a{number}",
            cue=cue,
            source=span(gold.source),
            content=[{"start": s, "end": e, "text": text[s:e]} for s, e in gold.content],
        )
        attributions.append(attribution)
    extraction["attributions"] = attributions
    previous = {
        (row["cue_start"], row["cue_end"]): row
        for row in connection.execute(
            "SELECT entity_id, date, cue_start, cue_end FROM attributions WHERE document_id = ?",
            (document_id,),
        )
    }
    published, outlet = connection.execute(
        "SELECT published, outlet FROM documents WHERE id = ?", (document_id,)
    ).fetchone()
    connection.execute("DELETE FROM attributions WHERE document_id = ?", (document_id,))
    rows = []
    for attribution in attributions:
        cue = attribution["cue"]
        old = previous.get((cue["start"], cue["end"])) if cue else None
        entity, day = (old["entity_id"], old["date"]) if old else (None, published)
        rows.append(attribution_row(document_id, attribution, entity, day, outlet))
    connection.executemany(INSERT_ATTRIBUTION, rows)
    connection.execute(
        "UPDATE documents SET extraction = ? WHERE id = ?",
        (json.dumps(extraction, ensure_ascii=False), document_id),
    )
