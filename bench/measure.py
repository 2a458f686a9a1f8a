"""Statistics and running things side by side."""

from __future__ import annotations

import math
import subprocess
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")


def percentile(values: Sequence[float], share: float) -> float:
    """The ``share`` (0..1) percentile, interpolated between the nearest values."""
    ordered = sorted(values)
    if not ordered:
        return math.nan
    place = share * (len(ordered) - 1)
    low, high = math.floor(place), math.ceil(place)
    return ordered[low] + (ordered[high] - ordered[low]) * (place - low)


def median(values: Sequence[float]) -> float:
    """The middle value."""
    return percentile(values, 0.5)


def alternate(rounds: int, clerk: Callable[[], T], baseline: Callable[[], T],
              ) -> tuple[list[T], list[T]]:
    """Run clerk and its baseline ``rounds`` times each, alternating, and which goes
    first alternating too, so drift in a noisy machine falls on both alike."""
    mine: list[T] = []
    theirs: list[T] = []
    for number in range(rounds):
        pair = ((clerk, mine), (baseline, theirs))
        for run, results in pair if number % 2 == 0 else reversed(pair):
            results.append(run())
    return mine, theirs


def timed_process(command: list[str], cwd: Path | None = None, env: dict | None = None) -> float:
    """Seconds a command takes from start to exit; it must succeed."""
    started = time.perf_counter()
    finished = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True)
    elapsed = time.perf_counter() - started
    if finished.returncode != 0:
        raise RuntimeError(f"{' '.join(map(str, command))} failed ({finished.returncode}):\n"
                           f"{finished.stderr[-2000:]}")
    return elapsed
