"""The crash campaign: type into clerk in a real terminal, kill -9 it, count what is lost.

Each trial starts clerk under tmux on a small meeting, types at a clerk's speed into
the capture line or into an entry editor, kills the process with SIGKILL at a random
moment, and then reads the file: ``PRAGMA integrity_check`` must say ok, clerk must
open it, and every character typed 250 ms or more before the kill must be there.

``make test`` runs a few trials (tests/test_crash_campaign.py); ``make soak`` runs
200 and prints the figures:  python tests/crash_campaign.py --trials 200
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import signal
import sqlite3
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from terminal import Terminal

from clerk_tui import models as m
from clerk_tui.store import Store

PROMISE = 0.25  # seconds: what was typed this long before the kill must be saved
WORDS = ("the committee noted report officers councillor budget lease depot planning "
         "resolved agreed deferred consultation members chair vote housing library "
         "parking application objection, recommended. residents' 2026 £40,000 (appendix b)"
         ).split()
ORIGINAL = "Members discussed the options."
Mode = Literal["capture", "editor"]


@dataclass(frozen=True)
class Trial:
    """What one trial typed, what was saved, and whether the file was sound."""

    mode: Mode
    typed: str
    required: int
    """How many of the typed characters were sent at least PROMISE before the kill."""
    saved: str
    integrity: str
    opened: bool

    @property
    def lost(self) -> int:
        """Characters the promise covered that are not in the file."""
        kept = 0
        while kept < min(len(self.saved), len(self.typed)) and \
                self.saved[kept] == self.typed[kept]:
            kept += 1
        return max(0, self.required - kept)

    @property
    def garbled(self) -> bool:
        """The file holds something that was never typed."""
        return not self.typed.startswith(self.saved)

    @property
    def corrupt(self) -> bool:
        return self.integrity != "ok" or not self.opened


def _prepare(db: Path) -> tuple[str, str]:
    """A meeting with one item holding one note: (item id, note id)."""
    with Store.open(db) as store:
        meeting = store.new_meeting("Scrutiny Committee", dt.date(2026, 3, 4))
        item = store.items.add(m.AgendaItem(meeting_id=meeting.id, minute_number="1",
                                            title="Budget monitoring", exempt=False))
        note = store.entries.add(m.Note(item_id=item.id, text=ORIGINAL,
                                        captured_at=store.now()))
    return item.id, note.id


def _text(rng: random.Random, length: int) -> str:
    words: list[str] = []
    while len(" ".join(words)) < length:
        words.append(rng.choice(WORDS))
    return ("Cllr " + " ".join(words))[:length]


def _read_back(db: Path, mode: Mode, item_id: str, note_id: str) -> tuple[str, str, bool]:
    """What the file holds for the trial, its integrity, and whether clerk opens it."""
    connection = sqlite3.connect(db)
    try:
        integrity = connection.execute("PRAGMA integrity_check").fetchone()[0]
        if mode == "capture":
            row = connection.execute("SELECT text FROM capture_drafts WHERE item_id = ?",
                                     (item_id,)).fetchone()
            saved = row[0] if row else ""
        else:
            text = connection.execute("SELECT text FROM entries WHERE id = ?",
                                      (note_id,)).fetchone()[0]
            saved = text.removesuffix(ORIGINAL)  # typed at the start of the note
    finally:
        connection.close()
    try:
        Store.open(db).close()
        opened = True
    except Exception:  # noqa: BLE001 - any failure to open is what we count
        opened = False
    return saved, integrity, opened


def _open_the_note(terminal: Terminal) -> None:
    """Shift+Tab to the entries (the footer then offers Edit entry), Enter to edit."""
    for _ in range(4):  # focus may still be settling when the screen first shows
        terminal.press("BTab", settle=0.3)
        if "Edit entry" in terminal.screen():
            break
    terminal.press("Enter")
    terminal.wait_for("saved as you type")


def run_trial(folder: Path, rng: random.Random, mode: Mode) -> Trial:
    """One trial in ``folder``: start, type, kill -9, read back."""
    db = folder / "clerk.db"
    item_id, note_id = _prepare(db)
    env = {"CLERK_CONFIG": str(folder / "settings.toml"), "TERM": "xterm-256color"}
    terminal = Terminal([sys.executable, "-m", "clerk_tui", "--db", str(db)], env)
    try:
        terminal.wait_for("Scrutiny Committee")
        terminal.press("Enter")
        terminal.wait_for("Type a note")
        if mode == "editor":
            _open_the_note(terminal)
        typed = _text(rng, rng.randint(15, 70))
        kill_after = rng.uniform(0.3, 0.2 * len(typed))
        start, sent = time.monotonic(), []
        for character in typed:
            if time.monotonic() - start >= kill_after:
                break
            terminal.press("-l", character, settle=0)
            sent.append(time.monotonic())
            time.sleep(rng.uniform(0.06, 0.2))  # 60 to 150 words a minute
        killed_at = time.monotonic()
        os.kill(terminal.program_pid(), signal.SIGKILL)
        terminal.wait_for("EXITED 137")
    finally:
        terminal.close()
    required = sum(1 for at in sent if at <= killed_at - PROMISE)
    saved, integrity, opened = _read_back(db, mode, item_id, note_id)
    return Trial(mode, typed[:len(sent)], required, saved, integrity, opened)


def campaign(trials: int, seed: int = 2026) -> Iterator[Trial]:
    """Run ``trials`` trials, alternating the capture line and the entry editor."""
    rng = random.Random(seed)
    for number in range(trials):
        with tempfile.TemporaryDirectory(prefix="clerk-crash-") as folder:
            mode: Mode = "capture" if number % 2 == 0 else "editor"
            yield run_trial(Path(folder), rng, mode)


def summary(results: list[Trial]) -> str:
    """The figures for the README."""
    typed = sum(len(r.typed) for r in results)
    lost = sum(r.lost for r in results)
    return (f"{len(results)} trials, {typed} characters typed, {lost} characters lost, "
            f"{sum(r.garbled for r in results)} garbled, "
            f"{sum(r.corrupt for r in results)} corrupt files")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--trials", type=int, default=200)
    parser.add_argument("--seed", type=int, default=2026)
    arguments = parser.parse_args()
    results = []
    for number, trial in enumerate(campaign(arguments.trials, arguments.seed), start=1):
        results.append(trial)
        flag = "  <-- FAILED" if trial.lost or trial.garbled or trial.corrupt else ""
        print(f"[{number}/{arguments.trials}] {trial.mode:7} typed {len(trial.typed):3} "
              f"promised {trial.required:3} saved {len(trial.saved):3} lost {trial.lost}{flag}",
              flush=True)
    print(summary(results))
    failed = any(r.lost or r.garbled or r.corrupt for r in results)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
