"""Model validation: strict fields, real dates and times, clerk-worded errors."""

from __future__ import annotations

import datetime as dt

import pytest
from pydantic import ValidationError

from clerk_tui import models as m

ITEM = m.new_id()


def error_text(build) -> str:
    with pytest.raises(ValidationError) as caught:
        build()
    return m.explain(caught.value)


def test_unknown_field_is_refused_and_named():
    text = error_text(lambda: m.AgendaItem(meeting_id=ITEM, title="Budget", exempt=False, colour="red"))
    assert text == "An agenda item has no 'colour'."


def test_exempt_must_be_given_explicitly():
    text = error_text(lambda: m.AgendaItem(meeting_id=ITEM, title="Budget"))
    assert "whether the item is exempt must be given" in text


def test_impossible_date_names_the_field():
    text = error_text(lambda: m.Action(item_id=ITEM, captured_at="2024-05-01T10:00",
                                       due="2024-02-30"))
    assert text == "The due date must be a real date, written YYYY-MM-DD (not '2024-02-30')."


def test_impossible_time_names_the_field():
    text = error_text(lambda: m.Meeting(committee_id=ITEM, date="2024-05-01", start_time="25:61"))
    assert text.startswith("The start time must be a time of day")


def test_negative_vote_is_refused():
    assert error_text(lambda: m.Vote(votes_against=-2)) == "The votes against cannot be negative."


def test_unanimous_vote_cannot_have_votes_against():
    assert "unanimous vote cannot have votes against" in error_text(
        lambda: m.Vote(unanimous=True, votes_against=1))


def test_assignment_is_validated():
    action = m.Action(item_id=ITEM, captured_at="2024-05-01T10:00")
    with pytest.raises(ValidationError) as caught:
        action.due = "someday"
    assert "due date" in m.explain(caught.value)


def test_schedule_12a_paragraph_only_on_exempt_items():
    text = error_text(lambda: m.AgendaItem(meeting_id=ITEM, title="Budget", exempt=False,
                                           exempt_paragraph=3))
    assert text == "Only an exempt item has a Schedule 12A paragraph."
    assert "cannot be above 7" in error_text(
        lambda: m.AgendaItem(meeting_id=ITEM, title="Budget", exempt=True, exempt_paragraph=8))


def test_substitute_must_say_for_whom():
    assert "substitute must say whom" in error_text(
        lambda: m.Attendance(meeting_id=ITEM, person="Cllr Lee", status="substitute"))


def test_entry_kind_is_checked():
    text = error_text(lambda: m.ENTRY.validate_python(
        {"kind": "gossip", "item_id": ITEM, "captured_at": "2024-05-01T10:00"}))
    assert "kind of entry must be one of" in text and "'gossip'" in text


def test_kind_specific_fields_belong_to_their_kind():
    text = error_text(lambda: m.Note(item_id=ITEM, captured_at="2024-05-01T10:00", owner="Bob"))
    assert text == "A note has no 'owner'."


def test_blank_names_are_refused():
    assert error_text(lambda: m.Committee(name="   ")) == "The committee name cannot be blank."


def test_ids_are_uuids():
    assert "is not a valid id" in error_text(lambda: m.Meeting(committee_id="42", date="2024-05-01"))


def test_text_is_cleaned_of_what_word_cannot_hold():
    note = m.Note(item_id=ITEM, captured_at="2024-05-01T10:00",
                  text="line\r\nnext\x00\x07 end \ud83d \u05e9\u05dc\u05d5\u05dd e\u0301")
    assert note.text == "line\nnext end \ufffd \u05e9\u05dc\u05d5\u05dd e\u0301"


def test_the_same_field_name_is_named_for_its_own_model():
    attendance = error_text(lambda: m.Attendance(meeting_id=ITEM, person="Cllr Lee", status="late"))
    assert attendance.startswith("The attendance must be one of 'present'")
    member = error_text(lambda: m.Committee(name="Audit", members=[{"name": " "}]))
    assert member == "The name cannot be blank."
    vote = error_text(lambda: m.Resolution(item_id=ITEM, captured_at="2024-05-01T10:00",
                                           vote={"named": [{"member": "A", "vote": "maybe"}]}))
    assert vote.startswith("The vote must be one of 'for'")


def test_someone_away_has_no_arrival_or_departure():
    text = error_text(lambda: m.Attendance(meeting_id=ITEM, person="Cllr Lee", status="apologies",
                                           left_at="20:15"))
    assert text == "Someone who was not there has no arrival or departure time."


# The published record's fields (issue 13) -------------------------------------------

def test_grounds_for_exemption_belong_only_to_an_exempt_item():
    meeting = m.new_id()
    item = m.AgendaItem(meeting_id=meeting, title="Lease", exempt=True,
                        exempt_basis="Section 54B of the Open Meetings Act")
    assert item.exempt_basis.startswith("Section")
    with pytest.raises(ValidationError, match="only an exempt item"):
        m.AgendaItem(meeting_id=meeting, title="Lease", exempt=False, exempt_basis="Legal advice")


def test_the_new_fields_default_to_what_minutes_taken_in_clerk_had():
    at = dt.datetime(2024, 5, 1, 19)
    resolution = m.Resolution(item_id=m.new_id(), text="x", captured_at=at)
    assert (resolution.label, resolution.mover, resolution.seconder, resolution.joined) == (
        m.ResolutionLabel.RESOLVED, None, None, False)
    assert m.Resolution(item_id=m.new_id(), captured_at=at, label=None).label is None
    declared = m.Declaration(meeting_id=m.new_id(), member="Ms Wren")
    assert (declared.kind, declared.stated_kind) == (m.DeclarationKind.PERSONAL, None)
    assert m.Declaration(meeting_id=m.new_id(), member="Ms Wren", kind=None).kind is None
    assert m.Meeting(committee_id=m.new_id(), date=None).date is None
    with pytest.raises(ValidationError):
        m.Meeting(committee_id=m.new_id())  # a date, or None said outright


def test_someone_in_attendance_may_come_and_go():
    person = m.Attendance(meeting_id=m.new_id(), person="Dr Varga",
                          status=m.AttendanceStatus.IN_ATTENDANCE, arrived_at=dt.time(19, 10))
    assert person.status == "in attendance"
