"""Composing minutes: a meeting snapshot becomes a :class:`Document`, in one pure step.

Every house-style decision is made in this package: the words (``wording``), how
entries are laid out (``styles``), and here, what goes where and what a public
version leaves out. Imported minutes have no house style: ``published`` prints them
word for word.

    compose_meeting(snapshot, "public")               the whole meeting
    compose_item(snapshot, item_id, "confidential")   one agenda item
"""

from __future__ import annotations

from typing import Literal

from clerk_tui.minutes.compose import published, wording
from clerk_tui.minutes.compose.styles import STYLES, HouseStyleWriter
from clerk_tui.minutes.document import Block, Document, Heading, Properties, Run, Table, paragraph
from clerk_tui.models import (
    Action,
    AgendaItem,
    AgendaItemSnapshot,
    AttendanceStatus,
    HouseStyle,
    MeetingSnapshot,
    MeetingStatus,
    Role,
)

Version = Literal["public", "confidential"]
ACTION_WIDTHS = (0.42, 0.26, 0.18, 0.14)
# Apologies and declarations are minuted under their own items when the agenda has them.
_APOLOGIES_ITEM = "apologies"
_DECLARATIONS_ITEM = "declarations of interest"

__all__ = ["Version", "compose_item", "compose_meeting", "house_style"]


def house_style(snapshot: MeetingSnapshot, chosen: HouseStyle | None = None) -> HouseStyleWriter:
    """The style to write in: the one chosen, else the committee's, else the organisation's."""
    style = chosen or snapshot.committee.house_style or snapshot.organisation.house_style
    return STYLES[style]


class _Minutes:
    """What composing one set of minutes needs to know, worked out once."""

    def __init__(self, snapshot: MeetingSnapshot, version: Version, style: HouseStyle | None):
        self.snapshot = snapshot
        self.version = version
        self.writer = house_style(snapshot, style)
        self.offices = {p.office for p in snapshot.attendance if p.office}
        self.apologies_item = self._item_titled(_APOLOGIES_ITEM)
        self.declarations_item = self._item_titled(_DECLARATIONS_ITEM)

    def _item_titled(self, words: str) -> str | None:
        return next((p.item.id for p in self.snapshot.items if words in p.item.title.lower()),
                    None)

    def private(self, item: AgendaItem) -> bool:
        """Nothing of this item but its number, title and why goes in this version."""
        return item.exempt and self.version == "public"

    def item(self, part: AgendaItemSnapshot, heading: bool) -> list[Block]:
        """An item: heading, report, entries, and its apologies or declarations."""
        item = part.item
        blocks: list[Block] = [Heading(wording.item_heading(item.minute_number, item.title), 1)] \
            if heading else []
        if self.private(item):
            return [*blocks, paragraph(wording.exempt_line(item.exempt_paragraph))]
        if item.exempt:
            blocks.append(paragraph(Run(wording.exempt_notice(item.exempt_paragraph), bold=True)))
        if item.report_reference:
            blocks.append(paragraph(wording.report_line(item.report_reference)))
        if item.id == self.apologies_item:
            blocks.extend(self.apologies())
        if item.id == self.declarations_item:
            blocks.extend(self.declarations())
        return blocks + self.writer.blocks(part.entries, self.offices)

    def attendance(self) -> list[Block]:
        people = self.snapshot.attendance
        here = (AttendanceStatus.PRESENT, AttendanceStatus.SUBSTITUTE)
        members = [p for p in people if p.role == Role.MEMBER and p.status in here]
        # Those "in attendance" came to advise or observe, whatever their role: they are
        # listed with the officers.
        others = [p for p in people if p.status == AttendanceStatus.IN_ATTENDANCE
                  or (p.role != Role.MEMBER and p.status in here)]
        blocks: list[Block] = []
        for label, group in ((wording.PRESENT, members), (wording.ALSO_PRESENT, others)):
            if group:
                names = ", ".join(wording.attendee(p) for p in group)
                blocks.append(paragraph(Run(label, bold=True), f" {names}"))
        for label, status in ((wording.APOLOGIES, AttendanceStatus.APOLOGIES),
                              (wording.ABSENT, AttendanceStatus.ABSENT)):
            names = [wording.formal_name(p.person) for p in people if p.status == status]
            if names and not (status == AttendanceStatus.APOLOGIES and self.apologies_item):
                blocks.append(paragraph(Run(label, bold=True), f" {wording.listed(names)}"))
        return blocks

    def apologies(self) -> list[Block]:
        people = self.snapshot.attendance
        away = [p.person for p in people if p.status == AttendanceStatus.APOLOGIES]
        substitutes = [p for p in people if p.status == AttendanceStatus.SUBSTITUTE]
        words = " ".join(filter(None, [wording.apologies(away) if away else "",
                                       wording.substitutes(substitutes)]))
        return [paragraph(words)] if words else []

    def declarations(self) -> list[Block]:
        if not self.snapshot.declarations:
            return [paragraph(wording.NO_DECLARATIONS)]
        items = {part.item.id: part.item for part in self.snapshot.items}
        blocks: list[Block] = []
        for declared in self.snapshot.declarations:
            item = items.get(declared.item_id)
            where = wording.item_reference(item.minute_number, item.title) if item else None
            private = bool(item and self.private(item))
            blocks.append(paragraph(wording.declaration(declared, where, private)))
        return blocks

    def action_log(self) -> list[Block]:
        rows = []
        for part in self.snapshot.items:
            if self.private(part.item):
                continue
            for entry in part.entries:
                if isinstance(entry, Action) and entry.text.strip():
                    rows.append((
                        wording.capitalised(wording.trimmed(entry.text)),
                        wording.minute_reference(part.item.minute_number, part.item.title),
                        wording.formal_name(entry.owner) if entry.owner else "",
                        wording.short_date(entry.due) if entry.due else "",
                    ))
        if not rows:
            return []
        return [Heading(wording.ACTIONS_HEADING, 1),
                Table(wording.ACTION_COLUMNS, tuple(rows), ACTION_WIDTHS)]

    def title_block(self) -> list[Block]:
        snapshot, meeting = self.snapshot, self.snapshot.meeting
        organisation = snapshot.committee.body or snapshot.organisation.organisation
        blocks: list[Block] = [paragraph(organisation.upper(), role="subtitle")] \
            if organisation else []
        blocks.append(paragraph(snapshot.committee.name, role="title"))
        blocks.append(paragraph(wording.meeting_line(meeting.start_time, meeting.date)))
        if meeting.venue:
            blocks.append(paragraph(meeting.venue))
        return blocks

    def closing(self) -> list[Block]:
        meeting = self.snapshot.meeting
        blocks: list[Block] = []
        if line := wording.closing_line(meeting.started_at, meeting.ended_at):
            blocks.append(paragraph(line))
        chair = next((p.office for p in self.snapshot.attendance
                      if p.office and p.office.lower() in wording.CHAIR_OFFICES), wording.CHAIR)
        return blocks + [paragraph(wording.SIGNATURE_LINE, role="signature"),
                         paragraph(chair, role="signature"),
                         paragraph(wording.DATE_LINE, role="signature")]

    def warnings(self, parts: list[AgendaItemSnapshot]) -> tuple[str, ...]:
        found = [] if self.snapshot.attendance else [wording.NO_ATTENDANCE]
        for part in parts:
            for entry in part.entries:
                if entry.kind in ("question", "response") and wording.FIRST_PERSON.search(
                        entry.text):
                    where = f"The {entry.kind} captured at {entry.captured_at:%H:%M} " \
                            f"({part.item.title})"
                    found.append(wording.first_person_warning(where))
        return tuple(found)

    def document(self, blocks: list[Block], suffix: str = "",
                 parts: list[AgendaItemSnapshot] | None = None) -> Document:
        snapshot, meeting = self.snapshot, self.snapshot.meeting
        final = meeting.status == MeetingStatus.APPROVED
        day = wording.short_date(meeting.date)
        dated = f"{snapshot.committee.name} – {day}" if meeting.date else snapshot.committee.name
        markings = (("CONFIDENTIAL",) if self.version == "confidential" else ()) + \
            (() if final else ("DRAFT",))
        settings = snapshot.organisation
        properties = Properties(
            title=f"Minutes: {snapshot.committee.name}, {day}{suffix}",
            subject=snapshot.committee.name,
            author=settings.clerk_name or settings.organisation or "clerk",
            keywords=f"minutes; {snapshot.committee.name}; {wording.iso_date(meeting.date)}; "
                     f"{self.version}; {'approved' if final else 'draft'}",
            identifier=f"clerk:{meeting.id}:{self.version}",
        )
        visible = [p for p in (parts if parts is not None else snapshot.items)
                   if not self.private(p.item)]
        return Document(
            blocks=tuple(blocks),
            header=dated,
            properties=properties,
            markings=markings,
            marking_line=wording.MARKING_SEPARATOR.join(markings),
            page_numbers=wording.PAGE_NUMBERS,
            final=final,
            # Published minutes are the record as it stands: there is nothing to correct.
            warnings=() if snapshot.imported else self.warnings(visible),
        )


def compose_meeting(snapshot: MeetingSnapshot, version: Version = "public",
                    style: HouseStyle | None = None) -> Document:
    """The minutes of the whole meeting (imported minutes: as published)."""
    minutes = _Minutes(snapshot, version, style)
    if snapshot.imported:
        return minutes.document(published.meeting_blocks(snapshot, version == "public"))
    blocks = [*minutes.title_block(), *minutes.attendance()]
    if minutes.declarations_item is None:
        blocks += [Heading(wording.DECLARATIONS_HEADING, 2), *minutes.declarations()]
    for part in snapshot.items:
        blocks.extend(minutes.item(part, heading=True))
    blocks += [*minutes.action_log(), *minutes.closing()]
    return minutes.document(blocks)


def compose_item(snapshot: MeetingSnapshot, item_id: str, version: Version = "public",
                 style: HouseStyle | None = None) -> Document:
    """The minutes of one agenda item, as a council's web page shows one item."""
    part = next((p for p in snapshot.items if p.item.id == item_id), None)
    if part is None:
        raise ValueError(f"The meeting has no agenda item with id {item_id}.")
    minutes = _Minutes(snapshot, version, style)
    item = part.item
    suffix = f", item {item.minute_number or item.title}"
    if snapshot.imported:
        blocks = published.item_document_blocks(snapshot, part, version == "public")
        return minutes.document(blocks, suffix, [part])
    blocks = [
        paragraph(wording.item_heading(item.minute_number, item.title), role="title"),
        paragraph(f"{snapshot.committee.name}, {wording.long_date(snapshot.meeting.date)}",
                  role="subtitle"),
        *minutes.item(part, heading=False),
    ]
    return minutes.document(blocks, suffix, [part])
