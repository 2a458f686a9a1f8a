"""What every clerk screen has: the desk, F1 help, and the commands it declares."""

from __future__ import annotations

from textual.screen import Screen

from clerk_tui.ui.desk import Desk
from clerk_tui.ui.failures import ContainsFailures
from clerk_tui.ui.keys import HoldsKeys


class ClerkScreen(HoldsKeys, ContainsFailures, Screen[None]):
    """A full screen of clerk; ``HELP_NAME`` names its help file in ``ui/help``. Keys
    typed while it opens wait for it (see :mod:`clerk_tui.ui.keys`)."""

    HELP_NAME = ""

    def __init__(self, desk: Desk) -> None:
        super().__init__()
        self.desk = desk
        self.store = desk.store

    def action_show_help(self) -> None:
        """Open the help for this screen."""
        from clerk_tui.ui.screens.help import HelpScreen  # Markdown, loaded when first asked for

        self.app.push_screen(HelpScreen(self.HELP_NAME))

    def action_search(self) -> None:
        """Open the search of past resolutions."""
        from clerk_tui.ui.screens.search import SearchScreen  # it opens meetings in turn

        self.desk.autosaver.flush()
        self.app.push_screen(SearchScreen(self.desk))
