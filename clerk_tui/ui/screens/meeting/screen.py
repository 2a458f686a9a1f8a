"""The meeting screen: the agenda, the selected item's entries, and the capture line."""

from __future__ import annotations

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Footer, Header, OptionList, Static
from textual.widgets.option_list import Option

from clerk_tui.models import AgendaItem, Entry, MeetingStatus
from clerk_tui.store.capture import DeletedEntry
from clerk_tui.ui.commands import (
    ATTENDANCE,
    DECLARATIONS,
    HELP,
    NEXT_ITEM,
    PREVIOUS_ITEM,
    SEARCH,
    Command,
    bindings,
)
from clerk_tui.ui.desk import Desk
from clerk_tui.ui.screen_kit.base import ClerkScreen
from clerk_tui.ui.screen_kit.pick import ConfirmScreen
from clerk_tui.ui.screens.meeting.agenda_form import agenda_item_form
from clerk_tui.ui.screens.meeting.correction_actions import (
    CORRECTION_COMMANDS,
    CorrectionActions,
    unknown_details,
)
from clerk_tui.ui.screens.meeting.entry_actions import ENTRY_COMMANDS, EntryActions
from clerk_tui.ui.screens.meeting.lifecycle_actions import LIFECYCLE_COMMANDS, LifecycleActions
from clerk_tui.ui.screens.meeting.minutes_actions import MINUTES_COMMANDS, MinutesActions
from clerk_tui.ui.text import literal
from clerk_tui.ui.widgets.capture import CaptureLine
from clerk_tui.ui.widgets.lines import entry_line, item_line, meeting_day
from clerk_tui.ui.widgets.lists import MeetingList
from clerk_tui.ui.widgets.preview import MinutesPreview
from clerk_tui.ui.widgets.save_status import SaveStatus

# The footer shows commands in this order and cuts off what does not fit, so what a
# clerk needs during the meeting comes first; everything is in F1 help and the palette.
CAPTURE_COMMANDS = (
    NEXT_ITEM,
    PREVIOUS_ITEM,
    Command("take_item", "ctrl+t", "take_item", "Take", "Take item now",
            "Mark the selected item as the one now being taken"),
    ATTENDANCE,
    DECLARATIONS,
    Command("start_meeting", "f5", "start_meeting", "Start", "Start meeting",
            "Record the time the meeting started"),
    Command("end_meeting", "f6", "end_meeting", "End", "End meeting",
            "Record the time the meeting ended"),
)
AGENDA_COMMANDS = (
    Command("add_item", "ctrl+n", "add_item", "Add item", "Add agenda item",
            "Add an item to the agenda"),
    Command("edit_item", "f2", "edit_item", "Edit item", "Edit agenda item",
            "Change the selected item's number, title, report or exemption"),
    Command("delete_item", "delete", "delete_item", "Delete item", "Delete agenda item",
            "Delete the selected agenda item and its entries"),
    Command("move_item_up", "shift+up", "move_item(-1)", "Move up", "Move agenda item up",
            "Move the selected item up the agenda"),
    Command("move_item_down", "shift+down", "move_item(1)", "Move down",
            "Move agenda item down", "Move the selected item down the agenda"),
)
BACK = Command("back", "escape", "back", "Back", "Back to meetings",
               "Back to the capture line, or to the list of meetings")
EDITING = {"take_item", "add_item", "edit_item", "delete_item", "move_item", "start_meeting",
           "end_meeting", "edit_entry", "delete_entry", "undo_delete", "move_entry",
           "move_entry_to_item"}
LOCKED_BANNER = (
    "These minutes were approved on {date} and are locked: they open read-only. "
    "To correct them, reopen them with Ctrl+R, giving a reason that the audit log keeps."
)
READ_ONLY_BANNER = "Read-only: {reason}. Nothing can be changed in this window."
REOPENED_BANNER = (
    "Reopened to correct them ({reason}): every change goes into the audit log (Ctrl+Y). "
    "Press F12 to approve them again."
)


class MeetingScreen(EntryActions, MinutesActions, LifecycleActions, CorrectionActions,
                    ClerkScreen):
    """One meeting, captured live."""

    CLERK_COMMANDS = ((HELP,) + CAPTURE_COMMANDS + ENTRY_COMMANDS + MINUTES_COMMANDS
                      + LIFECYCLE_COMMANDS + CORRECTION_COMMANDS + (SEARCH,) + AGENDA_COMMANDS
                      + (BACK,))
    BINDINGS = bindings(CLERK_COMMANDS)
    HELP_NAME = "meeting"

    def __init__(self, desk: Desk, meeting_id: str, item_id: str | None = None,
                 entry_id: str | None = None) -> None:
        super().__init__(desk)
        self.meeting = self.store.meetings.get(meeting_id)
        self.imported = self.store.imports.imported(meeting_id)  # entries of no time of their own
        self._open_at, self._show_entry = item_id, entry_id
        self.items: list[AgendaItem] = []
        self.entries: list[Entry] = []
        self.counts: dict[str, int] = {}
        self.selected: AgendaItem | None = None
        self._deleted: list[DeletedEntry] = []  # for Ctrl+Z, newest last

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
        yield Static(id="locked-banner")
        with Horizontal(id="meeting-body"):
            yield MeetingList(id="agenda")
            with Vertical(id="item-pane"):
                yield Static(id="item-heading")
                yield MeetingList(id="entries")
                yield MinutesPreview(id="preview")
        yield CaptureLine(self.desk, self.step_item, id="capture")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        committee = self.store.committees.get(self.meeting.committee_id)
        self.sub_title = committee.name
        self.query_one(CaptureLine).set_names(self._names())
        self.load_agenda()
        wanted = self._open_at or self.meeting.current_item_id
        current = next((i for i, item in enumerate(self.items) if item.id == wanted), 0)
        self.select_item(current)
        self._show_lock()
        if self._show_entry:  # opened from a search result: that entry, in view
            self.show_entries(highlight=self._show_entry)
            self.query_one("#entries").focus()

    def _show_lock(self) -> None:
        banner = self.query_one("#locked-banner", Static)
        reopened = self.meeting.status == MeetingStatus.REOPENED
        banner.display = self.read_only or reopened
        if self.store.read_only:
            banner.update(literal(READ_ONLY_BANNER.format(reason=self.store.read_only)))
        elif reopened:
            banner.update(literal(REOPENED_BANNER.format(reason=self.meeting.reopen_reason)))
        elif self.meeting.approved_on:
            committee = self.store.committees.get(self.meeting.committee_id).name
            banner.update(literal(LOCKED_BANNER.format(
                date=f"{self.meeting.approved_on:%-d %B %Y}")
                + unknown_details(self.meeting, committee)))
        capture = self.query_one(CaptureLine)
        capture.disabled = self.read_only or not self.items
        (self.query_one("#agenda") if capture.disabled else capture).focus()

    def _names(self) -> list[str]:
        people = self.store.attendance.list(self.meeting.id)
        return [p.person for p in people] + [p.office for p in people if p.office]

    # The agenda ------------------------------------------------------------------

    def load_agenda(self) -> None:
        """Read the items, their entry counts and the meeting line again."""
        self.meeting = self.store.meetings.get(self.meeting.id)
        self.items = self.store.items.list(self.meeting.id)
        if self.selected is not None:
            self.selected = next((i for i in self.items if i.id == self.selected.id), None)
        self.counts = self.store.capture.entry_counts(self.meeting.id)
        self.show_agenda()
        self.query_one("#meeting-title", Static).update(literal(self._title_line()))
        self.refresh_bindings()  # started, ended, approved: the footer's keys follow

    def show_agenda(self) -> None:
        """Draw the agenda list, keeping the highlight on the selected item."""
        agenda = self.query_one("#agenda", OptionList)
        with agenda.prevent(OptionList.OptionHighlighted):
            agenda.clear_options()
            agenda.add_options(
                Option(item_line(item, self.counts.get(item.id, 0),
                                 item.id == self.meeting.current_item_id), id=item.id)
                for item in self.items
            )
            if self.items:
                agenda.highlighted = self._index()

    def _title_line(self) -> str:
        meeting = self.meeting
        parts = [meeting_day(meeting.date)]
        if meeting.start_time:
            parts.append(f"{meeting.start_time:%H:%M}")
        if meeting.venue:
            parts.append(meeting.venue)
        if meeting.started_at:
            parts.append(f"started {meeting.started_at:%H:%M}")
        if meeting.ended_at:
            parts.append(f"ended {meeting.ended_at:%H:%M}")
        parts.append(meeting.status.value.upper() if self.read_only else meeting.status.value)
        return " · ".join(parts)

    def select_item(self, index: int) -> None:
        """Show the item at ``index``: its entries, and its draft on the capture line."""
        capture = self.query_one(CaptureLine)
        if not self.items:
            self.selected = None
            capture.show_item(None, "")
            capture.disabled = True
            self.query_one("#item-heading", Static).update(
                literal("This meeting has no agenda yet. Press Ctrl+N to add an item."))
            self.query_one("#entries", OptionList).clear_options()
            return
        index = max(0, min(index, len(self.items) - 1))
        self.selected = self.items[index]
        capture.disabled = self.read_only
        agenda = self.query_one("#agenda", OptionList)
        with agenda.prevent(OptionList.OptionHighlighted):
            agenda.highlighted = index
        self.desk.autosaver.flush()  # so the drafts read next include what was just typed
        drafts = self.store.capture.drafts(self.meeting.id)
        capture.show_item(self.selected.id, drafts.get(self.selected.id, ""))
        self.show_entries()

    def step_item(self, step: int) -> None:
        """Select the item ``step`` places on (Page Down is 1, Page Up is -1)."""
        self.select_item(self._index() + step)

    @on(OptionList.OptionHighlighted, "#agenda")
    def _item_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if self.selected is None or event.option.id != self.selected.id:
            self.select_item(event.option_index)

    def _item_heading(self) -> Text:
        item = self.selected
        parts = [item.label]
        if item.report_reference:
            parts.append(f"Report {item.report_reference}")
        if item.exempt:
            paragraph = f" (paragraph {item.exempt_paragraph})" if item.exempt_paragraph else ""
            parts.append(f"EXEMPT{paragraph}")
        if item.taken_at:
            parts.append(f"taken {item.taken_at:%H:%M}")
        heading = [literal(" · ".join(parts))]  # each line literal, on a line of its own
        if item.matters_arising:
            count, lines = self.open_actions_lines()
            heading += ([literal(f"{count} action(s) open from earlier meetings (Ctrl+L to "
                                 "update them; each update is minuted here):")]
                        + [Text("  • ", end="") + line for line in lines]
                        if lines else [literal("No actions are open from earlier meetings.")])
        return Text("\n", end="").join(heading)

    def show_entries(self, highlight: str | None = None) -> None:
        """Draw the selected item's entries, in order."""
        self.entries = self.store.entries.list(self.selected.id) if self.selected else []
        self.counts[self.selected.id] = len(self.entries)
        self.query_one("#item-heading", Static).update(self._item_heading())
        listing = self.query_one("#entries", OptionList)
        listing.clear_options()
        listing.add_options(Option(entry_line(e, timed=not self.imported), id=e.id)
                            for e in self.entries)
        ids = [e.id for e in self.entries]
        if highlight in ids:
            listing.highlighted = ids.index(highlight)
        elif ids:
            listing.highlighted = len(ids) - 1
        self.refresh_preview()

    def _index(self) -> int:
        """The place of the selected item in the agenda (0 when none is selected)."""
        if self.selected is None:
            return 0
        ids = [item.id for item in self.items]
        return ids.index(self.selected.id) if self.selected.id in ids else 0

    def action_next_item(self) -> None:
        """Select the next agenda item."""
        self.step_item(1)

    def action_previous_item(self) -> None:
        """Select the previous agenda item."""
        self.step_item(-1)

    def action_take_item(self) -> None:
        """Mark the selected item as the one being taken now."""
        if self.desk.autosaver.save_now(lambda: self.store.capture.take_item(self.selected.id)):
            self._refresh_agenda()

    def _refresh_agenda(self) -> None:
        index = self._index()
        self.load_agenda()
        self.select_item(index)

    def action_add_item(self) -> None:
        """Add an agenda item after the selected one."""
        def added(item: AgendaItem | None) -> None:
            if item is not None:
                place = self._index() + 1 if self.items else 0
                if self.desk.autosaver.save_now(lambda: self.store.items.add(item, place)):
                    self.load_agenda()
                    self.select_item(place)
                    self.query_one(CaptureLine).focus()
        self.app.push_screen(agenda_item_form(self.meeting.id), added)

    def action_edit_item(self) -> None:
        """Change the selected item's details."""
        def edited(item: AgendaItem | None) -> None:
            if item is not None and self.desk.autosaver.save_now(lambda: self.store.items.update(item)):
                self._refresh_agenda()
        self.app.push_screen(agenda_item_form(self.meeting.id, self.selected), edited)

    def action_delete_item(self) -> None:
        """Delete the selected item and its entries, once confirmed."""
        item, count = self.selected, self.counts.get(self.selected.id, 0)
        draft = self.store.capture.drafts(self.meeting.id).get(item.id)
        unentered = " and the text on its capture line" if draft else ""

        def confirmed(yes: bool | None) -> None:
            if yes and self.desk.autosaver.save_now(lambda: self.store.items.delete(item.id)):
                self._refresh_agenda()
        self.app.push_screen(ConfirmScreen(
            f"Delete item {item.label!r}, its {count} entries{unentered}?"), confirmed)

    def action_move_item(self, step: int) -> None:
        """Move the selected item up or down the agenda."""
        place = self._index() + step
        if 0 <= place < len(self.items) and self.desk.autosaver.save_now(
                lambda: self.store.items.move(self.selected.id, self.meeting.id, place)):
            self.load_agenda()
            self.select_item(place)

    # The meeting -------------------------------------------------------------------

    def action_start_meeting(self) -> None:
        """Record that the meeting has started."""
        if self.desk.autosaver.save_now(lambda: self.store.capture.start_meeting(self.meeting.id)):
            self._refresh_agenda()
            self.notify(f"Meeting started at {self.meeting.started_at:%H:%M}.")

    def action_end_meeting(self) -> None:
        """Record that the meeting has ended."""
        if self.desk.autosaver.save_now(lambda: self.store.capture.end_meeting(self.meeting.id)):
            self._refresh_agenda()
            self.notify(f"Meeting ended at {self.meeting.ended_at:%H:%M}.")

    def action_attendance(self) -> None:
        """Open the attendance of this meeting."""
        self.routes.open_attendance(self.meeting.id)

    def action_declarations(self) -> None:
        """Open the declarations of interest of this meeting."""
        self.routes.open_declarations(self.meeting.id)

    def on_screen_resume(self) -> None:
        self.load_agenda()  # another screen may have changed it (the action log, attendance)
        if self.selected is not None:
            entry = self._highlighted_entry()
            self.show_entries(highlight=entry.id if entry else None)
        capture = self.query_one(CaptureLine)
        capture.set_names(self._names())
        if not capture.disabled:
            capture.focus()

    def steer_key(self, event: events.Key) -> None:
        """Words typed while a list has focus go to the capture line, never lost: the
        focus moves there as the first key is read, so it and every key read after it
        (Enter among them) reach the line, in order."""
        capture = self.query_one(CaptureLine)
        if event.is_printable and isinstance(self.focused, MeetingList) and not capture.disabled:
            self.set_focus(capture)

    def on_key(self, event: events.Key) -> None:
        """A word that still reaches the screen (the capture line keeps every one it is
        given) goes on the capture line."""
        capture = self.query_one(CaptureLine)
        if event.is_printable and not capture.disabled:
            self.set_focus(capture)
            capture.insert_text_at_cursor(event.character or "")
            event.stop()

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

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if (answer := self.check_lifecycle_action(action)) is not None:
            return answer
        if (answer := self.check_correction_action(action)) is not None:
            return answer
        if (answer := self.check_minutes_action(action)) is not None:
            return answer
        if action in EDITING and self.read_only:
            return False
        if action in ("edit_item", "delete_item", "take_item") and self.selected is None:
            return False
        if action in ("delete_item", "move_item"):
            return self.focused is self.query_one("#agenda")
        if action == "start_meeting":
            return self.meeting.started_at is None
        if action == "end_meeting":
            return self.meeting.started_at is not None and self.meeting.ended_at is None
        return self.check_entry_action(action)

    @on(OptionList.OptionSelected, "#entries")
    def _entry_chosen(self) -> None:
        self.action_edit_entry()

    @on(CaptureLine.EntryCaptured)
    def _captured(self, event: CaptureLine.EntryCaptured) -> None:
        if event.warning:
            self.notify(event.warning, severity="warning")
        self.load_agenda()
        self.show_entries(highlight=event.entry.id)
