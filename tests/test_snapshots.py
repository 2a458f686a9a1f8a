"""SVG snapshots of the main screens (regenerate with `pytest --snapshot-update`)."""

from __future__ import annotations

import datetime as dt

import pytest

from clerk_tui.ui.app import make_app
from conftest import FrozenClock, add_sample


@pytest.fixture
def app_in(tmp_path, monkeypatch):
    """An app on ``clerk.db`` in a temporary folder, so the path on screen is stable."""
    monkeypatch.chdir(tmp_path)
    return make_app("clerk.db", clock=FrozenClock())


def test_meetings_screen_empty(snap_compare, app_in):
    assert snap_compare(app_in, terminal_size=(80, 24))


def test_meetings_screen_with_meetings(snap_compare, app_in):
    add_sample(app_in.store)
    add_sample(app_in.store, date=dt.date(2024, 9, 12), name="Licensing Committee")
    assert snap_compare(app_in, terminal_size=(120, 40))
