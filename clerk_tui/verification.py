"""``clerk verify``: whether a file, or the fingerprint on a signed copy, is the record.

A file passes only when it matches a recorded export (its SHA-256), the frozen minutes
that export was written from are intact (their SHA-256 recomputed), and the file says
what those frozen minutes say, so a row slipped into ``exports`` cannot vouch for an
altered file. A fingerprint read off a signed paper copy passes only when it is that
of the frozen minutes of a meeting as they stand approved. Nothing here imports Textual.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from clerk_tui.minutes.compose.wording import FINGERPRINT_DIGITS, fingerprint
from clerk_tui.minutes.frozen import FrozenError, same_text, thaw_record
from clerk_tui.store import NotFound, Store
from clerk_tui.store.approvals import FrozenRecord


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
        return f"{record.get('committee')}, {record.get('date')}"
    meeting = store.meetings.get(meeting_id)
    return f"{store.committees.get(meeting.committee_id).name}, {meeting.date.isoformat()}"


def verify_file(store: Store, file: Path, data: bytes) -> Verdict:
    """Whether ``data`` (read from ``file``) is an untouched export of approved minutes."""
    record = store.approvals.export(hashlib.sha256(data).hexdigest())
    if record is None:
        return _unrecorded(store, file)
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
    if not same_text(document, data, fmt):
        return Verdict(False, f"{file} matches a recorded export, but its text is not that of "
                              f"{about}: it has been altered, or the record was forged.")
    written = _stamp(record["exported_at"])
    if record["superseded_at"]:
        return Verdict(False, f"{file} is an untouched export of {about} (written {written}), "
                              f"but it is out of date: the minutes were reopened on "
                              f"{_stamp(record['superseded_at'])} ({record['superseded_reason']});"
                              " export them again once they are approved.")
    return Verdict(True, f"{file} is an untouched export of {about} (written {written}; "
                         f"fingerprint {frozen_fingerprint(frozen)}).")


def frozen_fingerprint(frozen: FrozenRecord) -> str:
    """The fingerprint printed on the minutes frozen as ``frozen``."""
    return fingerprint(frozen.sha256)


def _unrecorded(store: Store, file: Path) -> Verdict:
    claimed, draft = _claimed_meeting(file)
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


def _claimed_meeting(file: Path) -> tuple[str | None, bool]:
    """The meeting id a Word file of clerk's says it holds (if it is one), and whether
    it says it is a draft."""
    try:
        import docx

        properties = docx.Document(str(file)).core_properties
    except Exception:  # not a Word file: it claims nothing
        return None, False
    parts = (properties.identifier or "").split(":")
    claimed = parts[1] if len(parts) >= 2 and parts[0] == "clerk" else None
    return claimed, (properties.content_status or "").lower() == "draft"


def fingerprint_digits(text: str) -> str | None:
    """The hex digits of a fingerprint as typed ("3F2A 9c41-07be"), or None when it is
    not one (fewer than 12 digits, or other characters)."""
    digits = re.sub(r"[\s\-:]", "", text).lower()
    if len(digits) < FINGERPRINT_DIGITS or not re.fullmatch(r"[0-9a-f]+", digits):
        return None
    return digits


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
