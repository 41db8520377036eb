"""`extract` splits a live blog into its posts as `ingest` does: a record per post, its offsets
into the post's text, its page, time and first character in the page; the store keeps the
same fields, exports them and reads them back."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from click.testing import Result

from reportedly.ingest.run import date_document, ingest
from reportedly.ingest.sources import read_articles
from reportedly.model import Extraction
from reportedly.store.corpus import Store

Invoke = Callable[..., Result]

# A headline, then three posts; the third cites the first.
LIVE_BLOG = """Live: EU summit on sanctions

8:52 a.m.: Leaders arrive in Brussels

NATO Secretary General Mark Rutte warned on Tuesday that the alliance must prepare for a long confrontation.

9:40 a.m.: Scholz backs the package

German Chancellor Olaf Scholz told the broadcaster ZDF that Berlin expects the sanctions to be approved.

10:05 a.m.: Orban denies blocking the deal

Hungary's prime minister, Viktor Orban, denied that his government was blocking the deal
(see post at 8:52 a.m.).
"""
POSTS = [  # each post's first words and its time
    ("8:52 a.m.: Leaders arrive", "2024-12-26T08:52"),
    ("9:40 a.m.: Scholz backs", "2024-12-26T09:40"),
    ("10:05 a.m.: Orban denies", "2024-12-26T10:05"),
]


def spans(record: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """Every span of an extraction record."""
    for attribution in record["attributions"]:
        for name in ("cue", "source", "addressee", "channel"):
            if attribution[name]:
                yield attribution[name]
        yield from attribution["content"]
    for entity in record["entities"]:
        yield from entity["mentions"]
    yield from record["times"]
    for event in record["events"]:
        yield event["trigger"]
        yield event["sentence"]


def records(output: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in output.splitlines()]


@pytest.fixture(scope="module")
def schema() -> dict[str, Any]:
    return json.loads(resources.files("reportedly.data").joinpath("extraction.schema.json").read_text())


@pytest.fixture
def blog(tmp_path: Path) -> Path:
    path = tmp_path / "summit.txt"
    path.write_text(LIVE_BLOG, encoding="utf-8")
    return path


def test_extract_gives_a_record_per_post_with_its_page_offset_and_time(cli: Invoke, blog: Path, schema):
    result = cli("extract", blog, "--published", "2024-12-26")
    assert result.exit_code == 0, result.stderr
    output = records(result.stdout)
    assert [record["doc_id"] for record in output] == ["summit#1", "summit#2", "summit#3"]
    assert [(record["page"], record["posted"]) for record in output] == [
        ("summit", posted) for _, posted in POSTS
    ]
    assert [record["page_offset"] for record in output] == [LIVE_BLOG.index(start) for start, _ in POSTS]
    # Each post runs to where the next starts; the last to the end of the page's text.
    ends = [record["page_offset"] for record in output[1:]] + [len(LIVE_BLOG.rstrip())]
    assert [record["page_offset"] + record["text_length"] for record in output] == ends
    for record in output:
        jsonschema.validate(record, schema)
        assert record["published"] == "2024-12-26"
        offset = record["page_offset"]
        post_text = LIVE_BLOG[offset : offset + record["text_length"]]
        found = list(spans(record))
        assert found, record["doc_id"]
        for span in found:
            assert post_text[span["start"] : span["end"]] == span["text"]
            assert LIVE_BLOG[offset + span["start"] : offset + span["end"]] == span["text"]
    speakers = [{a["speaker"]["name"] for a in record["attributions"] if a["speaker"]} for record in output]
    assert speakers == [{"Mark Rutte"}, {"Olaf Scholz", "Germany"}, {"Viktor Orban"}]


def test_an_article_names_no_page(cli: Invoke, tmp_path: Path):
    article = tmp_path / "note.txt"
    article.write_text("The minister said at 10:30 a.m. on Monday that talks would resume.\n")
    (record,) = records(cli("extract", article).stdout)
    assert (record["doc_id"], record["page"], record["page_offset"], record["posted"]) == (
        "note",
        None,
        None,
        None,
    )


def test_the_text_format_names_each_post_s_page_time_and_first_character(cli: Invoke, blog: Path):
    result = cli("extract", blog, "--format", "text")  # no date: a post's time is its time of day
    assert result.exit_code == 0, result.stderr
    headers = [line for line in result.stdout.splitlines() if line.startswith("== ")]
    assert headers == [
        f"== summit#{number} (post of summit at {posted[-5:]}, from character {LIVE_BLOG.index(start)}; "
        f"{attributions} attributions)"
        for number, (start, posted), attributions in zip((1, 2, 3), POSTS, (1, 3, 2), strict=True)
    ]


def test_ingest_stores_and_exports_what_extract_gives_and_reads_it_back(cli: Invoke, blog: Path, tmp_path):
    extracted = records(cli("extract", blog, "--published", "2024-12-26").stdout)
    db = tmp_path / "corpus.db"
    assert cli("ingest", blog, "--published", "2024-12-26", "--db", db).exit_code == 0
    result = cli("export", "--db", db, "--format", "jsonl")
    assert result.exit_code == 0, result.stderr
    exported = records(result.stdout)
    # The page keeps its text and no extraction: the export holds its posts alone.
    assert [record["extraction"] for record in exported] == extracted
    assert [
        (record["document"]["doc_id"], record["document"]["page"], record["document"]["posted"])
        for record in exported
    ] == [(record["doc_id"], record["page"], record["posted"]) for record in extracted]
    store = Store(db)
    try:
        texts = [row[0] for row in store.connection.execute("SELECT text FROM documents WHERE parent_id = 1")]
        for record, text in zip(exported, texts, strict=True):
            read = Extraction.from_dict(record["extraction"], text)
            assert read.to_dict() == record["extraction"]
            document = read.document
            assert LIVE_BLOG[document.page_offset : document.page_offset + len(text)] == text
            assert (document.page, document.posted) == ("summit", record["document"]["posted"])
    finally:
        store.close()


def test_a_page_dated_later_keeps_its_posts_pages_and_offsets(extractor, blog: Path, tmp_path: Path):
    (article,) = read_articles([str(blog)])
    store = Store(tmp_path / "corpus.db")
    try:
        ingest([article], store, extractor)
        date_document(store, lambda: extractor, 1, date(2024, 12, 26))
        stored = [
            json.loads(row[0])
            for row in store.connection.execute("SELECT extraction FROM documents WHERE parent_id = 1")
        ]
    finally:
        store.close()
    assert [(record["page"], record["page_offset"], record["posted"]) for record in stored] == [
        ("summit", LIVE_BLOG.index(start), posted) for start, posted in POSTS
    ]
