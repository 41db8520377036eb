"""Read PolNeAR's articles and their attribution annotations (BRAT standoff files, which
:mod:`reportedly.store.brat` parses)."""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from pathlib import Path

from reportedly.model import Range
from reportedly.store.brat import GoldAttribution, parse_ann


@dataclass(slots=True)
class GoldArticle:
    name: str
    text: str
    attributions: list[GoldAttribution] = field(default_factory=list)
    published: str | None = None

    def role_spans(self) -> list[tuple[str, Range]]:
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
