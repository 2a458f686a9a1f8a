"""Commands are declared once: each screen's commands have distinct ids, and each one
is done by something (a function of the screen, or an action method)."""

from __future__ import annotations

import pytest
from textual.actions import parse

from clerk_tui.ui.screens.action_log import ActionLogScreen
from clerk_tui.ui.screens.attendance import AttendanceScreen
from clerk_tui.ui.screens.audit import AuditScreen
from clerk_tui.ui.screens.declarations import DeclarationsScreen
from clerk_tui.ui.screens.meeting import MeetingScreen
from clerk_tui.ui.screens.meetings import MeetingsScreen
from clerk_tui.ui.screens.search import SearchScreen

SCREENS = [MeetingScreen, MeetingsScreen, SearchScreen, ActionLogScreen, AttendanceScreen,
           DeclarationsScreen, AuditScreen]


@pytest.mark.parametrize("screen", SCREENS, ids=lambda s: s.__name__)
def test_each_command_has_its_own_id_and_is_done_by_something(screen):
    commands = screen.CLERK_COMMANDS
    ids = [command.id for command in commands]
    assert len(ids) == len(set(ids)), sorted(i for i in ids if ids.count(i) > 1)
    for command in commands:
        _namespace, action, parameters = parse(command.action)
        if action == "run":
            assert parameters == (command.id,) and callable(command.run)
            assert screen.COMMANDS_BY_ID[command.id] is command
        else:
            assert callable(getattr(screen, f"action_{action}", None)), command.id


def test_the_meeting_screen_is_not_built_of_mixins():
    # Its commands are functions of the screen in the modules beside it, not methods
    # mixed in from classes that reach into each other.
    assert MeetingScreen.__mro__[1].__name__ == "ClerkScreen"
