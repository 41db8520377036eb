"""Event parties and their countries (issue 19, branch code19), on passages written for the
project: a capitalised common word NER took for a name ("Riot police"), the sides of talks
"between" joined adjectives, a people's adjective before a place after "from", the owner a
decision's adjective names, whom a person is handed over to, and a place after "at" where the
act has an object."""

from __future__ import annotations

import pytest

from reportedly.resolve.actors import load_coder

from conftest import only_first_event, party_codes


def test_riot_police_are_of_the_place_not_a_namesake(resolve) -> None:
    event = only_first_event(resolve, "Riot police fired tear gas at students in Lima on Monday.")
    assert party_codes(event.actor) == [("Riot police", "PERCOP")]


def test_talks_between_joined_adjectives_give_each_side(resolve) -> None:
    text = "Sweden hosted secret talks between Greek and Turkish diplomats near Stockholm."
    event = only_first_event(resolve, text)
    sides = party_codes([*event.actor, *event.recipient])
    assert ("Greek diplomats", "GRCGOV") in sides and ("Turkish diplomats", "TURGOV") in sides


def test_peoples_adjective_before_a_place_after_from(resolve) -> None:
    event = only_first_event(resolve, "Egypt expelled the Libyan ambassador from Cairo on Friday.")
    assert event.recipient and event.recipient[0].actor is not None
    assert event.recipient[0].actor.country == "LBY"


@pytest.mark.parametrize(
    ("text", "recipient", "country"),
    [
        # a decision's owner by the adjective that qualifies it
        ("The rebels accepted a Norwegian proposal for new talks on the island.", "Norwegian", "NOR"),
        # whom a suspect is handed over to, not the suspect
        ("Portugal extradited a bank fraud suspect to Brazil on Monday.", "Brazil", "BRA"),
    ],
)
def test_recipient_and_its_country(resolve, text: str, recipient: str, country: str) -> None:
    event = only_first_event(resolve, text)
    assert event.recipient and event.recipient[0].text == recipient
    assert event.recipient[0].actor is not None and event.recipient[0].actor.country == country


def test_people_killed_at_a_place_are_the_recipient(resolve) -> None:
    event = only_first_event(resolve, "Gunmen killed four nurses at the Red Cross hospital in Kandahar.")
    assert event.recipient and event.recipient[0].text == "four nurses"


def test_whom_a_verb_puts_under_arrest(resolve) -> None:
    event = only_first_event(resolve, "The army placed Nelson Mandela under house arrest in Pretoria.")
    assert event.recipient and event.recipient[0].text == "Nelson Mandela"


def test_a_named_party_of_a_faith_is_of_the_sentences_country(resolve) -> None:
    event = only_first_event(resolve, "Algeria's highest court banned the Islamic Renewal Party on Monday.")
    assert event.recipient and event.recipient[0].actor is not None
    assert event.recipient[0].actor.country == "DZA"


@pytest.mark.parametrize(
    ("text", "recipient"),
    [
        # a named person handed over: whom to
        ("Serbia handed Radovan Karadzic over to the International Criminal Court.", "IGO"),
        # people handed over: a release, they are the recipient
        ("The militants handed over four Kenyan prisoners to Qatar.", "KEN"),
    ],
)
def test_whom_a_person_is_handed_over_to(resolve, text: str, recipient: str) -> None:
    event = only_first_event(resolve, text)
    assert event.recipient and event.recipient[0].actor is not None
    assert event.recipient[0].actor.code.startswith(recipient)


def test_a_group_is_of_the_place_a_bearing_names(resolve) -> None:
    event = only_first_event(
        resolve, "Armed villagers attacked a Kenyan army convoy 40 km north of Mogadishu."
    )
    assert event.actor and event.actor[0].actor is not None
    assert event.actor[0].actor.country == "SOM"


def test_intergovernmental_bodies_the_dictionaries_lack() -> None:
    coder = load_coder()
    assert coder.code_name("CARICOM", None) == "IGOCRB"
    assert coder.code_name("BRICS", None) == "IGO"
