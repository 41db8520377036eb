"""The ``reportedly`` command line: one entry point, JSON Lines on stdout, errors on stderr."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import click
from click.exceptions import NoArgsIsHelpError
from tqdm import tqdm

from reportedly.events.plover import plover_records
from reportedly.ingest.read import InputError, read_document
from reportedly.model import Document, Extraction
from reportedly.nlp.pipeline import ModelError
from reportedly.options import (
    EXIT_BAD_INPUT,
    check_output,
    input_options,
    load_extractor,
    model_options,
    output_file,
)
from reportedly.store.commands import COMMANDS


class OneLineErrors(click.Group):
    """The command group whose errors are one line on stderr: click's usage errors print the
    usage and a hint above the error, three lines where a script or a user wants the reason."""

    def main(self, *args: Any, **kwargs: Any) -> Any:
        kwargs["standalone_mode"] = False
        try:
            return super().main(*args, **kwargs)
        except NoArgsIsHelpError as error:  # a group called alone: its help, as click shows it
            error.show()
            sys.exit(error.exit_code)
        except click.ClickException as error:
            click.echo(f"Error: {error.format_message()}", err=True)
            sys.exit(error.exit_code)
        except click.Abort:
            click.echo("Aborted!", err=True)
            sys.exit(1)


@click.group(cls=OneLineErrors)
@click.version_option(package_name="reportedly")
def main() -> None:
    """Who said what, to whom, when, and according to whom: attributions from news text."""


def format_text(extraction: Extraction) -> str:
    """The readable view: one line per attribution, ``speaker | cue | "content"``, then one
    per event, ``event TYPE: actor -> recipient (trigger, date)``."""
    lines = [f"== {extraction.document.doc_id} ({len(extraction.attributions)} attributions)"]
    codes = {entity.id: entity.actor.code for entity in extraction.entities if entity.actor}
    for attribution in extraction.attributions:
        if attribution.speaker:
            code = codes.get(attribution.speaker.entity or "")
            speaker = attribution.speaker.name + (f" [{code}]" if code else "")
        else:  # unresolved: the source as written, in parentheses
            speaker = f"({attribution.source.text})" if attribution.source else "?"
        cue = attribution.cue.text if attribution.cue else f"({attribution.kind})"
        content = " … ".join(" ".join(part.text.split()) for part in attribution.content)
        flags = [
            flag
            for flag, on in (("negated", attribution.negated), ("hypothetical", attribution.hypothetical))
            if on
        ]
        extras = [f"to {attribution.addressee.text}"] if attribution.addressee else []
        extras += [f"via {attribution.channel.text}"] if attribution.channel else []
        extras += [f"in {attribution.parent}"] if attribution.parent else []
        suffix = f"  [{', '.join(extras + flags)}]" if extras or flags else ""
        lines.append(f"{speaker} | {cue} | {content}{suffix}")
    for event in extraction.events:
        parties = [
            ", ".join(party.text + (f" [{party.actor.code}]" if party.actor else "") for party in group)
            or "?"
            for group in (event.actor, event.recipient)
        ]
        flags = [
            flag for flag, on in (("negated", event.negated), ("hypothetical", event.hypothetical)) if on
        ]
        suffix = f"  [{', '.join(flags)}]" if flags else ""
        where = f"({event.trigger.text}, {event.date})"
        lines.append(f"  event {event.event_type}: {parties[0]} -> {parties[1]} {where}{suffix}")
    return "\n".join(lines)


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["jsonl", "text", "plover"]),
    default=None,
    help="jsonl (default when stdout is not a terminal), a readable text list, or plover: "
    "one PLOVER event record per line.",
)
@click.option("-o", "--output", default=None, callback=check_output, help="Write to FILE instead of stdout.")
@input_options
@model_options
def extract(
    paths: tuple[str, ...],
    published: date | None,
    output_format: str | None,
    output: str | None,
    max_size: int,
    actors: Path | None,
    verbs: Path | None,
    model: str,
    tagger: str,
) -> None:
    """Extract attributions from text files, HTML pages (their main text) and JSON Lines
    (a ``text`` field per line); ``-`` reads stdin."""
    from reportedly.ingest.sources import HTML_SUFFIXES, JSONL_SUFFIXES, read_articles

    if output_format is None:
        output_format = "text" if output is None and sys.stdout.isatty() else "jsonl"
    failed: set[str] = set()  # inputs with an error (a JSON Lines file counts once)
    max_bytes = max_size * 1_048_576

    def read(name: str) -> Iterator[Document | InputError]:
        if Path(name).suffix.lower() in HTML_SUFFIXES | JSONL_SUFFIXES:
            for item in read_articles([name], published, max_bytes):
                yield item if isinstance(item, InputError) else item.document
            return
        try:
            yield read_document(name, published=published, max_bytes=max_bytes)
        except InputError as error:
            yield error

    def documents() -> Iterator[Document]:
        for name in tqdm(paths, desc="extract", unit="doc", disable=None, file=sys.stderr):
            for item in read(name):
                if isinstance(item, InputError):
                    failed.add(name)
                    click.echo(f"reportedly: error: {item}", err=True)
                else:
                    yield item

    extractor = load_extractor(model, tagger, actors, verbs)
    with output_file(output) as stream:
        for number, extraction in enumerate(extractor.extract(documents())):
            if output_format == "jsonl":
                stream.write(json.dumps(extraction.to_dict(), ensure_ascii=False) + "\n")
            elif output_format == "plover":
                for record in plover_records(extraction):
                    stream.write(json.dumps(record, ensure_ascii=False) + "\n")
            else:
                stream.write(("\n" if number else "") + format_text(extraction) + "\n")
            stream.flush()
    if failed:
        click.echo(f"reportedly: {len(failed)} of {len(paths)} inputs failed", err=True)
        sys.exit(EXIT_BAD_INPUT)


@main.group(name="eval")
def evaluate() -> None:
    """Score the extractor against gold corpora."""


report_format = click.option(
    "--format",
    "output_format",
    type=click.Choice(["json", "text"]),
    default=None,
    help="json (default when stdout is not a terminal; complete) or a readable summary.",
)


def _report(run: Callable[[], dict], formatter: Callable[[dict], str], output_format: str | None) -> None:
    """Run an evaluation and print its report: JSON for pipes, the summary on a terminal."""
    try:
        report = run()
    except (ModelError, ValueError) as error:
        raise click.ClickException(str(error)) from None
    if output_format is None:
        output_format = "text" if sys.stdout.isatty() else "json"
    if output_format == "json":
        click.echo(json.dumps(report, indent=2))
    else:
        click.echo(formatter(report))


@evaluate.command(name="polnear")
@click.argument("split_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--limit", type=int, default=None, help="Score only the first N articles.")
@report_format
@click.option(
    "--errors",
    "errors_path",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Write misses and false alarms, with context, to this JSON Lines file.",
)
@model_options
def eval_polnear(
    split_dir: Path,
    limit: int | None,
    output_format: str | None,
    errors_path: Path | None,
    model: str,
    tagger: str,
) -> None:
    """Score attribution extraction on a PolNeAR split (e.g. ../shared/data/polnear/dev)."""
    from reportedly.eval.polnear import evaluate_split, format_report

    _report(
        lambda: evaluate_split(split_dir, model=model, tagger=tagger, limit=limit, errors_path=errors_path),
        format_report,
        output_format,
    )


@evaluate.command(name="agreement")
@click.argument("split_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@report_format
@model_options
def eval_agreement(split_dir: Path, output_format: str | None, model: str, tagger: str) -> None:
    """How far PolNeAR's annotators agree on the articles several of them marked, beside
    the extractor's scores against them on the same articles."""
    from reportedly.eval.polnear import annotator_agreement, format_agreement

    _report(
        lambda: annotator_agreement(split_dir, model=model, tagger=tagger), format_agreement, output_format
    )


@evaluate.command(name="speakers")
@click.argument("split_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.argument("gold", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@report_format
@model_options
def eval_speakers(split_dir: Path, gold: Path, output_format: str | None, model: str, tagger: str) -> None:
    """Score speaker resolution on a split against GOLD (e.g. eval/speakers/polnear-dev.jsonl)."""
    from reportedly.eval.speakers import evaluate_speakers, format_report

    _report(
        lambda: evaluate_speakers(split_dir, gold, model=model, tagger=tagger), format_report, output_format
    )


@evaluate.command(name="plover")
@click.argument("records", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@report_format
@model_options
def eval_plover(records: Path, output_format: str | None, model: str, tagger: str) -> None:
    """Score event coding on PLOVER gold records (e.g. ../shared/data/plover/plover_gsr_dev.jsonl)."""
    from reportedly.eval.plover import evaluate_plover, format_report

    _report(lambda: evaluate_plover(records, model=model, tagger=tagger), format_report, output_format)


@evaluate.command(name="petrarch")
@click.argument("records", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@report_format
@model_options
def eval_petrarch(records: Path, output_format: str | None, model: str, tagger: str) -> None:
    """Share of PETRARCH's unit-test records coded right (its PETR.UnitTest.records.xml)."""
    from reportedly.eval.petrarch import evaluate_petrarch, format_report

    _report(lambda: evaluate_petrarch(records, model=model, tagger=tagger), format_report, output_format)


for _command in COMMANDS:
    main.add_command(_command)
