"""Train the positions model (``reportedly.positions.learned``) and write its weights.

    python training/train_positions.py eval/positions/train.jsonl \
        --extra eval/positions/tuning.jsonl --extra eval/positions/check.jsonl \
        --output src/reportedly/data/models/positions.json

Each passage is extracted whole, as ``reportedly eval positions`` does, with the rules alone;
its gold statement is the attribution whose content overlaps the gold content most (with
none, the gold content as a statement of its own). The statement's embedding and the rules'
readings are its features (``reportedly.positions.learned``); its gold issues are the issue
models' labels, and each gold (issue, stance) pair is one example of the stance model.

Hyper-parameters (the L2 penalty, the issue threshold, whether learned issues replace the
rules' or only fill in where the rules place none, whether the learned stance replaces the
rules') are chosen by 5-fold cross-validation on the first file (the ``--extra`` files join
every training fold, never a test fold), scored as ``reportedly eval positions`` scores:
issue F1 micro over statement-issue pairs, stance accuracy and macro-F1 over the gold pairs.
The model written is fitted on all of them with the chosen settings. Never run it on
eval/positions/gold.jsonl: that is the blind test. Numpy only; the runtime install suffices.
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from tqdm import tqdm

from reportedly.eval.positions import GoldStatement, read_gold
from reportedly.extract import Extractor
from reportedly.model import STANCE_VALUES, Attribution, Document, Extraction, Span
from reportedly.positions.issues import IssueBook
from reportedly.positions.learned import (
    PositionModel,
    StatementView,
    base_features,
    sigmoid,
    softmax,
    stance_features,
)
from reportedly.positions.stance import read_stance
from reportedly.positions.statements import (
    Statement,
    cued,
    encode_together,
    from_bytes,
    issues_of,
    rule_reading,
    statement_view,
    statements_of,
)
from reportedly.resources import Resources

FOLDS = 5
L2_PENALTIES = (0.01, 0.03, 0.1, 0.3, 1.0, 3.0)
THRESHOLDS = (0.3, 0.4, 0.5)
SEED = 13


@dataclass(slots=True)
class Example:
    gold: GoldStatement
    view: StatementView
    # The rules' stance on each of the 14 issues (its pattern's reading where it places it).
    rule_stances: dict[str, str]


def _matched(gold: GoldStatement, extraction: Extraction) -> Statement:
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
    return found[0]


def examples_of(path: Path, extractor: Extractor, book: IssueBook, cue_embedding: bool) -> list[Example]:
    golds = read_gold(path, book)
    documents = (Document(gold.id, gold.text, published=gold.published) for gold in golds)
    examples = []
    extractions = extractor.extract(documents)
    for gold, extraction in tqdm(zip(golds, extractions, strict=True), total=len(golds), desc=path.name):
        statement = _matched(gold, extraction)
        about = issues_of(extraction, [statement], book, extractor.resources.encoder, embed_all=True)[0]
        matches = {issue.name: match for issue, match, _score in about}
        rule_stances = {}
        for issue in book.issues:
            if issue.name in matches:
                rule_stances[issue.name] = rule_reading(statement, issue, matches[issue.name])[0].stance
            else:  # as the eval reads a gold issue the system did not assign
                rule_stances[issue.name] = read_stance(gold.content, "", against=issue.against).stance
        vector = from_bytes(extraction.vectors[statement.id])
        encoder = extractor.resources.encoder
        cue_vector = encode_together(encoder, [cued(statement)])[0] if cue_embedding and encoder else None
        view = statement_view(statement, list(matches), vector, cue_vector)
        examples.append(Example(gold, view, rule_stances))
    return examples


def fit_logistic(features: np.ndarray, labels: np.ndarray, penalty: float, multiclass: bool) -> np.ndarray:
    """Weights (one row per output) minimising the log loss plus ``penalty``/2 |w|^2 (bias
    free), by full-batch gradient descent with Adam steps."""
    outputs = labels.shape[1]
    weights = np.zeros((outputs, features.shape[1]))
    first, second = np.zeros_like(weights), np.zeros_like(weights)
    regularised = np.ones(features.shape[1])
    regularised[0] = 0.0
    for step in range(1, 601):
        scores = features @ weights.T
        predicted = softmax(scores) if multiclass else sigmoid(scores)
        gradient = (predicted - labels).T @ features + penalty * weights * regularised
        first = 0.9 * first + 0.1 * gradient
        second = 0.999 * second + 0.001 * gradient**2
        weights -= 0.05 * (first / (1 - 0.9**step)) / (np.sqrt(second / (1 - 0.999**step)) + 1e-8)
    return weights


def fit(
    examples: list[Example], issues: list[str], penalty: float, cue_embedding: bool, stance_penalty: float
) -> PositionModel:
    base = np.array([base_features(example.view, issues, cue_embedding) for example in examples])
    labels = np.array(
        [[float(name in {i.issue for i in e.gold.issues}) for name in issues] for e in examples]
    )
    issue_weights = fit_logistic(base, labels, penalty, multiclass=False)
    pairs = [
        (stance_features(row, item.issue, example.rule_stances[item.issue], issues), item.stance)
        for row, example in zip(base, examples, strict=True)
        for item in example.gold.issues
    ]
    stance_x = np.array([features for features, _ in pairs])
    stance_y = np.array([[float(stance == value) for value in STANCE_VALUES] for _, stance in pairs])
    stance_weights = fit_logistic(stance_x, stance_y, stance_penalty, multiclass=True)
    return PositionModel(issues, issue_weights, 0.5, stance_weights, "learned", True, cue_embedding)


def score(predicted: list[tuple[set[str], dict[str, str]]], examples: list[Example]) -> dict[str, float]:
    """Issue F1 (micro) and stance accuracy and macro-F1 over the gold pairs, as the eval's."""
    counts: Counter[str] = Counter()
    confusion: Counter[tuple[str, str]] = Counter()
    for (issues, stances), example in zip(predicted, examples, strict=True):
        gold = {item.issue for item in example.gold.issues}
        counts["tp"] += len(issues & gold)
        counts["fp"] += len(issues - gold)
        counts["fn"] += len(gold - issues)
        for item in example.gold.issues:
            confusion[(item.stance, stances[item.issue])] += 1
    precision = counts["tp"] / max(1, counts["tp"] + counts["fp"])
    recall = counts["tp"] / max(1, counts["tp"] + counts["fn"])
    f1s = []
    for value in STANCE_VALUES:
        tp = confusion[(value, value)]
        fp = sum(n for (g, s), n in confusion.items() if s == value and g != value)
        fn = sum(n for (g, s), n in confusion.items() if g == value and s != value)
        if tp + fn:
            f1s.append(2 * tp / (2 * tp + fp + fn))
    pairs = sum(confusion.values())
    return {
        "issue_precision": round(precision, 3),
        "issue_recall": round(recall, 3),
        "issue_f1": round(2 * precision * recall / (precision + recall) if precision and recall else 0.0, 3),
        "stance_accuracy": round(sum(n for (g, s), n in confusion.items() if g == s) / max(1, pairs), 3),
        "stance_macro_f1": round(sum(f1s) / len(f1s), 3),
    }


def predict(model: PositionModel | None, example: Example) -> tuple[set[str], dict[str, str]]:
    """The issues and the stance on every issue (a gold issue not assigned is read all the same)."""
    if model is None:
        return set(example.view.rule_issues), dict(example.rule_stances)
    issues = {name for name, _p in model.issues_of(example.view)}
    if not model.learned_stance:
        return issues, dict(example.rule_stances)
    base = base_features(example.view, model.issues, model.cue_embedding)
    stances = {
        name: STANCE_VALUES[
            int(
                np.argmax(
                    model.stance_weights
                    @ stance_features(base, name, example.rule_stances[name], model.issues)
                )
            )
        ]
        for name in model.issues
    }
    return issues, stances


def cross_validate(
    examples: list[Example], extra: list[Example], issues: list[str], cue_embedding: bool
) -> tuple[dict[str, dict[str, float]], dict[str, object]]:
    """Every setting's figures over the 5 folds, and the best setting's."""
    order = np.random.default_rng(SEED).permutation(len(examples))
    folds = [order[fold::FOLDS] for fold in range(FOLDS)]
    settings = list(itertools.product(L2_PENALTIES, THRESHOLDS, ("learned", "fill"), (True, False)))
    predictions: dict[object, list[tuple[int, tuple[set[str], dict[str, str]]]]] = {s: [] for s in settings}
    predictions["rules"] = []
    for fold in tqdm(folds, desc="folds"):
        held = set(fold.tolist())
        training = [example for index, example in enumerate(examples) if index not in held] + extra
        predictions["rules"] += [(index, predict(None, examples[index])) for index in fold]
        for penalty in L2_PENALTIES:
            model = fit(training, issues, penalty, cue_embedding, penalty)
            for setting in settings:
                if setting[0] != penalty:
                    continue
                model.threshold, model.mode, model.learned_stance = setting[1], setting[2], setting[3]
                predictions[setting] += [(index, predict(model, examples[index])) for index in fold]
    figures = {}
    for setting, found in predictions.items():
        found.sort(key=lambda pair: pair[0])
        figures[str(setting)] = score([prediction for _, prediction in found], examples)
    penalty, threshold, mode, _ = max(settings, key=lambda s: figures[str(s)]["issue_f1"])
    # The stance does not depend on the threshold or mode: the best penalty's, or the rules'.
    stance_penalty = max(
        L2_PENALTIES, key=lambda p: figures[str((p, threshold, mode, True))]["stance_macro_f1"]
    )
    stance = figures[str((stance_penalty, threshold, mode, True))]
    learned = stance["stance_macro_f1"] > figures["rules"]["stance_macro_f1"]
    issue_figures = figures[str((penalty, threshold, mode, learned))]
    return figures, {
        "penalty": penalty,
        "stance_penalty": stance_penalty,
        "threshold": threshold,
        "mode": mode,
        "learned_stance": learned,
        "figures": {
            **{key: value for key, value in issue_figures.items() if key.startswith("issue")},
            **{key: value for key, value in stance.items() if key.startswith("stance")},
        },
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("train", type=Path)
    parser.add_argument("--extra", type=Path, action="append", default=[])
    parser.add_argument("--output", type=Path, required=True)
    parser.add_argument(
        "--cue-embedding", action="store_true", help="weigh the cue and content's embedding too"
    )
    parser.add_argument("--report", type=Path, help="where to write the cross-validation figures (JSON)")
    args = parser.parse_args()
    if "gold" in args.train.name or any("gold" in path.name for path in args.extra):
        sys.exit("train_positions.py: the gold file is the blind test; train on train.jsonl")
    resources = Resources.load(positions="none")
    extractor = Extractor.from_resources(resources)
    book = resources.issues
    issues = book.names()
    examples = examples_of(args.train, extractor, book, args.cue_embedding)
    extra = [
        example for path in args.extra for example in examples_of(path, extractor, book, args.cue_embedding)
    ]
    figures, best = cross_validate(examples, extra, issues, args.cue_embedding)
    print(json.dumps({"rules": figures["rules"], "chosen": best}, indent=1), file=sys.stderr)
    model = fit(
        examples + extra,
        issues,
        float(best["penalty"]),  # type: ignore[arg-type]
        args.cue_embedding,
        float(best["stance_penalty"]),  # type: ignore[arg-type]
    )
    model.threshold = float(best["threshold"])  # type: ignore[arg-type]
    model.mode = str(best["mode"])
    model.learned_stance = bool(best["learned_stance"])
    args.output.write_text(json.dumps(model.to_json()) + "\n", encoding="utf-8")
    if args.report:
        args.report.write_text(json.dumps({"chosen": best, "cross_validation": figures}, indent=1) + "\n")
    print(f"wrote {args.output}", file=sys.stderr)


if __name__ == "__main__":
    main()
