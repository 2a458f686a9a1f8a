"""Driving clerk in a real terminal: a tmux session we can type into and read."""

from __future__ import annotations

import shlex
import subprocess
import time
import uuid



def require_tmux() -> str:
    """The tmux binary; skips locally without it, fails under CI (which must install it)."""
    from conftest import require_program

    return require_program("tmux")


class Terminal:
    """A detached tmux session running one command."""

    def __init__(self, command: list[str], env: dict[str, str], width: int = 100, height: int = 30):
        self.tmux = require_tmux()
        self.name = f"clerk-test-{uuid.uuid4().hex[:8]}"
        exports = " ".join(f"{key}={shlex.quote(value)}" for key, value in env.items())
        # Report the exit code on screen, then linger so it can be read.
        script = f"env {exports} {shlex.join(command)}; echo \"EXITED $?\"; sleep 60"
        subprocess.run(
            [self.tmux, "new-session", "-d", "-s", self.name, "-x", str(width), "-y", str(height),
             "sh", "-c", script],
            check=True,
        )

    def screen(self) -> str:
        """What the terminal shows now."""
        result = subprocess.run([self.tmux, "capture-pane", "-p", "-t", self.name],
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
        subprocess.run([self.tmux, "send-keys", "-t", self.name, *keys], check=True)
        time.sleep(settle)

    def type(self, text: str, enter: bool = False) -> None:
        """Type ``text`` as a burst of keys (and Enter)."""
        self.press("-l", text, settle=0)
        if enter:
            self.press("Enter")

    def program_pid(self) -> int:
        """The process id of the program running in the terminal."""
        shell = subprocess.run([self.tmux, "display", "-p", "-t", self.name, "#{pane_pid}"],
                               capture_output=True, text=True, check=True).stdout.strip()
        children = subprocess.run(["pgrep", "-P", shell], capture_output=True, text=True).stdout
        return int(children.split()[0])

    def close(self) -> None:
        subprocess.run([self.tmux, "kill-session", "-t", self.name], capture_output=True)
