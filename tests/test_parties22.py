"""Event parties (issue 19, branch code22): the state agents of a region of several states
("West African leaders", "European creditors") act as a bloc, intergovernmental (IGO), while a
region's people and one state's adjective do not."""

from __future__ import annotations

from datetime import date

import pytest

from reportedly.events.parties import _regional_bloc


@pytest.mark.parametrize(
    ("words", "code"),
    [
        ("West African leaders", "IGO"),
        ("the East African mediators", "IGO"),
        ("European creditors", "IGO"),
        ("Latin American governments", "IGO"),
        ("European tourists", None),  # a region's people are no bloc
        ("South African leaders", None),  # one state's adjective
        ("Central African leaders", None),  # the Central African Republic's
        ("Western leaders", None),
        ("Gulf Coast states", None),  # one country's region
    ],
)
def test_regional_bloc(words: str, code: str | None) -> None:
    assert _regional_bloc(words) == code


def test_a_blocs_leaders_as_recipient(resolve) -> None:
    events = resolve(
        "The junta in Bamako rejected a demand from West African leaders to hold elections in March.",
        date(2022, 1, 10),
    ).events
    assert events
    recipients = [(party.text, party.actor.code if party.actor else None) for party in events[0].recipient]
    assert recipients == [("West African leaders", "IGO")]


def test_drones_stand_for_their_states_armed_forces(resolve) -> None:
    events = resolve("Ukrainian drones struck an oil depot in the Bryansk region.", date(2024, 5, 2)).events
    assert events
    assert [party.actor.code if party.actor else None for party in events[0].actor] == ["UKRMIL"]
