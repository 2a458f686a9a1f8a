"""Minutes imported from files: filed as approved meetings, each file only once."""

from __future__ import annotations

from typing import TYPE_CHECKING

from clerk_tui.models import AgendaItemSnapshot, ImportedMinutes, Meeting, MeetingStatus
from clerk_tui.store.errors import Conflict
from clerk_tui.store.rows import from_row

if TYPE_CHECKING:
    from clerk_tui.store.store import Store


class Imports:
    """The record of imported files, and filing their minutes."""

    def __init__(self, store: Store) -> None:
        self._store = store
        self._db = store.database

    def meeting_of(self, sha256: str) -> str | None:
        """The meeting a file with this content was imported into, if it was."""
        rows = self._db.query("SELECT meeting_id FROM imports WHERE sha256 = ?", (sha256,))
        return rows[0]["meeting_id"] if rows else None

    def imported(self, meeting_id: str) -> bool:
        """True when the meeting came from imported minutes."""
        return bool(self._db.query("SELECT 1 FROM imports WHERE meeting_id = ?", (meeting_id,)))

    def add(self, minutes: ImportedMinutes, source: str, sha256: str,
            ) -> tuple[Meeting, list[AgendaItemSnapshot]]:
        """File ``minutes`` (read from ``source``) as the published, approved record;
        the meeting and the items added to it.

        Items from another page of the same meeting join the meeting imported before
        (an item already there, by its number and title, is not added twice); reopening
        the meeting for them is in the audit log like any other correction.
        """
        if minutes.committee is None or minutes.date is None:
            missing = "committee" if minutes.committee is None else "date"
            raise Conflict(f"The minutes do not say which {missing} they are of; "
                           f"name it with --{missing}.")
        store = self._store
        with store.transaction():
            meeting = self._meeting(minutes, source)
            known = {p.person.casefold() for p in store.attendance.list(meeting.id)}
            for person in minutes.attendance:
                if person.person.casefold() not in known:
                    known.add(person.person.casefold())
                    store.attendance.add(person.model_copy(update={"meeting_id": meeting.id}))
            declared = {(d.member.casefold(), d.text) for d in store.declarations.list(meeting.id)}
            for declaration in minutes.declarations:
                if (declaration.member.casefold(), declaration.text) not in declared:
                    declared.add((declaration.member.casefold(), declaration.text))
                    store.declarations.add(declaration.model_copy(update={"meeting_id": meeting.id}))
            added = [part for part in minutes.items if self._new(meeting.id, part)]
            for part in added:
                store.items.add(part.item.model_copy(update={"meeting_id": meeting.id}))
                for entry in part.entries:
                    store.entries.add(entry)
            store.meetings.approve(meeting.id, store.now().date())
            self._db.insert("imports", {"sha256": sha256, "path": source,
                                        "meeting_id": meeting.id,
                                        "imported_at": store.now().isoformat()})
        return store.meetings.get(meeting.id), added

    def _new(self, meeting_id: str, part: AgendaItemSnapshot) -> bool:
        """False for a numbered item the meeting already has (another copy of a page)."""
        if part.item.minute_number is None:
            return True
        return not any(item.minute_number == part.item.minute_number
                       and item.title.casefold() == part.item.title.casefold()
                       for item in self._store.items.list(meeting_id))

    def _meeting(self, minutes: ImportedMinutes, source: str) -> Meeting:
        """The meeting the minutes belong to: one imported before, or a new one."""
        store = self._store
        rows = self._db.query(
            "SELECT m.* FROM meetings m JOIN committees c ON c.id = m.committee_id "
            "WHERE c.name = ? COLLATE NOCASE AND m.date = ? "
            "AND m.id IN (SELECT meeting_id FROM imports) LIMIT 1",
            (minutes.committee, minutes.date.isoformat()),
        )
        if rows:
            meeting = from_row(Meeting, rows[0])
            if meeting.status == MeetingStatus.APPROVED:
                store.meetings.reopen(meeting.id, f"Importing further published minutes ({source})")
            return meeting
        return store.new_meeting(minutes.committee, minutes.date, minutes.start_time,
                                 minutes.venue, copy_membership=False)
