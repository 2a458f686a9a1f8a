"""The agenda and the meeting's times from the meeting screen: adding, changing,
deleting and moving items, the item being taken, the start and end of the meeting.

Each command is a function of the meeting screen, using only its public side."""

from __future__ import annotations

from typing import TYPE_CHECKING

from clerk_tui.models import AgendaItem
from clerk_tui.ui.commands import ATTENDANCE, DECLARATIONS, screen_command
from clerk_tui.ui.screen_kit.pick import ConfirmScreen
from clerk_tui.ui.screens.meeting.agenda_form import agenda_item_form
from clerk_tui.ui.widgets.agenda import AgendaList
from clerk_tui.ui.widgets.capture import CaptureLine

if TYPE_CHECKING:
    from clerk_tui.ui.screens.meeting.screen import MeetingScreen


def refresh_agenda(screen: MeetingScreen) -> None:
    """Read the agenda again, keeping the same place selected."""
    index = screen.agenda.index
    screen.load_agenda()
    screen.select_item(index)


def take_item(screen: MeetingScreen) -> None:
    """Mark the selected item as the one being taken now."""
    if screen.desk.autosaver.save_now(lambda: screen.store.capture.take_item(screen.selected.id)):
        refresh_agenda(screen)


def add_item(screen: MeetingScreen) -> None:
    """Add an agenda item after the selected one."""
    def added(item: AgendaItem | None) -> None:
        if item is None:
            return
        place = screen.agenda.index + 1 if screen.agenda.items else 0
        if screen.desk.autosaver.save_now(lambda: screen.store.items.add(item, place)):
            screen.load_agenda()
            screen.select_item(place)
            screen.query_one(CaptureLine).focus()
    screen.app.push_screen(agenda_item_form(screen.meeting.id), added)


def edit_item(screen: MeetingScreen) -> None:
    """Change the selected item's details."""
    def edited(item: AgendaItem | None) -> None:
        if item is not None and screen.desk.autosaver.save_now(
                lambda: screen.store.items.update(item)):
            refresh_agenda(screen)
    screen.app.push_screen(agenda_item_form(screen.meeting.id, screen.selected), edited)


def delete_item(screen: MeetingScreen) -> None:
    """Delete the selected item and its entries, once confirmed."""
    item, count = screen.selected, screen.agenda.counts.get(screen.selected.id, 0)
    draft = screen.store.capture.drafts(screen.meeting.id).get(item.id)
    unentered = " and the text on its capture line" if draft else ""

    def confirmed(yes: bool | None) -> None:
        if yes and screen.desk.autosaver.save_now(lambda: screen.store.items.delete(item.id)):
            refresh_agenda(screen)
    screen.app.push_screen(ConfirmScreen(
        f"Delete item {item.label!r}, its {count} entries{unentered}?"), confirmed)


def move_item(screen: MeetingScreen, step: int) -> None:
    """Move the selected item up or down the agenda."""
    place = screen.agenda.index + step
    if 0 <= place < len(screen.agenda.items) and screen.desk.autosaver.save_now(
            lambda: screen.store.items.move(screen.selected.id, screen.meeting.id, place)):
        screen.load_agenda()
        screen.select_item(place)


def start_meeting(screen: MeetingScreen) -> None:
    """Record that the meeting has started."""
    if screen.desk.autosaver.save_now(lambda: screen.store.capture.start_meeting(screen.meeting.id)):
        refresh_agenda(screen)
        screen.notify(f"Meeting started at {screen.meeting.started_at:%H:%M}.")


def end_meeting(screen: MeetingScreen) -> None:
    """Record that the meeting has ended."""
    if screen.desk.autosaver.save_now(lambda: screen.store.capture.end_meeting(screen.meeting.id)):
        refresh_agenda(screen)
        screen.notify(f"Meeting ended at {screen.meeting.ended_at:%H:%M}.")


def _on_the_agenda(screen: MeetingScreen) -> bool:
    """Deleting and moving items work from the agenda list."""
    return screen.selected is not None and screen.focused is screen.query_one(AgendaList)


def _selected(screen: MeetingScreen) -> bool:
    return screen.selected is not None


# The footer shows commands in this order and cuts off what does not fit, so what a
# clerk needs during the meeting comes first; everything is in F1 help and the palette.
CAPTURE_COMMANDS = (
    screen_command("take_item", "ctrl+t", "Take", "Take item now",
                   "Mark the selected item as the one now being taken", take_item, _selected, edits=True),
    ATTENDANCE.done_by(lambda screen: screen.routes.open_attendance(screen.meeting.id)),
    DECLARATIONS.done_by(lambda screen: screen.routes.open_declarations(screen.meeting.id)),
    screen_command("start_meeting", "f5", "Start", "Start meeting",
                   "Record the time the meeting started", start_meeting,
                   lambda screen: screen.meeting.started_at is None, edits=True),
    screen_command("end_meeting", "f6", "End", "End meeting", "Record the time the meeting ended",
                   end_meeting, lambda screen: screen.meeting.started_at is not None
                   and screen.meeting.ended_at is None, edits=True),
)
AGENDA_COMMANDS = (
    screen_command("add_item", "ctrl+n", "Add item", "Add agenda item",
                   "Add an item to the agenda", add_item, edits=True),
    screen_command("edit_item", "f2", "Edit item", "Edit agenda item",
                   "Change the selected item's number, title, report or exemption", edit_item,
                   _selected, edits=True),
    screen_command("delete_item", "delete", "Delete item", "Delete agenda item",
                   "Delete the selected agenda item and its entries", delete_item,
                   _on_the_agenda, edits=True),
    screen_command("move_item_up", "shift+up", "Move up", "Move agenda item up",
                   "Move the selected item up the agenda", lambda screen: move_item(screen, -1),
                   _on_the_agenda, edits=True),
    screen_command("move_item_down", "shift+down", "Move down", "Move agenda item down",
                   "Move the selected item down the agenda", lambda screen: move_item(screen, 1),
                   _on_the_agenda, edits=True),
)
