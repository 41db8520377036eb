"""Event type on unseen news (issue 19, branch ev25): measures given up, closures ordered,
information given, rulings against a law, the main clause's act before a background one, and
the innermost of reports one inside another. Passages written for the project."""

from __future__ import annotations

import pytest

from conftest import event_parties, first_event


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a measure of one's own given up is a concession; the protests are its background
        (
            "Peru's president scrapped the fuel tax rise two days after truckers blocked the highways.",
            ("CONCEDE", "scrapped"),
        ),
        (
            "The governor of Jakarta revoked the eviction decree after weeks of protests by residents.",
            ("CONCEDE", "revoked"),
        ),
        # an agreement cancelled is cooperation ended
        (
            "Bolivia's government said it was cancelling the 2008 cooperation agreement with the"
            " United States.",
            ("SANCTION", "cancelling"),
        ),
        # a closure ordered by a court is coercion, not a request
        (
            "A court in Ankara ordered the closure of the opposition newspaper Zaman.",
            ("COERCE", "closure"),
        ),
        # information given to another state's police is cooperation, not aid
        (
            "Algeria's intelligence service gave French police information about a planned bomb"
            " attack in Lyon.",
            ("COOPERATE", "gave"),
        ),
        # money blocked is a sanction, not a protest
        (
            "The European Union blocked the Venezuelan central bank's assets in Europe.",
            ("SANCTION", "blocked"),
        ),
        # a ruling that a treaty is unconstitutional rejects it
        (
            "Colombia's Constitutional Court ruled that the defence pact with Washington was"
            " unconstitutional.",
            ("REJECT", "ruled"),
        ),
    ],
)
def test_event_type_round_seven(extract, text, expected):
    assert first_event(extract, text) == expected


def test_main_clause_act_before_a_condition(extract):
    # the refusal is the sentence's act; the condition's act only its background
    text = (
        "President Lula said Brasilia would not approve the trade pact as long as Paris blocked"
        " imports of Brazilian beef."
    )
    assert first_event(extract, text) == ("REJECT", "approve")


def test_act_told_by_the_innermost_report(extract):
    # "it" is the group that says so, not the statement that reports the saying
    text = (
        "Hezbollah said it was ready to release the two soldiers in exchange for prisoners,"
        " according to a statement from the group's media office."
    )
    event_type, actors, _ = event_parties(extract(text).events[0])
    assert event_type == "AGREE"
    assert [words for words, _ in actors] == ["Hezbollah"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # people deported to a state named are handed over to it; deported alone, expelled
        ("Malaysia deported 11 Uyghur men to China last week.", ("COOPERATE", "deported")),
        ("Malaysia deported 300 migrant workers last week.", ("COERCE", "deported")),
        # pirates who seize a ship attack it, though no dictionary codes them
        ("Somali pirates seized a Liberian-flagged tanker off the coast of Oman.", ("ASSAULT", "seized")),
        # a call-up ordered is a mobilisation
        ("Georgia ordered a general call-up of reservists on Sunday.", ("MOBILIZE", "up")),
        # units ordered into a readiness posture are mobilised
        ("The army ordered its border units into a combat readiness posture.", ("MOBILIZE", "ordered")),
        # a leader captured jointly by two states' services is cooperation
        (
            "Kenyan and Ugandan police jointly captured the rebel commander in a raid near Busia.",
            ("COOPERATE", "captured"),
        ),
        # a cessation of hostilities signed is agreed
        (
            "The government and the rebels signed a cessation of hostilities in Nairobi.",
            ("AGREE", "signed"),
        ),
    ],
)
def test_event_type_round_seven_second_pass(extract, text, expected):
    assert first_event(extract, text) == expected
