"""Event parties (issue 19, branch code17): the rules shared by the actor coder and the event
parties, each written once: a body's common name after another country's adjective, the city
table's key, and the plural of the nouns of people and bodies an act is done to."""

from __future__ import annotations

from datetime import date

import pytest

from reportedly.events.parties import names_party
from reportedly.events.places import city_country, is_place_name
from reportedly.resolve.actors import city_key, load_coder
from reportedly.resolve.dictionaries import english_plural


@pytest.mark.parametrize(
    ("noun", "plural"),
    [
        ("prisoner", "prisoners"),
        ("family", "families"),
        ("attorney", "attorneys"),
        ("fisherman", "fishermen"),
        ("witness", "witnesses"),
        ("oligarch", "oligarchs"),
        ("church", "churches"),
    ],
)
def test_english_plural(noun: str, plural: str) -> None:
    assert english_plural(noun) == plural


@pytest.mark.parametrize(
    ("words", "party"),
    [
        ("37 prisoners", True),
        ("dozens of fishermen", True),
        ("about 550 households", True),
        ("the oligarchs", True),
        ("the government", True),
        ("new restrictions", False),
    ],
)
def test_names_party_singular_or_plural(words: str, party: bool) -> None:
    assert names_party(words) is party


def test_city_key_one_spelling_for_every_lookup() -> None:
    assert city_key("St. Louis") == "St Louis"
    assert is_place_name("St. Louis") and is_place_name("St Louis")
    assert city_country("a newspaper based in St. Louis") == "USA"
    assert city_country("a newspaper based in St Louis") == "USA"


def test_body_of_country_is_one_rule() -> None:
    coder = load_coder()
    day = date(1995, 6, 1)
    code = coder.code_name("Senate", day)
    assert code is not None and code.startswith("USA")
    assert coder.body_of_country("The Jordanian", "Senate", code, day) == "JOR"
    # a qualifier of the body's own country, or a proper name, is none
    assert coder.body_of_country("The American", "Senate", code, day) is None
    assert coder.code_head_name("The Jordanian Senate", day) is None
    assert coder.code_head_name("the Palestinian militant group Hamas", day) == coder.code_name("Hamas", day)
