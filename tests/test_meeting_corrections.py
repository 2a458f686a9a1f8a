"""Putting right the date and committee of a meeting in the app: undated imported minutes
dated, minutes filed under "Unknown body" moved to their committee, through the form,
with the correction in the audit log. (Every council and name here is invented.)"""

from __future__ import annotations

import datetime as dt

import pytest
from textual.widgets import DataTable, Input, Label, OptionList, Static

from clerk_tui import models as m
from clerk_tui.store.imports import UNKNOWN_BODY
from clerk_tui.ui.screen_kit.form import FormScreen
from clerk_tui.ui.screens.audit import AuditScreen
from clerk_tui.ui.screens.help import help_text
from clerk_tui.ui.screens.meeting import MeetingScreen
from clerk_tui.ui.screens.meeting.correction_actions import (
    CORRECT_DETAILS,
    KEEP_A_DATE,
    NAME_THE_COMMITTEE,
    read_correction,
)
from conftest import type_text

FERRY = "Quillon Ferry Trust"
DAY = dt.date(2021, 3, 9)


def imported(store, committee: str | None = FERRY, date: dt.date | None = None) -> m.Meeting:
    """Invented minutes filed as the importer files them: approved, as published."""
    placeholder = m.new_id()
    item = m.AgendaItem(meeting_id=placeholder, minute_number="7", title="Slipway repairs",
                        exempt=False)
    minutes = m.ImportedMinutes(
        committee=committee, date=date, placeholder_id=placeholder,
        items=[m.AgendaItemSnapshot(item=item, entries=[
            m.Note(item_id=item.id, text="The trustees noted the surveyor's letter",
                   captured_at=store.now())])])
    meeting, _ = store.imports.add(minutes, "quillon.txt", "cd" * 32)
    return meeting


def committee_of(store, meeting_id: str) -> str:
    return store.committees.get(store.meetings.get(meeting_id).committee_id).name


def events(store, meeting_id: str) -> list[tuple[str, str | None]]:
    """The audit log's approvals and reopenings, with their reasons."""
    return [(r.event, r.reason) for r in store.meetings.audit_log(meeting_id)
            if r.event != "changed"]


async def open_form(app, pilot) -> FormScreen:
    """Open the only meeting, then the correction form (by its key)."""
    await pilot.pause()
    await pilot.press("enter")
    await pilot.pause()
    assert isinstance(app.screen, MeetingScreen)
    await pilot.press("ctrl+g")
    await pilot.pause()
    assert isinstance(app.screen, FormScreen)
    return app.screen


def field(form: FormScreen, name: str) -> Input:
    return form.query_one(f"#field-{name}", Input)


def form_error(form: FormScreen) -> str:
    return str(form.query_one("#form-error", Static).render())


async def test_an_undated_imported_meeting_is_dated_through_the_form(app):
    meeting = imported(app.store)
    approved_on = meeting.approved_on
    before = events(app.store, meeting.id)
    async with app.run_test() as pilot:
        form = await open_form(app, pilot)
        assert field(form, "date").value == "" and field(form, "committee").value == FERRY
        await type_text(pilot, "2021-03-09")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, MeetingScreen)
        title = str(app.screen.query_one("#meeting-title", Static).render())
        now = app.store.meetings.get(meeting.id)
        assert now.date == DAY
        assert (now.status, now.approved_on) == (m.MeetingStatus.APPROVED, approved_on)
        assert committee_of(app.store, meeting.id) == FERRY
        assert events(app.store, meeting.id) == before + [
            ("reopened", "The date corrected from no date to 2021-03-09"), ("approved", None)]
        changed = [r for r in app.store.meetings.audit_log(meeting.id) if r.event == "changed"]
        assert changed and changed[-1].after["date"] == "2021-03-09"
        assert "9 Mar 2021" in title and "APPROVED" in title


async def test_a_meeting_of_unknown_body_is_moved_to_its_committee_with_the_reason(app):
    meeting = imported(app.store, committee=None, date=DAY)
    assert committee_of(app.store, meeting.id) == UNKNOWN_BODY
    async with app.run_test() as pilot:
        form = await open_form(app, pilot)
        assert field(form, "date").value == "2021-03-09"
        await pilot.press("enter")  # to the committee's name
        assert app.focused is field(form, "committee")
        await pilot.press("ctrl+u")  # Unknown body cleared
        await type_text(pilot, "Marrow Vale Drainage Board", enter=True)
        await type_text(pilot, "Named on the signed copy", enter=True)  # saves
        assert isinstance(app.screen, MeetingScreen)
        assert app.screen.sub_title == "Marrow Vale Drainage Board"
        assert committee_of(app.store, meeting.id) == "Marrow Vale Drainage Board"
        assert app.store.meetings.get(meeting.id).date == DAY
        assert events(app.store, meeting.id)[-2:] == [
        ("reopened", "Named on the signed copy"), ("approved", None)]


async def test_date_and_committee_at_once_are_both_audited(app):
    society = "Hobb's Lane Allotment Society"
    meeting = imported(app.store, committee=None)
    async with app.run_test() as pilot:
        form = await open_form(app, pilot)
        field(form, "date").value = "2019-11-26"
        field(form, "committee").value = society
        await pilot.press("ctrl+s")
        await pilot.pause()
        now = app.store.meetings.get(meeting.id)
        assert (now.date, now.status) == (dt.date(2019, 11, 26), m.MeetingStatus.APPROVED)
        assert committee_of(app.store, meeting.id) == society
        reasons = [reason for event, reason in events(app.store, meeting.id) if event == "reopened"]
        assert reasons == ["The date corrected from no date to 2019-11-26",
                           f"The committee corrected from {UNKNOWN_BODY} to {society}"]


async def test_a_date_that_is_not_a_date_is_shown_and_nothing_changes(app):
    meeting = imported(app.store)
    log = app.store.meetings.audit_log(meeting.id)
    async with app.run_test() as pilot:
        form = await open_form(app, pilot)
        await type_text(pilot, "2021-02-30")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form  # still open, with what was typed
        assert form_error(form) == ("The meeting date must be a real date, written YYYY-MM-DD "
                                    "(not '2021-02-30').")
        assert field(form, "date").value == "2021-02-30"
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, MeetingScreen)
        assert app.store.meetings.get(meeting.id).date is None
        assert app.store.meetings.audit_log(meeting.id) == log


@pytest.mark.parametrize(("date", "name", "error"), [
    ("", FERRY, KEEP_A_DATE),  # a dated meeting keeps a date
    ("2021-03-09", "   ", NAME_THE_COMMITTEE),
])
async def test_a_blank_date_or_name_is_refused_plainly(app, date, name, error):
    meeting = imported(app.store, date=DAY)
    log = app.store.meetings.audit_log(meeting.id)
    async with app.run_test() as pilot:
        form = await open_form(app, pilot)
        field(form, "date").value, field(form, "committee").value = date, name
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form and form_error(form) == error
        assert app.store.meetings.audit_log(meeting.id) == log


async def test_escape_changes_nothing(app):
    meeting = imported(app.store, committee=None)
    async with app.run_test() as pilot:
        await open_form(app, pilot)
        await type_text(pilot, "2020-01-14")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, MeetingScreen)
        assert app.store.meetings.get(meeting.id).date is None
        assert committee_of(app.store, meeting.id) == UNKNOWN_BODY


async def test_the_same_date_and_committee_change_nothing(app):
    meeting = imported(app.store, date=DAY)
    log = app.store.meetings.audit_log(meeting.id)
    async with app.run_test() as pilot:
        await open_form(app, pilot)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, MeetingScreen)
        assert app.store.meetings.audit_log(meeting.id) == log


async def test_a_name_with_brackets_is_kept_and_shown_literally(app):
    meeting = imported(app.store, committee=None, date=DAY)
    name = "[bold]Upper Brent[/bold] Parish Meeting"
    async with app.run_test() as pilot:
        form = await open_form(app, pilot)
        field(form, "committee").value = name
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen.sub_title == name
        assert any(name in n for n in app.told)
        assert committee_of(app.store, meeting.id) == name


async def test_a_draft_meeting_is_corrected_without_reopening(app):
    committee = app.store.committees.add(m.Committee(name="Kestle Harbour Board"))
    meeting = app.store.meetings.add(m.Meeting(committee_id=committee.id, date=DAY))
    async with app.run_test() as pilot:
        form = await open_form(app, pilot)
        field(form, "date").value = "2021-03-16"
        await pilot.press("ctrl+s")
        await pilot.pause()
        now = app.store.meetings.get(meeting.id)
        assert (now.date, now.status) == (dt.date(2021, 3, 16), m.MeetingStatus.DRAFT)
        assert events(app.store, meeting.id) == []


async def test_it_is_in_the_palette_and_help_but_not_the_footer(app):
    imported(app.store)
    async with app.run_test() as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert "Correct date and committee" in titles  # approved minutes too
        footer_keys = [key for key, b in app.screen.active_bindings.items() if b.binding.show]
        assert CORRECT_DETAILS.key not in footer_keys
        assert "| Ctrl+G | **Correct date and committee**" in help_text("meeting")
        assert "Correct date and committee" in help_text("meetings")
        keys = [c.key for c in MeetingScreen.CLERK_COMMANDS]
        assert keys.count(CORRECT_DETAILS.key) == 1 and not CORRECT_DETAILS.show


def test_the_form_is_read_without_changing_the_words():
    found = read_correction({"date": " 2021-03-09 ", "committee": "  Fenwick  Board ",
                             "reason": ""}, dated=False)
    assert (found.date, found.committee, found.reason) == (DAY, "Fenwick  Board", None)
    assert read_correction({"date": "", "committee": "X", "reason": None}, dated=False).date is None
    with pytest.raises(ValueError, match="real date"):
        read_correction({"date": " " * 1_000_000 + "9", "committee": "X"}, dated=False)


async def test_the_banner_of_minutes_that_do_not_say_points_to_the_correction(app):
    imported(app.store, committee=None)
    async with app.run_test() as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        banner = str(app.screen.query_one("#locked-banner", Static).render())
        assert "They do not say when or whose the meeting was: Ctrl+G" in banner
        await pilot.press("ctrl+g")
        await pilot.pause()
        form = app.screen
        field(form, "date").value = "2021-03-09"
        await pilot.press("ctrl+s")
        await pilot.pause()
        banner = str(app.screen.query_one("#locked-banner", Static).render())
        assert "They do not say whose the meeting was" in banner
        assert "when" not in banner.split("They do not say")[1]


async def test_the_audit_log_names_the_committees_not_their_ids(app):
    meeting = imported(app.store, committee=None, date=DAY)
    async with app.run_test() as pilot:
        form = await open_form(app, pilot)
        field(form, "committee").value = "Sallow Moor Commoners"
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("ctrl+y")
        await pilot.pause()
        assert isinstance(app.screen, AuditScreen)
        table = app.screen.query_one(DataTable)
        details = [str(table.get_row_at(row)[3]) for row in range(table.row_count)]
        assert f'committee: "{UNKNOWN_BODY}" → "Sallow Moor Commoners"' in details
        assert not any(meeting.committee_id in line for line in details)


async def test_editing_an_imported_item_keeps_what_the_form_does_not_show(app, sample):
    """The heading as printed and the grounds for exemption stay while the number,
    title and paragraph stand; a new title drops the heading it no longer matches."""
    from clerk_tui.ui.screens.meeting.agenda_form import agenda_item_form

    item = sample.items[1].model_copy(update={
        "minute_number": "7", "title": "Moorings", "heading": "Item 7 - Moorings",
        "exempt": True, "exempt_paragraph": 3, "exempt_basis": "paragraph 3 and 5"})
    results: list[m.AgendaItem] = []
    async with app.run_test() as pilot:
        for title in ("Moorings", "River moorings"):
            await app.push_screen(agenda_item_form(item.meeting_id, item), results.append)
            await pilot.pause()
            app.screen.query_one("#field-title", Input).value = title
            await pilot.press("ctrl+s")
            await pilot.pause()
    kept, retitled = results
    assert (kept.heading, kept.exempt_basis) == ("Item 7 - Moorings", "paragraph 3 and 5")
    assert (retitled.heading, retitled.exempt_basis) == (None, "paragraph 3 and 5")


async def test_entries_of_imported_minutes_show_no_time_of_capture(app, clock):
    meeting = imported(app.store, date=DAY)
    app.store.meetings.reopen(meeting.id, "A name was misspelt")  # to open the editor
    async with app.run_test() as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, MeetingScreen)
        listing = screen.query_one("#entries", OptionList)
        assert str(listing.get_option_at_index(0).prompt).startswith("Note ")  # no "00:00"
        listing.focus()
        await pilot.press("enter")
        await pilot.pause()
        assert str(app.screen.query_one("#editor-title", Label).render()) == \
            "Entry of imported minutes"


def _three_fields() -> FormScreen:
    from clerk_tui.ui.screen_kit.form import FormField

    fields = [FormField("person", "Name"),
              FormField("role", "Role", kind="select", value="member",
                        options=[("Member", "member"), ("Officer", "officer")]),
              FormField("office", "Office")]
    return FormScreen("Add person", fields, lambda values: values)


async def test_enter_on_a_drop_down_moves_on_and_words_typed_there_reach_the_next_field(app):
    results: list[dict] = []
    async with app.run_test() as pilot:
        await app.push_screen(_three_fields(), results.append)
        await pilot.pause()
        await type_text(pilot, "Ada Byrne")
        await pilot.press("enter")  # to the Role drop-down
        await pilot.press("enter")  # on, to the Office: the drop-down is not opened
        form = app.screen
        assert form.focused is field(form, "office")
        await pilot.press("shift+tab")  # back on the drop-down
        await type_text(pilot, "Clerk")  # words typed there go on to the Office
        assert form.focused is field(form, "office")
        await pilot.press("enter")
        await pilot.pause()
    assert results == [{"person": "Ada Byrne", "role": "member", "office": "Clerk"}]
