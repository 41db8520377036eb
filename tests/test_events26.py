"""Event type on unseen news (issue 19, branch ev26): a lead's verb the parser hung on its
object as a modifier, fires set, solidarity, people surrendered to a court, orders a court
quashes. Passages written for the project."""

from __future__ import annotations

import pytest

from conftest import first_event


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a lead whose subject is one name: the verb, not a modifier of its object
        (
            "Belarus massed troops and tanks along its border with Lithuania, officials in Vilnius said.",
            ("MOBILIZE", "massed"),
        ),
        (
            "Kenya extradited Somali militant leader Abdi Warsame to Ethiopia, where he faces charges.",
            ("COOPERATE", "extradited"),
        ),
        # a building set ablaze is attacked; a fire set by protesters is their protest
        (
            "Ethiopian troops set the town hall of Bure ablaze on Tuesday.",
            ("ASSAULT", "set"),
        ),
        (
            "Protesters set fire to the ruling party's offices in Dhaka.",
            ("PROTEST", "fire"),
        ),
        # a resolution of solidarity is support
        (
            "Turkey's parliament passed a resolution of solidarity with the people of Gaza.",
            ("SUPPORT", "solidarity"),
        ),
        # someone surrendered to a court is handed over, no retreat
        (
            "Serbia surrendered former army commander Milan Lukic to the tribunal in The Hague.",
            ("COOPERATE", "surrendered"),
        ),
        # an order a court quashes is rejected, not cancelled by who gave it
        (
            "Pakistan's Supreme Court quashed a government order to ban the opposition party.",
            ("REJECT", "quashed"),
        ),
    ],
)
def test_event_type_round_eight(extract, text, expected):
    assert first_event(extract, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # a participle before its noun stays what the noun is
        "The visiting delegation toured the occupied territories.",
        # a deadline set is no fire
        "The league set a deadline of Friday for the club's appeal.",
    ],
)
def test_no_new_event(extract, text):
    assert first_event(extract, text) is None
