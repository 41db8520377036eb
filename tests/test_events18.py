"""Event type and parties on unseen wording, second round (issue 19, branch ev18): protests
by a country's people are political events whoever protests, though not at a game; a
country's state bodies are political; trigger senses and wordings from the train-wire-c and
-d tune halves' error classes (bombs dropped, food refused, combat readiness, sit-ins, joint
or coordinated operations, tear gas used, internet access cut, days given, an envoy's
recall, ties restored beside a deal); whom a verb lets act read as its object. Passages
written for the project."""

from __future__ import annotations

import pytest

from conftest import event_parties, first_event


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a protest's actor need only be of a country (fishermen, farmers, traders, unions)
        (
            "Vietnamese fishermen staged a protest against Chinese patrols near the Paracels.",
            ("PROTEST", "protest"),
        ),
        ("Farmers blocked motorways across Belgium in protest at new fuel taxes.", ("PROTEST", "blocked")),
        # "sit-in" is found by its last word
        ("Kenyan traders held a sit-in outside the county offices in Nakuru.", ("PROTEST", "in")),
        (
            "Jailed Kurdish activists have been refusing food for three weeks, their lawyers said.",
            ("PROTEST", "refusing"),
        ),
        # at a game: no protest
        ("Chelsea fans protested against the owners before the derby, which ended 2-2.", None),
        ("Argentina's Pumas marched into the World Cup final after beating Wales 30-20.", None),
        # senses and wordings
        ("Government aircraft dropped barrel bombs on villages near Idlib.", ("ASSAULT", "dropped")),
        ("The government dropped the tax bill after the strike.", ("CONCEDE", "dropped")),
        ("Pyongyang put its missile units on combat readiness, Seoul said.", ("MOBILIZE", "readiness")),
        (
            "Kenyan and Ugandan police carried out a joint operation against cattle rustlers.",
            ("COOPERATE", "operation"),
        ),
        (
            "The Thai and Malaysian navies held coordinated patrols in the Strait of Malacca.",
            ("COOPERATE", "patrols"),
        ),
        ("Police used tear gas to disperse a student march in Dhaka.", ("COERCE", "gas")),
        ("Authorities cut internet access in the Kashmir valley before the vote.", ("COERCE", "cut")),
        ("The Gulf states gave Qatar ten days to meet their demands.", ("THREATEN", "gave")),
        ("Tanzania handed over the fugitive to Kenyan police on Monday.", ("COOPERATE", "handed")),
        (
            "The recall of the Peruvian ambassador from Madrid was announced by the ministry.",
            ("SANCTION", "recall"),
        ),
        (
            "The expulsion of the Dutch envoy was ordered by the Venezuelan government.",
            ("SANCTION", "expulsion"),
        ),
        (
            "Morocco and Iran restored diplomatic relations under an accord brokered by Oman.",
            ("SUPPORT", "restored"),
        ),
        (
            "Damascus allowed the UN investigators to enter Douma, a UN statement said.",
            ("RETREAT", "allowed"),
        ),
        ("Tehran let IAEA inspectors back into the enrichment plant at Natanz.", ("RETREAT", "let")),
    ],
)
def test_types_and_senses(extract, text: str, expected: tuple[str, str] | None) -> None:
    assert first_event(extract, text) == expected


def test_a_countrys_anti_corruption_commission_is_political(extract) -> None:
    # A country's commission is its state's organ though no capital names it.
    events = extract(
        "Ghana's anti-corruption commission opened an investigation into the Finance Ministry."
    ).events
    assert event_parties(events[0]) == (
        "ACCUSE",
        [("Ghana's anti-corruption commission", "GHA")],
        [("the Finance Ministry", "GHAGOV")],
    )


def test_security_agents_are_the_states_and_take_its_place(extract) -> None:
    events = extract("Security agents arrested an opposition blogger in Abuja on Friday.").events
    assert events[0].event_type == "COERCE"
    assert events[0].actor[0].actor is not None and events[0].actor[0].actor.code == "NGASPY"
