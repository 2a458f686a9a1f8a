"""Saving as the clerk types: every change reaches the database within 250 ms.

A change is registered under a key (``"draft:<item>"``, ``"entry:<id>"``) with a
function that saves its latest value, and the text it holds. The first change starts
a short timer; when it fires every pending change is written. Typing on never pushes
the timer back, so even continuous typing is saved several times a second. A save
that fails stays pending, the state says why, and it is tried again. If clerk must
stop with saves still failing, the text goes into a recovery file beside the database.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from textual.app import App
from textual.timer import Timer

from clerk_tui.store import Conflict, MinutesLocked, NotFound, ReadOnly, StoreError

DELAY = 0.15  # seconds from a keystroke to its save, well inside the 250 ms promise
RETRY = 1.0  # seconds between attempts after a failure
# Changes the records refuse on purpose: trying again cannot help, and nothing is lost.
REFUSALS = (MinutesLocked, Conflict, NotFound, ReadOnly)


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
        return "Nothing to save yet"


@dataclass(frozen=True)
class _Pending:
    save: Callable[[], None]
    text: str


class Autosaver:
    """Pending saves of the whole app, written on a short timer or at once."""

    def __init__(self, app: App, clock: Callable[[], dt.datetime]) -> None:
        self._app = app
        self._clock = clock
        self._pending: dict[str, _Pending] = {}
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

    def change(self, key: str, save: Callable[[], None], text: str = "") -> None:
        """Register the latest value of ``key`` (its words in ``text``); it is saved
        within :data:`DELAY`."""
        self._pending[key] = _Pending(save, text)
        # A failure stays on screen until a save succeeds; "Saving" is said once, not
        # again at every key (each saying redraws the status lines).
        if self.state.kind not in ("failed", "saving"):
            self._report(SaveState("saving"))
        if self._timer is None:
            self._timer = self._app.set_timer(DELAY, self.flush, name="autosave")

    def cancel(self, key: str) -> None:
        """Forget a pending change (its value was saved another way)."""
        self._pending.pop(key, None)

    def flush(self) -> bool:
        """Try every pending change now. False (and the reason on screen) if one failed."""
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        if not self._pending:
            if self.state.kind == "failed":  # what failed was saved, or given up, since
                self._report(SaveState("saved", self._clock()))
            return True
        failed = False
        for key, pending in list(self._pending.items()):
            if self._attempt(pending.save):
                if self._pending.get(key) is pending:
                    del self._pending[key]
            else:
                failed = True
        if failed:
            self._timer = self._app.set_timer(RETRY, self.flush, name="autosave-retry")
            return False
        self._report(SaveState("saved", self._clock()))
        return True

    def save_now(self, save: Callable[[], None]) -> bool:
        """Make one save at once (Enter, a move, a deletion). False if it failed.

        A change the records refuse (locked minutes, a conflict) is said in a message,
        leaving the save state alone: nothing is waiting to be saved. A failure to write
        stays on screen until a save succeeds."""
        try:
            save()
        except REFUSALS as error:
            self._app.notify(f"Not saved: {error}", severity="error", timeout=8)
            return False
        except (StoreError, NotSaved, OSError) as error:
            self._report(SaveState("failed", reason=str(error)))
            return False
        if self._pending:
            return self.flush()
        self._report(SaveState("saved", self._clock()))
        return True

    def rescue(self, folder: Path) -> Path | None:
        """Write every unsaved text to a recovery file in ``folder``; its path, if any."""
        texts = [(key, p.text) for key, p in self._pending.items() if p.text]
        if not texts:
            return None
        path = folder / f"clerk-recovery-{self._clock():%Y%m%d-%H%M%S}.txt"
        lines = ["Text typed in clerk that could not be saved to the database:", ""]
        for key, text in texts:
            lines += [f"[{key}]", text, ""]
        path.write_text("\n".join(lines), encoding="utf-8")
        path.chmod(0o600)
        return path

    def _attempt(self, save: Callable[[], None]) -> bool:
        try:
            save()
        except (StoreError, NotSaved, OSError) as error:
            self._report(SaveState("failed", reason=str(error)))
            return False
        return True
