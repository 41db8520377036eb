"""On passages written for the project (issue 18, branch spk28): a person's noun first used in
an indefinite apposition to a name ("Club president Marco Bellini, a construction businessman,")
takes up that person, not someone the text introduced without a name; and a sentence the parse
hangs on its subject's name ("Laura Kent, who trails Tom Becker in most polls, piled on.") still
has that name as its subject for the description that follows."""

from __future__ import annotations

from conftest import speakers_by_source as speakers


def test_an_apposed_indefinite_names_the_person_it_describes(resolve):
    found = speakers(
        resolve(
            "Club president Marco Bellini, a construction businessman, gave a news conference on "
            'Monday. "Results decide everything in this game," the businessman said.'
        )
    )
    assert found["the businessman"] == "Marco Bellini"


def test_an_apposition_past_a_preposition_names_the_person(resolve):
    found = speakers(
        resolve(
            "Professor Anna Lind of the University of Uppsala, a statistician, said the paper had "
            "flaws. The statistician added that the sample was small."
        )
    )
    assert found["The statistician"] == "Anna Lind"


def test_a_verb_hung_on_the_name_leaves_the_name_the_subject(resolve):
    found = speakers(
        resolve(
            "Laura Kent, who trails Tom Becker in most polls, piled on. The billionaire told "
            "reporters that Becker had lied about his taxes."
        )
    )
    assert found["The billionaire"] == "Laura Kent"


def test_an_indefinite_with_no_name_is_still_no_one(resolve):
    found = speakers(
        resolve(
            "Mayor Tom Becker met the union leaders on Monday. A senior official said the talks "
            "had stalled. The official added that a new round was planned for May."
        )
    )
    assert found["The official"] is None
