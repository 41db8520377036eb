"""Event detection and type on wording the trigger tables did not know (issue 19, branch
ev16): triggers and senses taken from the CAMEO code of the same verb or phrase in Phoenix's
CAMEO 2.0 verb dictionary, turned into PLOVER by the CAMEO-to-PLOVER table (arriving
somewhere is a visit unless the sentence tells its purpose, troops arriving military aid; a
sanction removed is eased; a protest lodged is a complaint; peacekeepers deployed protection;
an ultimatum given a threat; demands accepted a concession; ties broken off and talks walked
out of a sanction); a call to a person is a telephone call; a preposition that only says when
makes no "call on"; a sanction joined to another object of an imposing verb is imposed.
Passages written for the project."""

from __future__ import annotations

import pytest

from conftest import event_parties as coded
from conftest import first_event


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # arriving, landing, flying or travelling somewhere: a visit (was AGREE or no event)
        ("The Japanese foreign minister arrived in Seoul on Monday.", ("CONSULT", "arrived")),
        ("The Indian prime minister travelled to Dhaka on Saturday.", ("CONSULT", "travelled")),
        # ... unless the sentence tells of another act, its purpose (was AGREE: "fly to" 036)
        ("President Mubarak flew to Riyadh on Sunday to confer with King Fahd.", ("CONSULT", "confer")),
        ("The Japanese foreign minister arrived in Seoul for a two-day visit.", ("CONSULT", "visit")),
        # troops or marines that land or arrive are military aid (CAMEO 072); deployed
        # troops are mobilised (154), on a peacekeeping mission protection (074)
        ("French Marines landed in Djibouti on Monday to guard the port.", ("AID", "landed")),
        ("Hundreds of Dutch troops have arrived in Bosnia.", ("AID", "arrived")),
        ("Ghana deployed 500 troops to Liberia to join the peacekeeping force.", ("AID", "deployed")),
        ("India deployed 500 troops along the border.", ("MOBILIZE", "deployed")),
        # a sanction removed or an embargo joined to another object (was SANCTION, no event)
        ("Washington removed sanctions on Burmese banks.", ("RETREAT", "sanctions")),
        ("The United Nations imposed an air and arms embargo on Libya.", ("SANCTION", "embargo")),
        ("The U.S. withheld aid to Pakistan over its nuclear program.", ("SANCTION", "aid")),
        ("The army eased the curfew in Srinagar on Sunday.", ("RETREAT", "eased")),
        # a protest lodged is an official complaint (CAMEO 114)
        ("China lodged a strong protest with Japan over the textbook issue.", ("ACCUSE", "protest")),
        # an ultimatum given is a threat; a letter sent is no aid, what it says is the act
        ("President Bush gave Saddam Hussein an ultimatum to leave Kuwait.", ("THREATEN", "gave")),
        (
            "The Iraqi president sent a letter to the U.N. chief threatening to expel the inspectors.",
            ("THREATEN", "threatening"),
        ),
        # demands accepted: a concession (was AGREE)
        ("The Philippine government accepted the rebels' demands for autonomy.", ("CONCEDE", "accepted")),
        # relations broken off, ties downgraded: sanctions (were REJECT, no event)
        ("Egypt broke off diplomatic relations with Iran.", ("SANCTION", "broke")),
        ("Washington downgraded its diplomatic ties with Belgrade.", ("SANCTION", "downgraded")),
        # walking out of talks halts them (CAMEO 164; was RETREAT)
        ("The Palestinians pulled out of the peace talks.", ("SANCTION", "pulled")),
        # a missile test, a suicide bomber's blast
        ("Pakistan test-fired a nuclear-capable missile on Sunday.", ("MOBILIZE", "fired")),
        (
            "A suicide bomber blew himself up at a checkpoint in Baghdad, killing eight policemen.",
            ("ASSAULT", "blew"),
        ),
        # journalists expelled, a constitution suspended: repression (were SANCTION)
        ("The authorities expelled two British journalists from Zimbabwe.", ("COERCE", "expelled")),
        ("The junta suspended the constitution on Friday.", ("COERCE", "suspended")),
        # verbs the tables lacked
        ("Security forces rounded up hundreds of suspected militants in Algiers.", ("COERCE", "rounded")),
        ("Greece called up reservists amid tension with Turkey.", ("MOBILIZE", "called")),
        ("Hamas vowed to avenge the killing of its leader.", ("THREATEN", "avenge")),
        ("The rebels handed back the captured town to government forces.", ("RETREAT", "handed")),
        ("Russia expressed support for the Bosnian peace plan on Thursday.", ("SUPPORT", "support")),
        ("Indonesian troops gunned down 50 demonstrators in Dili.", ("ASSAULT", "gunned")),
        ("The United States shipped food to famine-hit Somalia.", ("AID", "shipped")),
        # fighting an epidemic is aid, not an assault
        ("Germany announced new funding to fight the Ebola epidemic in West Africa.", ("AID", "fight")),
    ],
)
def test_types_from_the_cameo_phrases(extract, text: str, expected: tuple[str, str]) -> None:
    assert first_event(extract, text) == expected


def test_a_call_to_a_person_is_a_telephone_call(extract) -> None:
    # "called X to discuss": the caller consults X, not X discussing (was "call on [Friday]")
    text = "Secretary of State Baker called Soviet Foreign Minister Eduard Shevardnadze to discuss Iraq."
    event = extract(text).events[0]
    assert (event.event_type, event.trigger.text, event.mode) == ("CONSULT", "called", ["phone"])
    assert coded(event)[1][0][0] == "Secretary of State Baker"
    assert [party.text for party in event.recipient] == ["Soviet Foreign Minister Eduard Shevardnadze"]
    # naming someone something is no call
    named = extract("The president called the decision a mistake.").events
    assert all(event.mode != ["phone"] for event in named)


def test_a_preposition_of_time_makes_no_call_on(extract) -> None:
    # "called ... on Friday": no "call on"; the ceasefire is the act
    text = "Nicaragua's Sandinista government called a unilateral ceasefire on Friday."
    assert first_event(extract, text) == ("RETREAT", "ceasefire")
    # "called on Friday for Britain to stay": "for" marks the clause, still a call for
    event = extract("The French president called on Friday for Britain to stay in the market.").events[0]
    assert (event.event_type, event.trigger.text) == ("REQUEST", "called")
    assert [party.text for party in event.recipient] == ["Britain"]


@pytest.mark.parametrize(
    "text",
    [
        "The cargo plane landed in Jaipur after a flight from Karachi.",
        "The airliner arrived in Frankfurt two hours late because of fog.",
        "The band flew to Tokyo for the last concert of its tour.",
    ],
)
def test_journeys_without_a_political_party(extract, text: str) -> None:
    assert extract(text).events == []
