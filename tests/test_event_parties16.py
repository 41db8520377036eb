"""Which phrase is an event's recipient (issue 19, branch code16), on passages written for the
project: people no dictionary codes ("20 hostages"), whom a dinner or a request is "for", whom
a thing is given "to", the object of a verb of asking, people counted by "dozens of", people
before things, an act's owner, a passive's thing subject, and a state whose embassy is no place
of the act."""

from __future__ import annotations

import pytest

from conftest import only_first_event


@pytest.mark.parametrize(
    ("text", "recipient"),
    [
        # people no dictionary codes are the recipient, the place behind them
        ("Rebels freed 20 hostages from a camp near Kindu on Tuesday.", "20 hostages"),
        ("The junta eased restrictions on foreign journalists.", "foreign journalists"),
        # whom a noun is "for"
        ("The Iraqi prime minister hosted a state dinner for Kofi Annan in Baghdad.", "Kofi Annan"),
        # whom a thing is given to, not the thing
        (
            "Italy returned three Ethiopian obelisk fragments to the government of Ethiopia.",
            "the government of Ethiopia",
        ),
        ("The Pentagon returned a stolen Dutch painting to its owners.", "its owners"),
        ("An ancient Greek statue was returned to Greece by British customs officers.", "Greece"),
        # whom a verb of asking asks, not a name in what they are asked to do
        ("The council urged the government to open talks with the rebels in the south.", "the government"),
        # what "dozens of" counts
        (
            "Police in Jakarta arrested dozens of students protesting against President Suharto.",
            "dozens of students",
        ),
        # an act's owner, without the "'s"
        ("The European Union praised Turkey's decision to abolish the death penalty.", "Turkey"),
        # a body before the thing whose phrase names it
        ("The Sudanese government signed a peace agreement with southern rebels.", "southern rebels"),
    ],
)
def test_which_phrase_is_the_recipient(resolve, text: str, recipient: str) -> None:
    event = only_first_event(resolve, text)
    assert event.recipient, "no recipient"
    assert event.recipient[0].text == recipient


def test_people_kept_with_their_place(resolve) -> None:
    event = only_first_event(
        resolve, "Police in Jakarta arrested dozens of students protesting against President Suharto."
    )
    assert [party.text for party in event.recipient] == ["dozens of students", "President Suharto"]
    assert event.recipient[0].actor is not None and event.recipient[0].actor.code == "IDNEDU"


def test_owner_of_a_thing_that_is_no_act_is_no_party(resolve) -> None:
    # "China's property sector" is no act of China's: no political party, no event.
    assert not resolve("Copper prices hit a low on concerns over demand from China's property sector.").events


def test_a_state_whose_embassy_is_there_is_no_place(resolve) -> None:
    event = only_first_event(resolve, "Protesters threw stones at the U.S. embassy in Athens.")
    assert [party.actor.code for party in event.actor if party.actor] == ["GRCOPP"]
    assert [party.actor.code for party in event.recipient if party.actor] == ["USAGOV"]


def test_a_bracketed_acronym_closes_the_phrase(resolve) -> None:
    event = only_first_event(
        resolve, "The army detained members of the Movement for Democratic Change (MDC) in Harare."
    )
    assert event.recipient[0].text == "members of the Movement for Democratic Change (MDC) in Harare"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # a place the dictionaries code for one country, named with its state of another
        ("Police in Santa Cruz, California, arrested 20 protesters.", "USACOP"),
        ("Police in Santa Cruz, Bolivia, arrested 20 protesters.", "BOLCOP"),
    ],
)
def test_a_place_named_with_its_state(resolve, text: str, code: str) -> None:
    event = only_first_event(resolve, text)
    assert [party.actor.code for party in event.actor if party.actor] == [code]


def test_a_fronted_place_and_a_subject_are_no_place_and_its_state(resolve) -> None:
    # "In Syria, Russia launched": Syria stays Syria's; nor is a list of states one place.
    extraction = resolve("In Syria, Russia launched air strikes on rebels near Egypt, Israel and Jordan.")
    codes = {entity.name: entity.actor.code for entity in extraction.entities if entity.actor}
    assert codes["Syria"] == "SYR" and codes["Egypt"] == "EGY" and codes["Israel"] == "ISR"


def test_a_name_the_tagger_took_for_a_verb_is_the_subject(resolve) -> None:
    # "Shining" as a verb, "Path guerrillas" its object: the words are who killed.
    event = only_first_event(
        resolve, "Shining Path guerrillas killed 12 villagers in the Andean town of Ayacucho."
    )
    assert [(party.text, party.actor.code if party.actor else None) for party in event.actor] == [
        ("Shining Path guerrillas", "PERREB")
    ]
    # a gerund that is a clause of its own is no name: no party, no event
    assert not resolve("Fighting in Aleppo killed 20 people on Sunday.").events
