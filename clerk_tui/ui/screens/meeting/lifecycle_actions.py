"""After the meeting: approving minutes, reopening them, the audit log, and following
actions up (the action log, matters arising) from the meeting screen.

Each command is a function of the meeting screen, using only its public side."""

from __future__ import annotations

from typing import TYPE_CHECKING

from clerk_tui.fields import parse_date
from clerk_tui.minutes.compose import wording
from clerk_tui.ui.commands import ACTION_LOG, screen_command
from clerk_tui.ui.screen_kit.form import FormField, FormScreen
from clerk_tui.ui.screens.meeting.agenda_actions import refresh_agenda
from clerk_tui.ui.screens.meeting.banner import show_lock

if TYPE_CHECKING:
    from clerk_tui.ui.screens.meeting.screen import MeetingScreen


def action_log(screen: MeetingScreen) -> None:
    """The action log; from matters arising, this committee's, minuting each update."""
    here = screen.selected if screen.selected and screen.selected.matters_arising else None
    if here is None:
        screen.routes.open_action_log()
        return
    committee = screen.store.committees.get(screen.meeting.committee_id).name
    # Locked minutes take no new notes: the log then updates the actions only.
    screen.routes.open_action_log(committee, minuted_in=None if screen.read_only else here,
                                  before=screen.meeting.date)


def approve_previous(screen: MeetingScreen) -> None:
    """Resolve that the previous minutes are a correct record, and approve them."""
    previous = screen.store.approvals.awaiting(screen.meeting)
    fields = [
        FormField("corrections", "Corrections, if any (separate them with ;)"),
        FormField("unanimous", "Agreed unanimously", kind="check", value=True),
    ]

    def build(values: dict) -> tuple[list[str], bool]:
        corrections = [c.strip() for c in (values["corrections"] or "").split(";")]
        return [c for c in corrections if c], bool(values["unanimous"])

    def approve(answer: tuple[list[str], bool] | None) -> None:
        if answer is None:
            return
        corrections, unanimous = answer
        text = wording.approval_resolution(previous.date, corrections)
        reason = (f"Corrections agreed at the meeting of {wording.short_date(screen.meeting.date)}"
                  f": {'; '.join(corrections)}" if corrections else None)
        if screen.desk.autosaver.save_now(lambda: screen.store.approvals.approve_previous(
                screen.meeting.id, screen.selected.id, text, unanimous, reopen_for=reason)):
            screen.show_entries()
            screen.load_agenda()
            when = wording.short_date(previous.date)
            screen.notify(f"The minutes of {when} are approved and open for the corrections: "
                        "make them, then press F12 there to lock them." if corrections
                        else f"The minutes of {when} are approved and locked.", timeout=10)
    last = screen.store.meetings.previous(screen.meeting.committee_id, screen.meeting.date)
    title = f"Approve the minutes of {wording.long_date(previous.date)}"
    if last is not None and last.id != previous.id:
        title += (f" – not the last meeting, whose minutes ({wording.long_date(last.date)}) "
                  f"are {last.status.value}")
    screen.app.push_screen(FormScreen(title, fields, build), approve)


def approve_minutes(screen: MeetingScreen) -> None:
    """Record that these minutes were approved, and on which date."""
    def build(values: dict):
        day = parse_date(values["date"], "date of approval")
        if day is None:
            raise ValueError("Give the date the minutes were approved.")
        return day

    def approve(day) -> None:
        if day and screen.desk.autosaver.save_now(
                lambda: screen.store.meetings.approve(screen.meeting.id, day)):
            refresh_agenda(screen)
            show_lock(screen)
    form = FormScreen("Approve these minutes (they are then locked)", [
        FormField("date", "Approved on (YYYY-MM-DD)",
                  value=screen.store.now().date().isoformat())], build)
    screen.app.push_screen(form, approve)


def reopen_minutes(screen: MeetingScreen) -> None:
    """Ask why, then unlock the approved minutes for correction."""
    def build(values: dict) -> str:
        if not (values["reason"] or "").strip():
            raise ValueError("Say why the minutes are being reopened.")
        return values["reason"].strip()

    def reopen(reason: str | None) -> None:
        if reason and screen.desk.autosaver.save_now(
                lambda: screen.store.meetings.reopen(screen.meeting.id, reason)):
            refresh_agenda(screen)
            show_lock(screen)
            screen.notify("Minutes reopened. Every change is kept in the audit log.")
    form = FormScreen("Reopen approved minutes", [
        FormField("reason", "Why are they being reopened? (kept in the audit log)")], build)
    screen.app.push_screen(form, reopen)


def audit_log(screen: MeetingScreen) -> None:
    """Show the audit log of these minutes."""
    screen.routes.open_audit(screen.meeting.id)


def _can_reopen(screen: MeetingScreen) -> bool:
    return screen.meeting.locked and not screen.store.read_only


def _can_approve(screen: MeetingScreen) -> bool:
    """Not while the meeting is going on."""
    live = screen.meeting.started_at is not None and screen.meeting.ended_at is None
    return not screen.read_only and not live


def _can_approve_previous(screen: MeetingScreen) -> bool:
    return bool(not screen.read_only and screen.selected is not None
                and screen.selected.previous_minutes
                and screen.store.approvals.awaiting(screen.meeting) is not None)


LIFECYCLE_COMMANDS = (
    ACTION_LOG.done_by(action_log),
    screen_command("approve_previous", "f10", "Approve previous", "Approve previous minutes",
                   "Resolve that the last meeting's minutes are a correct record, and approve "
                   "them", approve_previous, _can_approve_previous),
    screen_command("approve_minutes", "f12", "Approve", "Approve minutes",
                   "Record that these minutes were approved (they are then locked)",
                   approve_minutes, _can_approve),
    screen_command("reopen_minutes", "ctrl+r", "Reopen", "Reopen minutes",
                   "Unlock approved minutes to correct them, giving a reason for the audit log",
                   reopen_minutes, _can_reopen),
    screen_command("audit_log", "ctrl+y", "Audit log", "Audit log",
                   "Approvals, reopenings and every change since the minutes were approved",
                   audit_log),
)
