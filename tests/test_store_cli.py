"""The corpus commands as users run them, and the store under a killed ingest and readers."""

from __future__ import annotations

import json
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from reportedly.store import queries
from test_cli import Invoke, run

# The columns of `reportedly quotes`, in order (table, JSON Lines and CSV alike).
QUOTE_COLUMNS = [
    "id",
    "date",
    "outlet",
    "speaker",
    "code",
    "kind",
    "cue",
    "content",
    "addressee",
    "channel",
    "negated",
    "hypothetical",
    "headline",
    "document",
    "attribution",
]

FIRST_NAMES = ["Anna", "Ivan", "Maria", "Pavel", "Olena", "Tomas", "Sofia", "Mark", "Elena", "Jan"]
SURNAMES = ["Petrov", "Ivanova", "Kovalenko", "Schmidt", "Dubois", "Rossi", "Novak", "Horvat", "Lindqvist"]
SURNAMES += ["Moreau", "Nowak", "Varga", "Popescu", "Berg", "Costa"]


def feed(path: Path, count: int) -> Path:
    """``count`` distinct short articles as JSON Lines (distinct enough not to be near duplicates)."""
    with path.open("w") as handle:
        for number in range(count):
            first, surname = FIRST_NAMES[number % 10], SURNAMES[number // 10]
            text = (
                f"Minister {first} {surname} said on Monday that round {number} of the talks would start "
                f'in {number} days. "We are ready for round {number}," {surname} told reporters '
                f"in hall {number}.\n"
            )
            record = {"text": text, "published": "2024-12-16", "outlet": f"Wire {number % 3}"}
            handle.write(json.dumps(record) + "\n")
    return path


def counts(db: Path) -> tuple[int, int]:
    """Documents and attributions stored (none while the ingest is still creating the schema)."""
    with sqlite3.connect(db) as connection:
        try:
            return (
                connection.execute("SELECT COUNT(*) FROM documents").fetchone()[0],
                connection.execute("SELECT COUNT(*) FROM attributions").fetchone()[0],
            )
        except sqlite3.OperationalError:
            return 0, 0


@pytest.mark.slow
def test_killed_ingest_leaves_the_store_whole_and_a_rerun_completes_it(tmp_path: Path):
    articles = feed(tmp_path / "feed.jsonl", 150)
    db = tmp_path / "corpus.db"
    process = subprocess.Popen(
        [sys.executable, "-m", "reportedly", "ingest", str(articles), "--db", str(db)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 120
    reads = 0
    while time.monotonic() < deadline and (not db.exists() or counts(db)[0] < 5):
        if db.exists():  # readers go on while the ingest writes (WAL)
            connection = sqlite3.connect(db)
            connection.row_factory = sqlite3.Row
            try:
                queries.quotes(
                    connection, queries.QuoteFilter(speaker=queries.speaker_filter(connection, "Anna Petrov"))
                )
                reads += 1
            except sqlite3.OperationalError as error:
                assert "no such table" in str(error)  # the schema is not there yet
            finally:
                connection.close()
        time.sleep(0.05)
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert process.returncode == -signal.SIGKILL
    assert reads > 0
    stored_before, _ = counts(db)
    assert 5 <= stored_before < 150
    with sqlite3.connect(db) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        # Every stored document has all its attributions, and nothing points at a missing document.
        for extraction, stored in connection.execute(
            "SELECT d.extraction, (SELECT COUNT(*) FROM attributions a WHERE a.document_id = d.id) "
            "FROM documents d"
        ):
            assert len(json.loads(extraction)["attributions"]) == stored
        orphans = "SELECT COUNT(*) FROM attributions WHERE document_id NOT IN (SELECT id FROM documents)"
        assert connection.execute(orphans).fetchone()[0] == 0
    rerun = run("ingest", str(articles), "--db", str(db))
    assert rerun.returncode == 0, rerun.stderr
    summary = json.loads(rerun.stdout)
    assert (summary["stored"], summary["skipped"], summary["failed"]) == (
        150 - stored_before,
        stored_before,
        0,
    )
    assert counts(db) == (150, 300)
    # The full-text index caught up with what the killed run stored and had not indexed.
    with sqlite3.connect(db) as connection:
        connection.row_factory = sqlite3.Row
        found = queries.quotes(
            connection, queries.QuoteFilter(search=queries.search_expression("talks"), limit=1000)
        )
    assert len(found) == 150


def test_ingest_reports_bad_lines_and_queries_print_tables_jsonl_and_csv(cli: Invoke, tmp_path: Path):
    articles = feed(tmp_path / "feed.jsonl", 3)
    with articles.open("a") as handle:
        handle.write("{not json}\n")
    db = str(tmp_path / "corpus.db")
    result = cli("ingest", str(articles), "--db", db)
    assert result.exit_code == 1
    assert json.loads(result.stdout)["stored"] == 3
    assert f"{articles}:4: malformed JSON (Expecting property name enclosed in double quotes, column 2)" in (
        result.stderr
    )
    table = cli("quotes", "--db", db, "--speaker", "Ivan Petrov", "--format", "table").stdout.splitlines()
    assert table[0].split() == QUOTE_COLUMNS
    assert len(table) == 4 and all("Ivan Petrov" in line for line in table[2:])
    rows = [json.loads(line) for line in cli("speakers", "--db", db, "--by", "outlet").stdout.splitlines()]
    assert {(row["outlet"], row["speaker"], row["quotes"]) for row in rows} == {
        ("Wire 0", "Anna Petrov", 2),
        ("Wire 1", "Ivan Petrov", 2),
        ("Wire 2", "Maria Petrov", 2),
    }
    csv_lines = cli("timeline", "Maria Petrov", "--db", db, "--format", "csv").stdout.splitlines()
    assert (
        csv_lines[0]
        == "date,what,type,word,text,addressee,channel,negated,hypothetical,document,document_id,id"
    )
    assert csv_lines[1].startswith("2024-12-16,statement,indirect,said,that round 2")


def test_store_errors_are_one_line(cli: Invoke, tmp_path: Path):
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"not a database" * 200)
    result = cli("quotes", "--db", str(junk))
    assert result.exit_code == 1
    assert result.stderr.strip().splitlines() == [
        f"reportedly: error: {junk}: not a usable reportedly store (file is not a database)"
    ]
    absent = cli("speakers", "--db", str(tmp_path / "absent.db"))
    assert absent.stderr.strip() == (
        f"reportedly: error: {tmp_path / 'absent.db'}: no such store (ingest something first, or pass --db)"
    )
    month = cli("quotes", "--since", "2024-13", "--db", str(junk))
    assert month.exit_code == 2
    assert "'2024-13' is not a date, month or year (YYYY-MM-DD, YYYY-MM, YYYY)" in month.stderr
    brat = cli("export", "--format", "brat", "--db", str(junk))
    assert brat.exit_code == 2 and "--format brat needs -o/--output" in brat.stderr


def counted(monkeypatch: pytest.MonkeyPatch, name: str) -> list[str]:
    """The arguments each call of ``queries.NAME`` is given, as it goes on working."""
    calls: list[str] = []
    function = getattr(queries, name)

    def counting(*args: object) -> object:
        calls.append(str(args[-1]))
        return function(*args)

    monkeypatch.setattr(queries, name, counting)
    return calls


# Before: --speaker found its entities twice (check_speaker, then quotes) and --search was
# made an FTS5 query twice (the option's check, then quotes).
def test_quotes_resolves_the_speaker_and_builds_the_search_once(
    cli: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    db = str(tmp_path / "corpus.db")
    assert cli("ingest", str(feed(tmp_path / "feed.jsonl", 12)), "--db", db).exit_code == 0
    candidates, expressions = (
        counted(monkeypatch, "entity_candidates"),
        counted(monkeypatch, "search_expression"),
    )
    result = cli("quotes", "--db", db, "--speaker", "Petrov", "--search", "round-1", "--format", "jsonl")
    assert result.exit_code == 2
    assert "'Petrov' names several entities: Anna Petrov (id 1), Ivan Petrov (id 2)" in result.stderr
    assert (candidates, expressions) == (["Petrov"], ["round-1"])
    candidates.clear()
    expressions.clear()
    result = cli("quotes", "--db", db, "--speaker", "Ivan Petrov", "--search", "round-1", "--format", "jsonl")
    assert result.exit_code == 0, result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(row["speaker"], row["cue"], row["content"]) for row in rows] == [
        ("Ivan Petrov", "said", "that round 1 of the talks would start in 1 days"),
        ("Ivan Petrov", "told", '"We are ready for round 1,"'),
    ]
    assert (candidates, expressions) == (["Ivan Petrov"], ["round-1"])
    # Words of no entity nor speaker are refused, after one look.
    candidates.clear()
    assert cli("quotes", "--db", db, "--speaker", "Zorin").exit_code == 2
    assert candidates == ["Zorin"]
