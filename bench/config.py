"""How big each case is: the full run, and the quick one (``make bench QUICK=1``)."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent  # the venv the benchmarks run in holds clerk too
PYTHON = str(BIN / "python")
CLERK = str(BIN / "clerk")
APPS = ROOT / "bench" / "apps"


@dataclass(frozen=True)
class Sizes:
    """The size of every case."""

    meetings: int
    """Meetings in the archive that startup and search run on (200 resolutions each)."""
    startup_runs: int
    typing_rounds: int
    """Sessions of each app per typing case (clerk and baseline alternating)."""
    typing_keys: int
    """Keys typed per session: fewer than fit on the editor's first line, so a line never
    wraps inside the last keys typed (they are looked for together in each frame)."""
    editor_words: int
    search_queries: int
    search_passes: int
    """Times each query is run; each query's time is its median."""
    export_items: tuple[int, ...]
    export_runs: int
    import_texts: int
    import_words: int
    import_runs: int


FULL = Sizes(meetings=5_000, startup_runs=9, typing_rounds=8, typing_keys=60,
             editor_words=10_000, search_queries=100, search_passes=3, export_items=(50, 500),
             export_runs=7, import_texts=1_000, import_words=100, import_runs=1)
QUICK = Sizes(meetings=100, startup_runs=3, typing_rounds=2, typing_keys=30,
              editor_words=1_000, search_queries=100, search_passes=1, export_items=(10, 50),
              export_runs=3, import_texts=50, import_words=5, import_runs=1)
