"""Throughput of reportedly extraction against bare spaCy on the same texts, in one process.

    python bench/throughput.py ../shared/data/polnear/dev [--model NAME] [--tagger DIR|none] [--rounds N]

Bare spaCy runs the full pipeline (``nlp.pipe``, same batch size); reportedly
runs its whole extraction. Machines are noisy, so rounds alternate and the best of each is
kept; the ratio is the figure to report. Speaker resolution (entities, speakers, actor
codes, canonical names) and time and event coding are timed inside the extraction, and
each reported as the share it adds to the extraction without it.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

import spacy

from reportedly import extract
from reportedly.attribution import component
from reportedly.extract import DEFAULT_BATCH_SIZE, Extractor
from reportedly.model import Document
from reportedly.nlp.pipeline import DEFAULT_MODEL, DEFAULT_TAGGER
from reportedly.resolve.actors import ActorCoder
from reportedly.resolve.corpus import NameRegistry
from reportedly.resolve.speakers import SpeakerResolver

from timing import STAGE_SECONDS, reset_stages, timed


def time_stages() -> None:
    """Wrap every step of speaker resolution, and of time and event coding, in timers."""
    component.collect_entities = timed(component.collect_entities, "resolution")
    component.AttributionComponent.unrecognised_names = timed(
        component.AttributionComponent.unrecognised_names, "resolution"
    )
    SpeakerResolver.__init__ = timed(SpeakerResolver.__init__, "resolution")
    SpeakerResolver.link = timed(SpeakerResolver.link, "resolution")
    ActorCoder.code_entity = timed(ActorCoder.code_entity, "resolution")
    NameRegistry.canonicalise = timed(NameRegistry.canonicalise, "resolution")
    for name in ("find_times", "date_attributions", "code_events"):
        setattr(component, name, timed(getattr(component, name), "times_and_events"))
    extract.resolve_times = timed(extract.resolve_times, "times_and_events")
    extract.code_parties = timed(extract.code_parties, "times_and_events")


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
    time_stages()
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
        reset_stages()
        start = time.perf_counter()
        for _extraction in extractor.extract(Document(str(i), text) for i, text in enumerate(texts)):
            pass
        seconds = time.perf_counter() - start
        if seconds < best["reportedly"]:
            best["reportedly"], stages = seconds, dict(STAGE_SECONDS)
    rates = {name: words / seconds for name, seconds in best.items()}
    print(
        json.dumps(
            {
                "documents": len(texts),
                "words": words,
                "spacy_words_per_second": round(rates["spacy"]),
                "reportedly_words_per_second": round(rates["reportedly"]),
                "ratio": round(rates["reportedly"] / rates["spacy"], 3),
                "resolution_seconds": round(stages["resolution"], 2),
                # Each stage against the extraction without it (parts 1-2 for resolution,
                # parts 1-3 for times and events).
                "resolution_added_share": round(
                    stages["resolution"]
                    / (best["reportedly"] - stages["resolution"] - stages["times_and_events"]),
                    3,
                ),
                "times_and_events_seconds": round(stages["times_and_events"], 2),
                "times_and_events_added_share": round(
                    stages["times_and_events"] / (best["reportedly"] - stages["times_and_events"]), 3
                ),
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
