"""Attributions in BRAT standoff format, as PolNeAR annotates them and ``export --format brat``
writes them.

A text-bound line is ``T<n>\\t<Label> <start> <end>[;<start> <end>...]\\t<text>``
(the text may run over several lines, so only offsets are trusted); a relation
line is ``E<n>\\tAttribution:T<a> Source:T<s> Cue:T<c> Content:T<t> [Content2:T<u>]``.

Here, in the store, because the store imports corrected files and the evaluation reads
PolNeAR's gold: the lower of the two layers that read the format.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

_TEXT_BOUND = re.compile(r"^(T\d+)\t(\S+) ([\d ;]+)\t")
_EVENT = re.compile(r"^(E\d+)\t(.*)$")
# Whole lines as ``check_ann`` takes them: a text-bound annotation (discontinuous spans join
# "START END" pairs with ";"), an event, a note.
_TEXT_BOUND_LINE = re.compile(r"T\d+\t\S+ (?P<offsets>[^\t]*)\t.*")
_OFFSETS = re.compile(r"\d+ \d+(;\d+ \d+)*")
_EVENT_LINE = re.compile(r"E\d+\t\S+:T\d+( \S+:T\d+)*")
_NOTE_LINE = re.compile(r"#\d*\t.*")

Parts = tuple[tuple[int, int], ...]


class BratError(ValueError):
    """BRAT files that cannot be imported: the file (and line) and what is wrong with it."""


@dataclass(slots=True)
class GoldAttribution:
    """One annotated attribution, each role as its (possibly multi-part) character ranges."""

    cue: Parts = ()
    source: Parts = ()
    content: Parts = ()


def _parse_parts(offsets: str) -> Parts:
    parts = []
    for piece in offsets.split(";"):
        start, end = piece.split()
        parts.append((int(start), int(end)))
    return tuple(parts)


def parse_ann(ann_text: str) -> list[GoldAttribution]:
    """Parse the attribution relations of one ``.ann`` file."""
    spans: dict[str, Parts] = {}
    relations: list[dict[str, str]] = []
    for line in ann_text.splitlines():
        if match := _TEXT_BOUND.match(line):
            spans[match.group(1)] = _parse_parts(match.group(3))
        elif match := _EVENT.match(line):
            arguments = dict(arg.split(":", 1) for arg in match.group(2).split() if ":" in arg)
            relations.append({role.lower(): target for role, target in arguments.items()})
    attributions = []
    for arguments in relations:
        content = spans.get(arguments.get("content", ""), ()) + spans.get(arguments.get("content2", ""), ())
        attributions.append(
            GoldAttribution(
                cue=spans.get(arguments.get("cue", ""), ()),
                source=spans.get(arguments.get("source", ""), ()),
                content=tuple(sorted(content)),
            )
        )
    return attributions


def check_ann(path: Path, ann: str, text_length: int) -> str:
    """``ann`` if every line is a text-bound annotation with offsets inside the text, an event
    whose arguments are defined, a note or blank; else a BratError naming the line.
    (``parse_ann`` reads PolNeAR's trusted files without this check.)"""
    defined = set(re.findall(r"^(T\d+)\t", ann, flags=re.MULTILINE))
    for number, line in enumerate(ann.splitlines(), start=1):
        if problem := _line_problem(line, defined, text_length):
            raise BratError(f"{path}:{number}: {problem}: {line[:60]!r}")
    return ann


def _line_problem(line: str, defined: set[str], text_length: int) -> str | None:
    """What is wrong with one line of a .ann file, or None."""
    if not line.strip() or _NOTE_LINE.fullmatch(line):
        return None
    if match := _TEXT_BOUND_LINE.fullmatch(line):
        offsets = match["offsets"]
        if not _OFFSETS.fullmatch(offsets):
            return "offsets are not START END pairs (discontinuous parts joined by ';')"
        if any(not start <= end <= text_length for start, end in _parse_parts(offsets)):
            return f"a span is not inside the text ({text_length} characters)"
        return None
    if _EVENT_LINE.fullmatch(line):
        missing = [target for target in re.findall(r":(T\d+)", line) if target not in defined]
        return f"no text-bound annotation {missing[0]}" if missing else None
    return "not a BRAT text-bound annotation (T), event (E) or note (#)"
