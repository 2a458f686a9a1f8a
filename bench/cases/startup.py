"""startup and memory: clerk on a big archive, to its first screen in a real terminal,
against a bare Textual app showing one line, started and watched the same way."""

from __future__ import annotations

import time

from bench import report
from bench.apps.bare import LINE
from bench.apps.bare_widgets import FIRST_ROW
from bench.config import APPS, CLERK, PYTHON, Sizes
from bench.data import Archive
from bench.measure import alternate, median
from bench.terminal import Tmux, environment, peak_rss_mib

SETTLE = 0.5  # seconds after the first screen before reading the peak memory


def _once(terminal: Tmux, command: list[str], shown: str) -> tuple[float, float]:
    """Seconds from start to ``shown`` on screen, and the peak memory (MiB) by then."""
    started = time.perf_counter()
    terminal.start(command, environment())
    seconds = terminal.wait_for(shown) - started
    pid = terminal.pid()
    time.sleep(SETTLE)
    memory = peak_rss_mib(pid)
    terminal.stop()
    return seconds, memory


def run(sizes: Sizes, archive: Archive, log) -> list[report.Row]:
    """The startup and memory rows."""
    clerk = ([CLERK, "--db", str(archive.path)], archive.newest)
    bare = ([PYTHON, str(APPS / "bare.py")], LINE)
    widgets = ([PYTHON, str(APPS / "bare_widgets.py")], FIRST_ROW)
    terminal = Tmux()
    try:
        for command, shown in (clerk, bare, widgets):  # bytecode compiled, pages cached
            _once(terminal, command, shown)
        mine, theirs = alternate(sizes.startup_runs, lambda: _once(terminal, *clerk),
                                 lambda: _once(terminal, *bare))
        context = [_once(terminal, *widgets) for _ in range(sizes.startup_runs)]
    finally:
        terminal.close()
    log(f"  startup: clerk {[round(s * 1000) for s, _ in mine]} ms, "
        f"bare {[round(s * 1000) for s, _ in theirs]} ms; for context, a bare app with the "
        f"first screen's widgets (bench/apps/bare_widgets.py): "
        f"{median([s for s, _ in context]) * 1000:.0f} ms, "
        f"{median([m for _, m in context]):.1f} MiB")
    return [
        report.compared("startup", median([s for s, _ in mine]) * 1000,
                        median([s for s, _ in theirs]) * 1000, "ms", 1.3),
        report.limited("memory", median([m for _, m in mine]), "MiB", 60,
                       baseline=median([m for _, m in theirs]), note="absolute peak RSS"),
    ]
