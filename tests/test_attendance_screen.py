"""Pilot tests of attendance (one key per status) and declarations of interest."""

from __future__ import annotations

import datetime as dt

from clerk_tui.ui.screen_kit.form import FormScreen
from clerk_tui.ui.screens.attendance import AttendanceScreen
from clerk_tui.ui.screens.declarations import DeclarationsScreen
from clerk_tui.ui.screens.meeting import MeetingScreen
from conftest import add_sample, type_text


async def open_attendance(app, pilot) -> AttendanceScreen:
    await pilot.pause()
    await pilot.press("enter")
    await pilot.pause()
    await pilot.press("f3")
    await pilot.pause()
    assert isinstance(app.screen, AttendanceScreen)
    return app.screen


async def test_one_key_statuses_and_times(app, clock):
    sample = add_sample(app.store)
    meeting_id = sample.meeting.id
    async with app.run_test() as pilot:
        await open_attendance(app, pilot)
        await pilot.press("a")
        await pilot.pause()
        assert app.store.attendance.list(meeting_id)[0].status == "apologies"
        await pilot.press("x")
        await pilot.pause()
        assert app.store.attendance.list(meeting_id)[0].status == "absent"
        clock.advance(minutes=25)
        await pilot.press("r")
        clock.advance(minutes=60)
        await pilot.press("l")
        await pilot.pause()
        person = app.store.attendance.list(meeting_id)[0]
        assert (person.status, person.arrived_at, person.left_at) == (
            "present", dt.time(19, 25), dt.time(20, 25))
        await pilot.press("s")
        assert isinstance(app.screen, FormScreen)
        await type_text(pilot, "Councillor Jo Marsh", enter=True)
        person = app.store.attendance.list(meeting_id)[0]
        assert (person.status, person.substitute_for) == ("substitute", "Councillor Jo Marsh")
        await pilot.press("p")
        await pilot.pause()
        person = app.store.attendance.list(meeting_id)[0]
        assert (person.status, person.substitute_for) == ("present", None)


async def test_add_an_officer_and_remove_them(app):
    sample = add_sample(app.store)
    async with app.run_test() as pilot:
        await open_attendance(app, pilot)
        await pilot.press("ctrl+n")
        await type_text(pilot, "Ms Obi")
        app.screen.query_one("#field-role").value = "officer"
        await pilot.press("tab", "tab")
        await type_text(pilot, "Head of Planning")
        await pilot.press("ctrl+s")
        await pilot.pause()
        people = app.store.attendance.list(sample.meeting.id)
        assert [(p.person, p.role, p.office) for p in people][-1] == (
            "Ms Obi", "officer", "Head of Planning")
        await pilot.press("down", "delete", "y")
        await pilot.pause()
        assert [p.person for p in app.store.attendance.list(sample.meeting.id)] == [
            "Councillor Ada Byrne"]


async def test_declarations_tied_to_an_item_and_withdrawal(app):
    sample = add_sample(app.store)
    async with app.run_test() as pilot:
        await open_attendance(app, pilot)
        await pilot.press("f4")
        await pilot.pause()
        assert isinstance(app.screen, DeclarationsScreen)
        await pilot.press("ctrl+n")
        await type_text(pilot, "Councillor Ada Byrne")
        app.screen.query_one("#field-item_id").value = sample.items[1].id
        app.screen.query_one("#field-kind").value = "disclosable pecuniary"
        await pilot.press("tab", "tab", "tab")
        await type_text(pilot, "Owns the neighbouring yard")
        await pilot.press("ctrl+s")
        await pilot.pause()
        declarations = app.store.declarations.list(sample.meeting.id)
        added = declarations[-1]
        assert (added.member, added.item_id, added.kind, added.text, added.withdrew) == (
            "Councillor Ada Byrne", sample.items[1].id, "disclosable pecuniary",
            "Owns the neighbouring yard", False)
        await pilot.press("down", "w")
        await pilot.pause()
        assert app.store.declarations.get(added.id).withdrew
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, MeetingScreen)


async def test_one_key_marks_someone_in_attendance_and_the_list_says_so(app):
    sample = add_sample(app.store)
    meeting_id = sample.meeting.id
    async with app.run_test() as pilot:
        screen = await open_attendance(app, pilot)
        await pilot.press("i")
        await pilot.pause()
        assert app.store.attendance.list(meeting_id)[0].status == "in attendance"
        assert screen.row(app.store.attendance.list(meeting_id)[0])[1] == "In attendance"
        await pilot.press("e")
        assert isinstance(app.screen, FormScreen)
        assert app.screen.query_one("#field-status").value == "in attendance"


async def test_a_declaration_of_a_kind_in_the_minutes_words_keeps_it_when_edited(app):
    sample = add_sample(app.store)
    [first] = app.store.declarations.list(sample.meeting.id)
    app.store.declarations.update(first.model_copy(update={"kind": None,
                                                           "stated_kind": "close association"}))
    async with app.run_test() as pilot:
        await open_attendance(app, pilot)
        await pilot.press("f4")
        await pilot.pause()
        screen = app.screen
        assert screen.row(app.store.declarations.get(first.id))[3] == "Close association"
        await pilot.press("e")
        await pilot.pause()
        assert app.screen.query_one("#field-kind").value == "as stated"
        await pilot.press("ctrl+s")
        await pilot.pause()
        kept = app.store.declarations.get(first.id)
        assert (kept.kind, kept.stated_kind) == (None, "close association")
        await pilot.press("e")
        await pilot.pause()
        app.screen.query_one("#field-kind").value = "prejudicial"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.store.declarations.get(first.id).kind == "prejudicial"
