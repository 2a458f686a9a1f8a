"""How a later meeting's minutes record a follow-up to an action from the action log."""

from __future__ import annotations

import datetime as dt

from clerk_tui.minutes.compose import wording
from clerk_tui.models import ActionRecord, ActionStatus


def follow_up_minute(record: ActionRecord, *, status: ActionStatus | str | None = None,
                     done_on: dt.date | None = None, progress: str | None = None,
                     reassigned_to: str | None = None,
                     due_revised: dt.date | None = None) -> str:
    """The minute text of a follow-up to the action of ``record``: the changes given
    (as :meth:`clerk_tui.store.Store.actions.follow_up` takes them) over the action as
    it stands; one agreed in private session is named only by its item."""
    action = record.action
    return action_update(
        record.meeting_date, record.item_label, action.text, action.current_owner,
        ActionStatus(status or action.status).value, done_on, progress,
        reassigned_to=reassigned_to, due_revised=due_revised, private=record.exempt)


def action_update(agreed_on: dt.date | None, item: str, action: str, owner: str | None, status: str,
                  done_on: dt.date | None, progress: str | None, *,
                  reassigned_to: str | None = None, due_revised: dt.date | None = None,
                  private: bool = False) -> str:
    """How the minutes of a later meeting record what became of an action. An action
    agreed in private session is named only by its item (whose title is public), and
    its words and note are left out."""
    # an action of imported minutes that did not say when they were has no day to name
    when = f"on {wording.short_date(agreed_on)}" if agreed_on else "at a meeting of no known date"
    if private:
        return (f"An action agreed in private session {when} under {item} "
                f"{_action_news(status, done_on, None, None)}.")
    who = f" ({wording.formal_name(owner)})" if owner else ""
    text = f"The action agreed {when} under {item}, “{wording.trimmed(action)}”{who}, "
    text += _action_news(status, done_on, reassigned_to, due_revised)
    return text + (f": {wording.clause(progress)}." if progress and progress.strip() else ".")


def _action_news(status: str, done_on: dt.date | None, reassigned_to: str | None,
                 due_revised: dt.date | None) -> str:
    if reassigned_to:
        return f"was passed to {wording.formal_name(reassigned_to)}"
    if due_revised:
        return f"is now due by {wording.short_date(due_revised)}"
    return {"done": f"was reported done{f' on {wording.short_date(done_on)}' if done_on else ''}",
            "cancelled": "was withdrawn", "open": "remains open"}[status]
