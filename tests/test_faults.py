"""Faults a clerk meets: a second window, a read-only file, a full or locked export
folder, a broken file, and a failure nobody foresaw. Each gets a clear message, and
nothing typed is lost."""

from __future__ import annotations

import errno
import os
import sqlite3

import pytest
from click.testing import CliRunner

from clerk_tui.cli import main
from clerk_tui.minutes.export import ExportError, export_minutes
from clerk_tui.store import ReadOnly, Store
from clerk_tui.ui.app import ClerkApp
from clerk_tui.ui.failures import LOG_NAME
from clerk_tui.ui.screens.meeting import MeetingScreen
from conftest import type_text, wait_for
from recording_app import break_command, recording_app


async def test_a_second_window_opens_the_file_read_only_and_says_why(app, sample, db_path):
    second = recording_app(db_path)
    assert "open in another clerk window (process" in second.store.read_only
    async with second.run_test() as pilot:
        await pilot.pause()
        assert "READ-ONLY" in second.title
        assert any("Opened read-only" in n for n in second.told)
        await pilot.press("ctrl+n")  # a new meeting: the form opens, the save is refused
        await pilot.pause()
        await pilot.press("escape")
        await pilot.press("enter")
        await pilot.pause()
        screen = second.screen
        assert isinstance(screen, MeetingScreen) and screen.read_only
        banner = str(screen.query_one("#locked-banner").render())
        assert banner.startswith("Read-only: it is open in another clerk window")
        await type_text(pilot, "nothing goes in", enter=True)
        assert second.store.entries.list(sample.items[0].id) == []
        with pytest.raises(ReadOnly, match="open read-only: it is open in another clerk"):
            second.store.settings.set("organisation", "Elsewhere")
    async with app.run_test() as pilot:  # the first window still edits
        await pilot.pause()
        assert app.store.read_only is None


def test_the_edit_lock_goes_with_the_window(db_path):
    first = Store.open(db_path, editing=True)
    assert Store.open(db_path, editing=True).read_only is not None
    first.close()
    again = Store.open(db_path, editing=True)
    assert again.read_only is None
    again.close()


def test_a_file_opened_read_only_can_be_read_and_not_written(store, sample, db_path):
    store.close()
    before = db_path.read_bytes()
    with Store.open(db_path, read_only=True) as reader:
        assert reader.meetings.summaries()[0].committee_name == "Planning"
        assert reader.search.search("lease").count >= 1
        with pytest.raises(ReadOnly):
            reader.entries.delete(sample.entries[0].id)
    assert db_path.read_bytes() == before


def test_a_read_only_file_opens_read_only_saying_why(store, sample, db_path, monkeypatch):
    store.close()
    # As root nothing is read-only; the end-to-end test with a real read-only folder
    # runs clerk as another user. Here the operating system's answer is given.
    real_access = os.access
    monkeypatch.setattr(os, "access", lambda path, mode: False if mode == os.W_OK
                        else real_access(path, mode))
    with Store.open(db_path, editing=True) as reader:
        assert reader.read_only == "the file clerk.db is read-only"
        assert reader.meetings.summaries()


def test_an_older_file_that_cannot_be_upgraded_is_refused_untouched(db_path):
    from clerk_tui.store import FileRefused
    from clerk_tui.store.migrations import migrate

    connection = sqlite3.connect(db_path, isolation_level=None)
    connection.execute("PRAGMA journal_mode = WAL")
    connection.execute(f"PRAGMA application_id = {0x434C524B}")
    migrate(connection, target=3)
    connection.close()
    before = db_path.read_bytes()
    with pytest.raises(FileRefused, match="must be brought up to date"):
        Store.open(db_path, read_only=True)
    assert db_path.read_bytes() == before


def test_a_damaged_file_exits_2_untouched_from_the_app_command(db_path):
    Store.open(db_path).close()
    data = bytearray(db_path.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)  # the first page's tree is gone
    db_path.write_bytes(bytes(data))
    result = CliRunner().invoke(main, ["--db", str(db_path)])
    assert result.exit_code == 2, result.output
    assert "damaged" in result.output and "Traceback" not in result.output
    assert db_path.read_bytes() == bytes(data)


# Exports -------------------------------------------------------------------------


@pytest.fixture
def snapshot(store, sample):
    return store.snapshot(sample.meeting.id)


def test_a_missing_export_folder_is_made(snapshot, tmp_path):
    result = export_minutes(snapshot, tmp_path / "new" / "folder")
    assert result.path.exists()


def test_an_export_folder_that_cannot_be_written_says_so(snapshot, tmp_path, monkeypatch):
    def refuse(*args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied")
    monkeypatch.setattr("tempfile.mkstemp", refuse)
    with pytest.raises(ExportError, match="you do not have permission to write there"):
        export_minutes(snapshot, tmp_path / "out")
    assert list((tmp_path / "out").iterdir()) == []


def test_a_full_disk_during_export_leaves_no_file(snapshot, tmp_path, monkeypatch):
    def full(descriptor):
        raise OSError(errno.ENOSPC, "No space left on device")
    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(ExportError, match="the disk is full. Nothing was written"):
        export_minutes(snapshot, tmp_path / "out")
    assert list((tmp_path / "out").iterdir()) == []


@pytest.mark.parametrize("lock", [".~lock.{name}#", "~${name}"])
def test_a_word_file_open_elsewhere_is_not_replaced(snapshot, tmp_path, lock):
    first = export_minutes(snapshot, tmp_path)
    before = first.path.read_bytes()
    (tmp_path / lock.format(name=first.path.name)).write_text("someone,here")
    with pytest.raises(ExportError, match="is open in (LibreOffice|Word); close it there"):
        export_minutes(snapshot, tmp_path, overwrite=True)
    assert first.path.read_bytes() == before


# A failure nobody foresaw ----------------------------------------------------------


async def test_an_unexpected_failure_is_logged_and_the_app_runs_on(app, sample, db_path,
                                                                   monkeypatch):
    monkeypatch.setattr(ClerkApp, "contain_failures", True)

    def broken(self):
        raise KeyError("preview-cache")
    break_command(monkeypatch, "preview", broken)
    async with app.run_test() as pilot:
        await pilot.press("enter")
        await pilot.pause()
        await type_text(pilot, "The Chair welcomed")
        await pilot.press("f9")
        await wait_for(pilot, lambda: any("went wrong" in n for n in app.told))
        assert app.is_running and isinstance(app.screen, MeetingScreen)
        message = next(n for n in app.told if "went wrong" in n)
        assert "KeyError" in message and LOG_NAME in message and "saved" in message
        await type_text(pilot, " members.", enter=True)  # the screen still takes keys
        await pilot.pause()
        (entry,) = app.store.entries.list(sample.items[0].id)
        assert entry.text == "The Chair welcomed members."
    log = (db_path.parent / LOG_NAME).read_text()
    assert "KeyError: 'preview-cache'" in log and "in broken" in log
    assert oct((db_path.parent / LOG_NAME).stat().st_mode & 0o777) == "0o600"


async def test_a_failing_worker_is_reported_too(app, sample, monkeypatch, tmp_path):
    monkeypatch.setattr(ClerkApp, "contain_failures", True)
    monkeypatch.chdir(tmp_path)

    def broken(*args, **kwargs):
        raise RuntimeError("the printer is on fire")
    monkeypatch.setattr("clerk_tui.ui.screens.meeting.minutes_actions.export_minutes", broken)
    async with app.run_test() as pilot:
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("f7", "ctrl+s")
        await wait_for(pilot, lambda: any("printer is on fire" in n for n in app.told))
        assert any("RuntimeError: the printer is on fire" in n
                   for n in app.told)
        assert app.is_running

