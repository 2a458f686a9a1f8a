"""What happens in the room: entries as they are captured, the capture line's draft,
the item being taken, and the meeting's start and end."""

from __future__ import annotations

from clerk_tui.models import AgendaItem, Entry, Meeting
from clerk_tui.store.database import Database
from clerk_tui.store.meetings import Meetings
from clerk_tui.store.ordered import OrderedRows


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

        An item that had not been taken is taken now: that is when it was discussed.
        """
        with self._db.transaction():
            self._entries.add(entry)
            self._db.connection.execute(
                "DELETE FROM capture_drafts WHERE item_id = ?", (entry.item_id,)
            )
            if self._items.get(entry.item_id).taken_at is None:
                self.take_item(entry.item_id)
        return entry

    def save_draft(self, item_id: str, text: str) -> None:
        """Keep what is on an item's capture line; an empty line removes the draft."""
        with self._db.transaction() as tables:
            if text:
                tables["capture_drafts"].upsert(
                    {"item_id": item_id, "text": text, "saved_at": self._now()}, pk="item_id"
                )
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

    def take_item(self, item_id: str) -> AgendaItem:
        """Mark an item as the one now being taken, recording when it was first taken."""
        with self._db.transaction() as tables:
            item = self._items.get(item_id)
            if item.taken_at is None:
                tables["agenda_items"].update(item_id, {"taken_at": self._time()})
            tables["meetings"].update(item.meeting_id, {"current_item_id": item_id})
        return self._items.get(item_id)

    def start_meeting(self, meeting_id: str) -> Meeting:
        """Record the time the meeting started."""
        return self._set_times(meeting_id, started_at=self._time())

    def end_meeting(self, meeting_id: str) -> Meeting:
        """Record the time the meeting ended; no item is being taken any more."""
        return self._set_times(meeting_id, ended_at=self._time(), current_item_id=None)

    def last_question(self, item_id: str) -> str | None:
        """The id of the item's last question, which a new response answers."""
        rows = self._db.query(
            "SELECT id FROM entries WHERE item_id = ? AND kind = 'question' "
            "ORDER BY position DESC, rowid DESC LIMIT 1",
            (item_id,),
        )
        return rows[0]["id"] if rows else None

    def _set_times(self, meeting_id: str, **columns: str | None) -> Meeting:
        with self._db.transaction() as tables:
            self._meetings.get(meeting_id)
            tables["meetings"].update(meeting_id, columns)
        return self._meetings.get(meeting_id)

    def _now(self) -> str:
        return self._db.clock().isoformat(timespec="seconds")

    def _time(self) -> str:
        return self._db.clock().time().isoformat(timespec="seconds")
