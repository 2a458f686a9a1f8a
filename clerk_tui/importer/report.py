"""What an import found, as the JSON report of ``clerk import --json``.

The report is a contract for programs (the corpus scorer among them): every key is
present in every object, ``null`` when clerk does not know it. This module only maps
clerk's models to that shape; it reads no file and speaks no SQL.

    {"files": [{"path", "status", "message", "meetings": [{"committee", "date",
      "start_time", "venue", "attendance": [...], "declarations": [...],
      "items": [{"number", "title", "exempt", "exempt_paragraph", "entries": [...]}],
      "opening": {item} or null}]}]}

"opening" is what the minutes print before their first item (their heading, who
attended, a welcome), in the shape of an item: clerk files it first and prints it as
published, but it is not an agenda item. A file lists every meeting read from it; the fields of each are in the README's import
section (a resolution's label or null, mover and seconder, a declaration's kind as the
minutes word it, "in attendance", an exemption's paragraph or stated grounds).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from clerk_tui.models import (
    AgendaItem,
    AgendaItemSnapshot,
    Attendance,
    AttendanceStatus,
    Declaration,
    Entry,
    ImportedMinutes,
    Role,
    Vote,
)

ENTRY_KEYS = ("kind", "text", "asker", "responder", "owner", "due", "label", "outcome",
              "votes", "mover", "seconder")


def file_report(path: str, status: str, message: str,
                meetings: Sequence[ImportedMinutes] | ImportedMinutes | None = None,
                ) -> dict[str, Any]:
    """One file: what became of it (``status``, ``message``) and every meeting it holds,
    in order (none when it could not be read)."""
    if isinstance(meetings, ImportedMinutes):
        meetings = [meetings]
    return {"path": path, "status": status, "message": message,
            "meetings": [meeting_report(minutes) for minutes in meetings or ()]}


def meeting_report(minutes: ImportedMinutes) -> dict[str, Any]:
    """One meeting as the minutes give it."""
    numbers = {part.item.id: part.item.minute_number for part in minutes.items}
    return {
        "committee": minutes.committee,
        "date": minutes.date.isoformat() if minutes.date else None,
        "start_time": minutes.start_time.strftime("%H:%M") if minutes.start_time else None,
        "venue": minutes.venue,
        "attendance": [attendance_report(person) for person in minutes.attendance],
        "declarations": [declaration_report(d, numbers) for d in minutes.declarations],
        "items": [item_report(part) for part in minutes.agenda],
        "opening": None if minutes.opening is None else item_report(minutes.opening),
    }


def attendance_report(person: Attendance) -> dict[str, Any]:
    """A person: their name, whether they attended (an officer or guest marked present
    attended "in attendance"), and the office given beside the name."""
    status = person.status.value
    if person.status == AttendanceStatus.PRESENT and person.role != Role.MEMBER:
        status = AttendanceStatus.IN_ATTENDANCE.value
    return {"name": person.person, "status": status, "role": person.office,
            "substitute_for": person.substitute_for}


def declaration_report(declaration: Declaration, numbers: dict[str, str | None],
                       ) -> dict[str, Any]:
    """A declaration of interest: its kind in the minutes' own words where they give
    them, else clerk's kind, else null."""
    kind = declaration.stated_kind or (declaration.kind.value if declaration.kind else None)
    return {"member": declaration.member, "item": numbers.get(declaration.item_id or ""),
            "kind": kind, "text": declaration.text or None}


def item_report(part: AgendaItemSnapshot) -> dict[str, Any]:
    """An agenda item with its entries, in order."""
    item = part.item
    answered = {entry.answers_id for entry in part.entries
                if entry.kind == "response" and entry.responder}
    return {"number": item.minute_number, "title": item.title, "exempt": item.exempt,
            "exempt_paragraph": exempt_ground(item),
            "entries": [entry_report(entry, answered) for entry in part.entries]}


def exempt_ground(item: AgendaItem) -> str | None:
    """Why an item is exempt: its Schedule 12A paragraph ("3"); the grounds as the
    minutes state them where they name more (several paragraphs, another country's
    statute); else null."""
    if item.exempt_basis:
        return item.exempt_basis
    return None if item.exempt_paragraph is None else str(item.exempt_paragraph)


def entry_report(entry: Entry, answered: set[str | None] = frozenset()) -> dict[str, Any]:
    """An entry: its kind and words, and whichever of the other fields its kind has.
    Entries split from one paragraph (``joined``) stay entries of their own here. A
    question's responder is whom it was put to, unless it is in ``answered`` (the ids of
    the questions whose answer names who gave it): the one who answered is said once."""
    fields = dict.fromkeys(ENTRY_KEYS)
    fields.update(kind=entry.kind, text=entry.text, votes=votes_report(None))
    if entry.kind == "question":
        fields["asker"] = entry.asker
        fields["responder"] = None if entry.id in answered else entry.put_to
    elif entry.kind == "response":
        fields["responder"] = entry.responder
    elif entry.kind == "action":
        fields.update(_work(entry))
    elif entry.kind == "resolution":
        fields.update(_work(entry), label=entry.label.value if entry.label else None,
                      votes=votes_report(entry.vote),
                      outcome=entry.outcome.value if entry.outcome else None,
                      mover=entry.mover, seconder=entry.seconder)
    return fields


def _work(entry: Entry) -> dict[str, Any]:
    """Who is to do what the entry asks, and by when (a decision may give work too)."""
    due = getattr(entry, "due", None)
    return {"owner": getattr(entry, "owner", None), "due": due.isoformat() if due else None}


def votes_report(vote: Vote | None) -> dict[str, Any]:
    """The vote: counts (null when not recorded), unanimity, and names by how they voted."""
    named: dict[str, list[str]] = {"for": [], "against": [], "abstain": []}
    if vote is None:
        return {"for": None, "against": None, "abstain": None, "unanimous": None,
                "named": named}
    for cast in vote.named:
        named[cast.vote.value].append(cast.member)
    return {"for": vote.votes_for, "against": vote.votes_against,
            "abstain": vote.votes_abstain, "unanimous": vote.unanimous, "named": named}
