"""Approved minutes are locked by the database itself; reopening is audited."""

from __future__ import annotations

import datetime as dt
import os
import re
import sqlite3
from pathlib import Path

import pytest

from clerk_tui import models as m
from clerk_tui.store import Conflict, MinutesLocked, ReadOnly, Store, sealing
from conftest import APPROVED_ON, add_sample
from recording_app import recording_app


@pytest.fixture
def raw(db_path, approved):
    """A second sqlite3 connection: what a user poking at the file would do. A plain one
    cannot write to the minutes at all (clerk's triggers call functions only clerk
    registers: see test_tamper); this one has them, so the lock itself is tested."""
    conn = sqlite3.connect(db_path, isolation_level=None)
    sealing.register(conn)
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
    later = add_sample(store, date=dt.date(2024, 6, 5))
    approved = store.meetings.approve(sample.meeting.id, later.meeting.date, later.meeting.id)
    assert (approved.status, approved.approved_on, approved.approved_at_meeting_id) == (
        "approved", later.meeting.date, later.meeting.id)
    with pytest.raises(Conflict, match="2024-05-01 were approved at this meeting"):
        store.meetings.delete(later.meeting.id)


@pytest.mark.parametrize("sql", [
    "INSERT OR REPLACE INTO meetings (id, committee_id, date) "
    "SELECT id, committee_id, date FROM meetings",
    "REPLACE INTO entries (id, item_id, position, kind, text, captured_at) "
    "SELECT id, item_id, position, 'note', 'gone', captured_at FROM entries",
    "REPLACE INTO agenda_items (id, meeting_id, position, title, exempt) "
    "SELECT id, meeting_id, position, 'renamed', 0 FROM agenda_items",
    "INSERT INTO entries (id, item_id, position, kind, text, captured_at) "
    "SELECT id, item_id, position, kind, text, captured_at FROM entries WHERE true "
    "ON CONFLICT (id) DO UPDATE SET text = 'upserted'",
    "REPLACE INTO audit_log (id, meeting_id, at, event) "
    "SELECT id, meeting_id, at, 'changed' FROM audit_log",
])
@pytest.mark.parametrize("foreign_keys", ["ON", "OFF"])
def test_replace_and_upsert_cannot_get_round_the_lock(raw, store, approved, sql, foreign_keys):
    raw.execute(f"PRAGMA foreign_keys = {foreign_keys}")
    before = store.snapshot(approved.meeting.id)
    log = store.meetings.audit_log(approved.meeting.id)
    with pytest.raises(sqlite3.IntegrityError, match="clerk-"):
        raw.execute(sql)
    assert store.snapshot(approved.meeting.id) == before
    assert store.meetings.audit_log(approved.meeting.id) == log


def test_a_meeting_cannot_be_inserted_approved_or_a_draft_reopened(raw, sample):
    with pytest.raises(sqlite3.IntegrityError, match="starts as a draft"):
        raw.execute("INSERT INTO meetings (id, committee_id, date, status) VALUES "
                    "('0b7b1f0e-64a3-4b7b-9a41-3a8fdc0c8f11', ?, '2024-01-01', 'approved')",
                    (sample.committee.id,))
    draft = add_sample_draft(raw, sample)
    with pytest.raises(sqlite3.IntegrityError, match="only approved minutes can be reopened"):
        raw.execute("UPDATE meetings SET status = 'reopened', reopen_reason = 'x' WHERE id = ?",
                    (draft,))


def add_sample_draft(raw, sample) -> str:
    meeting_id = "5d1c0a56-2f7e-4a53-8a0b-0e8a9d7c6b21"
    raw.execute("INSERT INTO meetings (id, committee_id, date) VALUES (?, ?, '2024-08-01')",
                (meeting_id, sample.committee.id))
    return meeting_id


def test_only_actions_can_be_followed_up_after_approval(raw, approved):
    question = approved.entries[1]
    with pytest.raises(sqlite3.IntegrityError, match="clerk-locked"):
        raw.execute("UPDATE entries SET status = 'done' WHERE id = ?", (question.id,))


def test_changes_while_reopened_are_all_audited(store, approved):
    meeting_id = approved.meeting.id
    store.meetings.reopen(meeting_id, "Item 2 was minuted under the wrong item")
    added = store.entries.add(m.Note(item_id=approved.items[0].id, text="Added later",
                                     captured_at=store.now()))
    other = add_sample(store, date=dt.date(2024, 9, 1))
    store.entries.move(added.id, other.items[0].id)
    store.items.delete(approved.items[1].id)  # its five entries go with it
    meeting = store.meetings.get(meeting_id)
    meeting.venue = "Room 4"
    store.meetings.update(meeting)

    log = [r for r in store.meetings.audit_log(meeting_id) if r.event == "changed"]
    changes = [(r.what, r.change) for r in log]
    assert changes[:2] == [("entries", "insert"), ("entries", "update")]
    assert (log[1].row_id, log[1].after["item_id"]) == (added.id, other.items[0].id)
    assert changes.count(("entries", "delete")) == 5
    assert ("agenda_items", "delete") in changes
    assert changes[-1] == ("meetings", "update")
    assert (log[-1].before["venue"], log[-1].after["venue"]) == ("Council Chamber", "Room 4")
    assert {r.row_id for r in log if r.change == "delete" and r.what == "entries"} == {
        e.id for e in approved.entries}


# One file, one editor: the edit lock names the file, not the path -------------------


def _other_names(db_path, tmp_path, monkeypatch):
    """Every way of reaching the same file clerk might be given."""
    (tmp_path / "db").mkdir()
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "link.db").symlink_to(db_path)
    (tmp_path / "elsewhere" / "dirlink").symlink_to(tmp_path)
    os.link(db_path, tmp_path / "hard.db")
    os.link(db_path, tmp_path / "elsewhere" / "hard.db")
    monkeypatch.chdir(tmp_path / "db")
    return {
        "symlink": tmp_path / "link.db",
        "dotdot": tmp_path / "db" / ".." / db_path.name,
        "relative": Path("..") / db_path.name,
        "folder symlink": tmp_path / "elsewhere" / "dirlink" / db_path.name,
        "hard link": tmp_path / "hard.db",
        "hard link elsewhere": tmp_path / "elsewhere" / "hard.db",
    }


@pytest.mark.parametrize("spelling", ["symlink", "dotdot", "relative", "folder symlink",
                                      "hard link", "hard link elsewhere"])
def test_a_second_window_by_another_name_opens_read_only(db_path, tmp_path, monkeypatch,
                                                         spelling):
    Store.open(db_path).close()
    other = _other_names(db_path, tmp_path, monkeypatch)[spelling]
    first = Store.open(db_path, editing=True)
    try:
        second = Store.open(other, editing=True)
        assert "open in another clerk window (process" in (second.read_only or "")
        with pytest.raises(ReadOnly, match="open read-only"):
            second.settings.set("organisation", "Elsewhere")
        second.close()
    finally:
        first.close()
    with Store.open(other, editing=True) as again:  # the first window has gone
        assert again.read_only is None


def test_whichever_name_is_opened_first_holds_the_file(db_path, tmp_path, monkeypatch):
    Store.open(db_path).close()
    names = _other_names(db_path, tmp_path, monkeypatch)
    with Store.open(names["hard link"], editing=True) as first:
        assert first.read_only is None
        for name in (db_path, names["symlink"], names["hard link elsewhere"]):
            with Store.open(name, editing=True) as later:
                assert later.read_only is not None, name


async def test_a_second_app_through_a_symlink_says_it_is_read_only(db_path, tmp_path, sample,
                                                                   clock):
    from clerk_tui.ui.app import make_app

    link = tmp_path / "link.db"
    link.symlink_to(db_path)
    first = make_app(db_path, clock=clock)
    second = recording_app(link, clock)
    try:
        async with second.run_test() as pilot:
            await pilot.pause()
            assert "READ-ONLY" in second.title
            assert any("Opened read-only" in told for told in second.told), second.told
    finally:
        first.store.close()


# Migration 9: the published record's new columns ----------------------------------

NEW_COLUMN_CHANGES = [
    "UPDATE entries SET mover = 'Councillor Quill' WHERE kind = 'resolution'",
    "UPDATE entries SET seconder = 'Councillor Quill' WHERE kind = 'resolution'",
    "UPDATE entries SET joined = 1 WHERE kind = 'note'",
    "UPDATE entries SET joined = 1 WHERE kind = 'action'",
    "UPDATE entries SET mover = 'Councillor Quill' WHERE kind = 'action'",
    "UPDATE entries SET label = NULL WHERE kind = 'resolution'",
    "UPDATE agenda_items SET exempt_basis = 'Commercially sensitive' WHERE exempt = 1",
    "UPDATE declarations SET stated_kind = 'family'",
    "UPDATE declarations SET kind = NULL",
    "UPDATE attendance SET status = 'in attendance'",
    "UPDATE meetings SET date = NULL",
]


@pytest.mark.parametrize("sql", NEW_COLUMN_CHANGES)
def test_the_new_columns_of_approved_minutes_are_locked_like_their_text(raw, sql):
    with pytest.raises(sqlite3.IntegrityError, match="clerk-locked"):
        raw.execute(sql)


def test_changes_to_the_new_columns_while_reopened_are_audited(store, approved):
    store.meetings.reopen(approved.meeting.id, "The seconder was left out")
    resolution = store.entries.get(approved.entries[4].id)
    store.entries.update(resolution.model_copy(update={"seconder": "Councillor Vell"}))
    item = store.items.get(approved.items[1].id)
    store.items.update(item.model_copy(update={"exempt_basis": "Legal advice"}))
    changed = {(r.what, r.change): r for r in store.meetings.audit_log(approved.meeting.id)
               if r.event == "changed"}
    entry = changed["entries", "update"]
    assert entry.before["seconder"] is None and entry.after["seconder"] == "Councillor Vell"
    assert changed["agenda_items", "update"].after["exempt_basis"] == "Legal advice"


def _content_at_version_8(conn: sqlite3.Connection, meeting_id: str) -> str:
    """The fingerprint of a meeting's rows as clerk at schema version 8 made it."""
    from clerk_tui.store.migrations.m002_locks import ACTION_TRACKING, CHILD_COLUMNS, MEETING_CONTENT

    columns = {"meetings": MEETING_CONTENT, **CHILD_COLUMNS,
               "entries": tuple(c for c in CHILD_COLUMNS["entries"] if c not in ACTION_TRACKING)}
    where = {"meetings": "id = ?",
             "entries": "item_id IN (SELECT id FROM agenda_items WHERE meeting_id = ?)"}
    hashes = {}
    for table, names in columns.items():
        rows = conn.execute(f"SELECT {', '.join(names)} FROM {table} "
                            f"WHERE {where.get(table, 'meeting_id = ?')} ORDER BY id",
                            (meeting_id,)).fetchall()
        hashes[table] = sealing.sha256_text(sealing.canonical([list(r) for r in rows]))
    return sealing.canonical(hashes)


VERSION_8_RECORD = """
INSERT INTO committees (id, name) VALUES ('c1', 'Harbour Board');
INSERT INTO meetings (id, committee_id, date, start_time, venue) VALUES
    ('m1', 'c1', '2022-02-03', '18:30:00', 'Quay Room'),
    ('m2', 'c1', '2022-03-03', NULL, NULL);
INSERT INTO agenda_items (id, meeting_id, position, minute_number, title, exempt,
                          exempt_paragraph) VALUES
    ('i1', 'm1', 0, '1', 'Moorings', 0, NULL),
    ('i2', 'm1', 1, '2', 'Dredging contract', 1, 3),
    ('i3', 'm2', 0, '1', 'Slipway', 0, NULL);
INSERT INTO entries (id, item_id, position, kind, text, captured_at, asker, responder,
                     answers_id, owner, due, status, label, unanimous, votes_for, votes_against,
                     named_votes, outcome) VALUES
    ('e1', 'i1', 0, 'note', 'Two moorings were vacant.', '2022-02-03T18:40:00',
     NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
    ('e2', 'i1', 1, 'question', 'who pays for buoys', '2022-02-03T18:41:00',
     'Mr Tarn', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
    ('e3', 'i1', 2, 'response', 'the Board', '2022-02-03T18:42:00',
     NULL, 'Harbour Master', 'e2', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
    ('e4', 'i2', 0, 'action', 'Seek three quotes', '2022-02-03T18:50:00',
     NULL, NULL, NULL, 'Harbour Master', '2022-04-01', 'open', NULL, NULL, NULL, NULL, NULL,
     NULL),
    ('e5', 'i2', 1, 'resolution', 'That the contract be let.', '2022-02-03T18:55:00',
     NULL, NULL, NULL, NULL, NULL, NULL, 'AGREED', 0, 4, 1,
     '[{"member": "Mr Tarn", "vote": "for"}]', 'carried'),
    ('e6', 'i3', 0, 'note', 'The slipway is cracked.', '2022-03-03T19:00:00',
     NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL);
INSERT INTO attendance (id, meeting_id, position, person, role, status, substitute_for,
                        office, arrived_at) VALUES
    ('a1', 'm1', 0, 'Mr Tarn', 'member', 'present', NULL, 'Chair', NULL),
    ('a2', 'm1', 1, 'Ms Odell', 'member', 'substitute', 'Mr Brisk', NULL, '18:45:00'),
    ('a3', 'm1', 2, 'Mr Brisk', 'member', 'apologies', NULL, NULL, NULL);
INSERT INTO declarations (id, meeting_id, item_id, position, member, kind, text, withdrew)
VALUES ('d1', 'm1', 'i2', 0, 'Ms Odell', 'personal', 'Owns a boatyard', 1);
"""


def _uuid(name: str) -> str:
    """The id a short name in :data:`VERSION_8_RECORD` stands for."""
    return f"0000{ord(name[0]):04x}-0000-4000-8000-{int(name[1:]):012d}"


def _with_ids(sql: str) -> str:
    return re.sub(r"'([cmieda]\d)'", lambda found: f"'{_uuid(found.group(1))}'", sql)


def _every_row(conn: sqlite3.Connection) -> dict[str, list[tuple]]:
    tables = [name for (name,) in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '%fts%' "
        "AND name NOT LIKE 'sqlite_%' ORDER BY name")]
    found = {}
    for table in tables:
        cursor = conn.execute(f"SELECT rowid, * FROM {table} ORDER BY rowid")
        names = [column[0] for column in cursor.description]
        found[table] = [dict(zip(names, row)) for row in cursor.fetchall()]
    return found


def test_a_file_at_version_8_upgrades_with_every_row_kept(tmp_path):
    from clerk_tui.store.maintenance import check
    from clerk_tui.store.migrations import migrate
    from clerk_tui.store.record_check import check_record
    from clerk_tui.store.search import SearchFilters

    path = tmp_path / "harbour.db"
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA foreign_keys = ON")
    migrate(conn, target=8)
    conn.executescript(_with_ids(VERSION_8_RECORD))
    # Approved as clerk at version 8 approved: frozen first, with that version's fingerprint.
    meeting = _uuid("m1")
    document = sealing.canonical({"meeting_id": meeting, "approved_on": "2022-03-03",
                                  "documents": {}})
    conn.execute(
        "INSERT INTO frozen_minutes (meeting_id, frozen_at, after_audit, chain_length, "
        "chain_hash, document, sha256, content) VALUES (?, '2022-03-03T20:00:00', "
        "coalesce((SELECT max(rowid) FROM audit_log), 0), "
        "coalesce((SELECT max(seq) FROM audit_chain), 0), "
        "coalesce((SELECT hash FROM audit_chain ORDER BY seq DESC LIMIT 1), ''), ?, ?, ?)",
        (meeting, document, sealing.sha256_text(document),
         _content_at_version_8(conn, meeting)))
    conn.execute("UPDATE meetings SET status = 'approved', approved_on = '2022-03-03' "
                 "WHERE id = ?", (meeting,))
    before = _every_row(conn)
    conn.close()

    with Store.open(path) as store:
        assert check(store.database).ok
        assert check_record(store.database).ok, check_record(store.database)
        everything = SearchFilters(kinds=None)
        assert store.search.search("buoys", everything).hits[0].entry_id == _uuid("e2")
        assert store.search.search("contract let").hits[0].entry_id == _uuid("e5")
        snapshot = store.snapshot(meeting)
        assert [e.text for p in snapshot.items for e in p.entries][-1] == \
            "That the contract be let."
        assert snapshot.declarations[0].kind == m.DeclarationKind.PERSONAL
        with pytest.raises(MinutesLocked):
            store.entries.update(store.entries.get(_uuid("e5")).model_copy(update={"mover": "Mr Tarn"}))
    after = _every_row(sqlite3.connect(path))
    added = {"agenda_items": {"exempt_basis": None, "heading": None},
             "declarations": {"stated_kind": None},
             "entries": {"joined": 0, "mover": None, "seconder": None}}
    assert after.keys() == before.keys()
    for table, rows in before.items():
        assert [{**row, **added.get(table, {})} for row in rows] == after[table], table
