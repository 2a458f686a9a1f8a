"""Pilot tests of the meetings screen, the new-meeting form and app-wide behaviour."""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest
from textual.widgets import DataTable

from clerk_tui.demo import COMMITTEE
from clerk_tui.settings import PersonalSettings
from clerk_tui.ui.screen_kit.form import FormScreen
from clerk_tui.ui.screens.help import HelpScreen
from clerk_tui.ui.screens.meeting import MeetingScreen
from conftest import add_sample, type_text
from recording_app import recording_app


def row_at(table: DataTable, row: int) -> list[str]:
    """The words of a row of the table (its cells are literal rich Text)."""
    return [str(cell) for cell in table.get_row_at(row)]


async def test_an_empty_file_says_how_to_begin(app):
    async with app.run_test() as pilot:
        await pilot.pause()
        message = str(app.screen.query_one("#empty-message").render())
        assert "Ctrl+N for a new meeting" in message and "F2 to add a sample meeting" in message
        assert not app.screen.query_one("#meetings").display


async def test_meetings_are_listed_newest_first_with_counts(app):
    add_sample(app.store)
    later = add_sample(app.store, date=dt.date(2024, 9, 12), name="Licensing Committee")
    async with app.run_test() as pilot:
        await pilot.pause()
        table = app.screen.query_one("#meetings", DataTable)
        assert table.row_count == 2
        assert row_at(table, 0) == ["Thu 12 Sep 2024", "Licensing Committee", "Draft", "2", "5"]
        assert row_at(table, 1)[1] == "Planning"
        assert table.coordinate_to_cell_key((0, 0)).row_key.value == later.meeting.id


async def test_typing_filters_by_committee_and_enter_opens(app):
    add_sample(app.store)
    licensing = add_sample(app.store, date=dt.date(2024, 3, 2), name="Licensing Committee")
    async with app.run_test() as pilot:
        await type_text(pilot, "lic")
        table = app.screen.query_one("#meetings", DataTable)
        assert table.row_count == 1 and row_at(table, 0)[1] == "Licensing Committee"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, MeetingScreen)
        assert app.screen.meeting.id == licensing.meeting.id


async def test_a_long_archive_is_listed_a_page_at_a_time(app, monkeypatch):
    from clerk_tui.ui.screens import meetings

    monkeypatch.setattr(meetings, "PAGE", 3)
    for day in range(1, 8):
        add_sample(app.store, date=dt.date(2024, 3, day),
                   name="Licensing Committee" if day % 2 else "Planning")
    async with app.run_test() as pilot:
        await pilot.pause()
        table = app.screen.query_one("#meetings", DataTable)
        assert table.row_count == 3
        await pilot.press("down", "down")  # to the last listed: the next page comes
        await pilot.pause()
        assert table.row_count == 6
        await pilot.press("down", "down", "down")
        await pilot.pause()
        assert [row_at(table, n)[0] for n in range(table.row_count)] == [
            f"{dt.date(2024, 3, day):%a %-d %b %Y}" for day in range(7, 0, -1)]
        await type_text(pilot, "lic")
        await pilot.pause()
        assert table.row_count == 3
        assert {row_at(table, n)[1] for n in range(3)} == {"Licensing Committee"}


async def test_new_meeting_form_creates_the_meeting_with_the_last_membership(app):
    sample = add_sample(app.store)
    async with app.run_test() as pilot:
        await pilot.press("ctrl+n")
        assert isinstance(app.screen, FormScreen)
        await type_text(pilot, "Planning")
        await pilot.press("tab", "ctrl+a", "ctrl+k")
        await type_text(pilot, "2024-06-05")
        await pilot.press("tab")
        await type_text(pilot, "18:30")
        await pilot.press("tab")
        await type_text(pilot, "Room 2", enter=True)
        assert isinstance(app.screen, MeetingScreen)
        meeting = app.screen.meeting
        assert (meeting.committee_id, meeting.date, meeting.start_time, meeting.venue) == (
            sample.committee.id, dt.date(2024, 6, 5), dt.time(18, 30), "Room 2")
        people = app.store.attendance.list(meeting.id)
        assert [a.person for a in people] == ["Councillor Ada Byrne"]


async def test_new_meeting_form_explains_mistakes_and_stores_nothing(app):
    async with app.run_test() as pilot:
        await pilot.press("ctrl+n")
        await type_text(pilot, "Planning")
        await pilot.press("tab", "ctrl+a", "ctrl+k")
        await type_text(pilot, "2024-02-30")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, FormScreen)
        error = str(app.screen.query_one("#form-error").render())
        assert "meeting date must be a real date" in error
        await pilot.press("escape")
        assert app.store.meetings.summaries() == []


async def test_sample_meeting_is_added_and_opened(app):
    async with app.run_test() as pilot:
        await pilot.press("f2")
        await pilot.pause()
        assert isinstance(app.screen, MeetingScreen)
        assert app.screen.selected.title == "Riverside play area refurbishment"
        assert app.store.meetings.summaries()[0].committee_name == COMMITTEE


async def test_f1_opens_help_and_escape_closes_it(app):
    async with app.run_test() as pilot:
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)


async def test_screen_commands_are_in_the_palette(app):
    async with app.run_test() as pilot:
        await pilot.pause()
        titles = [command.title for command in app.get_system_commands(app.screen)]
        assert {"New meeting", "Add sample meeting", "Help", "Quit"} <= set(titles)


async def test_the_organisation_heads_the_screen(app):
    app.store.settings.set("organisation", "Parish of Little Hampden")
    async with app.run_test() as pilot:
        await pilot.pause()
        assert app.title == "clerk · Parish of Little Hampden"


async def test_personal_settings_apply_and_a_bad_theme_is_survived(db_path):
    app = recording_app(db_path, settings=PersonalSettings(theme="no-such-theme",
                                                          keys={"help": "f9"}))
    async with app.run_test() as pilot:
        await pilot.press("f9")
        assert isinstance(app.screen, HelpScreen)
        assert any("Unknown theme" in n for n in app.told)


async def test_quitting_closes_the_database(app):
    async with app.run_test() as pilot:
        await pilot.press("ctrl+q")
    assert not app.is_running
    with pytest.raises(sqlite3.ProgrammingError, match="closed"):
        app.store.database.connection.execute("SELECT 1")


async def test_delete_a_draft_meeting_but_never_approved_minutes(app):
    first = add_sample(app.store)
    second = add_sample(app.store, date=dt.date(2024, 9, 12))
    app.store.meetings.approve(first.meeting.id, dt.date(2024, 9, 12))
    async with app.run_test() as pilot:
        await pilot.pause()
        await pilot.press("f8", "y")
        await pilot.pause()
        assert [s.meeting.id for s in app.store.meetings.summaries()] == [first.meeting.id]
        await pilot.press("f8")
        await pilot.pause()
        assert any("cannot be deleted" in n for n in app.told)
        assert len(app.store.meetings.summaries()) == 1
    assert second.meeting.id
