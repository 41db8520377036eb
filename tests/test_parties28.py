"""Event parties (issue 19, branch code28): the era's rulers and commanders, names NER cut at
a hyphen, a head's uncoded name owned by a coded one, a place NER took for an organisation,
live-blog stamps, UN missions' contingents and whom an official meets."""

from __future__ import annotations

from datetime import date

import pytest

from conftest import first_event_party_codes, only_first_event, party_codes


@pytest.mark.parametrize(
    ("text", "day", "actor"),
    [
        ("Colonel Assimi Goita dissolved the transitional parliament.", date(2022, 5, 1), "MLIGOV"),
        ("Hakan Fidan accused Israel of genocide in Gaza.", date(2024, 1, 10), "TURGOV"),
        ("Abdel Fattah al-Burhan rejected talks with the paramilitaries.", date(2023, 6, 1), "SDNGOV"),
    ],
)
def test_the_eras_rulers_are_of_their_states(resolve, text: str, day: date, actor: str) -> None:
    actors, _ = first_event_party_codes(resolve, text, day)
    assert [code for _, code in actors][:1] == [actor]


def test_a_name_ner_cut_at_a_hyphen_is_read_whole(extract) -> None:
    event = only_first_event(
        extract,
        "PESHAWAR - Militants of the proscribed Tehreek-i-Taliban Pakistan stormed a check post in "
        "North Waziristan.",
    )
    assert [party.actor.code if party.actor else None for party in event.actor][:1] == ["PAKREB"]


def test_an_uncoded_name_owned_by_a_coded_one_is_the_owners(extract) -> None:
    event = only_first_event(
        extract, "MONUSCO's Force Intervention Brigade deployed attack helicopters north of Goma."
    )
    assert party_codes(event.actor)[:1] == [("MONUSCO's Force Intervention Brigade", "IGOUNOMIL")]


def test_a_people_before_a_place_ner_took_for_an_organisation(resolve) -> None:
    _, recipients = first_event_party_codes(
        resolve, "Goita received the Russian deputy defence minister in Bamako.", date(2023, 9, 1)
    )
    assert [code[:3] if code else None for _, code in recipients][:1] == ["RUS"]


def test_a_live_blogs_post_time_is_no_part_of_the_party(extract) -> None:
    event = only_first_event(extract, "12:40 GMT - Kyiv accused Moscow of shelling a school in Kharkiv.")
    assert party_codes(event.actor)[:1] == [("Kyiv", "UKRGOV")]


def test_blue_helmets_serving_with_a_un_mission_serve_the_un(extract) -> None:
    event = only_first_event(
        extract, "Gunmen wounded two Nepali blue helmets serving with UNIFIL near the border."
    )
    assert [party.actor.code if party.actor else None for party in event.recipient][:1] == ["IGOUNOMIL"]


def test_an_unknown_official_is_not_of_whom_he_receives(extract) -> None:
    event = only_first_event(extract, "President Mbeki Tau received the Russian deputy foreign minister.")
    assert [party.actor.country if party.actor else None for party in event.actor][:1] != ["RUS"]
