"""clerk itself, with the time of every autosave written down: ``clerk_timed.py LOG
clerk-arguments...`` runs ``clerk`` and, when it quits, writes the duration of each
save the autosaver made (seconds, JSON) to LOG. Nothing else is changed."""

import atexit
import json
import sys
import time
from pathlib import Path

from clerk_tui.ui import autosave

durations: list[float] = []
_attempt = autosave.Autosaver._attempt


def _timed(self, save):
    started = time.perf_counter()
    try:
        return _attempt(self, save)
    finally:
        durations.append(time.perf_counter() - started)


if __name__ == "__main__":
    log = Path(sys.argv[1])
    autosave.Autosaver._attempt = _timed
    atexit.register(lambda: log.write_text(json.dumps(durations)))
    from clerk_tui.cli import main

    main(sys.argv[2:], prog_name="clerk")
