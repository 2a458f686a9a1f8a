"""A meeting's lines as the layout reader divides them: the opening lines, then items."""

from __future__ import annotations

from dataclasses import dataclass, field

from clerk_tui.importer.documents import Line


@dataclass
class ItemBlock:
    """One agenda item: its number and title as the minutes give them, and the lines
    under its heading (the heading itself not among them)."""

    number: str | None
    title: str
    lines: list[Line] = field(default_factory=list)
    heading: str | None = None
    """The heading's words as printed, number and all ("Item 5 - Moorings"), when known."""


@dataclass
class Layout:
    """The lines before the first item (the heading, attendance, an opening paragraph)
    and the items, in order."""

    preamble: list[Line] = field(default_factory=list)
    items: list[ItemBlock] = field(default_factory=list)
