"""``reportedly extract``: attributions from files or stdin, as JSON Lines, text or PLOVER records."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import click
from tqdm import tqdm

from reportedly.events.plover import plover_records
from reportedly.ingest.read import InputError
from reportedly.model import Document, Extraction
from reportedly.nlp.onnx import ALL_CORES
from reportedly.options import (
    EXIT_INPUTS_FAILED,
    Interrupted,
    check_output,
    input_options,
    interrupted,
    load_extractor,
    model_options,
    output_file,
)


def format_text(extraction: Extraction) -> str:
    """The readable view: a header (for a live blog post, its page, time and first character
    in the page), one line per attribution, ``speaker | cue | "content"``, then one per
    event, ``event TYPE: actor -> recipient (trigger, date)``."""
    document = extraction.document
    post = f"post of {document.page} at {document.posted}, from character {document.page_offset}; "
    where = post if document.page else ""
    lines = [f"== {document.doc_id} ({where}{len(extraction.attributions)} attributions)"]
    codes = {entity.id: entity.actor.code for entity in extraction.entities if entity.actor}
    for attribution in extraction.attributions:
        if attribution.speaker:  # a group's members one by one, each with its code
            speaker = ", ".join(
                party.name + (f" [{code}]" if (code := codes.get(party.entity or "")) else "")
                for party in attribution.speaker.parties
            )
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


@click.command()
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
@click.option(
    "--threads",
    type=click.IntRange(min=0),
    default=ALL_CORES,
    show_default=True,
    help="Threads each learned model runs on (0: one per core); 1 when several processes share the cores.",
)
@input_options
@model_options
def extract(
    paths: tuple[str, ...],
    published: date | None,
    output_format: str | None,
    output: str | None,
    threads: int,
    max_size: int,
    actors: Path | None,
    verbs: Path | None,
    model: str,
    tagger: str,
) -> None:
    """Extract attributions from text files, HTML pages (their main text), JSON Lines (a
    ``text`` field per line) and folders of them, read as ``ingest`` reads them (dates from
    the text or the file name); ``-`` reads stdin. A live blog is split into its posts as
    ``ingest`` splits it: a record per post, its offsets into the post's text, ``page`` and
    ``page_offset`` saying where that text starts in the page."""
    from reportedly.ingest.sources import Ignored, read_articles

    if output_format is None:
        output_format = "text" if output is None and sys.stdout.isatty() else "jsonl"
    failed: list[InputError] = []  # a file, a folder or a JSON Lines record that could not be read

    def documents() -> Iterator[Document]:
        articles = read_articles(paths, published, max_size * 1_048_576)
        for item in tqdm(articles, desc="extract", unit="article", disable=None, file=sys.stderr):
            if isinstance(item, InputError):
                failed.append(item)
                click.echo(f"reportedly: error: {item}", err=True)
            elif isinstance(item, Ignored):
                click.echo(f"reportedly: ignored: {item}", err=True)
            else:
                yield from item.documents  # a live blog's posts, else the article

    extractor = load_extractor(model, tagger, actors, verbs, threads)
    extracted = 0
    try:
        with output_file(output) as stream:
            for extraction in extractor.extract(documents()):
                if output_format == "jsonl":
                    stream.write(json.dumps(extraction.to_dict(), ensure_ascii=False) + "\n")
                elif output_format == "plover":
                    for record in plover_records(extraction):
                        stream.write(json.dumps(record, ensure_ascii=False) + "\n")
                else:
                    stream.write(("\n" if extracted else "") + format_text(extraction) + "\n")
                stream.flush()
                extracted += 1
    except Interrupted as interruption:
        interrupted(interruption, f"{_count(extracted, 'document')} extracted", output)
    if failed:
        click.echo(f"reportedly: {_count(len(failed), 'input')} failed; the rest were extracted", err=True)
        sys.exit(EXIT_INPUTS_FAILED)


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" + ("" if number == 1 else "s")
