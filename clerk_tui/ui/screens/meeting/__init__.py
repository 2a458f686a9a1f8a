"""The meeting screen: the screen itself, the command functions, editor and form it is made of."""

from clerk_tui.ui.screens.meeting.screen import MeetingScreen

__all__ = ["MeetingScreen"]
