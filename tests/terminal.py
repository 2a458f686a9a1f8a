"""Driving clerk in a real terminal: a tmux session we can type into and read."""

from __future__ import annotations

import os
import shlex
import subprocess
import time
import uuid
from pathlib import Path


def require_tmux() -> str:
    """The tmux binary; skips locally without it, fails under CI (which must install it)."""
    from conftest import require_program

    return require_program("tmux")


class Terminal:
    """A detached tmux session running one command, in a tmux server of its own.

    Every terminal has its own server (a socket named for it): on a shared server, a test
    starting its session just as another test's last session ended could reach a server
    on its way out ("server exited unexpectedly"). :meth:`kill_server` ends it without
    touching anyone else's sessions.
    """

    def __init__(self, command: list[str], env: dict[str, str], width: int = 100, height: int = 30):
        self.name = f"clerk-test-{uuid.uuid4().hex[:8]}"
        self.tmux = [require_tmux(), "-L", self.name]
        exports = " ".join(f"{key}={shlex.quote(value)}" for key, value in env.items())
        # Report the exit code on screen, then linger so it can be read.
        script = f"env {exports} {shlex.join(command)}; echo \"EXITED $?\"; sleep 60"
        subprocess.run(
            [*self.tmux, "new-session", "-d", "-s", self.name, "-x", str(width), "-y", str(height),
             "sh", "-c", script],
            check=True,
        )
        self.socket = subprocess.run([*self.tmux, "display", "-p", "#{socket_path}"],
                                     capture_output=True, text=True).stdout.strip()

    def screen(self) -> str:
        """What the terminal shows now."""
        result = subprocess.run([*self.tmux, "capture-pane", "-p", "-t", self.name],
                                capture_output=True, text=True, check=True)
        return result.stdout

    def wait_for(self, text: str, timeout: float = 20.0) -> str:
        """Poll until ``text`` is on screen; fail with the screen if it never comes."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            shown = self.screen()
            if text in shown:
                return shown
            time.sleep(0.1)
        raise AssertionError(f"{text!r} never appeared; the screen shows:\n{self.screen()}")

    def press(self, *keys: str, settle: float = 0.15) -> None:
        """Send keys (tmux names: F1, Escape, C-q, Enter), then pause as a person would
        between a key that moves focus and the next words."""
        subprocess.run([*self.tmux, "send-keys", "-t", self.name, *keys], check=True)
        time.sleep(settle)

    def type(self, text: str, enter: bool = False) -> None:
        """Type ``text`` as a burst of keys (and Enter)."""
        self.press("-l", text, settle=0)
        if enter:
            self.press("Enter")

    def program_pid(self) -> int:
        """The process id of the program running in the terminal."""
        shell = subprocess.run([*self.tmux, "display", "-p", "-t", self.name, "#{pane_pid}"],
                               capture_output=True, text=True, check=True).stdout.strip()
        children = subprocess.run(["pgrep", "-P", shell], capture_output=True, text=True).stdout
        return int(children.split()[0])

    def close(self) -> None:
        """End the session and its server."""
        subprocess.run([*self.tmux, "kill-session", "-t", self.name], capture_output=True)
        self.kill_server()

    def kill_server(self) -> None:
        """End this session's own tmux server, as when tmux is killed (its socket too)."""
        subprocess.run([*self.tmux, "kill-server"], capture_output=True)
        if self.socket:  # tmux leaves it behind
            Path(self.socket).unlink(missing_ok=True)


def clerk_processes(db: Path) -> list[int]:
    """The clerk processes (alive or not yet reaped) whose command line opens ``db``."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            argv = (entry / "cmdline").read_bytes().split(b"\0")
        except OSError:  # ended while we looked
            continue
        if str(db).encode() in argv and any(b"clerk" in part for part in argv[:3]):
            found.append(int(entry.name))
    return found


def process_state(pid: int) -> str | None:
    """The state letter of process ``pid`` (R, S, D, Z...), None once it is gone."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    return stat.rsplit(")", 1)[1].split()[0]


def has_ended(pid: int) -> bool:
    """True once ``pid`` has exited (a zombie nobody reaped has exited too)."""
    return process_state(pid) in (None, "Z", "X")


def cpu_seconds(pid: int) -> float:
    """The CPU time process ``pid`` has used (user and system), in seconds."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
