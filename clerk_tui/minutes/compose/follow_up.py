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
    return wording.action_update(
        record.meeting_date, record.item_label, action.text, action.current_owner,
        ActionStatus(status or action.status).value, done_on, progress,
        reassigned_to=reassigned_to, due_revised=due_revised, private=record.exempt)
