"""The first screen: every meeting, newest first; type to filter by committee."""

from __future__ import annotations

from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.widgets import DataTable, Footer, Header, Input, Static

from clerk_tui.demo import add_sample_meeting
from clerk_tui.fields import parse_date, parse_time
from clerk_tui.models import Meeting, MeetingSummary
from clerk_tui.ui.commands import ACTION_LOG, HELP, SEARCH, Command, bindings
from clerk_tui.ui.desk import Desk
from clerk_tui.ui.screen_kit.base import ClerkScreen
from clerk_tui.ui.screen_kit.form import FormField, FormScreen
from clerk_tui.ui.screen_kit.pick import ConfirmScreen
from clerk_tui.ui.text import IN_FIELDS, literal
from clerk_tui.ui.widgets.lines import meeting_day

NEW_MEETING = Command("new_meeting", "ctrl+n", "new_meeting", "New meeting", "New meeting",
                      "Create a meeting: committee, date, time and venue")
OPEN_MEETING = Command("open_meeting", "enter", "open_meeting", "Open", "Open meeting",
                       "Open the highlighted meeting")
SAMPLE = Command("sample_meeting", "f2", "sample_meeting", "Sample meeting", "Add sample meeting",
                 "Add an invented meeting in progress, to see clerk at work")
DELETE_MEETING = Command("delete_meeting", "f8", "delete_meeting", "Delete", "Delete meeting",
                         "Delete the highlighted draft meeting and everything in it")
EMPTY_MESSAGE = (
    "There are no meetings in this file yet.\n\n"
    "Press Ctrl+N for a new meeting, or F2 to add a sample meeting\n"
    "and see clerk at work. F1 shows every key."
)
COLUMNS = ("Date", "Committee", "Status", "Items", "Entries")
PAGE = 100  # meetings listed at first; moving to the last one lists the next page


def meeting_row(summary: MeetingSummary) -> tuple[str, ...]:
    """The words of one meeting's cells in the list."""
    meeting = summary.meeting
    return (
        meeting_day(meeting.date),
        summary.committee_name,
        meeting.status.value.capitalize() + (" (imported)" if summary.imported else ""),
        str(summary.item_count),
        str(summary.entry_count),
    )


class MeetingsScreen(ClerkScreen):
    """Meetings newest first, with committee, date, status and counts."""

    CLERK_COMMANDS = (NEW_MEETING, OPEN_MEETING, SEARCH, ACTION_LOG, SAMPLE, DELETE_MEETING, HELP)
    BINDINGS = bindings(CLERK_COMMANDS)
    HELP_NAME = "meetings"

    def __init__(self, desk: Desk) -> None:
        super().__init__(desk)
        self._summaries: list[MeetingSummary] = []
        self._committees: list[str] | None = None  # the ids the filter matches (None: all)
        self._more = False  # whether the store holds meetings not listed yet

    def compose(self) -> ComposeResult:
        yield Header()
        yield Input(placeholder="Type to filter by committee", id="meeting-filter",
                    highlighter=IN_FIELDS)
        yield Static(literal(EMPTY_MESSAGE, lines=True), id="empty-message")
        yield DataTable(id="meetings", cursor_type="row", zebra_stripes=True)
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.sub_title = str(self.store.path)
        self.query_one("#meetings", DataTable).add_columns(*COLUMNS)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Nothing that writes is offered in a read-only window."""
        if self.store.read_only and action in ("new_meeting", "sample_meeting",
                                               "delete_meeting"):
            return False
        return True

    def on_screen_resume(self) -> None:
        """Shown (at the start, and back from a meeting): list the meetings afresh."""
        self.show_meetings()

    def show_meetings(self) -> None:
        """List the newest meetings (a page of them), or say how to begin when there are none."""
        self._summaries = []
        self.query_one("#meetings", DataTable).clear()
        self._more = True
        self._show_more()
        empty = not self._summaries and self._committees is None
        self.query_one("#empty-message").display = empty
        self.query_one("#meetings").display = not empty
        self.query_one("#meeting-filter").display = not empty

    @on(Input.Changed, "#meeting-filter")
    def _filter(self, event: Input.Changed) -> None:
        wanted = event.value.strip().lower()
        self._committees = [c.id for c in self.store.committees.list()
                            if wanted in c.name.lower()] if wanted else None
        self.show_meetings()

    @on(DataTable.RowHighlighted, "#meetings")
    def _reached(self, event: DataTable.RowHighlighted) -> None:
        if event.cursor_row >= event.data_table.row_count - 1:
            self._show_more()

    def _show_more(self) -> None:
        """List the next page of meetings, if there are more."""
        if not self._more:
            return
        page = self.store.meetings.summaries(committees=self._committees, limit=PAGE,
                                             offset=len(self._summaries))
        self._more = len(page) == PAGE
        self._summaries += page
        table = self.query_one("#meetings", DataTable)
        for summary in page:
            table.add_row(*map(literal, meeting_row(summary)), key=summary.meeting.id)

    def key_up(self) -> None:
        self.query_one("#meetings", DataTable).action_cursor_up()

    def key_down(self) -> None:
        self.query_one("#meetings", DataTable).action_cursor_down()

    def action_action_log(self) -> None:
        """Every action of every meeting."""
        self.routes.open_action_log()

    def _highlighted(self) -> MeetingSummary | None:
        table = self.query_one("#meetings", DataTable)
        if not table.row_count:
            return None
        meeting_id = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        return next(s for s in self._summaries if s.meeting.id == meeting_id)

    @on(Input.Submitted, "#meeting-filter")
    @on(DataTable.RowSelected, "#meetings")
    def action_open_meeting(self) -> None:
        """Open the highlighted meeting."""
        if summary := self._highlighted():
            self._open(summary.meeting.id)

    def _open(self, meeting_id: str) -> None:
        self.routes.open_meeting(meeting_id)

    def action_delete_meeting(self) -> None:
        """Delete the highlighted meeting, once confirmed (approved minutes are kept)."""
        summary = self._highlighted()
        if summary is None:
            return
        if summary.meeting.status != "draft":
            self.notify("Approved minutes are part of the record and cannot be deleted.",
                        severity="warning")
            return
        question = (f"Delete the meeting of {summary.committee_name} on "
                    f"{meeting_day(summary.meeting.date)}, its {summary.item_count} items and "
                    f"{summary.entry_count} entries?")
        self.app.push_screen(ConfirmScreen(question), lambda yes: yes and self._delete(summary))

    def _delete(self, summary: MeetingSummary) -> None:
        if self.desk.autosaver.save_now(lambda: self.store.meetings.delete(summary.meeting.id)):
            self.show_meetings()

    def action_new_meeting(self) -> None:
        """Ask for the new meeting's details, create it and open it."""
        self.app.push_screen(self._new_meeting_form(), self._open_created)

    def _new_meeting_form(self) -> FormScreen[Meeting]:
        committees = [c.name for c in self.store.committees.list()]
        fields = [
            FormField("committee", "Committee (an existing one, or a new name)",
                      suggestions=committees, placeholder="e.g. Planning Committee"),
            FormField("date", "Date (YYYY-MM-DD)", value=self.store.now().date().isoformat()),
            FormField("start_time", "Start time (HH:MM)", placeholder="e.g. 19:00"),
            FormField("venue", "Venue", placeholder="e.g. Council Chamber"),
        ]
        return FormScreen("New meeting", fields, self._create_meeting)

    def _create_meeting(self, values: dict[str, Any]) -> Meeting:
        committee = (values["committee"] or "").strip()
        if not committee:
            raise ValueError("Name the committee (choose one or type a new name).")
        date = parse_date(values["date"], "meeting date")
        if date is None:
            raise ValueError("The meeting date must be given, written YYYY-MM-DD.")
        start = parse_time(values["start_time"], "start time")
        return self.store.new_meeting(committee, date, start, values["venue"] or None)

    def _open_created(self, meeting: Meeting | None) -> None:
        if meeting is not None:
            self._open(meeting.id)

    def action_sample_meeting(self) -> None:
        """Add the sample meeting and open it."""
        meeting = add_sample_meeting(self.store)
        self.notify("Added a sample meeting. Everything in it is invented; F8 on the list of "
                    "meetings deletes it.")
        self._open(meeting.id)

