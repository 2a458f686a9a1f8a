"""clerk backup: a consistent copy even while another process writes."""

from __future__ import annotations

import sqlite3
import stat
import subprocess
import sys
import time

import pytest

from clerk_tui.output_paths import COPY_IDS, UnsafeOutput
from clerk_tui.store import Store, StoreError
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
    mark = lambda: sqlite3.connect(target).execute("PRAGMA application_id").fetchone()[0]
    assert COPY_IDS[mark()] == "backup"
    with Store.open(target, read_only=True):
        assert COPY_IDS.get(mark()) == "backup"  # only looked at: still a copy
    Store.open(target).close()
    assert mark() not in COPY_IDS


def test_a_backup_leaves_no_temporary_file(store, tmp_path):
    store.backup(tmp_path / "copy.db")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["clerk.db", "clerk.db-shm",
                                                         "clerk.db-wal", "copy.db"]
