"""Options and helpers shared by the ``reportedly`` commands."""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path
from typing import IO, TYPE_CHECKING

import click

from reportedly.ingest.read import DEFAULT_MAX_BYTES
from reportedly.nlp.pipeline import DEFAULT_MODEL, DEFAULT_TAGGER, ModelError
from reportedly.resolve.actors import ActorFileError

if TYPE_CHECKING:
    from reportedly.extract import Extractor

EXIT_BAD_INPUT = 2


def model_options(command: click.Command) -> click.Command:
    """--model and --tagger: which spaCy pipeline parses, which learned tagger steers the rules."""
    command = click.option(
        "--tagger",
        default=DEFAULT_TAGGER,
        show_default=True,
        help='Learned tagger: "shipped", a folder made by `make train`, or "none" (rules only).',
    )(command)
    return click.option(
        "--model", default=DEFAULT_MODEL, show_default=True, help="Installed spaCy pipeline to parse with."
    )(command)


def load_extractor(model: str, tagger: str, actors: Path | None, verbs: Path | None) -> Extractor:
    """The extractor that --model, --tagger, --actors and --verbs ask for; one that cannot
    load (no such pipeline, a broken tagger or dictionary) is a one-line error."""
    from reportedly.extract import Extractor  # imported here: query commands start without it

    try:
        return Extractor(model, tagger=tagger, actors=actors, verbs=verbs)
    except (ModelError, ActorFileError) as error:
        raise click.ClickException(str(error)) from None


def parse_date(ctx: click.Context, param: click.Parameter, value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return datetime.strptime(value, "%Y-%m-%d").date()
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date in the form YYYY-MM-DD") from None


@contextmanager
def output_file(path: str | None) -> Iterator[IO[str]]:
    """stdout, or a file written whole or not at all (a temporary file renamed on success)."""
    if path is None or path == "-":
        yield sys.stdout
        return
    target = Path(path)
    descriptor, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.")
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
            yield handle
        os.replace(temporary, target)
    except BaseException:
        os.unlink(temporary)
        raise


def input_options(command: click.Command) -> click.Command:
    """--published, --max-size, --actors and --verbs: what reading and coding inputs takes."""
    dictionary = click.Path(exists=True, dir_okay=False, path_type=Path)
    for option in reversed(
        [
            click.option(
                "--published",
                callback=parse_date,
                help="Publication date (YYYY-MM-DD) of inputs that carry none of their own.",
            ),
            click.option(
                "--max-size",
                type=click.IntRange(min=1),  # 0 or less would refuse every input
                default=DEFAULT_MAX_BYTES // 1_048_576,
                show_default=True,
                help="Refuse inputs larger than this many MB.",
            ),
            click.option(
                "--actors",
                type=dictionary,
                default=None,
                help="Actors that add to or override the shipped ones: YAML (as data/actors.yaml) "
                "or a TABARI file.",
            ),
            click.option(
                "--verbs",
                type=dictionary,
                default=None,
                help="A PETRARCH/TABARI verb dictionary to code events with before the shipped triggers.",
            ),
        ]
    ):
        command = option(command)
    return command
