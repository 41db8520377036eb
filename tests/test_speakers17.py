"""On passages written for the project (issue 18, branch spk17): an indefinite title ("a
federal judge") is the person named next with that role, else no one; a title naming a state
is no one whose party-state tag names another ("The Florida senator" after "Sen. Joni Ernst,
R-Iowa"); a company NER ran into a dateline's date is a name, and a company's legal form
("AB") says it is a company. All fail on main d451e33."""

from __future__ import annotations

from datetime import date

import pytest

from reportedly.resolve.speakers import _same_place

from conftest import speakers_by_source as speakers

DAY = date(2016, 9, 1)


@pytest.mark.parametrize(
    ("text", "source", "speaker"),
    [
        (
            # The title's holder is named in the next sentence, with the title's role.
            "The man accused of buying the rifles will stay in custody while the case goes on, "
            "a federal judge ruled Monday. U.S. District Judge Helen Marsh said the risk that he "
            "would flee was too high.",
            "a federal judge",
            "Helen Marsh",
        ),
        (
            # No one named next holds the role: an official the article never names.
            "The talks on the new border crossing have failed, a senior official said on "
            "Tuesday. Farmers in the valley, led by Tom Rydell, have blocked the road for weeks.",
            "a senior official",
            None,
        ),
        (
            # The senator of Iowa by her party-state tag is not the Florida senator.
            "Marco Rubio, who is third in many Iowa polls, stressed defense issues during an "
            "appearance with Sen. Joni Ernst, R-Iowa. The Florida senator told reporters he "
            "felt good about his campaign.",
            "The Florida senator",
            "Marco Rubio",
        ),
    ],
)
def test_titles(resolve, text, source, speaker):
    assert speakers(resolve(text, DAY))[source] == speaker


def test_company_in_a_dateline(resolve):
    text = (
        "MALMO, Sweden, March 4, 2025 - Nordvolt Energy AB today announced the start of "
        "commercial operation of its battery plant at Sjobo. The company said the plant can "
        "power around 60,000 homes for four hours."
    )
    found = speakers(resolve(text, date(2025, 3, 4)))
    assert found["Nordvolt Energy AB"] == "Nordvolt Energy AB"
    assert found["The company"] == "Nordvolt Energy AB"


@pytest.mark.parametrize(
    ("tag", "place", "same"),
    [
        ("Fla.", "Florida", True),
        ("FL", "Florida", True),
        ("N.H.", "New Hampshire", True),
        ("Iowa", "Florida", False),
        ("Utah", "United States", False),
        ("U.S.", "United States", True),
    ],
)
def test_same_place(tag, place, same):
    assert _same_place(tag, place) is same
