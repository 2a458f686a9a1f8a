"""The action log: every action of every meeting, chased until done."""

from __future__ import annotations

import datetime as dt
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import DataTable, Footer, Header, Static

from clerk_tui.fields import parse_date
from clerk_tui.minutes.compose import wording
from clerk_tui.minutes.compose.action_log import action_row
from clerk_tui.minutes.compose.follow_up import follow_up_minute
from clerk_tui.models import ActionRecord, ActionStatus, AgendaItem
from clerk_tui.ui.commands import HELP, Command, bindings
from clerk_tui.ui.desk import Desk
from clerk_tui.ui.screen_kit.base import ClerkScreen
from clerk_tui.ui.screen_kit.form import FormField, FormScreen, enum_choices
from clerk_tui.ui.screen_kit.pick import PickScreen
from clerk_tui.ui.text import literal
from clerk_tui.ui.widgets.save_status import SaveStatus

STATES = ("open", "overdue", "done", "all")
ACTION_WIDTH = 36  # characters of an action's words in the table; Enter shows them all
LOG_COMMANDS = (
    # A priority binding, so the footer shows it over the table's own (hidden) Enter.
    Command("follow_up", "enter", "follow_up", "Update", "Update action",
            "Mark the action done (with the date and a note) or record progress",
            priority=True),
    Command("mark_done", "d", "mark_done", "Done", "Mark action done",
            "Mark the highlighted action done today, with a note"),
    Command("change_owner", "o", "change_owner", "Owner", "Change action owner",
            "Give the action to someone else"),
    Command("change_due", "u", "change_due", "Due date", "Change due date",
            "Move the action's due date"),
    Command("show_state", "f2", "next_state", "Show", "Show open, overdue, done or all actions",
            "Cycle the log between open, overdue, done and all actions"),
    Command("log_committee", "f3", "choose_committee", "Committee", "Action log committee",
            "Only one committee's actions (or all)"),
    Command("log_owner", "f4", "choose_owner", "Owner filter", "Action log owner",
            "Only one person's actions (or everyone's)"),
    Command("open_meeting", "ctrl+o", "open_meeting", "Meeting", "Open the meeting it was agreed at",
            "Jump to the meeting and item where the action was agreed"),
    Command("back", "escape", "back", "Back", "Back", "Back to where you were"),
    HELP,
)


class ActionLogScreen(ClerkScreen):
    """Actions across meetings. Opened from a meeting's matters arising, an update is
    also minuted there."""

    CLERK_COMMANDS = LOG_COMMANDS
    BINDINGS = bindings(CLERK_COMMANDS)
    HELP_NAME = "action_log"

    def __init__(self, desk: Desk, committee: str | None = None,
                 minuted_in: AgendaItem | None = None, before: dt.date | None = None) -> None:
        super().__init__(desk)
        self.state = "open"
        self.committee = committee
        self.before = before
        """From a meeting: only actions agreed at earlier meetings."""
        self.owner: str | None = None
        self.minuted_in = minuted_in
        self.records: list[ActionRecord] = []

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="meeting-bar"):
            yield Static(id="meeting-title")
            yield SaveStatus(self.desk.autosaver, id="save-status")
        yield DataTable(id="records", cursor_type="row", zebra_stripes=True)
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.sub_title = "Action log"
        self.query_one(DataTable).add_columns("Due", "Action", "Owner", "Status", "Agreed at")
        self.show_actions()
        self.query_one(DataTable).focus()

    def show_actions(self) -> None:
        """Read the log again with the filters now set."""
        self.records = self.store.actions.log(self.state, committee=self.committee,
                                              owner=self.owner, before=self.before)
        table = self.query_one(DataTable)
        row = table.cursor_row
        table.clear()
        for record in self.records:
            cells = action_row(record)
            style = "bold red" if record.overdue else ("dim" if record.action.status != "open"
                                                      else "")
            agreed = cells[5] + (" (private)" if record.exempt else "")
            action = cells[0] if len(cells[0]) <= ACTION_WIDTH else \
                cells[0][:ACTION_WIDTH - 1].rstrip() + "…"  # owner and status stay in view
            table.add_row(*(literal(c, style) for c in (cells[3], action, cells[2],
                                                         cells[4], agreed)),
                          key=record.action.id)
        if self.records:
            table.move_cursor(row=min(row, len(self.records) - 1))
        where = f" at {self.minuted_in.label}" if self.minuted_in else ""
        parts = [f"{len(self.records)} {self.state if self.state != 'all' else ''} action(s)"
                 .replace("  ", " "), self.committee or "all committees", self.owner or "everyone"]
        if self.before:
            parts.append(f"agreed before {wording.short_date(self.before)}")
        self.query_one("#meeting-title", Static).update(literal(
            " · ".join(parts) + (f" · updates are minuted{where}" if where else "")))

    def _record(self) -> ActionRecord | None:
        row = self.query_one(DataTable).cursor_row
        return self.records[row] if 0 <= row < len(self.records) else None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("follow_up", "mark_done", "change_owner", "change_due", "open_meeting"):
            return bool(self.records)
        return True

    def _save(self, record: ActionRecord, **changes: Any) -> None:
        """Record the follow-up; in a meeting's matters arising it is minuted there too."""
        text = follow_up_minute(record, **changes) if self.minuted_in is not None else None
        if self.desk.autosaver.save_now(lambda: self.store.actions.follow_up(
                record.action.id, minuted_in=self.minuted_in.id if self.minuted_in else None,
                minute_text=text, **changes)):
            self.show_actions()

    @on(DataTable.RowSelected)
    def _row_chosen(self) -> None:
        self.action_follow_up()

    def action_follow_up(self) -> None:
        """Record what has become of the action: its status, when, and a note."""
        record = self._record()
        today = self.store.now().date()
        fields = [
            FormField("status", "Status", kind="select", value="done",
                      options=enum_choices(ActionStatus)),
            FormField("done_on", "Date done (YYYY-MM-DD)", value=today.isoformat()),
            FormField("progress", "Note (what was done, or progress so far)",
                      value=record.action.progress or ""),
        ]

        def build(values: dict) -> dict:
            status = ActionStatus(values["status"] or "open")
            done_on = parse_date(values["done_on"], "date done") if status == "done" else None
            return {"status": status, "done_on": done_on, "progress": values["progress"] or None}

        self.app.push_screen(FormScreen(f"Update: {wording.trimmed(record.action.text)}",
                                        fields, build),
                             lambda changes: changes and self._save(record, **changes))

    def action_mark_done(self) -> None:
        """Mark the action done today, asking only for a note."""
        record = self._record()

        def build(values: dict) -> dict:
            return {"status": ActionStatus.DONE, "done_on": self.store.now().date(),
                    "progress": values["progress"] or None}

        form = FormScreen(f"Done: {wording.trimmed(record.action.text)}",
                          [FormField("progress", "Note (optional)",
                                     value=record.action.progress or "")], build)
        self.app.push_screen(form, lambda changes: changes and self._save(record, **changes))

    def action_change_owner(self) -> None:
        """Give the action to someone else (its minutes keep the owner they named)."""
        record = self._record()

        def build(values: dict) -> dict:
            if not (values["owner"] or "").strip():
                raise ValueError("Name the new owner.")
            return {"reassigned_to": values["owner"].strip()}

        form = FormScreen("Who has the action now?", [
            FormField("owner", "Owner", value=record.action.current_owner or "")], build)
        self.app.push_screen(form, lambda changes: changes and self._save(record, **changes))

    def action_change_due(self) -> None:
        """Move the due date (its minutes keep the date they named)."""
        record = self._record()

        def build(values: dict) -> dict:
            due = parse_date(values["due"], "due date")
            if due is None:
                raise ValueError("Give the new due date, written YYYY-MM-DD.")
            return {"due_revised": due}

        form = FormScreen("When is the action due now?", [
            FormField("due", "Due date (YYYY-MM-DD)",
                      value=str(record.action.current_due or ""))], build)
        self.app.push_screen(form, lambda changes: changes and self._save(record, **changes))

    def action_next_state(self) -> None:
        """Show open, then overdue, then done, then all actions."""
        self.state = STATES[(STATES.index(self.state) + 1) % len(STATES)]
        self.show_actions()

    def action_choose_committee(self) -> None:
        """Only one committee's actions, or all."""
        choices = [("", "All committees")] + [(c.name, c.name) for c in self.store.committees.list()]
        self.app.push_screen(PickScreen("Which committee's actions?", choices),
                             lambda name: name is not None and self._filter(committee=name or None))

    def action_choose_owner(self) -> None:
        """Only the actions of someone whose name contains the words typed."""
        form = FormScreen("Whose actions? (blank for everyone)", [
            FormField("owner", "Owner", value=self.owner or "")],
            lambda values: (values["owner"] or "").strip())
        self.app.push_screen(form, lambda owner: owner is not None and self._filter(
            owner=owner or None))

    def _filter(self, **changes: Any) -> None:
        for name, value in changes.items():
            setattr(self, name, value)
        self.show_actions()

    def action_open_meeting(self) -> None:
        """Open the meeting where the action was agreed, at its item."""
        record = self._record()
        self.routes.open_meeting(record.meeting_id, item_id=record.action.item_id)

    def action_back(self) -> None:
        """Back to where the log was opened."""
        self.app.pop_screen()
