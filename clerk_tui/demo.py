"""A sample meeting, in progress, so a newcomer sees clerk at work at once.

Everything here is invented for clerk: the committee, the people and the words.
"""

from __future__ import annotations

import datetime as dt

from clerk_tui import models as m
from clerk_tui.store import Store

COMMITTEE = "Sample: Community and Leisure Committee"

_AGENDA = [
    ("1", "Apologies for absence", None, False, None),
    ("2", "Declarations of interest", None, False, None),
    ("3", "Minutes of the previous meeting", None, False, None),
    ("4", "Library opening hours", "CL24-031", False, None),
    ("5", "Riverside play area refurbishment", "CL24-034", False, None),
    ("6", "Disposal of land at the Mill Lane depot", "CL24-036", True, 3),
]

_PEOPLE = [
    ("Councillor Ruth Ellison", "member", "present", None, "Chair"),
    ("Councillor Dev Sharma", "member", "present", None, "Vice-Chair"),
    ("Councillor Tomasz Nowak", "member", "present", None, None),
    ("Councillor Grace Okafor", "member", "present", None, None),
    ("Councillor Imogen Hart", "member", "apologies", None, None),
    ("Councillor Ben Carter", "member", "substitute", "Councillor Alan Price", None),
    ("Priya Nair", "officer", "present", None, "Head of Libraries"),
    ("Sam Whitfield", "officer", "present", None, "Democratic Services Officer"),
]


def add_sample_meeting(store: Store) -> m.Meeting:
    """Store the sample meeting (today, started 40 minutes ago) and return it."""
    now = store.now()
    started = now - dt.timedelta(minutes=40)
    with store.transaction():
        meeting = store.new_meeting(
            COMMITTEE, now.date(), started.time().replace(second=0), "Committee Room 1",
            [dict(zip(("minute_number", "title", "report_reference", "exempt",
                       "exempt_paragraph"), row)) for row in _AGENDA],
        )
        _attendance(store, meeting.id, started)
        items = store.items.list(meeting.id)
        _minutes(store, meeting, items, started)
        store.capture.save_draft(items[4].id, "? Cllr Okafor: whether the new equipment will be")
    return store.meetings.get(meeting.id)


def _attendance(store: Store, meeting_id: str, started: dt.datetime) -> None:
    for person in store.attendance.list(meeting_id):
        store.attendance.delete(person.id)
    for name, role, status, substitute_for, office in _PEOPLE:
        store.attendance.add(m.Attendance(
            meeting_id=meeting_id, person=name, role=role, status=status,
            substitute_for=substitute_for, office=office,
            arrived_at=(started + dt.timedelta(minutes=12)).time().replace(second=0)
            if name == "Councillor Tomasz Nowak" else None,
        ))


def _minutes(store: Store, meeting: m.Meeting, items: list[m.AgendaItem],
             started: dt.datetime) -> None:
    store.declarations.add(m.Declaration(
        meeting_id=meeting.id, item_id=items[4].id, member="Councillor Dev Sharma",
        kind="personal", text="Trustee of the Riverside Park Friends group",
    ))
    last_month = (meeting.date - dt.timedelta(days=28)).strftime("%-d %B %Y")
    question = m.Question(
        item_id=items[3].id, captured_at=started, asker="Councillor Sharma",
        text="whether Saturday afternoon opening could be tried at the branch libraries")
    script: list[tuple[int, int, type, dict]] = [
        (1, 2, m.Note, {"text": "The Chair reminded members to declare any interest as each "
                        "item was reached."}),
        (2, 4, m.Resolution, {"text": f"That the minutes of the meeting held on {last_month} be "
                              "agreed as a correct record.", "vote": m.Vote(unanimous=True)}),
        (3, 8, m.Note, {"text": "The Head of Libraries introduced the report, which set out "
                        "visitor numbers by hour for each library over the past year."}),
        (3, 14, None, {}),
        (3, 15, m.Response, {"responder": "Head of Libraries", "answers_id": question.id,
                             "text": "a three-month trial could be met from the existing staffing "
                             "budget, with volunteers helping at the busiest times"}),
        (3, 20, m.Action, {"owner": "Head of Libraries", "due": meeting.date + dt.timedelta(days=120),
                           "text": "Report visitor numbers from the Saturday trial to a future "
                           "meeting"}),
        (3, 23, m.Resolution, {"label": "RECOMMENDED", "text": "That Saturday afternoon opening "
                               "be trialled at two branch libraries for three months from the "
                               "start of the next quarter.",
                               "vote": m.Vote(votes_for=5, votes_against=1, votes_abstain=0)}),
        (4, 30, m.Note, {"text": "The Committee considered three options for replacing the play "
                         "equipment at Riverside Park, set out in the report."}),
    ]
    for index, minutes, kind, fields in script:
        when = started + dt.timedelta(minutes=minutes)
        entry = question.model_copy(update={"captured_at": when}) if kind is None else kind(
            item_id=items[index].id, captured_at=when, **fields)
        store.entries.add(entry)
        item = items[index]
        if item.taken_at is None:
            item.taken_at = when.time().replace(second=0)
            store.items.update(item)
    meeting = store.meetings.get(meeting.id)
    meeting.started_at = started.time().replace(second=0)
    store.meetings.update(meeting)
    store.capture.take_item(items[4].id)
