"""Throughput of reportedly extraction against bare spaCy on the same texts, in one process.

    python bench/throughput.py ../shared/data/polnear/dev [--model NAME] [--tagger DIR|none] [--rounds N]

Bare spaCy runs the full pipeline (``nlp.pipe``, same batch size); reportedly
runs its whole extraction. Machines are noisy, so rounds alternate and the best of each is
kept; the ratio is the figure to report. The extractor times each of its stages
(``reportedly.stages``) as it runs; each is reported in seconds and as its share of the
extraction.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

import spacy

from reportedly.extract import DEFAULT_BATCH_SIZE, Extractor
from reportedly.model import Document
from reportedly.nlp.pipeline import DEFAULT_MODEL, DEFAULT_TAGGER


def read_texts(directory: Path) -> list[str]:
    folder = directory / "text" if (directory / "text").is_dir() else directory
    return [path.read_bytes().decode("utf-8") for path in sorted(folder.glob("*.txt"))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path, help="a folder of .txt files (or a PolNeAR split)")
    parser.add_argument("--model", default=DEFAULT_MODEL)
    parser.add_argument("--tagger", default=DEFAULT_TAGGER)
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    texts = read_texts(args.corpus)
    bare = spacy.load(args.model)
    extractor = Extractor(args.model, tagger=args.tagger)
    words = sum(1 for doc in bare.pipe(texts[:5]) for token in doc if not token.is_space)  # warm-up
    words = sum(1 for doc in bare.pipe(texts) for token in doc if not token.is_space)
    best = {"spacy": float("inf"), "reportedly": float("inf")}
    for _ in range(args.rounds):
        start = time.perf_counter()
        for _doc in bare.pipe(texts, batch_size=DEFAULT_BATCH_SIZE):
            pass
        best["spacy"] = min(best["spacy"], time.perf_counter() - start)
        extractor.stage_seconds.clear()
        # Each round as a run of its own: the encoder's vectors kept (nlp/encoder.py) of the
        # texts of the round before are not this one's to read.
        if extractor.resources.encoder is not None:
            extractor.resources.encoder.kept.clear()
        start = time.perf_counter()
        for _extraction in extractor.extract(Document(str(i), text) for i, text in enumerate(texts)):
            pass
        seconds = time.perf_counter() - start
        if seconds < best["reportedly"]:
            best["reportedly"], stages = seconds, dict(extractor.stage_seconds)
    rates = {name: words / seconds for name, seconds in best.items()}
    print(
        json.dumps(
            {
                "documents": len(texts),
                "words": words,
                "spacy_words_per_second": round(rates["spacy"]),
                "reportedly_words_per_second": round(rates["reportedly"]),
                "ratio": round(rates["reportedly"] / rates["spacy"], 3),
                "stage_seconds": {name: round(value, 2) for name, value in stages.items()},
                "stage_shares": {name: round(part / best["reportedly"], 3) for name, part in stages.items()},
                "batch_size": DEFAULT_BATCH_SIZE,
                "model": args.model,
                "tagger": args.tagger,
                "spacy_components": bare.pipe_names,
            },
            indent=2,
        )
    )


if __name__ == "__main__":
    main()
