"""When the terminal goes away: save everything, then exit, within two seconds.

A terminal can vanish under clerk: an ssh connection drops, tmux is killed, a terminal
window is closed. Textual 8.2's Linux driver does not survive it. Its input thread spins
on the end of input (a hung-up terminal reads as empty, at once, forever); its writer
thread dies at the first failed write, after which the app blocks for good on a full
queue; and the SIGCONT that the kernel sends with the hang-up restarts "application mode"
on the dead terminal, with a second writer that dies too. :class:`ClerkDriver` is that
driver with those holes closed, through its public methods only:

- output goes through :class:`TerminalOutput`, a writer that survives a failed write and
  never keeps the app waiting once the terminal is gone (what is written then is dropped);
  while a live terminal takes no output, what is typed is saved all the same;
- :class:`TerminalWatch`, a thread, notices the end: a hang-up (poll's POLLHUP, which reads
  no input), SIGHUP or SIGTERM, or a failed read or write;
- at the end the app saves everything first, in its own loop, and then exits; the input
  thread is stopped and the terminal's output descriptors point at /dev/null, so nothing
  can block on the dead terminal; if the process is still alive 1.5 s after the end, the
  watch closes the database and ends the process with ``os._exit``. A committed SQLite
  transaction is durable (WAL, ``synchronous=FULL``), so after the saves a hard exit loses
  nothing.

What this relies on in Textual beyond its public interface (``tests/test_terminal_loss.py``
checks each, and constraints.txt pins Textual): setting ``exit_event`` ends the input
thread's loop, and SIGCONT reaches the driver through ``resume_application_mode``.
"""

from __future__ import annotations

import asyncio
import os
import select
import signal
import sys
import termios
import time
from collections.abc import Callable
from queue import Full, Queue
from threading import Event, Thread
from typing import IO, Protocol, cast

from textual.app import App
from textual.drivers.linux_driver import LinuxDriver

DEADLINE = 1.5  # seconds from the end of the terminal to the hard exit: inside the 2 s promise
LIVE_DEADLINE = 5.0  # the same after a signal while the terminal is still there (a clean
# exit, which gives the terminal back as it was, is worth waiting for)
SAVE_GRACE = 5.0  # more seconds for a save still under way at the deadline, before a rescue
LAST_WORDS = 1.0  # seconds the database is given to close before the hard exit
STALL = 0.5  # seconds a live terminal may refuse output before what is typed is saved anyway
QUEUED_WRITES = 30  # writes queued for the terminal before the app waits (Textual's figure)
LOOK_AGAIN = 0.1  # seconds between looks at whether the terminal went, while output waits
STOP_WAIT = 5.0  # seconds the last output is given at a normal exit
SIGNALS = {signal.SIGHUP: b"H", signal.SIGTERM: b"T"}
READ_FAILED, WRITE_FAILED, STOPPED = b"R", b"W", b"S"
GONE = select.POLLHUP | select.POLLERR


class LeavingApp(Protocol):
    """What clerk's driver needs of the app (ClerkApp is one)."""

    def save_typing(self, leaving: bool) -> None:
        """In the app's loop: save what is typed; when ``leaving``, write what cannot be
        saved into a recovery file."""

    def close_in_haste(self, settled: bool) -> None:
        """From another thread, just before a hard exit: rescue what is typed unless the
        saves were made (``settled``), and close the database."""

    def exit(self) -> None:
        """End the app (Textual's)."""


def driver_for(found: type) -> type:
    """clerk's driver in place of Textual's Linux (and macOS) driver; others as found."""
    return ClerkDriver if found is LinuxDriver else found


class TerminalOutput(Thread):
    """Writes to the terminal in the background, as Textual's writer thread does, but a
    failed write ends the output instead of the thread, and once output is dropped
    (the terminal is gone) no write waits."""

    def __init__(self, file: IO[str], failed: Callable[[OSError | ValueError], None],
                 stalled: Callable[[], None]) -> None:
        super().__init__(daemon=True, name="clerk-output")
        self._file = file
        self._failed, self._stalled = failed, stalled
        self._queue: Queue[str | None] = Queue(QUEUED_WRITES)
        self.dropping = Event()

    def write(self, text: str) -> None:
        """Queue ``text``. While the terminal takes nothing, wait (as the screen must),
        looking every :data:`LOOK_AGAIN` whether it went, and save the typing once."""
        looks = 0
        while not self.dropping.is_set():
            try:
                self._queue.put(text, timeout=LOOK_AGAIN)
                return
            except Full:
                looks += 1
                if looks == round(STALL / LOOK_AGAIN):
                    self._stalled()

    def drop(self) -> None:
        """Write nothing more: the terminal is gone."""
        self.dropping.set()

    def run(self) -> None:
        while (text := self._queue.get()) is not None:
            if self.dropping.is_set():
                continue
            try:
                self._file.write(text)
                if self._queue.empty():
                    self._file.flush()
            except (OSError, ValueError) as error:  # EIO, EPIPE; or a closed file
                self.dropping.set()
                self._failed(error)

    def stop(self) -> None:
        """Write what is queued (unless dropping), then end the thread."""
        try:
            self._queue.put(None, timeout=STOP_WAIT)
        except Full:  # stuck on a terminal that takes nothing: a daemon thread, left
            return
        self.join(STOP_WAIT)


class TerminalWatch(Thread):
    """Sees the terminal's end coming and the leaving through.

    ``leave`` runs once when clerk must go (in this thread: it should only schedule
    work); ``gone`` once when the terminal can no longer be used; ``last_words(settled)``
    just before the hard exit, if the clean exit has not finished by :data:`DEADLINE`
    (:data:`LIVE_DEADLINE` while the terminal is still there).
    """

    def __init__(self, terminal: set[int], leave: Callable[[], None],
                 gone: Callable[[], None], last_words: Callable[[bool], None]) -> None:
        super().__init__(daemon=True, name="clerk-terminal-watch")
        self._leave, self._gone, self._last_words = leave, gone, last_words
        self._wake_up, self._waker = os.pipe()
        os.set_blocking(self._waker, False)  # a signal handler must never wait
        self._poll = select.poll()
        self._terminal = set(terminal)
        for fd in self._terminal:
            self._poll.register(fd, 0)  # hang-up and errors only: no input is read
        self._poll.register(self._wake_up, select.POLLIN)
        self.leaving_since: float | None = None
        self.is_gone = False
        self.signalled = False
        self.settled = Event()
        """Set by the app's side once the saves are made: a hard exit then loses nothing."""
        self._stopped = False

    def tell(self, code: bytes) -> None:
        """Wake the watch with ``code`` (safe in a signal handler and any thread)."""
        try:
            os.write(self._waker, code)
        except OSError:  # the pipe is full: the watch has plenty to read already
            pass

    def on_signal(self, number: int, _frame: object) -> None:
        """The handler for SIGHUP and SIGTERM."""
        self.signalled = True
        if self.is_alive():
            self.tell(SIGNALS.get(number, b"T"))
        else:  # the app has closed; the signal does what it would have done
            signal.signal(number, signal.SIG_DFL)
            os.kill(os.getpid(), number)

    def stop(self) -> None:
        """The app closed normally: stop watching (a leaving already begun goes on)."""
        self.tell(STOPPED)

    def run(self) -> None:
        while not (self._stopped and self.leaving_since is None):
            for fd, events in self._poll.poll(self._wait_ms()):
                if fd == self._wake_up:
                    self._read_codes()
                else:
                    self._hung_up(fd, events)
            if self.leaving_since is not None and time.monotonic() >= self._deadline():
                self._hard_exit()

    def _deadline(self) -> float:
        return self.leaving_since + (DEADLINE if self.is_gone else LIVE_DEADLINE)

    def _wait_ms(self) -> int | None:
        if self.leaving_since is None:
            return None
        return max(0, round((self._deadline() - time.monotonic()) * 1000))

    def _read_codes(self) -> None:
        for code in os.read(self._wake_up, 64):
            code = bytes([code])
            if code == STOPPED:
                self._stopped = True
            else:
                self._end(gone=code in (READ_FAILED, WRITE_FAILED))

    def _hung_up(self, fd: int, events: int) -> None:
        self._poll.unregister(fd)  # it would report the same at once, forever
        if events & GONE:
            self._end(gone=True)
        # POLLNVAL alone: this descriptor cannot be watched here (poll on a macOS tty)

    def _end(self, gone: bool) -> None:
        if gone and not self.is_gone:
            self.is_gone = True
            self._gone()
        if self.leaving_since is None:
            self.leaving_since = time.monotonic()
            self._leave()

    def _hard_exit(self) -> None:
        settled = self.settled.wait(SAVE_GRACE)
        closing = Thread(target=self._last_words, args=(settled,), daemon=True)
        closing.start()
        closing.join(LAST_WORDS)
        os._exit(0 if settled else 1)


class ClerkDriver(LinuxDriver):
    """Textual's Linux driver that saves and exits when the terminal goes away."""

    def __init__(self, app: App, *, debug: bool = False, mouse: bool = True,
                 size: tuple[int, int] | None = None) -> None:
        super().__init__(app, debug=debug, mouse=mouse, size=size)
        self._clerk_app = cast(LeavingApp, app)
        self._loop: asyncio.AbstractEventLoop | None = None
        self._output: TerminalOutput | None = None
        self._watch: TerminalWatch | None = None
        self._suspended = False
        self._saving_in_stall = False
        self._screens = {fd for fd in (1, 2) if os.isatty(fd)}
        self._terminal = {fd for fd in (self.fileno, sys.__stderr__.fileno()) if os.isatty(fd)}

    def write(self, data: str) -> None:
        """Write to the terminal (dropped once it is gone)."""
        if self._output is not None:
            self._output.write(data)

    def start_application_mode(self) -> None:
        """Start as Textual does, with clerk's output and the watch on the terminal."""
        self._loop = asyncio.get_running_loop()
        self._output = TerminalOutput(sys.__stderr__, self._write_failed, self._stalled)
        self._output.start()
        if self._watch is None:
            self._watch = TerminalWatch(self._terminal, self._leave, self._gone,
                                        self._last_words)
            self._watch.start()
            for number in SIGNALS:
                signal.signal(number, self._watch.on_signal)
        elif self._watch.is_gone:
            self._output.drop()
        super().start_application_mode()

    def run_input_thread(self) -> None:
        """Read keys as Textual does; a failed read (EIO) is the terminal's end."""
        try:
            super().run_input_thread()
        except OSError:
            if self._watch is not None:
                self._watch.tell(READ_FAILED)

    def suspend_application_mode(self) -> None:
        """Ctrl+Z: hand the terminal back, and remember that it was."""
        self._suspended = True
        super().suspend_application_mode()

    def resume_application_mode(self) -> None:
        """Take the terminal back after a suspension; not on the SIGCONT that comes with
        a hang-up, nor once clerk is leaving."""
        watch = self._watch
        if not self._suspended or (watch and (watch.signalled or watch.leaving_since)):
            return
        self._suspended = False
        super().resume_application_mode()

    def close(self) -> None:
        """End output; stop watching, unless suspended or already leaving."""
        super().close()
        if self._output is not None:
            self._output.stop()
            self._output = None  # while suspended, nothing is written
        if self._watch is not None and not self._suspended:
            self._watch.stop()

    # What the watch does, in its own thread.

    def _leave(self) -> None:
        try:
            self._loop.call_soon_threadsafe(self._save_and_exit)
        except (AttributeError, RuntimeError):  # the loop has closed: the app is ending
            pass

    def _gone(self) -> None:
        if self._output is not None:
            self._output.drop()
        self.exit_event.set()  # the input thread would spin on the end of input
        devnull = os.open(os.devnull, os.O_WRONLY)
        for fd in self._screens:  # a late print or the interpreter's flush cannot block
            os.dup2(devnull, fd)
        os.close(devnull)

    def _last_words(self, settled: bool) -> None:
        if not self._watch.is_gone and self.attrs_before is not None:
            try:  # leave a terminal that is still there usable
                termios.tcsetattr(self.fileno, termios.TCSANOW, self.attrs_before)
            except termios.error:
                pass
        self._clerk_app.close_in_haste(settled)

    # In the app's loop.

    def _save_and_exit(self) -> None:
        try:
            self._clerk_app.save_typing(leaving=True)
            self._watch.settled.set()
        finally:
            self._clerk_app.exit()

    # In the main thread, from a write that waits.

    def _stalled(self) -> None:
        if self._saving_in_stall:
            return
        self._saving_in_stall = True
        try:
            self._clerk_app.save_typing(leaving=False)
        except Exception:  # noqa: BLE001 - an early extra save; the regular one reports
            pass
        finally:
            self._saving_in_stall = False

    def _write_failed(self, _error: OSError | ValueError) -> None:
        if self._watch is not None:
            self._watch.tell(WRITE_FAILED)
