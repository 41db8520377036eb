"""Metonyms that speak (a capital, a seat of government, a country's ministry: data/metonyms.tsv)
and questions (the one asked is the addressee), on passages written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from reportedly.eval.speakers import GoldSpeaker, _prediction_for, resolved_draft
from reportedly.extract import Extractor
from reportedly.model import Document, Extraction
from reportedly.nlp.pipeline import DEFAULT_MODEL, load_spacy
from reportedly.resolve.actors import load_coder
from reportedly.resolve.metonyms import metonym_referent, read_metonyms
from reportedly.resolve.offices import shipped_office_holders


def spoken(
    text: str, extractor: Extractor, published: date | None
) -> dict[str, tuple[str | None, str | None]]:
    """Each attribution's source text to its speaker's name and actor code."""
    extraction: Extraction = extractor.extract_one(Document("passage", text, published=published))
    codes = {entity.id: entity.actor.code if entity.actor else None for entity in extraction.entities}
    return {
        a.source.text: (a.speaker.name, codes.get(a.speaker.entity)) if a.speaker else (None, None)
        for a in extraction.attributions
        if a.source
    }


def referent(phrase: str, published: date | None) -> tuple[str, str] | None:
    found = metonym_referent(phrase, published, load_coder(), shipped_office_holders().holder)
    return (found.name, found.type) if found else None


@pytest.mark.parametrize(
    ("phrase", "published", "expected"),
    [
        ("the Kremlin", date(2016, 1, 1), ("Russia", "GPE")),
        ("Kiev", None, ("Ukraine", "GPE")),
        ("Brussels", date(2016, 1, 1), ("European Commission", "ORG")),
        # The seat of an office is its holder on the day, else the country.
        ("Downing Street", date(2019, 10, 19), ("Boris Johnson", "PERSON")),
        ("No 10", date(2023, 1, 1), ("Rishi Sunak", "PERSON")),
        ("The White House", date(2012, 2, 8), ("Barack Obama", "PERSON")),
        ("the White House", None, ("United States", "GPE")),
        # A ministry or government that names its country is that country's.
        ("Ukraine's foreign ministry", None, ("Ukraine", "GPE")),
        ("the Russian defence ministry", None, ("Russia", "GPE")),
        ("Pakistani authorities", None, ("Pakistan", "GPE")),
        ("the foreign ministry", None, None),  # no country named: left to the resolver
        ("the government", None, None),
        ("Reuters", None, None),
    ],
)
def test_a_metonym_names_who_it_speaks_for_on_the_day(phrase, published, expected):
    assert referent(phrase, published) == expected


def test_every_metonym_speaks_for_a_name_with_a_code():
    coder = load_coder()
    assert [m.referent for m in read_metonyms().values() if coder.code_name(m.referent, None) is None] == []


def test_capitals_seats_and_ministries_speak_for_their_governments(extractor: Extractor):
    text = (
        "The Kremlin said on Tuesday that talks would resume. Kyiv rejected the offer. "
        "Ukraine's foreign ministry said the proposal was absurd. Brussels said it was ready to help. "
        "Downing Street said the plan would not change."
    )
    found = spoken(text, extractor, date(2019, 10, 19))
    assert found["The Kremlin"] == ("Russia", "RUSGOV")
    assert found["Kyiv"] == ("Ukraine", "UKRGOV")
    assert found["Ukraine's foreign ministry"] == ("Ukraine", "UKRGOV")
    assert found["Brussels"] == ("European Commission", "IGOEUREEC")
    assert found["Downing Street"][0] == "Boris Johnson"


def test_a_seat_of_office_speaks_for_the_holder_of_the_day(extractor: Extractor):
    text = "The White House said Assad's days were numbered."
    assert spoken(text, extractor, date(2012, 2, 8))["The White House"] == ("Barack Obama", "USAGOV")
    # With no date there is no holder: the seat speaks for its country's government.
    assert spoken(text, extractor, None)["The White House"] == ("United States", "USAGOV")


def test_a_capital_joins_the_country_the_article_names(extractor: Extractor):
    extraction = extractor.extract_one(
        Document(
            "passage",
            "Russia deployed more troops near the border. Moscow said the exercises were routine.",
            published=date(2021, 4, 1),
        )
    )
    moscow = next(a for a in extraction.attributions if a.source and a.source.text == "Moscow")
    russia = next(e for e in extraction.entities if e.name == "Russia")
    assert moscow.speaker.entity == russia.id
    assert len([e for e in extraction.entities if e.name == "Russia"]) == 1


def test_a_pronoun_after_a_metonym_speaks_for_the_same_government(extractor: Extractor):
    extraction = extractor.extract_one(
        Document("passage", "The Kremlin said talks would resume. It added that no date had been set.")
    )
    assert [a.speaker.name for a in extraction.attributions] == ["Russia", "Russia"]
    assert len({a.speaker.entity for a in extraction.attributions}) == 1


def test_a_person_with_a_capitals_name_speaks_for_himself(extractor: Extractor):
    found = spoken("Denzel Washington said the film was his best work.", extractor, date(2018, 1, 1))
    assert found["Denzel Washington"][0] == "Denzel Washington"


def test_the_one_asked_is_the_addressee_and_answers_after(extractor: Extractor):
    text = (
        "Health Secretary Matt Hancock said the vaccine was safe. "
        "Hancock was asked whether he would take it live on television. He said he would."
    )
    extraction = extractor.extract_one(Document("passage", text, published=date(2020, 12, 2)))
    question = next(a for a in extraction.attributions if a.cue and a.cue.text == "was asked")
    assert (question.source, question.speaker, question.addressee.text) == (None, None, "Hancock")
    answer = next(a for a in extraction.attributions if a.source and a.source.text == "He")
    assert answer.speaker.name == "Matt Hancock"


@pytest.mark.slow
def test_the_scorer_reads_a_gold_question_on_the_one_asked(extractor: Extractor):
    """The gold of "Rutte was asked whether ... and replied" is on "Rutte": the question
    (no source, Rutte asked) is scored, not the answer on the same span; a pronoun asked is
    scored by whom it refers to."""
    text = (
        "Dutch Prime Minister Mark Rutte spoke after the talks. Rutte was asked whether he would "
        "block a deal and replied that he would not be the one to blame. "
        "He was asked whether the summit would end on Sunday."
    )
    nlp = load_spacy(DEFAULT_MODEL)
    draft, resolver = resolved_draft("rutte", text, nlp, extractor.resources, date(2020, 7, 17))
    attributions = draft.extraction.attributions
    for start in (text.index("Rutte was"), text.index("He was")):
        end = text.index(" was", start)
        item = GoldSpeaker(
            "rutte", start, end, "question", None, False, addressee="Mark Rutte", has_addressee=True
        )
        prediction = _prediction_for(item, attributions, resolver, text)
        assert (prediction.speaker, prediction.addressee) == (None, "Mark Rutte")
