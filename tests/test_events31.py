"""Event type on unseen news (issue 19, branch ev31): a stance denied in the present is a
rejection; an act noun that qualifies armed men's or their weapons' noun says who acts, not
what they did; the name a participle gives the act comes after the act; an
armed group's member or leader handed over or delivered to a state is extradited; an
ambassador ordered to leave is expelled. Passages written for the project."""

from __future__ import annotations

import pytest

from conftest import first_event


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a stance denied in the present is a refusal held now
        (
            "The Moldovan side does not accept the decision of the Transnistrian authorities"
            " on the checkpoints.",
            ("REJECT", "accept"),
        ),
        ("Japan does not recognise the annexation of the islands.", ("REJECT", "recognise")),
        # a past act that did not happen stays the act, denied
        ("Turkey did not accept the invitation to the summit in Baku.", ("AGREE", "accept")),
        # an act noun before a party's noun or its weapons' says who acts
        (
            "The Israeli occupation drones targeted a car near the town of Bint Jbeil.",
            ("ASSAULT", "targeted"),
        ),
        # the name a participle gives the act is another's word for it, not an act
        (
            "The Chinese navy encircled the island with warships in live-fire drills,"
            " calling them a stern warning to separatists.",
            ("MOBILIZE", "drills"),
        ),
        # a member or a leader of an armed group handed over or delivered to a state is extradited
        (
            "Ankara delivered to Baghdad a senior member of the Islamic State group.",
            ("COOPERATE", "delivered"),
        ),
        (
            "Kenya handed the rebel commander to Uganda.",
            ("COOPERATE", "handed"),
        ),
        # relief delivered stays aid, whoever receives it
        (
            "Jordan delivered 20 tonnes of food to the Gaza Strip's displaced families.",
            ("AID", "delivered"),
        ),
        # an ambassador ordered to leave is expelled
        (
            "Bamako ordered the French ambassador to leave Mali within 72 hours.",
            ("SANCTION", "ordered"),
        ),
    ],
)
def test_event_type_round_thirteen(extract, text, expected):
    assert first_event(extract, text) == expected
