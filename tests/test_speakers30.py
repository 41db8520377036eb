"""On passages written for the project (issue 18, branch spk30): a person's description takes
up the subject of the sentence before where that subject is a surname NER missed ("Conti left
the training ground ... The 51-year-old said": Marco Conti, named in full before), and a
title's noun the parse took for an adjective ("The general posted ...") is still read as a
title; a title that names a country is no one the actor dictionaries code as of another
("Joe Biden has met Erdogan. The Turkish president said": not Biden).
"""

from __future__ import annotations

from datetime import date

from conftest import speakers_by_source as speakers


def test_a_description_takes_up_a_surname_ner_missed(resolve):
    found = speakers(
        resolve(
            "Serie A strugglers Virtus Parma sacked head coach Marco Conti on Tuesday. The club's "
            "president, Paolo Ferri, told the club's television channel that the decision had been "
            "painful. Conti left the training ground without a word. The 51-year-old said in a "
            "message to supporters that he had been given too little time."
        )
    )
    assert found["The 51-year-old"] == "Marco Conti"
    assert found["The club's president, Paolo Ferri"] == "Paolo Ferri"


def test_a_title_noun_tagged_as_an_adjective_is_still_a_title(resolve):
    found = speakers(
        resolve(
            "Major General Farid Khan, the army spokesman, said the jets had dropped their bombs "
            "in an empty field. The general posted photographs of craters and broken fences on "
            "Twitter."
        )
    )
    assert found["The general"] == "Farid Khan"


def test_a_title_naming_a_country_is_no_one_coded_of_another(resolve):
    found = speakers(
        resolve(
            "Joe Biden has met Erdogan in Vilnius. The Turkish president said afterwards that the "
            "talks had opened a new chapter.",
            published=date(2023, 7, 12),
        )
    )
    assert found["The Turkish president"] == "Erdogan"
