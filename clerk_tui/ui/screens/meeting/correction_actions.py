"""Correcting a meeting's date and committee from the meeting screen.

Imported minutes that do not say when or whose they are come in undated or under
"Unknown body"; others say it wrongly. The store makes the correction (approved
minutes are reopened with a reason and approved again), so it is in the audit log,
as with ``clerk meeting date`` and ``clerk meeting committee``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from clerk_tui.fields import parse_date
from clerk_tui.minutes.compose import wording
from clerk_tui.models import Meeting, MeetingStatus
from clerk_tui.store.imports import UNKNOWN_BODY
from clerk_tui.ui.commands import Command
from clerk_tui.ui.screen_kit.form import FormField, FormScreen

if TYPE_CHECKING:
    from clerk_tui.ui.screens.meeting.screen import MeetingScreen

# Not in the footer (it is full): F1 help and the palette name it.
CORRECT_DETAILS = Command(
    "correct_details", "ctrl+g", "correct_details", "Correct", "Correct date and committee",
    "Date an undated meeting, or move it to its committee (kept in the audit log)",
    show=False)
CORRECTION_COMMANDS = (CORRECT_DETAILS,)

FORM_TITLE = "Correct the date and committee of this meeting"
KEEP_A_DATE = ("Give the meeting's date, written YYYY-MM-DD: a meeting with a date cannot "
               "be made undated.")
NAME_THE_COMMITTEE = "Give the name of the committee, board or council whose meeting this is."


def unknown_details(meeting: Meeting, committee: str) -> str:
    """A sentence for the banner of minutes that do not say when or whose they are,
    saying how to put that right ("" when they say both)."""
    missing = [what for what, unknown in (("when", meeting.date is None),
                                          ("whose", committee == UNKNOWN_BODY)) if unknown]
    if not missing:
        return ""
    return (f" They do not say {' or '.join(missing)} the meeting was: Ctrl+G gives them "
            "their date and committee.")


@dataclass(frozen=True)
class Correction:
    """What the clerk asked for: the meeting's date and committee, and why."""

    date: dt.date | None
    committee: str
    reason: str | None
    """None: the store says what was corrected."""


def read_correction(values: dict[str, Any], dated: bool) -> Correction:
    """The correction form's values, or ValueError saying plainly what is wrong. A date
    may be left blank only when the meeting has none (``dated`` false)."""
    date = parse_date(values.get("date"), "meeting date")
    if date is None and dated:
        raise ValueError(KEEP_A_DATE)
    committee = (values.get("committee") or "").strip()
    if not committee:
        raise ValueError(NAME_THE_COMMITTEE)
    return Correction(date, committee, (values.get("reason") or "").strip() or None)


def correction_fields(meeting: Meeting, committee: str,
                      committees: list[str]) -> list[FormField]:
    """The form's fields, filled with what the meeting says now."""
    return [
        FormField("date", "Meeting date (YYYY-MM-DD)" + ("" if meeting.date else
                                                        ", or blank while it is not known"),
                  value=meeting.date.isoformat() if meeting.date else "",
                  placeholder="YYYY-MM-DD"),
        FormField("committee", "Committee, board or council", value=committee,
                  suggestions=committees),
        FormField("reason", "Why, for the audit log (blank: clerk says what was corrected)"),
    ]


class CorrectionActions:
    """The correction of a meeting's date and committee, for the meeting screen."""

    def check_correction_action(self: MeetingScreen, action: str) -> bool | None:
        """Approved minutes can be corrected too (that is the point); a window opened
        read-only changes nothing."""
        if action == "correct_details":
            return not self.store.read_only
        return None

    def action_correct_details(self: MeetingScreen) -> None:
        """Open the form; saving makes the correction, and what is wrong stays in the
        form with what was typed; Escape changes nothing."""
        before = self.meeting
        committee = self.store.committees.get(before.committee_id).name
        names = sorted({c.name for c in self.store.committees.list()}, key=str.casefold)

        def build(values: dict[str, Any]) -> Meeting:
            correction = read_correction(values, dated=before.date is not None)
            self.desk.autosaver.flush()  # a draft typed here is in before the reopening
            return self.correct_meeting(correction)

        def corrected(after: Meeting | None) -> None:
            if after is not None:
                self._show_correction(before, after)
        self.app.push_screen(FormScreen(FORM_TITLE, correction_fields(before, committee, names),
                                        build), corrected)

    def correct_meeting(self: MeetingScreen, correction: Correction) -> Meeting:
        """Date and file the meeting as ``correction`` says, in one save; the meeting
        as it is then. Raises StoreError or ValidationError when it cannot be."""
        imports = self.store.imports
        with self.store.transaction():
            imports.redate(self.meeting.id, correction.date, correction.reason)
            return imports.reassign(self.meeting.id, correction.committee, correction.reason)

    def _show_correction(self: MeetingScreen, before: Meeting, after: Meeting) -> None:
        name = self.store.committees.get(after.committee_id).name
        self.sub_title = name
        self._refresh_agenda()
        self._show_lock()
        if (before.date, before.committee_id) == (after.date, after.committee_id):
            self.notify("Nothing was changed: the meeting already had that date and committee.")
            return
        audited = (" The correction is in its audit log (Ctrl+Y)."
                   if before.status != MeetingStatus.DRAFT else "")
        when = (f"is dated {wording.short_date(after.date)}" if after.date
                else "has no date yet")
        self.notify(f"The meeting {when}, a meeting of {name}.{audited}", timeout=10)
