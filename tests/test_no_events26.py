"""No political event in news without politics (issue 19, branch ne26): countries as teams in
tournaments' knockout rounds, animals, places only named as where something is, firms and
clubs, and protests at a cafe; and the same words in political news, which keep their
events. Passages written for the project."""

from __future__ import annotations

import pytest

from conftest import event_parties, first_event


@pytest.mark.parametrize(
    "text",
    [
        # countries as teams: a hyphenated knockout round, a tournament's league
        "Brazil outclassed Peru in the Copa America quarter-final in Houston on Sunday.",
        "Canada stunned Spain 98-97 in the semi-finals after a late three-pointer.",
        "The Bundesliga punished Hertha with a points deduction for unpaid wages.",
        # animals acting on a place, and a place only named as where it happens
        "Biologists found that wild boars had invaded the vineyards of southern Germany.",
        "Sea otters had attacked kayakers off California, a marine biologist said.",
        "Locusts had occupied much of Kenya's farmland by the end of the rainy season.",
        "Botanists captured a rare orchid on camera in the jungle of Borneo.",
        # a firm by its head noun, and a city for its club
        "PARIS (Reuters) - The carmaker rejected a takeover offer from a rival on Monday.",
        "ROME (AFP) - Rome rejected a 30 million euro offer from Arsenal for their striker.",
        # a protest held outside a cafe
        "Cyclists in Bristol staged a protest ride outside a cafe that had banned bikes.",
    ],
)
def test_no_political_event(extract, text):
    assert extract(text).events == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the same words in political news
        ("Russian forces occupied the town of Bakhmut in eastern Ukraine.", "COERCE"),
        ("Pirates attacked a merchant ship off Somalia on Tuesday.", "ASSAULT"),
        ("Madrid rejected the European Commission's demand for new spending cuts.", "REJECT"),
        ("Thousands of protesters in Minsk marched against the president on Sunday.", "PROTEST"),
        ("Workers staged a protest outside the ministry in Lagos over unpaid wages.", "PROTEST"),
        # a hunger striker is no footballer, whom the sport words would make the sentence's
        ("Egyptian police detained 40 hunger strikers outside the parliament in Cairo.", "COERCE"),
        ("Israel refused to free a Palestinian hunger striker despite a UN appeal.", "REJECT"),
    ],
)
def test_political_event_kept(extract, text, expected):
    events = extract(text).events
    assert events, "no event"
    assert events[0].event_type == expected


def test_place_owner_keeps_its_code_where_a_state_acts(extract):
    # the owner of a region is no party only where no political party acts on it
    event = extract("Russian troops occupied Ukraine's Zaporizhzhia region.").events[0]
    assert event_parties(event) == (
        "COERCE",
        [("Russian troops", "RUSMIL")],
        [("Ukraine's Zaporizhzhia region", "UKR")],
    )
    assert first_event(extract, "Kenya expelled two Somali diplomats on Friday.") == ("SANCTION", "expelled")
