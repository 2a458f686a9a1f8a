"""Approved minutes are locked by the database itself; reopening is audited."""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest

from clerk_tui import models as m
from clerk_tui.store import Conflict, MinutesLocked

APPROVED_ON = dt.date(2024, 6, 5)


@pytest.fixture
def approved(store, sample):
    store.meetings.approve(sample.meeting.id, APPROVED_ON)
    return sample


@pytest.fixture
def raw(db_path, approved):
    """A second, plain sqlite3 connection: what a user poking at the file would do."""
    conn = sqlite3.connect(db_path, isolation_level=None)
    yield conn
    conn.close()


def test_direct_sql_update_of_an_approved_entry_fails(raw, approved):
    entry = approved.entries[0]
    with pytest.raises(sqlite3.IntegrityError, match="clerk-locked"):
        raw.execute("UPDATE entries SET text = 'rewritten' WHERE id = ?", (entry.id,))


@pytest.mark.parametrize("sql", [
    "DELETE FROM entries",
    "DELETE FROM agenda_items",
    "UPDATE agenda_items SET title = 'x'",
    "DELETE FROM attendance",
    "UPDATE attendance SET status = 'absent'",
    "DELETE FROM declarations",
    "UPDATE declarations SET text = 'nothing'",
    "UPDATE meetings SET venue = 'Elsewhere'",
    "UPDATE meetings SET status = 'draft'",
    "DELETE FROM meetings",
])
def test_direct_sql_changes_to_approved_minutes_fail(raw, sql):
    with pytest.raises(sqlite3.IntegrityError, match="clerk-"):
        raw.execute(sql)


def test_nothing_can_be_added_to_approved_minutes(store, approved):
    with pytest.raises(MinutesLocked, match="approved and are locked"):
        store.entries.add(m.Note(item_id=approved.items[0].id, text="late", captured_at=store.now()))
    with pytest.raises(MinutesLocked):
        store.items.add(m.AgendaItem(meeting_id=approved.meeting.id, title="AOB", exempt=False))


def test_following_up_an_action_stays_possible(store, approved):
    action = store.entries.get(approved.entries[3].id)
    action.status = "done"
    action.done_on = dt.date(2024, 6, 20)
    action.progress = "Valuation sent to members"
    store.entries.update(action)
    assert store.entries.get(action.id) == action
    action.owner = "Someone else"
    with pytest.raises(MinutesLocked):
        store.entries.update(action)


def test_reopening_needs_a_reason(store, raw, approved):
    with pytest.raises(MinutesLocked, match="needs a reason"):
        store.meetings.reopen(approved.meeting.id, "   ")
    with pytest.raises(sqlite3.IntegrityError, match="clerk-reason"):
        raw.execute("UPDATE meetings SET status = 'reopened'")


def test_reopening_writes_the_reason_and_every_change_to_the_audit_log(store, approved):
    meeting_id = approved.meeting.id
    store.meetings.reopen(meeting_id, "Vote count in item 2 was wrong")
    resolution = store.entries.get(approved.entries[4].id)
    resolution.vote = m.Vote(votes_for=6, votes_against=1)
    store.entries.update(resolution)
    store.entries.delete(approved.entries[0].id)
    store.meetings.approve(meeting_id, dt.date(2024, 7, 1))

    log = store.meetings.audit_log(meeting_id)
    assert [(r.event, r.what, r.change) for r in log] == [
        ("approved", "meetings", None),
        ("reopened", "meetings", None),
        ("changed", "entries", "update"),
        ("changed", "entries", "delete"),
        ("approved", "meetings", None),
    ]
    assert log[1].reason == "Vote count in item 2 was wrong"
    assert (log[2].before["votes_for"], log[2].after["votes_for"]) == (5, 6)
    assert log[3].before["text"] == "The Committee considered the report."
    assert log[4].after["approved_on"] == "2024-07-01"
    with pytest.raises(MinutesLocked):
        store.entries.delete(approved.entries[1].id)


def test_the_audit_log_cannot_be_changed(store, raw, approved):
    store.meetings.reopen(approved.meeting.id, "Typo")
    with pytest.raises(sqlite3.IntegrityError, match="clerk-audit"):
        raw.execute("DELETE FROM audit_log")
    with pytest.raises(sqlite3.IntegrityError, match="clerk-audit"):
        raw.execute("UPDATE audit_log SET reason = 'nothing to see'")


def test_lifecycle_rules(store, sample):
    with pytest.raises(Conflict, match="Only approved minutes"):
        store.meetings.reopen(sample.meeting.id, "why not")
    store.meetings.approve(sample.meeting.id, APPROVED_ON)
    with pytest.raises(Conflict, match="already approved"):
        store.meetings.approve(sample.meeting.id, APPROVED_ON)
    with pytest.raises(Conflict, match="starts as a draft"):
        store.meetings.add(m.Meeting(committee_id=sample.committee.id, date=APPROVED_ON,
                                     status="approved"))


def test_approval_at_a_later_meeting_is_recorded(store, sample):
    from conftest import add_sample

    later = add_sample(store, date=dt.date(2024, 6, 5))
    approved = store.meetings.approve(sample.meeting.id, later.meeting.date, later.meeting.id)
    assert (approved.status, approved.approved_on, approved.approved_at_meeting_id) == (
        "approved", later.meeting.date, later.meeting.id)
    with pytest.raises(Conflict, match="2024-05-01 were approved at this meeting"):
        store.meetings.delete(later.meeting.id)
