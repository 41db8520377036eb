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
from dataclasses import replace
from pathlib import Path
from typing import Any, BinaryIO, TextIO

from reportedly.events.plover import plover_records
from reportedly.model import Attribution, Extraction, Span
from reportedly.store import queries
from reportedly.store.brat import BratError, GoldAttribution, Parts, check_ann, parse_ann
from reportedly.store.corpus import INSERT_ATTRIBUTION, attribution_row
from reportedly.store.database import StoreError, index_new_rows, transaction
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
    "entities": queries.ENTITY_ROWS + " ORDER BY e.id",
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


def write_parquet(connection: sqlite3.Connection, table: str, path: Path | BinaryIO) -> int:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise StoreError("Parquet export needs pyarrow: pip install 'reportedly[parquet]'") from None
    cursor = connection.execute(TABLES[table])
    rows = [dict(row) for row in cursor]
    # No rows: the columns still, of no type, for whoever reads them by name.
    columns = {column[0]: pa.array([], pa.null()) for column in cursor.description}
    pq.write_table(pa.Table.from_pylist(rows) if rows else pa.table(columns), path)
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
    """A ``.txt`` and ``.ann`` per extracted document, named by ``brat_name``. The ``.txt`` is
    the stored text to the byte (no newline translation: ``\r\n`` and ``\r`` stay), as BRAT's
    offsets, code points like the store's, count in it."""
    folder.mkdir(parents=True, exist_ok=True)
    count = 0
    for row in connection.execute(
        "SELECT id, doc_id, text, extraction FROM documents WHERE extraction IS NOT NULL ORDER BY id"
    ):
        name = brat_name(row["doc_id"], row["id"])
        extraction = Extraction.from_dict(json.loads(row["extraction"]), row["text"])
        (folder / f"{name}.txt").write_text(row["text"], encoding="utf-8", newline="")
        (folder / f"{name}.ann").write_text(_ann(extraction), encoding="utf-8", newline="")
        count += 1
    return count


def _ann(extraction: Extraction) -> str:
    """The ``.ann`` of an extraction: per attribution, its spans and an Attribution event
    joining them, whose trigger is the cue, or for a floating quote (no cue) the first part of
    its content."""
    text = extraction.document.text
    lines: list[str] = []

    def bound(label: str, spans: list[Span]) -> str:
        number = f"T{len(lines) + 1}"
        offsets = ";".join(f"{span.start} {span.end}" for span in spans)
        # One line, one tab-separated field: every line break and tab inside becomes a space.
        words = re.sub(r"\s", " ", " ".join(text[span.start : span.end] for span in spans))
        lines.append(f"{number}\t{label} {offsets}\t{words}")
        return number

    events = []
    for attribution in extraction.attributions:
        trigger = attribution.cue or next(iter(attribution.content), None)
        if trigger is None:  # neither cue nor content: nothing to annotate
            continue
        arguments = [f"Attribution:{bound('Attribution', [trigger])}"]
        if attribution.source:
            arguments.append(f"Source:{bound('Source', [attribution.source])}")
        if attribution.cue:
            arguments.append(f"Cue:{bound('Cue', [attribution.cue])}")
        if attribution.content:
            arguments.append(f"Content:{bound('Content', attribution.content)}")
        events.append(" ".join(arguments))
    lines += [f"E{number}\t{arguments}" for number, arguments in enumerate(events, start=1)]
    return "\n".join(lines) + "\n" if lines else ""


def import_brat(connection: sqlite3.Connection, folder: Path) -> tuple[int, int]:
    """Store the attributions of corrected ``.ann`` files over those extracted, all in one
    transaction: every file is read and checked first, and a BratError in any of them (naming
    the file and line) leaves the store as it was. A document whose attributions come back
    as they were is not written at all. Gives the documents read and those changed."""
    files = sorted(folder.glob("*.ann"))
    if not files:
        raise BratError(f"{folder}: no .ann files")
    corrections = []
    files_of: dict[int, Path] = {}  # the document each file corrects
    for ann in files:
        text_path = ann.with_suffix(".txt")
        if not text_path.exists():
            raise BratError(f"{ann}: no {text_path.name} beside it")
        text = _read_utf8(text_path)
        row = _exported_document(connection, text_path, text)
        if (other := files_of.setdefault(row["id"], ann)) != ann:
            raise BratError(f"{ann}: corrects the same document as {other.name}: keep one of them")
        extraction = Extraction.from_dict(json.loads(row["extraction"]), text)
        corrected = parse_ann(check_ann(ann, _read_utf8(ann), text))
        corrections.append((row["id"], extraction, _corrected_attributions(extraction, corrected)))
    changed = [
        (document_id, extraction, attributions)
        for document_id, extraction, attributions in corrections
        if attributions != extraction.attributions
    ]
    with transaction(connection):
        for document_id, extraction, attributions in changed:
            _replace_attributions(connection, document_id, extraction, attributions)
        index_new_rows(connection)  # searchable from the commit on
    return len(corrections), len(changed)


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


def _corrected_attributions(extraction: Extraction, corrected: list[GoldAttribution]) -> list[Attribution]:
    """The attributions of ``corrected`` (as ``parse_ann`` read them) as the model's, on the
    extraction's text. One that matches an extracted attribution, the same cue and content,
    else the same cue (for a floating quote, the same content), is that attribution with the
    corrected spans: its id, speaker, kind and the rest stay. Others are new, numbered on."""
    text = extraction.document.text
    unmatched = list(extraction.attributions)
    numbers = [int(a.id[1:]) for a in extraction.attributions if re.fullmatch(r"a\d+", a.id)]
    next_number = max(numbers, default=0) + 1

    def span(parts: Parts) -> Span | None:
        # The model's cue and source are one span: a discontinuous one is taken whole.
        return Span.of(text, parts[0][0], parts[-1][1]) if parts else None

    attributions = []
    for gold in corrected:
        cue, source = span(gold.cue), span(gold.source)
        content = [Span.of(text, start, end) for start, end in gold.content]
        same = [a for a in unmatched if a.cue == cue and a.content == content]
        alike = [a for a in unmatched if cue is not None and a.cue == cue]
        if kept := next(iter(same or alike), None):
            unmatched.remove(kept)
            attributions.append(replace(kept, cue=cue, source=source, content=content))
        else:
            kind = "indirect" if cue else "floating"
            attributions.append(Attribution(f"a{next_number}", kind, cue, source, content))
            next_number += 1
    return attributions


def _replace_attributions(
    connection: sqlite3.Connection, document_id: int, extraction: Extraction, attributions: list[Attribution]
) -> None:
    """A document's attributions made ``attributions``, in the caller's transaction: the rows
    of those unchanged stay as they are (ids too); a changed one's row is stored again with
    the speaker entity and date of its former row, and removed ones are deleted."""
    records = {attribution.id: attribution.to_dict() for attribution in attributions}
    former = {a.id: a.to_dict() for a in extraction.attributions}
    rows = {
        row["local_id"]: row
        for row in connection.execute(
            "SELECT id, local_id, entity_id, date FROM attributions WHERE document_id = ?", (document_id,)
        )
    }
    published, outlet = connection.execute(
        "SELECT published, outlet FROM documents WHERE id = ?", (document_id,)
    ).fetchone()
    stale = [local_id for local_id in rows if records.get(local_id) != former.get(local_id)]
    # Their stances go with them (`positions --rebuild` assigns the corrected ones theirs).
    for table, column in (("stances", "attribution_id"), ("attributions", "id")):
        connection.executemany(
            f"DELETE FROM {table} WHERE {column} = ?", [(rows[local_id]["id"],) for local_id in stale]
        )
    # A group's parties go with its attribution; one kept or corrected keeps its speaker.
    connection.executemany(
        "DELETE FROM speaker_members WHERE document_id = ? AND local_id = ?",
        [(document_id, local_id) for local_id in rows if local_id not in records],
    )
    connection.executemany(
        INSERT_ATTRIBUTION,
        [
            attribution_row(
                document_id,
                record,
                rows[local_id]["entity_id"] if local_id in rows else None,
                rows[local_id]["date"] if local_id in rows else published,
                outlet,
            )
            for local_id, record in records.items()
            if local_id not in rows or local_id in stale
        ],
    )
    connection.execute(
        "UPDATE documents SET extraction = ? WHERE id = ?",
        (
            json.dumps(replace(extraction, attributions=attributions).to_dict(), ensure_ascii=False),
            document_id,
        ),
    )
