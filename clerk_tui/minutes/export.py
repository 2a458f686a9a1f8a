"""Export: compose, write, and put the file in place safely.

Files are written under a temporary name in the same folder, flushed to disk, then
renamed, so a crash never leaves half a file under the real name. An existing file
is never replaced unless asked. Confidential minutes are readable by their owner only.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import os
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from clerk_tui.minutes.compose import Version, compose_item, compose_meeting, wording
from clerk_tui.minutes.document import Document
from clerk_tui.minutes.frozen import FrozenError, FrozenMinutes
from clerk_tui.minutes.markdown import to_markdown
from clerk_tui.minutes.template_safety import note as template_note
from clerk_tui.minutes.word import TemplateError, build
from clerk_tui.models import HouseStyle, MeetingSnapshot, MeetingStatus
from clerk_tui.os_errors import writing_reason
from clerk_tui.output_paths import (
    MAX_NAME_BYTES,
    capped,
    open_temporary,
    refuse_unsafe_output,
    remove_abandoned,
)

Format = Literal["docx", "md"]
DEFAULT_FOLDER = Path("exports")
SLUG_BYTES = 48  # a committee's part of a file name; with the rest, under MAX_NAME_BYTES
ITEM_SLUG_BYTES = 18


class ExportError(Exception):
    """The minutes could not be written; the message says why."""


@dataclass(frozen=True)
class ExportResult:
    """Where the minutes went, and anything the clerk should know about them."""

    path: Path
    notes: tuple[str, ...] = ()
    sha256: str = ""
    """The file's fingerprint, recorded for approved minutes so ``clerk verify`` works."""


def slug(text: str, limit: int = SLUG_BYTES) -> str:
    """A file-name-safe form of ``text``: "Planning Committee" -> "planning-committee".

    Letters and digits of any script are kept ("日本語委員会" stays itself); a name with
    none ("...") becomes a short hash of itself, and one longer than ``limit`` bytes is
    cut and ends in that hash, so that different names keep different files."""
    words = re.sub(r"[\W_]+", "-", unicodedata.normalize("NFC", text).casefold()).strip("-")
    if not words:
        return hashlib.sha256(text.encode("utf-8")).hexdigest()[:8] if text.strip() else "minutes"
    return capped(words, limit, original=text)


def file_name(snapshot: MeetingSnapshot, version: Version, fmt: Format,
              item_id: str | None = None) -> str:
    """The predictable name: committee, date ("undated" and the meeting's id, when the
    minutes do not say, so two undated meetings never share a file), item, version and
    whether it is a draft."""
    meeting = snapshot.meeting
    when = wording.iso_date(meeting.date) if meeting.date else \
        f"{wording.iso_date(None)}-{meeting.id[:8]}"
    parts = [slug(snapshot.committee.name), when, "minutes"]
    if item_id is not None:
        parts.append(f"item-{_item_label(snapshot, item_id)}")
    parts.append(version)
    if snapshot.meeting.status != MeetingStatus.APPROVED:
        parts.append("draft")
    return capped("-".join(parts), MAX_NAME_BYTES - len(fmt) - 1) + f".{fmt}"


def _item_label(snapshot: MeetingSnapshot, item_id: str) -> str:
    """An item's minute number (or title) for a file name; where two items would share
    it, each also gets its place on the agenda, so one never stands in for the other."""
    labels = [slug(p.item.minute_number or p.item.title, ITEM_SLUG_BYTES) for p in snapshot.items]
    place = next(n for n, p in enumerate(snapshot.items) if p.item.id == item_id)
    label = labels[place]
    return label if labels.count(label) == 1 else f"{label}-{place + 1}"


def export_minutes(
    snapshot: MeetingSnapshot,
    destination: Path = DEFAULT_FOLDER,
    version: Version = "public",
    fmt: Format = "docx",
    item_id: str | None = None,
    template: Path | None = None,
    style: HouseStyle | None = None,
    overwrite: bool = False,
    before_placing: Callable[[Path, str], None] | None = None,
    database: Path | None = None,
    frozen: FrozenMinutes | None = None,
) -> ExportResult:
    """Write the minutes of the meeting (or one item) to ``destination``, a folder
    (the file gets its predictable name) or a file path. A destination that is
    ``database`` (the file clerk has open), a file beside it or any other database is
    refused with :class:`~clerk_tui.output_paths.UnsafeOutput`, overwrite or not.

    ``before_placing(target, sha256)`` runs once the file's bytes are known and before
    it is put in place (to record the fingerprint of approved minutes): if it raises,
    nothing is written, so no file exists that the record does not vouch for.

    Approved minutes are written from ``frozen``, the minutes as they were approved
    (:mod:`clerk_tui.minutes.frozen`), never composed again; drafts are composed now."""
    document = _document(snapshot, version, item_id, style, frozen)
    target = _target(destination, file_name(snapshot, version, fmt, item_id), fmt, database)
    if target.exists() and not overwrite:
        raise ExportError(f"{target} already exists; nothing was written.")
    if template is not None and not template.exists():  # a pipe is refused as it is read
        raise ExportError(f"The template {template} does not exist.")
    notes = list(document.warnings)
    if fmt == "md":
        data = to_markdown(document).encode("utf-8")
    else:
        data = _word_bytes(document, template, notes)
    sha256 = hashlib.sha256(data).hexdigest()
    if before_placing is not None:
        before_placing(target, sha256)
    write_atomically(target, data, private=version == "confidential", overwrite=overwrite,
                     database=database)
    return ExportResult(target, tuple(notes), sha256)


def _document(snapshot: MeetingSnapshot, version: Version, item_id: str | None,
              style: HouseStyle | None, frozen: FrozenMinutes | None) -> Document:
    """What the file will say: the frozen approved minutes, or a draft composed now."""
    if snapshot.meeting.status != MeetingStatus.APPROVED:
        return (compose_item(snapshot, item_id, version, style) if item_id
                else compose_meeting(snapshot, version, style))
    if frozen is None:
        raise ExportError("Approved minutes are written from the copy frozen when they were "
                          "approved, and none was given; nothing was written.")
    try:
        return frozen.document(version, item_id)
    except FrozenError as error:
        raise ExportError(f"{error} Nothing was written.") from None


def export_action_log(document: Document, destination: Path, day: dt.date,
                      overwrite: bool = False, database: Path | None = None) -> ExportResult:
    """Write the action log (composed by the caller) as Word:
    action-log-<day>.docx, or action-log-<day>-confidential.docx."""
    confidential = "CONFIDENTIAL" in document.markings
    name = f"action-log-{day.isoformat()}{'-confidential' if confidential else ''}.docx"
    target = _target(destination, name, "docx", database)
    if target.exists() and not overwrite:
        raise ExportError(f"{target} already exists; nothing was written.")
    data = _word_bytes(document, None, [])
    write_atomically(target, data, private=confidential, overwrite=overwrite, database=database)
    return ExportResult(target, (), hashlib.sha256(data).hexdigest())


def _target(destination: Path, name: str, fmt: Format, database: Path | None = None) -> Path:
    """The file to write: ``destination`` itself when it names a file of the right
    kind, else the usual name inside the folder ``destination``; refused (whatever its
    name ends in) when it is or would be a database (:mod:`clerk_tui.output_paths`)."""
    if not destination.is_dir():
        refuse_unsafe_output(destination, database)
    if destination.is_dir() or not destination.suffix:
        folder, target = destination, destination / name
    elif destination.suffix.lower() == f".{fmt}":
        folder, target = destination.parent, destination
    else:
        raise ExportError(f"{destination} does not end in .{fmt}: give a folder, or a file "
                          f"name ending in .{fmt}.")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise ExportError(f"The folder {folder} cannot be made: {writing_reason(error)}."
                          ) from None
    refuse_unsafe_output(target, database)
    return target


def _word_bytes(document, template: Path | None, notes: list[str]) -> bytes:
    try:
        writer = build(document, template)
    except TemplateError as error:
        raise ExportError(str(error)) from None
    if writer.removed:
        notes.append(f"{writer.removed} character(s) that Word cannot hold were left out.")
    if (stripped := template_note(writer.stripped)) is not None:
        notes.append(stripped)
    buffer = io.BytesIO()
    writer.word.save(buffer)
    return buffer.getvalue()


def open_elsewhere(target: Path) -> str | None:
    """The program that has ``target`` open, by the lock file it leaves beside it
    (LibreOffice's ``.~lock.NAME#``, Word's ``~$NAME``), if one does."""
    name = target.name
    for lock, program in ((f".~lock.{name}#", "LibreOffice"), (f"~${name}", "Word"),
                          (f"~${name[2:]}", "Word")):
        if (target.parent / lock).exists():
            return program
    return None


def write_atomically(target: Path, data: bytes, private: bool, overwrite: bool,
                     database: Path | None = None) -> None:
    """Write beside ``target``, then put it in place in one step: a rename when
    replacing is allowed, else a link, which fails if a file appeared meanwhile.
    Never onto ``database``, a file beside it or another database
    (:class:`~clerk_tui.output_paths.UnsafeOutput`, overwrite or not).
    A file open in Word or LibreOffice is not replaced: saving it there would undo
    the export, or the export would pull it from under the clerk's edits. The
    temporary file is clerk's own kind (hidden, locked while written), so one left by
    a killed export is removed by the next clerk, here or at start."""
    refuse_unsafe_output(target, database)
    if (program := open_elsewhere(target)) is not None:
        raise ExportError(f"{target} is open in {program}; close it there, then export again. "
                          "Nothing was written.")
    remove_abandoned(target.parent)
    try:
        handle, temporary = open_temporary(target)
    except OSError as error:
        raise ExportError(f"Nothing can be written in {target.parent}: "
                          f"{writing_reason(error)}.") from None
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
            os.chmod(temporary, 0o600 if private else 0o644)
            if overwrite:
                os.replace(temporary, target)
            else:
                os.link(temporary, target)
    except FileExistsError:
        raise ExportError(f"{target} already exists; nothing was written.") from None
    except OSError as error:
        raise ExportError(f"{target} cannot be written: {writing_reason(error)}. "
                          "Nothing was written.") from None
    finally:
        temporary.unlink(missing_ok=True)
