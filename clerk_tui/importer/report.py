"""What an import found, as the JSON report of ``clerk import --json``.

The report is a contract for programs (the corpus scorer among them): every key is
present in every object, ``null`` when clerk does not know it. This module only maps
clerk's models to that shape; it reads no file and speaks no SQL.

    {"files": [{"path", "status", "message", "meetings": [{"committee", "date",
      "start_time", "venue", "attendance": [...], "declarations": [...],
      "items": [{"number", "title", "exempt", "exempt_paragraph", "entries": [...]}]}]}]}
"""

from __future__ import annotations

from typing import Any

from clerk_tui.models import (
    AgendaItemSnapshot,
    Attendance,
    AttendanceStatus,
    Declaration,
    ImportedMinutes,
    Role,
    Vote,
)

IN_ATTENDANCE = "in attendance"
"""The status of an officer or anyone else who attended but is not a member."""

ENTRY_KEYS = ("kind", "text", "asker", "responder", "owner", "due", "label", "outcome",
              "votes", "mover", "seconder")


def file_report(path: str, status: str, message: str,
                minutes: ImportedMinutes | None = None) -> dict[str, Any]:
    """One file: what became of it (``status``, ``message``) and the meetings it holds
    (none when it could not be read)."""
    return {"path": path, "status": status, "message": message,
            "meetings": [] if minutes is None else [meeting_report(minutes)]}


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
        "items": [item_report(part) for part in minutes.items],
    }


def attendance_report(person: Attendance) -> dict[str, Any]:
    """A person: their name, whether they attended, and the office given beside the name."""
    status = person.status.value
    if person.status == AttendanceStatus.PRESENT and person.role != Role.MEMBER:
        status = IN_ATTENDANCE
    return {"name": person.person, "status": status, "role": person.office,
            "substitute_for": person.substitute_for}


def declaration_report(declaration: Declaration, numbers: dict[str, str | None],
                       ) -> dict[str, Any]:
    """A declaration of interest. Its kind is not yet kept as the minutes word it, so
    it is unknown (null) rather than clerk's guess."""
    return {"member": declaration.member, "item": numbers.get(declaration.item_id or ""),
            "kind": None, "text": declaration.text or None}


def item_report(part: AgendaItemSnapshot) -> dict[str, Any]:
    """An agenda item with its entries, in order."""
    item = part.item
    paragraph = item.exempt_paragraph
    return {"number": item.minute_number, "title": item.title, "exempt": item.exempt,
            "exempt_paragraph": None if paragraph is None else str(paragraph),
            "entries": [entry_report(entry) for entry in part.entries]}


def entry_report(entry) -> dict[str, Any]:
    """An entry: its kind and words, and whichever of the other fields its kind has."""
    fields = dict.fromkeys(ENTRY_KEYS)
    fields.update(kind=entry.kind, text=entry.text, votes=votes_report(None))
    if entry.kind == "question":
        fields["asker"] = entry.asker
    elif entry.kind == "response":
        fields["responder"] = entry.responder
    elif entry.kind == "action":
        fields.update(owner=entry.owner, due=entry.due.isoformat() if entry.due else None)
    elif entry.kind == "resolution":
        fields.update(label=entry.label.value, votes=votes_report(entry.vote),
                      outcome=entry.outcome.value if entry.outcome else None)
    return fields


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
