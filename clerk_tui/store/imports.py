"""Minutes imported from files: filed as approved meetings, each meeting only once.

A meeting is known again by what it says, not by its file: the same text saved anew
(another name, other line ends) or the same meeting copied into another file adds
nothing; other minutes of a meeting imported before either join it (further pages of
its items) or are reported as changed, and are taken in its place only when asked
(``replace``). Imported minutes are filed approved, so every later change to them, a
replacement or a corrected date or committee, goes through reopening with a reason and
approving again: a recorded change in the audit log, never a silent edit.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from clerk_tui.models import AgendaItemSnapshot, Committee, ImportedMinutes, Meeting, MeetingStatus
from clerk_tui.store.errors import Conflict
from clerk_tui.store.rows import from_row

if TYPE_CHECKING:
    from clerk_tui.store.store import Store

UNKNOWN_BODY = "Unknown body"
"""The committee of imported minutes that do not say whose they are, until the clerk
names it (``clerk meeting committee``)."""

Outcome = Literal["imported", "joined", "unchanged", "changed", "replaced"]


@dataclass(frozen=True)
class Source:
    """Where minutes came from: the file, its fingerprints, and which of its meetings."""

    path: str
    sha256: str
    """The file's bytes."""
    text_sha256: str | None = None
    """The file's text as clerk reads it: the same whatever the line ends or spaces."""
    part: int = 0
    """Which meeting of the file (0 the first)."""
    minutes_sha256: str | None = None
    """What was read of this meeting, wherever it was found."""

    @property
    def text(self) -> str:
        """The text fingerprint (the bytes' when the text's is not known)."""
        return self.text_sha256 or self.sha256


@dataclass(frozen=True)
class Filing:
    """What became of one meeting's minutes: ``outcome`` says which of imported (a new
    meeting), joined (items added to one imported before), unchanged (imported before;
    nothing added), changed (differs from the meeting imported before; nothing added) or
    replaced (taken in place of what was imported before)."""

    outcome: Outcome
    meeting: Meeting
    added: list[AgendaItemSnapshot] = field(default_factory=list)
    earlier_path: str | None = None
    """Where the meeting imported before came from (for changed minutes)."""
    committee: str = ""
    """The name of the meeting's committee as filed."""


class Imports:
    """The record of imported files, and filing their minutes."""

    def __init__(self, store: Store) -> None:
        self._store = store
        self._db = store.database

    def meeting_of(self, sha256: str) -> str | None:
        """The meeting a file with these bytes (or this text) was imported into, if it was."""
        rows = self._db.query(
            "SELECT meeting_id FROM imports WHERE (sha256 = ? OR text_sha256 = ?) "
            "AND replaced_at IS NULL ORDER BY rowid LIMIT 1", (sha256, sha256))
        return rows[0]["meeting_id"] if rows else None

    def imported(self, meeting_id: str) -> bool:
        """True when the meeting came from imported minutes."""
        return bool(self._db.query("SELECT 1 FROM imports WHERE meeting_id = ?", (meeting_id,)))

    def sources(self, meeting_id: str) -> list[str]:
        """The files the meeting was imported from, first first (replaced ones too)."""
        rows = self._db.query("SELECT path FROM imports WHERE meeting_id = ? ORDER BY rowid",
                              (meeting_id,))
        return list(dict.fromkeys(row["path"] for row in rows))

    def _current_source(self, meeting_id: str) -> str | None:
        """The file the meeting's minutes as they stand were last imported from."""
        rows = self._db.query("SELECT path FROM imports WHERE meeting_id = ? "
                              "ORDER BY replaced_at IS NULL DESC, rowid DESC LIMIT 1",
                              (meeting_id,))
        return rows[0]["path"] if rows else None

    def file(self, minutes: ImportedMinutes, source: Source, replace: bool = False) -> Filing:
        """File one meeting's minutes as the approved record, once: see the module's
        description for what is added, joined, left unchanged, reported or replaced."""
        with self._store.transaction():
            outcome, meeting, added, earlier_path = self._filed(minutes, source, replace)
            committee = self._store.committees.get(meeting.committee_id).name
        return Filing(outcome, meeting, added, earlier_path, committee)

    def _filed(self, minutes: ImportedMinutes, source: Source, replace: bool,
               ) -> tuple[Outcome, Meeting, list[AgendaItemSnapshot], str | None]:
        if (known := self._known(source)) is not None:
            return "unchanged", self._store.meetings.get(known), [], None
        earlier = self._earlier(minutes, source)
        if earlier is None:
            meeting, added = self._add_new(minutes, source)
            return "imported", meeting, added, None
        new, differs = self._compare(earlier.id, minutes)
        if differs and replace:
            return "replaced", self.replace(earlier.id, minutes, source), list(minutes.items), None
        if differs:
            return "changed", earlier, [], self._current_source(earlier.id)
        meeting = self._join(earlier, minutes, new, source)
        return "joined" if new else "unchanged", meeting, new, None

    def add(self, minutes: ImportedMinutes, source: str | Source, sha256: str | None = None,
            ) -> tuple[Meeting, list[AgendaItemSnapshot]]:
        """File ``minutes`` (read from ``source``) as the published, approved record;
        the meeting and the items added to it. Minutes of a meeting imported before
        join it, items it already has (by number, or title) left out."""
        if isinstance(source, str):
            source = Source(source, sha256 or "")
        with self._store.transaction():
            earlier = self._earlier(minutes, source)
            if earlier is None:
                return self._add_new(minutes, source)
            new, _ = self._compare(earlier.id, minutes)
            return self._join(earlier, minutes, new, source), new

    def replace(self, meeting_id: str, minutes: ImportedMinutes, source: Source) -> Meeting:
        """Take ``minutes`` in place of what the meeting holds, through reopening it (the
        reason names the file), so that every row removed and added is in the audit log
        and the meeting keeps its id (what refers to it still does)."""
        store = self._store
        with store.transaction():
            meeting = store.meetings.get(meeting_id)
            approved_on = meeting.approved_on
            reopened = self._reopen(meeting, f"Replaced by the minutes in {source.path} "
                                             "(clerk import --replace)")
            for part in store.items.list(meeting_id):
                store.items.delete(part.id)
            for person in store.attendance.list(meeting_id):
                store.attendance.delete(person.id)
            for declaration in store.declarations.list(meeting_id):
                store.declarations.delete(declaration.id)
            committee = self._committee(minutes.committee or UNKNOWN_BODY)
            store.meetings.update(meeting.model_copy(update={
                "committee_id": committee.id, "date": minutes.date,
                "start_time": minutes.start_time, "venue": minutes.venue}))
            self._fill(meeting_id, minutes, list(minutes.items))
            self._db.connection.execute(
                "UPDATE imports SET replaced_at = ? WHERE meeting_id = ? AND replaced_at IS NULL",
                (store.now().isoformat(), meeting_id))
            if reopened:
                self._approve(meeting_id, approved_on)
            self._record(meeting_id, source)
        return store.meetings.get(meeting_id)

    def redate(self, meeting_id: str, date: dt.date | None, reason: str | None = None,
               ) -> Meeting:
        """Give a meeting its date (approved minutes: reopened with ``reason``, or a
        reason saying what changed, and approved again, so the change is audited)."""
        meeting = self._store.meetings.get(meeting_id)
        was = meeting.date.isoformat() if meeting.date else "no date"
        now = date.isoformat() if date else "no date"
        return self._correct(meeting, {"date": date},
                             reason or f"The date corrected from {was} to {now}")

    def reassign(self, meeting_id: str, committee: str, reason: str | None = None) -> Meeting:
        """Move a meeting to the committee called ``committee`` (made if new), as
        :meth:`redate` changes its date."""
        store = self._store
        with store.transaction():
            meeting = store.meetings.get(meeting_id)
            was = store.committees.get(meeting.committee_id).name
            found = self._committee(committee)
            return self._correct(meeting, {"committee_id": found.id},
                                 reason or f"The committee corrected from {was} to {found.name}")

    def _correct(self, meeting: Meeting, changes: dict, reason: str) -> Meeting:
        """Change a meeting's details as a recorded correction when it is approved."""
        store = self._store
        if all(getattr(meeting, name) == value for name, value in changes.items()):
            return meeting
        with store.transaction():
            approved = meeting.status == MeetingStatus.APPROVED
            if approved:
                store.meetings.reopen(meeting.id, reason)
            store.meetings.update(store.meetings.get(meeting.id).model_copy(update=changes))
            if approved:
                self._approve(meeting.id, meeting.approved_on)
        return store.meetings.get(meeting.id)

    def _known(self, source: Source) -> str | None:
        """The meeting this part of this text, or these very minutes, became before."""
        rows = self._db.query(
            "SELECT meeting_id FROM imports WHERE replaced_at IS NULL AND ("
            "(text_sha256 = :text AND part = :part) OR (sha256 = :file AND part = :part) "
            "OR (:minutes IS NOT NULL AND minutes_sha256 = :minutes)) ORDER BY rowid LIMIT 1",
            {"text": source.text, "file": source.sha256, "part": source.part,
             "minutes": source.minutes_sha256})
        return rows[0]["meeting_id"] if rows else None

    def _earlier(self, minutes: ImportedMinutes, source: Source) -> Meeting | None:
        """The imported meeting these minutes are of: the same committee on the same
        date (at the same time, when both say); or, when the minutes do not say whose or
        when they are, the meeting the same place in the same file became before."""
        committee = minutes.committee or UNKNOWN_BODY
        if minutes.date is not None and committee != UNKNOWN_BODY:
            # another meeting of the same file is never this one, even when a --date or
            # --committee given for the whole file makes them look alike
            rows = self._db.query(
                "SELECT m.* FROM meetings m JOIN committees c ON c.id = m.committee_id "
                "WHERE c.name = ? COLLATE NOCASE AND m.date = ? "
                "AND m.id IN (SELECT meeting_id FROM imports) "
                "AND m.id NOT IN (SELECT meeting_id FROM imports WHERE text_sha256 = ? "
                "AND part != ?) ORDER BY m.rowid",
                (committee, minutes.date.isoformat(), source.text, source.part))
            start = minutes.start_time
            same = [row for row in rows if start is None or row["start_time"] is None
                    or row["start_time"] == start.isoformat()]
        else:
            same = self._db.query(
                "SELECT m.* FROM meetings m JOIN imports i ON i.meeting_id = m.id "
                "WHERE i.path = ? AND i.part = ? AND i.replaced_at IS NULL "
                "ORDER BY i.rowid DESC LIMIT 1", (source.path, source.part))
        return from_row(Meeting, same[0]) if same else None

    def _compare(self, meeting_id: str, minutes: ImportedMinutes,
                 ) -> tuple[list[AgendaItemSnapshot], bool]:
        """The items of ``minutes`` the meeting does not have yet, and whether any it
        has (by minute number, or by title when unnumbered) says something else."""
        held = {_key(part): _words(part) for part in self._store.snapshot(meeting_id).items}
        new, differs = [], False
        for part in minutes.items:
            if (key := _key(part)) in held:
                differs = differs or held[key] != _words(part)
            else:
                new.append(part)
        return new, differs

    def _add_new(self, minutes: ImportedMinutes, source: Source,
                 ) -> tuple[Meeting, list[AgendaItemSnapshot]]:
        store = self._store
        meeting = store.new_meeting(minutes.committee or UNKNOWN_BODY, minutes.date,
                                    minutes.start_time, minutes.venue, copy_membership=False)
        self._fill(meeting.id, minutes, list(minutes.items))
        # recorded as imported first: the approval freezes the minutes as published
        self._record(meeting.id, source)
        store.meetings.approve(meeting.id, store.now().date())
        return store.meetings.get(meeting.id), list(minutes.items)

    def _join(self, meeting: Meeting, minutes: ImportedMinutes,
              new: list[AgendaItemSnapshot], source: Source) -> Meeting:
        """Another page of a meeting imported before: its new items added (reopening
        the meeting for them is in the audit log like any other correction)."""
        if new:
            approved_on = meeting.approved_on
            reopened = self._reopen(meeting, f"Importing further published minutes "
                                             f"({source.path})")
            self._fill(meeting.id, minutes, new)
            if reopened:
                self._approve(meeting.id, approved_on)
        self._record(meeting.id, source)
        return self._store.meetings.get(meeting.id)

    def _fill(self, meeting_id: str, minutes: ImportedMinutes,
              parts: list[AgendaItemSnapshot]) -> None:
        """``parts``, and the attendance and declarations the meeting does not have yet
        (after the items, which a declaration may name)."""
        store = self._store
        # each item before its entries, as one at a time would: the same rows in the
        # same order (and so the same search index), without asking every row's place
        for part in parts:
            store.items.add_all([part.item.model_copy(update={"meeting_id": meeting_id})])
            store.entries.add_all(part.entries)
        known = {p.person.casefold() for p in store.attendance.list(meeting_id)}
        present = []
        for person in minutes.attendance:
            if person.person.casefold() not in known:
                known.add(person.person.casefold())
                present.append(person.model_copy(update={"meeting_id": meeting_id}))
        store.attendance.add_all(present)
        items = self._item_ids(meeting_id)
        declared = {(d.member.casefold(), d.text) for d in store.declarations.list(meeting_id)}
        stated = []
        for declaration in minutes.declarations:
            if (declaration.member.casefold(), declaration.text) not in declared:
                declared.add((declaration.member.casefold(), declaration.text))
                item_id = declaration.item_id if declaration.item_id in items else None
                stated.append(declaration.model_copy(
                    update={"meeting_id": meeting_id, "item_id": item_id}))
        store.declarations.add_all(stated)

    def _item_ids(self, meeting_id: str) -> set[str]:
        """The ids of the meeting's agenda items (read as ids alone: no item is built)."""
        rows = self._db.query("SELECT id FROM agenda_items WHERE meeting_id = ?", (meeting_id,))
        return {row["id"] for row in rows}

    def _reopen(self, meeting: Meeting, reason: str) -> bool:
        """Reopen approved minutes for a correction; False when they were open already
        (a clerk's own correction, which the import must not close for them)."""
        if self._store.meetings.get(meeting.id).status != MeetingStatus.APPROVED:
            return False
        self._store.meetings.reopen(meeting.id, reason)
        return True

    def _approve(self, meeting_id: str, approved_on: dt.date | None) -> None:
        """Approve again after a correction, on the date first given (a correction is
        not a new approval of the minutes)."""
        store = self._store
        if store.meetings.get(meeting_id).status != MeetingStatus.APPROVED:
            store.meetings.approve(meeting_id, approved_on or store.now().date())

    def _record(self, meeting_id: str, source: Source) -> None:
        if self._known(source) == meeting_id:
            return
        self._db.insert("imports", {
            "sha256": source.sha256, "text_sha256": source.text, "part": source.part,
            "minutes_sha256": source.minutes_sha256, "path": source.path,
            "meeting_id": meeting_id, "imported_at": self._store.now().isoformat()})

    def _committee(self, name: str) -> Committee:
        store = self._store
        found = store.committees.find(name)
        if found is None:
            if not name.strip():
                raise Conflict("A committee needs a name.")
            found = store.committees.add(Committee(name=name))
        return found


def _key(part: AgendaItemSnapshot) -> tuple[str, str]:
    """An item as another copy of the same minutes would show it: its number, or its
    title when it has none."""
    item = part.item
    return (item.minute_number, "") if item.minute_number else ("", item.title.casefold())


def _words(part: AgendaItemSnapshot) -> tuple:
    """What an item says, to tell another copy of it from a changed one."""
    return (part.item.title.casefold(), tuple((e.kind, e.text) for e in part.entries))
