"""The grouping of polarity errors by cause (training/train_stance_polarity.py, branch stance19)."""

from __future__ import annotations

import pytest

from conftest import training_script


@pytest.fixture(scope="module")
def polarity():
    yield from training_script("train_stance_polarity")


@pytest.mark.parametrize(
    ("gold", "rule", "text", "acts_against", "group"),
    [
        ("supports", "supports", "the league would not scrap the salary cap said", False, 0),
        ("supports", "opposes", "the union accused the owners of derailing the talks said", False, 1),
        ("opposes", "supports", "the club would lift the transfer ban said", True, 2),
        ("supports", "opposes", "the results are final and not subject to appeal declared", False, 3),
        ("opposes", "unclear", 'the new stadium levy was "an act of war" on fans said', False, 4),
        ("opposes", "unclear", "the board spoke at midnight about the future said", False, 5),
    ],
)
def test_a_polarity_error_goes_to_the_first_group_that_fits(polarity, gold, rule, text, acts_against, group):
    assert polarity.group_of(gold, rule, text, acts_against) == polarity.GROUPS[group]
