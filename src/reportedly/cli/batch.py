"""``reportedly batch``: a corpus extracted on many processes (or a Dask cluster) into a
Parquet dataset."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click
from tqdm import tqdm

from reportedly.batch import MissingExtra
from reportedly.nlp.pipeline import ModelError
from reportedly.options import EXIT_INPUTS_FAILED, Interrupted, echo_run_report, input_options, model_options
from reportedly.resolve.actors import ActorCoder, ActorFileError, load_coder

if TYPE_CHECKING:
    from reportedly.extract import Extractor
    from reportedly.model import Article

# What a stopped or failed run leaves, and how to finish it.
RERUN_RESUMES = "the partitions in the manifest are whole: run the same command again to extract the rest"


@click.command()
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--output",
    "-o",
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="The dataset's folder (made if missing; a rerun into it finishes what is not done).",
)
@click.option(
    "--engine",
    type=click.Choice(["local", "dask"]),
    default="local",
    show_default=True,
    help="local: this machine's processes, no Dask; dask: a Dask cluster (started, or --scheduler's).",
)
@click.option(
    "--workers",
    type=click.IntRange(min=1),
    default=1,
    show_default=True,
    help="Worker processes to start (local: 1 runs in this process; dask: a LocalCluster's).",
)
@click.option(
    "--scheduler",
    default=None,
    metavar="ADDRESS",
    help="A running Dask scheduler to join (tcp://host:8786), instead of starting workers.",
)
@click.option(
    "--partition-size",
    type=click.IntRange(min=1),
    default=100,
    show_default=True,
    help="Articles per partition: one task, one file per table.",
)
@input_options
@model_options
def batch(
    paths: tuple[str, ...],
    output: Path,
    engine: str,
    workers: int,
    scheduler: str | None,
    partition_size: int,
    published: date | None,
    max_size: int,
    actors: Path | None,
    verbs: Path | None,
    model: str,
    tagger: str,
) -> None:
    """Extract text files, HTML pages, JSON Lines and folders of them, and Parquet files named
    as inputs (a ``text`` column, and the JSON Lines fields), into a Parquet dataset under
    --output: one folder
    per table (documents, attributions, entities, events, times), one file per partition, and
    a manifest of the partitions done. Rerunning the same command skips those and extracts
    the rest. Prints a JSON summary; inputs that cannot be read are listed on stderr and in
    failures.jsonl, and the rest goes through (exit 1)."""
    from reportedly.batch.run import BatchError, BatchSummary, Engine, run_batch
    from reportedly.batch.worker import Settings

    if scheduler is not None and engine != "dask":
        raise click.UsageError("--scheduler joins a Dask cluster: give --engine dask too")
    if scheduler is not None and workers != 1:
        raise click.UsageError("--workers starts workers, --scheduler joins a cluster's: give one of them")
    settings = Settings(
        model=model,
        tagger=tagger,
        # Absolute: the workers may run in another directory (or on another machine, sharing it).
        actors=str(actors.resolve()) if actors else None,
        verbs=str(verbs.resolve()) if verbs else None,
    )

    def problem(item: object) -> None:
        kind = "error" if isinstance(item, Exception) else "ignored"
        progress.write(f"reportedly: {kind}: {item}", file=sys.stderr)

    summary = BatchSummary()
    interruption = None
    with tqdm(desc="batch", unit="document", disable=None, file=sys.stderr) as progress:
        try:
            run_batch(
                list(paths),
                output,
                settings,
                Engine(engine, workers, scheduler),
                published=published,
                max_bytes=max_size * 1_048_576,
                partition_size=partition_size,
                on_documents=progress.update,
                on_problem=problem,
                summary=summary,
            )
        except (MissingExtra, BatchError) as error:
            raise click.UsageError(str(error)) from None
        except (ModelError, ActorFileError) as error:  # raised by the first task that loads the pipeline
            raise click.ClickException(str(error)) from None
        except Interrupted as stopped:
            interruption = stopped
    echo_run_report(summary.to_dict(), interruption, RERUN_RESUMES)
    if summary.failed:
        click.echo(
            f"reportedly: {len(summary.failed)} inputs failed (listed in {output / 'failures.jsonl'}); "
            "the rest were extracted",
            err=True,
        )
        sys.exit(EXIT_INPUTS_FAILED)


def parquet_option(command: Callable[..., Any]) -> Callable[..., Any]:
    """--parquet DIR: a query answered from a `reportedly batch` dataset through DuckDB, not a store."""
    return click.option(
        "--parquet",
        type=click.Path(exists=True, file_okay=False, path_type=Path),
        default=None,
        help="Ask the Parquet dataset `reportedly batch` wrote in DIR (through DuckDB) instead of --db.",
    )(command)


@contextmanager
def reading_dataset(folder: Path, db_path: Path | None) -> Iterator[Any]:
    """A connection over the dataset in ``folder`` that the store's queries can run on."""
    from reportedly.batch.duck import UnreadableDataset, open_dataset

    if db_path is not None:
        raise click.UsageError("--db and --parquet name two corpora: give one of them")
    try:
        connection = open_dataset(folder)
    except (MissingExtra, UnreadableDataset) as error:
        raise click.UsageError(str(error)) from None
    try:
        yield connection
    finally:
        connection.close()


def extractions_option(command: Callable[..., Any]) -> Callable[..., Any]:
    """ingest's --extractions DIR: a `reportedly batch` dataset stored as it was extracted."""
    return click.option(
        "--extractions",
        type=click.Path(exists=True, file_okay=False, path_type=Path),
        default=None,
        help="Store the dataset `reportedly batch` wrote in DIR, without extracting again (no PATHS).",
    )(command)


def recorded_dataset(
    folder: Path, paths: tuple[str, ...], load_extractor: Callable[[], Extractor], actors: Path | None
) -> tuple[Iterator[Article], Any, ActorCoder]:
    """What ``ingest --extractions`` stores: the dataset's articles, the extractor that answers
    with their extractions, and the actor coder whose spellings link their entities (the
    shipped one, or --actors': the one the batch run used)."""
    from reportedly.batch.dataset import done_partitions
    from reportedly.batch.load import RecordedExtractor, recorded_articles

    if paths:
        raise click.UsageError("--extractions stores a dataset: give no PATHS with it")
    try:
        if not done_partitions(folder):
            raise click.UsageError(f"{folder}: no partition of a `reportedly batch` dataset is done here")
        coder = ActorCoder(actors) if actors else load_coder()
    except MissingExtra as error:
        raise click.UsageError(str(error)) from None
    except ActorFileError as error:
        raise click.ClickException(str(error)) from None
    extractor = RecordedExtractor(load_extractor)
    return recorded_articles(folder, extractor), extractor, coder
