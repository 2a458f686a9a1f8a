"""What happens in the room: entries as they are captured, the capture line's draft,
the item being taken, and the meeting's start and end."""

from __future__ import annotations

from dataclasses import dataclass

from clerk_tui.models import AgendaItem, Entry, Meeting
from clerk_tui.quick_entry import question_answered
from clerk_tui.store.database import Database
from clerk_tui.store.meetings import Meetings
from clerk_tui.store.ordered import OrderedRows


@dataclass(frozen=True)
class DeletedEntry:
    """What is needed to put a deleted entry back as it was."""

    entry: Entry
    place: int
    answered_by: tuple[str, ...] = ()


class Capture:
    """Live capture of a meeting."""

    def __init__(
        self,
        database: Database,
        meetings: Meetings,
        items: OrderedRows[AgendaItem],
        entries: OrderedRows[Entry],
    ) -> None:
        self._db = database
        self._meetings = meetings
        self._items = items
        self._entries = entries

    def entry(self, entry: Entry) -> Entry:
        """Store a captured entry last in its item and clear the item's draft, in one save.

        During the meeting an item that had not been taken is taken now: that is when it
        was discussed. Entries added after the meeting (or to reopened minutes) take nothing.
        """
        with self._db.transaction():
            self._entries.add(entry)
            self._db.connection.execute(
                "DELETE FROM capture_drafts WHERE item_id = ?", (entry.item_id,)
            )
            if self._items.get(entry.item_id).taken_at is None and self._live(entry.item_id):
                self.take_item(entry.item_id)
        return entry

    def _live(self, item_id: str) -> bool:
        """Whether the item's meeting is still going on (a draft that has not ended)."""
        rows = self._db.query(
            "SELECT m.status, m.ended_at FROM meetings m JOIN agenda_items i "
            "ON i.meeting_id = m.id WHERE i.id = ?", (item_id,))
        return bool(rows) and rows[0]["status"] == "draft" and rows[0]["ended_at"] is None

    def save_draft(self, item_id: str, text: str) -> None:
        """Keep what is on an item's capture line; an empty line removes the draft."""
        with self._db.transaction() as db:
            if text:
                db.upsert("capture_drafts",
                          {"item_id": item_id, "text": text, "saved_at": self._now()}, "item_id")
            else:
                self._db.connection.execute(
                    "DELETE FROM capture_drafts WHERE item_id = ?", (item_id,)
                )

    def drafts(self, meeting_id: str) -> dict[str, str]:
        """Unentered capture-line text of each item of a meeting, by item id."""
        rows = self._db.query(
            "SELECT d.item_id, d.text FROM capture_drafts d "
            "JOIN agenda_items i ON i.id = d.item_id WHERE i.meeting_id = ?",
            (meeting_id,),
        )
        return {row["item_id"]: row["text"] for row in rows}

    def entry_counts(self, meeting_id: str) -> dict[str, int]:
        """How many entries each item of a meeting has, by item id."""
        rows = self._db.query(
            "SELECT i.id, count(e.id) AS n FROM agenda_items i "
            "LEFT JOIN entries e ON e.item_id = i.id WHERE i.meeting_id = ? GROUP BY i.id",
            (meeting_id,),
        )
        return {row["id"]: row["n"] for row in rows}

    def take_item(self, item_id: str) -> AgendaItem:
        """Mark an item as the one now being taken, recording when it was first taken."""
        with self._db.transaction() as db:
            item = self._items.get(item_id)
            if item.taken_at is None:
                db.update("agenda_items", item_id, {"taken_at": self._time()})
            db.update("meetings", item.meeting_id, {"current_item_id": item_id})
        return self._items.get(item_id)

    def start_meeting(self, meeting_id: str) -> Meeting:
        """Record the time the meeting started."""
        return self._set_times(meeting_id, started_at=self._time())

    def end_meeting(self, meeting_id: str) -> Meeting:
        """Record the time the meeting ended; no item is being taken any more."""
        return self._set_times(meeting_id, ended_at=self._time(), current_item_id=None)

    def move_entry(self, entry_id: str, item_id: str, place: int | None = None) -> Entry:
        """Move an entry (to ``place`` in ``item_id``, default last); a response then
        answers the question before it in its new place."""
        with self._db.transaction():
            moved = self._entries.move(entry_id, item_id, place)
            if moved.kind == "response":
                siblings = self._entries.list(item_id)
                moved.answers_id = question_answered(
                    siblings[: [e.id for e in siblings].index(moved.id)])
                moved = self._entries.update(moved)
        return moved

    def delete_entry(self, entry_id: str) -> DeletedEntry:
        """Delete an entry, keeping what :meth:`restore_entry` needs to undo it."""
        with self._db.transaction():
            entry = self._entries.get(entry_id)
            ids = [e.id for e in self._entries.list(entry.item_id)]
            answered_by = tuple(row["id"] for row in self._db.query(
                "SELECT id FROM entries WHERE answers_id = ?", (entry_id,)))
            self._entries.delete(entry_id)
        return DeletedEntry(entry, ids.index(entry_id), answered_by)

    def restore_entry(self, deleted: DeletedEntry) -> Entry:
        """Put a deleted entry back in its place, with the responses that answered it."""
        with self._db.transaction():
            self._entries.add(deleted.entry, deleted.place)
            for response_id in deleted.answered_by:
                self._db.connection.execute(
                    "UPDATE entries SET answers_id = ? WHERE id = ?", (deleted.entry.id, response_id))
        return deleted.entry

    def _set_times(self, meeting_id: str, **columns: str | None) -> Meeting:
        with self._db.transaction() as db:
            self._meetings.get(meeting_id)
            db.update("meetings", meeting_id, columns)
        return self._meetings.get(meeting_id)

    def _now(self) -> str:
        return self._db.clock().isoformat(timespec="seconds")

    def _time(self) -> str:
        return self._db.clock().time().isoformat(timespec="seconds")
