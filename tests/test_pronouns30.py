"""Pronoun sources on unseen news (issue 18, pron30); passages written for the tests."""

from __future__ import annotations

import pytest

from reportedly.extract import Extractor

from conftest import speaker_at

FORMER_POST = (
    "OSLO - Ragnhild Vik, a former Nordbank economist, leads the Coastal Fishers Alliance.\n\n"
    'Vik spoke to reporters on Monday. "We will not accept the quota," she said.'
)

OTHERS_POST = (
    "OSLO - Ragnhild Vik, who met the Danish Minister of Fisheries Lars Holm last week, spoke "
    'on Monday.\n\n"We will not accept the quota," Vik said.'
)

OWN_POST = (
    "OSLO - Coastal Fishers Alliance chief executive Ragnhild Vik spoke to reporters on Monday.\n\n"
    '"We will not accept the quota," Vik said.'
)


# Each row: a passage, and the name of the entity its speaker's "We" speaks as (None: no
# one); the id says what it shows.
WE_SPEAKS_AS = [
    # The bank was hers once: her "we" is not the bank's.
    pytest.param(FORMER_POST, None, id="a_former_post_ties_the_speakers_we_to_no_body"),
    # "Minister of Fisheries" is Lars Holm's post: her "we" is not the Danes'.
    pytest.param(OTHERS_POST, None, id="another_persons_post_in_the_phrase_ties_the_speakers_we_to_no_body"),
    pytest.param(
        OWN_POST, "Coastal Fishers Alliance", id="the_speakers_own_post_still_ties_the_we_to_the_body"
    ),
]


@pytest.mark.parametrize(("text", "name"), WE_SPEAKS_AS)
def test_a_speakers_post_ties_the_we_to_its_body_or_none(extractor: Extractor, text: str, name: str | None):
    assert speaker_at(extractor, text, "We") == name
