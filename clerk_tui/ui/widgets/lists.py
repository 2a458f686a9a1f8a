"""The agenda and entries lists of the meeting screen."""

from __future__ import annotations

from textual.binding import Binding
from textual.widgets import OptionList

from clerk_tui.ui.failures import ContainsFailures


class MeetingList(ContainsFailures, OptionList):
    """An option list where Page Up / Page Down change agenda item, as everywhere on
    the meeting screen, instead of paging the list."""

    BINDINGS = [
        Binding("pagedown", "screen.next_item", "Next item", show=False),
        Binding("pageup", "screen.previous_item", "Previous item", show=False),
    ]
