"""Pronoun sources on unseen news (issue 18, pron27); passages written for the tests."""

from __future__ import annotations

from reportedly.eval.speakers import resolved_draft
from reportedly.extract import Extractor
from reportedly.model import Speaker

from conftest import linked_speaker, speaker_linked_in

PRODUCER = (
    "ACCRA - Efua Mensah finished her debut album in a rented flat. "
    '"The walls were thin," she says.\n\n'
    "Her producer, Tunde Bakare, heard the demos on a train. "
    'He calls them "raw and brave".'
)


def test_a_name_ner_takes_for_a_body_is_a_person_in_apposition_with_a_persons_noun(
    extractor: Extractor,
):
    # NER types "Tunde Bakare" an organisation; "Her producer" says he is a person, and the
    # one "He" can mean.
    draft, resolver = resolved_draft("passage", PRODUCER, extractor.nlp, extractor.resources)
    bakare = next(entity for entity in resolver.entities if entity.name == "Tunde Bakare")
    assert linked_speaker(draft, PRODUCER, "He calls") == Speaker("Tunde Bakare", bakare.id)


LIVE = (
    "Budget day live\n\n10:05 GMT\nThe chancellor has left Downing Street.\n\n"
    "11:30 GMT\nTom Reeve has lost his seat to Paul Dray.\n\n"
    '11:45 GMT\nHe has now said that he "will not stand again".'
)


def test_a_post_opening_he_is_the_subject_of_the_post_before(extractor: Extractor):
    # The post before names two men: its subject, not the one who beat him.
    speaker = speaker_linked_in(extractor, LIVE, "He has now")
    assert speaker is not None and speaker.name == "Tom Reeve"


def test_a_post_opening_he_after_two_coordinated_subjects_is_left_null(extractor: Extractor):
    text = LIVE.replace("has lost his seat to Paul Dray", "and Paul Dray have lost their seats")
    assert speaker_linked_in(extractor, text, "He has now") is None
