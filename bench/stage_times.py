"""Processor time of chosen document stages alone, rerun on drafts held after one extraction.

    python bench/stage_times.py ../shared/data/polnear/dev [--stages NAMES] [--rounds N]

``bench/throughput.py`` times every stage once per round in wall-clock time, which a shared
machine's load moves by more than a small speed-up gains. Here the corpus is extracted once,
each document's draft is held as the first chosen stage meets it, and the chosen stages are
rerun on the held drafts in their order, round after round, in processor time; the best round
of each stage is kept. A rerun stage reads what the whole first extraction left on the draft
(later stages' codes and names included), so its figure is for comparing code, not the share
of an extraction.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from throughput import read_texts

import reportedly.extract as extract
from reportedly.extract import Extractor
from reportedly.model import Document
from reportedly.nlp.pipeline import DEFAULT_MODEL, DEFAULT_TAGGER
from reportedly.resources import Resources
from reportedly.stages import DOCUMENT_STAGES, Draft

DEFAULT_STAGES = "times,events,time values,event parties"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path, help="a folder of .txt files (or a PolNeAR split)")
    parser.add_argument(
        "--stages", default=DEFAULT_STAGES, help=f"stage names, comma-separated ({DEFAULT_STAGES})"
    )
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--model", default=DEFAULT_MODEL)
    parser.add_argument("--tagger", default=DEFAULT_TAGGER)
    args = parser.parse_args()
    names = args.stages.split(",")
    chosen = [(name, stage) for name, stage in DOCUMENT_STAGES if name in names]
    if len(chosen) != len(names):
        parser.error(f"stages are among: {', '.join(name for name, _ in DOCUMENT_STAGES)}")
    first_name, first_stage = chosen[0]
    held: list[Draft] = []

    def holding(draft: Draft, resources: Resources) -> None:
        held.append(draft)
        first_stage(draft, resources)

    extract.DOCUMENT_STAGES = tuple(
        (name, holding if name == first_name else stage) for name, stage in DOCUMENT_STAGES
    )
    extractor = Extractor(args.model, tagger=args.tagger)
    texts = read_texts(args.corpus)
    for _extraction in extractor.extract(Document(str(i), text) for i, text in enumerate(texts)):
        pass
    best = dict.fromkeys(names, float("inf"))
    for _ in range(args.rounds):
        spent = dict.fromkeys(names, 0.0)
        for draft in held:
            for name, stage in chosen:
                start = time.process_time()
                stage(draft, extractor.resources)
                spent[name] += time.process_time() - start
        best = {name: min(best[name], spent[name]) for name in names}
    print(
        json.dumps(
            {
                "documents": len(held),
                "rounds": args.rounds,
                "stage_processor_seconds": {name: round(seconds, 3) for name, seconds in best.items()},
                "sum": round(sum(best.values()), 3),
            },
            indent=2,
        )
    )


if __name__ == "__main__":
    main()
