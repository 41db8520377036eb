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
# A 24-hour clock with no "am"/"pm" is a time only with its zone or "at" ("16:16 GMT",
# "at 09:30"), not a score or a ratio ("won 2:1").
_ZONE = re.compile(r"\s*(?:GMT|UTC|BST|CET|CEST|EET|EEST|MSK|EST|EDT|CST|CDT|PST|PDT|ET|local time)\b")
_AT = re.compile(r"\bat\s*$", re.IGNORECASE)
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
    r"\b(?:the\s+(next|previous)|(?:the\s+)?(following|preceding))\s+(day|week|month|year)\b"
    r"|\bthe (day) (before|after)\b"
)
_RELATIVE_UNIT = re.compile(r"\b(last|this|next|past|coming|earlier this|later this)\s+(week|month|year)\b")
_WEEKDAY_RE = re.compile(rf"\b(?:(last|this|next|coming)\s+)?{_WEEKDAY}{_PART_OF_DAY}\b")
_WEEKDAY_NAME = re.compile(rf"\b{_WEEKDAY}")
_WEEKEND = re.compile(r"\b(?:(last|this|next|coming|past)\s+)?weekend\b")
_TWO_DAYS = re.compile(r"\bthe day (before yesterday|after tomorrow)\b")
_TODAY = re.compile(r"\b(today|tonight|this (?:morning|afternoon|evening)|earlier today|later today)\b")
_YESTERDAY = re.compile(r"\b(yesterday|last night)\b")
_TOMORROW = re.compile(r"\btomorrow\b")
# Spans of prehistory and geology, which no calendar date stands for: value null, grain "era".
_ERA = re.compile(
    r"\b(?:(?:stone|bronze|iron|ice|copper)\s+age|(?:palaeo|paleo|meso|neo)lithic|"
    r"pleistocene|holocene|jurassic|cretaceous|triassic|cambrian|"
    r"(?:hundreds|thousands|millions|billions)\s+of\s+years|\d[\d,.]*\s+(?:million|billion)\s+years|"
    r"\d[\d,]*\s+(?:BC|BCE|B\.C\.)(?=\W|$))",
    re.IGNORECASE,
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


@dataclass(frozen=True, slots=True)
class Reading:
    """What the parse says about an expression's open parts: where the tense of its clause
    points (``direction``) and the id of the time it is counted from, when another time in
    the sentence dates the clause above its own ("proposed on Saturday a ceasefire starting
    on Monday": Monday is counted from Saturday)."""

    direction: Direction = None
    anchor: str | None = None


def normalise_time(
    text: str, base: date | None, direction: Direction = None, anchor: date | None = None
) -> TimeValue:
    """The value of a time expression, relative ones against ``base`` (the publication
    date or a live-blog post's time). ``direction`` settles dates the text leaves open:
    "Thursday" is the last one in a past-tense sentence and the next one in a future one.
    ``anchor``, the day another time of the sentence gives the clause above, is what a bare
    weekday and "two days later" count from instead of ``base``."""
    lowered = " ".join(text.lower().split())
    day = _day_of(lowered, base, direction, anchor)
    clock = _CLOCK.search(lowered)
    if clock and day.grain != "era":
        hour, minute = _clock(clock)
        on = day.value if day.grain == "day" else (base.isoformat() if base else None)
        if on is None:
            return TimeValue(None, "minute")
        return TimeValue(f"{on}T{hour:02d}:{minute:02d}", "minute")
    return day


def _day_of(text: str, base: date | None, direction: Direction, anchor: date | None) -> TimeValue:
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
    if match := _TWO_DAYS.search(text):
        return _shifted(base, "2", "day", -1 if match.group(1).startswith("before") else 1)
    counted_from = anchor or base
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
        return _shifted(counted_from, "1", unit, 1 if which in {"next", "following", "after"} else -1)
    if match := _WEEKEND.search(text):
        return _weekend(base, match.group(1), direction)
    if _TODAY.search(text):
        return TimeValue(base.isoformat() if base else None, "day")
    if _YESTERDAY.search(text):
        return _shifted(base, "1", "day", -1)
    if _TOMORROW.search(text):
        return _shifted(base, "1", "day", 1)
    if match := _WEEKDAY_RE.search(text):
        which = match.group(1)
        return _weekday(counted_from if which is None else base, which, WEEKDAYS[match.group(2)], direction)
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


def _iso_week(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year:04d}-W{week:02d}"


def _clock(match: re.Match[str]) -> tuple[int, int]:
    if match.group(4) is not None:
        return int(match.group(4)) % 24, int(match.group(5))
    hour, minute, meridiem = int(match.group(1)) % 12, int(match.group(2) or 0), match.group(3)
    return (hour + 12 if meridiem.startswith("p") else hour), minute


def _governing_verb(token: Token) -> Token:
    """The first verb up the parse from ``token`` (itself if a verb), else the root it reaches."""
    verb = token
    while verb.pos_ not in {"VERB", "AUX"} and verb.head.i != verb.i:
        verb = verb.head
    return verb


def _auxiliaries(verb: Token) -> set[str]:
    return {child.lower_ for child in verb.children if child.dep_ in {"aux", "auxpass"}}


def _verb_direction(verb: Token) -> Direction:
    auxiliaries = _auxiliaries(verb)
    if auxiliaries & {"will", "'ll", "shall", "wo"} or (verb.lower_ == "going" and "to" in auxiliaries):
        return "future"
    if verb.tag_ == "VBD" or auxiliaries & {"had", "has", "have", "'ve", "did", "was", "were"}:
        return "past"
    # A present ("takes office on", "is expected on", "are meeting on") is a scheduled one.
    if verb.tag_ in {"VBZ", "VBP", "VBG"} or auxiliaries & {"is", "are", "am", "'s", "'re"}:
        return "future"
    return None


def tense_direction(token: Token) -> Direction:
    """Where the tense of the clause around ``token`` points: "past" ("met on Thursday",
    "has said"), "future" ("will meet", "takes office on January 20", "rain is expected on
    Sunday": a scheduled present), or None when the clause has no finite verb. A time
    before a noun ("his April conviction") dates what the noun names, which past-tense
    reporting anywhere above it ("said", "upheld") puts in the past."""
    verb = _governing_verb(token)
    head = token.head
    before_noun = token.dep_ in {"compound", "nmod", "amod"} and head.pos_ == "NOUN" and token.i < head.i
    verbs_above = (above for above in (verb, *verb.ancestors) if above.pos_ in {"VERB", "AUX"})
    if before_noun and any(_verb_direction(above) == "past" for above in verbs_above):
        return "past"
    return _verb_direction(verb)


def _reading(root: Token, others: list[tuple[str, Token]]) -> Reading:
    """The direction of the clause around ``root`` and the time it counts from: among the
    ``others`` (time id, root), the nearest one governed by a verb above this clause's own
    ("proposed on Saturday ... starting on Monday")."""
    verb = _governing_verb(root)
    above = [ancestor for ancestor in verb.ancestors if ancestor.pos_ in {"VERB", "AUX"}]
    anchors = [
        (above.index(other_verb), time_id)
        for time_id, other_root in others
        if other_root.i != root.i and (other_verb := _governing_verb(other_root)) in above
    ]
    direction = tense_direction(root)
    if not anchors:
        return Reading(direction)
    # From a dated clause, "would" looks forward from that day ("said on Friday talks
    # would start on Monday").
    if direction is None and "would" in _auxiliaries(verb):
        direction = "future"
    return Reading(direction, min(anchors)[1])


def _time_spans(doc: Doc, text: str) -> list[tuple[int, int]]:
    """Where the time expressions of ``doc`` are: its DATE and TIME entities, clock times
    and spans of prehistory NER missed, a clock time joined to the day it falls on."""
    spans = [(ent.start_char, ent.end_char) for ent in doc.ents if ent.label_ in {"DATE", "TIME"}]
    found = []
    for match in _CLOCK.finditer(text):
        end = match.end()
        if not any(c.isalpha() for c in match.group(0)):
            zone = _ZONE.match(text, end)
            if zone is None and not _AT.search(text, 0, match.start()):
                continue
            end = zone.end() if zone else end
        found.append((match.start(), end))
    found.extend(match.span() for match in _ERA.finditer(text))
    for start, end in found:
        overlapping = [span for span in spans if span[0] < end and start < span[1]]
        if overlapping:
            spans = [span for span in spans if span not in overlapping]
            start, end = min(start, *(s for s, _ in overlapping)), max(end, *(e for _, e in overlapping))
        tokens = doc.char_span(start, end, alignment_mode="expand")
        if tokens is not None and len(tokens):
            spans.append((tokens.start_char, tokens.end_char))
    return _join_clocks_to_days(sorted(set(spans)), text)


def _join_clocks_to_days(spans: list[tuple[int, int]], text: str) -> list[tuple[int, int]]:
    """A clock time and the day beside it ("16:16 GMT on 14 March", "Friday at 9.30am") as one span."""
    joined: list[tuple[int, int]] = []
    for start, end in spans:
        if joined:
            last_start, last_end = joined[-1]
            clocks = [bool(_CLOCK.search(text[a:b])) for a, b in ((last_start, last_end), (start, end))]
            if clocks[0] != clocks[1] and _CLOCK_DAY_GAP.fullmatch(text, last_end, start):
                joined[-1] = (last_start, end)
                continue
        joined.append((start, end))
    return joined


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
    by_sentence: dict[int, list[tuple[str, Token]]] = {}
    for time_id, root in roots:
        by_sentence.setdefault(root.sent.start, []).append((time_id, root))
    readings = {time_id: _reading(root, by_sentence[root.sent.start]) for time_id, root in roots}
    return times, readings


def resolve_times(times: list[TimeExpression], base: date | None, readings: dict[str, Reading]) -> None:
    """Give each time expression its value against ``base`` (publication date or post time),
    the direction of its clause and the day of its anchor (``find_times``): anchors first."""
    by_id = {time.id: time for time in times}

    def anchor_day(reading: Reading) -> date | None:
        anchor = by_id.get(reading.anchor) if reading.anchor else None
        if anchor is None or anchor.value is None or anchor.grain not in {"day", "minute"}:
            return None
        return date.fromisoformat(anchor.value[:10])

    # An anchor's clause is above its dependant's, so anchors resolve in an earlier round.
    pending = {time.id: readings.get(time.id, Reading()) for time in times}
    while pending:
        ready = [time_id for time_id, reading in pending.items() if reading.anchor not in pending]
        for time_id in ready:
            time, reading = by_id[time_id], pending.pop(time_id)
            resolved = normalise_time(time.span.text, base, reading.direction, anchor_day(reading))
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
