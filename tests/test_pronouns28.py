"""Pronoun sources on unseen news (issue 18, pron28); passages written for the tests."""

from __future__ import annotations

from reportedly.eval.speakers import resolved_draft
from reportedly.extract import Extractor
from reportedly.model import Speaker

from conftest import linked_speaker, speaker_linked_in

SKIER = (
    "GENEVA - Marek Zawadzki last raced in 2014. Ten years on, the former world champion is "
    "training again, at 40, and the young men on the team call him grandad.\n\n"
    '"I got bored," he says, laughing. "Golf was not for me."'
)


def test_a_name_ner_takes_for_a_body_with_no_evidence_is_the_he_the_model_is_sure_of(
    extractor: Extractor,
):
    # NER types "Marek Zawadzki" an organisation and nothing in the text says he is a person;
    # no person agrees with "he", and the model is sure of him.
    draft, resolver = resolved_draft("passage", SKIER, extractor.nlp, extractor.resources)
    skier = next(entity for entity in resolver.entities if entity.name == "Marek Zawadzki")
    assert skier.id not in resolver.people
    assert linked_speaker(draft, SKIER, "he says") == Speaker("Marek Zawadzki", skier.id)


FIRM = (
    'GENEVA - Helvetia Freight Holdings cut 200 jobs at its depot on Monday.\n\n"We had no choice," he said.'
)


def test_a_he_with_only_a_firm_before_it_is_left_null(extractor: Extractor):
    assert speaker_linked_in(extractor, FIRM, "he said") is None
