"""The gate before the sentence encoder: which statements the rules place nowhere are worth
embedding for the learned issue model (issue 21).

Embedding a statement was most of the positions stage's time (some 5 ms a statement on the
shared 2-core machine), and in news about other matters (PolNeAR's US politics) the patterns
place almost nothing, so nearly every statement was embedded and few were given an issue. The
gate is a logistic model over the words of the statement's content and its pairs of words, trained
(``training/train_gate.py``) to tell which the full model gives an issue: on the training
statements their gold issues, on statements of other news the full model's own answer. A
statement it turns away is not embedded and is about no issue; its threshold is chosen on the
training statements' cross-validation to keep the issue model's recall.
"""

from __future__ import annotations

import itertools
import json
import math
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from reportedly.positions.learned import PositionModelError, words_of

GATE_FILE = "positions-gate.json"
FORMAT = 1


def terms_of(text: str) -> set[str]:
    """What the gate weighs of a content: its words and each two words in a row ("security
    guarantees" is about an issue, "security" alone often not)."""
    words = words_of(text)
    return {*words, *(f"{first} {second}" for first, second in itertools.pairwise(words))}


@dataclass(frozen=True, slots=True)
class EncoderGate:
    weights: dict[str, float]  # a term of the content (terms_of): its weight (others weigh nothing)
    bias: float
    threshold: float  # a statement is embedded at this probability or more

    def probability(self, text: str) -> float:
        # The weights of the terms it has, in the terms' order (a term it lacks adds nothing),
        # looked up without a Python loop: a text's some hundred terms are mostly unknown.
        score = self.bias + sum(filter(None, map(self.weights.get, terms_of(text))))
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, score))))

    def passes(self, text: str) -> bool:
        """Whether a statement of this content, placed by no pattern, is worth embedding."""
        return self.probability(text) >= self.threshold

    def to_json(self) -> dict[str, object]:
        return {
            "format": FORMAT,
            "bias": round(self.bias, 4),
            "threshold": self.threshold,
            "weights": {word: round(weight, 4) for word, weight in sorted(self.weights.items())},
        }


def shipped_gate_path() -> Path:
    return Path(str(resources.files("reportedly") / "data" / "models" / GATE_FILE))


def load_gate(path: Path | None = None) -> EncoderGate:
    """The gate of ``path`` (None: the shipped one)."""
    path = path or shipped_gate_path()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("format") != FORMAT:
            raise ValueError(f"format {data.get('format')!r}, not {FORMAT}")
        return EncoderGate(
            {str(word): float(weight) for word, weight in data["weights"].items()},
            float(data["bias"]),
            float(data["threshold"]),
        )
    except OSError as error:
        raise PositionModelError(f"{path}: cannot read it ({error.strerror})") from None
    except (ValueError, KeyError, TypeError, AttributeError) as error:
        raise PositionModelError(f"{path}: not an encoder gate ({error})") from None
