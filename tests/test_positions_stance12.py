"""The quick stance cross-validation's parts (training/train_positions.py, branch stance12)."""

from __future__ import annotations

import numpy as np
import pytest

from reportedly.model import STANCE_VALUES

from conftest import training_script


@pytest.fixture(scope="module")
def train_positions():
    yield from training_script("train_positions")


def test_the_folds_split_every_example_once_the_same_each_run(train_positions):
    folds = train_positions.folds_of(23)
    assert len(folds) == train_positions.FOLDS == 5
    assert sorted(np.concatenate(folds).tolist()) == list(range(23))
    assert [len(fold) for fold in folds] == [5, 5, 5, 4, 4]
    assert all(np.array_equal(a, b) for a, b in zip(folds, train_positions.folds_of(23), strict=True))


def test_the_stance_penalty_is_reached_from_the_strongest_as_the_grid_reaches_it(train_positions):
    # six pairs, a bias and one feature: the feature marks the opposing ones
    rows = np.array([[1.0, 1.0], [1.0, 1.0], [1.0, 1.0], [1.0, 0.0], [1.0, 0.0], [1.0, 0.0]])
    stances = ["opposes"] * 3 + ["supports"] * 3
    setting = train_positions.StanceSetting(False, True, True, False, 3.0)
    found = train_positions.fit_stance_path(rows, stances, setting)
    first = train_positions.fit_stance(rows, stances, False, 10.0)
    assert np.allclose(found, train_positions.fit_stance(rows, stances, False, 3.0, first))
    scores = train_positions.softmax(rows @ found.T)
    opposes, supports = STANCE_VALUES.index("opposes"), STANCE_VALUES.index("supports")
    assert scores[0].argmax() == opposes and scores[3].argmax() == supports
