"""Round trips of every entity through the repository, and ordering."""

from __future__ import annotations

import datetime as dt

import pytest
from pydantic import ValidationError

from clerk_tui import models as m
from clerk_tui.store import Conflict, NotFound, Store
from conftest import add_sample


def test_committee_round_trip_with_membership(store):
    committee = m.Committee(name="Audit Committee", body="Borough of Eastleigh Vale",
                            house_style="bulleted",
                            members=[m.CommitteeMember(name="Cllr Lee", office="Chair"),
                                     m.CommitteeMember(name="Ms Obi", role="officer")])
    store.committees.add(committee)
    assert store.committees.get(committee.id) == committee
    assert store.committees.find("audit COMMITTEE") == committee
    committee.members = committee.members[1:]
    committee.name = "Audit and Risk Committee"
    store.committees.update(committee)
    assert store.committees.get(committee.id) == committee
    assert [c.name for c in store.committees.list()] == ["Audit and Risk Committee"]


def test_committee_names_are_unique(store):
    store.committees.add(m.Committee(name="Cabinet"))
    with pytest.raises(Conflict, match="already a committee"):
        store.committees.add(m.Committee(name="cabinet"))


def test_committee_with_meetings_cannot_be_removed(store, sample):
    with pytest.raises(Conflict, match="1 meeting"):
        store.committees.delete(sample.committee.id)


def test_meeting_round_trip_and_update(store, sample):
    meeting = store.meetings.get(sample.meeting.id)
    assert meeting == sample.meeting
    meeting.venue = "Room 2"
    meeting.started_at = dt.time(19, 2)
    meeting.ended_at = dt.time(21, 15)
    store.meetings.update(meeting)
    assert store.meetings.get(meeting.id) == meeting


def test_meeting_summaries_are_newest_first_with_counts(store, sample):
    add_sample(store, date=dt.date(2024, 7, 3))
    summaries = store.meetings.summaries()
    assert [s.meeting.date for s in summaries] == [dt.date(2024, 7, 3), dt.date(2024, 5, 1)]
    assert (summaries[0].item_count, summaries[0].entry_count) == (2, 5)
    assert summaries[0].committee_name == "Planning"


def test_meeting_summaries_a_page_at_a_time_and_of_some_committees(store, sample):
    licensing = add_sample(store, date=dt.date(2024, 7, 3), name="Licensing")
    add_sample(store, date=dt.date(2024, 8, 7), name="Cabinet")
    dates = [s.meeting.date for s in store.meetings.summaries()]
    assert [s.meeting.date for s in store.meetings.summaries(limit=2)] == dates[:2]
    assert [s.meeting.date for s in store.meetings.summaries(limit=2, offset=2)] == dates[2:]
    chosen = store.meetings.summaries(committees=[licensing.committee.id, sample.committee.id])
    assert [s.committee_name for s in chosen] == ["Licensing", "Planning"]
    assert store.meetings.summaries(committees=[]) == []


def test_agenda_item_round_trip(store, sample):
    for item in sample.items:
        assert store.items.get(item.id) == item
    assert store.items.list(sample.meeting.id) == sample.items


def test_entries_of_every_kind_round_trip(store, sample):
    item_id = sample.items[1].id
    assert store.entries.list(item_id) == sample.entries
    assert [e.kind for e in store.entries.list(item_id)] == [
        "note", "question", "response", "action", "resolution"]


def test_changing_an_entrys_kind_clears_the_old_fields(store, sample):
    action = sample.entries[3]
    note = m.Note(id=action.id, item_id=action.item_id, text="Now a note",
                  captured_at=action.captured_at)
    store.entries.update(note)
    assert store.entries.get(action.id) == note
    row = store.database.query("SELECT owner, due, status FROM entries WHERE id = ?", (action.id,))
    assert row == [{"owner": None, "due": None, "status": None}]


def test_attendance_and_declarations_round_trip(store, sample):
    meeting_id = sample.meeting.id
    substitute = m.Attendance(meeting_id=meeting_id, person="Cllr Hale", status="substitute",
                              substitute_for="Cllr Ng", arrived_at=dt.time(19, 20),
                              left_at=dt.time(20, 45))
    store.attendance.add(substitute)
    assert store.attendance.list(meeting_id)[-1] == substitute
    declaration = store.declarations.list(meeting_id)[0]
    declaration.withdrew = True
    declaration.kind = "disclosable pecuniary"
    store.declarations.update(declaration)
    assert store.declarations.get(declaration.id) == declaration


def test_add_at_a_place_reorder_and_move(store, sample):
    items = sample.items
    urgent = store.items.add(m.AgendaItem(meeting_id=sample.meeting.id, title="Urgent business",
                                          exempt=False), index=0)
    assert [i.id for i in store.items.list(sample.meeting.id)] == [urgent.id, items[0].id, items[1].id]
    store.items.reorder(sample.meeting.id, [items[1].id, urgent.id, items[0].id])
    assert [i.id for i in store.items.list(sample.meeting.id)] == [items[1].id, urgent.id, items[0].id]
    with pytest.raises(Conflict, match="every agenda item"):
        store.items.reorder(sample.meeting.id, [urgent.id])
    note = sample.entries[0]
    moved = store.entries.move(note.id, items[0].id)
    assert moved.item_id == items[0].id
    assert store.entries.list(items[0].id) == [moved]
    assert note.id not in [e.id for e in store.entries.list(items[1].id)]


def test_delete_and_not_found(store, sample):
    note = sample.entries[0]
    store.entries.delete(note.id)
    with pytest.raises(NotFound, match="no entry"):
        store.entries.get(note.id)
    store.meetings.delete(sample.meeting.id)
    assert store.meetings.summaries() == []
    assert store.database.query("SELECT count(*) AS n FROM entries") == [{"n": 0}]


def test_deleting_a_question_unlinks_its_response(store, sample):
    question, response = sample.entries[1], sample.entries[2]
    store.entries.delete(question.id)
    assert store.entries.get(response.id).answers_id is None


def test_snapshot_holds_the_meeting_in_order(store, sample):
    store.settings.set("organisation", "Borough of Eastleigh Vale")
    snapshot = store.snapshot(sample.meeting.id)
    assert snapshot.organisation.organisation == "Borough of Eastleigh Vale"
    assert snapshot.committee == sample.committee
    assert snapshot.meeting == sample.meeting
    assert [i.item for i in snapshot.items] == sample.items
    assert snapshot.items[0].entries == []
    assert snapshot.items[1].entries == sample.entries
    assert len(snapshot.attendance) == 1 and len(snapshot.declarations) == 1


def test_organisation_settings_are_validated_and_kept(store, db_path):
    store.settings.set("house_style", "bulleted")
    store.settings.set("clerk_name", "Sam Reid")
    with pytest.raises(ValidationError):
        store.settings.set("house_style", "haiku")
    with pytest.raises(KeyError):
        store.settings.set("favourite_colour", "blue")
    store.close()
    with Store.open(db_path) as reopened:
        settings = reopened.settings.load()
    assert (settings.house_style, settings.clerk_name) == ("bulleted", "Sam Reid")


def test_every_write_is_one_transaction(store, sample):
    """A failure half-way through a save leaves nothing of it behind."""
    committee = m.Committee(name="Licensing", members=[m.CommitteeMember(name="Cllr Ray")])
    with pytest.raises(RuntimeError):
        with store.database.transaction():
            store.committees.add(committee)
            raise RuntimeError("power cut")
    assert store.committees.find("Licensing") is None
    assert store.database.query("SELECT count(*) AS n FROM committee_members "
                                "WHERE name = 'Cllr Ray'") == [{"n": 0}]


def test_a_save_is_begin_immediate_then_commit(store, sample):
    statements: list[str] = []
    store.database.connection.set_trace_callback(statements.append)
    note = sample.entries[0]
    note.text = "Edited"
    store.entries.update(note)
    store.database.connection.set_trace_callback(None)
    assert statements.count("BEGIN IMMEDIATE") == statements.count("COMMIT") == 1
    begin, commit = statements.index("BEGIN IMMEDIATE"), statements.index("COMMIT")
    writes = [i for i, s in enumerate(statements) if s.lstrip().upper().startswith("UPDATE")]
    assert writes and all(begin < i < commit for i in writes)


def test_a_setting_edited_outside_clerk_into_nonsense_falls_back(store):
    store.database.connection.execute(
        "INSERT INTO settings (key, value) VALUES ('house_style', 'haiku')")
    assert store.settings.load().house_style == "narrative"


def test_update_keeps_the_parent_moves_go_through_move(store, sample):
    note = store.entries.get(sample.entries[0].id)
    note.item_id = sample.items[0].id
    assert store.entries.update(note).item_id == sample.items[1].id
