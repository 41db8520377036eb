"""The ``reportedly`` command line: one entry point, JSON Lines on stdout, errors on stderr.

The commands live beside it: ``extract`` in :mod:`.extract`, the corpus commands (ingest,
queries, fixes, export and import) in :mod:`.corpus`, ``batch`` in :mod:`.batch`, ``eval`` in
:mod:`.evaluate`, ``serve`` in :mod:`.serve`; ``positions`` and ``eval positions`` in
:mod:`.positions`.
"""

from __future__ import annotations

import sys
from typing import Any

import click
from click.exceptions import NoArgsIsHelpError

from reportedly.cli import batch, corpus, evaluate, extract, positions, serve
from reportedly.options import Interrupted, stopping_signals_interrupt


class OneLineErrors(click.Group):
    """The command group whose errors are one line on stderr: click's usage errors print the
    usage and a hint above the error, three lines where a script or a user wants the reason.
    A stopping signal (Ctrl-C, SIGTERM) ends a command cleanly, exiting 128 + its number;
    the commands that write say what they had done."""

    def main(self, *args: Any, **kwargs: Any) -> Any:
        kwargs["standalone_mode"] = False
        try:
            with stopping_signals_interrupt():
                return super().main(*args, **kwargs)
        except NoArgsIsHelpError as error:  # a group called alone: its help, as click shows it
            error.show()
            sys.exit(error.exit_code)
        except click.ClickException as error:
            click.echo(f"reportedly: error: {error.format_message()}", err=True)
            sys.exit(error.exit_code)
        except click.Abort:
            click.echo("Aborted!", err=True)
            sys.exit(1)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except Interrupted as interruption:  # before click makes it a bare "Aborted!"
            click.echo(f"reportedly: interrupted by {interruption.signal}", err=True)
            sys.exit(interruption.exit_code)


@click.group(cls=OneLineErrors)
@click.version_option(package_name="reportedly")
def main() -> None:
    """Who said what, to whom, when, and according to whom: attributions from news text."""


# The modules, not their commands, are imported by name: a command of a module's name would
# hide the module (``reportedly.cli.extract``) from whoever imports it, as tests do to patch it.
for _command in (
    extract.extract,
    evaluate.evaluate,
    *corpus.COMMANDS,
    batch.batch,
    positions.positions,
    serve.serve,
):
    main.add_command(_command)
evaluate.evaluate.add_command(positions.eval_positions)
evaluate.evaluate.add_command(positions.eval_positions_agreement)
