"""What the meeting screen does with the capture line's text: keeps each item's draft as
it is typed, and stores an entered line as an entry of its item."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from textual import events

from clerk_tui.quick_entry import parse
from clerk_tui.store import Store
from clerk_tui.ui.widgets.capture import CaptureLine
from clerk_tui.ui.widgets.lists import MeetingList

if TYPE_CHECKING:
    from clerk_tui.ui.screens.meeting.screen import MeetingScreen


def keep_draft(screen: MeetingScreen, item_id: str, text: str) -> None:
    """Keep what is on an item's capture line (saved within moments)."""
    save = partial(screen.store.capture.save_draft, item_id, text)
    screen.desk.autosaver.change(_draft_key(item_id), save, text)


def enter_line(screen: MeetingScreen, item_id: str, text: str) -> None:
    """Store the line ``text``, entered on the capture line of ``item_id``, as an entry
    of that item (a response answers the item's last question); if it cannot be
    stored, the line is given back to the capture line, nothing lost."""
    here = screen.selected is not None and screen.selected.id == item_id
    earlier = screen.entry_list.entries if here else screen.store.entries.list(item_id)
    result = parse(text, item_id, screen.store.now(), earlier)
    capture = screen.query_one(CaptureLine)
    # Saving the entry clears the draft: the line's text before Enter must not be saved
    # again after it, and what was typed since is kept again.
    screen.desk.autosaver.cancel(_draft_key(item_id))
    if not screen.desk.autosaver.save_now(partial(screen.store.capture.entry, result.entry)):
        capture.give_back(item_id, text)
        return
    if capture.item_id == item_id and capture.value:
        keep_draft(screen, item_id, capture.value)
    if result.warning:
        screen.notify(result.warning, severity="warning")
    screen.load_agenda()
    screen.show_entries(highlight=result.entry.id)


def names_to_complete(store: Store, meeting_id: str) -> list[str]:
    """The names the capture line completes: the people at the meeting, and officers'
    job titles."""
    people = store.attendance.list(meeting_id)
    return [p.person for p in people] + [p.office for p in people if p.office]


def steer_words(screen: MeetingScreen, event: events.Key) -> None:
    """Words typed while a list has focus go to the capture line, never lost: the focus
    moves there as the first key is read, so it and every key read after it (Enter
    among them) reach the line, in order."""
    capture = screen.query_one(CaptureLine)
    if event.is_printable and isinstance(screen.focused, MeetingList) and not capture.disabled:
        screen.set_focus(capture)


def catch_words(screen: MeetingScreen, event: events.Key) -> None:
    """A word that still reaches the screen (the capture line keeps every one it is
    given) goes on the capture line."""
    capture = screen.query_one(CaptureLine)
    if event.is_printable and not capture.disabled:
        screen.set_focus(capture)
        capture.insert_text_at_cursor(event.character or "")
        event.stop()


def _draft_key(item_id: str) -> str:
    return f"draft:{item_id}"
