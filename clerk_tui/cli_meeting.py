"""``clerk meeting``: create a meeting before it happens, or put an imported one right."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click
from pydantic import ValidationError

from clerk_tui.cli_support import DATE, EXIT_FAILED, TIME, echo, fail, not_blank, opened
from clerk_tui.models import MeetingStatus, explain
from clerk_tui.printable import printable


@click.group()
def meeting() -> None:
    """Meetings: create one before it happens, or put an imported one right."""


@meeting.command("new")
@click.option("--committee", required=True, callback=not_blank,
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
    reading = _agenda(agenda)
    with opened(db_path) as store:
        try:
            created = store.new_meeting(
                committee, date, start, venue,
                [item.fields() for item in reading.items],
            )
        except ValidationError as error:
            fail(explain(error), EXIT_FAILED)
    for problem in reading.problems:
        echo(f"Skipped {problem}", err=True)
    exempt = sum(item.exempt for item in reading.items)
    echo(f"Created the meeting of {printable(committee)} on {date.isoformat()} with "
         f"{len(reading.items)} agenda item(s), {exempt} exempt.", err=True)
    click.echo(created.id)


def _agenda(agenda: Path | None):
    """The agenda's items as read from the file (none without one); a file that cannot
    be read ends the command."""
    from clerk_tui.importer.agenda import AgendaReading, read_agenda
    from clerk_tui.importer.documents import UnreadableDocument

    if agenda is None:
        return AgendaReading()
    try:
        return read_agenda(agenda)
    except UnreadableDocument as error:
        fail(str(error), EXIT_FAILED)


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
    echo(f"The meeting {found.id[:8]} of {name} is dated {date.isoformat()}"
         f"{recorded(found, found.date != date)}.")


@meeting.command("committee")
@click.argument("reference", metavar="MEETING")
@click.argument("name", callback=not_blank)
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
            fail(explain(error), EXIT_FAILED)
        name = store.committees.get(moved.committee_id).name
    when = iso_date(found.date)
    changed = moved.committee_id != found.committee_id
    echo(f"The meeting {found.id[:8]} ({when}) is a meeting of {name}"
         f"{recorded(found, changed)}.")


def recorded(meeting, changed: bool) -> str:
    """What became of a correction to ``meeting``: nothing to do, audited with its
    reopening and approval, or (open minutes) audited as any change made while they
    are reopened."""
    if not changed:
        return " already; nothing was changed"
    if meeting.locked:
        return "; the correction is recorded in its audit log"
    if meeting.status == MeetingStatus.REOPENED:
        return "; the change is in its audit log with the reopening's reason"
    return ""
