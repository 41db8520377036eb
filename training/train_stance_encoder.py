"""Fine-tune the sentence encoder with the positions model's stance softmax, end to end.

    python training/train_stance_encoder.py eval/positions/train.jsonl \
        --train eval/positions/train2.jsonl \
        --extra eval/positions/tuning.jsonl --extra eval/positions/check.jsonl \
        --cache .run/positions [--held-out-fold 0] [--report held-out.json]

The positions model's stance softmax (``reportedly.positions.learned``) weighs the rules'
readings, the lexicons' signals, the cue's class and words, the PLOVER event and the
content's words; with ``embedding_for_stance`` also the content's MiniLM embedding, which,
fitted over the unchanged encoder, overfits (docs/positions.md). Here all-MiniLM-L6-v2 is
fine-tuned jointly with that softmax: one encoder pass embeds the statement's content (its
first ``STATEMENT_PIECES`` pieces, as at ingest), the softmax takes the embedding in its
usual columns, and the cross-entropy over the gold (issue, stance) pairs trains both; a
second loss keeps each embedding near the unchanged encoder's (1 - cosine), so that the
issue assigner, which reads the same embedding (its cosines to the issues' examples and to
the training statements), keeps its geometry. The softmax starts from the numpy fit without
the embedding (its embedding columns zero) and is penalised as that fit is. The column of
the cosine to the issue's examples is held at zero: it would move with the encoder.

The statements of fold ``--held-out-fold`` (0) of the 5 of ``train_positions.py`` (the same
permutation) are held out; the current model (the settings ``make train-positions`` chose,
refitted on the other folds and the ``--extra`` files) and the fine-tuned one (encoder,
softmax, and the issue model refitted in numpy on the fine-tuned embeddings, same settings)
are scored on them as ``eval positions`` scores: issue precision/recall/F1, stance accuracy,
macro-F1, F1 per stance, and addressees (``demanded_of``) right (the rules' addressee of a
pair read ``demands``). It writes the comparison, not a model: the fine-tuned encoder did not
beat the current model (docs/positions.md). Never run on eval/positions/gold.jsonl.
Training-only dependencies: training/requirements.txt (torch, transformers).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import numpy as np
import torch
from export_encoder import MeanPooled, export, quantise_per_piece
from train_positions import (
    SEED,
    Example,
    StanceSetting,
    examples_of,
    features_for,
    fit_chosen,
    fit_stance_path,
    folds_of,
    issue_f1,
    stance_figures,
    stance_rows,
)
from transformers import BertModel

from reportedly.eval.positions import _same_name as same_name
from reportedly.extract import Extractor
from reportedly.model import STANCE_VALUES
from reportedly.nlp.encoder import SentenceEncoder
from reportedly.positions.issues import IssueBook
from reportedly.positions.learned import VECTOR_SCALE, Features, PositionModel
from reportedly.positions.statements import (
    STATEMENT_PIECES,
    encode_together,
    rule_reading,
    statement_view,
)
from reportedly.resources import Resources

from fine_tuning import optimiser_step, report_progress
from train_tagger import encoder_dir

# The columns of the stance row (``Features.stance_row``) that hold the embedding: after the bias.
EMBEDDING_COLUMNS = slice(1, 385)


def stance_model_setting(settings: dict[str, Any]) -> StanceSetting:
    """The chosen stance setting, with the embedding's columns (filled by the encoder here)."""
    return replace(StanceSetting.of_chosen(settings["stance"]), embedding=True)


def similarity_column(width: int, issue_count: int) -> int:
    """The stance row's column of the cosine to the issue's examples: after the issue's one-hot
    and the ``against``, pattern and rules flags, before the rules' stance and its two flags."""
    return width - len(STANCE_VALUES) - 2 - 1


class StanceEncoder(torch.nn.Module):
    """The encoder (mean-pooled, L2-normalised, as exported) and the stance softmax's weights."""

    def __init__(self, weights: np.ndarray) -> None:
        super().__init__()
        self.encoder = MeanPooled(BertModel.from_pretrained(str(encoder_dir()), add_pooling_layer=False))
        self.weights = torch.nn.Parameter(torch.tensor(weights, dtype=torch.float32))

    def forward(self, ids: torch.Tensor, mask: torch.Tensor, rows: torch.Tensor, owners: torch.Tensor):
        """The statements' embeddings, and the stance logits of the pairs (``rows``, their
        embedding columns empty; ``owners``: each pair's statement in the batch)."""
        embeddings = self.encoder(ids, mask)
        filled = rows.clone()
        filled[:, EMBEDDING_COLUMNS] = embeddings[owners] * VECTOR_SCALE
        return embeddings, filled @ self.weights.T


def padded(piece_ids: list[list[int]]) -> tuple[torch.Tensor, torch.Tensor]:
    width = max(len(ids) for ids in piece_ids)
    ids = torch.zeros((len(piece_ids), width), dtype=torch.long)
    mask = torch.zeros_like(ids)
    for line, row in enumerate(piece_ids):
        ids[line, : len(row)] = torch.tensor(row)
        mask[line, : len(row)] = 1
    return ids, mask


def fine_tune(
    examples: list[Example],
    book: IssueBook,
    setting: StanceSetting,
    pieces: SentenceEncoder,
    epochs: int,
    learning_rate: float,
    anchor: float,
):
    """The fine-tuned model and the features its stance rows are of."""
    features = features_for(examples, book, None, setting)
    rows, stances = stance_rows(examples, features)
    column = similarity_column(rows.shape[1], len(book.issues))
    rows[:, EMBEDDING_COLUMNS] = 0.0
    rows[:, column] = 0.0
    # The numpy fit without the embedding (its columns zero), along the penalties' path.
    start = fit_stance_path(rows, stances, setting).astype(np.float32)
    labels = np.array([STANCE_VALUES.index(stance) for stance in stances])
    # Pairs by statement, in the examples' order.
    owners = np.array([index for index, e in enumerate(examples) for _ in e.gold.issues])
    original = np.array([e.view.vector for e in examples], dtype=np.float32)
    piece_ids = [pieces.piece_ids(e.view.text, STATEMENT_PIECES) for e in examples]
    model = StanceEncoder(start)
    penalty_scale = setting.penalty / (2 * len(rows))
    regularised = torch.ones_like(model.weights)
    regularised[:, 0] = 0.0
    frozen = torch.zeros_like(model.weights)  # the similarity column stays zero
    frozen[:, column] = 1.0
    optimizer = torch.optim.AdamW(
        [
            {"params": model.encoder.parameters(), "lr": learning_rate, "weight_decay": 0.01},
            {"params": [model.weights], "lr": 1e-3, "weight_decay": 0.0},
        ]
    )
    batch = 16
    steps = epochs * ((len(examples) + batch - 1) // batch)
    schedule = torch.optim.lr_scheduler.LambdaLR(optimizer, lambda step: max(0.0, 1 - step / steps))
    rows_t, labels_t = torch.tensor(rows, dtype=torch.float32), torch.tensor(labels)
    original_t = torch.tensor(original)
    started = time.time()
    order = list(range(len(examples)))
    generator = random.Random(SEED)
    model.train()
    for epoch in range(epochs):
        generator.shuffle(order)
        for first in range(0, len(order), batch):
            chosen = order[first : first + batch]
            position = {index: place for place, index in enumerate(chosen)}
            pairs = [p for p, owner in enumerate(owners) if owner in position]
            ids, mask = padded([piece_ids[i] for i in chosen])
            pair_owners = torch.tensor([position[int(owners[p])] for p in pairs], dtype=torch.long)
            embeddings, logits = model(ids, mask, rows_t[pairs], pair_owners)
            loss = anchor * (1 - (embeddings * original_t[chosen]).sum(dim=1)).mean()
            if pairs:
                loss = (
                    loss + torch.nn.functional.cross_entropy(logits, labels_t[pairs], reduction="sum") / batch
                )
            loss = loss + penalty_scale * ((model.weights * regularised) ** 2).sum() * len(pairs) / batch
            optimiser_step(loss, model, optimizer, schedule)
            with torch.no_grad():
                model.weights.mul_(1 - frozen)
            if (first // batch) % 20 == 0:
                report_progress(f"epoch {epoch + 1} batch {first // batch}", loss, started)
    model.eval()
    return model, features


def export_encoder(model: StanceEncoder, output: Path) -> SentenceEncoder:
    """The fine-tuned encoder as int8 ONNX in ``output`` (the shipped encoder's form)."""
    output.mkdir(parents=True, exist_ok=True)
    (output / "tokenizer.json").write_bytes((encoder_dir() / "tokenizer.json").read_bytes())
    full = export(output, model.encoder.encoder)
    quantise_per_piece(full, output / "model.int8.onnx")
    full.unlink()
    return SentenceEncoder(output)


def re_embedded(examples: list[Example], book: IssueBook, encoder: SentenceEncoder) -> list[Example]:
    """The examples as the fine-tuned encoder sees them: their embeddings, their cosines to the
    issues' examples (``book`` embedded by it) and, for a statement neither its content's nor
    its sentence's patterns place, the closest issue if close enough."""
    vectors = encode_together(encoder, [e.view.text for e in examples])
    found = []
    for example, vector in zip(examples, vectors, strict=True):
        statement = example.statement
        about = [(issue, match, 1.0) for issue, match in book.about(statement.text)]
        if not about:
            about = [(issue, None, 1.0) for issue, _match in book.about(statement.sentence.text)]
        if not about and (closest := book.closest(vector)):
            about = [(closest[0], None, closest[1])]
        found.append(replace(example, view=statement_view(statement, about, vector, book)))
    return found


def scored(model: PositionModel, examples: list[Example], book: IssueBook) -> dict[str, Any]:
    """The model's figures on ``examples``, as ``eval positions`` scores them; ``demanded_of``
    as the rules' addressee of a pair the model reads ``demands``."""
    by_name = {issue.name: issue for issue in book.issues}
    sets, pairs = [], []
    addressees: Counter[str] = Counter()
    for example in examples:
        sets.append({name for name, _p in model.issues_of(example.view)})
        for item in example.gold.issues:
            issue = by_name[item.issue]
            reading, start = rule_reading(example.statement, issue, issue.first_match(example.statement.text))
            stance = model.stance_on(example.view, item.issue, reading, issue.against)
            pairs.append((item.stance, stance))
            if item.demanded_of:
                addressees["gold"] += 1
                window = example.statement.text[start:]
                named = reading.demanded_of
                addressees["right"] += bool(
                    stance == "demands"
                    and named
                    and same_name(item.demanded_of, window[named.start : named.end])
                )
    per_class = {}
    for value in STANCE_VALUES:
        tp = sum(1 for g, s in pairs if g == value == s)
        fp = sum(1 for g, s in pairs if s == value != g)
        fn = sum(1 for g, s in pairs if g == value != s)
        per_class[value] = round(2 * tp / (2 * tp + fp + fn), 3) if tp + fp + fn else None
    return (
        issue_f1(sets, examples)
        | stance_figures(pairs)
        | {"stance_f1": per_class, "demanded_of_right": f"{addressees['right']} of {addressees['gold']}"}
    )


def positions_model(
    fitted: StanceEncoder | None,
    training: list[Example],
    book: IssueBook,
    settings: dict[str, Any],
    features: Features | None,
) -> PositionModel:
    """The current settings' model fitted on ``training``, with the fine-tuned stance weights."""
    model = fit_chosen(training, book, settings)
    if fitted is None or features is None:
        return model
    # The issue model as chosen, over the fine-tuned embeddings; the stance softmax the jointly
    # trained one (its features: the same blocks with the embedding).
    issue_features = model.features
    features.exemplars = issue_features.exemplars
    features.exemplar_issues = issue_features.exemplar_issues
    features.embedding_for_issues = issue_features.embedding_for_issues
    features.centroids = issue_features.centroids
    model.features = features
    model.stance_weights = fitted.weights.detach().numpy().astype(np.float64)
    model.override = 0.0
    return model


@dataclass
class HeldOut:
    """What a comparison on held-out statements needs: the loaded resources, the settings
    ``make train-positions`` chose, the statements trained on and those scored, and the
    report so far (the current model's figures on the scored ones)."""

    resources: Resources
    settings: dict[str, Any]
    training: list[Example]
    tested: list[Example]
    report: dict[str, Any]


def held_out_parser(description: str) -> argparse.ArgumentParser:
    """The arguments of a comparison on held-out statements (this script's and
    train_stance_cross.py's): the training files, the settings, the fold or file held out."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("train", type=Path)
    parser.add_argument("--train", dest="more", type=Path, action="append", default=[])
    parser.add_argument("--extra", type=Path, action="append", default=[])
    parser.add_argument("--cache", type=Path)
    parser.add_argument(
        "--settings",
        type=Path,
        default=Path("src/reportedly/data/models/positions-cv.json"),
        help="the settings make train-positions chose",
    )
    parser.add_argument("--held-out-fold", type=int, default=0, help="the fold of 5 scored")
    parser.add_argument(
        "--held-out", type=Path, help="score this file instead of a fold, fitted on every other"
    )
    parser.add_argument("--epochs", type=int, default=3)
    parser.add_argument("--report", type=Path)
    return parser


def held_out(args: argparse.Namespace) -> HeldOut:
    """The statements of fold ``--held-out-fold`` of the 5 of ``train_positions.py`` (the same
    permutation of the ``train`` files' statements), or of ``--held-out``, held out; the
    current model refitted on the others and the ``--extra`` files, scored on them."""
    if any("gold" in path.name for path in [args.train, *args.more, *args.extra]):
        sys.exit(f"{sys.argv[0]}: the gold file is the blind test; train on train.jsonl")
    torch.manual_seed(SEED)
    torch.set_num_threads(2)
    resources = Resources.load(positions="none")
    extractor = Extractor.from_resources(resources)
    book = resources.issues
    settings = json.loads(args.settings.read_text())["chosen"]
    examples = [
        e for path in [args.train, *args.more] for e in examples_of(path, extractor, book, args.cache)
    ]
    extra = [e for path in args.extra for e in examples_of(path, extractor, book, args.cache)]
    if args.held_out:
        training, tested = examples + extra, examples_of(args.held_out, extractor, book, args.cache)
    else:
        held = set(folds_of(len(examples))[args.held_out_fold].tolist())
        training = [e for i, e in enumerate(examples) if i not in held] + extra
        tested = [e for i, e in enumerate(examples) if i in held]
    where = str(args.held_out) if args.held_out else f"fold {args.held_out_fold}"
    report: dict[str, Any] = {
        "command": " ".join(sys.argv),
        "held_out": {"statements": where, "scored": len(tested), "training": len(training)},
        "current": scored(positions_model(None, training, book, settings, None), tested, book),
    }
    print(json.dumps(report["current"]), file=sys.stderr, flush=True)
    return HeldOut(resources, settings, training, tested, report)


def write_report(report: dict[str, Any], path: Path | None) -> None:
    if path:
        path.write_text(json.dumps(report, indent=1) + "\n")
    print(json.dumps(report, indent=1))


def main() -> None:
    parser = held_out_parser(__doc__.splitlines()[0])
    parser.add_argument("--learning-rate", type=float, default=6e-5)
    parser.add_argument(
        "--anchor", type=float, default=10.0, help="the weight of 1 - cosine to the unchanged"
    )
    args = parser.parse_args()
    held = held_out(args)
    book, encoder = held.resources.issues, held.resources.encoder
    assert encoder is not None
    fitted, features = fine_tune(
        held.training,
        book,
        stance_model_setting(held.settings),
        encoder,
        args.epochs,
        args.learning_rate,
        args.anchor,
    )
    with tempfile.TemporaryDirectory() as scratch:
        tuned = export_encoder(fitted, Path(scratch))
        book.embed_examples(tuned)
        model = positions_model(
            fitted, re_embedded(held.training, book, tuned), book, held.settings, features
        )
        held.report["fine_tuned"] = scored(model, re_embedded(held.tested, book, tuned), book)
    write_report(held.report, args.report)


if __name__ == "__main__":
    main()
