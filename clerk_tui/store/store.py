"""The store: one object that opens the file and owns every repository."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterable
from datetime import datetime
from pathlib import Path
from typing import Any

from clerk_tui.models import (
    MATTERS_ARISING,
    AgendaItem,
    AgendaItemSnapshot,
    Attendance,
    Committee,
    Declaration,
    Entry,
    Meeting,
    MeetingSnapshot,
    Role,
)
from clerk_tui.store import maintenance
from clerk_tui.store.actions import Actions
from clerk_tui.store.approvals import Approvals
from clerk_tui.store.capture import Capture
from clerk_tui.store.committees import Committees
from clerk_tui.store.connection import (
    BUSY_TIMEOUT_MS,
    claim_copy,
    connect,
    connect_read_only,
    create_private_file,
    inspect_file,
    is_copy,
    make_private,
    refusal,
    write_problem,
)
from clerk_tui.store.database import Clock, Database
from clerk_tui.store.edit_lock import EditLock
from clerk_tui.store.errors import FileRefused, StoreError
from clerk_tui.store.imports import Imports
from clerk_tui.store.meetings import Meetings
from clerk_tui.store.migrations import SCHEMA_VERSION, migrate, schema_version
from clerk_tui.store.ordered import OrderedRows
from clerk_tui.store.rows import entry_from_row, entry_to_row
from clerk_tui.store.search import Search
from clerk_tui.store.settings import Settings


def _now() -> datetime:
    return datetime.now().replace(microsecond=0)


class Store:
    """A clerk database file, open for reading and writing.

    Use :meth:`open`; the repositories are attributes (``store.meetings``,
    ``store.items``, ``store.entries`` ...), each speaking models in and out.
    """

    def __init__(self, database: Database, busy_timeout_ms: int = BUSY_TIMEOUT_MS) -> None:
        self.database = database
        self._edit_lock: EditLock | None = None
        self.made: str | None = None
        """A sentence for the clerk when opening made a new database in an empty file."""
        self.search = Search(database.path, busy_timeout_ms)
        self.committees = Committees(database)
        # Approving freezes the minutes (Approvals.freeze) in the same transaction.
        self.meetings = Meetings(database, freeze=lambda meeting: self.approvals.freeze(meeting))
        self.settings = Settings(database)
        self.items: OrderedRows[AgendaItem] = OrderedRows.of(
            database, "agenda_items", "meeting_id", "agenda item", AgendaItem
        )
        self.attendance: OrderedRows[Attendance] = OrderedRows.of(
            database, "attendance", "meeting_id", "attendance record", Attendance
        )
        self.declarations: OrderedRows[Declaration] = OrderedRows.of(
            database, "declarations", "meeting_id", "declaration", Declaration
        )
        self.entries: OrderedRows[Entry] = OrderedRows(
            database, "entries", "item_id", "entry", entry_from_row, entry_to_row
        )
        self.capture = Capture(database, self.meetings, self.items, self.entries)
        self.imports = Imports(self)
        self.actions = Actions(self)
        self.approvals = Approvals(self)

    @classmethod
    def open(cls, path: str | Path, clock: Clock | None = None,
             busy_timeout_ms: int = BUSY_TIMEOUT_MS, *, editing: bool = False,
             read_only: bool = False) -> Store:
        """Open (or create) the database at ``path`` and bring its schema up to date.

        ``busy_timeout_ms`` is how long a save waits for another program's lock: the
        app waits briefly and retries (so typing never freezes), the CLI waits longer.
        ``editing`` (the app) also takes the edit lock, so that a second window opens
        the file read-only, and makes a backup opened to work in a database again (any
        other opening does so at its first save; one that only reads leaves it a
        backup). A file that cannot be written is opened read-only too; :attr:`read_only`
        then says why.

        Raises :class:`~clerk_tui.store.errors.FileRefused`, leaving the file
        untouched, when it is not a clerk database or is from a newer clerk.
        """
        path = Path(path).expanduser()
        empty, made = False, None
        if path.exists():
            inspect_file(path, SCHEMA_VERSION)
            empty = path.is_file() and path.stat().st_size == 0
        elif not read_only:
            create_private_file(path)  # with its folders, so the edit lock has a place
        reason = "it was opened for reading only" if read_only else write_problem(path)
        lock = EditLock(path) if editing and reason is None else None
        if lock is not None and (reason := lock.acquire()) is not None:
            lock = None
        if reason is not None:
            connection = cls._open_read_only(path, reason, busy_timeout_ms)
        else:
            made = make_private(path) if empty else None  # before SQLite makes its -wal
            connection = cls._open_for_writing(path, busy_timeout_ms, claim=lock is not None)
        database = Database(path, connection, clock or _now, read_only=reason)
        # A backup only looked at (clerk check, search) stays a backup that a later
        # backup may replace; the first save into it makes it a database.
        database.unclaimed_copy = reason is None and is_copy(connection)
        store = cls(database, busy_timeout_ms)
        store._edit_lock = lock
        store.made = made
        if reason is None:
            store._freeze_unfrozen()
        return store

    def _freeze_unfrozen(self) -> None:
        """Freeze minutes approved before clerk kept frozen copies (one transaction), so
        ``clerk check`` covers them from now on; if the file is busy, the next writable
        opening does it (until then check says they are not frozen yet)."""
        try:
            self.approvals.freeze_unfrozen()
        except StoreError:
            pass

    @staticmethod
    def _open_for_writing(path: Path, busy_timeout_ms: int, claim: bool) -> sqlite3.Connection:
        connection = connect(path, busy_timeout_ms)
        try:
            migrate(connection)
            if claim:  # the app works in it: a copy opened there is a database from now on
                claim_copy(connection)
        except sqlite3.Error as error:
            connection.close()
            raise refusal(path, error) from None
        return connection

    @staticmethod
    def _open_read_only(path: Path, reason: str, busy_timeout_ms: int) -> sqlite3.Connection:
        if not path.exists():
            raise FileRefused(f"{path} does not exist, and cannot be made: {reason}.")
        connection = connect_read_only(path, busy_timeout_ms)
        if schema_version(connection) < SCHEMA_VERSION:
            connection.close()
            raise FileRefused(f"{path} was written by an earlier clerk and must be brought up "
                              f"to date, which needs it writable, but {reason}. The file has "
                              "not been changed.")
        return connection

    @property
    def read_only(self) -> str | None:
        """Why nothing can be saved, when the file is open for reading only."""
        return self.database.read_only

    def transaction(self):
        """Several repository calls as one save (a context manager)."""
        return self.database.transaction()

    @property
    def path(self) -> Path:
        """The database file."""
        return self.database.path

    def now(self) -> datetime:
        """The time by the store's clock (injected in tests)."""
        return self.database.clock()

    def new_meeting(
        self,
        committee: str,
        date: dt.date | None,
        start_time: dt.time | None = None,
        venue: str | None = None,
        agenda: Iterable[dict[str, Any]] = (),
        copy_membership: bool = True,
    ) -> Meeting:
        """Create a meeting of the committee called ``committee`` (created if new).

        Attendance starts as the membership of the committee's previous meeting
        (its standing membership if it has none), everyone present; ``agenda`` holds
        the fields of each agenda item, in order. ``date`` is None only for imported
        minutes that do not say when the meeting was.
        """
        with self.database.transaction():
            found = self.committees.find(committee) or self.committees.add(Committee(name=committee))
            meeting = self.meetings.add(Meeting(
                committee_id=found.id, date=date, start_time=start_time, venue=venue
            ))
            for person in self._membership(found, date) if copy_membership else ():
                self.attendance.add(Attendance(meeting_id=meeting.id, **person))
            for fields in agenda:
                self.items.add(AgendaItem(meeting_id=meeting.id, **fields))
            if copy_membership:
                self._add_matters_arising(meeting)
        return meeting

    def _add_matters_arising(self, meeting: Meeting) -> None:
        """When the committee has open actions, the new meeting takes them up (a
        meeting of no known date follows none up: which actions came before it?)."""
        if meeting.date is None:
            return
        items = self.items.list(meeting.id)
        if any(item.matters_arising for item in items):
            return
        if not self.actions.log("open", committee_id=meeting.committee_id, before=meeting.date):
            return
        after = next((n + 1 for n, item in enumerate(items) if item.previous_minutes), len(items))
        self.items.add(AgendaItem(meeting_id=meeting.id, title=MATTERS_ARISING, exempt=False),
                       after)

    def _membership(self, committee: Committee, date: dt.date | None) -> list[dict[str, Any]]:
        """Who is expected: the last meeting's members and officers, substitutes
        replaced by the member they stood in for."""
        previous = self.meetings.previous(committee.id, date) if date else None
        people = self.attendance.list(previous.id) if previous else []
        if not people:
            return [{"person": m.name, "role": m.role, "office": m.office} for m in committee.members]
        return [
            {"person": p.substitute_for, "role": Role.MEMBER, "office": None}
            if p.substitute_for
            else {"person": p.person, "role": p.role, "office": p.office}
            for p in people
            if p.role != Role.OTHER
        ]

    def snapshot(self, meeting_id: str) -> MeetingSnapshot:
        """The meeting with everything in it, in order, read in one transaction."""
        with self.database.reading():
            meeting = self.meetings.get(meeting_id)
            entries = self._entries_by_item(meeting_id)
            return MeetingSnapshot(
                organisation=self.settings.load(),
                committee=self.committees.get(meeting.committee_id),
                meeting=meeting,
                imported=self.imports.imported(meeting_id),
                attendance=self.attendance.list(meeting_id),
                declarations=self.declarations.list(meeting_id),
                items=[
                    AgendaItemSnapshot(item=item, entries=entries.get(item.id, []))
                    for item in self.items.list(meeting_id)
                ],
            )

    def _entries_by_item(self, meeting_id: str) -> dict[str, list[Entry]]:
        rows = self.database.query(
            "SELECT e.* FROM entries e JOIN agenda_items i ON i.id = e.item_id "
            "WHERE i.meeting_id = ? ORDER BY e.item_id, e.position, e.rowid",
            (meeting_id,),
        )
        grouped: dict[str, list[Entry]] = {}
        for row in rows:
            grouped.setdefault(row["item_id"], []).append(entry_from_row(row))
        return grouped

    def check(self) -> maintenance.HealthReport:
        """Integrity, foreign keys, schema version and journal mode of the file."""
        return maintenance.check(self.database)

    def rebuild_search(self) -> None:
        """Build the search index again from the minutes."""
        maintenance.rebuild_search(self.database)

    def backup(self, destination: str | Path, overwrite: bool = False) -> Path:
        """A consistent copy of the file at ``destination`` (a file or a folder)."""
        return maintenance.backup(self.database, Path(destination), overwrite)

    def close(self) -> None:
        """Close the file, and let another window edit it."""
        self.search.close()
        self.database.close()
        if self._edit_lock is not None:
            self._edit_lock.release()
            self._edit_lock = None

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()
