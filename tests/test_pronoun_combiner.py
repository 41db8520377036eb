"""The pronoun combiner's features (``training/pronoun_combiner.py``: ``pair_features``) for a
pronoun and two names, and its choice from given weights."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import numpy as np
import pytest

from reportedly.model import Range
from reportedly.nlp.pipeline import load_spacy

from conftest import training_script

GENDERS = {"walter": "m", "carla": "f"}
TEXT = "Walter Frost met Carla Holt in Oslo. Holt praised Frost, and later she thanked him."


def span(text: str, word: str, start: int = 0) -> Range:
    at = text.index(word, start)
    return Range(at, at + len(word))


@pytest.fixture(scope="module")
def combiner() -> Iterator[Any]:
    yield from training_script("pronoun_combiner")


@pytest.fixture(scope="module")
def features(combiner: Any) -> dict[str, tuple[float, float]]:
    pair = combiner.Pair(
        pronoun=span(TEXT, "she"),
        names=(span(TEXT, "Walter Frost"), span(TEXT, "Carla Holt")),
        probabilities=(0.2, 0.7),
        rules=(False, True),
        barred=(False, False),
    )
    rows = combiner.pair_features(load_spacy()(TEXT), pair, GENDERS)
    names = combiner.column_names()
    assert rows.shape == (2, len(names))
    return {name: (float(rows[0, i]), float(rows[1, i])) for i, name in enumerate(names)}


def test_each_name_reads_its_own_features_then_the_others(features: dict[str, tuple[float, float]]) -> None:
    assert features["rules' answer"] == (0.0, 1.0)
    assert features["other's rules' answer"] == (1.0, 0.0)
    assert features["model logit"][0] == pytest.approx(np.log(0.2 / 0.8))
    assert features["other's model logit"][0] == pytest.approx(np.log(0.7 / 0.3))


def test_gender_of_the_first_name_against_the_pronoun(features: dict[str, tuple[float, float]]) -> None:
    assert features["first name of the pronoun's gender"] == (0.0, 1.0)
    assert features["first name of the other gender"] == (1.0, 0.0)


def test_salience_counts_the_surname_alone(features: dict[str, tuple[float, float]]) -> None:
    # Frost: "Walter Frost", "Frost"; Holt: "Carla Holt", "Holt"; both twice, both before "she"
    assert features["mentions"] == pytest.approx((np.log1p(2), np.log1p(2)))
    assert features["mentions before the pronoun"] == pytest.approx((np.log1p(2), np.log1p(2)))
    assert features["first mention's place"][0] == 0.0
    # the latest mention of each is in the pronoun's sentence
    assert features["sentences back"] == (0.0, 0.0)


def test_roles_and_the_pronouns(features: dict[str, tuple[float, float]]) -> None:
    assert features["subject"] == (1.0, 0.0)  # "Walter Frost met", "met Carla Holt"
    assert features["object"] == (0.0, 1.0)
    assert features["pronoun subject"] == (1.0, 1.0)
    assert features["same role as the pronoun"] == (1.0, 0.0)
    assert features["before the pronoun"] == (1.0, 1.0)


def test_the_combiner_picks_the_better_scored_name(combiner: Any) -> None:
    # a combiner that follows the rules' answer alone picks B, the rules' choice
    names = combiner.column_names()
    rules = names.index("rules' answer")
    follows_rules = combiner.Combiner(np.zeros(1), np.ones(1), np.array([-2.0, 4.0]), (rules,))
    rows = np.zeros((2, len(names)))
    rows[1, rules] = 1.0
    assert follows_rules.choose(rows) == 1
    assert follows_rules.probabilities(rows) == pytest.approx([1 / (1 + np.exp(2.0)), 1 / (1 + np.exp(-2.0))])
    assert follows_rules.to_json()["columns"] == ["rules' answer"]
    assert names[: len(combiner.FEATURES)] == list(combiner.FEATURES)
