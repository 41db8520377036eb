"""Pronoun sources on unseen news (issue 18, pron30); passages written for the tests."""

from __future__ import annotations

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


def test_a_former_post_ties_the_speakers_we_to_no_body(extractor: Extractor):
    # The bank was hers once: her "we" is not the bank's.
    assert speaker_at(extractor, FORMER_POST, "We") is None


def test_another_persons_post_in_the_phrase_ties_the_speakers_we_to_no_body(extractor: Extractor):
    # "Minister of Fisheries" is Lars Holm's post: her "we" is not the Danes'.
    assert speaker_at(extractor, OTHERS_POST, "We") is None


def test_the_speakers_own_post_still_ties_the_we_to_the_body(extractor: Extractor):
    assert speaker_at(extractor, OWN_POST, "We") == "Coastal Fishers Alliance"
