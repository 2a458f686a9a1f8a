"""Python's cyclic garbage collector, kept out of the clerk's way while they type.

A full collection walks every object the app holds. With a meeting open and an entry of
10,000 words in the editor that is some 150,000 objects, and the walk took 60 to 120 ms:
long enough for a typed key to show late, several times a minute. So, in a real
terminal, what is loaded at the start (modules, Textual's styles, clerk's models, all of
which live as long as the app) is frozen out of the walk, and full collections wait
until the clerk has stopped typing for a moment. The young generations, where nearly
all garbage dies, are collected as usual; after about a minute of typing without a
pause a full collection runs anyway, so memory never grows without bound.
"""

from __future__ import annotations

import gc
import time

from textual.app import App

IDLE = 1.5  # seconds without a key before a full collection may run
CHECK = 0.5  # seconds between looks at whether one is due
MOST_DEFERRED = 1000  # young collections at most between two full ones, pause or not


class Collector:
    """Full collections at pauses in the typing, for one app's lifetime."""

    def __init__(self, app: App) -> None:
        self._app = app
        self._last_key = time.monotonic()
        self._young_at_full = 0
        self._thresholds: tuple[int, int, int] | None = None

    def start(self) -> None:
        """Freeze what is loaded now and take full collections over from Python."""
        gc.freeze()  # without collecting first, which would pause the first screen
        self._thresholds = gc.get_threshold()
        young, middle, _ = self._thresholds
        gc.set_threshold(young, middle, 1_000_000_000)  # Python never starts a full one
        self._young_at_full = self._young_collections()
        self._app.set_interval(CHECK, self._maybe_collect, name="garbage-collection")

    def key_pressed(self) -> None:
        """Note that the clerk is typing."""
        self._last_key = time.monotonic()

    def stop(self) -> None:
        """Give full collections back to Python (the app is ending)."""
        if self._thresholds is not None:
            gc.set_threshold(*self._thresholds)
            gc.unfreeze()
            self._thresholds = None

    @staticmethod
    def _young_collections() -> int:
        return gc.get_stats()[1]["collections"]

    def _maybe_collect(self) -> None:
        young = self._young_collections() - self._young_at_full
        idle = time.monotonic() - self._last_key >= IDLE
        if (idle and young >= 10) or young >= MOST_DEFERRED:
            gc.collect()
            self._young_at_full = self._young_collections()
