"""Event type on unseen news (issue 19, branch ev21): relief carried, crimes committed, suspects
handed over, conditional threats, force promised, attacks by armed men no dictionary codes,
acts that are only the background of the sentence's own. Passages written for the project."""

from __future__ import annotations

import pytest

from conftest import first_event


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # relief goods flown or brought are aid, whatever carries them
        ("A UN helicopter flew medical supplies to clinics in Goma.", ("AID", "flew")),
        ("A WFP convoy brought flour and rice to 20,000 families in Kassala.", ("AID", "brought")),
        # crimes committed are an accusation, a promise committed to stays an agreement
        ("A UN panel found that the militia had committed war crimes in Darfur.", ("ACCUSE", "committed")),
        # a suspect handed over is extradited (cooperation), a hostage handed over released
        ("Kenya handed over a murder suspect to Ugandan police.", ("COOPERATE", "handed")),
        # the army used against someone is force, a threat when promised
        (
            "Belgrade said it would use the army against Kosovo if its police entered the north.",
            ("THREATEN", "use"),
        ),
        # protesters occupying a place protest
        (
            "Students occupied the main hall of the university in Dhaka against the tuition rise.",
            ("PROTEST", "occupied"),
        ),
        # officials removed from office are coerced
        ("The Turkish Interior Ministry removed three mayors from office.", ("COERCE", "removed")),
        # money extended is aid; a treaty initialled agreed; a disengagement pulls back
        ("Japan will extend 2 billion dollars to Kenya.", ("AGREE", "extend")),
        ("Serbia and Kosovo initialled the text of the accord in Brussels.", ("AGREE", "initialled")),
        (
            "Thai and Cambodian troops completed their disengagement from the temple.",
            ("RETREAT", "disengagement"),
        ),
        # brushing a proposal aside rejects it; storming out of a chamber is a walkout
        ("North Korea waved away the talks offered by Seoul.", ("REJECT", "waved")),
        ("Opposition MPs in Zambia stormed out of the chamber.", ("PROTEST", "stormed")),
        # a resignation accepted is conceded; airspace closed to a country a sanction
        ("President Tokayev accepted the resignation of the government.", ("CONCEDE", "accepted")),
        ("Algeria closed its airspace to Moroccan aircraft.", ("SANCTION", "closed")),
        # a joint force is military cooperation
        ("The armies of Chad and Niger launched a joint force to fight Boko Haram.", ("COOPERATE", "force")),
        # a call for something is an appeal
        (
            "Egypt's call for Ethiopia to halt the filling was repeated by its foreign minister.",
            ("REQUEST", "call"),
        ),
    ],
)
def test_senses_and_wire_idioms(extract, text, expected):
    assert first_event(extract, text) == expected


def test_whatever_is_shut_down_stays_coerced(extract):
    """The internet shut down is repression, whatever "close" senses say of borders."""
    text = "The Iranian government shut down the internet across the country."
    assert first_event(extract, text) == ("COERCE", "shut")


def test_a_book_closed_is_no_act(extract):
    assert first_event(extract, "The Kenyan minister closed the book on his desk.") is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "should" before its subject opens a condition: no obligation, and its act is not the
        # sentence's
        (
            "Tehran said it would close the strait to all tankers should Washington join the bombing.",
            ("THREATEN", "close"),
        ),
        # a promised attack the parser hung on the promise as a clause, or in a clause of what
        # will be
        (
            "The Houthi leader vowed in a televised speech to target any American ship in the Red Sea.",
            ("THREATEN", "target"),
        ),
        (
            "The Houthi leader vowed that his forces would target American ships in the Red Sea.",
            ("THREATEN", "target"),
        ),
        # done by force: an attack, promised a threat
        (
            "President Aliyev said Baku would open the corridor by force if Yerevan kept blocking it.",
            ("THREATEN", "open"),
        ),
    ],
)
def test_conditional_threats(extract, text, expected):
    assert first_event(extract, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Gunmen on motorbikes shot dead 20 villagers in northern Burkina Faso.", ("ASSAULT", "shot")),
        ("Members of a gang attacked the town of Mirebalais in Haiti.", ("ASSAULT", "attacked")),
        ("Bandits abducted 80 pupils from a school in Kaduna state, Nigeria.", ("ASSAULT", "abducted")),
    ],
)
def test_armed_attackers_are_political(extract, text, expected):
    assert first_event(extract, text) == expected


def test_an_attack_named_after_after_is_background(extract):
    """An act after "after" is the background of the sentence's own."""
    text = "Pakistan closed its airspace to Indian airlines after the attack in Pahalgam."
    assert first_event(extract, text) == ("SANCTION", "closed")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a noun of intent makes its infinitive an act intended
        (
            "The Iranian side expressed readiness to grant IAEA inspectors access to the site.",
            ("AGREE", "grant"),
        ),
        # "undertook to": a promise, through the act it is for
        (
            "The Syrian government undertook to use its influence to win the release of the hostages.",
            ("AGREE", "release"),
        ),
        # a promise made in return for something is a deal, whatever the act
        (
            "Tribal leaders in Anbar promised to attack the militants in return for US weapons.",
            ("AGREE", "attack"),
        ),
        # measures to take, their act as the promise's
        (
            "China said it would take resolute measures to crush any attempt at secession.",
            ("THREATEN", "crush"),
        ),
    ],
)
def test_intent_through_nouns_and_purposes(extract, text, expected):
    assert first_event(extract, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a gathering or a walkout whose purpose is a condemnation is a protest
        (
            "Tunisian lawyers gathered outside the court in Tunis to denounce the jailing of a colleague.",
            ("PROTEST", "gathered"),
        ),
        (
            "Opposition MPs in Belgrade left the chamber to denounce the election of the cabinet.",
            ("PROTEST", "left"),
        ),
        # a rally that denounces protests
        ("A rally of thousands in Tbilisi denounced the foreign agents bill.", ("PROTEST", "denounced")),
        # arrests or dismantling done jointly by two states' services are cooperation
        (
            "Ukrainian and Moldovan police jointly dismantled a network smuggling men across the border.",
            ("COOPERATE", "dismantled"),
        ),
        # a newspaper closed, named by its name or its apposition
        (
            "Zimbabwean authorities closed the Daily News, the only independent daily paper.",
            ("COERCE", "closed"),
        ),
        # a deployment announced moves forces; water cannon turned on a crowd represses
        (
            "Venezuela's defence minister announced the deployment of 20,000 troops to the coast.",
            ("MOBILIZE", "deployment"),
        ),
        (
            "Riot police in Colombo turned water cannon on students marching to parliament.",
            ("COERCE", "cannon"),
        ),
    ],
)
def test_protests_joint_acts_and_forces(extract, text, expected):
    assert first_event(extract, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an attack an army prepares to make is forces readied; "is prepared to" a threat
        ("The Macedonian army prepared to resume shelling rebel-held villages.", ("MOBILIZE", "shelling")),
        ("The Serbian army is prepared to attack Kosovo.", ("THREATEN", "attack")),
        # an act of cooperation done under pressure is a concession
        (
            "Under pressure from the striking miners, the Polish government recognised the union.",
            ("CONCEDE", "recognised"),
        ),
    ],
)
def test_prepared_attacks_and_acts_under_pressure(extract, text, expected):
    assert first_event(extract, text) == expected
