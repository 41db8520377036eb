"""Pronoun sources on unseen kinds of news (issue 18, pron23): the body a "we" speaks for when
a possessive post refers to an organisation that is the subject of a coordinated main clause,
a commissioner's "we", and a firm's capitalised common noun for itself; passages written for
the tests."""

from __future__ import annotations

from reportedly.extract import Extractor

from conftest import speaker_at

COORDINATED_SUBJECT = (
    "Budapest. The government of Viktor Orban dismissed the board of the state broadcaster on "
    "Monday, and the opposition Tisza party called the move an attack on free speech.\n\n"
    "Its leader, Peter Magyar, spoke outside the broadcaster's offices. "
    '"We will take this to the courts," he told supporters.'
)

COMMISSIONER = (
    "BRUSSELS, March 4 - The European Commission fined the Swedish payments firm Klarvik "
    "300 million euros on Tuesday for favouring its own services.\n\n"
    "Competition commissioner Teresa Ribera said rivals had complained for years. "
    '"We will not tolerate this," she told a news conference.'
)

CAPITALISED_GROUP = (
    "Tanjung Sinar Holdings agreed on Monday to buy a solar panel maker in Penang.\n\n"
    "The Group expects the purchase to complete by June. "
    "Chief executive Aminah Yusof said the price was fair. "
    '"We have waited two years for this," she said.'
)


def test_its_post_is_of_the_subject_of_a_main_clause_coordinated_with_the_first(extractor: Extractor):
    # "Its leader" follows a sentence of two main clauses; the party is the second's subject,
    # the latest organisation made a main subject, not the country of the first.
    assert speaker_at(extractor, COORDINATED_SUBJECT, "We") == "Tisza"


def test_a_commissioners_we_is_the_commission_the_story_is_about(extractor: Extractor):
    assert speaker_at(extractor, COMMISSIONER, "We") == "European Commission"


def test_a_firms_capitalised_common_noun_is_no_body_of_its_own(extractor: Extractor):
    # "The Group expects": NER names a "Group"; the chief executive's "we" is the firm.
    assert speaker_at(extractor, CAPITALISED_GROUP, "We") == "Tanjung Sinar Holdings"


INTERVIEW = (
    "Marta Lindqvist, 27, from Umea, finished fourth in the world championship sprint. "
    "We spoke to her after the race.\n\n"
    "Q: How do you feel?\n"
    "A: Tired, but happy with the result.\n\n"
    "Q: The Swedish Ski Association dropped you from the relay team.\n"
    "A: They say I am not ready. I think I am.\n\n"
    "Q: The French said afterwards that the course was unfair.\n"
    "A: They skied well, and the course was the same for everyone."
)


def test_a_they_opening_an_answer_is_the_body_the_question_made_its_subject(extractor: Extractor):
    assert speaker_at(extractor, INTERVIEW, "They", occurrence=0) == "Swedish Ski Association"


def test_a_they_after_a_question_about_a_people_is_left_to_the_rules(extractor: Extractor):
    # "The French": a team the passage does not name, not the body of a country or a firm.
    assert speaker_at(extractor, INTERVIEW, "They", occurrence=1) is None
