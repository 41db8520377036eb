"""The learned positions model (issue 21): its features, its modes, its file, and the shipped
model's issues and stances on short passages."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from reportedly.model import STANCE_VALUES
from reportedly.positions.learned import (
    CUE_CLASSES,
    PositionModel,
    PositionModelError,
    StatementView,
    base_features,
    cue_class,
    load_position_model,
    shipped_model_path,
    stance_features,
)

ISSUES = ["ceasefire", "sanctions"]


def _view(rule_issues: set[str], cue: str = "said", vector: list[float] | None = None) -> StatementView:
    return StatementView(
        np.array(vector or [1.0, 0.0], dtype=np.float32),
        None,
        frozenset(rule_issues),
        cue,
        False,
        False,
        None,
    )


def _model(mode: str) -> PositionModel:
    """A hand-made model: the embedding's first number is ceasefire, its second sanctions; the
    stance is the rules' unless the cue refuses, which makes it "opposes"."""
    width = len(base_features(_view(set()), ISSUES))
    issue_weights = np.zeros((2, width))
    issue_weights[0, 1], issue_weights[1, 2] = 10.0, 10.0
    issue_weights[:, 0] = -5.0
    stance_weights = np.zeros((len(STANCE_VALUES), width + len(ISSUES) + len(STANCE_VALUES)))
    for index in range(len(STANCE_VALUES)):
        stance_weights[index, width + len(ISSUES) + index] = 1.0
    refusal = 1 + 2 + len(ISSUES) + 3 + CUE_CLASSES.index("refusal")
    stance_weights[STANCE_VALUES.index("opposes"), refusal] = 5.0
    return PositionModel(ISSUES, issue_weights, 0.5, stance_weights, mode, True)


def test_the_cue_class_is_the_rules_reading_of_the_cue():
    assert [cue_class(cue) for cue in ("urged", "ruled out", "welcomed", "said", "")] == [
        "demand",
        "refusal",
        "support",
        "other",
        "none",
    ]


def test_the_features_carry_the_embedding_the_rules_issues_and_the_issue_asked():
    view = _view({"sanctions"}, cue="rejected", vector=[0.5, -0.5])
    base = base_features(view, ISSUES)
    assert base[:5].tolist() == [1.0, 0.5, -0.5, 0.0, 1.0]  # bias, embedding, rule issues
    features = stance_features(base, "sanctions", "supports", ISSUES)
    assert features[len(base) :].tolist() == [0.0, 1.0, 1.0, 0.0, 0.0, 0.0, 0.0]


def test_learned_issues_replace_the_rules_and_fill_in_only_where_they_place_none():
    sanctions_text = _view({"ceasefire"}, vector=[0.0, 1.0])
    assert [name for name, _ in _model("learned").issues_of(sanctions_text)] == ["sanctions"]
    assert _model("fill").issues_of(sanctions_text) == [("ceasefire", 1.0)]
    assert [name for name, _ in _model("fill").issues_of(_view(set(), vector=[0.0, 1.0]))] == ["sanctions"]


def test_the_learned_stance_weighs_the_rules_stance_and_the_cue():
    model = _model("learned")
    assert model.stance_on(_view({"ceasefire"}), "ceasefire", "demands") == "demands"
    assert model.stance_on(_view({"ceasefire"}, cue="ruled out"), "ceasefire", "supports") == "opposes"
    model.learned_stance = False
    assert model.stance_on(_view({"ceasefire"}, cue="ruled out"), "ceasefire", "supports") == "supports"


def test_a_model_file_round_trips_and_one_for_other_issues_is_refused(tmp_path: Path):
    path = tmp_path / "positions.json"
    path.write_text(json.dumps(_model("fill").to_json()))
    loaded = load_position_model(path, ISSUES)
    assert (loaded.mode, loaded.threshold, loaded.issue_weights.shape) == ("fill", 0.5, (2, 19))
    with pytest.raises(PositionModelError, match="made for other issues"):
        load_position_model(path, ["ceasefire"])
    path.write_text("{}")
    with pytest.raises(PositionModelError, match="not a positions model"):
        load_position_model(path, ISSUES)


def test_the_shipped_model_knows_the_shipped_issues():
    from reportedly.positions.issues import load_issues

    model = load_position_model(None, load_issues().names())
    assert shipped_model_path().is_file() and model.issues == load_issues().names()


# Short passages and what the shipped model (over the rules) says of them.
SHIPPED_POSITIONS = [
    (
        "Foreign Minister Sergei Lavrov said on Tuesday that Moscow rejected any ceasefire that froze "
        "the front line.",
        [("ceasefire", "opposes")],
    ),
    (
        "The Danish prime minister said Denmark would send two more air defence systems to Ukraine "
        "this winter.",
        [("military_aid", "supports")],
    ),
    (
        "EU foreign policy chief Kaja Kallas urged member states to adopt the new sanctions package "
        "without delay.",
        [("sanctions", "demands")],
    ),
    (
        "Turkish Foreign Minister Hakan Fidan said Ankara was ready to host a new round of peace talks "
        "in Istanbul.",
        [("negotiations", "supports")],
    ),
    ("The coach said the team would not accept the referee's decision and would appeal.", []),
]


@pytest.mark.parametrize(("text", "positions"), SHIPPED_POSITIONS)
def test_the_shipped_model_gives_issues_and_stances_of_short_passages(extract, text: str, positions):
    assert [(stance.issue, stance.stance) for stance in extract(text).stances] == positions
