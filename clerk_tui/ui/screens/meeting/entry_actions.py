"""What the clerk can do with the entries of an item: edit, delete (with undo), move.

Each command is a function of the meeting screen, using only its public side: the
screen shows, the store keeps."""

from __future__ import annotations

from typing import TYPE_CHECKING

from clerk_tui.models import Entry
from clerk_tui.ui.commands import screen_command
from clerk_tui.ui.screen_kit.pick import PickScreen
from clerk_tui.ui.screens.meeting.entry_editor import EntryEditorScreen
from clerk_tui.ui.widgets.lines import item_line

if TYPE_CHECKING:
    from clerk_tui.ui.screens.meeting.screen import MeetingScreen


def on_an_entry(screen: MeetingScreen) -> bool:
    """Entry commands work on the highlighted entry, from the entries list."""
    return screen.focused is screen.entry_list and bool(screen.entry_list.entries)


def edit_entry(screen: MeetingScreen) -> None:
    """Open the highlighted entry in the editor."""
    entry = screen.entry_list.highlighted_entry
    if entry is not None and screen.read_only:
        screen.notify("These minutes are approved; reopen them (Ctrl+R) to change them.")
    elif entry is not None:
        screen.app.push_screen(EntryEditorScreen(screen.desk, entry),
                               lambda _: screen.show_entries(highlight=entry.id))


def delete_entry(screen: MeetingScreen) -> None:
    """Delete the highlighted entry; Ctrl+Z undoes it."""
    entry = screen.entry_list.highlighted_entry
    if entry is None:
        return
    deleted = []
    if screen.desk.autosaver.save_now(
            lambda: deleted.append(screen.store.capture.delete_entry(entry.id))):
        screen.deleted.extend(deleted)
        screen.show_entries()
        screen.load_agenda()
        screen.notify("Entry deleted. Ctrl+Z brings it back.")


def undo_delete(screen: MeetingScreen) -> None:
    """Put the last deleted entry back where it was."""
    deleted = screen.deleted[-1]
    if screen.desk.autosaver.save_now(lambda: screen.store.capture.restore_entry(deleted)):
        screen.deleted.pop()
        screen.load_agenda()
        show_item_of(screen, deleted.entry)


def show_item_of(screen: MeetingScreen, entry: Entry) -> None:
    """Select the item of ``entry`` and highlight the entry."""
    screen.select_item(next((i for i, item in enumerate(screen.agenda.items)
                             if item.id == entry.item_id), 0))
    screen.show_entries(highlight=entry.id)


def move_entry(screen: MeetingScreen, step: int) -> None:
    """Move the highlighted entry up or down within its item."""
    entry = screen.entry_list.highlighted_entry
    place = screen.entry_list.entries.index(entry) + step
    if 0 <= place < len(screen.entry_list.entries) and screen.desk.autosaver.save_now(
            lambda: screen.store.capture.move_entry(entry.id, entry.item_id, place)):
        screen.show_entries(highlight=entry.id)


def move_entry_to_item(screen: MeetingScreen) -> None:
    """Move the highlighted entry to the end of another agenda item."""
    entry = screen.entry_list.highlighted_entry
    choices = [(item.id, item_line(item, screen.agenda.counts.get(item.id, 0), False))
               for item in screen.agenda.items if item.id != entry.item_id]

    def chosen(item_id: str | None) -> None:
        if item_id and screen.desk.autosaver.save_now(
                lambda: screen.store.capture.move_entry(entry.id, item_id)):
            screen.load_agenda()
            screen.show_entries()
            screen.notify("Entry moved.")
    screen.app.push_screen(PickScreen("Move the entry to which item?", choices), chosen)


ENTRY_COMMANDS = (
    screen_command("edit_entry", "enter", "Edit entry", "Edit entry",
                   "Change the highlighted entry's kind, text and fields", edit_entry,
                   on_an_entry, edits=True),
    screen_command("delete_entry", "delete", "Delete", "Delete entry",
                   "Delete the highlighted entry (Ctrl+Z brings it back)", delete_entry,
                   on_an_entry, edits=True),
    screen_command("move_entry_up", "shift+up", "Move up", "Move entry up",
                   "Move the highlighted entry up", lambda screen: move_entry(screen, -1),
                   on_an_entry, edits=True),
    screen_command("move_entry_down", "shift+down", "Move down", "Move entry down",
                   "Move the highlighted entry down", lambda screen: move_entry(screen, 1),
                   on_an_entry, edits=True),
    screen_command("move_entry_to_item", "ctrl+o", "Other item", "Move entry to another item",
                   "Move the highlighted entry to another agenda item", move_entry_to_item,
                   on_an_entry, edits=True),
    screen_command("undo_delete", "ctrl+z", "Undo delete", "Undo delete",
                   "Bring back the last deleted entry", undo_delete,
                   lambda screen: bool(screen.deleted), edits=True),
)
