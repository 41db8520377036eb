"""Pronoun sources on unseen kinds of news (issue 18, pron21): the body a "we" speaks for
where the parse splits the post from the name or NER misses the body's name, and a "he"
after a definite description that takes up an unnamed person; passages written for the tests."""

from __future__ import annotations

import pytest

from reportedly.eval.speakers import resolved_draft
from reportedly.extract import Extractor
from reportedly.model import Attribution, Span
from reportedly.resolve.pronouns import pronoun_candidates

from conftest import speaker_at

CO_FOUNDERS = (
    "Tallinn's Kivi Robotics laid off a fifth of its staff last month. "
    "We asked its co-founders, Mart Kask and Liis Tamm, what went wrong.\n\n"
    "Why cut jobs now?\n"
    "KASK: We ran out of money in the spring.\n\n"
    "Will you hire again?\n"
    "TAMM: I hope so. We have orders for next year."
)

CLUB_POST = (
    "Porto beat Benfica 2-0 in Lisbon on Saturday to go top of the league.\n\n"
    "Porto coach Sergio Conceicao praised his players after the match. "
    '"We were patient and we deserved it," Conceicao told reporters.'
)

DATELINE_POST = (
    "OSLO, May 3 - The chief executive of ferry operator Nordic Ferries Group, Kari Nilsen, said fares "
    'would rise this summer. "We have no choice," she told reporters.'
)

GROUP_HEAD = (
    "In Sudan, the Nile Relief aid group says its convoys are stuck at the border. "
    '"We are running out of fuel," its head, Omar Hassan, said.'
)

OFFICIAL = (
    "Foreign Minister Marc Dubois said on Tuesday that the talks in Geneva had stalled. "
    "A senior official said the envoys had not met since Friday. "
    "The official, who spoke on condition of anonymity, said the envoys would meet again on Monday. "
    "He did not say whether the talks would resume."
)


DETECTIVE = (
    "Police chief Anna Berg said the vault had been cut open overnight. "
    "A detective who worked on an earlier theft for Lars Holm said the method was familiar. "
    "He said such objects were usually melted down within days."
)


# Each row: a passage, a pronoun in it read as a source (its ``occurrence``-th, from 0), and
# the name of the entity it speaks as (None: no one); the id says what it shows.
PRONOUN_SPEAKS_AS = [
    # "its co-founders, Mart Kask and Liis Tamm": the hyphen splits the phrase, so the names
    # hang on the verb, not on the post; the post before the comma still ties them to the firm.
    *(
        pytest.param(
            CO_FOUNDERS,
            "We",
            occurrence,
            "Kivi Robotics",
            id=f"a_we_in_a_turn_is_the_firm_of_a_post_the_parse_split_from_the_names:{occurrence}",
        )
        for occurrence in (1, 2)
    ),
    pytest.param(CLUB_POST, "We", 0, "Porto", id="a_quoted_we_is_the_club_a_post_before_the_name_names"),
    # Lars Holm is named inside the detective's relative clause: not the one described.
    pytest.param(
        DETECTIVE,
        "He",
        0,
        None,
        id="a_he_after_an_unnamed_person_whose_clause_names_another_is_null",
    ),
    # The dateline's dash is no part of the post's phrase.
    pytest.param(
        DATELINE_POST,
        "We",
        0,
        "Nordic Ferries Group",
        id="a_quoted_we_is_the_firm_a_post_before_the_name_and_a_comma_names",
    ),
    # "the Nile Relief aid group says": the name is a modifier of the main subject, not Sudan.
    pytest.param(
        GROUP_HEAD, "We", 0, "Nile Relief", id="its_head_is_of_the_body_that_names_the_main_subject"
    ),
    # Not the minister named two sentences before the unnamed official.
    pytest.param(
        OFFICIAL,
        "He",
        0,
        None,
        id="a_he_after_a_definite_description_taking_up_an_unnamed_official_is_null",
    ),
]


@pytest.mark.parametrize(("text", "word", "occurrence", "name"), PRONOUN_SPEAKS_AS)
def test_a_pronoun_speaks_as_the_body_or_person_the_passage_gives_it(extractor, text, word, occurrence, name):
    assert speaker_at(extractor, text, word, occurrence=occurrence) == name


LIVE_BLOG = (
    "Storm Ida - live\n\n"
    "09:10 GMT\n"
    "Coastguard chief Tom Avery says two boats are missing off Cork. He said crews were searching.\n\n"
    "09:40 GMT\n"
    "The environment minister has been speaking to broadcasters. He said more rain was coming.\n"
)


def test_a_live_blog_post_bounds_the_pronoun_models_candidates(extractor: Extractor):
    draft, resolver = resolved_draft("blog", LIVE_BLOG, extractor.nlp, extractor.resources)
    second_post = LIVE_BLOG.index("09:40 GMT") + len("09:40 GMT")
    pronoun = next(token for token in draft.doc if token.text == "He" and token.idx > second_post)
    assert resolver.turns.post_start(pronoun.idx) == second_post
    assert resolver.turns.post_start(5) == 0
    probe = Attribution(
        id="probe",
        kind="indirect",
        cue=None,
        source=Span.of(LIVE_BLOG, pronoun.idx, pronoun.idx + 2),
        content=[],
    )
    # Tom Avery, named in the post before, is no candidate for the minister's "He".
    entities, _ = pronoun_candidates(resolver, pronoun, probe)
    assert [entity.name for entity in entities] == []


TWO_POSTS = (
    "Election night - live\n\n"
    "21:05 GMT\n"
    "Party leader Anna Berg has voted in Uppsala. She said turnout looked strong.\n\n"
    "21:30 GMT\n"
    "The first exit poll puts the Greens on 9 percent. She said it was too early to celebrate.\n"
)


def test_a_pronoun_whose_post_names_no_one_is_null(extractor: Extractor):
    # Anna Berg, named in the post before, is not the "She" of a post that names no one:
    # who speaks changes from post to post.
    assert speaker_at(extractor, TWO_POSTS, "She") == "Anna Berg"
    assert speaker_at(extractor, TWO_POSTS, "She", occurrence=1) is None
