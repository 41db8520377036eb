"""Event type on unseen news (issue 19, branch ev28): fighters handed over, parties invited to
comply, lobbies mobilised, attacks found by inquiries, addressees described by a participle,
proposals considered unacceptable, requests approved, apologies, calls, criminal cases,
fighters neutralised, decrees signed, units ordered to be ready, a court's measure of restraint.
Passages written for the project."""

from __future__ import annotations

import pytest

from conftest import first_event, only_first_event


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # people of an armed group handed over to another state are extradited, goods stay aid
        (
            "Ecuador handed over three FARC guerrillas to Colombian authorities on Tuesday.",
            ("COOPERATE", "handed"),
        ),
        (
            "Japan handed over 40 tonnes of rice to the Philippine government.",
            ("AID", "handed"),
        ),
        # invited to comply is asked to; invited to visit stays a meeting
        (
            "Ankara invites Stockholm to honour its commitments under the memorandum.",
            ("REQUEST", "invites"),
        ),
        # lobbies mobilised are rallied, not forces readied: the act they are rallied for counts
        (
            "Qatar mobilised lobby groups in Washington to support the Palestinian bid.",
            ("SUPPORT", "support"),
        ),
        ("Russia mobilised 300,000 reservists.", ("MOBILIZE", "mobilised")),
        # a proposal considered unacceptable is rejected, the adjective before the object too
        (
            "Tehran considers unacceptable the stationing of foreign warships in the Gulf.",
            ("REJECT", "considers"),
        ),
        (
            "Minsk deemed the Lithuanian proposal unacceptable.",
            ("REJECT", "deemed"),
        ),
        # a request approved is agreed to
        (
            "The Security Council approved Mali's request for a new mission.",
            ("AGREE", "request"),
        ),
        # an apology made, a telephone conversation, a criminal case opened, smears
        (
            "The Dutch prime minister issued a formal apology to Indonesia over the killings.",
            ("SUPPORT", "apology"),
        ),
        (
            "Erdogan had a telephone conversation with the Prime Minister of Spain Pedro Sanchez.",
            ("CONSULT", "conversation"),
        ),
        (
            "Belarus's Investigative Committee opened a criminal case against Polish border guards.",
            ("ACCUSE", "case"),
        ),
        ("Beijing said the Japanese report groundlessly smears China.", ("ACCUSE", "smears")),
        # fighters neutralised are killed or captured; a bomb neutralised is no act
        (
            "The Turkish army neutralised nine PKK terrorists in northern Iraq.",
            ("ASSAULT", "neutralised"),
        ),
        ("Turkish police neutralised a bomb near the station in Ankara.", None),
        # a decree signed is no treaty: what it decrees is the act
        (
            "Putin signed a decree on the mobilisation of reservists in the Russian Federation.",
            ("MOBILIZE", "mobilisation"),
        ),
        # a court's measure of restraint is detention
        (
            "A Moscow court chose a measure of restraint for the French researcher.",
            ("COERCE", "restraint"),
        ),
        # units ordered to be ready are put on alert
        (
            "Kim Jong Un ordered the artillery units to be fully ready to open fire.",
            ("MOBILIZE", "ordered"),
        ),
    ],
)
def test_event_type_round_ten(extract, text, expected):
    assert first_event(extract, text) == expected


def test_an_attack_found_by_inquiry_is_an_accusation(resolve):
    event = only_first_event(
        resolve,
        "UN inspectors concluded that the Syrian air force dropped chlorine on Saraqib, killing 12 people.",
    )
    assert event.event_type == "ACCUSE"
    assert event.actor[0].text == "UN inspectors"
    assert event.recipient[0].text == "the Syrian air force"


def test_a_participle_after_told_describes_the_addressee(extract):
    # "visiting" tells who was told, not a visit: what was said is the act
    assert first_event(
        extract,
        "President Tokayev told visiting Chinese Foreign Minister Wang Yi that Kazakhstan would support "
        "Beijing's bid.",
    ) == ("AGREE", "support")
