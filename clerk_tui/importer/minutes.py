"""Past minutes, as councils, boards and parishes publish them, read into clerk's models.

The reading is done in stages, each in a module of its own so that each can be tested
on its own with invented text:

1. :mod:`documents` gives the paragraphs of a text, Word or PDF file;
2. :mod:`cleanup` drops web-page chrome and joins what a web copy broke;
3. :mod:`layout` splits a file into its meetings, and a meeting into its opening lines
   and its agenda items, whatever their numbering;
4. :mod:`dates` reads the meeting's date, start time and body from its heading;
5. :mod:`attendance` and :mod:`exempt` read who attended, the declarations of interest
   and which items were taken in private;
6. under each item, :mod:`decisions`, :mod:`exchanges` and :mod:`actions` read the
   paragraphs as what they are, in that order (see :mod:`pieces`).

Imported minutes are the published record: every word under an item is kept, in order,
and none is added. What is read (a vote, a mover, an owner) is copied into fields.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from clerk_tui.importer import actions, attendance, cleanup, decisions, exchanges, exempt, layout
from clerk_tui.importer.blocks import ItemBlock, Layout
from clerk_tui.importer.dates import body_in, dates, front_matter_title, meeting_when
from clerk_tui.importer.documents import Line, UnreadableDocument, read_document
from clerk_tui.importer.pieces import Piece
from clerk_tui.models import (
    Action,
    AgendaItem,
    AgendaItemSnapshot,
    Attendance,
    AttendanceStatus,
    Declaration,
    Entry,
    ImportedMinutes,
    NamedVote,
    Note,
    Outcome,
    Question,
    Resolution,
    ResolutionLabel,
    Response,
    Role,
    Vote,
    VoteCast,
)

MAX_LINES = 20_000  # more paragraphs than any minutes; beyond it a file is something else
MAX_TITLE = 150  # characters of an item title; a longer "title" is a paragraph
MAX_ATTENDANCE_LINE = 1_500  # characters: longer than the longest list of who attended
# The line a council's web page of one agenda item starts with (ModernGov's and others'):
# "Meeting: 04/06/2024 - Planning Committee (Item 12)".
_ITEM_PAGE = re.compile(r"^Meeting:\s*(?P<date>\d{1,2}/\d{1,2}/\d{4})\s*[-–]\s*(?P<body>[^()]{2,120}?)"
                        r"(?:\s*\(Item\s+(?P<number>[\w./]{1,12})\))?\s*$", re.I)
_VENUE = re.compile(r"^(?:venue|location|place|held at)\s*[:–-]\s*(?P<venue>\S.{1,120})$", re.I)
_LABELS = {label.value: label for label in ResolutionLabel}
_LABEL_WORDS = {"RESOLVE": ResolutionLabel.RESOLVED, "RESOLUTION": ResolutionLabel.RESOLVED,
                "RECOMMEND": ResolutionLabel.RECOMMENDED,
                "RECOMMENDATION": ResolutionLabel.RECOMMENDED,
                "AGREE": ResolutionLabel.AGREED, "APPROVE": ResolutionLabel.APPROVED,
                "DECISION": ResolutionLabel.DECIDED, "DECIDE": ResolutionLabel.DECIDED}


def read_minutes(path: Path, committee: str | None = None, date: dt.date | None = None,
                 ) -> list[ImportedMinutes]:
    """The meetings minuted in ``path``, in order. ``committee`` and ``date``, when
    given, are what the clerk says: they stand over what the text says."""
    lines = read_document(path)
    if len(lines) > MAX_LINES:  # refused whole: no part of a file is silently left out
        raise UnreadableDocument(f"{path} has {len(lines):,} paragraphs, more than any minutes "
                                 f"(at most {MAX_LINES:,}); it was not read.")
    return parse_meetings(lines, committee, date)


def parse_meetings(lines: list[Line], committee: str | None = None,
                   date: dt.date | None = None) -> list[ImportedMinutes]:
    """Every meeting minuted in the lines of a document."""
    # a web page's own title (its front matter, which cleanup drops) may name the body
    title = front_matter_title([line.text for line in lines[:60]])
    cleaned = cleanup.clean(lines)
    return [parse_minutes(part, committee, date, cleaned=True, title=title)
            for part in layout.meetings(cleaned) if part]


def parse_minutes(lines: list[Line], committee: str | None = None,
                  date: dt.date | None = None, cleaned: bool = False,
                  title: str | None = None) -> ImportedMinutes:
    """The minutes of one meeting from its lines (``cleaned`` when :mod:`cleanup` has
    been run on them already; ``title`` the document's own, when it has one)."""
    if not cleaned:
        lines = cleanup.clean(lines)
    texts = [line.text for line in lines]
    found = layout.layout(lines)
    minutes = ImportedMinutes()
    day, start = meeting_when(texts)
    named = body_in(texts, title=title)
    page = next((header for text in texts[:5] if (header := _ITEM_PAGE.match(text))), None)
    if page is not None:  # one item's page: the header line says whose, when and which
        day, named = dates(page["date"])[0][1], page["body"]
    _item_pages(found)
    minutes.date, minutes.start_time = date or day, start
    minutes.committee = committee or (named_as_typed(named) if named else None)
    minutes.venue = _venue(found.preamble)
    at = dt.datetime.combine(minutes.date or dt.date(1970, 1, 1), start or dt.time(0, 0))
    _read_items(minutes, found, at)
    _read_attendance(minutes, found)
    return minutes


def _read_items(minutes: ImportedMinutes, found: Layout, at: dt.datetime) -> None:
    """The agenda items and their entries, each marked exempt as the minutes say."""
    blocks = list(found.items)
    opening = _opening(found)
    if opening is not None:
        blocks.insert(0, opening)
    exemptions = exempt.exemptions(Layout(found.preamble, blocks), opening=opening is not None)
    for block, exemption in zip(blocks, exemptions, strict=True):
        if block is opening and found.items:
            exemption = exempt.Exemption(False)  # the heading and attendance are public
        if block is opening:  # the minutes' own heading, printed whole however long
            title, rest, printed = _cut(block.title), [], block.heading or block.title
        else:
            title, rest = _heading_apart(block.title)
            printed = as_printed(block, title, rest)
        title = title or block.number or ""
        if not title:
            continue
        item = AgendaItem(meeting_id=minutes.placeholder_id, minute_number=block.number,
                          title=title, exempt=exemption.exempt,
                          exempt_paragraph=exemption.paragraph if exemption.exempt else None,
                          exempt_basis=exemption.basis if exemption.exempt else None,
                          heading=printed)
        item.report_reference = next((report["reference"] for line in block.lines[:3]
                                      if (report := layout.REPORT_LINE.match(line.text))), None)
        lines = [Line(text) for text in rest] + block.lines
        minutes.items.append(AgendaItemSnapshot(
            item=item, entries=entries_of(read_pieces(lines), item.id, at)))
        if block is opening and found.items:
            minutes.opening_id = item.id


def _heading_apart(text: str) -> tuple[str, list[str]]:
    """An item's heading as its title, and what else the line holds: the decision a
    list of items gives beside each title ("… (Ordinance) (Y-5) 184355", "… PLACED ON
    FILE"), and the rest of a paragraph read as a heading (cut at a space)."""
    pieces = decisions.read([Piece(text.strip())])
    if len(pieces) > 1 and pieces[0].kind == "note" and any(
            piece.kind == "resolution" for piece in pieces[1:]):
        title, rest = pieces[0].text, [piece.text for piece in pieces[1:]]
    else:
        title, rest = text.strip(), []
    if len(title) > MAX_TITLE:
        short = _cut(title)
        title, rest = short, [title[len(short):].strip(), *rest]
    return title, rest


def _cut(title: str) -> str:
    """At most :data:`MAX_TITLE` characters of ``title``, cut at a space."""
    if len(title) <= MAX_TITLE:
        return title
    cut = title.rfind(" ", 0, MAX_TITLE)
    return title[:cut if cut > 0 else MAX_TITLE].strip()


def as_printed(block: ItemBlock, title: str, rest: list[str]) -> str | None:
    """The heading as printed, without what :func:`_heading_apart` put under it; None
    unless it holds the item's number and title as read (a page header may number an
    item whose heading does not)."""
    printed = block.heading
    for words in reversed(rest):
        if printed and printed.endswith(words):
            printed = printed[:-len(words)].rstrip()
    # a sub-item's heading prints its own part of the number ("A." of item "IV.A")
    own = re.split(r"[.()]", block.number or "")
    own = [part for part in own if part]
    if not printed or title not in printed or (own and own[-1] not in printed):
        return None
    return printed


def _item_pages(found: Layout) -> None:
    """Pages of one agenda item each, run together: the header line of each page ("Meeting:
    … (Item 12)") numbers the item after it, and is dropped with the "Agenda item" marker,
    as the chrome each page repeats."""
    number = next((header["number"] for line in found.preamble
                   if (header := _ITEM_PAGE.match(line.text))), None)
    found.preamble = [line for line in found.preamble if not _page_chrome(line.text)]
    for block in found.items:
        block.number = block.number or number
        number = None
        kept = []
        for line in block.lines:
            if (header := _ITEM_PAGE.match(line.text)):
                number = header["number"]
            elif not _page_chrome(line.text):
                kept.append(line)
        block.lines = kept


def _page_chrome(text: str) -> bool:
    """A line an item's web page repeats: its "Meeting: …" header, "Agenda item"."""
    return bool(_ITEM_PAGE.match(text)) or text.strip().lower() == "agenda item"


def _opening(found: Layout) -> ItemBlock | None:
    """The minutes' opening as published: everything before the first item (the title
    block, who attended, a welcome), under the minutes' own heading ("Minutes of a meeting
    of … held on …"), so that an imported meeting prints it as it was. Minutes that
    number no items are all opening: the title block goes, their sentences stay."""
    lines = list(found.preamble)
    if not found.items:
        consumed = attendance.attendance_lines(lines)
        # a web page flattened into one line holds the attendance and much else: it stays
        lines = [line for index, line in enumerate(lines)
                 if index not in consumed or len(line.text) > MAX_ATTENDANCE_LINE]
        first = next((n for n, line in enumerate(lines) if _prose(line.text)), len(lines))
        lines = lines[first:]
    if not lines:
        return None
    # a web page's title above the heading is chrome
    heading = next((line for line in found.preamble if _HEADING_SENTENCE.search(line.text[:400])),
                   None) or next((line for line in found.preamble if dates(line.text[:400])),
                                 lines[0])
    rest = [line for line in lines if line is not heading]
    if not rest and len(heading.text) <= MAX_TITLE:
        return None  # the heading alone: the meeting's committee and date say it
    above = next((n for n, line in enumerate(lines) if line is heading), 0)
    if above:  # a title block over the heading ("LOWMOOR COUNCIL"): printed in its order
        return ItemBlock(None, heading.text, lines[1:], heading=lines[0].text)
    return ItemBlock(None, heading.text, rest)


# "Minutes of a meeting of … held …", "At a meeting of … held …": the heading, as one
# sentence (a sentence saying the last minutes "were held as read" is no heading).
_HEADING_SENTENCE = re.compile(r"^(?:(?:the\s+)?minutes?\s+of\s+|at\s+|an?\s+)(?:\S+\s+){0,5}?"
                               r"meeting\b(?!.{0,300}\b(?:was|were|be|been)\b)", re.I)
_DECLARED = re.compile(r"\bdeclared?\b.{0,80}\binterests?\b", re.I)


def _prose(text: str) -> bool:
    """A sentence of the record, not a line of the heading ("Council Chamber", "Minutes
    of the meeting held on …", the venue), a list of names, or a declaration of interest
    (which the declarations hold)."""
    words = text.split()
    if _VENUE.match(text) or sum(word[:1].islower() for word in words) < 3 or (
            len(words) < 60 and (_HEADING_SENTENCE.search(text[:400])
                                 or _DECLARED.search(text[:400]))):
        return False
    if dates(text) and not text.rstrip().endswith((".", "!", "?")):
        return len(words) >= 30  # the heading names the date; a paragraph may too
    return len(words) >= 12 or (len(words) >= 6 and text.rstrip().endswith((".", "!", "?"))
                                and not dates(text))


def read_pieces(lines: list[Line]) -> list[Piece]:
    """The paragraphs under an item, read as decisions, questions, answers and actions."""
    pieces = [Piece(line.text, line_kind=line.kind, cells=line.cells)
              for line in lines if line.text.strip()]
    for reader in (decisions.read, exchanges.read, actions.read):
        pieces = reader(pieces)
    return pieces


def entries_of(pieces: list[Piece], item_id: str, at: dt.datetime) -> list[Entry]:
    """The entries the pieces of one item are: an answer answers the question just
    before it (or before the answers to it)."""
    entries: list[Entry] = []
    question: str | None = None
    for piece in pieces:
        common = {"item_id": item_id, "captured_at": at, "text": piece.text,
                  "joined": piece.joined and bool(entries)}
        if piece.kind == "question":
            entry: Entry = Question(asker=piece.asker, put_to=piece.responder, **common)
            question = entry.id
        elif piece.kind == "response":
            entry = Response(responder=piece.responder, answers_id=question, **common)
        elif piece.kind == "action":
            entry = Action(owner=piece.owner, due=piece.due, **common)
        elif piece.kind == "resolution":
            entry = Resolution(label=label_of(piece.label), vote=vote_of(piece),
                               outcome=Outcome(piece.outcome) if piece.outcome else None,
                               mover=piece.mover, seconder=piece.seconder, owner=piece.owner,
                               due=piece.due, **common)
        elif piece.line_kind == "bullet" and entries and entries[-1].kind == "note" \
                and not piece.joined:
            last = entries[-1]  # a list under the sentence that leads into it
            last.text = f"{last.text}\n- {piece.text}"
            continue
        else:
            entry = Note(**common | {"text": f"- {piece.text}" if piece.line_kind == "bullet"
                                     and not piece.joined else piece.text})
        if entry.kind not in ("question", "response"):
            question = None  # an answer after other business answers a question not worded
        entries.append(entry)
    return entries


def label_of(word: str | None) -> ResolutionLabel | None:
    """The label a decision's own word is ("Resolved" is RESOLVED, "Decision" DECIDED);
    None when the minutes gave none, or a word clerk has no label for."""
    if not word:
        return None
    upper = word.strip(" :.–-").upper()
    return _LABELS.get(upper) or _LABEL_WORDS.get(upper) or _LABEL_WORDS.get(
        upper.rstrip("SD")) or _LABEL_WORDS.get(upper[:-1])


def vote_of(piece: Piece) -> Vote | None:
    """The vote a decision records, or None when it records none."""
    if not piece.voted:
        return None
    named = [NamedVote(member=member, vote=VoteCast(cast))
             for cast, members in piece.named.items() for member in members if member.strip()]
    unanimous = piece.unanimous and not piece.votes_against
    return Vote(unanimous=unanimous, votes_for=piece.votes_for,
                votes_against=piece.votes_against, votes_abstain=piece.votes_abstain,
                named=named)


def _read_attendance(minutes: ImportedMinutes, found: Layout) -> None:
    """Who attended, and the interests they declared."""
    meeting = minutes.placeholder_id
    for person in attendance.attendance_in(found):
        status = AttendanceStatus(person.status)
        substitute_for = person.substitute_for if status == AttendanceStatus.SUBSTITUTE else None
        if status == AttendanceStatus.SUBSTITUTE and not substitute_for:
            status = AttendanceStatus.PRESENT  # a substitute for someone the minutes do not name
        role = Role.OFFICER if status == AttendanceStatus.IN_ATTENDANCE else Role.MEMBER
        minutes.attendance.append(Attendance(
            meeting_id=meeting, person=person.name, role=role, status=status,
            substitute_for=substitute_for, office=person.role))
    numbers = {part.item.minute_number: part.item.id for part in minutes.items
               if part.item.minute_number}
    for declared in attendance.declarations_in(found):
        minutes.declarations.append(Declaration(
            meeting_id=meeting, member=declared.member, kind=declared.kind,
            stated_kind=declared.stated_kind, text=declared.text,
            item_id=numbers.get(declared.item_number or "")))


def _venue(preamble: list[Line]) -> str | None:
    """Where the meeting was, when the heading says so in a labelled line."""
    for line in preamble:
        if (found := _VENUE.match(line.text)):
            return found.group("venue").strip()
    return None


def named_as_typed(text: str) -> str:
    """A body's name as a clerk would type it: "PLANNING COMMITTEE" is "Planning
    Committee"; a name already in mixed case is kept."""
    if text.upper() != text:
        return text
    small = {"and", "of", "the", "for", "to", "in", "on", "at", "a", "an", "or", "by", "with"}

    def typed(n: int, word: str) -> str:
        if not re.search(r"[AEIOUaeiou]", word) and len(word.strip("().,&")) >= 2:
            return word  # an abbreviation with no vowel to say: "NHS", "PDS", "GP"
        lower = word.lower()
        return lower if n and lower in small else lower[:1].upper() + lower[1:]

    return " ".join(typed(n, word) for n, word in enumerate(text.split()))
