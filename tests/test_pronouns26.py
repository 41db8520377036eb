"""Pronoun sources on unseen news (issue 18, pron26); passages written for the tests."""

from __future__ import annotations

from reportedly.extract import Extractor
from reportedly.model import Speaker
from reportedly.resolve.pronouns import described_subjects
from reportedly.resolve.speakers import read_genders
from reportedly.resolve.turns import Turns

from conftest import speaker_linked_in


def test_one_reader_gives_the_genders_and_the_first_names_only_the_census_genders():
    genders = read_genders()
    assert genders["toni"] == "f"
    assert "toni" in genders.census_only
    # Listed by the news names too, whose gender is surer: no census-only name.
    assert genders["mary"] == "f"
    assert "mary" not in genders.census_only
    assert "ms." not in genders.census_only


DESCRIBED_SUBJECT = (
    "ATLANTA, Oct 3 - Senator Maria Lopez and Governor Ann Hayes met voters in Savannah on "
    "Monday. Hayes said turnout would be high.\n\n"
    'The senator looked relaxed on the bus to Macon. "I feel great about it," she told '
    "reporters."
)


def test_a_pronoun_goes_on_with_a_described_main_subject_the_sentence_before(extractor: Extractor):
    # "The senator" is Lopez, though no attribution's source: the "she" after her, not
    # Hayes, who spoke last.
    assert speaker_linked_in(extractor, DESCRIBED_SUBJECT, "she") == Speaker("Maria Lopez", "e2")


def test_a_description_resolved_is_no_mention_inside_a_question(extractor: Extractor):
    text = "What did the coach say? He said nothing."
    doc = extractor.nlp(text)
    assert described_subjects(doc, [], Turns(doc, text, [])) == []


def test_a_described_main_subject_of_the_narrative_is_found(extractor: Extractor):
    text = "The former senator looked relaxed on the bus. She waved to the crowd."
    doc = extractor.nlp(text)
    assert [word.text for word in described_subjects(doc, [], Turns(doc, text, []))] == ["senator"]


GROUP = (
    "NORWICH, Jan 30 - The parents of a teenager who died of sepsis, Tom Hart and Sarah Hart, "
    "said outside the court that their daughter had been failed. They said they hoped no other "
    "family would go through the same."
)


def test_a_they_after_a_group_that_spoke_is_that_group(extractor: Extractor):
    group = speaker_linked_in(extractor, GROUP, "The parents")
    assert group is not None
    assert {"Tom Hart", "Sarah Hart"} <= {member.name for member in group.members}
    assert speaker_linked_in(extractor, GROUP, "They said") == group


TAKEN_UP = (
    "Kofi Mensah missed a penalty in the draw with Hull on Saturday, but coach John Doyle "
    'defended his striker. "He will score the next one," he said.\n\n'
    "Mensah spoke to the club's channel afterwards. He said the miss had hurt."
)


def test_a_pronoun_opening_a_sentence_takes_up_the_main_subject_before(extractor: Extractor):
    # Mensah, the subject of the sentence before, not Doyle, who spoke last.
    speaker = speaker_linked_in(extractor, TAKEN_UP, "He said the miss")
    assert speaker is not None and speaker.name == "Kofi Mensah"
