"""The capture line's grammar: one typed line becomes an entry of the right kind.

    plain text                                   a note
    ? [Asker:] text                              a question
    > [Responder:] text                          a response (to the item's last question)
    ! text [@Owner] [by YYYY-MM-DD]              an action
    = text [(unanimous)|(for N, against N, abstain N)]   a resolution (RESOLVED)
    =rec text / =agr text                        RECOMMENDED / AGREED

A line that starts like one of these but cannot be read (an impossible date, no
text) is kept exactly as typed, as a note, with a warning: nothing is ever dropped.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

from pydantic import ValidationError

from clerk_tui.fields import parse_count, shown
from clerk_tui.models import (
    Action,
    Entry,
    Note,
    Question,
    Resolution,
    ResolutionLabel,
    Response,
    Vote,
    explain,
)

PREFIXES = {"?": "question", ">": "response", "!": "action", "=": "resolution"}

# A speaker before a colon: a few words that start with a capital ("Cllr Ahmed",
# "Director of Education"), not the start of a sentence ("what time: ...").
_SPEAKER = re.compile(
    r"^\s*(?!(?:What|When|Where|Why|How|Who|Which|Is|Are|Can|Could|Will|Would|Should|Do|Does"
    r"|Did|Has|Have)\b)([A-Z][\w.'’-]*(?:\s+[\w.'’&-]+){0,5})\s*:\s*(.*)$",
    re.DOTALL,
)
# Each pattern that is searched for starts only where a run of spaces starts (or at a
# word), so a pasted page full of spaces is read in one pass, not once per space.
_DUE = re.compile(r"(?<!\s)\s+by\s+(\S+)\s*$", re.IGNORECASE)
_OWNER = re.compile(r"(?:^|(?<!\s)\s+)@([^@]*[^@\s])\s*$")
_LABEL = re.compile(r"^=(rec|agr)?(?=\s)", re.IGNORECASE)
_VOTE = re.compile(r"(?<!\s)\s*\(([^()]*)\)\s*$")
_WORD = r"(for|against|abstain(?:ed|ing|s)?|abstentions?)"
_COUNT = re.compile(rf"^(?:{_WORD}\s*:?\s*(\d+)|(\d+)\s+{_WORD})$", re.IGNORECASE)
_LABELS = {"": ResolutionLabel.RESOLVED, "rec": ResolutionLabel.RECOMMENDED,
           "agr": ResolutionLabel.AGREED}


@dataclass(frozen=True)
class QuickEntry:
    """What a typed line became, and why, if it was kept as a note instead."""

    entry: Entry
    warning: str | None = None


class _Unreadable(ValueError):
    """The line starts like a kind of entry but cannot be read as one."""


def question_answered(before: Sequence[Entry]) -> str | None:
    """The question a response answers when it comes after the entries ``before`` (in
    their order): the last question among them, or none."""
    return next((entry.id for entry in reversed(before) if entry.kind == "question"), None)


def parse(
    line: str,
    item_id: str,
    captured_at: dt.datetime,
    earlier: Sequence[Entry] = (),
) -> QuickEntry:
    """Turn a capture line into an entry of ``item_id`` captured at ``captured_at``,
    placed after ``earlier`` (the item's entries, in order): a response answers the
    last question among them."""
    common = {"item_id": item_id, "captured_at": captured_at}
    kind = PREFIXES.get(line.lstrip()[:1])
    try:
        if kind == "question":
            asker, text = _speaker(_body(line, "?"))
            return QuickEntry(Question(text=text, asker=asker, **common))
        if kind == "response":
            responder, text = _speaker(_body(line, ">"))
            return QuickEntry(Response(text=text, responder=responder,
                                       answers_id=question_answered(earlier),
                                       **common))
        if kind == "action":
            return QuickEntry(_action(_body(line, "!"), common))
        if kind == "resolution":
            return QuickEntry(_resolution(line.strip(), common))
    except _Unreadable as problem:
        return QuickEntry(Note(text=line, **common), f"Kept as a note: {problem}")
    except ValidationError as problem:
        return QuickEntry(Note(text=line, **common), f"Kept as a note: {explain(problem)}")
    return QuickEntry(Note(text=line, **common))


def _body(line: str, prefix: str) -> str:
    body = line.strip()[len(prefix):].strip()
    if not body:
        raise _Unreadable(f"there is nothing after '{prefix}'.")
    return body


def _speaker(body: str) -> tuple[str | None, str]:
    match = _SPEAKER.match(body)
    if match and match.group(2).strip():
        return match.group(1).strip(), match.group(2).strip()
    return None, body


def _action(body: str, common: dict) -> Action:
    due = owner = None
    for _ in range(2):  # "@Owner by date" or "by date @Owner"
        if due is None and (match := _DUE.search(body)):
            due = _date(match.group(1))
            body = body[: match.start()]
        elif owner is None and (match := _OWNER.search(body)):
            owner = match.group(1).strip()
            body = body[: match.start()]
    if not body.strip():
        raise _Unreadable("the action has no text.")
    return Action(text=body.strip(), owner=owner, due=due, **common)


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise _Unreadable(f"{shown(text)} is not a real date (write it as YYYY-MM-DD).") from None


def _resolution(line: str, common: dict) -> Resolution:
    match = _LABEL.match(line)
    if not match:
        raise _Unreadable("a resolution starts '= ', '=rec ' or '=agr ', then its text.")
    label = _LABELS[(match.group(1) or "").lower()]
    body = line[match.end():].strip()
    vote = None
    if found := _VOTE.search(body):
        vote = _vote(found.group(1))
        if vote is not None:
            body = body[: found.start()].strip()
    if not body:
        raise _Unreadable("the resolution has no text.")
    return Resolution(text=body, label=label, vote=vote, **common)


def _vote(inside: str) -> Vote | None:
    """The vote in a closing bracket, or None when the bracket is ordinary text."""
    if inside.strip().lower() in ("unanimous", "unanimously", "nem con"):
        return Vote(unanimous=True)
    counts: dict[str, int] = {}
    for part in inside.split(","):
        match = _COUNT.match(part.strip())
        if not match:
            return None
        word = (match.group(1) or match.group(4)).lower()
        key = "votes_for" if word == "for" else "votes_against" if word == "against" else "votes_abstain"
        try:  # read as a form's count is: 5,000 digits are refused, not read
            counts[key] = parse_count(match.group(2) or match.group(3), "vote")
        except ValueError as problem:
            raise _Unreadable(str(problem)) from None
    return Vote(**counts)
