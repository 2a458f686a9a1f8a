"""Past minutes, as councils publish them, read into clerk's models.

Two layouts are common: a web page of one agenda item ("Agenda item", its title,
"Minutes:", then paragraphs) and Word minutes with numbered item headings. Within an
item, paragraphs are read as what they are: resolutions (and their numbered parts),
actions, questions with their answers in reported speech, bullet lists, notes. What
cannot be read as anything else is kept as a note, so nothing is lost.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from clerk_tui.importer.documents import Line, read_document
from clerk_tui.models import (
    Action,
    AgendaItem,
    AgendaItemSnapshot,
    Attendance,
    Declaration,
    DeclarationKind,
    Entry,
    ImportedMinutes,
    Note,
    Question,
    Resolution,
    Response,
    Vote,
)

_MEETING = re.compile(r"^Meeting:\s*(\d{1,2}/\d{1,2}/\d{4})\s*[-–]\s*(.+?)(?:\s*\(Item\s+([\w./]+)\))?$",
                      re.I)
_HELD = re.compile(r"\bmeeting held(?: at ([\d.:]+\s*[ap]\.?m\.?))?(?: on)? (?:\w+day,? )?"
                   r"(\d{1,2}(?:st|nd|rd|th)? \w+ \d{4})", re.I)
_ITEM = re.compile(r"^(\d+[a-z]?(?:[./]\d+)?)[.)]?\s+(\S.{1,150})$", re.I)
_REPORT = re.compile(r"^(Report\s+(?:No\.?\s*)?[A-Z]{2,}[\w/-]*\d[\w/-]*)\.?$", re.I)
_DECISION = re.compile(r"^(RESOLVED|RECOMMENDED|AGREED)\b[\s:,–-]*(unanimously)?[\s:,–-]*(.*)$",
                       re.I)
_PART = re.compile(r"^\(?([0-9]+|[a-z]|[ivx]+)\)\s*(.+)$")
_INLINE_PARTS = re.compile(r"\s*\((?:\d+|[a-h]|[ivx]+)\)\s+")
_QUESTION = re.compile(
    r"^In response to (?:a |the )?(?:question|query)(?:s)?(?: from ([^,]+?))?"
    r"(?: (?:concerning|regarding|about|on|as to|relating to) (.+?))?,\s*(?:the )?(.+?) "
    r"(confirmed|said|stated|advised|explained|reported|noted|replied|responded|indicated|"
    r"clarified|informed (?:the )?(?:Committee|Members|Board))(?: that)? (.+)$", re.I)
_ACTION = re.compile(r"\bACTION\b")
# Decisions that ask for something to be done are actions, though unmarked.
_AGREED = re.compile(r"(?:^|(?<=[.!?]\s))(?:It was agreed that|(?:The )?(?:Committee|Board|Panel|"
                     r"Council|Members|Sub-Committee) (?:requested|asked|agreed) that)\b")
_OWNER = re.compile(r"\(([^()]{2,60}?)(?:,\s*by ([^()]+))?\)\s*\.?$")
_DECLARED = re.compile(r"^(.{3,80}?) declared (?:an? )?(.{0,40}?)interests?(?: in (.+?))?[.:;,]?\s*(.*)$",
                       re.I)
_NAMES = re.compile(r"\s*(?:,|\band\b)\s*")
_LISTS = {"present": "present", "members present": "present", "also present": "officer",
          "in attendance": "officer", "officers": "officer", "apologies": "apologies",
          "apologies for absence": "apologies", "absent": "absent"}
_DATE_FORMATS = ("%d %B %Y", "%d %b %Y", "%d/%m/%Y", "%Y-%m-%d")
_SKIP = {"agenda item", "minutes:", "minutes"}


def _date(text: str) -> dt.date | None:
    text = re.sub(r"(\d)(st|nd|rd|th)\b", r"\1", text.strip())
    for form in _DATE_FORMATS:
        try:
            return dt.datetime.strptime(text, form).date()
        except ValueError:
            continue
    return None


def date_in(text: str) -> dt.date | None:
    """A date named anywhere in ``text`` (a file name, a heading)."""
    for pattern in (r"\d{4}-\d{2}-\d{2}", r"\d{1,2}/\d{1,2}/\d{4}",
                    r"\d{1,2}(?:st|nd|rd|th)? [A-Za-z]+ \d{4}"):
        for found in re.findall(pattern, text):
            if (day := _date(found)) is not None:
                return day
    return None


@dataclass
class _Reader:
    """Reads the lines of one document, item by item."""

    minutes: ImportedMinutes = field(default_factory=ImportedMinutes)
    item: AgendaItemSnapshot | None = None
    minute_number: str | None = None
    expect_title: bool = False
    parts_of: Resolution | None = None

    @property
    def at(self) -> dt.datetime:
        day = self.minutes.date or dt.date(1970, 1, 1)
        return dt.datetime.combine(day, self.minutes.start_time or dt.time(0, 0))

    def read(self, lines: list[Line]) -> ImportedMinutes:
        for line in lines:
            text = re.sub(r"\s*Supporting documents:.*$", "", line.text).strip()
            if text and not self._meta(text):
                self._line(Line(text, line.kind))
            if "Supporting documents:" in line.text:
                break
        return self.minutes

    def _meta(self, text: str) -> bool:
        """Lines naming the meeting, the item heading marker and "Minutes:"."""
        if (found := _MEETING.match(text)):
            self.minutes.date = self.minutes.date or _date(found.group(1))
            self.minutes.committee = self.minutes.committee or found.group(2).strip()
            self.minute_number = found.group(3)
            return True
        if (found := _HELD.search(text)) and self.item is None:
            self.minutes.date = self.minutes.date or _date(found.group(2))
            return True
        if text.lower() in _SKIP:
            self.expect_title = text.lower() == "agenda item" or self.expect_title
            return True
        return False

    def _line(self, line: Line) -> None:
        text = line.text
        if self._attendance(text) or self._declaration(text):
            return
        numbered = (found := _ITEM.match(text)) is not None and _looks_like_title(found.group(2))
        if self.expect_title or (self.item is not None and (line.kind == "heading" or numbered)):
            self._start_item(text)
        elif self.item is not None:
            self._content(line)
        elif numbered or line.kind == "heading" and (self.minutes.committee or self.minutes.items):
            self._start_item(text)
        elif self.minutes.committee is None and _looks_like_committee(text):
            self.minutes.committee = text
        elif self.minutes.venue is None and len(text) < 80 and not text.endswith("."):
            self.minutes.venue = text
        else:  # minutes without item headings: everything under one item
            self._start_item("Minutes")
            self._content(line)

    def _start_item(self, text: str) -> None:
        self.expect_title = False
        number, title = self.minute_number, text
        if (found := _ITEM.match(text)) and _looks_like_title(found.group(2)):
            number, title = found.group(1), found.group(2)
        item = AgendaItem(meeting_id=self.minutes.placeholder_id, minute_number=number,
                          title=_title_case(title), exempt=False)
        self.item = AgendaItemSnapshot(item=item)
        self.minutes.items.append(self.item)
        self.minute_number = None

    def _add(self, entry: Entry) -> None:
        self.item.entries.append(entry)
        self.parts_of = None

    def _content(self, line: Line) -> None:
        text, common = line.text, {"item_id": self.item.item.id, "captured_at": self.at}
        if (report := _REPORT.match(text)) and not self.item.item.report_reference:
            self.item.item.report_reference = report.group(1).split(None, 1)[1].strip()
        elif self.parts_of is not None and (part := _PART.match(text)):
            self._add_part(part.group(2))
        elif line.kind == "bullet":
            self._bullet(text, common)
        elif (decision := _DECISION.match(text)):
            self._decision(decision, common)
        elif (qa := _QUESTION.match(text)):
            question = Question(text=qa.group(2) or "", asker=qa.group(1), **common)
            self._add(question)
            self._add(Response(text=qa.group(5), responder=qa.group(3), answers_id=question.id,
                               **common))
        elif _ACTION.search(text):
            self._add(_action(text, common))
        elif (agreed := _AGREED.search(text)):
            before = text[: agreed.start()].strip()
            if before:
                self._add(Note(text=before, **common))
            self._add(Action(text=text[agreed.start():].strip(), **common))
        else:
            self._add(Note(text=text, **common))

    def _bullet(self, text: str, common: dict) -> None:
        last = self.item.entries[-1] if self.item.entries else None
        if isinstance(last, Note):
            last.text = f"{last.text}\n- {text}"
        else:
            self._add(Note(text=f"- {text}", **common))

    def _decision(self, decision: re.Match, common: dict) -> None:
        label = decision.group(1).upper()
        vote = Vote(unanimous=True) if decision.group(2) else None
        body = decision.group(3).strip()
        parts = [p for p in _INLINE_PARTS.split(body) if p.strip()]
        lead = parts[0].strip() if parts else ""
        if len(parts) > 1:  # "RESOLVED that (1) …; (2) …"
            for part in parts[1:]:
                self._add(Resolution(text=_that(part), label=label, vote=vote, **common))
            return
        resolution = Resolution(text=lead, label=label, vote=vote, **common)
        self._add(resolution)
        if len(lead) < 12:  # "RESOLVED that –": its numbered parts follow
            self.parts_of = resolution

    def _add_part(self, text: str) -> None:
        lead = self.parts_of
        if lead in self.item.entries and len(lead.text) < 12:
            self.item.entries.remove(lead)
        part = Resolution(text=_that(text), label=lead.label, vote=lead.vote,
                          item_id=lead.item_id, captured_at=lead.captured_at)
        self.item.entries.append(part)
        self.parts_of = lead

    def _attendance(self, text: str) -> bool:
        label, _, names = text.partition(":")
        status = _LISTS.get(label.strip().lower())
        sentence = re.match(r"^Apologies for absence were received from (.+?)\.?$", text, re.I)
        if sentence:
            status, names = "apologies", sentence.group(1)
        if status is None or not names.strip():
            return False
        for name in filter(None, (n.strip(" .;") for n in _NAMES.split(names))):
            office = re.search(r"\(([^)]+)\)$", name)
            person = name[: office.start()].strip() if office else name
            self.minutes.attendance.append(Attendance(
                meeting_id=self.minutes.placeholder_id, person=person,
                office=office.group(1) if office else None,
                role="officer" if status == "officer" else "member",
                status="present" if status == "officer" else status))
        return True

    def _declaration(self, text: str) -> bool:
        if "no declarations" in text.lower():
            return True
        found = _DECLARED.match(text)
        if not found:
            return False
        words = found.group(2).lower()
        kind = next((k for k in DeclarationKind if k.value.split()[0] in words),
                    DeclarationKind.PERSONAL)
        self.minutes.declarations.append(Declaration(
            meeting_id=self.minutes.placeholder_id, member=found.group(1), kind=kind,
            text=found.group(4) or (found.group(3) or "")))
        return True


def _that(text: str) -> str:
    """One numbered part of a decision, without the "; and" that joins it to the next."""
    return re.sub(r"\s+(and|or)$", "", text.strip()).rstrip(";,").strip()


def _action(text: str, common: dict) -> Action:
    """ "ACTION: Circulate the figures (Head of Finance, by 30 June 2024)", or a point
    ending "– ACTION"."""
    words = _ACTION.sub("", text).strip(" :–-.")
    owner = due = None
    if (found := _OWNER.search(words)):
        owner, due = found.group(1).strip(), _date(found.group(2) or "")
        words = words[: found.start()].strip()
    return Action(text=words or text, owner=owner, due=due, **common)


def _looks_like_title(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and (sum(c.isupper() for c in letters) / len(letters) > 0.6 or
                              len(text) < 80 and not text.rstrip().endswith("."))


def _looks_like_committee(text: str) -> bool:
    return bool(re.search(r"\b(Committee|Board|Council|Cabinet|Panel|Forum|Sub-Committee)\b",
                          text)) and len(text) < 120 and not text.endswith(".")


def _title_case(text: str) -> str:
    """An all-capitals title as a clerk would type it ("CHILDREN'S PLAN" -> "Children's
    Plan"); a title already in mixed case is kept."""
    if text.upper() != text:
        return text
    small = {"and", "of", "the", "for", "to", "in", "on", "at", "a", "an", "or", "by", "with"}
    words = text.lower().split()
    return " ".join(w if i and w in small else w[:1].upper() + w[1:] for i, w in enumerate(words))


def read_minutes(path: Path, committee: str | None = None, date: dt.date | None = None,
                 ) -> ImportedMinutes:
    """The minutes in ``path``. The committee and date come from the text where it names
    them, else from ``committee`` and ``date``, else from the file's name."""
    minutes = parse_minutes(read_document(path), committee, date)
    if minutes.date is None:
        minutes.date = date_in(path.stem.replace("_", " "))
    if minutes.committee is None:
        name = re.sub(r"[\d_-]+", " ", path.stem).strip()
        minutes.committee = _title_case(name.upper()) if name else "Imported minutes"
    return minutes


def parse_minutes(lines: list[Line], committee: str | None = None,
                  date: dt.date | None = None) -> ImportedMinutes:
    """Minutes from the lines of a document."""
    reader = _Reader()
    reader.minutes.committee = None
    minutes = reader.read(lines)
    minutes.committee = minutes.committee or committee
    minutes.date = minutes.date or date
    for part in minutes.items:  # the date may have been found after the first entries
        for entry in part.entries:
            entry.captured_at = reader.at
    return minutes
