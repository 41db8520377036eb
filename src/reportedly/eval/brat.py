"""Read PolNeAR attribution annotations in BRAT standoff format.

A text-bound line is ``T<n>\\t<Label> <start> <end>[;<start> <end>...]\\t<text>``
(the text may run over several lines, so only offsets are trusted); a relation
line is ``E<n>\\tAttribution:T<a> Source:T<s> Cue:T<c> Content:T<t> [Content2:T<u>]``.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from pathlib import Path

_TEXT_BOUND = re.compile(r"^(T\d+)\t(\S+) ([\d ;]+)\t")
_EVENT = re.compile(r"^(E\d+)\t(.*)$")

Parts = tuple[tuple[int, int], ...]


@dataclass(slots=True)
class GoldAttribution:
    """One annotated attribution, each role as its (possibly multi-part) character ranges."""

    cue: Parts = ()
    source: Parts = ()
    content: Parts = ()


@dataclass(slots=True)
class GoldArticle:
    name: str
    text: str
    attributions: list[GoldAttribution] = field(default_factory=list)
    published: str | None = None

    def role_spans(self) -> list[tuple[str, tuple[int, int]]]:
        """Every annotated span part as ``(role, (start, end))``, role ``CUE``, ``SOURCE`` or ``CONTENT``."""
        return [
            (role, part)
            for attribution in self.attributions
            for role, parts in (
                ("CUE", attribution.cue),
                ("SOURCE", attribution.source),
                ("CONTENT", attribution.content),
            )
            for part in parts
        ]


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


def read_publication_dates(split_dir: Path) -> dict[str, str]:
    """Article name to publication date, from the corpus ``metadata.tsv`` beside the split."""
    metadata = split_dir.parent / "metadata.tsv"
    if not metadata.exists():
        return {}
    with metadata.open(encoding="utf-8", newline="") as handle:
        return {row["filename"]: row["publication_date"] for row in csv.DictReader(handle, delimiter="\t")}


def read_split(split_dir: Path, every_annotator: bool = False) -> list[GoldArticle]:
    """Read every article of a PolNeAR split (``text/*.txt`` and ``attributions/*.ann``).

    When an article has several annotators' files, the alphabetically first is gold;
    with ``every_annotator`` each file gives its own copy of the article (more, if noisier,
    training data).
    """
    dates = read_publication_dates(split_dir)
    articles = []
    for text_path in sorted((split_dir / "text").glob("*.txt")):
        name = text_path.stem
        annotations = sorted((split_dir / "attributions").glob(f"{glob_escape(name)}_*.ann"))
        text = text_path.read_bytes().decode("utf-8")
        for annotation in annotations if every_annotator else annotations[:1]:
            gold = parse_ann(annotation.read_bytes().decode("utf-8"))
            articles.append(GoldArticle(name=name, text=text, attributions=gold, published=dates.get(name)))
    return articles


def glob_escape(name: str) -> str:
    return re.sub(r"([\[\]*?])", r"[\1]", name)
