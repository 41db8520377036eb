"""The learned positions model's cost: extraction with the rules alone (the encoder embeds only
the statements no pattern places) against extraction with the shipped positions model (it
embeds every statement, and the cue with the content too when the model weighs that).

    python bench/positions.py [--articles 100] [--rounds 3]

The synthetic wire stories of ``bench/store.py``, extracted in one process, alternating, best
of ``--rounds`` each; the positions stage's own time is timed inside the extraction.
"""

from __future__ import annotations

import argparse
import json
import random
import time
from datetime import date

from store import synthetic_text

from reportedly.extract import Extractor
from reportedly.model import Document
from reportedly.resources import Resources


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    rng = random.Random(2024)
    texts = [synthetic_text(rng, number) for number in range(args.articles)]
    rules = Extractor.from_resources(Resources.load(positions="none"))
    learned = Extractor.from_resources(Resources.load())
    if learned.resources.positions is None:
        raise SystemExit("bench/positions.py: no positions model shipped")
    seconds: dict[str, list[float]] = {"rules": [], "learned": []}
    stage: dict[str, list[float]] = {"rules": [], "learned": []}
    statements: dict[str, int] = {}
    for _ in range(args.rounds):
        for name, extractor in (("rules", rules), ("learned", learned)):
            documents = (Document(f"d{n}", text, date(2024, 12, 26)) for n, text in enumerate(texts))
            extractor.stage_seconds.clear()
            start = time.perf_counter()
            extractions = list(extractor.extract(documents))
            seconds[name].append(time.perf_counter() - start)
            stage[name].append(extractor.stage_seconds["positions"])
            statements[name] = sum(len(extraction.vectors) for extraction in extractions)
    best = {name: min(values) for name, values in seconds.items()}
    best_stage = {name: min(values) for name, values in stage.items()}
    added = best_stage["learned"] - best_stage["rules"]
    report = {
        "articles": args.articles,
        "extraction_seconds": {name: round(value, 2) for name, value in best.items()},
        "positions_stage_seconds": {name: round(value, 2) for name, value in best_stage.items()},
        "statements_embedded": statements,
        "stage_share_of_extraction": {
            name: round(best_stage[name] / best[name], 3) for name in ("rules", "learned")
        },
        "added_ms_per_statement": round(
            1000 * added / max(1, statements["learned"] - statements["rules"]), 1
        ),
    }
    print(json.dumps(report, indent=1))


if __name__ == "__main__":
    main()
