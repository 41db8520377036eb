"""Event parties (issue 19, branch code26): datelines acted on, full names NER typed
otherwise, firms by their home country, lone surnames with no
day."""

from __future__ import annotations

import pytest

from reportedly.resolve.actors import load_coder

from conftest import only_first_event, party_codes


def test_the_dateline_is_no_recipient(extract) -> None:
    event = only_first_event(
        extract,
        "HEBRON (WAFA) - President Mahmoud Abbas received at his office the UN envoy Tor Wennesland.",
    )
    assert "HEBRON" not in [party.text for party in event.recipient]


def test_a_firm_is_of_its_home_countrys_business(extract) -> None:
    event = only_first_event(
        extract, "The European Commission charged Exxon Mobil with breaking competition rules."
    )
    assert party_codes(event.recipient) == [("Exxon Mobil", "USABUS")]


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        # NER's organisations for a surname, undated: the politician of one country
        ("Musharraf urged India to pull its troops back from the border.", ("Musharraf", "PAK")),
        ("Fujimori turned down a call to postpone the run-off.", ("Fujimori", "PER")),
    ],
)
def test_a_leaders_surname_with_no_day(extract, text: str, actor: tuple[str, str]) -> None:
    event = only_first_event(extract, text)
    assert [(party.text, party.actor.country if party.actor else None) for party in event.actor] == [actor]


def test_a_surname_that_opens_a_firms_name_is_not_taken_for_a_leader() -> None:
    coder = load_coder()
    assert coder.opens_body_name("Ford")
    assert not coder.opens_body_name("Musharraf")


def test_a_full_name_ner_took_for_a_body_is_of_its_home_country(extract) -> None:
    # the dictionaries' codes for him are all dated and ended
    event = only_first_event(extract, "Franjo Tudjman accused the United Nations of bias.")
    assert [party.actor.country if party.actor else None for party in event.actor] == ["HRV"]


def test_whom_a_refused_handover_was_for_is_the_recipient(extract) -> None:
    event = only_first_event(extract, "The junta again refused to hand over the former minister to Belgium.")
    assert [party.actor.country if party.actor else None for party in event.recipient] == ["BEL"]


def test_a_government_no_words_place_is_the_reports_own(extract) -> None:
    event = only_first_event(
        extract,
        "HAVANA (Prensa Latina) - The revolutionary government condemned the sanctions "
        "imposed by Washington.",
    )
    assert [party.actor.country if party.actor else None for party in event.actor] == ["CUB"]
