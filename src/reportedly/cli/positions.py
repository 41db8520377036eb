"""``reportedly positions``: what each party says about each issue, when it changed, with the
evidence; and ``reportedly eval positions`` (issue 21, docs/positions.md)."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path
from typing import Any

import click

from reportedly.cli.batch import parquet_option
from reportedly.cli.corpus import UTF8_TEXT, _reading, db_option, format_option, print_rows, width_options
from reportedly.cli.evaluate import GOLD_FILE, _report, report_format
from reportedly.options import load_extractor, model_options, parse_date

ISSUES_FILE = click.Path(exists=True, dir_okay=False, path_type=Path)


def _issue_book(issues: Path | None) -> Any:
    from reportedly.positions.issues import IssueFileError, load_issues

    try:
        return load_issues(issues)
    except IssueFileError as error:
        raise click.ClickException(str(error)) from None


def _flat(row: dict[str, Any]) -> dict[str, Any]:
    """A position as one line of a table or CSV: the evidence's first span, the counts."""
    evidence = row["evidence"][0]
    return {
        "actor": row["actor"]["name"],
        "code": row["actor"]["code"],
        "issue": row["issue"]["name"],
        "stance": row["stance"],
        "date": row["date"],
        "doc_id": evidence["doc_id"],
        "evidence": " … ".join(part["text"] for part in row["evidence"]),
        "condition": row["condition"]["text"] if row["condition"] else None,
        **_demanded_of(row["demanded_of"]),
        **(
            {"previous": row["previous"]["stance"], "previous_date": row["previous"]["date"]}
            if "previous" in row
            else {"stances": len(row["history"]), "shifts": len(row["shifts"])}
            if "history" in row
            else {"stances": row["stances"]}
        ),
    }


def _demanded_of(demanded: dict[str, Any] | None) -> dict[str, Any]:
    """Whom a demand is of as a table's or CSV's columns: the words, the party's name and code."""
    return {
        "demanded_of": demanded["text"] if demanded else None,
        "demanded_of_name": demanded["name"] if demanded else None,
        "demanded_of_code": demanded["code"] if demanded else None,
    }


@click.command()
@db_option
@parquet_option
@click.option("--issue", type=UTF8_TEXT, help="Only this issue (a name in the issues file).")
@click.option("--actor", type=UTF8_TEXT, help="Only this actor: an entity's name or an actor code (RUSGOV).")
@click.option(
    "--demanded-of",
    type=UTF8_TEXT,
    help="Only demands of this party: a name, an actor code (USAGOV) or a country (USA, and its government).",
)
@click.option("--since", type=str, callback=parse_date, help="Stances from this day on (YYYY-MM-DD).")
@click.option("--until", type=str, callback=parse_date, help="Stances up to this day (YYYY-MM-DD).")
@click.option(
    "--history",
    "with_history",
    is_flag=True,
    help="Each row with every stance (oldest first) and the shifts.",
)
@click.option("--shifts", is_flag=True, help="One row per shift: a stance unlike the actor's previous one.")
@click.option("--by-code", is_flag=True, help="One actor per actor code (RUSGOV), not per entity.")
@click.option(
    "--rebuild",
    is_flag=True,
    help="First assign every stored statement's issues and stances again (after the issues changed).",
)
@click.option(
    "--issues",
    "issues_file",
    type=ISSUES_FILE,
    default=None,
    help="A YAML issues file whose issues add to (or, by name, replace) data/issues.yaml.",
)
@format_option
@width_options
def positions(
    db_path: Path | None,
    parquet: Path | None,
    issue: str | None,
    actor: str | None,
    demanded_of: str | None,
    since: date | None,
    until: date | None,
    with_history: bool,
    shifts: bool,
    by_code: bool,
    rebuild: bool,
    issues_file: Path | None,
    output_format: str | None,
    width: int,
    full: bool,
) -> None:
    """Each actor's current stance on each issue, with its evidence (--history: every stance
    and the shifts; --shifts: one row per shift, with both pieces of evidence)."""
    from reportedly.store.stances import PositionFilter, history, rebuild_stances
    from reportedly.store.stances import positions as current_positions

    book = _issue_book(issues_file)
    if issue is not None and issue not in book.names():
        raise click.BadParameter(
            f"{issue!r} is not an issue; the issues are {', '.join(book.names())}", param_hint="--issue"
        )
    if rebuild and parquet is not None:
        raise click.UsageError("--rebuild assigns a store's stances again; a --parquet dataset is read only")
    if rebuild:
        from reportedly.nlp.encoder import EncoderError, load_encoder
        from reportedly.positions.learned import PositionModelError, load_position_model, shipped_model_path
        from reportedly.store.database import transaction

        try:
            encoder = load_encoder("shipped")
            # The learned model knows the shipped issues only: a user's issues are the rules'.
            model = (
                load_position_model(None, book.names())
                if issues_file is None and shipped_model_path().is_file()
                else None
            )
        except (EncoderError, PositionModelError) as error:
            raise click.ClickException(str(error)) from None
        book.embed_examples(encoder)
        with _reading(db_path, writing=True) as connection, transaction(connection):
            documents, stances = rebuild_stances(connection, book, encoder, model)
        click.echo(f"reportedly: {stances} stances assigned again in {documents} documents", err=True)
    with _reading(db_path, parquet) as connection:
        where = PositionFilter(
            issue,
            actor,
            since.isoformat() if since else None,
            until.isoformat() if until else None,
            by_code,
            demanded_of=demanded_of,
        )
        rows = (
            history(connection, where, shifts)
            if with_history or shifts
            else current_positions(connection, where)
        )
    output_format = output_format or ("table" if sys.stdout.isatty() else "jsonl")
    print_rows(rows if output_format == "jsonl" else [_flat(row) for row in rows], output_format, width, full)


@click.command(name="positions")
@click.argument("gold", type=GOLD_FILE)
@click.option(
    "--issues", "issues_file", type=ISSUES_FILE, default=None, help="An issues file over data/issues.yaml."
)
@report_format
@model_options
def eval_positions(
    gold: Path, issues_file: Path | None, output_format: str | None, model: str, tagger: str
) -> None:
    """Score issues and stances on GOLD statements (e.g. eval/positions/gold.jsonl): issue
    precision, recall and F1, stance accuracy and macro-F1, conditions and demanded-of."""
    from reportedly.eval.positions import evaluate_positions, format_report

    _report(
        lambda: evaluate_positions(gold, lambda: load_extractor(model, tagger, None, None), issues_file),
        format_report,
        output_format,
    )


@click.command(name="positions-agreement")
@click.argument("reference", type=GOLD_FILE)
@click.argument("other", type=GOLD_FILE)
@report_format
def eval_positions_agreement(reference: Path, other: Path, output_format: str | None) -> None:
    """How far OTHER, a second annotation of REFERENCE's statements (same ids, texts and
    contents), agrees with it: issue precision, recall and F1 taking REFERENCE as gold, and
    stance accuracy, macro-F1 and Cohen's kappa on the pairs both give."""
    from reportedly.eval.positions import agreement, format_agreement, read_gold
    from reportedly.positions.issues import load_issues

    def run() -> dict:
        book = load_issues()
        return agreement(read_gold(reference, book), read_gold(other, book))

    _report(run, format_agreement, output_format)
