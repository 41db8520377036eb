"""On passages written for the project (issue 18, branch spk28): a person's noun first used in
an indefinite apposition to a name ("Club president Marco Bellini, a construction businessman,")
takes up that person, not someone the text introduced without a name; and a sentence the parse
hangs on its subject's name ("Laura Kent, who trails Tom Becker in most polls, piled on.") still
has that name as its subject for the description that follows; a body's noun takes up the
subject of the sentence before though NER gave it no kind ("Kestrel said ... The union
accused"), unless one of its kind is named in that sentence."""

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


def test_a_body_noun_takes_up_the_subject_before_of_no_known_kind(resolve):
    found = speakers(
        resolve(
            "Halden Borough Council said on Monday that bin collections would resume next week. "
            "Its leader, Mark Ellis, said the offer to drivers was fair. Residents said rubbish "
            "had piled up for a month. Shopkeepers said rats were everywhere. Kestrel said some "
            "drivers would lose 6,000 pounds a year. The union accused the council of lying."
        )
    )
    assert found["The union"] == "Kestrel"


def test_a_body_noun_keeps_its_kind_named_in_the_sentence_before(resolve):
    found = speakers(
        resolve(
            "Halden Borough Council said on Monday that bin collections would resume next week. "
            "Residents said rubbish had piled up for a month. Kestrel blamed the Transport "
            "Workers Union for the delays. The union said its members had not been paid."
        )
    )
    assert found["The union"] == "Transport Workers Union"
