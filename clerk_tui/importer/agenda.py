"""An agenda from a file: one numbered item a line.

    4. Minutes of the previous meeting
    11 Children Portfolio Plan (Report ECHS22030)
    PART 2
    15. Depot lease (exempt, paragraph 3)

Items after a line holding ``PART 2`` or ``PART II`` are exempt, as is any line
holding ``(exempt``. Lines that are not numbered items are reported, never guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from clerk_tui.importer.documents import read_lines

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


def read_agenda(path: Path) -> AgendaReading:
    """Read the agenda in ``path`` (.txt, .md or .docx)."""
    return parse_agenda(read_lines(path))


def parse_agenda(lines: list[str]) -> AgendaReading:
    """Read agenda items from lines of text."""
    reading = AgendaReading()
    in_part_two = False
    for number, raw in enumerate(lines, start=1):
        line = raw.strip().strip("#*").strip()
        if not line:
            continue
        if _PART_TWO.search(line) and not _ITEM.match(line):
            in_part_two = True
            continue
        if _PART_ONE.match(line):
            continue
        item = _item(line, in_part_two)
        if item is None:
            reading.problems.append(f"line {number} (not a numbered item): {line[:80]}")
        else:
            reading.items.append(item)
    return reading


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
