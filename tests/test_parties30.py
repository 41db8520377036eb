"""Event parties (issue 19, branch code30): a government a protest presses of the
protesters' country; the name of a place noun after "in" as the act's place; a ship of the
state whose people own or flag it; "Zionist" as Israel's adjective; "Modi" alone; a title
left of a person's words ("Sheikh") read as no other person's surname."""

from __future__ import annotations

from datetime import date

import pytest

from reportedly.resolve.actors import ActorCoder

from conftest import first_event_party_codes


def test_a_government_a_protest_presses_is_the_protesters_own(resolve) -> None:
    _, recipients = first_event_party_codes(
        resolve, "Romanian students protested against the government over university fees.", date(2024, 1, 1)
    )
    assert recipients[:1] == [("the government", "ROUGOV")]


def test_the_name_of_a_town_after_in_is_the_acts_place_not_its_recipient(resolve) -> None:
    _, recipients = first_event_party_codes(
        resolve,
        "The Nigerian army blamed fighters loyal to Boko Haram for the killing of 40 farmers in the "
        "village of Zabarmari.",
        date(2024, 1, 1),
    )
    assert recipients[:1] and recipients[0][0] != "Zabarmari"


@pytest.mark.parametrize(
    ("words", "country"),
    [("a Greek-owned tanker", "GRC"), ("a Liberian-flagged ship", "LBR"), ("Iranian-made drones", None)],
)
def test_a_ship_is_of_the_state_whose_people_own_or_flag_it(words: str, country: str | None) -> None:
    code = ActorCoder().code_description(words, None)
    assert (code[:3] if code else None) == country


def test_zionist_before_a_noun_names_israel(resolve) -> None:
    actors, _ = first_event_party_codes(
        resolve,
        "The Zionist enemy aircraft bombed a house in the town of Khiam, killing two civilians.",
        None,
    )
    assert actors[:1] and actors[0][1][:3] == "ISR"


def test_modi_alone_is_indias_prime_minister_in_his_terms(resolve) -> None:
    actors, _ = first_event_party_codes(
        resolve, "Modi congratulated the new president of Sri Lanka.", date(2024, 9, 23)
    )
    assert actors[:1] == [("Modi", "INDGOV")]


def test_a_title_left_of_a_persons_words_is_no_other_persons_surname(resolve) -> None:
    actors, _ = first_event_party_codes(
        resolve, "Sheikh Hasina accused the opposition of arson.", date(2024, 1, 1)
    )
    assert actors[:1] == [("Sheikh Hasina", "BGDGOV")]
