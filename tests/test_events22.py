"""Event type on unseen news (issue 19, branch ev22): an act a party is ready or willing to do
is as near the root as the act itself, and a condition opened by "provided" ranks after the
sentence's own act. Passages written for the project."""

from __future__ import annotations

import pytest

from conftest import first_event


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # readiness is no step away from the act: not the refusal a trailing participle reverses
        (
            "Nigeria's foreign minister said Abuja was willing to open negotiations with the rebels,"
            " ending months of official refusal.",
            ("AGREE", "negotiations"),
        ),
        # a condition opened by "provided" is not the act ("dropped its threats")
        (
            "The Bolivian minister said La Paz was ready to resume talks with Santiago,"
            " provided Chile dropped its threats of legal action.",
            ("AGREE", "talks"),
        ),
        # an infinitive after a verb's object is its purpose: the strike is the act
        (
            "Nurses in Lagos began a hunger strike to press the Lagos State government for better pay.",
            ("PROTEST", "strike"),
        ),
    ],
)
def test_readiness_and_conditions(extract, text, expected):
    assert first_event(extract, text) == expected
