"""When an article was published, for inputs whose format has no place to say it.

A folder of text files carries its dates in its file names ("2025-05-12-peskov.txt"), in a
"Published:" or "Date:" line at the top of each text, or in a sidecar file listing each
file's date, outlet, url and title (``reportedly ingest --dates FILE``). One date wins:
the sidecar's (the user wrote it for this ingest), then the input's own (a header line, an
HTML page's metadata, a JSON Lines record's ``published``), then the file name's, then
``--published``.
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from reportedly.ingest.read import InputError, check_strings

SIDECAR_FIELDS = ("name", "published", "outlet", "url", "title")
# Lines at the top of a text a "Published:" line may be on (after a title, a byline).
HEADER_LINES = 5

# 2025-05-12, 2025_05_12 or 20250512, not inside a longer number.
_NAME_DATE = re.compile(r"(?<!\d)((?:19|20)\d{2})([-_]?)(\d{2})\2(\d{2})(?!\d)")
_HEADER = re.compile(r"^\s*(?:published|date)\s*:\s*(?P<value>\S.*?)\s*$", re.IGNORECASE)
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
# "May 12, 2025", "12 May 2025", "Mon, 12 May 2025": the words of a day, before any time.
_WRITTEN_DAY = re.compile(r"(?:[A-Za-z]+,?\s+)?(\d{1,2}\s+[A-Za-z]+\.?|[A-Za-z]+\.?\s+\d{1,2}),?\s+(\d{4})")
_WRITTEN_FORMATS = ("%d %B %Y", "%d %b %Y", "%B %d %Y", "%b %d %Y")


@dataclass(frozen=True, slots=True)
class Listing:
    """What a sidecar file says about one input file."""

    published: date | None = None
    outlet: str | None = None
    url: str | None = None
    title: str | None = None


def iso_date(value: str | None) -> date | None:
    """The date of an ISO date or date-time ("2025-05-12", "2025-05-12T08:00Z"), the whole
    value: "2025-05-12garbage" is no date (None), where a field holds a date and nothing else."""
    if not value or not _ISO_DAY.match(value):
        return None
    try:
        return datetime.fromisoformat(value).date()
    except ValueError:
        return None


def date_in_name(name: str) -> date | None:
    """The date a file name holds ("2025-05-12-peskov.txt", "peskov_20250512.txt"), if any."""
    for match in _NAME_DATE.finditer(Path(name).name):
        try:
            return date(int(match.group(1)), int(match.group(3)), int(match.group(4)))
        except ValueError:  # 20251399: digits, not a date
            continue
    return None


def date_in_header(text: str) -> date | None:
    """The date of a "Published: 2025-05-12" or "Date: May 12, 2025" line among the first
    lines of a text, if any. The line stays in the text: offsets are into the text as read."""
    for line in text.lstrip().split("\n", HEADER_LINES)[:HEADER_LINES]:  # not every line of a long text
        if match := _HEADER.match(line):
            return written_date(match.group("value"))
    return None


def written_date(value: str) -> date | None:
    """An ISO date, or a day written out ("May 12, 2025", "12 May 2025"), at the start of
    ``value``: a header line may go on ("2025-05-12, 08:00 GMT")."""
    if day := _ISO_DAY.match(value):
        try:
            return date.fromisoformat(day.group())
        except ValueError:
            return None
    match = _WRITTEN_DAY.match(value)
    if match is None:
        return None
    words = f"{match.group(1).replace('.', '')} {match.group(2)}"
    for pattern in _WRITTEN_FORMATS:
        try:
            return datetime.strptime(words, pattern).date()
        except ValueError:
            continue
    return None


def publication_date(
    name: str, own: date | None, listing: Listing | None, published: date | None
) -> date | None:
    """An input's date: the sidecar's, else its own, else its file name's, else ``published``."""
    return (listing.published if listing else None) or own or date_in_name(name) or published


def listing_for(name: str, listings: dict[str, Listing]) -> Listing | None:
    """The sidecar row for a file: by its file name, or by its name without extension."""
    path = Path(name)
    return listings.get(path.name) or listings.get(path.stem)


def read_sidecar(path: Path) -> dict[str, Listing]:
    """The rows of a sidecar file (CSV with a header line, a JSON list of objects, or JSON
    Lines) by file name; a bad row raises InputError naming the file and line."""
    listings: dict[str, Listing] = {}
    for where, row in _sidecar_rows(path):
        name = row.get("name")
        if not isinstance(name, str) or not name.strip():
            raise InputError(where, "no 'name' (the file name the row is about)")
        check_strings(where, row, SIDECAR_FIELDS[1:])
        published = row.get("published") or None
        day = iso_date(published)
        if published and day is None:
            raise InputError(where, f"'published' is not an ISO date (YYYY-MM-DD): {published!r}")
        listings[name.strip()] = Listing(
            day, row.get("outlet") or None, row.get("url") or None, row.get("title") or None
        )
    return listings


def _sidecar_rows(path: Path) -> Iterator[tuple[str, dict[str, Any]]]:
    """Each row of a sidecar with where it is (file:line, or file:item for a JSON list)."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(str(path), f"cannot read the dates file ({error})") from None
    suffix = path.suffix.lower()
    if suffix == ".csv":
        reader = csv.DictReader(text.splitlines())
        if "name" not in (reader.fieldnames or []):
            header = ",".join(SIDECAR_FIELDS)
            raise InputError(str(path), f"a CSV dates file opens with a header line ({header})")
        for row in reader:
            yield f"{path}:{reader.line_num}", row
        return
    if suffix == ".json":
        rows = _json(str(path), text)
        if not isinstance(rows, list):
            raise InputError(str(path), "a JSON dates file must be a list of objects")
        numbered = [(f"{path}:item {number}", row) for number, row in enumerate(rows, start=1)]
    else:
        lines = [(f"{path}:{number}", line) for number, line in enumerate(text.splitlines(), start=1)]
        numbered = [(where, _json(where, line)) for where, line in lines if line.strip()]
    for where, row in numbered:
        if not isinstance(row, dict):
            raise InputError(where, "each row must be an object with a 'name'")
        yield where, row


def _json(where: str, text: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise InputError(where, f"malformed JSON ({error.msg}, column {error.colno})") from None
