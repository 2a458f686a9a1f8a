"""The small document model that minutes are composed into, and writers read.

Compose decides every word and where it goes; writers (Word, Markdown) only decide
how each kind of block looks in their format.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal, Union


@dataclass(frozen=True)
class Run:
    """Text with one look."""

    text: str
    bold: bool = False
    italic: bool = False


Role = Literal["body", "title", "subtitle", "signature"]


@dataclass(frozen=True)
class Paragraph:
    """A paragraph of runs; ``role`` picks the Word style (Title, Subtitle, Normal)."""

    runs: tuple[Run, ...]
    role: Role = "body"

    @property
    def text(self) -> str:
        """The paragraph's words without their look."""
        return "".join(run.text for run in self.runs)


@dataclass(frozen=True)
class Heading:
    """A heading: level 1 for agenda items, 2 for sections within them."""

    text: str
    level: int = 1


@dataclass(frozen=True)
class BulletList:
    """Points, each made of runs."""

    items: tuple[tuple[Run, ...], ...]


@dataclass(frozen=True)
class Table:
    """A table with a header row (the action log)."""

    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    widths: tuple[float, ...] = ()
    """Each column's share of the page width; equal when not given."""


@dataclass(frozen=True)
class PageBreak:
    """The next block starts a new page."""


Block = Union[Paragraph, Heading, BulletList, Table, PageBreak]


@dataclass(frozen=True)
class Properties:
    """What the file says about itself (Word's document properties)."""

    title: str
    subject: str
    author: str
    keywords: str = ""
    category: str = "Minutes"
    identifier: str = ""
    """Which minutes these are ("clerk:<meeting id>:public"), so a file can be traced."""


@dataclass(frozen=True)
class Document:
    """A set of minutes, ready to be written."""

    blocks: tuple[Block, ...]
    header: str
    """The meeting, on every page: "Planning Committee – 1 May 2024"."""
    properties: Properties
    markings: tuple[str, ...] = field(default_factory=tuple)
    """Words on every page, such as "DRAFT" and "CONFIDENTIAL"."""
    marking_line: str = ""
    """The markings as they are printed together."""
    page_numbers: tuple[str, str] = ("", "/")
    """The words around the page number and the page count: ("Page ", " of ")."""
    final: bool = False
    """Approved minutes (not a draft)."""
    footer: str = ""
    """A line at the foot of every page: the fingerprint of approved minutes."""
    warnings: tuple[str, ...] = field(default_factory=tuple)
    """What the clerk should look at before publishing; never printed in the minutes."""


def paragraph(*parts: str | Run, role: Role = "body") -> Paragraph:
    """A paragraph from plain strings and runs."""
    return Paragraph(tuple(Run(p) if isinstance(p, str) else p for p in parts), role)
