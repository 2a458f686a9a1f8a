"""Every phrase of the house style, in one place.

Questions and answers become reported speech, as published minutes write them;
names become formal ("Cllr" is written "Councillor"); officers are "the Director of
Education". Change the wording here and every set of minutes follows.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Collection

from clerk_tui.models import UNDATED, Attendance, Declaration, Vote

# Labels and fixed lines -------------------------------------------------------------

PRESENT, ALSO_PRESENT, APOLOGIES, ABSENT = "Present:", "Also present:", "Apologies:", "Absent:"
DECLARATIONS_HEADING = "Declarations of interest"
ACTIONS_HEADING = "Actions"
# What was agreed; whether it was done since is the action log's business, not the minutes'.
ACTION_COLUMNS = ("Action", "Detail", "Owner", "Due")
ACTION_LABEL, ACTION_MARKER = "ACTION:", "ACTION"
NO_DECLARATIONS = "There were no declarations of interest."
NO_ATTENDANCE = "No attendance was recorded for this meeting."
EXEMPT_LINE = (
    "This item was considered in private. The press and public were excluded under "
    "{paragraph}Part 1 of Schedule 12A to the Local Government Act 1972, as it involved the "
    "likely disclosure of exempt information."
)
EXEMPT_NOTICE = "Exempt information: Schedule 12A{paragraph}. Not for publication."
SIGNATURE_LINE = "…………………………………………………"
DATE_LINE = "Date: ……………………"
CHAIR = "Chair"
CHAIR_OFFICES = ("chair", "chairman", "chairwoman", "chair of the committee")
PAGE_NUMBERS = ("Page ", " of ")
MARKING_SEPARATOR = "  "
FINGERPRINT_DIGITS = 20  # 80 bits: no one can make other minutes with the same digits


def fingerprint(sha256: str) -> str:
    """The short form of approved minutes' SHA-256 that every page carries and
    ``clerk verify --fingerprint`` takes: 20 hex digits in groups of four."""
    return " ".join(sha256[n:n + 4] for n in range(0, FINGERPRINT_DIGITS, 4))


def fingerprint_line(sha256: str) -> str:
    """The footer line of approved minutes."""
    return f"Approved minutes, fingerprint {fingerprint(sha256)}"

# Reading what was typed ----------------------------------------------------------

# Words that open a job title rather than a name: "the Director of Education".
_OFFICES = re.compile(
    r"^(Director|Head|Chief|Assistant|Deputy|Chair|Chairman|Chairwoman|Vice|Clerk|Mayor|"
    r"Portfolio|Executive|Leader|Monitoring|Treasurer|Officer|Manager|Interim|Strategic|"
    r"Corporate|Service|Principal|Senior|Lead|Town|Parish|Borough|County|Finance|Responsible)\b"
    r"|\b(Officer|Clerk|Manager|Director|Mayor|Treasurer|Secretary|Adviser|Advisor)$"
    r"|^[A-Z]{2,5}$"  # an office known by its initials: RFO, CEO
)
_QUESTION_WORDS = re.compile(r"^(whether|when|how|why|where|who|whom|which|if)\b", re.I)
_INVERTED = re.compile(
    r"^(when|how|why|where|who|which|what)\s+(is|are|was|were|does|do|did|will|would|can|could|"
    r"should|has|have|had)\b", re.I)
_ABOUT = re.compile(r"^(about|regarding|concerning|on)\s+", re.I)
_WHAT_IS = re.compile(r"^what\s+(is|are|was|were|will be|would be)\s+", re.I)
_ASKED = re.compile(
    r"^(is|are|was|were|can|could|will|would|should|do|does|did|has|have|had|may|might)\b", re.I
)
_YES_NO = re.compile(r"^(yes|no)\b[\s,.;:–-]*", re.I)
_THAT_WAS = re.compile(r"^that(?:'s| is| was) (correct|right|the case)$", re.I)
_VERBS_AFTER_THAT = {"is", "was", "would", "will", "has", "had", "can", "could", "should",
                     "may", "might", "must", "seems", "sounds", "depends", "'s"}
_SMALL_WORDS = {"The", "A", "An", "It", "There", "Whether", "What", "When", "How", "Why",
                "Where", "Who", "Which", "If", "This", "That", "These", "Those", "Yes", "No"}
FIRST_PERSON = re.compile(r"\b(I|I'm|I've|I'd|we|we're|we've|my|our|us)\b", re.I)


def long_date(day: dt.date | None) -> str:
    """ "Wednesday 1 May 2024" ("date not known" for minutes that do not say when)."""
    return f"{day:%A} {day.day} {day:%B %Y}" if day else UNDATED


def short_date(day: dt.date | None) -> str:
    """ "1 May 2024" ("date not known" for minutes that do not say when)."""
    return f"{day.day} {day:%B %Y}" if day else UNDATED


def iso_date(day: dt.date | None, undated: str = "undated") -> str:
    """ "2024-05-01", or ``undated`` for minutes that do not say when."""
    return day.isoformat() if day else undated


def clock(time: dt.time) -> str:
    """ "7.00 pm", as minutes write times."""
    hour = time.hour % 12 or 12
    return f"{hour}.{time.minute:02d} {'am' if time.hour < 12 else 'pm'}"


def formal_name(name: str) -> str:
    """A name as the minutes write it: "Cllr Ahmed" becomes "Councillor Ahmed"."""
    return re.sub(r"\bcllrs?\.?\s+", "Councillor ", name.strip(), flags=re.IGNORECASE)


def speaker(name: str, offices: Collection[str] = ()) -> str:
    """Who spoke, as the subject of a sentence: "the Director of Education", "the RFO",
    "Mrs Brown, Parish Clerk," (``offices`` are the job titles of those present)."""
    name = formal_name(name)
    if "," in name:  # "Mrs Brown, Parish Clerk" needs its closing comma
        return name + ","
    known = name.casefold() in {office.casefold() for office in offices}
    return f"the {name}" if known or _OFFICES.search(name) else name


def capitalised(text: str) -> str:
    """``text`` with its first letter made a capital (but "iPad" stays "iPad")."""
    if text[:1].islower() and not text[1:2].isupper():
        return text[:1].upper() + text[1:]
    return text


def trimmed(text: str) -> str:
    """Text with its spaces tidied and no closing stop, to be finished by the caller."""
    return re.sub(r"\s+", " ", text).strip().rstrip(".?!;:").strip()


def clause(text: str) -> str:
    """Text to be set inside a sentence: trimmed, a small first word in lower case
    ("The work starts" becomes "the work starts")."""
    text = trimmed(text)
    if text.split(" ", 1)[0] in _SMALL_WORDS:
        text = text[:1].lower() + text[1:]
    return text


def reported(answer: str) -> str:
    """An answer to follow "confirmed that": no "Yes," or "No,", no opening "that"."""
    text = trimmed(answer)
    short = _YES_NO.match(text)
    if short:
        rest = text[short.end():]
        if not rest:
            return "this was the case" if short.group(1).lower() == "yes" else \
                "this was not the case"
        text = rest
    if (match := _THAT_WAS.match(text)):
        return f"this was {match.group(1).lower()}"
    text = clause(text)
    words = text.split(" ", 2)
    if words[0].lower() == "that" and len(words) > 1 and words[1].lower() not in _VERBS_AFTER_THAT:
        text = text.split(" ", 1)[1]
    return text


def sentence(text: str) -> str:
    """Text as a sentence: a capital first, a full stop last (unless it has one)."""
    text = text.strip()
    if not text:
        return text
    return capitalised(text) + ("" if text[-1] in ".?!:;)" else ".")


# Questions and answers ------------------------------------------------------------

def _about(question: str) -> tuple[str, str]:
    """How a question is named: ("phrase", "concerning the timetable") in reported
    speech, or ("quote", "Could the hall open?") when it cannot be reported."""
    text = clause(question)
    if not text:
        return "phrase", ""
    if _WHAT_IS.match(text):
        return "phrase", "concerning " + _WHAT_IS.sub("", text)
    if _INVERTED.match(text) or _ASKED.match(text):
        return "quote", capitalised(text) + "?"
    if _QUESTION_WORDS.match(text):
        return "phrase", "as to " + text
    if _ABOUT.match(text):
        return "phrase", "concerning " + _ABOUT.sub("", text)
    return "phrase", "concerning " + text


def question_and_answer(asker: str | None, question: str, responder: str | None, answer: str,
                        offices: Collection[str] = ()) -> str:
    """One paragraph for a question and its answer, in reported speech."""
    asked = f"a question from {formal_name(asker)}" if asker else "a question"
    mode, about = _about(question)
    about = f", “{about}”" if mode == "quote" else (f" {about}" if about else "")
    who = speaker(responder, offices) if responder else "it was"
    return f"In response to {asked}{about}, {who} confirmed that {reported(answer)}."


def question_only(asker: str | None, question: str) -> str:
    """A question that had no answer at the meeting."""
    who = formal_name(asker) if asker else "A Member"
    mode, about = _about(question)
    if mode == "quote":
        return f"{who} asked: “{about}”"
    return f"{who} asked a question {about}." if about else f"{who} asked a question."


def answer_only(responder: str | None, answer: str, offices: Collection[str] = ()) -> str:
    """An answer to no question recorded at the meeting."""
    who = capitalised(speaker(responder, offices)) if responder else "It was"
    return f"{who} confirmed that {reported(answer)}."


def further_answer(responder: str | None, answer: str, offices: Collection[str] = ()) -> str:
    """A second answer to the same question."""
    who = capitalised(speaker(responder, offices)) if responder else "It was"
    verb = "added" if responder else "further confirmed"
    return f"{who} {verb} that {reported(answer)}."


# Actions and decisions ------------------------------------------------------------

def action_detail(owner: str | None, due: dt.date | None) -> str:
    """The owner and date after an action: "(Head of Finance, by 30 June 2024)"."""
    parts = [formal_name(owner) if owner else "", f"by {short_date(due)}" if due else ""]
    shown = ", ".join(part for part in parts if part)
    return f" ({shown})" if shown else ""


def vote_phrase(vote: Vote) -> str:
    """How a decision was carried: "unanimously", "For 7, Against 2, Abstain 1"."""
    if vote.unanimous:
        return "unanimously"
    counts = [("For", vote.votes_for), ("Against", vote.votes_against),
              ("Abstain", vote.votes_abstain)]
    return ", ".join(f"{word} {n}" for word, n in counts if n is not None)


def motion_not_carried(text: str, outcome: str, vote: Vote | None) -> str:
    """A motion that was lost, withdrawn or deferred: never a "RESOLVED"."""
    words = clause(text)
    motion = f"A motion {words}" if words.lower().startswith(("that ", "to ")) \
        else f"A motion ({words})"
    counted = f" ({vote_phrase(vote)})" if vote and vote_phrase(vote) else ""
    if outcome == "lost":
        return f"{motion} was put to the vote and LOST{counted}."
    if outcome == "withdrawn":
        return f"{motion} was withdrawn."
    return f"Consideration of {motion[0].lower()}{motion[1:]} was deferred{counted}."


def named_votes(vote: Vote) -> str:
    """Who voted which way, when votes were recorded by name."""
    groups = {"for": "For", "against": "Against", "abstain": "Abstaining"}
    parts = []
    for cast, word in groups.items():
        names = [formal_name(v.member) for v in vote.named if v.vote == cast]
        if names:
            parts.append(f"{word}: {listed(names)}.")
    return " ".join(parts)


def listed(names: list[str]) -> str:
    """ "A", "A and B", "A, B and C"."""
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


# The meeting ----------------------------------------------------------------------

def attendee(person: Attendance) -> str:
    """A person in the attendance lists: "Councillor Ruth Ellison (Chair)"."""
    notes = []
    if person.office:
        notes.append(person.office)
    if person.substitute_for:
        notes.append(f"substituting for {formal_name(person.substitute_for)}")
    if person.arrived_at:
        notes.append(f"arrived at {clock(person.arrived_at)}")
    if person.left_at:
        notes.append(f"left at {clock(person.left_at)}")
    name = formal_name(person.person)
    return f"{name} ({'; '.join(notes)})" if notes else name


def apologies(names: list[str]) -> str:
    """The apologies sentence, for the item that takes them."""
    return f"Apologies for absence were received from {listed([formal_name(n) for n in names])}."


def substitutes(people: list[Attendance]) -> str:
    """Who attended as substitutes, for the apologies item."""
    return " ".join(f"{formal_name(p.person)} attended as substitute for "
                    f"{formal_name(p.substitute_for)}." for p in people)


def item_reference(minute_number: str | None, title: str) -> str:
    """An item named in a sentence: "item 5 (Riverside play area)"."""
    return f"item {minute_number} ({title})" if minute_number else f"the item “{title}”"


def item_heading(minute_number: str | None, title: str) -> str:
    """An item's heading: "4. LIBRARY OPENING HOURS"."""
    return f"{minute_number}. {title.upper()}" if minute_number else title.upper()


def report_line(reference: str) -> str:
    """ "Report ECHS19062" (a reference typed with "Report" keeps its own)."""
    return reference if reference.lower().startswith("report") else f"Report {reference}"


def minute_reference(minute_number: str | None, title: str) -> str:
    """Where an action was agreed, in the action log: "Minute 4: Library opening hours"."""
    return f"Minute {minute_number}: {title}" if minute_number else title


def declaration(entry: Declaration, item: str | None, private: bool) -> str:
    """A declaration of interest; ``private`` leaves out what the interest is. A kind
    clerk does not know is named in the minutes' own word (``stated_kind``)."""
    kind = entry.kind.value if entry.kind else (entry.stated_kind or "").strip()
    interest = kind if kind.lower().endswith("interest") else f"{kind} interest".strip()
    article = "an" if interest[0].lower() in "aeiou" else "a"
    text = f"{formal_name(entry.member)} declared {article} {interest}"
    if item:
        text += f" in {item}"
    if entry.text.strip() and not private:
        text += f": {clause(entry.text)}"
    if entry.withdrew:
        text += ", and left the room while the item was considered"
    return text + "."


def exempt_line(paragraph: int | None) -> str:
    """The line that stands for an exempt item in the public minutes."""
    return EXEMPT_LINE.format(paragraph=f"paragraph {paragraph} of " if paragraph else "")


def exempt_notice(paragraph: int | None) -> str:
    """The warning at the head of an exempt item in the confidential minutes."""
    return EXEMPT_NOTICE.format(paragraph=f" (paragraph {paragraph})" if paragraph else "")


def meeting_line(start: dt.time | None, day: dt.date | None) -> str:
    """ "Minutes of the meeting held at 7.00 pm on Wednesday 1 May 2024"."""
    at = f" at {clock(start)}" if start else ""
    on = f" on {long_date(day)}" if day else ""
    return f"Minutes of the meeting held{at}{on}" if at or on else "Minutes of the meeting"


def closing_line(started: dt.time | None, ended: dt.time | None) -> str | None:
    """ "The meeting began at 7.02 pm and ended at 9.05 pm"."""
    if started and ended:
        return f"The meeting began at {clock(started)} and ended at {clock(ended)}."
    if ended:
        return f"The meeting ended at {clock(ended)}."
    return None


ACTION_LOG_TITLE = "Action log"
ACTION_LOG_COLUMNS = ("Action", "Detail", "Owner", "Due", "Status", "Meeting")
# The action log for a spreadsheet: one fact a column, dates as YYYY-MM-DD.
ACTION_CSV_COLUMNS = ("Action", "Owner", "Due", "Status", "Done on", "Progress", "Committee",
                      "Meeting date", "Item number", "Item title", "Exempt")
OVERDUE = "Overdue"


def approval_resolution(previous: dt.date, corrections: list[str]) -> str:
    """The decision that approves the last meeting's minutes."""
    text = f"That the minutes of the meeting held on {short_date(previous)} be approved as a " \
           "correct record"
    if corrections:
        parts = "; ".join(f"({chr(97 + n)}) {trimmed(c)}" for n, c in enumerate(corrections))
        text += f", subject to the following corrections: {parts}"
    return text + "."


def first_person_warning(where: str) -> str:
    """What the clerk is told about an entry that is not in reported speech."""
    return f"{where} reads in the first person; minutes are written in reported speech."
