"""export-N: a meeting of N agenda items to Word, as a whole process each time: ``clerk
export`` against pandoc converting the same minutes from Markdown.

The Markdown is clerk's own (``clerk export --format md``), written once before timing:
the same headings, paragraphs, bullets, resolutions and action table, so both programs
put the same content into a .docx. Each run starts a fresh process, as a clerk running
either would; they alternate, and each writes a new file.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from bench import report
from bench.config import CLERK, Sizes
from bench.data import copy_database
from bench.measure import alternate, median, timed_process

MAX_RATIO = 0.7


def pandoc() -> str:
    """The pandoc that pypandoc_binary brings (the ``bench`` extra)."""
    import pypandoc

    return pypandoc.get_pandoc_path()


def _case(items: int, database: Path, meeting_id: str, runs: int, folder: Path,
          log) -> report.Row:
    copy = copy_database(database, folder / f"export-{items}.db")
    markdown = folder / f"export-{items}.md"
    subprocess.run([CLERK, "--db", str(copy), "export", meeting_id, "--format", "md",
                    "-o", str(markdown), "--overwrite"], check=True, capture_output=True)
    clerk_docx, pandoc_docx = folder / f"clerk-{items}.docx", folder / f"pandoc-{items}.docx"
    clerk = [CLERK, "--db", str(copy), "export", meeting_id, "-o", str(clerk_docx), "--overwrite"]
    baseline = [pandoc(), str(markdown), "-o", str(pandoc_docx)]
    for command in (clerk, baseline):  # caches warm for both
        timed_process(command)
    mine, theirs = alternate(runs, lambda: timed_process(clerk), lambda: timed_process(baseline))
    log(f"  export-{items}: clerk {[round(s * 1000) for s in mine]} ms, "
        f"pandoc {[round(s * 1000) for s in theirs]} ms; .docx {clerk_docx.stat().st_size:,} "
        f"and {pandoc_docx.stat().st_size:,} bytes")
    return report.compared(f"export-{items}", median(mine) * 1000, median(theirs) * 1000, "ms",
                           MAX_RATIO)


def run(sizes: Sizes, meetings: dict[int, tuple[Path, str]], log) -> list[report.Row]:
    """One row per meeting size: the whole-process medians and their ratio."""
    folder = Path(tempfile.mkdtemp(prefix="clerk-bench-export-"))
    try:
        return [_case(items, database, meeting_id, sizes.export_runs, folder, log)
                for items, (database, meeting_id) in sorted(meetings.items())]
    finally:
        shutil.rmtree(folder, ignore_errors=True)
