"""The domain of clerk as validated pydantic models.

Every model is strict (see :mod:`clerk_tui.fields`): unknown fields are refused,
assignment is validated, text is cleaned of what Word cannot hold, and field titles
are the words a clerk uses, so :func:`explain` can turn an error into sentences.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Annotated, Any, Literal, Union

from pydantic import AfterValidator, Field, TypeAdapter, model_validator

from clerk_tui.fields import (
    ClerkModel,
    Count,
    Id,
    Name,
    OptionalId,
    OptionalName,
    Text,
    TimeOfDay,
    explain,  # noqa: F401  (callers import it with the models)
    new_id,
)


def _minute_number(value: str | None) -> str | None:
    """A minute number without the full stop it is often typed with: "4." is "4"."""
    return value.rstrip(". ") or None if value is not None else None


MinuteNumber = Annotated[OptionalName, AfterValidator(_minute_number)]


MATTERS_ARISING = "Matters arising"
UNDATED = "date not known"
"""How a meeting whose minutes do not say when it was is named where its date would be."""


class HouseStyle(StrEnum):
    """How a committee's minutes are written."""

    NARRATIVE = "narrative"
    BULLETED = "bulleted"


class MeetingStatus(StrEnum):
    """Draft until approved; approved minutes are locked; reopened ones are audited."""

    DRAFT = "draft"
    APPROVED = "approved"
    REOPENED = "reopened"


class Role(StrEnum):
    """Why a person is at the meeting."""

    MEMBER = "member"
    OFFICER = "officer"
    OTHER = "other"


class AttendanceStatus(StrEnum):
    """Whether a person attended."""

    PRESENT = "present"
    APOLOGIES = "apologies"
    ABSENT = "absent"
    SUBSTITUTE = "substitute"
    IN_ATTENDANCE = "in attendance"
    """Attended, not as a member: an officer, an adviser, a guest."""


class DeclarationKind(StrEnum):
    """The kind of interest declared, in the words councils and boards use."""

    PECUNIARY = "disclosable pecuniary"
    OTHER_REGISTRABLE = "other registrable"
    NON_REGISTRABLE = "non-registrable"
    PERSONAL = "personal"
    PREJUDICIAL = "prejudicial"
    CONFLICT = "conflict of interest"


class EntryKind(StrEnum):
    """What was said or decided."""

    NOTE = "note"
    QUESTION = "question"
    RESPONSE = "response"
    ACTION = "action"
    RESOLUTION = "resolution"


class ActionStatus(StrEnum):
    """Where an action stands."""

    OPEN = "open"
    DONE = "done"
    CANCELLED = "cancelled"


class ResolutionLabel(StrEnum):
    """The word a decision opens with."""

    RESOLVED = "RESOLVED"
    RECOMMENDED = "RECOMMENDED"
    AGREED = "AGREED"
    APPROVED = "APPROVED"
    DECIDED = "DECIDED"


class Outcome(StrEnum):
    """What became of a motion."""

    CARRIED = "carried"
    LOST = "lost"
    WITHDRAWN = "withdrawn"
    DEFERRED = "deferred"


class VoteCast(StrEnum):
    """One member's recorded vote."""

    FOR = "for"
    AGAINST = "against"
    ABSTAIN = "abstain"


class OrganisationSettings(ClerkModel):
    """What belongs to the organisation; kept in the database with its minutes."""

    organisation: Text = Field("", title="organisation", description="Heads every set of minutes.")
    house_style: HouseStyle = Field(HouseStyle.NARRATIVE, title="house style")
    clerk_name: Text = Field("", title="clerk's name", description="Author in document properties.")


class CommitteeMember(ClerkModel):
    """A standing member of a committee (or an officer who always attends)."""

    name: Name = Field(title="name")
    role: Role = Field(Role.MEMBER, title="role")
    office: OptionalName = Field(None, title="office", description="e.g. Chairman, Vice-Chairman.")


class Committee(ClerkModel):
    """A committee, board or council that meets and is minuted."""

    id: Id = Field(default_factory=new_id)
    name: Name = Field(title="committee name")
    body: OptionalName = Field(None, title="body", description="The council or board it belongs to.")
    house_style: HouseStyle | None = Field(None, title="house style")
    members: list[CommitteeMember] = Field(default_factory=list, title="membership")


class Meeting(ClerkModel):
    """One meeting of a committee."""

    id: Id = Field(default_factory=new_id)
    committee_id: Id = Field(title="committee")
    date: dt.date | None = Field(title="meeting date")
    """None only for imported minutes that do not say when the meeting was."""
    start_time: TimeOfDay | None = Field(None, title="start time")
    venue: OptionalName = Field(None, title="venue")
    started_at: TimeOfDay | None = Field(None, title="time the meeting started")
    ended_at: TimeOfDay | None = Field(None, title="time the meeting ended")
    status: MeetingStatus = Field(MeetingStatus.DRAFT, title="status")
    approved_on: dt.date | None = Field(None, title="date approved")
    approved_at_meeting_id: OptionalId = Field(None, title="meeting that approved the minutes")
    reopen_reason: Text | None = Field(None, title="reason for reopening")
    current_item_id: OptionalId = Field(None, title="item now being taken")

    @property
    def locked(self) -> bool:
        """Approved minutes cannot change (until reopened with a reason)."""
        return self.status == MeetingStatus.APPROVED


class Attendance(ClerkModel):
    """A person's attendance at a meeting."""

    id: Id = Field(default_factory=new_id)
    meeting_id: Id = Field(title="meeting")
    person: Name = Field(title="person")
    role: Role = Field(Role.MEMBER, title="role")
    status: AttendanceStatus = Field(AttendanceStatus.PRESENT, title="attendance")
    substitute_for: OptionalName = Field(None, title="substitute for")
    office: OptionalName = Field(None, title="office or job title")
    arrived_at: TimeOfDay | None = Field(None, title="time of arrival")
    left_at: TimeOfDay | None = Field(None, title="time of leaving")

    @model_validator(mode="after")
    def _substitute_names_whom(self) -> Attendance:
        if (self.status == AttendanceStatus.SUBSTITUTE) != (self.substitute_for is not None):
            raise ValueError("a substitute must say whom they substitute for, and only a substitute")
        away = self.status in (AttendanceStatus.APOLOGIES, AttendanceStatus.ABSENT)
        if away and (self.arrived_at or self.left_at):
            raise ValueError("someone who was not there has no arrival or departure time")
        return self


class Declaration(ClerkModel):
    """A declaration of interest made at a meeting."""

    id: Id = Field(default_factory=new_id)
    meeting_id: Id = Field(title="meeting")
    item_id: OptionalId = Field(None, title="agenda item")
    member: Name = Field(title="member")
    kind: DeclarationKind | None = Field(DeclarationKind.PERSONAL, title="kind of interest")
    """None when the minutes name a kind clerk does not know (see ``stated_kind``)."""
    stated_kind: OptionalName = Field(None, title="kind of interest as the minutes say it")
    text: Text = Field("", title="interest declared")
    withdrew: bool = Field(False, title="withdrew from the room")


class AgendaItem(ClerkModel):
    """An item on a meeting's agenda."""

    id: Id = Field(default_factory=new_id)
    meeting_id: Id = Field(title="meeting")
    minute_number: MinuteNumber = Field(None, title="minute number")
    title: Name = Field(title="item title")
    report_reference: OptionalName = Field(None, title="report reference")
    exempt: bool = Field(title="choice of whether the item is exempt")
    exempt_paragraph: int | None = Field(None, ge=1, le=7, title="Schedule 12A paragraph")
    exempt_basis: OptionalName = Field(None, title="grounds for exemption as stated")
    """The law or reason the minutes give when it is not a Schedule 12A paragraph
    number (another country's statute, "commercially sensitive")."""
    supporting_documents: list[Name] = Field(default_factory=list, title="supporting documents")
    taken_at: TimeOfDay | None = Field(None, title="time the item was taken")
    heading: OptionalName = Field(None, title="heading as printed")
    """Imported minutes only: the item's heading as the minutes print it ("Item 5 -
    Moorings", "C 08/042 MOORINGS"), number and title in it; printed in their place."""

    @property
    def matters_arising(self) -> bool:
        """The item where the committee's open actions are followed up."""
        return MATTERS_ARISING.lower() in self.title.lower()

    @property
    def previous_minutes(self) -> bool:
        """The item where the last meeting's minutes are approved."""
        return "minutes of the previous meeting" in self.title.lower() or \
            "minutes of the last meeting" in self.title.lower()

    @property
    def label(self) -> str:
        """The item as it is named on screen: "4. Library opening hours"."""
        return f"{self.minute_number}. {self.title}" if self.minute_number else self.title

    @model_validator(mode="after")
    def _paragraph_only_when_exempt(self) -> AgendaItem:
        if self.exempt_paragraph is not None and not self.exempt:
            raise ValueError("only an exempt item has a Schedule 12A paragraph")
        if self.exempt_basis and not self.exempt:
            raise ValueError("only an exempt item has grounds for exemption")
        return self


class _EntryBase(ClerkModel):
    id: Id = Field(default_factory=new_id)
    item_id: Id = Field(title="agenda item")
    text: Text = Field("", title="text")
    captured_at: dt.datetime = Field(title="time captured")
    joined: bool = Field(False, title="same paragraph as the entry before")
    """Imported minutes only: this entry was split from the paragraph of the entry
    before (a question and its answer in one sentence) and prints in it, after a space."""


class Note(_EntryBase):
    """Something said or noted under an item."""

    kind: Literal["note"] = "note"


class Question(_EntryBase):
    """A question put at the meeting."""

    kind: Literal["question"] = "question"
    asker: OptionalName = Field(None, title="asked by")
    put_to: OptionalName = Field(None, title="put to")
    """Whom the question was put to ("asked the Treasurer whether …"), where the minutes
    say. Kept in the entry's responder column: a question has no answerer of its own."""


class Response(_EntryBase):
    """An answer, usually to the item's last question."""

    kind: Literal["response"] = "response"
    responder: OptionalName = Field(None, title="answered by")
    answers_id: OptionalId = Field(None, title="question answered")


class Action(_EntryBase):
    """Something someone must do, followed until done."""

    kind: Literal["action"] = "action"
    owner: OptionalName = Field(None, title="action owner")
    due: dt.date | None = Field(None, title="due date")
    status: ActionStatus = Field(ActionStatus.OPEN, title="action status")
    done_on: dt.date | None = Field(None, title="date done")
    progress: Text | None = Field(None, title="progress note")
    reassigned_to: OptionalName = Field(None, title="owner now")
    due_revised: dt.date | None = Field(None, title="revised due date")

    @property
    def current_owner(self) -> str | None:
        """Who has the action now (its owner in the minutes, unless reassigned)."""
        return self.reassigned_to or self.owner

    @property
    def current_due(self) -> dt.date | None:
        """When it is due now (as minuted, unless the date was revised)."""
        return self.due_revised or self.due

    def overdue(self, today: dt.date) -> bool:
        """Open and past its due date."""
        due = self.current_due
        return self.status == ActionStatus.OPEN and due is not None and due < today


class NamedVote(ClerkModel):
    """How one member voted, when votes are recorded by name."""

    member: Name = Field(title="member")
    vote: VoteCast = Field(title="vote")


class Vote(ClerkModel):
    """The vote on a resolution."""

    unanimous: bool = Field(False, title="unanimous")
    votes_for: Count | None = Field(None, title="votes for")
    votes_against: Count | None = Field(None, title="votes against")
    votes_abstain: Count | None = Field(None, title="abstentions")
    named: list[NamedVote] = Field(default_factory=list, title="named votes")

    @model_validator(mode="after")
    def _unanimous_has_no_opposition(self) -> Vote:
        if self.unanimous and (self.votes_against or 0) > 0:
            raise ValueError("a unanimous vote cannot have votes against")
        return self


class Resolution(_EntryBase):
    """A decision (RESOLVED, RECOMMENDED, AGREED, APPROVED, DECIDED, or no label of its
    own), with its vote and who moved and seconded it."""

    kind: Literal["resolution"] = "resolution"
    label: ResolutionLabel | None = Field(ResolutionLabel.RESOLVED, title="resolution label")
    """None where the minutes give a decision no label of its own."""
    number: OptionalName = Field(None, title="resolution number")
    vote: Vote | None = Field(None, title="vote")
    outcome: Outcome | None = Field(None, title="outcome")
    mover: OptionalName = Field(None, title="moved by")
    seconder: OptionalName = Field(None, title="seconded by")
    owner: OptionalName = Field(None, title="who is to act on it")
    due: dt.date | None = Field(None, title="date it is due by")
    """A decision that gives someone work ("RESOLVED that the Clerk write to …") names
    them, as imported minutes say it; it is followed like an action."""


Entry = Annotated[
    Union[Note, Question, Response, Action, Resolution], Field(discriminator="kind")
]
ENTRY = TypeAdapter(Entry)


class AuditRecord(ClerkModel):
    """One line of the audit log of minutes that were approved."""

    id: Id
    meeting_id: Id
    at: dt.datetime = Field(title="when")
    event: Literal["approved", "reopened", "changed"] = Field(title="event")
    what: str | None = Field(None, title="what changed")
    row_id: str | None = None
    change: Literal["insert", "update", "delete"] | None = None
    reason: str | None = Field(None, title="reason")
    before: dict[str, Any] | None = None
    after: dict[str, Any] | None = None


class MeetingSummary(ClerkModel):
    """A meeting as the meetings list shows it."""

    meeting: Meeting
    committee_name: str
    item_count: Count
    entry_count: Count
    imported: bool = False


class AgendaItemSnapshot(ClerkModel):
    """An agenda item with its entries, in order."""

    item: AgendaItem
    entries: list[Entry] = Field(default_factory=list)


class MeetingSnapshot(ClerkModel):
    """A meeting with everything in it, in order: what the minutes are written from."""

    organisation: OrganisationSettings
    committee: Committee
    meeting: Meeting
    imported: bool = False
    """The minutes came from a file, as published: they are printed word for word, in
    order, with none of the house style's wording (that is for minutes taken in clerk)."""
    attendance: list[Attendance] = Field(default_factory=list)
    declarations: list[Declaration] = Field(default_factory=list)
    items: list[AgendaItemSnapshot] = Field(default_factory=list)




class ImportedMinutes(ClerkModel):
    """Minutes read from a file, before they join the archive.

    Items, attendance and declarations carry ids of their own; the meeting id they
    name is a placeholder until the store files them under a meeting.
    """

    committee: OptionalName = Field(None, title="committee")
    date: dt.date | None = Field(None, title="meeting date")
    start_time: TimeOfDay | None = Field(None, title="start time")
    venue: OptionalName = Field(None, title="venue")
    placeholder_id: Id = Field(default_factory=new_id)
    items: list[AgendaItemSnapshot] = Field(default_factory=list)
    opening_id: OptionalId = None
    """The first of ``items`` when it is the minutes' opening (their heading, who
    attended), not an agenda item: filed first, printed as published, reported apart."""
    attendance: list[Attendance] = Field(default_factory=list)
    declarations: list[Declaration] = Field(default_factory=list)

    @property
    def agenda(self) -> list[AgendaItemSnapshot]:
        """The agenda items, without the opening."""
        return [part for part in self.items if part.item.id != self.opening_id]

    @property
    def opening(self) -> AgendaItemSnapshot | None:
        """The minutes' opening, when they have one apart from their items."""
        return next((part for part in self.items if part.item.id == self.opening_id), None)


class ActionRecord(ClerkModel):
    """An action in the action log, with where it was agreed."""

    action: Action
    meeting_id: Id
    meeting_date: dt.date | None
    """None for imported minutes that do not say when the meeting was."""
    committee_name: str
    item_label: str
    overdue: bool = False
    exempt: bool = False
    """Agreed under an exempt item: its words stay out of public documents."""
    minute_number: str | None = None
    item_title: str = ""
    """The item's number and title apart (``item_label`` holds both), for a spreadsheet."""
