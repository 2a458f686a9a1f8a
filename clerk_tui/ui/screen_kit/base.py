"""What every clerk screen has: the desk, F1 help, search, and the commands it declares."""

from __future__ import annotations

from typing import cast

from textual.screen import Screen

from clerk_tui.ui.desk import Desk
from clerk_tui.ui.failures import ContainsFailures
from clerk_tui.ui.keys import HoldsKeys
from clerk_tui.ui.screen_kit.routes import Routes


class ClerkScreen(HoldsKeys, ContainsFailures, Screen[None]):
    """A full screen of clerk; ``HELP_NAME`` names its help file in ``ui/help``. Keys
    typed while it opens wait for it (see :mod:`clerk_tui.ui.keys`)."""

    HELP_NAME = ""

    def __init__(self, desk: Desk) -> None:
        super().__init__()
        self.desk = desk
        self.store = desk.store

    @property
    def routes(self) -> Routes:
        """The app, which opens the other screens: a screen never imports one."""
        return cast(Routes, self.app)

    def action_show_help(self) -> None:
        """Open the help for this screen."""
        self.routes.open_help(self.HELP_NAME)

    def action_search(self) -> None:
        """Open the search of past resolutions."""
        self.desk.autosaver.flush()
        self.routes.open_search()
