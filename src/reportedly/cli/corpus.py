"""The corpus commands: ingest into a store, ask it questions, export it, fix it by hand.

Every command takes ``--db PATH`` (default: ``$REPORTEDLY_DB``, else ``reportedly.db`` in
the user's data directory). Query results are an aligned table on a terminal and JSON
Lines in a pipe; ``--format`` chooses (table, jsonl, csv); ``--width`` and ``--full``
how much of a long cell a table shows.
"""

from __future__ import annotations

import json
import sqlite3
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any, NoReturn

import click
from tqdm import tqdm

from reportedly.cli.batch import extractions_option, parquet_option, reading_dataset, recorded_dataset
from reportedly.model import ATTRIBUTION_KINDS
from reportedly.options import (
    EXIT_INPUTS_FAILED,
    Interrupted,
    echo_run_report,
    input_options,
    interrupted,
    load_extractor,
    model_options,
    output_file,
    parse_date,
    replaced_whole,
)
from reportedly.store import queries
from reportedly.store.database import (
    LARGEST_INTEGER,
    StoreError,
    connect,
    default_path,
    known_problem,
    store_problem,
)

# Longest a table cell gets on a terminal unless --width or --full say otherwise; JSON
# Lines and CSV keep whole values.
CELL_WIDTH = 70
MIN_CELL_WIDTH = 2  # one character and the ellipsis
# The entity types that speak: what a speaker made by hand (`set-speaker --new`) may be.
SPEAKER_TYPES = ("PERSON", "ORG", "GPE", "NORP")
# What an ingest that the store failed under has done, and how to finish it.
RERUN_FINISHES = (
    "whole articles stored before it are kept: fix that and run the same ingest again to store the rest"
)
# What an interrupted ingest has done, and how to finish it.
RERUN_RESUMES = (
    "the articles counted as stored are, the one in progress is not: "
    "run the same ingest again to store the rest (what is stored is skipped)"
)


class Utf8Text(click.ParamType):
    """Text that is valid UTF-8: a byte that is not reaches Python's argv as a lone surrogate,
    which SQLite cannot take."""

    name = "text"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> str:
        try:
            value.encode("utf-8")
        except UnicodeEncodeError as error:
            byte = value[error.start].encode("utf-8", "surrogateescape")[0]
            self.fail(f"not valid UTF-8 (byte 0x{byte:02x} at character {error.start + 1})", param, ctx)
        return str(value)


UTF8_TEXT = Utf8Text()


def limit_option(default: int) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """--limit N: at most N rows, 0 for all; any larger N than SQLite can hold is all too."""
    return click.option(
        "--limit",
        type=click.IntRange(min=0),
        default=default,
        show_default=True,
        callback=lambda ctx, param, value: LARGEST_INTEGER if value == 0 else min(value, LARGEST_INTEGER),
        help="At most this many rows (0: all).",
    )


def db_option(command: Callable[..., Any]) -> Callable[..., Any]:
    return click.option(
        "--db",
        "db_path",
        type=click.Path(dir_okay=False, path_type=Path),
        default=None,
        help="The store (default: $REPORTEDLY_DB, else reportedly.db in your data directory).",
    )(command)


def format_option(command: Callable[..., Any]) -> Callable[..., Any]:
    return click.option(
        "--format",
        "output_format",
        type=click.Choice(["table", "jsonl", "csv"]),
        default=None,
        help="table (default on a terminal), jsonl (default in a pipe) or csv.",
    )(command)


def width_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """``--width N`` and ``--full``: how much of a long cell a table shows."""
    command = click.option(
        "--full", is_flag=True, help="Whole cells in a table, however long (no cut at --width)."
    )(command)
    return click.option(
        "--width",
        type=click.IntRange(min=MIN_CELL_WIDTH),
        default=CELL_WIDTH,
        show_default=True,
        help="Longest a table cell gets; longer ones are cut with an ellipsis.",
    )(command)


def parse_event_type(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """A PLOVER event type in capitals; one the extraction never codes ("FIGHT") is refused
    with the list, where matching it would only answer "(no rows)"."""
    if value is None:
        return None
    try:
        return queries.event_type(value)
    except ValueError as error:
        raise click.BadParameter(str(error)) from None


@contextmanager
def _naming(argument: str) -> Iterator[None]:
    """A name or id that designates nothing in the store (or several entities) is the
    argument's fault: said so, with what it may have meant, and not blamed on the store."""
    try:
        yield
    except queries.NamingError as error:
        raise click.BadParameter(str(error), param_hint=argument) from None


def parse_period(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """A date (YYYY-MM-DD), a month (YYYY-MM) or a year (YYYY), as given."""
    if value is None:
        return None
    try:
        return queries.check_period(value)
    except ValueError as error:
        raise click.BadParameter(str(error)) from None


def period_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """``--since`` and ``--until``: a date, month or year at each end, inclusive (``quotes`` and
    ``speakers`` read the same period)."""
    since = click.option("--since", callback=parse_period, help="From this date, month or year (inclusive).")
    until = click.option("--until", callback=parse_period, help="Up to this date, month or year (inclusive).")
    return since(until(command))


def _checked_search(check: Callable[[str], str], value: str | None) -> str | None:
    """The FTS5 query ``check`` makes of a --search or --fts value; one it refuses is a usage
    error of the option, not the store's."""
    if value is None:
        return None
    try:
        return check(value)
    except queries.SearchError as error:
        raise click.BadParameter(str(error)) from None


@contextmanager
def store_errors(path: Path, aftermath: str = "") -> Iterator[None]:
    """A store that fails inside (read-only, full, damaged, or a StoreError of a command) as a
    one-line error naming it; ``aftermath`` (what was kept, what to do) follows the problems a
    user can act on, not a damaged file."""
    try:
        yield
    except StoreError as error:
        raise click.ClickException(f"{path}: {error}") from None
    except sqlite3.DatabaseError as error:
        message = store_problem(path, error)
        if aftermath and known_problem(error):
            message += f"; {aftermath}"
        raise click.ClickException(message) from None


@contextmanager
def _reading(
    db_path: Path | None, parquet: Path | None = None, *, writing: bool = False
) -> Iterator[sqlite3.Connection]:
    """The store, open to read (or with ``writing``, to fix: a damaged store is refused); with
    ``parquet``, a `reportedly batch` dataset that the store's queries run on (DuckDB)."""
    if parquet is not None:
        with reading_dataset(parquet, db_path) as dataset:
            yield dataset
        return
    path = db_path or default_path()
    try:
        connection = connect(path, create=False, writing=writing)
    except StoreError as error:
        raise click.ClickException(str(error)) from None
    try:
        with store_errors(path):
            yield connection
    finally:
        connection.close()


def print_rows(
    rows: list[dict[str, Any]], output_format: str | None, width: int = CELL_WIDTH, full: bool = False
) -> None:
    """Rows as a table (cells cut at ``width`` unless ``full``), JSON Lines or CSV on stdout."""
    output_format = output_format or ("table" if sys.stdout.isatty() else "jsonl")
    if output_format == "jsonl":
        for row in rows:
            click.echo(json.dumps(row, ensure_ascii=False))
    elif output_format == "csv":
        from reportedly.store.export import write_csv_rows  # its imports are not light

        write_csv_rows(rows, sys.stdout)
    else:
        click.echo(format_table(rows, None if full else width))


def format_table(rows: list[dict[str, Any]], width: int | None = CELL_WIDTH) -> str:
    """Columns aligned, cells longer than ``width`` cut with an ellipsis (``None``: kept
    whole), newlines flattened."""
    if not rows:
        return "(no rows)"
    columns = list(rows[0])
    cells = [[_cell(row[column], width) for column in columns] for row in rows]
    widths = [max(len(column), *(len(line[i]) for line in cells)) for i, column in enumerate(columns)]
    lines = ["  ".join(column.ljust(width) for column, width in zip(columns, widths, strict=True))]
    lines.append("  ".join("-" * width for width in widths))
    lines += [
        "  ".join(cell.ljust(width) for cell, width in zip(line, widths, strict=True)) for line in cells
    ]
    return "\n".join(line.rstrip() for line in lines)


def _cell(value: Any, width: int | None) -> str:
    text = "" if value is None else " ".join(str(value).split())
    return text if width is None or len(text) <= width else text[: width - 1] + "…"


def refuse(message: str) -> NoReturn:
    """An option's file or an argument that the command cannot start from (a bad --dates
    file, an unknown document id): a usage error, exit code 2, nothing done."""
    raise click.UsageError(message)


@click.command()
@click.argument("paths", nargs=-1)
@db_option
@input_options
@extractions_option
@click.option(
    "--dates",
    "dates_path",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    default=None,
    help="A CSV (with a header line), JSON list or JSON Lines file of name, published, outlet, url, "
    "title: per input file (name: its file name, with or without extension), its date and metadata.",
)
@model_options
def ingest(
    paths: tuple[str, ...],
    db_path: Path | None,
    published: date | None,
    max_size: int,
    actors: Path | None,
    verbs: Path | None,
    extractions: Path | None,
    dates_path: Path | None,
    model: str,
    tagger: str,
) -> None:
    """Store articles and what is extracted from them: text files, HTML pages, JSON Lines
    (fields text, title, url, outlet, published, id) and folders of them (files of other
    kinds are listed as ignored). Reruns skip what is stored, however its path is written
    (a record is known by its id, else its url, else its line); duplicates are linked, not
    extracted again. Prints a JSON summary.

    An article's date is its row's in --dates, else its own (a "Published:" or "Date:"
    line at the top of a text, an HTML page's date, a record's published), else one in
    its file name (2025-05-12-talks.txt, talks_20250512.txt), else --published. A text
    stored without a date takes the date of a later ingest of it and is extracted again.

    --extractions DIR stores the dataset `reportedly batch` wrote, as extracted there."""
    from reportedly.ingest.dates import read_sidecar
    from reportedly.ingest.read import InputError
    from reportedly.ingest.run import IngestSummary
    from reportedly.ingest.run import ingest as run_ingest
    from reportedly.ingest.sources import read_articles
    from reportedly.store.corpus import Store

    if extractions is not None:
        articles, extractor, coder = recorded_dataset(
            extractions, paths, lambda: load_extractor(model, tagger, actors, verbs), actors
        )
    elif not paths:
        raise click.UsageError("Missing argument 'PATHS...' (or --extractions DIR).")
    else:
        try:
            listings = read_sidecar(dates_path) if dates_path else None
        except InputError as error:
            refuse(str(error))
        extractor = load_extractor(model, tagger, actors, verbs)
        coder = extractor.resources.coder
        articles = read_articles(paths, published, max_size * 1_048_576, listings)
    try:
        # Names link across documents by the spellings of the coder the extraction used.
        store = Store(db_path or default_path(), coder=coder)
    except StoreError as error:
        raise click.ClickException(str(error)) from None
    summary = IngestSummary()
    interruption = None
    try:
        with (
            tqdm(desc="ingest", unit="article", disable=None, file=sys.stderr) as progress,
            store_errors(store.path, RERUN_FINISHES),
        ):
            try:
                run_ingest(articles, store, extractor, lambda: progress.update(1), summary)
            finally:
                store.close()  # rolls back the article in progress, if any
    except Interrupted as stopped:
        interruption = stopped
    for failure in summary.failed:
        click.echo(f"reportedly: error: {failure}", err=True)
    echo_run_report(summary.to_dict(), interruption, RERUN_RESUMES)
    if summary.failed:
        sys.exit(EXIT_INPUTS_FAILED)


@click.group()
def documents() -> None:
    """The documents of a store, and their dates."""


@documents.command(name="list")
@db_option
@click.option("--undated", is_flag=True, help="Only documents without a date (pages, not their posts).")
@format_option
def documents_list(db_path: Path | None, undated: bool, output_format: str | None) -> None:
    """Every stored document: id, name, date, outlet, title, source, its live blog page, the
    document it duplicates, and its numbers of attributions and events."""
    with _reading(db_path) as connection:
        print_rows(queries.documents(connection, undated), output_format)


@documents.command(name="set-date")
@click.argument("document_id", metavar="ID", type=int)
@click.argument("day", metavar="DATE", callback=parse_date)
@db_option
@model_options
def documents_set_date(document_id: int, day: date, db_path: Path | None, model: str, tagger: str) -> None:
    """Date the stored document ID (`documents list` shows ids) on DATE (YYYY-MM-DD) and
    extract it again on that date, so that its times ("on Monday") resolve against it; a
    live blog page's posts follow it. Prints one line of JSON."""
    from reportedly.ingest.run import date_document
    from reportedly.store.corpus import Store

    path = db_path or default_path()
    try:
        store = Store(path, create=False)  # a store to fix, not a new empty one
    except StoreError as error:
        raise click.ClickException(str(error)) from None
    try:
        with store_errors(path):  # a full or damaged store; an unknown id is the input's fault
            try:
                result = date_document(
                    store, lambda: load_extractor(model, tagger, None, None), document_id, day
                )
            except StoreError as error:
                refuse(str(error))
    finally:
        store.close()
    click.echo(json.dumps(result))


@click.command()
@db_option
@click.option(
    "--speaker",
    type=UTF8_TEXT,
    help="An entity (name, alias, surname or id, as `timeline` takes), or words of an unresolved speaker.",
)
@click.option("--about", type=UTF8_TEXT, help="Words the content holds.")
@click.option(
    "--search",
    type=UTF8_TEXT,
    callback=lambda ctx, param, value: _checked_search(queries.search_expression, value),
    help='Words and "quoted phrases" the content holds, all of them (cease-fire finds ceasefire too).',
)
@click.option(
    "--fts",
    type=UTF8_TEXT,
    callback=lambda ctx, param, value: _checked_search(queries.check_fts_syntax, value),
    help='A full-text query in FTS5 syntax ("oil AND sanctions", "talk*", "NEAR(grain deal, 5)").',
)
@period_options
@click.option("--outlet", type=UTF8_TEXT, help="Only articles of this outlet.")
@click.option("--kind", type=click.Choice(ATTRIBUTION_KINDS))
@limit_option(100)
@format_option
@width_options
@parquet_option
def quotes(
    db_path: Path | None,
    parquet: Path | None,
    output_format: str | None,
    width: int,
    full: bool,
    **where: Any,
) -> None:
    """Who said what, newest first (an unresolved speaker in brackets: its source's words)."""
    if parquet is not None and (where["search"] or where["fts"]):
        raise click.UsageError("--search and --fts read the store's full-text index: use --db, or --about")
    with _reading(db_path, parquet) as connection:
        if where["speaker"]:
            with _naming("--speaker"):
                speaker = queries.speaker_filter(connection, where["speaker"])
                where["speaker"] = queries.check_speaker(connection, speaker)
        print_rows(queries.quotes(connection, queries.QuoteFilter(**where)), output_format, width, full)


@click.command()
@db_option
@click.option("--by", type=click.Choice(["outlet", "month"]), help="Count per outlet or per month.")
@period_options
@limit_option(20)
@format_option
@width_options
@parquet_option
def speakers(
    db_path: Path | None,
    parquet: Path | None,
    by: str | None,
    since: str | None,
    until: str | None,
    limit: int,
    output_format: str | None,
    width: int,
    full: bool,
) -> None:
    """Who is quoted most (a statement a headline repeats counts once)."""
    with _reading(db_path, parquet) as connection:
        rows = queries.speakers(connection, by, since, until, limit)
        # Without the entity's id: a store and a `batch` dataset of the same articles number
        # their entities apart, and their answers here agree (the API's rows have the id).
        for row in rows:
            del row["entity_id"]
        print_rows(rows, output_format, width, full)


@click.command()
@click.argument("entity", type=UTF8_TEXT)
@db_option
@click.option("--about", type=UTF8_TEXT, help="Only statements and events whose words hold this.")
@format_option
@width_options
@parquet_option
def timeline(
    entity: str,
    db_path: Path | None,
    parquet: Path | None,
    about: str | None,
    output_format: str | None,
    width: int,
    full: bool,
) -> None:
    """An entity's statements and events in date order (ENTITY: a name, an alias, a surname
    or an id as `entities list` shows it)."""
    with _reading(db_path, parquet) as connection:
        with _naming("ENTITY"):
            found = queries.entity_id(connection, entity)
        print_rows(queries.timeline(connection, found, about), output_format, width, full)


@click.command()
@db_option
@click.option(
    "--type",
    "event_type",
    type=UTF8_TEXT,
    callback=parse_event_type,
    help="A PLOVER event type, in any case: " + ", ".join(queries.event_types()) + ".",
)
@click.option("--actor", type=UTF8_TEXT, help="Actor code or its start (RUS, RUSGOV).")
@click.option("--recipient", type=UTF8_TEXT, help="Recipient code or its start.")
@limit_option(100)
@format_option
@width_options
@parquet_option
def events(
    db_path: Path | None,
    parquet: Path | None,
    output_format: str | None,
    width: int,
    full: bool,
    **where: Any,
) -> None:
    """Coded events, newest first, each party's words beside its code."""
    with _reading(db_path, parquet) as connection:
        print_rows(queries.events(connection, **where), output_format, width, full)


@click.group()
def entities() -> None:
    """The entities of a store."""


@entities.command(name="list")
@db_option
@format_option
@width_options
def entities_list(db_path: Path | None, output_format: str | None, width: int, full: bool) -> None:
    """Every entity with its code, names and number of quotes."""
    with _reading(db_path) as connection:
        print_rows(queries.entities(connection), output_format, width, full)


@entities.command(name="merge")
@click.argument("name", type=UTF8_TEXT)
@click.argument("into", type=UTF8_TEXT)
@db_option
def entities_merge(name: str, into: str, db_path: Path | None) -> None:
    """Merge the entity NAME into INTO (names, aliases or ids): a wrong split fixed by hand.
    Later ingests follow the fix: NAME's spellings lead to INTO."""
    from reportedly.store.corpus import merge_entities

    with _reading(db_path, writing=True) as connection, _naming("NAME or INTO"):
        merged, kept = merge_entities(connection, name, into)
    click.echo(json.dumps({"merged": merged, "into": kept}))


@click.group()
def attributions() -> None:
    """Fix what was extracted, one attribution at a time."""


@attributions.command(name="set-speaker")
@click.argument("attribution", metavar="ID", type=click.IntRange(min=1, max=LARGEST_INTEGER))
@click.argument("name")
@click.option("--new", is_flag=True, help="NAME is a new entity, to create (not one of the store's).")
@click.option(
    "--type",
    "entity_type",
    type=click.Choice(SPEAKER_TYPES),
    default="PERSON",
    show_default=True,
    help="The type of a --new entity.",
)
@db_option
def attributions_set_speaker(
    attribution: int, name: str, new: bool, entity_type: str, db_path: Path | None
) -> None:
    """Make NAME the speaker of attribution ID (the `id` of `quotes --format jsonl`). NAME is an
    entity as `timeline` finds it, or a new one with --new. The fix is kept: later ingests,
    `import brat` and merges do not undo it. Prints what changed as JSON."""
    from reportedly.store.corpus import set_speaker

    with _reading(db_path, writing=True) as connection, _naming("ID or NAME"):
        fixed = set_speaker(connection, attribution, name, new=new, entity_type=entity_type)
    click.echo(json.dumps(fixed, ensure_ascii=False))


@click.command(name="export")
@db_option
@click.option(
    "--format",
    "export_format",
    type=click.Choice(["jsonl", "csv", "parquet", "plover", "brat"]),
    required=True,
    help="jsonl (documents with extractions), csv or parquet (one table), plover (event records), "
    "brat (a .txt and .ann per document, into the folder -o names).",
)
@click.option(
    "--table",
    type=click.Choice(["attributions", "events", "documents", "entities"]),
    default="attributions",
    show_default=True,
    help="The table csv and parquet write.",
)
@click.option("-o", "--output", default=None, help="File (folder for brat) to write; stdout if absent.")
def export(db_path: Path | None, export_format: str, table: str, output: str | None) -> None:
    """Write a store's contents for other tools."""
    from reportedly.store import export as exports

    if export_format in {"parquet", "brat"} and output is None:
        raise click.UsageError(f"--format {export_format} needs -o/--output")
    if export_format == "brat":
        _make_folder(Path(output or ""))
    with _reading(db_path) as connection:
        try:
            if export_format == "parquet":
                with replaced_whole(Path(output or ""), "wb") as handle:
                    count = exports.write_parquet(connection, table, handle)
            elif export_format == "brat":
                count = exports.write_brat(connection, Path(output or ""))
            else:
                with output_file(output) as stream:
                    if export_format == "jsonl":
                        count = exports.write_jsonl(connection, stream)
                    elif export_format == "csv":
                        count = exports.write_csv(connection, table, stream)
                    else:
                        count = exports.write_plover(connection, stream)
        except Interrupted as interruption:
            if export_format == "brat":  # one file at a time, each whole
                interrupted(interruption, f"export stopped, some files in {output} written", None)
            interrupted(interruption, "export stopped", output)
    click.echo(f"reportedly: exported {count} {export_format} records", err=True)


def _make_folder(folder: Path) -> None:
    """The folder -o names for BRAT files, made if missing; one that cannot be is a usage error."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise click.BadParameter(
            f"{folder}: cannot make this folder ({error.strerror})", param_hint="-o/--output"
        ) from None


@click.group(name="import")
def import_group() -> None:
    """Bring corrections back into a store."""


@import_group.command(name="brat")
@click.argument("folder", type=click.Path(exists=True, file_okay=False, path_type=Path))
@db_option
def import_brat(folder: Path, db_path: Path | None) -> None:
    """Store the attributions of corrected BRAT files (as `export --format brat` wrote them),
    all or none: a file that is not UTF-8 or a line that is not BRAT or does not fit its text
    stops the import. Prints the documents read and those changed as JSON."""
    from reportedly.store.brat import BratError
    from reportedly.store.export import import_brat as run_import

    with _reading(db_path, writing=True) as connection:
        try:
            count, changed = run_import(connection, folder)
        except BratError as error:  # a bad input file, named with its line: nothing was imported
            raise click.ClickException(str(error)) from None
    click.echo(json.dumps({"documents": count, "changed": changed}))


COMMANDS = (
    ingest,
    quotes,
    speakers,
    timeline,
    events,
    entities,
    attributions,
    documents,
    export,
    import_group,
)
