"""Measure the pronoun combiner (``pronoun_combiner.py``) on GAP development, and with
``--output`` write the weights of the set chosen.

    cd training && ../.venv/bin/python train_pronoun_combiner.py ../../shared/data/gap/gap-development.tsv \
        --cache ../.run/gap-combiner [--output WEIGHTS.json]

Each passage is parsed and run through the stages as far as the speakers with the pronoun
model off, as ``eval gap --pronouns none`` does, for the rules' answer; the pronoun model then
scores A and B as ``eval gap`` does (binding applied). Parses, scores and answers are kept in
``--cache`` (10 minutes to make on the shared 2-core machine; under a minute after).

The combiner picks A or B; whether to answer stays the pronoun model's (its GAP threshold).
The pronoun model trained on the four fifths of development that ``train_resolver.held_out``
does not keep, so its probabilities are honest only on the held-out fifth (408 passages).
Each set of features and L2 penalty is measured by five-fold cross-validation over all 2,000
passages, grouped by passage and repeated over shuffles of the folds, and scored on the
held-out fifth's out-of-fold answers (the combiner fitted on passages the model mostly trained
on, then answering passages it did not, as it will at run time), against the model alone
there; the set chosen (the fewest columns within ``SAME`` of the best) is fitted on all 2,000
and written. Fitted on the held-out fifth alone, the combiners scored lower there. The chosen
combiner (the model's two logits and the rules' two answers) gained on the held-out fifth but
lost on GAP validation, so nothing ships (docs/evaluation.md, branch gap32).
"""

from __future__ import annotations

import argparse
import dataclasses
import json
from collections.abc import Sequence
from pathlib import Path

import numpy as np
from probe_gap import fit
from pronoun_combiner import (
    GENDER_FEATURES,
    MODEL_FEATURES,
    PRONOUN_FEATURES,
    RULES_FEATURES,
    SALIENCE_FEATURES,
    SYNTAX_FEATURES,
    Combiner,
    Pair,
    column_names,
    pair_features,
)
from spacy.tokens import DocBin

from reportedly.eval.gap import GapExample, model_names, read_gap, rules_answer
from reportedly.model import Range
from reportedly.nlp.pipeline import DEFAULT_MODEL, load_spacy
from reportedly.resolve.pronouns import SETTINGS_FILE, shipped_pronoun_dir
from reportedly.resolve.speakers import read_genders
from reportedly.resources import Resources

from train_resolver import held_out

FOLDS = 5
REPEATS = 5
PENALTIES = (1.0, 10.0)
SAME = 0.005  # held-out F1 within this of the best counts as the same


def combiner_pair(
    example: GapExample, names: list[list[Range]], probabilities: Sequence[float], rules: tuple[bool, bool]
) -> Pair:
    """The combiner's view of a passage: the model's ``probabilities`` for A and B over
    ``names`` (``model_names``: none for a barred name) and the rules' answers."""
    return Pair(
        pronoun=Range(example.pronoun_offset, example.pronoun_offset + len(example.pronoun)),
        names=(example.a.span, example.b.span),
        probabilities=(float(probabilities[0]), float(probabilities[1])),
        rules=rules,
        barred=(not names[0], not names[1]),
    )


def dump(examples: list[GapExample], cache: Path) -> None:
    """Parse every passage, answer it by the rules and score it by the model; keep all three."""
    resources = Resources.load(DEFAULT_MODEL, pronouns="shipped")
    rules = dataclasses.replace(resources, pronouns=None)
    scorer = resources.pronouns
    nlp = load_spacy(DEFAULT_MODEL)
    docs, rows = DocBin(), []
    for number, example in enumerate(examples):
        answers = rules_answer(example, nlp, rules)
        pronoun = Range(example.pronoun_offset, example.pronoun_offset + len(example.pronoun))
        doc = nlp(example.text)
        probabilities = scorer.probabilities(
            example.text, pronoun, model_names(example, doc), scorer.gap_after_pieces
        )
        docs.add(doc)
        rows.append({"id": example.id, "probabilities": [float(p) for p in probabilities], "rules": answers})
        if number % 100 == 0:
            print(f"{number} passages", flush=True)
    cache.mkdir(parents=True, exist_ok=True)
    (cache / "docs.spacy").write_bytes(docs.to_bytes())
    (cache / "rows.json").write_text(json.dumps(rows), encoding="utf-8")


def load(examples: list[GapExample], cache: Path) -> np.ndarray:
    """[N, 2, C] features of every passage, from the cache."""
    nlp = load_spacy(DEFAULT_MODEL)
    docs = list(DocBin().from_bytes((cache / "docs.spacy").read_bytes()).get_docs(nlp.vocab))
    rows = json.loads((cache / "rows.json").read_text(encoding="utf-8"))
    genders = read_genders()
    out = []
    for example, doc, row in zip(examples, docs, rows, strict=True):
        assert row["id"] == example.id
        pair = combiner_pair(example, model_names(example, doc), row["probabilities"], tuple(row["rules"]))
        out.append(pair_features(doc, pair, genders))
    return np.array(out)


def combiner(features: np.ndarray, gold: np.ndarray, used: tuple[int, ...], l2: float) -> Combiner:
    """Fitted on [N, 2, C] features (standardised) and [N, 2] gold answers."""
    x = features.reshape(-1, features.shape[2])[:, list(used)]
    mean, scale = x.mean(0), x.std(0) + 1e-6
    design = np.hstack([np.ones((len(x), 1)), (x - mean) / scale])
    return Combiner(mean, scale, fit(design, gold.reshape(-1).astype(float), l2), used)


def gap_f1(chosen: np.ndarray, gold: np.ndarray) -> float:
    tp, fp, fn = (chosen & gold).sum(), (chosen & ~gold).sum(), (~chosen & gold).sum()
    return float(2 * tp / (2 * tp + fp + fn))


def answers(scores: np.ndarray, answered: np.ndarray) -> np.ndarray:
    """[N, 2] yes or no: the better-scored name where the passage is answered."""
    chosen = np.zeros(scores.shape, dtype=bool)
    rows = np.flatnonzero(answered)
    chosen[rows, scores[rows].argmax(1)] = True
    return chosen


def cross_validated(
    features: np.ndarray, gold: np.ndarray, used: tuple[int, ...], l2: float, seed: int
) -> np.ndarray:
    """[N, 2] out-of-fold probabilities, folds by passage."""
    folds = np.random.default_rng(seed).permutation(len(features)) % FOLDS
    out = np.zeros(gold.shape)
    for fold in range(FOLDS):
        train = folds != fold
        model = combiner(features[train], gold[train], used, l2)
        test = features[~train]
        out[~train] = model.probabilities(test.reshape(-1, test.shape[2])).reshape(-1, 2)
    return out


def feature_sets() -> dict[str, tuple[int, ...]]:
    """The sets of columns compared, each a name's and the other's (and the pronoun's role)."""
    names = column_names()

    def columns(*features: str, pronoun: bool = False) -> tuple[int, ...]:
        own = [names.index(f) for f in features] + [names.index(f"other's {f}") for f in features]
        return tuple(own + ([names.index(f) for f in PRONOUN_FEATURES] if pronoun else []))

    model, rules, syntax = MODEL_FEATURES, RULES_FEATURES, SYNTAX_FEATURES
    salience, gender = SALIENCE_FEATURES, GENDER_FEATURES
    return {
        "model": columns(*model),
        "model + rules": columns(*model, *rules),
        "model + syntax": columns(*model, *syntax, pronoun=True),
        "model + rules + syntax": columns(*model, *rules, *syntax, pronoun=True),
        "model + rules + salience + gender": columns(*model, *rules, *salience, *gender),
        "all": columns(*model, *rules, *syntax, *salience, *gender, pronoun=True),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("gap", type=Path, help="gap-development.tsv")
    parser.add_argument("--cache", type=Path, required=True)
    parser.add_argument("--output", type=Path)
    parser.add_argument("--limit", type=int, help="the first passages only (a trial)")
    args = parser.parse_args()
    examples = read_gap(args.gap)[: args.limit]
    if not (args.cache / "rows.json").is_file():
        dump(examples, args.cache)
    features = load(examples, args.cache)
    gold = np.array([[e.a.coreferent, e.b.coreferent] for e in examples])
    groups = {
        "all": np.ones(len(examples), dtype=bool),
        "held-out fifth": np.array([held_out(e.id) for e in examples]),
    }
    masculine = np.array([e.gender == "masculine" for e in examples])
    settings = json.loads((shipped_pronoun_dir() / SETTINGS_FILE).read_text(encoding="utf-8"))
    threshold = float(settings["gap_threshold"])  # the model's: whether to answer stays its call
    answered = features[:, :, 0].max(1) >= float(np.log(threshold / (1 - threshold)))

    def report(label: str, chosen: np.ndarray) -> float:
        figures = {
            group: [
                gap_f1(chosen[rows & gender], gold[rows & gender]) for gender in (True, masculine, ~masculine)
            ]
            for group, rows in groups.items()
        }
        print(
            label
            + ": "
            + "; ".join(
                f"{group} F1 {f[0]:.3f} (masculine {f[1]:.3f}, feminine {f[2]:.3f})"
                for group, f in figures.items()
            ),
            flush=True,
        )
        return figures["held-out fifth"][0]

    report("the model alone", answers(features[:, :, 0], answered))
    rules = features[:, :, column_names().index("rules' answer")]
    report("the rules alone", answers(rules, rules.max(1) > 0))
    measured = []
    for label, used in feature_sets().items():
        for l2 in PENALTIES:
            runs = [
                answers(cross_validated(features, gold, used, l2, seed), answered) for seed in range(REPEATS)
            ]
            figure = float(
                np.mean(
                    [report(f"{label}, L2 {l2}, seed {seed}", chosen) for seed, chosen in enumerate(runs)]
                )
            )
            print(f"{label}, L2 {l2}: held-out fifth, mean of {REPEATS}: {figure:.3f}", flush=True)
            measured.append((figure, label, l2))
    # The fewest columns within a quarter of the fifth's standard error (about 0.02) of the best:
    # more weights fitted on 2,000 passages buy nothing the fifth can tell.
    top = max(figure for figure, _, _ in measured)
    _, label, l2 = min(
        (len(feature_sets()[label]), -figure, label, l2)
        for figure, label, l2 in measured
        if figure >= top - SAME
    )[1:]
    print(f"chosen: {label}, L2 {l2}")
    if args.output:
        model = combiner(features, gold, feature_sets()[label], l2)
        args.output.write_text(json.dumps(model.to_json(), indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
