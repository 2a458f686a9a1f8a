"""Approved minutes are locked, frozen and tamper-evident: raw sqlite3 attacks on a
clerk file are refused by its triggers or found by ``clerk check``, exports come from
the minutes frozen at approval, and the fingerprint on the signed copy proves the rest."""

from __future__ import annotations

import datetime as dt
import hashlib
import sqlite3

import docx
import pytest
from click.testing import CliRunner

from clerk_tui import models as m
from clerk_tui.cli import main
from clerk_tui.minutes.compose import wording
from clerk_tui.store import Store, sealing
from clerk_tui.store.migrations import expected_triggers, migrate
from conftest import APPROVED_ON, add_sample

NAMED = "Planning, 2024-05-01"  # how clerk check names the approved meeting


@pytest.fixture
def draft(store, approved):
    """A second meeting, still a draft, whose rows an attacker can move about."""
    return add_sample(store, date=dt.date(2024, 9, 4))


def connect(db_path, functions: bool = True) -> sqlite3.Connection:
    """A stray sqlite3 session; with ``functions`` it has defined clerk's SQL functions
    (anyone can: they are SHA-256), so the triggers themselves are put to the test."""
    conn = sqlite3.connect(db_path, isolation_level=None)
    if functions:
        sealing.register(conn)
    return conn


@pytest.fixture
def raw(db_path, approved):
    conn = connect(db_path)
    yield conn
    conn.close()


@pytest.fixture
def run(db_path):
    def invoke(*args):
        return CliRunner().invoke(main, ["--db", str(db_path), *args])
    return invoke


def behind_clerks_back(conn: sqlite3.Connection, *statements: str) -> None:
    """Drop the lock and audit triggers, run ``statements``, and put the very same
    triggers back: what no trigger can stop, and ``clerk check`` must find. (The search
    index's triggers stay, so the index keeps up and only the record can give it away.)"""
    kept = [(name, sql) for name, sql in conn.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger'")
        if not name.startswith("search_") and name[-3:] not in ("_ai", "_ad", "_au")]
    conn.execute("BEGIN")
    for name, _ in kept:
        conn.execute(f"DROP TRIGGER {name}")
    for statement in statements:
        conn.execute(statement)
    for _, sql in kept:
        conn.execute(sql)
    conn.execute("COMMIT")


def check_fails(run, *expected: str) -> str:
    result = run("check")
    assert result.exit_code == 1, result.output
    for words in expected:
        assert words in result.output, result.output
    assert "Traceback" not in result.output and "All is well" not in result.output
    return result.output


def id_of(conn, table: str, meeting_id: str) -> str:
    if table == "meetings":
        return meeting_id
    if table == "entries":
        return conn.execute("SELECT e.id FROM entries e JOIN agenda_items i ON i.id = e.item_id "
                            "WHERE i.meeting_id = ? AND e.kind = 'resolution'",
                            (meeting_id,)).fetchone()[0]
    return conn.execute(f"SELECT id FROM {table} WHERE meeting_id = ? LIMIT 1",
                        (meeting_id,)).fetchone()[0]


TABLES = ("meetings", "agenda_items", "attendance", "declarations", "entries")


# Refused by the database -----------------------------------------------------------

def test_a_plain_session_cannot_write_the_minutes_at_all(db_path, store, approved, draft):
    plain = connect(db_path, functions=False)
    for sql in ("UPDATE entries SET text = 'rewritten'",
                f"UPDATE meetings SET venue = 'x' WHERE id = '{draft.meeting.id}'",
                "DELETE FROM attendance", "INSERT INTO frozen_minutes SELECT * FROM frozen_minutes"):
        with pytest.raises(sqlite3.OperationalError, match="no such function"):
            plain.execute(sql)
    plain.close()


@pytest.mark.parametrize("recursive", ["ON", "OFF"])
@pytest.mark.parametrize("table", TABLES)
def test_update_or_replace_cannot_take_an_approved_rows_id(raw, store, approved, draft, table,
                                                          recursive):
    raw.execute(f"PRAGMA recursive_triggers = {recursive}")
    before = store.snapshot(approved.meeting.id)
    theirs, ours = id_of(raw, table, approved.meeting.id), id_of(raw, table, draft.meeting.id)
    with pytest.raises(sqlite3.IntegrityError, match="clerk-"):
        raw.execute(f"UPDATE OR REPLACE {table} SET id = ? WHERE id = ?", (theirs, ours))
    rowid = raw.execute(f"SELECT rowid FROM {table} WHERE id = ?", (theirs,)).fetchone()[0]
    with pytest.raises(sqlite3.IntegrityError, match="clerk-"):
        raw.execute(f"UPDATE OR REPLACE {table} SET rowid = ? WHERE id = ?", (rowid, ours))
    assert store.snapshot(approved.meeting.id) == before


@pytest.mark.parametrize("recursive", ["ON", "OFF"])
def test_insert_or_replace_cannot_take_an_approved_rows_rowid(raw, store, approved, draft,
                                                              recursive):
    raw.execute(f"PRAGMA recursive_triggers = {recursive}")
    before = store.snapshot(approved.meeting.id)
    resolution = id_of(raw, "entries", approved.meeting.id)
    with pytest.raises(sqlite3.IntegrityError, match="clerk-"):
        raw.execute("INSERT OR REPLACE INTO entries (rowid, id, item_id, position, kind, text, "
                    "captured_at) SELECT rowid, 'f0f0f0f0-0000-4000-8000-000000000001', ?, 0, "
                    "'note', 'gone', captured_at FROM entries WHERE id = ?",
                    (draft.items[0].id, resolution))
    assert store.snapshot(approved.meeting.id) == before


@pytest.mark.parametrize("sql", [
    "INSERT INTO entries (id, item_id, position, kind, text, captured_at) VALUES "
    "('f0f0f0f0-0000-4000-8000-000000000002', :item, 9, 'resolution', 'That all be sold.', "
    "'2024-05-01T19:00:00')",
    "INSERT INTO agenda_items (id, meeting_id, position, title, exempt) VALUES "
    "('f0f0f0f0-0000-4000-8000-000000000003', :meeting, 9, 'Late item', 0)",
    "INSERT INTO attendance (id, meeting_id, position, person, role, status) VALUES "
    "('f0f0f0f0-0000-4000-8000-000000000004', :meeting, 9, 'A Stranger', 'member', 'present')",
    "INSERT INTO declarations (id, meeting_id, position, member, kind) VALUES "
    "('f0f0f0f0-0000-4000-8000-000000000005', :meeting, 9, 'A Stranger', 'personal')",
])
def test_nothing_can_be_inserted_into_an_approved_meeting(raw, approved, sql):
    with pytest.raises(sqlite3.IntegrityError, match="clerk-"):
        raw.execute(sql, {"item": approved.items[1].id, "meeting": approved.meeting.id})


def test_exports_take_only_clerks_own_rows(db_path, raw, store, approved, run, tmp_path):
    store.close()
    assert run("export", approved.meeting.id, "-o", str(tmp_path)).exit_code == 0
    frozen = raw.execute("SELECT sha256 FROM frozen_minutes").fetchone()[0]
    forged = (f"INSERT INTO exports (sha256, meeting_id, version, path, exported_at, "
              f"frozen_sha256) VALUES ('{'0' * 64}', '{approved.meeting.id}', 'public', 'x', "
              f"'2024', '{frozen}')")
    with pytest.raises(sqlite3.OperationalError, match="no such function"):
        connect(db_path, functions=False).execute(forged)
    for sql in (
        forged.replace(frozen, "0" * 64),
        "INSERT OR REPLACE INTO exports (sha256, meeting_id, version, path, exported_at, "
        "frozen_sha256) SELECT sha256, meeting_id, version, 'x', exported_at, frozen_sha256 "
        "FROM exports",
        f"UPDATE exports SET sha256 = '{'0' * 64}'",
        "UPDATE OR REPLACE exports SET path = 'elsewhere'",
        "UPDATE exports SET superseded_at = '2024-07-01'",
        "DELETE FROM exports",
    ):
        with pytest.raises(sqlite3.IntegrityError, match="clerk-export"):
            raw.execute(sql)


def test_frozen_minutes_and_the_audit_chain_are_append_only(raw, approved):
    for sql in ("UPDATE frozen_minutes SET document = '{}'", "DELETE FROM frozen_minutes",
                "INSERT INTO frozen_minutes (meeting_id, frozen_at, after_audit, document, "
                "sha256, content) SELECT meeting_id, frozen_at, after_audit, document, sha256, "
                "content FROM frozen_minutes",
                "UPDATE audit_chain SET hash = 'x'", "DELETE FROM audit_chain",
                "INSERT INTO audit_chain (audit_id, prev, hash) SELECT audit_id, prev, hash "
                "FROM audit_chain", "REPLACE INTO audit_log (rowid, id, meeting_id, at, event) "
                "SELECT rowid, 'f0f0f0f0-0000-4000-8000-000000000006', meeting_id, at, event "
                "FROM audit_log"):
        with pytest.raises(sqlite3.IntegrityError, match="clerk-"):
            raw.execute(sql)


def test_minutes_cannot_be_approved_without_freezing_them(raw, draft):
    with pytest.raises(sqlite3.IntegrityError, match="frozen as they are approved"):
        raw.execute("UPDATE meetings SET status = 'approved', approved_on = '2024-10-01' "
                    "WHERE id = ?", (draft.meeting.id,))


# Found by clerk check -----------------------------------------------------------------

def test_a_new_file_and_clerks_own_work_pass_the_check(store, approved, draft, run):
    store.meetings.reopen(approved.meeting.id, "A typing error")
    store.entries.add(m.Note(item_id=approved.items[0].id, text="Added", captured_at=store.now()))
    store.meetings.approve(approved.meeting.id, dt.date(2024, 7, 1))
    store.close()
    result = run("check")
    assert result.exit_code == 0, result.output
    assert "Lock triggers:   ok" in result.output and "Audit chain:     ok (4 entries)" \
        in result.output


@pytest.mark.parametrize("trigger", ["entries_locked_update", "exports_only_clerk",
                                     "audit_log_chained", "entries_keeps_id"])
def test_a_dropped_trigger_is_found(raw, store, approved, run, trigger):
    store.close()
    raw.execute(f"DROP TRIGGER {trigger}")
    check_fails(run, f"the lock trigger {trigger} is missing")


def test_a_trigger_made_again_differently_or_added_is_found(raw, store, approved, run):
    store.close()
    (sql,) = raw.execute("SELECT sql FROM sqlite_master WHERE name = 'entries_locked_delete'"
                         ).fetchone()
    raw.execute("DROP TRIGGER entries_locked_delete")
    raw.execute(sql.replace("WHEN ", "WHEN 0 AND "))
    raw.execute("CREATE TRIGGER helpful AFTER INSERT ON committees BEGIN SELECT 1; END")
    check_fails(run, "entries_locked_delete is not as clerk made it",
                "the trigger helpful is not one of clerk's")


@pytest.mark.parametrize("statement, differs", [
    ("UPDATE entries SET text = 'That the lease be sold.' WHERE kind = 'resolution'",
     "its entries"),
    ("UPDATE OR REPLACE agenda_items SET title = 'Something else' WHERE exempt = 1",
     "its agenda items"),
    ("DELETE FROM attendance", "its attendance"),
    ("UPDATE meetings SET venue = 'A pub'", "the meeting's details"),
    ("UPDATE meetings SET approved_on = '2020-01-01'", "the date of approval"),
    # The columns of migration 9 are covered like the text they stand beside.
    ("UPDATE entries SET mover = 'Councillor Quill' WHERE kind = 'resolution'", "its entries"),
    ("UPDATE entries SET joined = 1 WHERE kind = 'action'", "its entries"),
    ("UPDATE entries SET label = NULL WHERE kind = 'resolution'", "its entries"),
    ("UPDATE agenda_items SET exempt_basis = 'Legal advice' WHERE exempt = 1",
     "its agenda items"),
    ("UPDATE declarations SET stated_kind = 'family'", "its declarations"),
    ("UPDATE attendance SET status = 'in attendance'", "its attendance"),
    ("UPDATE meetings SET date = NULL", "Planning, date not known: the meeting's details"),
])
def test_a_change_behind_the_triggers_back_is_found_naming_the_meeting(
        db_path, store, approved, run, statement, differs):
    store.close()
    conn = connect(db_path, functions=False)
    behind_clerks_back(conn, statement)
    assert set(expected_triggers()) <= {name for (name,) in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'trigger'")}
    named = differs if differs.startswith("Planning") else f"{NAMED}: {differs}"
    check_fails(run, named, "differ from the minutes as approved")


def test_a_changed_audit_log_breaks_the_chain(db_path, store, approved, run):
    store.meetings.reopen(approved.meeting.id, "Vote count was wrong")
    store.meetings.approve(approved.meeting.id, dt.date(2024, 7, 1))
    store.close()
    conn = connect(db_path, functions=False)
    behind_clerks_back(conn, "UPDATE audit_log SET reason = 'Routine' WHERE event = 'reopened'")
    check_fails(run, f"{NAMED}: the audit log entry of", "does not match the audit chain")


def test_an_audit_row_added_or_removed_behind_clerks_back_is_found(db_path, store, approved,
                                                                    run):
    store.close()
    conn = connect(db_path, functions=False)
    behind_clerks_back(conn, "INSERT INTO audit_log (id, meeting_id, at, event, reason) SELECT "
                             "'f0f0f0f0-0000-4000-8000-000000000007', id, '2024-06-06T10:00:00',"
                             " 'reopened', 'Nothing' FROM meetings")
    check_fails(run, f"{NAMED}: the audit log entry of 2024-06-06T10:00:00 (reopened) was added")
    behind_clerks_back(conn, "DELETE FROM audit_log")
    check_fails(run, "entry(ies) were removed outside clerk")


def test_frozen_minutes_changed_behind_clerks_back_are_found(db_path, store, approved, run,
                                                             tmp_path):
    store.close()
    conn = connect(db_path, functions=False)
    behind_clerks_back(conn, "UPDATE frozen_minutes SET document = replace(document, "
                             "'That the lease be renewed', 'That the lease be sold')")
    check_fails(run, f"{NAMED}: a frozen copy of the approved minutes (number 1) does not "
                     "match its SHA-256")
    refused = run("export", approved.meeting.id, "-o", str(tmp_path))
    assert refused.exit_code == 1 and "does not match its fingerprint" in refused.output
    assert not list(tmp_path.glob("*.docx"))


# Frozen at approval -------------------------------------------------------------------

def body(path) -> list[str]:
    document = docx.Document(str(path))
    return [p.text for p in document.paragraphs] + [
        c.text for t in document.tables for r in t.rows for c in r.cells]


def test_renaming_the_committee_or_the_organisation_never_changes_approved_minutes(
        db_path, store, approved, run, tmp_path):
    store.settings.set("organisation", "Borough of Eastleigh Vale")
    store.meetings.reopen(approved.meeting.id, "To approve with the organisation named")
    store.meetings.approve(approved.meeting.id, APPROVED_ON)
    committee = store.committees.get(approved.committee.id)
    store.close()
    first = {fmt: run("export", approved.meeting.id, "--confidential", "--format", fmt, "-o",
                      str(tmp_path / "before")).output.strip() for fmt in ("md", "docx")}
    with Store.open(db_path) as again:
        again.committees.update(committee.model_copy(update={"name": "Planning and Housing"}))
        again.settings.set("organisation", "Eastleigh Vale Unitary Authority")
    after = {fmt: run("export", approved.meeting.id, "--confidential", "--format", fmt, "-o",
                      str(tmp_path / "after")).output.strip() for fmt in ("md", "docx")}
    md_before = (tmp_path / "before").joinpath(first["md"].split("/")[-1]).read_bytes()
    assert md_before == open(after["md"], "rb").read()
    assert body(first["docx"]) == body(after["docx"])
    assert "BOROUGH OF EASTLEIGH VALE" in body(after["docx"]) and "Planning" in body(after["docx"])
    assert run("verify", after["docx"]).exit_code == 0


def test_every_export_of_approved_minutes_comes_from_the_frozen_copy(store, approved, run,
                                                                     tmp_path):
    frozen = store.approvals.frozen(approved.meeting.id)
    line = wording.fingerprint_line(frozen.sha256)
    store.close()
    for options in ((), ("--confidential",), ("--item", "2"), ("--item", "2", "--confidential")):
        for fmt in ("docx", "md"):
            result = run("export", approved.meeting.id, *options, "--format", fmt, "-o",
                         str(tmp_path / "-".join(options + (fmt,))))
            assert result.exit_code == 0, result.output
            path = result.output.strip().splitlines()[-1]
            if fmt == "md":
                assert open(path, encoding="utf-8").read().rstrip().endswith(f"_{line}_")
            else:
                footer = [p.text for p in docx.Document(path).sections[0].footer.paragraphs]
                assert footer[-1] == line
            assert run("verify", path).exit_code == 0
    public = body(tmp_path / "docx" / "planning-2024-05-01-minutes-public.docx")
    assert "That the lease be renewed." not in " ".join(public)  # exempt, even frozen


def test_the_fingerprint_on_the_signed_copy_is_compared(store, approved, run, tmp_path):
    store.close()
    path = run("export", approved.meeting.id, "-o", str(tmp_path)).output.strip()
    printed = docx.Document(path).sections[0].footer.paragraphs[-1].text.split("fingerprint ")[1]
    groups = printed.split(" ")
    assert len(groups) == 5 and all(len(group) == 4 for group in groups)  # 80 bits
    good = run("verify", "--fingerprint", printed)
    assert good.exit_code == 0 and NAMED in good.output and "agree" in good.output
    assert run("verify", "--fingerprint", printed.upper().replace(" ", "-")).exit_code == 0
    assert run("verify", "--fingerprint", printed.replace(" ", "")).exit_code == 0
    wrong = run("verify", "--fingerprint", "0123 4567 89ab cdef 0123")
    assert wrong.exit_code == 1 and "not the minutes that were signed" in wrong.output
    for short in ("12ab", printed[:-5], printed[:14]):  # all 20 digits, as printed
        refused = run("verify", "--fingerprint", short)
        assert refused.exit_code == 2 and "20 hex digits" in refused.output
    assert run("verify").exit_code == 2


def reseal_chain(conn, old: str, new: str) -> list[str]:
    """Statements that seal the audit chain again, as it would be with ``old`` replaced
    by ``new`` in every audit row: what a forger who knows how clerk seals would do."""
    columns = ", ".join(sealing.AUDIT_COLUMNS)
    statements, prev = ["DELETE FROM audit_chain"], sealing.GENESIS
    for seq, row in enumerate(conn.execute(f"SELECT {columns} FROM audit_log ORDER BY rowid"),
                              start=1):
        values = [v.replace(old, new) if isinstance(v, str) else v for v in row]
        sealed = sealing.seal(prev, *values)
        statements.append(f"INSERT INTO audit_chain (seq, audit_id, prev, hash) VALUES "
                          f"({seq}, '{values[0]}', '{prev}', '{sealed}')")
        prev = sealed
    return statements


def test_rewritten_frozen_minutes_with_a_new_hash_fail_the_signed_fingerprint(
        db_path, store, approved, run, tmp_path):
    """Deliberate tampering that recomputes every hash is not caught by check, but the
    fingerprint on the paper copy proves it."""
    printed = wording.fingerprint(store.approvals.frozen(approved.meeting.id).sha256)
    store.close()
    conn = connect(db_path)
    (document,) = conn.execute("SELECT document FROM frozen_minutes").fetchone()
    forged = document.replace("That the lease be renewed", "That the lease be sold")
    assert forged != document
    old, new = sealing.sha256_text(document), sealing.sha256_text(forged)
    behind_clerks_back(conn, f"UPDATE frozen_minutes SET document = '{forged}', sha256 = '{new}'",
                       f"UPDATE audit_log SET after = replace(after, '{old}', '{new}')",
                       *reseal_chain(conn, old, new))
    assert run("check").exit_code == 0  # consistent with itself ...
    signed = run("verify", "--fingerprint", printed)
    assert signed.exit_code == 1 and "not the minutes that were signed" in signed.output


def test_a_forged_export_row_cannot_vouch_for_an_altered_file(db_path, store, approved, run,
                                                              tmp_path):
    store.close()
    path = run("export", approved.meeting.id, "-o", str(tmp_path)).output.strip()
    altered = tmp_path / "altered.docx"
    document = docx.Document(path)
    next(p for p in document.paragraphs if "Council Chamber" in p.text).runs[0].text = "A pub"
    document.save(str(altered))
    digest = hashlib.sha256(altered.read_bytes()).hexdigest()
    conn = connect(db_path, functions=False)
    behind_clerks_back(conn, "INSERT INTO exports (sha256, meeting_id, version, path, "
                             f"exported_at, frozen_sha256) SELECT '{digest}', meeting_id, "
                             "version, path, exported_at, frozen_sha256 FROM exports")
    verdict = run("verify", str(altered))
    assert verdict.exit_code == 1 and "it has been altered, or the record was forged" \
        in verdict.output
    assert run("verify", path).exit_code == 0


def test_reopening_supersedes_the_frozen_copy_and_approving_freezes_anew(store, approved, run,
                                                                        tmp_path):
    first = store.approvals.frozen(approved.meeting.id)
    store.meetings.reopen(approved.meeting.id, "Wrong venue")
    meeting = store.meetings.get(approved.meeting.id)
    store.meetings.update(meeting.model_copy(update={"venue": "Room 4"}))
    store.meetings.approve(approved.meeting.id, dt.date(2024, 7, 1))
    second = store.approvals.frozen(approved.meeting.id)
    log = store.meetings.audit_log(approved.meeting.id)
    store.close()
    assert second.seq != first.seq and second.sha256 != first.sha256
    reopened = next(r for r in log if r.event == "reopened")
    assert reopened.after["superseded_frozen_sha256"] == first.sha256
    assert [r.after["frozen_sha256"] for r in log if r.event == "approved"] == [
        first.sha256, second.sha256]
    old = run("verify", "--fingerprint", wording.fingerprint(first.sha256))
    assert old.exit_code == 1 and "since reopened" in old.output \
        and wording.fingerprint(second.sha256) in old.output
    assert run("verify", "--fingerprint", wording.fingerprint(second.sha256)).exit_code == 0
    path = run("export", approved.meeting.id, "--format", "md", "-o", str(tmp_path)).output
    assert "Room 4" in open(path.strip(), encoding="utf-8").read()


def test_approval_after_corrections_and_imports_freeze_too(store, sample, run):
    later = store.new_meeting("Planning", dt.date(2024, 6, 5), agenda=[
        {"minute_number": "1", "title": "Minutes of the previous meeting", "exempt": False}])
    item = store.items.list(later.id)[0]
    store.approvals.approve_previous(later.id, item.id, "That the minutes be approved.",
                                     reopen_for="Corrections agreed: the venue")
    assert store.meetings.get(sample.meeting.id).status == "reopened"
    assert store.approvals.frozen(sample.meeting.id) is not None  # frozen, then superseded
    store.meetings.approve(sample.meeting.id, dt.date(2024, 6, 5))
    rows = store.database.query("SELECT seq FROM frozen_minutes WHERE meeting_id = ?",
                                (sample.meeting.id,))
    assert len(rows) == 2
    imported, _ = store.imports.add(m.ImportedMinutes(
        committee="Licensing", date=dt.date(2023, 2, 1), items=[m.AgendaItemSnapshot(
            item=m.AgendaItem(meeting_id=later.id, minute_number="1", title="Apologies",
                              exempt=False))]), "old.txt", "a" * 64)
    assert imported.status == "approved" and store.approvals.frozen(imported.id).intact
    store.close()
    checked = run("check")  # clerk's own ways of approving agree with the audit log
    assert checked.exit_code == 0 and "ok (2 meeting(s)" in checked.output, checked.output


def test_drafts_export_as_before(store, sample, run, tmp_path):
    store.close()
    path = run("export", sample.meeting.id, "-o", str(tmp_path)).output.strip()
    footer = [p.text for p in docx.Document(path).sections[0].footer.paragraphs]
    assert footer[0].startswith("Page ") and not any("fingerprint" in f for f in footer)
    assert docx.Document(path).sections[0].header.paragraphs[0].text.startswith("DRAFT")


def test_minutes_approved_before_freezing_are_frozen_when_first_opened(tmp_path):
    path = tmp_path / "clerk.db"
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    migrate(conn, target=7)
    conn.executescript("""
        INSERT INTO committees (id, name) VALUES ('c0c0c0c0-0000-4000-8000-000000000001', 'Cabinet');
        INSERT INTO meetings (id, committee_id, date) VALUES
            ('c0c0c0c0-0000-4000-8000-000000000002', 'c0c0c0c0-0000-4000-8000-000000000001',
             '2023-03-01');
        INSERT INTO agenda_items (id, meeting_id, position, minute_number, title, exempt) VALUES
            ('c0c0c0c0-0000-4000-8000-000000000003', 'c0c0c0c0-0000-4000-8000-000000000002', 0,
             '1', 'Budget', 0);
        UPDATE meetings SET status = 'approved', approved_on = '2023-04-01';
        UPDATE meetings SET status = 'reopened', reopen_reason = 'A typo';
        UPDATE agenda_items SET title = 'Budget 2023/24';
        UPDATE meetings SET status = 'approved';
    """)
    conn.close()
    invoke = CliRunner().invoke
    checked = invoke(main, ["--db", str(path), "check"])  # the first opening freezes them
    assert checked.exit_code == 0, checked.output
    assert "Audit chain:     ok (4 entries)" in checked.output
    assert "Approved:        ok (1 meeting(s)" in checked.output
    assert "not frozen yet" not in checked.output
    raw = connect(path, functions=False)
    assert raw.execute("SELECT count(*) FROM frozen_minutes").fetchone()[0] == 1
    exported = invoke(main, ["--db", str(path), "export", "c0c0c0c0", "-o", str(tmp_path)])
    assert exported.exit_code == 0, exported.output
    written = exported.output.strip().splitlines()[-1]
    assert invoke(main, ["--db", str(path), "verify", written]).exit_code == 0
    # From then on a change behind clerk's back is found, as for any approved minutes.
    behind_clerks_back(raw, "UPDATE agenda_items SET title = 'Budget cut'")
    changed = invoke(main, ["--db", str(path), "check"])
    assert changed.exit_code == 1 and "Cabinet, 2023-03-01: its agenda items differ" \
        in changed.output
    raw.close()


# Holes a reviewer found -----------------------------------------------------------

def forge_export_row(db_path, altered) -> None:
    """What the reviewer did: a row for the altered file slipped into ``exports`` from
    a session that has clerk's functions (the triggers allow it: it names the frozen
    minutes as they stand)."""
    digest = hashlib.sha256(altered.read_bytes()).hexdigest()
    conn = connect(db_path)
    conn.execute("INSERT INTO exports (sha256, meeting_id, item_id, version, path, exported_at, "
                 f"frozen_sha256) SELECT '{digest}', meeting_id, item_id, version, path, "
                 "exported_at, frozen_sha256 FROM exports LIMIT 1")
    conn.close()


def _header(document):
    document.sections[0].header.paragraphs[0].text = "THESE MINUTES WERE NEVER APPROVED"


def _hidden(document):
    for run in next(p for p in document.paragraphs if "Council Chamber" in p.text).runs:
        run.font.hidden = True


def _struck(document):
    for paragraph in document.paragraphs:
        for run in paragraph.runs:
            run.font.strike = True


def _footer_note(document):
    document.sections[0].footer.add_paragraph("Not the minutes agreed")


def _text_box(document):
    """A text box (w:txbxContent) laid over the page, saying something else."""
    from docx.oxml import parse_xml

    box = parse_xml(
        '<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
        'xmlns:v="urn:schemas-microsoft-com:vml"><w:pict><v:shape style="width:300pt;'
        'height:40pt"><v:textbox><w:txbxContent><w:p><w:r><w:t>WITHDRAWN</w:t></w:r></w:p>'
        '</w:txbxContent></v:textbox></v:shape></w:pict></w:r>')
    document.paragraphs[0]._p.append(box)


@pytest.mark.parametrize("alter", [_header, _hidden, _struck, _footer_note, _text_box])
def test_a_forged_export_row_cannot_vouch_for_a_file_altered_beyond_its_text(
        db_path, store, approved, run, tmp_path, alter):
    store.close()
    path = run("export", approved.meeting.id, "-o", str(tmp_path)).output.strip()
    altered = tmp_path / "altered.docx"
    document = docx.Document(path)
    alter(document)
    document.save(str(altered))
    forge_export_row(db_path, altered)
    verdict = run("verify", str(altered))
    assert verdict.exit_code == 1 and "it has been altered, or the record was forged" \
        in verdict.output, verdict.output
    assert run("verify", path).exit_code == 0


def test_a_templated_export_verifies_with_its_template_only(db_path, store, approved, run,
                                                            tmp_path):
    store.close()
    house, other = tmp_path / "house.docx", tmp_path / "other.docx"
    for template, words in ((house, "OFFICIAL"), (other, "OFFICIAL-SENSITIVE")):
        word = docx.Document()
        word.sections[0].header.paragraphs[0].text = words
        word.save(str(template))
    result = run("export", approved.meeting.id, "--template", str(house), "-o",
                 str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    path = result.output.strip().splitlines()[-1]
    good = run("verify", path, "--template", str(house))
    assert good.exit_code == 0 and "untouched" in good.output, good.output
    unnamed = run("verify", path)
    assert unnamed.exit_code == 1 and "--template" in unnamed.output
    wrong = run("verify", path, "--template", str(other))
    assert wrong.exit_code == 1 and "not the template" in wrong.output
    altered = tmp_path / "altered.docx"
    document = docx.Document(path)
    _header(document)
    document.save(str(altered))
    digest = hashlib.sha256(altered.read_bytes()).hexdigest()
    conn = connect(db_path)
    conn.execute("INSERT INTO exports (sha256, meeting_id, item_id, version, path, exported_at, "
                 f"frozen_sha256, template_sha256) SELECT '{digest}', meeting_id, item_id, "
                 "version, path, exported_at, frozen_sha256, template_sha256 FROM exports")
    conn.close()
    forged = run("verify", str(altered), "--template", str(house))
    assert forged.exit_code == 1 and "altered, or the record was forged" in forged.output


def _reopened_and_reapproved(db_path, store, approved):
    """Approve (the fixture), reopen, rewrite the resolution, approve again."""
    store.meetings.reopen(approved.meeting.id, "The resolution was misheard")
    conn = connect(db_path)
    conn.execute("UPDATE entries SET text = 'That the lease be sold.' WHERE kind = 'resolution'")
    conn.close()
    store.meetings.approve(approved.meeting.id, dt.date(2024, 7, 1))
    store.close()


@pytest.mark.parametrize("kept", [1, 2, 3])
def test_erasing_a_reopening_from_the_audit_log_is_found(db_path, store, approved, run, kept):
    _reopened_and_reapproved(db_path, store, approved)
    assert run("check").exit_code == 0
    conn = connect(db_path, functions=False)
    behind_clerks_back(conn, f"DELETE FROM audit_log WHERE rowid > {kept}",
                       f"DELETE FROM audit_chain WHERE seq > {kept}")
    assert conn.execute("SELECT count(*) FROM audit_chain").fetchone()[0] == kept
    check_fails(run, f"{NAMED}: ", "entries were removed outside clerk")


def test_un_approving_behind_clerks_back_is_found(db_path, store, approved, run):
    store.close()
    conn = connect(db_path, functions=False)
    behind_clerks_back(conn, "UPDATE meetings SET status = 'reopened', reopen_reason = 'x'",
                       "UPDATE entries SET text = 'That the lease be sold.' "
                       "WHERE kind = 'resolution'")
    check_fails(run, f"{NAMED}: no longer approved, but the audit log does not record that "
                     "they were reopened")


def test_reapproving_behind_clerks_back_after_a_reopening_is_found(db_path, store, approved,
                                                                   run):
    store.meetings.reopen(approved.meeting.id, "A typo")
    store.close()
    conn = connect(db_path, functions=False)
    behind_clerks_back(conn, "UPDATE entries SET text = 'That the lease be sold.' "
                             "WHERE kind = 'resolution'",
                       "UPDATE meetings SET status = 'approved', reopen_reason = NULL")
    check_fails(run, f"{NAMED}: approved, but the audit log's last approval or reopening is "
                     "not the approval")


def clerk(db_path, *args, timeout: float = 120):
    import subprocess
    import sys

    return subprocess.run([sys.executable, "-m", "clerk_tui", "--db", str(db_path), *args],
                          capture_output=True, text=True, timeout=timeout)


def test_verify_reads_only_ordinary_files_within_the_importers_limits(db_path, store, approved,
                                                                      tmp_path):
    import os
    import zipfile

    store.close()
    fifo = tmp_path / "minutes.docx"
    os.mkfifo(fifo)
    zero = tmp_path / "zero.docx"
    zero.symlink_to("/dev/zero")
    noise = tmp_path / "noise.docx"
    noise.write_bytes(os.urandom(200_000))
    bomb = tmp_path / "bomb.docx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", b"\0" * (120 * 1024 * 1024))
    for path, says in ((fifo, "not an ordinary file"), (zero, "not an ordinary file"),
                       (noise, "not a Word document"), (bomb, "implausible size")):
        result = clerk(db_path, "verify", str(path))  # a hang fails by its timeout
        assert result.returncode == 1, (path, result.stderr)
        assert says in result.stderr and "Traceback" not in result.stderr, result.stderr


def test_check_recomputes_with_the_migrations_own_column_lists():
    from clerk_tui.store.migrations import (
        m002_locks,
        m008_frozen_minutes,
        m009_published_record,
        m012_printed_headings,
    )

    assert sealing.AUDIT_COLUMNS is m008_frozen_minutes.AUDIT_COLUMNS
    assert sealing.CONTENT_COLUMNS["meetings"] is m002_locks.MEETING_CONTENT
    assert set(sealing.CONTENT_COLUMNS) == {"meetings", *m002_locks.CHILD_COLUMNS}
    later, added = m009_published_record.LATER_CONTENT, m012_printed_headings.ADDED_CONTENT
    assert sealing.LATER_COLUMNS == {table: later.get(table, ()) + added.get(table, ())
                                     for table in {*later, *added}}


def test_a_later_column_set_back_to_what_it_was_matches_again(db_path, store, approved, run):
    """A value in a column of migration 9 is fingerprinted; one set back is as before."""
    conn = connect(db_path, functions=False)
    store.close()
    behind_clerks_back(conn, "UPDATE entries SET seconder = 'Councillor Quill'")
    check_fails(run, f"{NAMED}: its entries differ")
    behind_clerks_back(conn, "UPDATE entries SET seconder = NULL")
    conn.close()
    assert run("check").exit_code == 0
