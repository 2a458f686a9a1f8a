"""Actions read from an item's pieces: who is to do what, and by when.

Minutes mark actions in many ways: a label before or after the task ("ACTION: Clerk to
write …", "AP 3:", "… ACTION: JS", "… ACTION CLERK", "Action by: Clerk"), an owner in an
action column (a line of its own, initials at the end: "…. JS", a Word table's cell: "… ·
CEO · May"), a bracket ending the task ("(Clerk, by 30 June 2024)", "(JT / 30 June)",
"(RB, ongoing)", "(Clerk)"), or only the sentence's own shape ("Clerk to write to …",
"The Chair agreed to contact …", "It was agreed that the Clerk would …", "Staff was
directed to …", "The Committee instructed the Clerk to …", "Quotes
to be obtained"). The task's words stay whole in the piece's text, labels too; the owner
and a due date are copied into fields. A decision that gives someone work keeps its kind
and gains its owner ("RESOLVED that the Clerk write to …"); a task in a later sentence of
a question or an answer is cut from it. Narrative ("The Clerk reported that …", "Officers
had been asked previously", "The Council will review …") is no action.
"""

from __future__ import annotations

import datetime as dt
import re

from clerk_tui.importer import action_shapes
from clerk_tui.importer.dates import DATE, MONTH_NAME, date_of
from clerk_tui.importer.exchanges import (
    LIST_OPENING,
    MAX_SENTENCES,
    NAME_REACH,
    TITLE_ABBREVIATIONS,
    WINDOW,
    person,
    sentence_starts,
    subject_before,
)
from clerk_tui.importer.pieces import Piece, split

# What people are given to do. Words of business that are not work for someone ("note",
# "receive", "approve", "agree", "sign", "consider") are left out on purpose.
_DOING = frozenset("""write contact arrange circulate send inform notify check investigate obtain
chase order book report liaise seek ask request prepare draft provide update review look speak
discuss attend organise organize meet purchase buy install repair replace remove clear email
e-mail phone telephone ring call visit inspect follow pursue progress action forward respond
reply invite advertise publish post put place add include raise source get find research
explore produce present bring submit distribute share copy issue compile collate monitor
approach engage consult amend correct revise finalise finalize complete renew register apply
pay invoice transfer quote cost price establish set draw work help assist remind let tell talk
co-ordinate coordinate schedule convene take make deliver collect return escalate refer feed
keep clarify identify mention oil fix mend paint mow trim tidy sweep measure test trial lead host run create design develop plan recruit
train brief instruct commission procure tender negotiate suggest enquire inquire canvass
""".split())
# The few a bare "To …" opens as a task, not as an agenda's "To receive …".
_TO_DOING = frozenset("""write contact suggest ask inform arrange obtain chase invite send
seek liaise notify request forward pursue remind enquire approach""".split())
_ROLE = re.compile(
    r"\b(?:clerks?|chair(?:man|woman|person)?|vice[- ]chair\w*|treasurer|secretary|rfo|"
    r"officers?|director|managers?|head(?:teacher)?|principal|mayor|leader|staff|solicitors?|"
    r"administrator|engineer|planner|co-?ordinator|councillors?|cllrs?|governors?|trustees?|"
    r"members?|department|dept|executive|team|lead|attorney|counsel|regent|commissioner|"
    r"superintendent|supervisor|auditor|accountant|caretaker|warden|ranger|manager|highways|"
    r"everyone|all)\b", re.IGNORECASE)
_TITLE = re.compile(r"^(?:the\s+)?(?:cllr|councillor|mr|mrs|ms|miss|mx|dr|prof|rev|revd|sir|dame|"
                    r"lord|lady|regent|commissioner|alderman|trustee|governor)\b\.?", re.IGNORECASE)
_INITIALS = re.compile(r"(?:[A-Z]{2,4}|(?:[A-Z]\.){2,4})(?:\s*[/&,+]\s*(?:[A-Z]{2,4}|(?:[A-Z]\.)"
                       r"{2,4})){0,4}")
# Capitals that stand in an action column but name nobody.
_NOT_INITIALS = frozenset("TBC TBA TBD NA N/A NB AOB OK ALL NONE PLAN LOG".split())


def _initials(text: str) -> bool:
    """Whether ``text`` is someone's initials ("JS", "J.S.", "JS/TB"), not "TBC"."""
    return _INITIALS.fullmatch(text) is not None and text.upper() not in _NOT_INITIALS


# A body acting as a whole: what it agrees to do is a decision, not one person's task.
_COLLECTIVE = re.compile(r"^(?:the\s+)?(?:members|councillors|committee|sub-committee|board|"
                         r"council|panel|trustees|governors|cabinet|meeting|group|forum|"
                         r"parish council|town council|authority)$", re.IGNORECASE)
# Capitalised words that open a line but are things, not people ("Letter to residents").
_THINGS = frozenset("""letter letters notice notices report reports response responses reply
request requests item items motion application applications proposal proposals decision
agreement amendment amendments changes change welcome thanks visit visits invitation
contribution grant grants donation donations payment payments quote quotes plans plan need
attempts efforts right ability access approach trip move option options time agreed resolved
decided moved proposed it this that there these those he she they we minutes apologies
matters correspondence planning finance date dates meeting budget precept accounts
nothing none no one""".split())
# Words that open a title or a motion, not a person ("Authorizing the Clerk to …").
_GERUNDS = frozenset("""authorizing authorising approving submitting accepting amending adopting
granting awarding receiving setting declaring requesting recommending appointing directing
designating establishing levying ordering referring reporting regarding considering
confirming noting providing allowing""".split())
_DECIDING = frozenset("agreed resolved decided approved noted moved carried".split())
_SIGNATURE = re.compile(r"^(?:signed|signature|date|chair(?:man|woman|person)?|dated)\b|__",
                        re.IGNORECASE)


_POSSESSIVE = re.compile(r"(?:['’]s|s['’])$")


def owner_of(words: str, marked: bool = False) -> str | None:
    """``words`` as written when they name who is to act: a person, a role ("the Clerk",
    "Officers"), initials ("ES", "JS/TB"); a bare first name or a body's name only when a
    label (``marked``) says it is an owner."""
    text = words.strip().strip(",|").strip()
    if not text or len(text) > 80:
        return None
    if _initials(text) or (marked and _ROLE_ONLY.fullmatch(text)):
        return text  # "JS", and under a label "All" or "Everyone" too
    name = person(text)
    if name is None or _POSSESSIVE.search(name) or action_shapes.verb_not_name(name):
        return None  # "the Panel's (report)": what someone owns, not who acts
    first = name.split()[0].lower().strip("(),")
    if first in _THINGS or first in _GERUNDS or any(
            word.strip(",").lower() in _DECIDING for word in name.split()):
        return None
    if _ROLE.search(name) or _TITLE.match(name) or marked:
        return name
    # Capitalised words alone: a person's name ("Roger", "Jane Smith", "Regent Mercer").
    words_ = name.split()
    if all(w[:1].isupper() or w.lower() in ("and", "&", "of", "the") for w in words_) and \
            len(words_) <= 8:
        return name
    return None


def due_of(text: str) -> dt.date | None:
    """The date a task is due by ("by 31 March 2025", "(Clerk, by 30 June 2024)", "Due:
    1/5/2025"), when the minutes give one in full; None for "by the next meeting"."""
    for found in _BY.finditer(text[:20_000]):
        date = DATE.match(text, found.end())
        if date and (day := date_of(date)) is not None:
            return day
    return None


_BY = re.compile(r"(?:\bby|\bdue(?:\s+date)?\s*:?|\bdeadline\s*:?|\btarget\s+date\s*:?|"
                 r"\bbefore)\s+(?:the\s+)?(?:end\s+of\s+)?", re.IGNORECASE)


# --- labels ---------------------------------------------------------------------------------

_PREFIX = re.compile(
    r"^\(?(?P<label>(?:ACTIONS?|Actions?(?:\s+[Pp]oints?)?|ACTION\s+POINTS?|AP)"
    r"(?:\s*(?:[Nn]o\.?\s*)?\d{1,3}[a-z]?)?)\s*(?P<sep>[:.\-–—)]|\b(?:by|for)\b\s*:?)\s*"
    r"(?P<rest>.*)$",
    re.DOTALL)
_TRAILING = re.compile(r"[\s.;:,)(\[|–—-]\(?\[?(?:ACTIONS?|Action)\b(?:\s*(?:[:\-–—]|(?:by|for)\b\s*:?)"
                       r"\s*(?P<owner>[^.;:()\[\]]{1,60}?))?\s*[)\]]?\s*\|?\s*$")
# "…. JS", "… | Clerk", "… · Clerk" (a Word table's row, its cells joined by " · ")
_END_OWNER = re.compile(r"(?:\.{2,}|…|[.;!?|·]|\s[-–—])\s*(?P<owner>[A-Z][\w/&.,+ -]{0,40}?)\s*\|?\s*$")
_BRACKETED = re.compile(r"\((?P<owner>[^()]{1,60}?)\s*(?:,|–|—|-|\s)\s*(?:by|before|due)\s+"
                        r"(?P<when>[^()]{1,60})\)\s*\.?\s*$", re.IGNORECASE)
# "(Clerk, March 2025)", "(JT / 30 June)", "(Action: PK by end of May)", "(RB, ongoing)":
# a bracket at the task's end naming its owner and when it is due. The task's words, the
# bracket with them, stay as written; only the fields are read from it.
_LAST_BRACKET = re.compile(r"\((?P<inner>[^()]{2,100})\)[\s.;|]{0,4}$")
_BRACKET_LABEL = re.compile(r"(?i:actions?(?:\s+by)?)\s{0,3}[:–—-]\s{0,3}")
_BRACKET_SEP = re.compile(r"\s{0,3}(?:[,;/]|\s[–—-])\s{0,3}|\s(?=(?i:by|before|due|until|till|"
                          r"within|w/?c|end\s+of)\b)")
# A deadline or a task's state: enough to say the bracket is an action's
_DEADLINE = re.compile(
    r"(?i:(?:by|before|due|until|till|no\s+later\s+than|deadline|target|w/?c|week\s+commencing|"
    r"within|end\s+of)\b\s{0,3}:?\s{0,3}\S.{0,50}|ongoing|on-going|asap|a\.s\.a\.p\.?|"
    r"immediately|urgent(?:ly)?|tbc|tba|tbd|next\s+meeting|next\s+month|next\s+week|this\s+week|"
    r"this\s+month|as\s+soon\s+as\s+possible|in\s+hand|in\s+progress|when\s+possible|"
    r"as\s+required)")
# A date, in full or in part ("30 June", "March 2025", "Q3", "12/5"): an action's only
# when the task reads as one (a letter's reference "(Mr Ames, 5 May 2024)" is none)
_WHEN_DATE = re.compile(
    r"(?i:(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]{0,6}\.?,?\s{1,3})?(?:\d{1,2}(?:st|nd|rd|th)?"
    r"\s{1,3}(?:of\s{1,3})?" + MONTH_NAME + r"(?:,?\s{1,3}\d{4})?|" + MONTH_NAME +
    r"\s{1,3}\d{1,2}(?:st|nd|rd|th)?(?:,?\s{1,3}\d{4})?|(?:(?:early|mid|late)[\s-]{1,3})?"
    + MONTH_NAME + r"(?:\s{1,3}\d{4})?|\d{1,2}[./-]\d{1,2}(?:[./-]\d{2,4})?|q[1-4](?:\s{1,3}\d{4})?|"
    r"(?:spring|summer|autumn|winter)(?:\s{1,3}\d{4})?))")


def _owner_and_when(text: str) -> tuple[str, dt.date | None] | None:
    """The owner named in the bracket ending a task, and the date it is due by when the
    bracket gives one in full ("(Clerk, 30 June 2025)"); None when the bracket names no
    owner and when ("(see Appendix 2)", "(Cllr Ames, Chair)")."""
    found = _LAST_BRACKET.search(text[-200:])
    if found is None:
        return None
    inner = found.group("inner").strip()
    label = _BRACKET_LABEL.match(inner)
    if label is not None:
        inner = inner[label.end():]
    for sep in _BRACKET_SEP.finditer(inner):
        who, when = inner[:sep.start()].strip(), inner[sep.end():].strip(" .")
        deadline = _DEADLINE.fullmatch(when) is not None
        if not who or not (deadline or _WHEN_DATE.fullmatch(when)):
            continue
        owner = _bracket_owner(who, label is not None)
        if owner is None:
            return None
        task = text[:len(text) - len(text[-200:]) + found.start()]
        if label is None and not deadline and not _reads_as_task(task) and not (
                strong(owner) and action_shapes.passive_task(task)):
            return None
        return owner, _when_due(when)
    if label is not None and (owner := owner_of(inner, marked=True)) is not None:
        return owner, None  # "(Action: PK)"
    return None


def _bracket_owner(words: str, labelled: bool) -> str | None:
    """``words`` as an owner: under a label anyone the minutes could name; without one
    initials, a role, a titled name or a person's name ("RB", "Clerk", "Cllr Moss")."""
    if labelled:
        return owner_of(words, marked=True)
    if _initials(words) or _ROLE_ONLY.fullmatch(words) or _TITLE.match(words):
        return owner_of(words, marked=True)
    return owner_of(words)


def _reads_as_task(task: str) -> bool:
    """Whether the words before a bracket give work: an order ("Update the website."),
    a sentence that gives it ("Clerk to write …") or a label ("ACTION: …")."""
    words = task.strip()
    last = words[sentence_starts(words[-WINDOW:])[-1] + max(0, len(words) - WINDOW):] \
        if words else ""
    first = re.match(r"[A-Za-z-]+", last.strip())
    return bool(_PREFIX.match(words) or (first and _verb(first.group())) or (
        last and owned_sentence(last[:1].upper() + last[1:]) is not None))


def _when_due(when: str) -> dt.date | None:
    """The date ``when`` gives in full ("30 June 2025", "by 1/5/2025"), else None."""
    found = DATE.search(when)
    return date_of(found) if found is not None else None


# "… ACTION CLERK", "… ACTION JS": a label in capitals, its owner after a space.
_SHOUTED = re.compile(r"[\s.;:,|–—-]ACTIONS?\s+(?P<owner>[A-Z][\w/&.+ -]{0,40}?)\s*\|?\s*$")
_NOT_OWNERS = frozenset("""plan plans point points group log list sheet tracker required agenda
item items taken none needed list register schedule update updates""".split())
# "… to be obtained (Clerk)." or "…. (JS)": an owner in brackets ends the task.
_END_BRACKET = re.compile(r"(?P<stop>[.;]?)\s*\((?P<owner>[^()]{1,40})\)\s*\.?\s*$")
_COLUMN_OWNER = re.compile(r"^(?P<owner>[^|]{1,40}?)\s*\|?$")


def _marker_only(text: str) -> str | None:
    """The owner a line names alone, in an action column or under a label ("ACTION:
    JS", "Action – Clerk", "Clerk |", "JS"); None for any other line."""
    found = _PREFIX.match(text)
    if found:
        rest = found.group("rest").strip().strip("|").strip()
        return owner_of(rest, marked=True) if rest else None
    column = _COLUMN_OWNER.match(text.strip())
    if column is None:
        return None
    owner = column.group("owner").strip()
    # Without a label only initials or a role make a line an owner: a person's name alone
    # on a line is as often a signature or a heading.
    if _initials(owner):
        return owner
    if _ROLE_ONLY.fullmatch(owner):
        return owner  # "Clerk" or "Clerk |": a cell of an action column
    return None


_ROLE_ONLY = re.compile(r"(?:(?:[A-Z]{2,4}|(?:the\s+)?[A-Z][a-z]+)\s+)?(?:the\s+)?(?:Clerk|RFO|"
                        r"Chair(?:man|woman|person)?|Treasurer|Secretary|Officers?|Staff|Head|"
                        r"Headteacher|All(?:\s+(?:members|Members|councillors|Councillors|"
                        r"governors|Governors|trustees|Trustees))?|Everyone)", re.IGNORECASE)


def _labelled(piece: Piece) -> tuple[str | None] | None:
    """A piece marked as an action by a label before or after its task: (its owner,);
    None when it carries no label."""
    text = piece.text
    bracketed = _BRACKETED.search(text[-200:])
    in_brackets = owner_of(bracketed.group("owner"), marked=True) if bracketed else None
    if in_brackets is None and (owned := _owner_and_when(text)) is not None:
        in_brackets = owned[0]
    if (found := _PREFIX.match(text)) is not None:  # "ACTION: Circulate it (Clerk, by …)"
        rest = found.group("rest")
        return ((_owner_in_task(rest) if rest.strip() else None) or in_brackets,)
    if in_brackets is not None:
        return (in_brackets,)
    if not re.search(r"[a-z]{3}", text[:200]):
        return None  # a heading in capitals ("APOLOGIES / ACTION") heads a column
    if _column_names(text):
        return None  # "Ref | Matter | Action by | Status" heads a table
    tail = text[-120:]
    if (found := _TRAILING.search(tail)) is not None and _uppercase_or_owned(found):
        owner = (found.group("owner") or "").strip()
        if not owner:
            return (_owner_in_task(text),)
        if (name := owner_of(owner, marked=True)) is not None:
            return (name,)
    if (owner := _shouted_owner(tail) or _bracketed_owner(text) or _cell_owner(text)) \
            is not None:
        return (owner,)
    if (found := _END_OWNER.search(tail)) is not None and \
            len(re.findall(r"[a-z]{2,}", text[:len(text) - len(tail) + found.start()])) >= 5:
        owner = found.group("owner").strip()
        if _initials(owner) or _ROLE_ONLY.fullmatch(owner):
            return (owner,)
    return None


def _column_names(text: str) -> bool:
    """Whether a line is a table's header naming an owner's column ("Min ref | Matter |
    Action by | Status"): three cells or more, short, one of them the owner's."""
    if len(text) > 200:
        return False
    for mark in _CELL_MARKS[:3]:
        cells = [cell for cell in _cells(text, mark) if cell]
        if len(cells) >= 3:
            return all(len(cell.split()) <= 3 for cell in cells) and any(
                _OWNER_COLUMN.fullmatch(cell.rstrip(":").strip()) for cell in cells)
    return False


def _shouted_owner(tail: str) -> str | None:
    """The owner after "ACTION" in capitals at the end ("… ACTION CLERK"), when it is
    initials, a role or a titled name, not what the label heads ("… ACTION PLAN")."""
    found = _SHOUTED.search(tail)
    if found is None:
        return None
    owner = found.group("owner").strip().rstrip(".").strip()
    if not owner or owner.lower() in _NOT_OWNERS or owner.split()[0].lower() in _NOT_OWNERS:
        return None
    if _initials(owner) or _ROLE_ONLY.fullmatch(owner) or _TITLE.match(owner):
        return owner_of(owner, marked=True)
    return None


def _cell_owner(text: str) -> str | None:
    """The owner's cell of a Word table's row ("Circulate the plan · CEO · May"), when
    another cell says what is to be done."""
    if " · " not in text[:2_000]:
        return None
    cells = [cell.strip() for cell in text[:2_000].split(" · ")]
    if not any(len(re.findall(r"\b[a-z]{2,}\b", cell)) >= 4 for cell in cells[:-1]):
        return None
    return next((cell for cell in cells[1:] if _initials(cell) or _ROLE_ONLY.fullmatch(cell)),
                None)


def _bracketed_owner(text: str) -> str | None:
    """Initials or a role in brackets at the end of a task: after its full stop ("….
    (JS)"), or after a sentence that gives work ("Quotes to be obtained (Clerk).")."""
    found = _END_BRACKET.search(text[-200:])
    if found is None:
        return None
    owner = found.group("owner").strip()
    if not (_initials(owner) or _ROLE_ONLY.fullmatch(owner)):
        return None
    if found.group("stop"):
        return owner
    head = text[:len(text) - len(text[-200:]) + found.start()]
    last = sentence_starts(head[-WINDOW:])[-1]
    task = re.split(r";\s+", head[-WINDOW:][last:])[-1]
    return owner if owned_sentence(task[:1].upper() + task[1:]) is not None else None


def _uppercase_or_owned(found: re.Match) -> bool:
    """"ACTION" in capitals ends a task; "Action" only with its owner ("Action: Clerk")."""
    word = re.search(r"ACTIONS?|Action", found.group())
    return word is not None and (word.group().isupper() or bool((found.group("owner") or "")
                                                                .strip()))


def _owner_in_task(words: str) -> str | None:
    """Who a labelled task names: "Clerk to write …", "J Smith – circulate …", "JS:"."""
    words = words.strip()
    if (owned := owned_sentence(words)) is not None:
        return owned[0]
    found = re.match(r"(?P<owner>[^:–—]{1,60}?)\s*(?:[:–—]|\s-)\s+\S", words)
    if found and (owner := owner_of(found.group("owner"), marked=True)) is not None:
        return owner
    return _unit_to_do(words)


def _unit_to_do(words: str) -> str | None:
    """The owner a label heads when it is a unit or a plural ("Action: Roads Section to
    repair …", "Action: Churchwardens to order …"), which unlabelled reads as a thing."""
    found = _UNIT_TO.match(words[:300])
    if found is None or not base_form(found.group("verb"), words[found.end():found.end() + 80]):
        return None
    return owner_of(found.group("owner"), marked=True)


# --- sentences that give someone work ---------------------------------------------------------

_ADVERB = r"(?:(?:also|then|kindly|personally|urgently|now|again|further|duly|still)\s+)?"
_UNIT_TO = re.compile(r"(?P<owner>(?:the\s+)?[A-Z][\w'’.&-]{0,30}(?:\s+(?:[A-Z][\w'’.&-]{0,30}|of|"
                      r"and|&)){0,5})\s+to\s+" + _ADVERB + r"(?P<verb>[a-z][a-z-]{1,20})\b")
_WOULD = re.compile(
    r"\s+(?:still\s+)?(?P<link>(?:would|will|shall|is\s+to|are\s+to)\s+be\s+(?:asked|requested|invited|"
    r"instructed)\s+to|is\s+to|are\s+to|was\s+to|were\s+to|would|will|shall|agreed\s+to|"
    r"has\s+agreed\s+to|(?:is|are)\s+going\s+to|"
    r"had\s+agreed\s+to|kindly\s+agreed\s+to|undertook\s+to|offered\s+to|volunteered\s+to|"
    r"(?:was|were|is|are)\s+(?:asked|requested|instructed|directed|tasked|charged|delegated|"
    r"authori[sz]ed|required)\s+to|"
    r"to)\s+" + _ADVERB + r"(?P<verb>[a-z][a-z-]{1,20})\b")
_WAS_AGREED = re.compile(
    r"^(?:it\s+was\s+(?:further\s+|also\s+)?(?:agreed|resolved|decided|requested)|"
    r"(?:agreed|resolved|decided))\s*(?:[:,–—-]\s*)?(?:that\s+)?", re.IGNORECASE)
# "X said he would ask …": someone taking a task on themselves
_SAID_WOULD = re.compile(r"(?P<who>[^,;:.]{1,60}?)\s+(?:said|stated|confirmed|indicated|promised)"
                         r"\s+(?:that\s+)?(?:(?:he|she|they)\s+(?:would|will)\s+|(?:he|she)['’](?:d|ll)\s+)" + _ADVERB +
                         r"(?P<verb>[a-z][a-z-]{1,20})\b")
_TO_BE = re.compile(r"^(?P<what>[^,;:.]{1,60}?)\s+to\s+be\s+(?P<done>[a-z]+(?:ed|en|t|n))\b")
_NOT_DONE = frozenset("""held noted received considered discussed approved decided confirmed
determined agreed minuted seen used kept""".split())
_REFER = re.compile(r"(?:To\s+)?[Rr]efer(?:red)?\s+(?:\w+\s+){0,2}?to\s+(?P<owner>(?:the\s+)?[A-Z]"
                    r"[\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,5})")
# "Consensus was reached for Regent X to work on …", "It was agreed for the Clerk to …"
_FOR_OWNER = re.compile(r"^[^.;:]{0,80}?\b(?:agreed|reached|decided|arranged|consensus)\b[^.;:]"
                        r"{0,80}?\bfor\s+(?P<owner>[^.;:,]{1,80}?)\s+to\s+" + _ADVERB +
                        r"(?P<verb>[a-z-]+)\b")
# "to instruct the Clerk to …", a decision's part given as a list's point
_BIDDING = re.compile(r"(?i:to)\s+(?:ask|instruct|request|direct|authori[sz]e|invite|task|"
                      r"charge)\s+(?P<owner>(?:the\s+)?[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|of|"
                      r"for|and|&)){0,6})\s+to\s+" + _ADVERB + r"(?P<verb>[a-z-]+)\b")
# A short topic before a dash or a colon: "Pothole outside no. 4 – ", "Roads: "
_TOPIC = re.compile(r"[^.;:!?–—]{2,80}?(?:\s[-–—]|[–—:])\s+(?=\S)")
_CLAUSE_WORDS = frozenset("""was were is are be had has have will would not it this there
which that who need needs deserve deserves seem seems appear appears want wants ought going
likely expected yet still also continue continues""".split())
_REQUESTED = re.compile(r"^(?P<who>[^,;:.]{1,60}?)\s+(?P<how>requested|asked|instructed|directed|"
                        r"tasked|authori[sz]ed)\s+(?:that\s+)?"
                        r"(?P<rest>.{1,300})", re.DOTALL)


def owned_sentence(sentence: str, topic: bool = True) -> tuple[str | None] | None:
    """Whether ``sentence`` gives someone work by its shape: (the owner as written, or None
    when the work is given to nobody named: "Quotes to be obtained"); None otherwise. With
    ``topic``, a task after a topic and a dash or colon is read too ("Roads – Clerk to …")."""
    text = sentence[:NAME_REACH * 3]
    agreed = _WAS_AGREED.match(text)
    if agreed:
        rest = text[agreed.end():]
        bare = re.match(r"to\s+" + _ADVERB + r"(?P<verb>[a-z-]+)", rest)
        if bare and _verb(bare.group("verb")):
            return (None,)  # "Agreed to write to the Chief Constable."
        found = _owner_then_verb(rest, collective_ok=True, agreed=True)
        if found is None and (agreed_for := _FOR_OWNER.search(text)) is not None and \
                (owner := owner_of(agreed_for.group("owner"))) and \
                _task_verb(agreed_for.group("verb"), text[agreed_for.end():], owner, True):
            return (owner,)  # "It was agreed for Cllr Ng to host the event."
        return (found,) if found else None
    if (found := _owner_then_verb(text, collective_ok=False)) is not None:
        return (found,)
    if (said := _SAID_WOULD.match(text)) is not None and _verb(said.group("verb")) and \
            (owner := owner_of(said.group("who"))) is not None and not _COLLECTIVE.match(owner):
        return (owner,)  # "Cllr Penrose said she would ask …"
    if (referred := _REFER.match(text)) is not None and \
            (owner := owner_of(referred.group("owner"), marked=True)) is not None:
        return (owner,)
    if (agreed_for := _FOR_OWNER.search(text)) is not None and \
            (owner := owner_of(agreed_for.group("owner"))) and \
            _task_verb(agreed_for.group("verb"), text[agreed_for.end():], owner, True):
        return (owner,)
    if (bidden := _BIDDING.match(text)) is not None and \
            (owner := owner_of(bidden.group("owner"))) and not _COLLECTIVE.match(owner) and \
            _task_verb(bidden.group("verb"), text[bidden.end():], owner, True):
        return (owner,)  # "(ii) to instruct the Director to report back …"
    if (dashed := action_shapes.dashed_task(text, owner_of, strong, _verb)) is not None:
        return (dashed,)  # "JS – ring the contractor"
    if topic and (dash := _TOPIC.match(text)) is not None:
        # "Roads – Cllr Quill to report the pothole": a task after its topic
        owned = owned_sentence(text[dash.end():], topic=False)
        if owned is not None and owned[0] is not None:
            return owned
    to = re.match(r"To\s+(?P<verb>[a-z]+)\b", text)
    if to and to.group("verb") in _TO_DOING:
        return (None,)
    if (passive := _TO_BE.match(text)) is not None and _plain_subject(passive.group("what")) \
            and passive.group("done") not in _NOT_DONE:
        return (None,)
    if (asked := _REQUESTED.match(text)) is not None and person(asked.group("who")):
        return _requested(asked.group("rest"), tasked=asked.group("how") != "asked")
    return None


def _owner_then_verb(text: str, collective_ok: bool, agreed: bool = False) -> str | None:
    """The owner when ``text`` opens "<owner> to/would/agreed to <doing>"."""
    for found in _WOULD.finditer(text, 0, min(len(text), NAME_REACH + 40)):
        known = _verb(found.group("verb"))
        # Any verb after "X to": "GM to sign …", "Clerk to file …"; after "would" or
        # "will" only work ("The Chair would like …" is no task).
        if not known and not found.group("link").endswith("to"):
            continue
        head = text[:found.start()]
        marked = agreed and re.search(r"\b(?:would|will|should|to)\s", found.group()) is not None
        if head.rstrip().endswith(","):
            # "Mr Vance, the Planner, will …" names its owner; "…, to amend the maps" none
            owner = owner_of(head.rstrip()[:-1]) if head.count(",") == 2 else None
        else:
            owner = owner_of(head, marked=marked) or _after_opening(text, found.start())
        if owner is not None and known and _noun_named(owner):
            owner = None  # "Works to repair the wall": a thing, though its verb is work
        if owner is None or not known:
            if known:
                return None
            if owner is None or not _open_task(found.group("verb"),
                                               text[found.end():found.end() + 80], owner):
                continue
        # "The Council will review …" is the body's intent; "Members to send …" and
        # "Members were asked to send …" give its members work
        if _COLLECTIVE.match(owner) and not collective_ok and not re.match(
                r"\s+(?:to|(?:was|were)\s+(?:asked|requested|instructed|tasked))\s",
                found.group()):
            return None
        return owner
    if agreed:
        should = re.match(r"(?P<who>[^,;:.]{1,60}?)\s+(?:should|would|will|be\s+(?:asked|"
                          r"requested|instructed)\s+to)\s+" + _ADVERB + r"(?P<verb>[a-z-]+)", text)
        if should and _verb(should.group("verb")) and (owner := owner_of(should.group("who"))):
            return owner
    return None


def _after_opening(text: str, end: int) -> str | None:
    """The owner after a short opening phrase: "Following discussion, the Clerk will …"."""
    subject = subject_before(text, end)
    return owner_of(subject[1]) if subject is not None and subject[0] > 0 else None


def _verb(word: str, present: bool = False) -> bool:
    """Whether ``word`` is work for someone; ``present`` takes "writes" and "arranges" too,
    as a decision words it ("RESOLVED that the Clerk writes to …")."""
    word = word.lower()
    if word in _DOING:
        return True
    return present and word.endswith("s") and (word[:-1] in _DOING or (
        word.endswith("es") and word[:-2] in _DOING))


# --- a verb in its base form, known by its shape and by what follows it ----------------------

# Words after a "to" that make it a preposition ("Members to the hall", "Residents to the
# north") or a "to be": none is a verb in its base form.
_NOT_VERBS = frozenset("""the a an this that these those his her its their our my your all any
some each every no both either neither such what which whose whom who be been being have has
had about above across after against along among around at before behind below beside between
beyond by during for from in inside into near of off on onto out over past round since through
throughout under until up upon with within without and or but nor whether if than as so not
date one two three four five six seven eight nine ten first last next other others
ensuing""".split())
# Verbs for deliberating, feeling or holding a seat: a body's business, not someone's task
# ("Members to note …", "Cllr Ames to chair the panel", "Mr Cole to remain a trustee").
_NOT_TASKS = frozenset("""note receive consider approve agree resolve decide determine ratify
adopt endorse elect vote abstain declare thank welcome like love want wish hope need seem
appear become remain stay continue leave withdraw sit stand serve act chair represent
accept reject defer read introduce explain summarise summarize outline elaborate open close
say""".split())
# Nouns a prepositional "to" names without an article ("Clerk to council", "Visit to school").
_PLACES = frozenset("""council committee board panel cabinet school college church chapel
hospital court town city village parish county district borough state government parliament
market home office hall bed sea end scale page site""".split())
# Endings of nouns and adjectives; such a word is read as a verb only before its object
# ("to implement the scheme", "to mention the works"), never alone ("Improvements to pavement").
_NOUN_ENDING = re.compile(r"(?:tion|sion|ment|ness|ity|ance|ence|ship|ism|ist|al|ic|ive|ous|ful|"
                          r"less|ary|ery|ory|hood|dom|ant|ent|ee|ure|age)$")
# Noun endings that given names share ("Hilary", "Val", "Lee", "Brent", "Grant", "Eric").
_NAME_ENDING = re.compile(r"(?:[^s]ary|[^i]al|ee|[^m]ent|ant|ic|ive)$")
# Words that open an object or a clause after a verb ("to sign the lease", "to find out whether").
_OBJECT = frozenset("""the a an this that these those his her its their our all any some each
every both them it him her everyone everybody whether if how what when where why who which
further more new""".split())
_PARTICLE = frozenset("up out back off down on with for to about into over round through".split())
_FINITE = frozenset("""was were is are has had have will would should could can may might must
did does do shall""".split())


def base_form(word: str, after: str, strong_owner: bool = True) -> bool:
    """Whether ``word``, just after "to", is a verb in its base form by its shape and by
    what follows it (``after``): "sign" in "GM to sign the lease", not "the" in "Members to
    the hall", "be" in "to be held", or "school" in "Routes to school were …". A verb after a
    bare capitalised name (not ``strong_owner``) must have its object after it."""
    word = word.lower()
    if word in _NOT_VERBS or word in _NOT_TASKS or word in _PLACES or not word.isascii():
        return False
    if not _verb_shape(word):
        return False
    rest = re.match(r"\s*(?P<mark>[:,(])?\s*(?P<next>[A-Za-z][a-z-]{0,20})?", after)
    if rest is None or rest.group("mark"):
        return False  # "Clerk to council: …", "Visits to site, …"
    following = (rest.group("next") or "").lower()
    if following in _FINITE:
        return False
    if not strong_owner:
        return following in _OBJECT or following in _PARTICLE
    return following in _OBJECT if _NOUN_ENDING.search(word) else True


_PAST_EED = re.compile(r"(?:agr|guarant|decr|fr|refer|disagr)eed$")


def _verb_shape(word: str) -> bool:
    """Whether a lower-case word can be a verb in its base form: not a plural or a third
    person ("-s", though "discuss"), a past tense ("-ed", though "feed"), a participle
    ("-ing", though "bring") or an adverb ("-ly", though "apply")."""
    if not re.fullmatch(r"[a-z][a-z-]{1,20}", word) or word.endswith("-"):
        return False
    if word.endswith("s") and not word.endswith(("ss", "us")):
        return False
    if word.endswith("ed") and (not word.endswith("eed") or _PAST_EED.search(word)):
        return False  # "feed", "proceed"; not "agreed"
    if word.endswith("ing") and re.search(r"[aeiouy]", word[:-3]):
        return False
    return not (word.endswith("ly") and not word.endswith("ply") and len(word) > 4)


def strong(owner: str) -> bool:
    """Whether an owner is named by initials, a role or a title ("JS", "the Clerk", "Cllr
    Quill"), not by capitalised words alone, which a heading's words can be too."""
    return _initials(owner) or _ROLE.search(owner) is not None or \
        _TITLE.match(owner) is not None


def _task_verb(verb: str, after: str, owner: str | None, tasked: bool) -> bool:
    """Whether ``verb`` gives ``owner`` work: a verb of work, or after a "to" (``tasked``)
    any verb in its base form."""
    return _verb(verb) or (tasked and owner is not None and _open_task(verb, after, owner))


def _open_task(verb: str, after: str, owner: str) -> bool:
    """Whether "<owner> to <verb> <after>" gives work by its shape. Capitalised words
    alone name someone only when the last is not a noun's shape: "Funding to support the
    hall", "Permission to erect a shed" give nobody work."""
    if strong(owner):
        return base_form(verb, after)
    return not _noun_named(owner) and base_form(verb, after, False)


def _noun_named(owner: str) -> bool:
    """Whether capitalised words alone (no title, role or initials) end in a noun's shape
    ("Works", "Street Funding", "Permission"), as a person's name seldom does."""
    if strong(owner):
        return False
    last = owner.split()[-1].strip(",").lower()
    if len(owner.split()) == 1 and _NAME_ENDING.search(last):
        return False  # "Hilary", "Vincent", "Clive": a given name as often as a noun
    return bool(_NOUN_ENDING.search(last) or last.endswith("ing") or (
        last.endswith("s") and not last.endswith("ss")))


def _plain_subject(words: str) -> bool:
    """A short thing or person a passive task is about ("Quotes", "A letter", "The
    solicitor"), not a clause ("The meeting was")."""
    tokens = words.split()
    return 0 < len(tokens) <= 4 and not any(
        t.lower() in _CLAUSE_WORDS or (t.lower().endswith("ed") and len(t) > 4)
        for t in tokens) and \
        tokens[0].lower() not in _THINGS - {"quotes", "quote", "letter", "letters", "notice",
                                            "invitation", "report", "reports", "item", "items"}


def _requested(rest: str, tasked: bool = True) -> tuple[str | None] | None:
    """What follows "X requested (that) …" or "X asked …" when it gives work: "officers
    provide …", "the Clerk to write …", "an update be presented …". Unless ``tasked``
    (after "asked", which also tells of the meeting: "asked the Clerk to read …") only a
    verb of work gives it."""
    whom = re.match(r"(?P<who>[^,;:.]{1,60}?)\s+(?:to\s+)?" + _ADVERB + r"(?P<verb>[a-z-]+)\b",
                    rest)
    if whom and (owner := owner_of(whom.group("who"))) and _task_verb(
            whom.group("verb"), rest[whom.end():], owner, tasked and " to " in whom.group()):
        return (owner,)
    if re.match(r"[^;:.]{1,120}?\s+be\s+(?:presented|provided|circulated|brought|submitted|"
                r"reported|sent|added|included|arranged|prepared|produced|shared|given|made|"
                r"written|investigated|sought|obtained)\b", rest):
        return (None,)
    return None


_GIVEN = re.compile(
    r"\b(?i:that)\s+(?P<owner>(?:the\s+)?[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|of|for|and|&)){0,6})"
    r"\s+(?P<link>be\s+(?:asked|requested|instructed|directed|authori[sz]ed|delegated)\s+to\s+|"
    r"(?:should|would|will|shall)\s+(?:be\s+(?:asked|requested|instructed)\s+to\s+)?|"
    r"to\s+)?" + _ADVERB + r"(?P<verb>[a-z-]+)\b"
    r"|\brefer(?:red|s)?\s+(?:\w+\s+){0,2}?to\s+(?P<referred>(?:the\s+)?[A-Z][\w'’.-]*(?:\s+"
    r"[A-Z][\w'’.-]*){0,5})"
    r"|\b(?:ask(?:s|ed)?|instruct(?:s|ed)?|request(?:s|ed)?|authori[sz]e[sd]?|delegate[sd]?\s+"
    r"authority\s+to)\s+(?P<bidden>(?:the\s+)?[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|of|for|"
    r"and|&)){0,6})\s+to\s+" + _ADVERB + r"(?P<bverb>[a-z-]+)\b")


def _given_owner(found: re.Match) -> str | None:
    if found.group("referred"):
        return owner_of(_before_stop(found.group("referred")), marked=True)
    owner, verb = (found.group("owner"), found.group("verb")) if found.group("owner") else (
        found.group("bidden"), found.group("bverb"))
    if not owner or not verb:
        return None
    name = owner_of(owner)
    if name is None or _COLLECTIVE.match(name) or action_shapes.body_named(name):
        return None  # "That Brindle District Council calls on …": the body's own voice
    after = found.string[found.end():found.end() + 80]
    if found.group("owner") and not found.group("link"):
        # "that the Clerk write(s) …" names work only with a verb of work, and "that the
        # Highways update be noted" is a passive decision with no owner at all
        return name if _verb(verb, present=True) and not re.match(r"\s+be\b", after) else None
    if found.group("owner") and found.group("link").startswith(("should", "would", "will",
                                                                  "shall")):
        # "agreed that Cllr Dean should contact …" is work; "… would like", "would be" none
        return name if _verb(verb) else None
    asked = found.group("owner") is None and found.group().lower().startswith("asked")
    return name if _task_verb(verb, after, name, not asked) else None


def _before_stop(words: str) -> str:
    """A would-be name up to the full stop that ends its sentence ("the City Manager" of
    "the City Manager. Motion Carried"); a stop after an initial or a title is kept."""
    kept: list[str] = []
    for word in words.split():
        bare = word.rstrip(".")
        if word.endswith(".") and len(bare) > 1 and bare.lower() not in TITLE_ABBREVIATIONS:
            kept.append(bare)
            break
        kept.append(word)
    return " ".join(kept)


def _resolution_owner(text: str) -> str | None:
    """Who a decision gives work to: "RESOLVED that the Clerk write to …", "… refer to the
    City Manager for review", "that the Director be authorised to …"."""
    for found in _GIVEN.finditer(text[:20_000]):
        if (owner := _given_owner(found)) is not None:
            return owner
    for start in sentence_starts(text[:20_000])[:MAX_SENTENCES]:
        if (owned := owned_sentence(text[start:start + WINDOW])) is not None and owned[0]:
            return owned[0]
    labelled = _labelled(Piece(text[-300:]))
    return labelled[0] if labelled else None


# --- action logs: a table of tasks under a header ("Action | Owner | Due") ---------------------

_TASK_COLUMN = re.compile(r"(?:agreed\s+)?(?:actions?(?:\s+(?:points?|required|agreed))?|tasks?|"
                          r"description|details?|what)", re.IGNORECASE)
_OWNER_COLUMN = re.compile(r"owners?|lead(?:\s+officer)?|responsib(?:le|ility)|person\s+"
                           r"responsible|who|by\s+whom|action\s+by|assigned\s+to|officer",
                           re.IGNORECASE)
_DUE_COLUMN = re.compile(r"due(?:\s+date)?|deadline|by\s+when|when|target(?:\s+date)?|date|"
                         r"timescales?|completion(?:\s+date)?|by", re.IGNORECASE)
_OTHER_COLUMN = re.compile(r"no\.?|ref(?:erence)?\.?|item|minute(?:\s+(?:no\.?|ref\.?))?|status|"
                           r"notes?|comments?|updates?|progress|#", re.IGNORECASE)
# How a row's cells are set apart: bars, a Word table's " · ", tabs, runs of spaces.
_CELL_MARKS = (re.compile(r"\s*\|\s*"), re.compile(r" · "), re.compile(r"\t+"),
               re.compile(r" {2,}"))
# A Word table of two columns arrives as "Action: Owner", its rows as "Task: Clerk", or as
# "Task · Clerk" when the task is long (see documents.py).
_TWO_CELLS = re.compile(r": | · ")
_NOBODY = frozenset("tbc tba tbd n/a na - – — none ongoing".split())


def _cells(text: str, mark: re.Pattern) -> list[str]:
    """The cells of a row, bars at its ends dropped ("| Write … | Clerk |")."""
    return [cell.strip() for cell in mark.split(text[:2_000].strip().strip("|"))]


def _header(text: str) -> tuple[re.Pattern, list[str]] | None:
    """The columns an action log's header names ("Action | Owner | Due"), each "task",
    "owner", "due" or "other", and how its cells are set apart; None for other lines."""
    if len(text) > 200:
        return None
    for mark in _CELL_MARKS:
        cells = _cells(text, mark)
        if len(cells) < 2:
            continue
        columns = [_column(cell) for cell in cells]
        if None not in columns and columns.count("task") == columns.count("owner") == 1:
            return mark, columns  # type: ignore[return-value]
        return None
    columns = [_column(cell) for cell in _cells(text, _TWO_CELLS)]
    if len(columns) == 2 and {"owner", "task"} == set(columns):
        return _TWO_CELLS, columns  # type: ignore[return-value]
    return None


def _header_cells(cells: tuple[str, ...]) -> list[str] | None:
    """The columns a header row's own cells name (a Word table's, or a text line's set
    apart by tabs or spaces: "Action    Owner    Due"); None unless every cell names a
    column, one the task and one the owner."""
    if not 2 <= len(cells) <= 8:
        return None
    columns = [_column(cell) for cell in cells]
    if None in columns or columns.count("task") != 1 or columns.count("owner") != 1:
        return None
    return columns  # type: ignore[return-value]


_REFERENCE = re.compile(r"[A-Za-z]{0,4}[\s/.-]?\d{1,4}(?:[./-]\d{1,4}){0,3}[a-z]?\.?")


def _row_fits(cells: tuple[str, ...], columns: list[str]) -> bool:
    """Whether a row's cells stand under the header's columns: as many, or one fewer
    when only the last, the due date, was left empty (a row with its reference left out
    instead is told apart by the reference its first cell then lacks)."""
    if len(cells) == len(columns):
        return True
    return len(cells) == len(columns) - 1 and columns[-1] == "due" and (
        columns[0] != "other" or bool(_REFERENCE.fullmatch(cells[0])))


def _column(cell: str) -> str | None:
    for name, pattern in (("task", _TASK_COLUMN), ("owner", _OWNER_COLUMN),
                          ("due", _DUE_COLUMN), ("other", _OTHER_COLUMN)):
        if pattern.fullmatch(cell.rstrip(":").strip()):
            return name
    return None


def _log_rows(pieces: list[Piece]) -> dict[int, tuple[str | None, dt.date | None] | None]:
    """The rows of each action log among the pieces, by where they stand: (the owner's
    cell, the due date's); None for a log's header, which stays a note. A log runs from its
    header to the first line that is not a row of as many cells."""
    rows: dict[int, tuple[str | None, dt.date | None] | None] = {}
    at = 0
    while at < len(pieces):
        columns = _header_cells(pieces[at].cells) if pieces[at].kind == "note" else None
        if columns is not None:
            rows[at] = None
            at = _cell_rows(pieces, at + 1, columns, rows)
            continue
        header = _header(pieces[at].text) if pieces[at].kind == "note" else None
        at += 1
        if header is None:
            continue
        rows[at - 1] = None
        mark, columns = header
        while at < len(pieces) and pieces[at].kind == "note" and \
                pieces[at].line_kind != "heading" and not pieces[at].joined:
            cells = _cells(pieces[at].text, mark)
            if set("".join(cells)) <= set("-:= "):
                at += 1  # "|---|---|" under a header
                continue
            if len(cells) != len(columns) or not cells[columns.index("task")]:
                break
            rows[at] = (_cell_owner_named(cells[columns.index("owner")]),
                        _cell_due(cells[columns.index("due")]) if "due" in columns else None)
            at += 1
    return rows


def _cell_rows(pieces: list[Piece], at: int, columns: list[str],
               rows: dict[int, tuple[str | None, dt.date | None] | None]) -> int:
    """The rows, from ``at``, of a log whose header's cells named ``columns``, each put
    in ``rows``; where the log ends (the first line that is no row under them)."""
    task, owner = columns.index("task"), columns.index("owner")
    while at < len(pieces) and pieces[at].kind == "note" and \
            pieces[at].line_kind != "heading" and not pieces[at].joined:
        cells = pieces[at].cells
        if not _row_fits(cells, columns) or not cells[task] or owner >= len(cells):
            break
        due = columns.index("due") if "due" in columns else None
        rows[at] = (_cell_owner_named(cells[owner]),
                    _cell_due(cells[due]) if due is not None and due < len(cells) else None)
        at += 1
    return at


def _cell_owner_named(cell: str) -> str | None:
    """An owner's cell as written, unless it names nobody ("TBC", "N/A", "-")."""
    cell = cell.strip()
    return None if not cell or cell.lower() in _NOBODY or len(cell) > 80 else cell


def _cell_due(cell: str) -> dt.date | None:
    """A due date's cell ("30/06/2025", "by 1 May 2025"), when it gives a date in full."""
    found = DATE.match(cell.strip())
    if found is not None:
        return date_of(found) or date_of(found, month_first=True)
    return due_of(cell)


# --- the pass -------------------------------------------------------------------------------

def read(pieces: list[Piece]) -> list[Piece]:
    """The pieces with actions read from the notes (kind "action", ``owner``, ``due``),
    and decisions that give someone work given their owner and due date. A paragraph
    whose task begins after other words is cut where the task's sentence begins; each
    row of an action log (a header "Action | Owner | Due", then its rows) is an action."""
    found: list[Piece] = []
    logged = _log_rows(pieces)
    for at, piece in enumerate(pieces):
        if at in logged:
            if (row := logged[at]) is not None:
                piece.kind, (piece.owner, piece.due) = "action", row
            found.append(piece)
        elif piece.kind == "resolution":
            if piece.owner is None:
                piece.owner = _resolution_owner(piece.text)
            if piece.owner is not None and piece.due is None:
                piece.due = due_of(piece.text)
            found.append(piece)
        elif piece.kind in ("question", "response") and piece.line_kind != "heading":
            found += _tasks_after(piece)
        elif piece.kind != "note" or piece.line_kind == "heading":
            found.append(piece)
        elif (owner := _marker_only(piece.text)) is not None and not _wrapped(pieces, at) \
                and not _signed(pieces, at, owner):
            _give_owner(found, piece, owner, alone=_PREFIX.match(piece.text) is not None or
                        piece.text.rstrip().endswith("|") or
                        not any(p.text.strip(" |") for p in found))
        else:
            found += _read_note(piece)
    return found


def _tasks_after(piece: Piece) -> list[Piece]:
    """A question or an answer with a task in a later sentence ("… on a timer? The Clerk
    will find out."): cut where the task begins; the question or answer keeps the rest."""
    cuts = [(start, owner) for start, owner in _owned_sentences(piece.text)
            if start > 0 and owner is not None]
    if not cuts:
        return [piece]
    parts = _cut(Piece(piece.text, "note", piece.joined, piece.line_kind), cuts)
    if len(parts) == 1:
        return [piece]
    head = parts[0]
    head.kind, head.asker, head.responder = piece.kind, piece.asker, piece.responder
    return parts


def _wrapped(pieces: list[Piece], at: int) -> bool:
    """Whether the line at ``at`` is a sentence cut short by the page ("Staff" then "to
    provide reports …"), not an owner of its own."""
    after = pieces[at + 1].text if at + 1 < len(pieces) else ""
    return after[:1].islower()


def _signed(pieces: list[Piece], at: int, owner: str) -> bool:
    """Whether a line naming the chair alone ends the item: where minutes are signed."""
    return at == len(pieces) - 1 and re.fullmatch(r"(?:the\s+)?(?:vice[- ])?chair\w*",
                                                   owner, re.IGNORECASE) is not None


def _give_owner(found: list[Piece], piece: Piece, owner: str, alone: bool) -> None:
    """A line naming only an owner: the task before it is theirs; with no task before it
    (or one already owned), a labelled line or an action column's cell (``alone``) is
    itself the action, as the minutes set it down. A bare name is left a note then: it
    may sign the minutes."""
    task = _unowned_point(found) or _task_before(found) or _next_point(found)
    if task is None and action_shapes.retarget(found, piece, owner, _PREFIX.match(piece.text)
                                               is not None):
        return
    if task is not None:
        if task.kind == "note":
            # "Court NOTED … and AGREED that …" then "Action: X": a decision with an owner
            task.kind = "resolution" if _DECIDED.search(task.text[:2_000]) else "action"
        task.owner = owner
        if task.due is None:
            task.due = due_of(task.text)
        found.append(piece)
        return
    if alone and not _owned_by(_last_words(found), owner):
        piece.kind, piece.owner = "action", owner
    found.append(piece)


def _last_words(found: list[Piece]) -> Piece | None:
    return next((piece for piece in reversed(found) if piece.text.strip(" |")), None)


def _owned_by(task: Piece | None, owner: str) -> bool:
    """Whether ``task`` is an action of ``owner`` already ("The Clerk will write …" before
    "ACTION: Clerk"): the owner's line marks it, and is no second action."""
    if task is None or task.kind != "action" or task.owner is None:
        return False
    words = {w.lower() for w in re.findall(r"[\w']+", owner)} - {"the"}
    return bool(words & {w.lower() for w in re.findall(r"[\w']+", task.owner)})


_DECIDED = re.compile(r"\b(?:AGREED|RESOLVED|DECIDED)\s+(?:that|to)\s")
_POINT_NUMBER = re.compile(r"^\(?(?P<n>\d{1,2})[.)]\s")


def _unowned_point(found: list[Piece]) -> Piece | None:
    """The next owner in an action column beside a paragraph of numbered points, which
    another pass has cut ("1. Next agenda …" a decision, "2. Employment site …" a note):
    the first point nobody owns yet, owners given in the order of the points. None unless
    the paragraph holds two points or more."""
    at = len(found) - 1
    while at >= 0 and (found[at].text.strip(" |") == "" or (
            found[at].kind == "note" and _marker_only(found[at].text) is not None)):
        at -= 1
    head = at
    while head > 0 and found[head].joined:
        head -= 1
    points = [piece for piece in found[head:at + 1] if _POINT_NUMBER.match(piece.text)]
    if at < 0 or len(points) < 2:
        return None
    return next((piece for piece in points if piece.owner is None
                 and piece.kind in ("note", "action", "resolution")), None)


def _next_point(found: list[Piece]) -> Piece | None:
    """A further owner in an action column beside a minute whose numbered points run
    together ("1. Next agenda … 2. Employment site …", owned already): the next point,
    cut from the paragraph where its number begins, is the task. None for anything else."""
    at = len(found) - 1
    while at >= 0 and (found[at].text.strip(" |") == "" or (
            found[at].kind == "note" and _marker_only(found[at].text) is not None)):
        at -= 1
    if at < 0 or found[at].owner is None or found[at].kind != "action":
        return None  # a decision's parts stay one decision
    owned = found[at]
    number = _POINT_NUMBER.match(owned.text)
    if number is None:
        return None
    after = re.search(r"\s\(?" + str(int(number["n"]) + 1) + r"[.)]\s+(?=[A-Z])",
                      owned.text[:20_000])
    if after is None:
        return None
    head, point = split(owned, [after.start() + 1])
    head.owner, head.due = owned.owner, owned.due
    found[at:at + 1] = [head, point]
    return point


def _task_before(found: list[Piece]) -> Piece | None:
    """The piece an owner's line belongs to: the last words before it (a cell holding
    only "|" passed over), when they say something and nobody owns them yet. Of a
    paragraph another pass has cut ("Resolved: pay … Bray Co." + "Ltd £5"), the decision
    or the last part that says something."""
    for at in range(len(found) - 1, -1, -1):
        piece = found[at]
        if piece.text.strip(" |") == "":
            continue
        if piece.joined and not _says_something(piece):
            head = at
            while head > 0 and found[head].joined:
                head -= 1
            paragraph = found[head:at + 1]
            piece = next((p for p in reversed(paragraph) if p.kind in ("resolution", "action")
                          or _says_something(p)), piece)
            if any(p.owner is not None for p in paragraph) or _SIGNATURE.search(piece.text):
                return None
        if piece.kind not in ("note", "action", "resolution") or piece.owner is not None:
            return None
        if piece.kind == "action" and piece.owner is None:
            return piece
        if (not _says_something(piece) and piece.kind != "resolution") or \
                _SIGNATURE.search(piece.text) or piece.line_kind == "heading" \
                or _marker_only(piece.text) is not None:
            return None
        return piece
    return None


def _says_something(piece: Piece) -> bool:
    """Five words or more: a task, not a cell, a signature's line or a heading's."""
    return len(re.findall(r"[A-Za-z]{2,}", piece.text)) >= 5


def _bracket_due(text: str) -> dt.date | None:
    """The due date in full in the bracket ending a task ("(Clerk, 30 June 2025)")."""
    owned = _owner_and_when(text)
    return owned[1] if owned is not None else None


def _read_note(piece: Piece) -> list[Piece]:
    if (labelled := _labelled(piece)) is not None:
        if (prefix := _PREFIX.match(piece.text)) is not None:
            # "ACTIONS: Clerk to write …. Cllr Bell to check …": a task for each owner
            further = [(start, owner) for start, owner in _owned_sentences(piece.text)
                       if start > prefix.start("rest") and owner is not None]
            if further and len(parts := _cut(piece, [(0, labelled[0]), *further])) > 1:
                return parts
        piece.kind, piece.owner = "action", labelled[0]
        piece.due = due_of(piece.text) or _bracket_due(piece.text)
        return [piece]
    cuts = _owned_sentences(piece.text)
    return _cut(piece, cuts) if cuts else [piece]


def _owned_sentences(text: str) -> list[tuple[int, str | None]]:
    """Where each sentence of ``text`` that gives someone work begins, and its owner."""
    cuts: list[tuple[int, str | None]] = []
    for start in sentence_starts(text)[:MAX_SENTENCES]:
        sentence = text[start:start + WINDOW]
        sentence = LIST_OPENING.sub("", re.sub(r"^[a-z]\.\s*", "", sentence), count=1) \
            if start == 0 else sentence
        if (owned := owned_sentence(sentence)) is not None:
            cuts.append((start, owned[0]))
        elif start > 0 and (label := _PREFIX.match(sentence)) is not None and \
                (owner := _owner_in_task(label.group("rest"))) is not None:
            cuts.append((start, owner))  # "… the accounts. ACTION: Treasurer to send …"
    return cuts


def _cut(piece: Piece, cuts: list[tuple[int, str | None]]) -> list[Piece]:
    """``piece`` cut where each task's sentence begins, each task read as an action."""
    offsets = [at for at, _owner in cuts if at > 0]
    parts = split(piece, offsets)
    segments = [0, *offsets]
    if len(parts) != len(segments):
        return [piece]
    owners = dict(cuts)
    for part, at in zip(parts, segments):
        if at in owners:
            part.kind, part.owner = "action", owners[at]
            part.due = due_of(part.text)
    return parts
