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

from clerk_tui.importer.documents import UnreadableDocument, read_file
from clerk_tui.importer.minutes import read_minutes
from clerk_tui.models import AgendaItemSnapshot, explain
from clerk_tui.store import Store, StoreError

SUFFIXES = (".txt", ".md", ".docx")


@dataclass(frozen=True)
class FileReport:
    """What became of one file."""

    path: Path
    ok: bool
    message: str
    skipped: bool = False


def minutes_files(paths: Iterable[Path]) -> list[Path]:
    """The files among ``paths``, folders searched all the way down, in order (Word's
    own lock files "~$…" and hidden files left out). Anything else in a folder that is
    not a folder (a pipe, a link to a device) is listed too, so that it is reported,
    never read."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found += sorted(p for p in path.rglob("*") if not p.is_dir()
                            and not p.name.startswith(("~$", ".")))
        else:
            found.append(path)
    return found


def found(parts: list[AgendaItemSnapshot]) -> str:
    """What was filed, in a few words: "1 item, 1 resolution, 2 actions, 2 questions"."""
    kinds = [entry.kind for part in parts for entry in part.entries]
    counts = [(len(parts), "item"), (kinds.count("resolution"), "resolution"),
              (kinds.count("action"), "action"), (kinds.count("question"), "question")]
    return ", ".join(f"{n} {word}{'' if n == 1 else 's'}" for n, word in counts)


def import_files(store: Store, paths: Iterable[Path], committee: str | None = None,
                 date: dt.date | None = None) -> Iterator[FileReport]:
    """Import each file, reporting as it goes; one file failing never stops the rest."""
    for path in minutes_files(paths):
        yield import_file(store, path, committee, date)


def import_file(store: Store, path: Path, committee: str | None = None,
                date: dt.date | None = None) -> FileReport:
    """Import one file of minutes (again: nothing is added twice). Never raises: a file
    that cannot be read, however it fails, gets a line saying so."""
    if path.suffix.lower() not in SUFFIXES:
        return FileReport(path, True, "skipped: clerk reads .txt, .md and .docx files",
                          skipped=True)
    try:  # an ordinary file only, read no further than the limit for its kind
        digest = hashlib.sha256(read_file(path)).hexdigest()
    except UnreadableDocument as error:
        return FileReport(path, False, str(error).replace(f"{path} ", "", 1))
    if store.imports.meeting_of(digest):
        return FileReport(path, True, "already imported; nothing added")
    try:
        minutes = read_minutes(path, committee, date)
        if not (minutes.items or minutes.attendance or minutes.declarations):
            return FileReport(path, False, "holds no agenda items, attendance or declarations "
                                           "that clerk can read; nothing was imported")
        meeting, added = store.imports.add(minutes, str(path), digest)
    except UnreadableDocument as error:
        return FileReport(path, False, str(error).replace(f"{path} ", "", 1))
    except ValidationError as error:
        return FileReport(path, False, f"could not be read as minutes: {explain(error)}")
    except StoreError as error:
        return FileReport(path, False, str(error))
    except Exception as error:  # an unknown layout must never stop the other files
        return FileReport(path, False, f"could not be read ({type(error).__name__}: {error})")
    held = found(added) if added else "nothing new (its items were imported before)"
    return FileReport(path, True, f"{minutes.committee}, {meeting.date.isoformat()}: {held}")
