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
from clerk_tui.ui.commands import screen_command
from clerk_tui.ui.screen_kit.form import FormField, FormScreen
from clerk_tui.ui.screens.meeting.agenda_actions import refresh_agenda
from clerk_tui.ui.screens.meeting.banner import show_lock

if TYPE_CHECKING:
    from clerk_tui.ui.screens.meeting.screen import MeetingScreen

FORM_TITLE = "Correct the date and committee of this meeting"
KEEP_A_DATE = ("Give the meeting's date, written YYYY-MM-DD: a meeting with a date cannot "
               "be made undated.")
NAME_THE_COMMITTEE = "Give the name of the committee, board or council whose meeting this is."


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


def correct_details(screen: MeetingScreen) -> None:
    """Open the form; saving makes the correction, and what is wrong stays in the
    form with what was typed; Escape changes nothing."""
    before = screen.meeting
    committee = screen.store.committees.get(before.committee_id).name
    names = sorted({c.name for c in screen.store.committees.list()}, key=str.casefold)

    def build(values: dict[str, Any]) -> Meeting:
        correction = read_correction(values, dated=before.date is not None)
        screen.desk.autosaver.flush()  # a draft typed here is in before the reopening
        return correct_meeting(screen, correction)

    def corrected(after: Meeting | None) -> None:
        if after is not None:
            _show_correction(screen, before, after)
    screen.app.push_screen(FormScreen(FORM_TITLE, correction_fields(before, committee, names),
                                    build), corrected)


def correct_meeting(screen: MeetingScreen, correction: Correction) -> Meeting:
    """Date and file the meeting as ``correction`` says, in one save; the meeting
    as it is then. Raises StoreError or ValidationError when it cannot be."""
    imports = screen.store.imports
    with screen.store.transaction():
        imports.redate(screen.meeting.id, correction.date, correction.reason)
        return imports.reassign(screen.meeting.id, correction.committee, correction.reason)


def _show_correction(screen: MeetingScreen, before: Meeting, after: Meeting) -> None:
    name = screen.store.committees.get(after.committee_id).name
    screen.sub_title = name
    refresh_agenda(screen)
    show_lock(screen)
    if (before.date, before.committee_id) == (after.date, after.committee_id):
        screen.notify("Nothing was changed: the meeting already had that date and committee.")
        return
    audited = (" The correction is in its audit log (Ctrl+Y)."
               if before.status != MeetingStatus.DRAFT else "")
    when = (f"is dated {wording.short_date(after.date)}" if after.date
            else "has no date yet")
    screen.notify(f"The meeting {when}, a meeting of {name}.{audited}", timeout=10)


# Not in the footer (it is full): F1 help and the palette name it. Approved minutes can
# be corrected too (that is the point); a window opened read-only changes nothing.
CORRECT_DETAILS = screen_command(
    "correct_details", "ctrl+g", "Correct", "Correct date and committee",
    "Date an undated meeting, or move it to its committee (kept in the audit log)",
    correct_details, lambda screen: not screen.store.read_only, show=False)
CORRECTION_COMMANDS = (CORRECT_DETAILS,)
