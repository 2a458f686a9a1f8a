"""``clerk``: opens the app, or does one job without it.

Exit codes: 0 all is well; 1 the job failed (a check found a problem); 2 the
database file was refused (not a clerk database, or from a newer clerk) or the
command line is wrong.

This module parses and prints: each job is done by a headless module beside it
(:mod:`clerk_tui.archive`, :mod:`clerk_tui.verification`, :mod:`clerk_tui.action_log`,
:mod:`clerk_tui.check_report`, :mod:`clerk_tui.search_results`), imported only when its
command runs, so that ``clerk --help`` stays quick.
"""

from __future__ import annotations

import datetime as dt
import errno
import sys
from pathlib import Path

import click
from pydantic import ValidationError

from clerk_tui import __version__
from clerk_tui.cli_actions import actions
from clerk_tui.cli_export import export, verify
from clerk_tui.cli_import import import_
from clerk_tui.cli_meeting import meeting
from clerk_tui.cli_support import (
    BUSY_TIMEOUT_KEY,
    BUSY_TIMEOUT_MS,
    DATE,
    EXIT_FAILED,
    EXIT_REFUSED,
    echo,
    fail,
    opened,
)
from clerk_tui.models import OrganisationSettings, explain
from clerk_tui.os_errors import os_error_line
from clerk_tui.output_paths import remove_abandoned_everywhere
from clerk_tui.printable import json_escaped, printable
from clerk_tui.settings import SettingsError, load_personal_settings, settings_path
from clerk_tui.store import FileRefused, StoreError

DEFAULT_DB = Path("db") / "clerk.db"
CLI_BUSY_TIMEOUT_MS = BUSY_TIMEOUT_MS  # a command waits this long for another program's lock


class _ClerkGroup(click.Group):
    """The ``clerk`` command: whatever a command meets from the file system or the store
    ends it with one line and exit code 1, never a traceback; Ctrl+C ends it quietly."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except FileRefused as error:
            fail(str(error), EXIT_REFUSED)
        except StoreError as error:
            fail(str(error), EXIT_FAILED)
        except OSError as error:
            if error.errno == errno.EPIPE:  # output piped into `head`: click says nothing
                raise
            fail(os_error_line(error), EXIT_FAILED)
        except KeyboardInterrupt:
            sys.exit(130)


@click.group(cls=_ClerkGroup, invoke_without_command=True,
             context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--db",
    "db_path",
    type=click.Path(dir_okay=False, path_type=Path),
    envvar="CLERK_DB",
    default=DEFAULT_DB,
    show_default=True,
    help="The database file (also CLERK_DB).",
)
@click.version_option(__version__, "--version", "-V", prog_name="clerk")
@click.pass_context
def main(context: click.Context, db_path: Path) -> None:
    """clerk: the minutes desk for meeting clerks.

    With no command, opens the app on the database file.
    """
    context.obj = db_path
    context.meta[BUSY_TIMEOUT_KEY] = CLI_BUSY_TIMEOUT_MS  # read by opened(), as set now
    if context.invoked_subcommand != "import":  # which sweeps unless it is a dry run
        remove_abandoned_everywhere()  # a killed export's hidden copy must not linger
    if context.invoked_subcommand is None:
        _run_app(db_path)


for _command in (meeting, import_, actions, export, verify):
    main.add_command(_command)


def _run_app(db_path: Path) -> None:
    from clerk_tui.ui.app import make_app  # Textual loads only when the app runs

    try:
        settings = load_personal_settings()
        app = make_app(db_path, settings)
    except SettingsError as error:
        fail(str(error), EXIT_FAILED)
    except FileRefused as error:
        fail(str(error), EXIT_REFUSED)
    app.run()


@main.command()
@click.option("--rebuild-search", is_flag=True, help="Build the search index again first.")
@click.pass_obj
def check(db_path: Path, rebuild_search: bool) -> None:
    """Check the database: schema version, integrity, journal mode, search index, the
    lock triggers, every approved meeting's frozen minutes and the audit chain."""
    from clerk_tui.check_report import ALL_IS_WELL, failure, report_lines

    with opened(db_path, must_exist=True) as store:
        if rebuild_search:
            store.rebuild_search()
        report = store.check()
    for line in report_lines(report):
        echo(line)
    if (why := failure(report)) is not None:
        fail(why, EXIT_FAILED)
    click.echo(ALL_IS_WELL)


@main.command()
@click.argument("destination", type=click.Path(path_type=Path))
@click.option("--overwrite", is_flag=True, help="Replace DESTINATION if it exists.")
@click.pass_obj
def backup(db_path: Path, destination: Path, overwrite: bool) -> None:
    """Copy the database to DESTINATION (a file, or a folder to put it in).

    The copy is consistent even while clerk is writing to the file.
    """
    with opened(db_path, must_exist=True) as store:
        target = store.backup(destination, overwrite=overwrite)
    size = target.stat().st_size
    echo(f"Backed up {db_path} to {target} ({size / 1024:.0f} KB, integrity ok).")


# "-h" is not help here: "-hospital" is a word to leave out, not -h -o -s ... .
@main.command(context_settings={"ignore_unknown_options": True, "help_option_names": ["--help"]})
@click.argument("words", nargs=-1, required=True)
@click.option("--all-kinds", is_flag=True, help="Every kind of entry, not only resolutions.")
@click.option("--committee", help="Only this committee's meetings.")
@click.option("--from", "date_from", type=DATE, help="Meetings on or after this date.")
@click.option("--to", "date_to", type=DATE, help="Meetings on or before this date.")
@click.option("--limit", default=20, show_default=True, type=click.IntRange(1, 1000))
@click.option("--json", "as_json", is_flag=True, help="JSON for scripts.")
@click.option("--public", "public_only", is_flag=True,
              help="Leave out what was minuted under exempt items.")
@click.pass_obj
def search(db_path: Path, words: tuple[str, ...], all_kinds: bool, committee: str | None,
           date_from: dt.date | None, date_to: dt.date | None, limit: int, as_json: bool,
           public_only: bool) -> None:
    """Search past resolutions: WORDS (all must match), "phrases", prefix*, OR,
    -exclusions. clerk search school places -temporary"""
    import json

    from clerk_tui import search_results as shown
    from clerk_tui.store import SearchFilters

    query = " ".join(words)
    if (why := shown.dates_refused(date_from, date_to)) is not None:
        fail(why, EXIT_FAILED)
    filters = SearchFilters(kinds=None if all_kinds else ("resolution",), committee=committee,
                            date_from=date_from, date_to=date_to, public_only=public_only)
    with opened(db_path, must_exist=True) as store:
        if committee and store.committees.find(committee) is None:
            fail(f"There is no committee called {committee!r}.", EXIT_FAILED)
        results = store.search.search(query, filters, limit=limit)
    if results.problem:
        fail(results.problem, EXIT_FAILED)
    if as_json:  # the data exactly; no control reaches a terminal
        click.echo(json_escaped(json.dumps(shown.results_json(query, results), indent=2,
                                           ensure_ascii=False)))
        return
    echo(shown.results_heading(query, results))
    for hit in results.hits:
        click.echo(f"\n{click.style(shown.hit_where(hit), bold=True)}\n"
                   f"{shown.hit_line(hit, sys.stdout.isatty())}")


@main.group(invoke_without_command=True)
@click.pass_context
def config(context: click.Context) -> None:
    """Show the settings and where they live."""
    if context.invoked_subcommand is not None:
        return
    db_path: Path = context.obj
    with opened(db_path) as store:
        organisation = store.settings.load()
    echo(f"Organisation settings (in the database, {db_path}):")
    for name, value in organisation.model_dump(mode="json").items():
        echo(f"  {name.replace('_', '-'):<14} {printable(value)}")
    path = settings_path()
    echo(f"Personal settings ({path}{'' if path.exists() else ', not created yet'}):")
    try:
        personal = load_personal_settings(path)
    except SettingsError as error:
        fail(str(error), EXIT_FAILED)
    for name, value in personal.model_dump(mode="json").items():
        echo(f"  {name:<14} {printable(value)}")


@config.command("set")
@click.argument("name", type=click.Choice(
    [name.replace("_", "-") for name in OrganisationSettings.model_fields]
))
@click.argument("value")
@click.pass_obj
def config_set(db_path: Path, name: str, value: str) -> None:
    """Set an organisation setting (organisation, house-style, clerk-name)."""
    field = name.replace("-", "_")
    with opened(db_path) as store:
        try:
            store.settings.set(field, value)
        except ValidationError as error:
            raise click.BadParameter(explain(error), param_hint="VALUE") from None
    echo(f"{name} is now {value!r}.")
