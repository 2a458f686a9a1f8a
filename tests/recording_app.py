"""The clerk app, keeping every notification it shows: tests read what the clerk was
told through this, never the app's private state."""

from __future__ import annotations

import sys
from pathlib import Path

from clerk_tui.settings import PersonalSettings
from clerk_tui.store import Store
from clerk_tui.ui.app import APP_BUSY_TIMEOUT_MS, ClerkApp


class RecordingApp(ClerkApp):
    """The app, keeping every notification's message (as given) in :attr:`told`."""

    # The stylesheet is found beside the class that names it; this one lives in tests/.
    CSS_PATH = Path(sys.modules[ClerkApp.__module__].__file__).with_name(ClerkApp.CSS_PATH)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.told: list[str] = []

    def notify(self, message: str, **options) -> None:
        self.told.append(message)
        super().notify(message, **options)


def recording_app(db_path: Path, clock=None,
                  settings: PersonalSettings | None = None) -> RecordingApp:
    """The app on ``db_path`` as :func:`clerk_tui.ui.app.make_app` builds it (the edit
    lock taken), recording what it tells the clerk."""
    store = Store.open(db_path, clock=clock, busy_timeout_ms=APP_BUSY_TIMEOUT_MS, editing=True)
    return RecordingApp(store, settings or PersonalSettings())


def break_command(monkeypatch, command_id: str, run) -> None:
    """Make the meeting screen's command ``command_id`` do ``run(screen)`` instead (a
    failure to contain, say), for this test only."""
    from dataclasses import replace

    from clerk_tui.ui.screens.meeting import MeetingScreen

    commands = MeetingScreen.COMMANDS_BY_ID
    monkeypatch.setitem(commands, command_id, replace(commands[command_id], run=run))
