"""clerk in a real terminal, under tmux, as a clerk would use it."""

from __future__ import annotations

import os
import signal
import sqlite3
import sys
import time

import pytest

from clerk_tui.store import Store
from terminal import Terminal


@pytest.fixture
def terminal_for(tmp_path):
    opened: list[Terminal] = []

    def start(*args: str) -> Terminal:
        env = {"CLERK_CONFIG": str(tmp_path / "settings.toml"), "TERM": "xterm-256color"}
        terminal = Terminal([sys.executable, "-m", "clerk_tui", *args], env)
        opened.append(terminal)
        return terminal

    yield start
    for terminal in opened:
        terminal.close()


def test_a_refused_file_gets_a_message_not_a_traceback(terminal_for, tmp_path):
    bad = tmp_path / "minutes.docx"
    bad.write_bytes(b"PK\x03\x04" + b"\x00" * 200)
    terminal = terminal_for("--db", str(bad))
    shown = terminal.wait_for("EXITED 2")
    assert "not a clerk database" in shown
    assert "Traceback" not in shown


def create_meeting_and_capture(terminal: Terminal) -> None:
    terminal.wait_for("no meetings in this file")
    terminal.press("C-n")
    terminal.wait_for("New meeting")
    terminal.type("Planning Committee")
    terminal.press("Tab")
    terminal.press("Tab")
    terminal.type("19:00")
    terminal.press("Tab")
    terminal.type("Council Chamber", enter=True)
    terminal.wait_for("no agenda yet")
    terminal.press("C-n")
    terminal.wait_for("Add agenda item")
    terminal.type("1", enter=True)
    terminal.type("Depot lease")
    terminal.press("C-s")
    terminal.wait_for("1. Depot lease")
    for line in (
        "The Committee considered the report.",
        "? Cllr Patel: when the lease ends",
        "> Head of Property: in March",
        "! Circulate the valuation @Head of Property by 2030-06-30",
        "= That the lease be renewed (for 5, against 1, abstain 0)",
    ):
        terminal.type(line, enter=True)
        time.sleep(0.1)
    terminal.wait_for("RESOLVED")


def test_create_a_meeting_capture_every_kind_and_quit(terminal_for, tmp_path):
    db = tmp_path / "db" / "clerk.db"
    terminal = terminal_for("--db", str(db))
    create_meeting_and_capture(terminal)
    terminal.press("F1")
    terminal.wait_for("as people speak")
    terminal.press("Escape")
    terminal.press("C-q")
    terminal.wait_for("EXITED 0")
    with Store.open(db) as store:
        summary = store.meetings.summaries()[0]
        assert (summary.committee_name, summary.meeting.venue) == ("Planning Committee",
                                                                   "Council Chamber")
        item = store.items.list(summary.meeting.id)[0]
        entries = store.entries.list(item.id)
    assert [e.kind for e in entries] == ["note", "question", "response", "action", "resolution"]
    assert entries[3].owner == "Head of Property" and entries[4].vote.votes_for == 5


def test_kill_9_loses_nothing_typed_400ms_before(terminal_for, tmp_path):
    db = tmp_path / "clerk.db"
    terminal = terminal_for("--db", str(db))
    create_meeting_and_capture(terminal)
    typed = "The Chair thanked officers for a clear report"
    terminal.type(typed)
    time.sleep(0.4)
    os.kill(terminal.program_pid(), signal.SIGKILL)
    terminal.wait_for("EXITED 137")
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("SELECT text FROM capture_drafts").fetchall() == [(typed,)]
    conn.close()
    again = terminal_for("--db", str(db))
    again.wait_for("Planning Committee")
    again.press("Enter")
    again.wait_for(typed[:40])


def test_closing_the_terminal_saves_the_line(terminal_for, tmp_path):
    db = tmp_path / "clerk.db"
    terminal = terminal_for("--db", str(db))
    create_meeting_and_capture(terminal)
    terminal.type("typed as the lid closed")
    os.kill(terminal.program_pid(), signal.SIGHUP)
    terminal.wait_for("EXITED")
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT text FROM capture_drafts").fetchall() == [
        ("typed as the lid closed",)]
    conn.close()
