"""clerk in a real terminal, under tmux, as a clerk would start it."""

from __future__ import annotations

import sys

import pytest

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


def test_clerk_opens_on_a_new_database_and_quits_cleanly(terminal_for, tmp_path):
    db = tmp_path / "db" / "clerk.db"
    terminal = terminal_for("--db", str(db))
    shown = terminal.wait_for("no meetings in this file")
    assert "Help" in shown and "Quit" in shown
    terminal.press("F1")
    terminal.wait_for("Move between meetings")
    terminal.press("Escape")
    terminal.press("C-q")
    terminal.wait_for("EXITED 0")
    assert db.exists()


def test_a_refused_file_gets_a_message_not_a_traceback(terminal_for, tmp_path):
    bad = tmp_path / "minutes.docx"
    bad.write_bytes(b"PK\x03\x04" + b"\x00" * 200)
    terminal = terminal_for("--db", str(bad))
    shown = terminal.wait_for("EXITED 2")
    assert "not a clerk database" in shown
    assert "Traceback" not in shown
