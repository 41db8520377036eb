"""A subject a clause describes, where the tagger marks no source (issue 18, att30):
passages written for the project."""

from __future__ import annotations

from reportedly.attribution.cues import find_cues
from reportedly.attribution.lexicon import load_lexicon
from reportedly.attribution.quotes import find_quotes
from reportedly.attribution.rule_drafts import draft_for
from reportedly.attribution.spans import without_noun_clauses
from reportedly.attribution.tagged_drafts import tagged_source
from reportedly.model import Range


def _subject(doc):
    return next(word for word in doc if word.dep_ == "nsubj" and word.head.dep_ == "ROOT")


def test_a_subject_loses_the_relative_clause_that_describes_it(extractor):
    doc = extractor.nlp("Okafor, who has chaired the board since 2019, said the firm would not sell.")
    subject = list(_subject(doc).subtree)
    assert [word.text for word in without_noun_clauses(subject)] == ["Okafor"]


def test_a_subject_loses_the_participle_that_describes_it(extractor):
    doc = extractor.nlp("The mayor, speaking to reporters outside city hall, said the bridge would reopen.")
    subject = list(_subject(doc).subtree)
    assert [word.text for word in without_noun_clauses(subject)] == ["The", "mayor"]


def test_a_subject_no_clause_describes_stays_whole(extractor):
    doc = extractor.nlp("The head of the union, Maria Lopez, said the strike would go on.")
    subject = list(_subject(doc).subtree)
    assert without_noun_clauses(subject) == subject


def test_a_raising_verb_keeps_no_source(extract):
    text = "Hizbollah, which has lost thousands of fighters in Syria, seems unlikely to want another war."
    assert all(a.source is None for a in extract(text).attributions)


def test_where_the_tagger_marks_no_source_the_subject_less_its_clause_stands(extractor):
    text = (
        "Okafor, who has chaired the board since 2019, acknowledged that the sale of the port "
        "had been a mistake."
    )
    doc = extractor.nlp(text)
    lexicon = load_lexicon()
    cue = next(cue for cue in find_cues(doc, lexicon) if cue.head.text == "acknowledged")
    ruled = draft_for(cue, text, lexicon, find_quotes(text))
    sentence = Range(0, len(text))
    source, speaker = tagged_source(text, cue, cue.range, ruled, [], sentence, lexicon)
    assert text[source.start : source.end] == speaker == "Okafor"
