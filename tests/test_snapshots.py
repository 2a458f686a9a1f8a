"""SVG snapshots of the main screens, on a frozen clock.

After an intended change of look, regenerate with
`.venv/bin/python -m pytest tests/test_snapshots.py --snapshot-update` and look at them.
"""

from __future__ import annotations

import datetime as dt

import pytest

from clerk_tui.demo import add_sample_meeting
from clerk_tui.ui.app import make_app
from conftest import FrozenClock, add_sample

SIZE = (100, 30)


@pytest.fixture
def app_in(tmp_path, monkeypatch):
    """An app on ``clerk.db`` in a temporary folder, so the path on screen is stable."""
    monkeypatch.chdir(tmp_path)
    return make_app("clerk.db", clock=FrozenClock(dt.datetime(2024, 5, 1, 19, 45)))


async def open_sample(pilot) -> None:
    await pilot.pause()
    await pilot.press("enter")
    await pilot.pause()


def test_meetings_screen_empty(snap_compare, app_in):
    assert snap_compare(app_in, terminal_size=(80, 24))


def test_meetings_screen_with_meetings(snap_compare, app_in):
    add_sample(app_in.store)
    add_sample(app_in.store, date=dt.date(2024, 9, 12), name="Licensing Committee")
    assert snap_compare(app_in, terminal_size=(120, 40))


def test_new_meeting_form(snap_compare, app_in):
    add_sample(app_in.store)
    assert snap_compare(app_in, press=["ctrl+n", *"Plan"], terminal_size=SIZE)


def test_meeting_screen_with_entries_of_every_kind(snap_compare, app_in):
    add_sample_meeting(app_in.store)
    assert snap_compare(app_in, press=["enter", "pageup"], terminal_size=SIZE)


def test_meeting_screen_at_80_by_24(snap_compare, app_in):
    add_sample_meeting(app_in.store)
    assert snap_compare(app_in, press=["enter"], terminal_size=(80, 24))


def test_attendance_screen(snap_compare, app_in):
    add_sample_meeting(app_in.store)
    assert snap_compare(app_in, press=["enter", "f3"], terminal_size=SIZE)


def test_meeting_help(snap_compare, app_in):
    add_sample_meeting(app_in.store)
    assert snap_compare(app_in, press=["enter", "f1"], terminal_size=SIZE)


def test_approved_meeting_is_read_only(snap_compare, app_in):
    meeting = add_sample_meeting(app_in.store)
    app_in.store.meetings.approve(meeting.id, dt.date(2024, 6, 5))
    assert snap_compare(app_in, press=["enter"], terminal_size=SIZE)

