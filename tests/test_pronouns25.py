"""Pronoun sources on unseen kinds of news (issue 18, pron25): a "he" or "she" coordinated with
an unnamed office holder described by a possessive, and a minister's "we"; passages written for
the tests."""

from __future__ import annotations

import pytest

from reportedly.extract import Extractor

from conftest import speaker_at, speaker_of_span

UNNAMED_OFFICE = (
    "OSLO, May 6 - Norway's largest salmon farmer, Fjordlaks, said on Monday that profits fell "
    "by a third after sea lice spread along the coast. Chief executive Ingrid Moe said the "
    "worst was over.\n\n"
    "The fisheries regulator said it would inspect every farm before the summer. Its director "
    "rejected claims that the rules had been too lax, and he said the industry had to invest "
    "in closed pens."
)

NAMED_OFFICE = (
    "OSLO, May 6 - Fjordlaks named Lars Holm as its chairman on Monday after a year of losses. "
    "Holm said the board would review every farm.\n\n"
    "The company's chairman told shareholders that the worst was over, and he said dividends "
    "would return next year."
)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # "Its director" is the regulator's, whom the text never names: not the chief executive
        # named before.
        pytest.param(UNNAMED_OFFICE, None, id="a_he_coordinated_with_an_unnamed_office_holder_is_null"),
        pytest.param(
            NAMED_OFFICE, "Lars Holm", id="a_he_coordinated_with_an_office_a_named_person_holds_is_not_null"
        ),
    ],
)
def test_a_he_coordinated_with_an_office_holder(extractor: Extractor, text: str, name: str | None):
    start = text.index(" he said") + 1
    assert speaker_of_span(extractor, text, start, start + 2) == name


MINISTER = (
    "ACCRA, March 3 - Ghana will cut fuel taxes from April, Kwame Asante, the finance minister, "
    'said on Monday. "We cannot ask families to pay more this year," he told reporters.'
)

MINISTER_ABROAD = (
    "ACCRA, March 3 - Ghana will cut fuel taxes from April after talks with Nigeria, Kwame "
    'Asante, the finance minister, said on Monday. "We cannot ask families to pay more this '
    'year," he told reporters.'
)


CENSUS_NAME = (
    "MUNICH - Toni Berger scored twice on Saturday as Bayern won 3-0 at home. Berger, in his "
    "tenth season at the club, was named man of the match. He told reporters the team had "
    '"found its rhythm".'
)

CENSUS_NAME_UNBOUND = (
    "MUNICH - Toni Berger scored twice on Saturday as Bayern won 3-0 at home. Berger was named "
    'man of the match. He told reporters the team had "found its rhythm".'
)


# Each row: a passage, a pronoun in it read as a source, and the name of the entity it speaks
# as (None: no one); the id says what it shows.
PRONOUN_SPEAKS_AS = [
    pytest.param(MINISTER, "We", "Ghana", id="a_ministers_we_is_the_one_country_the_story_names"),
    pytest.param(MINISTER_ABROAD, "We", None, id="a_ministers_we_is_no_country_where_the_story_names_two"),
    # "Toni" is a woman's name in the census lists; "Berger, in his tenth season" says otherwise.
    pytest.param(
        CENSUS_NAME,
        "He",
        "Toni Berger",
        id="a_he_may_be_a_person_a_census_first_name_calls_a_woman_whom_the_text_binds_his_to",
    ),
    pytest.param(
        CENSUS_NAME_UNBOUND,
        "He",
        None,
        id="a_he_is_no_person_a_census_first_name_calls_a_woman_where_the_text_says_nothing",
    ),
]


@pytest.mark.parametrize(("text", "word", "name"), PRONOUN_SPEAKS_AS)
def test_a_pronoun_speaks_as_the_body_or_person_the_passage_gives_it(
    extractor: Extractor, text: str, word: str, name: str | None
):
    assert speaker_at(extractor, text, word) == name
