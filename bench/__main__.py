"""``python -m bench``: build the data, run every case, print the table, write the JSON.

``make bench`` runs this; ``make bench QUICK=1`` adds ``--quick``. ``--only startup,search``
runs some cases only (the JSON then holds only theirs).
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import time
from pathlib import Path

from bench import data, report
from bench.config import FULL, QUICK, ROOT, Sizes
from bench.terminal import left_behind

CASES = ("startup", "typing", "search", "export", "import")  # "startup" gives memory too
RESULTS = ROOT / "bench" / "results.json"
QUICK_RESULTS = ROOT / "bench" / "results-quick.json"


def log(message: str) -> None:
    """Progress, on stderr, so the table on stdout stands alone."""
    print(message, file=sys.stderr, flush=True)


def prepare(sizes: Sizes, cases: tuple[str, ...]) -> dict:
    """Build (or find in the cache) every file the cases need."""
    needs: dict = {}
    if {"startup", "search"} & set(cases):
        needs["archive"] = data.archive(sizes.meetings, log)
    if "typing" in cases:
        needs["typing"] = data.typing_db(sizes.editor_words, log)
    if "export" in cases:
        needs["export"] = {items: data.export_db(items, log) for items in sizes.export_items}
    if "import" in cases:
        needs["import"] = data.import_files(sizes.import_texts, sizes.import_words, log)
    return needs


def run_case(name: str, sizes: Sizes, needs: dict) -> list[report.Row]:
    """The rows of one case."""
    from bench.cases import export, imports, search, startup, typing

    if name == "startup":
        return startup.run(sizes, needs["archive"], log)
    if name == "typing":
        return typing.run(sizes, needs["typing"], log)
    if name == "search":
        return search.run(sizes, needs["archive"], log)
    if name == "export":
        return export.run(sizes, needs["export"], log)
    return imports.run(sizes, needs["import"], log)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="a small version of each case")
    parser.add_argument("--only", help="comma-separated cases: " + ", ".join(CASES))
    parser.add_argument("--output", type=Path, help="where to write the JSON rows")
    options = parser.parse_args(argv)
    cases = tuple(options.only.split(",")) if options.only else CASES
    unknown = set(cases) - set(CASES)
    if unknown:
        parser.error(f"no such case: {', '.join(sorted(unknown))}")
    missing = [tool for tool in ("tmux",) if shutil.which(tool) is None]
    if missing and "startup" in cases:
        parser.error("the startup case needs tmux; install it (apt-get install tmux)")
    sizes = QUICK if options.quick else FULL
    # Programs run as installed ones do: from cached bytecode. (With this set, clerk would
    # compile its own source at every start, while Textual's comes compiled from pip.)
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    output = options.output or (QUICK_RESULTS if options.quick else RESULTS)

    started = time.perf_counter()
    needs = prepare(sizes, cases)
    built = time.perf_counter()
    log(f"data ready in {built - started:.0f} s; load average {os.getloadavg()[0]:.2f}")
    rows: list[report.Row] = []
    for name in cases:
        log(f"{name} ...")
        case_started = time.perf_counter()
        rows += run_case(name, sizes, needs)
        log(f"  ({time.perf_counter() - case_started:.0f} s)")
    measured = time.perf_counter() - built
    report.write(rows, output)
    print(report.table(rows))
    print(f"\n{'quick' if options.quick else 'full'} run: measuring took {measured:.0f} s "
          f"(building data {built - started:.0f} s); rows written to {output}")
    stray = left_behind()
    if stray:  # every program started in a terminal must have been ended
        print(f"programs left running: {', '.join(map(str, stray))}")
        return 1
    return 0 if all(row.passed is not False for row in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
