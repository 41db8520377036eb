"""No political event in news without politics, and none lost in news with it (issue 19,
branch ne27): a sport word that its phrase makes no sport ("hunger striker", "human rights
defender", "tour coach", "war games", "the AFL-CIO", "his premiership") no longer makes its
sentence a game's, while the sport sentences keep no event. Passages written for the
project."""

from __future__ import annotations

import pytest

from reportedly.events.political import _PLAYER_POSITION
from reportedly.events.senses import in_not_sport_phrase

from conftest import event_parties, first_event


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # hunger strikers are protesters, written apart or with a hyphen
        ("Egyptian police detained 40 hunger strikers outside parliament.", ("COERCE", "detained")),
        ("Egyptian police detained 40 hunger-strikers outside parliament.", ("COERCE", "detained")),
        ("Israel refused to free a Palestinian hunger striker despite a UN appeal.", ("REJECT", "refused")),
        # human rights, land and public defenders are no footballers
        ("Police in Manila arrested a human rights defender on Tuesday.", ("COERCE", "arrested")),
        ("Honduran soldiers detained two land defenders near the river.", ("COERCE", "detained")),
        ("Kenya's public defender sued the government over the detentions.", ("ACCUSE", "sued")),
        # a tour coach is a bus, war games a military exercise
        ("Gunmen attacked a tourist coach in Luxor on Sunday.", ("ASSAULT", "attacked")),
        ("China launched war games around Taiwan on Monday.", ("MOBILIZE", "games")),
        # marathon talks are long ones; the AFL-CIO a union; a premiership a term of office
        ("After marathon talks, Russian troops launched an assault on Bakhmut.", ("ASSAULT", "assault")),
        ("The AFL-CIO urged Congress to reject the trade deal with Panama.", ("REQUEST", "urged")),
        ("Under Truss's premiership, Britain expelled two Russian diplomats.", ("SANCTION", "expelled")),
        # "batter" is a sport word as a noun only: shells batter towns
        ("Russian missiles battered Kharkiv overnight, killing four civilians.", ("ASSAULT", "killing")),
    ],
)
def test_phrase_that_is_no_sport_keeps_the_event(extract, text, expected):
    assert first_event(extract, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # the same sport words in sport: no event
        "Spain's defender was sent off as Italy beat Spain in Berlin.",
        "Italy's striker scored twice as Italy crushed Spain.",
        "Sri Lanka's batters capitulated against New Zealand's seamers in Galle.",
        "Celtic thrashed Rangers to go top of the Scottish Premiership.",
        "ROME (AFP) - Rome rejected a 30 million euro offer from Arsenal for their striker.",
    ],
)
def test_sport_sentence_has_no_event(extract, text):
    assert extract(text).events == []


def test_rights_defender_is_the_recipient(extract):
    event = extract("Police in Manila arrested a human rights defender on Tuesday.").events[0]
    assert event_parties(event) == (
        "COERCE",
        [("Police in Manila", "PHLCOP")],
        [("a human rights defender", None)],
    )


@pytest.mark.parametrize(
    ("words", "position", "expected"),
    [
        (["police", "held", "hunger", "strikers"], 3, True),
        (["police", "held", "hunger", "-", "strikers"], 4, True),
        (["the", "afl", "-", "cio", "said"], 1, True),
        (["the", "rights", "defender", "said"], 2, True),
        (["the", "club", "'s", "defender", "said"], 3, False),
        (["hunger", "and", "strikers"], 2, False),
    ],
)
def test_in_not_sport_phrase(words, position, expected):
    assert in_not_sport_phrase(words, position) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Milan rejected a bid from Chelsea for striker Rafael Leao.", True),
        ("Ankara refused to meet the hunger strikers.", False),
        ("Ankara refused to meet the hunger-strikers.", False),
        ("Madrid have held talks with the agent of wing-back X.", True),
    ],
)
def test_player_position(text, expected):
    assert (_PLAYER_POSITION.search(text) is not None) is expected


@pytest.mark.parametrize(
    "text",
    [
        # a prize's judges are no court
        "The poetry prize went to a debut collection, which the judges praised for its daring.",
        # the capitals a route runs between are places
        "Passengers faced dozens of cancellations between Brussels and Berlin after the storm.",
        "The operator cancelled trains between Vienna and Prague after floods washed away a bridge.",
        # the two sides of a takeover, a race named after its country, a city's people
        "Shell walked away from the talks after the two sides failed to agree on the price of the deal.",
        "Jonas Vingegaard attacked on the last climb to win the 12th stage of the Tour de France.",
        "Sponsors accused Mumbai Indians of breaking the salary cap rules.",
        # a firm named after its trade, whatever country its name holds
        "Sydney-listed miner Anglo Australian rejected a takeover bid from a rival on Monday.",
        "TOKYO (Reuters) - Carmaker Nissan rejected a takeover offer from a rival on Monday.",
    ],
)
def test_no_political_event(extract, text):
    assert extract(text).events == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # judges in a court case act; capitals that talk are parties
        ("The judges rejected the government's appeal against the ruling.", ("REJECT", "rejected")),
        ("Talks between London and Paris on the migrant deal broke down on Monday.", ("CONSULT", "Talks")),
        # the two sides a sentence names
        ("Mexico and Canada agreed to a new tariff deal on Friday, the two sides said.", ("AGREE", "agreed")),
        # a country's people; a state's firm, which its owner's code makes political
        ("Sponsors accused the Indians of breaking the salary cap rules.", ("ACCUSE", "accused")),
        (
            "Chavez's state oil company PDVSA began delivering cheap heating oil to poor families in Boston.",
            ("AID", "delivering"),
        ),
    ],
)
def test_political_event_kept(extract, text, expected):
    assert first_event(extract, text) == expected


def test_capitals_that_talk_are_their_governments(extract):
    event = extract("Talks between London and Paris on the migrant deal broke down on Monday.").events[0]
    assert event_parties(event) == ("CONSULT", [("London", "GBRGOV")], [("Paris", "FRAGOV")])
