"""The learned issue assigner and stance classifier over the rules' readings (issue 21).

A statement's features are its content's sentence embedding (all-MiniLM-L6-v2) and, one-hot,
what the rules found: the issues its patterns place, whether its attribution is negated or
hypothetical, its cue's class (a demand, a refusal, a word of support, other) and its
sentence's PLOVER event. One logistic model per issue (one-vs-rest) says which issues it is
about; a softmax over the five stances, fed the same features with the issue one-hot and the
rules' stance on that issue one-hot, says its stance there. ``mode`` says how the learned
answers combine with the rules', as chosen by cross-validation on eval/positions/train.jsonl
(``training/train_positions.py``): ``"learned"`` replaces them, ``"fill"`` keeps the rules'
issues and adds the learned ones only where the rules place none.

The weights ship as JSON (``data/models/positions.json``); they run with numpy alone.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import cast

import numpy as np

from reportedly.model import STANCE_VALUES, StanceValue
from reportedly.positions.stance import DEMAND_CUES, NEGATIONS, REJECTIONS, SUPPORT

EVENT_TYPES = ("AGREE", "REJECT", "REQUEST", "THREATEN")
CUE_CLASSES = ("demand", "refusal", "support", "other", "none")
MODES = ("learned", "fill")


class PositionModelError(Exception):
    """A positions model file that cannot be read or does not fit the issues."""


def cue_class(cue: str) -> str:
    """The cue's class, as the rules read cues: "urged" demand, "ruled out" refusal, ..."""
    cue = cue.strip()
    if not cue:
        return "none"
    if DEMAND_CUES.search(cue):
        return "demand"
    if REJECTIONS.search(cue) or NEGATIONS.search(cue):
        return "refusal"
    if SUPPORT.search(cue):
        return "support"
    return "other"


@dataclass(frozen=True, slots=True)
class StatementView:
    """What the models see of a statement: its embedding and the rules' readings."""

    vector: np.ndarray  # the content's unit embedding
    # The embedding of the cue and content together ("ruled out" + "a ceasefire"), for a
    # model that weighs it; None: not computed.
    cue_vector: np.ndarray | None
    rule_issues: frozenset[str]  # the issues the patterns (or the embedding's closest) place
    cue: str
    negated: bool
    hypothetical: bool
    event_type: str | None


def base_features(view: StatementView, issues: list[str], cue_embedding: bool = False) -> np.ndarray:
    """The features every model of the statement weighs; the first is the bias."""
    if cue_embedding and view.cue_vector is None:
        raise ValueError("the model weighs the cue and content's embedding, and it was not computed")
    cue = cue_class(view.cue)
    event = view.event_type if view.event_type in EVENT_TYPES else None
    return np.concatenate(
        [
            [1.0],
            view.vector.astype(np.float64),
            view.cue_vector.astype(np.float64) if cue_embedding and view.cue_vector is not None else [],
            [float(name in view.rule_issues) for name in issues],
            [float(not view.rule_issues), float(view.negated), float(view.hypothetical)],
            [float(cue == name) for name in CUE_CLASSES],
            [float(event == name) for name in EVENT_TYPES],
            [float(view.event_type is not None and event is None), float(view.event_type is None)],
        ]
    )


def stance_features(base: np.ndarray, issue: str, rule_stance: str, issues: list[str]) -> np.ndarray:
    """The stance model's features for one issue: the statement's, the issue and the rules' stance."""
    return np.concatenate(
        [
            base,
            [float(issue == name) for name in issues],
            [float(rule_stance == value) for value in STANCE_VALUES],
        ]
    )


def sigmoid(scores: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-np.clip(scores, -30, 30)))


def softmax(scores: np.ndarray) -> np.ndarray:
    shifted = np.exp(scores - scores.max(axis=-1, keepdims=True))
    return shifted / shifted.sum(axis=-1, keepdims=True)


@dataclass(slots=True)
class PositionModel:
    issues: list[str]
    issue_weights: np.ndarray  # one row per issue
    threshold: float
    stance_weights: np.ndarray  # one row per stance value
    mode: str  # how the issues combine with the rules': MODES
    learned_stance: bool  # False: the rules' stance stays
    cue_embedding: bool = False  # it weighs the cue and content's embedding too

    def issues_of(self, view: StatementView) -> list[tuple[str, float]]:
        """The statement's issues, in the issues' order, with their probabilities (1.0 for
        the rules' in "fill" mode)."""
        if self.mode == "fill" and view.rule_issues:
            return [(name, 1.0) for name in self.issues if name in view.rule_issues]
        probabilities = sigmoid(self.issue_weights @ base_features(view, self.issues, self.cue_embedding))
        return [
            (name, round(float(p), 3))
            for name, p in zip(self.issues, probabilities, strict=True)
            if p >= self.threshold
        ]

    def stance_on(self, view: StatementView, issue: str, rule_stance: StanceValue) -> StanceValue:
        """The statement's stance on ``issue`` (one of the model's issues), given the rules' there."""
        if not self.learned_stance:
            return rule_stance
        features = stance_features(
            base_features(view, self.issues, self.cue_embedding), issue, rule_stance, self.issues
        )
        return cast(StanceValue, STANCE_VALUES[int(np.argmax(self.stance_weights @ features))])

    def to_json(self) -> dict[str, object]:
        return {
            "issues": self.issues,
            "threshold": self.threshold,
            "mode": self.mode,
            "learned_stance": self.learned_stance,
            "cue_embedding": self.cue_embedding,
            "stances": list(STANCE_VALUES),
            "issue_weights": np.round(self.issue_weights, 5).tolist(),
            "stance_weights": np.round(self.stance_weights, 5).tolist(),
        }


MODEL_FILE = "positions.json"


def shipped_model_path() -> Path:
    return Path(str(resources.files("reportedly") / "data" / "models" / MODEL_FILE))


def load_position_model(path: Path | None, issues: list[str]) -> PositionModel:
    """The model of ``path`` (None: the shipped one); its issues must be the run's."""
    path = path or shipped_model_path()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        model = PositionModel(
            list(data["issues"]),
            np.array(data["issue_weights"], dtype=np.float64),
            float(data["threshold"]),
            np.array(data["stance_weights"], dtype=np.float64),
            str(data["mode"]),
            bool(data["learned_stance"]),
            bool(data["cue_embedding"]),
        )
    except OSError as error:
        raise PositionModelError(f"{path}: cannot read it ({error.strerror})") from None
    except (ValueError, KeyError, TypeError) as error:
        raise PositionModelError(f"{path}: not a positions model ({error})") from None
    if model.issues != issues:
        raise PositionModelError(f"{path}: made for other issues than the run's ({', '.join(model.issues)})")
    if model.mode not in MODES or list(data["stances"]) != list(STANCE_VALUES):
        raise PositionModelError(f"{path}: not a positions model (mode or stances)")
    return model
