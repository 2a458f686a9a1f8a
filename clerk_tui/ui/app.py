"""The clerk application: it routes between screens and does no work itself."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from textual.app import App, SystemCommand
from textual.screen import Screen

from clerk_tui.settings import PersonalSettings
from clerk_tui.store import Store
from clerk_tui.store.database import Clock
from clerk_tui.ui.commands import QUIT, bindings, palette_commands
from clerk_tui.ui.screens.meetings import MeetingsScreen


class ClerkApp(App[None]):
    """The minutes desk."""

    CSS_PATH = "clerk.tcss"
    TITLE = "clerk"
    BINDINGS = bindings([QUIT])

    def __init__(self, store: Store, settings: PersonalSettings) -> None:
        super().__init__()
        self.store = store
        self.settings = settings

    def on_mount(self) -> None:
        organisation = self.store.settings.load().organisation
        self.title = f"clerk · {organisation}" if organisation else "clerk"
        self._apply_settings()
        self.push_screen(MeetingsScreen(self.store))

    def _apply_settings(self) -> None:
        if self.settings.theme in self.available_themes:
            self.theme = self.settings.theme
        else:
            self.notify(f"Unknown theme {self.settings.theme!r}; using the default.")
        self.set_keymap(self.settings.keys)

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from palette_commands(screen)
        yield from super().get_system_commands(screen)

    def on_unmount(self) -> None:
        self.store.close()


def make_app(
    db_path: str | Path,
    settings: PersonalSettings | None = None,
    clock: Clock | None = None,
) -> ClerkApp:
    """Build the app on the database at ``db_path``: the one factory for the CLI and tests.

    Raises :class:`clerk_tui.store.FileRefused` when the file cannot be opened.
    """
    store = Store.open(db_path, clock=clock)
    return ClerkApp(store, settings or PersonalSettings())
