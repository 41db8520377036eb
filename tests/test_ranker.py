"""The learned speaker ranker: its model file, its choice, and the passages of issue 18."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import numpy as np
import pytest

from reportedly.extract import Extractor
from reportedly.model import Document, Extraction
from reportedly.resolve.ranker import (
    FEATURE_COUNT,
    Candidate,
    RankerError,
    Reference,
    SpeakerRanker,
    load_ranker,
)

HE = Reference("pronoun", "m", "he", True, False, False, False, False)


def candidate(entity_id: str, **facts) -> Candidate:
    defaults = dict.fromkeys(Candidate.__slots__, False) | {
        "entity_id": entity_id,
        "type": "PERSON",
        "gender": None,
        "sentences_back": 0,
        "characters_back": 10,
        "recency_rank": 0,
        "mentions_before": 1,
    }
    return Candidate(**(defaults | facts))


def test_the_shipped_model_fits_the_features():
    ranker = load_ranker()
    assert set(ranker.weights) == {"nominal"}  # pronouns are left to the rules
    assert (ranker.ranks("nominal"), ranker.ranks("pronoun")) == (True, False)
    assert all(len(weights) == FEATURE_COUNT for weights in ranker.weights.values())
    assert all(0.0 < threshold < 1.0 for threshold in ranker.thresholds.values())


def test_a_model_file_of_other_features_is_refused(tmp_path: Path):
    path = tmp_path / "ranker.json"
    path.write_text(json.dumps({"features": FEATURE_COUNT - 1, "kinds": {}}))
    with pytest.raises(
        RankerError, match=f"made for {FEATURE_COUNT - 1} features, this code has {FEATURE_COUNT}"
    ):
        load_ranker(path)
    with pytest.raises(RankerError, match="cannot read the speaker ranker"):
        load_ranker(tmp_path / "missing.json")


def test_the_best_candidate_wins_only_above_the_threshold():
    # Weights on the previous-speaker feature alone (index 18) and a bias.
    weights = np.zeros(FEATURE_COUNT)
    weights[0], weights[18] = -2.0, 4.0
    ranker = SpeakerRanker({"pronoun": weights, "nominal": weights}, {"pronoun": 0.5, "nominal": 0.5})
    speakers = [candidate("e1"), candidate("e2", previous_speaker=True)]
    assert ranker.choose(HE, speakers) == "e2"
    assert ranker.choose(HE, [candidate("e1")]) is None  # probability 0.12
    assert ranker.choose(HE, []) is None


@pytest.fixture(scope="module")
def speakers_of(extractor: Extractor):
    """Each attribution's source text to its speaker's name, for a passage of 2024."""

    def run(text: str) -> list[tuple[str, str | None]]:
        extraction: Extraction = extractor.extract_one(Document("passage", text, published=date(2024, 5, 1)))
        return [
            (a.source.text if a.source else a.kind, a.speaker.name if a.speaker else None)
            for a in extraction.attributions
        ]

    return run


def test_a_name_with_an_apposition_speaks_not_the_place_in_it(speakers_of):
    assert speakers_of(
        "Retired Lt. Gen. Keith Kellogg, Trump's pick to be special envoy to Ukraine, told Fox News on "
        "Sunday that talks could start soon."
    ) == [("Retired Lt. Gen. Keith Kellogg, Trump's pick to be special envoy to Ukraine", "Keith Kellogg")]
    assert speakers_of(
        "David Reich, an investigator at Harvard Medical School, said the samples were older than thought."
    ) == [("David Reich, an investigator at Harvard Medical School", "David Reich")]


def test_the_company_is_the_company_named_before(speakers_of):
    assert speakers_of(
        "ExxonMobil reported higher profits on Friday. The company said it would raise its dividend."
    ) == [("ExxonMobil", "ExxonMobil"), ("The company", "ExxonMobil")]


def test_a_chain_of_he_added_stays_with_the_coach(speakers_of):
    assert speakers_of(
        'Arsenal manager Mikel Arteta praised the defence after the match. "We were solid," Arteta said. '
        "He added that the team had improved. He added that the season was long."
    )[1:] == [("Arteta", "Mikel Arteta"), ("He", "Mikel Arteta"), ("He", "Mikel Arteta")]


def test_a_country_title_with_no_holder_named_goes_to_the_holder_on_the_day(speakers_of):
    assert speakers_of("Russia's foreign minister said on Monday that the talks had failed.") == [
        ("Russia's foreign minister", "Sergei Lavrov")
    ]


def test_the_agency_is_the_organisation_named_before(speakers_of):
    assert speakers_of(
        "The World Health Organization warned of a new wave of cases. "
        "The agency said vaccines remained effective."
    ) == [
        ("The World Health Organization", "World Health Organization"),
        ("The agency", "World Health Organization"),
    ]
