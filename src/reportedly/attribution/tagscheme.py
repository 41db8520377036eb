"""The token tag scheme of the learned attribution tagger: BIO over cue, source and content.

PolNeAR is univocal (every token has at most one role in at most one attribution),
so an article's attributions are exactly a tag sequence over its tokens.
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from reportedly.model import Range

ROLES = ("CUE", "SOURCE", "CONTENT")
LABELS = ("O", *(f"{prefix}-{role}" for role in ROLES for prefix in ("B", "I")))
LABEL_IDS = {label: index for index, label in enumerate(LABELS)}


@dataclass(frozen=True, slots=True)
class Tagging:
    """What the tagger says of one Doc: role spans ``(role, (start, end))`` in text order.

    ``word_starts`` and ``role_probabilities`` (one row per tagged word, one column
    per role of ``ROLES``: the probability of its B- and I- tags together) say how
    sure the tagger is; ``min_confidence`` is the model's threshold below which an
    attribution made of its spans is dropped (see :meth:`confidence`).
    """

    spans: list[tuple[str, Range]]
    word_starts: Sequence[int] = ()
    role_probabilities: np.ndarray | None = None
    min_confidence: float = 0.0

    def confidence(self, role: str, ranges: Iterable[Range]) -> float:
        """The mean probability of ``role`` over the tagged words in ``ranges`` (1.0 if none)."""
        if self.role_probabilities is None:
            return 1.0
        column = ROLES.index(role)
        starts = self.word_starts
        rows = [
            row
            for start, end in ranges
            for row in range(bisect.bisect_left(starts, start), bisect.bisect_left(starts, end))
        ]
        return float(self.role_probabilities[rows, column].mean()) if rows else 1.0


def role_probabilities(probs: np.ndarray, labels: Sequence[str]) -> np.ndarray:
    """Per word, the probability of each role of ``ROLES`` (its B- and I- tags summed)."""
    return np.stack(
        [probs[:, labels.index(f"B-{role}")] + probs[:, labels.index(f"I-{role}")] for role in ROLES], axis=1
    )


def bio_tags(tokens: Sequence[Range], spans: Iterable[tuple[str, Range]]) -> list[str]:
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


def tagged_spans(tokens: Sequence[Range], tags: Sequence[str]) -> list[tuple[str, Range]]:
    """Role spans ``(role, (start, end))`` read back from a tag sequence; a stray I- starts a span."""
    spans: list[tuple[str, Range]] = []
    current: tuple[str, int, int] | None = None
    for (start, end), tag in zip(tokens, tags, strict=True):
        prefix, _, role = tag.partition("-")
        if prefix == "I" and current and current[0] == role:
            current = (role, current[1], end)
            continue
        if current:
            spans.append((current[0], Range(current[1], current[2])))
        current = (role, start, end) if prefix in ("B", "I") else None
    if current:
        spans.append((current[0], Range(current[1], current[2])))
    return spans


def allowed_transitions(labels: Sequence[str]) -> np.ndarray:
    """``allowed[a, b]``: whether tag ``b`` may follow tag ``a`` (I-X only after B-X or I-X)."""
    allowed = np.ones((len(labels), len(labels)), dtype=bool)
    for b, label in enumerate(labels):
        if label.startswith("I-"):
            role = label[2:]
            for a, previous in enumerate(labels):
                allowed[a, b] = previous in (f"B-{role}", f"I-{role}")
    return allowed


def transition_scores(tag_sequences: Iterable[Sequence[str]], labels: Sequence[str]) -> np.ndarray:
    """``scores[a, b]``: the log-probability that tag ``b`` follows tag ``a`` in gold tag
    sequences (add-one smoothed): a CRF's transition scores, estimated by counting."""
    counts = np.ones((len(labels), len(labels)))
    index = {label: i for i, label in enumerate(labels)}
    for tags in tag_sequences:
        for previous, tag in itertools.pairwise(tags):
            counts[index[previous], index[tag]] += 1
    return np.log(counts / counts.sum(axis=1, keepdims=True))


def best_tag_sequence(
    probs: np.ndarray, labels: Sequence[str], transitions: np.ndarray | None = None
) -> list[str]:
    """The most probable tag sequence that is valid BIO (Viterbi over per-token probabilities).

    Taking each token's best tag alone can leave a stray I- or break a span where one
    word is uncertain; the sequence decision keeps spans whole. ``transitions`` (weighted
    :func:`transition_scores`) add how likely each tag is after the one before: a cue
    is more often followed by a content than a source is, for example.
    """
    if len(probs) == 0:
        return []
    step_scores = np.where(allowed_transitions(labels), 0.0, -np.inf)
    if transitions is not None:
        step_scores = step_scores + transitions
    log_probs = np.log(np.clip(probs, 1e-9, 1.0))
    starts_inside = np.array([label.startswith("I-") for label in labels])
    score = np.where(starts_inside, -np.inf, log_probs[0])
    back = np.zeros((len(probs), len(labels)), dtype=np.int64)
    for index in range(1, len(probs)):
        candidates = score[:, None] + step_scores
        back[index] = candidates.argmax(0)
        score = candidates.max(0) + log_probs[index]
    best = [int(score.argmax())]
    for index in range(len(probs) - 1, 0, -1):
        best.append(int(back[index, best[-1]]))
    return [labels[i] for i in reversed(best)]


def without_edge_punctuation(
    tokens: Sequence[Range], punctuation: Sequence[bool], spans: Iterable[tuple[str, Range]]
) -> list[tuple[str, Range]]:
    """Spans shrunk to start and end on a word: "said:" is the cue "said".

    The tagger labels punctuation tokens too, but a span's bounds should be words;
    quotation marks go back on where the linking stage sees a whole quotation.
    """
    starts = [start for start, _ in tokens]
    trimmed = []
    for role, (start, end) in spans:
        first = bisect.bisect_left(starts, start)
        last = bisect.bisect_left(starts, end) - 1
        while first <= last and punctuation[first]:
            first += 1
        while last >= first and punctuation[last]:
            last -= 1
        if first <= last:
            trimmed.append((role, Range(tokens[first][0], tokens[last][1])))
    return trimmed


def split_at_line_starts(
    tokens: Sequence[Range], line_starts: Sequence[bool], spans: Iterable[tuple[str, Range]]
) -> list[tuple[str, Range]]:
    """Spans cut before each token that starts a line: a headline and the dateline below
    it are not one content."""
    starts = [start for start, _ in tokens]
    split = []
    for role, (start, end) in spans:
        first = bisect.bisect_left(starts, start)
        last = bisect.bisect_left(starts, end) - 1
        piece_start = first
        for index in range(first + 1, last + 2):
            if index > last or line_starts[index]:
                split.append((role, Range(tokens[piece_start][0], tokens[index - 1][1])))
                piece_start = index
    return split
