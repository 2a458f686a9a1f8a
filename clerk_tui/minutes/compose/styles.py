"""House styles: how an item's entries become blocks of the minutes.

Entries are first read into *points* (a note, a question with its answers, an action,
a group of resolutions), the same for every style; a style then lays the points out.
A new house style is a new :class:`HouseStyleWriter` and a line in :data:`STYLES`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
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


Point = Note | QuestionPoint | Response | Action | ResolutionGroup


def points(entries: Sequence[Entry]) -> list[Point]:
    """An item's entries as points, in order: answers join their question, and
    consecutive resolutions with the same label form one group."""
    questions = {e.id: QuestionPoint(e) for e in entries if isinstance(e, Question)}
    found: list[Point] = []
    for entry in entries:
        if isinstance(entry, Question):
            found.append(questions[entry.id])
        elif isinstance(entry, Response) and entry.answers_id in questions:
            questions[entry.answers_id].answers.append(entry)
        elif isinstance(entry, Resolution):
            last = found[-1] if found else None
            if isinstance(last, ResolutionGroup) and last.resolutions[0].label == entry.label:
                last.resolutions.append(entry)
            else:
                found.append(ResolutionGroup([entry]))
        elif entry.text.strip() or not isinstance(entry, Note):
            found.append(entry)
    return found


def spoken(point: QuestionPoint | Response) -> str:
    """A question with its answers, or a lone answer, in reported speech."""
    if isinstance(point, Response):
        return wording.answer_only(point.responder, point.text)
    question, answers = point.question, point.answers
    if not answers:
        return wording.question_only(question.asker, question.text)
    first, *more = answers
    text = wording.question_and_answer(question.asker, question.text, first.responder, first.text)
    return " ".join([text] + [wording.further_answer(a.responder, a.text) for a in more])


def resolution_blocks(group: ResolutionGroup) -> list[Block]:
    """ "RESOLVED: That …", or "RESOLVED:" and numbered parts when there are several."""
    label = Run(f"{group.resolutions[0].label.value}:", bold=True)
    if len(group.resolutions) == 1:
        return [Paragraph((label, Run(" "), *_decision(group.resolutions[0]))),
                *_named(group.resolutions[0])]
    blocks: list[Block] = [Paragraph((label,))]
    for number, resolution in enumerate(group.resolutions, start=1):
        blocks.append(Paragraph((Run(f"({number}) "), *_decision(resolution))))
        blocks.extend(_named(resolution))
    return blocks


def _decision(resolution: Resolution) -> tuple[Run, ...]:
    runs = [Run(wording.capitalised(wording.trimmed(resolution.text)))]
    notes = [wording.vote_phrase(resolution.vote)] if resolution.vote else []
    if resolution.outcome and resolution.outcome != Outcome.CARRIED:
        notes.append(resolution.outcome.value)
    notes = [note for note in notes if note]
    if notes:
        runs.append(Run(f" ({'; '.join(notes)})", italic=True))
    runs.append(Run("."))
    return tuple(runs)


def _named(resolution: Resolution) -> list[Block]:
    if resolution.vote and resolution.vote.named:
        return [Paragraph((Run(wording.named_votes(resolution.vote), italic=True),))]
    return []


def note_lines(note: Note) -> list[tuple[bool, str]]:
    """A note's lines, each marked True when it is a bullet point ("- ", "• ")."""
    lines = [line for line in note.text.split("\n") if line.strip()]
    return [(bool(_BULLET.match(line)), _BULLET.sub("", line).strip()) for line in lines]


def action_runs(action: Action, trailing_marker: bool) -> tuple[Run, ...]:
    """ "ACTION: Circulate the figures (Head of Finance, by 30 June 2024)." or, in the
    bulleted style, the same words ending in "ACTION"."""
    words = wording.capitalised(wording.trimmed(action.text))
    detail = wording.action_detail(action.owner, action.due)
    if trailing_marker:
        return (Run(f"{words}{detail}. "), Run("ACTION", bold=True))
    return (Run("ACTION:", bold=True), Run(f" {words}{detail}."))


class HouseStyleWriter:
    """Lays out an item's points as blocks; subclasses decide the layout."""

    def blocks(self, entries: Sequence[Entry]) -> list[Block]:
        """The blocks for an item's entries, in order."""
        found: list[Block] = []
        for point in points(entries):
            found.extend(self.point_blocks(point))
        return merge_bullets(found)

    def point_blocks(self, point: Point) -> list[Block]:
        """The blocks for one point."""
        raise NotImplementedError


class Narrative(HouseStyleWriter):
    """Paragraphs, as most councils publish: bullets only where the clerk typed them."""

    def point_blocks(self, point: Point) -> list[Block]:
        if isinstance(point, ResolutionGroup):
            return resolution_blocks(point)
        if isinstance(point, Action):
            return [Paragraph(action_runs(point, trailing_marker=False))]
        if isinstance(point, (QuestionPoint, Response)):
            return [Paragraph((Run(spoken(point)),))]
        return [
            BulletList(((Run(wording.sentence(text)),),)) if bullet
            else Paragraph((Run(wording.sentence(text)),))
            for bullet, text in note_lines(point)
        ]


class Bulleted(HouseStyleWriter):
    """The discussion as a list of points, each action ending in "ACTION"; decisions
    stay paragraphs."""

    def point_blocks(self, point: Point) -> list[Block]:
        if isinstance(point, ResolutionGroup):
            return resolution_blocks(point)
        if isinstance(point, Action):
            return [BulletList((action_runs(point, trailing_marker=True),))]
        if isinstance(point, (QuestionPoint, Response)):
            return [BulletList(((Run(spoken(point)),),))]
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
