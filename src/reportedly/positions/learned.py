"""The learned issue assigner and stance classifier over the rules' readings (issue 21).

What the models see of a statement (a :class:`StatementView`): its content and cue, what the
rules found (the issues its patterns place, a negated or hypothetical attribution, its
sentence's PLOVER event), the lexicons of ``positions/stance.py`` as signals (negations,
refusals, words of support, demands, conditions, hedges, words of a statement that takes no
side), the words of its cue and content, and, where it was embedded, its content's MiniLM embedding
and that embedding's cosine to each issue's examples.

- Issues: a logistic model says how likely the statement is about each issue, either one
  model per issue over the statement's features (``"ovr"``) or one model over statement-issue
  pairs (``"pair"``: the issue, the cosine to its examples, whether a pattern placed it, the
  embedding times the issue's centroid), which shares what it learns across issues. An issue
  the rules place is kept at probability ``rule_threshold``, another is added at
  ``threshold`` (only to statements the rules place nowhere, when ``add_where`` is
  ``"unplaced"``).
- Stance: a softmax over the five stances fed the statement's features, the issue and the
  rules' reading on it; it replaces the rules' stance when its probability is at least
  ``override`` above the rules' stance's.
- The cascade (a :class:`Cascade`, optional): a statement the rules place is first read
  without its embedding, its issues by a logistic model per issue over its words and what
  the rules placed, its stance by the stance model at both ends of the cosines it may have;
  only a statement read so unsure (an issue's probability within ``margin`` of its threshold,
  or a stance that differs at the two ends) is embedded and read by the full models.

Which features, the thresholds and the penalties are chosen by cross-validation on the
training statements (``training/train_positions.py``). The weights ship as JSON
(``data/models/positions.json``) and run with numpy alone.
"""

from __future__ import annotations

import base64
import json
import re
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

import numpy as np

from reportedly.model import STANCE_VALUES, StanceValue
from reportedly.positions.stance import (
    DEMAND_CUES,
    NEGATIONS,
    REJECTIONS,
    SIGNALS,
    SUPPORT,
    Reading,
    statement_signals,
)

if TYPE_CHECKING:
    from reportedly.positions.gate import EncoderGate

# The signals the stance model weighs per issue as well as for all (the issue's polarity).
POLARITY_SIGNALS = (
    "negations odd",
    "rejection",
    "support",
    "ending",
    "strengthening",
    "judged bad",
    "judged good",
    "cue rejection",
    "own refusal",
)
EVENT_TYPES = ("AGREE", "REJECT", "REQUEST", "THREATEN")
CUE_CLASSES = ("demand", "refusal", "support", "other", "none")
ISSUE_KINDS = ("ovr", "pair")
ADD_WHERE = ("anywhere", "unplaced")
WORD = re.compile(r"[a-z]+(?:'[a-z]+)?")
FORMAT = 3
# An embedding's numbers are some 1/sqrt(384) each, its product with a centroid's some 1/384:
# scaled to about one, so that one L2 penalty weighs them as it weighs the 0/1 features.
VECTOR_SCALE = 384**0.5
PRODUCT_SCALE = 384.0


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


def words_of(text: str) -> list[str]:
    return WORD.findall(text.lower())


@dataclass(frozen=True, slots=True)
class StatementView:
    """What the models see of a statement."""

    text: str  # its content
    cue: str
    negated: bool
    hypothetical: bool
    event_type: str | None
    rule_issues: frozenset[str]  # the issues the rules place (patterns, its sentence, the closest)
    pattern_issues: frozenset[str]  # those a pattern finds in its content
    vector: np.ndarray | None  # the content's unit embedding; None: not embedded
    similarities: np.ndarray | None  # each issue's highest cosine to its examples (the issues' order)


@dataclass(slots=True)
class Features:
    """The feature blocks the models weigh."""

    issues: list[str]
    embedding_for_issues: bool  # the statement's embedding in the issue model
    embedding_for_stance: bool  # ... and in the stance model
    cue_words: list[str]  # the cue's words the stance model knows ([]: none)
    content_words: list[str]  # the content's words it knows ([]: none)
    centroids: np.ndarray | None  # each issue's examples' mean embedding ("pair" issue model)
    # Training statements' embeddings, and which issues each is about (a last column: none),
    # whose cosines the issue model weighs; None: it does not.
    exemplars: np.ndarray | None = None
    exemplar_issues: np.ndarray | None = None
    # The exemplars' rows column by column, each column's count and the longest exemplar's norm
    # (found on first use).
    exemplar_columns: tuple[np.ndarray, np.ndarray, float] | None = None
    # Each known cue word's and content word's columns among those words (found on first use):
    # a statement's few words looked up, not each of the hundreds known tested.
    word_columns: tuple[dict[str, list[int]], dict[str, list[int]]] | None = field(
        default=None, repr=False, compare=False
    )
    # The last statement's own features (its view, with or without the embedding, the row): the
    # stance model reads them once an issue, and its issues follow one another.
    last_statement: tuple[StatementView, bool, np.ndarray] | None = field(
        default=None, repr=False, compare=False
    )

    def statement(self, view: StatementView, embedding: bool) -> np.ndarray:
        """The statement's own features; the first is the bias. Read-only: the row is kept
        for the statement's next call."""
        # One tuple, read once: a thread that replaces it meanwhile leaves this one whole.
        last = self.last_statement
        if last is not None and last[0] is view and last[1] == embedding:
            return last[2]
        cue = cue_class(view.cue)
        event = view.event_type if view.event_type in EVENT_TYPES else None
        if self.word_columns is None:
            self.word_columns = _columns_of(self.cue_words), _columns_of(self.content_words)
        cue_columns, content_columns = self.word_columns
        vector = _vector(view) * VECTOR_SCALE if embedding else np.zeros(0)
        # The blocks written into one row in turn (not lists joined: a statement's row is
        # some thousand numbers, most of them its unknown words' zeros).
        row = np.zeros(self.statement_width(len(vector)))
        row[0] = 1.0
        at = 1 + len(vector)
        row[1:at] = vector
        row[at : at + len(SIGNALS)] = statement_signals(view.text, view.cue)
        at += len(SIGNALS)
        row[at + CUE_CLASSES.index(cue)] = 1.0
        at += len(CUE_CLASSES)
        if event is not None:
            row[at + EVENT_TYPES.index(event)] = 1.0
        at += len(EVENT_TYPES)
        row[at : at + 4] = (
            float(view.event_type is not None and event is None),
            float(view.event_type is None),
            float(view.negated),
            float(view.hypothetical),
        )
        at += 4
        _mark(row[at : at + len(self.cue_words)], words_of(view.cue), cue_columns)
        at += len(self.cue_words)
        _mark(row[at:], words_of(view.text), content_columns)
        row.flags.writeable = False
        self.last_statement = view, embedding, row
        return row

    def exemplar_similarities(self, view: StatementView, skip: int | None = None) -> np.ndarray:
        """Each issue's (and, last, no issue's) closest training statement's cosine to the
        statement; ``skip``: an exemplar not to count (the statement itself, in training)."""
        if self.exemplars is None or self.exemplar_issues is None:
            return np.zeros(0)
        return self.closest_exemplars(_vector(view).astype(np.float32)[None, :], skip)[0]

    def closest_exemplars(self, vectors: np.ndarray, skip: int | None = None) -> np.ndarray:
        """:meth:`exemplar_similarities` of each row of ``vectors`` (float32 unit vectors), one
        row each (the exemplars must be known).

        The cosines are numpy's own sum of products (``einsum``), the bits the model was
        trained on; a sum for each of the thousands of exemplars was most of the learned
        model's time. So all the cosines are first found by matrix products (BLAS, some five
        times as fast, in other bits: within ``_slack`` of the sum's), and the sum is taken only
        of the exemplars that can be their issue's closest, those within twice that of the
        closest found: the highest of each issue is then the sum's to the bit."""
        exemplars, columns = cast(np.ndarray, self.exemplars), cast(np.ndarray, self.exemplar_issues)
        if self.exemplar_columns is None:
            # Each column's exemplars, one column after another, and each column's count.
            rows = np.flatnonzero(columns.T.reshape(-1)) % len(columns)
            longest = float(np.linalg.norm(exemplars.astype(np.float64), axis=1).max(initial=0.0))
            self.exemplar_columns = rows, columns.sum(axis=0), longest
        rows, counts, longest = self.exemplar_columns
        cosines = _products(exemplars, vectors)
        if skip is not None:
            cosines[:, skip] = -1.0
        # Each column's highest by the products, and those of its exemplars that come within
        # twice the products' slack of it: the sum's highest is one of them.
        gathered = cosines[:, rows]
        # (A -1 after the last, where a last column of none starts.)
        ends = np.full((len(vectors), 1), -1.0, dtype=np.float32)
        found = np.maximum.reduceat(np.append(gathered, ends, axis=1), np.cumsum(counts) - counts, axis=1)
        column_of = np.repeat(np.arange(len(counts)), counts)
        slack = _slack(exemplars.shape[1], longest, vectors)
        near_vector, near = np.nonzero(gathered >= (found - 2 * slack[:, None])[:, column_of])
        # numpy's own sum of products, a vector's with an exemplar's, as the model was trained.
        exact = np.einsum("ij,ij->i", exemplars[rows[near]], vectors[near_vector])
        if skip is not None:
            exact[rows[near] == skip] = -1.0
        # A column of none is -1, and so is the least cosine of these unit vectors.
        highest = np.full((len(vectors), len(counts)), -1.0)
        np.maximum.at(highest, (near_vector, column_of[near]), exact)
        return highest

    def issue_rows(
        self, view: StatementView, kind: str, skip: int | None = None, exemplars: np.ndarray | None = None
    ) -> np.ndarray:
        """The issue model's input, the bias first: one row ("ovr": the same for every
        issue's model) or one row per issue ("pair"). ``skip``: the exemplar that is the
        statement itself; ``exemplars``: its :meth:`exemplar_similarities`, if found already."""
        similarities = _similarities(view, len(self.issues))
        if exemplars is None:
            exemplars = self.exemplar_similarities(view, skip)
        placed = np.array([float(name in view.pattern_issues) for name in self.issues])
        ruled = np.array([float(name in view.rule_issues) for name in self.issues])
        if kind == "ovr":
            return np.concatenate(
                [
                    self.statement(view, self.embedding_for_issues),
                    similarities,
                    exemplars,
                    placed,
                    ruled,
                    [float(not view.rule_issues)],
                ]
            )[None, :]
        count = len(self.issues)
        best_other = _best_of_others(similarities)
        centroids = self.centroids if self.embedding_for_issues else None
        products = 0 if centroids is None else centroids.shape[1]
        rows = np.zeros((count, 1 + count + 7 + (3 if len(exemplars) else 0) + products))
        rows[:, 0] = 1.0
        np.fill_diagonal(rows[:, 1 : 1 + count], 1.0)
        at = 1 + count
        rows[:, at] = similarities
        rows[:, at + 1] = similarities - best_other
        rows[:, at + 2] = similarities > best_other
        rows[:, at + 3] = placed
        rows[:, at + 4] = ruled
        rows[:, at + 5] = float(not view.rule_issues)
        rows[:, at + 6] = float(len(view.pattern_issues) > 1)
        at += 7
        if len(exemplars):
            closest, nothing = exemplars[:count], exemplars[count]
            rows[:, at] = closest
            rows[:, at + 1] = closest - _best_of_others(closest)
            rows[:, at + 2] = nothing
            at += 3
        if centroids is not None:
            rows[:, at:] = centroids * _vector(view)[None, :] * PRODUCT_SCALE
        return rows

    def statement_width(self, vector_width: int) -> int:
        """The length of :meth:`statement` with an embedding of ``vector_width`` numbers."""
        own = 1 + vector_width + len(SIGNALS) + len(CUE_CLASSES) + len(EVENT_TYPES) + 4
        return own + len(self.cue_words) + len(self.content_words)

    def plain_width(self) -> int:
        """The length of :meth:`plain_issue_row`."""
        return self.statement_width(0) + 2 * len(self.issues) + 1

    def plain_issue_row(self, view: StatementView) -> np.ndarray:
        """The cascade's issue models' input (the same for every issue's), the bias first: the
        statement's own features without its embedding (its words, the stance model's
        vocabularies) and the issues the rules place."""
        return np.concatenate(
            [
                self.statement(view, False),
                [float(name in view.pattern_issues) for name in self.issues],
                [float(name in view.rule_issues) for name in self.issues],
                [float(len(view.pattern_issues) > 1)],
            ]
        )

    def stance_row(
        self,
        view: StatementView,
        issue: str,
        reading: Reading,
        acts_against: bool,
        similarity: float | None = None,
    ) -> np.ndarray:
        """The stance model's input for the statement on ``issue``, given the rules' reading
        there and whether the issue's ``against`` words are in its content; ``similarity``:
        the statement's cosine to the issue's examples, if not its view's."""
        index = self.issues.index(issue)
        similarities = _similarities(view, len(self.issues))
        statement = self.statement(view, self.embedding_for_stance)
        # Each issue's own weights of the signals whose direction depends on the issue
        # ("lift" opposes sanctions, "impose" supports tariffs, "never" on territory).
        # "No sanctions relief": a negation of an act against the issue is for it.
        signals = statement[self._polarity_columns(view)]
        turned = signals[POLARITY_SIGNALS.index("negations odd")] != float(acts_against)
        count, width = len(self.issues), len(POLARITY_SIGNALS) + 2
        # The blocks written into one row in turn: the statement's own, the issue, each issue's
        # polarity (only this one's set), the issue's own, the rules' reading.
        row = np.zeros(len(statement) + count + count * width + 4 + len(STANCE_VALUES) + 2)
        row[: len(statement)] = statement
        at = len(statement)
        row[at + index] = 1.0
        at += count
        block = at + index * width
        row[block : block + len(POLARITY_SIGNALS)] = signals
        row[block + len(POLARITY_SIGNALS) : block + width] = (float(acts_against), float(turned))
        at += count * width
        row[at : at + 4] = (
            float(acts_against),
            float(issue in view.pattern_issues),
            float(issue in view.rule_issues),
            similarities[index] if similarity is None else similarity,
        )
        at += 4
        if reading.stance in STANCE_VALUES:
            row[at + STANCE_VALUES.index(reading.stance)] = 1.0
        at += len(STANCE_VALUES)
        row[at:] = (float(reading.condition is not None), float(reading.demanded_of is not None))
        return row

    def _polarity_columns(self, view: StatementView) -> list[int]:
        """Where ``POLARITY_SIGNALS`` sit in the statement's own features."""
        first = self.signal_columns(view).start
        return [first + column for column in POLARITY_COLUMNS]

    def signal_columns(self, view: StatementView) -> slice:
        """Where ``SIGNALS`` sit in the statement's own features."""
        first = 1 + (len(_vector(view)) if self.embedding_for_stance else 0)
        return slice(first, first + len(SIGNALS))


# Where each of ``POLARITY_SIGNALS`` is among ``SIGNALS``.
POLARITY_COLUMNS = tuple(SIGNALS.index(name) for name in POLARITY_SIGNALS)
# The signals of a refusal or of support, in the content or the cue: said of an act against the
# issue, they turn it ("warned against lifting sanctions", "welcomed the lifting").
TURNING = (
    *("rejection", "cue rejection", "judged bad", "cue judged bad"),
    *("support", "cue support", "judged good"),
)
TURNING_COLUMNS = tuple(SIGNALS.index(name) for name in TURNING)


def keeps_rules(signals: np.ndarray | list[float], acts_against: bool, rule: str) -> bool:
    """Whether the rules' ``supports`` or ``opposes`` stands over the learned model: a refusal
    or support said of one of the issue's ``against`` acts, which the rules' count of turns
    reads and the training statements have too few of for a weight to follow (branch
    ``stance10``: on train5's polarity cases the model overrode a right count in most of its
    errors). ``signals``: ``statement_signals``' numbers."""
    return (
        acts_against
        and rule in ("supports", "opposes")
        and any(signals[column] for column in TURNING_COLUMNS)
    )


def _columns_of(words: list[str]) -> dict[str, list[int]]:
    """Each word's columns in ``words`` (a word listed twice has two)."""
    columns: dict[str, list[int]] = {}
    for column, word in enumerate(words):
        columns.setdefault(word, []).append(column)
    return columns


def _mark(marks: np.ndarray, words: list[str], columns: dict[str, list[int]]) -> None:
    """1.0 in ``marks``' columns of the known words among ``words``."""
    marks[[column for word in set(words) for column in columns.get(word, ())]] = 1.0


# OpenBLAS runs a product of m·n·k up to this on the calling thread, a larger one on its threads,
# which on a busy machine wait to be scheduled and spin after: a statement's 1,982 exemplar
# cosines took 4.2 ms of processor time as one product, 0.03 ms as products below this.
ONE_THREAD_PRODUCT = 65536 * 4
# Statements in one product (the exemplars go in as many rows as keep it on one thread).
VECTORS_A_PRODUCT = 8


def _products(exemplars: np.ndarray, vectors: np.ndarray) -> np.ndarray:
    """Each vector's dot product with each exemplar (a row a vector), by matrix products."""
    products = np.empty((len(exemplars), len(vectors)), dtype=np.float32)
    for first in range(0, len(vectors), VECTORS_A_PRODUCT):
        block = vectors[first : first + VECTORS_A_PRODUCT]
        step = max(1, ONE_THREAD_PRODUCT // (exemplars.shape[1] * len(block)))
        for row in range(0, len(exemplars), step):
            products[row : row + step, first : first + len(block)] = exemplars[row : row + step] @ block.T
    return np.ascontiguousarray(products.T)


def _slack(dimensions: int, longest: float, vectors: np.ndarray) -> np.ndarray:
    """How far each vector's cosine by :func:`_products` may be from numpy's sum of the same
    products: a float32 sum of n products, in any order, is within n·u/(1 - n·u) of the sum of
    their sizes (u the unit roundoff; Higham), which is at most the two vectors' norms'
    product; each of the two sums that far from the exact one."""
    unit = float(np.finfo(np.float32).eps) / 2
    bound = dimensions * unit / (1 - dimensions * unit)
    return 2 * bound * longest * np.linalg.norm(vectors.astype(np.float64), axis=1)


def _best_of_others(values: np.ndarray) -> np.ndarray:
    """For each value, the highest of the others."""
    order = np.argsort(values)
    best = np.full(len(values), values[order[-1]])
    best[order[-1]] = values[order[-2]] if len(values) > 1 else -1.0
    return best


def _vector(view: StatementView) -> np.ndarray:
    if view.vector is None:
        raise ValueError("the model weighs the statement's embedding, and it was not computed")
    return view.vector.astype(np.float64)


def _similarities(view: StatementView, count: int) -> np.ndarray:
    if view.similarities is None:
        return np.zeros(count)
    return view.similarities.astype(np.float64)


def sigmoid(scores: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-np.clip(scores, -30, 30)))


def softmax(scores: np.ndarray) -> np.ndarray:
    shifted = np.exp(scores - scores.max(axis=-1, keepdims=True))
    return shifted / shifted.sum(axis=-1, keepdims=True)


@dataclass(frozen=True, slots=True)
class Cascade:
    """How a statement the rules place is read before it is embedded (the encoder is most of
    the stage's time, and most such statements read the same without their vector)."""

    # One logistic model per issue (a row each, the issues' order) over
    # ``Features.plain_issue_row``, trained on the training statements the rules place.
    weights: np.ndarray
    # An issue's probability this close to the full model's threshold (``rule_threshold`` for
    # an issue the rules place, ``threshold`` for another) is unsure: the statement is embedded.
    margin: float
    # The stance model's one input from the embedding, the statement's cosine to the issue's
    # examples, is read at both ends of a range (``PositionModel.sure_stance``): for an issue
    # the rules place on it, the range of most training statements' cosines to the issues
    # the rules place on them (quantiles chosen on cross-validation) ...
    placed_similarities: tuple[float, float]
    # ... for another, the least and the highest of any training statement to any issue's.
    similarities: tuple[float, float]

    def to_json(self) -> dict[str, object]:
        return {
            "weights": np.round(self.weights, 4).tolist(),
            "margin": self.margin,
            "placed_similarities": [round(value, 4) for value in self.placed_similarities],
            "similarities": [round(value, 4) for value in self.similarities],
        }


@dataclass(slots=True)
class PositionModel:
    features: Features
    issue_kind: str  # ISSUE_KINDS
    issue_weights: np.ndarray  # "ovr": one row per issue; "pair": one row
    rule_threshold: float  # an issue the rules place is kept at this probability
    threshold: float  # another issue is assigned at this probability ...
    add_where: str  # ... anywhere, or only to statements the rules place nowhere (ADD_WHERE)
    stance_weights: np.ndarray | None  # one row per stance value; None: the rules' stance stays
    override: float  # the learned stance replaces the rules' when this much more probable
    # Which statements the rules place nowhere are embedded (the others are about no issue);
    # None: all of them.
    gate: EncoderGate | None = None
    # How the statements the rules place are read before they are embedded; None: all are
    # embedded (when ``embeds_placed``).
    cascade: Cascade | None = None

    @property
    def issues(self) -> list[str]:
        return self.features.issues

    def embeds_placed(self) -> bool:
        """Whether the model reads statements the rules place through their embedding (if
        not, only those the rules place nowhere need embedding, as for the rules alone)."""
        stance = self.stance_weights is not None and self.features.embedding_for_stance
        return stance or self.rule_threshold > 0 or self.add_where == "anywhere"

    def issue_probabilities(self, view: StatementView, exemplars: np.ndarray | None = None) -> np.ndarray:
        rows = self.features.issue_rows(view, self.issue_kind, exemplars=exemplars)
        if self.issue_kind == "ovr":
            return sigmoid(self.issue_weights @ rows[0])
        return sigmoid(rows @ self.issue_weights[0])

    def weighs(self, view: StatementView) -> bool:
        """Whether the issue model weighs the statement (if not, it keeps the rules' issues)."""
        return view.vector is not None and not (view.rule_issues and not self.embeds_placed())

    def issues_of(self, view: StatementView, exemplars: np.ndarray | None = None) -> list[tuple[str, float]]:
        """The statement's issues, in the issues' order, with their probabilities (the rules'
        issues alone, at 1.0, for a statement not embedded); ``exemplars``: its
        :meth:`Features.exemplar_similarities`, if found already."""
        if not self.weighs(view):
            return [(name, 1.0) for name in self.issues if name in view.rule_issues]
        probabilities = self.issue_probabilities(view, exemplars)
        return [
            (name, round(float(p), 3))
            for name, p, at in zip(self.issues, probabilities, self.thresholds(view), strict=True)
            if p >= at
        ]

    def thresholds(self, view: StatementView) -> np.ndarray:
        """The probability at which each issue is the statement's (2: never)."""
        adding = self.add_where == "anywhere" or not view.rule_issues
        return np.array(
            [
                self.rule_threshold if name in view.rule_issues else self.threshold if adding else 2.0
                for name in self.issues
            ]
        )

    def plain_issues(self, view: StatementView) -> list[tuple[str, float]] | None:
        """The cascade's issues of a statement the rules place, read without its embedding, with
        their probabilities; None if it is unsure of one (the statement is to be embedded)."""
        if self.cascade is None or not view.rule_issues:
            return None
        probabilities = sigmoid(self.cascade.weights @ self.features.plain_issue_row(view))
        thresholds = self.thresholds(view)
        if np.any(np.abs(probabilities - thresholds) < self.cascade.margin):
            return None
        return [
            (name, round(float(p), 3))
            for name, p, at in zip(self.issues, probabilities, thresholds, strict=True)
            if p >= at
        ]

    def issues_of_each(self, views: list[StatementView]) -> list[list[tuple[str, float]]]:
        """:meth:`issues_of` of each of a document's statements, the exemplars' cosines of all
        those it weighs found together (:meth:`Features.closest_exemplars`)."""
        weighed = [index for index, view in enumerate(views) if self.weighs(view)]
        closest: list[np.ndarray | None] = [None] * len(views)
        if weighed and self.features.exemplars is not None and self.features.exemplar_issues is not None:
            vectors = np.stack([_vector(views[index]).astype(np.float32) for index in weighed])
            for index, row in zip(weighed, self.features.closest_exemplars(vectors), strict=True):
                closest[index] = row
        return [self.issues_of(view, row) for view, row in zip(views, closest, strict=True)]

    def stance_probabilities(
        self,
        view: StatementView,
        issue: str,
        reading: Reading,
        acts_against: bool,
        similarity: float | None = None,
    ) -> np.ndarray:
        if self.stance_weights is None:
            raise ValueError("the model keeps the rules' stance")
        row = self.features.stance_row(view, issue, reading, acts_against, similarity)
        return softmax(self.stance_weights @ row)

    def stance_on(
        self, view: StatementView, issue: str, reading: Reading, against: list[re.Pattern[str]]
    ) -> StanceValue:
        """The statement's stance on ``issue`` (one of the model's issues), given the rules'
        reading there and the issue's ``against`` words (its patterns, or them as one:
        ``Issue.against_words``)."""
        found = self._stance(view, issue, reading, against, (None,))
        assert found is not None  # one reading always agrees with itself
        return found

    def sure_stance(
        self, view: StatementView, issue: str, reading: Reading, against: list[re.Pattern[str]]
    ) -> StanceValue | None:
        """:meth:`stance_on` of a statement not embedded, read at both ends of the cascade's
        range of cosines (the stance model weighs nothing else of the embedding, and a stance
        the softmax gives at both ends it gives between them); None if the two differ, or the
        model weighs the embedding itself."""
        if self.cascade is None or (self.stance_weights is not None and self.features.embedding_for_stance):
            return None
        cascade = self.cascade
        ends = cascade.placed_similarities if issue in view.rule_issues else cascade.similarities
        return self._stance(view, issue, reading, against, ends)

    def _stance(
        self,
        view: StatementView,
        issue: str,
        reading: Reading,
        against: list[re.Pattern[str]],
        similarities: tuple[float | None, ...],
    ) -> StanceValue | None:
        """The stance read at each of ``similarities`` (None: the view's own), if all agree."""
        if self.stance_weights is None or (view.vector is None and self.features.embedding_for_stance):
            return reading.stance
        acts_against = any(pattern.search(view.text) for pattern in against)
        signals = self.features.statement(view, self.features.embedding_for_stance)[
            self.features.signal_columns(view)
        ]
        if keeps_rules(signals, acts_against, reading.stance):
            return reading.stance
        found = set()
        for similarity in similarities:
            probabilities = self.stance_probabilities(view, issue, reading, acts_against, similarity)
            best = int(np.argmax(probabilities))
            keep = probabilities[best] - probabilities[STANCE_VALUES.index(reading.stance)] < self.override
            found.add(reading.stance if keep else STANCE_VALUES[best])
        return cast(StanceValue, found.pop()) if len(found) == 1 else None

    def to_json(self) -> dict[str, object]:
        features = self.features
        return {
            "format": FORMAT,
            "issues": features.issues,
            "stances": list(STANCE_VALUES),
            "signals": list(SIGNALS),
            "embedding_for_issues": features.embedding_for_issues,
            "embedding_for_stance": features.embedding_for_stance,
            "cue_words": features.cue_words,
            "content_words": features.content_words,
            "issue_kind": self.issue_kind,
            "rule_threshold": self.rule_threshold,
            "threshold": self.threshold,
            "add_where": self.add_where,
            "override": self.override,
            "centroids": None if features.centroids is None else np.round(features.centroids, 4).tolist(),
            # int8 (a unit vector's numbers times 127), base64: some hundreds of kilobytes, not megabytes
            "exemplars": None
            if features.exemplars is None
            else base64.b64encode(np.round(features.exemplars * 127).astype(np.int8).tobytes()).decode(),
            "exemplar_issues": None
            if features.exemplar_issues is None
            else [np.flatnonzero(row).tolist() for row in features.exemplar_issues],
            "issue_weights": np.round(self.issue_weights, 4).tolist(),
            "stance_weights": None
            if self.stance_weights is None
            else np.round(self.stance_weights, 4).tolist(),
            "cascade": None if self.cascade is None else self.cascade.to_json(),
        }


MODEL_FILE = "positions.json"


def shipped_model_path() -> Path:
    return Path(str(resources.files("reportedly") / "data" / "models" / MODEL_FILE))


def _exemplars(
    packed: str | None, issues_of_each: list[list[int]] | None, issues: int
) -> tuple[np.ndarray | None, np.ndarray | None]:
    """The exemplars' unit vectors and their issues (a column per issue and one for none)."""
    if packed is None or issues_of_each is None:
        return None, None
    vectors = np.frombuffer(base64.b64decode(packed), dtype=np.int8).astype(np.float32) / 127
    marks = np.zeros((len(issues_of_each), issues + 1), dtype=bool)
    for row, columns in enumerate(issues_of_each):
        marks[row, columns] = True
    return vectors.reshape(len(issues_of_each), -1), marks


def _cascade(data: dict[str, Any] | None) -> Cascade | None:
    """A model file's cascade (a file written before the cascade has none)."""
    if data is None:
        return None
    placed, anywhere = data["placed_similarities"], data["similarities"]
    weights = np.array(data["weights"], dtype=np.float64)
    return Cascade(
        weights,
        float(data["margin"]),
        (float(placed[0]), float(placed[1])),
        (float(anywhere[0]), float(anywhere[1])),
    )


def load_position_model(path: Path | None, issues: list[str]) -> PositionModel:
    """The model of ``path`` (None: the shipped one); its issues must be the run's. It runs
    behind the shipped encoder gate, if any (``positions/gate.py``)."""
    from reportedly.positions.gate import load_gate, shipped_gate_path  # the gate reads this module

    path = path or shipped_model_path()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("format") != FORMAT:
            raise ValueError(f"format {data.get('format')!r}, not {FORMAT}")
        centroids, stance_weights = data["centroids"], data["stance_weights"]
        exemplars, exemplar_issues = _exemplars(
            data["exemplars"], data["exemplar_issues"], len(data["issues"])
        )
        model = PositionModel(
            Features(
                list(data["issues"]),
                bool(data["embedding_for_issues"]),
                bool(data["embedding_for_stance"]),
                [str(word) for word in data["cue_words"]],
                [str(word) for word in data["content_words"]],
                None if centroids is None else np.array(centroids, dtype=np.float64),
                exemplars,
                exemplar_issues,
            ),
            str(data["issue_kind"]),
            np.array(data["issue_weights"], dtype=np.float64),
            float(data["rule_threshold"]),
            float(data["threshold"]),
            str(data["add_where"]),
            None if stance_weights is None else np.array(stance_weights, dtype=np.float64),
            float(data["override"]),
            cascade=_cascade(data.get("cascade")),
        )
    except OSError as error:
        raise PositionModelError(f"{path}: cannot read it ({error.strerror})") from None
    except (ValueError, KeyError, TypeError, AttributeError, IndexError) as error:
        raise PositionModelError(f"{path}: not a positions model ({error})") from None
    if model.issues != issues:
        raise PositionModelError(f"{path}: made for other issues than the run's ({', '.join(model.issues)})")
    if (
        model.issue_kind not in ISSUE_KINDS
        or model.add_where not in ADD_WHERE
        or list(data["stances"]) != list(STANCE_VALUES)
        or list(data["signals"]) != list(SIGNALS)
    ):
        raise PositionModelError(f"{path}: not a positions model (its kind, stances or signals)")
    cascade = model.cascade
    if cascade is not None and cascade.weights.shape != (len(issues), model.features.plain_width()):
        raise PositionModelError(f"{path}: not a positions model (its cascade's weights)")
    if shipped_gate_path().is_file():
        model.gate = load_gate()
    return model
