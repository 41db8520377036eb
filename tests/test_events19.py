"""Event type on unseen wording (issue 19, branch ev19): idioms of refusal, blame and
agreement ("said no to", "held X responsible", "reached an understanding"), force used or
threatened, a light verb that delivers its object's act, elections cancelled, supplies flown
in. Passages written for the project."""

from __future__ import annotations

import pytest

from conftest import first_event


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "said no to": a refusal (the verb of saying is the trigger)
        ("The Bolivian president said no to a new loan from the IMF.", ("REJECT", "said")),
        ("Voters in Malta said no to the government's reform plan.", ("REJECT", "said")),
        # "held X responsible": blame (112), not the act it is blamed for
        ("Kyiv held Moscow responsible for the shelling of the dam.", ("ACCUSE", "held")),
        # "reached an understanding": an agreement, not the act it rules out
        (
            "Peru and Ecuador reached an understanding not to deploy troops on the border.",
            ("AGREE", "understanding"),
        ),
        # force used is an assault; promised, a threat
        (
            "Ankara said it would use force against the militias if they crossed the river.",
            ("THREATEN", "force"),
        ),
        # "delivered" carries its object's act (a demand, an ultimatum)
        ("The opposition delivered a demand for early elections to the president.", ("REQUEST", "demand")),
        # elections cancelled restrict political rights; a flight cancelled is no such act
        ("The junta cancelled the second round of elections in Niger.", ("COERCE", "cancelled")),
        # supplies flown in are aid
        ("The UN flew food and medicine into the besieged town of Marib.", ("AID", "flew")),
    ],
)
def test_idioms_and_senses(extract, text, expected):
    assert first_event(extract, text) == expected


def test_a_said_no_names_no_act_elsewhere(extract):
    """ "no" as a determiner after "said" is no refusal ("said no decision had been taken")."""
    assert first_event(extract, "The French minister said no changes would be made to the cabinet.") is None
