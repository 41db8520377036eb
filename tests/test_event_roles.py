"""Whom a party acts for and who is acted on (issue 19, third round): a person known only by
dated offices is of the country they served, a meeting's place is no recipient, a person's
apposition says whom they act for, the Red Cross is an IGO; passages written for the
project."""

from __future__ import annotations

from datetime import date

import pytest

from reportedly.model import Document, Event
from reportedly.resolve.actors import load_coder


def parties(event: Event) -> tuple[str, list[tuple[str, str | None]], list[tuple[str, str | None]]]:
    def named(group):
        return [(party.text, party.actor.code if party.actor else None) for party in group]

    return event.event_type, named(event.actor), named(event.recipient)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the dictionaries date Rajiv Gandhi's offices (INDGOV 1984-89, INDELI around them):
        # with no day, or a day outside them, he is still India's, not Pakistan's
        (
            "Rajiv Gandhi accused Pakistan of training Sikh militants.",
            ("ACCUSE", [("Rajiv Gandhi", "IND")], [("Pakistan", "PAK")]),
        ),
        (
            "Prime Minister Rajiv Gandhi accused Pakistan of training Sikh militants.",
            ("ACCUSE", [("Prime Minister Rajiv Gandhi", "INDGOV")], [("Pakistan", "PAK")]),
        ),
        # a meeting's place is its venue, no recipient (issue 19: "gather in Brussels" BEL) ...
        (
            "Ukraine and Russia held talks in Geneva on Monday.",
            ("CONSULT", [("Ukraine", "UKR"), ("Russia", "RUS")], []),
        ),
        # ... nor the country of an official no dictionary places
        ("Envoys held talks in Geneva on Monday.", ("CONSULT", [("Envoys", None)], [])),
        # nor is the place of someone else's act in an adverbial clause (examples/wire-feed.jsonl:
        # Geneva coded CHE as what Ukraine would not give up)
        (
            "Zelenskiy said that Ukraine would not give up any territory in exchange for a "
            "ceasefire, days before envoys were due to meet in Geneva.",
            ("AGREE", [("Ukraine", "UKR")], []),
        ),
        # whom they meet still is
        (
            "Netanyahu held talks in Jerusalem with Blinken.",
            ("CONSULT", [("Netanyahu", "ISRGOV")], [("Blinken", "USAELI")]),
        ),
        # the place of a material act is what it is done to
        (
            "Four British suicide bombers killed 52 people in London.",
            ("ASSAULT", [("Four British suicide bombers", "GBRREB")], [("London", "GBR")]),
        ),
        # a person's apposition says whom they act for
        (
            "Thomas Shannon, U.S. undersecretary of state for political affairs, criticised Iran.",
            (
                "ACCUSE",
                [("Thomas Shannon, U.S. undersecretary of state for political affairs", "USAGOV")],
                [("Iran", "IRN")],
            ),
        ),
        # a noun act between sides: the first acts, the others receive
        (
            "Talks between Israel and Hamas resumed in Cairo on Monday.",
            ("CONSULT", [("Israel", "ISR")], [("Hamas", "PSEREBHMS")]),
        ),
        # joined actors of a joint act are no recipients of one another (PLOVER leaves the
        # recipient empty: "Czechia and Albania have upgraded their diplomatic ties")
        (
            "Russia and Ukraine agreed to a prisoner exchange.",
            ("AGREE", [("Russia", "RUS"), ("Ukraine", "UKR")], []),
        ),
        # a country's agents named by it are of their sector, not the bare country
        (
            "US and British forces attacked the town.",
            ("ASSAULT", [("US forces", "USAMIL"), ("British forces", "GBRMIL")], []),
        ),
        (
            "Pakistan's foreign minister criticised India for the attack.",
            ("ACCUSE", [("Pakistan's foreign minister", "PAKGOV")], [("India", "IND")]),
        ),
        # where the main act has no political party, the act in the clause under it is the event
        (
            "At least 23 civilians were killed on Monday as Syrian government forces launched air "
            "strikes against the rebel-held enclave of Eastern Ghouta.",
            ("ASSAULT", [("Syrian government forces", "SYRMIL")], [("Eastern Ghouta", "SYR")]),
        ),
        # the PLOVER gold codes the Red Cross as an IGO ("Red Cross operating in Iraq" IGOMED)
        ("The Red Cross urged both sides to allow aid.", ("REQUEST", [("The Red Cross", "IGOHLHIRC")], [])),
    ],
)
def test_parties_act_for_their_own_country(extract, text, expected):
    (event,) = extract(text).events
    assert parties(event) == expected


def test_a_dated_person_is_of_their_country_on_any_day(extractor):
    text = "Rajiv Gandhi accused Pakistan of training Sikh militants."
    extraction = extractor.extract_one(Document(doc_id="p", text=text, published=date(2025, 5, 12)))
    (event,) = extraction.events
    assert [party.actor.code for party in event.actor] == ["IND"]


def test_home_country_is_the_one_country_of_all_codes():
    coder = load_coder()
    assert coder.home_country("Rajiv Gandhi") == "IND"
    # a name of no dictionary has none
    assert coder.home_country("Zzyzx Qwerty") is None
