"""What the clerk can do with the entries of an item: edit, delete (with undo), move."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.widgets import OptionList

from clerk_tui.models import Entry
from clerk_tui.store.capture import DeletedEntry
from clerk_tui.ui.commands import Command
from clerk_tui.ui.screen_kit.pick import PickScreen
from clerk_tui.ui.screens.meeting.entry_editor import EntryEditorScreen
from clerk_tui.ui.widgets.lines import item_line

if TYPE_CHECKING:
    from clerk_tui.ui.screens.meeting.screen import MeetingScreen

ENTRY_COMMANDS = (
    Command("edit_entry", "enter", "edit_entry", "Edit entry", "Edit entry",
            "Change the highlighted entry's kind, text and fields"),
    Command("delete_entry", "delete", "delete_entry", "Delete", "Delete entry",
            "Delete the highlighted entry (Ctrl+Z brings it back)"),
    Command("move_entry_up", "shift+up", "move_entry(-1)", "Move up", "Move entry up",
            "Move the highlighted entry up"),
    Command("move_entry_down", "shift+down", "move_entry(1)", "Move down", "Move entry down",
            "Move the highlighted entry down"),
    Command("move_entry_to_item", "ctrl+o", "move_entry_to_item", "Other item",
            "Move entry to another item", "Move the highlighted entry to another agenda item"),
    Command("undo_delete", "ctrl+z", "undo_delete", "Undo delete", "Undo delete",
            "Bring back the last deleted entry"),
)
_NEEDS_ENTRY = ("edit_entry", "delete_entry", "move_entry", "move_entry_to_item")


class EntryActions:
    """Entry actions of the meeting screen (a mixin, to keep each module small)."""

    _deleted: list[DeletedEntry]

    def _highlighted_entry(self: MeetingScreen) -> Entry | None:
        index = self.query_one("#entries", OptionList).highlighted
        return self.entries[index] if index is not None and index < len(self.entries) else None

    def check_entry_action(self: MeetingScreen, action: str) -> bool | None:
        """Entry actions work on the highlighted entry, from the entries list."""
        if action == "undo_delete":
            return bool(self._deleted)
        if action in _NEEDS_ENTRY:
            return self.focused is self.query_one("#entries") and bool(self.entries)
        return True

    def action_edit_entry(self: MeetingScreen) -> None:
        """Open the highlighted entry in the editor."""
        entry = self._highlighted_entry()
        if entry is not None and self.read_only:
            self.notify("These minutes are approved; reopen them (Ctrl+R) to change them.")
        elif entry is not None:
            self.app.push_screen(EntryEditorScreen(self.desk, entry),
                                 lambda _: self.show_entries(highlight=entry.id))

    def action_delete_entry(self: MeetingScreen) -> None:
        """Delete the highlighted entry; Ctrl+Z undoes it."""
        entry = self._highlighted_entry()
        if entry is None:
            return
        deleted: list[DeletedEntry] = []
        if self.desk.autosaver.save_now(
                lambda: deleted.append(self.store.capture.delete_entry(entry.id))):
            self._deleted.extend(deleted)
            self.show_entries()
            self.load_agenda()
            self.notify("Entry deleted. Ctrl+Z brings it back.")

    def action_undo_delete(self: MeetingScreen) -> None:
        """Put the last deleted entry back where it was."""
        deleted = self._deleted[-1]
        if self.desk.autosaver.save_now(lambda: self.store.capture.restore_entry(deleted)):
            self._deleted.pop()
            self.load_agenda()
            self._show_item_of(deleted.entry)

    def action_move_entry(self: MeetingScreen, step: int) -> None:
        """Move the highlighted entry up or down within its item."""
        entry = self._highlighted_entry()
        place = self.entries.index(entry) + step
        if 0 <= place < len(self.entries) and self.desk.autosaver.save_now(
                lambda: self.store.capture.move_entry(entry.id, entry.item_id, place)):
            self.show_entries(highlight=entry.id)

    def action_move_entry_to_item(self: MeetingScreen) -> None:
        """Move the highlighted entry to the end of another agenda item."""
        entry = self._highlighted_entry()
        choices = [(item.id, item_line(item, self.counts.get(item.id, 0), False))
                   for item in self.items if item.id != entry.item_id]

        def chosen(item_id: str | None) -> None:
            if item_id and self.desk.autosaver.save_now(
                    lambda: self.store.capture.move_entry(entry.id, item_id)):
                self.load_agenda()
                self.show_entries()
                self.notify("Entry moved.")
        self.app.push_screen(PickScreen("Move the entry to which item?", choices), chosen)

    def _show_item_of(self: MeetingScreen, entry: Entry) -> None:
        index = next((i for i, item in enumerate(self.items) if item.id == entry.item_id), 0)
        self.select_item(index)
        self.show_entries(highlight=entry.id)
