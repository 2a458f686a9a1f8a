"""What every clerk screen has: the desk, F1 help, search, and the commands it declares."""

from __future__ import annotations

from typing import cast

from textual.screen import Screen

from clerk_tui.ui.commands import Command
from clerk_tui.ui.desk import Desk
from clerk_tui.ui.failures import ContainsFailures
from clerk_tui.ui.keys import HoldsKeys
from clerk_tui.ui.screen_kit.routes import Routes


class ClerkScreen(HoldsKeys, ContainsFailures, Screen[None]):
    """A full screen of clerk; ``HELP_NAME`` names its help file in ``ui/help``. Keys
    typed while it opens wait for it (see :mod:`clerk_tui.ui.keys`)."""

    HELP_NAME = ""
    COMMANDS_BY_ID: dict[str, Command] = {}
    """The commands done by functions of the screen (:func:`screen_command`), by id."""

    def __init__(self, desk: Desk) -> None:
        super().__init__()
        self.desk = desk
        self.store = desk.store

    @property
    def routes(self) -> Routes:
        """The app, which opens the other screens: a screen never imports one."""
        return cast(Routes, self.app)

    def action_run(self, command_id: str) -> None:
        """Do the command ``command_id`` of this screen."""
        self.COMMANDS_BY_ID[command_id].run(self)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """A command done by a function says itself whether it can be done now."""
        return self.COMMANDS_BY_ID[str(parameters[0])].allowed(self) if action == "run" else True

    def action_show_help(self) -> None:
        """Open the help for this screen."""
        self.routes.open_help(self.HELP_NAME)

    def action_search(self) -> None:
        """Open the search of past resolutions."""
        self.desk.autosaver.flush()
        self.routes.open_search()
