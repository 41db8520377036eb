"""The driver of a batch run: partitions out to the workers, the manifest in.

The driver reads the inputs (lazily), skips the partitions the manifest lists, and keeps at
most two partitions per worker on their way, so that its memory stays flat however large the
corpus. Each partition done is appended to the manifest as its result comes back, after its
files are in place (the worker renamed them): a run killed at any point leaves whole
partitions, listed or not, and a rerun extracts exactly those not listed.

Engines: ``local`` runs the partitions in this process (one worker) or in a pool of worker
processes; ``dask`` submits them to a ``dask.distributed`` cluster, a ``LocalCluster`` of
worker processes it starts or one it joins at a scheduler's address. Dask runs a task again
elsewhere when its worker dies; the local pool does not (a rerun finishes the run).
"""

from __future__ import annotations

import concurrent.futures as cf
import json
import multiprocessing
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from datetime import date
from pathlib import Path
from typing import IO, Any

from reportedly.batch import need
from reportedly.batch.dataset import DESCRIPTION, FAILURES, SCHEMA_VERSION, Done, done_partitions, record_done
from reportedly.batch.inputs import partitions, read_inputs
from reportedly.batch.worker import Settings, extract_partition
from reportedly.ingest.read import InputError
from reportedly.ingest.sources import Ignored

# Partitions on their way per worker: one running, one waiting, so that no worker idles
# while the driver reads the next.
IN_FLIGHT_PER_WORKER = 2


class BatchError(Exception):
    """A run that cannot start: an output folder of another run's options."""


@dataclass(slots=True)
class BatchSummary:
    partitions: int = 0  # partitions of the inputs
    skipped: int = 0  # done by an earlier run (in the manifest)
    extracted: int = 0  # done by this run
    documents: int = 0  # documents extracted by this run
    attributions: int = 0
    failed: list[str] = field(default_factory=list)  # inputs that could not be read, with file and line
    ignored: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, object]:
        return {
            "partitions": self.partitions,
            "skipped": self.skipped,
            "extracted": self.extracted,
            "documents": self.documents,
            "attributions": self.attributions,
            "failed": len(self.failed),
            "failures": self.failed,
            "ignored": len(self.ignored),
        }


@dataclass(frozen=True, slots=True)
class Engine:
    """Where partitions run: ``local`` (``workers`` processes; 1: this process) or ``dask``
    (a LocalCluster of ``workers`` processes, or the cluster at ``scheduler``)."""

    name: str = "local"
    workers: int = 1
    scheduler: str | None = None


def run_batch(
    paths: list[str],
    output: Path,
    settings: Settings,
    engine: Engine,
    *,
    published: date | None = None,
    max_bytes: int,
    partition_size: int,
    on_documents: Callable[[int], None] = lambda count: None,
    on_problem: Callable[[InputError | Ignored], None] = lambda item: None,
    summary: BatchSummary | None = None,
) -> BatchSummary:
    """Extract ``paths`` into the dataset at ``output``; ``on_documents`` hears of the
    documents of each partition done or skipped (progress), ``on_problem`` of each input
    that could not be read (besides ``failures.jsonl``). ``summary`` is filled as it goes."""
    summary = BatchSummary() if summary is None else summary
    need("pyarrow")  # missing, it is said before any work (the workers write with it)
    output.mkdir(parents=True, exist_ok=True)
    _check_description(output, settings, partition_size)
    done_before = done_partitions(output)

    with (output / FAILURES).open("w", encoding="utf-8") as failures, _executor(engine) as (executor, slots):

        def problem(item: InputError | Ignored) -> None:
            if isinstance(item, InputError):
                summary.failed.append(str(item))
                _write_failure(failures, item)
            else:
                summary.ignored.append(str(item))
            on_problem(item)

        in_flight: set[cf.Future[Done]] = set()

        def collect(futures: set[cf.Future[Done]]) -> None:
            for future in futures:
                in_flight.discard(future)
                entry = future.result()  # a genuine bug in a task is raised here, with its traceback
                record_done(output, entry)
                summary.extracted += 1
                summary.documents += entry.documents
                summary.attributions += entry.attributions
                on_documents(entry.documents)

        for partition in partitions(read_inputs(paths, published, max_bytes), partition_size, problem):
            summary.partitions += 1
            if partition.id in done_before:
                summary.skipped += 1
                on_documents(partition.documents)
                continue
            while len(in_flight) >= slots * IN_FLIGHT_PER_WORKER:
                collect(cf.wait(in_flight, return_when=cf.FIRST_COMPLETED).done)
            in_flight.add(executor.submit(extract_partition, partition, settings, str(output)))
        while in_flight:
            collect(cf.wait(in_flight, return_when=cf.FIRST_COMPLETED).done)
    return summary


def _write_failure(failures: IO[str], error: InputError) -> None:
    """A failures.jsonl line: the input (file, and line or row) and the problem."""
    failures.write(json.dumps({"input": error.name, "problem": error.problem}, ensure_ascii=False) + "\n")
    failures.flush()


def _check_description(output: Path, settings: Settings, partition_size: int) -> None:
    """Record what makes the dataset, or check that a rerun into it is made the same way:
    other options would mix two extractions, another partition size would cut the inputs
    into partitions the manifest does not know."""
    description = {"schema": SCHEMA_VERSION, "settings": asdict(settings), "partition_size": partition_size}
    path = output / DESCRIPTION
    if path.exists():
        recorded = json.loads(path.read_text(encoding="utf-8"))
        if recorded != description:
            before = recorded.get("settings", {}) | {"partition_size": recorded.get("partition_size")}
            now = description["settings"] | {"partition_size": partition_size}
            changed = sorted(key for key in before.keys() | now.keys() if before.get(key) != now.get(key))
            raise BatchError(
                f"{output} holds a dataset made with other options ({', '.join(changed) or 'schema'}): "
                "rerun with the same ones, or write to another folder"
            )
        return
    path.write_text(json.dumps(description, indent=2) + "\n", encoding="utf-8")


class _InProcess(cf.Executor):
    """Tasks run at once in this process, as they are submitted (``--engine local``, one worker)."""

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> cf.Future[Any]:
        future: cf.Future[Any] = cf.Future()
        future.set_result(fn(*args, **kwargs))
        return future


@contextmanager
def _executor(engine: Engine) -> Iterator[tuple[cf.Executor, int]]:
    """The executor of ``engine`` and how many partitions it runs at once; shut down on the
    way out (on an interruption, without waiting for the partitions on their way)."""
    if engine.name == "dask":
        with _dask_executor(engine) as pair:
            yield pair
        return
    if engine.workers == 1:
        yield _InProcess(), 1
        return
    # Spawned, not forked: a fork copies the driver's threads' locks (tqdm's monitor) as held.
    pool = cf.ProcessPoolExecutor(engine.workers, mp_context=multiprocessing.get_context("spawn"))
    try:
        yield pool, engine.workers
    except BaseException:
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    pool.shutdown()


@contextmanager
def _dask_executor(engine: Engine) -> Iterator[tuple[cf.Executor, int]]:
    distributed = need("distributed")
    cluster = None
    if engine.scheduler is None:
        # Processes of one thread each: the pipeline holds the GIL, threads would take turns.
        # Without the statistical profiler, a thread that samples each worker's stack every
        # 10 ms for a dashboard the run does not start (the nannies pass the config on).
        with need("dask").config.set({"distributed.worker.profile.enabled": False}):
            cluster = distributed.LocalCluster(
                n_workers=engine.workers, threads_per_worker=1, processes=True, dashboard_address=None
            )
    client = distributed.Client(cluster if cluster is not None else engine.scheduler)
    try:
        slots = sum(worker["nthreads"] for worker in client.scheduler_info()["workers"].values())
        # pure=False: a partition is run once per submission (its result is a file written).
        yield client.get_executor(pure=False), max(slots, 1)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
