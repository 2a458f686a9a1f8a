"""What every screen works with: the store and the autosaver, passed in, never global."""

from __future__ import annotations

from dataclasses import dataclass

from clerk_tui.store import Store
from clerk_tui.ui.autosave import Autosaver


@dataclass(frozen=True)
class Desk:
    """The open database and the saving of what the clerk types."""

    store: Store
    autosaver: Autosaver
