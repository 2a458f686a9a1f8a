"""``clerk verify``: whether a file, or the fingerprint on a signed copy, is the record.

A file passes only when it matches a recorded export (its SHA-256), the frozen minutes
that export was written from are intact (their SHA-256 recomputed), and the file says
what those frozen minutes say: written again from them (with the same Word template,
when the export used one), every part of the file is the same, so a row slipped into
``exports`` cannot vouch for an altered file. A fingerprint read off a signed paper
copy passes only when it is that of the frozen minutes of a meeting as they stand
approved. :func:`verify` is the one call for either. Nothing here imports Textual.
"""

from __future__ import annotations

import hashlib
import io
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from clerk_tui.importer.documents import MAX_WORD_BYTES, UnreadableDocument, read_file
from clerk_tui.importer.documents import check_zip as check_word_zip  # the importer's limits
from clerk_tui.minutes.compose.wording import FINGERPRINT_DIGITS, fingerprint
from clerk_tui.minutes.frozen import FrozenError, FrozenMinutes, same_as_written, thaw_record
from clerk_tui.models import UNDATED
from clerk_tui.store import NotFound, Store
from clerk_tui.store.approvals import FrozenRecord

SHA256_DIGITS = 64


@dataclass(frozen=True)
class FrozenExport:
    """What an export of approved minutes needs: the minutes as frozen at approval,
    and ``record(target, sha256)`` to pass as the export's ``before_placing``."""

    minutes: FrozenMinutes
    record: Callable[[Path, str], None]


def frozen_export(store: Store, meeting_id: str, item_id: str | None, version: str,
                  template: Path | None = None) -> FrozenExport:
    """The frozen approved minutes of the meeting to export (one item, or all), and how
    to record the file written from them, with the template's SHA-256 when one is used,
    so that ``clerk verify`` can vouch for it. Raises the store's errors, FrozenError
    for frozen minutes that cannot be read, UnreadableDocument for a template that
    cannot be read."""
    minutes = thaw_record(store.approvals.frozen_for_export(meeting_id))
    template_sha256 = _sha256_of(template) if template is not None else None

    def record(target: Path, sha256: str) -> None:
        store.approvals.record_export(sha256, meeting_id, item_id, version, str(target),
                                      minutes.sha256, template_sha256)
    return FrozenExport(minutes, record)


def _sha256_of(template: Path) -> str:
    return hashlib.sha256(read_file(template, MAX_WORD_BYTES)).hexdigest()


def read_for_verifying(file: Path) -> bytes:
    """The bytes of ``file`` as the importer reads a document: an ordinary file only,
    within its size limit, and a Word file within its zip limits (nothing expanded
    before they are checked). Raises UnreadableDocument saying why not."""
    data = read_file(file)
    if file.suffix.lower() != ".md":
        check_word_zip(file, data)
    return data


@dataclass(frozen=True)
class Verdict:
    """What ``clerk verify`` found, in a sentence."""

    ok: bool
    message: str


def _stamp(text: str | None) -> str:
    return (text or "")[:16].replace("T", " ")


def _about(store: Store, meeting_id: str, frozen: FrozenRecord | None = None) -> str:
    """The minutes named as approved: the committee and date the frozen copy holds."""
    if frozen is not None:
        from json import loads

        record = loads(frozen.document)
        return f"{record.get('committee')}, {record.get('date') or UNDATED}"
    meeting = store.meetings.get(meeting_id)
    name = store.committees.get(meeting.committee_id).name
    return f"{name}, {meeting.date.isoformat() if meeting.date else UNDATED}"


def verify_file(store: Store, file: Path, data: bytes, template: Path | None = None) -> Verdict:
    """Whether ``data`` (read from ``file`` by :func:`read_for_verifying`) is an
    untouched export of approved minutes; ``template`` is the Word template it was
    written with, if it was."""
    record = store.approvals.export(hashlib.sha256(data).hexdigest())
    if record is None:
        return _unrecorded(store, file, data)
    frozen = store.approvals.frozen_by_sha256(record["frozen_sha256"]) \
        if record["frozen_sha256"] else None
    if frozen is None or not frozen.intact or frozen.meeting_id != record["meeting_id"]:
        what = ("was recorded before clerk kept frozen copies of approved minutes, so it "
                "cannot be checked against them: export the minutes again"
                if not record["frozen_sha256"] else
                "is recorded, but the frozen approved minutes it was written from are missing "
                "or were changed outside clerk: run clerk check")
        return Verdict(False, f"{file} {what}.")
    about = f"the approved {record['version']} minutes of {_about(store, '', frozen)}"
    try:
        document = thaw_record(frozen).document(record["version"], record["item_id"])
    except FrozenError as error:
        return Verdict(False, f"{file}: {error} Run clerk check.")
    fmt = "md" if file.suffix.lower() == ".md" else "docx"
    used, refused = _template_for(file, record, template if fmt == "docx" else None)
    if refused is not None:
        return Verdict(False, refused)
    if not same_as_written(document, data, fmt, used):
        return Verdict(False, f"{file} matches a recorded export, but it is not what clerk "
                              f"writes for {about}: it has been altered, or the record was "
                              "forged.")
    written = _stamp(record["exported_at"])
    if record["superseded_at"]:
        return Verdict(False, f"{file} is an untouched export of {about} (written {written}), "
                              f"but it is out of date: the minutes were reopened on "
                              f"{_stamp(record['superseded_at'])} ({record['superseded_reason']});"
                              " export them again once they are approved.")
    return Verdict(True, f"{file} is an untouched export of {about} (written {written}; "
                         f"fingerprint {fingerprint(frozen.sha256)}"
                         f"{'; with its template' if used else ''}).")


def _template_for(file: Path, record: dict, template: Path | None) -> tuple[Path | None,
                                                                              str | None]:
    """The template to write the minutes again with (the one the export recorded, which
    must be given), or why the file cannot be checked."""
    recorded = record.get("template_sha256")
    if recorded is None:
        return None, None
    if template is None:
        return None, (f"{file} was written with a Word template: give the same template "
                      "with --template to check it.")
    try:
        if _sha256_of(template) != recorded:
            return None, (f"{template} is not the template {file} was written with (or the "
                          "template was changed since).")
    except UnreadableDocument as error:
        return None, str(error)
    return template, None


def _unrecorded(store: Store, file: Path, data: bytes) -> Verdict:
    claimed, draft = _claimed_meeting(data) if file.suffix.lower() != ".md" else (None, False)
    try:
        about = f"the minutes of {_about(store, claimed)}" if claimed else None
    except NotFound:
        about = None
    if about is None:
        return Verdict(False, f"{file} is not an export of approved minutes from this database.")
    if draft:
        return Verdict(False, f"{file} is a draft of {about}: drafts are never recorded, so it "
                              "cannot be vouched for. Export the approved minutes instead.")
    return Verdict(False, f"{file} says it is {about}, but it does not match any export of the "
                          "approved minutes: it has been altered since it was written.")


def _claimed_meeting(data: bytes) -> tuple[str | None, bool]:
    """The meeting id a Word file of clerk's (its bytes, within the zip limits) says it
    holds (if it is one), and whether it says it is a draft."""
    try:
        import docx

        properties = docx.Document(io.BytesIO(data)).core_properties
    except Exception:  # noqa: BLE001  not a Word file (whatever docx makes of it): it claims nothing
        return None, False
    parts = (properties.identifier or "").split(":")
    claimed = parts[1] if len(parts) >= 2 and parts[0] == "clerk" else None
    return claimed, (properties.content_status or "").lower() == "draft"


def fingerprint_digits(text: str) -> str | None:
    """The hex digits of a fingerprint as typed ("3F2A 9c41-07be ..."), or None when it
    is not one: other characters, or fewer digits than are printed (all 20 must be
    given, so that matching them takes as much work as forging them), or more than a
    SHA-256 has."""
    digits = re.sub(r"[\s\-:]", "", text).lower()
    if not FINGERPRINT_DIGITS <= len(digits) <= SHA256_DIGITS \
            or not re.fullmatch(r"[0-9a-f]+", digits):
        return None
    return digits


def not_a_fingerprint(printed: str) -> str:
    """Why ``printed`` is refused as a fingerprint (:func:`fingerprint_digits` found none)."""
    return (f"{printed!r} is not a fingerprint: it is {FINGERPRINT_DIGITS} hex digits, such "
            "as 3f2a 9c41 07be 55d0 a1c3.")


def verify(store: Store, file: Path | None, data: bytes = b"", template: Path | None = None,
           digits: str | None = None) -> Verdict:
    """Whether ``file`` (its ``data``, read by :func:`read_for_verifying`) is an
    untouched export of approved minutes or, with no file, whether the fingerprint's hex
    ``digits`` (:func:`fingerprint_digits`) are those of approved minutes as they stand."""
    if file is not None:
        return verify_file(store, file, data, template)
    if digits is None:
        raise ValueError("verify needs a file or a fingerprint's digits")
    return verify_fingerprint(store, digits)


def verify_fingerprint(store: Store, digits: str) -> Verdict:
    """Whether the fingerprint read off a signed copy (hex ``digits``) is that of the
    approved minutes of a meeting, as they stand in this database."""
    shown = fingerprint(digits) + ("…" if len(digits) > FINGERPRINT_DIGITS else "")
    matches = store.approvals.frozen_matching(digits)
    if not matches:
        return Verdict(False, f"No approved minutes in this database have the fingerprint "
                              f"{shown}. If it was read off a signed copy, these are not the "
                              "minutes that were signed: compare with a backup.")
    frozen = matches[-1]
    about = f"the approved minutes of {_about(store, frozen.meeting_id, frozen)}"
    if not frozen.intact:
        return Verdict(False, f"The fingerprint {shown} is that of {about}, but their frozen "
                              "copy here was changed outside clerk since: run clerk check.")
    if not store.approvals.is_current(frozen):
        latest = store.approvals.frozen(frozen.meeting_id, check=False)
        now = (f"they are now fingerprint {fingerprint(latest.sha256)}"
               if latest and latest.seq != frozen.seq
               and store.approvals.is_current(latest) else "they are not approved again yet")
        return Verdict(False, f"The fingerprint {shown} is that of {about} as frozen on "
                              f"{_stamp(frozen.frozen_at)}, since reopened: {now}. The signed "
                              "copy is not the current record.")
    return Verdict(True, f"The fingerprint {shown} is that of {about} as they stand (frozen "
                         f"{_stamp(frozen.frozen_at)}): the signed copy and the database agree.")
