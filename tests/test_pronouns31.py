"""Pronoun sources on unseen news (issue 18, pron31); passages written for the tests."""

from __future__ import annotations

import pytest

from reportedly.eval.speakers import resolved_draft
from reportedly.extract import Extractor
from reportedly.resolve.pronouns import shown_person

from conftest import linked_speaker

# NER types "Vondrousova" an organisation; the "who" clause says she is a person, so the
# "she" after her own words is her, not the woman named before.
RELATIVE = (
    "Maria Sharapova lost the final in three sets on Sunday. Vondrousova, who will rise to "
    "third in the rankings on Monday, said the wind had been hard to play in. "
    '"She hit every ball deep," she said.'
)
# NER types "Haaland" a place; "himself" says he is a man.
REFLEXIVE = (
    "Manchester beat Leeds 2-0 on Saturday, and Tomas Berglund scored twice. Haaland himself "
    'was more modest about the win. "It was a team effort," he said.'
)
# NER types "Ramaswamy" an organisation.
REFLEXIVE_SOURCE = (
    "Pedro Alvarez coached the side for a decade. Ramaswamy himself said the club had "
    'changed. "We are a new team," he said.'
)


@pytest.mark.parametrize(
    ("passage", "name", "pronoun"),
    [
        (RELATIVE, "Vondrousova", "she said"),
        (REFLEXIVE, "Haaland", "he said"),
        (REFLEXIVE_SOURCE, "Ramaswamy", "he said"),
    ],
)
def test_a_name_ner_took_for_no_person_that_the_text_shows_is_one_is_a_person(
    extractor: Extractor, passage: str, name: str, pronoun: str
):
    draft, resolver = resolved_draft("passage", passage, extractor.nlp, extractor.resources)
    person = next(entity for entity in resolver.entities if entity.name == name)
    assert person.type != "PERSON"
    assert shown_person(resolver, person)
    assert person.id in resolver.people
    speaker = linked_speaker(draft, passage, pronoun)
    assert speaker is not None and speaker.entity == person.id


# British usage gives a club "who"; a plural verb says it is the club, no person.
CLUB = "Leeds, who were beaten 3-0 at home, said the manager would stay. It said the board backed him."
# A dateline's place that the parse gives a role's apposition, and a body's noun in
# apposition ("sponsor"), are no evidence.
DATELINE = (
    "OSLO, May 2 - The chief executive of the shipping group Nordvik, Lars Eriksen, said "
    "freight rates would fall. The prize's sponsor, the Halvorsen Trust, said it would pay."
)


@pytest.mark.parametrize(("passage", "types"), [(CLUB, {"GPE", "ORG"}), (DATELINE, {"GPE", "ORG"})])
def test_a_body_the_text_describes_as_a_body_stays_one(extractor: Extractor, passage: str, types: set[str]):
    _, resolver = resolved_draft("passage", passage, extractor.nlp, extractor.resources)
    bodies = [entity for entity in resolver.entities if entity.type in types]
    assert bodies
    assert not any(shown_person(resolver, entity) for entity in bodies)
    assert not any(entity.id in resolver.people for entity in bodies)
