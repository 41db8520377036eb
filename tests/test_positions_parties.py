"""Whom a demand is of (issue 21): the words the stance rules find resolved to a party (name,
entity, actor code) by ``positions/parties.py``, stored, printed and filtered by
``reportedly positions``, and scored by ``eval positions``."""

from __future__ import annotations

import json
import sqlite3
from datetime import date
from pathlib import Path

import pytest

from reportedly.eval.positions import _same_party
from reportedly.model import Actor, Document, Entity, Extraction, Party, Span, Stance
from reportedly.positions.parties import name_demanded, party_of_words
from reportedly.resolve.actors import load_coder

from conftest import run_cli

LAVROV = "Lavrov said Washington must act first to end the war and agree a ceasefire."


def _demand(text: str, words: str, entities: list[Entity]) -> Stance:
    """The one demand of ``text`` of ``words``, its party named among ``entities``."""
    start = text.index(words)
    stance = Stance(
        "a1",
        "ceasefire",
        "demands",
        [Span.of(text, 0, len(text))],
        None,
        Span.of(text, start, start + len(words)),
    )
    extraction = Extraction(Document("passage", text, date(2025, 3, 12)), entities=entities)
    (named,) = name_demanded([stance], extraction, load_coder())
    return named


def test_a_metonym_of_a_mentioned_entity_is_named_by_its_country(extract):
    (stance,) = extract(LAVROV).stances
    washington = next(e for e in extract(LAVROV).entities if e.name == "Washington")
    assert (stance.stance, stance.demanded_of.text) == ("demands", "Washington")
    assert stance.demanded_party == Party("United States", washington.id, Actor("USA", "USA", None))
    # the record carries the party as an event's party is written, and reads it back
    record = stance.to_dict()
    assert record["demanded_party"] == {
        "name": "United States",
        "entity": washington.id,
        "code": "USA",
        "country": "USA",
        "sector": None,
    }
    assert Stance.from_dict(record) == stance
    assert Stance.from_dict(record | {"demanded_party": None}).demanded_party is None
    del record["demanded_party"]  # a record stored before parties were resolved
    assert Stance.from_dict(record).demanded_party is None


@pytest.mark.parametrize(
    ("words", "name", "code"),
    [
        ("the Kremlin", "Russia", "RUS"),
        ("Kyiv", "Ukraine", "UKR"),
        ("Brussels", "European Commission", "IGOEUREEC"),
        ("Beijing", "China", "CHN"),
        # a description the coder codes to an organ of a country keeps its words
        ("the US administration", "US administration", "USAGOV"),
        # a people, or a side, is its country
        ("the Americans", "United States", "USA"),
        ("the American side", "United States", "USA"),
        ("Israelis", "Israel", "ISR"),
        # a name the coder knows, without the words around it
        ("Hamas never", "Hamas", "PSEREBHMS"),
    ],
)
def test_words_without_an_entity_name_a_party(words: str, name: str, code: str):
    party = party_of_words(words, load_coder(), None)
    assert party is not None and (party.name, party.actor.code if party.actor else None) == (name, code)


@pytest.mark.parametrize(
    "words", ["rich countries", "all parties", "both sides", "the international community"]
)
def test_words_that_name_no_one_keep_their_span_alone(words: str):
    assert party_of_words(words, load_coder(), None) is None


def test_the_entity_heading_the_words_is_the_party_and_a_possessive_is_not():
    text = "Zelensky urged President Trump to act and asked Ukraine's partners to send air defence."
    trump = Entity(
        "e2", "Donald Trump", "PERSON", [Span.of(text, 25, 30)], actor=Actor("USAGOV", "USA", "GOV")
    )
    ukraine = Entity("e3", "Ukraine", "GPE", [Span.of(text, 48, 55)], actor=Actor("UKR", "UKR", None))
    assert _demand(text, "President Trump", [trump, ukraine]).demanded_party == Party(
        "Donald Trump", "e2", Actor("USAGOV", "USA", "GOV")
    )
    assert _demand(text, "Ukraine's partners", [trump, ukraine]).demanded_party is None


def test_a_country_entity_is_named_as_the_table_names_it_and_a_group_is_no_one_party():
    text = "He said the Russian Federation must withdraw, and that Rwanda and the M23 must leave."
    russia = Entity(
        "e1", "Russian Federation", "GPE", [Span.of(text, 12, 30)], actor=Actor("RUS", "RUS", None)
    )
    m23 = Entity("e2", "M23", "ORG", [Span.of(text, 70, 73)])
    assert _demand(text, "the Russian Federation", [russia, m23]).demanded_party == Party(
        "Russia", "e1", Actor("RUS", "RUS", None)
    )
    assert _demand(text, "Rwanda and the M23", [russia, m23]).demanded_party is None


def test_the_scorer_takes_a_name_or_the_same_actor_by_the_same_coder():
    coder = load_coder()
    text = "Officials said the US administration should lift the sanctions."
    stance = _demand(text, "the US administration", [])
    # the names differ; the codes are a country and its government
    assert _same_party("the United States", stance, coder)
    assert _same_party("the US administration", stance, coder)
    assert not _same_party("Russia", stance, coder)
    # with no party, the span's words are compared
    unnamed = _demand("They urged rich countries to pay.", "rich countries", [])
    assert unnamed.demanded_party is None and _same_party("rich countries", unnamed, coder)


@pytest.mark.slow
def test_the_store_keeps_the_party_and_positions_print_and_filter_it(cli, tmp_path: Path):
    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps({"id": "lavrov", "published": "2025-03-12", "text": LAVROV}) + "\n")
    db = tmp_path / "corpus.db"
    assert cli("ingest", feed, "--db", db).exit_code == 0

    def rows(*args: str) -> list[dict]:
        result = run_cli("positions", "--db", db, "--format", "jsonl", *args)
        assert result.exit_code == 0, result.stderr
        return [json.loads(line) for line in result.stdout.splitlines()]

    (row,) = rows()
    demanded = row["demanded_of"]
    assert {key: demanded[key] for key in ("text", "name", "code", "country")} == {
        "text": "Washington",
        "name": "United States",
        "code": "USA",
        "country": "USA",
    }
    with sqlite3.connect(db) as connection:
        (washington,) = connection.execute("SELECT id FROM entities WHERE name = 'Washington'").fetchone()
    assert demanded["entity"] == washington
    # filtered by the party's name, its code or country, the words; not another party
    for party in ("United States", "USA", "washington"):
        assert len(rows("--demanded-of", party)) == 1, party
    assert rows("--demanded-of", "Russia") == []
    # a table's or CSV's columns: the words, the name and the code
    csv = run_cli("positions", "--db", db, "--format", "csv")
    header, line = csv.stdout.splitlines()[:2]
    assert "demanded_of,demanded_of_name,demanded_of_code" in header
    assert "Washington,United States,USA" in line
    # a rebuild names the party again
    rebuilt = run_cli("positions", "--db", db, "--rebuild")
    assert rebuilt.exit_code == 0, rebuilt.stderr
    assert [row["demanded_of"] for row in rows()] == [demanded]
    # a merge by hand (a wrong one here, to see it followed) moves the party's entity, as a speaker's
    assert run_cli("entities", "merge", "Washington", "Lavrov", "--db", db).exit_code == 0
    with sqlite3.connect(db) as connection:
        (lavrov,) = connection.execute("SELECT id FROM entities WHERE name LIKE '%Lavrov'").fetchone()
    assert [row["demanded_of"]["entity"] for row in rows()] == [lavrov]
