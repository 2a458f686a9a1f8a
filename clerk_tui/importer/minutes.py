"""Past minutes, as councils publish them, read into clerk's models.

Two layouts are common: web pages of one agenda item each ("Agenda item", its title,
"Minutes:", paragraphs, "Supporting documents:"), and Word minutes with a title block,
attendance, and numbered item headings. Within an item, paragraphs are read as what
they are: resolutions (and their numbered parts), actions, questions with their
answers in reported speech, bullet lists. Anything else is kept as a note: whatever
the layout, no text is lost.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from clerk_tui.importer.dates import body_in, dates, meeting_when, time_in
from clerk_tui.importer.documents import Line, UnreadableDocument, read_document
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
    ResolutionLabel,
    Vote,
)

_MEETING = re.compile(r"^Meeting:\s*(\d{1,2}/\d{1,2}/\d{4})\s*[-–]\s*(.+?)(?:\s*\(Item\s+([\w./]+)\))?$",
                      re.I)
_HELD = re.compile(r"\bmeeting (?:was )?held(?: at ([\d.:]+\s*[ap]\.?m\.?))?(?: on)? (?:\w+day,? )?"
                   r"(\d{1,2}(?:st|nd|rd|th)? \w+ \d{4})(?: at ([\d.:]+\s*[ap]\.?m\.?))?", re.I)
_ITEM = re.compile(r"^(\d+[a-z]?(?:[./]\d+)?)[.)]?\s+(\S.{1,150})$", re.I)
_REPORT = re.compile(r"^Report\s+(?:No\.?\s*)?([A-Z]{2,}[\w/-]*\d[\w/-]*)\.?$", re.I)
_DECISION = re.compile(r"^(?:(RESOLVED|RECOMMENDED|AGREED)\b|(Resolved|Recommended|Agreed)"
                       r"(?=\s*[:,–-]|\s+that\b))\s*(unanimously)?[\s:,–-]*(.*)$")
_PART = re.compile(r"^\(?(\d{1,2}|[a-h]|[ivx]{1,4})[.)]\s+(.+)$")
_INLINE_PART = re.compile(r"(?:(?<=\s)|^)\((?:\d{1,2}|[a-h]|[ivx]{1,4})\)\s+")
# Who answered is a few words (at most 120 characters), so a paragraph of many commas
# is not read once per comma to its end.
_QUESTION = re.compile(
    r"^In response to (?:a |the )?(?:question|query)s?(?: from ([^,]+?))?"
    r"(?: (?:concerning|regarding|about|on|as to|relating to) (.+?))?,\s*(?:the )?(.{1,120}?) "
    r"(confirmed|said|stated|advised|explained|reported|noted|replied|responded|indicated|"
    r"clarified|informed (?:the )?(?:Committee|Members|Board))(?: that)? (.+)$", re.I)
# The trailing marker starts only where a run of spaces starts and takes the run whole,
# so a line holding thousands of spaces is read in one pass.
_ACTION = re.compile(r"^(?:ACTION|Action)\s*[:–-]\s*|(?<!\s)\s*+(?:[–-]\s*+)?\bACTION\.?$")
_ACTION_OWNER = re.compile(r"\b(?:ACTION|Action)\s*:\s*[^.]{2,60}$")  # "… Action: J Smith"
_OWNER = re.compile(r"\(([^()]{2,60}?)(?:,\s*by ([^()]+))?\)\s*\.?$")
_OWNER_FIRST = re.compile(r"^([A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|of|the|and|for)){0,6}) to [a-z]")
_AGREED = re.compile(r"(?:^|(?<=[.!?]\s))(?:It was agreed that\b(?=.*\b(?:should|would|will)\b)|"
                     r"(?:The )?(?:Committee|Board|Panel|Council|Members|Sub-Committee) "
                     r"(?:requested|asked)\b)")
_DECLARED = re.compile(r"^(.{3,80}?) declared (?:an? )?(.{0,40}?)interests?\b[\s.:;,]*(.*)$",
                       re.I)
_NO_DECLARATIONS = re.compile(r"^(?:There were )?no declarations(?: of interest)?"
                              r"(?: were (?:made|declared|received))?\.?$", re.I)
_LISTS = {"present": "present", "members present": "present", "councillors present": "present",
          "also present": "officer", "in attendance": "officer", "officers": "officer",
          "officers present": "officer", "apologies": "apologies",
          "apologies for absence": "apologies", "absent": "absent"}
_COMMITTEE = re.compile(r"\b(Committee|Board|Cabinet|Panel|Forum|Sub-Committee|Executive|"
                        r"Scrutiny)\b", re.I)
_COUNCIL = re.compile(r"\b(Council|Corporation|Authority)\s*$", re.I)
_DATE_FORMATS = ("%d %B %Y", "%d %b %Y", "%d/%m/%Y", "%Y-%m-%d")
MAX_LINES = 20_000  # more paragraphs than any minutes; beyond it a file is something else


def _date(text: str) -> dt.date | None:
    """The date ``text`` is, in any common form ("4 June 2024", "04/06/2024", "June 4, 2024")."""
    text = re.sub(r"(\d)(st|nd|rd|th)\b", r"\1", text.strip())
    for form in _DATE_FORMATS:
        try:
            return dt.datetime.strptime(text, form).date()
        except ValueError:
            continue
    found = dates(text)
    return found[0][1] if found else None


def _time(text: str | None) -> dt.time | None:
    return time_in(text or "")


def date_in(text: str) -> dt.date | None:
    """A date named anywhere in ``text`` (a file name, a heading)."""
    for pattern in (r"\d{4}-\d{2}-\d{2}", r"\d{1,2}/\d{1,2}/\d{4}",
                    r"\d{1,2}(?:st|nd|rd|th)? [A-Za-z]+ \d{4}"):
        for found in re.findall(pattern, text):
            if (day := _date(found)) is not None:
                return day
    found = dates(text)
    return found[0][1] if found else None


def names(text: str) -> list[str]:
    """Names in a list: "A, B (Chair, Finance) and C" — commas in brackets stay."""
    parts, depth, current = [], 0, ""
    for token in re.split(r"(\(|\)|,|\band\b)", text):
        if token == "(":
            depth += 1
        elif token == ")":
            depth = max(0, depth - 1)
        if depth == 0 and token in (",", "and"):
            parts.append(current)
            current = ""
        else:
            current += token
    parts.append(current)
    return [p.strip(" .;") for p in parts if p.strip(" .;")]


@dataclass
class _Decision:
    """A decision whose numbered parts follow on the next lines."""

    label: ResolutionLabel
    vote: Vote | None
    lead: str
    parts: int = 0


@dataclass
class _Reader:
    """Reads the lines of one document, item by item."""

    minutes: ImportedMinutes = field(default_factory=ImportedMinutes)
    item: AgendaItemSnapshot | None = None
    minute_number: str | None = None
    expect_title: bool = False
    skipping: bool = False
    listing: str | None = None
    decision: _Decision | None = None
    committee_is_body: bool = False
    meeting_date: dt.date | None = None  # from a "Meeting: date - committee" line
    meeting_committee: str | None = None

    @property
    def at(self) -> dt.datetime:
        day = self.minutes.date or dt.date(1970, 1, 1)
        return dt.datetime.combine(day, self.minutes.start_time or dt.time(0, 0))

    def read(self, lines: list[Line]) -> ImportedMinutes:
        for line in lines:
            self._line(line)
        return self.minutes

    def _line(self, line: Line) -> None:
        text = line.text
        if self.skipping and not (_MEETING.match(text) or text.lower() == "agenda item"):
            return
        self.skipping = False
        head, _, tail = text.partition("Supporting documents:")
        if tail or text.rstrip().endswith("Supporting documents:"):
            if head.strip():
                self._line(Line(head.strip(), line.kind))
            self.item, self.skipping, self.decision = None, True, None
            return
        if self._meta(text) or self._attendance(line) or self._declaration(text):
            return
        self._place(line)

    def _meta(self, text: str) -> bool:
        """Lines naming the meeting, the item heading marker and "Minutes:"."""
        if (found := _MEETING.match(text)):
            self.minutes.date = self.minutes.date or _date(found.group(1))
            self.minutes.committee = self.minutes.committee or found.group(2).strip()
            self.meeting_date = self.meeting_date or self.minutes.date
            self.meeting_committee = self.meeting_committee or self.minutes.committee
            self.minute_number, self.item = found.group(3), None
            return True
        if self.item is None and (found := _HELD.search(text)):
            self.minutes.date = self.minutes.date or _date(found.group(2))
            self.minutes.start_time = self.minutes.start_time or _time(
                found.group(1) or found.group(3))
            return True
        lowered = text.lower().rstrip(":")
        if lowered == "agenda item":
            self.expect_title, self.item = True, None
            return True
        return lowered == "minutes" and (self.expect_title or self.item is not None
                                         and not self.item.entries)

    def _place(self, line: Line) -> None:
        """An item heading, the title block, or the content of the current item."""
        text = line.text
        numbered = line.kind != "bullet" and (found := _ITEM.match(text)) is not None and (
            _capitals(found.group(2)) or line.kind == "heading"
            or self.item is None and not text.endswith("."))
        if self.expect_title or numbered or line.kind == "heading" and (
                self.item is not None or self.minutes.items):
            self._start_item(text)
        elif self.item is not None:
            self._content(line)
        elif self._title_block(line):
            pass
        else:  # minutes without item headings: everything under one item
            self._start_item("Minutes")
            self._content(line)

    def _title_block(self, line: Line) -> bool:
        """The committee (or the council, until the committee is named) and the venue."""
        text = line.text
        if _COMMITTEE.search(text) and len(text) < 120 and (
                self.minutes.committee is None or self.committee_is_body):
            self.minutes.committee, self.committee_is_body = _named(text), False
            return True
        if _COUNCIL.search(text) and self.minutes.committee is None and len(text) < 120:
            self.minutes.committee, self.committee_is_body = _named(text), True
            return True
        if line.kind == "heading" and self.minutes.committee is None:
            self.minutes.committee = _named(text)
            return True
        if self.minutes.venue is None and len(text) < 80 and not text.endswith("."):
            self.minutes.venue = text
            return True
        return False

    def _start_item(self, text: str) -> None:
        self.expect_title, self.decision, self.listing = False, None, None
        number, title = self.minute_number, text
        if (found := _ITEM.match(text)):
            number, title = found.group(1), found.group(2)
        item = AgendaItem(meeting_id=self.minutes.placeholder_id, minute_number=number,
                          title=title, exempt=False)
        self.item = AgendaItemSnapshot(item=item)
        self.minutes.items.append(self.item)
        self.minute_number = None

    def _add(self, entry: Entry) -> None:
        self.item.entries.append(entry)

    def _content(self, line: Line) -> None:
        text, common = line.text, {"item_id": self.item.item.id, "captured_at": self.at}
        if self.decision is not None and self._decision_part(text, common):
            return
        self.decision = None
        if (report := _REPORT.match(text)) and not self.item.item.report_reference:
            self.item.item.report_reference = report.group(1)
        elif line.kind == "bullet":
            self._bullet(text, common)
        elif (decision := _DECISION.match(text)):
            self._decision(decision, common)
        elif (qa := _QUESTION.match(text)):
            question = Question(text=qa.group(2) or "", asker=qa.group(1), **common)
            self._add(question)
            self._add(Response(text=qa.group(5), responder=qa.group(3), answers_id=question.id,
                               **common))
        elif _ACTION.search(text) or _ACTION_OWNER.search(text):
            self._add(_action(text, common))
        elif (agreed := _AGREED.search(text)):
            if before := text[: agreed.start()].strip():
                self._add(Note(text=before, **common))
            self._add(_action(text[agreed.start():].strip(), common))
        else:
            self._add(Note(text=text, **common))

    def _bullet(self, text: str, common: dict) -> None:
        last = self.item.entries[-1] if self.item.entries else None
        if isinstance(last, Note):
            last.text = f"{last.text}\n- {text}"
        else:
            self._add(Note(text=f"- {text}", **common))

    def _decision(self, found: re.Match, common: dict) -> None:
        label = ResolutionLabel((found.group(1) or found.group(2)).upper())
        vote = Vote(unanimous=True) if found.group(3) else None
        body = found.group(4).strip()
        pieces = _INLINE_PART.split(body)
        lead, parts = pieces[0].strip(), [p for p in pieces[1:] if p.strip()]
        for part in parts:  # "RESOLVED that (1) …; and (2) …"
            self._add(Resolution(text=_joined(lead, part), label=label, vote=vote, **common))
        if parts:
            return
        if _lead_only(lead):  # "RESOLVED that –", "RESOLVED:" or "… be recommended to:"
            self.decision = _Decision(label, vote, lead)
        else:
            self._add(Resolution(text=lead, label=label, vote=vote, **common))

    def _decision_part(self, text: str, common: dict) -> bool:
        """A numbered part of the decision above (or, after a bare "RESOLVED:", its text)."""
        decision = self.decision
        part = _PART.match(text)
        if part is None and decision.parts == 0 and not _DECISION.match(text):
            text_of = text if not decision.lead or decision.lead.lower() in ("that", "that –") \
                else _joined(decision.lead, text)
            self._add(Resolution(text=text_of, label=decision.label, vote=decision.vote, **common))
            self.decision = None
            return True
        if part is None:
            return False
        self._add(Resolution(text=_joined(decision.lead, part.group(2)), label=decision.label,
                             vote=decision.vote, **common))
        decision.parts += 1
        return True

    def _attendance(self, line: Line) -> bool:
        """ "Present: A, B and C", a label with the names on the lines below it, or
        "Apologies for absence were received from …"."""
        text = line.text
        label, colon, listed = text.partition(":")
        status = _LISTS.get(label.strip().lower()) if colon or text.endswith(":") else None
        if status is None and (sentence := re.match(
                r"^Apologies for absence were received from (.+?)\.?$", text, re.I)):
            status, listed = "apologies", sentence.group(1)
        if status is None and self.listing and _name_like(line):
            status, listed = self.listing, text
        elif status is None:
            self.listing = None
            return False
        if not listed.strip():
            self.listing = status
            return True
        for name in names(listed):
            office = re.search(r"\(([^)]+)\)$", name)
            person = name[: office.start()].strip() if office else name
            self.minutes.attendance.append(Attendance(
                meeting_id=self.minutes.placeholder_id, person=person or name,
                office=office.group(1) if office and person else None,
                role="officer" if status == "officer" else "member",
                status="present" if status == "officer" else status))
        return True

    def _declaration(self, text: str) -> bool:
        if self.item is not None and _NO_DECLARATIONS.match(text):
            self._add(Note(text=text, item_id=self.item.item.id, captured_at=self.at))
            return True
        found = _DECLARED.match(text)
        if not found:
            return False
        words = found.group(2).lower()
        kind = next((k for k in DeclarationKind if k.value.split()[0] in words),
                    DeclarationKind.PERSONAL)
        self.minutes.declarations.append(Declaration(
            meeting_id=self.minutes.placeholder_id, member=found.group(1), kind=kind,
            text=found.group(3).strip()))
        return True


def _name_like(line: Line) -> bool:
    text = line.text
    return line.kind != "heading" and len(text) < 80 and not text.endswith(".") and \
        text[:1].isupper() and ":" not in text


def _capitals(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) / len(letters) > 0.6


def _named(text: str) -> str:
    """A committee's name as a clerk would type it: "PLANNING COMMITTEE" is "Planning
    Committee"; a name already in mixed case is kept."""
    if text.upper() != text:
        return text
    small = {"and", "of", "the", "for", "to", "in", "on", "at", "a", "an", "or", "by", "with"}
    words = text.lower().split()
    return " ".join(w if i and w in small else w[:1].upper() + w[1:] for i, w in enumerate(words))


def _lead_only(lead: str) -> bool:
    words = re.sub(r"[\s:–-]+$", "", lead)
    return not words or words.lower() == "that" or lead.rstrip().endswith((":", "–", "-"))


def _joined(lead: str, part: str) -> str:
    """A numbered part of a decision, with the words that lead into it ("That the
    Committee" + "note the report" -> "That the Committee note the report")."""
    part = re.sub(r"\s+(and|or)$", "", part.strip()).rstrip(";,").strip()
    lead = re.sub(r"[\s:–-]+$", "", lead.strip())
    if not lead or lead.lower() == "that":
        return part
    return f"{lead} {part}"


def _action(text: str, common: dict) -> Action:
    """ "ACTION: Circulate the figures (Head of Finance, by 30 June 2024)", "The paper
    will be sent. ACTION: J Smith", "ACTION: Head of Transport to circulate …", or a
    decision that asks for something to be done. The words are kept whole."""
    words = _ACTION.sub(" ", text).strip(" :–-")
    owner = due = None
    if (found := _OWNER.search(words)):
        owner, due = found.group(1).strip(), _date(found.group(2) or "")
        if due is not None or not found.group(2):
            words = words[: found.start()].strip()
    elif (marker := re.search(r"\b(?:ACTION|Action)\s*[:–-]\s*(.{2,60})$", text)) and \
            len(marker.group(1).split()) <= 5 and not marker.group(1).endswith("."):
        owner, words = marker.group(1).strip(), text[: marker.start()].strip(" :–-")
    elif (first := _OWNER_FIRST.match(words)):
        owner = first.group(1).strip()
    return Action(text=words or text, owner=owner, due=due, **common)


def read_minutes(path: Path, committee: str | None = None, date: dt.date | None = None,
                 ) -> ImportedMinutes:
    """The minutes in ``path``. The committee and date come from the text where it names
    them, else from ``committee`` and ``date``, else from the file's name."""
    lines = read_document(path)
    if len(lines) > MAX_LINES:  # refused whole: no part of a file is silently left out
        raise UnreadableDocument(f"{path} has {len(lines):,} paragraphs, more than any minutes "
                                 f"(at most {MAX_LINES:,}); it was not read.")
    minutes = parse_minutes(lines, committee, date)
    if minutes.date is None:
        minutes.date = date_in(path.stem.replace("_", " "))
    return minutes


def parse_minutes(lines: list[Line], committee: str | None = None,
                  date: dt.date | None = None) -> ImportedMinutes:
    """Minutes from the lines of a document (the text's own committee and date first)."""
    reader = _Reader()
    minutes = reader.read(lines)
    texts = [line.text for line in lines]
    day, start = meeting_when(texts)
    minutes.date = reader.meeting_date or day or date
    minutes.start_time = minutes.start_time if reader.meeting_date else start
    named = body_in(texts)
    if named is not None and not reader.meeting_committee:
        minutes.committee, reader.committee_is_body = _named(named), _COMMITTEE.search(
            named) is None
    else:
        minutes.committee = reader.meeting_committee
    if reader.committee_is_body and committee:
        minutes.committee = committee  # the text named only the council
    minutes.committee = minutes.committee or committee
    for part in minutes.items:  # the date may have been found after the first entries
        for entry in part.entries:
            entry.captured_at = reader.at
    return minutes
