"""Resolve time expressions ("this morning", "last week", "January 20", "8:52 a.m.")
against a publication date, to ISO 8601 values with a grain.

``normalise_time`` is pure: text, base date and the direction the sentence's tense gives
("past" for "met on Thursday", "future" for "takes office on January 20") in, value and
grain out. Relative expressions with no base date keep ``value=None`` rather than guess
from today's date.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from spacy.tokens import Doc, Token

from reportedly.model import Attribution, Span, TimeExpression

Direction = Literal["past", "future"] | None

MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sept", "sep"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
WEEKDAYS = {
    name: number
    for number, names in enumerate(
        (
            ("monday", "mon"),
            ("tuesday", "tue", "tues"),
            ("wednesday", "wed"),
            ("thursday", "thu", "thurs"),
            ("friday", "fri"),
            ("saturday", "sat"),
            ("sunday", "sun"),
        )
    )
    for name in names
}
NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}  # fmt: skip
_MONTH = "(" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAY = "(" + "|".join(sorted(WEEKDAYS, key=len, reverse=True)) + r")\.?"
_PART_OF_DAY = r"(?:\s+(?:morning|afternoon|evening|night))?"
_CLOCK = re.compile(
    r"\b(\d{1,2})(?:[:.](\d{2}))?\s*(a\.?m\.?|p\.?m\.?)(?=\W|$)|\b(\d{1,2}):(\d{2})\b(?!\s*[ap]\.?m)"
)
_ISO_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_MONTH_DAY = re.compile(rf"\b{_MONTH}\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(\d{{4}}))?")
_DAY_MONTH = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}\b(?:,?\s+(\d{{4}}))?")
_MONTH_YEAR = re.compile(rf"\b{_MONTH}(?:\s+(?:of\s+)?(\d{{4}}))?\b")
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_AGO = re.compile(
    r"\b(\d+|" + "|".join(NUMBERS) + r")\s+(day|week|month|year)s?\s+(ago|earlier|later|from now)\b"
)
_IN_N = re.compile(r"\bin\s+(\d+|" + "|".join(NUMBERS) + r")\s+(day|week|month|year)s?\b")
_RELATIVE_UNIT = re.compile(r"\b(last|this|next|past|coming|earlier this|later this)\s+(week|month|year)\b")
_WEEKDAY_RE = re.compile(rf"\b(?:(last|this|next|coming)\s+)?{_WEEKDAY}{_PART_OF_DAY}\b")
_TODAY = re.compile(r"\b(today|tonight|this (?:morning|afternoon|evening)|earlier today|later today)\b")
_YESTERDAY = re.compile(r"\b(yesterday|last night)\b")
_TOMORROW = re.compile(r"\btomorrow\b")


@dataclass(frozen=True, slots=True)
class TimeValue:
    """An ISO 8601 value (``2024-12-26``, ``2024-W51``, ``2024-11``, ``2024``,
    ``2024-12-26T08:52``) or None when unknown, and its grain."""

    value: str | None
    grain: str | None


def normalise_time(text: str, base: date | None, direction: Direction = None) -> TimeValue:
    """The value of a time expression, relative ones against ``base`` (the publication
    date or a live-blog post's time). ``direction`` settles dates the text leaves open:
    "Thursday" is the last one in a past-tense sentence and the next one in a future one."""
    lowered = " ".join(text.lower().split())
    day = _day_of(lowered, base, direction)
    clock = _CLOCK.search(lowered)
    if clock:
        hour, minute = _clock(clock)
        on = day.value if day.grain == "day" else (base.isoformat() if base else None)
        if on is None:
            return TimeValue(None, "minute")
        return TimeValue(f"{on}T{hour:02d}:{minute:02d}", "minute")
    return day


def _day_of(text: str, base: date | None, direction: Direction) -> TimeValue:
    if match := _ISO_DATE.search(text):
        return _safe_day(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    for pattern, month_group, day_group in ((_MONTH_DAY, 1, 2), (_DAY_MONTH, 2, 1)):
        if match := pattern.search(text):
            month, day_number, year = (
                MONTHS[match.group(month_group)],
                int(match.group(day_group)),
                match.group(3),
            )
            if year:
                return _safe_day(int(year), month, day_number)
            return _open_date(base, direction, lambda year, m=month, d=day_number: _date(year, m, d))
    if match := _AGO.search(text):
        return _shifted(
            base, match.group(1), match.group(2), -1 if match.group(3) in {"ago", "earlier"} else 1
        )
    if match := _IN_N.search(text):
        return _shifted(base, match.group(1), match.group(2), 1)
    if _TODAY.search(text):
        return TimeValue(base.isoformat() if base else None, "day")
    if _YESTERDAY.search(text):
        return TimeValue((base - timedelta(days=1)).isoformat() if base else None, "day")
    if _TOMORROW.search(text):
        return TimeValue((base + timedelta(days=1)).isoformat() if base else None, "day")
    if match := _WEEKDAY_RE.search(text):
        return _weekday(base, match.group(1), WEEKDAYS[match.group(2)], direction)
    if match := _RELATIVE_UNIT.search(text):
        return _relative_unit(base, match.group(1), match.group(2))
    if match := _MONTH_YEAR.search(text):
        month, year = MONTHS[match.group(1)], match.group(2)
        if year:
            return TimeValue(f"{int(year):04d}-{month:02d}", "month")
        return _open_date(base, direction, lambda year, m=month: date(year, m, 1), grain="month")
    if match := _YEAR.search(text):
        return TimeValue(match.group(1), "year")
    return TimeValue(None, None)


def _date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _safe_day(year: int, month: int, day: int) -> TimeValue:
    found = _date(year, month, day)
    return TimeValue(found.isoformat() if found else None, "day")


def _open_date(
    base: date | None, direction: Direction, make: Callable[[int], date | None], grain: str = "day"
) -> TimeValue:
    """A date without a year: this year's, last year's or next year's, whichever the
    tense points to (the last one on or before ``base`` for the past, the next one on or
    after it for the future, else the nearest)."""
    if base is None:
        return TimeValue(None, grain)
    candidates = [d for d in (make(base.year - 1), make(base.year), make(base.year + 1)) if d is not None]
    if grain == "month":
        start = date(base.year, base.month, 1)
        past = [d for d in candidates if d <= start]
        future = [d for d in candidates if d >= start]
    else:
        past = [d for d in candidates if d <= base]
        future = [d for d in candidates if d >= base]
    if direction == "past" and past:
        chosen = max(past)
    elif direction == "future" and future:
        chosen = min(future)
    else:
        chosen = min(candidates, key=lambda d: abs((d - base).days))
    return TimeValue(chosen.isoformat() if grain == "day" else chosen.strftime("%Y-%m"), grain)


def _count(word: str) -> int:
    return int(word) if word.isdigit() else NUMBERS[word]


def _shifted(base: date | None, count: str, unit: str, sign: int) -> TimeValue:
    grain = unit
    if base is None:
        return TimeValue(None, grain)
    n = _count(count) * sign
    if unit == "day":
        return TimeValue((base + timedelta(days=n)).isoformat(), "day")
    if unit == "week":
        return TimeValue(_iso_week(base + timedelta(weeks=n)), "week")
    if unit == "month":
        month_index = base.year * 12 + base.month - 1 + n
        return TimeValue(f"{month_index // 12:04d}-{month_index % 12 + 1:02d}", "month")
    return TimeValue(f"{base.year + n:04d}", "year")


def _relative_unit(base: date | None, which: str, unit: str) -> TimeValue:
    step = {"last": -1, "past": -1, "next": 1, "coming": 1}.get(which, 0)
    return _shifted(base, str(abs(step)), unit, 1 if step >= 0 else -1) if base else TimeValue(None, unit)


def _weekday(base: date | None, which: str | None, weekday: int, direction: Direction) -> TimeValue:
    """ "Thursday": the most recent one (up to the base day) in the past tense, the next one
    after the base day in the future tense; "last"/"next" say so outright."""
    if base is None:
        return TimeValue(None, "day")
    back = (base.weekday() - weekday) % 7
    ahead = (weekday - base.weekday()) % 7 or 7
    if which == "last" or (which is None and direction != "future"):
        chosen = base - timedelta(days=back if which is None else back or 7)
    elif which in {"next", "coming"} or direction == "future":
        chosen = base + timedelta(days=ahead)
    else:  # "this Thursday"
        chosen = base + timedelta(days=(weekday - base.weekday()))
    return TimeValue(chosen.isoformat(), "day")


def _iso_week(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year:04d}-W{week:02d}"


def _clock(match: re.Match[str]) -> tuple[int, int]:
    if match.group(4) is not None:
        return int(match.group(4)) % 24, int(match.group(5))
    hour, minute, meridiem = int(match.group(1)) % 12, int(match.group(2) or 0), match.group(3)
    return (hour + 12 if meridiem.startswith("p") else hour), minute


def tense_direction(token: Token) -> Direction:
    """Where the tense of the clause around ``token`` points: "past" ("met on Thursday",
    "has said"), "future" ("will meet", "takes office on January 20": a scheduled
    present), or None when the clause has no finite verb."""
    verb = token
    while verb.pos_ not in {"VERB", "AUX"} and verb.head.i != verb.i:
        verb = verb.head
    auxiliaries = {child.lower_ for child in verb.children if child.dep_ in {"aux", "auxpass"}}
    if auxiliaries & {"will", "'ll", "shall", "wo"} or (verb.lower_ == "going" and "to" in auxiliaries):
        return "future"
    if verb.tag_ == "VBD" or auxiliaries & {"had", "has", "have", "did", "was", "were"}:
        return "past"
    if verb.tag_ in {"VBZ", "VBP", "VBG"}:
        return "future"
    return None


def find_times(doc: Doc, text: str) -> tuple[list[TimeExpression], dict[str, Direction]]:
    """The time expressions of ``doc`` (its DATE and TIME entities, and clock times NER
    missed), and by their ids the direction their clause's tense gives; values come later,
    once the publication date is known (:func:`resolve_times`)."""
    spans = [(ent.start_char, ent.end_char, ent.root) for ent in doc.ents if ent.label_ in {"DATE", "TIME"}]
    for match in _CLOCK.finditer(text):
        if not any(start <= match.start() < end for start, end, _ in spans):
            tokens = doc.char_span(match.start(), match.end(), alignment_mode="expand")
            if tokens is not None and len(tokens) and any(c.isalpha() for c in match.group(0)):
                spans.append((tokens.start_char, tokens.end_char, tokens.root))
    times, directions = [], {}
    for number, (start, end, root) in enumerate(sorted(spans, key=lambda item: item[0]), 1):
        times.append(TimeExpression(f"t{number}", Span.of(text, start, end)))
        directions[times[-1].id] = tense_direction(root)
    return times, directions


def resolve_times(times: list[TimeExpression], base: date | None, directions: dict[str, Direction]) -> None:
    """Give each time expression its value against ``base`` (publication date or post time)
    and the direction of its clause (``find_times``)."""
    for time in times:
        resolved = normalise_time(time.span.text, base, directions.get(time.id))
        time.value, time.grain = resolved.value, resolved.grain


class TimesBySentence:
    """A document's time expressions by the sentence of the word heading each: a word
    governs no time outside its sentence, so finding the one it governs looks at its
    sentence's times alone, not at every time of a long document."""

    def __init__(self, times: list[TimeExpression], doc: Doc) -> None:
        self._by_sentence: dict[int, list[tuple[TimeExpression, Token]]] = {}
        for time in times:
            tokens = doc.char_span(time.span.start, time.span.end, alignment_mode="expand")
            if tokens is not None and len(tokens):
                self._by_sentence.setdefault(tokens.root.sent.start, []).append((time, tokens.root))

    def governed(self, head: Token, excluded: list[Span]) -> str | None:
        """The id of the time expression a word governs ("said on Thursday", "told
        reporters this morning"), nearest first, leaving out those inside ``excluded`` spans
        (the reported content, whose times are the content's own)."""
        candidates = []
        for time, root in self._by_sentence.get(head.sent.start, ()):
            if any(part.start <= time.span.start < part.end for part in excluded):
                continue
            steps = _steps_up(root, head)
            if steps is not None:
                candidates.append((steps, abs(time.span.start - head.idx), time.id))
        return min(candidates)[2] if candidates else None


def _steps_up(word: Token, head: Token, most: int = 4) -> int | None:
    """How many steps up the parse from ``word`` reach ``head`` without passing another
    verb ("agreed to a ceasefire on Monday": Monday, on, ceasefire, to, agreed)."""
    for steps in range(1, most + 1):
        if word.head.i == word.i:
            return None
        word = word.head
        if word.i == head.i:
            return steps
        if word.pos_ in {"VERB", "AUX"}:
            return None
    return None


def date_attributions(attributions: list[Attribution], times: list[TimeExpression], doc: Doc) -> None:
    """An attribution's time is the expression its cue governs, outside its content."""
    by_sentence = TimesBySentence(times, doc)
    for attribution in attributions:
        if attribution.cue is None:
            continue
        cue = doc.char_span(attribution.cue.start, attribution.cue.end, alignment_mode="expand")
        if cue is not None and len(cue):
            attribution.time = by_sentence.governed(cue.root, attribution.content)
