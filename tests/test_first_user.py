"""What a first user trips over in the corpus commands (issue 16, section 3): one entity
lookup for every command, unresolved speakers and long cells in tables, event parties and
types, headlines counted once, hand fixes of one speaker, and acronyms as one entity."""

from __future__ import annotations

import json
import sqlite3
from datetime import date
from pathlib import Path

import pytest

from reportedly.cli.corpus import format_table
from reportedly.extract import Extractor
from reportedly.ingest.run import ingest
from reportedly.ingest.sources import read_articles
from reportedly.resolve.actors import load_coder
from reportedly.resolve.names import spelling_key
from reportedly.store import export, queries
from reportedly.store.corpus import Store, headline_end, merge_entities, set_speaker
from reportedly.store.database import MIGRATIONS, SCHEMA_VERSION, StoreError, connect
from test_store_cli import QUOTE_COLUMNS

from conftest import run_cli

# Written for these tests. The headline repeats the lede's statement of the Kremlin.
KREMLIN = (
    "Kremlin says sanctions will not change its course\n\n"
    "MOSCOW — The Kremlin said on Tuesday that new European sanctions would not change its course.\n\n"
    "A senior Hamas official said the talks had stalled, and he told reporters in Doha that the "
    "mediators had not proposed anything new since the last round of talks in Cairo in November.\n"
)
PUTIN = (
    "Russian President Vladimir Putin said on Monday that Moscow was ready for talks.\n\n"
    "Anna Petrov told reporters the talks would start soon. Ivan Petrov said they would not.\n"
)
ACRONYMS = (
    "A U.S. envoy said on Monday that the US would keep its sanctions.\n\n"
    "The UK said it would sign the deal.\n"
)


@pytest.fixture(scope="module")
def store_path(tmp_path_factory: pytest.TempPathFactory, extractor: Extractor) -> Path:
    """A store of the three passages, as `reportedly ingest` of a folder makes it."""
    folder = tmp_path_factory.mktemp("first-user")
    (folder / "in").mkdir()
    for name, text in (("kremlin", KREMLIN), ("putin", PUTIN), ("acronyms", ACRONYMS)):
        (folder / "in" / f"{name}.txt").write_text(text)
    store = Store(folder / "corpus.db")
    ingest(read_articles([str(folder / "in")], date(2024, 12, 26)), store, extractor)
    store.close()
    return folder / "corpus.db"


@pytest.fixture
def store(store_path: Path, tmp_path: Path):
    """A copy of the store for a test that changes it."""
    copy = tmp_path / "corpus.db"
    copy.write_bytes(store_path.read_bytes())
    opened = Store(copy)
    yield opened
    opened.close()


def cli(*args: str, db: Path) -> tuple[int, str, str]:
    """``reportedly ARGS --db DB`` in this process (the store commands load no pipeline)."""
    result = run_cli(*args, "--db", db)
    return result.exit_code, result.stdout, result.stderr


def jsonl(output: str) -> list[dict]:
    return [json.loads(line) for line in output.splitlines()]


# Case 1 (before: `timeline Putin` said "no entity named 'Putin'"; a misspelt name got no hint).
def test_one_lookup_finds_an_entity_by_surname_in_every_command_and_lists_near_or_shared_names(
    store_path: Path,
):
    code, out, err = cli("timeline", "Putin", "--format", "jsonl", db=store_path)
    assert code == 0, err
    assert {(row["what"], row["word"]) for row in jsonl(out)} >= {("statement", "said")}
    code, out, _ = cli("quotes", "--speaker", "Putin", db=store_path)
    assert code == 0
    assert {row["speaker"] for row in jsonl(out)} == {"Vladimir Putin"}
    code, _, err = cli("timeline", "Ptin", db=store_path)
    assert code == 2
    assert (
        err.strip()
        .splitlines()[-1]
        .startswith("reportedly: error: Invalid value for ENTITY: no entity named 'Ptin'; ")
    )
    assert "near matches: Vladimir Putin (id " in err
    code, _, err = cli("quotes", "--speaker", "Petrov", db=store_path)
    assert code == 2
    assert "'Petrov' names several entities: Anna Petrov (id " in err and "Ivan Petrov (id " in err
    assert "give a full name or an id" in err
    code, _, err = cli("timeline", "99999999999999999999999", db=store_path)
    assert code == 2 and "no entity named '99999999999999999999999'" in err


# Case 2 (before: an unresolved speaker was blank; no addressee, channel, negated or
# hypothetical columns; cells cut at 70 characters with no way to read them).
def test_quotes_show_unresolved_speakers_new_columns_and_whole_cells_on_request(store_path: Path):
    code, out, _ = cli("quotes", "--speaker", "Hamas official", db=store_path)
    assert code == 0
    rows = jsonl(out)
    assert list(rows[0]) == QUOTE_COLUMNS
    stalled = next(row for row in rows if row["content"].startswith("the talks had stalled"))
    assert stalled["speaker"] == "(A senior Hamas official)"
    _, out, _ = cli("quotes", "--about", "mediators", db=store_path)
    (told,) = jsonl(out)
    assert (told["speaker"], told["cue"], told["addressee"]) == ("(he)", "told", "reporters")
    assert len(told["content"]) > 70  # JSON Lines keep whole values
    _, table, _ = cli("quotes", "--about", "mediators", "--format", "table", db=store_path)
    assert "…" in table and told["content"] not in table
    _, full, _ = cli("quotes", "--about", "mediators", "--format", "table", "--full", db=store_path)
    assert told["content"] in full
    _, narrow, _ = cli("quotes", "--about", "mediators", "--format", "table", "--width", "20", db=store_path)
    assert told["content"][:19] + "…" in narrow
    _, csv_out, _ = cli("timeline", "Vladimir Putin", "--format", "csv", db=store_path)
    assert csv_out.splitlines()[0] == (
        "date,what,type,word,text,addressee,channel,negated,hypothetical,document,document_id,id"
    )


def test_table_cells_are_cut_at_the_width_asked_or_kept_whole():
    rows = [{"speaker": "(a senior Hamas official)", "content": "x" * 100}]
    assert format_table(rows, 10).splitlines()[2] == "(a senior…  xxxxxxxxx…"
    assert format_table(rows, None).splitlines()[2].endswith("x" * 100)


# Case 3 (before: events showed codes only, blank for uncoded parties; `--type FIGHT`
# answered "(no rows)").
def test_events_name_their_parties_and_refuse_an_unknown_type(store_path: Path):
    code, out, _ = cli("events", "--format", "jsonl", db=store_path)
    assert code == 0
    rows = jsonl(out)
    assert list(rows[0])[:6] == ["date", "event_type", "actor", "actor_name", "recipient", "recipient_name"]
    parties = {(row["actor"], row["actor_name"]) for row in rows}
    assert ("RUSGOV", "Moscow") in parties
    # The Kremlin's statement about sanctions is no sanction or threat of its own (issue 19).
    assert not [name for _, name in parties if name == "Kremlin"]
    # An official of a group the dictionaries know acts under its code (PLOVER codes members
    # of a group so: "Hezbollah guerrillas" LBNREB).
    assert ("PSEREBHMS", "A senior Hamas official") in parties
    code, _, err = cli("events", "--type", "FIGHT", db=store_path)
    assert code == 2
    assert "'FIGHT' is not a PLOVER event type; the types are AGREE, CONSULT, SUPPORT" in err
    assert "ASSAULT" in err
    code, out, _ = cli("events", "--type", "threaten", db=store_path)
    assert code == 0 and {row["event_type"] for row in jsonl(out)} == {"THREATEN"}


# Case 4 (before: the Kremlin got 2 in `speakers` for the one statement of the headline and the lede).
def test_a_statement_the_headline_repeats_counts_once(store_path: Path):
    code, out, _ = cli("speakers", db=store_path)
    assert code == 0
    kremlin = next(row for row in jsonl(out) if row["speaker"] == "Russia")
    assert (kremlin["quotes"], kremlin["documents"]) == (1, 1)
    _, out, _ = cli("quotes", "--speaker", "Russia", db=store_path)
    assert sorted((row["headline"], row["cue"]) for row in jsonl(out)) == [(0, "said"), (1, "says")]


def test_headline_is_a_short_first_line_that_is_no_sentence_or_the_title():
    assert headline_end(KREMLIN, None) == len("Kremlin says sanctions will not change its course")
    assert headline_end("  Lavrov: nothing new\n\nLavrov said so.\n", None) == len("  Lavrov: nothing new")
    lede = "Lavrov said on Thursday that Moscow would not accept it.\n\nMore text.\n"
    assert headline_end(lede, None) == 0  # a sentence: the lede of a text with no headline
    assert headline_end(lede, "Lavrov said on Thursday that Moscow would not accept it.") == lede.index("\n")
    assert headline_end("One line only, no body", None) == 0


def test_a_speaker_only_the_headline_names_still_counts(store: Store, extractor: Extractor, tmp_path: Path):
    (tmp_path / "nato.txt").write_text(
        "NATO says allies will meet in Brussels\n\nAllies will meet in Brussels next week to discuss aid.\n"
    )
    ingest(read_articles([str(tmp_path / "nato.txt")], date(2024, 12, 26)), store, extractor)
    counts = {row["speaker"]: row["quotes"] for row in queries.speakers(store.connection)}
    assert counts["NATO"] == 1


# Case 5 (before: no way to fix one speaker short of a global `entities merge`).
def test_set_speaker_fixes_one_attribution_and_the_fix_survives_reimport_and_merges(
    store: Store, tmp_path: Path
):
    connection = store.connection
    (stalled,) = [
        row
        for row in queries.quotes(connection, queries.QuoteFilter(about="stalled"))
        if row["cue"] == "said"
    ]
    code, out, err = cli("attributions", "set-speaker", str(stalled["id"]), "Hamas", db=store.path)
    assert code == 0, err
    assert json.loads(out) | {"entity": None} == {
        "attribution": stalled["id"],
        "was": "(A senior Hamas official)",
        "speaker": "Hamas",
        "entity": None,
    }
    assert [row["speaker"] for row in queries.quotes(connection, queries.QuoteFilter(about="stalled"))] == [
        "Hamas"
    ]
    # Storing the document's attributions again (as import brat does) keeps the fix.
    export.write_brat(connection, tmp_path / "brat")
    export.import_brat(connection, tmp_path / "brat")
    assert [row["speaker"] for row in queries.quotes(connection, queries.QuoteFilter(about="stalled"))] == [
        "Hamas"
    ]
    # A merge moves the fix with its entity; a relink of the attribution does not undo it.
    merge_entities(connection, "Hamas", "Kremlin")
    connection.execute("UPDATE attributions SET entity_id = NULL WHERE content LIKE '%stalled%'")
    assert [row["speaker"] for row in queries.quotes(connection, queries.QuoteFilter(about="stalled"))] == [
        "Kremlin"
    ]
    # Headline marks are kept too when attributions are stored again.
    assert {
        row["headline"] for row in queries.quotes(connection, queries.QuoteFilter(about="its course"))
    } == {
        0,
        1,
    }


def test_set_speaker_new_entity_and_refusals(store: Store):
    connection = store.connection
    (first,) = queries.quotes(connection, queries.QuoteFilter(about="Moscow was ready"))
    fixed = set_speaker(connection, first["id"], "Hamas Political Bureau", new=True, entity_type="ORG")
    assert fixed["speaker"] == "Hamas Political Bureau"
    assert queries.entity_id(connection, "Hamas Political Bureau") == fixed["entity"]
    with pytest.raises(StoreError, match=r"'Kremlin' is already an entity .*drop --new"):
        set_speaker(connection, first["id"], "Kremlin", new=True)
    with pytest.raises(
        StoreError, match=r"no attribution 999999 \(`quotes --format jsonl` shows their ids\)"
    ):
        set_speaker(connection, 999999, "Kremlin")
    with pytest.raises(StoreError, match="no entity named 'Kremln'; near matches: Kremlin"):
        set_speaker(connection, first["id"], "Kremln")


# Case 6 (before: "US" and "U.S." were two entities; "UK" had no code).
def test_dotted_and_plain_acronyms_are_one_entity_and_the_uk_is_coded(store_path: Path):
    code, out, _ = cli("entities", "list", db=store_path)
    assert code == 0
    entities = {row["name"]: row for row in jsonl(out)}
    assert [name for name in entities if name in {"US", "U.S."}] == ["U.S."]
    assert entities["UK"]["code"].startswith("GBR")
    coder = load_coder()
    assert {name: coder.code_name(name, None) for name in ("UK", "U.K.", "Britain", "United Kingdom")} == {
        "UK": "GBR",
        "U.K.": "GBR",
        "Britain": "GBR",
        "United Kingdom": "GBR",
    }
    assert coder.code_name("Great Britain", None) == "GBR"
    assert {coder.code_name(name, None) for name in ("US", "U.S.", "United States", "America", "U.S.A.")} == {
        "USA"
    }
    assert spelling_key("U.S.", {}) == spelling_key("US", {}) == "us"
    assert spelling_key("St.", {}) == "st."


def test_a_store_made_before_the_fixes_upgrades_in_place(tmp_path: Path):
    path = tmp_path / "old.db"
    with sqlite3.connect(path) as old:
        old.executescript(MIGRATIONS[0])
        old.execute("PRAGMA user_version = 1")
    upgraded = connect(path)
    assert upgraded.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    columns = {row["name"] for row in upgraded.execute("PRAGMA table_info(attributions)")}
    assert "in_headline" in columns
    assert upgraded.execute("SELECT COUNT(*) FROM speaker_fixes").fetchone()[0] == 0
    upgraded.close()
