"""Composing minutes: a meeting snapshot becomes a :class:`Document`, in one pure step.

Every house-style decision is made in this package: what the minutes say (wording),
how entries are laid out (styles), and what a public version leaves out.

    compose_meeting(snapshot, "public")          the whole meeting
    compose_item(snapshot, item_id, "confidential")   one agenda item
"""

from __future__ import annotations

from typing import Literal

from clerk_tui.minutes.compose import wording
from clerk_tui.minutes.compose.styles import STYLES, HouseStyleWriter
from clerk_tui.minutes.document import (
    Block,
    Document,
    Heading,
    Properties,
    Run,
    Table,
    paragraph,
)
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
ACTION_COLUMNS = ("Action", "Detail", "Owner", "Due", "Status")
ACTION_WIDTHS = (0.14, 0.42, 0.2, 0.14, 0.1)
_DECLARATIONS_ITEM = "declarations of interest"

__all__ = ["ACTION_COLUMNS", "Version", "compose_item", "compose_meeting", "house_style"]


def house_style(snapshot: MeetingSnapshot, chosen: HouseStyle | None = None) -> HouseStyleWriter:
    """The style to write in: the one chosen, else the committee's, else the organisation's."""
    style = chosen or snapshot.committee.house_style or snapshot.organisation.house_style
    return STYLES[style]


def compose_meeting(snapshot: MeetingSnapshot, version: Version = "public",
                    style: HouseStyle | None = None) -> Document:
    """The minutes of the whole meeting."""
    writer = house_style(snapshot, style)
    declarations = _declarations(snapshot, version)
    home = next((p.item.id for p in snapshot.items if _DECLARATIONS_ITEM in p.item.title.lower()),
                None)
    blocks: list[Block] = [*_title_block(snapshot), *_attendance(snapshot)]
    if home is None:
        blocks += [Heading("Declarations of interest", 2), *declarations]
    for part in snapshot.items:
        blocks.extend(_item_blocks(part, version, writer, level=1))
        if part.item.id == home:  # declarations are minuted under their own item
            blocks.extend(declarations)
    blocks.extend(_action_log(snapshot, version))
    blocks.extend(_closing(snapshot))
    return Document(tuple(blocks), _header(snapshot), _properties(snapshot, version),
                    _markings(snapshot, version))


def compose_item(snapshot: MeetingSnapshot, item_id: str, version: Version = "public",
                 style: HouseStyle | None = None) -> Document:
    """The minutes of one agenda item, as a council's web page shows one item."""
    part = next((p for p in snapshot.items if p.item.id == item_id), None)
    if part is None:
        raise ValueError(f"The meeting has no agenda item with id {item_id}.")
    writer = house_style(snapshot, style)
    meeting = snapshot.meeting
    blocks: list[Block] = [
        paragraph(_item_title(part.item), role="title"),
        paragraph(f"{snapshot.committee.name}, {wording.long_date(meeting.date)}",
                  role="subtitle"),
        *_item_blocks(part, version, writer, level=None),
    ]
    properties = _properties(snapshot, version, f", item {part.item.minute_number or part.item.title}")
    return Document(tuple(blocks), _header(snapshot), properties, _markings(snapshot, version))


def _item_title(item: AgendaItem) -> str:
    title = item.title.upper()
    return f"{item.minute_number}. {title}" if item.minute_number else title


def _item_blocks(part: AgendaItemSnapshot, version: Version, writer: HouseStyleWriter,
                 level: int | None) -> list[Block]:
    """An item: its heading (when part of the whole meeting), report and entries; a
    private item in the public version keeps only its number, title and why."""
    item = part.item
    blocks: list[Block] = [Heading(_item_title(item), level)] if level else []
    if item.exempt and version == "public":
        return [*blocks, paragraph(wording.exempt_line(item.exempt_paragraph))]
    if item.exempt:
        paragraph_note = f" (paragraph {item.exempt_paragraph})" if item.exempt_paragraph else ""
        blocks.append(paragraph(Run(f"Exempt information: Schedule 12A{paragraph_note}. "
                                    "Not for publication.", bold=True)))
    if item.report_reference:
        blocks.append(paragraph(f"Report {item.report_reference}"))
    return blocks + writer.blocks(part.entries)


def _title_block(snapshot: MeetingSnapshot) -> list[Block]:
    meeting = snapshot.meeting
    organisation = snapshot.committee.body or snapshot.organisation.organisation
    blocks: list[Block] = [paragraph(organisation.upper(), role="subtitle")] if organisation else []
    blocks.append(paragraph(snapshot.committee.name, role="title"))
    blocks.append(paragraph(wording.meeting_line(meeting.start_time, meeting.date)))
    if meeting.venue:
        blocks.append(paragraph(meeting.venue))
    return blocks


def _attendance(snapshot: MeetingSnapshot) -> list[Block]:
    people = snapshot.attendance
    here = (AttendanceStatus.PRESENT, AttendanceStatus.SUBSTITUTE)
    members = [p for p in people if p.role == Role.MEMBER and p.status in here]
    others = [p for p in people if p.role != Role.MEMBER and p.status in here]
    away = [p.person for p in people if p.status == AttendanceStatus.APOLOGIES]
    absent = [p.person for p in people if p.status == AttendanceStatus.ABSENT]
    blocks: list[Block] = []
    for label, group in (("Present:", members), ("Also present:", others)):
        if group:
            names = ", ".join(wording.attendee(p) for p in group)
            blocks.append(paragraph(Run(label, bold=True), f" {names}"))
    if away:
        blocks.append(paragraph(Run("Apologies:", bold=True), f" {wording.apologies(away)}"))
    if absent:
        names = wording.listed([wording.formal_name(n) for n in absent])
        blocks.append(paragraph(Run("Absent:", bold=True), f" {names}"))
    return blocks


def _declarations(snapshot: MeetingSnapshot, version: Version) -> list[Block]:
    items = {part.item.id: part.item for part in snapshot.items}
    blocks: list[Block] = []
    if not snapshot.declarations:
        return [paragraph(wording.NO_DECLARATIONS)]
    for declared in snapshot.declarations:
        item = items.get(declared.item_id)
        where = wording.item_reference(item.minute_number, item.title) if item else None
        private = bool(item and item.exempt and version == "public")
        blocks.append(paragraph(wording.declaration(declared, where, private)))
    return blocks


def _action_log(snapshot: MeetingSnapshot, version: Version) -> list[Block]:
    rows = []
    for part in snapshot.items:
        if part.item.exempt and version == "public":
            continue
        for entry in part.entries:
            if isinstance(entry, Action):
                rows.append((
                    f"Minute {part.item.minute_number}" if part.item.minute_number else part.item.title,
                    wording.capitalised(wording.trimmed(entry.text)),
                    wording.formal_name(entry.owner) if entry.owner else "",
                    wording.short_date(entry.due) if entry.due else "",
                    entry.status.value.capitalize(),
                ))
    if not rows:
        return []
    return [Heading("Actions", 2), Table(ACTION_COLUMNS, tuple(rows), ACTION_WIDTHS)]


def _closing(snapshot: MeetingSnapshot) -> list[Block]:
    meeting = snapshot.meeting
    blocks: list[Block] = []
    if line := wording.closing_line(meeting.started_at, meeting.ended_at):
        blocks.append(paragraph(line))
    chair = next((p for p in snapshot.attendance
                  if p.office and p.office.lower() in ("chair", "chairman", "chairwoman")), None)
    title = chair.office if chair else "Chair"
    blocks += [
        paragraph(wording.SIGNATURE_LINE, role="signature"),
        paragraph(title, role="signature"),
        paragraph(wording.DATE_LINE, role="signature"),
    ]
    return blocks


def _header(snapshot: MeetingSnapshot) -> str:
    return f"{snapshot.committee.name} – {wording.short_date(snapshot.meeting.date)}"


def _markings(snapshot: MeetingSnapshot, version: Version) -> tuple[str, ...]:
    marks = ["CONFIDENTIAL"] if version == "confidential" else []
    if snapshot.meeting.status != MeetingStatus.APPROVED:
        marks.append("DRAFT")
    return tuple(marks)


def _properties(snapshot: MeetingSnapshot, version: Version, part: str = "") -> Properties:
    meeting, settings = snapshot.meeting, snapshot.organisation
    state = "approved" if meeting.status == MeetingStatus.APPROVED else "draft"
    return Properties(
        title=f"Minutes: {snapshot.committee.name}, {wording.short_date(meeting.date)}{part}",
        subject=snapshot.committee.name,
        author=settings.clerk_name or settings.organisation or "clerk",
        keywords=f"minutes; {snapshot.committee.name}; {meeting.date.isoformat()}; "
                 f"{version}; {state}",
    )
