"""The clerk command line through click's test runner, exit codes included."""

from __future__ import annotations

import sqlite3

import pytest
from click.testing import CliRunner

from clerk_tui import __version__
from clerk_tui.cli import main
from clerk_tui.store import SCHEMA_VERSION, Store


@pytest.fixture
def run(db_path):
    runner = CliRunner()

    def invoke(*args: str, env: dict | None = None):
        return runner.invoke(main, ["--db", str(db_path), *args], env=env)

    return invoke


def test_version():
    result = CliRunner().invoke(main, ["--version"])
    assert result.exit_code == 0
    assert result.output.strip() == f"clerk, version {__version__}"


def test_check_on_a_new_database_says_all_is_well(run, db_path):
    Store.open(db_path).close()  # as `make run` leaves it
    result = run("check")
    assert result.exit_code == 0, result.output
    assert f"Schema version:  {SCHEMA_VERSION} (current)" in result.output
    assert "Journal mode:    wal" in result.output
    assert "Integrity:       ok" in result.output
    assert result.output.rstrip().endswith("All is well.")


def test_check_and_backup_do_not_create_a_missing_database(run, db_path, tmp_path):
    for args in (["check"], ["backup", str(tmp_path / "copy.db")]):
        result = run(*args)
        assert result.exit_code == 2
        assert f"There is no database at {db_path}" in result.output
    assert not db_path.exists()


def test_check_reports_a_damaged_index_with_exit_1(run, db_path, store, sample):
    store.close()
    conn = sqlite3.connect(db_path)
    conn.execute("PRAGMA writable_schema = ON")
    conn.execute("UPDATE sqlite_master SET sql = 'CREATE INDEX meetings_by_date ON meetings(venue)' "
                 "WHERE name = 'meetings_by_date'")
    conn.commit()
    conn.close()
    result = run("check")
    assert result.exit_code == 1
    assert "missing from index meetings_by_date" in result.output
    assert "Problems found" in result.output
    assert "Traceback" not in result.output


def test_check_on_a_file_that_is_not_a_database_exits_2_untouched(run, db_path):
    db_path.write_bytes(b"PK\x03\x04 this is a Word file, honest")
    before = db_path.read_bytes()
    result = run("check")
    assert result.exit_code == 2
    assert "not a clerk database" in result.output
    assert "Traceback" not in result.output
    assert db_path.read_bytes() == before


def test_newer_schema_exits_2_naming_both_versions(run, db_path):
    Store.open(db_path).close()
    conn = sqlite3.connect(db_path)
    conn.execute("PRAGMA user_version = 42")
    conn.close()
    before = db_path.read_bytes()
    for args in (["check"], ["backup", str(db_path.with_name("copy.db"))], []):
        result = run(*args)
        assert result.exit_code == 2, args
        assert "schema version 42" in result.output
        assert f"schema version {SCHEMA_VERSION} at most" in result.output
    assert db_path.read_bytes() == before


def test_clerk_db_sets_the_default_path(tmp_path):
    path = tmp_path / "from-env.db"
    Store.open(path).close()
    result = CliRunner().invoke(main, ["check"], env={"CLERK_DB": str(path)})
    assert result.exit_code == 0, result.output
    assert str(path) in result.output


def test_backup_command(run, db_path, tmp_path):
    Store.open(db_path).close()
    target = tmp_path / "copy.db"
    result = run("backup", str(target))
    assert result.exit_code == 0, result.output
    assert f"to {target}" in result.output
    assert run("backup", str(target)).exit_code == 1
    assert "already exists" in run("backup", str(target)).output
    assert run("backup", str(target), "--overwrite").exit_code == 0


def test_config_shows_both_kinds_of_settings_and_where(run, db_path, tmp_path):
    result = run("config")
    assert result.exit_code == 0, result.output
    assert f"in the database, {db_path}" in result.output
    assert "no-such-settings.toml, not created yet" in result.output
    assert "theme" in result.output and "house-style" in result.output


def test_config_set_organisation(run, db_path):
    result = run("config", "set", "organisation", "Parish of Little Hampden")
    assert result.exit_code == 0, result.output
    with Store.open(db_path) as store:
        assert store.settings.load().organisation == "Parish of Little Hampden"
    assert "Parish of Little Hampden" in run("config").output


def test_config_set_refuses_a_bad_value_or_name(run):
    result = run("config", "set", "house-style", "haiku")
    assert result.exit_code == 2
    assert "house style must be one of" in result.output
    assert run("config", "set", "colour", "blue").exit_code == 2


def test_a_broken_personal_settings_file_is_reported(run, tmp_path, monkeypatch):
    settings = tmp_path / "settings.toml"
    settings.write_text('theme = "nord"\nwallpaper = "cats"\n')
    monkeypatch.setenv("CLERK_CONFIG", str(settings))
    result = run("config")
    assert result.exit_code == 1
    assert "has no 'wallpaper'" in result.output


def test_a_busy_database_is_a_message_not_a_traceback(run, db_path, monkeypatch):
    monkeypatch.setattr("clerk_tui.cli.CLI_BUSY_TIMEOUT_MS", 100)
    Store.open(db_path).close()
    other = sqlite3.connect(db_path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        result = run("config", "set", "organisation", "Parish of Little Hampden")
    finally:
        other.close()
    assert result.exit_code == 1
    assert "in use by another program" in result.output
    assert "Traceback" not in result.output


def test_check_finds_and_mends_a_search_index_out_of_step(run, db_path, store, sample):
    store.close()
    conn = sqlite3.connect(db_path)
    conn.execute("INSERT INTO entries_fts (entries_fts, rowid, text) VALUES ('delete', 1, "
                 "'The Committee considered the report.')")
    conn.commit()
    conn.close()
    result = run("check")
    assert result.exit_code == 1 and "Search index:    does not match" in result.output
    assert "--rebuild-search" in result.output
    mended = run("check", "--rebuild-search")
    assert mended.exit_code == 0 and "Search index:    ok" in mended.output
