"""Reruns end in the store one clean run makes (issue 24): however a path is written, from
whatever directory, after kills; single names link by what is stored, not by its order;
nothing is skipped or cut silently; JSON Lines dates whole, sizes checked as they are read."""

from __future__ import annotations

import io
import itertools
import json
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest

from reportedly.extract import Extractor
from reportedly.ingest import sources
from reportedly.ingest.run import ingest
from reportedly.ingest.sources import read_articles
from reportedly.model import Article, Document
from reportedly.store.corpus import Store
from reportedly.store.database import connect
from test_cli import Invoke, run

# A short feed where single names lead somewhere else as the documents come in: "Petrov"
# alone is Elena Petrov until Dmitri Petrov is stored too, then neither.
ARTICLES = [
    '"The exercises are routine," Petrov said in a statement on Wednesday.',
    "Foreign minister Elena Petrov said on Monday that the talks in Geneva would resume.",
    "Prime minister Anna Kovalenko said the budget would be presented to parliament in March.",
    "Kovalenko told reporters that the coalition remained united despite the protests.",
    "Defence minister Dmitri Petrov said the army would hold exercises near the border next week.",
    "NATO spokesman Mark Berg said the alliance was watching the exercises closely.",
    '"We see no threat," Berg said, adding that talks with Moscow would continue.',
    "Petrov said on Tuesday that the sanctions would not change the position of the government.",
    "Elena Petrov said the talks had made progress on the exchange of prisoners.",
    "Officials said Kovalenko would travel to Vienna for a meeting with Berg on Friday.",
]

PETROVS = "SELECT name FROM entities WHERE name LIKE '%Petrov%'"
# The feed the kill test ingests: those, then more than one batch of the extractor's (32
# documents) in all, so that a kill lands while it stores or extracts.
KILL_FEED = ARTICLES + [
    f"Minister {first} Novak said on Monday that round {number} of the talks would start in {number} days."
    for number, first in enumerate(["Anna", "Ivan", "Maria", "Pavel", "Olena", "Tomas"] * 5)
]


def write_feed(path: Path, articles: list[str] = ARTICLES, ids: bool = False) -> Path:
    with path.open("w") as handle:
        for number, text in enumerate(articles):
            record = {"text": text + "\n", "published": f"2024-12-{10 + number % 20}", "outlet": "Wire"}
            if ids:
                record["id"] = f"story-{ARTICLES.index(text)}"
            handle.write(json.dumps(record) + "\n")
    return path


def tables(db: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every table that holds what an ingest stored, rows sorted, with ids and timestamps left
    out: documents by their text, entities by their name, type and code."""
    entity = "(SELECT name || ' / ' || type || ' / ' || IFNULL(code, '') FROM entities WHERE id = {})"
    document = "(SELECT text FROM documents WHERE id = {})"
    queries = {
        "documents": "SELECT doc_id, source, published, outlet, text, content_hash, extraction, "
        f"{document.format('duplicate_of')}, similarity FROM documents",
        "entities": "SELECT name, type, code, country, sector FROM entities",
        "entity_names": f"SELECT key, name, {entity.format('entity_id')} FROM entity_names",
        "mentions": f"SELECT {document.format('document_id')}, start, end, text, "
        f"{entity.format('entity_id')} FROM mentions",
        "attributions": f"SELECT {document.format('document_id')}, local_id, kind, cue, content, speaker, "
        f"{entity.format('entity_id')}, date, in_headline FROM attributions",
        "events": f"SELECT {document.format('document_id')}, local_id, event_type, actor, "
        f"{entity.format('actor_entity_id')}, date FROM events",
        "times": f"SELECT {document.format('document_id')}, local_id, start, end, value FROM times",
    }
    with sqlite3.connect(db) as connection:
        return {
            table: sorted(connection.execute(query).fetchall(), key=repr) for table, query in queries.items()
        }


def speakers(db: Path) -> dict[str, str | None]:
    """Each attribution's content and the name of its speaker's entity."""
    with sqlite3.connect(db) as connection:
        return dict(
            connection.execute(
                "SELECT a.content, e.name FROM attributions a LEFT JOIN entities e ON e.id = a.entity_id"
            ).fetchall()
        )


def ingest_texts(db: Path, texts: list[str], extractor: Extractor) -> None:
    store = Store(db)
    try:
        articles = [
            Article(Document(f"d{ARTICLES.index(t)}", t + "\n"), f"d{ARTICLES.index(t)}") for t in texts
        ]
        ingest(articles, store, extractor)
    finally:
        store.close()


# Before: the store linked "Petrov" alone to whatever the name led to when its document came
# in: Elena Petrov if she came first, a new entity if Dmitri Petrov had come too, and a
# "Petrov" stored first stayed apart from the Elena Petrov stored after it.
def test_a_single_name_links_by_what_is_stored_not_by_the_order(tmp_path: Path, extractor: Extractor):
    lone, elena, dmitri = ARTICLES[7], ARTICLES[1], ARTICLES[4]
    stores = []
    for number, order in enumerate(itertools.permutations([lone, elena, dmitri])):
        db = tmp_path / f"order{number}.db"
        ingest_texts(db, list(order), extractor)
        stores.append(tables(db))
        said = {speaker for content, speaker in speakers(db).items() if "sanctions" in content}
        assert said == {"Petrov"}, order
    assert all(store == stores[0] for store in stores[1:])
    with sqlite3.connect(tmp_path / "order0.db") as connection:
        names = sorted(name for (name,) in connection.execute(PETROVS))
    assert names == ["Dmitri Petrov", "Elena Petrov", "Petrov"]
    for number, order in enumerate(itertools.permutations([lone, elena])):
        db = tmp_path / f"pair{number}.db"
        ingest_texts(db, list(order), extractor)
        assert set(speakers(db).values()) == {"Elena Petrov"}
        with sqlite3.connect(db) as connection:
            assert connection.execute(PETROVS).fetchall() == [("Elena Petrov",)]


# Before: in/feed.jsonl, then its absolute path, then ./in//feed.jsonl stored 3, 6, 9 documents.
def test_a_rerun_skips_what_is_stored_however_the_path_is_written(
    cli: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    folder = tmp_path / "in"
    folder.mkdir()
    feed = write_feed(folder / "feed.jsonl", ARTICLES[:3])
    (folder / "note.txt").write_text(ARTICLES[5] + "\n")
    (tmp_path / "link").symlink_to(folder)
    db = tmp_path / "corpus.db"
    monkeypatch.chdir(tmp_path)
    first = cli("ingest", "in/feed.jsonl", "in/note.txt", "--db", db)
    assert json.loads(first.stdout)["stored"] == 4
    spellings = [
        (tmp_path, [str(feed), str(folder / "note.txt")]),
        (tmp_path, ["./in//feed.jsonl", "in/../in/note.txt"]),
        (tmp_path, ["link/feed.jsonl", "link/note.txt"]),
        (folder, ["."]),
        (folder, ["feed.jsonl", "note.txt"]),
    ]
    for directory, paths in spellings:
        monkeypatch.chdir(directory)
        result = cli("ingest", *paths, "--db", db)
        assert result.exit_code == 0, result.stderr
        assert (json.loads(result.stdout)["stored"], json.loads(result.stdout)["skipped"]) == (0, 4), paths
    with sqlite3.connect(db) as connection:
        sources_stored = sorted(source for (source,) in connection.execute("SELECT source FROM documents"))
    assert sources_stored == [f"{feed}:1", f"{feed}:2", f"{feed}:3", str(folder / "note.txt")]


def test_records_with_an_id_are_skipped_when_the_feed_is_written_again_in_another_order(
    cli: Invoke, tmp_path: Path
):
    feed = write_feed(tmp_path / "feed.jsonl", ARTICLES[:3], ids=True)
    db = tmp_path / "corpus.db"
    assert json.loads(cli("ingest", feed, "--db", db).stdout)["stored"] == 3
    write_feed(feed, [ARTICLES[2], ARTICLES[0], ARTICLES[1]], ids=True)
    assert json.loads(cli("ingest", feed, "--db", db).stdout)["skipped"] == 3


# Existing stores: migration 4 resolves the absolute paths they kept as written; a relative
# one stays (the directory it was written in is not known) until a rerun from there finds it.
def test_migration_4_resolves_stored_absolute_sources(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    db = tmp_path / "old.db"
    old = connect(db)
    old.execute("DROP TABLE single_names")  # back to schema 3 by hand: a store made before
    old.execute("DROP TABLE single_name_entities")
    old.execute("DROP TRIGGER documents_text_without_nul")
    old.execute("DROP TABLE speaker_members")  # and what later migrations made
    old.execute("DROP INDEX attributions_newest")
    old.execute("DROP INDEX events_newest")
    old.execute("DROP INDEX events_type")
    old.execute("CREATE INDEX events_type ON events(event_type, date)")
    old.execute("DROP INDEX entity_names_entity")
    old.execute("DROP TABLE stances")
    old.execute("DROP TABLE statement_vectors")
    old.execute("DROP INDEX events_document")
    old.execute("DROP TRIGGER stances_speaker")
    old.execute("DROP TRIGGER stances_actor")
    old.execute("PRAGMA user_version = 3")
    feed = f"{tmp_path}/in/feed.jsonl"
    rows = [
        ("feed.jsonl:1", "in/feed.jsonl:1", None, "h1"),
        ("story-7", f"{tmp_path}/in/../in/feed.jsonl:2", None, "h2"),
        ("feed.jsonl:3", f"{feed}:3", "https://example.com/a", "h3"),
        ("feed.jsonl:3#2", f"{feed}:3#2", "https://example.com/a", "h4"),
        ("note", f"{tmp_path}//in/note.txt", None, "h5"),
        ("feed.jsonl:4", f"{feed}:4", None, "h6"),
        # The bug's own duplicate: the record above under another spelling of its path.
        ("feed.jsonl:4", f"{tmp_path}/./in/feed.jsonl:4", None, "h6"),
        ("stdin", "-", None, "h7"),
    ]
    old.executemany(
        "INSERT INTO documents (doc_id, source, url, text, content_hash) VALUES (?, ?, ?, 'text', ?)", rows
    )
    old.close()
    monkeypatch.chdir("/")  # an upgrade run from anywhere
    with connect(db) as upgraded:
        stored = [source for (source,) in upgraded.execute("SELECT source FROM documents ORDER BY id")]
    assert stored == [
        "in/feed.jsonl:1",
        f"{feed}:id=story-7",
        f"{feed}:url=https://example.com/a",
        f"{feed}:url=https://example.com/a#2",
        f"{tmp_path}/in/note.txt",
        f"{feed}:4",
        f"{tmp_path}/./in/feed.jsonl:4",  # left as it was: the first has that source now
        "-",
    ]


def test_a_rerun_finds_what_an_older_store_kept_under_a_relative_path(
    cli: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    (tmp_path / "in").mkdir()
    page = (
        "8:52 a.m.: Talks resume\n\nElena Petrov said the talks would resume.\n\n"
        "9:40 a.m.: Berg speaks\n\nMark Berg said the alliance was watching.\n"
    )
    feed = tmp_path / "in" / "feed.jsonl"
    feed.write_text(json.dumps({"text": ARTICLES[1]}) + "\n" + json.dumps({"text": page}) + "\n")
    db = tmp_path / "corpus.db"
    monkeypatch.chdir(tmp_path)
    assert json.loads(cli("ingest", "in/feed.jsonl", "--db", db).stdout)["stored"] == 2
    with sqlite3.connect(db) as connection:  # as a store before schema 4 kept them
        connection.execute("UPDATE documents SET source = replace(source, ?, 'in/feed.jsonl')", (str(feed),))
        written = sorted(source for (source,) in connection.execute("SELECT source FROM documents"))
    assert written == ["in/feed.jsonl:1", "in/feed.jsonl:2", "in/feed.jsonl:2#1", "in/feed.jsonl:2#2"]
    for paths in (["in/feed.jsonl"], [str(feed)]):
        result = cli("ingest", *paths, "--db", db)
        assert (json.loads(result.stdout)["stored"], json.loads(result.stdout)["skipped"]) == (0, 2)
    with sqlite3.connect(db) as connection:
        resolved = sorted(source for (source,) in connection.execute("SELECT source FROM documents"))
    assert resolved == [f"{feed}:1", f"{feed}:2", f"{feed}:2#1", f"{feed}:2#2"]


@pytest.mark.slow
def test_five_kills_and_a_rerun_from_elsewhere_equal_one_clean_run(tmp_path: Path):
    """Kill an ingest five times at random moments as it stores, then rerun it with the
    absolute path from another directory: the store equals a clean run's, table for table."""
    feed = write_feed(tmp_path / "feed.jsonl", KILL_FEED)
    clean = run("ingest", feed, "--db", tmp_path / "clean.db")
    assert clean.returncode == 0, clean.stderr
    killed = tmp_path / "killed.db"
    randomness = random.Random(24)
    stored_at_kills = []
    for _ in range(5):
        process = subprocess.Popen(
            [sys.executable, "-m", "reportedly", "ingest", "feed.jsonl", "--db", str(killed)],
            cwd=tmp_path,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        # Kill while it stores (it stores a batch of the extractor's in a fraction of a
        # second): once it has stored a random number of documents more.
        target = randomness.randint(min(_stored(killed) + 1, len(KILL_FEED)), len(KILL_FEED))
        deadline = time.monotonic() + 120
        while process.poll() is None and _stored(killed) < target and time.monotonic() < deadline:
            time.sleep(0.002)
        process.send_signal(signal.SIGKILL)
        process.wait()
        stored_at_kills.append(_stored(killed))
    assert any(0 < stored < len(KILL_FEED) for stored in stored_at_kills), stored_at_kills
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    rerun = subprocess.run(
        [sys.executable, "-m", "reportedly", "ingest", str(feed), "--db", str(killed)],
        cwd=elsewhere,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert rerun.returncode == 0, rerun.stderr
    assert json.loads(rerun.stdout)["stored"] + json.loads(rerun.stdout)["skipped"] == len(KILL_FEED)
    expected, got = tables(tmp_path / "clean.db"), tables(killed)
    for table in expected:
        assert got[table] == expected[table], table


def _stored(db: Path) -> int:
    try:
        with sqlite3.connect(db) as connection:
            return connection.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
    except sqlite3.OperationalError:  # not created yet
        return 0


# Before: "2024-12-26garbage" was 2024-12-26.
def test_a_json_lines_date_is_the_whole_value(tmp_path: Path):
    feed = tmp_path / "feed.jsonl"
    records = [
        {"text": ARTICLES[1], "published": "2024-12-26garbage"},
        {"text": ARTICLES[2], "published": "2024-12-26T08:00:00Z"},
        {"text": ARTICLES[3], "published": "2024-12-26"},
    ]
    feed.write_text("".join(json.dumps(record) + "\n" for record in records))
    first, second, third = read_articles([str(feed)])
    assert str(first) == f"{feed}:1: 'published' is not an ISO date: '2024-12-26garbage'"
    assert second.document.published.isoformat() == third.document.published.isoformat() == "2024-12-26"


class _Zeros(io.RawIOBase):
    """An endless line of zeros, which counts what is asked of it at once."""

    def __init__(self) -> None:
        self.largest_read = 0
        self.total = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        if self.total > 30 * 1024 * 1024:
            return 0  # the end
        if self.total == 30 * 1024 * 1024:
            buffer[:1] = b"\n"
            self.total += 1
            return 1
        size = min(len(buffer), 30 * 1024 * 1024 - self.total)
        buffer[:size] = bytes(size)
        self.total += size
        self.largest_read = max(self.largest_read, size)
        return size


# Before: a JSON Lines line was read whole (30 MB here, 1 GB of /dev/zero) before its size was checked.
def test_a_json_lines_line_is_measured_as_it_is_read():
    zeros = _Zeros()
    stream = io.BufferedReader(zeros, buffer_size=64 * 1024)
    (size,) = sources._lines(stream, 1000)
    assert size == 30 * 1024 * 1024 + 1
    assert zeros.largest_read <= sources.READ_CHUNK


def test_a_too_large_record_is_reported_and_the_next_one_read(cli: Invoke, tmp_path: Path):
    feed = tmp_path / "feed.jsonl"
    big = json.dumps({"text": "word " * 300_000})
    feed.write_text(big + "\n" + json.dumps({"text": ARTICLES[1]}) + "\n")
    result = cli("ingest", feed, "--max-size", "1", "--db", tmp_path / "corpus.db")
    assert result.exit_code == 1
    summary = json.loads(result.stdout)
    assert (summary["stored"], summary["failures"]) == (1, [f"{feed}:1: record too large (1.4 MB)"])


# Before: an unreadable JSON Lines file stopped the ingest with a traceback. Tests run as
# root, who reads a chmod 000 file: opening it is made to fail.
def test_an_unreadable_json_lines_file_is_a_failure_and_the_rest_is_stored(
    cli: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    locked = write_feed(tmp_path / "locked.jsonl", ARTICLES[:1])
    good = write_feed(tmp_path / "good.jsonl", ARTICLES[1:2])
    real_open = Path.open

    def refusing(path: Path, *args: object, **kwargs: object):
        if path == locked:
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(Path, "open", refusing)
    result = cli("ingest", locked, good, "--db", tmp_path / "corpus.db")
    assert result.exit_code == 1
    summary = json.loads(result.stdout)
    assert (summary["stored"], summary["failures"]) == (1, [f"{locked}: cannot read (Permission denied)"])


# Before: a text with a NUL passed into the store, whose text functions cut it there.
def test_the_store_refuses_a_text_with_a_nul(tmp_path: Path):
    store = Store(tmp_path / "corpus.db")
    article = Article(Document("nul", "Petrov said\x00 more.\n"), "nul.txt")
    with pytest.raises(sqlite3.IntegrityError, match="a document text holds a NUL character"):
        store.add_article(article, "hash", np.zeros(4, dtype=np.uint32), None)
    store.close()


# Before: "no article text found": the parser stopped at the 256th nested element.
def test_an_article_inside_100000_nested_divs_is_read(cli: Invoke, tmp_path: Path):
    sentence = (
        "Minister Anna Kovalenko said on Monday that the talks would start soon, and both sides were ready."
    )
    page = tmp_path / "nested.html"
    page.write_text(f"<html><body>{'<div>' * 100_000}<p>{sentence}</p>{'</div>' * 100_000}</body></html>")
    result = cli("ingest", page, "--db", tmp_path / "corpus.db")
    assert result.exit_code == 0, result.stderr
    with sqlite3.connect(tmp_path / "corpus.db") as connection:
        assert connection.execute("SELECT text FROM documents").fetchall() == [(sentence + "\n",)]


# Before: a dated copy of a text still on its way in undated was stored as its duplicate and
# left it undated, while a rerun after a kill that had stored the text dated it.
def test_a_dated_copy_dates_its_text_in_one_run_as_in_a_rerun(cli: Invoke, tmp_path: Path):
    records = [{"text": ARTICLES[1]}, {"text": ARTICLES[2]}, {"text": ARTICLES[1], "published": "2024-12-16"}]
    lines = [json.dumps(record) + "\n" for record in records]
    feed = tmp_path / "feed.jsonl"
    feed.write_text("".join(lines))
    assert json.loads(cli("ingest", feed, "--db", tmp_path / "clean.db").stdout)["dated"] == 1
    feed.write_text(lines[0])  # as far as a killed run got
    cli("ingest", feed, "--db", tmp_path / "resumed.db")
    feed.write_text("".join(lines))
    assert json.loads(cli("ingest", feed, "--db", tmp_path / "resumed.db").stdout)["dated"] == 1
    assert tables(tmp_path / "resumed.db") == tables(tmp_path / "clean.db")
    with sqlite3.connect(tmp_path / "clean.db") as connection:
        dates = connection.execute("SELECT source, published FROM documents ORDER BY source").fetchall()
    assert dates == [(f"{feed}:1", "2024-12-16"), (f"{feed}:2", None), (f"{feed}:3", "2024-12-16")]
