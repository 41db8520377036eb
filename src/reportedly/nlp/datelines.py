"""Datelines: where a wire report was filed, opening its first line or a sentence
("TRIPOLI - ", "ALGIERS (AFP) - ", "BEIJING (Xinhua) -- ", "VIENNA, July 2 (Reuters) - ",
"NABLUS, West Bank - ", "WASHINGTON — "). One reader for every stage: a dateline's place is
no one's antecedent and no party, and it gives the report's country.
"""

from __future__ import annotations

import re

# The dashes that end a dateline.
DASHES = frozenset({"-", "--", "–", "—"})
# The most words a dateline takes: "RIO DE JANEIRO , Brazil ( Reuters ) -".
DATELINE_WORDS = 12
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?"
# A place in capitals, the region or country it is in at most, a date at most, an agency in
# brackets at most, and a dash set off by spaces (not "UN-backed"); its groups are ``place``,
# ``region``, ``date`` and ``agency``. Read with ``DATELINE.match(text, start, end)``.
DATELINE = re.compile(
    r"(?P<place>[A-Z][A-Z.'’-]+(?:,? [A-Z][A-Z.'’-]+)*)"
    r"(?:, (?P<region>[A-Z][a-z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}))?"
    rf"(?P<date>,? {_MONTH} \d{{1,2}}(?:, \d{{4}})?)?"
    r"(?: ?\((?P<agency>[^()\n]{1,30})\))? (?:--?|[–—]) "
)


def line_dateline(text: str, start: int) -> re.Match[str] | None:
    """The dateline that opens the line ``start`` is on, where nothing but white space is
    before ``start`` on that line; else None."""
    line = text.rfind("\n", 0, start) + 1
    if text[line:start].strip():
        return None
    return DATELINE.match(text, start)


# The characters of a report its opening dateline is looked for in: its first lines (a headline
# and a subhead may come before it).
OPENING_CHARACTERS = 600


def opening_dateline(text: str) -> re.Match[str] | None:
    """The dateline that opens one of a report's first lines ("ABUJA, May 3 (Reuters) -" under
    its headline), matched on that line; None where none does."""
    for line in text[:OPENING_CHARACTERS].splitlines():
        if (dateline := DATELINE.match(line.strip())) is not None:
            return dateline
    return None
