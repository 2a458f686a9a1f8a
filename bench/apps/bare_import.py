"""The import baseline: what any importer must do at the least, as one process.

Every file of a folder is read (a .txt decoded; a .docx opened with python-docx, its
paragraphs taken in order) and its paragraphs written as rows of a plain SQLite table,
one transaction a file, to a database file with the durability clerk's has (WAL,
synchronous=FULL). Nothing is understood: no dates, items or decisions, no triggers,
no search index, no audit. Usage: python bare_import.py FOLDER DATABASE
"""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path


def paragraphs(path: Path) -> list[str]:
    """The non-empty paragraphs of a .txt or .docx file."""
    if path.suffix.lower() == ".docx":
        import docx

        texts = [p.text for p in docx.Document(str(path)).paragraphs]
    else:
        texts = path.read_text(encoding="utf-8-sig").splitlines()
    return [text.strip() for text in texts if text.strip()]


def main(folder: Path, database: Path) -> None:
    connection = sqlite3.connect(database, isolation_level=None)
    connection.execute("PRAGMA journal_mode = WAL")
    connection.execute("PRAGMA synchronous = FULL")
    connection.execute("CREATE TABLE IF NOT EXISTS paragraphs (file TEXT, n INTEGER, text TEXT)")
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        rows = [(path.name, n, text) for n, text in enumerate(paragraphs(path))]
        connection.execute("BEGIN")
        connection.executemany("INSERT INTO paragraphs VALUES (?, ?, ?)", rows)
        connection.execute("COMMIT")
    connection.close()


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
