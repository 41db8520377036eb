"""Pronoun sources the grammar or earlier pronouns settle, on passages written for the
project (issue 18): the subject of the clause a pronoun hangs on, cataphora in a fronted
clause, and the gender a resolved "he" or "she" gives a person, plural pronouns after a coordination
of people, surnames NER missed, chains of "she said", first person inside a quotation, and
datelines and names after "the" as no antecedent of "he" or "it"."""

from __future__ import annotations

from datetime import date

import pytest

from reportedly.extract import Extractor
from reportedly.model import Attribution, Document, Extraction

from conftest import speaker_of_span


def _extract(extractor: Extractor, text: str) -> Extraction:
    return extractor.extract_one(Document("passage", text, published=date(2024, 5, 1)))


def speakers_by_cue(extractor: Extractor, text: str) -> dict[str, str | None]:
    extraction = _extract(extractor, text)
    return {a.cue.text: a.speaker.name if a.speaker else None for a in extraction.attributions if a.cue}


def the_attribution_of_cue(extractor: Extractor, text: str, cue: str) -> Attribution:
    """The passage's one attribution whose cue is ``cue`` (the test fails if there are more or none)."""
    (attribution,) = [a for a in _extract(extractor, text).attributions if a.cue and a.cue.text == cue]
    return attribution


# Each row: a passage, a cue in it, and the name of its speaker.
SPEAKER_BY_CUE = [
    pytest.param(
        "Mark Ellison said the vote was close. After he criticized the plan on Monday, "
        "Senator John Carter said the bill would fail.",
        "criticized",
        "John Carter",  # not the last to speak
        id="a_pronoun_in_a_fronted_clause_is_the_subject_after_it",
    ),
    pytest.param(
        "Bill Maher said the comparison was false. Retired Army Col. Lawrence Wilkerson started "
        "Maher's rant when he argued that Christians had killed people too.",
        "argued",
        "Lawrence Wilkerson",
        id="a_pronoun_in_an_adverbial_clause_is_the_subject_of_the_clause_it_modifies",
    ),
    pytest.param(
        "Tom Reed said on Monday that he had fought Ray Halbritter, who led the campaign against "
        "the mascot because he claimed it was offensive.",
        "claimed",
        "Ray Halbritter",
        id="a_pronoun_under_a_relative_clause_is_the_relatives_antecedent",
    ),
    pytest.param(
        "Marty Walz, who chairs the school council, said the vote mattered. Steven Tolman told "
        "reporters the cap should stay. The union spent millions on its ads. Parents lined up "
        "outside the hall. Walz approaches it more calmly. She said she would rather see the "
        "money spent on schools.",
        "said",
        "Marty Walz",
        id="a_surname_ner_missed_is_near_for_the_pronoun_after_it",
    ),
]


@pytest.mark.parametrize(("text", "cue", "name"), SPEAKER_BY_CUE)
def test_a_pronoun_s_speaker_is_the_one_the_grammar_settles(extractor: Extractor, text, cue, name):
    assert speakers_by_cue(extractor, text)[cue] == name


def test_she_resolved_to_a_person_tells_her_gender(extractor: Extractor):
    text = (
        "Phyllis Schlafly praised the visit in her last column. "
        '"It reminds me of Reagan in Geneva," she wrote. Schlafly had long backed '
        "Donald Trump's campaign. He acknowledged her backing on Monday."
    )
    found = speakers_by_cue(extractor, text)
    assert (found["wrote"], found["acknowledged"]) == ("Phyllis Schlafly", "Donald Trump")


# Each row: a passage, the cue of one attribution in it, and the names of its group's members.
GROUP_BY_CUE = [
    pytest.param(
        "Clinton, Sanders say the trade deal is flawed.\n\n"
        "Hillary Clinton and Bernie Sanders met in Brooklyn on Thursday for their ninth debate.",
        "say",
        ["Hillary Clinton", "Bernie Sanders"],
        id="names_listed_with_commas_alone_are_a_group",
    ),
    pytest.param(
        "The two new hosts of the morning show are Laura Bennett and Mark Riley. "
        "They said on Monday that the show would stay in New York.",
        "said",
        ["Laura Bennett", "Mark Riley"],
        id="a_plural_pronoun_after_people_coordinated_is_all_of_them",
    ),
]


@pytest.mark.parametrize(("text", "cue", "members"), GROUP_BY_CUE)
def test_a_group_speaks_as_its_members(extractor: Extractor, text, cue, members):
    attribution = the_attribution_of_cue(extractor, text, cue)
    assert [member.name for member in attribution.speaker.members] == members


def test_a_surname_ner_missed_in_a_source_is_the_person_named_in_full(extractor: Extractor):
    text = (
        "Donald Trump spoke with Fox News host Sean Hannity in Texas on Wednesday. Hannity "
        'interjected at one point.\n\n"We are going to build a wall," Trump added. He then had a '
        'question for the crowd.\n\n"Who\'s going to pay for it?"\n\n"Mexico!" the audience screamed '
        "back.\n\nHannity asked Trump how high the wall would be."
    )
    asked = the_attribution_of_cue(extractor, text, "asked")
    found = (asked.source.text, asked.speaker.name, asked.addressee.text)
    assert found == ("Hannity", "Sean Hannity", "Trump")


def test_a_chain_of_she_said_goes_on_past_a_name_in_a_fronted_participle(extractor: Extractor):
    text = (
        'Susan Sarandon backed Bernie Sanders on Monday. "I am not sure yet," she said.\n\n'
        "Asked about her own vote in the event that Hillary Clinton faces Donald Trump, who has "
        "insulted women, she replied: \"I don't know. I'm going to see what happens.\"\n\n"
        '"Really," she added when the TV interviewer expressed shock.'
    )
    found = speakers_by_cue(extractor, text)
    assert (found["replied"], found["added"]) == ("Susan Sarandon", "Susan Sarandon")


def resolved(extractor: Extractor, text: str, phrase: str) -> str | None:
    """The speaker the resolver gives the first occurrence of ``phrase`` read as a source."""
    start = text.index(phrase)
    return speaker_of_span(extractor, text, start, start + len(phrase), date(2023, 5, 1))


def test_first_person_inside_a_quotation_is_its_speaker_and_we_the_body_named(extractor: Extractor):
    text = (
        "MALMO, May 1 (Wire) - Nordvolt Energy opened a grid battery in southern Sweden on Monday.\n\n"
        '"We promised our investors that we would deliver on time," said Karin Lindqvist, chief '
        'executive of Nordvolt Energy. "I am proud of the team," she added.'
    )
    assert (resolved(extractor, text, "We"), resolved(extractor, text, "I")) == (
        "Nordvolt Energy",
        "Karin Lindqvist",
    )


def test_a_dateline_and_a_name_after_the_are_no_ones_antecedent(extractor: Extractor):
    dateline = (
        "FRANKFURT, Oct 25 (Wire) - Shares fell on Thursday after new emissions tests.\n\n"
        "The regulator said the tests had been delayed. It now expects a decision in December."
    )
    unnamed_chair = (
        "WASHINGTON, June 15 (Wire) - The Federal Reserve said on Wednesday that it would raise "
        "interest rates.\n\nThe Fed chair told reporters that another rise was possible. He said "
        'such large increases would not be "common".'
    )
    assert resolved(extractor, dateline, "It") is None  # not FRANKFURT
    assert resolved(extractor, unnamed_chair, "He") is None  # not the Federal Reserve
