"""``clerk``: opens the app, or does one job without it.

Exit codes: 0 all is well; 1 the job failed (a check found a problem); 2 the
database file was refused (not a clerk database, or from a newer clerk) or the
command line is wrong.
"""

from __future__ import annotations

import datetime as dt
import errno
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import click
from pydantic import ValidationError

from clerk_tui import __version__
from clerk_tui.models import MeetingStatus, OrganisationSettings, explain
from clerk_tui.os_errors import os_error_line
from clerk_tui.output_paths import UnsafeOutput, remove_abandoned_everywhere
from clerk_tui.printable import json_escaped, printable
from clerk_tui.settings import SettingsError, load_personal_settings, settings_path
from clerk_tui.store import SCHEMA_VERSION, FileRefused, Store, StoreError

DEFAULT_DB = Path("db") / "clerk.db"
CLI_BUSY_TIMEOUT_MS = 5000  # a command waits this long for another program's lock
EXIT_FAILED = 1
EXIT_REFUSED = 2


class _IsoType(click.ParamType):
    """A date (YYYY-MM-DD) or a time (HH:MM) on the command line, refused in plain words."""

    def __init__(self, kind: type[dt.date] | type[dt.time], form: str) -> None:
        self.kind = kind
        self.form = form
        self.name = form

    def convert(self, value, param, ctx):
        if isinstance(value, self.kind):
            return value
        try:
            return self.kind.fromisoformat(value)
        except ValueError:
            self.fail(f"{value!r} is not a real {self.kind.__name__}; write it as {self.form}.",
                      param, ctx)


DATE = _IsoType(dt.date, "YYYY-MM-DD")
TIME = _IsoType(dt.time, "HH:MM")


def _echo(message: object, err: bool = False) -> None:
    """Print a line of clerk's that quotes data (a name, a title, a path): nothing in
    the data reaches the terminal as a control (see :mod:`clerk_tui.printable`)."""
    click.echo(printable(message, lines=True), err=err)


def _fail(message: str, code: int) -> None:
    click.secho(printable(message, lines=True), fg="red", err=True)
    sys.exit(code)


@contextmanager
def opened(db_path: Path, must_exist: bool = False) -> Iterator[Store]:
    """The store at ``db_path``; a refused file or a failed save ends the command
    with a message and an exit code, never a traceback."""
    if must_exist and not db_path.exists():
        _fail(f"There is no database at {db_path}. Name one with --db or CLERK_DB.", EXIT_REFUSED)
    try:
        store = Store.open(db_path, busy_timeout_ms=CLI_BUSY_TIMEOUT_MS)
    except FileRefused as error:
        _fail(str(error), EXIT_REFUSED)
    if store.made:
        _echo(store.made, err=True)
    try:
        yield store
    except UnsafeOutput as error:  # an output path that is (or is beside) a database
        _fail(str(error), EXIT_REFUSED)
    except StoreError as error:
        _fail(str(error), EXIT_FAILED)
    finally:
        store.close()


class _ClerkGroup(click.Group):
    """The ``clerk`` command: whatever a command meets from the file system or the store
    ends it with one line and exit code 1, never a traceback; Ctrl+C ends it quietly."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except FileRefused as error:
            _fail(str(error), EXIT_REFUSED)
        except StoreError as error:
            _fail(str(error), EXIT_FAILED)
        except OSError as error:
            if error.errno == errno.EPIPE:  # output piped into `head`: click says nothing
                raise
            _fail(os_error_line(error), EXIT_FAILED)
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
    if context.invoked_subcommand != "import":  # which sweeps unless it is a dry run
        remove_abandoned_everywhere()  # a killed export's hidden copy must not linger
    if context.invoked_subcommand is None:
        _run_app(db_path)


def _run_app(db_path: Path) -> None:
    from clerk_tui.ui.app import make_app  # Textual loads only when the app runs

    try:
        settings = load_personal_settings()
        app = make_app(db_path, settings)
    except SettingsError as error:
        _fail(str(error), EXIT_FAILED)
    except FileRefused as error:
        _fail(str(error), EXIT_REFUSED)
    app.run()


@main.command()
@click.option("--rebuild-search", is_flag=True, help="Build the search index again first.")
@click.pass_obj
def check(db_path: Path, rebuild_search: bool) -> None:
    """Check the database: schema version, integrity, journal mode, search index, the
    lock triggers, every approved meeting's frozen minutes and the audit chain."""
    with opened(db_path, must_exist=True) as store:
        if rebuild_search:
            store.rebuild_search()
        report = store.check()
    status = "current" if report.schema_version == SCHEMA_VERSION else "out of date"
    _echo(f"Database:        {report.path}")
    click.echo(f"Schema version:  {report.schema_version} ({status})")
    click.echo(f"Journal mode:    {report.journal_mode}")
    _echo(f"Integrity:       {'; '.join(report.integrity)}")
    click.echo(f"Foreign keys:    {report.foreign_key_problems or 'ok'}"
               + (" problem(s)" if report.foreign_key_problems else ""))
    search = f"does not match the minutes ({', '.join(report.search_index)})" \
        if report.search_index else "ok"
    _echo(f"Search index:    {search}")
    _echo_record(report.record)
    if not report.record.ok:
        _fail("The record was changed outside clerk (above). Compare it with a backup, and the "
              "signed copies with clerk verify --fingerprint.", EXIT_FAILED)
    if report.search_index and report.integrity == ["ok"]:
        _fail("The search index is out of step: run clerk check --rebuild-search.", EXIT_FAILED)
    if not report.ok:
        _fail("Problems found: restore the file from a backup (clerk backup).", EXIT_FAILED)
    click.echo("All is well.")


def _echo_record(record, shown: int = 20) -> None:
    """The lock triggers, the approved minutes and the audit chain, each line of what
    differs naming the meeting (the first ``shown`` of each kind)."""
    for label, problems, good in (
            ("Lock triggers:", record.triggers, "ok"),
            ("Approved:", record.minutes, f"ok ({record.approved} meeting(s), each as approved)"),
            ("Audit chain:", record.audit, f"ok ({record.audit_rows} entries)")):
        click.echo(f"{label:<17}{f'{len(problems)} problem(s)' if problems else good}")
        for problem in problems[:shown]:
            _echo(f"  - {problem}")
        if len(problems) > shown:
            click.echo(f"  … and {len(problems) - shown} more")
    for note in record.notes:
        _echo(f"Note: {note}")


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
    _echo(f"Backed up {db_path} to {target} ({size / 1024:.0f} KB, integrity ok).")


@main.group()
def meeting() -> None:
    """Meetings: create one before it happens, or put an imported one right."""


def _not_blank(context, param, value: str) -> str:
    """A name given on the command line, refused (exit 2) when it holds nothing to show."""
    from clerk_tui.fields import as_name

    if not as_name(value):
        example = '"Planning Committee"' if isinstance(param, click.Argument) else \
            '--committee "Planning Committee"'
        raise click.BadParameter(f"is blank; give the committee's name, e.g. {example}.")
    return value


@meeting.command("new")
@click.option("--committee", required=True, callback=_not_blank,
              help="The committee's name (created if new).")
@click.option("--date", "date", required=True, type=DATE, help="The meeting date, YYYY-MM-DD.")
@click.option("--time", "start", type=TIME, help="Start time, HH:MM.")
@click.option("--venue", help="Where the meeting is held.")
@click.option("--agenda", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="The agenda: a .txt, .md or .docx file, one numbered item a line.")
@click.pass_obj
def meeting_new(
    db_path: Path, committee: str, date: dt.date, start: dt.time | None, venue: str | None,
    agenda: Path | None,
) -> None:
    """Create a meeting and print its id.

    Its attendance starts as the membership of the committee's last meeting.
    """
    from clerk_tui.importer.agenda import AgendaReading, read_agenda
    from clerk_tui.importer.documents import UnreadableDocument

    reading = AgendaReading()
    if agenda is not None:
        try:
            reading = read_agenda(agenda)
        except UnreadableDocument as error:
            _fail(str(error), EXIT_FAILED)
    with opened(db_path) as store:
        try:
            created = store.new_meeting(
                committee, date, start, venue,
                [item.fields() for item in reading.items],
            )
        except ValidationError as error:
            _fail(explain(error), EXIT_FAILED)
    for problem in reading.problems:
        _echo(f"Skipped {problem}", err=True)
    exempt = sum(item.exempt for item in reading.items)
    _echo(f"Created the meeting of {printable(committee)} on {date.isoformat()} with "
          f"{len(reading.items)} agenda item(s), {exempt} exempt.", err=True)
    click.echo(created.id)


@meeting.command("date")
@click.argument("reference", metavar="MEETING")
@click.argument("date", type=DATE)
@click.option("--reason", help="Why, for the audit log (by default: what was corrected).")
@click.pass_obj
def meeting_date(db_path: Path, reference: str, date: dt.date, reason: str | None) -> None:
    """Give MEETING (its id, or the start of one) its date, YYYY-MM-DD.

    Approved minutes (imported ones are) are reopened with a reason and approved again,
    so the correction is recorded in the meeting's audit log.
    """
    with opened(db_path, must_exist=True) as store:
        found = store.meetings.find(reference)
        store.imports.redate(found.id, date, (reason or "").strip() or None)
        name = store.committees.get(found.committee_id).name
    _echo(f"The meeting {found.id[:8]} of {name} is dated {date.isoformat()}"
          f"{_recorded(found, found.date != date)}.")


@meeting.command("committee")
@click.argument("reference", metavar="MEETING")
@click.argument("name", callback=_not_blank)
@click.option("--reason", help="Why, for the audit log (by default: what was corrected).")
@click.pass_obj
def meeting_committee(db_path: Path, reference: str, name: str, reason: str | None) -> None:
    """Move MEETING (its id, or the start of one) to the committee called NAME (made if
    new): for minutes filed under "Unknown body", or under the wrong one.

    Approved minutes are reopened with a reason and approved again, as for a date.
    """
    from clerk_tui.minutes.compose.wording import iso_date

    with opened(db_path, must_exist=True) as store:
        found = store.meetings.find(reference)
        try:
            moved = store.imports.reassign(found.id, name, (reason or "").strip() or None)
        except ValidationError as error:
            _fail(explain(error), EXIT_FAILED)
        name = store.committees.get(moved.committee_id).name
    when = iso_date(found.date)
    changed = moved.committee_id != found.committee_id
    _echo(f"The meeting {found.id[:8]} ({when}) is a meeting of {name}"
          f"{_recorded(found, changed)}.")


def _recorded(meeting, changed: bool) -> str:
    """What became of the correction: nothing to do, audited with its reopening and
    approval, or (open minutes) audited as any change made while they are reopened."""
    if not changed:
        return " already; nothing was changed"
    if meeting.locked:
        return "; the correction is recorded in its audit log"
    if meeting.status == MeetingStatus.REOPENED:
        return "; the change is in its audit log with the reopening's reason"
    return ""


@main.command("export")
@click.argument("meeting")
@click.argument("date", required=False, type=DATE)
@click.option("--item", "item_number", help="Only this agenda item (its minute number).")
@click.option("--public/--confidential", default=True,
              help="Public (exempt items reduced to a line; the default) or everything.")
@click.option("--format", "fmt", type=click.Choice(["docx", "md"]), default="docx",
              show_default=True)
@click.option("--template", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="A Word file whose styles, header and page set-up the minutes take.")
@click.option("-o", "--output", type=click.Path(path_type=Path), default=Path("exports"),
              show_default=True, help="A folder (the file gets its usual name) or a file.")
@click.option("--overwrite", is_flag=True, help="Replace the file if it exists.")
@click.pass_obj
def export(db_path: Path, meeting: str, date: dt.date | None, item_number: str | None,
           public: bool, fmt: str, template: Path | None, output: Path, overwrite: bool) -> None:
    """Write the minutes of MEETING as Word (or Markdown) and print the file's path.

    MEETING is an id (or the start of one), or a committee's name followed by DATE:
    clerk export "Planning Committee" 2024-05-01
    """
    from clerk_tui.minutes.export import ExportError, export_minutes

    with opened(db_path, must_exist=True) as store:
        found = store.meetings.find(meeting, date)
        snapshot = store.snapshot(found.id)
    item_id = None
    if item_number is not None:
        matches = [p.item.id for p in snapshot.items if p.item.minute_number == item_number.strip()]
        if not matches:
            _fail(f"The meeting has no item numbered {item_number}.", EXIT_FAILED)
        item_id = matches[0]
    version = "public" if public else "confidential"
    with opened(db_path) as store:
        frozen = _frozen(store, found.id, item_id, version, template) \
            if snapshot.meeting.locked else None
        try:
            result = export_minutes(snapshot, output, version, fmt, item_id, template,
                                    overwrite=overwrite, database=db_path,
                                    frozen=frozen and frozen.minutes,
                                    before_placing=frozen and frozen.record)
        except ExportError as error:
            hint = " Use --overwrite to replace it." if "already exists" in str(error) else ""
            _fail(f"{error}{hint}", EXIT_FAILED)
    for note in result.notes:
        _echo(note, err=True)
    _echo(result.path)


def _frozen(store: Store, meeting_id: str, item_id: str | None, version: str,
            template: Path | None):
    """The approved minutes of the meeting as they were frozen at approval, and how to
    record the export (:func:`clerk_tui.verification.frozen_export`)."""
    from clerk_tui.importer.documents import UnreadableDocument
    from clerk_tui.minutes.frozen import FrozenError
    from clerk_tui.verification import frozen_export

    try:
        return frozen_export(store, meeting_id, item_id, version, template)
    except FrozenError as error:
        _fail(f"{error} Run clerk check.", EXIT_FAILED)
    except UnreadableDocument as error:
        _fail(f"The template: {error}", EXIT_FAILED)


@main.command()
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
    from clerk_tui.minutes.compose.action_log import (action_csv_row, action_row,
                                                      compose_action_log)
    from clerk_tui.minutes.compose.wording import ACTION_CSV_COLUMNS

    if output is not None and fmt == "table":
        _fail("-o needs --format csv or --format docx; the table is for the screen.",
              EXIT_REFUSED)
    with opened(db_path, must_exist=True) as store:
        if committee and store.committees.find(committee) is None:
            known = ", ".join(c.name for c in store.committees.list()) or "none yet"
            _fail(f"There is no committee called {committee!r} (committees: {known}).",
                  EXIT_FAILED)
        records = store.actions.log("open" if open_only else "all", committee=committee)
        settings, today = store.settings.load(), store.now().date()
    if public:
        records = [record for record in records if not record.exempt]
    rows = [action_row(record) for record in records]
    if fmt == "docx":
        from clerk_tui.minutes.export import ExportError, export_action_log

        scope = ("Open actions" if open_only else "All actions") + (
            f" of {committee}" if committee else "")
        document = compose_action_log(records, settings, scope, today, confidential=not public)
        try:
            result = export_action_log(document, output or Path("exports"), today, overwrite,
                                       database=db_path)
        except UnsafeOutput as error:
            _fail(str(error), EXIT_REFUSED)
        except ExportError as error:
            hint = " Use --overwrite to replace it." if "already exists" in str(error) else ""
            _fail(f"{error}{hint}", EXIT_FAILED)
        _echo(result.path)
    elif fmt == "csv":
        _write_csv(ACTION_CSV_COLUMNS, [action_csv_row(record) for record in records], output,
                   overwrite, private=not public, database=db_path)
    else:
        click.echo(f"{len(rows)} action(s)" + ("" if public else " (CONFIDENTIAL: includes "
                                                               "actions agreed in private)"))
        for row, record in zip(rows, records):
            flag = click.style(" OVERDUE", fg="red", bold=True) if record.overdue else ""
            cell = [printable(value) for value in row]  # each on its line, controls shown
            click.echo(f"\n{cell[0]}{flag}\n  {cell[2] or 'no owner'} · due {cell[3] or 'no date'} · "
                       f"{cell[4]} · {cell[5]} · {cell[1]}")


def _write_csv(header, rows, output: Path | None, overwrite: bool = False,
               private: bool = False, database: Path | None = None) -> None:
    import csv
    import io

    from clerk_tui.minutes.export import ExportError, write_atomically

    buffer = io.StringIO()
    writer = csv.writer(buffer)
    for row in (header, *rows):  # rows made safe from spreadsheets as composed (action_csv_row)
        writer.writerow([str(cell) for cell in row])
    if output is None:  # exact data for a program; on a terminal, no controls reach it
        text = buffer.getvalue()
        click.echo(printable(text, lines=True) if sys.stdout.isatty() else text, nl=False)
        return
    try:  # as an export is written: whole or not at all, owner-only when confidential
        write_atomically(output, buffer.getvalue().encode("utf-8"), private, overwrite,
                         database=database)
    except UnsafeOutput as error:
        _fail(str(error), EXIT_REFUSED)
    except ExportError as error:
        hint = " Use --overwrite to replace it." if "already exists" in str(error) else ""
        _fail(f"{error}{hint}", EXIT_FAILED)
    _echo(output)


@main.command()
@click.argument("file", required=False,
                type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--fingerprint", "printed",
              help="A fingerprint read off a signed copy (the footer of approved minutes).")
@click.option("--template", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="The Word template FILE was exported with, if it was.")
@click.pass_obj
def verify(db_path: Path, file: Path | None, printed: str | None,
           template: Path | None) -> None:
    """Say whether FILE is an untouched export of approved minutes, and of which meeting;
    or, with --fingerprint, whether a signed copy's fingerprint is the approved record's."""
    from clerk_tui.importer.documents import UnreadableDocument
    from clerk_tui.minutes.compose.wording import FINGERPRINT_DIGITS
    from clerk_tui.verification import (
        fingerprint_digits,
        read_for_verifying,
        verify_file,
        verify_fingerprint,
    )

    if (file is None) == (printed is None):
        raise click.UsageError("Give a FILE or --fingerprint (one of them).")
    digits = fingerprint_digits(printed) if printed is not None else None
    if printed is not None and digits is None:
        raise click.BadParameter(f"{printed!r} is not a fingerprint: it is {FINGERPRINT_DIGITS} "
                                 "hex digits, such as 3f2a 9c41 07be 55d0 a1c3.",
                                 param_hint="--fingerprint")
    data = b""
    if file is not None:
        try:
            data = read_for_verifying(file)
        except UnreadableDocument as error:
            _fail(str(error), EXIT_FAILED)
    with opened(db_path, must_exist=True) as store:
        verdict = verify_file(store, file, data, template) if file is not None else \
            verify_fingerprint(store, digits)
    if not verdict.ok:
        _fail(verdict.message, EXIT_FAILED)
    _echo(verdict.message)


def _blank_is_refused(context, param, value: str | None) -> str | None:
    """An optional committee's name: absent is fine, blank is refused (exit 2)."""
    return None if value is None else _not_blank(context, param, value)


@main.command("import")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--committee", callback=_blank_is_refused,
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

    total = len(minutes_files(paths))
    tally = Tally()
    if dry_run:  # the database is never opened, so nothing can be written
        files = _import_progress(preview_files(paths, committee, date), total, as_json, tally)
    else:
        remove_abandoned_everywhere()  # as every command does at start, but a dry run
        with opened(db_path) as store:
            files = _import_progress(import_files(store, paths, committee, date, replace),
                                     total, as_json, tally)
    if as_json:  # the data exactly; no control reaches a terminal
        click.echo(json_escaped(json.dumps({"files": files}, indent=2, ensure_ascii=False)))
    _echo_tally(tally, dry_run)
    if not tally.all_came_in:
        _fail(f"{tally.refused + tally.changed} of {tally.files - tally.skipped} file(s) could "
              "not be imported.", EXIT_FAILED)


class _Progress:
    """A bar on stderr while files are read, when stderr is a terminal; otherwise each
    file's line says how far the run has got ("[3/40] …")."""

    def __init__(self, total: int) -> None:
        self.total = total
        self.bar = total > 1 and sys.stderr.isatty()
        self.drawn = False

    def line(self, number: int, text: str, err: bool, failed: bool) -> None:
        """Print one file's line, the bar (if any) redrawn below it."""
        self._clear()
        counted = f"[{number}/{self.total}] " if self.total > 1 and not self.bar else ""
        click.secho(printable(f"{counted}{text}", lines=True), fg="red" if failed else None,
                    err=err)
        if self.bar and number < self.total:
            width = 30
            done = width * number // self.total
            click.echo(f"\r[{'#' * done}{'.' * (width - done)}] {number}/{self.total} files",
                       nl=False, err=True)
            self.drawn = True

    def _clear(self) -> None:
        if self.drawn:
            click.echo("\r\x1b[K", nl=False, err=True)
            self.drawn = False


def _import_progress(reports, total: int, as_json: bool, tally) -> list[dict]:
    """Each file's line as it is read (on stderr when stdout is for JSON, or the file
    did not come in), each counted in ``tally``; the JSON report of each file (kept only
    with ``as_json``)."""
    from clerk_tui.importer.report import file_report

    files, progress = [], _Progress(total)
    for number, report in enumerate(reports, start=1):
        progress.line(number, f"{report.path}: {report.message}", as_json or not report.ok,
                      not report.ok)
        tally.add(report)
        if as_json:
            files.append(file_report(str(report.path), report.status, report.message,
                                     report.meetings))
    return files


def _echo_tally(tally, dry_run: bool) -> None:
    """The closing table (on stderr, so stdout stays the files' lines or the JSON), the
    meetings to put right and how."""
    rows = (("files", tally.files), ("meetings", tally.meetings), ("items", tally.items),
            ("decisions", tally.decisions), ("actions", tally.actions),
            ("questions", tally.questions), ("undated", len(tally.undated)),
            ("unknown body", len(tally.unknown_body)), ("refused", tally.refused))
    if tally.skipped:
        rows += (("skipped", tally.skipped),)
    if tally.changed:
        rows += (("changed", tally.changed),)
    heading = "Found (dry run: nothing was written):" if dry_run else "Found:"
    click.echo("\n".join([heading] + [f"  {name:<13}{count:>7,}" for name, count in rows]),
               err=True)
    if tally.undated:
        how = "--date, or once imported with " if dry_run else ""
        _echo(f"{_meetings(tally.undated)} no date: {_listed(tally.undated)}. Give each its "
              f"date with {how}clerk meeting date MEETING YYYY-MM-DD.", err=True)
    if tally.unknown_body:
        how = "--committee, or once imported with " if dry_run else ""
        _echo(f"{_meetings(tally.unknown_body)} no body named, so "
              f"{'would be' if dry_run else 'were'} filed under \"Unknown body\": "
              f"{_listed(tally.unknown_body)}. Name each one's with {how}clerk meeting "
              "committee MEETING NAME.", err=True)
    if tally.changed:
        _echo(f"{tally.changed} file(s) differ from the minutes of the same meeting imported "
              "before; nothing was added from them. clerk import --replace takes the new text "
              "in their place (recorded in the meeting's audit log).", err=True)
    if tally.skipped:
        click.echo(f"{tally.skipped} file(s) skipped (not .txt, .md, .docx or .pdf).", err=True)
    if dry_run:
        click.echo("Dry run: nothing was written.", err=True)


def _meetings(listed: list[str]) -> str:
    return f"{len(listed)} meeting{'s have' if len(listed) != 1 else ' has'}"


def _listed(listed: list[str], shown: int = 10) -> str:
    """The first ``shown`` of a list, and how many more."""
    more = f"; … and {len(listed) - shown} more" if len(listed) > shown else ""
    return "; ".join(listed[:shown]) + more


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

    from clerk_tui.minutes.compose.wording import iso_date
    from clerk_tui.store import SearchFilters

    query = " ".join(words)
    if date_from and date_to and date_from > date_to:
        _fail("--from is after --to: no meeting can be in between.", EXIT_FAILED)
    filters = SearchFilters(kinds=None if all_kinds else ("resolution",), committee=committee,
                            date_from=date_from, date_to=date_to, public_only=public_only)
    with opened(db_path, must_exist=True) as store:
        if committee and store.committees.find(committee) is None:
            _fail(f"There is no committee called {committee!r}.", EXIT_FAILED)
        results = store.search.search(query, filters, limit=limit)
    if results.problem:
        _fail(results.problem, EXIT_FAILED)
    if as_json:
        click.echo(json_escaped(json.dumps(  # the data exactly; no control reaches a terminal
            {"query": query, "count": results.count,
             "results": [_hit_json(hit) for hit in results.hits]}, indent=2, ensure_ascii=False)))
        return
    _echo(f"{results.count_label} for {query!r}")
    for hit in results.hits:
        item = f"{hit.minute_number}. {hit.item_title}" if hit.minute_number else hit.item_title
        where = f"{iso_date(hit.date)} · {hit.committee} · {item}"
        if hit.exempt:
            where += " · EXEMPT (not for the public)"
        kind = printable(hit.label or hit.kind.upper())
        click.echo(f"\n{click.style(printable(where), bold=True)}\n  {kind}: {_marked(hit.snippet)}")


def _marked(snippet: str) -> str:
    """The snippet with its matched words in bold on a terminal (in [brackets] when piped),
    the snippet's own text shown as :func:`printable` shows it."""
    import re

    from clerk_tui.store.search import MARK_END, MARK_START

    marks = {MARK_START: "\x1b[1m", MARK_END: "\x1b[22m"} if sys.stdout.isatty() else \
        {MARK_START: "[", MARK_END: "]"}
    pieces = re.split(f"([{MARK_START}{MARK_END}])", snippet)
    return "".join(marks.get(piece) or printable(piece) for piece in pieces)


def _hit_json(hit) -> dict:
    from clerk_tui.store.search import MARK_END, MARK_START

    return {"meeting_id": hit.meeting_id, "committee": hit.committee,
            "date": hit.date and hit.date.isoformat(), "status": hit.status, "item_id": hit.item_id,
            "minute_number": hit.minute_number, "item_title": hit.item_title,
            "entry_id": hit.entry_id, "kind": hit.kind, "label": hit.label, "text": hit.text,
            "exempt": hit.exempt,
            "snippet": hit.snippet.replace(MARK_START, "**").replace(MARK_END, "**")}


@main.group(invoke_without_command=True)
@click.pass_context
def config(context: click.Context) -> None:
    """Show the settings and where they live."""
    if context.invoked_subcommand is not None:
        return
    db_path: Path = context.obj
    with opened(db_path) as store:
        organisation = store.settings.load()
    _echo(f"Organisation settings (in the database, {db_path}):")
    for name, value in organisation.model_dump(mode="json").items():
        _echo(f"  {name.replace('_', '-'):<14} {printable(value)}")
    path = settings_path()
    _echo(f"Personal settings ({path}{'' if path.exists() else ', not created yet'}):")
    try:
        personal = load_personal_settings(path)
    except SettingsError as error:
        _fail(str(error), EXIT_FAILED)
    for name, value in personal.model_dump(mode="json").items():
        _echo(f"  {name:<14} {printable(value)}")


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
    _echo(f"{name} is now {value!r}.")
