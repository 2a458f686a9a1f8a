"""Bringing the back-catalogue in: files and folders of old minutes, one report each.

This joins the importer (which reads files) to the store (which files meetings);
a dry run reads the same way and opens no store. The command line shows its reports.
Nothing here imports Textual.
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
from clerk_tui.models import AgendaItemSnapshot, ImportedMinutes, explain
from clerk_tui.store import Store, StoreError

SUFFIXES = (".txt", ".md", ".docx")


@dataclass(frozen=True)
class FileReport:
    """What became of one file: whether it came in (or, in a dry run, would), a line
    saying what it held, and the minutes read from it (when they could be read)."""

    path: Path
    ok: bool
    message: str
    skipped: bool = False
    status: str = "imported"
    """One word for programs: imported, unchanged (imported before), readable (a dry
    run found it could come in), refused or skipped."""
    minutes: ImportedMinutes | None = None


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
    report, digest = _read(path, committee, date)
    if digest is not None and store.imports.meeting_of(digest):
        return FileReport(path, True, "already imported; nothing added", status="unchanged",
                          minutes=report.minutes)
    if not report.ok or report.skipped:
        return report
    minutes = report.minutes
    try:
        meeting, added = store.imports.add(minutes, str(path), digest)
    except ValidationError as error:
        return _refused(path, f"could not be read as minutes: {explain(error)}", minutes)
    except StoreError as error:
        return _refused(path, str(error), minutes)
    except Exception as error:  # an unknown layout must never stop the other files
        return _refused(path, f"could not be read ({type(error).__name__}: {error})", minutes)
    held = found(added) if added else "nothing new (its items were imported before)"
    return FileReport(path, True, f"{minutes.committee}, {meeting.date.isoformat()}: {held}",
                      status="imported", minutes=minutes)


def preview_files(paths: Iterable[Path], committee: str | None = None,
                  date: dt.date | None = None) -> Iterator[FileReport]:
    """What importing each file would find, read without any database (a dry run)."""
    for path in minutes_files(paths):
        yield preview_file(path, committee, date)


def preview_file(path: Path, committee: str | None = None,
                 date: dt.date | None = None) -> FileReport:
    """What importing one file would find and whether it would come in; nothing is
    written. Never raises, like :func:`import_file`."""
    return _read(path, committee, date)[0]


def _read(path: Path, committee: str | None, date: dt.date | None,
          ) -> tuple[FileReport, str | None]:
    """The minutes in one file, ready to be filed (status "readable") or refused saying
    why; and the file's SHA-256 when it could be read at all."""
    if path.suffix.lower() not in SUFFIXES:
        return FileReport(path, True, "skipped: clerk reads .txt, .md and .docx files",
                          skipped=True, status="skipped"), None
    try:  # an ordinary file only, read no further than the limit for its kind
        digest = hashlib.sha256(read_file(path)).hexdigest()
    except UnreadableDocument as error:
        return _refused(path, str(error).replace(f"{path} ", "", 1)), None
    try:
        minutes = read_minutes(path, committee, date)
    except UnreadableDocument as error:
        return _refused(path, str(error).replace(f"{path} ", "", 1)), digest
    except ValidationError as error:
        return _refused(path, f"could not be read as minutes: {explain(error)}"), digest
    except Exception as error:  # an unknown layout must never stop the other files
        return _refused(path, f"could not be read ({type(error).__name__}: {error})"), digest
    return _judged(path, minutes), digest


def _judged(path: Path, minutes: ImportedMinutes) -> FileReport:
    """Whether minutes read from ``path`` can be filed as they are."""
    if not (minutes.items or minutes.attendance or minutes.declarations):
        return _refused(path, "holds no agenda items, attendance or declarations that clerk "
                              "can read; nothing was imported", minutes)
    if minutes.date is None:
        return _refused(path, "The minutes do not say which date they are of; name it with "
                              "--date.", minutes)
    held = f"{minutes.committee}, {minutes.date.isoformat()}: {found(minutes.items)}"
    return FileReport(path, True, held, status="readable", minutes=minutes)


def _refused(path: Path, message: str, minutes: ImportedMinutes | None = None) -> FileReport:
    return FileReport(path, False, message, status="refused", minutes=minutes)
