"""Speaker turns in interviews and transcripts (issue 18): labels, answers, and the body a
person's "we" speaks for, on passages written for the project."""

from __future__ import annotations

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


def test_an_i_in_a_transcript_turn_is_the_person_the_label_names_in_full(extractor: Extractor):
    assert speaker_at(extractor, TRANSCRIPT, "I") == "Paulo Ramos"


def test_a_label_is_no_antecedent_of_a_pronoun(extractor: Extractor):
    # "The bank ... They expect": the traders, whom the passage does not name; never "RAMOS".
    assert speaker_at(extractor, TRANSCRIPT, "They") != "RAMOS"


def test_an_interview_answer_i_is_the_interviewee_and_we_the_body_they_lead(extractor: Extractor):
    assert speaker_at(extractor, INTERVIEW, "I") == "Maren Solberg"
    assert speaker_at(extractor, INTERVIEW, "We", occurrence=1) == "Nordhavn Shipping"
    # The outlet's own "We spoke to": no one the passage names.
    assert speaker_at(extractor, INTERVIEW, "We") is None


def test_a_quoted_we_of_a_founder_is_the_organisation_named_before(extractor: Extractor):
    text = (
        "Tallinn-based Kivi Robotics builds delivery robots for hospitals. "
        'Its founder, Liisa Tamm, says demand has doubled. "We cannot build them fast enough," she said.'
    )
    assert speaker_at(extractor, text, "We") == "Kivi Robotics"


def test_a_quoted_we_of_a_researcher_stays_null(extractor: Extractor):
    text = (
        "A study of sleep in teenagers was published on Monday. "
        'Dr. Anna Berg, a researcher at Lund University, led it. "We were surprised," she said.'
    )
    assert speaker_at(extractor, text, "We") is None


def test_a_role_label_is_the_person_introduced_in_that_role_or_no_one(extractor: Extractor):
    doc = extractor.nlp(TRANSCRIPT)
    editor = TRANSCRIPT.index("Paulo Ramos")
    ramos = Entity("e1", "Paulo Ramos", "PERSON", [Span.of(TRANSCRIPT, editor, editor + len("Paulo Ramos"))])
    turns = Turns(doc, TRANSCRIPT, [ramos])
    presenter = Span.of(TRANSCRIPT, 0, len("PRESENTER"))
    assert turns.label_speaker(presenter) == (True, None)
    label = TRANSCRIPT.index("RAMOS:")
    assert turns.label_speaker(Span.of(TRANSCRIPT, label, label + len("RAMOS"))) == (True, ramos)
