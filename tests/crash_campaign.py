"""The crash campaign: type into clerk in a real terminal, kill -9 it, count what is lost.

Each trial starts clerk under tmux on a small meeting, types at a clerk's speed into
the capture line or into an entry editor, kills the process with SIGKILL at a random
moment, and then reads the file: ``PRAGMA integrity_check`` must say ok, clerk must
open it, and every character typed 250 ms or more before the kill must be there.

``make test`` runs a few trials (tests/test_crash_campaign.py); ``make soak`` runs
200 and prints the figures:  python tests/crash_campaign.py --trials 200

The terminal-loss trials (``--loss-trials``) type a stored line and a half-typed one,
then take the terminal away (the tmux server killed, the tmux session killed, or the
program relaying the terminal killed, as when an ssh connection drops) and measure how
long clerk takes to end; everything typed must be in the file.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import shlex
import signal
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from clerk_tui import models as m
from clerk_tui.store import Store
from terminal import Terminal, clerk_processes, cpu_seconds, has_ended, process_state

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
            saved = text.removeprefix(ORIGINAL)  # typed after the note: the editor opens at its end
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


LossMode = Literal["server", "session", "relay"]
LOSS_MODES: tuple[LossMode, ...] = ("server", "session", "relay")
ENDS_WITHIN = 20.0  # seconds a trial waits for clerk to end: generous on a loaded machine
PROMISED_EXIT = 2.0  # seconds: what the README promises, reported by the soak, not asserted


@dataclass(frozen=True)
class LossTrial:
    """What one terminal-loss trial typed, what the file holds, and how clerk ended."""

    mode: LossMode
    stored: str
    """A line typed and stored with Enter."""
    draft: str
    """A line typed on the capture line, without Enter, and shown before the terminal went."""
    typed_on: list[str]
    """Keys typed on after it, up to the terminal's end: some may never reach clerk."""
    entries: list[str]
    saved_draft: str
    integrity: str
    seconds: float | None
    """From the terminal's end to clerk's; None if it had not ended after ENDS_WITHIN."""
    state: str = ""
    """If clerk had not ended: its process state and the CPU it used in the last second."""

    @property
    def kept(self) -> bool:
        """Everything typed is in the file, and the file is sound."""
        return (self.stored in self.entries and self.saved_draft.startswith(self.draft)
                and (self.draft + "".join(self.typed_on)).startswith(self.saved_draft)
                and self.integrity == "ok")


def _end_the_terminal(terminal: Terminal, mode: LossMode, relay: int) -> None:
    if mode == "server":
        terminal.kill_server()
    elif mode == "session":
        subprocess.run([*terminal.tmux, "kill-session", "-t", terminal.name], check=True)
    else:  # the relay (sshd, here script(1)) dies: clerk's terminal hangs up
        os.kill(relay, signal.SIGKILL)


def _wait_for_end(pid: int) -> tuple[float | None, str]:
    """Seconds until ``pid`` ends, polled closely; or None and what it is doing."""
    start = time.monotonic()
    while time.monotonic() - start < ENDS_WITHIN:
        if has_ended(pid):
            return time.monotonic() - start, ""
        time.sleep(0.005)
    used = cpu_seconds(pid)
    time.sleep(1)
    return None, f"state {process_state(pid)}, {cpu_seconds(pid) - used:.2f} s of CPU in 1 s"


def _relay_command(command: list[str]) -> list[str]:
    """``command`` on a terminal of its own, relayed by script(1) as sshd would relay it
    (with a shell between, as a login has)."""
    from conftest import require_program

    return [require_program("script"), "-qfec", f"{shlex.join(command)}; true", "/dev/null"]


def loss_trial(folder: Path, mode: LossMode, number: int) -> LossTrial:
    """One trial in ``folder``: type, take the terminal away, wait for clerk to end."""
    db = folder / "clerk.db"
    item_id, _ = _prepare(db)
    env = {"CLERK_CONFIG": str(folder / "settings.toml"), "TERM": "xterm-256color"}
    command = [sys.executable, "-m", "clerk_tui", "--db", str(db)]
    terminal = Terminal(_relay_command(command) if mode == "relay" else command, env)
    stored, draft = f"Stored line {number} of the trial", f"Half typed line {number}"
    try:
        terminal.wait_for("Scrutiny Committee")
        terminal.press("Enter")
        terminal.wait_for("Type a note")
        terminal.type(stored, enter=True)
        terminal.wait_for(stored)
        terminal.type(draft)
        terminal.wait_for(draft)  # on screen; not necessarily saved yet
        (pid,) = clerk_processes(db)
        relay = _ancestor(pid, "script") if mode == "relay" else 0
        with _typing_on(terminal) as typed_on:  # the clerk is typing as the terminal goes
            # The kernel sends SIGCONT with the hang-up; Textual restarted on it, and hung
            # when it came before the hang-up was complete. Sent a moment early, it always does.
            os.kill(pid, signal.SIGCONT)
            _end_the_terminal(terminal, mode, relay)
        seconds, state = _wait_for_end(pid)
    finally:
        terminal.close()
    return LossTrial(mode, stored, draft, typed_on, *_read_typed(db, item_id), seconds, state)


@contextmanager
def _typing_on(terminal: Terminal) -> Iterator[list[str]]:
    """Keep typing on the capture line (a key every few milliseconds) from a moment
    before the block to its end; yields the keys sent, filled in as they go."""
    sent: list[str] = []
    done = threading.Event()

    def type_on() -> None:
        while not done.is_set():
            key = "abcdefghij"[len(sent) % 10]
            sent.append(key)
            subprocess.run([*terminal.tmux, "send-keys", "-t", terminal.name, "-l", key],
                           capture_output=True)
            time.sleep(0.01)

    typist = threading.Thread(target=type_on, daemon=True)
    typist.start()
    time.sleep(0.2)
    try:
        yield sent
    finally:
        done.set()
        typist.join()


def _ancestor(pid: int, name: str) -> int:
    """The nearest process above ``pid`` running the program ``name``."""
    while pid > 1:
        pid = int(Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[1])
        if Path(f"/proc/{pid}/comm").read_text().strip() == name:
            return pid
    raise LookupError(f"no {name} above the process")


def _read_typed(db: Path, item_id: str) -> tuple[list[str], str, str]:
    connection = sqlite3.connect(db)
    try:
        entries = [text for (text,) in connection.execute(
            "SELECT text FROM entries WHERE item_id = ?", (item_id,))]
        row = connection.execute("SELECT text FROM capture_drafts WHERE item_id = ?",
                                 (item_id,)).fetchone()
        integrity = connection.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        connection.close()
    return entries, row[0] if row else "", integrity


def loss_campaign(trials: int) -> Iterator[LossTrial]:
    """Run ``trials`` terminal-loss trials, taking turns at the ways a terminal ends."""
    for number in range(trials):
        with tempfile.TemporaryDirectory(prefix="clerk-loss-") as folder:
            yield loss_trial(Path(folder), LOSS_MODES[number % len(LOSS_MODES)], number)


def loss_summary(results: list[LossTrial]) -> str:
    """The figures for the README: trials, what was kept, and how long clerk took to end."""
    times = sorted(r.seconds for r in results if r.seconds is not None)
    within = sum(1 for t in times if t <= PROMISED_EXIT)
    figures = (f"median {statistics.median(times):.2f} s, max {max(times):.2f} s, "
               f"{within} within {PROMISED_EXIT:.0f} s" if times else "none ended")
    return (f"{len(results)} terminal-loss trials, {sum(r.kept for r in results)} kept "
            f"everything typed, {len(times)} ended: {figures}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--trials", type=int, default=200)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--loss-trials", type=int, default=0,
                        help="terminal-loss trials to run after the crash trials")
    arguments = parser.parse_args()
    results = []
    for number, trial in enumerate(campaign(arguments.trials, arguments.seed), start=1):
        results.append(trial)
        flag = "  <-- FAILED" if trial.lost or trial.garbled or trial.corrupt else ""
        print(f"[{number}/{arguments.trials}] {trial.mode:7} typed {len(trial.typed):3} "
              f"promised {trial.required:3} saved {len(trial.saved):3} lost {trial.lost}{flag}",
              flush=True)
    if results:
        print(summary(results))
    failed = any(r.lost or r.garbled or r.corrupt for r in results)
    return 1 if failed or not _loss_soak(arguments.loss_trials) else 0


def _loss_soak(trials: int) -> bool:
    """Run the terminal-loss trials, print each and the figures; True if all went well."""
    results = []
    for number, trial in enumerate(loss_campaign(trials), start=1):
        results.append(trial)
        ended = f"ended after {trial.seconds:.2f} s" if trial.seconds is not None \
            else f"NOT ENDED after {ENDS_WITHIN:.0f} s ({trial.state})"
        flag = "" if trial.kept and trial.seconds is not None else "  <-- FAILED"
        print(f"[{number}/{trials}] terminal lost ({trial.mode:7}): {ended}, "
              f"{'everything typed kept' if trial.kept else 'TYPING LOST'}{flag}", flush=True)
    if results:
        print(loss_summary(results))
    return all(r.kept and r.seconds is not None for r in results)


if __name__ == "__main__":
    sys.exit(main())
