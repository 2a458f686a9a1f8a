"""The meeting screen: the agenda, the selected item's entries, and the capture line.

The screen is composed of widgets that own what they show (:class:`AgendaList`,
:class:`EntryList`, :class:`CaptureLine`, :class:`MinutesPreview`) and post what the
clerk did; it handles those messages and calls the store. Its commands are functions in
the modules beside it, each declared once with its key (:func:`screen_command`)."""

from __future__ import annotations

from functools import partial

from textual import events, on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Footer, Header, Static

from clerk_tui.models import AgendaItem
from clerk_tui.store.capture import DeletedEntry
from clerk_tui.ui.commands import HELP, NEXT_ITEM, PREVIOUS_ITEM, SEARCH, Command, bindings, by_id
from clerk_tui.ui.desk import Desk
from clerk_tui.ui.screen_kit.base import ClerkScreen
from clerk_tui.ui.screens.meeting import capture_actions as capture_line
from clerk_tui.ui.screens.meeting.agenda_actions import AGENDA_COMMANDS, CAPTURE_COMMANDS
from clerk_tui.ui.screens.meeting.banner import LockBanner, show_lock
from clerk_tui.ui.screens.meeting.correction_actions import CORRECTION_COMMANDS
from clerk_tui.ui.screens.meeting.entry_actions import ENTRY_COMMANDS, edit_entry
from clerk_tui.ui.screens.meeting.item_heading import item_heading
from clerk_tui.ui.screens.meeting.lifecycle_actions import LIFECYCLE_COMMANDS
from clerk_tui.ui.screens.meeting.minutes_actions import MINUTES_COMMANDS, refresh_preview
from clerk_tui.ui.text import literal
from clerk_tui.ui.widgets.agenda import AgendaList, EntryList
from clerk_tui.ui.widgets.capture import CaptureLine
from clerk_tui.ui.widgets.lines import meeting_line
from clerk_tui.ui.widgets.preview import MinutesPreview
from clerk_tui.ui.widgets.save_status import SaveStatus

BACK = Command("back", "escape", "back", "Back", "Back to meetings",
               "Back to the capture line, or to the list of meetings")
NO_AGENDA = "This meeting has no agenda yet. Press Ctrl+N to add an item."


class MeetingScreen(ClerkScreen):
    """One meeting, captured live."""

    CLERK_COMMANDS = ((HELP, NEXT_ITEM, PREVIOUS_ITEM) + CAPTURE_COMMANDS + ENTRY_COMMANDS
                      + MINUTES_COMMANDS + LIFECYCLE_COMMANDS + CORRECTION_COMMANDS + (SEARCH,)
                      + AGENDA_COMMANDS + (BACK,))
    BINDINGS = bindings(CLERK_COMMANDS)
    COMMANDS_BY_ID = by_id(CLERK_COMMANDS)
    HELP_NAME = "meeting"

    def __init__(self, desk: Desk, meeting_id: str, item_id: str | None = None,
                 entry_id: str | None = None) -> None:
        super().__init__(desk)
        self.meeting = self.store.meetings.get(meeting_id)
        self.imported = self.store.imports.imported(meeting_id)  # entries of no time of their own
        self._open_at, self._show_entry = item_id, entry_id
        self.deleted: list[DeletedEntry] = []
        """Entries deleted here, newest last, for Ctrl+Z."""

    @property
    def agenda(self) -> AgendaList:
        """The agenda list, which knows the items and the one selected."""
        return self.query_one(AgendaList)

    @property
    def selected(self) -> AgendaItem | None:
        """The agenda item selected: its entries are shown, the capture line adds to it."""
        return self.agenda.selected

    @property
    def entry_list(self) -> EntryList:
        """The list of the selected item's entries, which knows the one highlighted."""
        return self.query_one(EntryList)

    @property
    def read_only(self) -> bool:
        """Approved minutes are shown, never changed; nor is anything in a database
        opened read-only."""
        return self.meeting.locked or bool(self.store.read_only)

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="meeting-bar"):
            yield Static(id="meeting-title")
            yield SaveStatus(self.desk.autosaver, id="save-status")
        yield LockBanner(id="locked-banner")
        with Horizontal(id="meeting-body"):
            yield AgendaList(id="agenda")
            with Vertical(id="item-pane"):
                yield Static(id="item-heading")
                yield EntryList(timed=not self.imported, id="entries")
                yield MinutesPreview(id="preview")
        yield CaptureLine(partial(capture_line.keep_draft, self), self.step_item, id="capture")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.sub_title = self.store.committees.get(self.meeting.committee_id).name
        self.query_one(CaptureLine).set_names(capture_line.names_to_complete(self.store, self.meeting.id))
        self.load_agenda()
        wanted = self._open_at or self.meeting.current_item_id
        self.select_item(next((i for i, item in enumerate(self.agenda.items) if item.id == wanted), 0))
        show_lock(self)
        if self._show_entry:  # opened from a search result: that entry, in view
            self.show_entries(highlight=self._show_entry)
            self.entry_list.focus()

    def load_agenda(self) -> None:
        """Read the items, their entry counts and the meeting line again."""
        self.meeting = self.store.meetings.get(self.meeting.id)
        self.agenda.show(self.store.items.list(self.meeting.id),
                         self.store.capture.entry_counts(self.meeting.id),
                         self.meeting.current_item_id)
        self.query_one("#meeting-title", Static).update(
            literal(meeting_line(self.meeting, self.read_only)))
        self.refresh_bindings()  # started, ended, approved: the footer's keys follow

    def select_item(self, index: int) -> None:
        """Show the item at ``index``: its entries, and its draft on the capture line."""
        capture = self.query_one(CaptureLine)
        if self.agenda.select(index) is None:
            capture.show_item(None, "")
            capture.disabled = True
            self.query_one("#item-heading", Static).update(literal(NO_AGENDA))
            self.entry_list.show([])
            return
        capture.disabled = self.read_only
        self.desk.autosaver.flush()  # so the drafts read next include what was just typed
        capture.show_item(self.selected.id,
                          self.store.capture.drafts(self.meeting.id).get(self.selected.id, ""))
        self.show_entries()

    def step_item(self, step: int) -> None:
        """Select the item ``step`` places on (Page Down is 1, Page Up is -1)."""
        self.select_item(self.agenda.index + step)

    def show_entries(self, highlight: str | None = None) -> None:
        """Draw the selected item's entries, in order."""
        entries = self.store.entries.list(self.selected.id) if self.selected else []
        if self.selected is not None:
            self.query_one("#item-heading", Static).update(
                item_heading(self.selected, self.store, self.meeting))
        self.entry_list.show(entries, highlight)
        refresh_preview(self)

    def action_next_item(self) -> None:
        """Select the next agenda item."""
        self.step_item(1)

    def action_previous_item(self) -> None:
        """Select the previous agenda item."""
        self.step_item(-1)

    def on_screen_resume(self) -> None:
        self.load_agenda()  # another screen may have changed it (the action log, attendance)
        if self.selected is not None:
            entry = self.entry_list.highlighted_entry
            self.show_entries(highlight=entry.id if entry else None)
        capture = self.query_one(CaptureLine)
        capture.set_names(capture_line.names_to_complete(self.store, self.meeting.id))
        if not capture.disabled:
            capture.focus()

    def steer_key(self, event: events.Key) -> None:
        """Words typed while a list has focus go to the capture line (see
        :func:`steer_words`)."""
        capture_line.steer_words(self, event)

    def on_key(self, event: events.Key) -> None:
        """A word that still reaches the screen goes on the capture line."""
        capture_line.catch_words(self, event)

    def action_back(self) -> None:
        """Back to the capture line; from there, back to the meetings."""
        capture = self.query_one(CaptureLine)
        if self.focused is not capture and not capture.disabled:
            capture.focus()
            return
        if not self.desk.autosaver.flush():
            self.notify(f"NOT SAVED: {self.desk.autosaver.state.reason} It is kept and retried.",
                        severity="error")
        self.app.pop_screen()

    @on(AgendaList.ItemSelected)
    def _item_selected(self, event: AgendaList.ItemSelected) -> None:
        self.select_item(event.index)

    @on(EntryList.EntryChosen)
    def _entry_chosen(self) -> None:
        edit_entry(self)

    @on(CaptureLine.LineEntered)
    def _line_entered(self, event: CaptureLine.LineEntered) -> None:
        capture_line.enter_line(self, event.item_id, event.text)
