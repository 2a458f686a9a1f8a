"""``clerk actions``: prints the action log that :mod:`clerk_tui.action_log` reads."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from clerk_tui.cli_support import EXIT_FAILED, EXIT_REFUSED, echo, fail, fail_export, opened
from clerk_tui.output_paths import UnsafeOutput
from clerk_tui.printable import printable


@click.command()
@click.option("--open", "open_only", is_flag=True, help="Only actions still open.")
@click.option("--committee", help="Only this committee's actions.")
@click.option("--public/--confidential", default=True,
              help="Leave out actions agreed in private session (the default), or include "
                   "them, marked CONFIDENTIAL.")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "docx"]), default="table",
              show_default=True)
@click.option("-o", "--output", type=click.Path(path_type=Path),
              help="Where to write (csv: a file, default the screen; docx: a folder or file, "
                   "default exports/).")
@click.option("--overwrite", is_flag=True, help="Replace the file if it exists.")
@click.pass_obj
def actions(db_path: Path, open_only: bool, committee: str | None, public: bool, fmt: str,
            output: Path | None, overwrite: bool) -> None:
    """The action log: every action of every meeting, soonest due first."""
    from clerk_tui.action_log import UnknownCommittee, read_action_log

    if output is not None and fmt == "table":
        fail("-o needs --format csv or --format docx; the table is for the screen.",
             EXIT_REFUSED)
    with opened(db_path, must_exist=True) as store:
        try:
            log = read_action_log(store, open_only, committee, public)
        except UnknownCommittee as error:
            fail(str(error), EXIT_FAILED)
    if fmt == "table":
        _print_table(log)
    else:
        _write(log, fmt, output, overwrite, db_path)


def _print_table(log) -> None:
    from clerk_tui.action_log import table_entries, table_heading

    click.echo(table_heading(log))
    for entry in table_entries(log):
        flag = click.style(" OVERDUE", fg="red", bold=True) if entry.overdue else ""
        click.echo(f"\n{entry.action}{flag}\n  {entry.detail}")


def _write(log, fmt: str, output: Path | None, overwrite: bool, database: Path) -> None:
    """The Word log, or the CSV to a file (or, with no file, to stdout)."""
    from clerk_tui.action_log import csv_text, write_csv, write_docx
    from clerk_tui.minutes.export import ExportError

    if fmt == "csv" and output is None:  # exact data for a program; a terminal sees no controls
        text = csv_text(log)
        click.echo(printable(text, lines=True) if sys.stdout.isatty() else text, nl=False)
        return
    try:
        written = write_docx(log, output, overwrite, database) if fmt == "docx" else \
            write_csv(log, output, overwrite, database)
    except UnsafeOutput as error:
        fail(str(error), EXIT_REFUSED)
    except ExportError as error:
        fail_export(error)
    echo(written)
