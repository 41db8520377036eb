"""Measure what could be added to the pronoun model on GAP, by cross-validation on GAP
development alone (never on validation): hand features, frozen all-MiniLM-L6-v2 token states,
and both stacked on the shipped model's scores.

    cd training && ../.venv-train/bin/python probe_gap.py ../../shared/data/gap/gap-development.tsv

(the training venv, ``make .venv-train/.installed``, for ``onnx``: the sentence encoder's
graph gains its last three layers' token states as outputs, in memory; no second model file.
About 6 minutes on the shared 2-core machine.)

Folds are by a hash of the passage's Wikipedia page (URL), so passages of one page never
train and test each other. The shipped model was trained on the four fifths of development
that ``train_resolver.held_out`` does not keep, so its scores are honest only on the held-out
fifth (408 passages): every stack over them is fitted and tested on that fifth alone. A
candidate's logistic model sees its own features and the other candidate's; the better of A
and B is answered yes when its probability reaches the threshold (GAP's F1 over the pairs).
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import math
import re
from pathlib import Path
from urllib.parse import unquote

import numpy as np

from reportedly.eval.gap import GapExample, read_gap
from reportedly.model import Range
from reportedly.nlp.encoder import MODEL_FILE, TOKENIZER_FILE, shipped_encoder_dir
from reportedly.nlp.pipeline import load_spacy
from reportedly.nlp.wordpiece import WordPiece
from reportedly.resolve.pronouns import encode_window, load_pronoun_model

from train_resolver import held_out

FOLDS = 5
LAYERS = (3, 4, 5)  # of the encoder's six, their outputs mean-pooled over a mention's pieces
STATE = "/encoder/encoder/layer.{}/output/LayerNorm/LayerNormalization_output_0"
SUBJECTS = frozenset({"nsubj", "nsubjpass"})
_WORDS = re.compile(r"[^\W\d_]+")


def _root(doc, start: int, end: int):
    """The syntactic head of the words over [start, end)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    return span.root if span is not None else next(t for t in doc if t.idx + len(t) > start)


def hand_features(example: GapExample, url: str, doc) -> np.ndarray:
    """[2, F]: for A and B, the share of the name's words in the page's title, how often its
    first and last words occur, whether it comes before the pronoun, the log distance,
    whether it is in the pronoun's sentence, a subject (and the pronoun too), a possessor,
    an object or apposition, the earlier name, at the passage's start."""
    title = {w.lower() for w in _WORDS.findall(url.rsplit("/", 1)[-1].replace("_", " "))}
    text = example.text.lower()
    pronoun = doc.char_span(
        example.pronoun_offset, example.pronoun_offset + len(example.pronoun), "expand"
    ).root
    rows = []
    for candidate, other in ((example.a, example.b), (example.b, example.a)):
        words = [w.lower() for w in _WORDS.findall(candidate.name) if len(w) > 1] or [candidate.name.lower()]
        root = _root(doc, candidate.offset, candidate.offset + len(candidate.name))

        def count(word: str) -> float:
            return math.log1p(len(re.findall(r"\b" + re.escape(word) + r"\b", text)))

        rows.append(
            [
                sum(w in title for w in words) / len(words),
                count(words[0]),
                count(words[-1]),
                float(candidate.offset < example.pronoun_offset),
                math.log1p(abs(example.pronoun_offset - candidate.offset)) / 5,
                float(root.sent.start == pronoun.sent.start),
                float(root.dep_ in SUBJECTS),
                float(root.dep_ in SUBJECTS and pronoun.dep_ in SUBJECTS),
                float(root.dep_ == "poss"),
                float(root.dep_ in {"dobj", "pobj", "appos", "conj"}),
                float(candidate.offset < other.offset),
                float(candidate.offset < 5),
            ]
        )
    return np.array(rows)


def token_state_features(examples: list[GapExample], after_pieces: int) -> np.ndarray:
    """[N, 2, D]: for A and B, the product of the pronoun's and the name's pooled frozen token
    states, and their cosine, per layer (a window as the pronoun model reads it)."""
    import onnx
    import onnxruntime

    graph = onnx.load(shipped_encoder_dir() / MODEL_FILE)
    for layer in LAYERS:
        graph.graph.output.append(
            onnx.helper.make_tensor_value_info(STATE.format(layer), onnx.TensorProto.FLOAT, None)
        )
    session = onnxruntime.InferenceSession(graph.SerializeToString())
    pieces = WordPiece.from_file(shipped_encoder_dir() / TOKENIZER_FILE)
    out = []
    for example in examples:
        pronoun = Range(example.pronoun_offset, example.pronoun_offset + len(example.pronoun))
        names = [[Range(c.offset, c.offset + len(c.name))] for c in (example.a, example.b)]
        window = encode_window(pieces, example.text, pronoun, names, after_pieces=after_pieces)
        ids = np.array([window.ids], dtype=np.int64)
        states = session.run(None, {"input_ids": ids, "attention_mask": np.ones_like(ids)})[1:]
        rows = []
        for mask in window.candidate_masks:
            row = []
            for state in states:
                p = window.pronoun_mask @ state[0] / max(window.pronoun_mask.sum(), 1.0)
                c = mask @ state[0] / max(mask.sum(), 1.0)
                row.extend([*(p * c), p @ c / (np.linalg.norm(p) * np.linalg.norm(c) + 1e-9)])
            rows.append(row)
        out.append(rows)
    return np.array(out)


def paired(features: np.ndarray) -> np.ndarray:
    """[N, 2, F] -> [2N, 2F]: each candidate's features, then the other's."""
    return np.concatenate([features, features[:, ::-1]], axis=2).reshape(-1, 2 * features.shape[2])


def fit(x: np.ndarray, y: np.ndarray, l2: float) -> np.ndarray:
    """Logistic regression by Newton's method, L2 on all but the bias (the first column)."""
    beta = np.zeros(x.shape[1])
    penalty = np.full(x.shape[1], l2)
    penalty[0] = 0.0
    for _ in range(50):
        p = 1.0 / (1.0 + np.exp(-(x @ beta)))
        hessian = (x * (p * (1 - p))[:, None]).T @ x + np.diag(penalty + 1e-6)
        step = np.linalg.solve(hessian, x.T @ (p - y) + penalty * beta)
        beta -= step
        if np.abs(step).max() < 1e-7:
            break
    return beta


def out_of_fold(x: np.ndarray, gold: np.ndarray, folds: np.ndarray, l2: float) -> np.ndarray:
    """[N, 2] probabilities, each passage's from a model fitted on the other folds (standardised there)."""
    probabilities = np.zeros(len(x))
    pair_folds = np.repeat(folds, 2)
    for fold in range(FOLDS):
        train, test = pair_folds != fold, pair_folds == fold
        mean, spread = x[train].mean(0), x[train].std(0) + 1e-6

        def design(rows: np.ndarray) -> np.ndarray:
            return np.hstack([np.ones((len(rows), 1)), (rows - mean) / spread])  # noqa: B023

        beta = fit(design(x[train]), gold.reshape(-1)[train].astype(float), l2)
        probabilities[test] = 1.0 / (1.0 + np.exp(-(design(x[test]) @ beta)))
    return probabilities.reshape(-1, 2)


def gap_f1(probabilities: np.ndarray, gold: np.ndarray, threshold: float) -> float:
    best = probabilities.argmax(1)
    chosen = np.zeros_like(gold)
    answered = probabilities[np.arange(len(best)), best] >= threshold
    chosen[np.arange(len(best))[answered], best[answered]] = True
    tp, fp, fn = (chosen & gold).sum(), (chosen & ~gold).sum(), (~chosen & gold).sum()
    return round(float(2 * tp / (2 * tp + fp + fn)), 3)


def logit(p: np.ndarray) -> np.ndarray:
    p = np.clip(p, 1e-4, 1 - 1e-4)
    return np.log(p / (1 - p))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("gap", type=Path, help="gap-development.tsv")
    args = parser.parse_args()
    examples = read_gap(args.gap)
    with args.gap.open(encoding="utf-8", newline="") as handle:
        urls = {
            row["ID"]: unquote(row["URL"])
            for row in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        }
    gold = np.array([[example.a.coreferent, example.b.coreferent] for example in examples])
    folds = np.array([int(hashlib.sha1(urls[e.id].encode()).hexdigest(), 16) % FOLDS for e in examples])
    kept = np.array([held_out(example.id) for example in examples])
    model = load_pronoun_model("shipped")
    shipped = np.array(
        [
            model.probabilities(
                e.text,
                Range(e.pronoun_offset, e.pronoun_offset + len(e.pronoun)),
                [[Range(c.offset, c.offset + len(c.name))] for c in (e.a, e.b)],
                model.gap_after_pieces,
            )
            for e in examples
        ]
    )
    nlp = load_spacy()
    docs = nlp.pipe((example.text for example in examples), batch_size=32)
    hand = np.array([hand_features(e, urls[e.id], doc) for e, doc in zip(examples, docs, strict=True)])
    states = token_state_features(examples, model.gap_after_pieces)
    thresholds = (0.05, 0.2, 0.3, 0.4, 0.5)

    def report(label: str, probabilities: np.ndarray, rows: np.ndarray) -> None:
        figures = {t: gap_f1(probabilities, gold[rows], t) for t in thresholds}
        print(f"{label}: GAP F1 by threshold {figures}")

    report("shipped model, held-out fifth (408)", shipped[kept], kept)
    every = np.ones(len(examples), dtype=bool)
    report("hand features, all 2,000 (5 folds)", out_of_fold(paired(hand), gold, folds, 1.0), every)
    report("hand without the page title", out_of_fold(paired(hand[:, :, 1:]), gold, folds, 1.0), every)
    both = np.concatenate([states, hand], axis=2)
    frozen = out_of_fold(paired(both), gold, folds, 3000.0)
    report("frozen token states + hand features, all 2,000", frozen, every)
    scores = logit(shipped[kept])[:, :, None]
    report(
        "held-out: stack of the shipped logit alone",
        out_of_fold(paired(scores), gold[kept], folds[kept], 1.0),
        kept,
    )
    with_hand = np.concatenate([scores, hand[kept]], axis=2)
    report(
        "held-out: stack of the logit + hand",
        out_of_fold(paired(with_hand), gold[kept], folds[kept], 10.0),
        kept,
    )
    with_frozen = np.concatenate([scores, logit(frozen[kept])[:, :, None]], axis=2)
    report(
        "held-out: stack of the logit + frozen",
        out_of_fold(paired(with_frozen), gold[kept], folds[kept], 1.0),
        kept,
    )


if __name__ == "__main__":
    main()
