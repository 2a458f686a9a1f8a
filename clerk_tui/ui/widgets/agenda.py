"""The meeting screen's two lists, each owning what it shows: the agenda (its items, their
entry counts, the item being taken, the one selected) and the selected item's entries."""

from __future__ import annotations

from collections.abc import Sequence

from textual import on
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from clerk_tui.models import AgendaItem, Entry
from clerk_tui.ui.widgets.lines import entry_line, item_line
from clerk_tui.ui.widgets.lists import MeetingList


class AgendaList(MeetingList):
    """The agenda: the clerk moves the highlight to select an item."""

    class ItemSelected(Message):
        """The clerk moved the highlight to another item (at ``index``)."""

        def __init__(self, item: AgendaItem, index: int) -> None:
            super().__init__()
            self.item = item
            self.index = index

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.items: list[AgendaItem] = []
        self.counts: dict[str, int] = {}
        self.current_id: str | None = None
        self.selected: AgendaItem | None = None

    def show(self, items: Sequence[AgendaItem], counts: dict[str, int],
             current_id: str | None) -> None:
        """Draw ``items`` (with their entry counts and the item being taken), keeping
        the selection on the same item while it is still there."""
        self.items, self.counts, self.current_id = list(items), dict(counts), current_id
        if self.selected is not None:
            self.selected = next((i for i in self.items if i.id == self.selected.id), None)
        self.redraw()

    def redraw(self) -> None:
        """Draw the items again (a count has changed), the highlight on the selection."""
        with self.prevent(OptionList.OptionHighlighted):
            self.clear_options()
            self.add_options(Option(item_line(item, self.counts.get(item.id, 0),
                                              item.id == self.current_id), id=item.id)
                             for item in self.items)
            if self.items:
                self.highlighted = self.index

    @property
    def index(self) -> int:
        """The place of the selected item (0 when none is selected)."""
        ids = [item.id for item in self.items]
        return ids.index(self.selected.id) if self.selected and self.selected.id in ids else 0

    def select(self, index: int) -> AgendaItem | None:
        """Select the item at ``index`` (kept within the agenda); None when it is empty.
        Selecting from code posts nothing: the caller is already acting on it."""
        if not self.items:
            self.selected = None
            return None
        self.selected = self.items[max(0, min(index, len(self.items) - 1))]
        with self.prevent(OptionList.OptionHighlighted):
            self.highlighted = self.index
        return self.selected

    @on(OptionList.OptionHighlighted)
    def _highlight_moved(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        if self.selected is None or event.option.id != self.selected.id:
            self.selected = self.items[event.option_index]
            self.post_message(self.ItemSelected(self.selected, event.option_index))


class EntryList(MeetingList):
    """The selected item's entries, in order; Enter on one asks for it to be edited."""

    class EntryChosen(Message):
        """The clerk pressed Enter on ``entry``."""

        def __init__(self, entry: Entry) -> None:
            super().__init__()
            self.entry = entry

    def __init__(self, timed: bool = True, **kwargs) -> None:
        """``timed``: show each entry's time of capture (imported minutes have none)."""
        super().__init__(**kwargs)
        self.entries: list[Entry] = []
        self.timed = timed

    def show(self, entries: Sequence[Entry], highlight: str | None = None) -> None:
        """Draw ``entries``, highlighting the one with id ``highlight`` (else the last)."""
        self.entries = list(entries)
        self.clear_options()
        self.add_options(Option(entry_line(e, timed=self.timed), id=e.id) for e in self.entries)
        ids = [e.id for e in self.entries]
        if highlight in ids:
            self.highlighted = ids.index(highlight)
        elif ids:
            self.highlighted = len(ids) - 1

    @property
    def highlighted_entry(self) -> Entry | None:
        """The entry under the highlight, if any."""
        index = self.highlighted
        return self.entries[index] if index is not None and index < len(self.entries) else None

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if (entry := self.highlighted_entry) is not None:
            self.post_message(self.EntryChosen(entry))
