"""On passages written for the project (issue 18, branch spk21): "both women", "the two
founders" (a noun no role holds) are the two people last named; an age the parse split from its
determiner ("the 46-year-old told reporters") is still an epithet of the person just named; a
person's noun from a title outside the role lexicon ("Chief meteorologist Frank Saunders") is
taken up by "the meteorologist"; a definite person's noun after an unnamed indefinite one ("A
senior official said ... The official added") is no one; a definite title no one before it
holds, with no one named just before, is the person named next who speaks ("The finance
minister said ... Anton Weber added")."""

from __future__ import annotations

import pytest

from conftest import members_by_source
from conftest import speakers_by_source as speakers


def test_both_women_are_the_two_women_last_named(resolve):
    found = members_by_source(
        resolve(
            "Health Secretary Grace Mwangi said the strike had to end. "
            "Governor Ruth Achieng said she had run out of patience. "
            "Both women said they would meet union leaders on Friday."
        )
    )
    assert found["Both women"] == ["Grace Mwangi", "Ruth Achieng"]


def test_the_two_women_counted_unnamed_before_are_no_one_named(resolve):
    found = members_by_source(
        resolve(
            "Health Secretary Grace Mwangi said the strike had to end. "
            "Governor Ruth Achieng said she had run out of patience. "
            "Two women were hurt when the crowd pushed forward. "
            "The two women said the police had done nothing."
        )
    )
    assert found.get("The two women", []) == []


# Each row: a passage, a source in it, and the name of the person it speaks as.
SOURCE_SPEAKS_AS = [
    pytest.param(
        'Rovers manager Ellen Baptiste said on Saturday her side had "earned the right to dream". '
        '"I told the players at half-time that nobody remembers a draw," the 46-year-old told reporters.',
        "the 46-year-old",
        "Ellen Baptiste",
        id="an_age_the_parse_splits_is_the_person_just_named",
    ),
    pytest.param(
        "Chief meteorologist Frank Saunders has been on the radio. "
        'He said this was "one of the most serious storms" in decades. '
        "Police in Devon are urging people to stay indoors. "
        "The meteorologist said winds would ease after dark.",
        "The meteorologist",
        "Frank Saunders",
        id="a_title_noun_outside_the_role_lexicon_is_taken_up",
    ),
    pytest.param(
        "The central bank of Ruritania raised interest rates by two points on Monday. "
        'The finance minister said the reforms were "painful but necessary". '
        "Anton Weber added that fuel subsidies would be cut in stages.",
        "The finance minister",
        "Anton Weber",
        id="a_title_no_one_holds_is_the_person_named_next",
    ),
]


@pytest.mark.parametrize(("text", "source", "name"), SOURCE_SPEAKS_AS)
def test_a_source_speaks_as_the_person_the_passage_gives_it(resolve, text, source, name):
    assert speakers(resolve(text))[source] == name


def test_the_official_after_an_unnamed_official_is_no_one(resolve):
    found = speakers(
        resolve(
            "Iran's chief negotiator, Ali Bagheri Kani, told reporters that his team had tabled two texts. "
            'A senior State Department official said Washington was "not going to let this drag on". '
            "The official, who briefed reporters on condition of anonymity, said talks would resume."
        )
    )
    official = [source for source in found if source.startswith("The official")]
    assert official and found[official[0]] is None


def test_a_title_after_a_person_just_named_is_not_the_person_named_next(resolve):
    found = speakers(
        resolve(
            "Opposition leader Clara Holt criticised the budget on Monday. "
            'The finance minister said the reforms were "painful but necessary". '
            "Anton Weber added that fuel subsidies would be cut in stages."
        )
    )
    assert found["The finance minister"] != "Anton Weber"
