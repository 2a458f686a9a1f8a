"""Text is text on the command line too: no escape sequence, other control or bidi
character from data (a name, a title, a file name, an argument) reaches the terminal.

What clerk prints for a person shows each such character as its visible code
(``\\u202e``), by the one rule the app uses (:mod:`clerk_tui.printable`); ``--json`` is
the exact data, written with those characters as JSON escapes; CSV is the exact data
when a program reads it and neutralised on a terminal. clerk's own styling (the search
highlight, OVERDUE in red) still reaches a terminal.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import pty
import re
import select
import subprocess
import sys
import time
import unicodedata

import pytest
from click.testing import CliRunner

from clerk_tui import models as m
from clerk_tui.cli import main
from clerk_tui.printable import json_escaped, printable
from clerk_tui.store import Store
from conftest import FrozenClock

# As typed on a command line: escape sequences (CSI, OSC with BEL), an 8-bit CSI, bidi.
TYPED = "Fin\u202eance \x1b[2J\x1b]0;owned\x07 \x9b31m \u2066x\u2069 [bold]"
# As a file or a person gave it and the models keep it (C0 controls other than tab and
# newline are dropped when stored; C1 controls and bidi characters are kept).
STORED = "Zebra \u202eecnanif \x9b31m \x85 \u2067y\u2069 [/]"
_BIDI = set("\u061c\u200b\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
            "\u2060\ufeff")


def raw_hidden(output: str) -> list[str]:
    """Every character of ``output`` that a terminal would act on or that would hide or
    reorder text: controls (but newline and tab), line separators, bidi characters."""
    return [c for c in output if c not in "\n\t" and (
        unicodedata.category(c) in ("Cc", "Cs", "Zl", "Zp") or c in _BIDI)]


def assert_shown(result, *codes: str) -> None:
    """The command printed nothing hidden, on stdout or stderr, and named what it
    quoted with the visible codes ``codes``."""
    everything = result.stdout + result.stderr
    assert not raw_hidden(everything), (raw_hidden(everything), everything)
    for code in codes:
        assert code in everything, everything
    assert "Traceback" not in everything


@pytest.fixture
def run(db_path):
    runner = CliRunner()

    def invoke(*args: str, db=None):
        return runner.invoke(main, ["--db", str(db or db_path), *args])
    return invoke


@pytest.fixture
def hostile(db_path):
    """A meeting whose committee, venue, item, action (overdue) and resolution hold
    :data:`STORED`; the committee is ``C`` and :data:`STORED`."""
    with Store.open(db_path, clock=FrozenClock()) as store:
        committee = store.committees.add(m.Committee(name=f"C {STORED}"))
        meeting = store.meetings.add(m.Meeting(committee_id=committee.id, date=dt.date(2024, 5, 1),
                                               venue=f"V {STORED}"))
        item = store.items.add(m.AgendaItem(meeting_id=meeting.id, minute_number="1",
                                            title=f"T {STORED}", exempt=False))
        now = store.now()
        store.entries.add(m.Action(item_id=item.id, text=f"Act {STORED}", owner=f"O {STORED}",
                                   due=dt.date(2024, 1, 2), captured_at=now))
        store.entries.add(m.Resolution(item_id=item.id, text=f"That the {STORED} be noted",
                                       captured_at=now))
    return meeting


# One rule ---------------------------------------------------------------------------------


def test_the_rule_is_one_and_needs_neither_textual_nor_rich():
    from clerk_tui.os_errors import os_error_line
    from clerk_tui.ui.text import shown

    for text in (TYPED, STORED, "\ud800\u2028\x00\x7f"):
        assert shown(text) == printable(text)
        assert not raw_hidden(printable(text))
        assert not raw_hidden(printable(text, lines=True).replace("\n", ""))
    error = OSError(2, "No such file or directory", f"/tmp/{TYPED}")
    assert os_error_line(error) == f"/tmp/{printable(TYPED)} cannot be used: " \
                                   "No such file or directory."
    code = ("import sys, clerk_tui.printable, clerk_tui.os_errors; "
            "print('textual' in sys.modules or 'rich' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True)
    assert result.stdout.strip() == "False"


def test_json_escapes_lose_nothing():
    data = {"text": STORED + "\x00\x1b\ud800", "n": 1}
    dumped = json_escaped(json.dumps(data, indent=2, ensure_ascii=False))
    assert not raw_hidden(dumped)
    assert json.loads(dumped) == data


# Commands that quote data ------------------------------------------------------------------


def test_meeting_new_names_a_hostile_committee_and_agenda_visibly(run, tmp_path):
    agenda = tmp_path / "agenda.txt"
    agenda.write_text(f"1. Report {STORED}\n2. Budget \u202e[@click=app.quit]\n", "utf-8")
    result = run("meeting", "new", "--committee", TYPED, "--date", "2024-05-01",
                 "--venue", TYPED, "--agenda", str(agenda))
    assert result.exit_code == 0, result.output
    assert_shown(result, "Fin\\u202eance \\x1b[2J\\x1b]0;owned\\x07 \\x9b31m \\u2066x\\u2069")


def test_actions_search_and_config_show_data_visibly(run, hostile):
    shown = printable(STORED)
    for args in (["actions"], ["actions", "--confidential", "--open"],
                 ["search", "zebra"], ["search", "--all-kinds", "zebra"],
                 ["search", "zebra", "--committee", f"C {STORED}"]):
        result = run(*args)
        assert result.exit_code == 0, (args, result.output)
        assert_shown(result, shown)
    assert "OVERDUE" in run("actions").stdout
    assert run("config", "set", "organisation", TYPED).exit_code == 0
    result = run("config")
    assert_shown(result, "Fin\\u202eance")
    assert_shown(run("config", "set", "organisation", TYPED), "\\u202e")


def test_refusals_quoting_data_show_it_visibly(run, hostile, tmp_path):
    for args in (["actions", "--committee", TYPED], ["search", "x", "--committee", TYPED],
                 ["export", TYPED, "2024-05-01"], ["export", f"C {STORED}", "2031-01-01"],
                 ["meeting", "new", "--committee", "x", "--date", TYPED],
                 ["verify", "--fingerprint", TYPED], [TYPED]):
        result = run(*args)
        assert result.exit_code in (1, 2), (args, result.output)
        assert_shown(result, "\\u202e")


def test_exports_checks_backups_imports_and_verifies_name_odd_paths_visibly(run, hostile,
                                                                           tmp_path):
    folder = tmp_path / f"out {TYPED}"
    folder.mkdir()
    for args in (["export", hostile.id, "--format", "md", "-o", str(folder)],
                 ["actions", "--format", "csv", "-o", str(folder / "a.csv")],
                 ["backup", str(folder / "copy.db")]):
        result = run(*args)
        assert result.exit_code == 0, (args, result.output)
        assert_shown(result, "\\x1b[2J")
    minutes = folder / "old minutes.txt"
    minutes.write_text("Planning Committee\n1 May 2024\n1. Apologies\nNone.\n", "utf-8")
    for args in (["import", str(minutes)], ["verify", str(minutes)]):
        assert_shown(run(*args), "\\x1b[2J")
    result = run("check", db=folder / "new.db")  # refused: no database there
    assert result.exit_code == 2
    assert_shown(result, "\\x1b[2J")
    result = run("config", db=folder / "made.db")  # a database is made, and said so
    assert_shown(result, "\\x1b[2J")
    assert_shown(run("check", db=folder / "made.db"), "\\x1b[2J")


# Data for programs: exact ----------------------------------------------------------------


def test_json_is_the_exact_data_with_nothing_raw(run, hostile):
    result = run("search", "zebra", "--json")
    assert result.exit_code == 0, result.output
    assert not raw_hidden(result.stdout)
    (hit,) = json.loads(result.stdout)["results"]
    assert hit["committee"] == f"C {STORED}"
    assert hit["text"] == f"That the {STORED} be noted"


def test_csv_read_by_a_program_is_the_exact_data(run, hostile):
    result = run("actions", "--format", "csv")
    assert result.exit_code == 0, result.output
    rows = list(csv.reader(io.StringIO(result.stdout)))
    assert any("Act Zebra \u202eecnanif \x9b31m" in cell for cell in rows[1])  # spaces trimmed


# On a real terminal ------------------------------------------------------------------------

_CLERKS_OWN = re.compile(r"\x1b\[[0-9;]*m")  # click's styles: bold, red, reset


def on_a_terminal(args: list[str], timeout: float = 60.0) -> str:
    """What ``clerk ARGS`` writes to a terminal (a pseudo-terminal: stdout is a tty)."""
    leader, follower = pty.openpty()
    process = subprocess.Popen([sys.executable, "-m", "clerk_tui", *args], stdin=follower,
                               stdout=follower, stderr=follower, close_fds=True)
    os.close(follower)
    chunks, deadline = [], time.monotonic() + timeout  # generous: the machine is shared
    while time.monotonic() < deadline:
        ready, _, _ = select.select([leader], [], [], 1.0)
        if not ready:
            if process.poll() is not None:
                break
            continue
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the terminal closed: the command has ended
            break
        if not chunk:
            break
        chunks.append(chunk)
    process.wait(timeout=timeout)
    os.close(leader)
    return b"".join(chunks).decode("utf-8", "replace").replace("\r\n", "\n")


def test_on_a_terminal_clerks_own_styling_stays_and_the_datas_is_shown(db_path, hostile):
    searched = on_a_terminal(["--db", str(db_path), "search", "zebra"])
    assert "\x1b[1m" in searched  # the matched word in bold, clerk's own highlight
    listed = on_a_terminal(["--db", str(db_path), "actions"])
    assert "OVERDUE" in listed and "\x1b[31m" in listed  # in red
    spreadsheet = on_a_terminal(["--db", str(db_path), "actions", "--format", "csv"])
    for output in (searched, listed, spreadsheet):
        assert not raw_hidden(_CLERKS_OWN.sub("", output)), output
        assert "\\u202e" in output and "\\x9b31m" in output
