"""Event type on unseen news (issue 19, branch ev27): a rejection of hunger strikers' demands,
towns and ports seized, a crossing reopened that the parser took for a verb,
no plans to act.
Passages written for the project."""

from __future__ import annotations

import pytest

from conftest import first_event


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a hunger striker is no footballer: the rejection is the act, not the demand in its object
        (
            "Ankara rejected the demands of the hunger strikers.",
            ("REJECT", "rejected"),
        ),
        (
            "Rabat rejected the demands of hunger strikers held in Sale prison on Monday.",
            ("REJECT", "rejected"),
        ),
        # a town or a port seized is territory taken by force; weapons seized stay coercion
        (
            "Separatist fighters seized the river port of Kalemie from Congolese troops on Sunday.",
            ("ASSAULT", "seized"),
        ),
        (
            "Mozambican police seized 40 rifles in a raid in Pemba.",
            ("COERCE", "seized"),
        ),
        # a crossing reopened lets aid through, though the parser took the crossing for a verb
        (
            "Israel reopened the Kerem Shalom crossing to allow fuel into Gaza.",
            ("RETREAT", "reopened"),
        ),
    ],
)
def test_event_type_round_nine(extract, text, expected):
    assert first_event(extract, text) == expected


def test_a_hunger_striker_is_no_player_at_any_place_of_a_rule(extract):
    # the striker in the object of a rejection is no transfer rejected
    assert first_event(extract, "Israel rejected a plea from the hunger striker's lawyers.") == (
        "REJECT",
        "rejected",
    )
    assert first_event(extract, "The club rejected a bid for the striker.") is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # no plans to act is no promise: an act of cooperation refused, any other act denied
        ("Seoul said it had no plans to send weapons to Ukraine.", ("REJECT", "send", False)),
        ("Tokyo has no intention to impose sanctions on Beijing.", ("THREATEN", "sanctions", True)),
        # plans to act are a promise
        ("Seoul said it had plans to send weapons to Ukraine.", ("AGREE", "send", False)),
    ],
)
def test_an_intent_denied(extract, text, expected):
    events = extract(text).events
    assert events
    assert (events[0].event_type, events[0].trigger.text, events[0].negated) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # strikes with weapons, launched on positions or that kill are attacks; workers' stay protests
        (
            "The Russian army delivered a massive strike with long-range weapons against Ukrainian"
            " energy facilities.",
            ("ASSAULT", "strike"),
        ),
        ("Israel launched strikes on Hezbollah positions in southern Lebanon.", ("ASSAULT", "strikes")),
        ("Farmers launched a strike over fuel prices in Kenya.", ("PROTEST", "strike")),
        ("Teachers in Nigeria launched an indefinite strike over unpaid salaries.", ("PROTEST", "strike")),
        # a sanction "of" a package or a round is imposed as the package is
        ("The EU has adopted its 12th package of sanctions against Russia.", ("SANCTION", "sanctions")),
        ("Washington imposed a new round of sanctions on Tehran.", ("SANCTION", "sanctions")),
        # abiding by a truce promised is agreed
        (
            "Hezbollah will abide by the ceasefire as long as Israel does, its leader said.",
            ("AGREE", "abide"),
        ),
        # crowds filling the streets protest, whatever they demand
        (
            "Tens of thousands of students filled the streets of Belgrade on Saturday, demanding the"
            " resignation of the government.",
            ("PROTEST", "filled"),
        ),
        # a state of exception is a state of emergency; its guarantees suspended repression
        (
            "The Salvadoran government declared a state of exception, suspending constitutional"
            " guarantees for 30 days.",
            ("COERCE", "exception"),
        ),
        # resolute countermeasures promised are a threat
        (
            "Beijing will take resolute countermeasures if Washington continues to sell arms to Taiwan.",
            ("THREATEN", "countermeasures"),
        ),
        # negotiations concluded are agreed
        (
            "Mercosur and the EU concluded negotiations on a free trade agreement on Friday.",
            ("AGREE", "negotiations"),
        ),
        # troops and tanks pushed or gathered to a front are mobilised
        ("The Egyptian army pushed tanks and troops to the border with Gaza.", ("MOBILIZE", "pushed")),
        (
            "Russia had gathered some 100,000 soldiers close to the Ukrainian frontier.",
            ("MOBILIZE", "gathered"),
        ),
        # a state's own people barred from work are repressed
        ("The Taliban barred Afghan women from working for the United Nations.", ("COERCE", "barred")),
        # air raids are attacks, raids coercion
        ("Saudi-led coalition warplanes carried out air raids on Sanaa on Friday.", ("ASSAULT", "raids")),
        ("The army launched a series of raids on rebel hideouts.", ("COERCE", "raids")),
    ],
)
def test_event_type_round_nine_nominal_acts(extract, text, expected):
    assert first_event(extract, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # a mishap that strikes and kills is no attack, nor a crowd gathered or fans in the streets
        "An earthquake struck eastern Turkey on Monday, killing 40 people.",
        "Thousands of people gathered in the capital's main square on Sunday.",
        "Fans filled the streets of Buenos Aires to celebrate the World Cup win.",
    ],
)
def test_no_new_event_round_nine(extract, text):
    assert first_event(extract, text) is None
