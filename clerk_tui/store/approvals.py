"""Approving minutes at the next meeting, and the record of approved exports."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from clerk_tui.models import Meeting, MeetingSnapshot, MeetingStatus, Resolution, Vote
from clerk_tui.store import sealing
from clerk_tui.store.errors import Conflict, StoreError
from clerk_tui.store.rows import from_row

if TYPE_CHECKING:
    from clerk_tui.store.store import Store

Composer = Callable[[MeetingSnapshot], dict[str, Any]]
FROZEN_FORMAT = 1


def compose_all(snapshot: MeetingSnapshot) -> dict[str, Any]:
    """Every version of the minutes, composed (:func:`clerk_tui.minutes.frozen.freeze`).

    The store keeps no wording of its own: approval and freezing must be one step
    whoever approves (the app, an import, the next meeting), so the store calls the
    one composer, imported only when minutes are approved."""
    from clerk_tui.minutes.frozen import freeze

    return freeze(snapshot)


@dataclass(frozen=True)
class FrozenRecord:
    """One frozen copy of approved minutes, as stored."""

    seq: int
    meeting_id: str
    frozen_at: str
    sha256: str
    document: str
    """The canonical JSON of every version of the minutes."""
    content: dict[str, str]
    """The SHA-256 of each table's rows of the meeting when it was frozen."""

    @property
    def intact(self) -> bool:
        """True when the document still hashes to its recorded SHA-256."""
        return sealing.sha256_text(self.document) == self.sha256


def _record(row: dict) -> FrozenRecord:
    return FrozenRecord(row["seq"], row["meeting_id"], row["frozen_at"], row["sha256"],
                        row["document"], json.loads(row["content"] or "{}"))


class Approvals:
    """Approval of minutes, their frozen copies, and the files exported from them."""

    def __init__(self, store: Store, compose: Composer = compose_all) -> None:
        self._store = store
        self._db = store.database
        self._compose = compose

    def freeze(self, approved: Meeting) -> FrozenRecord:
        """Keep the minutes of ``approved`` (the meeting as it is being approved) in
        every version, composed now, with their SHA-256 and the hashes of the rows
        they were composed from. Called by :meth:`Meetings.approve`, in its transaction."""
        store = self._store
        with store.transaction() as db:
            snapshot = store.snapshot(approved.id).model_copy(update={"meeting": approved})
            now = store.now().isoformat()
            document = sealing.canonical({
                "format": FROZEN_FORMAT, "meeting_id": approved.id, "frozen_at": now,
                "committee": snapshot.committee.name,
                "date": approved.date and approved.date.isoformat(),
                "approved_on": approved.approved_on and approved.approved_on.isoformat(),
                "documents": self._compose(snapshot)})
            after = db.query("SELECT coalesce(max(rowid), 0) AS n FROM audit_log")[0]["n"]
            chain = db.query("SELECT seq, hash FROM audit_chain ORDER BY seq DESC LIMIT 1")
            db.insert("frozen_minutes", {
                "meeting_id": approved.id, "frozen_at": now, "after_audit": after,
                "chain_length": chain[0]["seq"] if chain else 0,
                "chain_hash": chain[0]["hash"] if chain else sealing.GENESIS,
                "document": document, "sha256": sealing.sha256_text(document),
                "content": sealing.canonical(sealing.content_hashes(db.connection, approved.id))})
        return self.frozen(approved.id, check=False)

    def frozen(self, meeting_id: str, check: bool = True) -> FrozenRecord | None:
        """The frozen copy of the meeting's approved minutes (the latest), if it has
        one; with ``check``, refused when it no longer matches its SHA-256."""
        rows = self._db.query("SELECT * FROM frozen_minutes WHERE meeting_id = ? "
                              "ORDER BY seq DESC LIMIT 1", (meeting_id,))
        record = _record(rows[0]) if rows else None
        if check and record is not None and not record.intact:
            raise StoreError("The frozen copy of these approved minutes does not match its "
                             "fingerprint: it was changed outside clerk. Run clerk check.")
        return record

    def frozen_for_export(self, meeting_id: str) -> FrozenRecord:
        """The frozen copy to export approved minutes from."""
        record = self.frozen(meeting_id)
        if record is None:
            raise Conflict("Only approved minutes have a frozen copy; these have none yet "
                           "(open the file in clerk, not read-only, to freeze them).")
        return record

    def unfrozen(self) -> list[str]:
        """The meetings approved before clerk kept frozen copies that have none yet."""
        rows = self._db.query(
            "SELECT m.id FROM meetings m JOIN approved_before_freezing b ON b.meeting_id = m.id "
            "WHERE m.status = 'approved' AND NOT EXISTS "
            "(SELECT 1 FROM frozen_minutes f WHERE f.meeting_id = m.id) ORDER BY m.date, m.id")
        return [row["id"] for row in rows]

    def freeze_unfrozen(self) -> int:
        """Freeze, as they stand (they are locked), the minutes approved before clerk
        kept frozen copies, all in one transaction, so ``clerk check`` covers them from
        now on. Called when the file is first opened for writing; returns how many."""
        meetings = self.unfrozen()
        if meetings:
            with self._store.transaction():
                for meeting_id in meetings:
                    self.freeze(self._store.meetings.get(meeting_id))
        return len(meetings)

    def frozen_by_sha256(self, sha256: str) -> FrozenRecord | None:
        """The frozen copy whose SHA-256 is ``sha256``."""
        rows = self._db.query("SELECT * FROM frozen_minutes WHERE sha256 = ? "
                              "ORDER BY seq DESC LIMIT 1", (sha256,))
        return _record(rows[0]) if rows else None

    def frozen_matching(self, prefix: str) -> list[FrozenRecord]:
        """Every frozen copy whose SHA-256 starts with ``prefix`` (hex digits)."""
        rows = self._db.query("SELECT * FROM frozen_minutes WHERE substr(sha256, 1, ?) = ? "
                              "ORDER BY seq", (len(prefix), prefix.lower()))
        return [_record(row) for row in rows]

    def is_current(self, record: FrozenRecord) -> bool:
        """True when ``record`` is the frozen copy of the minutes as they stand approved
        (not one superseded by reopening them)."""
        latest = self.frozen(record.meeting_id, check=False)
        return (latest is not None and latest.seq == record.seq
                and self._store.meetings.get(record.meeting_id).status == MeetingStatus.APPROVED)

    def awaiting(self, meeting: Meeting) -> Meeting | None:
        """The committee's latest earlier meeting whose minutes have never been approved
        (reopened minutes were approved once, and are approved again where they are). A
        meeting of no known date comes after none."""
        if meeting.date is None:
            return None
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
                      path: str, frozen_sha256: str, template_sha256: str | None = None) -> None:
        """Remember a file exported from approved minutes (by its SHA-256), the frozen
        minutes (by theirs) it was written from and the Word template (by its SHA-256)
        if one was used. The same bytes written again from the same frozen minutes are
        already recorded."""
        if self._store.meetings.get(meeting_id).status != MeetingStatus.APPROVED:
            raise Conflict("Only exports of approved minutes are recorded.")
        with self._store.transaction() as db:
            known = self.export(sha256)
            if known is not None and (known["meeting_id"], known["frozen_sha256"],
                                      known["superseded_at"]) == (meeting_id, frozen_sha256, None):
                return
            db.insert("exports", {"sha256": sha256, "meeting_id": meeting_id, "item_id": item_id,
                                  "version": version, "path": str(Path(path).absolute()),
                                  "exported_at": self._store.now().isoformat(),
                                  "frozen_sha256": frozen_sha256,
                                  "template_sha256": template_sha256})

    def export(self, sha256: str) -> dict | None:
        """The recorded export with this SHA-256, if there is one; ``superseded_at`` and
        ``superseded_reason`` are set once its minutes were reopened after it was written."""
        rows = self._db.query("SELECT * FROM exports WHERE sha256 = ?", (sha256,))
        return rows[0] if rows else None
