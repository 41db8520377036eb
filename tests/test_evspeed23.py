"""The event stages made cheaper (issue 19, branch evspeed23): the functions rewritten to
read less give the same events. Passages written for the project."""

from __future__ import annotations

import pytest


def _events(extract, text: str) -> list[tuple[str, str, list[str], list[str]]]:
    return [
        (
            event.event_type,
            event.trigger.text,
            [p.text for p in event.actor],
            [p.text for p in event.recipient],
        )
        for event in extract(text).events
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The dateline the parse took for the subject is passed over, read in the document's
        # text: with an agency, without one, in a sentence shorter than a dateline may be.
        (
            "MANILA (AFP) - The Philippines dismissed a protest by China over the reef.",
            [("REJECT", "dismissed", ["The Philippines"], ["China"])],
        ),
        (
            "QUITO - Ecuador's army arrested six smugglers near the Colombian border.",
            [("COERCE", "arrested", ["Ecuador's army"], ["six smugglers", "the Colombian border"])],
        ),
        # A dateline in a later sentence's opening words is no dateline of that sentence.
        (
            "The talks ended on Friday. Kenya expelled two Ugandan diplomats on Saturday.",
            [("SANCTION", "expelled", ["Kenya"], ["two Ugandan diplomats"])],
        ),
    ],
)
def test_subject_after_a_dateline(extract, text, expected):
    assert _events(extract, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The promised verb the dictionary codes as an attack, read with its sentence's words.
        (
            "The rebel commander vowed to hit the army's bases near the capital.",
            [("THREATEN", "hit", ["The rebel commander"], ["the army"])],
        ),
        (
            "Chad's president pledged in a speech to target the militants' camps in Niger.",
            [("THREATEN", "target", ["Chad's president"], ["Niger"])],
        ),
    ],
)
def test_promised_attack(extract, text, expected):
    assert _events(extract, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Verbs no trigger names are read in a sentence with "force" or "jointly" only, as
        # every other word that may code.
        (
            "Armed men took the town of Kidal by force on Sunday.",
            [("ASSAULT", "took", ["Armed men"], ["Kidal"])],
        ),
        (
            "Police from Spain and Morocco jointly ran the checkpoint in Ceuta.",
            [("COOPERATE", "ran", ["Police from Spain", "Police from Morocco"], ["Ceuta"])],
        ),
        (
            "Hungary and Austria jointly dismantled a network of smugglers, police said.",
            [("COOPERATE", "dismantled", ["Hungary", "Austria"], ["smugglers"])],
        ),
    ],
)
def test_acts_no_trigger_names(extract, text, expected):
    assert _events(extract, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The first noun after the trigger that names someone, however deep ("to protest
        # against Turkey's decision"); none inside a phrase that names no party.
        (
            "Kurdish prisoners staged a hunger strike to protest against Turkey's decision.",
            [("PROTEST", "strike", ["Kurdish prisoners"], ["Turkey"])],
        ),
        (
            "Farmers staged a protest, according to the Indian news agency PTI.",
            [("PROTEST", "protest", ["Farmers"], [])],
        ),
    ],
)
def test_recipient_named_after_the_trigger(extract, text, expected):
    assert _events(extract, text) == expected
