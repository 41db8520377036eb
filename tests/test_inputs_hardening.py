"""Bad and awkward inputs (issue 16): each refused in one line naming the input, with exit
code 2 and the other inputs processed; folders dated by sidecar, header line or file name;
stored undated documents dated later; CBS-style live blogs split into posts."""

from __future__ import annotations

import codecs
import json
import os
import sqlite3
import threading
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from click.testing import Result

from reportedly.ingest import sources
from reportedly.ingest.dates import date_in_header, date_in_name, written_date
from reportedly.ingest.liveblog import split_posts
from reportedly.ingest.read import InputError, decode_text

PASSAGE = "Lavrov told reporters that the proposal was unacceptable.\n"
IGNORED = "not a kind of file ingest reads (.txt, .html or .jsonl)"
PIPE = "not a regular file (a pipe, socket or device): save it to a file first"
# A CBS-style live blog: each post opens a line with its time and runs on into its text.
CBS_BLOG = (
    "2:14 p.m. Spicer said the president would sign the order on Friday.\n\n"
    "He added that it was not a ban.\n\n"
    "2:40 p.m. Reporters asked about the travel ban. Spicer declined to comment.\n\n"
    "3:05 p.m. The White House said it would respond on Monday.\n"
)

Invoke = Callable[..., Result]  # the `cli` fixture of conftest.py


def within(seconds: float, call: Callable[[], Result], fifo: Path) -> Result:
    """``call()`` in a thread; if it is still waiting on ``fifo`` after ``seconds``, a writer
    opens the pipe to set it free and the test fails instead of hanging."""
    done: list[Result] = []
    thread = threading.Thread(target=lambda: done.append(call()), daemon=True)
    thread.start()
    thread.join(seconds)
    if thread.is_alive():
        os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
        thread.join(10)
        pytest.fail(f"reading {fifo} waited on the pipe")
    return done[0]


def errors(result: Result) -> list[str]:
    return result.stderr.strip().splitlines()


def summary(result: Result) -> dict:
    return json.loads(result.stdout)


def rows(db: Path, sql: str) -> list[tuple]:
    with sqlite3.connect(db) as connection:
        return connection.execute(sql).fetchall()


# 1. A lone surrogate in a JSON Lines record: before, UnicodeEncodeError (spaCy's tokenizer in
# extract, the content hash in ingest) and nothing after it processed.
def test_a_record_with_a_lone_surrogate_is_refused_and_the_rest_processed(cli: Invoke, tmp_path: Path):
    feed = tmp_path / "feed.jsonl"
    feed.write_text(
        '{"text": "Bad \\ud800 text. Lavrov said the talks failed."}\n'
        + json.dumps({"text": PASSAGE, "title": "Fine"})
        + "\n"
        + json.dumps({"text": PASSAGE + " Again.", "title": "Bad \udfff title"}, ensure_ascii=True)
        + "\n",
        encoding="utf-8",
    )
    expected = [
        f"reportedly: error: {feed}:1: 'text' holds a lone surrogate (U+D800) at offset 4",
        f"reportedly: error: {feed}:3: 'title' holds a lone surrogate (U+DFFF) at offset 4",
    ]
    extracted = cli("extract", feed)
    assert extracted.exit_code == 1
    assert [json.loads(line)["doc_id"] for line in extracted.stdout.splitlines()] == ["feed.jsonl:2"]
    assert errors(extracted) == [*expected, "reportedly: 2 inputs failed; the rest were extracted"]

    db = tmp_path / "corpus.db"
    ingested = cli("ingest", feed, "--db", db)
    assert ingested.exit_code == 1
    assert (summary(ingested)["stored"], summary(ingested)["failed"]) == (1, 2)
    assert errors(ingested) == expected
    assert rows(db, "SELECT source FROM documents") == [(f"{feed}:2",)]


# 2. A pipe: before, `extract FIFO` and `ingest FIFO` waited forever; a pipe in a folder was
# skipped without a word.
def test_pipes_are_refused_not_waited_on(cli: Invoke, tmp_path: Path):
    fifo = tmp_path / "fifo.txt"
    os.mkfifo(fifo)
    extracted = within(60, lambda: cli("extract", fifo), fifo)
    assert extracted.exit_code == 1
    assert errors(extracted) == [
        f"reportedly: error: {fifo}: {PIPE}",
        "reportedly: 1 input failed; the rest were extracted",
    ]

    folder = tmp_path / "folder"
    folder.mkdir()
    (folder / "good.txt").write_text(PASSAGE, encoding="utf-8")
    os.mkfifo(folder / "pipe.txt")
    ingested = within(60, lambda: cli("ingest", folder, "--db", tmp_path / "corpus.db"), folder / "pipe.txt")
    assert ingested.exit_code == 1
    assert summary(ingested)["stored"] == 1
    assert summary(ingested)["failures"] == [f"{folder / 'pipe.txt'}: {PIPE}"]


# 3. Before: `--max-size 0` and `-1` were taken, then every input was "too large (0.0 MB):
# the limit is 0 MB" (or "-1 MB").
@pytest.mark.parametrize("size", ["0", "-1"])
def test_max_size_below_one_mb_is_refused_when_parsed(cli: Invoke, size: str):
    result = cli("extract", "-", "--max-size", size, stdin=PASSAGE)
    assert result.exit_code == 2
    assert (
        errors(result)[-1]
        == f"reportedly: error: Invalid value for '--max-size': {size} is not in the range x>=1."
    )


# 4. Before: UTF-16 with a BOM was "binary data (NUL bytes)"; a UTF-8 BOM stayed in the text
# (the first source read "\ufeffLavrov").
@pytest.mark.parametrize(
    "encoded",
    [
        codecs.BOM_UTF8 + PASSAGE.encode("utf-8"),
        codecs.BOM_UTF16_LE + PASSAGE.encode("utf-16-le"),
        codecs.BOM_UTF16_BE + PASSAGE.encode("utf-16-be"),
    ],
    ids=["utf-8", "utf-16-le", "utf-16-be"],
)
def test_text_with_a_byte_order_mark_is_decoded_without_it(cli: Invoke, tmp_path: Path, encoded: bytes):
    assert decode_text("article.txt", encoded) == PASSAGE
    article = tmp_path / "article.txt"
    article.write_bytes(encoded)
    result = cli("extract", article)
    assert result.exit_code == 0, result.stderr
    (record,) = [json.loads(line) for line in result.stdout.splitlines()]
    assert record["text_length"] == len(PASSAGE)
    source = record["attributions"][0]["source"]
    assert source == {"start": 0, "end": 6, "text": "Lavrov"}


def test_utf16_that_is_not_valid_names_the_byte():
    with pytest.raises(InputError, match=r"^odd.txt: not valid UTF-16-LE \(byte 0x00 at offset 6\)$"):
        decode_text("odd.txt", codecs.BOM_UTF16_LE + "ab".encode("utf-16-le") + b"\x00")


# 5. Before: a NUL in the first 8 KB was "binary data", one later passed into the store.
@pytest.mark.parametrize("offset", [10, 20_000])
def test_a_nul_anywhere_in_a_text_is_refused_with_its_offset(cli: Invoke, tmp_path: Path, offset: int):
    text = ("x" * offset + "\x00" + PASSAGE).encode("utf-8")
    article = tmp_path / "article.txt"
    article.write_bytes(text)
    result = cli("extract", article)
    assert result.exit_code == 1
    assert errors(result)[0] == (
        f"reportedly: error: {article}: a NUL character at offset {offset}: not a text document"
    )


# 6. Before: a folder ingest could not list was skipped without a word (rglob swallows the
# error). Tests run as root, who reads a chmod 000 folder: listing it is made to fail.
def test_an_unreadable_folder_is_a_failure(cli: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    folder = tmp_path / "folder"
    locked = folder / "locked"
    locked.mkdir(parents=True)
    (locked / "hidden.txt").write_text(PASSAGE, encoding="utf-8")
    (folder / "good.txt").write_text(PASSAGE, encoding="utf-8")
    scandir = os.scandir

    def refusing(path: Path):
        if Path(path) == locked:
            raise PermissionError(13, "Permission denied", str(path))
        return scandir(path)

    monkeypatch.setattr(sources.os, "scandir", refusing)
    result = cli("ingest", folder, "--db", tmp_path / "corpus.db")
    assert result.exit_code == 1
    assert summary(result)["stored"] == 1
    assert summary(result)["failures"] == [f"{locked}: cannot read the folder (Permission denied)"]


# 7. Before: a SOURCES.tsv in the folder was skipped silently.
def test_files_of_other_kinds_in_a_folder_are_listed_as_ignored(cli: Invoke, tmp_path: Path):
    folder = tmp_path / "folder"
    folder.mkdir()
    (folder / "article.txt").write_text(PASSAGE, encoding="utf-8")
    (folder / "SOURCES.tsv").write_text("name\tsource\narticle.txt\tTASS\n", encoding="utf-8")
    result = cli("ingest", folder, "--db", tmp_path / "corpus.db")
    assert result.exit_code == 0, result.stderr
    assert summary(result) == {
        "stored": 1,
        "skipped": 0,
        "duplicates": 0,
        "dated": 0,
        "failed": 0,
        "failures": [],
        "ignored": 1,
        "ignored_files": [f"{folder / 'SOURCES.tsv'}: {IGNORED}"],
    }


# 8. Dates for folders. Before: every .txt of a folder was stored undated unless one
# --published fitted them all; a later ingest with a date linked a duplicate to the undated one.
def test_dates_in_file_names_and_header_lines():
    assert date_in_name("news/2025-05-12-peskov.txt") == date(2025, 5, 12)
    assert date_in_name("peskov_20250512.txt") == date(2025, 5, 12)
    assert date_in_name("report-1234567890.txt") is None  # digits, not a date
    assert date_in_name("2025-13-40-peskov.txt") is None
    assert date_in_header("Kremlin says no\nPublished: May 12, 2025\n\nPeskov said ...") == date(2025, 5, 12)
    assert date_in_header("DATE: 2025-05-12T08:00:00Z\nPeskov said ...") == date(2025, 5, 12)
    assert date_in_header("\n".join(["line"] * 5 + ["Published: 2025-05-12"])) is None  # not at the top
    assert written_date("12 May 2025, 08:00") == date(2025, 5, 12)
    assert written_date("Mon, 12 May 2025") == date(2025, 5, 12)


def test_a_folder_is_dated_by_sidecar_then_header_then_file_name_then_published(cli: Invoke, tmp_path: Path):
    folder = tmp_path / "articles"
    folder.mkdir()
    texts = {
        "2025-05-12-peskov.txt": "Peskov told reporters on Tuesday that the deal was off.\n",
        "2025-05-01-header.txt": "Date: 2025-05-16\n\nPeskov said on Monday that talks would resume.\n",
        "zakharova.txt": "Published: 2025-05-09\n\nZakharova said on Friday that the embassy was shut.\n",
        "lavrov.txt": "Lavrov said on Wednesday that the envoy had left.\n",
    }
    for name, text in texts.items():
        (folder / name).write_text(text, encoding="utf-8")
    dates = tmp_path / "dates.csv"
    dates.write_text("name,published,outlet,url,title\nzakharova,2025-05-02,TASS,,Embassy shut\n")
    db = tmp_path / "corpus.db"
    result = cli("ingest", folder, "--dates", dates, "--published", "2025-05-14", "--db", db)
    assert result.exit_code == 0, result.stderr
    stored = rows(db, "SELECT doc_id, published, outlet, title, text FROM documents ORDER BY doc_id")
    assert [row[:4] for row in stored] == [
        ("2025-05-01-header", "2025-05-16", None, None),  # its header line over its name
        ("2025-05-12-peskov", "2025-05-12", None, None),  # its name over --published
        ("lavrov", "2025-05-14", None, None),  # --published
        ("zakharova", "2025-05-02", "TASS", "Embassy shut"),  # the sidecar over its header line
    ]
    assert stored[0][4] == texts["2025-05-01-header.txt"]  # the header line stays in the text
    # Relative times resolve against each document's date (the dates in header lines are times too).
    assert rows(db, "SELECT text, value FROM times ORDER BY value, text") == [
        ("Friday", "2025-05-02"),
        ("Tuesday", "2025-05-06"),
        ("2025-05-09", "2025-05-09"),
        ("Monday", "2025-05-12"),
        ("Wednesday", "2025-05-14"),
        ("2025-05-16", "2025-05-16"),
    ]


def test_a_bad_dates_file_is_one_line(cli: Invoke, tmp_path: Path):
    dates = tmp_path / "dates.jsonl"
    dates.write_text('{"name": "a.txt", "published": "2025-05-02"}\n{"name": "b.txt", "published": "soon"}\n')
    result = cli("ingest", tmp_path, "--dates", dates, "--db", tmp_path / "corpus.db")
    assert result.exit_code == 2
    assert errors(result) == [
        f"reportedly: error: {dates}:2: 'published' is not an ISO date (YYYY-MM-DD): 'soon'"
    ]


def test_a_later_ingest_with_a_date_dates_the_stored_undated_text(cli: Invoke, tmp_path: Path):
    article = tmp_path / "lavrov.txt"
    article.write_text("Lavrov said on Wednesday that the envoy had left.\n", encoding="utf-8")
    db = tmp_path / "corpus.db"
    assert summary(cli("ingest", article, "--db", db))["stored"] == 1
    assert rows(db, "SELECT value FROM times") == [(None,)]
    assert rows(db, "SELECT date FROM attributions") == [(None,)]

    again = cli("ingest", article, "--published", "2025-05-14", "--db", db)
    assert again.exit_code == 0, again.stderr
    assert (summary(again)["stored"], summary(again)["skipped"], summary(again)["dated"]) == (0, 0, 1)
    assert rows(db, "SELECT id, published FROM documents") == [(1, "2025-05-14")]
    assert rows(db, "SELECT value FROM times") == [("2025-05-14",)]
    assert rows(db, "SELECT date FROM attributions") == [("2025-05-14",)]
    assert json.loads(rows(db, "SELECT extraction FROM documents")[0][0])["published"] == "2025-05-14"
    found = cli("quotes", "--search", "envoy", "--db", db, "--format", "jsonl")
    assert [json.loads(line)["date"] for line in found.stdout.splitlines()] == ["2025-05-14"]

    # Dated now: the same text from another source is an exact duplicate, as always.
    copy = tmp_path / "copy.txt"
    copy.write_text(article.read_text(), encoding="utf-8")
    assert summary(cli("ingest", copy, "--published", "2025-05-15", "--db", db))["duplicates"] == 1


def test_documents_set_date_dates_a_live_blog_page_and_its_posts(cli: Invoke, tmp_path: Path):
    blog = tmp_path / "briefing.txt"
    blog.write_text(CBS_BLOG, encoding="utf-8")
    db = tmp_path / "corpus.db"
    assert summary(cli("ingest", blog, "--db", db))["stored"] == 1
    listed = cli("documents", "list", "--undated", "--db", db, "--format", "jsonl")
    assert [json.loads(line)["id"] for line in listed.stdout.splitlines()] == [1]
    assert rows(db, "SELECT value FROM times WHERE text = 'Friday'") == [(None,)]  # no date to go by

    result = cli("documents", "set-date", "1", "2017-01-27", "--db", db)
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout) == {
        "document": 1,
        "published": "2017-01-27",
        "attributions": 5,
        "times": 5,
        "times_resolved": 5,
    }
    assert rows(db, "SELECT published, posted FROM documents ORDER BY id") == [
        ("2017-01-27", None),
        ("2017-01-27", "2017-01-27T14:14"),
        ("2017-01-27", "2017-01-27T14:40"),
        ("2017-01-27", "2017-01-27T15:05"),
    ]
    # The posts' times, and the days they name, are of that date now.
    assert rows(db, "SELECT document_id, text, value FROM times ORDER BY document_id, start") == [
        (2, "2:14 p.m.", "2017-01-27T14:14"),
        (2, "Friday", "2017-01-27"),
        (3, "2:40 p.m.", "2017-01-27T14:40"),
        (4, "3:05 p.m.", "2017-01-27T15:05"),
        (4, "Monday", "2017-01-30"),  # "would respond on Monday" on a Friday: the coming one
    ]
    assert {date for (date,) in rows(db, "SELECT date FROM attributions")} == {"2017-01-27"}
    assert cli("documents", "list", "--undated", "--db", db, "--format", "jsonl").stdout == ""

    unknown = cli("documents", "set-date", "99", "2017-01-27", "--db", db)
    assert (unknown.exit_code, errors(unknown)) == (
        2,
        ["reportedly: error: no document with id 99 (`reportedly documents list` shows them)"],
    )
    post = cli("documents", "set-date", "2", "2017-01-27", "--db", db)
    assert errors(post) == ["reportedly: error: document 2 is a post of the live blog page 1: date the page"]
    bad = cli("documents", "set-date", "1", "2017-02-30", "--db", db)
    assert bad.exit_code == 2
    assert (
        errors(bad)[-1]
        == "reportedly: error: Invalid value for 'DATE': '2017-02-30' is not a date in the form YYYY-MM-DD"
    )


# 9. Before: CBS-style headers ("2:14 p.m. Spicer said ...", no colon) did not split: [].
def test_cbs_style_live_blog_posts_are_split_with_their_times():
    posts = split_posts(CBS_BLOG)
    assert [post.time for post in posts] == ["14:14", "14:40", "15:05"]
    assert [CBS_BLOG[post.start : post.end] for post in posts] == [
        "2:14 p.m. Spicer said the president would sign the order on Friday.\n\n"
        "He added that it was not a ban.\n\n",
        "2:40 p.m. Reporters asked about the travel ban. Spicer declined to comment.\n\n",
        "3:05 p.m. The White House said it would respond on Monday.",
    ]


@pytest.mark.parametrize(
    "text",
    [
        # One line opening with a time is a sentence, not a live blog.
        "WASHINGTON - The briefing ran long.\n\n2:14 p.m. Spicer said the order was ready.\n",
        # Times inside a line, or followed by lower case, head no post.
        "Spicer spoke at 2:14 p.m. He left.\nThe vote came at 3:05 p.m. Nobody objected.\n",
        "The vote was due at\n2:14 p.m. on Friday, and then at\n3:05 p.m. on Monday.\n",
        # Without a.m., p.m. or a zone, a number opening a line is no time of day.
        "The index fell\n2.14 Points were lost.\n3.05 Points more the next day.\n",
    ],
)
def test_sentences_opening_with_a_time_do_not_split_an_article(text: str):
    assert split_posts(text) == []


def test_a_sentence_opening_a_line_with_a_time_inside_a_run_in_post_stays_in_it():
    text = CBS_BLOG + "\n3:30 p.m. on the dot, he said, the doors closed.\n"
    assert [post.time for post in split_posts(text)] == ["14:14", "14:40", "15:05"]
