"""``clerk actions``: the action log read, narrowed and written three ways.

The table for a screen, a spreadsheet's CSV, and a Word document. The command line
only prints what these return (and colours an overdue action). Nothing here imports
Textual or click.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass
from pathlib import Path

from clerk_tui.minutes.compose.action_log import action_csv_row, action_row, compose_action_log
from clerk_tui.minutes.compose.wording import ACTION_CSV_COLUMNS
from clerk_tui.models import ActionRecord, OrganisationSettings
from clerk_tui.printable import printable
from clerk_tui.store import Store

CONFIDENTIAL_NOTE = " (CONFIDENTIAL: includes actions agreed in private)"
DEFAULT_FOLDER = Path("exports")


class UnknownCommittee(LookupError):
    """The log was asked for the actions of a committee the database does not have."""


@dataclass(frozen=True)
class ActionLog:
    """The actions asked for, soonest due first, and what the Word log is headed with."""

    records: list[ActionRecord]
    settings: OrganisationSettings
    today: dt.date
    scope: str
    public: bool


@dataclass(frozen=True)
class TableEntry:
    """One action as the screen shows it: its words, then who, when, status and where."""

    action: str
    detail: str
    overdue: bool


def read_action_log(store: Store, open_only: bool = False, committee: str | None = None,
                    public: bool = True) -> ActionLog:
    """Every action (or the open ones) of every meeting (or one committee's); the
    ``public`` log leaves out those agreed in private session. Raises UnknownCommittee
    naming the committees there are."""
    if committee and store.committees.find(committee) is None:
        known = ", ".join(c.name for c in store.committees.list()) or "none yet"
        raise UnknownCommittee(f"There is no committee called {committee!r} "
                               f"(committees: {known}).")
    records = store.actions.log("open" if open_only else "all", committee=committee)
    if public:
        records = [record for record in records if not record.exempt]
    return ActionLog(records, store.settings.load(), store.now().date(),
                     scope(open_only, committee), public)


def scope(open_only: bool, committee: str | None) -> str:
    """Which actions a log holds, as its Word version says under the title."""
    return ("Open actions" if open_only else "All actions") + (
        f" of {committee}" if committee else "")


def table_heading(log: ActionLog) -> str:
    """The line above the table: how many actions, and whether private ones are in."""
    return f"{len(log.records)} action(s)" + ("" if log.public else CONFIDENTIAL_NOTE)


def table_entries(log: ActionLog) -> list[TableEntry]:
    """Each action for the screen, every cell as :func:`printable` shows it."""
    return [_table_entry(record) for record in log.records]


def _table_entry(record: ActionRecord) -> TableEntry:
    cell = [printable(value) for value in action_row(record)]  # each on its line, no controls
    detail = (f"{cell[2] or 'no owner'} · due {cell[3] or 'no date'} · "
              f"{cell[4]} · {cell[5]} · {cell[1]}")
    return TableEntry(cell[0], detail, record.overdue)


def csv_text(log: ActionLog) -> str:
    """The log for a spreadsheet: a header row, then each action's columns
    (:data:`~clerk_tui.minutes.compose.wording.ACTION_CSV_COLUMNS`)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    # the rows are made safe from spreadsheets as composed (action_csv_row)
    for row in (ACTION_CSV_COLUMNS, *(action_csv_row(record) for record in log.records)):
        writer.writerow([str(cell) for cell in row])
    return buffer.getvalue()


def write_csv(log: ActionLog, output: Path, overwrite: bool = False,
              database: Path | None = None) -> Path:
    """Write :func:`csv_text` to ``output`` as an export is written: whole or not at
    all, owner-only when it holds private actions, never onto ``database``. Raises
    ExportError or UnsafeOutput saying why not."""
    from clerk_tui.minutes.export import write_atomically

    write_atomically(output, csv_text(log).encode("utf-8"), not log.public, overwrite,
                     database=database)
    return output


def write_docx(log: ActionLog, output: Path | None = None, overwrite: bool = False,
               database: Path | None = None) -> Path:
    """Write the log as Word into ``output`` (a folder or a file; by default
    exports/), marked CONFIDENTIAL when it holds private actions; the file's path.
    Raises ExportError or UnsafeOutput saying why not."""
    from clerk_tui.minutes.export import export_action_log

    document = compose_action_log(log.records, log.settings, log.scope, log.today,
                                  confidential=not log.public)
    return export_action_log(document, output or DEFAULT_FOLDER, log.today, overwrite,
                             database=database).path
