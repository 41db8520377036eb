"""Compare a cross-encoder stance classifier with the positions model's stance softmax.

    python training/train_stance_cross.py eval/positions/train.jsonl \
        --train eval/positions/train2.jsonl \
        --extra eval/positions/tuning.jsonl --extra eval/positions/check.jsonl \
        --extra eval/positions/train3.jsonl --extra eval/positions/train4.jsonl \
        --extra eval/positions/train8.jsonl --extra eval/positions/train9.jsonl \
        --cache .run/positions [--held-out-fold 0 | --held-out eval/positions/train10.jsonl] \
        [--epochs 3] [--report held-out.json]

The positions model reads a stance from the rules' readings, lexicon signals and bags of the
cue's and content's words (``reportedly.positions.learned``): whether "lift" turns against
sanctions or "accused Russia of breaking the truce" supports the truce is left to words
counted apart from the issue they are said of. A cross-encoder reads the issue and the
statement together: all-MiniLM-L6-v2 fine-tuned on pairs (the issue's name and definition;
the statement's sentence with its content between guillemets) with a softmax over the five
stances on the mean of its last states. Scored on the held-out fold of ``train_positions.py``
(the same permutation) or a held-out file, beside the current model refitted on the rest, as
``eval positions`` scores stance: every gold (statement, issue) pair. It writes the
comparison, not a model (docs/positions.md has the figures). Never run on the gold.
Training-only dependencies: training/requirements.txt (torch, transformers).
"""

from __future__ import annotations

import random
import time

import numpy as np
import torch
from train_positions import SEED, Example, stance_figures
from train_stance_encoder import held_out, held_out_parser, write_report
from transformers import AutoTokenizer, BertModel

from reportedly.model import STANCE_VALUES
from reportedly.positions.issues import Issue, IssueBook

from fine_tuning import optimiser_step, report_progress
from train_tagger import encoder_dir

MAX_PIECES = 128


def issue_text(issue: Issue) -> str:
    return f"{issue.name.replace('_', ' ')}: {issue.definition}"


def statement_text(example: Example) -> str:
    """The statement's sentence with its content between guillemets: the cue and what the
    sentence says around the content turn its stance ("ruled out", "accused X of breaking")."""
    statement = example.statement
    sentence = statement.sentence
    first, last = statement.evidence[0], statement.evidence[-1]
    start, end = max(first.start, sentence.start), min(last.end, sentence.end)
    if start >= end:
        return f"« {statement.text} »"
    text, first_at, last_at = sentence.text, start - sentence.start, end - sentence.start
    return f"{text[:first_at]}« {text[first_at:last_at]} »{text[last_at:]}"


class CrossStance(torch.nn.Module):
    def __init__(self) -> None:
        super().__init__()
        self.encoder = BertModel.from_pretrained(str(encoder_dir()), add_pooling_layer=False)
        self.dropout = torch.nn.Dropout(0.1)
        self.head = torch.nn.Linear(self.encoder.config.hidden_size, len(STANCE_VALUES))

    def forward(self, ids: torch.Tensor, mask: torch.Tensor, types: torch.Tensor) -> torch.Tensor:
        states = self.encoder(input_ids=ids, attention_mask=mask, token_type_ids=types).last_hidden_state
        weights = mask.unsqueeze(-1).float()
        pooled = (states * weights).sum(1) / weights.sum(1)
        return self.head(self.dropout(pooled))


def pairs_of(examples: list[Example], book: IssueBook) -> list[tuple[str, str, int]]:
    by_name = {issue.name: issue for issue in book.issues}
    return [
        (issue_text(by_name[item.issue]), statement_text(e), STANCE_VALUES.index(item.stance))
        for e in examples
        for item in e.gold.issues
    ]


def encoded(tokenizer, pairs: list[tuple[str, str, int]]) -> tuple[torch.Tensor, ...]:
    """The pieces, mask and segments of (issue, statement) pairs, the statement cut to fit."""
    batch = tokenizer(
        [issue for issue, _statement, _label in pairs],
        [statement for _issue, statement, _label in pairs],
        truncation="only_second",
        max_length=MAX_PIECES,
        padding=True,
        return_tensors="pt",
    )
    return batch["input_ids"], batch["attention_mask"], batch["token_type_ids"]


def fine_tune(pairs, tokenizer, epochs: int, learning_rate: float) -> CrossStance:
    model = CrossStance()
    optimizer = torch.optim.AdamW(
        [
            {"params": model.encoder.parameters(), "lr": learning_rate, "weight_decay": 0.01},
            {"params": model.head.parameters(), "lr": 1e-3, "weight_decay": 0.0},
        ]
    )
    batch = 16
    steps = epochs * ((len(pairs) + batch - 1) // batch)
    warm = max(1, steps // 10)
    schedule = torch.optim.lr_scheduler.LambdaLR(
        optimizer, lambda step: min(1.0, (step + 1) / warm) * max(0.0, 1 - step / steps)
    )
    order = list(range(len(pairs)))
    generator = random.Random(SEED)
    started = time.time()
    model.train()
    for epoch in range(epochs):
        generator.shuffle(order)
        for first in range(0, len(order), batch):
            chosen = [pairs[i] for i in order[first : first + batch]]
            logits = model(*encoded(tokenizer, chosen))
            loss = torch.nn.functional.cross_entropy(
                logits, torch.tensor([label for _issue, _statement, label in chosen])
            )
            optimiser_step(loss, model, optimizer, schedule)
            if (first // batch) % 20 == 0:
                report_progress(f"epoch {epoch + 1} batch {first // batch}", loss, started)
    model.eval()
    return model


def predicted(model: CrossStance, tokenizer, pairs) -> np.ndarray:
    probabilities = []
    with torch.no_grad():
        for first in range(0, len(pairs), 32):
            logits = model(*encoded(tokenizer, pairs[first : first + 32]))
            probabilities.append(torch.softmax(logits, dim=-1).numpy())
    return np.concatenate(probabilities)


def main() -> None:
    parser = held_out_parser(__doc__.splitlines()[0])
    parser.add_argument("--learning-rate", type=float, default=4e-5)
    args = parser.parse_args()
    held = held_out(args)
    book = held.resources.issues
    tokenizer = AutoTokenizer.from_pretrained(str(encoder_dir()))
    model = fine_tune(pairs_of(held.training, book), tokenizer, args.epochs, args.learning_rate)
    tested = pairs_of(held.tested, book)
    probabilities = predicted(model, tokenizer, tested)
    gold = [STANCE_VALUES[label] for _issue, _statement, label in tested]
    cross = [STANCE_VALUES[int(i)] for i in probabilities.argmax(1)]
    held.report["cross"] = stance_figures(list(zip(gold, cross, strict=True)))
    write_report(held.report, args.report)


if __name__ == "__main__":
    main()
