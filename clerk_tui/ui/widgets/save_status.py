"""The line that always says whether the work is saved."""

from __future__ import annotations

from textual.widgets import Static

from clerk_tui.ui.autosave import Autosaver, SaveState


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
        """Show ``state``; a failure is marked so it stands out."""
        self.update(state.label)
        self.set_class(state.kind == "failed", "-failed")
        self.set_class(state.kind == "saving", "-saving")
