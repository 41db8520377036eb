"""The body a speaker's "we" in a quotation stands for (issue 18, we30); passages written
for the tests."""

from __future__ import annotations

from datetime import date

from reportedly.extract import Extractor

from conftest import speaker_of_span

# A head of state in a story naming three countries: his government's code (UKRGOV on the
# day) tells which is his.
PRESIDENT = (
    "KYIV, March 7 (Wire) - Ukraine asked Poland and Germany for more air defence systems on "
    "Tuesday.\n\nPresident Volodymyr Zelensky spoke after a call with the German chancellor. "
    '"We need them before the winter," Zelensky said.'
)

# A minister the demonym before his post ties to his country; the story names it.
DEMONYM_MINISTER = (
    "BERLIN, May 4 (Wire) - Germany will keep checks on its borders with Poland and Austria for "
    "six more months, the interior ministry said on Monday.\n\nPolish Foreign Minister Jan "
    'Kowalczyk called the decision unacceptable. "We have told Berlin that we need talks," '
    "Kowalczyk said."
)

# The party the leader's post names, in a story of a country's election.
PARTY_LEADER = (
    "CAPE TOWN, June 2 (Wire) - South Africa's election left no party with a majority.\n\n"
    'The Harbour Alliance leader, Thandi Mokoena, said her party would talk to all sides. "We '
    'will not be rushed," Mokoena said.'
)

# A researcher's "we" is her team's: no body, though the story names a country and a university.
RESEARCHER = (
    "OSLO, Feb 9 (Wire) - Norway's salmon farms lose more fish to lice than a decade ago, a "
    "study published on Thursday found.\n\nLena Haugen, a marine biologist at the University "
    'of Bergen who led the study, said the rise was steep. "We counted lice on 40 farms," '
    "Haugen said."
)


def _speaker_of_we(extractor: Extractor, text: str, published: date) -> str | None:
    start = text.index("We")
    return speaker_of_span(extractor, text, start, start + 2, published)


def test_a_presidents_we_is_the_country_of_his_government_code(extractor: Extractor):
    assert _speaker_of_we(extractor, PRESIDENT, date(2023, 3, 7)) == "Ukraine"


def test_a_ministers_we_is_the_country_the_demonym_before_his_post_names(extractor: Extractor):
    assert _speaker_of_we(extractor, DEMONYM_MINISTER, date(2024, 5, 4)) == "Poland"


def test_a_party_leaders_we_is_the_party(extractor: Extractor):
    assert _speaker_of_we(extractor, PARTY_LEADER, date(2024, 6, 2)) == "Harbour Alliance"


def test_a_researchers_we_is_no_body(extractor: Extractor):
    assert _speaker_of_we(extractor, RESEARCHER, date(2024, 2, 9)) is None
