"""Sources the tagger leaves out and the parse reads (issue 18, att28): passages written for
the project."""

from __future__ import annotations

from reportedly.attribution.spans import inverted_subject

from conftest import texts


def _by_cue(extraction, cue: str) -> dict:
    return next(texts(a) for a in extraction.attributions if a.cue and a.cue.text == cue)


def test_a_reporting_verb_after_its_quote_takes_the_speaker_the_parser_read_as_its_object(extractor):
    doc = extractor.nlp('"We cannot accept this deal," declared the finance minister on Monday.')
    declared = next(word for word in doc if word.text == "declared")
    assert [word.dep_ for word in declared.rights if word.text == "minister"] == ["dobj"]
    assert inverted_subject(declared).text == "minister"


def test_an_object_after_a_verb_with_its_own_subject_is_no_speaker(extractor):
    doc = extractor.nlp("The port authority declared the harbour closed after the storm.")
    declared = next(word for word in doc if word.text == "declared")
    assert inverted_subject(declared) is None


def test_a_tagged_cue_with_no_tagged_source_takes_the_inverted_speaker(extract):
    text = (
        '"I cannot accept that we are tied to a junta whose aims we do not share," declared the head '
        "of State during a press conference at the palace."
    )
    assert _by_cue(extract(text), "declared")["source"] == "the head of State"


def test_a_second_verb_of_the_subject_keeps_the_subject_as_source(extract):
    text = (
        "Harbourview Hospital postponed hundreds of operations on Thursday after a ransomware attack, "
        "and said it could take weeks to recover."
    )
    assert _by_cue(extract(text), "said")["source"] == "Harbourview Hospital"


def test_a_source_opening_its_line_leaves_the_dateline_out(extract):
    text = (
        "Kampala, 7 October 2025 - Makerere University today announced that a trial of village "
        "health workers had halved blood pressure in rural districts."
    )
    source = _by_cue(extract(text), "today announced")["source"]
    assert source == "Makerere University"
