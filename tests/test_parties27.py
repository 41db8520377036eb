"""Event parties (issue 19, branch code27): UN contingents, a weapon's fire and strikes, firms
and bodies by the names news uses, a ruler the dictionaries give only a government term."""

from __future__ import annotations

import pytest

from reportedly.resolve.actors import load_coder

from conftest import only_first_event, party_codes


@pytest.mark.parametrize(
    "text",
    [
        "Gunmen ambushed 12 Nepalese peacekeepers near the airport, a UN spokeswoman said.",
        "Militia fighters abducted Uruguayan peacekeepers outside the town, the U.N. mission said.",
    ],
)
def test_a_states_peacekeepers_in_a_sentence_naming_the_un_serve_the_un(extract, text: str) -> None:
    event = only_first_event(extract, text)
    assert [party.actor.code if party.actor else None for party in event.recipient][:1] == ["IGOUNOMIL"]


def test_peacekeepers_of_no_un_force_stay_their_states(extract) -> None:
    event = only_first_event(extract, "Gunmen ambushed Russian peacekeepers near the border on Monday.")
    assert [party.actor.country if party.actor else None for party in event.recipient][:1] == ["RUS"]


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("Syrian artillery fire killed four villagers near the border.", ("Syrian artillery fire", "SYRMIL")),
        ("Israeli bulldozers demolished three homes in the village.", ("Israeli bulldozers", "ISRMIL")),
    ],
)
def test_a_weapons_fire_stands_for_the_state_that_fires_it(extract, text: str, actor) -> None:
    event = only_first_event(extract, text)
    assert party_codes(event.actor)[:1] == [actor]


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("ExxonMobil", "MNCUSA"),
        ("Woodside", "MNCAUS"),
        ("Gazprom", "MNCRUS"),
        ("Quartet of Middle East mediators", "IGO"),
    ],
)
def test_bodies_by_the_names_news_uses(name: str, code: str) -> None:
    assert load_coder().code_name(name, None) == code


def test_a_firm_by_its_short_name_is_of_its_home_countrys_business(extract) -> None:
    event = only_first_event(extract, "Washington imposed sanctions on Huawei.")
    assert ("Huawei", "CHNBUS") in party_codes(event.recipient)


def test_a_rulers_surname_alone_with_no_day(extract) -> None:
    event = only_first_event(extract, "Gaddafi rejected the demand to hand over the two suspects.")
    assert [party.actor.country if party.actor else None for party in event.actor] == ["LBY"]


@pytest.mark.parametrize(
    ("text", "people"),
    [
        (
            "Gunmen stormed the Mali village of Ogossagou, killing dozens of residents.",
            ("dozens of residents", "MLICVL"),
        ),
        ("Warplanes struck a crowded market in Idlib, killing 30 people.", ("30 people", "SYRPPL")),
    ],
)
def test_the_people_an_attacks_toll_names_are_its_recipients_after_the_place(extract, text, people) -> None:
    event = only_first_event(extract, text)
    codes = party_codes(event.recipient)
    assert len(codes) >= 2
    assert codes[-1][0] == people[0]
    assert (codes[-1][1] or "").endswith(people[1])


def test_a_place_with_no_toll_keeps_one_recipient(extract) -> None:
    event = only_first_event(extract, "Warplanes struck a crowded market in Idlib on Monday.")
    assert len(event.recipient) == 1


def test_joined_peoples_share_the_words_before_their_noun(extract) -> None:
    event = only_first_event(extract, "Greek and Turkish foreign ministers held talks in Geneva on Monday.")
    assert party_codes(event.actor) == [
        ("Greek foreign ministers", "GRCGOV"),
        ("Turkish foreign ministers", "TURGOV"),
    ]


def test_a_bodys_noun_the_parse_hung_before_a_verb_taken_for_a_modifier(extract) -> None:
    # the parse hangs "Sudan's" on "troops", "army" on "massed" as an adverb, "massed" on "troops"
    event = only_first_event(extract, "Sudan's army massed troops and armoured vehicles around the city.")
    assert [party.actor.code if party.actor else None for party in event.actor] == ["SDNMIL"]


def test_a_name_after_the_head_does_not_take_the_party_from_its_owner(extract) -> None:
    event = only_first_event(
        extract, "The UN's commission of inquiry on Eritrea accused security forces of torturing detainees."
    )
    assert [party.actor.code if party.actor else None for party in event.actor] == ["IGOUNO"]


@pytest.mark.parametrize(
    ("text", "recipient"),
    [
        (
            "Iran threatened to quit the nuclear treaty unless Washington lifted its sanctions.",
            "USA",
        ),
        ("Moscow warned that it would cut gas supplies if Kiev joined the alliance.", "UKR"),
    ],
)
def test_a_threat_is_aimed_at_whom_its_condition_names(extract, text: str, recipient: str) -> None:
    event = only_first_event(extract, text)
    assert event.event_type == "THREATEN"
    assert [party.actor.country if party.actor else None for party in event.recipient][:1] == [recipient]
