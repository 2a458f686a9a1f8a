"""Bringing the back-catalogue in: files and folders of old minutes, one report each.

This joins the importer (which reads files) to the store (which files meetings);
a dry run reads the same way and opens no store. The command line shows its reports.
Nothing here imports Textual.

No file is refused for want of a date or a body: a meeting that does not say when it
was is filed undated, one that does not say whose it is under "Unknown body", and the
closing :class:`Tally` lists them so the clerk can put them right. Each meeting comes in
once, known by its content (see :mod:`clerk_tui.store.imports`).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from clerk_tui.importer.documents import Line, UnreadableDocument, read_document, read_file
from clerk_tui.importer.minutes import MAX_LINES, parse_meetings
from clerk_tui.importer.report import meeting_report
from clerk_tui.minutes.compose.wording import iso_date
from clerk_tui.models import AgendaItemSnapshot, ImportedMinutes, explain
from clerk_tui.store import Store, StoreError
from clerk_tui.store.imports import UNKNOWN_BODY, Filing, Source

SUFFIXES = (".txt", ".md", ".docx", ".pdf")
CAME_IN = ("imported", "unchanged", "replaced", "readable")
"""The statuses of a file that came in (or, in a dry run, would)."""


@dataclass(frozen=True)
class FileReport:
    """What became of one file: whether it came in (or, in a dry run, would), a line
    saying what it held, and the meetings read from it (when they could be read)."""

    path: Path
    ok: bool
    message: str
    skipped: bool = False
    status: str = "imported"
    """One word for programs: imported, unchanged (imported before), replaced (taken in
    place of what was imported before, with --replace), changed (differs from what was
    imported before; nothing added), readable (a dry run found it could come in),
    refused or skipped."""
    meetings: tuple[ImportedMinutes, ...] = ()
    filings: tuple[Filing, ...] = ()
    """What became of each meeting, in the same order (none in a dry run)."""

    @property
    def minutes(self) -> ImportedMinutes | None:
        """The first meeting read from the file, if any."""
        return self.meetings[0] if self.meetings else None


@dataclass
class Tally:
    """What a run of the import found, for the closing table."""

    files: int = 0
    meetings: int = 0
    items: int = 0
    decisions: int = 0
    actions: int = 0
    questions: int = 0
    refused: int = 0
    skipped: int = 0
    changed: int = 0
    undated: list[str] = field(default_factory=list)
    """Each meeting with no date: its file (and which meeting of it), and its id once filed."""
    unknown_body: list[str] = field(default_factory=list)
    """Likewise, each meeting filed under "Unknown body"."""

    def add(self, report: FileReport) -> None:
        """Count one file's report."""
        self.files += 1
        self.refused += report.status == "refused"
        self.skipped += report.skipped
        self.changed += report.status == "changed"
        if report.status not in CAME_IN:
            return
        for part, minutes in enumerate(report.meetings):
            filing = report.filings[part] if part < len(report.filings) else None
            self._meeting(report, part, minutes, filing)

    def _meeting(self, report: FileReport, part: int, minutes: ImportedMinutes,
                 filing: Filing | None) -> None:
        self.meetings += 1
        self.items += len(minutes.agenda)
        kinds = [entry for piece in minutes.items for entry in piece.entries]
        self.decisions += sum(entry.kind == "resolution" for entry in kinds)
        self.actions += sum(entry.kind == "action" or entry.kind == "resolution"
                            and getattr(entry, "owner", None) is not None for entry in kinds)
        self.questions += sum(entry.kind == "question" for entry in kinds)
        where = report.path.name + (f", meeting {part + 1}" if len(report.meetings) > 1 else "")
        if filing is not None:
            where += f" (id {filing.meeting.id[:8]})"
        undated = filing.meeting.date is None if filing else minutes.date is None
        unknown = filing.committee == UNKNOWN_BODY if filing else minutes.committee is None
        if undated:
            self.undated.append(where)
        if unknown:
            self.unknown_body.append(where)

    @property
    def all_came_in(self) -> bool:
        """Every file came in (undated or under "Unknown body" still came in)."""
        return not (self.refused or self.changed)


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
                 date: dt.date | None = None, replace: bool = False) -> Iterator[FileReport]:
    """Import each file, reporting as it goes; one file failing never stops the rest."""
    for path in minutes_files(paths):
        yield import_file(store, path, committee, date, replace)


def import_file(store: Store, path: Path, committee: str | None = None,
                date: dt.date | None = None, replace: bool = False) -> FileReport:
    """Import one file of minutes, every meeting in it, or none (one save). Minutes
    imported before add nothing; minutes that differ from those of the same meeting
    imported before are reported, and taken in their place only with ``replace``.
    Never raises: a file that cannot be read, however it fails, gets a line saying so."""
    report, source = _read(path, committee, date)
    if not report.ok or report.skipped:
        return report
    try:
        with store.transaction():
            filings = tuple(store.imports.file(minutes, _part(source, part, minutes), replace)
                            for part, minutes in enumerate(report.meetings))
            if any(filing.outcome == "changed" for filing in filings):
                raise _NothingFiled(filings)  # the file's meetings come in together or not
    except _NothingFiled as held:
        return _filed(path, report.meetings, held.filings, held=True)
    except ValidationError as error:
        return _refused(path, f"could not be read as minutes: {explain(error)}", report.meetings)
    except StoreError as error:
        return _refused(path, str(error), report.meetings)
    except Exception as error:  # an unknown layout must never stop the other files
        return _refused(path, f"could not be read ({type(error).__name__}: {error})",
                        report.meetings)
    return _filed(path, report.meetings, filings)


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


def text_fingerprint(lines: list[Line]) -> str:
    """The SHA-256 of a document's text as clerk reads it (its paragraphs, spaces
    collapsed), so the same minutes saved again (Windows line ends, trailing spaces, a
    byte-order mark, a Word file saved anew) are known as the same."""
    digest = hashlib.sha256()
    for line in lines:
        digest.update(f"{line.kind}\t{line.text}\n".encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


def minutes_fingerprint(minutes: ImportedMinutes) -> str:
    """The SHA-256 of what was read of one meeting (its report, ids left out), so the
    same meeting found in another file is known as the same."""
    canonical = json.dumps(meeting_report(minutes), sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(canonical.encode("utf-8", "surrogatepass")).hexdigest()


def _read(path: Path, committee: str | None, date: dt.date | None,
          ) -> tuple[FileReport, Source | None]:
    """The meetings in one file, ready to be filed (status "readable") or refused saying
    why; and where they came from, when the file could be read."""
    if path.suffix.lower() not in SUFFIXES:
        return FileReport(path, True, "skipped: clerk reads .txt, .md, .docx and .pdf files",
                          skipped=True, status="skipped"), None
    try:  # an ordinary file only, read no further than the limit for its kind
        digest = hashlib.sha256(read_file(path)).hexdigest()
        lines = read_document(path)
        if len(lines) > MAX_LINES:  # refused whole: no part of a file is silently left out
            raise UnreadableDocument(f"{path} has {len(lines):,} paragraphs, more than any "
                                     f"minutes (at most {MAX_LINES:,}); it was not read.")
        meetings = parse_meetings(lines, committee, date)
    except UnreadableDocument as error:
        return _refused(path, str(error).replace(f"{path} ", "", 1)), None
    except ValidationError as error:
        return _refused(path, f"could not be read as minutes: {explain(error)}"), None
    except Exception as error:  # an unknown layout must never stop the other files
        return _refused(path, f"could not be read ({type(error).__name__}: {error})"), None
    for minutes in meetings:  # what the clerk says stands over what the text says
        minutes.committee = committee or minutes.committee
        minutes.date = date or minutes.date
    # the file as it is on disk (not as typed): undated minutes are known by their place
    return _judged(path, meetings), Source(str(path.resolve()), digest, text_fingerprint(lines))


def _judged(path: Path, meetings: list[ImportedMinutes]) -> FileReport:
    """Whether the meetings read from ``path`` can be filed as they are: any that holds
    something can, dated or not, its body named or not."""
    held = tuple(m for m in meetings if m.items or m.attendance or m.declarations)
    if not held:
        return _refused(path, "holds no agenda items, attendance or declarations that clerk "
                              "can read; nothing was imported", tuple(meetings))
    return FileReport(path, True, _described(held, [""] * len(held)), status="readable",
                      meetings=held)


def _part(source: Source, part: int, minutes: ImportedMinutes) -> Source:
    return Source(source.path, source.sha256, source.text_sha256, part,
                  minutes_fingerprint(minutes))


_SAID = {"imported": "", "joined": " (added to the meeting imported before)",
         "unchanged": " (already imported)",
         "replaced": " (replaced the minutes imported before)"}


class _NothingFiled(Exception):
    """A meeting of the file differs from the one imported before: nothing of the file is
    kept (the save is undone), and these are what each meeting would have become."""

    def __init__(self, filings: tuple[Filing, ...]) -> None:
        super().__init__("a meeting of the file differs from the one imported before")
        self.filings = filings


_HELD = " (not added: another meeting in the file differs from the one imported before)"


def _filed(path: Path, meetings: tuple[ImportedMinutes, ...],
           filings: tuple[Filing, ...], held: bool = False) -> FileReport:
    """The report of a file whose meetings were filed (or found filed before; with
    ``held``, none was, because one differs)."""
    outcomes = [filing.outcome for filing in filings]
    status = "changed" if "changed" in outcomes else "replaced" if "replaced" in outcomes \
        else "unchanged" if all(o == "unchanged" for o in outcomes) else "imported"
    if status == "unchanged":
        return FileReport(path, True, "already imported; nothing added", status=status,
                          meetings=meetings, filings=filings)
    notes = [_changed(filing) if filing.outcome == "changed"
             else _HELD if held and filing.outcome != "unchanged" else _SAID[filing.outcome]
             for filing in filings]
    return FileReport(path, status != "changed", _described(meetings, notes), status=status,
                      meetings=meetings, filings=filings)


def _changed(filing: Filing) -> str:
    earlier = f"from {filing.earlier_path}, " if filing.earlier_path else ""
    return (f" differs from the minutes imported before ({earlier}meeting "
            f"{filing.meeting.id[:8]}); nothing was added. clerk import --replace takes the "
            "new text in their place")


def _described(meetings: Iterable[ImportedMinutes], notes: list[str]) -> str:
    """ "Planning Committee, 2024-05-01: 3 items, …", one part for each meeting, with
    what became of it (``notes``: a changed meeting's note replaces what it held)."""
    parts = []
    for minutes, note in zip(meetings, notes):
        named = f"{minutes.committee or UNKNOWN_BODY}, {iso_date(minutes.date)}"
        held = "" if note.startswith(" differs") else f": {found(minutes.agenda)}"
        parts.append(f"{named}{held}{note}")
    if len(parts) == 1:
        return parts[0]
    return f"{len(parts)} meetings: " + "; ".join(parts)


def _refused(path: Path, message: str,
             meetings: tuple[ImportedMinutes, ...] | list[ImportedMinutes] = ()) -> FileReport:
    return FileReport(path, False, message, status="refused", meetings=tuple(meetings))
