"""Several processes on one store, and commands stopped by a signal: every article stored once,
whole, and a stopped command says what it had done, leaves no temporary file and exits 128 + the
signal's number."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from reportedly.extract import Extractor
from reportedly.ingest.run import ingest
from reportedly.ingest.sources import read_articles
from reportedly.options import replaced_whole
from reportedly.store import database, export, queries
from reportedly.store.corpus import Store
from test_cli import Invoke
from test_store_cli import feed

from conftest import run_cli


def store_figures(db: Path) -> dict[str, object]:
    """What an ingest leaves, in numbers, and the store's own check."""
    with sqlite3.connect(db) as connection:
        return queries.store_health(connection)


def overlapping_feeds(folder: Path, count: int, articles: int) -> list[Path]:
    """``count`` feeds of ``articles`` articles, each sharing half of them with the next."""
    lines = feed(folder / "all.jsonl", articles * (count + 1) // 2).read_text().splitlines(keepends=True)
    half = articles // 2
    paths = []
    for number in range(count):
        path = folder / f"feed{number}.jsonl"
        path.write_text("".join(lines[number * half : number * half + articles]))
        paths.append(path)
    return paths


@pytest.mark.slow
@pytest.mark.parametrize("writers", [2, 4])
def test_concurrent_ingests_store_each_article_once_while_a_reader_queries(
    tmp_path: Path, extractor: Extractor, writers: int
):
    feeds = overlapping_feeds(tmp_path, writers, 16)
    # Each process ingests its feed and the next one's: every feed is ingested by two
    # processes at once, and every article in two feeds (two sources) by up to four.
    inputs = [[feeds[number], feeds[(number + 1) % writers]] for number in range(writers)]
    clean = tmp_path / "clean.db"
    store = Store(clean)
    ingest(read_articles([str(path) for path in feeds], date(2024, 12, 16)), store, extractor)
    store.close()

    db = tmp_path / "corpus.db"
    processes = [
        subprocess.Popen(
            [sys.executable, "-m", "reportedly", "ingest", *map(str, paths), "--db", str(db)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        for paths in inputs
    ]
    reads = 0
    deadline = time.monotonic() + 600  # a guard against a hang, not a timing
    while any(process.poll() is None for process in processes) and time.monotonic() < deadline:
        if db.exists():  # a reader meanwhile: never an error, never half an article
            with sqlite3.connect(db) as connection:
                connection.row_factory = sqlite3.Row
                try:
                    found = queries.quotes(connection, queries.QuoteFilter(limit=1000))
                    per_document = Counter(row["document"] for row in found)
                    assert set(per_document.values()) <= {2}  # each article's two attributions
                    reads += 1
                except sqlite3.OperationalError as error:
                    assert "no such table" in str(error)  # the schema is not there yet
        time.sleep(0.05)
    results = [process.communicate(timeout=60) for process in processes]
    for process, (_, stderr) in zip(processes, results, strict=True):
        assert process.returncode == 0, stderr.decode()
    assert reads > 0
    expected = store_figures(clean)
    assert expected["texts_stored_twice"] == expected["duplicates_of_self_or_duplicate"] == 0
    assert store_figures(db) == expected
    # Every article was stored by one process and skipped by the other.
    summaries = [json.loads(stdout) for stdout, _ in results]
    assert sum(summary["stored"] + summary["duplicates"] for summary in summaries) == expected["documents"]
    assert sum(summary["skipped"] for summary in summaries) == expected["documents"]


def test_processes_opening_a_new_store_at_once_make_its_schema_once(tmp_path: Path):
    db = tmp_path / "new.db"
    script = (
        "import sys, time\n"
        "from pathlib import Path\n"
        "from reportedly.store.database import connect\n"
        "while time.time() < float(sys.argv[2]): pass\n"
        "print(connect(Path(sys.argv[1])).execute('PRAGMA user_version').fetchone()[0])\n"
    )
    start = str(time.time() + 2)
    processes = [
        subprocess.Popen([sys.executable, "-c", script, str(db), start], stdout=subprocess.PIPE, text=True)
        for _ in range(4)
    ]
    outputs = [process.communicate(timeout=120)[0].strip() for process in processes]
    assert [process.returncode for process in processes] == [0] * 4
    assert outputs == [str(database.SCHEMA_VERSION)] * 4
    with sqlite3.connect(db) as connection:
        assert connection.execute("SELECT COUNT(*) FROM fts_indexed").fetchone()[0] == 2


def test_a_writer_waits_for_another_and_a_store_busy_too_long_is_one_line(
    cli: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    articles = feed(tmp_path / "feed.jsonl", 2)
    db = tmp_path / "corpus.db"
    database.connect(db).close()
    held = threading.Event()

    def hold(seconds: float) -> None:
        other = sqlite3.connect(db, isolation_level=None, check_same_thread=False)
        other.execute("BEGIN IMMEDIATE")
        held.set()
        time.sleep(seconds)
        other.execute("COMMIT")
        other.close()

    writer = threading.Thread(target=hold, args=(1.0,))
    writer.start()
    held.wait()
    waited = cli("ingest", str(articles), "--db", str(db))
    writer.join()
    assert waited.exit_code == 0, waited.stderr
    assert json.loads(waited.stdout)["stored"] == 2

    held.clear()
    monkeypatch.setattr(database, "BUSY_TIMEOUT_SECONDS", 0.2)
    writer = threading.Thread(target=hold, args=(2.0,))
    writer.start()
    held.wait()
    busy = cli("ingest", str(feed(tmp_path / "more.jsonl", 3)), "--db", str(db))
    writer.join()
    assert busy.exit_code == 1
    assert (
        busy.stderr.strip()
        .splitlines()[-1]
        .startswith(f"reportedly: error: {db}: the store is busy: another process held it longer than ")
    )


def leaf_page_damaged(db: Path, table: str) -> None:
    """The first leaf page of ``table`` overwritten: one that adding rows does not read."""
    with sqlite3.connect(db) as connection:
        (page,) = connection.execute(
            "SELECT MIN(pageno) FROM dbstat WHERE name = ? AND pagetype = 'leaf'", (table,)
        ).fetchone()
        page_size = connection.execute("PRAGMA page_size").fetchone()[0]
    with db.open("r+b") as handle:
        handle.seek((page - 1) * page_size)
        handle.write(b"\x55" * page_size)


def test_a_store_with_a_damaged_page_is_refused_by_every_command_that_writes(cli: Invoke, tmp_path: Path):
    db = tmp_path / "corpus.db"
    assert cli("ingest", str(feed(tmp_path / "feed.jsonl", 20)), "--db", str(db)).exit_code == 0
    leaf_page_damaged(db, "documents")
    other = tmp_path / "other.txt"
    other.write_text("Health official Ivo Brun said the outbreak in the east was contained.\n")
    expected = f"reportedly: error: {db}: not a usable reportedly store (database disk image is malformed)"
    for args in (
        ["ingest", str(other)],
        ["entities", "merge", "Anna Petrov", "Ivan Petrov"],
        ["attributions", "set-speaker", "1", "Anna Petrov"],
        ["documents", "set-date", "1", "2024-12-17"],
    ):
        result = cli(*args, "--db", str(db))
        assert (result.exit_code, result.stderr.strip()) == (1, expected), args
    with sqlite3.connect(db) as connection:
        # Nothing was added: the last document is the feed's (read past the damaged page).
        assert connection.execute("SELECT MAX(id) FROM documents").fetchone()[0] == 20


@pytest.fixture
def signal_after(monkeypatch: pytest.MonkeyPatch, extractor: Extractor):
    """``signal_after(signum, n)``: the session's extractor sends ``signum`` to this process
    once it has extracted ``n`` documents, as a user or a supervisor would mid-run (once: a
    rerun runs to its end)."""

    def arm(signum: int, documents: int) -> None:
        extract = extractor.extract
        armed = [True]  # a rerun finds it empty

        def extract_then_signal(*args: object, **kwargs: object) -> Iterator[object]:
            for number, extraction in enumerate(extract(*args, **kwargs), start=1):  # type: ignore[arg-type]
                yield extraction
                if number == documents and armed:
                    armed.clear()
                    os.kill(os.getpid(), signum)

        monkeypatch.setattr(extractor, "extract", extract_then_signal)

    return arm


@pytest.mark.parametrize(("signum", "exit_code"), [(signal.SIGINT, 130), (signal.SIGTERM, 143)])
def test_a_signal_ends_an_ingest_with_its_summary_and_a_rerun_finishes_it(
    cli: Invoke, tmp_path: Path, signal_after, signum: signal.Signals, exit_code: int
):
    articles = feed(tmp_path / "feed.jsonl", 8)
    db = tmp_path / "corpus.db"
    signal_after(signum, 3)
    stopped = cli("ingest", str(articles), "--db", str(db))
    assert stopped.exit_code == exit_code
    summary = json.loads(stopped.stdout)
    resume = (
        "the articles counted as stored are, the one in progress is not: "
        "run the same ingest again to store the rest (what is stored is skipped)"
    )
    assert (summary["interrupted"], summary["resume"]) == (signum.name, resume)
    assert stopped.stderr.strip().splitlines()[-1] == f"reportedly: interrupted by {signum.name}: {resume}"
    # The third article was stopped in its transaction (or before it): whole articles only.
    assert summary["stored"] in (2, 3)
    figures = store_figures(db)
    assert (figures["documents"], figures["attributions"], figures["integrity"]) == (
        summary["stored"],
        2 * summary["stored"],
        "ok",
    )
    rerun = run_cli("ingest", str(articles), "--db", str(db))
    assert rerun.exit_code == 0
    assert (json.loads(rerun.stdout)["stored"], json.loads(rerun.stdout)["skipped"]) == (
        8 - summary["stored"],
        summary["stored"],
    )


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM])
def test_a_search_finds_every_article_an_interrupted_ingest_stored(
    cli: Invoke, tmp_path: Path, signal_after, signum: signal.Signals
):
    # The full-text indexes catch up every 100 articles and at the end of an ingest: the
    # landed code left what an interrupted one stored since the last 100 out of searches.
    db = tmp_path / "corpus.db"
    signal_after(signum, 10)
    stopped = cli("ingest", str(feed(tmp_path / "feed.jsonl", 12)), "--db", str(db))
    assert stopped.exit_code == 128 + signum
    stored = json.loads(stopped.stdout)["stored"]
    assert stored in (9, 10)
    found = cli("quotes", "--db", str(db), "--search", "ready for round", "--limit", "0", "--format", "jsonl")
    assert found.exit_code == 0, found.stderr
    # Each article quotes "We are ready for round N".
    assert len(found.stdout.splitlines()) == stored
    with sqlite3.connect(db) as connection:
        assert connection.execute("SELECT name, last_id FROM fts_indexed ORDER BY name").fetchall() == [
            ("attributions", 2 * stored),
            ("documents", stored),
        ]


def test_a_signal_ends_extract_o_without_a_file_or_a_temporary_one(cli: Invoke, tmp_path: Path, signal_after):
    articles = feed(tmp_path / "feed.jsonl", 5)
    out = tmp_path / "out"
    out.mkdir()
    signal_after(signal.SIGTERM, 2)
    stopped = cli("extract", str(articles), "-o", str(out / "extracted.jsonl"))
    assert stopped.exit_code == 143
    assert stopped.stderr.strip().splitlines()[-1] == (
        f"reportedly: interrupted by SIGTERM: 2 documents extracted; {out / 'extracted.jsonl'} "
        "was not written"
    )
    assert list(out.iterdir()) == []


def test_a_signal_ends_export_o_without_a_file_or_a_temporary_one(
    cli: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    db = tmp_path / "corpus.db"
    assert cli("ingest", str(feed(tmp_path / "feed.jsonl", 3)), "--db", str(db)).exit_code == 0
    write_jsonl = export.write_jsonl

    def write_then_signal(connection: sqlite3.Connection, stream) -> int:
        stream.write("{}\n")
        os.kill(os.getpid(), signal.SIGINT)
        return write_jsonl(connection, stream)

    monkeypatch.setattr(export, "write_jsonl", write_then_signal)
    out = tmp_path / "out"
    out.mkdir()
    stopped = run_cli("export", "--db", str(db), "--format", "jsonl", "-o", str(out / "store.jsonl"))
    assert stopped.exit_code == 130
    assert stopped.stderr.strip() == (
        f"reportedly: interrupted by SIGINT: export stopped; {out / 'store.jsonl'} was not written"
    )
    assert list(out.iterdir()) == []


def test_a_file_written_with_o_has_no_name_in_its_folder_until_it_is_whole(tmp_path: Path):
    target = tmp_path / "out.jsonl"
    target.write_text("an older file\n")
    with replaced_whole(target) as handle:
        handle.write("{}\n")
        handle.flush()
        assert list(tmp_path.iterdir()) == [target]  # no temporary name a SIGKILL could leave
    assert (target.read_text(), list(tmp_path.iterdir())) == ("{}\n", [target])
    umask = os.umask(0)
    os.umask(umask)
    assert target.stat().st_mode & 0o777 == 0o666 & ~umask  # as any new file, not mkstemp's 0o600
    with pytest.raises(KeyboardInterrupt), replaced_whole(target, "wb") as binary:
        binary.write(b"half")
        raise KeyboardInterrupt
    assert (target.read_text(), list(tmp_path.iterdir())) == ("{}\n", [target])


def test_without_anonymous_files_o_writes_a_hidden_temporary_file_removed_on_failure(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.delattr(os, "O_TMPFILE")  # as on a system without them
    target = tmp_path / "out.parquet"
    with pytest.raises(KeyboardInterrupt), replaced_whole(target, "wb") as binary:
        binary.write(b"half")
        [temporary] = tmp_path.iterdir()
        assert temporary.name.startswith(".out.parquet.")
        raise KeyboardInterrupt
    assert list(tmp_path.iterdir()) == []
    with replaced_whole(target, "wb") as binary:
        binary.write(b"whole")
    assert (target.read_bytes(), list(tmp_path.iterdir())) == (b"whole", [target])


def written_into(process: subprocess.Popen, folder: Path) -> int:
    """The bytes ``process`` has written to a file it holds open in ``folder`` (named or not:
    an anonymous file shows as "FOLDER/#inode (deleted)"), or 0."""
    for descriptor in Path(f"/proc/{process.pid}/fd").iterdir():
        try:
            if os.readlink(descriptor).startswith(f"{folder}/"):
                return os.stat(descriptor).st_size
        except FileNotFoundError:  # closed meanwhile
            continue
    return 0


def extract_o_under_way(tmp_path: Path) -> tuple[subprocess.Popen, Path]:
    """An ``extract -o`` process into an empty folder, once it has written its first
    documents: a guard of 300 s against a hang, not a timing."""
    articles = feed(tmp_path / "feed.jsonl", 150)
    out = tmp_path / "out"
    out.mkdir()
    process = subprocess.Popen(
        [sys.executable, "-m", "reportedly", "extract", str(articles), "-o", str(out / "extracted.jsonl")],
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 300
    while not written_into(process, out) and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    assert process.poll() is None, "the extraction ended before it was stopped"
    return process, out


@pytest.mark.slow
def test_a_terminated_extract_o_process_leaves_no_file(tmp_path: Path):
    process, out = extract_o_under_way(tmp_path)
    process.send_signal(signal.SIGTERM)
    _, stderr = process.communicate(timeout=120)
    assert process.returncode == 143
    assert stderr.decode().strip().splitlines()[-1].startswith("reportedly: interrupted by SIGTERM: ")
    assert list(out.iterdir()) == []


@pytest.mark.slow
def test_a_killed_extract_o_process_leaves_no_file(tmp_path: Path):
    # SIGKILL runs no handler: the file being written must have no name to leave behind.
    # The landed code left its hidden temporary file (.extracted.jsonl.XXXX) there.
    process, out = extract_o_under_way(tmp_path)
    process.kill()
    process.communicate(timeout=120)
    assert process.returncode == -signal.SIGKILL
    assert list(out.iterdir()) == []
