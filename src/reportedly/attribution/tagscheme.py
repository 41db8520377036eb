"""The token tag scheme of the learned attribution tagger: BIO over cue, source and content.

PolNeAR is univocal (every token has at most one role in at most one attribution),
so an article's attributions are exactly a tag sequence over its tokens.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

ROLES = ("CUE", "SOURCE", "CONTENT")
LABELS = ("O", *(f"{prefix}-{role}" for role in ROLES for prefix in ("B", "I")))
LABEL_IDS = {label: index for index, label in enumerate(LABELS)}

Offsets = tuple[int, int]


@dataclass(frozen=True, slots=True)
class Tagging:
    """What the tagger says of one Doc.

    ``spans``: role spans ``(role, (start, end))`` read from the best tag of each token;
    ``role_probs``: for each Doc token (by index) and role in ``ROLES``, the probability
    that the token lies in a span of that role (B- plus I-); zero for whitespace tokens.
    """

    spans: list[tuple[str, Offsets]]
    role_probs: np.ndarray

    def role_prob(self, token_index: int, role: str) -> float:
        return float(self.role_probs[token_index, ROLES.index(role)])


def bio_tags(tokens: Sequence[Offsets], spans: Iterable[tuple[str, Offsets]]) -> list[str]:
    """Tags for ``tokens`` (character ranges) given role spans ``(role, (start, end))``.

    A token takes a role when it lies inside the span; each span part starts with B-.
    """
    tags = ["O"] * len(tokens)
    starts = [start for start, _ in tokens]
    for role, (start, end) in sorted(spans, key=lambda item: item[1]):
        first = True
        index = bisect.bisect_left(starts, start)
        while index < len(tokens) and tokens[index][1] <= end:
            tags[index] = f"{'B' if first else 'I'}-{role}"
            first = False
            index += 1
    return tags


def tagged_spans(tokens: Sequence[Offsets], tags: Sequence[str]) -> list[tuple[str, Offsets]]:
    """Role spans ``(role, (start, end))`` read back from a tag sequence; a stray I- starts a span."""
    spans: list[tuple[str, Offsets]] = []
    current: tuple[str, int, int] | None = None
    for (start, end), tag in zip(tokens, tags, strict=True):
        prefix, _, role = tag.partition("-")
        if prefix == "I" and current and current[0] == role:
            current = (role, current[1], end)
            continue
        if current:
            spans.append((current[0], (current[1], current[2])))
        current = (role, start, end) if prefix in ("B", "I") else None
    if current:
        spans.append((current[0], (current[1], current[2])))
    return spans
