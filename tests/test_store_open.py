"""Opening files: pragmas, permissions, migrations, and refusing what is not ours."""

from __future__ import annotations

import os
import sqlite3
import stat
import zipfile

import pytest

from clerk_tui.store import SCHEMA_VERSION, FileRefused, NewerSchema, NotAClerkDatabase, Store
from clerk_tui.store.connection import APPLICATION_ID
from clerk_tui.store.migrations import migrate


def test_new_file_gets_folders_owner_only_permissions_and_the_schema(tmp_path):
    path = tmp_path / "nested" / "folder" / "clerk.db"
    with Store.open(path) as store:
        assert store.check().ok
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    probe = sqlite3.connect(path)
    assert probe.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert probe.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID


def test_pragmas_on_a_fresh_connection(store):
    conn = store.database.connection
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert conn.execute("PRAGMA busy_timeout").fetchone()[0] >= 1000
    assert conn.isolation_level is None  # every save is an explicit transaction


def test_an_empty_file_is_migrated(tmp_path):
    path = tmp_path / "empty.db"
    path.touch()
    with Store.open(path) as store:
        report = store.check()
    assert report.schema_version == SCHEMA_VERSION and report.ok


def test_an_older_schema_is_brought_up_to_date_keeping_its_data(tmp_path):
    path = tmp_path / "old.db"
    conn = sqlite3.connect(path, isolation_level=None)
    migrate(conn, target=1)
    conn.execute("INSERT INTO committees (id, name) "
                 "VALUES ('6a3f8a52-0f4e-4c53-9d6e-6a0fb3b2a1c1', 'Cabinet')")
    conn.close()
    with Store.open(path) as store:
        assert [c.name for c in store.committees.list()] == ["Cabinet"]
        assert store.check().schema_version == SCHEMA_VERSION


def _bytes_of(path):
    return path.read_bytes()


def test_a_newer_schema_is_refused_untouched_naming_both_versions(tmp_path):
    path = tmp_path / "future.db"
    Store.open(path).close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    conn.close()
    before = _bytes_of(path)
    with pytest.raises(NewerSchema) as caught:
        Store.open(path)
    message = str(caught.value)
    assert f"schema version {SCHEMA_VERSION + 5}" in message
    assert f"schema version {SCHEMA_VERSION} at most" in message
    assert _bytes_of(path) == before
    assert sorted(os.listdir(tmp_path)) == ["future.db"]


def _word_file(path):
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")


def _random_bytes(path):
    path.write_bytes(os.urandom(4096))


def _corrupt_sqlite(path):
    Store.open(path).close()
    data = bytearray(path.read_bytes())
    data[100:4096] = os.urandom(3996)  # the schema page, after the header
    path.write_bytes(bytes(data))


def _other_sqlite(path):
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE recipes (name TEXT)")
    conn.close()


def _truncated_header(path):
    path.write_bytes(b"SQLite format 3\x00" + b"\x00" * 20)


@pytest.mark.parametrize(
    "make, expected",
    [
        (_word_file, "zip file"),
        (_random_bytes, "not a clerk database"),
        (_corrupt_sqlite, "damaged"),
        (_other_sqlite, "not a clerk database"),
        (_truncated_header, "not a clerk database"),
    ],
    ids=["word-file", "random-bytes", "corrupt-sqlite", "other-sqlite", "truncated"],
)
def test_files_that_are_not_clerk_databases_are_refused_untouched(tmp_path, make, expected):
    path = tmp_path / "minutes.db"
    make(path)
    before = _bytes_of(path)
    with pytest.raises(NotAClerkDatabase) as caught:
        Store.open(path)
    assert expected in str(caught.value)
    assert _bytes_of(path) == before
    assert os.listdir(tmp_path) == ["minutes.db"]


def test_a_folder_is_refused(tmp_path):
    with pytest.raises(NotAClerkDatabase, match="folder"):
        Store.open(tmp_path)


def test_a_newer_schema_held_in_the_write_ahead_log_is_refused(tmp_path):
    path = tmp_path / "busy.db"
    Store.open(path).close()
    other = sqlite3.connect(path)  # another clerk, newer, still running
    other.execute("PRAGMA journal_mode = WAL")
    other.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    before = _bytes_of(path)
    try:
        with pytest.raises(NewerSchema):
            Store.open(path)
        assert _bytes_of(path) == before
    finally:
        other.close()


def test_refusing_a_file_leaves_no_files_beside_it(tmp_path):
    path = tmp_path / "minutes.db"
    _other_sqlite(path)
    with pytest.raises(NotAClerkDatabase):
        Store.open(path)
    assert os.listdir(tmp_path) == ["minutes.db"]


def test_a_path_through_a_file_is_refused_clearly(tmp_path):
    (tmp_path / "notes.txt").write_text("not a folder")
    with pytest.raises(FileRefused, match="part of its folder path is a file"):
        Store.open(tmp_path / "notes.txt" / "clerk.db")
