"""The corpus store: ingest from text, HTML, JSON Lines and folders; duplicates, live blogs,
queries, hand merges, exports and BRAT round trips, on passages written for the project."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path

import pytest

from reportedly.extract import Extractor
from reportedly.ingest.liveblog import clock, split_posts
from reportedly.ingest.run import ingest
from reportedly.ingest.sources import read_articles
from reportedly.store import export, queries
from reportedly.store.corpus import Store, entity_id, merge_entities
from reportedly.store.database import SCHEMA_VERSION, StoreError, connect

LAVROV = (
    "Russian Foreign Minister Sergei Lavrov said on Thursday that Moscow would not accept the proposal.\n\n"
    '"We have heard nothing new from Washington," Lavrov told reporters in Ankara.\n'
)
# The same wire story in another outlet, under its own headline.
LAVROV_COPY = "Lavrov: nothing new\n\n" + LAVROV
ZELENSKIY = (
    "Ukrainian President Volodymyr Zelenskiy said on Sunday that Ukraine would never give up its land.\n\n"
    '"We cannot negotiate while missiles fall on our cities," Zelensky told Le Parisien.\n'
)
HTML_PAGE = """<!doctype html><html><head><title>Scholz backs sanctions | Example Times</title>
<meta property="og:site_name" content="Example Times">
<meta property="article:published_time" content="2024-12-20T09:00:00Z"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Scholz backs sanctions</h1>
<p>German Chancellor Olaf Scholz told the broadcaster ZDF on Friday that Berlin had approved the sanctions
package this week, despite objections from Budapest.</p>
<p>"We will not let this drag on," Scholz said, adding that the European Union had to act together.</p>
</article><footer>Copyright Example Times</footer></body></html>"""
LIVE_BLOG = """8:52 a.m.: European leaders gather in Brussels

The head of NATO warned on Tuesday that the alliance must prepare for a long confrontation with Russia.

9:40 a.m.: Orban denies blocking the deal

Hungary's prime minister, Viktor Orban, denied that his government was blocking the deal
(see post at 8:52 a.m.).
"""


@pytest.fixture
def corpus(tmp_path: Path, extractor: Extractor):
    """A store with three articles: text files, a JSON Lines feed and an HTML page."""
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "lavrov.txt").write_text(LAVROV)
    (tmp_path / "in" / "page.html").write_text(HTML_PAGE)
    feed = {
        "text": ZELENSKIY,
        "title": "Zelenskiy interview",
        "outlet": "Le Parisien",
        "published": "2024-12-22",
    }
    (tmp_path / "in" / "feed.jsonl").write_text(json.dumps(feed) + "\n")
    store = Store(tmp_path / "corpus.db")
    summary = ingest(read_articles([str(tmp_path / "in")], date(2024, 12, 26)), store, extractor)
    yield store, summary
    store.close()


def test_folder_ingest_reads_every_kind_with_its_metadata(corpus):
    store, summary = corpus
    assert (summary.stored, summary.skipped, summary.duplicates, summary.failed) == (3, 0, 0, [])
    rows = store.connection.execute("SELECT doc_id, title, outlet, published FROM documents ORDER BY doc_id")
    assert [tuple(row) for row in rows] == [
        ("feed.jsonl:1", "Zelenskiy interview", "Le Parisien", "2024-12-22"),
        ("lavrov", None, None, "2024-12-26"),
        ("page", "Scholz backs sanctions", "Example Times", "2024-12-20"),
    ]
    # Offsets point into the stored text.
    for text, start, end, cue in store.connection.execute(
        "SELECT d.text, a.cue_start, a.cue_end, a.cue FROM attributions a "
        "JOIN documents d ON d.id = a.document_id"
    ):
        assert text[start:end] == cue


def test_rerun_skips_what_is_stored_and_links_near_duplicates(corpus, tmp_path: Path, extractor):
    store, _ = corpus
    (tmp_path / "copy.txt").write_text(LAVROV_COPY)
    again = ingest(read_articles([str(tmp_path / "in"), str(tmp_path / "copy.txt")]), store, extractor)
    assert (again.stored, again.skipped, again.duplicates) == (0, 3, 1)
    copy = store.connection.execute(
        "SELECT d.duplicate_of, o.doc_id, d.similarity, d.extraction FROM documents d "
        "JOIN documents o ON o.id = d.duplicate_of WHERE d.doc_id = 'copy'"
    ).fetchone()
    assert copy[1] == "lavrov" and copy[2] >= 0.8 and copy[3] is None


def test_bad_records_and_empty_pages_are_reported_and_the_rest_stored(tmp_path: Path, extractor):
    feed = tmp_path / "feed.jsonl"
    feed.write_text(
        json.dumps({"text": LAVROV})
        + "\n"
        + '{"text": "unterminated\n'
        + json.dumps({"title": "no text"})
        + "\n"
    )
    empty = tmp_path / "empty.html"
    empty.write_text("<html><body><nav><a href='/'>Home</a></nav><script>var x = 1;</script></body></html>")
    store = Store(tmp_path / "corpus.db")
    summary = ingest(read_articles([str(feed), str(empty)]), store, extractor)
    assert summary.stored == 1
    assert summary.failed == [
        f"{feed}:2: malformed JSON (Invalid control character, column 23)",
        f"{feed}:3: no 'text' field with text in it",
        f"{empty}: no article text found in the HTML page (navigation, scripts or an empty body)",
    ]


def test_live_blog_posts_are_documents_with_their_time_and_cross_references(tmp_path: Path, extractor):
    assert [post.time for post in split_posts(LIVE_BLOG)] == ["08:52", "09:40"]
    updates = "Live: summit\n\nUpdated 10:14 GMT\nLeaders arrive.\n\nUpdated 11:02 GMT\nTalks begin.\n"
    assert [(post.start, post.time) for post in split_posts(updates)] == [(14, "10:14"), (49, "11:02")]
    assert split_posts("The minister spoke at 10:30 a.m. on Monday.\n") == []  # a time, no post
    assert (clock("8:52 a.m."), clock("1.05 pm"), clock("12:30 a.m.")) == ("08:52", "13:05", "00:30")
    (tmp_path / "live.txt").write_text(LIVE_BLOG)
    store = Store(tmp_path / "corpus.db")
    ingest(read_articles([str(tmp_path / "live.txt")], date(2024, 12, 26)), store, extractor)
    posts = store.connection.execute(
        "SELECT d.id, d.doc_id, d.posted, p.doc_id FROM documents d "
        "JOIN documents p ON p.id = d.parent_id ORDER BY d.id"
    ).fetchall()
    assert [tuple(row)[1:] for row in posts] == [
        ("live#1", "2024-12-26T08:52", "live"),
        ("live#2", "2024-12-26T09:40", "live"),
    ]
    (link,) = store.connection.execute("SELECT document_id, text, target_id FROM links").fetchall()
    assert (link[0], link[1], link[2]) == (posts[1][0], "(see post at 8:52 a.m.)", posts[0][0])
    orban = store.connection.execute("SELECT speaker FROM attributions WHERE cue = 'denied'").fetchone()
    assert orban[0] == "Viktor Orban"


def test_queries(corpus):
    store, _ = corpus
    connection = store.connection
    lavrov = queries.quotes(
        connection, queries.QuoteFilter(speaker=queries.speaker_filter(connection, "Lavrov"))
    )
    assert [(row["speaker"], row["cue"]) for row in lavrov] == [
        ("Sergei Lavrov", "said"),
        ("Sergei Lavrov", "told"),
    ]
    assert [
        row["cue"]
        for row in queries.quotes(
            connection, queries.QuoteFilter(search=queries.search_expression("missiles"))
        )
    ] == ["told"]
    early = queries.quotes(connection, queries.QuoteFilter(until="2024-12-21"))
    assert {row["document"] for row in early} == {"page"}
    (direct,) = queries.quotes(connection, queries.QuoteFilter(outlet="le parisien", kind="direct"))
    assert (direct["speaker"], direct["code"]) == ("Volodymyr Zelenskiy", "UKRGOV")
    top = queries.speakers(connection, limit=3)
    assert [(row["speaker"], row["quotes"]) for row in top] == [
        ("Olaf Scholz", 3),
        ("Sergei Lavrov", 2),
        ("Volodymyr Zelenskiy", 2),
    ]
    by_outlet = queries.speakers(connection, by="outlet")
    assert ("Le Parisien", "Volodymyr Zelenskiy", 2) in [
        (r["outlet"], r["speaker"], r["quotes"]) for r in by_outlet
    ]
    line = queries.timeline(connection, entity_id(connection, "Zelensky"))
    assert [(row["date"], row["what"], row["word"]) for row in line] == [
        ("2024-12-22", "statement", "said"),
        ("2024-12-22", "statement", "told"),
        ("2024-12-22", "event", "negotiate"),
    ]
    (sanction,) = queries.events(connection, event_type="sanction", actor="DEU")
    assert (sanction["actor"], sanction["trigger"], sanction["document"]) == ("DEUGOV", "sanctions", "page")


def test_a_surname_in_a_later_document_joins_the_person_named_in_full(corpus, tmp_path: Path, extractor):
    """Extraction names each document's referents apart; the store links them."""
    store, _ = corpus
    (tmp_path / "later.txt").write_text("Mr. Zelensky said the offer was not serious.\n")
    ingest(read_articles([str(tmp_path / "later.txt")]), store, extractor)
    speakers = {
        row["speaker"] for row in queries.quotes(store.connection, queries.QuoteFilter(about="serious"))
    }
    assert speakers == {"Volodymyr Zelenskiy"}


def test_hand_merge_moves_statements_and_later_ingests_follow_it(corpus, tmp_path: Path, extractor):
    store, _ = corpus
    connection = store.connection
    (tmp_path / "kremlin.txt").write_text("Dmitry Peskov said the Kremlin was ready for talks.\n")
    ingest(read_articles([str(tmp_path / "kremlin.txt")]), store, extractor)
    merge_entities(connection, "Dmitry Peskov", "Sergei Lavrov")  # a deliberate, wrong fix
    assert (
        len(
            queries.quotes(
                connection, queries.QuoteFilter(speaker=queries.speaker_filter(connection, "Sergei Lavrov"))
            )
        )
        == 3
    )
    (tmp_path / "later.txt").write_text("Peskov told reporters the offer was unserious.\n")
    ingest(read_articles([str(tmp_path / "later.txt")]), store, extractor)
    speakers = {row["speaker"] for row in queries.quotes(connection, queries.QuoteFilter(about="unserious"))}
    assert speakers == {"Sergei Lavrov"}
    with pytest.raises(StoreError, match="already one entity"):
        merge_entities(connection, "Peskov", "Sergei Lavrov")


def test_exports(corpus, tmp_path: Path):
    store, _ = corpus
    connection = store.connection
    lines = io.StringIO()
    assert export.write_jsonl(connection, lines) == 3
    first = json.loads(lines.getvalue().splitlines()[0])
    assert first["document"]["doc_id"] == "feed.jsonl:1" and first["extraction"]["attributions"]
    table = io.StringIO()
    count = export.write_csv(connection, "attributions", table)
    rows = list(csv.DictReader(io.StringIO(table.getvalue())))
    assert len(rows) == count and {"document", "speaker", "cue", "content", "cue_start"} <= set(rows[0])
    pyarrow = pytest.importorskip("pyarrow.parquet")
    export.write_parquet(connection, "events", tmp_path / "events.parquet")
    assert pyarrow.read_table(tmp_path / "events.parquet").num_rows == len(
        list(export.table_rows(connection, "events"))
    )
    records = io.StringIO()
    export.write_plover(connection, records)
    assert {"id", "event", "actor", "recipient", "event_text", "text"} <= set(
        json.loads(records.getvalue().split("\n")[0])
    )


def test_brat_round_trip_stores_corrections(corpus, tmp_path: Path):
    store, _ = corpus
    connection = store.connection
    folder = tmp_path / "brat"
    assert export.write_brat(connection, folder) == 3
    (ann,) = [path for path in folder.glob("lavrov-*.ann")]
    text = (folder / ann.name.replace(".ann", ".txt")).read_text()
    lines = ann.read_text().splitlines()
    assert any(line.startswith("E1\tAttribution:T1 Source:T2 Cue:T3 Content:T4") for line in lines)
    # The annotator shortens the first content to the clause after "that".
    start = text.index("Moscow would")
    end = text.index(".", start)
    corrected = [
        (
            f"{line.split(chr(9))[0]}\tContent {start} {end}\t{text[start:end]}"
            if line.startswith("T4\t")
            else line
        )
        for line in lines
    ]
    ann.write_text("\n".join(corrected) + "\n")
    assert export.import_brat(connection, folder) == (3, 1)  # read, changed
    row = connection.execute(
        "SELECT a.content, a.speaker, e.name FROM attributions a JOIN documents d ON d.id = a.document_id "
        "LEFT JOIN entities e ON e.id = a.entity_id WHERE d.doc_id = 'lavrov' AND a.local_id = 'a1'"
    ).fetchone()
    assert tuple(row) == ("Moscow would not accept the proposal", "Sergei Lavrov", "Sergei Lavrov")


def test_schema_is_versioned_and_a_newer_store_is_refused(tmp_path: Path):
    path = tmp_path / "new.db"
    connection = connect(path)
    assert connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    connection.close()
    with pytest.raises(StoreError, match="newer than this reportedly"):
        connect(path)
    (tmp_path / "junk.db").write_bytes(b"this is not a database at all" * 100)
    with pytest.raises(StoreError, match="not a usable reportedly store"):
        connect(tmp_path / "junk.db")
    with pytest.raises(StoreError, match="no such store"):
        connect(tmp_path / "absent.db", create=False)


def test_duplicates_within_one_run_link_to_their_original(tmp_path: Path, extractor):
    # The copy comes after forty other articles: its original may be written by then, or not.
    fillers = [
        f"Spokesman Ivan Petrov said on day {n} that round {n} would open in hall {n}.\n" for n in range(40)
    ]
    feed = tmp_path / "feed.jsonl"
    feed.write_text("".join(json.dumps({"text": text}) + "\n" for text in [LAVROV, *fillers, LAVROV_COPY]))
    store = Store(tmp_path / "corpus.db")
    summary = ingest(read_articles([str(feed)]), store, extractor)
    assert (summary.stored, summary.duplicates, summary.skipped) == (41, 1, 0)
    (original, copy) = store.connection.execute(
        "SELECT d.doc_id, c.doc_id FROM documents c JOIN documents d ON d.id = c.duplicate_of"
    ).fetchone()
    assert (original, copy) == ("feed.jsonl:1", "feed.jsonl:42")


def test_the_same_text_from_another_source_is_an_exact_duplicate(tmp_path: Path, extractor):
    for outlet in ("wire", "daily", "weekly"):
        (tmp_path / f"{outlet}.txt").write_text(ZELENSKIY)
    store = Store(tmp_path / "corpus.db")
    first = ingest(read_articles([str(tmp_path / "wire.txt"), str(tmp_path / "daily.txt")]), store, extractor)
    later = ingest(read_articles([str(tmp_path)]), store, extractor)  # all three, sorted by name
    assert (first.stored, first.duplicates, later.skipped, later.duplicates) == (1, 1, 2, 1)
    rows = store.connection.execute(
        "SELECT d.doc_id, o.doc_id, d.similarity, d.extraction IS NULL FROM documents d "
        "LEFT JOIN documents o ON o.id = d.duplicate_of ORDER BY d.id"
    ).fetchall()
    assert [tuple(row) for row in rows] == [
        ("wire", None, None, 0),
        ("daily", "wire", 1.0, 1),
        ("weekly", "wire", 1.0, 1),
    ]


def test_datelines_do_not_name_entities_and_weeks_date_from_their_monday(tmp_path: Path, extractor):
    (tmp_path / "moscow.txt").write_text(
        "MOSCOW — The Kremlin said on Thursday that Moscow would not move.\n\n"
        "Lavrov said last week that the offer was unserious.\n"
    )
    store = Store(tmp_path / "corpus.db")
    ingest(read_articles([str(tmp_path / "moscow.txt")], date(2024, 12, 26)), store, extractor)
    names = {row[0] for row in store.connection.execute("SELECT name FROM entities")}
    assert "Moscow" in names and "MOSCOW" not in names
    (dated,) = store.connection.execute(
        "SELECT date FROM attributions WHERE content LIKE '%unserious%'"
    ).fetchall()
    assert dated[0] == "2024-12-16"  # "last week" is 2024-W51
