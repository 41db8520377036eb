"""Event parties (issue 19, branch code25): journalists placed as a group, a news outlet its
noun names, a state's "side", "the West" as a party, peoples of several states."""

from __future__ import annotations

from datetime import date

import pytest

from reportedly.events.parties import _names_stateless_people, _the_west
from reportedly.events.places import city_country
from reportedly.resolve.actors import load_coder

from conftest import party_codes


def test_journalists_acted_on_are_of_where_they_work(resolve) -> None:
    events = resolve(
        "Police in Caracas detained two journalists covering the march.", date(2019, 5, 2)
    ).events
    assert events
    assert party_codes(events[0].recipient) == [("two journalists", "VENMED")]


def test_an_outlet_its_noun_names_is_media_of_the_sentences_country(resolve) -> None:
    events = resolve(
        "Authorities in Minsk shut down the independent news site Tut.by and detained its editors.",
        date(2021, 5, 18),
    ).events
    assert events
    assert party_codes(events[0].recipient) == [("Tut.by", "BLRMED")]


@pytest.mark.parametrize(
    ("text", "actor", "recipient"),
    [
        (
            "The Chinese side demands that the Japanese side stop all provocative actions.",
            ("The Chinese side", "CHNGOV"),
            ("the Japanese side", "JPNGOV"),
        ),
        (
            "MOSCOW (TASS) - The Russian side handed over 84 prisoners of war to Kyiv.",
            ("The Russian side", "RUSGOV"),
            ("Kyiv", "UKRGOV"),
        ),
    ],
)
def test_a_states_side_is_its_government(resolve, text: str, actor, recipient) -> None:
    events = resolve(text, date(2024, 5, 2)).events
    assert events
    assert party_codes(events[0].actor) == [actor]
    assert party_codes(events[0].recipient) == [recipient]


def test_the_west_as_a_party(resolve) -> None:
    events = resolve(
        "Russian President Vladimir Putin warned the West against sending missiles.", date(2024, 6, 5)
    ).events
    assert events
    assert party_codes(events[0].recipient) == [("the West", "USA")]


@pytest.mark.parametrize(
    ("words", "code"),
    [
        ("the West", "USA"),
        ("The West", "USA"),
        ("West", None),
        ("West Africa", None),
        ("the Western allies", "USA"),
        ("Western capitals", "USA"),
        ("Western Sahara", None),
    ],
)
def test_the_west(words: str, code: str | None) -> None:
    assert _the_west(words) == code


@pytest.mark.parametrize(
    ("words", "names"),
    [
        ("Thousands of Kurds", True),
        ("Baloch tribal leaders", True),
        ("Turkish Kurds", True),
        ("Kurdistan", False),
    ],
)
def test_peoples_of_several_states(words: str, names: bool) -> None:
    assert _names_stateless_people(words) is names


def test_a_people_of_several_states_is_of_where_it_is(resolve) -> None:
    events = resolve(
        "ISTANBUL - Turkish police fired tear gas to scatter Kurds celebrating Newroz in the city.",
        date(2016, 3, 20),
    ).events
    assert events
    assert [party.actor.country if party.actor else None for party in events[0].recipient] == ["TUR"]


@pytest.mark.parametrize(
    ("words", "country"),
    [
        ("Police in Nukus", "UZB"),
        ("Students in Novi Sad", "SRB"),
        ("residents of Khorog", "TJK"),
        ("Dori", None),
    ],
)
def test_cities_of_regions_the_dictionaries_lack(words: str, country: str | None) -> None:
    assert city_country(words) == country


def test_a_city_gives_its_country(resolve) -> None:
    events = resolve("Police in Nukus arrested an opposition blogger on Friday.", date(2022, 7, 1)).events
    assert events
    assert [party.actor.country if party.actor else None for party in events[0].actor] == ["UZB"]


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("KPA", "PRKMIL"),
        ("Sovereignty Council", "SDNGOV"),
        ("Fano militia", "ETHREB"),
        ("the Hague tribunal", "IGOJUD"),
        ("Yugoslav war crimes court", "IGOJUD"),
    ],
)
def test_bodies_the_dictionaries_lacked(name: str, code: str) -> None:
    assert load_coder().code_name(name, date(2023, 5, 1)) == code


def test_a_rebel_group_placed_by_its_name_leaves_the_next_party_codable(resolve) -> None:
    """The country a stateless group's name gives was kept under the name of the document's
    named mentions, so the next party to be looked into met a string and the run crashed."""
    events = resolve(
        "Indonesian negotiators and Free Aceh Movement rebels initialled a peace deal in "
        "Helsinki on Sunday, paving the way for an end to the conflict.",
        date(2005, 7, 17),
    ).events
    assert events
    assert events[0].event_type == "AGREE"
    assert party_codes(events[0].actor) == [
        ("Indonesian negotiators", "IDN"),
        ("Free Aceh Movement rebels", "IDNREB"),
    ]
