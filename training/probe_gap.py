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

    cd training && ../.venv-train/bin/python probe_gap.py ../../shared/data/gap/gap-development.tsv \
        --inference [--models shipped OTHER_FOLDER ...] [--news EXAMPLES.json]

measures instead what inference alone changes, on the held-out fifth (and the held-out news
pronouns of the trainer's ``--cache`` file): each pronoun model as ``eval gap`` runs it (binding
and all), each passage's score averaged with the one of the passage with names A and B swapped
(``train_pronouns.swap_names``), the model with float32 activations (its int8 weights
dequantised into float MatMuls), and the models' probabilities averaged (an ensemble of models
trained on the same four fifths). About 10 minutes for two models on the shared machine.

    cd training && ../.venv/bin/python probe_gap.py ../../shared/data/gap/gap-development.tsv --stack

measures a second stage of two logistic models (issue 18, branch gap19): a cues model of the
hand features without the page title (``eval gap`` reads no URL) and ``people_between``, fitted
on the four fifths the shipped model trained on, where the cues are as honest as anywhere; and
a stack over each name's shipped logit (binding applied, as ``eval gap``) and cues logit, and
the other name's, fitted and tested by page folds on the held-out fifth. About 3 minutes.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import math
import re
from pathlib import Path
from urllib.parse import unquote

import numpy as np

from reportedly.eval.gap import GapExample, model_names, read_gap
from reportedly.model import Range
from reportedly.nlp.encoder import MODEL_FILE, TOKENIZER_FILE, shipped_encoder_dir
from reportedly.nlp.pipeline import load_spacy
from reportedly.nlp.wordpiece import WordPiece
from reportedly.resolve.pronouns import MODEL_FILE as PRONOUN_FILE
from reportedly.resolve.pronouns import encode_window, load_pronoun_model, shipped_pronoun_dir

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


def people_between(example: GapExample, doc) -> np.ndarray:
    """[2, 2]: for A and B, how many other people (spaCy PERSON names sharing no word with A or
    B; log1p) are named between the name's last mention before the pronoun (by its first or last
    word; the passage's start where it has none) and the pronoun, and whether any is: GAP's
    "neither" is most often such a third person."""
    known = {w.lower() for c in (example.a, example.b) for w in _WORDS.findall(c.name)}
    people = [
        entity.start_char
        for entity in doc.ents
        if entity.label_ == "PERSON"
        and entity.end_char <= example.pronoun_offset
        and not {w.lower() for w in _WORDS.findall(entity.text)} & known
    ]
    rows = []
    for candidate in (example.a, example.b):
        words = [w for w in _WORDS.findall(candidate.name) if len(w) > 1] or [candidate.name]
        starts = [
            match.start()
            for word in {words[0], words[-1]}
            for match in re.finditer(r"(?<!\w)" + re.escape(word) + r"(?!\w)", example.text)
            if match.start() < example.pronoun_offset
        ]
        between = sum(start > max(starts, default=-1) for start in people)
        rows.append([math.log1p(between), float(between > 0)])
    return np.array(rows)


def two_stage(examples: list[GapExample], gold: np.ndarray, folds: np.ndarray, kept: np.ndarray) -> None:
    """Held-out GAP F1 of the shipped model alone and of the second stage (above), by gender."""
    model = load_pronoun_model("shipped")
    docs = list(load_spacy().pipe((example.text for example in examples), batch_size=32))
    scores = np.array(
        [
            model.probabilities(
                e.text,
                Range(e.pronoun_offset, e.pronoun_offset + len(e.pronoun)),
                model_names(e, doc),
                model.gap_after_pieces,
            )
            for e, doc in zip(examples, docs, strict=True)
        ]
    )
    cues = np.array(
        [
            np.hstack([hand_features(e, "", doc)[:, 1:], people_between(e, doc)])
            for e, doc in zip(examples, docs, strict=True)
        ]
    )
    rows = paired(cues[~kept])
    mean, spread = rows.mean(0), rows.std(0) + 1e-6
    beta = fit(np.hstack([np.ones((len(rows), 1)), (rows - mean) / spread]), gold[~kept].reshape(-1), 1.0)
    cue_logits = (np.hstack([np.ones((2 * len(cues), 1)), (paired(cues) - mean) / spread]) @ beta).reshape(
        -1, 2
    )
    stacked = np.stack([logit(scores[kept]), cue_logits[kept]], axis=2)
    second = out_of_fold(paired(stacked), gold[kept], folds[kept], 0.3)
    second = np.where(scores[kept] > 0, second, 0.0)  # a barred name stays no
    masculine = np.array([e.gender == "masculine" for e in examples])[kept]
    for label, probabilities, thresholds in (
        ("shipped model, held-out fifth", scores[kept], (0.05,)),
        (
            "cues model alone, held-out fifth",
            np.where(scores[kept] > 0, 1 / (1 + np.exp(-cue_logits[kept])), 0),
            (0.4,),
        ),
        ("second stage, held-out fifth by page folds", second, (0.3, 0.4, 0.5)),
    ):
        for threshold in thresholds:
            figures = [
                gap_f1(probabilities[rows], gold[kept][rows], threshold)
                for rows in (np.ones_like(masculine), masculine, ~masculine)
            ]
            print(f"{label} at {threshold}: F1 / masculine / feminine {figures}")


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


def float_activations(path: Path) -> bytes:
    """The dynamic-int8 graph at ``path`` with each MatMulInteger (its input quantised per run)
    replaced by a float32 MatMul over the dequantised int8 weights: the same weights, without
    the activations' rounding."""
    import onnx
    from onnx import numpy_helper

    model = onnx.load(path)
    graph = model.graph
    weights = {tensor.name: tensor for tensor in graph.initializer}
    producer = {output: node for node in graph.node for output in node.output}
    users: dict[str, list] = {}
    for node in graph.node:
        for name in node.input:
            users.setdefault(name, []).append(node)
    dropped, replacing = set(), {}
    for node in graph.node:
        if node.op_type != "MatMulInteger":
            continue
        quantised_input = producer[node.input[0]]  # DynamicQuantizeLinear
        (cast,) = users[node.output[0]]
        (scaled,) = users[cast.output[0]]  # the product by input scale times weight scale
        scales = producer[scaled.input[1]]
        weight_scale = next(name for name in scales.input if name in weights)
        weight = numpy_helper.to_array(weights[node.input[1]]).astype(np.float32)
        zero = numpy_helper.to_array(weights[node.input[3]]).astype(np.float32)
        scale = numpy_helper.to_array(weights[weight_scale]).astype(np.float32)
        name = f"{node.input[1]}_float"
        graph.initializer.append(numpy_helper.from_array((weight - zero) * scale, name))
        replacing[node.name] = onnx.helper.make_node(
            "MatMul", [quantised_input.input[0], name], [scaled.output[0]], name=f"{node.name}_float"
        )
        dropped.update({cast.name, scaled.name, scales.name})
    nodes = [replacing.get(node.name, node) for node in graph.node if node.name not in dropped]
    del graph.node[:]
    graph.node.extend(nodes)
    return model.SerializeToString()


def inference_variants(examples: list[GapExample], folders: list[str], news_cache: Path | None) -> None:
    """Held-out GAP F1 (and news pronoun accuracy) of what inference alone can change: each
    pronoun model folder alone, with names swapped and averaged, with float32 activations, and
    the average of the folders' probabilities (an ensemble)."""
    import copy

    import onnxruntime
    from train_pronouns import news_accuracy, onnx_feed, swap_names

    kept = [example for example in examples if held_out(example.id)]
    gold = np.array([[example.a.coreferent, example.b.coreferent] for example in kept])
    docs = load_spacy().pipe((example.text for example in kept), batch_size=32)
    names = [model_names(example, doc) for example, doc in zip(kept, docs, strict=True)]
    news = json.loads(news_cache.read_text(encoding="utf-8")) if news_cache else []
    news = [example for example in news if example["held_out"] and example["source"] == "news"]
    thresholds = (0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.7)
    variants: dict[str, tuple[np.ndarray, list[np.ndarray]]] = {}
    for folder in folders:
        model = load_pronoun_model(folder)
        path = (shipped_pronoun_dir() if folder == "shipped" else Path(folder)) / PRONOUN_FILE
        floated = copy.copy(model)
        options = onnxruntime.SessionOptions()
        options.log_severity_level = 3  # quiet: the int8 initializers left unused are dropped
        floated.session = onnxruntime.InferenceSession(
            float_activations(path), options, providers=["CPUExecutionProvider"]
        )
        for label, scorer in ((folder, model), (f"{folder}, float32 activations", floated)):

            def scores(example: GapExample, spans: list[list[Range]]) -> np.ndarray:
                pronoun = Range(example.pronoun_offset, example.pronoun_offset + len(example.pronoun))
                return scorer.probabilities(example.text, pronoun, spans, scorer.gap_after_pieces)  # noqa: B023

            plain = np.array([scores(example, spans) for example, spans in zip(kept, names, strict=True)])
            swapped = plain.copy()
            for row, (example, spans) in enumerate(zip(kept, names, strict=True)):
                other = swap_names(example)
                if other is not None:  # the same names barred, at their new offsets
                    moved = [[c.span] if s else [] for c, s in zip((other.a, other.b), spans, strict=True)]
                    swapped[row] = scores(other, moved)
            news_scores = []
            for e in news:
                feed = onnx_feed(e) if e["candidates"] else None
                logits = scorer.session.run(None, feed)[0] if feed else np.zeros(0)
                present = feed["candidate_masks"].any(axis=1) if feed else np.zeros(0, dtype=bool)
                news_scores.append(np.where(present, 1 / (1 + np.exp(-logits)), 0.0))
            variants[label] = (plain, news_scores)
            variants[f"{label}, names swapped and averaged"] = ((plain + swapped) / 2, [])
    if len(folders) > 1:
        variants["the folders averaged"] = (
            np.mean([variants[folder][0] for folder in folders], axis=0),
            [
                np.mean(scores, axis=0)
                for scores in zip(*(variants[folder][1] for folder in folders), strict=True)
            ],
        )
    for label, (probabilities, news_scores) in variants.items():
        figures = {t: gap_f1(probabilities, gold, t) for t in thresholds}
        print(f"{label}: held-out GAP F1 by threshold {figures}")
        if news_scores:
            accuracy = {t: round(news_accuracy(news, news_scores, t), 3) for t in thresholds}
            print(f"{label}: held-out news pronoun accuracy {accuracy}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("gap", type=Path, help="gap-development.tsv")
    parser.add_argument("--inference", action="store_true", help="measure inference variants (above)")
    parser.add_argument(
        "--models", nargs="+", default=["shipped"], help="with --inference: pronoun model folders, or shipped"
    )
    parser.add_argument("--news", type=Path, help="with --inference: train_pronouns.py's --cache file")
    parser.add_argument("--stack", action="store_true", help="measure the two-stage model (above)")
    args = parser.parse_args()
    examples = read_gap(args.gap)
    if args.inference:
        inference_variants(examples, args.models, args.news)
        return
    with args.gap.open(encoding="utf-8", newline="") as handle:
        urls = {
            row["ID"]: unquote(row["URL"])
            for row in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        }
    gold = np.array([[example.a.coreferent, example.b.coreferent] for example in examples])
    folds = np.array([int(hashlib.sha1(urls[e.id].encode()).hexdigest(), 16) % FOLDS for e in examples])
    kept = np.array([held_out(example.id) for example in examples])
    if args.stack:
        two_stage(examples, gold, folds, kept)
        return
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
