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
from itertools import pairwise
from pathlib import Path

from reportedly.model import Range

_TEXT_BOUND = re.compile(r"^(T\d+)\t(\S+) ([\d ;]+)\t")
_EVENT = re.compile(r"^(E\d+)\t(.*)$")
# Whole lines as ``check_ann`` takes them: a text-bound annotation (discontinuous spans join
# "START END" pairs with ";"), an event, a note.
_TEXT_BOUND_LINE = re.compile(r"(?P<id>T\d+)\t\S+ (?P<offsets>[^\t]*)\t(?P<text>.*)")
_OFFSETS = re.compile(r"\d+ \d+(;\d+ \d+)*")
_EVENT_LINE = re.compile(r"(?P<id>E\d+)\t(?P<arguments>\S+:T\d+( \S+:T\d+)*)")
_NOTE_LINE = re.compile(r"#\d*\t.*")

Parts = tuple[Range, ...]  # the parts of one text-bound annotation, several if it is discontinuous
# The roles of an event's arguments that ``parse_ann`` reads (any case), and the triggers
# PolNeAR and ``export --format brat`` give them.
ROLES = ("Attribution", "Attribution-no-source", "Source", "Cue", "Content", "Content2")


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
        parts.append(Range(int(start), int(end)))
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


def check_ann(path: Path, ann: str, text: str) -> str:
    """``ann`` if it is what ``parse_ann`` reads without loss for a document of ``text``; else a
    BratError naming the file, the line and the problem. Every line is blank, a note, a
    text-bound annotation or an event, each id defined once; a text-bound annotation's spans
    are in order inside the text and hold the text its line gives (whitespace aside: the
    line cannot hold line breaks); an event's arguments are defined text-bound annotations
    in roles ``parse_ann`` reads, each role once, with a Cue or a Content.
    (``parse_ann`` reads PolNeAR's trusted files without this check.)"""
    lines = ann.splitlines()  # as parse_ann splits them, whatever the line ends
    defined = {match["id"] for line in lines if (match := _TEXT_BOUND_LINE.fullmatch(line))}
    seen: set[str] = set()
    for number, line in enumerate(lines, start=1):
        if problem := _line_problem(line, defined, seen, text):
            raise BratError(f"{path}:{number}: {problem}: {line[:60]!r}")
    return ann


def _line_problem(line: str, defined: set[str], seen: set[str], text: str) -> str | None:
    """What is wrong with one line of a .ann file, or None; ``seen`` gathers the ids so far."""
    if not line.strip() or _NOTE_LINE.fullmatch(line):
        return None
    match = _TEXT_BOUND_LINE.fullmatch(line) or _EVENT_LINE.fullmatch(line)
    if match is None:
        return "not a BRAT text-bound annotation (T), event (E) or note (#)"
    if match["id"] in seen:
        return f"{match['id']} is defined twice"
    seen.add(match["id"])
    if match.re is _TEXT_BOUND_LINE:
        return _span_problem(match["offsets"], match["text"], text)
    return _event_problem(match["arguments"], defined)


def _span_problem(offsets: str, line_text: str, text: str) -> str | None:
    """What is wrong with a text-bound annotation's offsets in ``text``, or None."""
    if not _OFFSETS.fullmatch(offsets):
        return "offsets are not START END pairs (discontinuous parts joined by ';')"
    parts = _parse_parts(offsets)
    if any(start == end for start, end in parts):
        return "a span is empty"
    if any(start > end for start, end in parts):
        return "a span ends before it starts"
    if any(end > len(text) for _, end in parts):
        return f"a span is not inside the text ({len(text)} characters)"
    if any(later[0] < earlier[1] for earlier, later in pairwise(parts)):
        return "discontinuous parts overlap or are out of order"
    spanned = " ".join(text[start:end] for start, end in parts)
    if spanned.split() != line_text.split():
        return f"the text at these offsets is {spanned[:40]!r}, not the line's"
    return None


def _event_problem(arguments: str, defined: set[str]) -> str | None:
    """What is wrong with an event's arguments (``Role:T<n>`` separated by spaces), or None."""
    roles = [argument.rsplit(":", 1) for argument in arguments.split()]
    known = {role.casefold(): role for role in ROLES}
    names = [role.casefold() for role, _ in roles]
    if unknown := [role for role, _ in roles if role.casefold() not in known]:
        return f"unknown role {unknown[0]!r} (roles: {', '.join(ROLES)})"
    if twice := sorted({name for name in names if names.count(name) > 1}):
        return f"{known[twice[0]]} given twice"
    if missing := [target for _, target in roles if target not in defined]:
        return f"no text-bound annotation {missing[0]}"
    if not {"cue", "content"} & set(names):
        return "an attribution needs a Cue or a Content"
    return None
