"""The training step the fine-tuning scripts share (train_tagger.py, train_pronouns.py)."""

from __future__ import annotations

import sys
import time

import torch


def optimiser_step(loss: torch.Tensor, model: torch.nn.Module, optimizer, schedule) -> None:
    """Back-propagate ``loss``, clip the gradient's norm to 1 (fine-tuning a transformer on
    small batches is otherwise unstable), step the optimiser and its learning-rate schedule."""
    loss.backward()
    torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
    optimizer.step()
    schedule.step()
    optimizer.zero_grad()


def report_progress(where: str, loss: torch.Tensor, started: float) -> None:
    """One progress line on stderr: where training is, the batch's loss, seconds so far."""
    print(f"{where} loss {loss.item():.4f} {time.time() - started:.0f}s", file=sys.stderr, flush=True)
