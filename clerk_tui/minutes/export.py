"""Export: compose, write, and put the file in place safely.

Files are written under a temporary name in the same folder, flushed to disk, then
renamed, so a crash never leaves half a file under the real name. An existing file
is never replaced unless asked. Confidential minutes are readable by their owner only.
"""

from __future__ import annotations

import datetime as dt
import errno
import hashlib
import io
import os
import re
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from clerk_tui.minutes.compose import Version, compose_item, compose_meeting
from clerk_tui.minutes.document import Document
from clerk_tui.minutes.markdown import to_markdown
from clerk_tui.minutes.word import TemplateError, build
from clerk_tui.models import HouseStyle, MeetingSnapshot, MeetingStatus

Format = Literal["docx", "md"]
DEFAULT_FOLDER = Path("exports")


class ExportError(Exception):
    """The minutes could not be written; the message says why."""


@dataclass(frozen=True)
class ExportResult:
    """Where the minutes went, and anything the clerk should know about them."""

    path: Path
    notes: tuple[str, ...] = ()
    sha256: str = ""
    """The file's fingerprint, recorded for approved minutes so ``clerk verify`` works."""


def slug(text: str) -> str:
    """A file-name-safe form of ``text``: "Planning Committee" -> "planning-committee"."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "minutes"


def file_name(snapshot: MeetingSnapshot, version: Version, fmt: Format,
              item_id: str | None = None) -> str:
    """The predictable name: committee, date, item, version and whether it is a draft."""
    parts = [slug(snapshot.committee.name), snapshot.meeting.date.isoformat(), "minutes"]
    if item_id is not None:
        parts.append(f"item-{_item_label(snapshot, item_id)}")
    parts.append(version)
    if snapshot.meeting.status != MeetingStatus.APPROVED:
        parts.append("draft")
    return "-".join(parts) + f".{fmt}"


def _item_label(snapshot: MeetingSnapshot, item_id: str) -> str:
    """An item's minute number (or title) for a file name; where two items would share
    it, each also gets its place on the agenda, so one never stands in for the other."""
    labels = [slug(p.item.minute_number or p.item.title) for p in snapshot.items]
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
) -> ExportResult:
    """Write the minutes of the meeting (or one item) to ``destination``, a folder
    (the file gets its predictable name) or a file path.

    ``before_placing(target, sha256)`` runs once the file's bytes are known and before
    it is put in place (to record the fingerprint of approved minutes): if it raises,
    nothing is written, so no file exists that the record does not vouch for."""
    document = (compose_item(snapshot, item_id, version, style) if item_id
                else compose_meeting(snapshot, version, style))
    target = _target(destination, file_name(snapshot, version, fmt, item_id), fmt)
    if target.exists() and not overwrite:
        raise ExportError(f"{target} already exists; nothing was written.")
    if template is not None and not template.is_file():
        raise ExportError(f"The template {template} does not exist.")
    notes = list(document.warnings)
    if fmt == "md":
        data = to_markdown(document).encode("utf-8")
    else:
        data = _word_bytes(document, template, notes)
    sha256 = hashlib.sha256(data).hexdigest()
    if before_placing is not None:
        before_placing(target, sha256)
    write_atomically(target, data, private=version == "confidential", overwrite=overwrite)
    return ExportResult(target, tuple(notes), sha256)


def export_action_log(document: Document, destination: Path, day: dt.date,
                      overwrite: bool = False) -> ExportResult:
    """Write the action log (composed by the caller) as Word:
    action-log-<day>.docx, or action-log-<day>-confidential.docx."""
    confidential = "CONFIDENTIAL" in document.markings
    name = f"action-log-{day.isoformat()}{'-confidential' if confidential else ''}.docx"
    target = _target(destination, name, "docx")
    if target.exists() and not overwrite:
        raise ExportError(f"{target} already exists; nothing was written.")
    data = _word_bytes(document, None, [])
    write_atomically(target, data, private=confidential, overwrite=overwrite)
    return ExportResult(target, (), hashlib.sha256(data).hexdigest())


def _target(destination: Path, name: str, fmt: Format) -> Path:
    """The file to write: ``destination`` itself when it names a file of the right
    kind, else the usual name inside the folder ``destination``."""
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
        raise ExportError(f"The folder {folder} cannot be made: {_why(error)}.") from None
    return target


def _word_bytes(document, template: Path | None, notes: list[str]) -> bytes:
    try:
        writer = build(document, template)
    except TemplateError as error:
        raise ExportError(str(error)) from None
    if writer.removed:
        notes.append(f"{writer.removed} character(s) that Word cannot hold were left out.")
    buffer = io.BytesIO()
    writer.word.save(buffer)
    return buffer.getvalue()


def _why(error: OSError) -> str:
    """An operating system's refusal, in a clerk's words."""
    return {errno.ENOSPC: "the disk is full", errno.EDQUOT: "the disk quota is used up",
            errno.EACCES: "you do not have permission to write there",
            errno.EPERM: "you do not have permission to write there",
            errno.EROFS: "the disk is read-only"}.get(error.errno, error.strerror or str(error))


def open_elsewhere(target: Path) -> str | None:
    """The program that has ``target`` open, by the lock file it leaves beside it
    (LibreOffice's ``.~lock.NAME#``, Word's ``~$NAME``), if one does."""
    name = target.name
    for lock, program in ((f".~lock.{name}#", "LibreOffice"), (f"~${name}", "Word"),
                          (f"~${name[2:]}", "Word")):
        if (target.parent / lock).exists():
            return program
    return None


def write_atomically(target: Path, data: bytes, private: bool, overwrite: bool) -> None:
    """Write beside ``target``, then put it in place in one step: a rename when
    replacing is allowed, else a link, which fails if a file appeared meanwhile.
    A file open in Word or LibreOffice is not replaced: saving it there would undo
    the export, or the export would pull it from under the clerk's edits."""
    if (program := open_elsewhere(target)) is not None:
        raise ExportError(f"{target} is open in {program}; close it there, then export again. "
                          "Nothing was written.")
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    except OSError as error:
        raise ExportError(f"Nothing can be written in {target.parent}: {_why(error)}.") from None
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
        raise ExportError(f"{target} cannot be written: {_why(error)}. Nothing was written."
                          ) from None
    finally:
        Path(temporary).unlink(missing_ok=True)
