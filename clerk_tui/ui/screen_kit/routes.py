"""The routes between screens. A screen asks the app for another screen through these
and never imports one: the app (:class:`clerk_tui.ui.app.ClerkApp`) builds it and
pushes it, so that screens stay independent of each other."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from clerk_tui.models import AgendaItem


class Routes(Protocol):
    """Where a screen can send the clerk; the app opens each screen over the one shown."""

    def open_meeting(self, meeting_id: str, *, item_id: str | None = None,
                     entry_id: str | None = None) -> None:
        """The meeting, at ``item_id`` (else the item being taken), ``entry_id`` in view."""

    def open_search(self) -> None:
        """The search of past resolutions."""

    def open_help(self, topic: str) -> None:
        """The help called ``topic`` (a file in ``clerk_tui/ui/help``)."""

    def open_action_log(self, committee: str | None = None, *,
                        minuted_in: AgendaItem | None = None,
                        before: dt.date | None = None) -> None:
        """The action log: of ``committee`` (else all), of actions agreed ``before`` a
        date, each update minuted in ``minuted_in`` when it is given."""

    def open_attendance(self, meeting_id: str, *, replacing: bool = False) -> None:
        """The meeting's attendance; ``replacing`` the screen shown (the declarations)
        rather than over it."""

    def open_declarations(self, meeting_id: str, *, replacing: bool = False) -> None:
        """The meeting's declarations of interest; ``replacing`` the screen shown (the
        attendance) rather than over it."""

    def open_audit(self, meeting_id: str) -> None:
        """The audit log of the meeting's minutes."""
