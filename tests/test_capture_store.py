"""The store's side of live capture: entries, drafts, the item being taken, new meetings."""

from __future__ import annotations

import datetime as dt

from clerk_tui import models as m
from clerk_tui.demo import COMMITTEE, add_sample_meeting
from clerk_tui.quick_entry import question_answered
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


def test_a_response_answers_the_last_question_before_it(store, sample):
    item = sample.items[1]
    assert question_answered(store.entries.list(item.id)) == sample.entries[1].id
    assert question_answered(store.entries.list(sample.items[0].id)) is None


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


# The fields of the published record (migration 9) -----------------------------------

def test_a_meeting_of_no_known_date_is_stored_and_read_back(store):
    meeting = store.new_meeting("Orchard Trust", None)
    assert store.meetings.get(meeting.id).date is None
    assert store.snapshot(meeting.id).meeting.date is None
    dated = store.meetings.update(meeting.model_copy(update={"date": dt.date(2021, 4, 7)}))
    assert dated.date == dt.date(2021, 4, 7)


def test_every_new_field_of_the_record_round_trips(store, sample):
    meeting, item = sample.meeting.id, sample.items[1]
    store.items.update(item.model_copy(update={"exempt_basis": "Land negotiations"}))
    assert store.items.get(item.id).exempt_basis == "Land negotiations"
    now = store.now()
    kinds = [
        m.Note(item_id=item.id, text="Noted.", captured_at=now, joined=True),
        m.Question(item_id=item.id, text="Why?", asker="Ms Fenn", put_to="the Surveyor",
                   captured_at=now, joined=True),
        m.Response(item_id=item.id, text="Cost.", captured_at=now, joined=True),
        m.Action(item_id=item.id, text="Write to the trust.", captured_at=now, joined=True),
        m.Resolution(item_id=item.id, text="Carried.", label=None, mover="Ms Fenn",
                     seconder="Mr Alder", captured_at=now, joined=True),
        m.Resolution(item_id=item.id, text="Approved.", label=m.ResolutionLabel.APPROVED,
                     captured_at=now),
        m.Resolution(item_id=item.id, text="Decided.", label=m.ResolutionLabel.DECIDED,
                     captured_at=now),
    ]
    for entry in kinds:
        store.entries.add(entry)
        assert store.entries.get(entry.id) == entry
    person = m.Attendance(meeting_id=meeting, person="Mr Alder", role=m.Role.OFFICER,
                          status=m.AttendanceStatus.IN_ATTENDANCE, office="Surveyor")
    store.attendance.add(person)
    assert store.attendance.get(person.id) == person
    declared = m.Declaration(meeting_id=meeting, member="Ms Fenn", kind=None,
                             stated_kind="close association", text="Her brother farms there")
    store.declarations.add(declared)
    assert store.declarations.get(declared.id) == declared
    snapshot = store.snapshot(meeting)
    assert snapshot.items[1].entries[-7:] == kinds and not snapshot.imported


def test_a_resolution_made_a_note_loses_its_mover_and_seconder(store, sample):
    resolution = m.Resolution(item_id=sample.items[0].id, text="That it be so.", mover="Ms Fenn",
                              seconder="Mr Alder", captured_at=store.now())
    store.entries.add(resolution)
    note = m.Note(id=resolution.id, item_id=resolution.item_id, text=resolution.text,
                  captured_at=resolution.captured_at)
    store.entries.update(note)
    row = store.database.query("SELECT mover, seconder FROM entries WHERE id = ?",
                               (resolution.id,))[0]
    assert row == {"mover": None, "seconder": None}


def test_an_undated_meeting_follows_no_actions_up(store, sample):
    meeting = store.new_meeting("Planning", None)
    assert [i.title for i in store.items.list(meeting.id)] == []


def test_meetings_of_no_known_date_are_listed_last_and_say_so(store, sample):
    from clerk_tui.ui.screens.meetings import meeting_row

    undated = store.new_meeting("Orchard Trust", None)
    later = store.new_meeting("Orchard Trust", dt.date(2030, 1, 1))
    listed = [s.meeting.id for s in store.meetings.summaries()]
    assert listed == [later.id, sample.meeting.id, undated.id]
    assert meeting_row(store.meetings.summaries()[-1])[0] == m.UNDATED
    assert store.meetings.previous(undated.committee_id, None) is None


def test_search_and_the_action_log_cope_with_a_meeting_of_no_known_date(store):
    from clerk_tui.minutes.compose.action_log import action_csv_row, action_row
    from clerk_tui.store.search import SearchFilters

    meeting = store.new_meeting("Orchard Trust", None)
    dated = store.new_meeting("Orchard Trust", dt.date(2021, 6, 2))
    for each in (meeting, dated):
        item = store.items.add(m.AgendaItem(meeting_id=each.id, title="Cider press",
                                            exempt=False))
        store.entries.add(m.Action(item_id=item.id, text="Mend the cider press",
                                   owner="Mr Quaile", captured_at=store.now()))
    hits = store.search.search("cider press", SearchFilters(kinds=None)).hits
    assert [hit.date for hit in hits] == [dt.date(2021, 6, 2), None]
    records = store.actions.log()
    assert [r.meeting_date for r in records] == [dt.date(2021, 6, 2), None]
    assert action_row(records[1])[-1] == f"Orchard Trust, {m.UNDATED}"
    assert "" in action_csv_row(records[1])
