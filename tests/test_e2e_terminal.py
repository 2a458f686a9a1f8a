"""clerk in a real terminal, under tmux, as a clerk would use it."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

from clerk_tui.store import Store
from conftest import add_sample
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
    shown = again.wait_for("Planning Committee")
    assert "READ-ONLY" not in shown  # the killed window's edit lock went with it
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


def _without_root_powers() -> list[str]:
    """A prefix that makes file permissions bind even for root (as CI runs), so a
    read-only folder is read-only to clerk as it would be to a clerk."""
    if os.geteuid() != 0:
        return []
    from conftest import require_program

    setpriv = require_program("setpriv")
    drop = "-dac_override,-dac_read_search,-fowner"
    return [setpriv, f"--bounding-set={drop}", f"--inh-caps={drop}"]


def test_a_read_only_folder_opens_read_only_with_a_banner(tmp_path):
    folder = tmp_path / "shared-drive"
    db = folder / "clerk.db"
    with Store.open(db) as store:
        add_sample(store)
    before = db.read_bytes()
    db.chmod(0o444)
    folder.chmod(0o555)
    env = {"CLERK_CONFIG": str(tmp_path / "settings.toml"), "TERM": "xterm-256color"}
    terminal = Terminal([*_without_root_powers(), sys.executable, "-m", "clerk_tui",
                         "--db", str(db)], env)
    try:
        shown = terminal.wait_for("Opened read-only")
        assert "READ-ONLY" in shown
        terminal.press("Enter")
        terminal.wait_for("Read-only: the file clerk.db is read-only")
        terminal.press("C-f")
        terminal.wait_for("Search")
        terminal.type("lease")
        shown = terminal.wait_for("Depot lease")
        assert "could not be run" not in shown
        terminal.press("Escape", "Escape", "C-q")
        terminal.wait_for("EXITED 0")
    finally:
        terminal.close()
        folder.chmod(0o755)
    assert db.read_bytes() == before
    assert sorted(p.name for p in folder.iterdir()) == ["clerk.db"]


@pytest.mark.parametrize("number", [signal.SIGTERM, signal.SIGHUP])
def test_a_signal_saves_everything_and_leaves_the_terminal_usable(tmp_path, number):
    db = tmp_path / "clerk.db"
    with Store.open(db) as store:
        sample = add_sample(store)
    env = {"CLERK_CONFIG": str(tmp_path / "settings.toml"), "TERM": "xterm-256color"}
    script = (f"{sys.executable} -m clerk_tui --db {db}; echo CLERK-ENDED; stty -a; "
              "echo STTY-DONE")
    terminal = Terminal(["sh", "-c", script], env)
    try:
        terminal.wait_for("Planning")
        terminal.press("Enter")
        terminal.wait_for("Type a note")
        terminal.type("said just before the shutdown")
        terminal.wait_for("the shutdown")  # on screen, not necessarily saved yet
        program = subprocess.run(["pgrep", "-f", f"^{sys.executable} -m clerk_tui --db {db}"],
                                 capture_output=True, text=True).stdout.split()
        os.kill(int(program[0]), number)
        shown = terminal.wait_for("STTY-DONE")
    finally:
        terminal.close()
    settings = shown[shown.index("CLERK-ENDED"):]
    assert " icanon" in settings and " echo " in settings  # not -icanon, -echo: usable
    assert "Traceback" not in shown
    with Store.open(db) as store:
        assert store.capture.drafts(sample.meeting.id) == {
            sample.items[0].id: "said just before the shutdown"}


def test_long_entries_keep_their_last_line_when_the_window_narrows(terminal_for, tmp_path):
    """Entries wrapped at one width and drawn at another lost their last line once the
    list had scrolled (the scrollbar's room was not kept from the start). These words wrap
    to one line more at 80 columns less the scrollbar than at 80 columns."""
    from clerk_tui import models as m

    db = tmp_path / "clerk.db"
    with Store.open(db) as store:
        item = add_sample(store).items[0]
        for number in range(12):
            store.entries.add(m.Note(
                item_id=item.id, captured_at=store.now(),
                text=f"Long entry {number}: "
                     + "the committee discussed the matter at considerable length and " * 3
                     + f"LASTWORD{number}"))
    terminal = terminal_for("--db", str(db))
    terminal.wait_for("Planning")
    terminal.press("Enter")
    terminal.wait_for("Type a note")
    subprocess.run([*terminal.tmux, "resize-window", "-t", terminal.name, "-x", "80", "-y", "24"],
                   check=True)
    terminal.wait_for("LASTWORD11")
    terminal.type("Noted at the narrower width", enter=True)
    shown = terminal.wait_for("narrower width")
    assert "LASTWORD10" in shown and "LASTWORD11" in shown, shown
