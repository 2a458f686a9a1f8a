"""The clerk application: it routes between screens and does no work itself."""

from __future__ import annotations

import asyncio
import signal
from collections.abc import Iterable
from pathlib import Path

from textual import events
from textual.app import App, SystemCommand
from textual.screen import Screen
from textual.worker import WorkerFailed

from clerk_tui.settings import PersonalSettings
from clerk_tui.store import Store
from clerk_tui.store.database import Clock
from clerk_tui.ui.autosave import Autosaver
from clerk_tui.ui.collector import Collector
from clerk_tui.ui.commands import QUIT, bindings, palette_commands
from clerk_tui.ui.desk import Desk
from clerk_tui.ui.failures import ContainsFailures, log_failure
from clerk_tui.ui.screens.meetings import MeetingsScreen

# A save waits this long for another program's lock, then the autosaver retries: the
# screen never freezes while the clerk types.
APP_BUSY_TIMEOUT_MS = 200


class ClerkApp(ContainsFailures, App[None]):
    """The minutes desk."""

    CSS_PATH = "clerk.tcss"
    TITLE = "clerk"
    BINDINGS = bindings([QUIT])
    contain_failures = True
    """Report an unexpected exception and keep running (the tests turn this off, so
    that a failure fails the test, except where containing it is what is tested)."""

    def __init__(self, store: Store, settings: PersonalSettings) -> None:
        super().__init__()
        self.settings = settings
        self.desk = Desk(store, Autosaver(self, store.now))
        self._quit_anyway = False
        self._collector = Collector(self)

    @property
    def store(self) -> Store:
        """The open database."""
        return self.desk.store

    def on_mount(self) -> None:
        organisation = self.desk.store.settings.load().organisation
        self.title = f"clerk · {organisation}" if organisation else "clerk"
        if self.store.read_only:
            self.title += " · READ-ONLY"
            self.notify(f"Opened read-only: {self.store.read_only}. Nothing can be changed "
                        "in this window.", severity="warning", timeout=15)
        self._apply_settings()
        self.push_screen(MeetingsScreen(self.desk))
        if not self.is_headless:
            self._save_on_signals()
            self.call_after_refresh(self._collector.start)

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Key):
            self._collector.key_pressed()
        await super().on_event(event)

    def _apply_settings(self) -> None:
        if self.settings.theme in self.available_themes:
            self.theme = self.settings.theme
        else:
            self.notify(f"Unknown theme {self.settings.theme!r}; using the default.")
        self.set_keymap(self.settings.keys)

    def _save_on_signals(self) -> None:
        """A closed terminal (SIGHUP) or a shutdown (SIGTERM) saves, then quits."""
        loop = asyncio.get_running_loop()
        for number in (signal.SIGTERM, signal.SIGHUP):
            loop.add_signal_handler(number, self._save_and_exit)

    def _save_and_exit(self) -> None:
        if not self.desk.autosaver.flush():
            self.desk.autosaver.rescue(self.store.path.parent)
        self.exit()

    def report_failure(self, error: Exception) -> bool:
        """Tell the clerk something went wrong, log the details beside the database and
        save what is typed; False when failures are not contained (in tests)."""
        if not self.contain_failures:
            return False
        if isinstance(error, WorkerFailed):  # a worker's failure: report what it raised
            error = error.error
        log = log_failure(self.store.path.parent, error, self.store.now())
        saved = self.desk.autosaver.flush()
        where = f" The details are in {log}." if log else ""
        self.notify(f"Something went wrong ({type(error).__name__}: {error}).{where} "
                    + ("Everything typed is saved; carry on." if saved
                       else "What is typed is kept on screen."),
                    title="clerk hit a problem", severity="error", timeout=20)
        return True

    def _handle_exception(self, error: Exception) -> None:
        # Textual ends the app here; failures in timers, workers and callbacks come
        # this way too. Contained, the app runs on.
        if not self.report_failure(error):
            super()._handle_exception(error)

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from palette_commands(screen)
        yield from super().get_system_commands(screen)

    async def action_quit(self) -> None:
        """Quit once everything is saved. If it cannot be, say so; a second Ctrl+Q within
        ten seconds quits, writing the unsaved text to a recovery file first."""
        if self.desk.autosaver.flush():
            self.exit()
            return
        if self._quit_anyway:
            rescued = self.desk.autosaver.rescue(self.store.path.parent)
            self.exit(message=f"Unsaved text was written to {rescued}" if rescued else None)
            return
        self._quit_anyway = True
        self.set_timer(10, self._forget_quit)
        self.notify(
            f"NOT SAVED: {self.desk.autosaver.state.reason} Press Ctrl+Q again to quit anyway; "
            "the unsaved text will be written to a recovery file beside the database.",
            severity="error", timeout=10,
        )

    def _forget_quit(self) -> None:
        self._quit_anyway = False

    def on_unmount(self) -> None:
        self.desk.autosaver.flush()
        self.desk.store.close()
        self._collector.stop()


def make_app(
    db_path: str | Path,
    settings: PersonalSettings | None = None,
    clock: Clock | None = None,
) -> ClerkApp:
    """Build the app on the database at ``db_path``: the one factory for the CLI and tests.

    A file another clerk window is editing, or that cannot be written, opens read-only.
    Raises :class:`clerk_tui.store.FileRefused` when the file cannot be opened.
    """
    store = Store.open(db_path, clock=clock, busy_timeout_ms=APP_BUSY_TIMEOUT_MS, editing=True)
    return ClerkApp(store, settings or PersonalSettings())
