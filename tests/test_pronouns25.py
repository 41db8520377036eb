"""Pronoun sources on unseen kinds of news (issue 18, pron25): a "he" or "she" coordinated with
an unnamed office holder described by a possessive, and a minister's "we"; passages written for
the tests."""

from __future__ import annotations

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


def test_a_he_coordinated_with_an_unnamed_office_holder_is_null(extractor: Extractor):
    # "Its director" is the regulator's, whom the text never names: not the chief executive
    # named before.
    start = UNNAMED_OFFICE.index(" he said") + 1
    assert speaker_of_span(extractor, UNNAMED_OFFICE, start, start + 2) is None


def test_a_he_coordinated_with_an_office_a_named_person_holds_is_not_null(extractor: Extractor):
    start = NAMED_OFFICE.index(" he said") + 1
    assert speaker_of_span(extractor, NAMED_OFFICE, start, start + 2) == "Lars Holm"


MINISTER = (
    "ACCRA, March 3 - Ghana will cut fuel taxes from April, Kwame Asante, the finance minister, "
    'said on Monday. "We cannot ask families to pay more this year," he told reporters.'
)

MINISTER_ABROAD = (
    "ACCRA, March 3 - Ghana will cut fuel taxes from April after talks with Nigeria, Kwame "
    'Asante, the finance minister, said on Monday. "We cannot ask families to pay more this '
    'year," he told reporters.'
)


def test_a_ministers_we_is_the_one_country_the_story_names(extractor: Extractor):
    assert speaker_at(extractor, MINISTER, "We") == "Ghana"


def test_a_ministers_we_is_no_country_where_the_story_names_two(extractor: Extractor):
    assert speaker_at(extractor, MINISTER_ABROAD, "We") is None


CENSUS_NAME = (
    "MUNICH - Toni Berger scored twice on Saturday as Bayern won 3-0 at home. Berger, in his "
    "tenth season at the club, was named man of the match. He told reporters the team had "
    '"found its rhythm".'
)

CENSUS_NAME_UNBOUND = (
    "MUNICH - Toni Berger scored twice on Saturday as Bayern won 3-0 at home. Berger was named "
    'man of the match. He told reporters the team had "found its rhythm".'
)


def test_a_he_may_be_a_person_a_census_first_name_calls_a_woman_whom_the_text_binds_his_to(
    extractor: Extractor,
):
    # "Toni" is a woman's name in the census lists; "Berger, in his tenth season" says otherwise.
    assert speaker_at(extractor, CENSUS_NAME, "He") == "Toni Berger"


def test_a_he_is_no_person_a_census_first_name_calls_a_woman_where_the_text_says_nothing(
    extractor: Extractor,
):
    assert speaker_at(extractor, CENSUS_NAME_UNBOUND, "He") is None
