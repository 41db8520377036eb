"""A text with spans marked as HTML elements, from character offsets.

Attributions nest (a reported statement inside another's content) and may cross (one's
source running into another's content); HTML elements may only nest. The spans are opened
outermost first at each offset, and one that must close while others opened inside it are
still open closes them first and reopens them after it: a crossing span becomes several
elements, each with the same data attributes, whose texts joined are the span's text."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from markupsafe import Markup, escape

# At one offset and length, the element outside comes first: a content holds its cue, and a
# source beside it.
_PART_ORDER = {"content": 0, "source": 1, "cue": 2}


@dataclass(frozen=True, slots=True)
class Span:
    """One marked part of an attribution: ``part`` is cue, source or content (``index``:
    which content part), ``classes`` the CSS classes beside the part's (the speaker's
    colour), ``label`` a plain-text summary for the element's title."""

    start: int
    end: int
    attribution: str
    part: str
    index: int = 0
    classes: str = ""
    label: str = ""
    focusable: bool = False


def marked_text(text: str, spans: Iterable[Span], anchor_prefix: str = "") -> Markup:
    """``text`` escaped, each span of ``spans`` inside it a ``<mark>`` (or several, where it
    crosses another). Spans outside the text or empty are left out. ``anchor_prefix`` goes
    before the id of the element describing each attribution (``aria-describedby``)."""
    kept = [span for span in spans if 0 <= span.start < span.end <= len(text)]
    opening = sorted(kept, key=lambda span: (span.start, -span.end, _PART_ORDER.get(span.part, 3)))
    points = sorted({0, len(text)} | {span.start for span in kept} | {span.end for span in kept})
    pieces: list[str] = []
    open_spans: list[Span] = []  # innermost last
    opened: set[Span] = set()  # spans whose first element is written (the focusable one)
    next_to_open = 0
    position = 0

    def open_tag(span: Span) -> str:
        first = span not in opened
        opened.add(span)
        return _open_tag(span, first, anchor_prefix)

    for point in points:
        pieces.append(str(escape(text[position:point])))
        position = point
        ending = [span for span in open_spans if span.end == point]
        if ending:
            reopen = []
            while ending:
                inner = open_spans.pop()
                pieces.append("</mark>")
                if inner in ending:
                    ending.remove(inner)
                else:
                    reopen.append(inner)
            # Outermost first, so that the reopened spans nest as they would have.
            for span in sorted(reopen, key=lambda span: -span.end):
                pieces.append(open_tag(span))
                open_spans.append(span)
        while next_to_open < len(opening) and opening[next_to_open].start == point:
            span = opening[next_to_open]
            pieces.append(open_tag(span))
            open_spans.append(span)
            next_to_open += 1
    return Markup("".join(pieces))


def _open_tag(span: Span, first: bool, anchor_prefix: str) -> str:
    classes = " ".join(filter(None, (span.part, span.classes)))
    attributes = [
        f'class="{escape(classes)}"',
        f'data-attribution="{escape(span.attribution)}"',
        f'data-part="{escape(span.part)}"',
    ]
    if span.part == "content":
        attributes.append(f'data-index="{span.index}"')
    if span.label:
        attributes.append(f'title="{escape(span.label)}"')
    attributes.append(f'aria-describedby="{escape(anchor_prefix)}attribution-{escape(span.attribution)}"')
    if span.focusable and first:
        attributes.append('tabindex="0"')
    return f"<mark {' '.join(attributes)}>"
