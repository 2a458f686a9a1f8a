"""``clerk export`` and ``clerk verify``: the minutes written out, and a copy checked
against the approved record (:mod:`clerk_tui.verification` does the checking)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from clerk_tui.cli_support import DATE, EXIT_FAILED, echo, fail, fail_export, opened
from clerk_tui.store import Store


@click.command("export")
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
    item_id = None if item_number is None else _item_numbered(snapshot, item_number)
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
            fail_export(error)
    for note in result.notes:
        echo(note, err=True)
    echo(result.path)


def _item_numbered(snapshot, number: str) -> str:
    """The id of the meeting's item with that minute number; none ends the command."""
    matches = [p.item.id for p in snapshot.items if p.item.minute_number == number.strip()]
    if not matches:
        fail(f"The meeting has no item numbered {number}.", EXIT_FAILED)
    return matches[0]


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
        fail(f"{error} Run clerk check.", EXIT_FAILED)
    except UnreadableDocument as error:
        fail(f"The template: {error}", EXIT_FAILED)


@click.command()
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
    from clerk_tui import verification
    from clerk_tui.importer.documents import UnreadableDocument

    if (file is None) == (printed is None):
        raise click.UsageError("Give a FILE or --fingerprint (one of them).")
    digits = verification.fingerprint_digits(printed) if printed is not None else None
    if printed is not None and digits is None:
        raise click.BadParameter(verification.not_a_fingerprint(printed),
                                 param_hint="--fingerprint")
    data = b""
    if file is not None:
        try:
            data = verification.read_for_verifying(file)
        except UnreadableDocument as error:
            fail(str(error), EXIT_FAILED)
    with opened(db_path, must_exist=True) as store:
        verdict = verification.verify(store, file, data, template, digits)
    if not verdict.ok:
        fail(verdict.message, EXIT_FAILED)
    echo(verdict.message)
