"""On passages written for the project (issue 18, branch spk12): a first name alone is the one
person the text names in full with it ("Jane" after "Jane Sanders", and a lone "Jane" a later
full name completes; a first name two full names open stays neither's); a definite document
is its maker however long ago the text named it ("the report": Pew Research Center); a title
resolved is a role of its referent for the titles after it."""

from __future__ import annotations

from conftest import speakers_by_source as speakers


def test_a_first_name_after_the_full_name_is_that_person(resolve):
    found = speakers(
        resolve(
            "Bernie Sanders spoke in Burlington on Monday, with his wife Jane Sanders beside him. "
            "Jane said the campaign would go on to the convention. She added that the money was there."
        )
    )
    assert found["Jane"] == "Jane Sanders"
    assert found["She"] == "Jane Sanders"


def test_a_first_name_before_the_full_name_is_completed_by_it(resolve):
    found = speakers(
        resolve(
            "Jane told supporters in Vermont that the race was not over. "
            "Jane Sanders, the senator's wife, has been his closest adviser for decades. "
            "She said the campaign would go on."
        )
    )
    assert found["Jane"] == "Jane Sanders"
    assert found["She"] == "Jane Sanders"


def test_a_first_name_two_people_bear_is_neither_s(resolve):
    found = speakers(
        resolve(
            "Jane Sanders and Jane Fonda spoke at the rally on Monday. "
            "Jane said the crowd was the largest yet."
        )
    )
    assert found["Jane"] not in {"Jane Sanders", "Jane Fonda"}


def test_a_document_is_its_maker_however_far_back(resolve):
    filler = " ".join(
        f"Panel {letter} was fielded in the spring, and its sample was weighted by age and region."
        for letter in "ABCDEFGHI"
    )
    found = speakers(
        resolve(
            "Pew Research Center released a report on Monday comparing nine online survey panels. "
            f"{filler} The report said that samples with elaborate weighting were not always more accurate."
        )
    )
    assert found["The report"] == "Pew Research Center"


def test_a_title_resolved_is_a_role_for_the_titles_after_it(resolve):
    found = speakers(
        resolve(
            "Marco Rubio and Bernie Sanders both spoke in Iowa on Monday. "
            "The senator from Florida said the country needed a new generation of leaders. "
            "Sanders told a rally in Des Moines that the economy was rigged. "
            "Hours later, the senator said he would win the state."
        )
    )
    assert found["The senator from Florida"] == "Marco Rubio"
    assert found["the senator"] == "Marco Rubio"
