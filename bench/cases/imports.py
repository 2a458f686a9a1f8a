"""import: ``clerk import`` of a folder of generated old minutes (.txt and .docx) into a
new, empty database, as one whole process; documents per second. There is no baseline
and no budget: the number is reported."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from bench import report
from bench.config import CLERK, Sizes
from bench.data import copy_database, empty_db
from bench.measure import median, timed_process


def _once(documents: Path, work: Path, number: int) -> float:
    database = copy_database(empty_db(), work / f"import-{number}.db")
    return timed_process([CLERK, "--db", str(database), "import", str(documents)], cwd=work)


def run(sizes: Sizes, documents: Path, log) -> list[report.Row]:
    """The import row: documents per second (the median run's)."""
    texts = len(list(documents.glob("*.txt")))
    words = len(list(documents.glob("*.docx")))
    work = Path(tempfile.mkdtemp(prefix="clerk-bench-import-"))
    try:
        seconds = [_once(documents, work, number) for number in range(sizes.import_runs)]
        txt_only = work / "txt"
        txt_only.mkdir()
        for path in sorted(documents.glob("*.txt")):
            (txt_only / path.name).symlink_to(path)
        text_seconds = median([_once(txt_only, work, 100 + n)
                               for n in range(sizes.import_runs)])
    finally:
        shutil.rmtree(work, ignore_errors=True)
    whole = median(seconds)
    word_rate = words / (whole - text_seconds) if words and whole > text_seconds else float("nan")
    log(f"  import: {texts:,} .txt and {words:,} .docx minutes in {whole:.1f} s; the .txt alone "
        f"in {text_seconds:.1f} s ({texts / text_seconds:.0f}/s), so about {word_rate:.0f} "
        ".docx/s")
    return [report.reported("import", (texts + words) / whole, "docs/s")]
