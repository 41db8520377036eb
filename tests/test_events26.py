"""Event type on unseen news (issue 19, branch ev26): a lead's verb the parser hung on its
object as a modifier, fires set, solidarity, people surrendered to a court, orders a court
quashes. Passages written for the project."""

from __future__ import annotations

import pytest

from conftest import event_parties, first_event


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a lead whose subject is one name: the verb, not a modifier of its object
        (
            "Belarus massed troops and tanks along its border with Lithuania, officials in Vilnius said.",
            ("MOBILIZE", "massed"),
        ),
        (
            "Kenya extradited Somali militant leader Abdi Warsame to Ethiopia, where he faces charges.",
            ("COOPERATE", "extradited"),
        ),
        # a building set ablaze is attacked; a fire set by protesters is their protest
        (
            "Ethiopian troops set the town hall of Bure ablaze on Tuesday.",
            ("ASSAULT", "set"),
        ),
        (
            "Protesters set fire to the ruling party's offices in Dhaka.",
            ("PROTEST", "fire"),
        ),
        # a resolution of solidarity is support
        (
            "Turkey's parliament passed a resolution of solidarity with the people of Gaza.",
            ("SUPPORT", "solidarity"),
        ),
        # someone surrendered to a court is handed over, no retreat
        (
            "Serbia surrendered former army commander Milan Lukic to the tribunal in The Hague.",
            ("COOPERATE", "surrendered"),
        ),
        # an order a court quashes is rejected, not cancelled by who gave it
        (
            "Pakistan's Supreme Court quashed a government order to ban the opposition party.",
            ("REJECT", "quashed"),
        ),
        # yielding to weeks of protests is a concession, not the protests
        (
            "The Thai king bowed to weeks of street protests and dissolved the parliament.",
            ("CONCEDE", "bowed"),
        ),
        # a resignation signed is a concession
        (
            "Peru's prime minister signed his resignation on Friday after the vote.",
            ("CONCEDE", "signed"),
        ),
        # a state of emergency declared is coercion
        (
            "Sri Lanka's president declared a state of emergency in the Eastern Province on Sunday.",
            ("COERCE", "emergency"),
        ),
        # a joint assault is military cooperation, as a joint offensive is
        (
            "Malian and French forces launched a joint assault on rebel camps near Gao.",
            ("COOPERATE", "assault"),
        ),
        # investment banned is an economic sanction
        (
            "Canada banned new investment in Syria on Monday.",
            ("SANCTION", "banned"),
        ),
        # a readiness to act in a sense no trigger codes is a promise, not the condition's act
        (
            "The Red Cross said it was prepared to reopen its clinic in Kandahar once it received"
            " guarantees from the Taliban.",
            ("AGREE", "reopen"),
        ),
        # villagers who occupy a facility protest
        (
            "Hundreds of Peruvian villagers occupied a copper mine in the Andes, demanding clean water.",
            ("PROTEST", "occupied"),
        ),
        # someone handed to a state's authorities is extradited; a letter handed is no aid
        (
            "Ghana handed former Ivorian minister Charles Koffi to Ivorian authorities on Tuesday.",
            ("COOPERATE", "handed"),
        ),
        (
            "The foreign minister handed a letter of protest to the Iranian ambassador.",
            ("PROTEST", "protest"),
        ),
    ],
)
def test_event_type_round_eight(extract, text, expected):
    assert first_event(extract, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # a participle before its noun stays what the noun is
        "The visiting delegation toured the occupied territories.",
        # a deadline set is no fire
        "The league set a deadline of Friday for the club's appeal.",
        # animals do no political act
        "Biologists found that killer whales had attacked fishing boats off the coast of Spain.",
        # jobs cut and a takeover bid rejected are a firm's business
        "Siemens said it would cut 3,000 jobs in Germany over the next two years.",
        "Rio Tinto rejected a hostile takeover bid from Glencore, calling it far too low.",
        # a team upset in a final is no attack
        "Argentina upset Brazil 98-87 in the Americas Cup final in Sao Paulo.",
    ],
)
def test_no_new_event(extract, text):
    assert first_event(extract, text) is None


def test_a_finding_of_a_crime_accuses_its_doer(extract):
    # the commission that finds the crime accuses the army; the army is no actor of its own
    events = extract(
        "A UN commission of inquiry concluded that Myanmar's army had committed genocide against"
        " the Rohingya."
    ).events
    assert events
    assert event_parties(events[0]) == (
        "ACCUSE",
        [("A UN commission of inquiry", "IGOUNO")],
        [("Myanmar's army", "MMRMIL")],
    )
