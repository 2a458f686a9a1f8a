"""clerk backup: a consistent copy even while another process writes."""

from __future__ import annotations

import errno
import os
import sqlite3
import stat
import subprocess
import sys
import time

import pytest

from clerk_tui import models as m
from clerk_tui.cli import os_error_line
from clerk_tui.output_paths import COPY_IDS, UnsafeOutput, folders_file
from clerk_tui.store import Store, StoreError
from clerk_tui.store.edit_lock import EditLock
from conftest import add_sample

WRITER = """
import sys, time, datetime as dt
from clerk_tui import models as m
from clerk_tui.store import Store
store = Store.open(sys.argv[1])
item_id = sys.argv[2]
print("ready", flush=True)
deadline = time.monotonic() + 20
n = 0
while time.monotonic() < deadline:
    store.entries.add(m.Note(item_id=item_id, text=f"note {n} " + "x" * 500, captured_at=store.now()))
    n += 1
"""


def test_backup_while_another_process_writes_passes_integrity_check(store, db_path, tmp_path):
    item_id = add_sample(store).items[0].id
    writer = subprocess.Popen([sys.executable, "-c", WRITER, str(db_path), item_id],
                              stdout=subprocess.PIPE, text=True)
    try:
        assert writer.stdout.readline().strip() == "ready"
        time.sleep(0.3)
        targets = [store.backup(tmp_path / f"copy{n}.db") for n in range(5)]
        assert writer.poll() is None, "the writer should still be writing during the backups"
    finally:
        writer.kill()
        writer.wait()
    counts = []
    for target in targets:
        assert stat.S_IMODE(target.stat().st_mode) == 0o600
        copy = sqlite3.connect(target)
        assert copy.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        counts.append(copy.execute("SELECT count(*) FROM entries").fetchone()[0])
        copy.close()
        with Store.open(target) as restored:
            assert restored.check().ok
    assert counts == sorted(counts) and counts[-1] > counts[0], "copies follow the writer"


def test_backup_into_a_folder_and_refusing_to_overwrite(store, tmp_path, clock):
    folder = tmp_path / "backups"
    folder.mkdir()
    target = store.backup(folder)
    assert target == folder / "clerk-20240501-190000.db"
    with pytest.raises(StoreError, match="already exists"):
        store.backup(folder)
    assert store.backup(folder, overwrite=True) == target
    assert sorted(p.name for p in folder.iterdir()) == [target.name]


def test_backup_refuses_the_database_itself_and_a_path_through_a_file(store, db_path, tmp_path):
    with pytest.raises(UnsafeOutput, match="is the database clerk has open"):
        store.backup(db_path, overwrite=True)
    (tmp_path / "afile").write_text("x")
    with pytest.raises(StoreError, match="cannot be written"):
        store.backup(tmp_path / "afile" / "copy.db")


def test_overwriting_a_backup_removes_its_stale_log(store, tmp_path):
    target = store.backup(tmp_path / "copy.db")
    stale = tmp_path / "copy.db-wal"
    stale.write_bytes(b"old log")
    store.backup(target, overwrite=True)
    assert not stale.exists()


def test_a_backup_is_marked_as_clerks_copy_until_it_is_opened_to_work_in(store, tmp_path):
    target = store.backup(tmp_path / "copy.db")

    def mark() -> int:
        return sqlite3.connect(target).execute("PRAGMA application_id").fetchone()[0]
    assert COPY_IDS[mark()] == "backup"
    with Store.open(target, read_only=True):
        assert COPY_IDS.get(mark()) == "backup"  # only looked at: still a copy
    with Store.open(target) as looked_at:
        looked_at.check()
        looked_at.search.search("planning")
    assert COPY_IDS.get(mark()) == "backup", "opened by a command that only reads"
    Store.open(target, editing=True).close()
    assert mark() not in COPY_IDS


def test_the_first_save_into_a_backup_makes_it_a_database(store, tmp_path):
    target = store.backup(tmp_path / "copy.db")
    with Store.open(target) as restored:
        restored.settings.set("organisation", "Restored Council")
        assert header_mark(target) not in COPY_IDS, "the file itself says so at once"


# A backup being worked in is not a backup to replace -------------------------------------


def header_mark(path) -> int:
    """The application_id in the file's own header, not what its write-ahead log says."""
    return int.from_bytes(path.read_bytes()[68:72], "big")


def entries_in(path) -> int:
    connection = sqlite3.connect(path)
    try:
        return connection.execute("SELECT count(*) FROM entries").fetchone()[0]
    finally:
        connection.close()


def test_a_backup_open_in_the_app_is_never_replaced(store, tmp_path, clock):
    item_id = add_sample(store).items[0].id
    target = store.backup(tmp_path / "copy.db")
    working = Store.open(target, clock=clock, editing=True)
    try:
        assert header_mark(target) not in COPY_IDS, "claimed in the file, not only in the log"
        working.entries.add(m.Note(item_id=item_id, text="typed in the copy",
                                   captured_at=clock()))
        with pytest.raises(UnsafeOutput):
            store.backup(target, overwrite=True)
        assert target.with_name("copy.db-wal").exists()
    finally:
        working.close()
    assert entries_in(target) == entries_in(store.path) + 1, "the line typed in the copy"


def test_a_backup_whose_edit_lock_is_held_is_not_replaced(store, tmp_path):
    target = store.backup(tmp_path / "copy.db")
    lock = EditLock(target)  # as a clerk window holds it
    assert lock.acquire() is None
    try:
        with pytest.raises(UnsafeOutput, match="open in a clerk window"):
            store.backup(target, overwrite=True)
    finally:
        lock.release()
    store.backup(target, overwrite=True)  # closed again: a backup to replace


def test_a_backup_with_work_in_its_log_is_not_replaced(store, tmp_path):
    target = store.backup(tmp_path / "copy.db")
    other = sqlite3.connect(target, isolation_level=None)  # another program, still open
    try:
        other.execute("PRAGMA journal_mode = WAL")
        other.execute("PRAGMA wal_autocheckpoint = 0")
        other.execute("CREATE TABLE their_work (line TEXT)")
        other.execute("INSERT INTO their_work VALUES ('typed')")
        assert header_mark(target) in COPY_IDS, "the file's own header still says backup"
        with pytest.raises(UnsafeOutput, match="work in its write-ahead log"):
            store.backup(target, overwrite=True)
        assert other.execute("SELECT line FROM their_work").fetchall() == [("typed",)]
    finally:
        other.close()


def test_a_backup_leaves_no_temporary_file(store, tmp_path):
    store.backup(tmp_path / "copy.db")
    remembered = folders_file()  # beside the (test's) settings file: the folders written to
    assert sorted(p.name for p in tmp_path.iterdir() if p != remembered) == [
        "clerk.db", "clerk.db-shm", "clerk.db-wal", "copy.db"]


# One wording of what the file system said --------------------------------------------------


@pytest.mark.parametrize("code, said", [
    (errno.EPERM, "you do not have permission to write there"),
    (errno.EACCES, "you do not have permission to write there"),
    (errno.ENOSPC, "the disk is full"), (errno.EDQUOT, "the disk quota is used up")])
def test_a_refused_backup_and_a_refused_export_say_the_same(store, sample, tmp_path,
                                                            monkeypatch, code, said):
    from clerk_tui.minutes.export import ExportError, export_minutes

    def refuse(*args, **kwargs):
        raise OSError(code, os.strerror(code))
    snapshot = store.snapshot(sample.meeting.id)
    monkeypatch.setattr("tempfile.mkstemp", refuse)
    with pytest.raises(StoreError) as backup:
        store.backup(tmp_path / "copy.db")
    with pytest.raises(ExportError) as export:
        export_minutes(snapshot, tmp_path / "exports")
    assert f": {said}." in str(backup.value) and f": {said}." in str(export.value)
    if code not in (errno.EPERM, errno.EACCES):  # which of reading or writing: unknown there
        line = os_error_line(OSError(code, os.strerror(code), "x.csv"))
        assert line == f"x.csv cannot be used: {said}."
