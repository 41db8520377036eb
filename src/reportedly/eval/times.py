"""Score time expressions and their values against a gold file of news passages.

A gold file is JSON Lines, one passage per line (``docs/time-annotation.md``)::

    {"id": "t-001", "published": "2025-05-12T09:30:00+00:00", "source": "wire", "text": "...",
     "times": [{"start": 23, "end": 41, "text": "Thursday 15 May", "value": "2025-05-15",
                "grain": "day"}]}

Values are ISO 8601 at their grain (``2025-05-15``, ``2025-05-15T16:16``, ``2025-05``,
``2025``, ``2025-W20``, ``2025-05-17/2025-05-18``), null where the expression is no point
in time (a duration, prehistory, "recently"). A gold time may carry a ``category`` as well;
figures are given by gold grain, by category and by the passage's ``source``.

Each passage is extracted whole, dated by its ``published`` day. A gold expression is
found when a system expression overlaps it (the annotator and the system need not agree on
a leading "on" or a trailing zone); its value is right when the two values are equal once
written the same way (:func:`canonical_value`), a gold null being right when the system
gives none. An expression is right when found with its value right; the share of gold
expressions that are right is the headline figure. Precision is the share of system
expressions that overlap a gold one.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from tqdm import tqdm

from reportedly.eval.jsonl import read_json_lines
from reportedly.extract import Extractor
from reportedly.model import Document, TimeExpression


@dataclass(frozen=True, slots=True)
class GoldTime:
    start: int
    end: int
    text: str
    value: str | None
    grain: str | None
    category: str | None = None


@dataclass(frozen=True, slots=True)
class Passage:
    id: str
    published: date | None
    text: str
    times: tuple[GoldTime, ...]
    source: str | None = None


def _passage(record: dict[str, Any]) -> Passage:
    text = record["text"]
    published = record.get("published")
    times = []
    for time in record["times"]:
        start, end = _aligned(text, int(time["start"]), int(time["end"]), time.get("text"))
        times.append(
            GoldTime(start, end, text[start:end], time["value"], time.get("grain"), time.get("category"))
        )
    return Passage(
        str(record["id"]),
        datetime.fromisoformat(published).date() if published else None,
        text,
        tuple(times),
        record.get("source"),
    )


def _aligned(text: str, start: int, end: int, words: str | None) -> tuple[int, int]:
    """The span, or where its words are nearest to it when the offsets miss them by a few
    characters; words found nowhere in the text are a malformed record."""
    if words is None or text[start:end] == words:
        if not 0 <= start < end <= len(text):
            raise ValueError(f"span {start}-{end} outside the text")
        return start, end
    places = [match.start() for match in re.finditer(re.escape(words), text)]
    if not places:
        raise ValueError(f"{words!r} is not in the text")
    nearest = min(places, key=lambda place: abs(place - start))
    return nearest, nearest + len(words)


def read_gold(path: Path) -> list[Passage]:
    """The passages of a times gold file; a malformed line raises GoldError naming it."""
    return read_json_lines(path, "times passage", _passage)


_NUMBER = re.compile(r"\d+")


def canonical_value(value: str | None) -> str | None:
    """One spelling of a value: seconds of zero and a zone of UTC dropped from a time
    (``2025-05-15T16:16:00Z`` is ``2025-05-15T16:16``), weeks and months two digits
    (``2025-W5``, ``2025-5``), a range's ends joined by "/" and a range of one day that day."""
    if value is None or not value.strip():
        return None
    value = value.strip().upper().replace("--", "/").replace(" ", "")
    value = re.sub(r"(T\d{1,2}:\d{2}):00(?:\.0+)?", r"\1", value)
    value = re.sub(r"(T\d{1,2}:\d{2})(?:Z|\+00:?00)$", r"\1", value)
    value = re.sub(r"(?<=[-W])(\d)(?=\D|$)", r"0\1", value)
    value = re.sub(r"T(\d):", r"T0\1:", value)
    ends = value.split("/")
    if len(ends) == 2 and ends[0] == ends[1]:
        return ends[0]
    return value


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _match(gold: GoldTime, system: list[TimeExpression]) -> TimeExpression | None:
    """The system expression overlapping ``gold`` most, if any."""
    scored = [(_overlap((gold.start, gold.end), (t.span.start, t.span.end)), t) for t in system]
    scored = [(overlap, time) for overlap, time in scored if overlap > 0]
    return max(scored, key=lambda item: item[0])[1] if scored else None


def score_passage(passage: Passage, system: list[TimeExpression]) -> dict[str, Any]:
    """Per gold time: found, value right, right; and how many system times overlap a gold one."""
    results = []
    for gold in passage.times:
        matched = _match(gold, system)
        value_right = matched is not None and canonical_value(matched.value) == canonical_value(gold.value)
        results.append(
            {
                "gold": gold,
                "system": matched,
                "found": matched is not None,
                "value_right": value_right,
            }
        )
    spans = [(gold.start, gold.end) for gold in passage.times]
    overlapping = sum(any(_overlap((t.span.start, t.span.end), span) for span in spans) for t in system)
    return {"results": results, "system": len(system), "system_overlapping": overlapping}


def _share(part: int, whole: int) -> float | None:
    return round(part / whole, 3) if whole else None


def _tally(results: list[dict[str, Any]]) -> dict[str, Any]:
    found = sum(result["found"] for result in results)
    right = sum(result["found"] and result["value_right"] for result in results)
    return {
        "gold": len(results),
        "found": _share(found, len(results)),
        "value_right_where_found": _share(right, found),
        "right": _share(right, len(results)),
    }


def _context(text: str, start: int, end: int, width: int = 60) -> str:
    marked = text[max(0, start - width) : start] + "[" + text[start:end] + "]" + text[end : end + width]
    return " ".join(marked.split())


def report(passages: list[Passage], systems: list[list[TimeExpression]]) -> dict[str, Any]:
    """The figures over every gold time, by gold grain, category and passage source, and the errors."""
    results, system_total, system_overlapping, errors = [], 0, 0, []
    by_source: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for passage, system in zip(passages, systems, strict=True):
        scored = score_passage(passage, system)
        system_total += scored["system"]
        system_overlapping += scored["system_overlapping"]
        for result in scored["results"]:
            results.append(result)
            if passage.source:
                by_source[passage.source].append(result)
            if result["found"] and result["value_right"]:
                continue
            gold, matched = result["gold"], result["system"]
            errors.append(
                {
                    "id": passage.id,
                    "published": passage.published.isoformat() if passage.published else None,
                    "gold": {"text": gold.text, "value": gold.value, "grain": gold.grain},
                    "system": None
                    if matched is None
                    else {"text": matched.span.text, "value": matched.value, "grain": matched.grain},
                    "context": _context(passage.text, gold.start, gold.end),
                }
            )
    by_grain: dict[str, list[dict[str, Any]]] = defaultdict(list)
    by_category: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for result in results:
        by_grain[result["gold"].grain or "null"].append(result)
        if result["gold"].category:
            by_category[result["gold"].category].append(result)
    return {
        "passages": len(passages),
        **_tally(results),
        "system": system_total,
        "precision": _share(system_overlapping, system_total),
        "by_grain": {grain: _tally(group) for grain, group in sorted(by_grain.items())},
        "by_category": {name: _tally(group) for name, group in sorted(by_category.items())},
        "by_source": {name: _tally(group) for name, group in sorted(by_source.items())},
        "errors": errors,
    }


def evaluate_times(path: Path, load_extractor: Callable[[], Extractor]) -> dict[str, Any]:
    """The report on the gold passages of ``path``, read before the extractor loads (a
    malformed file fails at once)."""
    passages = read_gold(path)
    extractor = load_extractor()
    documents = (Document(passage.id, passage.text, published=passage.published) for passage in passages)
    systems = [
        extraction.times
        for extraction in tqdm(extractor.extract(documents), total=len(passages), desc="times", disable=None)
    ]
    return report(passages, systems)


def format_report(figures: dict[str, Any]) -> str:
    def line(name: str, tally: dict[str, Any]) -> str:
        return (
            f"{name:<24} {tally['gold']:>5}  found {tally['found']}  "
            f"value right where found {tally['value_right_where_found']}  right {tally['right']}"
        )

    lines = [
        f"{figures['passages']} passages, {figures['gold']} gold times, "
        f"{figures['system']} found by the system",
        line("all", figures),
        f"precision (system times overlapping a gold one): {figures['precision']}",
        "by grain:",
        *(line("  " + grain, tally) for grain, tally in figures["by_grain"].items()),
    ]
    for breakdown in ("category", "source"):
        if groups := figures[f"by_{breakdown}"]:
            lines += [f"by {breakdown}:", *(line("  " + name, tally) for name, tally in groups.items())]
    lines.append(f"{len(figures['errors'])} errors (misses and wrong values) in the JSON report")
    return "\n".join(lines)
