"""What runs on a worker: one partition extracted and written, with the pipeline loaded
once per worker process.

Loading the pipeline (spaCy, the tagger, the lexicons, the actor tables) takes seconds and
hundreds of MB; a partition of 100 news articles takes about as long to extract. So each
worker process keeps the extractor of the settings its tasks carry (:func:`extractor_for`)
and reuses it for every later task with the same settings. The settings travel with each
task, and the holder is keyed by them: it is not a module cache of global configuration
(two runs with different options in one process each get their own pipeline, the last one
kept), and it works alike in the process pool of ``--engine local`` and on a Dask worker
(a Dask worker plugin would serve Dask alone, and would have to be registered on a cluster
the run only joins).
"""

from __future__ import annotations

import os
import resource
import socket
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from reportedly.batch.dataset import Done, PartitionRows, write_partition
from reportedly.batch.inputs import Partition
from reportedly.extract import Extractor
from reportedly.nlp.chunks import DEFAULT_CHUNK_CHARS
from reportedly.nlp.pipeline import DEFAULT_MODEL, DEFAULT_TAGGER


@dataclass(frozen=True, slots=True)
class Settings:
    """The options an extraction is a function of, passed down to every task."""

    model: str = DEFAULT_MODEL
    tagger: str = DEFAULT_TAGGER
    actors: str | None = None  # a user's actors file (its path, as the workers see it)
    verbs: str | None = None
    chunk_chars: int = DEFAULT_CHUNK_CHARS
    # A worker process is one core: its models run on one thread. onnxruntime's default, a
    # thread per core in every process, made one `extract` use 1.5 of 2 cores, and would make
    # the workers of a machine contend for its cores (docs/scale.md, "Measured").
    threads: int = 1

    def load(self) -> Extractor:
        return Extractor(
            self.model,
            self.chunk_chars,
            self.tagger,
            Path(self.actors) if self.actors else None,
            Path(self.verbs) if self.verbs else None,
            self.threads,
        )


class _Holder:
    """The extractor of this process, and the settings it was loaded with."""

    def __init__(self) -> None:
        self.lock = threading.Lock()  # a Dask worker may run tasks in several threads
        self.settings: Settings | None = None
        self.extractor: Extractor | None = None
        self.loads = 0  # how many times this process loaded a pipeline (tests check it is once)


_HOLDER = _Holder()


def extractor_for(settings: Settings) -> Extractor:
    """This process's extractor of ``settings``, loaded on first use; other settings replace
    it (one pipeline in memory per process)."""
    with _HOLDER.lock:
        if _HOLDER.extractor is None or _HOLDER.settings != settings:
            _HOLDER.extractor = None  # the old one freed before the new one loads
            _HOLDER.extractor = settings.load()
            _HOLDER.settings = settings
            _HOLDER.loads += 1
        return _HOLDER.extractor


def pipeline_loads() -> int:
    """How many times this process has loaded a pipeline."""
    return _HOLDER.loads


def extract_partition(partition: Partition, settings: Settings, output: str) -> Done:
    """Extract a partition's articles and write its files under ``output``; what the manifest
    records of it. The files are replaced whole: running it twice leaves one copy."""
    start, cpu_start = time.perf_counter(), time.process_time()
    extractor = extractor_for(settings)
    documents = [document for article in partition.articles for document in article.documents]
    extractions = iter(extractor.extract(documents))
    rows = PartitionRows.empty()
    variants = extractor.resources.coder.tables.variants
    partition_id = partition.id  # a digest of all its texts: made once, not once an article
    for article in partition.articles:
        rows.add(partition_id, article, [next(extractions) for _ in article.documents], variants)
    write_partition(Path(output), partition_id, rows)
    # ru_maxrss is in kilobytes on Linux (bytes on macOS).
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / (
        1024 * 1024 if sys.platform == "darwin" else 1024
    )
    return Done(
        partition=partition_id,
        documents=len(documents),
        attributions=len(rows.tables["attributions"]),
        seconds=round(time.perf_counter() - start, 3),
        cpu_seconds=round(time.process_time() - cpu_start, 3),
        worker=f"{socket.gethostname()}:{os.getpid()}",
        peak_rss_mb=round(peak, 1),
    )
