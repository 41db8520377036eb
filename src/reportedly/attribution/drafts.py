"""Attributions under construction (``Draft``), by character ranges, and what every step uses on them.

A draft holds its cue, source and content as character ranges, so that quotation marks,
which the parse ignores, can decide content boundaries. Here: the type, ranges from tokens,
indexes that find the ranges overlapping or holding a span, and a finished draft's
``Attribution``.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from dataclasses import dataclass

from spacy.tokens import Token

from reportedly.model import Attribution, AttributionKind, Range, Span, Speaker


@dataclass(slots=True)
class Draft:
    """An attribution under construction, by character ranges."""

    kind: AttributionKind
    cue: Range | None
    source: Range | None
    content: list[Range]
    addressee: Range | None = None
    channel: Range | None = None
    negated: bool = False
    hypothetical: bool = False
    speaker_name: str | None = None
    parent: int | None = None
    # Strong enough evidence to stand inside another attribution's content.
    reliable: bool = True
    # The tagger's confidence in it (see ``confidence``; 1.0 for what the rules found).
    confidence: float = 1.0
    # Whether the parse linked the content to the cue (not the nearest tagged content).
    content_by_parse: bool = True

    @property
    def start(self) -> int:
        return min(r.start for r in self._ranges())

    def _ranges(self) -> list[Range]:
        return [r for r in (self.cue, self.source, *self.content) if r is not None]


def char_range(tokens: list[Token]) -> Range | None:
    if not tokens:
        return None
    return Range(tokens[0].idx, tokens[-1].idx + len(tokens[-1].text))


def merge_ranges(ranges: list[Range]) -> list[Range]:
    """Sort and merge overlapping or touching ranges."""
    merged: list[Range] = []
    for start, end in sorted(ranges):
        if merged and start <= merged[-1].end:
            merged[-1] = Range(merged[-1].start, max(end, merged[-1].end))
        else:
            merged.append(Range(start, end))
    return merged


def text_of(text: str, span: Range | None) -> str | None:
    return text[span.start : span.end] if span else None


class OverlapIndex:
    """Character ranges (the parts attributions hold, say) that answer "does this span overlap
    any of them?" in logarithmic time, where a scan of them all made linking quadratic in
    the attributions of a chunk.

    It keeps the hulls of ranges that overlap one another, sorted: a span overlaps one of the
    ranges exactly when it overlaps the hull holding it, since ``Range.overlaps`` is strict (ranges
    that only touch stay apart, as do an empty range and one it starts or ends), and the
    hulls' ends rise with their starts, so the last hull that starts before the span ends is
    the only one to check.
    """

    def __init__(self, ranges: Iterable[Range] = ()) -> None:
        self._starts: list[int] = []
        self._ends: list[int] = []
        for span in ranges:
            self.add(span)

    def overlaps(self, span: Range) -> bool:
        """Whether ``span`` overlaps a range of the index."""
        last = bisect.bisect_left(self._starts, span.end) - 1
        return last >= 0 and self._ends[last] > span.start

    def add(self, span: Range) -> None:
        # The hulls span overlaps are those from ``first`` (ending after it starts) up to
        # ``stop`` (starting before it ends); they and span become one hull.
        first = bisect.bisect_right(self._ends, span.start)
        stop = bisect.bisect_left(self._starts, span.end)
        if first > stop:
            return  # an empty range the index already holds
        start = min(span.start, self._starts[first]) if first < stop else span.start
        end = max(span.end, self._ends[stop - 1]) if first < stop else span.end
        self._starts[first:stop] = [start]
        self._ends[first:stop] = [end]


class ContentIndex:
    """The content parts of drafts, to find the parts that hold a span without a scan of
    every draft's: such a part starts at most where the span starts, and at most the longest
    part's length before it ends. (One very long part makes the search as long as that scan.)
    """

    def __init__(self, drafts: list[Draft]) -> None:
        self._parts = sorted((part, owner) for owner, draft in enumerate(drafts) for part in draft.content)
        self._starts = [part.start for part, _ in self._parts]
        self._longest = max((part.length for part, _ in self._parts), default=0)

    def holding(self, span: Range) -> list[tuple[Range, int]]:
        """The parts that hold ``span``, each with the index of its draft."""
        first = bisect.bisect_left(self._starts, span.end - self._longest)
        stop = bisect.bisect_right(self._starts, span.start)
        return [(part, owner) for part, owner in self._parts[first:stop] if span.end <= part.end]


def to_attribution(draft: Draft, index: int, text: str) -> Attribution:
    def span(r: Range | None) -> Span | None:
        return Span.of(text, *r) if r else None

    return Attribution(
        id=f"a{index + 1}",
        kind=draft.kind,
        cue=span(draft.cue),
        source=span(draft.source),
        content=[Span.of(text, *part) for part in draft.content],
        speaker=Speaker(draft.speaker_name) if draft.speaker_name else None,
        addressee=span(draft.addressee),
        channel=span(draft.channel),
        parent=f"a{draft.parent + 1}" if draft.parent is not None else None,
        negated=draft.negated,
        hypothetical=draft.hypothetical,
    )
