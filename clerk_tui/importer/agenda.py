"""An agenda from a file: one numbered item a line.

    4. Minutes of the previous meeting
    11 Children Portfolio Plan (Report ECHS22030)
    PART 2
    15. Depot lease (exempt, paragraph 3)

Items after a line holding ``PART 2`` or ``PART II`` are exempt, as is any line
holding ``(exempt``. Lines that are not numbered items are reported, never guessed.
An agenda of more than :data:`MAX_ITEMS` items, or with a title longer than
:data:`MAX_TITLE` characters, is refused whole, naming the line: no meeting is made of
part of one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from clerk_tui.importer.documents import UnreadableDocument, read_lines

MAX_ITEMS = 500  # the longest real agendas have under a hundred
MAX_TITLE = 500  # characters: a long title with its report's name is under 300
MAX_PROBLEMS = 50  # lines not read that are listed one by one; the rest are counted

_ITEM = re.compile(r"^\s*(?:item\s+)?(\d+[A-Za-z]?(?:[./]\d+[A-Za-z]?)*)[.):]?\s+(\S.*?)\s*$",
                   re.IGNORECASE)
_PART_TWO = re.compile(r"\bpart\s+(?:2|ii)\b", re.IGNORECASE)
_PART_ONE = re.compile(r"^\W*part\s+(?:1|i)\b", re.IGNORECASE)
_EXEMPT = re.compile(r"\(\s*exempt\b[^)]*\)?", re.IGNORECASE)
_PARAGRAPH = re.compile(r"\bpara(?:graph)?s?\.?\s*(\d)\b", re.IGNORECASE)
_REPORT = re.compile(r"\(\s*(?:report\s+(?:no\.?\s*)?)([A-Z]{2,}[\w/-]*\d[\w/-]*)\s*\)", re.IGNORECASE)


@dataclass(frozen=True)
class AgendaLine:
    """One agenda item read from a file."""

    minute_number: str
    title: str
    report_reference: str | None = None
    exempt: bool = False
    exempt_paragraph: int | None = None

    def fields(self) -> dict[str, Any]:
        """The fields of an agenda item (everything but its meeting)."""
        return {
            "minute_number": self.minute_number,
            "title": self.title,
            "report_reference": self.report_reference,
            "exempt": self.exempt,
            "exempt_paragraph": self.exempt_paragraph,
        }


@dataclass
class AgendaReading:
    """The items read from an agenda and the lines that could not be read."""

    items: list[AgendaLine] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


class AgendaTooLarge(UnreadableDocument):
    """The agenda has more items, or a longer title, than clerk takes; nothing of it is
    used."""


def read_agenda(path: Path) -> AgendaReading:
    """Read the agenda in ``path`` (.txt, .md or .docx); raises
    :class:`UnreadableDocument` (:class:`AgendaTooLarge` among them) saying why not."""
    try:
        return parse_agenda(read_lines(path))
    except AgendaTooLarge as error:
        raise AgendaTooLarge(f"{path}, {error}") from None


def parse_agenda(lines: list[str]) -> AgendaReading:
    """Read agenda items from lines of text; raises :class:`AgendaTooLarge` naming the
    line where an agenda goes beyond :data:`MAX_ITEMS` items or :data:`MAX_TITLE`."""
    reading = AgendaReading()
    in_part_two = False
    skipped = 0
    for number, raw in enumerate(lines, start=1):
        line = raw.strip().strip("#*").strip()
        if not line:
            continue
        # The patterns read the start of a line only: a huge line is judged by its start.
        start = line[:MAX_TITLE * 2]
        if _PART_TWO.search(start) and not _ITEM.match(start):
            in_part_two = True
            continue
        if _PART_ONE.match(start):
            continue
        if len(line) > len(start) and _ITEM.match(start):
            raise _title_too_long(number, len(line))
        item = _item(line, in_part_two)
        if item is None:
            skipped += 1
            if skipped <= MAX_PROBLEMS:
                reading.problems.append(f"line {number} (not a numbered item): {line[:80]}")
            continue
        if len(item.title) > MAX_TITLE:
            raise _title_too_long(number, len(item.title))
        if len(reading.items) == MAX_ITEMS:
            raise AgendaTooLarge(f"line {number}: an agenda has at most {MAX_ITEMS} items and "
                                 "this one has more. No meeting was created.")
        reading.items.append(item)
    if skipped > MAX_PROBLEMS:
        reading.problems.append(f"{skipped - MAX_PROBLEMS:,} more lines that are not numbered "
                                "items")
    return reading


def _title_too_long(number: int, length: int) -> AgendaTooLarge:
    return AgendaTooLarge(f"line {number}: an agenda item's title is at most {MAX_TITLE} "
                          f"characters and this one has {length:,}. No meeting was created.")


def _item(line: str, in_part_two: bool) -> AgendaLine | None:
    match = _ITEM.match(line)
    if not match:
        return None
    minute_number, title = match.group(1), match.group(2)
    exempt_mark = _EXEMPT.search(title)
    paragraph = _PARAGRAPH.search(exempt_mark.group(0)) if exempt_mark else None
    if exempt_mark:
        title = (title[: exempt_mark.start()] + title[exempt_mark.end():]).strip()
    report = _REPORT.search(title)
    if report:
        title = (title[: report.start()] + title[report.end():]).strip()
    title = title.rstrip(" -–—:").strip()
    if not title:
        return None
    return AgendaLine(
        minute_number=minute_number,
        title=title,
        report_reference=report.group(1) if report else None,
        exempt=in_part_two or bool(exempt_mark),
        exempt_paragraph=int(paragraph.group(1)) if paragraph and 1 <= int(paragraph.group(1)) <= 7 else None,
    )
