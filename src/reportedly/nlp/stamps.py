"""Clock times and the stamps a live blog sets before its posts ("08:52", "8:52 a.m.:",
"Updated 10:14 GMT", "09:15 GMT -", "2:14 p.m. Spicer said ..."). One reader for every stage:
the ingest splits a page into posts by them, the speakers' turns start a pronoun's post after
one, the event parties leave one out of the words of a party, and the times read a clock in
running text.

The pieces (hour and minute, morning or afternoon, a zone) are written once here and composed
into the few patterns the callers need. They differ on purpose where the stamp ends:

- ``POST_HEADER``: a line that opens with a time, ended by a colon, a dash, a bar or the end
  of the line ("8:52 a.m.: ...", "Updated 10:14 GMT", "09:03 – ..."): a post's header.
- ``RUN_IN_HEADER``: a line that opens with a time that runs on into a sentence ("2:14 p.m.
  Spicer said ..."); with no mark to end it, the time needs its a.m./p.m. or a named zone.
- ``TIME_LINE``: a line that is only a time ("08:15 GMT", "2.15pm").
- ``POST_STAMP``: a post's label or time before its first words ("Live:", "Update 16:05:",
  "09:15 GMT -", "02:15 local time -"), read at a span's start; it may match nothing.
- ``CLOCK_IN_TEXT`` and ``ZONE_AFTER_CLOCK``: a clock time in running text ("at 8:52 a.m.",
  "7pm", "16:16 GMT").
"""

from __future__ import annotations

import re

# The hour and the minute of a clock, apart by a colon or a full stop ("8:52", "08.52").
_HOUR = r"\d{1,2}"
_MINUTE = r"\d{2}"
_SEPARATOR = r"[:.]"
HOUR_MINUTE = _HOUR + _SEPARATOR + _MINUTE
# Morning or afternoon after a stamp's clock, in any case and with or without full stops ("a.m.",
# "pm", "P.M.", "a. m."): the letter a or p, then this.
_MERIDIEM_AFTER_LETTER = r"\.?\s?m\.?"
MERIDIEM = r"(?i:[ap]" + _MERIDIEM_AFTER_LETTER + ")"
# Time zones by their abbreviation ("GMT", "EDT", "CEST"), in capitals.
ZONES = (
    "GMT",
    "UTC",
    "BST",
    "CET",
    "CEST",
    "EET",
    "EEST",
    "MSK",
    "IST",
    "EST",
    "EDT",
    "CST",
    "CDT",
    "PST",
    "PDT",
    "ET",
    "PT",
)
ZONE = "(?:" + "|".join(ZONES) + ")"
# A zone where the stamp is bounded by a mark or the line's end, so that any word in capitals
# after the clock is its zone ("09:15 GMT -", "08:15 WAT"), or "local time".
_BOUNDED_ZONE = r"(?:local time|[A-Z]{2,5})"
# A stamp's time where a mark or the line's end bounds it: the clock, its a.m./p.m. at most,
# its zone at most ("08:52", "8:52 a.m.", "16:05 GMT", "02:15 local time").
_STAMP_TIME = HOUR_MINUTE + r"(?:[ \t]*" + MERIDIEM + r")?(?:[ \t]*" + _BOUNDED_ZONE + ")?"
# Words that label a post ("Live:", "Update 16:05:", "BREAKING:").
_POST_LABEL = r"(?:Live|LIVE|Update|UPDATE|Updated|Breaking|BREAKING|Latest|LATEST)"

# A post opens a line with its time ("Updated" at most before it), then a colon, a dash, a
# bar or the end of the line. Its group ``time``.
POST_HEADER = re.compile(
    r"^(?:(?i:Updated):?\s+)?(?P<time>" + _STAMP_TIME + r")(?=\s*(?:[:\-–—|]|$))", re.MULTILINE
)
# CBS style: a line opens with a time of day, then the post's first sentence ("2:14 p.m.
# Spicer said ..."). Any sentence may open that way, so the time needs its a.m./p.m. or a
# named zone and a capital must follow (and ingest/liveblog.py asks for two such lines). Its
# group ``time``.
RUN_IN_HEADER = re.compile(
    r"^(?P<time>" + HOUR_MINUTE + r"\s*(?:" + MERIDIEM + "|" + ZONE + r"\b)(?:\s*" + ZONE + r"\b)?)"
    r"[ \t]+(?=[A-Z\"“‘'])",
    re.MULTILINE,
)
# A line that is only a time ("08:15 GMT", "2.15pm"): a live blog's post opens after it.
TIME_LINE = re.compile(r"^[ \t]*" + _STAMP_TIME + r"[ \t]*$", re.MULTILINE)
# A post's label, its time, or both, before its first words ("Live:", "Update 16:05:",
# "09:15 GMT -", "02:15 local time -"): read with ``POST_STAMP.match(text, start, end)``; it
# matches the empty string where there is none.
POST_STAMP = re.compile(
    r"(?:" + _POST_LABEL + r"(?:\s+" + HOUR_MINUTE + r")?\s*:\s*)?(?:" + _STAMP_TIME + r"\s*[-–—:]\s+)?"
)
# A clock's hour, minute and half of the day ("8:52 a.m.", "1.05 pm", "16:05"), for ``clock``.
_CLOCK = re.compile(
    r"(" + _HOUR + ")" + _SEPARATOR + "(" + _MINUTE + r")\s*(?:((?i:[ap]))" + _MERIDIEM_AFTER_LETTER + ")?",
    re.IGNORECASE,
)

# A clock time in running text: an hour (and minute) with "am"/"pm" (groups 1 to 3: "7pm",
# "9.30 a.m."), or an hour and a minute with none (groups 4 and 5: "16:05"). A full stop after
# "am" ends the sentence, so only "a.m." takes one. Both alternatives begin a word with a
# digit: tried only there (``(?=\d)(?<!\w)``, which re rules out faster than it tries each
# alternative's ``\b``).
_MERIDIEM_IN_TEXT = r"a\.m\.?|p\.m\.?|am|pm"
CLOCK_IN_TEXT = re.compile(
    r"(?=\d)(?<!\w)(?:\b("
    + _HOUR
    + r")(?:"
    + _SEPARATOR
    + "("
    + _MINUTE
    + r"))?\s*("
    + _MERIDIEM_IN_TEXT
    + r")(?=\W|$)"
    r"|\b(" + _HOUR + ")" + _SEPARATOR + "(" + _MINUTE + r")\b(?!\s*[ap]\.?m))"
)
# The zone after a clock time in running text ("16:16 GMT", "8pm local time", "9am Kyiv time").
ZONE_AFTER_CLOCK = re.compile(r"\s*(?:" + ZONE + r"|local time|[A-Z][a-z]+ time)\b")


def clock(text: str) -> str | None:
    """ "8:52 a.m." -> "08:52", "1.05 pm" -> "13:05"; None if it is no time of day."""
    match = _CLOCK.match(text.strip())
    if match is None:
        return None
    hour, minute, half = int(match.group(1)), int(match.group(2)), (match.group(3) or "").lower()
    if half == "p" and hour < 12:
        hour += 12
    elif half == "a" and hour == 12:
        hour = 0
    return f"{hour:02d}:{minute:02d}" if hour < 24 and minute < 60 else None
