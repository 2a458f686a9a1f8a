"""The store's side of live capture: entries, drafts, the item being taken, new meetings."""

from __future__ import annotations

import datetime as dt

from clerk_tui import models as m
from clerk_tui.demo import COMMITTEE, add_sample_meeting
from conftest import add_sample


def test_capturing_an_entry_clears_the_draft_and_takes_the_item(store, sample, clock):
    item = sample.items[0]
    store.capture.save_draft(item.id, "The Chair welcomed")
    assert store.capture.drafts(sample.meeting.id) == {item.id: "The Chair welcomed"}
    clock.advance(minutes=3)
    store.capture.entry(m.Note(item_id=item.id, text="The Chair welcomed everyone.",
                               captured_at=store.now()))
    assert store.capture.drafts(sample.meeting.id) == {}
    assert store.items.get(item.id).taken_at == dt.time(19, 3)
    assert store.meetings.get(sample.meeting.id).current_item_id == item.id


def test_an_empty_draft_is_removed(store, sample):
    item = sample.items[0]
    store.capture.save_draft(item.id, "x")
    store.capture.save_draft(item.id, "")
    assert store.capture.drafts(sample.meeting.id) == {}


def test_taking_an_item_again_keeps_the_first_time(store, sample, clock):
    first, second = sample.items
    store.capture.take_item(first.id)
    clock.advance(minutes=20)
    store.capture.take_item(second.id)
    clock.advance(minutes=20)
    store.capture.take_item(first.id)
    assert store.items.get(first.id).taken_at == dt.time(19, 0)
    assert store.items.get(second.id).taken_at == dt.time(19, 20)
    assert store.meetings.get(sample.meeting.id).current_item_id == first.id


def test_start_and_end_of_the_meeting(store, sample, clock):
    store.capture.take_item(sample.items[0].id)
    clock.advance(minutes=2)
    assert store.capture.start_meeting(sample.meeting.id).started_at == dt.time(19, 2)
    clock.advance(hours=2)
    ended = store.capture.end_meeting(sample.meeting.id)
    assert ended.ended_at == dt.time(21, 2)
    assert ended.current_item_id is None


def test_a_response_answers_the_last_question(store, sample):
    item = sample.items[1]
    assert store.capture.last_question(item.id) == sample.entries[1].id
    assert store.capture.last_question(sample.items[0].id) is None


def test_deleting_the_current_item_clears_it(store, sample):
    store.capture.take_item(sample.items[0].id)
    store.items.delete(sample.items[0].id)
    assert store.meetings.get(sample.meeting.id).current_item_id is None


def test_a_new_meeting_copies_the_membership_of_the_last_one(store, sample):
    store.attendance.add(m.Attendance(meeting_id=sample.meeting.id, person="Cllr Hale",
                                      status="substitute", substitute_for="Cllr Ng"))
    store.attendance.add(m.Attendance(meeting_id=sample.meeting.id, person="Ms Obi",
                                      role="officer", office="Head of Planning"))
    store.attendance.add(m.Attendance(meeting_id=sample.meeting.id, person="A resident",
                                      role="other"))
    meeting = store.new_meeting("planning", dt.date(2024, 6, 5), dt.time(18, 30), "Room 2",
                                [{"minute_number": "1", "title": "Apologies", "exempt": False}])
    assert meeting.committee_id == sample.committee.id
    people = [(a.person, a.role, a.status, a.office) for a in store.attendance.list(meeting.id)]
    assert people == [
        ("Councillor Ada Byrne", "member", "present", "Chair"),
        ("Cllr Ng", "member", "present", None),
        ("Ms Obi", "officer", "present", "Head of Planning"),
    ]
    assert [i.title for i in store.items.list(meeting.id)] == ["Apologies", "Matters arising"]


def test_a_new_committee_starts_from_its_standing_membership(store):
    meeting = store.new_meeting("Licensing", dt.date(2024, 6, 5))
    assert store.committees.find("Licensing") is not None
    assert store.attendance.list(meeting.id) == []
    first = add_sample(store, name="Harbour Board")
    second = store.new_meeting("Harbour Board", dt.date(2024, 7, 1))
    assert [a.person for a in store.attendance.list(second.id)] == [
        a.person for a in store.attendance.list(first.meeting.id)]


def test_the_sample_meeting_is_a_meeting_in_progress(store):
    meeting = add_sample_meeting(store)
    snapshot = store.snapshot(meeting.id)
    assert snapshot.committee.name == COMMITTEE
    assert meeting.started_at is not None and meeting.ended_at is None
    assert meeting.current_item_id == snapshot.items[4].item.id
    kinds = {e.kind for item in snapshot.items for e in item.entries}
    assert kinds == {"note", "question", "response", "action", "resolution"}
    assert any(item.item.exempt for item in snapshot.items)
    assert store.capture.drafts(meeting.id)[meeting.current_item_id].startswith("? Cllr Okafor")
    statuses = {a.status for a in snapshot.attendance}
    assert {"present", "apologies", "substitute"} <= statuses
