"""After the meeting: approving minutes, reopening them, the audit log, and following
actions up (the action log, matters arising) from the meeting screen."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text

from clerk_tui.fields import parse_date
from clerk_tui.minutes.compose import wording
from clerk_tui.ui.commands import ACTION_LOG, Command
from clerk_tui.ui.screen_kit.form import FormField, FormScreen
from clerk_tui.ui.text import assemble, literal

if TYPE_CHECKING:
    from clerk_tui.ui.screens.meeting.screen import MeetingScreen

LIFECYCLE_COMMANDS = (
    ACTION_LOG,
    Command("approve_previous", "f10", "approve_previous", "Approve previous",
            "Approve previous minutes",
            "Resolve that the last meeting's minutes are a correct record, and approve them"),
    Command("approve_minutes", "f12", "approve_minutes", "Approve", "Approve minutes",
            "Record that these minutes were approved (they are then locked)"),
    Command("reopen_minutes", "ctrl+r", "reopen_minutes", "Reopen", "Reopen minutes",
            "Unlock approved minutes to correct them, giving a reason for the audit log"),
    Command("audit_log", "ctrl+y", "audit_log", "Audit log", "Audit log",
            "Approvals, reopenings and every change since the minutes were approved"),
)


class LifecycleActions:
    """Approval, reopening, the audit log and actions, for the meeting screen."""

    def check_lifecycle_action(self: MeetingScreen, action: str) -> bool | None:
        """Which of these actions make sense now."""
        if action == "reopen_minutes":
            return self.meeting.locked and not self.store.read_only
        if action == "approve_minutes":  # not while the meeting is going on
            live = self.meeting.started_at is not None and self.meeting.ended_at is None
            return not self.read_only and not live
        if action == "approve_previous":
            return (not self.read_only and self.selected is not None
                    and self.selected.previous_minutes
                    and self.store.approvals.awaiting(self.meeting) is not None)
        return None

    def action_action_log(self: MeetingScreen) -> None:
        """The action log; from matters arising, this committee's, minuting each update."""
        here = self.selected if self.selected and self.selected.matters_arising else None
        if here is None:
            self.routes.open_action_log()
            return
        committee = self.store.committees.get(self.meeting.committee_id).name
        # Locked minutes take no new notes: the log then updates the actions only.
        self.routes.open_action_log(committee, minuted_in=None if self.read_only else here,
                                    before=self.meeting.date)

    def open_actions_lines(self: MeetingScreen, limit: int = 8) -> tuple[int, list[Text]]:
        """How many of the committee's actions are still open from earlier meetings (for
        matters arising), and lines for the first ``limit`` and how many more there are.
        An action agreed in private session is marked EXEMPT. A meeting of no known date
        has no earlier meetings to follow up."""
        if self.meeting.date is None:
            return 0, []
        records = self.store.actions.log("open", committee_id=self.meeting.committee_id,
                                         before=self.meeting.date)
        lines = [assemble(("EXEMPT ", "bold red") if r.exempt else "",
                          ("OVERDUE ", "bold") if r.overdue else "",
                          f"{wording.trimmed(r.action.text)} "
                          f"({r.action.current_owner or 'no owner'}, agreed "
                          f"{wording.short_date(r.meeting_date)})") for r in records[:limit]]
        if len(records) > limit:
            lines.append(literal(f"… and {len(records) - limit} more (Ctrl+L shows them all)"))
        return len(records), lines

    def action_approve_previous(self: MeetingScreen) -> None:
        """Resolve that the previous minutes are a correct record, and approve them."""
        previous = self.store.approvals.awaiting(self.meeting)
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
            reason = (f"Corrections agreed at the meeting of {wording.short_date(self.meeting.date)}"
                      f": {'; '.join(corrections)}" if corrections else None)
            if self.desk.autosaver.save_now(lambda: self.store.approvals.approve_previous(
                    self.meeting.id, self.selected.id, text, unanimous, reopen_for=reason)):
                self.show_entries()
                self.load_agenda()
                when = wording.short_date(previous.date)
                self.notify(f"The minutes of {when} are approved and open for the corrections: "
                            "make them, then press F12 there to lock them." if corrections
                            else f"The minutes of {when} are approved and locked.", timeout=10)
        last = self.store.meetings.previous(self.meeting.committee_id, self.meeting.date)
        title = f"Approve the minutes of {wording.long_date(previous.date)}"
        if last is not None and last.id != previous.id:
            title += (f" – not the last meeting, whose minutes ({wording.long_date(last.date)}) "
                      f"are {last.status.value}")
        self.app.push_screen(FormScreen(title, fields, build), approve)

    def action_approve_minutes(self: MeetingScreen) -> None:
        """Record that these minutes were approved, and on which date."""
        def build(values: dict):
            day = parse_date(values["date"], "date of approval")
            if day is None:
                raise ValueError("Give the date the minutes were approved.")
            return day

        def approve(day) -> None:
            if day and self.desk.autosaver.save_now(
                    lambda: self.store.meetings.approve(self.meeting.id, day)):
                self._refresh_agenda()
                self._show_lock()
        form = FormScreen("Approve these minutes (they are then locked)", [
            FormField("date", "Approved on (YYYY-MM-DD)",
                      value=self.store.now().date().isoformat())], build)
        self.app.push_screen(form, approve)

    def action_reopen_minutes(self: MeetingScreen) -> None:
        """Ask why, then unlock the approved minutes for correction."""
        def build(values: dict) -> str:
            if not (values["reason"] or "").strip():
                raise ValueError("Say why the minutes are being reopened.")
            return values["reason"].strip()

        def reopen(reason: str | None) -> None:
            if reason and self.desk.autosaver.save_now(
                    lambda: self.store.meetings.reopen(self.meeting.id, reason)):
                self._refresh_agenda()
                self._show_lock()
                self.notify("Minutes reopened. Every change is kept in the audit log.")
        form = FormScreen("Reopen approved minutes", [
            FormField("reason", "Why are they being reopened? (kept in the audit log)")], build)
        self.app.push_screen(form, reopen)

    def action_audit_log(self: MeetingScreen) -> None:
        """Show the audit log of these minutes."""
        self.routes.open_audit(self.meeting.id)
