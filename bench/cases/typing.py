"""typing and save: key to frame while typing, in clerk (autosave on) and in a bare
Textual app with the same widget and text; and what each autosave costs clerk.

Each app runs on a pseudo-terminal of its own; a key is written, and the time taken
until a frame showing it comes back is read straight off the terminal.
"""

from __future__ import annotations

import json
import math
import random
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

from bench import report
from bench.config import APPS, PYTHON, ROOT, Sizes
from bench.data import cached, copy_database
from bench.measure import alternate, percentile
from bench.terminal import Pty, environment

INTERVAL = 0.07  # seconds between keys: a fast typist
ALPHABET = "QXZJKVWY"  # letters the meeting's words hardly use, so a frame is recognised
TAIL = 4  # the last keys typed, which a frame must show to be the one for the last key
SHIFT_TAB, ENTER = "\x1b[Z", "\r"


def key_sequence(count: int, seed: int) -> str:
    """``count`` keys in which no run of :data:`TAIL` keys repeats, so the frame for
    each key is told from an earlier one."""
    rng, typed, seen = random.Random(seed), "", set()
    while len(typed) < count:
        for _ in range(100):
            key = rng.choice(ALPHABET)
            if (typed + key)[-TAIL:] not in seen:
                break
        typed += key
        seen.add(typed[-TAIL:])
    return typed


def _read_for(terminal: Pty, seconds: float) -> None:
    """Keep reading the terminal (a program blocks if its output is not read)."""
    deadline = time.perf_counter() + seconds
    while (left := deadline - time.perf_counter()) > 0:
        terminal.read(left)


def _type(terminal: Pty, keys: str) -> list[float]:
    """Type ``keys``, one every :data:`INTERVAL`; the key-to-frame time of each (the
    first few, before their run of keys is unique, only warm up)."""
    latencies = []
    for number, key in enumerate(keys):
        mark = len(terminal.output)
        sent = time.perf_counter()
        terminal.send(key)
        if number >= TAIL - 1:
            shown = terminal.wait_for(keys[number - TAIL + 1:number + 1], timeout=20, since=mark)
            latencies.append(shown - sent)
        _read_for(terminal, INTERVAL - (time.perf_counter() - sent))
    return latencies


def _session(command: list[str], reach: Callable[[Pty], None], keys: str) -> list[float]:
    terminal = Pty(command, environment(), cwd=ROOT)
    try:
        reach(terminal)
        terminal.drain(0.5)
        return _type(terminal, keys)
    finally:
        terminal.close()


def _capture_line(terminal: Pty) -> None:
    terminal.wait_for("Highways and Transport")
    terminal.send(ENTER)  # open the meeting: the capture line has the focus
    terminal.wait_for("Type a note")


def _entry_editor(terminal: Pty) -> None:
    _capture_line(terminal)
    terminal.drain(0.3)
    terminal.send(SHIFT_TAB)  # to the item's entries
    terminal.drain(0.3)
    terminal.send(ENTER)  # edit the note: its text has the focus
    terminal.wait_for("Entry captured at")


class _Clerk:
    """clerk on a fresh copy of the typing meeting, its saves timed."""

    def __init__(self, database: Path, folder: Path) -> None:
        self.database, self.folder, self.saves, self.runs = database, folder, [], 0

    def session(self, reach: Callable[[Pty], None], keys: str) -> list[float]:
        self.runs += 1
        copy = copy_database(self.database, self.folder / f"clerk-{self.runs}.db")
        log = self.folder / f"saves-{self.runs}.json"
        latencies = _session([PYTHON, str(APPS / "clerk_timed.py"), str(log), "--db", str(copy)],
                             reach, keys)
        self.saves += json.loads(log.read_text()) if log.exists() else []
        return latencies


def _case(name: str, sizes: Sizes, clerk: Callable[[str], list[float]],
          baseline: Callable[[str], list[float]]) -> tuple[list[float], list[float]]:
    rounds = iter(range(10_000))
    mine, theirs = alternate(
        sizes.typing_rounds,
        lambda: clerk(key_sequence(sizes.typing_keys, next(rounds))),
        lambda: baseline(key_sequence(sizes.typing_keys, next(rounds))))
    return [x * 1000 for run in mine for x in run], [x * 1000 for run in theirs for x in run]


def _rows(case: str, mine: list[float], theirs: list[float]) -> list[report.Row]:
    return [report.compared(f"{case} p50", percentile(mine, 0.5), percentile(theirs, 0.5),
                            "ms", 1.2),
            report.compared(f"{case} p99", percentile(mine, 0.99), percentile(theirs, 0.99),
                            "ms", 1.2)]


def run(sizes: Sizes, meeting: tuple[Path, str], log) -> list[report.Row]:
    """The typing rows (capture line and entry editor, median and p99) and the save rows;
    ``meeting`` is the typing meeting's database and its note's text."""
    database, text = meeting
    text_file = cached(f"typing-{sizes.editor_words}.txt")
    text_file.write_text(text, encoding="utf-8")
    rows = []
    with tempfile.TemporaryDirectory(prefix="clerk-bench-") as folder:
        cases = (
            ("typing-capture", _capture_line, [PYTHON, str(APPS / "bare_editor.py"), "input"],
             "Type here"),
            ("typing-editor", _entry_editor,
             [PYTHON, str(APPS / "bare_editor.py"), "textarea", str(text_file)], text[:40]),
        )
        for case, reach, bare, ready in cases:
            clerk = _Clerk(database, Path(folder))
            shown = partial(Pty.wait_for, text=ready)
            mine, theirs = _case(case, sizes, partial(clerk.session, reach),
                                 partial(_session, bare, shown))
            saves = [s * 1000 for s in clerk.saves]
            log(f"  {case}: {len(mine)} keys each; clerk p50/p99/max {percentile(mine, .5):.1f}/"
                f"{percentile(mine, .99):.1f}/{max(mine):.1f} ms, bare "
                f"{percentile(theirs, .5):.1f}/{percentile(theirs, .99):.1f}/{max(theirs):.1f} ms; "
                f"{len(saves)} saves, p50/p99/max {percentile(saves, .5):.1f}/"
                f"{percentile(saves, .99):.1f}/{max(saves, default=math.nan):.1f} ms")
            rows += _rows(case, mine, theirs)
            rows.append(report.limited(case.replace("typing", "save") + " p99",
                                       percentile(saves, 0.99), "ms", 5))
    return rows
