"""Options and helpers shared by the ``reportedly`` commands."""

from __future__ import annotations

import errno
import json
import os
import secrets
import signal
import sys
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, NoReturn

import click

from reportedly.ingest.read import DEFAULT_MAX_BYTES
from reportedly.nlp.onnx import ALL_CORES
from reportedly.nlp.pipeline import DEFAULT_MODEL, DEFAULT_TAGGER, ModelError
from reportedly.resolve.actors import ActorFileError

if TYPE_CHECKING:
    from reportedly.extract import Extractor

# Exit codes (README, "Exit codes"): 0 all done; 1 some inputs, or the store, failed (the
# rest was processed); 2 a usage error (a bad option or argument: nothing was done).
EXIT_INPUTS_FAILED = 1
# The signals that stop a command cleanly (a transaction rolled back, a temporary file
# removed), each exiting 128 + its number as a shell reports it: 130, 143, 129.
STOPPING_SIGNALS = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)


class Interrupted(KeyboardInterrupt):
    """A stopping signal, raised where the command is: the transaction in progress rolls
    back and temporary files are removed on the way out, as for Ctrl-C."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signal = signal.Signals(signum).name
        self.exit_code = 128 + signum


def echo_run_report(report: dict[str, object], interruption: Interrupted | None, resume: str) -> None:
    """A run's JSON report on stdout; when a signal stopped the run, the report and stderr say
    so and how to finish it (``resume``), and the process exits with the signal's code."""
    if interruption is not None:
        report |= {"interrupted": interruption.signal, "resume": resume}
        click.echo(f"reportedly: interrupted by {interruption.signal}: {resume}", err=True)
    click.echo(json.dumps(report, ensure_ascii=False))
    if interruption is not None:
        sys.exit(interruption.exit_code)


@contextmanager
def stopping_signals_interrupt() -> Iterator[None]:
    """Inside, SIGINT, SIGTERM and SIGHUP raise :class:`Interrupted` (SIGTERM and SIGHUP would
    otherwise end the process on the spot, leaving temporary files behind). Handlers can
    only be set in the main thread: elsewhere the block runs with the handlers it has."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def interrupt(signum: int, frame: object) -> None:
        raise Interrupted(signum)

    previous = {signum: signal.signal(signum, interrupt) for signum in STOPPING_SIGNALS}
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)


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


def load_extractor(
    model: str, tagger: str, actors: Path | None, verbs: Path | None, threads: int = ALL_CORES
) -> Extractor:
    """The extractor that --model, --tagger, --actors, --verbs (and extract's --threads) ask
    for; one that cannot load (no such pipeline, a broken tagger or dictionary) is a
    one-line error."""
    from reportedly.extract import Extractor  # imported here: query commands start without it

    try:
        return Extractor(model, tagger=tagger, actors=actors, verbs=verbs, threads=threads)
    except (ModelError, ActorFileError) as error:
        raise click.ClickException(str(error)) from None


def parse_date(ctx: click.Context, param: click.Parameter, value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return datetime.strptime(value, "%Y-%m-%d").date()
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date in the form YYYY-MM-DD") from None


def output_problem(path: Path) -> str | None:
    """Why a file cannot be written at ``path`` (a folder there, or no folder to hold it), or None."""
    if path.is_dir():
        return "is a folder, not a file"
    if not path.parent.is_dir():
        return f"no folder {str(path.parent)!r} to write it in"
    return None


def refuse_unwritable(path: Path) -> None:
    """A one-line usage error for an -o/--output that cannot be written, before any work is done."""
    if problem := output_problem(path):
        raise click.BadParameter(f"{path}: {problem}", param_hint="-o/--output")


def check_output(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """-o's callback: refuse a file that cannot be written before a model loads or a query runs."""
    if value is not None and value != "-":
        refuse_unwritable(Path(value))
    return value


def interrupted(interruption: Interrupted, done: str, output: str | None) -> NoReturn:
    """End a command that writes -o (or stdout) on a stopping signal: what it had ``done``,
    that a file it was writing is not there (a file is written whole or not at all), and
    the exit code of the signal."""
    unwritten = f"; {output} was not written" if output not in (None, "-") else ""
    click.echo(f"reportedly: interrupted by {interruption.signal}: {done}{unwritten}", err=True)
    sys.exit(interruption.exit_code)


@contextmanager
def replaced_whole(target: Path, mode: str = "w") -> Iterator[IO[Any]]:
    """A file open for writing (``mode`` "w", UTF-8 text, or "wb") that takes ``target``'s
    place when the block succeeds: the file is written whole or not at all.

    Where the system can (Linux), the file has no name until then: an anonymous file in
    ``target``'s folder, linked in at the end, so that nothing is left behind however the
    process ends, SIGKILL included. Elsewhere it is a hidden temporary file beside
    ``target``, removed when the block fails (a SIGKILL leaves it)."""
    refuse_unwritable(target)
    try:
        descriptor = _anonymous_file_in(target.parent)
        name: str | None = None  # the file's name in the folder, once it has one
        if descriptor is None:
            descriptor, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.")
    except OSError as error:
        raise click.ClickException(f"{target}: cannot write ({error.strerror})") from None
    with os.fdopen(descriptor, mode, encoding=None if "b" in mode else "utf-8") as handle:
        try:
            yield handle
            handle.flush()
            if name is None:
                name = str(target.parent / f".{target.name}.{os.getpid()}.{secrets.token_hex(4)}")
                _link(descriptor, name)
            os.replace(name, target)
        except BaseException:
            if name is not None:
                Path(name).unlink(missing_ok=True)
            raise


def _anonymous_file_in(folder: Path) -> int | None:
    """A descriptor of a new file in ``folder`` with no name (``O_TMPFILE``), to be linked in
    by its ``/proc/self/fd`` path; None where the system or the folder's file system has none."""
    if not hasattr(os, "O_TMPFILE") or not os.path.isdir("/proc/self/fd"):
        return None
    try:
        return os.open(folder, os.O_TMPFILE | os.O_WRONLY, 0o666)
    except OSError as error:
        # A file system without it (EOPNOTSUPP), or a kernel older than it (EISDIR).
        if error.errno in (errno.EOPNOTSUPP, errno.EISDIR):
            return None
        raise


def _link(descriptor: int, name: str) -> None:
    """Give the anonymous file open as ``descriptor`` the path ``name``."""
    # Through its link in /proc/self/fd, followed: os.link follows it only when told a
    # folder's descriptor (else it calls link(2), which refuses the link itself with EXDEV).
    folder = os.open("/proc/self/fd", os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.link(str(descriptor), name, src_dir_fd=folder, follow_symlinks=True)
    finally:
        os.close(folder)


@contextmanager
def output_file(path: str | None) -> Iterator[IO[str]]:
    """stdout, or a file written whole or not at all (``replaced_whole``)."""
    if path is None or path == "-":
        yield sys.stdout
        return
    with replaced_whole(Path(path)) as handle:
        yield handle


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
