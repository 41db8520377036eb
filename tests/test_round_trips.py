"""Every round trip out of the store and back is lossless: BRAT files exported and imported
unchanged leave the store as it was, whatever the line ends and characters of the texts; a
corrected file changes what it corrects and nothing else; a bad file is refused with its
name, line and reason, and changes nothing; JSON Lines and Parquet exports read back as the
store holds them."""

from __future__ import annotations

import io
import json
import re
import shutil
import sqlite3
from collections.abc import Callable
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest

from reportedly.extract import Extractor
from reportedly.model import Extraction
from reportedly.store.database import connect
from reportedly.store.export import TABLES, table_rows

from conftest import ingested_store, store_copy
from conftest import run_cli as invoke  # the store commands load no pipeline

# One passage per kind of line end, each with characters beyond ASCII and beyond the Basic
# Multilingual Plane (an emoji before every cue: BRAT offsets count code points, not UTF-16
# units or bytes), a floating quote, and a line separator
# (U+2028) inside a content: it must not break the .ann line.
PASSAGES = {
    "lf": "Talks in Genève 🕊️\n\nMinister Anna Petrov said on Monday that the cease-fire would hold."
    '\n\n"We will not retreat. The army is strong."\n\nShe told reporters the talks would resume.\n',
    "crlf": "Grain deal in Odesa 🌾\r\n\r\nSenator Mark Novák said on Friday that the sanctions would "
    'stay.\r\n\r\n"Nothing has changed. Nothing will."\r\n\r\nHe told the committee a vote was near.\r\n',
    "cr": "Storm over Zürich 🌧\r\rHealth official Ivan Novak said the Ebola outbreak was contained in "
    'the east.\r\r"The clinics are open again. Patients are safe."\r\rAccording to the ministry, 40 people '
    "died.\r",
    "mixed": "Summit in Kraków 😀\r\n\nGeneral Pavel Rossi said on Tuesday that the ceasefire had "
    'collapsed overnight.\r\r"Our troops held the line. We lost no ground."\n\nHe said the talks\u2028would '
    "resume in June.\r\n",
}
NAMES = {"lf": "lf-1", "crlf": "crlf-2", "cr": "cr-3", "mixed": "mixed-4"}


@pytest.fixture(scope="module")
def store_path(tmp_path_factory: pytest.TempPathFactory, extractor: Extractor) -> Path:
    """A closed store of the passages, each file written byte for byte."""
    folder = tmp_path_factory.mktemp("round-trips")
    for name, text in PASSAGES.items():
        (folder / f"{name}.txt").write_bytes(text.encode("utf-8"))
    return ingested_store(folder, [folder / f"{name}.txt" for name in PASSAGES], extractor)


@pytest.fixture
def db(store_path: Path, tmp_path: Path) -> Path:
    """A copy of the store, for a test to change."""
    return store_copy(store_path, tmp_path)


@pytest.fixture
def brat(db: Path, tmp_path: Path) -> Path:
    """The store exported as BRAT files."""
    folder = tmp_path / "brat"
    result = invoke("export", "--db", db, "--format", "brat", "-o", folder)
    assert (result.exit_code, result.stderr) == (0, "reportedly: exported 4 brat records\n")
    return folder


def snapshot(db: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table of the store, the full-text indexes' own tables and
    sqlite_sequence (which counts the row ids handed out) among them."""
    with closing(sqlite3.connect(db)) as connection:
        tables = [
            name
            for (name,) in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%'"
            )
        ]
        return {table: connection.execute(f"SELECT * FROM {table}").fetchall() for table in tables}


def stored(db: Path, query: str, *parameters: Any) -> list[tuple[Any, ...]]:
    with closing(sqlite3.connect(db)) as connection:
        return connection.execute(query, parameters).fetchall()


def found(db: Path, *args: str) -> list[str]:
    """The contents of the quotes a query finds."""
    result = invoke("quotes", "--db", db, "--format", "jsonl", *args)
    assert result.exit_code == 0, result.stderr
    return [json.loads(line)["content"] for line in io.StringIO(result.stdout)]


def edit(ann: Path, change: Callable[[str], str]) -> None:
    """Rewrite each line of an .ann file through ``change``."""
    lines = ann.read_text(encoding="utf-8").split("\n")
    ann.write_text("\n".join(change(line) for line in lines), encoding="utf-8")


@pytest.mark.parametrize("line_ends", list(PASSAGES))
def test_an_unchanged_brat_round_trip_changes_nothing(db: Path, brat: Path, line_ends: str):
    name = NAMES[line_ends]
    # The .txt is the stored text to the byte, and every span of the .ann holds its line's text
    # at code point offsets.
    text = (brat / f"{name}.txt").read_bytes().decode("utf-8")
    assert text == PASSAGES[line_ends]
    for line in (brat / f"{name}.ann").read_text(encoding="utf-8").split("\n"):
        if match := re.fullmatch(r"T\d+\t\w+ (\d+) (\d+)\t(.*)", line):
            start, end, words = int(match[1]), int(match[2]), match[3]
            assert text[start:end].replace("\u2028", " ") == words
    for other in set(NAMES.values()) - {name}:  # the import of this document alone
        for suffix in (".txt", ".ann"):
            (brat / f"{other}{suffix}").unlink()
    before = snapshot(db)
    result = invoke("import", "brat", brat, "--db", db)
    assert (result.exit_code, result.stdout) == (0, '{"documents": 1, "changed": 0}\n')
    assert snapshot(db) == before


def test_ann_files_with_other_line_ends_read_the_same(db: Path, brat: Path):
    for name, line_end in [("lf-1", b"\r"), ("crlf-2", b"\r\n")]:  # as an editor may save them
        ann = brat / f"{name}.ann"
        ann.write_bytes(ann.read_bytes().replace(b"\n", line_end))
    before = snapshot(db)
    result = invoke("import", "brat", brat, "--db", db)
    assert (result.exit_code, result.stdout) == (0, '{"documents": 4, "changed": 0}\n')
    assert snapshot(db) == before


def test_two_files_correcting_one_document_are_refused(db: Path, brat: Path):
    for suffix in (".txt", ".ann"):  # a copy renamed: found by its text
        shutil.copy(brat / f"lf-1{suffix}", brat / f"copy{suffix}")
    before = snapshot(db)
    result = invoke("import", "brat", brat, "--db", db)
    assert (result.exit_code, result.stderr) == (
        1,
        f"reportedly: error: {brat / 'lf-1.ann'}: corrects the same document as copy.ann: keep one of them\n",
    )
    assert snapshot(db) == before


def test_floating_quotes_go_out_and_come_back(db: Path, brat: Path):
    ann = (brat / "lf-1.ann").read_text(encoding="utf-8")
    quote = '"We will not retreat. The army is strong."'
    start = PASSAGES["lf"].index(quote)
    # No cue: the event's trigger is the quote itself.
    assert f"T5\tAttribution {start} {start + len(quote)}\t{quote}" in ann.split("\n")
    assert "E2\tAttribution:T5 Content:T6" in ann.split("\n")
    before = stored(db, "SELECT id, local_id, kind, content, entity_id FROM attributions WHERE cue IS NULL")
    # One per passage: a paragraph break of CRs reads as one of LFs.
    assert [row[1:4] for row in before] == [
        ("a2", "floating", quote),
        ("a2", "floating", '"Nothing has changed. Nothing will."'),
        ("a2", "floating", '"The clinics are open again. Patients are safe."'),
        ("a2", "floating", '"Our troops held the line. We lost no ground."'),
    ]
    assert invoke("import", "brat", brat, "--db", db).stdout == '{"documents": 4, "changed": 0}\n'
    assert (
        stored(db, "SELECT id, local_id, kind, content, entity_id FROM attributions WHERE cue IS NULL")
        == before
    )


def test_a_correction_changes_its_attribution_alone_and_is_searchable_at_once(db: Path, brat: Path):
    before = stored(db, "SELECT id, local_id, content, entity_id FROM attributions ORDER BY id")
    # The annotator cuts "that the cease-fire would hold" to "the cease-fire would hold".
    text = PASSAGES["lf"]
    start, end = text.index("the cease-fire"), text.index(" hold.") + len(" hold")
    edit(
        brat / "lf-1.ann",
        lambda line: f"T4\tContent {start} {end}\t{text[start:end]}" if line.startswith("T4\t") else line,
    )
    result = invoke("import", "brat", brat, "--db", db)
    assert (result.exit_code, result.stdout) == (0, '{"documents": 4, "changed": 1}\n')
    after = stored(db, "SELECT id, local_id, content, entity_id FROM attributions ORDER BY id")
    # Every other attribution keeps its row; the corrected one is stored again (a new row id,
    # which the text index takes) with its local id and speaker.
    assert after[:-1] == before[1:]
    (old_id, local_id, _, speaker) = before[0]
    assert after[-1] == (before[-1][0] + 1, local_id, "the cease-fire would hold", speaker)
    # The index of contents (--search) is in step with the contents (--about, a plain scan).
    assert found(db, "--search", "cease-fire hold") == ["the cease-fire would hold"]
    assert found(db, "--about", "cease-fire would") == ["the cease-fire would hold"]
    (extraction,) = stored(db, "SELECT extraction FROM documents WHERE doc_id = 'lf'")
    record = json.loads(extraction[0])
    assert record["attributions"][0]["content"] == [{"start": start, "end": end, "text": text[start:end]}]
    assert old_id not in [row[0] for row in after]


def test_added_and_removed_events_add_and_remove_attributions(db: Path, brat: Path):
    text = PASSAGES["crlf"]
    cue, content = text.index("told"), text.index("a vote")
    # The annotator removes the floating quote (E2) and adds "He told the committee" as a new
    # attribution with its own cue and content.
    edit(brat / "crlf-2.ann", lambda line: "" if line.startswith("E2\t") else line)
    with (brat / "crlf-2.ann").open("a", encoding="utf-8") as ann:
        ann.write(f"T90\tCue {cue} {cue + 4}\ttold\nT91\tContent {content} {content + 15}\ta vote was near\n")
        ann.write("E9\tAttribution:T90 Cue:T90 Content:T91\n")
    assert invoke("import", "brat", brat, "--db", db).stdout == '{"documents": 4, "changed": 1}\n'
    (extraction,) = stored(db, "SELECT extraction FROM documents WHERE doc_id = 'crlf'")
    read = Extraction.from_dict(json.loads(extraction[0]), text)
    assert [(a.id, a.kind, a.cue and a.cue.text, [c.text for c in a.content]) for a in read.attributions] == [
        ("a1", "indirect", "said", ["that the sanctions would stay"]),
        ("a3", "indirect", "told", ["a vote was near"]),
        ("a4", "indirect", "told", ["a vote was near"]),  # new ones are numbered on
    ]
    assert stored(db, "SELECT local_id FROM attributions WHERE document_id = 2 ORDER BY id") == [
        ("a1",),
        ("a3",),
        ("a4",),
    ]


# What the annotator did to the line "T2<TAB>Source 20 40<TAB>Minister Anna Petrov" of lf-1.ann
# (13 lines) or added after it: the line, its number, what is wrong.
BAD_LINES = {
    "span past the end": ("T2\tSource 20 500\tMinister", 2, "a span is not inside the text (176 characters)"),
    "reversed span": ("T2\tSource 40 20\tMinister Anna Petrov", 2, "a span ends before it starts"),
    "negative offset": (
        "T2\tSource -20 40\tMinister Anna Petrov",
        2,
        "offsets are not START END pairs (discontinuous parts joined by ';')",
    ),
    "empty span": ("T2\tSource 20 20\t", 2, "a span is empty"),
    "offsets in UTF-16 units, not code points": (  # the emoji counted twice: the text moves
        "T2\tSource 21 41\tMinister Anna Petrov",
        2,
        "the text at these offsets is 'inister Anna Petrov ', not the line's",
    ),
    "parts out of order": (
        "T2\tSource 29 40;20 28\tAnna Petrov Minister",
        2,
        "discontinuous parts overlap or are out of order",
    ),
    "id defined twice": ("T1\tSource 20 40\tMinister Anna Petrov", 2, "T1 is defined twice"),
    "event on a missing id": ("E9\tAttribution:T3 Cue:T3 Content:T77", 14, "no text-bound annotation T77"),
    "unknown role": (
        "E9\tAttribution:T3 Cue:T3 Contents:T4",
        14,
        "unknown role 'Contents' (roles: Attribution, Attribution-no-source, Source, Cue, Content, Content2)",
    ),
    "role given twice": ("E9\tAttribution:T3 Cue:T3 Cue:T1", 14, "Cue given twice"),
    "event of no cue and no content": (
        "E9\tAttribution:T3 Source:T2",
        14,
        "an attribution needs a Cue or a Content",
    ),
}


@pytest.mark.parametrize("case", list(BAD_LINES))
def test_a_bad_line_is_refused_with_file_line_and_reason_and_nothing_changes(db: Path, brat: Path, case: str):
    bad, number, problem = BAD_LINES[case]
    # The first file is a good correction; the bad line is in a later one.
    text = PASSAGES["cr"]
    start = text.index("the Ebola")
    edit(
        brat / "cr-3.ann",
        lambda line: f"T4\tContent {start} {start + 9}\tthe Ebola" if line.startswith("T4\t") else line,
    )
    ann = brat / "lf-1.ann"
    if bad.startswith("E"):
        ann.write_text(ann.read_text(encoding="utf-8") + bad + "\n", encoding="utf-8")
    else:
        edit(ann, lambda line: bad if line.startswith("T2\t") else line)
    assert ann.read_text(encoding="utf-8").split("\n")[number - 1] == bad
    before = snapshot(db)
    result = invoke("import", "brat", brat, "--db", db)
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == f"reportedly: error: {ann}:{number}: {problem}: {bad[:60]!r}\n"
    assert snapshot(db) == before
    assert (
        found(db, "--search", "Ebola")
        == found(db, "--about", "Ebola")
        == ["the Ebola outbreak was contained in the east"]
    )


def test_jsonl_export_reads_back_as_the_stored_extractions(db: Path):
    result = invoke("export", "--db", db, "--format", "jsonl")
    assert result.exit_code == 0
    # JSON Lines end lines at "\n" alone: a U+2028 inside a text stays in its record.
    records = [json.loads(line) for line in io.StringIO(result.stdout)]
    with closing(sqlite3.connect(db)) as connection:
        connection.row_factory = sqlite3.Row
        documents = connection.execute(
            "SELECT doc_id, source, title, url, outlet, published, posted, language, NULL AS page, text, "
            "extraction FROM documents ORDER BY id"
        ).fetchall()
    assert len(records) == len(documents) == 4
    for record, row in zip(records, documents, strict=True):
        document = dict(row)
        text, extraction = document.pop("text"), json.loads(document.pop("extraction"))
        assert record["document"] == document
        read = Extraction.from_dict(record["extraction"], text)
        assert read == Extraction.from_dict(extraction, text)
        assert read.to_dict() == record["extraction"] == extraction
        assert all(text[a.cue.start : a.cue.end] == a.cue.text for a in read.attributions if a.cue)


@pytest.mark.parametrize("table", list(TABLES))
def test_parquet_export_reads_back_as_the_store_holds_it(db: Path, tmp_path: Path, table: str):
    parquet = pytest.importorskip("pyarrow.parquet")
    path = tmp_path / f"{table}.parquet"
    assert invoke("export", "--db", db, "--format", "parquet", "--table", table, "-o", path).exit_code == 0
    with closing(connect(db)) as connection:
        rows = list(table_rows(connection, table))
    assert rows and parquet.read_table(path).to_pylist() == rows


def test_an_empty_parquet_table_keeps_its_columns(tmp_path: Path):
    parquet = pytest.importorskip("pyarrow.parquet")
    db, path = tmp_path / "empty.db", tmp_path / "events.parquet"
    connect(db).close()
    assert invoke("export", "--db", db, "--format", "parquet", "--table", "events", "-o", path).exit_code == 0
    read = parquet.read_table(path)
    with closing(connect(db)) as connection:
        columns = [column[0] for column in connection.execute(TABLES["events"]).description]
    assert (read.num_rows, read.column_names) == (0, columns)
    assert columns[:3] == ["document", "date", "event"]
