"""Event type on unseen wording (issue 19, branch ev19): idioms of refusal, blame and
agreement ("said no to", "held X responsible", "reached an understanding"), force used or
threatened, a light verb that delivers its object's act, elections cancelled, supplies flown
in. Passages written for the project."""

from __future__ import annotations

import pytest

from conftest import first_event


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "said no to": a refusal (the verb of saying is the trigger)
        ("The Bolivian president said no to a new loan from the IMF.", ("REJECT", "said")),
        ("Voters in Malta said no to the government's reform plan.", ("REJECT", "said")),
        # "held X responsible": blame (112), not the act it is blamed for
        ("Kyiv held Moscow responsible for the shelling of the dam.", ("ACCUSE", "held")),
        # "reached an understanding": an agreement, not the act it rules out
        (
            "Peru and Ecuador reached an understanding not to deploy troops on the border.",
            ("AGREE", "understanding"),
        ),
        # force used is an assault; promised, a threat
        (
            "Ankara said it would use force against the militias if they crossed the river.",
            ("THREATEN", "force"),
        ),
        # "delivered" carries its object's act (a demand, an ultimatum)
        ("The opposition delivered a demand for early elections to the president.", ("REQUEST", "demand")),
        # elections cancelled restrict political rights; a flight cancelled is no such act
        ("The junta cancelled the second round of elections in Niger.", ("COERCE", "cancelled")),
        # supplies flown in are aid
        ("The UN flew food and medicine into the besieged town of Marib.", ("AID", "flew")),
    ],
)
def test_idioms_and_senses(extract, text, expected):
    assert first_event(extract, text) == expected


def test_a_said_no_names_no_act_elsewhere(extract):
    """ "no" as a determiner after "said" is no refusal ("said no decision had been taken")."""
    assert first_event(extract, "The French minister said no changes would be made to the cabinet.") is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # money paid out, deposited or airdropped by a state or a lender is aid
        ("The World Bank disbursed $500 million to Kenya, helping it pay teachers.", ("AID", "disbursed")),
        ("Qatar deposited $3 billion in Egypt's central bank.", ("AID", "deposited")),
        # yielding, rejection by a vote or a court, petitions, tip-offs, strikes, phone calls
        ("The Chilean government gave in to the striking miners.", ("CONCEDE", "gave")),
        ("The Senate voted down a motion to extend the state of emergency.", ("REJECT", "voted")),
        ("Brazil's Supreme Court struck down a decree issued by the president.", ("REJECT", "struck")),
        ("Farmers in Kerala petitioned the governor to halt the eviction.", ("REQUEST", "petitioned")),
        ("Jordanian intelligence tipped off French police about a planned bombing.", ("COOPERATE", "tipped")),
        ("Nurses in Ghana walked off the job in protest at unpaid salaries.", ("PROTEST", "walked")),
        ("Macron spoke by phone with the Egyptian president about the crisis.", ("CONSULT", "spoke")),
        # bodies dissolved, homes bulldozed, someone taken into custody
        ("The king of Jordan dissolved the government after weeks of protests.", ("CONCEDE", "dissolved")),
        ("Thailand's Constitutional Court dissolved the main opposition party.", ("COERCE", "dissolved")),
        ("Police in Lagos took the opposition leader into custody.", ("COERCE", "took")),
        ("Egyptian authorities bulldozed dozens of homes in the border town.", ("COERCE", "bulldozed")),
        # an agreement by another name; a memorandum signed; an undertaking given
        (
            "Chile and Bolivia reached a provisional arrangement on the river's waters.",
            ("AGREE", "arrangement"),
        ),
        ("Nepal and India signed a memorandum on power trade in Kathmandu.", ("AGREE", "signed")),
        ("The junta gave the African Union an undertaking to hold elections.", ("AGREE", "gave")),
        # armed groups that blow up or seize attack; prisoners transferred are extradited
        ("Rebels blew up a gas pipeline in northern Mali.", ("ASSAULT", "blew")),
        ("Gunmen seized 40 passengers from a bus in Zamfara state.", ("ASSAULT", "seized")),
        ("Colombia transferred 12 prisoners to Ecuador to face trial.", ("COOPERATE", "transferred")),
        # diplomats given days to leave are expelled; a warrant sought accuses
        ("Poland gave 15 Belarusian diplomats a week to leave the country.", ("SANCTION", "gave")),
        ("The prosecutor sought an arrest warrant for the former Sudanese president.", ("ACCUSE", "sought")),
        # tear gas fired with grenades is repression; a bid blocked in the passive is rejected
        ("Police in Nairobi fired tear gas and stun grenades at opposition supporters.", ("COERCE", "fired")),
        ("A Kosovo bid to join UNESCO was blocked by Serbia and Russia.", ("REJECT", "blocked")),
        # troops counted in hundreds are moved troops
        ("Turkey moved hundreds of soldiers to its border with Syria.", ("MOBILIZE", "moved")),
    ],
)
def test_triggers_and_senses_from_wire_wording(extract, text, expected):
    assert first_event(extract, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a participle's clause tells of a party: the main clause's act is the event
        ("Protesters opposed to a finance bill stormed Ghana's parliament in Accra.", ("PROTEST", "stormed")),
        ("Militiamen backed by Rwanda attacked the town of Goma on Sunday.", ("ASSAULT", "attacked")),
        # a verb as a conjunction is no act
        (
            "Caracas was ready to resume talks with the opposition, provided Washington dropped sanctions.",
            ("AGREE", "talks"),
        ),
        # an act demanded on pain of another is a threat
        (
            "Nigeria gave the mining firm a month to pay its taxes or face expulsion.",
            ("THREATEN", "gave"),
        ),
        ("The army told the rebels to surrender or face an assault on the town.", ("THREATEN", "surrender")),
    ],
)
def test_which_act_and_its_type(extract, text, expected):
    assert first_event(extract, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a promised attack no trigger names, as the verb dictionary codes it: a threat
        ("The militia vowed to target any tanker bound for Israeli ports.", ("THREATEN", "target")),
        # a phrasal verb is not the dictionary's single word; a promise of no attack stays one
        ("The president pledged to crack down on smuggling gangs.", ("AGREE", "pledged")),
        # troops or reinforcements sent are moved, peacekeepers sent are aid
        ("Kenya sent tanks and reinforcements to its border with Somalia.", ("MOBILIZE", "sent")),
        ("Rwanda sent 800 peacekeepers to the Central African Republic.", ("AID", "sent")),
        # an artillery barrage, a joint investigation, someone ordered out of a country
        (
            "Armenian forces launched an artillery barrage on villages near the border.",
            ("ASSAULT", "barrage"),
        ),
        (
            "Thai and Malaysian police launched a joint investigation into the bombing.",
            ("COOPERATE", "investigation"),
        ),
        ("Lithuania ordered two Russian diplomats out of the country.", ("SANCTION", "ordered")),
    ],
)
def test_promised_attacks_troops_sent_and_joint_acts(extract, text, expected):
    assert first_event(extract, text) == expected


def test_a_states_coalition_is_a_political_party(extract):
    (event,) = extract("An air strike by the US-led coalition hit a market in Raqqa.").events
    assert (event.event_type, [party.text for party in event.actor]) == ("ASSAULT", ["the US-led coalition"])
