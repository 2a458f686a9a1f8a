"""The audit log of a meeting's minutes: approvals, reopenings and every change."""

from __future__ import annotations

import json
from collections.abc import Mapping

from textual.app import ComposeResult
from textual.widgets import DataTable, Footer, Header, Static

from clerk_tui.models import UNDATED, AuditRecord
from clerk_tui.store import NotFound
from clerk_tui.ui.commands import HELP, Command, bindings
from clerk_tui.ui.desk import Desk
from clerk_tui.ui.screen_kit.base import ClerkScreen
from clerk_tui.ui.text import literal

AUDIT_COMMANDS = (Command("back", "escape", "back", "Back", "Back", "Back to the meeting"), HELP)
_TABLES = {"entries": "entry", "agenda_items": "agenda item", "attendance": "attendance",
           "declarations": "declaration", "meetings": "meeting details"}


def describe(record: AuditRecord, approved_at: str | None = None,
             committees: Mapping[str, str] | None = None) -> str:
    """What happened, in a line: the reason, or what changed from what to what;
    ``approved_at`` names the meeting that approved the minutes, ``committees`` the
    committees by id (a meeting moved to another is shown by their names)."""
    if record.event == "reopened":
        return f"Reason: {record.reason}"
    if record.event == "approved":
        where = f" at the meeting of {approved_at}" if approved_at else ""
        return f"Approved on {(record.after or {}).get('approved_on', '')}{where}"
    before, after = record.before or {}, record.after or {}
    changed = [k for k in after if before.get(k) != after.get(k) and k not in ("position",)]
    if record.change == "update" and changed:
        return "; ".join(_change(k, before.get(k), after.get(k), committees or {})
                         for k in changed)[:200]
    shown = after or before
    return str(shown.get("text") or shown.get("title") or shown.get("person") or "")[:200]


def _change(name: str, before: object, after: object, committees: Mapping[str, str]) -> str:
    if name == "committee_id":  # an id means nothing to the clerk; the name does
        name = "committee"
        before, after = committees.get(before, before), committees.get(after, after)
    return f"{name}: {json.dumps(before)} → {json.dumps(after)}"


class AuditScreen(ClerkScreen):
    """Everything that happened to these minutes after they were first approved."""

    CLERK_COMMANDS = AUDIT_COMMANDS
    BINDINGS = bindings(CLERK_COMMANDS)
    HELP_NAME = "audit"

    def __init__(self, desk: Desk, meeting_id: str) -> None:
        super().__init__(desk)
        self.meeting = self.store.meetings.get(meeting_id)

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="meeting-title")
        yield DataTable(id="records", cursor_type="row", zebra_stripes=True)
        yield Footer(compact=True)

    def on_mount(self) -> None:
        committee = self.store.committees.get(self.meeting.committee_id).name
        day = self.meeting.date.isoformat() if self.meeting.date else UNDATED
        self.sub_title = f"Audit log · {committee} · {day}"
        records = self.store.meetings.audit_log(self.meeting.id)
        self.query_one("#meeting-title", Static).update(literal(
            f"{len(records)} event(s) since these minutes were first approved"
            if records else "Nothing yet: the audit log starts when the minutes are approved."))
        table = self.query_one(DataTable)
        table.add_columns("When", "Event", "What", "Details")
        committees = {c.id: c.name for c in self.store.committees.list()}
        for record in records:
            what = _TABLES.get(record.what or "", record.what or "")
            event = f"{record.change} {what}" if record.event == "changed" else "the minutes"
            table.add_row(*map(literal, (f"{record.at:%Y-%m-%d %H:%M}", record.event.capitalize(),
                                         event, describe(record, self._meeting_date(record),
                                                  committees))))
        table.focus()

    def _meeting_date(self, record: AuditRecord) -> str | None:
        """The date of the meeting an approval was given at, if it was recorded."""
        meeting_id = (record.after or {}).get("approved_at_meeting_id")
        if record.event != "approved" or not meeting_id:
            return None
        try:
            day = self.store.meetings.get(meeting_id).date
            return day.isoformat() if day else UNDATED
        except NotFound:
            return None

    def action_back(self) -> None:
        """Back to the meeting."""
        self.app.pop_screen()
