"""A table of one meeting's records (attendance, declarations) with its save line."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import DataTable, Footer, Header, Static

from clerk_tui.ui.commands import Command
from clerk_tui.ui.desk import Desk
from clerk_tui.ui.screen_kit.base import ClerkScreen
from clerk_tui.ui.text import literal
from clerk_tui.ui.widgets.lines import meeting_day
from clerk_tui.ui.widgets.save_status import SaveStatus

BACK = Command("back", "escape", "back", "Back", "Back to the meeting", "Back to the meeting")


class RecordsScreen(ClerkScreen):
    """A table of a meeting's records with a save line; subclasses say what records."""

    TITLE_TEXT = ""
    COLUMNS: Sequence[str] = ()

    def __init__(self, desk: Desk, meeting_id: str) -> None:
        super().__init__(desk)
        self.meeting = self.store.meetings.get(meeting_id)
        self.records: list[Any] = []

    @property
    def read_only(self) -> bool:
        """Approved minutes are shown, never changed."""
        return self.meeting.locked

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="meeting-bar"):
            yield Static(literal(self.TITLE_TEXT), id="meeting-title")
            yield SaveStatus(self.desk.autosaver, id="save-status")
        yield DataTable(id="records", cursor_type="row", zebra_stripes=True)
        yield Footer(compact=True)

    def on_mount(self) -> None:
        committee = self.store.committees.get(self.meeting.committee_id)
        self.sub_title = f"{committee.name} · {meeting_day(self.meeting.date)}"
        if self.read_only:
            self.query_one("#meeting-title", Static).update(literal(
                f"{self.TITLE_TEXT.split(':')[0]} (read-only: these minutes are approved)"))
        self.query_one(DataTable).add_columns(*self.COLUMNS)
        self.show_records()
        self.query_one(DataTable).focus()

    def load(self) -> list[Any]:
        """The records to show, in order."""
        raise NotImplementedError

    def row(self, record: Any) -> tuple[str, ...]:
        """The cells of one record."""
        raise NotImplementedError

    def show_records(self) -> None:
        """Draw the table again, keeping the cursor where it was."""
        table = self.query_one(DataTable)
        row = table.cursor_row
        self.records = self.load()
        table.clear()
        for record in self.records:
            table.add_row(*map(literal, self.row(record)), key=record.id)
        if self.records:
            table.move_cursor(row=min(row, len(self.records) - 1))

    def highlighted(self) -> Any | None:
        """The record under the cursor."""
        row = self.query_one(DataTable).cursor_row
        return self.records[row] if 0 <= row < len(self.records) else None

    def save(self, change: Callable[[], object]) -> None:
        """Make a change now and redraw; a failure shows on the save line."""
        if self.desk.autosaver.save_now(change):
            self.show_records()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("back", "show_help", "attendance", "declarations"):
            return True
        if self.read_only:
            return False
        if action.startswith("add"):
            return True
        return bool(self.records)

    def action_back(self) -> None:
        """Back to the meeting."""
        self.desk.autosaver.flush()
        self.dismiss(None)
