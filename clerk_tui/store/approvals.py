"""Approving minutes at the next meeting, and the record of approved exports."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from clerk_tui.models import Meeting, MeetingStatus, Resolution, Vote
from clerk_tui.store.errors import Conflict
from clerk_tui.store.rows import from_row

if TYPE_CHECKING:
    from clerk_tui.store.store import Store


class Approvals:
    """Approval of minutes, and the files exported from approved minutes."""

    def __init__(self, store: Store) -> None:
        self._store = store
        self._db = store.database

    def awaiting(self, meeting: Meeting) -> Meeting | None:
        """The committee's latest earlier meeting whose minutes have never been approved
        (reopened minutes were approved once, and are approved again where they are)."""
        rows = self._db.query(
            "SELECT * FROM meetings WHERE committee_id = ? AND date < ? AND status = 'draft' "
            "ORDER BY date DESC, start_time DESC LIMIT 1",
            (meeting.committee_id, meeting.date.isoformat()),
        )
        return from_row(Meeting, rows[0]) if rows else None

    def approve_previous(self, meeting_id: str, item_id: str, resolution: str,
                         unanimous: bool = False, reopen_for: str | None = None) -> Meeting:
        """At meeting ``meeting_id``, resolve (in item ``item_id``) that the previous
        minutes are a correct record, and approve them, in one step. Approved subject to
        corrections, they are then reopened at once (``reopen_for`` is the audit log's
        reason) so the corrections can be made; approving them again locks them."""
        store = self._store
        with store.transaction():
            meeting = store.meetings.get(meeting_id)
            previous = self.awaiting(meeting)
            if previous is None:
                raise Conflict("There are no earlier minutes of this committee waiting to be "
                               "approved.")
            store.entries.add(Resolution(item_id=item_id, text=resolution,
                                         vote=Vote(unanimous=True) if unanimous else None,
                                         captured_at=store.now()))
            approved = store.meetings.approve(previous.id, meeting.date, meeting.id)
            if reopen_for:
                return store.meetings.reopen(previous.id, reopen_for)
            return approved

    def record_export(self, sha256: str, meeting_id: str, item_id: str | None, version: str,
                      path: str) -> None:
        """Remember a file exported from approved minutes (by its SHA-256)."""
        if self._store.meetings.get(meeting_id).status != MeetingStatus.APPROVED:
            raise Conflict("Only exports of approved minutes are recorded.")
        with self._store.transaction() as db:
            db.upsert("exports", {"sha256": sha256, "meeting_id": meeting_id, "item_id": item_id,
                                  "version": version, "path": str(Path(path).absolute()),
                                  "exported_at": self._store.now().isoformat(),
                                  "superseded_at": None, "superseded_reason": None}, "sha256")

    def export(self, sha256: str) -> dict | None:
        """The recorded export with this SHA-256, if there is one; ``superseded_at`` and
        ``superseded_reason`` are set once its minutes were reopened after it was written."""
        rows = self._db.query("SELECT * FROM exports WHERE sha256 = ?", (sha256,))
        return rows[0] if rows else None
