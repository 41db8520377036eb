"""Event type on unseen news (issue 19, branch ev30): a promise on the condition that another
uses force is a threat, as is what a party says it would do should another attack; a readiness
or willingness said out is a promise whatever its act; people seized who are no suspects are
abducted, a raid that kills is an attack, ships that block a vessel coerce it, the internet cut
is repression; an accord reached is agreed, a party faulted accused. Passages written for the
project."""

from __future__ import annotations

import pytest

from conftest import first_event


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a promise whose condition is another's act of force is a threat
        (
            "Seoul vowed to cut off electricity to Kaesong if Pyongyang attacks the border posts.",
            ("THREATEN", "cut"),
        ),
        (
            "Athens pledged to send warships to the islands if Ankara dragged the region into a war.",
            ("THREATEN", "send"),
        ),
        # a promise on a condition of consent stays a promise
        (
            "Nairobi pledged to send doctors to Juba if the South Sudanese government gives its consent.",
            ("AGREE", "send"),
        ),
        # what a party says it would do, no trigger naming it, should another attack: a threat
        (
            "Hanoi said it would shut the port of Haiphong to Chinese ships"
            " if Beijing attacked its fishing boats.",
            ("THREATEN", "shut"),
        ),
        # not where the main clause's subject is no party
        (
            "Analysts said oil prices would rise if Israel attacked Iran's nuclear sites.",
            ("ASSAULT", "attacked"),
        ),
        # a readiness or willingness said out is a promise of the act it is to do
        (
            "The Moldovan side expressed its readiness to open a new border crossing with Romania.",
            ("AGREE", "readiness"),
        ),
        (
            "Nepal conveyed its willingness to continue the boundary dialogue with New Delhi.",
            ("AGREE", "willingness"),
        ),
        # one to do an act of force is a threat of it
        (
            "Armenia expressed its readiness to retaliate against any attack on its territory.",
            ("THREATEN", "retaliate"),
        ),
        # people who are no suspects seized are abducted
        (
            "Gunmen on motorbikes seized 40 passengers from a bus near Katsina, Nigeria.",
            ("ASSAULT", "seized"),
        ),
        # a raid that kills is an attack; one that detains stays coercion
        (
            "Indian troops raided a village in Manipur, killing four Kuki militants.",
            ("ASSAULT", "raided"),
        ),
        (
            "Turkish police raided the offices of the HDP in Ankara and detained 12 officials.",
            ("COERCE", "raided"),
        ),
        # a coast guard that blocks a vessel coerces it
        (
            "The Chinese coast guard blocked a Vietnamese fishing boat near the Paracel Islands.",
            ("COERCE", "blocked"),
        ),
        # the internet cut in a region is repression, not a sanction
        (
            "Myanmar's junta cut the internet service in the whole of Rakhine state.",
            ("COERCE", "cut"),
        ),
        (
            "Pakistan's army reached a resolution with Afghan Taliban officials on the border crossings.",
            ("AGREE", "resolution"),
        ),
        (
            "Amnesty International faulted the Kenyan police for the deaths of protesters in Nairobi.",
            ("ACCUSE", "faulted"),
        ),
        # a shutdown staged by protesters is a general strike
        (
            "Opposition supporters in Guinea staged a two-day shutdown of Conakry after the disputed vote.",
            ("PROTEST", "shutdown"),
        ),
        # a party invited to permit or ensure something is asked to
        (
            "The Arab League invites the Sudanese army to permit humanitarian access to Darfur.",
            ("REQUEST", "invites"),
        ),
        # the reaction an act draws is told after it: the act comes first
        (
            "Lebanese authorities detained the Syrian activists in Beirut,"
            " drawing condemnation from Amnesty International.",
            ("COERCE", "detained"),
        ),
    ],
)
def test_event_type_round_twelve(extract, text, expected):
    assert first_event(extract, text) == expected
