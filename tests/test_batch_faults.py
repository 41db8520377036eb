"""Faults in a batch run (slow: whole processes, each loading the pipeline): a Dask worker
killed mid-run, and the whole run killed and run again. Every document ends up in the
dataset exactly once, and a rerun extracts only the partitions the manifest lacks."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from collections import Counter
from pathlib import Path

import pytest

from reportedly.batch.dataset import TABLES, done_partitions, iter_rows
from reportedly.batch.run import BatchSummary, Engine, run_batch
from reportedly.batch.worker import Settings, pipeline_loads

pytest.importorskip("pyarrow")
distributed = pytest.importorskip("distributed")

pytestmark = pytest.mark.slow
# A guard against a hang, not a timing: a run here takes well under a minute.
GUARD_SECONDS = 600


def write_passages(folder: Path, count: int) -> list[str]:
    """``count`` short passages, one file each; their document ids."""
    folder.mkdir()
    for number in range(count):
        (folder / f"story-{number:03d}.txt").write_text(
            f"Foreign Minister Sergei Lavrov said on Monday that Russia would study proposal {number}.\n\n"
            f'"We will answer within a week," Lavrov told reporters in Moscow after talk {number}.\n',
            encoding="utf-8",
        )
    return [f"story-{number:03d}" for number in range(count)]


def wait_for(condition, what: str) -> None:
    deadline = time.monotonic() + GUARD_SECONDS
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"gave up waiting for {what}")
        time.sleep(0.02)


def assert_each_document_once(output: Path, expected: list[str], partitions: int) -> None:
    documents = Counter(row["doc_id"] for row in iter_rows(output, "documents"))
    assert sorted(documents) == expected and set(documents.values()) == {1}
    done = done_partitions(output)
    assert len(done) == partitions
    for table in TABLES:  # one whole file per partition (a killed writer's temporary file is hidden)
        visible = [path.name for path in (output / table).iterdir() if not path.name.startswith(".")]
        assert sorted(visible) == sorted(f"part-{partition}.parquet" for partition in done)


def test_a_worker_killed_mid_run_leaves_every_document_once(tmp_path: Path) -> None:
    expected = write_passages(tmp_path / "in", 40)
    output = tmp_path / "out"
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        summary = BatchSummary()
        problems: list[BaseException] = []

        def run() -> None:
            try:
                run_batch(
                    [str(tmp_path / "in")],
                    output,
                    Settings(),
                    Engine("dask", scheduler=cluster.scheduler_address),
                    max_bytes=1_048_576,
                    partition_size=2,
                    summary=summary,
                )
            except BaseException as error:  # handed to the test's thread
                problems.append(error)

        runner = threading.Thread(target=run)
        runner.start()
        wait_for(lambda: len(done_partitions(output)) >= 1, "a first partition")
        victim = next(iter(client.run(os.getpid).values()))
        os.kill(victim, signal.SIGKILL)
        killed_at = len(done_partitions(output))
        runner.join(GUARD_SECONDS)
        assert not runner.is_alive() and not problems, problems
        assert killed_at < 20  # the worker died mid-run, not after it
        assert (summary.extracted, summary.documents) == (20, 40)
        assert_each_document_once(output, expected, 20)
        # The pipeline is loaded once per worker process, the restarted one included.
        wait_for(lambda: len(client.scheduler_info()["workers"]) == 2, "the worker's restart")
        assert victim not in client.run(os.getpid).values()
        assert set(client.run(pipeline_loads).values()) <= {0, 1}


def batch_process(inputs: Path, output: Path) -> subprocess.Popen[str]:
    command = [
        "batch",
        str(inputs),
        "--output",
        str(output),
        "--partition-size",
        "1",
        "--published",
        "2024-12-16",
    ]
    return subprocess.Popen(
        [sys.executable, "-m", "reportedly", *command],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_a_killed_run_rerun_extracts_only_the_missing_partitions(tmp_path: Path) -> None:
    expected = write_passages(tmp_path / "in", 30)
    output = tmp_path / "out"
    killed = batch_process(tmp_path / "in", output)
    wait_for(lambda: len(done_partitions(output)) >= 3, "three partitions")
    killed.send_signal(signal.SIGKILL)
    killed.communicate(timeout=GUARD_SECONDS)
    done_before = len(done_partitions(output))
    assert 3 <= done_before < 30
    rerun = batch_process(tmp_path / "in", output)
    stdout, stderr = rerun.communicate(timeout=GUARD_SECONDS)
    assert rerun.returncode == 0, stderr
    summary = json.loads(stdout)
    assert (summary["skipped"], summary["extracted"]) == (done_before, 30 - done_before)
    assert_each_document_once(output, expected, 30)
    # Each partition once among the whole lines (the kill may have cut one short: that
    # partition was not done, and was run again).
    lines = (output / "manifest.jsonl").read_text().splitlines()
    partitions = [json.loads(line)["partition"] for line in lines if line.endswith("}")]
    assert len(partitions) == len(set(partitions)) == 30
