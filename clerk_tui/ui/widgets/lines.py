"""How agenda items and entries read in the lists of the meeting screen."""

from __future__ import annotations

import datetime as dt

from rich.text import Text

from clerk_tui.models import UNDATED, AgendaItem, Entry, Meeting
from clerk_tui.ui.text import append

DATE_FORMAT = "%a %-d %b %Y"  # "Wed 1 May 2024", wherever a meeting's date is shown


def meeting_day(day: dt.date | None) -> str:
    """A meeting's date as lists show it: "Wed 1 May 2024", or "date not known" for
    imported minutes that do not say when."""
    return f"{day:{DATE_FORMAT}}" if day else UNDATED

def meeting_line(meeting: Meeting, read_only: bool) -> str:
    """The meeting screen's title line: day, time, venue, when it started and ended, and
    its status (in capitals where it cannot be changed)."""
    parts = [meeting_day(meeting.date)]
    if meeting.start_time:
        parts.append(f"{meeting.start_time:%H:%M}")
    if meeting.venue:
        parts.append(meeting.venue)
    if meeting.started_at:
        parts.append(f"started {meeting.started_at:%H:%M}")
    if meeting.ended_at:
        parts.append(f"ended {meeting.ended_at:%H:%M}")
    parts.append(meeting.status.value.upper() if read_only else meeting.status.value)
    return " · ".join(parts)


KIND_LABELS = {
    "note": ("Note", "dim"),
    "question": ("Question", "bold cyan"),
    "response": ("Response", "cyan"),
    "action": ("ACTION", "bold yellow"),
    "resolution": ("", "bold green"),
}


def item_line(item: AgendaItem, entries: int, current: bool) -> Text:
    """An agenda item: marker of the item being taken, number, title, exempt, count."""
    line = Text("▶ " if current else "  ", style="bold")
    append(line, item.label)
    if item.exempt:
        line.append(" [exempt]", style="bold red")
    if entries:
        line.append(f" ({entries})", style="dim")
    return line


def entry_line(entry: Entry, timed: bool = True) -> Text:
    """An entry: time captured, kind, and its parsed fields before the text. Entries of
    imported minutes (not ``timed``) were captured at no time of their own: none is shown."""
    label, style = KIND_LABELS[entry.kind]
    if entry.kind == "resolution":
        label = entry.label.value if entry.label else "Decision"
    line = Text(f"{entry.captured_at:%H:%M} " if timed else "", style="dim")
    line.append(f"{label:<11}", style=style)
    line.append(" ")
    speaker = getattr(entry, "asker", None) or getattr(entry, "responder", None)
    if speaker:
        append(line, f"{speaker}: ", style="italic")
    append(line, entry.text or "(no text)")
    append(line, _detail(entry), style="dim")
    return line


def _detail(entry: Entry) -> str:
    if entry.kind == "action":
        parts = [entry.owner or "", f"by {entry.due:%-d %b %Y}" if entry.due else "",
                 entry.status.value if entry.status != "open" else ""]
        shown = ", ".join(p for p in parts if p)
        return f" — {shown}" if shown else ""
    if entry.kind == "resolution" and entry.vote is not None:
        return f" — {vote_summary(entry.vote)}"
    return ""


def vote_summary(vote) -> str:
    """A vote in a few words: "unanimous", "for 7, against 2, abstain 1"."""
    if vote.unanimous:
        return "unanimous"
    counts = [(vote.votes_for, "for"), (vote.votes_against, "against"),
              (vote.votes_abstain, "abstain")]
    shown = ", ".join(f"{word} {n}" for n, word in counts if n is not None)
    if vote.named:
        shown = (shown + "; " if shown else "") + f"{len(vote.named)} named"
    return shown or "vote recorded"
