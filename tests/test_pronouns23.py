"""Pronoun sources on unseen kinds of news (issue 18, pron23): the body a "we" speaks for when
a possessive post refers to an organisation that is the subject of a coordinated main clause,
a commissioner's "we", and a firm's capitalised common noun for itself; passages written for
the tests."""

from __future__ import annotations

import pytest

from reportedly.extract import Extractor

from conftest import event_parties, only_first_event, speaker_at, speaker_of_span

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


DATELINE_NAME = (
    "CORLEONE - Giulia Ferraro was 34 when she became mayor, and she says the threats began "
    "within a month.\n\n"
    '"I kept every letter," she recalls. Ferraro says the police were slow to act.'
)


AGENCY_CHAIRMAN = (
    "The European Space Agency said on Friday that its lunar lander had touched down safely. "
    "The agency later said the rover had begun its mission.\n\n"
    "The agency's head, Josef Aschbacher, thanked the engineers. "
    '"We rebuilt everything after the last failure," he said.'
)

FIRM_OWNS_NAME = (
    "Honda and Nissan began merger talks on Monday. Sitting beside Honda's chief executive was "
    "Nissan's Makoto Uchida.\n\n"
    'Uchida admitted his company had been slow to build hybrids. "We lost time," Uchida said.'
)


# Each row: a passage, a pronoun in it read as a source (its ``occurrence``-th, from 0), and
# the name of the entity it speaks as (None: left to the rules); the id says what it shows.
PRONOUN_SPEAKS_AS = [
    # "Its leader" follows a sentence of two main clauses; the party is the second's subject,
    # the latest organisation made a main subject, not the country of the first.
    pytest.param(
        COORDINATED_SUBJECT,
        "We",
        0,
        "Tisza",
        id="its_post_is_of_the_subject_of_a_main_clause_coordinated_with_the_first",
    ),
    pytest.param(
        COMMISSIONER,
        "We",
        0,
        "European Commission",
        id="a_commissioners_we_is_the_commission_the_story_is_about",
    ),
    # "The Group expects": NER names a "Group"; the chief executive's "we" is the firm.
    pytest.param(
        CAPITALISED_GROUP,
        "We",
        0,
        "Tanjung Sinar Holdings",
        id="a_firms_capitalised_common_noun_is_no_body_of_its_own",
    ),
    pytest.param(
        INTERVIEW,
        "They",
        0,
        "Swedish Ski Association",
        id="a_they_opening_an_answer_is_the_body_the_question_made_its_subject",
    ),
    # "The French": a team the passage does not name, not the body of a country or a firm.
    pytest.param(
        INTERVIEW, "They", 1, None, id="a_they_after_a_question_about_a_people_is_left_to_the_rules"
    ),
    pytest.param(
        DATELINE_NAME,
        "she",
        1,
        "Giulia Ferraro",
        id="a_name_ner_runs_into_a_dateline_is_the_person_after_the_dash",
    ),
    pytest.param(
        AGENCY_CHAIRMAN,
        "We",
        0,
        "European Space Agency",
        id="the_body_nouns_post_is_of_the_organisation_named_as_a_main_subject",
    ),
    pytest.param(FIRM_OWNS_NAME, "We", 0, "Nissan", id="a_firm_owning_a_name_is_the_body_its_we_speaks_for"),
]


@pytest.mark.parametrize(("text", "word", "occurrence", "name"), PRONOUN_SPEAKS_AS)
def test_a_pronoun_speaks_as_the_body_or_person_the_passage_gives_it(extractor, text, word, occurrence, name):
    assert speaker_at(extractor, text, word, occurrence=occurrence) == name


LIVE_BLOG = (
    "Budget day live: chancellor cuts fuel duty\n\n"
    "12:31 GMT\n"
    "Chancellor Jeremy Hunt has begun his statement to the Commons. He says growth will be "
    "stronger than forecast.\n\n"
    "12:44 GMT\n"
    "Fuel duty will be frozen for another year, he confirms. The Treasury says the freeze costs "
    "five billion pounds.\n\n"
    "12:58 GMT\n"
    "Ed Balls and Keir Starmer are on their feet for Labour. The shadow chancellor calls "
    "the budget a gimmick.\n\n"
    "13:10 GMT\n"
    "He says the government has lost control of the public finances."
)


def test_a_pronoun_opening_a_post_is_the_one_person_of_its_gender_the_post_before_names(
    extractor: Extractor,
):
    start = LIVE_BLOG.index(" he confirms") + 1
    assert speaker_of_span(extractor, LIVE_BLOG, start, start + 2) == "Jeremy Hunt"


def test_a_pronoun_opening_a_post_after_two_people_of_its_gender_is_null(extractor: Extractor):
    start = LIVE_BLOG.index("He says the government")
    assert speaker_of_span(extractor, LIVE_BLOG, start, start + 2) is None


def test_one_common_word_after_a_dateline_is_no_name(resolve):
    # NER runs "KARACHI - Authorities" together and the tagger calls "Authorities" a proper
    # noun: one word with no person's evidence stays in the dateline's mention, so the
    # authorities' ban is the event, not the background attack.
    event = only_first_event(
        resolve,
        "KARACHI - Authorities in Sindh province banned public gatherings for a week after "
        "protesters attacked a police station.",
    )
    assert event_parties(event) == ("COERCE", [("Authorities in Sindh province", "PAK")], [])
