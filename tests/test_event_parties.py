"""Who acts and who is acted on: event parties on short passages written for the project,
one for each rule found on the tune half of ConfliBERT's tagged CAMEO sentences
(`reportedly eval conflibert ... --part tune`)."""

from __future__ import annotations

import pytest

from reportedly.model import EventActor


def codes(parties: list[EventActor]) -> list[str | None]:
    return [party.actor.code if party.actor else None for party in parties]


@pytest.fixture(scope="module")
def event_of(extract):
    """The one event of a passage, as (type, actor codes, recipient codes)."""

    def run(text: str) -> tuple[str, list[str | None], list[str | None]]:
        (event,) = extract(text).events
        return event.event_type, codes(event.actor), codes(event.recipient)

    return run


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a noun act is its owner's
        ("Russia's invasion of Ukraine began in February 2022.", ("ASSAULT", ["RUS"], ["UKR"])),
        # a light verb's act in the passive is its subject, done by the passive's agent
        ("Sanctions were imposed on Iran by the United States.", ("SANCTION", ["USAGOV"], ["IRN"])),
        # what was returned names no one; who it went to does
        ("An ancient sarcophagus was returned to Egypt by US officials.", ("RETREAT", ["USAGOV"], ["EGY"])),
        # the party behind a thing: "restrictions on assistance to North Korea", "aid to"
        (
            "The U.S. State Department has decided to ease some of its most stringent restrictions"
            " on humanitarian assistance to North Korea.",
            ("CONCEDE", ["USAGOV"], ["PRK"]),
        ),
        (
            "Ireland provided 10 million euros in aid to the Palestinian people.",
            ("AID", ["IRL"], ["PSEPPL"]),
        ),
        # the author of what is denied or rejected, wherever the parse hangs its "by"
        ("Serbia rejected the demands by Kosovo for a new border.", ("REJECT", ["SRBGOV"], ["KSV"])),
        # a party before the place of the act
        (
            "Russian Foreign Minister Sergey Lavrov held talks in Jerusalem with Israeli Prime Minister"
            " Benjamin Netanyahu on Monday.",
            ("CONSULT", ["RUSGOV"], ["ISRGOV"]),
        ),
        # a subject that names no one by its apposition that does
        ("The then president, Goodluck Jonathan, had rejected the proposals.", ("REJECT", ["NGAGOV"], [])),
        # a person's pronoun object is the person named before it
        (
            "A French lawyer filed a lawsuit against the visiting Saudi Crown Prince Mohammed bin Salman,"
            " accusing him of complicity in torture in Yemen.",
            ("ACCUSE", ["FRAJUD"], ["SAUGOV"]),
        ),
        # storming and pounding a place is an assault; storming out of a room is not
        (
            "Taliban attackers stormed a police headquarters in eastern Afghanistan, killing five officers.",
            ("ASSAULT", ["AFGREB"], ["AFGCOP", "AFG"]),  # the police's post, then its place (code17)
        ),
        (
            "Syrian warplanes pounded the rebel-held enclave of eastern Ghouta.",
            ("ASSAULT", ["SYRMIL"], ["SYR"]),
        ),
        # a relative clause's subject is the noun it qualifies
        ("It was Hamas fighters who fired the rockets at Israel.", ("ASSAULT", ["PSEREBHMS"], ["ISR"])),
    ],
)
def test_event_parties(event_of, text, expected):
    assert event_of(text) == expected


def test_joined_modifiers_name_one_party_each(extract):
    (event,) = extract("The Russian and US navies began a joint military exercise on Monday.").events
    assert [(party.text, party.actor.country if party.actor else None) for party in event.actor] == [
        ("Russian navies", "RUS"),
        ("US navies", "USA"),
    ]


def test_storming_out_of_a_meeting_is_no_assault(extract):
    events = extract("The minister stormed out of the meeting with the unions.").events
    assert "ASSAULT" not in [event.event_type for event in events]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a capital behind a preposition or owning what acts stands for its government or the
        # EU, what it owns keeping its own sector (issue 19: "Brussels" coded as Belgium)
        ("Hungary rejected the demands from Brussels.", ("REJECT", ["HUNGOV"], ["IGOEUREEC"])),
        ("Brussels' demands were rejected by Hungary.", ("REJECT", ["HUN"], ["IGOEUREEC"])),
        ("Moscow's forces shelled the town of Izium.", ("ASSAULT", ["RUSMIL"], [None])),
        # where it is the place of the act, a capital is no organisation
        ("Ukraine and Russia held talks in Brussels on Monday.", ("CONSULT", ["UKR", "RUS"], [])),
    ],
)
def test_capitals_that_act_stand_for_what_they_are_the_seat_of(event_of, text, expected):
    assert event_of(text) == expected
