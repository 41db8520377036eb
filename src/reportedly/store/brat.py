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

_TEXT_BOUND = re.compile(r"^(T\d+)\t(\S+) ([\d ;]+)\t")
_EVENT = re.compile(r"^(E\d+)\t(.*)$")

Parts = tuple[tuple[int, int], ...]


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
