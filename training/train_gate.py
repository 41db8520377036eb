"""Train the encoder gate (``reportedly.positions.gate``) and write it.

    python training/train_gate.py eval/positions/train.jsonl [--train MORE.jsonl ...] \
        --extra eval/positions/tuning.jsonl --extra eval/positions/check.jsonl \
        --pool ../shared/data/polnear/train --output src/reportedly/data/models/positions-gate.json \
        [--report GATE-CV.json] [--cache DIR]

The gate is a logistic model over the words of a statement's content and its pairs of words
that says whether a statement no pattern places is about some issue, so that only those are
embedded. It learns from two sources, weighing as much in all:

- the training statements (as ``training/train_positions.py`` reads them), labelled by their
  gold issues, with the issues file's example statements as more of those about one;
- a pool of the statements no pattern places in news about other matters (every ``--pool-every``th article of
  PolNeAR's train split: US politics), labelled by what the full positions model (the shipped
  one, ungated) gives them, since no one annotated their issues: the gate learns which words
  lead the model to an issue, not the model's own errors corrected.

Its threshold is chosen by the positions model's 5-fold cross-validation on the training
statements (``train_positions.py``'s folds and its chosen settings, read from its report): the
highest that keeps the issue recall and F1 of the ungated model (within ``TOLERANCE``), the
gate fitted on the other folds and the pool's other articles each time. Reported: those
figures at each threshold, and how many of the held-out pool's unplaced statements the gate
turns away and how many of those the full model gives an issue. Never run it on
eval/positions/gold.jsonl: that is the blind test.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import pickle
import sys
from collections import Counter
from dataclasses import astuple, dataclass, replace
from pathlib import Path
from typing import Any

import numpy as np
import train_positions as training
from tqdm import tqdm

from reportedly.extract import Extractor
from reportedly.model import Document
from reportedly.positions.gate import EncoderGate, terms_of
from reportedly.positions.issues import IssueBook
from reportedly.positions.learned import PositionModel, shipped_model_path
from reportedly.positions.statements import issues_of, statements_of
from reportedly.resources import Resources

THRESHOLDS = (0.05, 0.1, 0.15, 0.2, 0.225, 0.25, 0.275, 0.3, 0.4, 0.5)
PENALTY = 3.0
# A term the gate weighs is in at least this many of its training texts.
WORD_COUNT = 2
# The gated model's cross-validated issue recall and F1 may fall this much below the ungated
# (figures of three decimals: 0.002 is two of the 1,185 gold pairs).
TOLERANCE = 0.002
# The training statements weigh as much in all as the pool's (their words are what the issues
# are about; the pool's, far more numerous, what they are not).
TRAINING_WEIGHT = 1.0


@dataclass(frozen=True, slots=True)
class PoolStatement:
    article: str
    text: str
    placed: bool  # a pattern places it (in its content or its sentence): never gated
    about_some: bool  # the full model gives it an issue


def pool_statements(
    folder: Path, every: int, extractor: Extractor, cache: Path | None
) -> list[PoolStatement]:
    """The statements of every ``every``th article of ``folder``, labelled by the full model."""
    # Its labels are the shipped model's and its placed statements the issues file's: a
    # retrained model or a changed file labels the pool again.
    book = extractor.resources.issues
    model = hashlib.sha256(shipped_model_path().read_bytes()).hexdigest()[:12]
    cached = cache / f"gate-pool-{folder.name}-{every}-{book.digest[:12]}-{model}.pickle" if cache else None
    if cached and cached.is_file():
        return [PoolStatement(*row) for row in pickle.loads(cached.read_bytes())]
    text_folder = folder / "text" if (folder / "text").is_dir() else folder
    paths = sorted(text_folder.glob("*.txt"))[1::every]
    documents = (Document(path.stem, path.read_bytes().decode("utf-8")) for path in paths)
    found = []
    for extraction in tqdm(extractor.extract(documents), total=len(paths), desc="pool", file=sys.stderr):
        statements = statements_of(extraction)
        about = {stance.statement for stance in extraction.stances}
        placed = issues_of(extraction, statements, book, None)
        for statement, issues in zip(statements, placed, strict=True):
            found.append(
                PoolStatement(extraction.document.doc_id, statement.text, bool(issues), statement.id in about)
            )
    if cached:
        cached.parent.mkdir(parents=True, exist_ok=True)
        cached.write_bytes(pickle.dumps([astuple(statement) for statement in found]))
    return found


def fit_gate(
    texts: list[str], labels: list[bool], weights_of_rows: np.ndarray, threshold: float = 0.5
) -> EncoderGate:
    """A logistic model over the texts' terms (words and pairs of words, :func:`terms_of`;
    those of ``WORD_COUNT`` texts or more)."""
    terms = [terms_of(text) for text in texts]
    counts = Counter(term for found in terms for term in found)
    vocabulary = sorted(term for term, count in counts.items() if count >= WORD_COUNT)
    column = {term: index + 1 for index, term in enumerate(vocabulary)}
    rows = np.zeros((len(texts), len(vocabulary) + 1), dtype=np.float32)
    rows[:, 0] = 1.0
    for row, found in enumerate(terms):
        rows[row, [column[term] for term in found if term in column]] = 1.0
    targets = np.array(labels, dtype=np.float32)[:, None]
    weights = training.fit_logistic(rows, targets, PENALTY, False, weights_of_rows)[0]
    return EncoderGate(dict(zip(vocabulary, weights[1:].tolist(), strict=True)), float(weights[0]), threshold)


def gate_data(
    examples: list[training.Example], pool: list[PoolStatement], book_examples: list[str]
) -> tuple[list[str], list[bool], np.ndarray]:
    """The gate's texts, labels and the weight of each: the training statements (gold; those
    a pattern places too, whose words are as much the issues'), the issues' examples (about
    one) and the pool's unplaced statements (the full model's answer), the training side
    weighing ``TRAINING_WEIGHT`` times the pool's in all."""
    texts = [example.view.text for example in examples] + book_examples
    labels = [bool(example.gold.issues) for example in examples] + [True] * len(book_examples)
    unplaced = [statement for statement in pool if not statement.placed]
    weight = TRAINING_WEIGHT * max(1, len(unplaced)) / len(texts)
    weights = np.array([weight] * len(texts) + [1.0] * len(unplaced))
    texts += [statement.text for statement in unplaced]
    labels += [statement.about_some for statement in unplaced]
    return texts, labels, weights


def held_out_stances(model: PositionModel, example: training.Example) -> np.ndarray:
    """The stance model's probabilities on each gold pair of ``example`` (no rows: the rules'
    stance stays)."""
    if model.stance_weights is None:
        return np.zeros((0, len(training.STANCE_VALUES)))
    rows = [
        model.stance_probabilities(
            example.view, item.issue, example.readings[item.issue], example.acts_against[item.issue]
        )
        for item in example.gold.issues
    ]
    return np.array(rows).reshape(-1, len(training.STANCE_VALUES))


def cross_validate(
    examples: list[training.Example],
    extra: list[training.Example],
    pool: list[PoolStatement],
    chosen: dict[str, Any],
    book: IssueBook,
) -> dict[str, Any]:
    """The positions model's cross-validated figures ungated and gated at each threshold, and
    the pool's held-out figures."""
    issues = book.names()
    book_examples = [text for issue in book.issues for text in issue.examples]
    order = np.random.default_rng(training.SEED).permutation(len(examples))
    folds = [order[fold :: training.FOLDS] for fold in range(training.FOLDS)]
    articles = sorted({statement.article for statement in pool})
    pool_fold = {article: index % training.FOLDS for index, article in enumerate(articles)}
    issue_setting = chosen["issues"]
    stance_setting = chosen["stance"]
    issue_probs: dict[int, np.ndarray] = {}
    # On each held-out gold pair, with the statement's vector and without (turned away).
    stance_probs: dict[int, tuple[np.ndarray, np.ndarray]] = {}
    gate_probs: dict[int, float] = {}
    pool_probs: list[tuple[PoolStatement, float]] = []
    for number, fold in enumerate(tqdm(folds, desc="folds", file=sys.stderr)):
        held = set(fold.tolist())
        fitting = [example for index, example in enumerate(examples) if index not in held] + extra
        fitted = training.fit_chosen(fitting, book, chosen)  # the shipped model's fits, on the other folds
        for index in fold:
            example = examples[index]
            issue_probs[index] = fitted.issue_probabilities(example.view)
            unembedded = replace(example, view=replace(example.view, vector=None, similarities=None))
            stance_probs[index] = (held_out_stances(fitted, example), held_out_stances(fitted, unembedded))
        texts, labels, weights = gate_data(
            fitting, [s for s in pool if pool_fold[s.article] != number], book_examples
        )
        gate = fit_gate(texts, labels, weights)
        for index in fold:
            gate_probs[index] = gate.probability(examples[index].view.text)
        pool_probs += [
            (s, gate.probability(s.text)) for s in pool if pool_fold[s.article] == number and not s.placed
        ]
    rule_threshold, threshold, where = (
        issue_setting["rule_threshold"],
        issue_setting["threshold"],
        issue_setting["add_where"],
    )

    def figures(gate_threshold: float) -> dict[str, Any]:
        off = {
            index
            for index, example in enumerate(examples)
            if not example.view.rule_issues and gate_probs[index] < gate_threshold
        }
        sets = [
            set()
            if index in off
            else training.chosen_issues(
                issue_probs[index], example.view, issues, (rule_threshold, threshold, where), False
            )
            for index, example in enumerate(examples)
        ]
        pairs = [
            [
                (
                    item.stance,
                    training.overridden(
                        probabilities, example.readings[item.issue].stance, stance_setting["override"]
                    )
                    if stance_setting["learned"]
                    else example.rule_stances[item.issue],
                )
                for item, probabilities in zip(
                    example.gold.issues, stance_probs[index][1 if index in off else 0], strict=True
                )
            ]
            for index, example in enumerate(examples)
        ]
        pool_off = [(s, p) for s, p in pool_probs if p < gate_threshold]
        return training.figures_by_source(examples, sets, pairs)["all"] | {
            "training statements turned away": len(off),
            "of them about some issue (gold)": sum(1 for index in off if examples[index].gold.issues),
            "pool statements unplaced (held out)": len(pool_probs),
            "pool statements turned away": len(pool_off),
            "of them given an issue by the full model": sum(1 for s, _p in pool_off if s.about_some),
            "pool statements given an issue by the full model": sum(
                1 for s, _p in pool_probs if s.about_some
            ),
        }

    ungated = figures(0.0)
    by_threshold = {str(value): figures(value) for value in THRESHOLDS}
    keeping = [
        value
        for value in THRESHOLDS
        if by_threshold[str(value)]["issue_recall"] >= ungated["issue_recall"] - TOLERANCE
        and by_threshold[str(value)]["issue_f1"] >= ungated["issue_f1"] - TOLERANCE
    ]
    return {"ungated": ungated, "thresholds": by_threshold, "chosen_threshold": max(keeping, default=0.0)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("train", type=Path)
    parser.add_argument("--train", dest="more", type=Path, action="append", default=[])
    parser.add_argument("--extra", type=Path, action="append", default=[])
    parser.add_argument(
        "--pool", type=Path, required=True, help="a folder of news articles (a PolNeAR split)"
    )
    parser.add_argument("--pool-every", type=int, default=6, help="take every Nth article of the pool")
    parser.add_argument(
        "--positions-report",
        type=Path,
        default=Path("src/reportedly/data/models/positions-cv.json"),
        help="train_positions.py's report: the positions model's chosen settings",
    )
    parser.add_argument("--output", type=Path, required=True)
    parser.add_argument("--report", type=Path)
    parser.add_argument("--cache", type=Path)
    args = parser.parse_args()
    if any("gold" in path.name for path in [args.train, *args.more, *args.extra]):
        sys.exit("train_gate.py: the gold file is the blind test; train on train.jsonl")
    resources = Resources.load()
    if resources.positions is None:
        sys.exit("train_gate.py: no positions model shipped to learn from")
    resources.positions.gate = None  # the full model labels the pool
    extractor = Extractor.from_resources(resources)
    book = resources.issues
    examples = [
        example
        for path in [args.train, *args.more]
        for example in training.examples_of(path, extractor, book, args.cache)
    ]
    extra = [
        example for path in args.extra for example in training.examples_of(path, extractor, book, args.cache)
    ]
    pool = pool_statements(args.pool, args.pool_every, extractor, args.cache)
    chosen = json.loads(args.positions_report.read_text())["chosen"]
    report = cross_validate(examples, extra, pool, chosen, book)
    report |= {"pool_articles": len({s.article for s in pool}), "pool_statements": len(pool)}
    print(json.dumps(report, indent=1), file=sys.stderr)
    book_examples = [text for issue in book.issues for text in issue.examples]
    texts, labels, weights = gate_data(examples + extra, pool, book_examples)
    gate = fit_gate(texts, labels, weights, report["chosen_threshold"])
    args.output.write_text(json.dumps(gate.to_json()) + "\n", encoding="utf-8")
    if args.report:
        args.report.write_text(json.dumps(report, indent=1) + "\n")
    print(f"wrote {args.output}", file=sys.stderr)


if __name__ == "__main__":
    main()
