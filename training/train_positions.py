"""Train the positions model (``reportedly.positions.learned``) and write its weights.

    python training/train_positions.py eval/positions/train.jsonl [--train MORE.jsonl ...] \
        --extra eval/positions/tuning.jsonl --extra eval/positions/check.jsonl \
        --output src/reportedly/data/models/positions.json [--report CV.json] [--cache DIR] \
        [--settings EARLIER-CV.json]
    python training/train_positions.py ... --settings CV.json --quick [--held-out MORE.jsonl ...]

Each passage is extracted whole, as ``reportedly eval positions`` does, with the rules alone;
its gold statement is the attribution whose content overlaps the gold content most (with
none, the gold content as a statement of its own), embedded. The statement's gold issues are
the issue model's labels, and each gold (issue, stance) pair is one example of the stance
model, fed the rules' reading of the statement on that issue.

The feature blocks (the embedding in either model, the cue's words), the issue model's kind
("ovr" or "pair"), the L2 penalties, the class weights, the two issue thresholds, where
learned issues are added and the stance override margin are chosen by 5-fold
cross-validation over the training files (the ``--extra`` files join every training fold,
never a test fold), scored as ``reportedly eval positions`` scores: issue F1 micro over
statement-issue pairs, stance accuracy and macro-F1 over the gold pairs; the issue model by
its F1, the stance model by the mean of its accuracy and macro-F1. The rules are scored on
the same folds. Then the cascade (``learned.Cascade``: how a statement the rules place is
read before it is embedded) is chosen on the same folds: the penalty of its issue models, the
margin around the thresholds and the range of cosines its stance is read at, the least share
of placed statements embedded whose figures stay within ``CASCADE_LOSS`` of the full model's.
The model written is fitted on all of them with the chosen settings; ``--settings`` takes an
earlier report's instead of the grid's; with ``--quick`` only its stance setting is
cross-validated (and scored on the ``--held-out`` files), and nothing is written. Never run
it on eval/positions/gold.jsonl: that is the blind test. Numpy only at run time.
"""

from __future__ import annotations

import argparse
import dataclasses
import itertools
import json
import pickle
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from tqdm import tqdm

from reportedly.eval.positions import GoldStatement, read_gold
from reportedly.extract import Extractor
from reportedly.model import STANCE_VALUES, Attribution, Document, Extraction, Span
from reportedly.positions.issues import IssueBook
from reportedly.positions.learned import (
    ADD_WHERE,
    Cascade,
    Features,
    PositionModel,
    StatementView,
    keeps_rules,
    sigmoid,
    softmax,
    words_of,
)
from reportedly.positions.stance import Reading, read_stance, statement_signals
from reportedly.positions.statements import (
    Statement,
    from_bytes,
    issues_of,
    rule_reading,
    statement_view,
    statements_of,
)
from reportedly.resources import Resources

FOLDS = 5
SEED = 13
STEPS = 200
# The grid is small: cross-validation runs on a shared 2-core machine. Issue models: (kind,
# the embedding, the exemplars); stance models: (the embedding, the cue's words, the
# content's words), each with and without class weights. The penalties from the strongest:
# each fit starts from the last one's weights.
ISSUE_PENALTIES = (3.0, 1.0)
STANCE_PENALTIES = (10.0, 3.0)


@dataclass(frozen=True)
class Grid:
    """The settings cross-validation tries."""

    issue_models: tuple[tuple[str, bool, bool], ...] = (
        ("ovr", True, False),
        ("ovr", True, True),
        ("pair", False, True),
        ("pair", True, True),
    )
    issue_penalties: tuple[float, ...] = ISSUE_PENALTIES
    stance_models: tuple[tuple[bool, bool, bool], ...] = (
        (False, True, False),
        (False, True, True),
        (True, True, False),
        (True, True, True),
    )
    stance_penalties: tuple[float, ...] = STANCE_PENALTIES
    balanced: tuple[bool, ...] = (False, True)
    rule_thresholds: tuple[float, ...] = (0.0, 0.05, 0.1, 0.2, 0.3)
    thresholds: tuple[float, ...] = (0.3, 0.4, 0.5, 0.6, 0.7)
    overrides: tuple[float, ...] = (0.0, 0.1, 0.2, 0.3, 0.5)

    @classmethod
    def of_chosen(cls, chosen: dict[str, Any]) -> Grid:
        """The grid narrowed to the settings an earlier run chose (``--settings``), each
        penalty reached by the same path: the same models, refitted with a cascade in
        minutes, not the grid's three quarters of an hour."""
        issue, stance = chosen["issues"], chosen["stance"]
        return cls(
            issue_models=((issue["kind"], issue["embedding"], issue["exemplars"]),),
            issue_penalties=ISSUE_PENALTIES[: ISSUE_PENALTIES.index(issue["penalty"]) + 1],
            stance_models=((stance["embedding"], stance["cue_words"], stance["content_words"]),),
            stance_penalties=STANCE_PENALTIES[: STANCE_PENALTIES.index(stance["penalty"]) + 1],
            balanced=(stance["balanced"],),
            rule_thresholds=(issue["rule_threshold"],),
            thresholds=(issue["threshold"],),
            overrides=(stance["override"],),
        )


FAMILY_PARTS = (" + embedding", " + cue words", " + content words", " balanced")
# The cascade (``learned.Cascade``): the penalties of its issue models, from the strongest, and
# the margins around the thresholds within which a statement is embedded. The least margin
# whose CV figures stay within ``CASCADE_LOSS`` of the full model's (issue F1, and the stance's
# accuracy and macro-F1 each) is chosen.
CASCADE_PENALTIES = (10.0, 3.0, 1.0)
MARGINS = (0.02, 0.05, 0.1, 0.15, 0.2, 0.25)
# The quantiles of the cosines to the issues the rules place that bound the range at whose
# ends the stance is read without the embedding (0: all of the training statements').
QUANTILES = (0.0, 0.01, 0.02, 0.05, 0.1)
CASCADE_LOSS = 0.003
NO_FIGURES = {"stance_accuracy": 0.0, "stance_macro_f1": 0.0}
# A word the stance model knows is in at least this many training statements' cues (contents).
WORD_COUNT = 5


@dataclass(slots=True)
class Example:
    source: str  # the training file's name
    gold: GoldStatement
    statement: Statement
    view: StatementView
    # The rules' reading of the statement on every issue (as if it were assigned it), and
    # whether the issue's ``against`` words are in its content: the stance model's input.
    readings: dict[str, Reading]
    acts_against: dict[str, bool]
    # The rules' stance as ``eval positions`` scores the rules: on an issue they assign, their
    # reading; on another, the gold content read alone.
    rule_stances: dict[str, str]


def _matched(gold: GoldStatement, extraction: Extraction) -> tuple[Statement, Extraction]:
    """The statement the eval matches the gold to: the most overlapping attribution's, else
    the gold content alone."""
    span = (gold.start, gold.start + len(gold.content))
    best, best_overlap = None, 0
    for attribution in extraction.attributions:
        overlap = sum(
            max(0, min(span[1], part.end) - max(span[0], part.start)) for part in attribution.content
        )
        if overlap > best_overlap:
            best, best_overlap = attribution, overlap
    if best is None:
        best = Attribution("gold", "floating", None, None, [Span.of(gold.text, *span)])
        extraction = Extraction(extraction.document, [best], extraction.entities, extraction.times)
    found = [statement for statement in statements_of(extraction) if statement.id == best.id]
    return found[0], extraction


def extracted(path: Path, extractor: Extractor, book: IssueBook, cache: Path | None) -> list[tuple]:
    """Each gold statement of ``path`` with its matched statement, the rules' issues (names:
    all, those a pattern finds in its content) and its embedding; kept in ``cache``."""
    # The rules' issues are the issues file's: a changed file is extracted again.
    cached = cache / f"{path.stem}-{book.digest[:12]}.pickle" if cache else None
    if cached and cached.is_file() and cached.stat().st_mtime > path.stat().st_mtime:
        return pickle.loads(cached.read_bytes())
    golds = read_gold(path, book)
    documents = (Document(gold.id, gold.text, published=gold.published) for gold in golds)
    found = []
    extractions = extractor.extract(documents)
    for gold, extraction in tqdm(zip(golds, extractions, strict=True), total=len(golds), desc=path.name):
        statement, extraction = _matched(gold, extraction)
        about = issues_of(extraction, [statement], book, extractor.resources.encoder, embed_all=True)[0]
        rule_issues = [issue.name for issue, _match, _score in about]
        pattern_issues = [issue.name for issue, match, _score in about if match is not None]
        found.append((gold, statement, rule_issues, pattern_issues, extraction.vectors[statement.id]))
    if cached:
        cached.parent.mkdir(parents=True, exist_ok=True)
        cached.write_bytes(pickle.dumps(found))
    return found


def examples_of(path: Path, extractor: Extractor, book: IssueBook, cache: Path | None) -> list[Example]:
    examples = []
    for gold, statement, rule_issues, pattern_issues, vector in extracted(path, extractor, book, cache):
        about = [
            (issue, issue.first_match(statement.text) if issue.name in pattern_issues else None, 1.0)
            for issue in book.issues
            if issue.name in rule_issues
        ]
        view = statement_view(statement, about, from_bytes(vector), book)
        readings = {
            issue.name: rule_reading(statement, issue, issue.first_match(statement.text))[0]
            for issue in book.issues
        }
        rule_stances = {
            issue.name: readings[issue.name].stance
            if issue.name in rule_issues
            else read_stance(gold.content, "", against=issue.against).stance
            for issue in book.issues
        }
        acts_against = {
            issue.name: any(pattern.search(statement.text) for pattern in issue.against)
            for issue in book.issues
        }
        examples.append(Example(path.name, gold, statement, view, readings, acts_against, rule_stances))
    return examples


def fit_logistic(
    features: np.ndarray,
    labels: np.ndarray,
    penalty: float,
    multiclass: bool,
    weights_of_rows: np.ndarray | None = None,
    start: np.ndarray | None = None,
) -> np.ndarray:
    """Weights (one row per output) minimising the (row-weighted) log loss plus
    ``penalty``/2 |w|^2 (bias free), by full-batch gradient descent with Adam steps, from
    ``start`` (the weights of a neighbouring penalty) or zeros. In float32: the grid of
    cross-validation fits thousands of these."""
    features = features.astype(np.float32)
    labels = labels.astype(np.float32)
    outputs = labels.shape[1]
    weights = (
        np.zeros((outputs, features.shape[1]), np.float32) if start is None else start.astype(np.float32)
    )
    first, second = np.zeros_like(weights), np.zeros_like(weights)
    regularised = np.ones(features.shape[1], np.float32)
    regularised[0] = 0.0
    rows = (
        np.ones(len(features), np.float32) if weights_of_rows is None else weights_of_rows.astype(np.float32)
    )
    for step in range(1, STEPS + 1):
        scores = features @ weights.T
        predicted = softmax(scores) if multiclass else sigmoid(scores)
        gradient = ((predicted - labels) * rows[:, None]).T @ features + penalty * weights * regularised
        first = 0.9 * first + 0.1 * gradient
        second = 0.999 * second + 0.001 * gradient**2
        weights -= 0.05 * (first / (1 - 0.9**step)) / (np.sqrt(second / (1 - 0.999**step)) + 1e-8)
    return weights.astype(np.float64)


def vocabulary(texts: list[str]) -> list[str]:
    """The words of at least ``WORD_COUNT`` of the texts."""
    counts = Counter(word for text in texts for word in set(words_of(text)))
    return sorted(word for word, count in counts.items() if count >= WORD_COUNT)


def centroids(book: IssueBook) -> np.ndarray:
    """Each issue's examples' mean embedding, as a unit vector."""
    assert book.example_vectors is not None and book.example_issue is not None
    rows = np.array(
        [book.example_vectors[book.example_issue == index].mean(axis=0) for index in range(len(book.issues))]
    )
    return rows / np.linalg.norm(rows, axis=1, keepdims=True)


@dataclass(frozen=True, slots=True)
class IssueSetting:
    kind: str  # ISSUE_KINDS
    embedding: bool
    exemplars: bool  # the cosines to the training statements of each issue
    penalty: float


@dataclass(frozen=True, slots=True)
class StanceSetting:
    embedding: bool
    cue_words: bool
    content_words: bool
    balanced: bool  # each stance weighs as much as the others, whatever its count
    penalty: float

    @classmethod
    def of_chosen(cls, stance: dict[str, Any]) -> StanceSetting:
        """The setting a report's ``chosen["stance"]`` names."""
        return cls(
            stance["embedding"],
            stance["cue_words"],
            stance["content_words"],
            stance["balanced"],
            stance["penalty"],
        )


def features_for(
    training: list[Example], book: IssueBook, issue: IssueSetting | None, stance: StanceSetting | None
) -> Features:
    """The features of the models fitted on ``training`` with these settings."""
    pair_embedding = issue is not None and issue.kind == "pair" and issue.embedding
    exemplars = issue is not None and issue.exemplars
    labels = gold_issues(training, book.names())
    return Features(
        book.names(),
        bool(issue and issue.embedding),
        bool(stance and stance.embedding),
        vocabulary([example.view.cue for example in training]) if stance and stance.cue_words else [],
        vocabulary([example.view.text for example in training]) if stance and stance.content_words else [],
        centroids(book) if pair_embedding else None,
        np.array([example.view.vector for example in training]) if exemplars else None,
        np.concatenate([labels, 1 - labels.max(axis=1, keepdims=True)], axis=1) > 0 if exemplars else None,
    )


def gold_issues(examples: list[Example], issues: list[str]) -> np.ndarray:
    return np.array([[float(name in {i.issue for i in e.gold.issues}) for name in issues] for e in examples])


def issue_rows(examples: list[Example], features: Features, kind: str, exemplars: bool) -> list[np.ndarray]:
    """The issue model's rows of ``examples``; ``exemplars``: they are the features'
    exemplars, in order, and none counts itself."""
    return [
        features.issue_rows(example.view, kind, index if exemplars else None)
        for index, example in enumerate(examples)
    ]


def fit_issues(
    rows: list[np.ndarray], labels: np.ndarray, kind: str, penalty: float, start: np.ndarray | None = None
) -> np.ndarray:
    targets = labels if kind == "ovr" else labels.reshape(-1, 1)
    return fit_logistic(np.concatenate(rows), targets, penalty, multiclass=False, start=start)


def issue_probabilities(weights: np.ndarray, rows: np.ndarray, kind: str) -> np.ndarray:
    return sigmoid(weights @ rows[0]) if kind == "ovr" else sigmoid(rows @ weights[0])


def stance_rows(examples: list[Example], features: Features) -> tuple[np.ndarray, list[str]]:
    """The stance model's input on every gold pair of ``examples``, and the gold stances."""
    rows, stances = [], []
    for example in examples:
        for item in example.gold.issues:
            issue = item.issue
            rows.append(
                features.stance_row(example.view, issue, example.readings[issue], example.acts_against[issue])
            )
            stances.append(item.stance)
    return np.array(rows).reshape(len(rows), -1), stances


def fit_stance(
    rows: np.ndarray, stances: list[str], balanced: bool, penalty: float, start: np.ndarray | None = None
) -> np.ndarray:
    labels = np.array([[float(stance == value) for value in STANCE_VALUES] for stance in stances])
    weights_of_rows = None
    if balanced:
        counts = Counter(stances)
        weights_of_rows = np.array([len(stances) / (len(counts) * counts[stance]) for stance in stances])
    return fit_logistic(rows, labels, penalty, multiclass=True, weights_of_rows=weights_of_rows, start=start)


def fit_stance_path(rows: np.ndarray, stances: list[str], setting: StanceSetting) -> np.ndarray:
    """The stance weights at ``setting``'s penalty, reached as cross-validation reaches it: from
    the strongest penalty, each fit starting from the last one's weights."""
    weights = None
    for penalty in STANCE_PENALTIES[: STANCE_PENALTIES.index(setting.penalty) + 1]:
        weights = fit_stance(rows, stances, setting.balanced, penalty, weights)
    assert weights is not None
    return weights


def held_stance_probabilities(
    examples: list[Example], features: Features, weights: np.ndarray
) -> list[np.ndarray]:
    """The stance model's probabilities on each example's gold pairs (none: an empty array)."""
    return [
        softmax(stance_rows([example], features)[0] @ weights.T)
        if example.gold.issues
        else np.zeros((0, len(STANCE_VALUES)))
        for example in examples
    ]


def quick_stance(
    examples: list[Example],
    extra: list[Example],
    held_out: list[Example],
    book: IssueBook,
    chosen: dict[str, Any],
) -> dict[str, Any]:
    """The chosen stance setting alone (``--quick``): cross-validated on the grid's folds (the
    ``--extra`` files in every training fold; no issue model, no cascade: minutes, not the
    refit's quarter of an hour), and fitted on all the files and scored on each ``--held-out``
    file; ``keeps_rules`` applied as at run time. Figures by file, and the folds' confusion of
    gold (rows) and predicted stances (columns, ``STANCE_VALUES``' order)."""
    stance = chosen["stance"]
    setting = StanceSetting.of_chosen(stance)
    by_index: dict[int, np.ndarray] = {}
    for fold in folds_of(len(examples)):
        held = set(fold.tolist())
        training = [example for index, example in enumerate(examples) if index not in held] + extra
        features = features_for(training, book, None, setting)
        weights = fit_stance_path(*stance_rows(training, features), setting)
        tested = [examples[index] for index in fold]
        by_index.update(zip(fold.tolist(), held_stance_probabilities(tested, features, weights), strict=True))
    pairs = learned_stance_pairs(by_index, examples, stance["override"])
    confusion = Counter(pair for pairs_of in pairs for pair in pairs_of)
    report: dict[str, Any] = {
        source: {key: value for key, value in found.items() if key.startswith("stance")}
        for source, found in figures_by_source(examples, [set() for _ in examples], pairs).items()
    }
    report["confusion"] = [[confusion[(gold, found)] for found in STANCE_VALUES] for gold in STANCE_VALUES]
    features = features_for(examples + extra, book, None, setting)
    weights = fit_stance_path(*stance_rows(examples + extra, features), setting)
    for source in sorted({example.source for example in held_out}):
        tested = [example for example in held_out if example.source == source]
        probabilities = dict(enumerate(held_stance_probabilities(tested, features, weights)))
        found = learned_stance_pairs(probabilities, tested, stance["override"])
        report[f"held out {source}"] = stance_figures([pair for pairs_of in found for pair in pairs_of])
    return report


def issue_f1(predicted: list[set[str]], examples: list[Example]) -> dict[str, float]:
    counts: Counter[str] = Counter()
    for issues, example in zip(predicted, examples, strict=True):
        gold = {item.issue for item in example.gold.issues}
        counts["tp"] += len(issues & gold)
        counts["fp"] += len(issues - gold)
        counts["fn"] += len(gold - issues)
    precision = counts["tp"] / max(1, counts["tp"] + counts["fp"])
    recall = counts["tp"] / max(1, counts["tp"] + counts["fn"])
    f1 = 2 * precision * recall / (precision + recall) if precision and recall else 0.0
    return {
        "issue_precision": round(precision, 3),
        "issue_recall": round(recall, 3),
        "issue_f1": round(f1, 3),
    }


def stance_figures(pairs: list[tuple[str, str]]) -> dict[str, float]:
    """Stance accuracy and macro-F1 over the (gold, predicted) pairs, as the eval's."""
    confusion = Counter(pairs)
    f1s = []
    for value in STANCE_VALUES:
        tp = confusion[(value, value)]
        fp = sum(n for (g, s), n in confusion.items() if s == value and g != value)
        fn = sum(n for (g, s), n in confusion.items() if g == value and s != value)
        if tp + fn:
            f1s.append(2 * tp / (2 * tp + fp + fn))
    return {
        "stance_accuracy": round(sum(n for (g, s), n in confusion.items() if g == s) / max(1, len(pairs)), 3),
        "stance_macro_f1": round(sum(f1s) / len(f1s), 3),
    }


def stance_score(figures: dict[str, float]) -> float:
    return figures["stance_accuracy"] + figures["stance_macro_f1"]


def chosen_issues(
    probabilities: np.ndarray, view: StatementView, issues: list[str], setting: tuple, embeds_placed: bool
) -> set[str]:
    """The issues ``PositionModel.issues_of`` gives, from the issue model's probabilities."""
    rule_threshold, threshold, where = setting
    if view.rule_issues and not (embeds_placed or rule_threshold > 0 or where == "anywhere"):
        return set(view.rule_issues)
    adding = where == "anywhere" or not view.rule_issues
    return {
        name
        for name, p in zip(issues, probabilities, strict=True)
        if p >= (rule_threshold if name in view.rule_issues else threshold if adding else 2.0)
    }


def overridden(probabilities: np.ndarray, rule: str, override: float) -> str:
    """The stance ``PositionModel.stance_on`` gives, from the stance model's probabilities."""
    best = int(np.argmax(probabilities))
    keep = probabilities[best] - probabilities[STANCE_VALUES.index(rule)] < override
    return rule if keep else STANCE_VALUES[best]


def learned_issue_sets(
    by_index: dict[int, np.ndarray],
    examples: list[Example],
    issues: list[str],
    thresholds: tuple,
    embeds: bool,
) -> list[set[str]]:
    return [
        chosen_issues(by_index[index], example.view, issues, thresholds, embeds)
        for index, example in enumerate(examples)
    ]


def learned_stance_pairs(
    by_index: dict[int, np.ndarray], examples: list[Example], override: float
) -> list[list[tuple[str, str]]]:
    """Each example's (gold, predicted) stance pairs; the rules' where ``keeps_rules``."""
    pairs = []
    for index, example in enumerate(examples):
        signals = statement_signals(example.view.text, example.view.cue)
        found = []
        for item, probabilities in zip(example.gold.issues, by_index[index], strict=True):
            rule = example.readings[item.issue].stance
            kept = keeps_rules(signals, example.acts_against[item.issue], rule)
            found.append((item.stance, rule if kept else overridden(probabilities, rule, override)))
        pairs.append(found)
    return pairs


def figures_by_source(
    examples: list[Example], issue_sets: list[set[str]], stance_pairs: list[list[tuple[str, str]]]
) -> dict[str, dict[str, float]]:
    """The figures of these predictions on each training file's statements and on all."""
    sources = {"all": range(len(examples))} | {
        source: [index for index, example in enumerate(examples) if example.source == source]
        for source in sorted({example.source for example in examples})
    }
    return {
        source: issue_f1([issue_sets[i] for i in indices], [examples[i] for i in indices])
        | stance_figures([pair for i in indices for pair in stance_pairs[i]])
        for source, indices in sources.items()
    }


def issue_key(setting: IssueSetting, rule_threshold: float, threshold: float, where: str) -> str:
    return f"issues {setting} rule>={rule_threshold} other>={threshold} {where}"


def folds_of(count: int) -> list[np.ndarray]:
    """The cross-validation's folds of ``count`` examples (their indices), the same every run."""
    order = np.random.default_rng(SEED).permutation(count)
    return [order[fold::FOLDS] for fold in range(FOLDS)]


def cross_validate(
    examples: list[Example], extra: list[Example], book: IssueBook, grid: Grid
) -> tuple[dict[str, dict[str, float]], dict[str, Any]]:
    """Every setting of ``grid``'s figures over the folds, the rules', and the best settings."""
    issues = book.names()
    folds = folds_of(len(examples))
    issue_settings = [(*model, penalty) for model in grid.issue_models for penalty in grid.issue_penalties]
    stance_settings = [
        (*model, balanced, penalty)
        for model in grid.stance_models
        for balanced in grid.balanced
        for penalty in grid.stance_penalties
    ]
    issue_probs: dict[tuple, dict[int, np.ndarray]] = {setting: {} for setting in issue_settings}
    # The stance model's probabilities on each held-out gold pair, in the examples' order.
    stance_probs: dict[tuple, dict[int, np.ndarray]] = {setting: {} for setting in stance_settings}
    # Each stance model's features and weights by fold (the cascade reads the chosen one's).
    stance_fits: dict[tuple, list[tuple[Features, np.ndarray]]] = {setting: [] for setting in stance_settings}
    for fold in tqdm(folds, desc="folds", mininterval=0):
        held = set(fold.tolist())
        training = [example for index, example in enumerate(examples) if index not in held] + extra
        tested = [examples[index] for index in fold]
        labels = gold_issues(training, issues)
        for kind, embedding, exemplars in grid.issue_models:
            features = features_for(training, book, IssueSetting(kind, embedding, exemplars, 0.0), None)
            rows = issue_rows(training, features, kind, exemplars)
            held_rows = issue_rows(tested, features, kind, False)
            weights = None
            for penalty in grid.issue_penalties:  # from the strongest, each fit starting from the last
                weights = fit_issues(rows, labels, kind, penalty, weights)
                for index, row in zip(fold, held_rows, strict=True):
                    issue_probs[(kind, embedding, exemplars, penalty)][index] = issue_probabilities(
                        weights, row, kind
                    )
        for blocks in grid.stance_models:
            features = features_for(training, book, None, StanceSetting(*blocks, False, 0.0))
            rows, stances = stance_rows(training, features)
            held_rows = [
                stance_rows([example], features)[0] if example.gold.issues else None for example in tested
            ]
            for balanced in grid.balanced:
                weights = None
                for penalty in grid.stance_penalties:
                    weights = fit_stance(rows, stances, balanced, penalty, weights)
                    stance_fits[(*blocks, balanced, penalty)].append((features, weights))
                    for index, row in zip(fold, held_rows, strict=True):
                        stance_probs[(*blocks, balanced, penalty)][index] = (
                            np.zeros((0, len(STANCE_VALUES))) if row is None else softmax(row @ weights.T)
                        )
    rule_pairs = [[(item.stance, e.rule_stances[item.issue]) for item in e.gold.issues] for e in examples]
    rules = figures_by_source(examples, [set(e.view.rule_issues) for e in examples], rule_pairs)
    figures: dict[str, dict[str, float]] = {"rules": rules["all"]}
    # The best setting of each family of features, for the report.
    families: dict[str, dict[str, Any]] = {}
    best_stance, best_stance_score = None, -1.0
    for setting, by_index in stance_probs.items():
        for override in grid.overrides:
            pairs = learned_stance_pairs(by_index, examples, override)
            found = stance_figures([pair for pairs_of in pairs for pair in pairs_of])
            figures[f"stance {StanceSetting(*setting)} override {override}"] = found
            family = "stance" + "".join(
                name for name, on in zip(FAMILY_PARTS, setting[:4], strict=True) if on
            )
            if stance_score(found) > stance_score(families.get(family, NO_FIGURES)):
                families[family] = {"setting": f"{StanceSetting(*setting)} override {override}", **found}
            if stance_score(found) > best_stance_score:
                best_stance, best_stance_score = (setting, override), stance_score(found)
    assert best_stance is not None
    learned_stance = best_stance_score > stance_score(figures["rules"])
    embeds_for_stance = learned_stance and bool(best_stance[0][0])
    best_issue, best_issue_f1 = None, -1.0
    for setting, by_index in issue_probs.items():
        for thresholds in itertools.product(grid.rule_thresholds, grid.thresholds, ADD_WHERE):
            found = issue_f1(
                learned_issue_sets(by_index, examples, issues, thresholds, embeds_for_stance), examples
            )
            figures[issue_key(IssueSetting(*setting), *thresholds)] = found
            family = (
                f"issues {setting[0]}"
                + (" + embedding" if setting[1] else "")
                + (" + exemplars" if setting[2] else "")
            )
            if found["issue_f1"] > families.get(family, {"issue_f1": -1.0})["issue_f1"]:
                families[family] = {"setting": issue_key(IssueSetting(*setting), *thresholds)[7:], **found}
            if found["issue_f1"] > best_issue_f1:
                best_issue, best_issue_f1 = (setting, thresholds), found["issue_f1"]
    assert best_issue is not None
    issue_setting, (rule_threshold, threshold, where) = IssueSetting(*best_issue[0]), best_issue[1]
    stance_setting, override = StanceSetting(*best_stance[0]), best_stance[1]
    chosen_pairs = (
        learned_stance_pairs(stance_probs[best_stance[0]], examples, override)
        if learned_stance
        else rule_pairs
    )
    chosen_sets = learned_issue_sets(
        issue_probs[best_issue[0]], examples, issues, best_issue[1], embeds_for_stance
    )
    chosen = {
        "issues": {
            "kind": issue_setting.kind,
            "embedding": issue_setting.embedding,
            "exemplars": issue_setting.exemplars,
            "penalty": issue_setting.penalty,
            "rule_threshold": rule_threshold,
            "threshold": threshold,
            "add_where": where,
        },
        "stance": {
            "learned": learned_stance,
            "embedding": stance_setting.embedding,
            "cue_words": stance_setting.cue_words,
            "content_words": stance_setting.content_words,
            "balanced": stance_setting.balanced,
            "penalty": stance_setting.penalty,
            "override": override,
        },
        "figures": figures_by_source(examples, chosen_sets, chosen_pairs),
        "rules": rules,
    }
    if learned_stance and not stance_setting.embedding:
        trials = cascade_trials(
            examples, extra, book, folds, stance_fits[best_stance[0]], chosen, chosen_sets, chosen_pairs
        )
        chosen["cascade"] = choose_cascade(trials, chosen["figures"]["all"])
    return figures, chosen | {"families": families}


def similarity_ranges(
    examples: list[Example], issues: list[str], quantile: float
) -> tuple[tuple[float, float], tuple[float, float]]:
    """The cascade's ranges of cosines to an issue's examples: from the ``quantile`` to the
    1 - ``quantile`` of the statements' to the issues the rules place on them, and the least
    and the highest of any statement's to any issue's."""
    placed, anywhere = [], []
    for example in examples:
        if example.view.similarities is not None:
            anywhere.append(example.view.similarities)
            ruled = [name in example.view.rule_issues for name in issues]
            placed.append(example.view.similarities[np.array(ruled, dtype=bool)])
    everything, on_placed = np.concatenate(anywhere), np.concatenate(placed)
    low, high = np.quantile(on_placed, [quantile, 1 - quantile])
    return (float(low), float(high)), (float(everything.min()), float(everything.max()))


def plain_rows(examples: list[Example], features: Features) -> tuple[np.ndarray, np.ndarray]:
    """The cascade's issue models' rows and labels: the statements the rules place."""
    placed = [example for example in examples if example.view.rule_issues]
    rows = np.array([features.plain_issue_row(example.view) for example in placed])
    return rows, gold_issues(placed, features.issues)


def cascade_trials(
    examples: list[Example],
    extra: list[Example],
    book: IssueBook,
    folds: list[np.ndarray],
    stance_fits: list[tuple[Features, np.ndarray]],
    chosen: dict[str, Any],
    full_sets: list[set[str]],
    full_pairs: list[list[tuple[str, str]]],
) -> list[dict[str, Any]]:
    """Each cascade's figures over the folds (its issue models fitted on the statements the
    rules place in the training folds, the chosen stance model as fitted there): a statement
    the rules place is given the cascade's issues and stances if it reads them sure, else the
    full model's (``full_sets``, ``full_pairs``: the chosen settings' held-out answers); a gold
    pair on another issue is read as ``learned_stance_on`` reads it."""
    issue, stance = chosen["issues"], chosen["stance"]
    against = {item.name: [item.against_words()] for item in book.issues}
    trials = {
        key: {"sets": list(full_sets), "pairs": list(full_pairs), "embedded": 0}
        for key in itertools.product(CASCADE_PENALTIES, MARGINS, QUANTILES)
    }
    placed_count = sum(bool(example.view.rule_issues) for example in examples)
    for fold, (features, stance_weights) in zip(folds, stance_fits, strict=True):
        held = set(fold.tolist())
        training = [example for index, example in enumerate(examples) if index not in held] + extra
        rows, labels = plain_rows(training, features)
        weights = None
        ranges = {quantile: similarity_ranges(training, book.names(), quantile) for quantile in QUANTILES}
        # The held-out statements the rules place, as the cascade sees them: not embedded.
        views = {
            index: dataclasses.replace(examples[index].view, vector=None, similarities=None)
            for index in fold
            if examples[index].view.rule_issues
        }
        for penalty in CASCADE_PENALTIES:
            weights = fit_logistic(rows, labels, penalty, multiclass=False, start=weights)
            for margin, quantile in itertools.product(MARGINS, QUANTILES):
                model = PositionModel(
                    features,
                    issue["kind"],
                    np.zeros((1, 1)),  # the full issue model's answers are the held-out ones
                    issue["rule_threshold"],
                    issue["threshold"],
                    issue["add_where"],
                    stance_weights,
                    stance["override"],
                    cascade=Cascade(weights, margin, *ranges[quantile]),
                )
                trial = trials[(penalty, margin, quantile)]
                for index, view in views.items():
                    read = cascade_reading(model, view, examples[index], against, full_pairs[index])
                    if read is None:
                        trial["embedded"] += 1
                    else:
                        trial["sets"][index], trial["pairs"][index] = read
    return [
        {
            "penalty": penalty,
            "margin": margin,
            "quantile": quantile,
            "placed_embedded": round(trial["embedded"] / max(1, placed_count), 3),
            **figures_by_source(examples, trial["sets"], trial["pairs"])["all"],
        }
        for (penalty, margin, quantile), trial in trials.items()
    ]


def cascade_reading(
    model: PositionModel,
    view: StatementView,
    example: Example,
    against: dict[str, list],
    full_pairs: list[tuple[str, str]],
) -> tuple[set[str], list[tuple[str, str]]] | None:
    """The cascade's issues of a statement the rules place and its (gold, predicted) stance
    pairs, as ``statements.learned_choices`` and ``learned_stance_on`` read them without its
    embedding; None if it is embedded (unsure)."""
    issues = model.plain_issues(view)
    if issues is None:
        return None
    names = {name for name, _probability in issues}
    stances = {name: model.sure_stance(view, name, example.readings[name], against[name]) for name in names}
    if any(found is None for found in stances.values()):
        return None
    pairs = []
    for item, (_gold, full) in zip(example.gold.issues, full_pairs, strict=True):
        found = stances.get(item.issue) or model.sure_stance(
            view, item.issue, example.readings[item.issue], against[item.issue]
        )
        pairs.append((item.stance, found or full))
    return names, pairs


def choose_cascade(trials: list[dict[str, Any]], full: dict[str, float]) -> dict[str, Any]:
    """The cascade that embeds the fewest statements the rules place (of as many, the best
    issue F1) of those within ``CASCADE_LOSS`` of the full model's figures (with none, the
    widest margin and range), and every trial's figures."""
    kept = [
        trial
        for trial in trials
        if all(
            trial[name] >= full[name] - CASCADE_LOSS
            for name in ("issue_f1", "stance_accuracy", "stance_macro_f1")
        )
    ]
    best = min(kept, key=lambda trial: (trial["placed_embedded"], -trial["issue_f1"])) if kept else None
    if best is None:
        best = max(trials, key=lambda trial: (trial["margin"], -trial["quantile"], trial["issue_f1"]))
    return {"chosen": best, "trials": trials}


def fit_chosen(examples: list[Example], book: IssueBook, chosen: dict[str, Any]) -> PositionModel:
    issue, stance = chosen["issues"], chosen["stance"]
    issue_setting = IssueSetting(issue["kind"], issue["embedding"], issue["exemplars"], issue["penalty"])
    stance_setting = StanceSetting.of_chosen(stance)
    features = features_for(examples, book, issue_setting, stance_setting if stance["learned"] else None)
    rows = issue_rows(examples, features, issue_setting.kind, issue_setting.exemplars)
    labels = gold_issues(examples, book.names())
    # The path cross-validation took to the chosen penalties: each fit from the last one's weights.
    issue_weights = None
    for penalty in ISSUE_PENALTIES[: ISSUE_PENALTIES.index(issue_setting.penalty) + 1]:
        issue_weights = fit_issues(rows, labels, issue_setting.kind, penalty, issue_weights)
    assert issue_weights is not None
    stance_weights = None
    if stance["learned"]:
        stance_weights = fit_stance_path(*stance_rows(examples, features), stance_setting)
    cascade = None
    if "cascade" in chosen:
        best = chosen["cascade"]["chosen"]
        rows, plain_labels = plain_rows(examples, features)
        plain_weights = None
        for penalty in CASCADE_PENALTIES[: CASCADE_PENALTIES.index(best["penalty"]) + 1]:
            plain_weights = fit_logistic(rows, plain_labels, penalty, multiclass=False, start=plain_weights)
        assert plain_weights is not None
        ranges = similarity_ranges(examples, book.names(), best["quantile"])
        cascade = Cascade(plain_weights, best["margin"], *ranges)
    return PositionModel(
        features,
        issue_setting.kind,
        issue_weights,
        issue["rule_threshold"],
        issue["threshold"],
        issue["add_where"],
        stance_weights,
        stance["override"],
        cascade=cascade,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("train", type=Path)
    parser.add_argument(
        "--train", dest="more", type=Path, action="append", default=[], help="more training files"
    )
    parser.add_argument("--extra", type=Path, action="append", default=[])
    parser.add_argument("--output", type=Path, help="where to write the model (not with --quick)")
    parser.add_argument(
        "--quick",
        action="store_true",
        help="with --settings: cross-validate its stance setting alone, print the figures, write no model",
    )
    parser.add_argument(
        "--held-out",
        type=Path,
        action="append",
        default=[],
        help="with --quick: a file to score, fitted on all",
    )
    parser.add_argument("--report", type=Path, help="where to write the chosen settings' figures (JSON)")
    parser.add_argument("--grid", type=Path, help="where to write every setting's figures (JSON)")
    parser.add_argument("--cache", type=Path, help="a folder to keep the extracted statements in")
    parser.add_argument(
        "--settings",
        type=Path,
        help="an earlier --report: refit its chosen settings (and the cascade), no grid",
    )
    args = parser.parse_args()
    if args.quick and (not args.settings or args.output):
        parser.error("--quick takes --settings and no --output")
    if not args.quick and not args.output:
        parser.error("--output is required")
    grid = Grid.of_chosen(json.loads(args.settings.read_text())["chosen"]) if args.settings else Grid()
    if any("gold" in path.name for path in [args.train, *args.more, *args.extra, *args.held_out]):
        sys.exit("train_positions.py: the gold file is the blind test; train on train.jsonl")
    resources = Resources.load(positions="none")
    extractor = Extractor.from_resources(resources)
    book = resources.issues
    examples = [
        example
        for path in [args.train, *args.more]
        for example in examples_of(path, extractor, book, args.cache)
    ]
    extra = [example for path in args.extra for example in examples_of(path, extractor, book, args.cache)]
    if args.quick:
        held_out = [
            example for path in args.held_out for example in examples_of(path, extractor, book, args.cache)
        ]
        settings = json.loads(args.settings.read_text())["chosen"]
        print(json.dumps(quick_stance(examples, extra, held_out, book, settings), indent=1))
        return
    figures, chosen = cross_validate(examples, extra, book, grid)
    report = {"examples": len(examples), "extra": len(extra), "chosen": chosen}
    print(json.dumps(report, indent=1), file=sys.stderr)
    model = fit_chosen(examples + extra, book, chosen)
    args.output.write_text(json.dumps(model.to_json()) + "\n", encoding="utf-8")
    if args.report:
        args.report.write_text(json.dumps(report, indent=1) + "\n")
    if args.grid:
        args.grid.write_text(json.dumps(figures, indent=1) + "\n")
    print(f"wrote {args.output}", file=sys.stderr)


if __name__ == "__main__":
    main()
