"""Event parties (issue 19, branch code21): whose news a report is (a news agency named in it, the
place or agency of its dateline) places a party nothing else places; a dated dateline is no
part of a party; bodies and agencies the dictionaries lacked."""

from __future__ import annotations

from datetime import date

import pytest

from reportedly.resolve.actors import load_coder

from conftest import first_event_party_codes


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("KCNA", "PRKGOVMED"),
        ("Xinhua", "CHNGOVMED"),
        ("News Agency of Nigeria", "NGAGOVMED"),
        ("Yonhap", "KORMED"),
        ("Reuters", "MED"),  # an international wire is of no country
        ("Supreme People's Assembly", "PRKLEG"),
        ("Taiwan Affairs Office", "CHNGOV"),  # named by what it deals with, not whose it is
    ],
)
def test_agencies_and_bodies(name: str, code: str) -> None:
    assert load_coder().code_name(name, date(2024, 3, 1)) == code


def test_a_paramilitary_of_the_state_until_its_war() -> None:
    coder = load_coder()
    assert coder.code_name("Rapid Support Forces", date(2019, 6, 3)) == "SDNMIL"
    assert coder.code_name("Rapid Support Forces", date(2023, 4, 20)) == "SDNREB"


def test_dateline_place_places_a_government_nothing_else_places(resolve) -> None:
    actors, _ = first_event_party_codes(
        resolve,
        "LAGOS, May 14 (NAN) - The Federal Government has agreed to raise pensions.",
        date(2021, 5, 14),
    )
    assert actors == [("The Federal Government", "NGAGOV")]


def test_agency_country_comes_after_the_sentences_own(resolve) -> None:
    # the sentence names a country (of the recipients): an agency's is only a last resort
    actors, _ = first_event_party_codes(
        resolve, "The ministry agreed to resettle Somali refugees, Xinhua reported.", date(2015, 6, 2)
    )
    assert actors == [("The ministry", "SOMGOV")]


def test_agency_named_in_the_sentence_places_a_body(resolve) -> None:
    actors, _ = first_event_party_codes(
        resolve,
        "The Chairman of the Presidium of the Supreme People's Assembly received the Syrian "
        "delegation, KCNA said.",
        date(1994, 5, 3),
    )
    assert actors == [("The Chairman of the Presidium of the Supreme People's Assembly", "PRKLEG")]


def test_a_dated_dateline_is_no_part_of_a_party(resolve) -> None:
    actors, recipients = first_event_party_codes(
        resolve, "KYIV, May 3 (Reuters) - Ukraine accused Russia of shelling a hospital.", date(2023, 5, 3)
    )
    assert actors == [("Ukraine", "UKRGOV")]
    assert recipients == [("Russia", "RUS")]


def test_the_reports_country_is_no_foreign_state_to_its_officials(resolve) -> None:
    actors, _ = first_event_party_codes(
        resolve,
        "ANKARA (AA) - The Interior Ministry removed the elected mayors of Mardin, Batman and Halfeti "
        "from office.",
        date(2024, 11, 4),
    )
    assert actors == [("The Interior Ministry", "TURGOV")]


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Islamic Revolutionary Guard Corps", "IRNMIL"),
        ("IRGC", "IRNMIL"),
        ("Zionist regime", "ISRGOV"),
        ("International Organization for Migration", "IGOUNO"),
        ("Al Jazeera", "QATMED"),
    ],
)
def test_names_of_state_agency_english(name: str, code: str) -> None:
    assert load_coder().code_name(name, date(2024, 3, 1)) == code


def test_a_datelines_place_comes_before_the_agency_filing_from_it(resolve) -> None:
    # a Cuban agency's report from Haiti: the armed forces no dictionary places are Haiti's
    actors, _ = first_event_party_codes(
        resolve,
        "PORT-AU-PRINCE (Prensa Latina) - The army shelled the hideouts of the gangs.",
        date(2025, 4, 1),
    )
    assert actors == [("The army", "HTIMIL")]


@pytest.mark.parametrize(
    ("name", "day", "code"),
    [
        ("Pashinyan", date(2024, 3, 1), "ARMGOV"),
        ("Milei", date(2024, 3, 1), "ARGGOV"),
        ("Ariel Henry", date(2022, 3, 1), "HTIGOV"),
        ("Hemedti", date(2019, 6, 3), "SDNMIL"),
    ],
)
def test_leaders_since_the_dictionaries(name: str, day: date, code: str) -> None:
    assert load_coder().code_name(name, day) == code


def test_a_leader_on_no_day_is_of_the_country_with_the_titles_sector(resolve) -> None:
    actors, _ = first_event_party_codes(
        resolve, "Prime Minister Pashinyan rejected the demand of Baku.", None
    )
    assert actors == [("Prime Minister Pashinyan", "ARMGOV")]
