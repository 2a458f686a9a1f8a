"""Imported minutes, printed as they were published: word for word, in order.

Minutes read from a file are the published record. Nothing of the house style is
added to them: no attendance or declarations sentences, no RESOLVED or ACTION labels,
no full stops, no action table, no signature lines. Each entry's text is printed as it
is; an entry split from the sentence before it (``joined``) goes back into that
paragraph after a space. The minutes' own opening (their heading, who was there)
prints first, as an item; clerk adds no title block of its own above it, since that
would print the committee and date a second time in words the source never had. The
committee and the date stand only in the page header, the document's furniture. An
item's heading is as printed, or its number and title where the source gave no more.
"""

from __future__ import annotations

from collections.abc import Sequence

from clerk_tui.minutes.compose import wording
from clerk_tui.minutes.document import Block, Heading, Paragraph, Run, paragraph
from clerk_tui.models import AgendaItem, AgendaItemSnapshot, Entry, MeetingSnapshot


def paragraphs(entries: Sequence[Entry]) -> list[Block]:
    """An item's entries as paragraphs: each entry's text exactly, those joined to the
    one before in its paragraph, after a space. Entries without words print nothing."""
    texts: list[str] = []
    for entry in entries:
        if not entry.text.strip():
            continue
        if entry.joined and texts:
            texts[-1] = f"{texts[-1]} {entry.text}"
        else:
            texts.append(entry.text)
    return [Paragraph((Run(text),)) for text in texts]


def item_heading(item: AgendaItem) -> str:
    """An item's heading as the minutes print it; where that is not known, its number
    and title."""
    return item.heading or item.label


def item_blocks(part: AgendaItemSnapshot, public: bool, heading: bool = True) -> list[Block]:
    """An item: its heading, then its entries; an exempt item's entries never go into
    the public version (its number and title do, as the agenda published them)."""
    blocks: list[Block] = [Heading(item_heading(part.item), 1)] if heading else []
    if part.item.exempt and public:
        return blocks
    return blocks + paragraphs(part.entries)


def meeting_blocks(snapshot: MeetingSnapshot, public: bool) -> list[Block]:
    """The whole meeting as published: its items in order, nothing above them."""
    blocks: list[Block] = []
    for part in snapshot.items:
        blocks.extend(item_blocks(part, public))
    return blocks


def item_document_blocks(snapshot: MeetingSnapshot, part: AgendaItemSnapshot,
                         public: bool) -> list[Block]:
    """One item as published, headed by the meeting it belongs to."""
    meeting = snapshot.committee.name
    if snapshot.meeting.date is not None:
        meeting += f", {wording.long_date(snapshot.meeting.date)}"
    return [paragraph(item_heading(part.item), role="title"),
            paragraph(meeting, role="subtitle"),
            *item_blocks(part, public, heading=False)]
