"""Pilot tests of the app on a real database file."""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest

from textual.widgets import DataTable

from clerk_tui.settings import PersonalSettings
from clerk_tui.ui.app import make_app
from clerk_tui.ui.screens.help import HelpScreen
from conftest import add_sample


async def test_an_empty_file_says_there_are_no_meetings(db_path, clock):
    app = make_app(db_path, clock=clock)
    async with app.run_test() as pilot:
        await pilot.pause()
        assert app.screen.query_one("#empty-message").display
        assert not app.screen.query_one("#meetings").display
        assert "no meetings in this file" in str(app.screen.query_one("#empty-message").render())


async def test_meetings_are_listed_newest_first_with_counts(db_path, clock):
    app = make_app(db_path, clock=clock)
    add_sample(app.store)
    later = add_sample(app.store, date=dt.date(2024, 9, 12), name="Licensing Committee")
    async with app.run_test() as pilot:
        await pilot.pause()
        table = app.screen.query_one("#meetings", DataTable)
        assert table.row_count == 2
        assert table.get_row_at(0) == ["Thu 12 Sep 2024", "Licensing Committee", "Draft", "2", "5"]
        assert table.get_row_at(1)[1] == "Planning"
        assert table.coordinate_to_cell_key((0, 0)).row_key.value == later.meeting.id


async def test_f1_opens_help_and_escape_closes_it(db_path):
    app = make_app(db_path)
    async with app.run_test() as pilot:
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)


async def test_screen_commands_are_in_the_palette(db_path):
    app = make_app(db_path)
    async with app.run_test() as pilot:
        await pilot.pause()
        titles = [command.title for command in app.get_system_commands(app.screen)]
        assert titles[0] == "Help" and "Quit" in titles


async def test_the_organisation_heads_the_screen(db_path):
    app = make_app(db_path)
    app.store.settings.set("organisation", "Parish of Little Hampden")
    async with app.run_test() as pilot:
        await pilot.pause()
        assert app.title == "clerk · Parish of Little Hampden"


async def test_personal_settings_apply_and_a_bad_theme_is_survived(db_path):
    app = make_app(db_path, PersonalSettings(theme="no-such-theme", keys={"help": "f2"}))
    async with app.run_test() as pilot:
        await pilot.press("f2")
        assert isinstance(app.screen, HelpScreen)
        assert any("Unknown theme" in n.message for n in app._notifications)


async def test_quitting_closes_the_database(db_path):
    app = make_app(db_path)
    async with app.run_test() as pilot:
        await pilot.press("ctrl+q")
    assert not app.is_running
    with pytest.raises(sqlite3.ProgrammingError, match="closed"):
        app.store.database.connection.execute("SELECT 1")
