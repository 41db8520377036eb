"""Actors and recipients of events (issue 19, second round on the PLOVER tune half and
ConfliBERT's tune part): words that only qualify a noun are no trigger ("the final
rebel-held city"); passages written for the project."""

from __future__ import annotations

import pytest

from reportedly.model import Event


def parties(event: Event) -> tuple[str, str, list[tuple[str, str | None]], list[tuple[str, str | None]]]:
    def named(group):
        return [(party.text, party.actor.code if party.actor else None) for party in group]

    return event.event_type, event.trigger.text, named(event.actor), named(event.recipient)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "final" tells a game only as a noun ("the cup final"), and "held" of "rebel-held"
        # qualifies the city: the attack is the act
        (
            "Government forces attacked the final rebel-held city near Damascus on Sunday.",
            (
                "ASSAULT",
                "attacked",
                [("Government forces", "SYRMIL")],
                [("the final rebel-held city near Damascus", "SYR")],
            ),
        ),
        (
            "Saudi-led forces attacked Houthi positions in Hodeidah.",
            (
                "ASSAULT",
                "attacked",
                [("Saudi-led forces", "SAUMIL")],
                [("Houthi positions in Hodeidah", "YEMREB")],
            ),
        ),
    ],
)
def test_words_that_qualify_a_noun_are_no_trigger(extract, text, expected):
    (event,) = extract(text).events
    assert parties(event) == expected


def test_a_cup_final_is_still_a_game(extract):
    assert extract("Celtic attacked Rangers throughout the cup final in Glasgow.").events == []
