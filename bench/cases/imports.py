"""import: ``clerk import`` of a folder of generated old minutes (.txt and .docx) into a
new, empty database, as one whole process; documents per second, against a baseline
that reads the same files and writes their paragraphs to SQLite with no understanding
of them (``apps/bare_import.py``). The row has no budget: the rate is reported, and the
ratio says what clerk's reading, checking and filing cost on top of that least work."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from bench import report
from bench.config import APPS, CLERK, PYTHON, Sizes
from bench.data import copy_database, empty_db
from bench.measure import alternate, median, timed_process


def _clerk(documents: Path, work: Path, number: int) -> float:
    database = copy_database(empty_db(), work / f"import-{number}.db")
    return timed_process([CLERK, "--db", str(database), "import", str(documents)], cwd=work)


def _baseline(documents: Path, work: Path, number: int) -> float:
    database = work / f"bare-{number}.db"
    return timed_process([PYTHON, str(APPS / "bare_import.py"), str(documents), str(database)],
                         cwd=work)


def _text_only(documents: Path, work: Path) -> Path:
    """The .txt files of ``documents`` alone, as links in a folder of their own."""
    folder = work / "txt"
    folder.mkdir()
    for path in sorted(documents.glob("*.txt")):
        (folder / path.name).symlink_to(path)
    return folder


def run(sizes: Sizes, documents: Path, log) -> list[report.Row]:
    """The import row: documents per second (the median run's), clerk and baseline."""
    texts = len(list(documents.glob("*.txt")))
    words = len(list(documents.glob("*.docx")))
    work = Path(tempfile.mkdtemp(prefix="clerk-bench-import-"))
    counter = iter(range(10_000))
    try:
        mine, theirs = alternate(sizes.import_runs,
                                 lambda: _clerk(documents, work, next(counter)),
                                 lambda: _baseline(documents, work, next(counter)))
        txt_only = _text_only(documents, work)
        text_seconds = median([_clerk(txt_only, work, next(counter))
                               for _ in range(sizes.import_runs)])
    finally:
        shutil.rmtree(work, ignore_errors=True)
    whole, bare = median(mine), median(theirs)
    word_rate = words / (whole - text_seconds) if words and whole > text_seconds else float("nan")
    log(f"  import: {texts:,} .txt and {words:,} .docx minutes in {whole:.1f} s (baseline "
        f"{bare:.1f} s); the .txt alone in {text_seconds:.1f} s ({texts / text_seconds:.0f}/s), "
        f"so about {word_rate:.0f} .docx/s")
    documents_count = texts + words
    return [report.rated("import", documents_count / whole, documents_count / bare, "docs/s")]
