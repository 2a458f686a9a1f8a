"""Meetings, their approval lifecycle and the audit log of approved minutes."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Collection

from clerk_tui.models import UNDATED, AuditRecord, Meeting, MeetingStatus, MeetingSummary
from clerk_tui.store.database import Database
from clerk_tui.store.errors import Conflict, NotFound
from clerk_tui.store.rows import from_row, to_row

# What an ordinary save may change; status and approval change only through
# approve() and reopen(), which the database's triggers police.
_EDITABLE = ("committee_id", "date", "start_time", "venue", "started_at", "ended_at")

_SUMMARY_SQL = """
SELECT m.*, c.name AS committee_name,
       EXISTS (SELECT 1 FROM imports WHERE meeting_id = m.id) AS imported,
       (SELECT count(*) FROM agenda_items i WHERE i.meeting_id = m.id) AS item_count,
       (SELECT count(*) FROM entries e JOIN agenda_items i ON i.id = e.item_id
         WHERE i.meeting_id = m.id) AS entry_count
FROM meetings m JOIN committees c ON c.id = m.committee_id
WHERE (:committee_id IS NULL OR m.committee_id = :committee_id)
  AND (:committees IS NULL OR m.committee_id IN (SELECT value FROM json_each(:committees)))
ORDER BY m.date IS NULL, m.date DESC, m.start_time DESC, c.name, m.id
LIMIT :limit OFFSET :offset
"""


class Meetings:
    """Meetings of every committee."""

    def __init__(self, database: Database,
                 freeze: Callable[[Meeting], None] | None = None) -> None:
        self._db = database
        self._freeze = freeze
        """Keeps the approved minutes (see :meth:`Approvals.freeze`), given the meeting
        as it is about to be approved; the database refuses an approval without it."""

    def add(self, meeting: Meeting) -> Meeting:
        """Store a new meeting (always a draft)."""
        if meeting.status != MeetingStatus.DRAFT:
            raise Conflict("A new meeting starts as a draft; approve it once it is minuted.")
        with self._db.transaction() as db:
            db.insert("meetings", to_row(meeting))
        return meeting

    def get(self, meeting_id: str) -> Meeting:
        """The meeting with this id."""
        rows = self._db.query("SELECT * FROM meetings WHERE id = ?", (meeting_id,))
        if not rows:
            raise NotFound(f"There is no meeting with id {meeting_id}.")
        return from_row(Meeting, rows[0])

    def find(self, reference: str, date: dt.date | None = None) -> Meeting:
        """The meeting a clerk means: an id (or the start of one, unique), or, with a
        ``date``, the name of its committee."""
        if date is not None:
            rows = self._db.query(
                "SELECT m.* FROM meetings m JOIN committees c ON c.id = m.committee_id "
                "WHERE c.name = ? COLLATE NOCASE AND m.date = ?",
                (reference.strip(), date.isoformat()),
            )
            wanted = f"a meeting of {reference!r} on {date.isoformat()}"
        else:  # the start of the id, compared as text: "%" and "_" are no wildcards here
            start = reference.strip().lower()
            rows = self._db.query(
                "SELECT * FROM meetings WHERE substr(id, 1, length(:start)) = :start "
                "ORDER BY date IS NULL, date DESC, id LIMIT 6", {"start": start}) if start else []
            wanted = f"a meeting whose id starts {reference!r}"
        if not rows:
            raise NotFound(f"There is no {wanted.removeprefix('a ')}.")
        if len(rows) > 1:
            shown = max(8, len(reference.strip()) + 4)  # enough of each id to tell them apart
            ids = ", ".join(f"{row['id'][:shown]} of {row['date'] or UNDATED}"
                            for row in rows[:5])
            raise Conflict(f"There is more than one {wanted.removeprefix('a ')} ({ids}"
                           f"{', …' if len(rows) > 5 else ''}); give more of the id.")
        return from_row(Meeting, rows[0])

    def previous(self, committee_id: str, before: dt.date | None) -> Meeting | None:
        """The committee's last meeting before ``before``, if it has one (a meeting of
        no known date comes after none)."""
        if before is None:
            return None
        rows = self._db.query(
            "SELECT * FROM meetings WHERE committee_id = ? AND date < ? "
            "ORDER BY date DESC, start_time DESC LIMIT 1",
            (committee_id, before.isoformat()),
        )
        return from_row(Meeting, rows[0]) if rows else None

    def summaries(self, committee_id: str | None = None, *,
                  committees: Collection[str] | None = None, limit: int | None = None,
                  offset: int = 0) -> list[MeetingSummary]:
        """Meetings newest first (those of no known date last), each with its committee's
        name and its counts: of one committee, or of those whose ids are in ``committees``,
        or of all; ``limit`` of
        them from ``offset`` (a page), or every one. Counting a meeting's entries costs
        as much as reading them, so a long archive is best read a page at a time."""
        rows = self._db.query(_SUMMARY_SQL, {
            "committee_id": committee_id, "offset": offset,
            "committees": None if committees is None else json.dumps(list(committees)),
            "limit": -1 if limit is None else limit})
        return [
            MeetingSummary(
                meeting=from_row(Meeting, row),
                committee_name=row["committee_name"],
                item_count=row["item_count"],
                entry_count=row["entry_count"],
                imported=bool(row["imported"]),
            )
            for row in rows
        ]

    def update(self, meeting: Meeting) -> Meeting:
        """Save the meeting's details (committee, date, times, venue)."""
        row = to_row(meeting)
        with self._db.transaction() as db:
            self.get(meeting.id)
            db.update("meetings", meeting.id, {column: row[column] for column in _EDITABLE})
        return self.get(meeting.id)

    def delete(self, meeting_id: str) -> None:
        """Remove a draft meeting and everything in it."""
        with self._db.transaction() as db:
            self.get(meeting_id)
            approved_here = self._db.query(
                "SELECT date FROM meetings WHERE approved_at_meeting_id = ?", (meeting_id,)
            )
            if approved_here:
                raise Conflict(
                    f"The minutes of the meeting of {approved_here[0]['date'] or UNDATED} "
                    "were approved at this meeting, so it cannot be removed."
                )
            db.delete("meetings", meeting_id)

    def approve(
        self, meeting_id: str, on: dt.date, at_meeting_id: str | None = None
    ) -> Meeting:
        """Record that the minutes were approved, on which date and at which meeting.

        From then on the database refuses any change to them, and the minutes as
        approved are frozen in the same step (every later export is written from them).
        """
        with self._db.transaction() as db:
            meeting = self.get(meeting_id)
            if meeting.status == MeetingStatus.APPROVED:
                raise Conflict("These minutes are already approved.")
            # Approving again after a correction keeps the meeting that first approved them.
            approved = meeting.model_copy(update={
                "status": MeetingStatus.APPROVED, "approved_on": on, "reopen_reason": None,
                "approved_at_meeting_id": at_meeting_id or meeting.approved_at_meeting_id})
            if self._freeze is not None:
                self._freeze(approved)
            db.update("meetings", meeting_id, {
                "status": approved.status.value,
                "approved_on": on.isoformat(),
                "approved_at_meeting_id": approved.approved_at_meeting_id,
                "reopen_reason": None,
            })
        return self.get(meeting_id)

    def reopen(self, meeting_id: str, reason: str) -> Meeting:
        """Unlock approved minutes for correction; ``reason`` goes into the audit log."""
        with self._db.transaction() as db:
            if self.get(meeting_id).status != MeetingStatus.APPROVED:
                raise Conflict("Only approved minutes can be reopened.")
            db.update("meetings", meeting_id, {
                "status": MeetingStatus.REOPENED.value,
                "reopen_reason": reason.strip(),
            })
        return self.get(meeting_id)

    def audit_log(self, meeting_id: str) -> list[AuditRecord]:
        """The approvals, reopenings and changes of a meeting's minutes, oldest first."""
        rows = self._db.query(
            "SELECT * FROM audit_log WHERE meeting_id = ? ORDER BY at, rowid", (meeting_id,)
        )
        for row in rows:
            for column in ("before", "after"):
                row[column] = json.loads(row[column]) if row[column] else None
        return [AuditRecord.model_validate(row) for row in rows]
