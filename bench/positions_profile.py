"""The positions stage's time outside the encoder, and where it goes.

    python bench/positions_profile.py ../shared/data/polnear/dev [--articles 12] [--rounds 5] [--profile 25]
    python bench/positions_profile.py --synthetic [--articles 100] ...

The first ``--articles`` PolNeAR articles (by name), or as many of ``bench/store.py``'s
synthetic wire stories (``--synthetic``), are extracted once with the shipped resources;
then ``take_positions`` runs again on each extraction, ``--rounds`` times, best round kept.
The statements' vectors are on the extractions by then, so the encoder embeds nothing: what
is timed is the stage's own work (issues' patterns, the gate, the rules' stance readings, the
learned model's features and products). ``--profile N`` prints cProfile's N costliest
functions (cumulative time) of one more round on stderr.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import pstats
import random
import sys
import time
from datetime import date
from pathlib import Path

from store import synthetic_text

from reportedly.eval.brat import read_publication_dates
from reportedly.extract import Extractor
from reportedly.model import Document, Extraction
from reportedly.positions.parties import name_demanded
from reportedly.positions.statements import take_positions


def positions_round(extractor: Extractor, extractions: list[Extraction]) -> int:
    """The stage as ``stages.assign_positions`` runs it: the stances, whom demands are of named."""
    resources = extractor.resources
    return sum(
        len(
            name_demanded(
                take_positions(extraction, resources.issues, resources.encoder, resources.positions),
                extraction,
                resources.coder,
            )
        )
        for extraction in extractions
    )


def document_arguments(parser: argparse.ArgumentParser, articles: int) -> None:
    """The options that choose the documents (:func:`chosen_documents`)."""
    parser.add_argument("split", type=Path, nargs="?", help="a PolNeAR split folder (text/*.txt)")
    parser.add_argument("--synthetic", action="store_true", help="bench/store.py's stories, not PolNeAR's")
    parser.add_argument("--articles", type=int, default=articles)


def chosen_documents(parser: argparse.ArgumentParser, args: argparse.Namespace) -> list[Document]:
    """The first ``--articles`` PolNeAR articles of the split (by name), or as many of
    bench/store.py's synthetic stories (``--synthetic``)."""
    if args.synthetic:
        rng = random.Random(2024)
        texts = [synthetic_text(rng, number) for number in range(args.articles)]
        return [Document(f"d{n}", text, date(2024, 12, 26)) for n, text in enumerate(texts)]
    if args.split is None:
        parser.error("a PolNeAR split folder or --synthetic")
    dates = read_publication_dates(args.split)
    paths = sorted((args.split / "text").glob("*.txt"))[: args.articles]
    return [
        Document(
            path.stem,
            path.read_text(encoding="utf-8"),
            date.fromisoformat(dates.get(path.stem, "2016-10-01")),
        )
        for path in paths
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    document_arguments(parser, 12)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--profile", type=int, default=0, help="print this many functions of a profile")
    args = parser.parse_args()
    documents = chosen_documents(parser, args)
    extractor = Extractor()
    extractions = list(extractor.extract(iter(documents)))
    seconds, stances = [], 0
    for _ in range(args.rounds):
        start = time.perf_counter()
        stances = positions_round(extractor, extractions)
        seconds.append(time.perf_counter() - start)
    if args.profile:
        profiler = cProfile.Profile()
        profiler.runcall(positions_round, extractor, extractions)
        pstats.Stats(profiler, stream=sys.stderr).sort_stats("cumulative").print_stats(args.profile)
    statements = sum(len(extraction.vectors) for extraction in extractions)
    report = {
        "articles": len(extractions),
        "statements_embedded": statements,
        "stances": stances,
        "positions_seconds_outside_encoder": round(min(seconds), 3),
        "rounds": [round(value, 3) for value in seconds],
    }
    print(json.dumps(report, indent=1))


if __name__ == "__main__":
    main()
