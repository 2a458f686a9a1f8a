"""Running a program in a terminal and watching what it draws.

:class:`Tmux` is the terminal a person would use: a tmux pane, read by polling it
(``capture-pane``), as the end-to-end tests do. :class:`Pty` is a bare pseudo-terminal
read directly, so the first byte of a frame is seen the moment it is written: it
times key-to-frame, where polling would add its own milliseconds.

Every program either starts is ended when its terminal is done with: asked first (Ctrl+Q,
or the hang-up of its terminal), then killed with its process group if it lingers
(:data:`PATIENCE`). :func:`left_behind` names any that still run; the harness checks it
at the end of a run.
"""

from __future__ import annotations

import fcntl
import os
import pty
import re
import select
import shlex
import signal
import struct
import subprocess
import termios
import time
import uuid
from pathlib import Path

WIDTH, HEIGHT = 120, 40
PATIENCE = 10.0  # seconds a program is given to end by itself before it is killed
OVERLAP = 8192  # bytes of output searched again with the next chunk, for text split between
# Escape sequences: CSI (colours, cursor moves), OSC (titles), character sets, and
# two-byte ones.
_ESCAPES = re.compile(rb"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)"
                      rb"|\x1b[()][0-9A-Za-z]|\x1b[@-Z\\-_]")


_started: list[int] = []
"""Every program started in a terminal here, so that none is left behind."""


def running(pid: int) -> bool:
    """True while process ``pid`` runs (an exited one not yet reaped does not)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] not in ("Z", "X")


def end(pid: int, patience: float = PATIENCE) -> None:
    """Wait up to ``patience`` seconds for ``pid`` to end, then kill it and its process
    group (a program on a terminal leads a group of its own)."""
    deadline = time.monotonic() + patience
    while running(pid) and time.monotonic() < deadline:
        time.sleep(0.02)
    if not running(pid):
        return
    try:
        os.killpg(pid, signal.SIGKILL)
    except OSError:
        os.kill(pid, signal.SIGKILL)
    while running(pid) and time.monotonic() < deadline + PATIENCE:
        time.sleep(0.02)


def left_behind() -> list[int]:
    """The programs started here that still run."""
    return [pid for pid in _started if running(pid)]


def visible(output: bytes) -> str:
    """The text in terminal output, escape sequences removed."""
    return _ESCAPES.sub(b"", output).decode("utf-8", "replace")


def environment(extra: dict[str, str] | None = None) -> dict[str, str]:
    """The environment every program under test runs in: the same terminal type, and
    no personal clerk settings."""
    env = {key: value for key, value in os.environ.items()
           if not key.startswith(("TEXTUAL", "CLERK"))}
    env.update(TERM="xterm-256color", COLORTERM="truecolor", LANG="C.UTF-8",
               CLERK_CONFIG="/nonexistent/clerk-bench-settings.toml")
    env.update(extra or {})
    return env


class Tmux:
    """One tmux session, in a tmux server of its own, whose pane is respawned with each
    program to time."""

    def __init__(self, width: int = WIDTH, height: int = HEIGHT,
                 patience: float = PATIENCE) -> None:
        self.name = f"clerk-bench-{uuid.uuid4().hex[:8]}"
        self.tmux = ["tmux", "-L", self.name]
        self.patience = patience
        self._programs: list[int] = []
        subprocess.run([*self.tmux, "new-session", "-d", "-s", self.name, "-x", str(width),
                        "-y", str(height), "sleep 100000"], check=True)
        self.socket = subprocess.run([*self.tmux, "display", "-p", "#{socket_path}"],
                                     capture_output=True, text=True).stdout.strip()

    def start(self, command: list[str], env: dict[str, str]) -> None:
        """Replace whatever runs in the pane with ``command`` (exec'd, so the pane's
        process is the program itself); the one before is ended."""
        exports = " ".join(f"{key}={shlex.quote(value)}" for key, value in env.items())
        script = f"exec env -i {exports} {shlex.join(command)}"
        self._respawn(script)
        self._programs.append(self.pid())
        _started.append(self._programs[-1])

    def _respawn(self, script: str) -> None:
        subprocess.run([*self.tmux, "respawn-pane", "-k", "-t", self.name, script], check=True)
        for pid in self._programs:  # told to go by the hang-up of the pane's terminal
            end(pid, self.patience)
        self._programs.clear()

    def screen(self) -> str:
        """What the pane shows now."""
        return subprocess.run([*self.tmux, "capture-pane", "-p", "-t", self.name],
                              capture_output=True, text=True, check=True).stdout

    def wait_for(self, text: str, timeout: float = 60.0, every: float = 0.005) -> float:
        """Poll until ``text`` is on screen; the time it appeared (``perf_counter``)."""
        deadline = time.perf_counter() + timeout
        while time.perf_counter() < deadline:
            if text in self.screen():
                return time.perf_counter()
            time.sleep(every)
        raise TimeoutError(f"{text!r} never appeared; the screen shows:\n{self.screen()}")

    def pid(self) -> int:
        """The process running in the pane."""
        return int(subprocess.run([*self.tmux, "display", "-p", "-t", self.name,
                                   "#{pane_pid}"],
                                  capture_output=True, text=True, check=True).stdout)

    def stop(self) -> None:
        """End the program in the pane, leaving the session for the next."""
        self._respawn("sleep 100000")

    def close(self) -> None:
        """End the session, its server (and its socket), and the program in it."""
        subprocess.run([*self.tmux, "kill-server"], capture_output=True)
        if self.socket:  # tmux leaves it behind
            Path(self.socket).unlink(missing_ok=True)
        for pid in self._programs:
            end(pid, self.patience)
        self._programs.clear()


def peak_rss_mib(pid: int) -> float:
    """The peak resident memory of a process so far (VmHWM), in MiB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError(f"no VmHWM for process {pid}")


class Pty:
    """A program on a pseudo-terminal of its own, its output read as it is written."""

    def __init__(self, command: list[str], env: dict[str, str], width: int = WIDTH,
                 height: int = HEIGHT, cwd: Path | None = None) -> None:
        self.pid, self.fd = pty.fork()
        if self.pid == 0:  # the child: size the terminal, then become the program
            try:
                fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", height, width, 0, 0))
                if cwd:
                    os.chdir(cwd)
                os.execve(command[0], command, env)
            finally:  # never run on as a second copy of the harness
                os._exit(127)
        _started.append(self.pid)
        self.output = bytearray()
        self.read_at = time.perf_counter()
        """When the last output was read (``perf_counter``)."""

    def read(self, timeout: float) -> bytes:
        """What the program writes within ``timeout`` seconds (b"" if nothing)."""
        ready, _, _ = select.select([self.fd], [], [], max(timeout, 0))
        if not ready:
            return b""
        try:
            chunk = os.read(self.fd, 1 << 16)
        except OSError:  # the program has ended
            return b""
        self.read_at = time.perf_counter()
        self.output += chunk
        return chunk

    def wait_for(self, text: str, timeout: float = 60.0, since: int = 0) -> float:
        """Read until ``text`` is shown (in the output after byte ``since``); the time the
        output showing it was read (``perf_counter``), before any looking through it,
        so a program that draws more is not charged for the time its frames take to
        search. Only what came since the last look (and a little before) is searched."""
        deadline = time.perf_counter() + timeout
        searched = since
        while True:
            start = max(since, searched - OVERLAP)
            if text in visible(bytes(self.output[start:])):
                return self.read_at if len(self.output) > since else time.perf_counter()
            searched = len(self.output)
            left = deadline - time.perf_counter()
            if left <= 0:
                raise TimeoutError(f"{text!r} never appeared; last output: "
                                   f"{visible(bytes(self.output[-2000:]))!r}")
            self.read(left)

    def drain(self, quiet: float = 0.3) -> None:
        """Read until the program has been quiet for ``quiet`` seconds."""
        while self.read(quiet):
            pass

    def send(self, keys: str | bytes) -> None:
        """Type ``keys``."""
        os.write(self.fd, keys.encode() if isinstance(keys, str) else keys)

    def close(self, keys: bytes = b"\x11", timeout: float = PATIENCE) -> None:
        """Quit with ``keys`` (Ctrl+Q); if the program has not ended after ``timeout``
        seconds, kill it and its process group."""
        try:
            self.send(keys)
        except OSError:
            pass
        deadline = time.perf_counter() + timeout
        while time.perf_counter() < deadline:
            self.read(0.05)
            finished, _ = os.waitpid(self.pid, os.WNOHANG)
            if finished:
                break
        else:
            end(self.pid, patience=0)
            os.waitpid(self.pid, 0)
        os.close(self.fd)
