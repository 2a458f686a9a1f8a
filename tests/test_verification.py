"""Checking a file, or a signed copy's fingerprint, against the approved record, without
the command line."""

from __future__ import annotations

import datetime as dt
import hashlib

import pytest

from clerk_tui import models as m
from clerk_tui.importer.documents import UnreadableDocument
from clerk_tui.minutes.compose.wording import FINGERPRINT_DIGITS, fingerprint
from clerk_tui.minutes.export import export_minutes
from clerk_tui.verification import (
    fingerprint_digits,
    frozen_export,
    not_a_fingerprint,
    read_for_verifying,
    verify,
)

SHA = "3a7c" * 16


def _approved_meeting(store) -> m.Meeting:
    """An invented drainage board's meeting, minuted and approved."""
    board = store.committees.add(m.Committee(name="Hollin Vale Drainage Board"))
    meeting = store.meetings.add(m.Meeting(committee_id=board.id, date=dt.date(2025, 2, 12)))
    item = store.items.add(m.AgendaItem(meeting_id=meeting.id, minute_number="3",
                                        title="Sluice gates", exempt=False))
    store.entries.add(m.Resolution(item_id=item.id, text="That the sluice gates be regreased.",
                                   captured_at=store.now()))
    store.meetings.approve(meeting.id, dt.date(2025, 3, 12))
    return store.meetings.get(meeting.id)


def _exported(store, tmp_path, meeting: m.Meeting):
    frozen = frozen_export(store, meeting.id, None, "public")
    result = export_minutes(store.snapshot(meeting.id), tmp_path, "public", "md",
                            frozen=frozen.minutes, before_placing=frozen.record)
    return result.path


# -- fingerprints as typed ------------------------------------------------------------

def test_a_fingerprint_is_read_however_it_is_spaced_or_cased():
    printed = fingerprint(SHA)
    assert fingerprint_digits(printed) == SHA[:FINGERPRINT_DIGITS]
    assert fingerprint_digits(printed.upper().replace(" ", "-")) == SHA[:FINGERPRINT_DIGITS]
    assert fingerprint_digits(SHA.upper()) == SHA


@pytest.mark.parametrize("typed", ["3a7c 3a7c", "3a7c 3a7c 3a7c 3a7c 3a7g", SHA + "0", "",
                                   "3a7c 3a7c 3a7c 3a7c 3a7c ✓"])
def test_what_is_not_a_whole_fingerprint_is_refused(typed):
    assert fingerprint_digits(typed) is None


def test_a_long_line_of_separators_is_refused_quickly():
    assert fingerprint_digits(" -:" * 350_000) is None


def test_the_refusal_says_what_a_fingerprint_looks_like():
    said = not_a_fingerprint("12ab")
    assert said.startswith("'12ab' is not a fingerprint") and str(FINGERPRINT_DIGITS) in said


# -- files ----------------------------------------------------------------------------

def test_an_untouched_export_is_vouched_for_naming_the_meeting(store, tmp_path):
    path = _exported(store, tmp_path, _approved_meeting(store))
    verdict = verify(store, path, read_for_verifying(path))
    assert verdict.ok, verdict.message
    assert "untouched export" in verdict.message and "Hollin Vale Drainage Board" in verdict.message


def test_an_altered_export_is_not(store, tmp_path):
    path = _exported(store, tmp_path, _approved_meeting(store))
    path.write_text(path.read_text(encoding="utf-8").replace("regreased", "replaced"),
                    encoding="utf-8")
    verdict = verify(store, path, read_for_verifying(path))
    assert not verdict.ok and "not an export of approved minutes" in verdict.message


def test_a_file_clerk_never_wrote_is_not(store, tmp_path):
    _approved_meeting(store)
    stranger = tmp_path / "notes.md"
    stranger.write_text("# Minutes of a board that never met\n", encoding="utf-8")
    verdict = verify(store, stranger, read_for_verifying(stranger))
    assert not verdict.ok and "from this database" in verdict.message


def test_a_word_file_that_is_no_zip_cannot_be_read_for_verifying(tmp_path):
    fake = tmp_path / "minutes.docx"
    fake.write_bytes(b"not a zip at all")
    with pytest.raises(UnreadableDocument):
        read_for_verifying(fake)


def test_the_export_is_recorded_against_the_frozen_minutes(store, tmp_path):
    meeting = _approved_meeting(store)
    path = _exported(store, tmp_path, meeting)
    recorded = store.approvals.export(hashlib.sha256(path.read_bytes()).hexdigest())
    assert recorded["meeting_id"] == meeting.id and recorded["version"] == "public"
    assert recorded["frozen_sha256"] == store.approvals.frozen(meeting.id).sha256


# -- fingerprints ---------------------------------------------------------------------

def test_the_fingerprint_of_the_approved_minutes_agrees(store):
    meeting = _approved_meeting(store)
    digits = fingerprint_digits(fingerprint(store.approvals.frozen(meeting.id).sha256))
    verdict = verify(store, None, digits=digits)
    assert verdict.ok and "the signed copy and the database agree" in verdict.message


def test_a_fingerprint_of_no_approved_minutes_is_refused(store):
    _approved_meeting(store)
    verdict = verify(store, None, digits="0" * FINGERPRINT_DIGITS)
    assert not verdict.ok and verdict.message.startswith("No approved minutes")


def test_verify_needs_a_file_or_digits(store):
    with pytest.raises(ValueError):
        verify(store, None)
