"""Bad arguments and failing stores: each a one-line error naming the argument or the store and
the problem, a non-zero exit, no traceback, and the store never left half-written."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
from collections.abc import Callable, Iterator
from contextlib import closing, contextmanager
from pathlib import Path

import pytest
from click.testing import Result

from reportedly.extract import Extractor
from reportedly.store import corpus
from reportedly.store.database import MIGRATIONS, SCHEMA_VERSION, _statements, connect
from test_cli import Invoke, run
from test_store_cli import feed

from conftest import ingested_store, run_cli, store_copy

PASSAGES = {
    "ceasefire.txt": "Minister Anna Petrov said on Monday that the cease-fire would hold in the north.\n",
    "outbreak.txt": "Health official Ivan Novak said the Ebola outbreak was contained in the east.\n",
    "truce.txt": "General Pavel Rossi said on Tuesday that the ceasefire had collapsed overnight.\n",
}
# Ids a JSON Lines feed may give that cannot be file names as they are.
LONG_ID = "report-" + "x" * 300
PATH_ID = "../../etc/passwd"
FEED = [
    {"id": LONG_ID, "text": "Minister Olena Berg said on Monday that the grain deal was dead.\n"},
    {"id": PATH_ID, "text": "Senator Mark Novak said on Friday that the sanctions would stay.\n"},
]


invoke = run_cli  # the store commands load no pipeline


def error_line(result: Result) -> str:
    """The error a command printed: its last stderr line."""
    return result.stderr.strip().splitlines()[-1]


@pytest.fixture(scope="module")
def store_path(tmp_path_factory: pytest.TempPathFactory, extractor: Extractor) -> Path:
    """A closed store holding the passages (queries only read it)."""
    folder = tmp_path_factory.mktemp("store")
    for name, text in PASSAGES.items():
        (folder / name).write_text(text)
    (folder / "feed.jsonl").write_text("".join(json.dumps(record) + "\n" for record in FEED))
    return ingested_store(folder, [folder / name for name in [*PASSAGES, "feed.jsonl"]], extractor)


@pytest.fixture
def db(store_path: Path, tmp_path: Path) -> str:
    """A copy of the store of passages, for a test to change or damage."""
    return str(store_copy(store_path, tmp_path))


@pytest.fixture
def ingest_with(monkeypatch: pytest.MonkeyPatch, cli: Invoke) -> Callable[..., None]:
    """``ingest_with(setup)``: `reportedly ingest` opens its store through ``setup(connection)``,
    and uses the session's extractor rather than loading another."""

    def patch(setup: Callable[[sqlite3.Connection], None]) -> None:
        def opened(path: Path, **options: bool) -> sqlite3.Connection:
            connection = connect(path, **options)
            setup(connection)
            return connection

        monkeypatch.setattr(corpus, "connect", opened)  # the `cli` fixture lends the pipeline

    return patch


def test_output_into_a_missing_folder_or_onto_a_folder_is_a_usage_error(db: str, tmp_path: Path):
    article = tmp_path / "article.txt"
    article.write_text(PASSAGES["outbreak.txt"])
    missing = tmp_path / "missing" / "out.jsonl"
    for args, path, problem in [
        (["extract", str(article)], missing, f"no folder '{missing.parent}' to write it in"),
        (["extract", str(article)], tmp_path, "is a folder, not a file"),
        (["export", "--db", db, "--format", "csv"], missing, f"no folder '{missing.parent}' to write it in"),
        (["export", "--db", db, "--format", "jsonl"], tmp_path, "is a folder, not a file"),
        (["export", "--db", db, "--format", "parquet"], tmp_path, "is a folder, not a file"),
    ]:
        result = invoke(*args, "-o", str(path))
        assert result.exit_code == 2
        assert error_line(result) == f"reportedly: error: Invalid value for -o/--output: {path}: {problem}"
    brat = invoke("export", "--db", db, "--format", "brat", "-o", str(article))
    assert (
        error_line(brat) == "reportedly: error: Invalid value for -o/--output: "
        f"{article}: cannot make this folder (File exists)"
    )
    # Nothing was left behind: no temporary files, no half-written output.
    assert sorted(path.name for path in tmp_path.iterdir()) == ["article.txt", "corpus.db"]


def test_parquet_is_written_whole_through_a_temporary_file(db: str, tmp_path: Path):
    pytest.importorskip("pyarrow")
    target = tmp_path / "quotes.parquet"
    result = invoke("export", "--db", db, "--format", "parquet", "-o", str(target))
    assert result.exit_code == 0
    assert result.stderr == "reportedly: exported 5 parquet records\n"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["corpus.db", "quotes.parquet"]


def test_limit_is_zero_for_all_or_more_and_clamped_to_sqlite_integers(db: str):
    huge = "99999999999999999999"
    for command in ("quotes", "speakers", "events"):
        assert invoke(command, "--db", db, "--limit", huge).exit_code == 0
    assert len(invoke("quotes", "--db", db, "--limit", huge).stdout.splitlines()) == 5
    assert len(invoke("quotes", "--db", db, "--limit", "0").stdout.splitlines()) == 5
    assert len(invoke("quotes", "--db", db, "--limit", "2").stdout.splitlines()) == 2
    negative = invoke("quotes", "--db", db, "--limit", "-1")
    assert negative.exit_code == 2
    assert (
        error_line(negative) == "reportedly: error: Invalid value for '--limit': -1 is not in the range x>=0."
    )


def test_entity_ids_are_ascii_digits_within_sqlite_integers(db: str):
    for argument in ("99999999999999999999999", "²"):
        result = invoke("timeline", argument, "--db", db)
        assert result.exit_code == 2  # the argument's fault, not the store's
        assert error_line(result).startswith(
            f"reportedly: error: Invalid value for ENTITY: no entity named {argument!r}"
        )
    first = json.loads(invoke("timeline", "1", "--db", db).stdout.splitlines()[0])
    assert first["what"] == "statement"


def test_arguments_that_are_not_utf8_are_refused_by_name(db: str):
    # A byte that is not UTF-8 reaches argv as a lone surrogate ("\udcff" for b"\xff").
    for args, name in [
        (["events", "--actor"], "'--actor'"),
        (["quotes", "--speaker"], "'--speaker'"),
        (["quotes", "--search"], "'--search'"),
        (["timeline"], "'ENTITY'"),
    ]:
        result = invoke(*args, "\udcff", "--db", db)
        assert result.exit_code == 2
        assert (
            error_line(result)
            == f"reportedly: error: Invalid value for {name}: not valid UTF-8 (byte 0xff at character 1)"
        )


def test_arguments_that_are_not_utf8_as_a_shell_passes_them(db: str):
    result = run("quotes", "--speaker", "Petrov\udcff", "--db", db)  # argv gets the byte 0xff
    assert result.returncode == 2
    assert result.stderr.decode().splitlines()[-1] == (
        "reportedly: error: Invalid value for '--speaker': not valid UTF-8 (byte 0xff at character 7)"
    )


def test_a_store_damaged_after_opening_is_not_usable_for_queries_exports_and_ingest(
    db: str, tmp_path: Path, ingest_with
):
    with sqlite3.connect(db) as connection:
        pages = dict(connection.execute("SELECT name, rootpage FROM sqlite_schema WHERE type = 'table'"))
        page_size = connection.execute("PRAGMA page_size").fetchone()[0]
    with open(db, "r+b") as handle:  # the tables' first pages overwritten; the header and schema whole
        for table in ("documents", "attributions", "events", "entities"):
            handle.seek((pages[table] - 1) * page_size)
            handle.write(b"\x55" * page_size)
    expected = f"reportedly: error: {db}: not a usable reportedly store (database disk image is malformed)"
    for args in (
        ["quotes"],
        ["speakers"],
        ["events"],
        ["timeline", "1"],
        ["entities", "list"],
        ["export", "--format", "jsonl"],
        ["export", "--format", "csv", "-o", str(tmp_path / "out.csv")],
        ["export", "--format", "brat", "-o", str(tmp_path / "brat")],
    ):
        result = invoke(*args, "--db", db)
        assert (result.exit_code, result.stderr.strip()) == (1, expected), args
    ingest_with(lambda connection: None)
    (tmp_path / "more.txt").write_text(PASSAGES["outbreak.txt"].replace("Ebola", "cholera"))
    result = invoke("ingest", str(tmp_path / "more.txt"), "--db", db)
    assert (result.exit_code, result.stderr.strip()) == (1, expected)
    assert not (tmp_path / "out.csv").exists()


@contextmanager
def read_only(path: Path) -> Iterator[None]:
    """The file made read-only for real: its mode, and for root, whom modes do not stop, the
    immutable attribute (skips where root may not set it)."""
    path.chmod(0o444)
    as_root = os.geteuid() == 0
    immutable = as_root and subprocess.run(["chattr", "+i", str(path)], capture_output=True).returncode == 0
    try:
        if as_root and not immutable:
            pytest.skip("root cannot make a file read-only here (chattr +i)")
        yield
    finally:
        if immutable:
            subprocess.run(["chattr", "-i", str(path)], check=True)
        path.chmod(0o644)


def test_ingest_into_a_read_only_store_says_so(cli: Invoke, db: str, tmp_path: Path):
    (tmp_path / "more.txt").write_text(PASSAGES["outbreak.txt"].replace("Ebola", "cholera"))
    with read_only(Path(db)):
        result = cli("ingest", str(tmp_path / "more.txt"), "--db", db)
    assert result.exit_code == 1
    assert result.stderr.strip() == (
        f"reportedly: error: {db}: the store is read-only (attempt to write a readonly database); "
        "whole articles stored before it are kept: "
        "fix that and run the same ingest again to store the rest"
    )
    with sqlite3.connect(db) as connection:
        assert connection.execute("SELECT COUNT(*) FROM documents").fetchone()[0] == len(PASSAGES) + len(FEED)


def test_ingest_on_a_full_disk_keeps_whole_articles_and_a_rerun_finishes(tmp_path: Path, ingest_with):
    articles = feed(tmp_path / "feed.jsonl", 40)
    db = tmp_path / "corpus.db"
    connect(db).close()  # the schema, then room for a few articles only
    ingest_with(
        lambda connection: connection.execute(
            f"PRAGMA max_page_count = {connection.execute('PRAGMA page_count').fetchone()[0] + 30}"
        )
    )
    full = invoke("ingest", str(articles), "--db", str(db))
    assert full.exit_code == 1
    assert full.stderr.strip() == (
        f"reportedly: error: {db}: database or disk is full; whole articles stored before it are kept: "
        "fix that and run the same ingest again to store the rest"
    )
    with sqlite3.connect(db) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        stored = connection.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
        attributions = connection.execute("SELECT COUNT(*) FROM attributions").fetchone()[0]
    assert 0 < stored < 40 and attributions == 2 * stored  # whole articles only
    ingest_with(lambda connection: None)
    rerun = invoke("ingest", str(articles), "--db", str(db))
    assert rerun.exit_code == 0
    assert json.loads(rerun.stdout) | {"failures": []} == {
        "stored": 40 - stored,
        "skipped": stored,
        "duplicates": 0,
        "dated": 0,
        "failed": 0,
        "failures": [],
        "ignored": 0,
        "ignored_files": [],
    }


def stored_contents(db: str) -> list[tuple[str, str]]:
    """Every stored attribution as (document id, content), and its extraction's, which must agree."""
    with sqlite3.connect(db) as connection:
        rows = connection.execute(
            "SELECT d.doc_id, a.content FROM attributions a JOIN documents d ON d.id = a.document_id "
            "ORDER BY d.id, a.id"
        ).fetchall()
        extracted = [
            (doc_id, " … ".join(part["text"] for part in attribution["content"]))
            for doc_id, extraction in connection.execute(
                "SELECT doc_id, extraction FROM documents ORDER BY id"
            )
            for attribution in json.loads(extraction)["attributions"]
        ]
    assert rows == extracted
    return rows


@pytest.fixture
def brat(db: str, tmp_path: Path) -> Path:
    """The store exported as BRAT files."""
    folder = tmp_path / "brat"
    result = invoke("export", "--db", db, "--format", "brat", "-o", str(folder))
    assert result.stderr == "reportedly: exported 5 brat records\n"
    return folder


def test_brat_names_are_safe_short_and_unique_and_import_maps_them_back(db: str, brat: Path):
    names = sorted(path.name for path in brat.glob("*.ann"))
    assert names == [
        "_.._etc_passwd-5.ann",
        "ceasefire-1.ann",
        "outbreak-2.ann",
        "report-" + "x" * 93 + "-4.ann",  # the id's first 100 bytes, then its row id
        "truce-3.ann",
    ]
    # The annotator cuts each content to its first word; import puts each back on its document.
    for ann in brat.glob("*.ann"):
        lines = ann.read_text().splitlines()
        ann.write_text("".join(_first_word(line) + "\n" for line in lines))
    before = stored_contents(db)
    result = invoke("import", "brat", str(brat), "--db", db)
    assert (result.exit_code, result.stdout) == (0, '{"documents": 5, "changed": 5}\n')
    after = stored_contents(db)
    assert [doc_id for doc_id, _ in after] == [doc_id for doc_id, _ in before]
    assert [content for _, content in after] == [content.split()[0] for _, content in before]
    # A file renamed by hand is found by its text.
    (brat / "truce-3.ann").rename(brat / "renamed.ann")
    (brat / "truce-3.txt").rename(brat / "renamed.txt")
    assert invoke("import", "brat", str(brat), "--db", db).exit_code == 0


def _first_word(line: str) -> str:
    """A Content line of an .ann file cut to its first word (other lines as they are)."""
    number, label, words = line.split("\t")[0], line.split("\t")[1], line.split("\t")[-1]
    if not label.startswith("Content "):
        return line
    start = int(label.split()[1])
    first = words.split()[0]
    return f"{number}\tContent {start} {start + len(first)}\t{first}"


@pytest.mark.parametrize(
    ("damage", "where", "problem"),
    [
        ("ann", b"\xff\n", "6: not valid UTF-8 (byte 0xff)"),
        ("txt", b"\xe9\n", "2: not valid UTF-8 (byte 0xe9)"),
        (
            "ann",
            b"T9 Cue 0 5\n",
            "6: not a BRAT text-bound annotation (T), event (E) or note (#): 'T9 Cue 0 5'",
        ),
        (
            "ann",
            b"T9\tCue 0 5 9\tMinis\n",
            "6: offsets are not START END pairs (discontinuous parts joined by ';'): "
            "'T9\\tCue 0 5 9\\tMinis'",
        ),
        (
            "ann",
            b"T9\tCue 0 5000\tMinis\n",
            "6: a span is not inside the text (78 characters): 'T9\\tCue 0 5000\\tMinis'",
        ),
        (
            "ann",
            b"E9\tAttribution:T1 Cue:T99\n",
            "6: no text-bound annotation T99: 'E9\\tAttribution:T1 Cue:T99'",
        ),
    ],
)
def test_a_bad_brat_file_is_one_line_naming_file_and_line_and_nothing_is_imported(
    db: str, brat: Path, damage: str, where: bytes, problem: str
):
    # The first document is corrected, the second one damaged: the first is not stored either.
    first = brat / "ceasefire-1.ann"
    first.write_text("".join(_first_word(line) + "\n" for line in first.read_text().splitlines()))
    damaged = brat / f"outbreak-2.{damage}"
    damaged.write_bytes(damaged.read_bytes() + where)
    before = stored_contents(db)
    result = invoke("import", "brat", str(brat), "--db", db)
    assert result.exit_code == 1
    assert result.stderr == f"reportedly: error: {damaged}:{problem}\n"
    assert stored_contents(db) == before


def test_discontinuous_brat_spans_are_imported(db: str, brat: Path):
    ann = brat / "ceasefire-1.ann"
    lines = ann.read_text().splitlines()
    content = next(line for line in lines if "\tContent " in line)
    number, label, _ = content.split("\t")
    start, end = map(int, label.split()[1:])
    parts = f"{start} {start + 4};{start + 5} {end}"  # "that" and the rest, apart
    words = content.split("\t")[2]
    ann.write_text(
        "\n".join(f"{number}\tContent {parts}\t{words}" if line == content else line for line in lines) + "\n"
    )
    assert invoke("import", "brat", str(brat), "--db", db).exit_code == 0
    assert stored_contents(db)[0] == ("ceasefire", "that … the cease-fire would hold in the north")


def found(db: str, *args: str) -> list[str]:
    """The documents of the quotes a search finds."""
    result = invoke("quotes", "--db", db, *args)
    assert result.exit_code == 0, result.stderr
    return sorted(json.loads(line)["document"] for line in result.stdout.splitlines())


def test_search_takes_plain_words_and_phrases_whatever_they_hold(db: str):
    assert found(db, "--search", '"Ebola') == ["outbreak"]
    assert found(db, "--search", "-outbreak") == ["outbreak"]
    assert found(db, "--search", "NEAR(") == []
    assert found(db, "--search", "AND OR") == []
    assert found(db, "--search", "Ebola contained") == ["outbreak"]  # every word
    assert found(db, "--search", "Ebola collapsed") == []
    assert found(db, "--search", '"outbreak was contained"') == ["outbreak"]
    assert found(db, "--search", '"contained was outbreak"') == []
    for words in ("*", '"" -'):
        result = invoke("quotes", "--db", db, "--search", words)
        assert result.exit_code == 2
        assert error_line(result) == (
            f"reportedly: error: Invalid value for '--search': no words to search for in {words!r} "
            "(FTS5 syntax goes in --fts)"
        )


def test_hyphenated_and_closed_compounds_find_each_other(db: str):
    assert found(db, "--search", "ceasefire") == ["ceasefire", "truce"]
    assert found(db, "--search", "cease-fire") == ["ceasefire", "truce"]
    assert found(db, "--search", "fire") == ["ceasefire"]
    assert found(db, "--search", '"the cease-fire would hold"') == ["ceasefire"]


def test_fts_syntax_is_behind_its_flag_and_its_errors_are_the_querys(db: str):
    assert found(db, "--fts", "ceasefire OR Ebola") == ["ceasefire", "outbreak", "truce"]
    assert found(db, "--fts", "cont*") == ["outbreak"]
    for expression, problem in [
        ("cease-fire", "no such column: fire"),
        ('"Ebola', "unterminated string"),
        ("NEAR(", 'syntax error near ""'),
        ("AND OR", 'syntax error near "AND"'),
    ]:
        result = invoke("quotes", "--db", db, "--fts", expression)
        assert result.exit_code == 2
        assert error_line(result) == (
            f"reportedly: error: Invalid value for '--fts': FTS5 syntax error in {expression!r}: {problem}"
        )
        assert db not in result.stderr


def test_a_store_of_schema_1_gets_the_compounds_index_and_deletes_keep_it_whole(db: str, tmp_path: Path):
    old = str(tmp_path / "old.db")
    with closing(sqlite3.connect(old, isolation_level=None)) as connection:
        for statement in _statements(MIGRATIONS[0]):
            connection.execute(statement)
        connection.execute("PRAGMA user_version = 1")
        connection.execute("ATTACH ? AS new", (db,))
        for table in ("documents", "entities", "entity_names", "attributions"):
            columns = ", ".join(row[1] for row in connection.execute(f"PRAGMA main.table_info({table})"))
            connection.execute(f"INSERT INTO {table} SELECT {columns} FROM new.{table}")
        # Indexed as schema 1 did: contents only.
        connection.execute(
            "INSERT INTO attributions_fts (rowid, content) SELECT id, content FROM attributions"
        )
        connection.execute("UPDATE fts_indexed SET last_id = (SELECT MAX(id) FROM attributions)")
    assert found(old, "--search", "ceasefire") == ["ceasefire", "truce"]
    with closing(sqlite3.connect(old)) as connection:
        assert connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    # Replacing attributions (a BRAT import) deletes them from the index through the trigger.
    folder = tmp_path / "brat"
    assert invoke("export", "--db", old, "--format", "brat", "-o", str(folder)).exit_code == 0
    for ann in folder.glob("*.ann"):
        ann.write_text("".join(_first_word(line) + "\n" for line in ann.read_text().splitlines()))
    assert invoke("import", "brat", str(folder), "--db", old).exit_code == 0
    assert found(old, "--search", "ceasefire") == []  # each content cut to its first word, "that"
    assert found(old, "--search", "that") == sorted([PATH_ID, "ceasefire", LONG_ID, "truce"])
    with closing(sqlite3.connect(old, isolation_level=None)) as connection:
        connection.execute("INSERT INTO attributions_fts (attributions_fts) VALUES ('integrity-check')")
