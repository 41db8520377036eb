"""On passages written for the project (issue 18, branch spk31): a description that gives an
age or a people ("the 38-year-old", "the Kenyan", "the Danish researcher") goes to the one
person the text gave that age or that people, whoever was named since, and to no one it gave
another age; the clause after a description ("who works in Leeds") gives it no country; an
age or a people taken up by the subject before where NER typed that name as no person.
"""

from __future__ import annotations

from conftest import speakers_by_source as speakers


def test_an_age_goes_to_the_person_given_it(resolve):
    found = speakers(
        resolve(
            "Kenyan novelist Wanjiru Kamau, 38, won the Marlow Prize on Tuesday. The chair of the "
            'judges, critic Peter Holt, said the vote had been unanimous. "We argued about '
            'everything else," Holt told the audience. The 38-year-old said she would use the '
            "money to finish her second book."
        )
    )
    assert found["The 38-year-old"] == "Wanjiru Kamau"


def test_a_people_goes_to_the_person_given_it(resolve):
    found = speakers(
        resolve(
            "Kenyan qualifier David Otieno reached the semi-finals on Wednesday, beating Tomas "
            "Berg in four sets. Berg's coach, Lars Nilsen, said the defeat had hurt. The Kenyan "
            "told reporters he would give part of his prize money to his first club."
        )
    )
    assert found["The Kenyan"] == "David Otieno"


def test_a_description_is_no_one_given_another_age(resolve):
    found = speakers(
        resolve(
            "Finance director Neil Barker, 45, was jailed for 30 months. Former chief executive "
            "Simon Hale, 62, was jailed for six years. The 62-year-old said through his lawyer "
            "that he would appeal."
        )
    )
    assert found["The 62-year-old"] == "Simon Hale"


def test_the_clause_after_a_description_gives_it_no_country(resolve):
    found = speakers(
        resolve(
            "Nigerian novelist Chidi Eze, 45, won the prize on Thursday. The judges' chair, Anne "
            "Moss, said the decision was unanimous. The 45-year-old, who wrote the book while "
            "working nights in Leeds, said she would give up her job."
        )
    )
    assert found["The 45-year-old, who wrote the book while working nights in Leeds"] == "Chidi Eze"


def test_a_people_takes_up_a_subject_ner_typed_as_no_person(resolve):
    found = speakers(
        resolve(
            "Coco Gauff won the US Open final on Saturday. Sabalenka, who will rise to No. 1 on "
            "Monday, said the crowd had been hard to play against. The Belarusian praised her "
            "opponent's defence."
        )
    )
    assert found["The Belarusian"] == "Sabalenka"


def test_a_person_word_no_lexicon_knows_takes_up_the_subject_before(resolve):
    found = speakers(
        resolve(
            "Deputy Nurlan Abenov said the bill must not become a tool of censorship. The "
            "parliamentarian proposed to narrow its definition of false news."
        )
    )
    assert found["The parliamentarian"] == "Nurlan Abenov"
