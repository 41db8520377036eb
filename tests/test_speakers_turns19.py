"""Speaker turns in interviews and transcripts (issue 18): labels, answers, and the body a
person's "we" speaks for, on passages written for the project."""

from __future__ import annotations

import pytest

from reportedly.extract import Extractor
from reportedly.model import Entity, Span
from reportedly.resolve.turns import Turns, _answer_blocks, _is_label

from conftest import speaker_at

TRANSCRIPT = (
    "PRESENTER: Brazil's central bank raised interest rates again on Wednesday. "
    "Our economics editor, Paulo Ramos, is in Brasilia.\n\n"
    "PAULO RAMOS: Thank you. The bank said inflation was still too high.\n\n"
    "PRESENTER: And the markets?\n\n"
    "RAMOS: I spoke to traders this morning. They expect another rise in March."
)

INTERVIEW = (
    "Nordhavn Shipping lost two vessels in the storm last week. "
    "We spoke to its chief executive, Maren Solberg, in Bergen.\n\n"
    "How are the crews?\n"
    "Everyone is safe. I spoke to every captain myself.\n\n"
    "Will you cut routes?\n"
    "No. We will keep every route open this winter."
)


def test_labels_are_capitals_before_a_colon_and_blocks_need_questions():
    assert _is_label("DE LA CALLE") and _is_label("OLENA MARCHUK, CORRESPONDENT") and _is_label("Q")
    assert not _is_label("The minister said") and not _is_label("10")
    assert _answer_blocks("Is it over?\nYes.\n\nAnd now?\nWe wait.") == [(12, 16), (27, 35)]
    # Paragraphs of one line each, or two-line paragraphs with no question, are no interview.
    assert _answer_blocks("09:12 GMT\nThe party won.\n\n10:05 GMT\nIt said so.") == []


# Each row: a passage, a pronoun in it read as a source (its ``occurrence``-th, from 0), and
# the name of the entity it speaks as (None: no one); the id says what it shows.
PRONOUN_SPEAKS_AS = [
    pytest.param(
        TRANSCRIPT,
        "I",
        0,
        "Paulo Ramos",
        id="an_i_in_a_transcript_turn_is_the_person_the_label_names_in_full",
    ),
    pytest.param(INTERVIEW, "I", 0, "Maren Solberg", id="an_interview_answer_i_is_the_interviewee"),
    pytest.param(INTERVIEW, "We", 1, "Nordhavn Shipping", id="an_interview_answer_we_is_the_body_they_lead"),
    # The outlet's own "We spoke to": no one the passage names.
    pytest.param(INTERVIEW, "We", 0, None, id="the_outlets_own_we_is_no_one"),
    pytest.param(
        "Tallinn-based Kivi Robotics builds delivery robots for hospitals. "
        'Its founder, Liisa Tamm, says demand has doubled. "We cannot build them fast enough," she said.',
        "We",
        0,
        "Kivi Robotics",
        id="a_quoted_we_of_a_founder_is_the_organisation_named_before",
    ),
    pytest.param(
        "A study of sleep in teenagers was published on Monday. "
        'Dr. Anna Berg, a researcher at Lund University, led it. "We were surprised," she said.',
        "We",
        0,
        None,
        id="a_quoted_we_of_a_researcher_stays_null",
    ),
]


@pytest.mark.parametrize(("text", "word", "occurrence", "name"), PRONOUN_SPEAKS_AS)
def test_a_pronoun_in_a_turn_or_quote_speaks_as_the_entity_the_passage_gives_it(
    extractor, text, word, occurrence, name
):
    assert speaker_at(extractor, text, word, occurrence=occurrence) == name


def test_a_label_is_no_antecedent_of_a_pronoun(extractor: Extractor):
    # "The bank ... They expect": the traders, whom the passage does not name; never "RAMOS".
    assert speaker_at(extractor, TRANSCRIPT, "They") != "RAMOS"


def test_a_role_label_is_the_person_introduced_in_that_role_or_no_one(extractor: Extractor):
    doc = extractor.nlp(TRANSCRIPT)
    editor = TRANSCRIPT.index("Paulo Ramos")
    ramos = Entity("e1", "Paulo Ramos", "PERSON", [Span.of(TRANSCRIPT, editor, editor + len("Paulo Ramos"))])
    turns = Turns(doc, TRANSCRIPT, [ramos])
    presenter = Span.of(TRANSCRIPT, 0, len("PRESENTER"))
    assert turns.label_speaker(presenter) == (True, None)
    label = TRANSCRIPT.index("RAMOS:")
    assert turns.label_speaker(Span.of(TRANSCRIPT, label, label + len("RAMOS"))) == (True, ramos)
