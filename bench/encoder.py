"""The sentence encoder's own time on the runs the positions stage makes of a corpus.

    python bench/encoder.py --synthetic [--articles 100] [--rounds 5]
    python bench/encoder.py ../shared/data/polnear/dev [--articles 40] [--rounds 5]

The documents (``bench/positions_profile.py``'s choice) are extracted once with the shipped
resources, and each document's piece ids that the encoder ran are recorded; then those runs
are made again, ``--rounds`` times, and the best round's processor time of this thread is
reported (the encoder runs on one thread, in the caller's: processor time is what the other
sessions of a shared machine move least). ``--model FILE`` times another graph of the same
encoder on the same runs, alternating with the shipped one (with ``--all-fusions``, with all
of onnxruntime's fusions, as before nlp/encoder.py's ``UNFUSED``), and reports whether its
vectors are the same to the bit.
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Sequence
from pathlib import Path

import numpy as np
from positions_profile import chosen_documents, document_arguments

from reportedly.extract import Extractor
from reportedly.model import Document
from reportedly.nlp.encoder import ENCODER_THREADS, UNFUSED, SentenceEncoder, shipped_encoder_dir
from reportedly.nlp.onnx import cpu_session


def recorded_runs(extractor: Extractor, documents: list[Document]) -> list[list[tuple[int, ...]]]:
    """The piece ids of each call the positions stage made to the encoder's model."""
    encoder = extractor.resources.encoder
    assert encoder is not None, "the shipped encoder is needed"
    calls: list[list[tuple[int, ...]]] = []
    run = encoder.run

    def recording(ids: Sequence[Sequence[int]]) -> np.ndarray:
        calls.append([tuple(piece_ids) for piece_ids in ids])
        return run(ids)

    encoder.run = recording
    encoder.kept.clear()
    for _ in extractor.extract(iter(documents)):
        pass
    encoder.run = run
    return [call for call in calls if call]


def processor_seconds(encoder: SentenceEncoder, calls: list[list[tuple[int, ...]]]) -> float:
    start = time.thread_time()
    for ids in calls:
        encoder.run(ids)
    return time.thread_time() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    document_arguments(parser, 100)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--model", type=Path, help="another model file of the shipped encoder")
    parser.add_argument("--all-fusions", action="store_true", help="run --model with all of them")
    args = parser.parse_args()
    extractor = Extractor()
    calls = recorded_runs(extractor, chosen_documents(parser, args))
    encoders = {"shipped": SentenceEncoder(shipped_encoder_dir())}
    if args.model is not None:
        encoders["other"] = SentenceEncoder(shipped_encoder_dir())
        unfused = () if args.all_fusions else UNFUSED
        encoders["other"].session = cpu_session(args.model, ENCODER_THREADS, unfused)
    seconds: dict[str, list[float]] = {name: [] for name in encoders}
    for _ in range(args.rounds):
        for name, encoder in encoders.items():  # alternating: the machine's load falls on both
            seconds[name].append(processor_seconds(encoder, calls))
    report = {
        "runs": len(calls),
        "texts": sum(len(ids) for ids in calls),
        "pieces": sum(len(piece_ids) for ids in calls for piece_ids in ids),
        "processor_seconds": {name: round(min(values), 3) for name, values in seconds.items()},
    }
    if args.model is not None:
        report["same_bits"] = all(
            np.array_equal(encoders["shipped"].run(ids), encoders["other"].run(ids)) for ids in calls
        )
    print(json.dumps(report, indent=1))


if __name__ == "__main__":
    main()
