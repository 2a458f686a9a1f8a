"""Saving as the clerk types: every change reaches the database within 250 ms.

A change is registered under a key (``"draft:<item>"``, ``"entry:<id>"``) with a
function that saves its latest value. The first change starts a short timer; when it
fires every pending change is written. Typing on keeps the timer from ever being more
than :data:`DELAY` behind, so even continuous typing is saved four times a second.
A save that fails stays pending, the state says why, and it is tried again.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from textual.app import App
from textual.timer import Timer

from clerk_tui.store import StoreError

DELAY = 0.15  # seconds from a keystroke to its save, well inside the 250 ms promise
RETRY = 1.0  # seconds between attempts after a failure


class NotSaved(Exception):
    """A save that could only be partly made; the message says what was not saved."""


@dataclass(frozen=True)
class SaveState:
    """What the screen says about saving."""

    kind: Literal["idle", "saving", "saved", "failed"] = "idle"
    at: dt.datetime | None = None
    reason: str = ""

    @property
    def label(self) -> str:
        """The words on screen: "Saved 14:03:21", "Saving", "NOT SAVED: reason"."""
        if self.kind == "saved" and self.at:
            return f"Saved {self.at:%H:%M:%S}"
        if self.kind == "saving":
            return "Saving"
        if self.kind == "failed":
            return f"NOT SAVED: {self.reason}"
        return "Nothing to save"


class Autosaver:
    """Pending saves of the whole app, written on a short timer or at once."""

    def __init__(self, app: App, clock: Callable[[], dt.datetime]) -> None:
        self._app = app
        self._clock = clock
        self._pending: dict[str, Callable[[], None]] = {}
        self._timer: Timer | None = None
        self._listeners: list[Callable[[SaveState], None]] = []
        self.state = SaveState()

    def subscribe(self, listener: Callable[[SaveState], None]) -> None:
        """Call ``listener`` with every new state (and the current one now)."""
        self._listeners.append(listener)
        listener(self.state)

    def unsubscribe(self, listener: Callable[[SaveState], None]) -> None:
        """Stop telling ``listener``."""
        if listener in self._listeners:
            self._listeners.remove(listener)

    def _report(self, state: SaveState) -> None:
        self.state = state
        for listener in list(self._listeners):
            listener(state)

    @property
    def pending(self) -> bool:
        """True while something typed is not yet in the database."""
        return bool(self._pending)

    def change(self, key: str, save: Callable[[], None]) -> None:
        """Register the latest value of ``key``; it is saved within :data:`DELAY`."""
        self._pending[key] = save
        if self.state.kind != "failed":  # a failure stays on screen until a save succeeds
            self._report(SaveState("saving"))
        if self._timer is None:
            self._timer = self._app.set_timer(DELAY, self.flush, name="autosave")

    def cancel(self, key: str) -> None:
        """Forget a pending change (its value was saved another way)."""
        self._pending.pop(key, None)

    def flush(self) -> bool:
        """Write every pending change now. False (and the reason on screen) if one failed."""
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        for key, save in list(self._pending.items()):
            if not self._attempt(save):
                self._timer = self._app.set_timer(RETRY, self.flush, name="autosave-retry")
                return False
            if self._pending.get(key) is save:
                del self._pending[key]
        self._report(SaveState("saved", self._clock()))
        return True

    def save_now(self, save: Callable[[], None]) -> bool:
        """Make one save at once (Enter, a move, a deletion). False if it failed."""
        if not self.flush() or not self._attempt(save):
            return False
        self._report(SaveState("saved", self._clock()))
        return True

    def _attempt(self, save: Callable[[], None]) -> bool:
        try:
            save()
        except (StoreError, NotSaved, OSError) as error:
            self._report(SaveState("failed", reason=str(error)))
            return False
        return True
