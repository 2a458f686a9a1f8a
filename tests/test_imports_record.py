"""The record of imported minutes (``imports``) only grows, and only clerk adds to it:
a raw sqlite3 session cannot delete or rewrite it, a change behind the triggers' back is
found by ``clerk check``, and clerk's own imports, re-imports, replacements and
corrections still work. Every minute here is invented."""

from __future__ import annotations

import sqlite3

import pytest
from click.testing import CliRunner

from clerk_tui.cli import main
from clerk_tui.store import Store, sealing
from clerk_tui.store import store as store_module
from clerk_tui.store.migrations import SCHEMA_VERSION, expected_triggers, migrate, schema_version
from test_tamper import behind_clerks_back, connect

MINUTES = """\
Brackenfold Water Users Committee
Minutes of the meeting held on 3 February 2025 at 7.00 pm
Present: Ms R Pennyworth (Chair), Mr D Okonkwo
1. SLUICE GATES
RESOLVED: That the sluice gates be oiled in spring.
2. FOOTBRIDGE
RESOLVED: That the footbridge be repainted.
"""
CHANGED = MINUTES.replace("be repainted", "be rebuilt in oak")
FIRST_PAGE = MINUTES.split("2. FOOTBRIDGE")[0]
SECOND_PAGE = MINUTES.split("1. SLUICE")[0] + "2. FOOTBRIDGE" + MINUTES.split("2. FOOTBRIDGE")[1]
IMPORTED = "Brackenfold Water Users Committee, 2025-02-03"
TYPED = "Planning, 2024-05-01"  # conftest's sample, approved in clerk
REFUSED = "the record of imported minutes cannot be changed"
STRANGER = "f0f0f0f0-0000-4000-8000-00000000abcd"
COLUMNS = "sha256, text_sha256, part, minutes_sha256, path, meeting_id, imported_at"


def clerk(db_path, *args: str):
    return CliRunner().invoke(main, ["--db", str(db_path), *args])


def write(folder, name: str, text: str):
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def imported_id(conn) -> str:
    return conn.execute("SELECT meeting_id FROM imports ORDER BY rowid LIMIT 1").fetchone()[0]


def check_fails(db_path, *expected: str) -> str:
    result = clerk(db_path, "check")
    assert result.exit_code == 1, result.output
    for words in expected:
        assert words in result.output, result.output
    assert "Traceback" not in result.output
    return result.output


@pytest.fixture
def filed(db_path, store, approved, tmp_path):
    """A file with a meeting typed in clerk and approved, and a meeting imported."""
    store.close()
    result = clerk(db_path, "import", write(tmp_path, "brackenfold.txt", MINUTES))
    assert result.exit_code == 0, result.output
    return approved


@pytest.fixture
def raw(db_path, filed):
    conn = connect(db_path)
    yield conn
    conn.close()


# Refused by the database -----------------------------------------------------------

def test_a_plain_session_cannot_touch_the_record_of_imports(db_path, filed):
    plain = connect(db_path, functions=False)
    for sql in ("UPDATE imports SET replaced_at = '2025-03-01'",
                f"INSERT INTO imports ({COLUMNS}) SELECT {COLUMNS} FROM imports"):
        with pytest.raises(sqlite3.OperationalError, match="no such function"):
            plain.execute(sql)
    with pytest.raises(sqlite3.IntegrityError, match=REFUSED):
        plain.execute("DELETE FROM imports")
    assert plain.execute("SELECT count(*) FROM imports").fetchone()[0] == 1
    plain.close()


@pytest.mark.parametrize("sql", [
    "DELETE FROM imports",
    "UPDATE imports SET meeting_id = :typed",
    "UPDATE imports SET path = 'elsewhere.txt'",
    "UPDATE imports SET text_sha256 = sha256",
    "UPDATE imports SET replaced_at = '2025-03-01'",  # approved: not being replaced
    "UPDATE OR REPLACE imports SET rowid = 99",
    (f"INSERT OR REPLACE INTO imports (rowid, {COLUMNS}) SELECT rowid, sha256, text_sha256, "
     "part, minutes_sha256, 'elsewhere.txt', meeting_id, imported_at FROM imports"),
    f"INSERT INTO imports ({COLUMNS}, replaced_at) SELECT {COLUMNS}, '2025-03-01' FROM imports",
    # minutes typed in clerk and approved never become "imported"
    (f"INSERT INTO imports ({COLUMNS}) SELECT sha256, text_sha256, part, minutes_sha256, "
     "path, :typed, imported_at FROM imports"),
    (f"INSERT INTO imports ({COLUMNS}) SELECT sha256, text_sha256, part, minutes_sha256, "
     f"path, '{STRANGER}', imported_at FROM imports"),
])
@pytest.mark.parametrize("recursive", ["ON", "OFF"])
def test_the_record_of_imports_cannot_be_rewritten(raw, filed, sql, recursive):
    raw.execute(f"PRAGMA recursive_triggers = {recursive}")
    before = raw.execute("SELECT rowid, * FROM imports").fetchall()
    with pytest.raises(sqlite3.IntegrityError, match=REFUSED):
        raw.execute(sql, {"typed": filed.meeting.id})
    assert raw.execute("SELECT rowid, * FROM imports").fetchall() == before


def test_replaced_is_set_once_and_only_while_the_minutes_are_reopened(db_path, raw):
    meeting = imported_id(raw)
    with Store.open(db_path) as store:
        store.meetings.reopen(meeting, "Taking the corrected minutes")
    raw.execute("UPDATE imports SET replaced_at = '2025-03-01T10:00:00'")
    for sql in ("UPDATE imports SET replaced_at = '2025-04-01T10:00:00'",
                "UPDATE imports SET replaced_at = NULL",
                "UPDATE imports SET path = 'elsewhere.txt'"):
        with pytest.raises(sqlite3.IntegrityError, match=REFUSED):
            raw.execute(sql)
    assert raw.execute("SELECT replaced_at FROM imports").fetchall() == [("2025-03-01T10:00:00",)]


# Clerk's own work -------------------------------------------------------------------

def test_clerks_own_imports_replacements_and_corrections_pass_the_check(db_path, raw, tmp_path):
    meeting = imported_id(raw)
    said = clerk(db_path, "import", write(tmp_path, "brackenfold.txt", MINUTES))
    assert said.exit_code == 0 and "already imported" in said.output
    page = clerk(db_path, "import", write(tmp_path, "page-one.txt", FIRST_PAGE))
    assert page.exit_code == 0, page.output  # the same meeting again: recorded, nothing added
    assert clerk(db_path, "check").exit_code == 0
    changed = write(tmp_path, "corrected.txt", CHANGED)
    assert clerk(db_path, "import", changed).exit_code == 1  # reported, not taken
    replaced = clerk(db_path, "import", "--replace", changed)
    assert replaced.exit_code == 0 and "replaced" in replaced.output, replaced.output
    dated = clerk(db_path, "meeting", "date", meeting[:8], "2025-02-04")
    assert dated.exit_code == 0, dated.output
    rows = raw.execute("SELECT rowid, path, meeting_id, replaced_at FROM imports "
                       "ORDER BY rowid").fetchall()
    assert [row[0] for row in rows] == [1, 2, 3] and {row[2] for row in rows} == {meeting}
    assert [row[1].rsplit("/", 1)[-1] for row in rows] == [
        "brackenfold.txt", "page-one.txt", "corrected.txt"]
    assert rows[0][3] is not None and rows[1][3] is not None and rows[2][3] is None
    result = clerk(db_path, "check")
    assert result.exit_code == 0, result.output
    assert "Lock triggers:   ok" in result.output


# Found by clerk check -----------------------------------------------------------------

@pytest.mark.parametrize("trigger", ["imports_only_clerk", "imports_only_replaced",
                                     "imports_no_delete"])
def test_a_dropped_trigger_of_the_record_of_imports_is_found(raw, db_path, trigger):
    assert trigger in expected_triggers()
    raw.execute(f"DROP TRIGGER {trigger}")
    check_fails(db_path, f"the lock trigger {trigger} is missing")


@pytest.mark.parametrize("statement, expected", [
    ("DELETE FROM imports", (f"{IMPORTED}: its record of imports differ",
                             "The record of imported minutes has lost rows")),
    ("UPDATE imports SET meeting_id = :typed", (f"{IMPORTED}: its record of imports",
                                                f"{TYPED}: its record of imports")),
    ("UPDATE imports SET path = 'elsewhere.txt'", (f"{IMPORTED}: its record of imports",)),
    ((f"INSERT INTO imports ({COLUMNS}) SELECT sha256, text_sha256, part, minutes_sha256, "
      "path, :typed, imported_at FROM imports"), (f"{TYPED}: its record of imports",)),
    (f"UPDATE imports SET meeting_id = '{STRANGER}'",
     (f"names a meeting that is not there ({STRANGER})",)),
])
def test_a_change_to_the_record_of_imports_behind_the_triggers_back_is_found(
        db_path, raw, filed, statement, expected):
    behind_clerks_back(raw, statement.replace(":typed", f"'{filed.meeting.id}'"))
    check_fails(db_path, *expected)


def test_a_replacement_undone_behind_the_triggers_back_is_found(db_path, raw, tmp_path):
    assert clerk(db_path, "import", "--replace",
                 write(tmp_path, "corrected.txt", CHANGED)).exit_code == 0
    assert clerk(db_path, "check").exit_code == 0
    behind_clerks_back(raw, "UPDATE imports SET replaced_at = NULL")
    check_fails(db_path, f"{IMPORTED}: its record of imports differ")


def test_rows_added_after_the_last_freezing_cannot_be_removed_unseen_from_the_middle(
        db_path, raw, tmp_path):
    for name, page in (("page-one.txt", FIRST_PAGE), ("page-two.txt", SECOND_PAGE)):
        result = clerk(db_path, "import", write(tmp_path, name, page))
        assert result.exit_code == 0, result.output
    assert raw.execute("SELECT count(*) FROM imports").fetchone()[0] == 3
    behind_clerks_back(raw, "DELETE FROM imports WHERE rowid = 2")
    check_fails(db_path, "The record of imported minutes has lost rows")


# Upgrading -----------------------------------------------------------------------

def _clerk_at_migration_10(conn: sqlite3.Connection) -> None:
    """The schema of migration 10, with the column of migration 12 that today's writing
    of agenda items needs (migration 12 keeps a column it finds)."""
    migrate(conn, target=10)
    if "heading" not in {row[1] for row in conn.execute("PRAGMA table_info(agenda_items)")}:
        conn.execute("ALTER TABLE agenda_items ADD COLUMN heading TEXT")


def test_a_file_at_migration_10_upgrades_with_every_import_kept(db_path, tmp_path, monkeypatch):
    """A file clerk wrote before migration 11 (its frozen copies fingerprint no record of
    imports), with an import, a second copy of it and a replacement."""
    with monkeypatch.context() as old_clerk:
        old_clerk.setattr(store_module, "migrate", _clerk_at_migration_10)
        old_clerk.setattr(store_module, "SCHEMA_VERSION", 10)
        old_clerk.setattr(sealing, "import_record", lambda *args, **kwargs: {})
        for name, text, extra in (("first.txt", MINUTES, ()), ("page.txt", FIRST_PAGE, ()),
                                  ("corrected.txt", CHANGED, ("--replace",))):
            result = clerk(db_path, "import", *extra, write(tmp_path, name, text))
            assert result.exit_code == 0, result.output
    conn = sqlite3.connect(db_path, isolation_level=None)
    assert schema_version(conn) == 10
    before = conn.execute("SELECT rowid, * FROM imports ORDER BY rowid").fetchall()
    assert len(before) == 3 and sum(row[-1] is not None for row in before) == 2
    conn.close()
    result = clerk(db_path, "check")  # opens the file, so brings it up to date
    assert result.exit_code == 0, result.output
    raw = connect(db_path)
    assert schema_version(raw) == SCHEMA_VERSION
    assert raw.execute("SELECT rowid, * FROM imports ORDER BY rowid").fetchall() == before
    with pytest.raises(sqlite3.IntegrityError, match=REFUSED):
        raw.execute("DELETE FROM imports")
    # Frozen again (a correction), the record is covered from then on.
    assert clerk(db_path, "meeting", "date", before[0][6][:8], "2025-02-04").exit_code == 0
    assert clerk(db_path, "check").exit_code == 0
    behind_clerks_back(raw, "UPDATE imports SET path = 'elsewhere.txt' WHERE rowid = 1")
    check_fails(db_path, f"{IMPORTED.replace('03', '04')}: its record of imports differ")
    raw.close()
