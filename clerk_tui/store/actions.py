"""The action log: every action of every meeting, followed until done."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Literal

from clerk_tui.models import Action, ActionRecord, ActionStatus, Note
from clerk_tui.store.errors import NotFound
from clerk_tui.store.rows import entry_from_row

if TYPE_CHECKING:
    from clerk_tui.store.store import Store

State = Literal["all", "open", "done", "overdue"]

_LOG = """
SELECT e.*, m.id AS meeting_id, m.date AS meeting_date, c.name AS committee_name,
       i.minute_number, i.title AS item_title, i.exempt AS item_exempt
FROM entries e
JOIN agenda_items i ON i.id = e.item_id
JOIN meetings m ON m.id = i.meeting_id
JOIN committees c ON c.id = m.committee_id
WHERE e.kind = 'action' AND trim(e.text) <> '' AND {where}
ORDER BY coalesce(e.due_revised, e.due) IS NULL, coalesce(e.due_revised, e.due), m.date IS NULL,
         m.date, e.position
"""
_STATES = {
    "all": "1",
    "open": "e.status = 'open'",
    "done": "e.status = 'done'",
    "overdue": "e.status = 'open' AND coalesce(e.due_revised, e.due) < :today",
}

# What following an action up may change; everything else is what the minutes say.
_FOLLOW_UP = ("status", "done_on", "progress", "reassigned_to", "due_revised")


class Actions:
    """Actions across meetings: the log, following them up, matters arising."""

    def __init__(self, store: Store) -> None:
        self._store = store
        self._db = store.database

    def log(self, state: State = "all", committee: str | None = None, owner: str | None = None,
            before: dt.date | None = None, committee_id: str | None = None) -> list[ActionRecord]:
        """Actions, soonest due first; narrowed by state, committee, owner, or to those
        agreed at meetings before a date."""
        clauses, values = [_STATES[state]], {"today": self._today().isoformat()}
        if committee:
            clauses.append("c.name = :committee COLLATE NOCASE")
            values["committee"] = committee.strip()
        if committee_id:
            clauses.append("c.id = :committee_id")
            values["committee_id"] = committee_id
        if owner:
            # Found anywhere in the name, as typed: "%" and "_" are no wildcards here.
            clauses.append("instr(lower(coalesce(e.reassigned_to, e.owner)), lower(:owner)) > 0")
            values["owner"] = owner.strip()
        if before:
            clauses.append("m.date < :before")
            values["before"] = before.isoformat()
        rows = self._db.query(_LOG.format(where=" AND ".join(clauses)), values)
        return [self._record(row) for row in rows]

    def get(self, action_id: str) -> ActionRecord:
        """One action with where it was agreed."""
        rows = self._db.query(_LOG.format(where="e.id = :id"),
                              {"id": action_id, "today": self._today().isoformat()})
        if not rows:
            raise NotFound(f"There is no action with id {action_id}.")
        return self._record(rows[0])

    def follow_up(self, action_id: str, *, status: ActionStatus | None = None,
                  done_on: dt.date | None = None, progress: str | None = None,
                  reassigned_to: str | None = None, due_revised: dt.date | None = None,
                  minuted_in: str | None = None, minute_text: str | None = None) -> Action:
        """Record what has become of an action. The minutes it was agreed in never change;
        ``minute_text`` is added as a note to item ``minuted_in`` (the matters arising of
        the meeting at which the update was given)."""
        with self._store.transaction() as db:
            action = self.get(action_id).action
            changes = {"status": status, "done_on": done_on, "progress": progress,
                       "reassigned_to": reassigned_to, "due_revised": due_revised}
            for name, value in changes.items():
                if value is not None:
                    setattr(action, name, value)
            if action.status != ActionStatus.DONE:
                action.done_on = None
            elif action.done_on is None:
                action.done_on = self._today()
            # Only the follow-up columns are written: what was minuted is left as stored.
            row = action.model_dump(mode="json", include=set(_FOLLOW_UP))
            db.update("entries", action.id, row)
            if minuted_in and minute_text:
                self._store.entries.add(Note(item_id=minuted_in, text=minute_text,
                                             captured_at=self._store.now()))
            updated = self.get(action_id).action
        return updated

    def _record(self, row: dict) -> ActionRecord:
        action = entry_from_row(row)
        number, title = row["minute_number"], row["item_title"]
        return ActionRecord(
            action=action, meeting_id=row["meeting_id"],
            meeting_date=row["meeting_date"] and dt.date.fromisoformat(row["meeting_date"]),
            committee_name=row["committee_name"],
            item_label=f"{number}. {title}" if number else title,
            overdue=action.overdue(self._today()),
            exempt=bool(row["item_exempt"]),
            minute_number=number, item_title=title,
        )

    def _today(self) -> dt.date:
        return self._store.now().date()
