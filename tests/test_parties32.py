"""Event parties (issue 19, branch pol32): a speaker resolved from a state organ's noun keeps
the words the text gives it, with its country's code."""

from __future__ import annotations

from datetime import date

import pytest

from reportedly.events.political import PartyJudge
from reportedly.model import Entity, Event, EventActor, Span
from reportedly.resolve.actors import ActorCoder

from conftest import first_event_party_codes


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "DAMASCUS - The Syrian regime said it would recognize the breakaway province.",
            ("The Syrian regime", "SYRGOV"),
        ),
        (
            "ADDIS ABABA - The Ethiopian side said it would reject the proposal from Egypt.",
            ("The Ethiopian side", "ETHGOV"),
        ),
        (
            "The Afghan government, a number of political parties and the Taliban on Thursday "
            "condemned the decision to move the embassy.",
            ("The Afghan government", "AFGGOV"),
        ),
        (
            "Taiwan's defence ministry said on Monday that Chinese jets had entered its air zone. The "
            "ministry said it would condemn the incursion.",
            ("The ministry", "TWNGOV"),
        ),
    ],
)
def test_a_state_organ_speaker_keeps_its_words_with_its_countrys_code(resolve, text, expected) -> None:
    actors, _ = first_event_party_codes(resolve, text, date(2024, 1, 1))
    assert actors[:1] == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A salvo's noun before the weapons that act: the weapons' users.
        (
            "A wave of Ukrainian drones set an oil depot near the border ablaze overnight.",
            ("A wave of Ukrainian drones", "UKRMIL"),
        ),
        # UN peacekeepers by their wire name; the African Union's acronym.
        (
            "Bangladeshi blue helmets evacuated some 900 displaced civilians from the camp.",
            ("Bangladeshi blue helmets", "BGDMIL"),
        ),
        ("The AU suspended the country's membership after the coup.", ("The AU", "IGOAFRAFU")),
        # Names the dictionaries lacked or spelt otherwise.
        (
            "The Democratic People's Republic of Korea is ready to resume dialogue with the South.",
            ("The Democratic People's Republic of Korea", "PRK"),
        ),
        (
            "The Armed Forces of the Philippines (AFP) will investigate reports of abuses in Mindanao.",
            ("The Armed Forces of the Philippines", "PHLMIL"),
        ),
    ],
)
def test_parties_no_rule_counted_political_are_coded(resolve, text, expected) -> None:
    actors, _ = first_event_party_codes(resolve, text, date(2024, 1, 1))
    assert actors[:1] == [expected]


def test_a_countrys_name_ner_typed_a_person_is_the_state() -> None:
    coder = ActorCoder()
    text = "Sri Lanka sought a delay. Jordan Henderson sought a delay. Tamil Nadu sought a delay."
    judge = PartyJudge(
        [
            Entity("e1", "Sri Lanka", "PERSON", actor=coder.actor("LKA")),
            Entity("e2", "Jordan Henderson", "PERSON", actor=coder.actor("GBR")),
            Entity("e3", "Tamil Nadu", "PERSON", actor=coder.actor("IND")),
        ],
        coder,
    )

    def event(name: str, entity: str) -> Event:
        start = text.index(name)
        return Event(
            "v1",
            "REQUEST",
            Span.of(text, start + len(name) + 1, start + len(name) + 7),
            Span.of(text, start, start + len(name) + 15),
            actor=[EventActor(name, entity, coder.actor({"e1": "LKA", "e2": "GBR", "e3": "IND"}[entity]))],
        )

    assert judge.has_political_party(event("Sri Lanka", "e1"))
    assert not judge.has_political_party(event("Jordan Henderson", "e2"))
    assert not judge.has_political_party(event("Tamil Nadu", "e3"))
