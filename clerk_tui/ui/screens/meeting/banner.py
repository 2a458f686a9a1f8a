"""The line under the meeting's title that says why it cannot be changed, or how it is
being corrected: approved and locked, opened read-only, or reopened."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.widgets import Static

from clerk_tui.models import Meeting, MeetingStatus
from clerk_tui.store.imports import UNKNOWN_BODY
from clerk_tui.ui.text import literal
from clerk_tui.ui.widgets.capture import CaptureLine

if TYPE_CHECKING:
    from clerk_tui.ui.screens.meeting.screen import MeetingScreen

LOCKED_BANNER = (
    "These minutes were approved on {date} and are locked: they open read-only. "
    "To correct them, reopen them with Ctrl+R, giving a reason that the audit log keeps."
)
READ_ONLY_BANNER = "Read-only: {reason}. Nothing can be changed in this window."
REOPENED_BANNER = (
    "Reopened to correct them ({reason}): every change goes into the audit log (Ctrl+Y). "
    "Press F12 to approve them again."
)


def unknown_details(meeting: Meeting, committee: str) -> str:
    """A sentence for the banner of minutes that do not say when or whose they are,
    saying how to put that right ("" when they say both)."""
    missing = [what for what, unknown in (("when", meeting.date is None),
                                          ("whose", committee == UNKNOWN_BODY)) if unknown]
    if not missing:
        return ""
    return (f" They do not say {' or '.join(missing)} the meeting was: Ctrl+G gives them "
            "their date and committee.")


class LockBanner(Static):
    """Shown only while the meeting is locked, read-only or reopened."""

    def show(self, meeting: Meeting, committee: str, read_only_because: str | None) -> None:
        """Say what holds for ``meeting`` (of ``committee``) in this window."""
        reopened = meeting.status == MeetingStatus.REOPENED
        self.display = meeting.locked or bool(read_only_because) or reopened
        if read_only_because:
            self.update(literal(READ_ONLY_BANNER.format(reason=read_only_because)))
        elif reopened:
            self.update(literal(REOPENED_BANNER.format(reason=meeting.reopen_reason)))
        elif meeting.approved_on:
            self.update(literal(LOCKED_BANNER.format(date=f"{meeting.approved_on:%-d %B %Y}")
                                + unknown_details(meeting, committee)))


def show_lock(screen: MeetingScreen) -> None:
    """Say in the banner whether the minutes can be changed; the capture line is closed
    when they cannot (or there is no item to capture into)."""
    committee = screen.store.committees.get(screen.meeting.committee_id).name
    screen.query_one(LockBanner).show(screen.meeting, committee, screen.store.read_only)
    capture = screen.query_one(CaptureLine)
    capture.disabled = screen.read_only or not screen.agenda.items
    (screen.agenda if capture.disabled else capture).focus()
