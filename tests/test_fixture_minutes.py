"""The Word output against real published minutes: the Bromley portfolio plan update
(2019), rebuilt as structured entries through the repository, must read in the
fixture's order and phrasing."""

from __future__ import annotations

import datetime as dt
import re

import docx
import pytest

from clerk_tui import models as m
from clerk_tui.minutes.export import export_minutes
from conftest import shared_fixture

COMMITTEE = "Children, Education and Families Policy Development and Scrutiny Committee"


def normal(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").split())


@pytest.fixture
def fixture_paragraphs():
    text = shared_fixture("bromley-portfolio-plan-update-2019.txt").read_text(encoding="utf-8")
    lines = [normal(line) for line in text.splitlines()]
    return [line for line in lines if line]


def build_item(store, paragraphs) -> tuple[str, str]:
    """The fixture's item as a clerk would capture it: notes (priorities with their
    bullets), two questions with answers, two actions and the resolution."""
    meeting = store.new_meeting(COMMITTEE, dt.date(2019, 6, 25))
    title = paragraphs[1].title()
    item = store.items.add(m.AgendaItem(meeting_id=meeting.id, minute_number="11", title=title,
                                        report_reference=paragraphs[3], exempt=False))
    at = dt.datetime(2019, 6, 25, 19, 30)
    add = lambda entry_type, **fields: store.entries.add(  # noqa: E731
        entry_type(item_id=item.id, captured_at=at, **fields))
    body = paragraphs[4:]
    start = body.index(next(p for p in body if p.startswith("Priority 1")))
    for intro in body[:start]:
        add(m.Note, text=intro)
    first_question = next(i for i, p in enumerate(body) if p.startswith("In response to"))
    section: list[str] = []
    for line in body[start:first_question]:
        if line.startswith("Priority") and section:
            add(m.Note, text="\n".join(section))
            section = []
        section.append("- " + line.lstrip("·• ").strip() if line[0] in "·•" else line)
    add(m.Note, text="\n".join(section))
    for paragraph in body[first_question:]:
        if paragraph.startswith("In response to a question"):
            found = re.match(r"In response to a question(?: concerning (.+?))?, the (.+?) "
                             r"confirmed that (.+)$", paragraph)
            question = add(m.Question, text=found.group(1) or "")
            add(m.Response, text=found.group(3), responder=found.group(2), answers_id=question.id)
        elif paragraph.startswith("The Chairman noted"):
            add(m.Note, text=paragraph.split("  ")[0].split(". It was agreed")[0] + ".")
            add(m.Action, text="Add the sufficiency of childcare places to the work programme")
        elif paragraph.startswith("The Committee requested"):
            add(m.Action, text="Present an update on narrowing the educational gap to the next "
                               "meeting")
        elif paragraph.startswith("RESOLVED: "):
            add(m.Resolution, text=paragraph.removeprefix("RESOLVED: "))
    return meeting.id, item.id


def test_the_item_reads_in_the_fixtures_order_and_phrasing(store, tmp_path, fixture_paragraphs):
    meeting_id, item_id = build_item(store, fixture_paragraphs)
    path = export_minutes(store.snapshot(meeting_id), tmp_path, "public", item_id=item_id).path
    written = [(p.style.name, normal(p.text)) for p in docx.Document(str(path)).paragraphs]
    texts = [text for _, text in written]

    assert texts[0] == "11. CHILDREN, EDUCATION AND FAMILIES PORTFOLIO PLAN UPDATE"
    assert texts[2] == "Report ECHS19062"

    def place(lines, start):
        return next(i for i, line in enumerate(lines) if line.startswith(start))

    order = ["Report ECHS19062", "The Committee considered", "The Plan focussed",
             "Members noted that key achievements", "Priority 1", "Priority 2", "Priority 3",
             "Priority 4", "In response to a question concerning the impact", "The Chairman noted",
             "In response to a question, the Director of Education", "RESOLVED:"]
    assert [place(fixture_paragraphs, s) for s in order] == sorted(
        place(fixture_paragraphs, s) for s in order)
    assert [place(texts, s) for s in order] == sorted(place(texts, s) for s in order)

    answers = [p for p in fixture_paragraphs if p.startswith("In response to a question")]
    assert [t for t in texts if t.startswith("In response to a question")] == answers
    resolution = next(p for p in fixture_paragraphs if p.startswith("RESOLVED:"))
    assert texts[-1] == resolution

    bullets = [text for style, text in written if style == "List Bullet"]
    fixture_bullets = [p.lstrip("·• ") for p in fixture_paragraphs if p[0] in "·•"]
    assert len(bullets) == len(fixture_bullets) == 15
    assert [b.rstrip(".") for b in bullets] == [b.rstrip(".") for b in fixture_bullets]

    # The two decisions the fixture words as "It was agreed that…" and "The Committee
    # requested that…" are captured as actions, so they read in the house style's
    # "ACTION:" form, in the fixture's places.
    actions = [t for t in texts if t.startswith("ACTION:")]
    assert actions == [
        "ACTION: Add the sufficiency of childcare places to the work programme.",
        "ACTION: Present an update on narrowing the educational gap to the next meeting.",
    ]
    assert place(texts, "The Chairman noted") < texts.index(actions[0]) < place(
        texts, "In response to a question, the Director of Education") < texts.index(actions[1])
