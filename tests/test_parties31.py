"""Event parties (issue 19, branch code31): prisoners and inmates are civilians of the state
that holds them; what a weapon is fired "at" is its aim, not a place; a state named as
another's neighbour is of a country its sentence names, never the other's; an attack's own
words name no capital's government as actor; the Group of 20 and the Paris Club as blocs of
states."""

from __future__ import annotations

from datetime import date

from conftest import first_event_party_codes


def test_prisoners_freed_are_civilians_of_the_state_that_holds_them(resolve) -> None:
    _, recipients = first_event_party_codes(
        resolve, "Cambodia's government freed more than 2,000 prisoners under an amnesty.", date(2024, 1, 1)
    )
    assert recipients[:1] == [("more than 2,000 prisoners", "KHMCVL")]


def test_what_a_weapon_is_fired_at_is_the_aim_not_the_place(resolve) -> None:
    _, recipients = first_event_party_codes(
        resolve,
        "North Korea fired two missiles at Japan in response to the arrest of its diplomat.",
        date(2024, 1, 1),
    )
    assert recipients[:1] == [("Japan", "JPN")]


def test_the_g20_and_the_paris_club_are_blocs_of_states(resolve) -> None:
    actors, recipients = first_event_party_codes(
        resolve,
        "The finance ministers of the G20 agreed a new debt deal with the Paris Club, the Brazilian "
        "presidency said.",
        date(2024, 1, 1),
    )
    assert actors[:1] and actors[0][1] == "IGO"
    assert ("the Paris Club", "IGO") in recipients


def test_a_neighbour_is_a_country_the_sentence_names_never_the_other_sides(resolve) -> None:
    _, recipients = first_event_party_codes(
        resolve,
        "The Uzbek government agreed to supply its eastern neighbour with gas this winter, the Tajik "
        "energy ministry said.",
        date(2024, 1, 1),
    )
    assert (
        recipients[:1]
        and recipients[0][0] == "its eastern neighbour"
        and (recipients[0][1] or "")[:3] == "TJK"
    )


def test_a_neighbour_no_other_country_names_stays_uncoded(resolve) -> None:
    _, recipients = first_event_party_codes(
        resolve, "The Malian government accused its northern neighbour of hostile acts.", date(2024, 1, 1)
    )
    assert all(code is None or code[:3] != "MLI" for _, code in recipients)


def test_a_capital_an_actors_attack_is_aimed_at_is_not_its_government(resolve) -> None:
    actors, _ = first_event_party_codes(
        resolve,
        "A Syrian air strike on Amman's eastern suburbs killed four soldiers, the Jordanian army said.",
        date(2024, 1, 1),
    )
    assert actors[:1] and (actors[0][1] or "")[:3] == "SYR"
