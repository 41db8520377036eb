"""Find quotations by their quote marks, straight or curly, across paragraphs.

News style opens each paragraph of a multi-paragraph quote with a quote mark
and closes only the last one; a paragraph left open whose successor opens with
a quote mark therefore continues the same quotation. Some archives write a double
quote as two apostrophes (''...'') or as two backquotes and two apostrophes
(``...''): those marks count as one. A quotation opened with a curly mark may close
with a straight one, and the reverse, as edited and scraped copy often has it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_CLOSER_FOR = {"“": "”", '"': '"', "«": "»", "„": "“", "''": "''", "``": "''"}
_STRAIGHT = ('"', "''")  # the same mark opens and closes
# Scraped and edited copy often mixes the two styles within one quotation ('“... with the
# FBI," Chaffetz said', '"We will,” she said'): a double quotation opened with one style
# may close with the other's closing mark, unless that mark opened a quotation inside it.
_OTHER_STYLE = {"“": '"', '"': "“"}
_WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class Quote:
    """A quotation, quote marks included: ``text[start:end]``."""

    start: int
    end: int
    words: int
    opens_paragraph: bool


def _opens(text: str, index: int) -> bool:
    """A straight quote opens when it follows a line start, a space or an opening bracket or dash."""
    return index == 0 or text[index - 1] in " \t\n([{—–-/"


def _can_open(text: str, index: int, mark: str) -> bool:
    """Whether ``mark`` at ``index`` opens a quotation: a straight mark only where one opens."""
    return mark not in _STRAIGHT or _opens(text, index)


def _mark_at(text: str, index: int) -> str:
    """The opening quote mark at ``index`` (two characters for '' and ``), or ""."""
    pair = text[index : index + 2]
    if pair in _CLOSER_FOR:
        return pair
    return text[index] if text[index] in _CLOSER_FOR else ""


def _scan_paragraph(text: str, start: int, end: int) -> tuple[list[tuple[int, int]], int | None]:
    """Closed quotes in ``text[start:end]`` and the offset of a quote left open at its end."""
    closed: list[tuple[int, int]] = []
    open_at: int | None = None
    opener = closer = ""
    nested = False  # inside a quotation opened with the other style's mark within this one
    index = start
    while index < end:
        if open_at is None:
            mark = _mark_at(text, index)
            if mark and _can_open(text, index, mark):
                open_at, opener, closer = index, mark, _CLOSER_FOR[mark]
                index += len(mark)
                continue
        elif text.startswith(closer, index) and not (nested and closer == '"'):
            closed.append((open_at, index + len(closer)))
            open_at, nested = None, False
            index += len(closer)
            continue
        elif opener in _OTHER_STYLE:
            char, other = text[index], _OTHER_STYLE[opener]
            if char == other and _can_open(text, index, char) and not nested:
                nested = True
            elif char == _CLOSER_FOR[other] and (char != '"' or not _opens(text, index)):
                if nested:
                    nested = False
                else:
                    closed.append((open_at, index + 1))
                    open_at = None
        index += 1
    return closed, open_at


def _paragraphs(text: str) -> list[tuple[int, int]]:
    bounds = []
    offset = 0
    for line in text.split("\n"):
        if line.strip():
            bounds.append((offset, offset + len(line)))
        offset += len(line) + 1
    return bounds


def is_opening_mark(text: str) -> bool:
    """Whether ``text`` is one opening quote mark and nothing else but space ("''", "“")."""
    return text.strip() in _CLOSER_FOR


def _opens_with_mark(text: str, start: int, end: int) -> bool:
    stripped = text[start:end].lstrip()
    return bool(stripped) and bool(_mark_at(stripped, 0))


def find_quotes(text: str) -> list[Quote]:
    """Every quotation in ``text``, in order, with multi-paragraph quotes joined."""
    quotes: list[Quote] = []
    paragraphs = _paragraphs(text)
    pending: int | None = None  # start of a quotation continuing from earlier paragraphs
    for number, (start, end) in enumerate(paragraphs):
        closed, left_open = _scan_paragraph(text, start, end)
        if pending is not None:
            # This paragraph opened with the continuation mark: its first closed quote
            # (or its open end) belongs to the pending quotation.
            if closed and closed[0][0] == start + len(text[start:end]) - len(text[start:end].lstrip()):
                closed[0] = (pending, closed[0][1])
                pending = None
            elif left_open is not None and not closed:
                left_open = pending
                pending = None
        continues = (
            left_open is not None
            and number + 1 < len(paragraphs)
            and _opens_with_mark(text, *paragraphs[number + 1])
        )
        spans = list(closed)
        if left_open is not None and not continues:
            spans.append((left_open, end))
        pending = left_open if continues else None
        for quote_start, quote_end in spans:
            words = len(_WORD.findall(text, quote_start, quote_end))
            if words:
                opens_paragraph = text[_line_start(text, quote_start) : quote_start].strip() == ""
                quotes.append(Quote(quote_start, quote_end, words, opens_paragraph))
    return sorted(quotes, key=lambda quote: quote.start)


def _line_start(text: str, index: int) -> int:
    return text.rfind("\n", 0, index) + 1
