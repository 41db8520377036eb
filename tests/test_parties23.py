"""Event parties (issue 19, branch code23): newspapers by their mastheads, criminals that act,
towns acted on by a group of their own country, regions the dictionaries do not place, and
names the dictionaries file under another code."""

from __future__ import annotations

from datetime import date

import pytest

from reportedly.events.parties import _leaders_government, _masthead
from reportedly.events.places import city_country
from reportedly.resolve.actors import load_coder

from conftest import party_codes


@pytest.mark.parametrize(
    ("name", "masthead"),
    [
        ("Daily News", True),
        ("The Weekly Mail", True),
        ("Sunday Times", True),
        ("News", False),  # a word alone is no masthead
        ("Fox News Channel", False),
        ("Finance Ministry", False),
    ],
)
def test_masthead(name: str, masthead: bool) -> None:
    assert _masthead(name) is masthead


@pytest.mark.parametrize(("act", "paper"), [("closed", "the Daily Gazette"), ("banned", "the Weekly Herald")])
def test_a_paper_closed_by_a_named_government(resolve, act: str, paper: str) -> None:
    events = resolve(f"The Zimbabwean government {act} {paper} last week.", date(2003, 9, 12)).events
    assert events
    assert party_codes(events[0].recipient) == [(paper, "ZWEMED")]


def test_bandits_that_act_are_of_the_place_they_act_in(resolve) -> None:
    events = resolve("Bandits abducted 40 farmers in Zamfara on Sunday.", date(2021, 3, 1)).events
    assert events
    assert party_codes(events[0].actor) == [("Bandits", "NGACRM")]


def test_a_town_a_gang_attacks_is_of_the_gangs_country(resolve) -> None:
    events = resolve(
        "Members of the Gran Grif gang attacked the town of Liancourt in Haiti's Artibonite department.",
        date(2024, 10, 4),
    ).events
    assert events
    assert [party.actor.country if party.actor else None for party in events[0].recipient] == ["HTI"]


@pytest.mark.parametrize(
    ("words", "country"),
    [
        ("displaced families in North Darfur", "SDN"),
        ("villagers in Plateau State", "NGA"),
        ("attacks in Arauca", "COL"),
        ("Rakhine", "MMR"),
        ("the Khyber Pakhtunkhwa government", "PAK"),
    ],
)
def test_regions_the_dictionaries_lack(words: str, country: str) -> None:
    assert city_country(words) == country


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Polisario Front", "ESHREB"),
        ("Sahrawi Arab Democratic Republic", "ESH"),
        ("Western Sahara", "MAR"),  # the territory as the dictionaries file it
        ("Puerto Rico", "PRI"),
        ("Khalifa Haftar", "LBYMIL"),
        ("Human Rights Commission of Pakistan", "NGOHRI"),
    ],
)
def test_names_coded_as_iso_and_the_gold_code_them(name: str, code: str) -> None:
    assert load_coder().code_name(name, None) == code


def test_the_sahrawi_state_is_a_country() -> None:
    actor = load_coder().actor("ESHREB")
    assert actor is not None
    assert (actor.country, actor.sector) == ("ESH", "REB")


@pytest.mark.parametrize(
    ("text", "actor", "country"),
    [
        ("HEBRON, West Bank - Israeli troops detained 12 Palestinians overnight.", "Israeli troops", "ISR"),
        ("GOMA, Congo - Congolese soldiers arrested 30 rebels on Monday.", "Congolese soldiers", "COD"),
    ],
)
def test_a_dateline_with_its_region_is_no_party(resolve, text: str, actor: str, country: str) -> None:
    events = resolve(text, date(2024, 2, 1)).events
    assert events
    assert [(party.text, party.actor.country if party.actor else None) for party in events[0].actor] == [
        (actor, country)
    ]


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("UNRWA", "IGOUNO"),
        ("UNSMIL", "IGOUNO"),
        ("UNIFIL", "IGOUNOMIL"),
        ("MONUSCO", "IGOUNOMIL"),
        ("AMISOM", "IGOAFRAFU"),
        ("Wagner Group", "RUSMIL"),
        ("SPLM-N", "SDNREB"),
    ],
)
def test_missions_agencies_and_groups_the_dictionaries_lack(name: str, code: str) -> None:
    assert load_coder().code_name(name, None) == code


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("HEBRON (WAFA) - Colonists attacked farmers near the village of Susiya.", "ISRCVL"),
        ("HEBRON (WAFA) - The occupation forces arrested four young men.", "ISRMIL"),
        ("HEBRON (WAFA) - Palestinian police arrested four young men.", "PSECOP"),  # no occupier
    ],
)
def test_occupiers_and_settlers_are_of_the_occupying_state(resolve, text: str, code: str) -> None:
    events = resolve(text, date(2024, 2, 1)).events
    assert events
    assert [party.actor.code if party.actor else None for party in events[0].actor] == [code]


def test_a_sahrawi_party_is_of_the_sahrawi_state() -> None:
    assert load_coder().code_description("Sahrawi activists", None) == "ESHOPP"


@pytest.mark.parametrize(
    ("words", "sector"),
    [
        ("four officers", "COP"),
        ("army officers", "MIL"),  # the words name the army
        ("intelligence officers", "SPY"),
        ("Crowds", "CVL"),
    ],
)
def test_officers_and_crowds(words: str, sector: str) -> None:
    assert load_coder().sector_of(words) == sector


def test_officers_killed_are_of_the_place(resolve) -> None:
    events = resolve(
        "A car bomb exploded outside a police station in Diyarbakir, killing three officers.",
        date(2016, 5, 1),
    ).events
    assert events
    assert [party.actor.code if party.actor else None for party in events[0].recipient] == ["TURCOP"]


def test_relief_agencies_are_non_governmental(resolve) -> None:
    events = resolve(
        "The Sudanese government turned down a request by relief agencies to fly food into the south.",
        date(1990, 5, 1),
    ).events
    assert events
    assert [party.actor.code if party.actor else None for party in events[0].recipient] == ["NGO"]


def test_a_region_the_dictionaries_lack_places_the_sentences_parties(resolve) -> None:
    events = resolve(
        "A World Food Programme convoy delivered food to families in Tawila, North Darfur, on Monday.",
        date(2024, 6, 1),
    ).events
    assert events
    assert [party.actor.country if party.actor else None for party in events[0].recipient] == ["SDN"]


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("Myanmar's air force bombed the Sagaing village of Kantbalu on Tuesday.", "MMR"),
        ("Chechen rebels stormed a hospital in the Russian town of Kizlyar.", "RUS"),
    ],
)
def test_a_town_placed_by_its_own_words(resolve, text: str, country: str) -> None:
    events = resolve(text, date(2023, 4, 11)).events
    assert events
    assert [party.actor.country if party.actor else None for party in events[0].recipient] == [country]


@pytest.mark.parametrize(
    ("words", "code"),
    [
        ("the Modi government", "INDGOV"),
        ("the Erdogan administration", "TURGOV"),
        ("the budget committee", None),  # no leader's name
    ],
)
def test_a_government_named_by_its_leader(words: str, code: str | None) -> None:
    assert _leaders_government(words, load_coder(), None) == code
