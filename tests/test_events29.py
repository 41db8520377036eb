"""Event type on unseen news (issue 19, branch ev29): an act promised or held possible "if"
its target does not comply is a threat, as one "unless" it complies is; the wounded, the sick
or victims treated are given medical aid. Passages written for the project."""

from __future__ import annotations

import pytest

from conftest import first_event


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "if ... not" says what "unless" says: the act is threatened, promised or held possible
        (
            "Turkish troops may strike Kurdish militias in Syria if they do not withdraw.",
            ("THREATEN", "strike"),
        ),
        (
            "Russia may invade Moldova if NATO does not halt its expansion.",
            ("THREATEN", "invade"),
        ),
        (
            "Pyongyang said it will attack the ships if Seoul does not stop the drills.",
            ("THREATEN", "attack"),
        ),
        (
            "Moscow said it could cut gas supplies to Kyiv unless the debt is paid.",
            ("THREATEN", "cut"),
        ),
        # a promise on a condition that is not a demand stays a promise
        (
            "Tokyo said it will send aid to Manila if the typhoon hits the islands.",
            ("AGREE", "send"),
        ),
        # an act held possible with no condition keeps its own type
        (
            "Turkish troops may strike Kurdish militias in Syria on Monday.",
            ("ASSAULT", "strike"),
        ),
        # the wounded treated are given aid, not attacked; anything else treated is no event
        (
            "Red Crescent medics treated 40 injured protesters in Tehran.",
            ("AID", "treated"),
        ),
        (
            "Doctors Without Borders treated more than 900 wounded in the hospitals of Juba.",
            ("AID", "treated"),
        ),
        ("Beijing treats Taiwan as a renegade province.", None),
    ],
)
def test_event_type_round_eleven(extract, text, expected):
    assert first_event(extract, text) == expected
