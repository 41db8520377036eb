"""Find quotations by their quote marks, straight or curly, across paragraphs.

News style opens each paragraph of a multi-paragraph quote with a quote mark
and closes only the last one; a paragraph left open whose successor opens with
a quote mark therefore continues the same quotation. Some archives write a double
quote as two apostrophes (''...'') or as two backquotes and two apostrophes
(``...''): those marks count as one. A quotation opened with a curly mark may close
with a straight one, and the reverse, as edited and scraped copy often has it.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import NamedTuple

from reportedly.model import Range
from reportedly.nlp.paragraphs import LINE_BREAK, LINE_BREAK_CHARACTERS

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

    @property
    def range(self) -> Range:
        return Range(self.start, self.end)


def _opens(text: str, index: int) -> bool:
    """A straight quote opens when it follows a line start, a space or an opening bracket or dash."""
    return index == 0 or text[index - 1] in f" \t{LINE_BREAK_CHARACTERS}([{{—–-/"


def _can_open(text: str, index: int, mark: str) -> bool:
    """Whether ``mark`` at ``index`` opens a quotation: a straight mark only where one opens."""
    return mark not in _STRAIGHT or _opens(text, index)


def _mark_at(text: str, index: int) -> str:
    """The opening quote mark at ``index`` (two characters for '' and ``), or ""."""
    pair = text[index : index + 2]
    if pair in _CLOSER_FOR:
        return pair
    return text[index] if text[index] in _CLOSER_FOR else ""


def _scan_paragraph(text: str, start: int, end: int) -> tuple[list[Range], int | None]:
    """Closed quotes in ``text[start:end]`` and the offset of a quote left open at its end."""
    closed: list[Range] = []
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
            closed.append(Range(open_at, index + len(closer)))
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
                    closed.append(Range(open_at, index + 1))
                    open_at = None
        index += 1
    return closed, open_at


class _Paragraph(NamedTuple):
    """A line with visible text: ``text[start:end]``, whose first visible character is at ``first``."""

    start: int
    end: int
    first: int


def _paragraphs(text: str) -> list[_Paragraph]:
    paragraphs = []
    offset = 0
    for line_break in [*LINE_BREAK.finditer(text), None]:
        end = line_break.start() if line_break else len(text)
        line = text[offset:end]
        visible = line.lstrip()
        if visible:
            paragraphs.append(_Paragraph(offset, end, end - len(visible)))
        offset = line_break.end() if line_break else end
    return paragraphs


def is_opening_mark(text: str) -> bool:
    """Whether ``text`` is one opening quote mark and nothing else but space ("''", "“")."""
    return text.strip() in _CLOSER_FOR


def find_quotes(text: str) -> list[Quote]:
    """Every quotation in ``text``, in order, with multi-paragraph quotes joined.

    One pass over the text: each paragraph is scanned once, and a quotation left open
    runs at most to its paragraph's end unless the next paragraph continues it.
    """
    quotes: list[Quote] = []
    paragraphs = _paragraphs(text)
    # The start of a quotation continuing from earlier paragraphs, and whether it opened its own.
    pending: tuple[int, bool] | None = None
    for number, paragraph in enumerate(paragraphs):
        closed, left_open = _scan_paragraph(text, paragraph.start, paragraph.end)
        spans = [(start, end, start == paragraph.first) for start, end in closed]
        opened = (left_open, left_open == paragraph.first) if left_open is not None else None
        if pending is not None:
            # This paragraph opened with the continuation mark: its first closed quote
            # (or its open end) belongs to the pending quotation.
            if spans and closed[0].start == paragraph.first:
                spans[0] = (pending[0], closed[0].end, pending[1])
            elif opened is not None and not closed:
                opened = pending
        continues = (
            opened is not None
            and number + 1 < len(paragraphs)
            and bool(_mark_at(text, paragraphs[number + 1].first))
        )
        if opened is not None and not continues:
            spans.append((opened[0], paragraph.end, opened[1]))
        pending = opened if continues else None
        for quote_start, quote_end, opens_paragraph in spans:
            words = len(_WORD.findall(text, quote_start, quote_end))
            if words:
                quotes.append(Quote(quote_start, quote_end, words, opens_paragraph))
    return sorted(quotes, key=lambda quote: quote.start)


# Lookups in the quotations of a text as find_quotes gives them: in text order and none
# overlapping another, so that both their starts and their ends rise, and each lookup is a
# bisection where a scan of every quotation for every cue made linking quadratic.


def quotes_overlapping(quotes: list[Quote], span: Range) -> list[Quote]:
    """The quotations that share a character with ``span`` (or hold it, if it is empty)."""
    first = bisect.bisect_right(quotes, span[0], key=_end)
    stop = bisect.bisect_left(quotes, span[1], key=_start)
    return quotes[first:stop]


def quotes_holding(quotes: list[Quote], span: Range) -> list[Quote]:
    """The quotations ``span`` lies within, marks included."""
    first = bisect.bisect_left(quotes, span[1], key=_end)
    stop = bisect.bisect_right(quotes, span[0], key=_start)
    return quotes[first:stop]


def quotes_around(quotes: list[Quote], span: Range) -> list[Quote]:
    """The quotations that open before ``span`` starts and close after it ends."""
    first = bisect.bisect_right(quotes, span[1], key=_end)
    stop = bisect.bisect_left(quotes, span[0], key=_start)
    return quotes[first:stop]


def first_quote_from(quotes: list[Quote], position: int) -> Quote | None:
    """The first quotation that opens at ``position`` or after it."""
    index = bisect.bisect_left(quotes, position, key=_start)
    return quotes[index] if index < len(quotes) else None


def last_quote_until(quotes: list[Quote], position: int) -> Quote | None:
    """The last quotation that closes at ``position`` or before it."""
    index = bisect.bisect_right(quotes, position, key=_end)
    return quotes[index - 1] if index else None


def _start(quote: Quote) -> int:
    return quote.start


def _end(quote: Quote) -> int:
    return quote.end
