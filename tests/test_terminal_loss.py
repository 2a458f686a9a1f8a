"""The terminal goes away: clerk saves everything and exits (clerk_tui/ui/terminal_loss.py).

End to end in tmux: type a stored line and a half-typed one, take the terminal away (the
tmux server killed, the session killed, or the relay of the terminal killed, as when an
ssh connection drops), and clerk must end by itself with both lines in the file. The
pieces are tested too, each in a process of its own where it may end the process. How
fast clerk ends is measured by ``make soak`` (tests/crash_campaign.py), not asserted here.
"""

from __future__ import annotations

import errno
import inspect
import subprocess
import sys
import textwrap
import threading

import pytest
from textual.driver import Driver
from textual.drivers.linux_driver import LinuxDriver

from clerk_tui.ui.app import make_app
from clerk_tui.ui.terminal_loss import QUEUED_WRITES, ClerkDriver, TerminalOutput
from crash_campaign import ENDS_WITHIN, LOSS_MODES, loss_trial

WAIT = 60  # seconds: a hang guard for threads and processes, never a measure


@pytest.mark.parametrize("mode", LOSS_MODES)
def test_when_the_terminal_goes_clerk_saves_everything_and_ends(tmp_path, mode):
    trial = loss_trial(tmp_path, mode, 1)
    assert trial.seconds is not None, f"clerk still running {ENDS_WITHIN:.0f} s on: {trial.state}"
    assert trial.integrity == "ok"
    assert trial.stored in trial.entries
    assert trial.saved_draft.startswith(trial.draft), trial
    assert trial.kept, trial


def test_the_app_runs_on_clerks_driver(tmp_path):
    app = make_app(tmp_path / "clerk.db")
    try:
        assert app.driver_class is ClerkDriver
    finally:
        app.store.close()


class _Failing:
    """A terminal that has gone: every write fails as a hung-up tty's does."""

    def write(self, text: str) -> int:
        raise OSError(errno.EIO, "Input/output error")

    def flush(self) -> None:
        raise OSError(errno.EIO, "Input/output error")


def _in_a_thread(work) -> threading.Thread:
    thread = threading.Thread(target=work, daemon=True)
    thread.start()
    return thread


def test_output_survives_a_failed_write_and_never_blocks_after_it():
    failures: list[BaseException] = []
    output = TerminalOutput(_Failing(), failures.append, stalled=lambda: None)
    output.start()

    def write_a_lot() -> None:
        for number in range(3 * QUEUED_WRITES):
            output.write(f"frame {number}")

    writer = _in_a_thread(write_a_lot)
    writer.join(WAIT)
    assert not writer.is_alive(), "writing to a dead terminal blocked"
    assert [error.errno for error in failures] == [errno.EIO]  # told once
    output.stop()
    assert not output.is_alive()


class _Stuck:
    """A live terminal that takes no output (a dropped network under ssh)."""

    def __init__(self) -> None:
        self.release = threading.Event()

    def write(self, text: str) -> int:
        self.release.wait()
        return len(text)

    def flush(self) -> None:
        pass


def test_a_terminal_that_takes_nothing_gets_the_typing_saved_and_lets_go_when_dropped():
    terminal, stalled = _Stuck(), threading.Event()
    output = TerminalOutput(terminal, failed=lambda error: None, stalled=stalled.set)
    output.start()

    def write_a_lot() -> None:
        for number in range(3 * QUEUED_WRITES):
            output.write(f"frame {number}")

    writer = _in_a_thread(write_a_lot)
    assert stalled.wait(WAIT), "the typing was not saved while the terminal took nothing"
    assert writer.is_alive()  # the screen waits for a live terminal
    output.drop()  # the terminal is found gone
    writer.join(WAIT)
    assert not writer.is_alive()
    terminal.release.set()
    output.stop()


def _run_watch(script: str) -> subprocess.CompletedProcess:
    """Run ``script`` after the common set-up: a watch whose app never gets to save or
    exit (its loop is stuck), and a main thread that waits forever; the deadlines shortened."""
    prelude = textwrap.dedent("""
        import os, signal, sys, threading
        from clerk_tui.ui import terminal_loss
        terminal_loss.DEADLINE = terminal_loss.LIVE_DEADLINE = terminal_loss.SAVE_GRACE = 0.2
        def last_words(settled):
            print(f"last words, settled={settled}", flush=True)
    """)
    return subprocess.run([sys.executable, "-c", prelude + textwrap.dedent(script)],
                          capture_output=True, text=True, timeout=WAIT)


def test_a_signal_while_the_app_is_stuck_still_ends_the_process_after_a_rescue():
    ended = _run_watch("""
        watch = terminal_loss.TerminalWatch(set(), leave=lambda: None, gone=lambda: None,
                                            last_words=last_words)
        watch.start()
        signal.signal(signal.SIGHUP, watch.on_signal)
        os.kill(os.getpid(), signal.SIGHUP)
        threading.Event().wait()
    """)
    assert (ended.returncode, ended.stdout) == (1, "last words, settled=False\n"), ended.stderr


def test_a_hang_up_ends_the_process_once_the_saves_are_made():
    ended = _run_watch("""
        main, terminal = os.openpty()
        def gone():
            print("gone", flush=True)
        watch = terminal_loss.TerminalWatch({terminal}, leave=lambda: watch.settled.set(),
                                            gone=gone, last_words=last_words)
        watch.start()
        os.close(main)  # what sshd or tmux does when the connection or the server ends
        threading.Event().wait()
    """)
    assert (ended.returncode, ended.stdout) == (0, "gone\nlast words, settled=True\n"), \
        ended.stderr


def test_a_normal_close_stops_the_watch_and_nothing_ends_the_process():
    ended = _run_watch("""
        watch = terminal_loss.TerminalWatch(set(), leave=lambda: print("left"),
                                            gone=lambda: None, last_words=last_words)
        watch.start()
        watch.stop()
        watch.join()
        print("still here", flush=True)
    """)
    assert (ended.returncode, ended.stdout) == (0, "still here\n"), ended.stderr


def test_what_clerks_driver_relies_on_in_textual_is_still_so():
    """terminal_loss.py overrides public methods only, but leans on how Textual 8.2 uses
    them; a Textual that changes any of this needs terminal_loss.py looked at again."""
    # Setting exit_event ends the input thread's loop (it stops the spin on a dead terminal).
    assert "while not self.exit_event.is_set():" in inspect.getsource(LinuxDriver.run_input_thread)
    # SIGCONT resumes through resume_application_mode, which clerk's driver guards.
    handler = inspect.getsource(LinuxDriver._sigcont_application)
    assert "self.resume_application_mode()" in handler
    # Suspending closes the driver: close() must not stop the watch then.
    assert "self.close()" in inspect.getsource(Driver.suspend_application_mode)
    # All output goes through write(), which clerk's driver replaces.
    source = inspect.getsource(LinuxDriver)
    assert source.count("_writer_thread.write(") == 1
    assert "def write(self, data: str) -> None:" in source
    # The input thread's failures reach run_input_thread's caller, which clerk's wraps.
    assert "self.run_input_thread()" in inspect.getsource(LinuxDriver._run_input_thread)
