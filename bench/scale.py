"""Scaling of `reportedly batch` over worker processes, against `reportedly extract` in one process.

    python bench/scale.py [POLNEAR] [--documents 2000] [--workers 1 2] [--partition-size 50]
                          [--engine dask|local]

The same documents (PolNeAR train and dev texts, repeated with new ids until there are
``--documents``) are written as one JSON Lines file in a temporary folder (never in the
repository), extracted by `reportedly batch` with each number of ``--workers``, then once by
`reportedly extract --threads 1` in one process (a worker's models run on one thread: the
same work on one core; last, because the worker runs need the machine most). Each run is a
whole command, as a user runs it (start-up and loading the pipeline included), timed by its
wall clock. Reported as JSON: documents per
second, the speedup over one worker, the overhead per document of a one-worker batch over
`extract` (milliseconds and percent), and each worker's peak memory (from the manifest).

Machines are noisy: on a shared machine, run it when it is otherwise idle, and read the
load average printed beside the figures. Processor time stretches under load too, if less
than the wall clock (docs/scale.md: the same extract took 33.5 and 57.0 processor seconds
in one hour): compare only figures of one run. ``--engine local --workers 1`` runs the
batch in its own process, the closest comparison with `extract`.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from reportedly.batch.dataset import done_partitions


def corpus_texts(polnear: Path) -> list[tuple[str, str]]:
    """PolNeAR train and dev texts, (name, text), in name order."""
    texts = []
    for split in ("train", "dev"):
        for path in sorted((polnear / split / "text").glob("*.txt")):
            texts.append((f"{split}-{path.stem}", path.read_text(encoding="utf-8")))
    if not texts:
        raise SystemExit(f"no PolNeAR texts under {polnear}/train/text or {polnear}/dev/text")
    return texts


def write_inputs(texts: list[tuple[str, str]], count: int, folder: Path) -> tuple[Path, int]:
    """``count`` documents as one JSON Lines file (repeats get new ids); its path and words."""
    path = folder / "documents.jsonl"
    words = 0
    with path.open("w", encoding="utf-8") as stream:
        for number, (name, text) in zip(range(count), itertools.cycle(texts), strict=False):
            stream.write(
                json.dumps({"id": f"{name}.{number}", "text": text, "published": "2016-10-01"}) + "\n"
            )
            words += len(text.split())
    return path, words


def timed(command: list[str]) -> tuple[float, float, float]:
    """Wall-clock seconds of a command, which must succeed (its stderr shown if it fails), the
    processor seconds of it and the processes it started (Dask's workers too: on a machine
    other work shares, the wall clock stretches, the processor time much less), and the peak
    memory in MB of the largest of them."""
    start = time.perf_counter()
    with tempfile.TemporaryFile() as errors:
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=errors)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode != 0:
            errors.seek(0)
            message = errors.read().decode(errors="replace")[-2000:]
            raise SystemExit(f"{' '.join(command)} failed ({process.returncode}):\n{message}")
    return seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("polnear", type=Path, nargs="?", default=Path("../shared/data/polnear"))
    parser.add_argument("--documents", type=int, default=2000)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--partition-size", type=int, default=50)
    parser.add_argument("--engine", choices=["dask", "local"], default="dask")
    args = parser.parse_args()
    reportedly = [sys.executable, "-m", "reportedly"]
    with tempfile.TemporaryDirectory(prefix="reportedly-scale-") as scratch:
        folder = Path(scratch)
        inputs, words = write_inputs(corpus_texts(args.polnear), args.documents, folder)
        load_before = os.getloadavg()
        runs = {}
        for workers in args.workers:
            output = folder / f"batch-{workers}"
            command = [*reportedly, "batch", str(inputs), "--output", str(output), "--engine", args.engine]
            command += ["--workers", str(workers), "--partition-size", str(args.partition_size)]
            seconds, cpu, _ = timed(command)
            peaks: dict[str, float] = {}
            done = done_partitions(output).values()
            for entry in done:
                peaks[entry.worker] = max(peaks.get(entry.worker, 0.0), entry.peak_rss_mb)
            runs[workers] = {
                "seconds": round(seconds, 1),
                "documents_per_second": round(args.documents / seconds, 2),
                "words_per_second": round(words / seconds),
                "peak_memory_mb_per_worker": sorted(peaks.values()),
                # Time inside the tasks (extracting and writing; the first loads the pipeline),
                # per document and worker: the run's seconds less the start-up and the driver.
                "task_seconds_per_document": round(sum(entry.seconds for entry in done) / args.documents, 3),
                "cpu_seconds": round(cpu, 1),
                "task_cpu_seconds_per_document": round(
                    sum(entry.cpu_seconds for entry in done) / args.documents, 3
                ),
            }
        # Last: the worker runs are the ones that need the machine to themselves. One thread
        # for the models, as a batch worker runs them: the same work on one core.
        extract_seconds, extract_cpu, extract_peak_mb = timed(
            [*reportedly, "extract", str(inputs), "-o", str(folder / "extract.jsonl"), "--threads", "1"]
        )
        load_after = os.getloadavg()
    one = runs.get(1)
    for figures in runs.values():
        if one:
            figures["speedup"] = round(one["seconds"] / figures["seconds"], 2)
    report = {
        "documents": args.documents,
        "words": words,
        "engine": args.engine,
        "partition_size": args.partition_size,
        "cores": os.cpu_count(),
        "load_average_before_after": [round(load_before[0], 2), round(load_after[0], 2)],
        "extract_one_process": {
            "seconds": round(extract_seconds, 1),
            "documents_per_second": round(args.documents / extract_seconds, 2),
            "words_per_second": round(words / extract_seconds),
            "peak_memory_mb": round(extract_peak_mb, 1),
            "cpu_seconds": round(extract_cpu, 1),
        },
        "batch": runs,
    }
    if one:
        overhead = (one["seconds"] - extract_seconds) / args.documents
        report["overhead_per_document_ms"] = round(overhead * 1000, 2)
        report["overhead_percent"] = round(100 * (one["seconds"] - extract_seconds) / extract_seconds, 1)
        cpu_overhead = one["cpu_seconds"] - extract_cpu
        report["cpu_overhead_per_document_ms"] = round(cpu_overhead / args.documents * 1000, 2)
        report["cpu_overhead_percent"] = round(100 * cpu_overhead / extract_cpu, 1)
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
