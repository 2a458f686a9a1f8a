"""Every phrase of the house style, in one place.

Questions and answers become reported speech, as published minutes write them;
names become formal ("Cllr" is written "Councillor"); officers are "the Director of
Education". Change the wording here and every set of minutes follows.
"""

from __future__ import annotations

import datetime as dt
import re

from clerk_tui.models import Attendance, Declaration, Vote

EXEMPT_LINE = (
    "This item was considered in private. The press and public were excluded under "
    "{paragraph}Part 1 of Schedule 12A to the Local Government Act 1972, as it involved the "
    "likely disclosure of exempt information."
)
NO_DECLARATIONS = "There were no declarations of interest."
SIGNATURE_LINE = "…………………………………………………"
DATE_LINE = "Date: ……………………"

# Words that open a job title rather than a name: "the Director of Education".
_OFFICES = re.compile(
    r"^(Director|Head|Chief|Assistant|Deputy|Chair|Chairman|Chairwoman|Vice|Clerk|"
    r"Portfolio|Executive|Leader|Monitoring|Treasurer|Officer|Manager|Interim|Strategic|"
    r"Corporate|Service|Principal|Senior|Lead|Town|Parish|Borough|County|Finance)\b"
)
_QUESTION_WORDS = re.compile(r"^(whether|when|how|why|where|who|whom|which|if)\b", re.I)
_ABOUT = re.compile(r"^(about|regarding|concerning|on)\s+", re.I)
_WHAT_IS = re.compile(r"^what\s+(is|are|was|were|will be|would be)\s+", re.I)
_ASKED = re.compile(
    r"^(is|are|was|were|can|could|will|would|should|do|does|did|has|have|had|may|might)\b", re.I
)
_SMALL_WORDS = {"The", "A", "An", "It", "There", "Whether", "What", "When", "How", "Why",
                "Where", "Who", "Which", "If", "This", "That", "These", "Those", "Yes", "No"}


def long_date(day: dt.date) -> str:
    """ "Wednesday 1 May 2024"."""
    return f"{day:%A} {day.day} {day:%B %Y}"


def short_date(day: dt.date) -> str:
    """ "1 May 2024"."""
    return f"{day.day} {day:%B %Y}"


def clock(time: dt.time) -> str:
    """ "7.00 pm", as minutes write times."""
    hour = time.hour % 12 or 12
    return f"{hour}.{time.minute:02d} {'am' if time.hour < 12 else 'pm'}"


def formal_name(name: str) -> str:
    """A name as the minutes write it: "Cllr Ahmed" becomes "Councillor Ahmed"."""
    return re.sub(r"^Cllrs?\.?\s+", "Councillor ", name.strip())


def speaker(name: str) -> str:
    """Who spoke, as the subject of a sentence: "the Director of Education"."""
    name = formal_name(name)
    return f"the {name}" if _OFFICES.match(name) else name


def capitalised(text: str) -> str:
    """``text`` with its first letter made a capital."""
    return text[:1].upper() + text[1:]


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
    """An answer to follow "confirmed that": its own opening "that" is dropped."""
    return re.sub(r"^that\s+", "", clause(answer))


def sentence(text: str) -> str:
    """Text as a sentence: a capital first, a full stop last (unless it has one)."""
    text = text.strip()
    if not text:
        return text
    return capitalised(text) + ("" if text[-1] in ".?!:;)" else ".")


def subject(question: str) -> str:
    """What a question was about, to follow "a question": "concerning the timetable"."""
    text = clause(question)
    if _WHAT_IS.match(text):
        return "concerning " + _WHAT_IS.sub("", text)
    if _QUESTION_WORDS.match(text):
        return "as to " + text
    if _ABOUT.match(text):
        return "concerning " + _ABOUT.sub("", text)
    if _ASKED.match(text):
        return f"(“{capitalised(text)}?”)"
    return "concerning " + text


def question_and_answer(asker: str | None, question: str, responder: str | None,
                        answer: str) -> str:
    """One paragraph for a question and its answer, in reported speech."""
    asked = f"a question from {formal_name(asker)}" if asker else "a question"
    about = f" {subject(question)}" if question.strip() else ""
    who = speaker(responder) if responder else "it was"
    return f"In response to {asked}{about}, {who} confirmed that {reported(answer)}."


def question_only(asker: str | None, question: str) -> str:
    """A question that had no answer at the meeting."""
    who = formal_name(asker) if asker else "A Member"
    return f"{who} asked a question {subject(question)}."


def answer_only(responder: str | None, answer: str) -> str:
    """An answer to no question recorded at the meeting."""
    who = capitalised(speaker(responder)) if responder else "It was"
    return f"{who} confirmed that {reported(answer)}."


def further_answer(responder: str | None, answer: str) -> str:
    """A second answer to the same question."""
    who = capitalised(speaker(responder)) if responder else "It was"
    verb = "added" if responder else "further confirmed"
    return f"{who} {verb} that {reported(answer)}."


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
    """The apologies sentence."""
    return f"Apologies for absence were received from {listed([formal_name(n) for n in names])}."


def declaration(entry: Declaration, item: str | None, private: bool) -> str:
    """A declaration of interest; ``private`` leaves out what the interest is."""
    kind = entry.kind.value
    interest = kind if kind.endswith("interest") else f"{kind} interest"
    article = "an" if interest[0] in "aeiou" else "a"
    text = f"{formal_name(entry.member)} declared {article} {interest}"
    if item:
        text += f" in {item}"
    if entry.text.strip() and not private:
        text += f": {clause(entry.text)}"
    if entry.withdrew:
        text += ", and left the room while the item was considered"
    return text + "."


def item_reference(minute_number: str | None, title: str) -> str:
    """An item named in a sentence: "item 5 (Riverside play area)"."""
    return f"item {minute_number} ({title})" if minute_number else f"the item {title}"


def exempt_line(paragraph: int | None) -> str:
    """The line that stands for an exempt item in the public minutes."""
    return EXEMPT_LINE.format(paragraph=f"paragraph {paragraph} of " if paragraph else "")


def meeting_line(start: dt.time | None, day: dt.date) -> str:
    """ "Minutes of the meeting held at 7.00 pm on Wednesday 1 May 2024"."""
    at = f" at {clock(start)}" if start else ""
    return f"Minutes of the meeting held{at} on {long_date(day)}"


def closing_line(started: dt.time | None, ended: dt.time | None) -> str | None:
    """ "The meeting began at 7.02 pm and ended at 9.05 pm"."""
    if started and ended:
        return f"The meeting began at {clock(started)} and ended at {clock(ended)}."
    if ended:
        return f"The meeting ended at {clock(ended)}."
    return None
