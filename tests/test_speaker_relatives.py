"""Relative pronouns as sources ("Lavrov, who said ..."), resolved through their antecedent,
on passages written for the project."""

from __future__ import annotations

from reportedly.extract import Extractor

from conftest import speaker_of_span


def relative_speaker(extractor: Extractor, text: str, relative: str) -> str | None:
    """The speaker the resolver gives the relative pronoun ``relative`` (its first occurrence
    as a word) read as a source."""
    start = text.index(f" {relative} ") + 1
    return speaker_of_span(extractor, text, start, start + len(relative))


def test_a_clause_hung_on_a_noun_that_cannot_speak_goes_to_the_name_before_it(extractor: Extractor):
    text = (
        "The new national poll comes in the wake of polls by Quinnipiac University that "
        "showed Trump making a strong showing in three key states."
    )
    assert relative_speaker(extractor, text, "that") == "Quinnipiac University"


def test_a_name_before_who_speaks(extractor: Extractor):
    text = "Still, Sanders, who sees himself as the father of a new movement, said he would stay in the race."
    assert relative_speaker(extractor, text, "who") == "Sanders"


def test_a_people_before_a_relative_clause_is_no_speaker(extractor: Extractor):
    text = (
        "If Republicans nominate Donald Trump, there will be plenty of energized Democrats "
        "who turn out in the general election to vote against him."
    )
    assert relative_speaker(extractor, text, "who") is None


def test_part_of_a_people_is_no_speaker_but_the_people_is(extract):
    extraction = extract(
        "Some Democrats now think the race is over. Democrats said the vote was fair. "
        "Many Americans believe the country is on the wrong path."
    )
    speakers = {a.source.text: a.speaker.name if a.speaker else None for a in extraction.attributions}
    assert speakers == {"Some Democrats": None, "Democrats": "Democrats", "Many Americans": None}


def test_an_indefinite_poll_goes_to_the_maker_named_after_it(extract):
    extraction = extract(
        "Donald Trump does better against Hillary Clinton than his rivals, according to a new poll. "
        "A Quinnipiac University poll found that he would draw support from Clinton. "
        "Clinton leads among women, a survey suggests."
    )
    speakers = {a.source.text: a.speaker.name if a.speaker else None for a in extraction.attributions}
    assert speakers["a new poll"] == "Quinnipiac University"
    assert speakers["a survey"] is None  # no maker of a survey named after it
