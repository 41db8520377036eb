"""Event type on unseen news (issue 19, branch ev23): an ultimatum given in a speech, relief
counted in tonnes, a participle clause with no doer, a participle the parser took for the
sentence's verb, and an act ruled out. Passages written for the project."""

from __future__ import annotations

import pytest

from conftest import first_event


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an ultimatum stays one though given in a speech (no speech given as the act)
        (
            "President Ruto gave the mining firm two weeks to leave the disputed concession or face"
            " arrest, in a speech in Nakuru.",
            ("THREATEN", "gave"),
        ),
        # relief counted in tonnes is still relief flown
        (
            "Indonesia flew 20 tonnes of rice and blankets to Dhaka after the cyclone.",
            ("AID", "flew"),
        ),
        # the participle tells of the hostages and names no doer: the appeal is the act
        (
            "The Pakistani government appealed to the militants to free four engineers abducted"
            " from a construction site in Balochistan.",
            ("REQUEST", "appealed"),
        ),
        # a bare participle is no sentence's verb: the verb hung on it as its clause is
        (
            "Kenyan police deployed along the border withdrew from the town of Mandera.",
            ("RETREAT", "withdrew"),
        ),
        # an act ruled out is rejected
        (
            "The Greek government said that lifting the embargo on Turkey was out of the question.",
            ("REJECT", "lifting"),
        ),
    ],
)
def test_event_type_round_five(extract, text, expected):
    assert first_event(extract, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Malian and Nigerien troops launched a joint offensive against jihadists near Menaka.",
            ("COOPERATE", "offensive"),
        ),
        (
            "Jakarta raised its ties with Canberra to a comprehensive strategic partnership.",
            ("SUPPORT", "ties"),
        ),
        ("Nicaragua opened diplomatic relations with Beijing last week.", ("SUPPORT", "relations")),
        ("Rebel forces ended their siege of the port city of Hodeidah.", ("RETREAT", "siege")),
        (
            "The Peruvian government lifted the state of emergency in the southern provinces.",
            ("RETREAT", "lifted"),
        ),
        ("Pyongyang ordered its border troops onto a war footing.", ("MOBILIZE", "ordered")),
        ("The Nigerian president threw his backing behind the governor of Lagos.", ("SUPPORT", "backing")),
        ("The Kenyan president announced the withdrawal of the finance bill.", ("CONCEDE", "withdrawal")),
        (
            "The Indian army said it was ready to resume the ceasefire arrangement with Pakistan.",
            ("AGREE", "ceasefire"),
        ),
    ],
)
def test_ties_joint_acts_and_measures_eased(extract, text, expected):
    assert first_event(extract, text) == expected


def test_participle_with_no_doer_is_no_event(extract):
    # the bishops' appeal is no political act, and the abduction it tells of names no doer:
    # no event, not an abduction by the bishops
    text = (
        "Peru's Catholic bishops urged the villagers to pray for three priests abducted from a bus in Lima."
    )
    assert first_event(extract, text) is None
