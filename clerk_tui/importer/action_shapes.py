"""Further shapes of a task that :mod:`clerk_tui.importer.actions` reads.

Kept apart so that module stays small. Each shape is read here by its words alone; the
caller says whether an owner is one (``owner_of``) and whether a word is work (``verb``),
so this module needs nothing from it:

- an owner, a dash, then the task in a verb's base form ("JS – ring the contractor",
  "Clerk - chase the invoice"), an owner named by initials, a role or a title only;
- a thing to be done, however long its name, when a bracket at its end names a role and
  a date ("Grant form for the 2025 fete to be sent (Secretary, 3 May)");
- a single word that opens a sentence as a verb would ("Had to pay …", "Need to …"),
  which is nobody's name;
- an owner's line ("Action: JS") after a decision or task owned by the sentence's shape
  ("Agreed that the Secretary would write …"): the line names who is to do it, and wins;
- an owner's line after a question nobody answered ("Would members help at the fete?"
  then "Action: All"): the question is the task it gives.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from clerk_tui.importer.pieces import Piece

# "JS – ring …", "Clerk - chase …": owner, a spaced dash, a verb. The owner is short and
# has no dash of its own, so the match is linear.
_DASHED = re.compile(r"(?P<owner>[A-Z][\w./&’']{0,20}(?:[ /&]{1,3}[A-Za-z][\w.’']{0,20}){0,3})"
                     r"\s{1,3}[-–—]\s{1,3}(?P<verb>[a-z][a-z-]{1,20})\b")
# "<a thing, up to ten words> to be <done>": the passive task before an owner's bracket
_PASSIVE = re.compile(r"(?P<what>[^,;:.()]{1,100}?)\s+to\s+be\s+(?P<done>[a-z]{3,20}(?:ed|en|t|n))\b")
_CLAUSE = frozenset("""was were is are be been had has have will would not it this there
which that who need needs seem seems appear appears want wants ought going likely
expected yet also continue continues""".split())
_NOT_DONE = frozenset("""held noted received considered discussed approved decided confirmed
determined agreed minuted seen used kept""".split())
# Words that open a sentence the way a verb does, and so name no one ("Had to pay").
_NOT_NAMES = frozenset("""had has have having need needs needed want wants wanted hope hoped
hoping tried trying going plan plans planned intend intends intended wish wishes wished
decided agreed asked able unable due about yet still nothing""".split())


def verb_not_name(words: str) -> bool:
    """Whether ``words`` is one word that opens a clause as a verb does ("Had", "Need"),
    not a person's name."""
    parts = words.split()
    return len(parts) == 1 and parts[0].strip(",.").lower() in _NOT_NAMES


def dashed_task(text: str, owner_of: Callable[[str], str | None],
                strong: Callable[[str], bool], verb: Callable[[str], bool]) -> str | None:
    """The owner of "<owner> – <verb> …" ("CS – contact the supplier"): initials, a role or
    a title before a spaced dash, a verb of work after it; None for a topic before a dash
    ("Bins – the council will …")."""
    found = _DASHED.match(text[:200])
    if found is None or not verb(found.group("verb")):
        return None
    owner = owner_of(found.group("owner"))
    return owner if owner is not None and strong(owner) else None


def passive_task(text: str) -> bool:
    """Whether ``text`` (the words before an owner's bracket) ends in a thing to be done:
    "Grant form for the 2025 fete to be sent", "Room to be booked"; not "It was to be
    noted" nor a thing that is only to be held or received."""
    last = re.split(r"(?<=[.;!?])\s+", text.strip()[-400:])[-1]
    found = _PASSIVE.match(last)
    if found is None or found.group("done") in _NOT_DONE:
        return False
    tokens = found.group("what").split()
    return len(tokens) <= 10 and not any(
        t.lower() in _CLAUSE or (t.lower().endswith("ed") and len(t) > 4) for t in tokens)


def retarget(found: list[Piece], line: Piece, owner: str, labelled: bool) -> bool:
    """An owner's line (``labelled``: "Action: FD") after the last words said: when those
    are a decision or a task someone was given by the sentence's shape, the line names the
    owner instead; when they are a question nobody answered, the question is the task.
    True when the line was given to that piece (the line itself stays a note)."""
    if not labelled:
        return False
    last = next((piece for piece in reversed(found) if piece.text.strip(" |")), None)
    if last is None or last.line_kind == "heading":
        return False
    if last.kind in ("resolution", "action") and last.owner is not None:
        if re.match(r"\(?\s*actions?\b", last.text, re.IGNORECASE):
            return False  # a labelled task of its own; this line is another
        if _words(last.owner) & _words(owner):
            return False  # "The Clerk will …" then "Action: Clerk": owned already
        last.owner = owner
    elif last.kind == "question" and last.responder is None:
        last.kind, last.owner = "action", owner
    else:
        return False
    found.append(line)
    return True


_BODY = re.compile(r"(?:[A-Z][\w'’.-]{0,30}\s+){1,5}(?:Council|Committee|Board|Cabinet|Authority|"
                   r"Assembly|Commission|Corporation|Trust|Parliament|Executive)")


def body_named(name: str) -> bool:
    """Whether ``name`` is a body by its proper name ("Brindle District Council", "Upper
    Vale Parish Council"): a decision it makes is its own, no one person's task."""
    return _BODY.fullmatch(name.strip()) is not None


def _words(name: str) -> set[str]:
    """The words of a name, lower-cased, "the" left out."""
    return {w.lower() for w in re.findall(r"[\w']+", name)} - {"the"}
