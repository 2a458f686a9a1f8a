"""House styles: how an item's entries become blocks of the minutes.

Entries are first read into *points* (a note, a question with its answers, an action,
a group of resolutions), the same for every style; a style then lays the points out.
A new house style is a new :class:`HouseStyleWriter` and a line in :data:`STYLES`.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field

from clerk_tui.minutes.compose import wording
from clerk_tui.minutes.document import Block, BulletList, Paragraph, Run
from clerk_tui.models import (
    Action,
    Entry,
    HouseStyle,
    Note,
    Outcome,
    Question,
    Resolution,
    Response,
)

_BULLET = re.compile(r"^\s*[-*•·]\s+")


@dataclass
class QuestionPoint:
    """A question and the answers given to it."""

    question: Question
    answers: list[Response] = field(default_factory=list)


@dataclass
class ResolutionGroup:
    """Resolutions taken one after another with the same label."""

    resolutions: list[Resolution]


@dataclass
class FailedMotion:
    """A motion lost, withdrawn or deferred: minuted, never as a decision."""

    resolution: Resolution


Point = Note | QuestionPoint | Response | Action | ResolutionGroup | FailedMotion


def _carried(entry: Resolution) -> bool:
    return entry.outcome in (None, Outcome.CARRIED)


def points(entries: Sequence[Entry]) -> list[Point]:
    """An item's entries as points, in order: answers join their question, consecutive
    resolutions with the same label form one group, and blank entries are left out."""
    questions = {e.id: QuestionPoint(e) for e in entries if isinstance(e, Question)}
    answered = {e.answers_id for e in entries if isinstance(e, Response) and e.text.strip()}
    found: list[Point] = []
    for entry in entries:
        if isinstance(entry, Question):
            if entry.text.strip() or entry.id in answered:
                found.append(questions[entry.id])
        elif not entry.text.strip():
            continue
        elif isinstance(entry, Response) and entry.answers_id in questions:
            questions[entry.answers_id].answers.append(entry)
        elif isinstance(entry, Resolution) and not _carried(entry):
            found.append(FailedMotion(entry))
        elif isinstance(entry, Resolution):
            last = found[-1] if found else None
            if isinstance(last, ResolutionGroup) and last.resolutions[0].label == entry.label:
                last.resolutions.append(entry)
            else:
                found.append(ResolutionGroup([entry]))
        else:
            found.append(entry)
    return found


def spoken(point: QuestionPoint | Response, offices: Collection[str] = ()) -> str:
    """A question with its answers, or a lone answer, in reported speech."""
    if isinstance(point, Response):
        return wording.answer_only(point.responder, point.text, offices)
    question, answers = point.question, point.answers
    if not answers:
        return wording.question_only(question.asker, question.text)
    first, *more = answers
    text = wording.question_and_answer(question.asker, question.text, first.responder,
                                       first.text, offices)
    return " ".join([text] + [wording.further_answer(a.responder, a.text, offices)
                              for a in more])


def resolution_blocks(group: ResolutionGroup) -> list[Block]:
    """ "RESOLVED: That …", or "RESOLVED:" and numbered parts when there are several; a
    decision with no label (the clerk gave it none) is its words alone."""
    kind = group.resolutions[0].label
    label = (Run(f"{kind.value}:", bold=True), Run(" ")) if kind else ()
    if len(group.resolutions) == 1:
        return [Paragraph((*label, *_decision(group.resolutions[0]))),
                *_named(group.resolutions[0])]
    blocks: list[Block] = [Paragraph(label[:1])] if label else []
    for number, resolution in enumerate(group.resolutions, start=1):
        blocks.append(Paragraph((Run(f"({number}) "), *_decision(resolution))))
        blocks.extend(_named(resolution))
    return blocks


def _decision(resolution: Resolution) -> tuple[Run, ...]:
    runs = [Run(wording.capitalised(wording.trimmed(resolution.text)))]
    vote = wording.vote_phrase(resolution.vote) if resolution.vote else ""
    if vote:
        runs.append(Run(f" ({vote})", italic=True))
    runs.append(Run("."))
    return tuple(runs)


def motion_blocks(point: FailedMotion) -> list[Block]:
    """A motion that was not carried, with the names of those who voted, if recorded."""
    entry = point.resolution
    return [Paragraph((Run(wording.motion_not_carried(entry.text, entry.outcome.value,
                                                        entry.vote)),)), *_named(entry)]


def _named(resolution: Resolution) -> list[Block]:
    if resolution.vote and resolution.vote.named:
        return [Paragraph((Run(wording.named_votes(resolution.vote), italic=True),))]
    return []


def note_lines(note: Note) -> list[tuple[bool, str]]:
    """A note's paragraphs and bullet points, each marked True when it is a bullet
    ("- ", "• "). Lines that are not bullets stay together, as line breaks."""
    parts: list[tuple[bool, str]] = []
    for line in filter(str.strip, note.text.split("\n")):
        bullet = bool(_BULLET.match(line))
        text = _BULLET.sub("", line).strip()
        if not bullet and parts and not parts[-1][0] and not parts[-1][1].endswith(":"):
            parts[-1] = (False, f"{parts[-1][1]}\n{text}")
        else:
            parts.append((bullet, text))
    return parts


def action_runs(action: Action, trailing_marker: bool) -> tuple[Run, ...]:
    """ "ACTION: Circulate the figures (Head of Finance, by 30 June 2024)." or, in the
    bulleted style, the same words ending in "ACTION"."""
    words = wording.capitalised(wording.trimmed(action.text))
    detail = wording.action_detail(action.owner, action.due)
    if trailing_marker:
        return (Run(f"{words}{detail}. "), Run(wording.ACTION_MARKER, bold=True))
    return (Run(wording.ACTION_LABEL, bold=True), Run(f" {words}{detail}."))


class HouseStyleWriter:
    """Lays out an item's points as blocks; subclasses decide the layout.

    ``offices`` are the job titles of the people present, so that an answer by the
    "Parish Clerk" reads "the Parish Clerk confirmed".
    """

    def blocks(self, entries: Sequence[Entry], offices: Collection[str] = ()) -> list[Block]:
        """The blocks for an item's entries, in order."""
        found: list[Block] = []
        for point in points(entries):
            if isinstance(point, FailedMotion):
                found.extend(motion_blocks(point))
            elif isinstance(point, (QuestionPoint, Response)):
                found.extend(self.spoken_blocks(spoken(point, offices)))
            else:
                found.extend(self.point_blocks(point))
        return merge_bullets(found)

    def spoken_blocks(self, text: str) -> list[Block]:
        """The blocks for a question and its answers, already in reported speech."""
        return [Paragraph((Run(text),))]

    def point_blocks(self, point: Point) -> list[Block]:
        """The blocks for a note, an action or a group of resolutions."""
        raise NotImplementedError


class Narrative(HouseStyleWriter):
    """Paragraphs, as most councils publish: bullets only where the clerk typed them."""

    def point_blocks(self, point: Point) -> list[Block]:
        if isinstance(point, ResolutionGroup):
            return resolution_blocks(point)
        if isinstance(point, Action):
            return [Paragraph(action_runs(point, trailing_marker=False))]
        return [
            BulletList(((Run(wording.sentence(text)),),)) if bullet
            else Paragraph((Run(wording.sentence(text)),))
            for bullet, text in note_lines(point)
        ]


class Bulleted(HouseStyleWriter):
    """The discussion as a list of points, each action ending in "ACTION"; decisions
    stay paragraphs."""

    def spoken_blocks(self, text: str) -> list[Block]:
        return [BulletList(((Run(text),),))]

    def point_blocks(self, point: Point) -> list[Block]:
        if isinstance(point, ResolutionGroup):
            return resolution_blocks(point)
        if isinstance(point, Action):
            return [BulletList((action_runs(point, trailing_marker=True),))]
        return [BulletList(((Run(wording.sentence(text)),),)) for _, text in note_lines(point)]


STYLES: dict[HouseStyle, HouseStyleWriter] = {
    HouseStyle.NARRATIVE: Narrative(),
    HouseStyle.BULLETED: Bulleted(),
}


def merge_bullets(blocks: Iterable[Block]) -> list[Block]:
    """Join neighbouring bullet lists into one list."""
    merged: list[Block] = []
    for block in blocks:
        if isinstance(block, BulletList) and merged and isinstance(merged[-1], BulletList):
            merged[-1] = BulletList(merged[-1].items + block.items)
        else:
            merged.append(block)
    return merged
