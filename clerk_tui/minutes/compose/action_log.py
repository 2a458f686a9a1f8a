"""The action log as a document: a table of actions across meetings."""

from __future__ import annotations

import datetime as dt

from clerk_tui.minutes.compose import wording
from clerk_tui.minutes.document import Document, Properties, Table, paragraph
from clerk_tui.models import ActionRecord, OrganisationSettings

LOG_WIDTHS = (0.3, 0.22, 0.14, 0.11, 0.09, 0.14)


def action_row(record: ActionRecord) -> tuple[str, ...]:
    """One action in the log: what, where and progress, owner now, due now, status, when agreed."""
    action = record.action
    detail = record.item_label + (f" – {wording.trimmed(action.progress)}" if action.progress else "")
    status = wording.OVERDUE if record.overdue else action.status.value.capitalize()
    if action.done_on:
        status += f" {wording.short_date(action.done_on)}"
    due = action.current_due
    return (
        wording.capitalised(wording.trimmed(action.text)),
        detail,
        wording.formal_name(action.current_owner) if action.current_owner else "",
        wording.short_date(due) if due else "",
        status,
        f"{record.committee_name}, {wording.short_date(record.meeting_date)}",
    )


def action_csv_row(record: ActionRecord) -> tuple[str, ...]:
    """One action for a spreadsheet (:data:`wording.ACTION_CSV_COLUMNS`): each fact in a
    column of its own, dates in ISO 8601, every cell safe from being run as a formula."""
    action = record.action
    status = wording.OVERDUE if record.overdue else action.status.value.capitalize()
    due, done = action.current_due, action.done_on
    cells = (
        wording.capitalised(wording.trimmed(action.text)),
        wording.formal_name(action.current_owner) if action.current_owner else "",
        due.isoformat() if due else "",
        status,
        done.isoformat() if done else "",
        action.progress or "",
        record.committee_name,
        wording.iso_date(record.meeting_date, ""),
        record.minute_number or "",
        record.item_title,
        "yes" if record.exempt else "no",
    )
    return tuple(spreadsheet_safe(cell) for cell in cells)


_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(cell: str) -> str:
    """A cell a spreadsheet shows as text, never runs: one that starts (after any spaces)
    as a formula does (``=``, ``+``, ``-``, ``@``, a tab or a carriage return) gets a
    leading ``'``, as OWASP advises against CSV injection; "-5" too, since a formula can
    hide behind a number's sign."""
    if cell.startswith(_FORMULA_STARTS) or cell.lstrip(" \n").startswith(_FORMULA_STARTS):
        return "'" + cell
    return cell


def compose_action_log(records: list[ActionRecord], settings: OrganisationSettings,
                       scope: str, today: dt.date, confidential: bool = False) -> Document:
    """The action log as a document; ``scope`` says which actions it holds. Actions
    agreed under exempt items are left out unless it is the ``confidential`` version,
    which is marked so on every page."""
    shown = [r for r in records if confidential or not r.exempt]
    blocks = []
    if settings.organisation:
        blocks.append(paragraph(settings.organisation.upper(), role="subtitle"))
    blocks += [paragraph(wording.ACTION_LOG_TITLE, role="title"),
               paragraph(f"{scope}, as at {wording.long_date(today)}"),
               Table(wording.ACTION_LOG_COLUMNS, tuple(action_row(r) for r in shown), LOG_WIDTHS)]
    markings = ("CONFIDENTIAL",) if confidential else ()
    return Document(
        blocks=tuple(blocks),
        header=f"{wording.ACTION_LOG_TITLE} – {wording.short_date(today)}",
        properties=Properties(title=f"{wording.ACTION_LOG_TITLE}, {wording.short_date(today)}",
                              subject=scope,
                              author=settings.clerk_name or settings.organisation or "clerk",
                              keywords="actions", category=wording.ACTION_LOG_TITLE),
        markings=markings,
        marking_line=wording.MARKING_SEPARATOR.join(markings),
        page_numbers=wording.PAGE_NUMBERS,
        final=True,
    )
