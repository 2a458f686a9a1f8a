"""The line that always says whether the work is saved."""

from __future__ import annotations

from rich.cells import cell_len
from textual.widgets import Static

from clerk_tui.ui.autosave import Autosaver, SaveState
from clerk_tui.ui.text import literal


class SaveStatus(Static):
    """ "Saved 14:03:21", "Saving", or "NOT SAVED: reason", kept up to date."""

    def __init__(self, autosaver: Autosaver, **kwargs) -> None:
        super().__init__(**kwargs)
        self._autosaver = autosaver

    def on_mount(self) -> None:
        self._autosaver.subscribe(self.show_state)

    def on_unmount(self) -> None:
        self._autosaver.unsubscribe(self.show_state)

    def show_state(self, state: SaveState) -> None:
        """Show ``state``; a failure is marked so it stands out.

        The screen is laid out again only when the words need more room, or a failure
        comes or goes: a layout redraws the whole screen (and the one under a dialog),
        and while the clerk types the state changes several times a second."""
        label = literal(state.label)  # a reason can quote a file's name
        failing = state.kind == "failed"
        layout = (not self.is_mounted or failing != self.has_class("-failed")
                  or cell_len(label.plain) > self.content_size.width)
        self.update(label, layout=layout)
        self.set_class(failing, "-failed")
        self.set_class(state.kind == "saving", "-saving")
