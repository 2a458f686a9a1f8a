"""``clerk import``: prints, file by file, what :mod:`clerk_tui.archive` brings in, and
the closing table :mod:`clerk_tui.import_run` words."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import click

from clerk_tui.cli_support import DATE, EXIT_FAILED, blank_is_refused, echo, fail, opened
from clerk_tui.output_paths import remove_abandoned_everywhere
from clerk_tui.printable import json_escaped, printable


@click.command("import")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--committee", callback=blank_is_refused,
              help="The committee of every meeting in the files, over what the minutes say.")
@click.option("--date", "date", type=DATE,
              help="The date of every meeting in the files, over what the minutes say.")
@click.option("--replace", is_flag=True,
              help="Take minutes that differ from those of the same meeting imported before "
                   "in their place (reopened and approved again: recorded in its audit log).")
@click.option("--dry-run", is_flag=True,
              help="Read the files and say what they hold; write nothing, open no database.")
@click.option("--json", "as_json", is_flag=True,
              help="What each file holds as JSON on stdout (progress goes to stderr).")
@click.pass_obj
def import_(db_path: Path, paths: tuple[Path, ...], committee: str | None,
            date: dt.date | None, replace: bool, dry_run: bool, as_json: bool) -> None:
    """Import old minutes (.txt, .md, .docx and .pdf files, and folders of them).

    Each file gets a line saying what was found, and the run a closing table. Minutes
    that do not say when or whose they are come in undated or under "Unknown body",
    to be put right with clerk meeting date and clerk meeting committee. Minutes
    imported before add nothing, however they were saved again. The exit code is 0
    only when every file came in (with --dry-run: would).
    """
    import json

    from clerk_tui.archive import Tally, import_files, minutes_files, preview_files
    from clerk_tui.import_run import failure

    total = len(minutes_files(paths))
    tally = Tally()
    if dry_run:  # the database is never opened, so nothing can be written
        files = _each_file(preview_files(paths, committee, date), total, as_json, tally)
    else:
        remove_abandoned_everywhere()  # as every command does at start, but a dry run
        with opened(db_path) as store:
            files = _each_file(import_files(store, paths, committee, date, replace),
                               total, as_json, tally)
    if as_json:  # the data exactly; no control reaches a terminal
        click.echo(json_escaped(json.dumps({"files": files}, indent=2, ensure_ascii=False)))
    _print_closing(tally, dry_run)
    if (why := failure(tally)) is not None:
        fail(why, EXIT_FAILED)


class Progress:
    """A bar on stderr while files are read, when stderr is a terminal; otherwise each
    file's line says how far the run has got ("[3/40] …")."""

    def __init__(self, total: int) -> None:
        from clerk_tui.import_run import ProgressCount

        self.count = ProgressCount(total, sys.stderr.isatty())
        self.drawn = False

    def line(self, number: int, text: str, err: bool, failed: bool) -> None:
        """Print one file's line, the bar (if any) redrawn below it."""
        self._clear()
        click.secho(printable(self.count.counted(number, text), lines=True),
                    fg="red" if failed else None, err=err)
        if (bar := self.count.bar_after(number)) is not None:
            click.echo(bar, nl=False, err=True)
            self.drawn = True

    def _clear(self) -> None:
        if self.drawn:
            click.echo("\r\x1b[K", nl=False, err=True)
            self.drawn = False


def _each_file(reports, total: int, as_json: bool, tally) -> list[dict]:
    """Each file's line as it is read (on stderr when stdout is for JSON, or the file
    did not come in), each counted in ``tally``; the JSON report of each file (kept only
    with ``as_json``)."""
    from clerk_tui.import_run import file_json

    files, progress = [], Progress(total)
    for number, report in enumerate(reports, start=1):
        progress.line(number, f"{report.path}: {report.message}", as_json or not report.ok,
                      not report.ok)
        tally.add(report)
        if as_json:
            files.append(file_json(report))
    return files


def _print_closing(tally, dry_run: bool) -> None:
    """The closing table and its notes, on stderr, so stdout stays the files' lines or
    the JSON."""
    from clerk_tui.import_run import closing_notes, closing_table

    click.echo(closing_table(tally, dry_run), err=True)
    for note in closing_notes(tally, dry_run):
        echo(note, err=True)
