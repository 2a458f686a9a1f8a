"""The clerk application: it routes between screens and does no work itself.

No screen imports another: each asks the app to open the next one (the methods
``open_*``, :class:`clerk_tui.ui.screen_kit.routes.Routes`), and the app builds it on
its desk and pushes it. A screen's module loads when it is first opened.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from textual import events
from textual.app import App, SystemCommand
from textual.content import Content
from textual.driver import Driver
from textual.notifications import SeverityLevel
from textual.screen import Screen
from textual.worker import WorkerFailed

from clerk_tui.settings import PersonalSettings
from clerk_tui.store import Store
from clerk_tui.store.database import Clock
from clerk_tui.ui.autosave import Autosaver
from clerk_tui.ui.collector import Collector
from clerk_tui.ui.commands import QUIT, bindings, palette_commands
from clerk_tui.ui.desk import Desk
from clerk_tui.ui.failures import SHOWN_FOR, ContainsFailures, FailureReports
from clerk_tui.ui.keys import hold_key, steer_key
from clerk_tui.ui.screens.meetings import MeetingsScreen
from clerk_tui.ui.terminal_loss import driver_for
from clerk_tui.ui.text import literal, shown

if TYPE_CHECKING:
    from clerk_tui.models import AgendaItem

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
        self._failures = FailureReports(lambda: self.store.path.parent, store.now,
                                        self._show_failure, self.clear_notifications)

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
        if self.store.made:  # an empty file named as the database
            self.notify(self.store.made, timeout=15)
        self._apply_settings()
        self.push_screen(MeetingsScreen(self.desk))
        if not self.is_headless:
            self.call_after_refresh(self._collector.start)

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Key):
            self._collector.key_pressed()
            if hold_key(self.screen, event):  # a screen still opening takes it when ready
                return
            steer_key(self.screen, event)
        await super().on_event(event)

    def _apply_settings(self) -> None:
        if self.settings.theme in self.available_themes:
            self.theme = self.settings.theme
        else:
            self.notify(f"Unknown theme {self.settings.theme!r}; using the default.")
        self.set_keymap(self.settings.keys)

    # Routes: the screens ask for each other here ----------------------------------

    def open_meeting(self, meeting_id: str, *, item_id: str | None = None,
                     entry_id: str | None = None) -> None:
        """The meeting, at ``item_id`` (else the item being taken), ``entry_id`` in view."""
        from clerk_tui.ui.screens.meeting import MeetingScreen  # with Word and the editor

        self.push_screen(MeetingScreen(self.desk, meeting_id, item_id=item_id,
                                       entry_id=entry_id))

    def open_search(self) -> None:
        """The search of past resolutions."""
        from clerk_tui.ui.screens.search import SearchScreen

        self.push_screen(SearchScreen(self.desk))

    def open_help(self, topic: str) -> None:
        """The help called ``topic`` (a file in ``clerk_tui/ui/help``)."""
        from clerk_tui.ui.screens.help import HelpScreen  # Markdown, loaded when first asked for

        self.push_screen(HelpScreen(topic))

    def open_action_log(self, committee: str | None = None, *,
                        minuted_in: AgendaItem | None = None,
                        before: dt.date | None = None) -> None:
        """The action log: of ``committee`` (else all), of actions agreed ``before`` a
        date, each update minuted in ``minuted_in`` when it is given."""
        from clerk_tui.ui.screens.action_log import ActionLogScreen

        self.push_screen(ActionLogScreen(self.desk, committee, minuted_in=minuted_in,
                                         before=before))

    def open_attendance(self, meeting_id: str, *, replacing: bool = False) -> None:
        """The meeting's attendance; ``replacing`` the screen shown (the declarations)
        rather than over it."""
        from clerk_tui.ui.screens.attendance import AttendanceScreen

        self._push_or_switch(AttendanceScreen(self.desk, meeting_id), replacing)

    def open_declarations(self, meeting_id: str, *, replacing: bool = False) -> None:
        """The meeting's declarations of interest; ``replacing`` the screen shown (the
        attendance) rather than over it."""
        from clerk_tui.ui.screens.declarations import DeclarationsScreen

        self._push_or_switch(DeclarationsScreen(self.desk, meeting_id), replacing)

    def open_audit(self, meeting_id: str) -> None:
        """The audit log of the meeting's minutes."""
        from clerk_tui.ui.screens.audit import AuditScreen

        self.push_screen(AuditScreen(self.desk, meeting_id))

    def _push_or_switch(self, screen: Screen, replacing: bool) -> None:
        if replacing:
            self.switch_screen(screen)
        else:
            self.push_screen(screen)

    def get_driver_class(self) -> type[Driver]:
        """Textual's driver for the terminal; on Linux and macOS, clerk's, which saves and
        exits when the terminal goes away or SIGHUP or SIGTERM comes (terminal_loss.py)."""
        return driver_for(super().get_driver_class())

    def save_typing(self, leaving: bool) -> None:
        """Save what is typed now (the terminal went, a signal came, or the terminal takes
        no output); when leaving, what cannot be saved goes into a recovery file."""
        if not self.desk.autosaver.flush() and leaving:
            self.desk.autosaver.rescue(self.store.path.parent)

    def close_in_haste(self, settled: bool) -> None:
        """Just before a hard exit (the clean one took too long; called from another
        thread): rescue what is typed unless the saves were made, and close the file."""
        try:
            if not settled:
                self.desk.autosaver.rescue(self.store.path.parent)
        finally:
            self.store.close()

    def report_failure(self, error: Exception) -> bool:
        """Tell the clerk something went wrong, log the details beside the database and
        save what is typed; False when failures are not contained (in tests)."""
        if not self.contain_failures:
            return False
        if isinstance(error, WorkerFailed):  # a worker's failure: report what it raised
            error = error.error
        self._failures.report(error)  # logged once, shown once, never in a loop
        return True

    def _show_failure(self, error: BaseException, log: Path | None) -> None:
        saved = self.desk.autosaver.flush()
        where = f" The details are in {log}." if log else ""
        self.notify(f"Something went wrong ({type(error).__name__}: {error}).{where} "
                    + ("Everything typed is saved; carry on." if saved
                       else "What is typed is kept on screen."),
                    title="clerk hit a problem", severity="error", timeout=SHOWN_FOR)

    def notify(self, message: str, *, title: str = "", severity: SeverityLevel = "information",
               timeout: float | None = None, markup: bool = False) -> None:
        """As Textual's, but the message and title are always shown literally (they
        quote names, reasons and errors): never read as markup, controls made visible."""
        super().notify(shown(message, lines=True), title=shown(title), severity=severity,
                       timeout=timeout, markup=False)

    def action_help_quit(self) -> None:
        """Ctrl+C does not quit (in a field it copies): say which key does."""
        self.notify("Press Ctrl+Q to quit (everything is saved).", title="Do you want to quit?")

    def format_title(self, title: str, sub_title: str) -> Content:
        """The header's title and sub-title (an organisation, a committee), literally."""
        return super().format_title(shown(title), shown(sub_title))

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
            self.exit(message=literal(f"Unsaved text was written to {rescued}") if rescued
                      else None)
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
