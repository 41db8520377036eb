"""Event parties (issue 19, branch code17): the rules shared by the actor coder and the event
parties, each written once: a body's common name after another country's adjective, the city
table's key, and the plural of the nouns of people and bodies an act is done to."""

from __future__ import annotations

from datetime import date

import pytest

from reportedly.events.parties import names_party
from reportedly.events.places import city_country, is_place_name
from reportedly.resolve.actors import city_key, iso_country, load_coder
from reportedly.resolve.dictionaries import english_plural

from conftest import first_event_party_codes


@pytest.mark.parametrize(
    ("noun", "plural"),
    [
        ("prisoner", "prisoners"),
        ("family", "families"),
        ("attorney", "attorneys"),
        ("fisherman", "fishermen"),
        ("witness", "witnesses"),
        ("oligarch", "oligarchs"),
        ("church", "churches"),
    ],
)
def test_english_plural(noun: str, plural: str) -> None:
    assert english_plural(noun) == plural


@pytest.mark.parametrize(
    ("words", "party"),
    [
        ("37 prisoners", True),
        ("dozens of fishermen", True),
        ("about 550 households", True),
        ("the oligarchs", True),
        ("the government", True),
        ("new restrictions", False),
    ],
)
def test_names_party_singular_or_plural(words: str, party: bool) -> None:
    assert names_party(words) is party


def test_city_key_one_spelling_for_every_lookup() -> None:
    assert city_key("St. Louis") == "St Louis"
    assert is_place_name("St. Louis") and is_place_name("St Louis")
    assert city_country("a newspaper based in St. Louis") == "USA"
    assert city_country("a newspaper based in St Louis") == "USA"


def test_body_of_country_is_one_rule() -> None:
    coder = load_coder()
    day = date(1995, 6, 1)
    code = coder.code_name("Senate", day)
    assert code is not None and code.startswith("USA")
    assert coder.body_of_country("The Jordanian", "Senate", code, day) == "JOR"
    # a qualifier of the body's own country, or a proper name, is none
    assert coder.body_of_country("The American", "Senate", code, day) is None
    assert coder.code_head_name("The Jordanian Senate", day) is None
    assert coder.code_head_name("the Palestinian militant group Hamas", day) == coder.code_name("Hamas", day)


@pytest.mark.parametrize(
    ("text", "published", "actors"),
    [
        # a wire dateline is no party, nor part of one
        (
            "TRIPOLI - South African President Nelson Mandela praised Libyan leader Muammar Gaddafi.",
            date(1999, 6, 12),
            [("South African President Nelson Mandela", "ZAFGOV")],
        ),
        (
            "ALGIERS (AFP) - Ethiopia and Eritrea signed a peace agreement on Tuesday.",
            date(2000, 12, 12),
            [("Ethiopia", "ETH"), ("Eritrea", "ERI")],
        ),
        (
            "MANILA (AFP) - The Philippines on Thursday dismissed a Chinese demand to tow away the warship.",
            date(2023, 8, 10),
            [("The Philippines", "PHL")],
        ),
        # a capitalised word before a hyphen is no dateline
        (
            "UN-backed forces attacked rebel positions near Kismayo.",
            date(2012, 9, 28),
            [("UN-backed forces", "IGOUNO")],
        ),
    ],
)
def test_dateline_is_no_party(resolve, text: str, published: date, actors) -> None:
    assert first_event_party_codes(resolve, text, published)[0] == actors


def test_purpose_of_a_weapon_gives_the_recipient(resolve) -> None:
    actors, recipients = first_event_party_codes(
        resolve,
        "NAIROBI - Police fired tear gas to disperse hundreds of students demonstrating outside the campus.",
        date(2000, 3, 8),
    )
    assert actors == [("Police", "KENCOP")]
    assert recipients[0] == ("hundreds of students", "KENEDU")


@pytest.mark.parametrize(
    ("text", "published", "actors"),
    [
        # an international body's official by surname, in office on the day
        ("Boutros-Ghali appealed to the Bosnian Serbs to release the hostages.", date(1995, 6, 1), "IGOUNO"),
        ("Ogata appealed to Zaire to let aid reach refugees.", date(1995, 6, 1), "IGOUNO"),
        # a name NER cut: the party's whole words are the dictionaries' name
        ("The Indian government banned the Liberation Tigers of Tamil Eelam.", date(1995, 6, 1), None),
    ],
)
def test_names_the_dictionaries_know(resolve, text: str, published: date, actors: str | None) -> None:
    found, recipients = first_event_party_codes(resolve, text, published)
    if actors is not None:
        assert found[0][1] == actors
    else:
        assert recipients == [("the Liberation Tigers of Tamil Eelam", "LKAREB")]


@pytest.mark.parametrize(
    ("text", "published", "actor", "recipient"),
    [
        # a people's adjective before an armed group of another country: its branch there
        (
            "The Pakistani Taliban warned of attacks on the ruling party's leaders.",
            date(2009, 6, 1),
            "PAKREB",
            "PAKGOV",
        ),
        ("The Afghan Taliban attacked a police post in Kandahar.", date(2009, 6, 1), "AFGREB", None),
        ("Iranian-backed Hezbollah fired rockets into northern Israel.", date(2006, 7, 20), "LBNREB", None),
        # Kosovo was Serbia's until 2008, and is XKX after
        ("Serbian police arrested 20 protesters in Kosovo.", date(1998, 3, 2), "SRBCOP", None),
        ("Belgrade accused Kosovo of provoking violence.", date(2023, 6, 1), "SRBGOV", "XKX"),
    ],
)
def test_branches_and_eras(resolve, text: str, published: date, actor: str, recipient: str | None) -> None:
    actors, recipients = first_event_party_codes(resolve, text, published)
    assert actors[0][1] == actor
    if recipient is not None:
        code = recipients[0][1]
        assert code is not None and iso_country(code[:3]) == recipient[:3] and code[3:] == recipient[3:]


@pytest.mark.parametrize(
    ("text", "published", "recipient"),
    [
        # a body's post or convoy stands for the body, before the place it is in
        (
            "According to Mexican prosecutors, cartel gunmen ambushed a police convoy in Michoacan state.",
            date(2019, 10, 15),
            ("a police convoy", "MEXCOP"),
        ),
        ("Rebels ambushed a military convoy near Goma.", date(2012, 7, 10), ("a military convoy", "CODMIL")),
    ],
)
def test_body_post_is_recipient(resolve, text: str, published: date, recipient) -> None:
    assert first_event_party_codes(resolve, text, published)[1][0] == recipient


def test_striking_workers_are_labour_of_the_country_named(resolve) -> None:
    actors, _ = first_event_party_codes(
        resolve,
        "Striking miners threatened to march on Bucharest unless the government met their demands.",
        date(1999, 1, 18),
    )
    assert actors == [("Striking miners", "ROULAB")]


def test_cleric_is_of_the_country_named(resolve) -> None:
    _, recipients = first_event_party_codes(
        resolve, "Gunmen in Karachi killed a Shiite cleric on Monday.", date(1998, 5, 4)
    )
    assert recipients[0][0] == "a Shiite cleric" and (recipients[0][1] or "")[:3] == "PAK"


def test_verb_close_is_no_preposition(resolve) -> None:
    _, recipients = first_event_party_codes(
        resolve,
        "Greek Prime Minister Andreas Papandreou threatened to close the four U.S. military bases in Greece.",
        date(1988, 5, 10),
    )
    assert recipients[0] == ("the four U.S. military bases in Greece", "USAMIL")


@pytest.mark.parametrize(
    ("text", "published", "recipient"),
    [
        # who pressed for a concession is its recipient
        (
            "PARIS - The French government withdrew its education bill after weeks of student protests.",
            date(1994, 3, 30),
            ("student", "FRAEDU"),
        ),
        (
            "Bangladesh's Prime Minister Sheikh Hasina stepped down and fled the country as protesters"
            " marched on her residence in Dhaka.",
            date(2024, 8, 5),
            ("protesters", "BGDOPP"),
        ),
    ],
)
def test_who_pressed_for_a_concession(resolve, text: str, published: date, recipient) -> None:
    assert first_event_party_codes(resolve, text, published)[1][0] == recipient


def test_organisation_a_member_is_suspended_from_acts(resolve) -> None:
    actors, recipients = first_event_party_codes(
        resolve, "Mali was suspended from the African Union after the coup.", date(2012, 3, 23)
    )
    assert actors == [("the African Union", "IGOAFRAFU")] and recipients == [("Mali", "MLI")]
