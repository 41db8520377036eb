"""PETRARCH verb dictionaries: reading patterns and coding sentences with them."""

from __future__ import annotations

import pytest
import spacy

from reportedly.events.detection import contexts_of
from reportedly.events.verbs import VerbFileError, parse_verb_dictionary, plover_type, shipped_verbs
from reportedly.events.words import DocWords
from reportedly.nlp.pipeline import DEFAULT_MODEL

# Also read by tests/test_cli.py.
VERBS = """\
<!-- A verb dictionary written for these tests, in PETRARCH's format -->
&FOOD
+FOOD
+GRAIN
+MEDICAL_SUPPLIES

--- RUSH [---] ---
RUSH
SPEED {SPEEDS SPED SPEEDING}
- * &FOOD [073]  # rush food
- &MILITARY * [154]
- * TROOPS (TO BORDER) [154]

--- CONDEMN [122] ---
CONDEMN  # the block's own code when no pattern fits
"""


@pytest.fixture(scope="module")
def nlp():
    return spacy.load(DEFAULT_MODEL)


def code_of(nlp, verbs, text: str, verb: str) -> str | None:
    (token,) = [token for token in nlp(text) if token.text == verb]
    return verbs.code(token)


def test_patterns_synsets_and_irregular_forms(nlp):
    verbs = parse_verb_dictionary(VERBS.splitlines(), "test verbs")
    assert code_of(nlp, verbs, "Arnor rushed grain to Gondor on Monday.", "rushed") == "073"
    assert code_of(nlp, verbs, "The government sped troops to the border on Monday.", "sped") == "154"
    assert code_of(nlp, verbs, "Arnor rushed to judgement.", "rushed") is None
    assert code_of(nlp, verbs, "Gondor condemned the attack.", "condemned") == "122"


def test_words_the_verb_reports_are_not_its_pattern(nlp):
    verbs = parse_verb_dictionary(VERBS.splitlines(), "test verbs")
    # "grain" sits in what was said, not in the rushing.
    assert code_of(nlp, verbs, "Arnor rushed to say that grain was short.", "rushed") is None


def test_shipped_cameo_patterns_and_plover_types(nlp):
    code = code_of(nlp, shipped_verbs(), "Arnor will restore diplomatic ties with Gondor.", "restore")
    assert (code, plover_type(code)) == ("050", "SUPPORT")


def test_a_file_without_verb_blocks_is_refused():
    with pytest.raises(VerbFileError, match="no verb blocks"):
        parse_verb_dictionary(["&FOOD", "+GRAIN"], "broken.txt")


def test_a_verb_tries_only_the_patterns_its_sentence_has_words_for():
    verbs = parse_verb_dictionary(VERBS.splitlines(), "test verbs")
    rush = verbs.forms["RUSH"]
    # Longest first; "TROOPS (TO BORDER)" needs TROOPS and BORDER, "&FOOD" one of its words.
    assert [p.code for p in rush.candidates({"GRAIN", "TO", "GONDOR"})] == ["073"]
    assert [p.code for p in rush.candidates({"TROOPS", "TO", "THE", "BORDER"})] == ["154"]
    assert rush.candidates({"TROOPS", "TO", "THE", "CAPITAL"}) == []
    assert verbs.forms["CONDEMN"].candidates({"GONDOR"}) == []


def test_contexts_of_phrases_and_lemmas_in_order_of_mention(nlp):
    sentence = next(nlp("Missiles hit the camp as the peace process stalled over natural gas.").sents)
    assert contexts_of(sentence) == ["military", "diplomatic", "resources"]


def test_doc_words_are_the_tokens_own(nlp):
    """A document's words read once (``events.words``) are what each token gives."""
    doc = nlp("Rebels ATTACKED the capital.\n\nThe İstanbul cease-fire held; Straße closed.")
    words = DocWords(doc)
    assert words.text == doc.text
    assert words.lower == [token.lower_ for token in doc]
    assert words.lemma == [token.lemma_.lower() for token in doc]
    assert words.upper == [token.text.upper() for token in doc]
    assert words.lemma_upper == [token.lemma_.upper() for token in doc]
    assert words.pos == [token.pos_ for token in doc]
    assert words.dep == [token.dep_ for token in doc]
    assert words.upper[1] == "ATTACKED" and words.lemma[1] == "attack"
