"""A learned combiner over the pronoun model for a pronoun with two named candidates (GAP's A
and B): a logistic model, run with numpy, that reads each name's model probability beside the
speaker resolver's rules' answer and the cues of the parse. Measured by
``train_pronoun_combiner.py``; not shipped (GAP validation fell: docs/evaluation.md, branch
gap32).

The pronoun model (``reportedly.resolve.pronouns``) reads the words; what it cannot weigh is
whether the rules, which know titles, agreement and the previous speaker, name the same
person, and the clause's structure: a subject pronoun goes on with the subject before it
(parallel roles), a name binding forbids is no referent, a name mentioned often and first is
the passage's topic, a first name of the other gender is not the pronoun's. Each name's
features are its own and then the other name's, so the model weighs the two against each
other. The combiner picks which of the two is the referent; whether either is stays the
pronoun model's call (its best probability reaching its threshold), since what a combiner
learnt of "neither" on GAP development did not carry to unseen passages (branch gap19).
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from reportedly.model import Range
from reportedly.nlp.trees import SUBJECTS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_WORDS = re.compile(r"[^\W\d_]+")
_FEMININE = frozenset({"she", "her", "hers", "herself"})
_OBJECTS = frozenset({"dobj", "dative", "iobj", "pobj", "attr", "oprd"})
_LINKS = frozenset({"appos", "conj"})  # a name set beside another: apposition, coordination
# The probabilities' logit is clipped here: a barred name scores 0, which is no evidence beyond this.
_LOGIT_LIMIT = 6.0


@dataclass(frozen=True, slots=True)
class Pair:
    """A pronoun and its two named candidates, with what the model and the rules say of each."""

    pronoun: Range
    names: tuple[Range, Range]
    probabilities: tuple[float, float]  # the pronoun model's (0 where binding bars the name)
    rules: tuple[bool, bool]  # the rules' resolver picked the name
    barred: tuple[bool, bool]


def _logit(probability: float) -> float:
    p = min(max(probability, 1e-4), 1 - 1e-4)
    return max(-_LOGIT_LIMIT, min(_LOGIT_LIMIT, math.log(p / (1 - p))))


def _head(doc: Doc, span: Range) -> Token:
    words = doc.char_span(span.start, span.end, alignment_mode="expand")
    if words is not None and len(words):
        return words.root
    return next(t for t in doc if t.idx + len(t) > span.start)


def _role(token: Token) -> tuple[float, float, float]:
    """Subject, object, possessor (a possessive pronoun's is its own)."""
    return (
        float(token.dep_ in SUBJECTS),
        float(token.dep_ in _OBJECTS),
        float(token.dep_ == "poss" or token.tag_ == "PRP$"),
    )


def _mentions(text: str, name: str) -> list[int]:
    """Where the name is mentioned: its first or last word (a surname alone counts), once for
    a first and last word of one mention ("Walter Frost")."""
    words = [w for w in _WORDS.findall(name) if len(w) > 1] or [name]
    starts = sorted(
        match.start()
        for word in {words[0], words[-1]}
        for match in re.finditer(r"(?<!\w)" + re.escape(word) + r"(?!\w)", text)
    )
    mentions: list[int] = []
    for start in starts:
        if not mentions or start - mentions[-1] >= len(name):
            mentions.append(start)
    return mentions


def _agreement(name: str, pronoun: str, genders: Mapping[str, str]) -> tuple[float, float]:
    """Whether the name's first word is a first name of the pronoun's gender, and of the other."""
    words = _WORDS.findall(name)
    gender = genders.get(words[0].lower()) if len(words) > 1 else None
    wanted = "f" if pronoun.lower() in _FEMININE else "m"
    return float(gender == wanted), float(gender is not None and gender != wanted)


def candidate_features(doc: Doc, pair: Pair, index: int, genders: Mapping[str, str]) -> list[float]:
    """One name's own features (see ``FEATURES``)."""
    text = doc.text
    span = pair.names[index]
    name = text[span.start : span.end]
    head = _head(doc, span)
    pronoun = _head(doc, pair.pronoun)
    roles, pronoun_roles = _role(head), _role(pronoun)
    mentions = _mentions(text, name) or [span.start]
    before = [m for m in mentions if m < pair.pronoun.start]
    nearest = max(before) if before else span.start
    sentences = sum(1 for s in doc.sents if nearest < s.start_char <= pair.pronoun.start)
    return [
        _logit(pair.probabilities[index]),
        float(pair.rules[index]),
        float(pair.barred[index]),
        float(span.start < pair.pronoun.start),
        math.log1p(abs(pronoun.i - head.i)) / 3,
        min(sentences, 3) / 3,
        *roles,
        float(any(a and b for a, b in zip(roles, pronoun_roles, strict=True))),
        float(head.dep_ in _LINKS),
        math.log1p(len(mentions)),
        math.log1p(len(before)),
        mentions[0] / max(len(text), 1),
        *_agreement(name, text[pair.pronoun.start : pair.pronoun.end], genders),
    ]


# A name's features by kind (the trainer compares sets of kinds), in their column order.
MODEL_FEATURES = ("model logit",)
RULES_FEATURES = ("rules' answer",)
SYNTAX_FEATURES = (
    "barred",
    "before the pronoun",
    "word distance",
    "sentences back",
    "subject",
    "object",
    "possessor",
    "same role as the pronoun",
    "apposition or coordination",
)
SALIENCE_FEATURES = ("mentions", "mentions before the pronoun", "first mention's place")
GENDER_FEATURES = ("first name of the pronoun's gender", "first name of the other gender")
FEATURES = MODEL_FEATURES + RULES_FEATURES + SYNTAX_FEATURES + SALIENCE_FEATURES + GENDER_FEATURES
# The pronoun's own role, once per pair: which cues count depends on it.
PRONOUN_FEATURES = ("pronoun subject", "pronoun object", "pronoun possessive")


def pair_features(doc: Doc, pair: Pair, genders: Mapping[str, str]) -> np.ndarray:
    """[2, 2F + 3]: for each name, its features, the other's, then the pronoun's role."""
    own = [candidate_features(doc, pair, index, genders) for index in (0, 1)]
    pronoun = list(_role(_head(doc, pair.pronoun)))
    return np.array([own[0] + own[1] + pronoun, own[1] + own[0] + pronoun])


@dataclass(frozen=True, slots=True)
class Combiner:
    """The logistic model's standardisation and weights (bias first)."""

    mean: np.ndarray
    scale: np.ndarray
    weights: np.ndarray
    used: tuple[int, ...]  # the columns of ``pair_features`` the model reads

    def probabilities(self, features: np.ndarray) -> np.ndarray:
        rows = (features[:, list(self.used)] - self.mean) / self.scale
        return 1.0 / (1.0 + np.exp(-(self.weights[0] + rows @ self.weights[1:])))

    def choose(self, features: np.ndarray) -> int:
        """The better name's index."""
        return int(np.argmax(self.probabilities(features)))

    def to_json(self) -> dict[str, object]:
        return {
            "columns": [column_names()[i] for i in self.used],
            "mean": [round(float(v), 6) for v in self.mean],
            "scale": [round(float(v), 6) for v in self.scale],
            "weights": [round(float(v), 6) for v in self.weights],
        }


def column_names() -> list[str]:
    return [*FEATURES, *(f"other's {f}" for f in FEATURES), *PRONOUN_FEATURES]
