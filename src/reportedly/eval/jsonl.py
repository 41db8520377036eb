"""Gold files in JSON Lines: one record per line, blank lines skipped."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, TypeVar

from reportedly.eval import GoldError

Record = TypeVar("Record")


def read_json_lines(path: Path, what: str, parse: Callable[[dict[str, Any]], Record]) -> list[Record]:
    """Each line parsed by ``parse``; a line that is no JSON or that ``parse`` rejects
    (KeyError, TypeError, ValueError) raises GoldError naming the file and line."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        raise GoldError(f"{path}: not valid UTF-8 (byte offset {error.start})") from None
    records = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            records.append(parse(json.loads(line)))
        except (ValueError, KeyError, TypeError) as error:
            raise GoldError(f"{path}:{number}: not a {what} ({error})") from None
    return records


def write_json_lines(path: Path, records: Iterable[dict[str, Any]]) -> None:
    """One JSON record a line (an evaluation's errors), non-ASCII text as it is."""
    with path.open("w", encoding="utf-8") as handle:
        handle.writelines(json.dumps(record, ensure_ascii=False) + "\n" for record in records)
