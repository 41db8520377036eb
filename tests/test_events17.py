"""Event type on unseen wording (issue 19, branch ev17): the conventions of the project's event
gold (docs/event-gold-annotation.md, docs/event-train-annotation.md) and the CAMEO codes of
the same phrases as triggers and senses; which act a sentence reports when it has several (an
act in a clause of purpose, condition or time after the main clause's); intent and refusal
("would" in a said clause, "vowed to continue fighting", "is to release", "must abandon ...
and accept"); a protest aimed at whom its demand is; counted states as parties. Passages
written for the project."""

from __future__ import annotations

import pytest

from conftest import first_event


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # ambassadors recalled or withdrawn: relations reduced (161); "recalled that" no act
        ("Venezuela recalled its ambassador to Colombia on Monday.", ("SANCTION", "recalled")),
        ("Washington withdrew its ambassador from Caracas.", ("SANCTION", "withdrew")),
        ("Hundreds of veterans recalled the battle at a ceremony on Sunday.", None),
        # bills withdrawn or dropped, governments dismissed, demands given in to: conceded
        ("The government withdrew a bill that would have restricted protests.", ("CONCEDE", "withdrew")),
        ("The ruling party dropped the foreign agents bill after mass protests.", ("CONCEDE", "dropped")),
        ("The king dismissed the prime minister after days of riots.", ("CONCEDE", "dismissed")),
        ("The rebels dismissed the government's offer of talks.", ("REJECT", "dismissed")),
        ("The Polish government gave in to the demands of striking workers.", ("CONCEDE", "gave")),
        ("Germany gave $10 million in aid to Sudan.", ("AID", "gave")),
        # deadlines and time limits: ultimatums
        ("Nigeria gave the junta a deadline to restore civilian rule.", ("THREATEN", "gave")),
        ("The army gave the rebels until Friday to surrender or face an assault.", ("THREATEN", "gave")),
        # truces and peace agreements signed are agreed; friendship treaties support
        ("Ethiopia and Eritrea signed a peace agreement in Algiers.", ("AGREE", "signed")),
        ("The two leaders signed a friendship treaty in Moscow.", ("SUPPORT", "signed")),
        # apologies are support (055); forces put on alert are mobilised (151, 152)
        ("Japan apologised to South Korea for its wartime abuses.", ("SUPPORT", "apologised")),
        ("The army was placed on high alert along the border.", ("MOBILIZE", "alert")),
        # tear gas and dispersal: repression, not an assault
        ("Riot police fired tear gas to disperse protesters in the capital.", ("COERCE", "fired")),
        # wire wordings of rejection, protest and mobilisation
        ("Chavez brushed aside a call by the OAS to open talks.", ("REJECT", "brushed")),
        ("The Supreme Court threw out a petition by the former president.", ("REJECT", "threw")),
        ("The Bosnian Serb assembly voted against the peace plan.", ("REJECT", "voted")),
        ("Washington balked at a Chinese proposal.", ("REJECT", "balked")),
        ("Hungary blocked the European Union's aid package for Ukraine.", ("REJECT", "blocked")),
        ("The Iranian delegation walked out of the General Assembly hall.", ("PROTEST", "walked")),
        ("The opposition parties boycotted the presidential election.", ("PROTEST", "boycotted")),
        ("Iran's navy staged war games near the Strait of Hormuz.", ("MOBILIZE", "games")),
        (
            "Ethiopia ordered the mobilisation of reserve units along its border.",
            ("MOBILIZE", "mobilisation"),
        ),
        (
            "Japan and the Philippines held a joint naval exercise in the South China Sea.",
            ("COOPERATE", "exercise"),
        ),
        # acts named by other verbs and nouns
        ("The tribunal indicted the Bosnian Serb commander for genocide.", ("ACCUSE", "indicted")),
        ("Israel and Jordan established full diplomatic relations on Thursday.", ("SUPPORT", "established")),
        ("Zimbabwean authorities closed the country's only independent daily paper.", ("COERCE", "closed")),
        ("The minister closed the conference with a speech.", None),
        ("Chile accepted 20,000 Venezuelan refugees last year.", ("AID", "accepted")),
        ("China restricted exports of gallium to the United States.", ("SANCTION", "restricted")),
        ("The last US troops left Afghanistan on Monday.", ("RETREAT", "left")),
        ("The rebels laid down their arms on Friday.", ("RETREAT", "laid")),
        ("Iraq let UN weapons inspectors into the presidential palaces.", ("RETREAT", "let")),
        ("India moved troops to the border with Pakistan.", ("MOBILIZE", "moved")),
        ("Tehran's acceptance of the ceasefire was announced on state radio.", ("AGREE", "acceptance")),
        ("Qatar brokered a deal between Israel and Hamas.", ("CONSULT", "deal")),
        ("Protesters stormed the parliament building in Colombo.", ("PROTEST", "stormed")),
        ("The Biden administration paused military aid to Israel.", ("SANCTION", "aid")),
        ("France proposed a ceasefire in Lebanon.", ("REQUEST", "proposed")),
        # yielding and pulling back as wires say them; a particle parsed as an adverb
        ("The prime minister stepped down after weeks of protests.", ("CONCEDE", "stepped")),
        ("The government backed down and scrapped the fuel tax.", ("CONCEDE", "backed")),
        (
            "The government reversed its decision to raise fuel prices after protests.",
            ("CONCEDE", "reversed"),
        ),
        ("The United States drew down its troops in Iraq.", ("RETREAT", "drew")),
        ("Arab leaders rallied behind the Palestinian bid for statehood.", ("SUPPORT", "rallied")),
        ("The opposition leader called the election a sham.", ("ACCUSE", "called")),
        # blame and legal action by their idioms
        (
            "The Congolese government pointed the finger at Rwanda over the rebel offensive.",
            ("ACCUSE", "finger"),
        ),
        (
            "South Africa filed a case against Israel at the International Court of Justice.",
            ("ACCUSE", "case"),
        ),
        ("The minister made a strong case for sanctions.", None),
    ],
)
def test_wordings_and_senses(extract, text, expected):
    assert first_event(extract, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # refused for the future in a said clause: "would" is the future told in the past
        (
            "Armenia's prime minister said Yerevan would not accept any foreign corridor.",
            ("REJECT", "accept"),
        ),
        ("Russia said it would not recognise the referendum.", ("REJECT", "recognise")),
        # a promise through a verb of the act's course; an act arranged with "is to"
        ("The rebels vowed to continue fighting until the government fell.", ("THREATEN", "fighting")),
        ("Syria is to release 50 political prisoners, the state news agency said.", ("AGREE", "release")),
        ("Hamas vowed to take revenge on Israel for the killing of its leader.", ("THREATEN", "vowed")),
        # the fallback verb dictionary's act, promised, is a threat as the project's are
        ("Beijing said it would crush any attempt at Taiwan independence.", ("THREATEN", "crush")),
        # a promise of what is no act in its sense is still a promise
        (
            "The new president promised to democratize Serbia and establish the rule of law.",
            ("AGREE", "promised"),
        ),
        # "must" on the first of joined verbs is on the second too
        (
            "Taiwan must abandon its pursuit of independence and accept the one-China principle.",
            ("REQUEST", "accept"),
        ),
        # the main act before one of a clause of purpose, condition or time
        (
            "Jailed activists went on a hunger strike to protest against their treatment.",
            ("PROTEST", "strike"),
        ),
        (
            "Pakistan's air force was put on high alert after India struck targets on its territory.",
            ("MOBILIZE", "alert"),
        ),
    ],
)
def test_which_act_and_its_mode(extract, text, expected):
    assert first_event(extract, text) == expected


def test_a_refusal_said_is_no_conditional(extract):
    (event,) = extract("Lavrov said Moscow would not accept a ceasefire that ignored the front line.").events
    assert (event.event_type, event.negated, event.hypothetical) == ("REJECT", False, False)


def test_a_protest_is_aimed_at_whom_its_demand_is(extract):
    (event,) = extract(
        "Tibetan monks demonstrated in Lhasa, shouting slogans demanding independence from China."
    ).events
    assert (event.event_type, event.trigger.text) == ("PROTEST", "demonstrated")
    assert [party.text for party in event.recipient] == ["China"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The two sides struck a deal to end the fighting.", ("AGREE", "struck")),
        ("The two neighbours signed a border agreement.", ("AGREE", "signed")),
        ("The two companies signed a merger agreement.", None),
        ("Both parties agreed to settle the lawsuit out of court.", None),
    ],
)
def test_counted_states_are_parties(extract, text, expected):
    assert first_event(extract, text) == expected
