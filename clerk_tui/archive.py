"""Bringing the back-catalogue in: files and folders of old minutes, one report each.

This joins the importer (which reads files) to the store (which files meetings);
the command line shows its reports. Nothing here imports Textual.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from clerk_tui.importer.documents import UnreadableDocument
from clerk_tui.importer.minutes import read_minutes
from clerk_tui.models import ImportedMinutes, explain
from clerk_tui.store import Store, StoreError

SUFFIXES = (".txt", ".md", ".docx")


@dataclass(frozen=True)
class FileReport:
    """What became of one file."""

    path: Path
    ok: bool
    message: str


def minutes_files(paths: Iterable[Path]) -> list[Path]:
    """The minutes files among ``paths``, folders searched all the way down, in order."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found += sorted(p for p in path.rglob("*") if p.is_file()
                            and p.suffix.lower() in SUFFIXES and not p.name.startswith("~$"))
        else:
            found.append(path)
    return found


def found(minutes: ImportedMinutes) -> str:
    """What a file held, in a few words: "1 item, 1 resolution, 2 actions, 2 questions"."""
    kinds = [entry.kind for part in minutes.items for entry in part.entries]
    counts = [(len(minutes.items), "item"), (kinds.count("resolution"), "resolution"),
              (kinds.count("action"), "action"), (kinds.count("question"), "question")]
    return ", ".join(f"{n} {word}{'' if n == 1 else 's'}" for n, word in counts)


def import_files(store: Store, paths: Iterable[Path], committee: str | None = None,
                 date: dt.date | None = None) -> Iterator[FileReport]:
    """Import each file, reporting as it goes; one file failing never stops the rest."""
    for path in minutes_files(paths):
        yield import_file(store, path, committee, date)


def import_file(store: Store, path: Path, committee: str | None = None,
                date: dt.date | None = None) -> FileReport:
    """Import one file of minutes (again: nothing is added twice)."""
    try:
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError as error:
        return FileReport(path, False, f"cannot be read: {error.strerror or error}")
    if store.imports.meeting_of(digest):
        return FileReport(path, True, "already imported; nothing added")
    try:
        minutes = read_minutes(path, committee, date)
        meeting = store.imports.add(minutes, str(path), digest)
    except UnreadableDocument as error:
        return FileReport(path, False, str(error).replace(f"{path} ", "", 1))
    except ValidationError as error:
        return FileReport(path, False, f"could not be read as minutes: {explain(error)}")
    except StoreError as error:
        return FileReport(path, False, str(error))
    return FileReport(path, True, f"{minutes.committee}, {meeting.date.isoformat()}: "
                                  f"{found(minutes)}")
