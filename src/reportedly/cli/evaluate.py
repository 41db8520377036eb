"""``reportedly eval``: the extractor scored against gold corpora (PolNeAR, speakers, GAP,
PLOVER, ConfliBERT's CAMEO parties, PETRARCH's unit tests, time expressions)."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from reportedly.eval import PARTS, GoldError
from reportedly.nlp.pipeline import ModelError
from reportedly.options import load_extractor, model_options


@click.group(name="eval")
def evaluate() -> None:
    """Score the extractor against gold corpora."""


# What every scorer reads: a corpus split's folder, or a file of gold records.
SPLIT_FOLDER = click.Path(exists=True, file_okay=False, path_type=Path)
GOLD_FILE = click.Path(exists=True, dir_okay=False, path_type=Path)

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
    except (ModelError, GoldError) as error:  # anything else is a bug: its traceback shows
        raise click.ClickException(str(error)) from None
    if output_format is None:
        output_format = "text" if sys.stdout.isatty() else "json"
    if output_format == "json":
        click.echo(json.dumps(report, indent=2))
    else:
        click.echo(formatter(report))


def errors_option(what: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """--errors FILE: where an evaluation writes ``what`` it got wrong, as JSON Lines."""
    return click.option(
        "--errors",
        "errors_path",
        type=click.Path(dir_okay=False, path_type=Path),
        default=None,
        help=f"Write {what} to this JSON Lines file.",
    )


def part_option(parts: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """--part tune|check|all: which part of a gold file an evaluation scores (``parts`` says how
    the file splits)."""
    return click.option("--part", type=click.Choice(PARTS), default="all", help=parts)


@evaluate.command(name="polnear")
@click.argument("split_dir", type=SPLIT_FOLDER)
@click.option("--limit", type=int, default=None, help="Score only the first N articles.")
@report_format
@errors_option("misses and false alarms, with context,")
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
@click.argument("split_dir", type=SPLIT_FOLDER)
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
@click.argument("articles", type=click.Path(exists=True, path_type=Path))
@click.argument("gold", type=GOLD_FILE)
@part_option(
    "The gold of the articles in one half (by a hash of their names: tune on one, check on the other) or all."
)
@report_format
@model_options
def eval_speakers(
    articles: Path, gold: Path, part: str, output_format: str | None, model: str, tagger: str
) -> None:
    """Score speaker resolution on ARTICLES, a PolNeAR split folder or a JSON Lines file of
    passages ({"id", "text", "published"}, e.g. eval/speakers/varied/passages.jsonl), against
    GOLD (e.g. eval/speakers/polnear-dev.jsonl, judged by docs/speaker-annotation.md):
    accuracy by kind of source, resolvable or not."""
    from reportedly.eval.speakers import evaluate_speakers, format_report

    _report(
        lambda: evaluate_speakers(articles, gold, model=model, tagger=tagger, part=part),
        format_report,
        output_format,
    )


@evaluate.command(name="speakers-agreement")
@click.argument("reference", type=GOLD_FILE)
@click.argument("other", type=GOLD_FILE)
@report_format
def eval_speakers_agreement(reference: Path, other: Path, output_format: str | None) -> None:
    """How far OTHER, a second annotation of REFERENCE's mentions (same articles and spans,
    docs/speaker-annotation.md), agrees with it, scored as `eval speakers` scores the
    system: the second reader's referent is the prediction."""
    from reportedly.eval.speakers import agreement, format_report

    _report(lambda: agreement(reference, other), format_report, output_format)


@evaluate.command(name="gap")
@click.argument("gap_file", type=GOLD_FILE)
@click.option(
    "--predictions",
    "predictions_path",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Write the answers in GAP's system format (ID, A-coref, B-coref; TRUE/FALSE; no header).",
)
@click.option(
    "--pronouns",
    type=click.Choice(["model", "rules"]),
    default="model",
    help="The learned pronoun model (default) or the speaker resolver's rules.",
)
@report_format
@model_options
def eval_gap(
    gap_file: Path,
    predictions_path: Path | None,
    pronouns: str,
    output_format: str | None,
    model: str,
    tagger: str,
) -> None:
    """Score pronoun resolution on a GAP file (e.g. ../shared/data/gap/gap-validation.tsv) by
    GAP's metric: F1 over the pronoun-name pairs, masculine, feminine and their ratio."""
    from reportedly.eval.gap import evaluate_gap, format_report

    _report(
        lambda: evaluate_gap(
            gap_file,
            predictions_path,
            model=model,
            tagger=tagger,
            pronouns="shipped" if pronouns == "model" else "none",
        ),
        format_report,
        output_format,
    )


@evaluate.command(name="plover")
@click.argument("records", type=GOLD_FILE)
@click.option(
    "--no-events",
    "no_events",
    type=GOLD_FILE,
    default=None,
    help="Also the false-event rate on these sentences without political events "
    "(JSON Lines, e.g. eval/events/no-events-dev.jsonl).",
)
@part_option(
    "The records whose id's SHA-1 begins with a byte below 128 (tune rules on them), "
    "the rest (check them) or all."
)
@errors_option("the records whose event type, actor or recipient country is wrong")
@report_format
@model_options
def eval_plover(
    records: Path,
    no_events: Path | None,
    part: str,
    errors_path: Path | None,
    output_format: str | None,
    model: str,
    tagger: str,
) -> None:
    """Score event coding on PLOVER gold records (e.g. ../shared/data/plover/plover_gsr_dev.jsonl)."""
    from reportedly.eval.plover import evaluate_plover, format_report

    _report(
        lambda: evaluate_plover(
            records, model=model, tagger=tagger, no_events=no_events, part=part, errors_path=errors_path
        ),
        format_report,
        output_format,
    )


@evaluate.command(name="conflibert")
@click.argument("sentences", type=GOLD_FILE)
@part_option("The first half of the file (tune rules on it), the second (check them) or all.")
@errors_option("the sentences whose actor or recipient is wrong")
@report_format
@model_options
def eval_conflibert(
    sentences: Path, part: str, errors_path: Path | None, output_format: str | None, model: str, tagger: str
) -> None:
    """Score events' actors and recipients on ConfliBERT's CAMEO sentences tagged with their
    source and target (e.g. ../shared/data/conflibert/cameo_ner/train.txt)."""
    from reportedly.eval.conflibert import evaluate_conflibert, format_report

    _report(
        lambda: evaluate_conflibert(sentences, part, model=model, tagger=tagger, errors_path=errors_path),
        format_report,
        output_format,
    )


@evaluate.command(name="petrarch")
@click.argument("records", type=GOLD_FILE)
@report_format
@model_options
def eval_petrarch(records: Path, output_format: str | None, model: str, tagger: str) -> None:
    """Share of PETRARCH's unit-test records coded right (its PETR.UnitTest.records.xml)."""
    from reportedly.eval.petrarch import evaluate_petrarch, format_report

    _report(lambda: evaluate_petrarch(records, model=model, tagger=tagger), format_report, output_format)


@evaluate.command(name="times")
@click.argument("gold", type=GOLD_FILE)
@report_format
@model_options
def eval_times(gold: Path, output_format: str | None, model: str, tagger: str) -> None:
    """Score time expressions and their values on GOLD passages (e.g. eval/times/times-gold.jsonl,
    annotated by docs/time-annotation.md): found, value right, right, by grain."""
    from reportedly.eval.times import evaluate_times, format_report

    _report(
        lambda: evaluate_times(gold, lambda: load_extractor(model, tagger, None, None)),
        format_report,
        output_format,
    )
