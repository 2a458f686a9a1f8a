"""The first screen: every meeting in the file, newest first."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static

from clerk_tui.models import MeetingSummary
from clerk_tui.store import Store
from clerk_tui.ui.commands import HELP, bindings
from clerk_tui.ui.screens.help import HelpScreen

EMPTY_MESSAGE = (
    "There are no meetings in this file yet.\n\n"
    "Meetings you create appear here, newest first. Press F1 for help."
)
COLUMNS = ("Date", "Committee", "Status", "Items", "Entries")


def meeting_row(summary: MeetingSummary) -> tuple[str, ...]:
    """The cells of one meeting in the list."""
    meeting = summary.meeting
    return (
        meeting.date.strftime("%a %d %b %Y"),
        summary.committee_name,
        meeting.status.value.capitalize(),
        str(summary.item_count),
        str(summary.entry_count),
    )


class MeetingsScreen(Screen[None]):
    """Meetings newest first, with committee, date, status and counts."""

    CLERK_COMMANDS = (HELP,)
    BINDINGS = bindings(CLERK_COMMANDS)
    HELP_NAME = "meetings"

    def __init__(self, store: Store) -> None:
        super().__init__()
        self._store = store

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(EMPTY_MESSAGE, id="empty-message")
        yield DataTable(id="meetings", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = str(self._store.path)
        table = self.query_one("#meetings", DataTable)
        table.add_columns(*COLUMNS)
        self.show_meetings()

    def show_meetings(self) -> None:
        """Fill the list from the store, or say how to begin when it is empty."""
        summaries = self._store.meetings.summaries()
        table = self.query_one("#meetings", DataTable)
        table.clear()
        for summary in summaries:
            table.add_row(*meeting_row(summary), key=summary.meeting.id)
        table.display = bool(summaries)
        self.query_one("#empty-message").display = not summaries

    def action_show_help(self) -> None:
        """Open the help for this screen."""
        self.app.push_screen(HelpScreen(self.HELP_NAME))
