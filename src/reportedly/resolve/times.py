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
from reportedly.nlp.sentences import sentence_start as _sentence_start
from reportedly.nlp.sentences import sentence_starts as _sentence_starts
from reportedly.nlp.stamps import CLOCK_IN_TEXT as _CLOCK
from reportedly.nlp.stamps import ZONE_AFTER_CLOCK as _ZONE
from reportedly.resolve.entities import DATE_LABELS

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
# A 24-hour clock with no "am"/"pm" is a time only with its zone or "at" ("16:16 GMT",
# "at 09:30") or at the start of a line (a live blog's "09:03 – ..."), not a score or a
# ratio ("won 2:1").
_AT = re.compile(r"\bat\s*$", re.IGNORECASE)
# Whole hours by other words: "noon", "18 hours of Tuesday" (a translation's "18 Uhr").
_HOUR_WORDS = re.compile(
    r"\b(?:(noon|midday)|(\d{1,2}) hours of|(\d{1,2}|" + "|".join(NUMBERS) + r") o['’]clock)\b"
)
# What may stand between a clock time and the day it falls on ("16:16 GMT on 14 March",
# "Friday at 9.30am") for the two to be one expression.
_CLOCK_DAY_GAP = re.compile(r"(?:\s*,)?\s*(?:on|at)?\s*(?:the\s+)?", re.IGNORECASE)
_ISO_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_MONTH_DAY = re.compile(rf"\b{_MONTH}\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(\d{{4}}))?")
_DAY_MONTH = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}\b(?:,?\s+(\d{{4}}))?")
_MONTH_YEAR = re.compile(rf"\b{_MONTH}(?:\s+(?:of\s+)?(\d{{4}}))?\b")
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_COUNT = r"(\d{1,3}(?:,\d{3})+|\d+|" + "|".join(NUMBERS) + r")"
_AGO = re.compile(_COUNT + r"\s+(day|week|month|year)s?\s+(ago|earlier|later|from now|before|after)\b")
_IN_N = re.compile(r"\bin\s+" + _COUNT + r"\s+(day|week|month|year)s?\b")
# "the next day", "the following week", "the day before": a step from the time the
# sentence is anchored to (or the publication date).
_NEXT_UNIT = re.compile(
    r"\b(?:the\s+(next|previous)|(?:the\s+)?(following|preceding))\s+"
    r"(day|week|month|year|morning|afternoon|evening|night)\b"
    r"|\bthe (day) (before|after)\b"
)
# "That day", "that afternoon": the day of the time the text has just given.
_THAT_DAY = re.compile(r"\bthat (?:day|morning|afternoon|evening|night)\b")
_RELATIVE_UNIT = re.compile(r"\b(last|this|next|new|coming|earlier this|later this)\s+(week|month|year)\b")
_WEEKDAY_RE = re.compile(rf"\b(?:(last|this|next|coming|past)\s+)?{_WEEKDAY}{_PART_OF_DAY}\b")
_QUALIFIED_MONTH = re.compile(rf"\b(last|next|this)\s+{_MONTH}\b")
_DECADE = re.compile(r"\b(1\d\d|20\d)0s\b")
# Parts of a day: the grain of a day's value ("this afternoon", "Friday evening").
# A night is dated by the evening it begins ("last night", "overnight": the day before).
_PARTS_OF_DAY = {
    "morning": "morning", "dawn": "morning", "afternoon": "afternoon", "evening": "evening",
    "night": "night", "tonight": "night", "overnight": "night",
}  # fmt: skip
_PART_OF_DAY_WORD = re.compile(r"\b(" + "|".join(_PARTS_OF_DAY) + r")\b")
_NIGHT_TO = re.compile(r"\bnight (?:to|before)\s+")
# What joins the two ends of a range ("Monday to Wednesday", "2015-2018", "between 2015
# and 2018"; a plain "and" joins two times, not a range).
_RANGE = re.compile(r"\s+(?:to|until|till|through|thru)\s+|\s*[–—]\s*|(?<=\w)-(?=\w)")
_BETWEEN = re.compile(r"^between\s+(.+?)\s+and\s+(.+)$")
_WEEKDAY_NAME = re.compile(rf"\b{_WEEKDAY}")
_WEEKEND = re.compile(r"\b(?:(last|this|next|coming|past)\s+)?weekend\b")
_TWO_DAYS = re.compile(r"\bthe day (before yesterday|after tomorrow)\b")
_TODAY = re.compile(r"\b(today|tonight|this (?:morning|afternoon|evening|dawn))\b")
_YESTERDAY = re.compile(r"\b(yesterday|last night|overnight)\b")
_TOMORROW = re.compile(r"\btomorrow\b")
# Spans of prehistory and geology, which no calendar date stands for: value null, grain "era".
_ERA = re.compile(
    r"\b(?:(?:stone|bronze|iron|ice|copper)\s+age|(?:palaeo|paleo|meso|neo)lithic|"
    r"pleistocene|holocene|jurassic|cretaceous|triassic|cambrian|"
    r"(?:hundreds|thousands|millions|billions)\s+of\s+years|\d[\d,.]*\s+(?:million|billion)\s+years|"
    r"\d[\d,]*\s+(?:bc|bce|b\.c\.)(?=\W|$))",
)
_UNIT = re.compile(
    r"\b(?:second|minute|hour|day|night|week|fortnight|month|year|decade|century|centuries)s?\b"
)
# A count of years ago reaching further back than this has no calendar year worth giving.
DEEP_PAST_YEARS = 1000


@dataclass(frozen=True, slots=True)
class TimeValue:
    """An ISO 8601 value (``2024-12-26``, ``2024-W51``, ``2024-11``, ``2024``,
    ``2024-12-26T08:52``, a weekend ``2024-12-28/2024-12-29``) or None when unknown or not
    a point in time, and its grain (``era`` for prehistory: always None)."""

    value: str | None
    grain: str | None


Relation = Literal["counts", "within"]


@dataclass(frozen=True, slots=True)
class Reading:
    """What the parse says about an expression's open parts: where the tense of its clause
    points (``direction``), and the id of another time of the text it depends on
    (``anchor``) and how (``relation``): it ``counts`` from a time dating a clause above its
    own ("proposed on Saturday a ceasefire starting on Monday"), or lies ``within`` a week
    its own clause names ("next week, on Tuesday")."""

    direction: Direction = None
    anchor: str | None = None
    relation: Relation = "counts"


@dataclass(frozen=True, slots=True)
class Anchor:
    """The day an open expression depends on (a week's Monday for ``within``) and how."""

    day: date
    relation: Relation = "counts"
    night: bool = False  # the anchor is a night: a clock time before noon falls on the day after


DAY_GRAINS = frozenset({"day", "morning", "afternoon", "evening", "night"})
"""Grains whose value is a day (``2025-05-14``): the day and its parts."""


def normalise_time(
    text: str, base: date | None, direction: Direction = None, anchor: Anchor | None = None
) -> TimeValue:
    """The value of a time expression, relative ones against ``base`` (the publication
    date or a live-blog post's time). ``direction`` settles dates the text leaves open:
    "Thursday" is the last one in a past-tense sentence and the next one in a future one.
    ``anchor``, the day another time of the sentence gives (:class:`Reading`), is what a bare
    weekday and "two days later" count from instead of ``base``. A range ("Monday to
    Wednesday", "between 2015 and 2018") is its two ends' values joined by "/"."""
    lowered = " ".join(text.lower().split())
    return _range(lowered, base, direction, anchor) or _point(lowered, base, direction, anchor)


def _range(text: str, base: date | None, direction: Direction, anchor: Anchor | None) -> TimeValue | None:
    """The range ``text`` spells, if its two ends both resolve; an end that is open counts
    forward from a start that is a day."""
    if between := _BETWEEN.match(text):
        first, last = between.group(1), between.group(2)
    elif len(_ISO_DATE.findall(text)) != 1 and len(parts := _RANGE.split(text, maxsplit=1)) == 2:
        first, last = parts
    else:
        return None
    if (week := _RELATIVE_UNIT.search(last)) and not _RELATIVE_UNIT.search(first):
        first = f"{first} {week.group(0)}"  # "Monday to Wednesday next week"
    end = _point(last, base, direction, anchor)
    if first.isdigit() and end.grain == "day" and end.value:  # "14 to 16 May"
        start = _safe_day(int(end.value[:4]), int(end.value[5:7]), int(first))
    elif last.isdigit() and (start := _point(first, base, direction, anchor)).grain == "day" and start.value:
        end = _safe_day(int(start.value[:4]), int(start.value[5:7]), int(last))  # "September 16-19"
    else:
        start = _point(first, base, direction, anchor)
        if start.grain in {"hour", "minute"} and end.value and end.grain in {"hour", "minute"}:
            start = TimeValue(end.value[:10] + start.value[10:], start.grain)  # "9am to 5pm on Friday"
        # An open end before the start is the first one after it ("Monday to Wednesday"
        # in a past clause published on a Tuesday).
        open_end = start.value and start.grain in DAY_GRAINS and end.value
        if open_end and end.value < start.value[: len(end.value)]:
            end = _point(last, date.fromisoformat(start.value), "future", None)
    if start.value is None or end.value is None or start.grain == "era" or end.grain == "era":
        return None
    return TimeValue(f"{start.value}/{end.value}", "range")


def _point(text: str, base: date | None, direction: Direction, anchor: Anchor | None) -> TimeValue:
    """A single time: a day (or a part of one), with its clock time if it has one."""
    if night := _NIGHT_TO.search(text):  # "the night to Thursday": Wednesday's night
        following = _day_of(text[night.end() :], base, "future", anchor)
        if following.value and following.grain == "day":
            return TimeValue((date.fromisoformat(following.value) - timedelta(days=1)).isoformat(), "night")
    day = _day_of(text, base, direction, anchor)
    clock = _clock(text)
    if clock is not None and day.grain != "era":
        hour, minute = clock
        # A clock time with no day of its own falls on its anchor's ("the final, on
        # Saturday 31 May, kicks off at 21:00"), else on the base day.
        on_day = anchor.day if anchor and anchor.relation != "within" else base
        if anchor and anchor.night and on_day and hour < 12:  # "overnight ... at about 3am"
            on_day += timedelta(days=1)
        on = day.value if day.grain in DAY_GRAINS else (on_day.isoformat() if on_day else None)
        if on and day.grain == "night" and hour < 12:  # "Friday night at 2am": Saturday's
            on = (date.fromisoformat(on) + timedelta(days=1)).isoformat()
        grain = "hour" if minute is None else "minute"
        if on is None:
            return TimeValue(None, grain)
        return TimeValue(f"{on}T{hour:02d}" + ("" if minute is None else f":{minute:02d}"), grain)
    if day.grain == "day" and (part := _PART_OF_DAY_WORD.search(text)):
        return TimeValue(day.value, _PARTS_OF_DAY[part.group(1)])
    return day


def _day_of(text: str, base: date | None, direction: Direction, anchor: Anchor | None) -> TimeValue:
    if _ERA.search(text):
        return TimeValue(None, "era")
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
            # "Thursday 15 May": the year in which 15 May is a Thursday.
            weekday = _WEEKDAY_NAME.search(text)
            return _open_date(
                base,
                direction,
                lambda year, m=month, d=day_number: _date(year, m, d),
                weekday=WEEKDAYS[weekday.group(1)] if weekday else None,
            )
    if holiday := _holiday(text, base, direction):
        return holiday
    if match := _TWO_DAYS.search(text):
        return _shifted(base, "2", "day", -1 if match.group(1).startswith("before") else 1)
    counted_from = anchor.day if anchor else base
    if match := _AGO.search(text):
        back = match.group(3) in {"ago", "earlier", "before"}
        if back and match.group(2) == "year" and _count(match.group(1)) >= DEEP_PAST_YEARS:
            return TimeValue(None, "era")
        relative_to = base if match.group(3) in {"ago", "from now"} else counted_from
        return _shifted(relative_to, match.group(1), match.group(2), -1 if back else 1)
    if match := _IN_N.search(text):
        return _shifted(base, match.group(1), match.group(2), 1)
    if match := _NEXT_UNIT.search(text):
        which = match.group(1) or match.group(2) or match.group(5)
        unit = match.group(3) or match.group(4)
        unit = "day" if unit in _PARTS_OF_DAY else unit  # "the following morning"
        # "The next week" is the publication's next, as "next week" is; "the next day"
        # and "the following week" count from the time the text has given.
        start = base if which == "next" and unit != "day" else counted_from
        return _shifted(start, "1", unit, 1 if which in {"next", "following", "after"} else -1)
    if _THAT_DAY.search(text):
        return TimeValue(anchor.day.isoformat() if anchor else None, "day")
    if match := _WEEKEND.search(text):
        return _weekend(base, match.group(1), direction)
    if _TODAY.search(text):
        return TimeValue(base.isoformat() if base else None, "day")
    if _YESTERDAY.search(text):
        return _shifted(base, "1", "day", -1)
    if _TOMORROW.search(text):
        return _shifted(base, "1", "day", 1)
    if match := _WEEKDAY_RE.search(text):
        which, weekday = match.group(1), WEEKDAYS[match.group(2)]
        week = _RELATIVE_UNIT.search(text)
        if which is None and week and week.group(2) == "week":
            # "Tuesday next week": that week's Tuesday.
            monday = _week_monday(_relative_unit(base, week.group(1), "week"))
            anchor = Anchor(monday, "within") if monday else None
        if which is not None or anchor is None:
            return _weekday(base, which, weekday, direction)
        if anchor.relation == "within":
            return TimeValue((anchor.day + timedelta(days=weekday)).isoformat(), "day")
        return _weekday(anchor.day, None, weekday, direction)
    if match := _RELATIVE_UNIT.search(text):
        return _relative_unit(base, match.group(1), match.group(2))
    if match := _QUALIFIED_MONTH.search(text):
        return _qualified_month(base, match.group(1), MONTHS[match.group(2)])
    if match := _MONTH_YEAR.search(text):
        month, year = MONTHS[match.group(1)], match.group(2)
        if year:
            return TimeValue(f"{int(year):04d}-{month:02d}", "month")
        return _open_date(base, direction, lambda year, m=month: date(year, m, 1), grain="month")
    if match := _DECADE.search(text):
        return TimeValue(match.group(1), "decade")
    if match := _YEAR.search(text):
        return TimeValue(match.group(1), "year")
    if _UNIT.search(text):  # "three weeks", "decades", "30-day": a length of time, no point
        return TimeValue(None, "duration")
    return TimeValue(None, None)


def _easter(year: int) -> date:
    """Easter Sunday (Western), by the anonymous Gregorian computus."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    weekday_shift = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 19 * weekday_shift) // 433
    month = (h + weekday_shift - 7 * m + 90) // 25
    return date(year, month, (h + weekday_shift - 7 * m + 33 * month + 19) % 32)


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    """The ``n``th ``weekday`` of a month (n = -1: the last)."""
    if n > 0:
        first = date(year, month, 1)
        return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
    last = date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)
    return last - timedelta(days=(last.weekday() - weekday) % 7)


HOLIDAYS: dict[str, Callable[[int], date]] = {
    "new year's day": lambda year: date(year, 1, 1),
    "new year's eve": lambda year: date(year, 12, 31),
    "christmas eve": lambda year: date(year, 12, 24),
    "christmas day": lambda year: date(year, 12, 25),
    "christmas": lambda year: date(year, 12, 25),
    "boxing day": lambda year: date(year, 12, 26),
    "valentine's day": lambda year: date(year, 2, 14),
    "halloween": lambda year: date(year, 10, 31),
    "good friday": lambda year: _easter(year) - timedelta(days=2),
    "easter sunday": _easter,
    "easter monday": lambda year: _easter(year) + timedelta(days=1),
    "easter": _easter,
    "memorial day": lambda year: _nth_weekday(year, 5, 0, -1),
    "labor day": lambda year: _nth_weekday(year, 9, 0, 1),
    "thanksgiving": lambda year: _nth_weekday(year, 11, 3, 4),
    # The United States' election day: the Tuesday after the first Monday of November.
    "election day": lambda year: _nth_weekday(year, 11, 0, 1) + timedelta(days=1),
}
"""Holidays by their day in a given year (Easter and its days Western)."""
_HOLIDAY = re.compile(
    r"\b(" + "|".join(sorted(HOLIDAYS, key=len, reverse=True)).replace("'", "['’]") + r")(\s+weekend)?\b",
)


def _holiday(text: str, base: date | None, direction: Direction) -> TimeValue | None:
    """A holiday's day in the year the tense points to; a holiday weekend runs from the
    Saturday to the holiday (Monday) or from the holiday (Friday) to the Sunday."""
    match = _HOLIDAY.search(text)
    if match is None:
        return None
    day = _open_date(base, direction, HOLIDAYS[match.group(1).replace("’", "'")])
    if not match.group(2) or day.value is None:
        return day
    holiday = date.fromisoformat(day.value)
    if holiday.weekday() == 0:
        first, last = holiday - timedelta(days=2), holiday
    elif holiday.weekday() == 4:
        first, last = holiday, holiday + timedelta(days=2)
    else:
        first = holiday + timedelta(days=5 - holiday.weekday()) if holiday.weekday() < 5 else holiday
        first, last = first - timedelta(days=first.weekday() - 5), first - timedelta(days=first.weekday() - 6)
    return TimeValue(f"{first.isoformat()}/{last.isoformat()}", "weekend")


def _qualified_month(base: date | None, which: str, month: int) -> TimeValue:
    """ "last September": the last one before the base month; "next September" the first
    after it; "this September" the base year's."""
    if base is None:
        return TimeValue(None, "month")
    year = base.year
    if which == "last" and month >= base.month:
        year -= 1
    elif which == "next" and month <= base.month:
        year += 1
    return TimeValue(f"{year:04d}-{month:02d}", "month")


def _date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _safe_day(year: int, month: int, day: int) -> TimeValue:
    found = _date(year, month, day)
    return TimeValue(found.isoformat() if found else None, "day")


def _open_date(
    base: date | None,
    direction: Direction,
    make: Callable[[int], date | None],
    grain: str = "day",
    weekday: int | None = None,
) -> TimeValue:
    """A date without a year: this year's, last year's or next year's. A weekday given
    with it ("Thursday 15 May") picks the year in which the date falls on that day; else
    the tense does (the last one on or before ``base`` for the past, the next one on or
    after it for the future), else the nearest."""
    if base is None:
        return TimeValue(None, grain)
    candidates = [d for d in (make(base.year - 1), make(base.year), make(base.year + 1)) if d is not None]
    on_weekday = [d for d in candidates if d.weekday() == weekday]
    if on_weekday:
        candidates, direction = on_weekday, None
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
    """A count in figures ("3", "40,000") or words ("three")."""
    figures = word.replace(",", "")
    return int(figures) if figures.isdigit() else NUMBERS[word]


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
    step = {"last": -1, "next": 1, "new": 1, "coming": 1}.get(which, 0)
    return _shifted(base, str(abs(step)), unit, 1 if step >= 0 else -1) if base else TimeValue(None, unit)


def _weekday(base: date | None, which: str | None, weekday: int, direction: Direction) -> TimeValue:
    """ "Thursday": the most recent one in the past tense, the next one in the future tense,
    the nearer of the two when the tense says neither, the base day itself when it is one;
    "last"/"next" say so outright, "this Thursday" is the base day's week's."""
    if base is None:
        return TimeValue(None, "day")
    back = (base.weekday() - weekday) % 7
    ahead = (weekday - base.weekday()) % 7
    if which is None and direction is None:
        direction = "past" if back <= ahead else "future"
    if which in {"last", "past"} or (which is None and direction == "past"):
        chosen = base - timedelta(days=back if which is None else back or 7)
    elif which in {"next", "coming"} or direction == "future":
        chosen = base + timedelta(days=ahead if which is None else ahead or 7)
    else:  # "this Thursday"
        chosen = base + timedelta(days=(weekday - base.weekday()))
    return TimeValue(chosen.isoformat(), "day")


def _weekend(base: date | None, which: str | None, direction: Direction) -> TimeValue:
    """A weekend as its Saturday and Sunday: "last weekend" the one before the base day's
    week, "next weekend" the one after the base day; "this weekend" and "the weekend" the
    base day's own (the one coming, or the one it falls on), or the last one when the tense
    is past and the base day is a weekday."""
    if base is None:
        return TimeValue(None, "weekend")
    this_saturday = base + timedelta(days=5 - base.weekday())
    if which in {"last", "past"} or (direction == "past" and base.weekday() < 5):
        saturday = this_saturday - timedelta(weeks=1)
    elif which == "next" and base.weekday() >= 5:
        saturday = this_saturday + timedelta(weeks=1)
    else:
        saturday = this_saturday
    return TimeValue(f"{saturday.isoformat()}/{(saturday + timedelta(days=1)).isoformat()}", "weekend")


def _week_monday(week: TimeValue) -> date | None:
    """The Monday of an ISO week value ("2025-W37")."""
    if week.grain != "week" or week.value is None:
        return None
    year, number = week.value.split("-W")
    return date.fromisocalendar(int(year), int(number), 1)


def _iso_week(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year:04d}-W{week:02d}"


def _clock(text: str) -> tuple[int, int | None] | None:
    """The hour and minute of the clock time in ``text``, the minute None for a whole hour
    written without one ("7pm", "noon")."""
    if match := _CLOCK.search(text):
        if match.group(4) is not None:
            return int(match.group(4)) % 24, int(match.group(5))
        hour, meridiem = int(match.group(1)) % 12, match.group(3)
        minute = int(match.group(2)) if match.group(2) else None
        return (hour + 12 if meridiem.startswith("p") else hour), minute
    if match := _HOUR_WORDS.search(text):
        if match.group(1):
            return 12, None
        if match.group(2):
            return int(match.group(2)) % 24, None
        # "six o'clock this evening": the part of the day says which six.
        hour, later = _count(match.group(3)) % 12, _PART_OF_DAY_WORD.search(text)
        return (hour + 12 if later and later.group(1) not in {"morning", "dawn"} else hour), None
    return None


def _governing_verb(token: Token) -> Token:
    """The first verb up the parse from ``token`` (itself if a verb), else the root it
    reaches. A time between a verb and the subject of its complement clause is the verb's,
    whatever the parse says ("said on Tuesday it would rule": the saying's Tuesday)."""
    verb = token
    while verb.pos_ not in {"VERB", "AUX"} and verb.head.i != verb.i:
        verb = verb.head
    if verb is not token and verb.dep_ == "ccomp" and verb.head.i < token.i:
        subjects = [child.i for child in verb.children if child.dep_ in {"nsubj", "nsubjpass"}]
        if subjects and token.i < min(subjects):
            return verb.head
    return verb


def _auxiliaries(verb: Token) -> set[str]:
    return {child.lower_ for child in verb.children if child.dep_ in {"aux", "auxpass"}}


_MODALS = frozenset({"would", "'d", "could", "might", "may", "should", "must", "can", "to"})


def _verb_direction(verb: Token, modals: bool = True) -> Direction:
    """Where ``verb``'s tense points; with ``modals`` false a modal or an infinitive is no
    tense of its own."""
    auxiliaries = _auxiliaries(verb)
    # A verb with no tense of its own shares its head's: "began deliberating on 28
    # January", "was arrested and charged".
    if not auxiliaries and verb.tag_ in {"VB", "VBN", "VBG"} and verb.dep_ in {"xcomp", "conj"}:
        return _verb_direction(verb.head, modals)
    if auxiliaries & {"will", "'ll", "shall", "wo"} or (verb.lower_ == "going" and "to" in auxiliaries):
        return "future"
    if verb.tag_ == "VBD" or auxiliaries & {"had", "has", "have", "'ve", "having", "did", "was", "were"}:
        return "past"
    # A modal ("would travel on Thursday", "would hold on 8 November") or an infinitive
    # ("agreed to meet on Friday") looks forward from when it is said.
    if auxiliaries & _MODALS:
        return "future" if modals else None
    # A present ("takes office on", "is expected on", "are meeting on") is a scheduled one.
    if verb.tag_ in {"VBZ", "VBP", "VBG"} or auxiliaries & {"is", "are", "am", "'s", "'re"}:
        return "future"
    return None


def tense_direction(token: Token) -> Direction:
    """Where the tense of the clause around ``token`` points: "past" ("met on Thursday",
    "has said"), "future" ("will meet", "takes office on January 20", "rain is expected on
    Sunday": a scheduled present), or None when the clause has no finite verb. What a
    clause schedules ("was set for 3 November", "adjourned until Friday") is ahead whatever
    its tense, as is what something is "ahead" of; what "since" follows is behind. A month
    or a date after the noun it dates ("his inauguration on January 20") is not placed by
    the clause's tense: the nearest.

    A time before a noun ("his April conviction") dates what the noun names, not the
    clause's act: a past clause puts it in the past, a future one leaves it open (the
    nearest: "her December trial will be moved"), and a clause with no tense of its own
    takes past-tense reporting from above ("said they would appeal his April conviction")."""
    verb = _governing_verb(token)
    if _target(token):
        return "future"
    if token.head.lower_ == "since":  # "the first fall since May"
        return "past"
    if token.head.head.lower_ == "ahead":  # "ahead of his inauguration on January 20"
        return "future"
    if token.lower_.rstrip(".") in MONTHS and _of_noun(token):  # "his inauguration on January 20"
        return None
    direction = _verb_direction(verb)
    head = token.head
    if not (token.dep_ in {"compound", "nmod", "amod"} and head.pos_ == "NOUN" and token.i < head.i):
        return direction
    own = _verb_direction(verb, modals=False)
    if own is None and any(_verb_direction(above) == "past" for above in _verbs_above(verb)):
        return "past"
    return "past" if own == "past" else None


# Verbs that set a time ahead of their act: "set for", "postponed until", "delayed to".
_SCHEDULING = frozenset(
    {"set", "schedule", "plan", "slate", "fix", "due", "book", "arrange", "postpone", "delay",
     "move", "push", "reschedule", "adjourn", "defer", "extend", "bring"}
)  # fmt: skip


def _target(token: Token) -> bool:
    """Whether ``token`` is the time a scheduling word sets ("for", "to", "until" after it)."""
    preposition = token.head
    return (
        token.dep_ == "pobj"
        and preposition.lower_ in {"for", "to", "until", "till"}
        and preposition.head.lemma_.lower() in _SCHEDULING
    )


def _verbs_above(verb: Token) -> list[Token]:
    """The verbs of the clauses ``verb``'s clause depends on, nearest first, up to a relative
    clause: "the festival, which began on Friday, runs until Sunday" dates the festival's
    start by its own clause, not by the one around the noun. A clause coordinated with
    another ("arrested on Saturday and charged on Monday") depends on what that one depends
    on, not on it."""
    verbs, token = [], verb
    while token.head.i != token.i and token.dep_ != "relcl":
        coordinated = token.dep_ == "conj"
        token = token.head
        if token.pos_ in {"VERB", "AUX"} and not coordinated:
            verbs.append(token)
    return verbs


def _of_noun(token: Token) -> bool:
    """Whether the time headed by ``token`` follows a noun it dates ("his inauguration on
    January 20", "the storming of parliament on 25 June") rather than its clause's act."""
    word = token.head
    while word.i != word.head.i and word.pos_ not in {"VERB", "AUX"}:
        if word.pos_ in {"NOUN", "PROPN"} and word.i < token.i:
            return True
        word = word.head
    return False


def _reading(root: Token, text: str, others: list[tuple[str, Token, str]]) -> Reading:
    """The direction of the clause around ``root`` and the time it depends on among the
    ``others`` (time id, root, text) of its sentence: the nearest one governed by a verb
    above its own clause ("proposed on Saturday ... starting on Monday"), else a week its
    own clause names ("the next week, on Tuesday"); a clock time with no day takes the day
    its own clause names ("kicks off on Saturday at 21:00"). A date after the noun it dates
    ("the storming of parliament on 25 June") dates no other clause."""
    verb = _governing_verb(root)
    above = _verbs_above(verb)
    direction = tense_direction(root)
    clock_alone = _clock(text.lower()) is not None and _day_of(text.lower(), None, None, None).grain is None
    anchors = []
    for time_id, other_root, other_text in others:
        if other_root.i == root.i:
            continue
        other_verb = _governing_verb(other_root)
        if other_verb in above and not _target(other_root) and not _of_noun(other_root):
            anchors.append((above.index(other_verb), time_id))  # a target or a noun's date dates no clause
        elif other_verb.i == verb.i and _RELATIVE_UNIT.search(other_text.lower()):
            anchors.append((len(above), time_id))
        elif other_verb.i == verb.i and clock_alone and _clock_or_day(other_text) == "day":
            anchors.append((-1, time_id))  # "kicks off on Saturday 31 May at 21:00"
    if not anchors:
        return Reading(direction)
    steps, anchor = min(anchors)
    return Reading(direction, anchor, "within" if steps == len(above) else "counts")


def _time_spans(doc: Doc, text: str) -> list[tuple[int, int]]:
    """Where the time expressions of ``doc`` are: its DATE and TIME entities, clock times,
    holidays and spans of prehistory NER missed, a clock time joined to the day it falls on,
    two times joined by "and" apart."""
    spans = [(ent.start_char, ent.end_char) for ent in doc.ents if ent.label_ in DATE_LABELS]
    found = []
    for match in _CLOCK.finditer(text):
        zone = _ZONE.match(text, match.end())
        end = zone.end() if zone else match.end()  # "8pm local time", "9.30am ET"
        if not any(c.isalpha() for c in match.group(0)):
            line_start = text.rfind("\n", 0, match.start()) + 1
            at = _AT.search(text[max(line_start, match.start() - 8) : match.start()])
            dotted = "." in match.group(0)  # "20.30" is a time only with its zone, not after "at 10.25"
            if zone is None and (dotted or (not at and text[line_start : match.start()].strip())):
                continue
        found.append((match.start(), end))
    lowered = text.lower()
    if len(lowered) == len(text):  # else a letter's lower case is longer and offsets would shift
        found.extend(match.span() for match in _MISSED_BY_NER.finditer(lowered))
    for start, end in found:
        overlapping = [span for span in spans if span[0] < end and start < span[1]]
        if overlapping:
            spans = [span for span in spans if span not in overlapping]
            start, end = min(start, *(s for s, _ in overlapping)), max(end, *(e for _, e in overlapping))
        tokens = doc.char_span(start, end, alignment_mode="expand")
        if tokens is not None and len(tokens):
            spans.append((tokens.start_char, tokens.end_char))
    widened = sorted({_widen(doc, start, end) for start, end in spans})
    return _join([part for span in widened for part in _apart(span, text)], doc, text)


# Words for a time NER leaves out: vague ones ("recently", "soon"; not "as soon as") and a fortnight.
_VAGUE = re.compile(
    r"(?<!as )\b(?:recently|soon|overnight|(?:a|one|two|three) fortnights?)\b(?! as\b)"
    r"|\b(?:this (?:morning|afternoon|evening)|tonight|last night|yesterday|tomorrow)\b"
)
# Times NER misses, in lower case: prehistory, holidays, vague and deictic words. Each
# begins a word, so the search tries its alternatives only where a word begins, not at every
# character of the document (less than half the time, the same matches).
_MISSED_BY_NER = re.compile(
    r"(?<!\w)(?=\w)(?:" + "|".join(f"(?:{pattern.pattern})" for pattern in (_ERA, _HOLIDAY, _VAGUE)) + ")"
)
_AND = re.compile(r"\s*,?\s+(?:and|or|after|before|since)\s+|,\s+")


def _apart(span: tuple[int, int], text: str) -> list[tuple[int, int]]:
    """A span of two times joined by "and" or "after" ("Monday and Tuesday", "December
    after months") as two spans, unless "between" makes them a range's ends."""
    start, end = span
    joint = _AND.search(text, start, end)
    if joint is None or text[max(0, start - 8) : start].lower().strip().endswith("between"):
        return [span]
    if text[start:end].lower().startswith("between"):
        return [span]
    first, second = text[start : joint.start()], text[joint.end() : end]
    first_grain, second_grain = normalise_time(first, None).grain, normalise_time(second, None).grain
    # "the day before yesterday", "two days after the vote" count from what follows.
    joint_word = joint.group(0).strip(" ,")
    counted = joint_word in {"after", "before", "since"} and first_grain == "duration"
    # A comma parts a time from a length of time ("on Tuesday, hours after"), not a
    # weekday from its date ("Wednesday, May 14").
    listed = joint_word or (first_grain == "duration") != (second_grain == "duration")
    if first_grain is None or second_grain is None or counted or not listed:
        return [span]
    return [(start, joint.start()), (joint.end(), end)]


_RANGE_GAP = re.compile(r"\s*(?:to|until|till|through|thru|[–—-])\s*", re.IGNORECASE)
# Verbs that move a time rather than span a range: "postponed from Monday to Wednesday".
_MOVING = frozenset({"postpone", "move", "delay", "push", "bring", "reschedule", "shift", "change", "put"})


def _join(spans: list[tuple[int, int]], doc: Doc, text: str) -> list[tuple[int, int]]:
    """Neighbouring spans that make one time: a clock time and its day ("16:16 GMT on 14
    March", "Friday at 9.30am"), a range's two ends ("Christmas Eve until Boxing Day")."""
    joined: list[tuple[int, int]] = []
    for start, end in spans:
        if joined:
            last_start, last_end = joined[-1]
            if _CLOCK_DAY_GAP.fullmatch(text, last_end, start) and {
                _clock_or_day(text[last_start:last_end]),
                _clock_or_day(text[start:end]),
            } == {"clock", "day"}:
                joined[-1] = (last_start, end)
                continue
            if _RANGE_GAP.fullmatch(text, last_end, start) and not _moved(doc, last_start):
                joined[-1] = (last_start, end)
                continue
        joined.append((start, end))
    return joined


def _clock_or_day(text: str) -> str | None:
    """Whether ``text`` is a clock time, a day (or part of one) a clock time may fall on, or neither."""
    lowered = text.lower()
    if _clock(lowered):
        return "clock"
    # "Overnight" spans the night rather than naming it: "overnight, at about 3am" are two.
    return "day" if lowered != "overnight" and normalise_time(text, None).grain in DAY_GRAINS else None


def _moved(doc: Doc, start: int) -> bool:
    """Whether the time starting at ``start`` is where something is moved from."""
    tokens = doc.char_span(start, start + 1, alignment_mode="expand")
    if tokens is None or tokens.start == 0:
        return False
    before = doc[tokens.start - 1]
    return before.lower_ == "from" and before.head.lemma_ in _MOVING


_LEFT_OF_PART = frozenset({*WEEKDAYS, "yesterday", "tomorrow", "today"})
# Words a day follows with "to" or "of": "the night to Thursday", "18 hours of Tuesday".
_LINKED_TO_DAY = frozenset({"night", "day", "dawn", "morning", "evening", "afternoon", "hours"})


def _widen(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """A span NER cut short of the day it belongs to: "[Saturday] afternoon", "[3] August
    2023", "the night [to Thursday]", "[the night to] 3 August", "the dawn [of this Tuesday]",
    or of the word that makes it a range ("[between] 2015 and 2018")."""
    tokens = doc.char_span(start, end, alignment_mode="expand")
    if tokens is None or not len(tokens):
        return start, end
    first, last = tokens.start, tokens.end
    if tokens[0].lower_ in _PARTS_OF_DAY:
        while first > 0 and doc[first - 1].lower_.rstrip(".") in _LEFT_OF_PART:
            first -= 1
    if tokens[0].lower_.rstrip(".") in MONTHS and first > 0 and doc[first - 1].text.isdigit():
        first -= 1
    if first > 0 and doc[first - 1].lower_ == "between" and " and " in tokens.text:
        first -= 1  # "[between] 2015 and 2018": the ends of a range
    linked_before = first > 1 and doc[first - 1].lower_ in {"to", "of", "before"}
    if linked_before and doc[first - 2].lower_ in _LINKED_TO_DAY:
        first -= 2 + (first > 2 and doc[first - 3].lower_ == "the")
    linked = last + 1 < len(doc) and doc[last].lower_ in {"to", "of", "before"}
    if tokens[-1].lower_ in _LINKED_TO_DAY and linked:
        following = last + 1 + (doc[last + 1].lower_ in {"this", "next", "last"})
        if following < len(doc) and doc[following].lower_.rstrip(".") in WEEKDAYS:
            last = following + 1
    return doc[first].idx, doc[last - 1].idx + len(doc[last - 1])


# Expressions that count from a time the text has given ("two days later", "the
# following day"): with no time above their clause, they count from the last one before.
_ANAPHORIC = re.compile(
    r"\b(?:(?:later|earlier)(?! this)|following|previous|preceding|next day|the day (?:before|after)|that)\b"
)


def find_times(doc: Doc, text: str) -> tuple[list[TimeExpression], dict[str, Reading]]:
    """The time expressions of ``doc`` and by their ids what the parse says about them
    (:class:`Reading`); values come later, once the publication date is known
    (:func:`resolve_times`)."""
    times, roots = [], []
    for start, end in _time_spans(doc, text):
        tokens = doc.char_span(start, end, alignment_mode="expand")
        if tokens is None or not len(tokens):
            continue
        times.append(TimeExpression(f"t{len(times) + 1}", Span.of(text, start, end)))
        roots.append((times[-1].id, tokens.root))
    starts = _sentence_starts(doc) if times else []
    by_sentence: dict[int, list[tuple[str, Token, str]]] = {}
    for time, (time_id, root) in zip(times, roots, strict=True):
        by_sentence.setdefault(_sentence_start(starts, root), []).append((time_id, root, time.span.text))
    readings = {}
    for number, (time, (time_id, root)) in enumerate(zip(times, roots, strict=True)):
        reading = _reading(root, time.span.text, by_sentence[_sentence_start(starts, root)])
        if reading.anchor is None and number and _ANAPHORIC.search(time.span.text.lower()):
            reading = Reading(reading.direction, times[number - 1].id)
        readings[time_id] = reading
    return times, readings


def resolve_times(times: list[TimeExpression], base: date | None, readings: dict[str, Reading]) -> None:
    """Give each time expression its value against ``base`` (publication date or post time),
    the direction of its clause and the day of its anchor (``find_times``): anchors first."""
    by_id = {time.id: time for time in times}

    def anchor_of(reading: Reading) -> Anchor | None:
        anchor = by_id.get(reading.anchor) if reading.anchor else None
        if anchor is None or anchor.value is None:
            return None
        if reading.relation == "within":
            monday = _week_monday(TimeValue(anchor.value, anchor.grain))
            return Anchor(monday, "within") if monday else None
        if anchor.grain not in DAY_GRAINS | {"hour", "minute"}:
            return None
        return Anchor(date.fromisoformat(anchor.value[:10]), reading.relation, anchor.grain == "night")

    # An anchor resolves in an earlier round than the times that depend on it.
    pending = {time.id: readings.get(time.id, Reading()) for time in times}
    while pending:
        ready = [time_id for time_id, reading in pending.items() if reading.anchor not in pending]
        if not ready:  # times anchored on each other ("this week ... next week"): the first counts from base
            first = next(iter(pending))
            pending[first] = Reading(pending[first].direction)
            continue
        for time_id in ready:
            time, reading = by_id[time_id], pending.pop(time_id)
            resolved = normalise_time(time.span.text, base, reading.direction, anchor_of(reading))
            time.value, time.grain = resolved.value, resolved.grain


class TimesBySentence:
    """A document's time expressions by the sentence of the word heading each: a word
    governs no time outside its sentence, so finding the one it governs looks at its
    sentence's times alone, not at every time of a long document."""

    def __init__(self, times: list[TimeExpression], doc: Doc) -> None:
        self._starts = _sentence_starts(doc) if times else []
        self._by_sentence: dict[int, list[tuple[TimeExpression, Token]]] = {}
        for time in times:
            tokens = doc.char_span(time.span.start, time.span.end, alignment_mode="expand")
            if tokens is not None and len(tokens):
                root = tokens.root
                self._by_sentence.setdefault(_sentence_start(self._starts, root), []).append((time, root))

    def governed(self, head: Token, excluded: list[Span]) -> str | None:
        """The id of the time expression a word governs ("said on Thursday", "told
        reporters this morning"), nearest first, leaving out those inside ``excluded`` spans
        (the reported content, whose times are the content's own)."""
        if not self._by_sentence:
            return None  # no time in the document
        candidates = []
        for time, root in self._by_sentence.get(_sentence_start(self._starts, head), ()):
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
