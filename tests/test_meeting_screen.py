"""Pilot tests of live capture: the capture line, items, entries, drafts and saving."""

from __future__ import annotations

import datetime as dt

import pytest
from textual.widgets import OptionList

from clerk_tui import models as m
from clerk_tui.store import Store
from clerk_tui.ui.screen_kit.form import FormScreen
from clerk_tui.ui.screen_kit.pick import ConfirmScreen, PickScreen
from clerk_tui.ui.screens.meeting import MeetingScreen
from clerk_tui.ui.screens.meeting.entry_editor import EntryEditorScreen
from clerk_tui.ui.widgets.capture import CaptureLine
from conftest import add_sample, make_saves, type_text
from recording_app import recording_app


@pytest.fixture
def sample(app, saves_wait):
    return add_sample(app.store)


async def open_meeting(app, pilot) -> MeetingScreen:
    await pilot.pause()
    await pilot.press("enter")
    await pilot.pause()
    assert isinstance(app.screen, MeetingScreen)
    return app.screen


def kinds_and_texts(store, item_id):
    return [(e.kind, e.text) for e in store.entries.list(item_id)]


async def test_opens_on_the_first_item_with_the_capture_line_focused(app, sample):
    async with app.run_test() as pilot:
        screen = await open_meeting(app, pilot)
        assert screen.selected.id == sample.items[0].id
        assert isinstance(app.focused, CaptureLine)


async def test_every_quick_entry_form_is_stored(app, sample, clock):
    item = sample.items[0].id
    async with app.run_test() as pilot:
        await open_meeting(app, pilot)
        lines = [
            "The Chair welcomed everyone.",
            "? Cllr Patel: whether the depot will close",
            "> Head of Property: not before March",
            "! Circulate the valuation @Head of Property by 2024-06-30",
            "= That the report be noted (unanimous)",
            "=rec That the lease be renewed (for 5, against 1, abstain 1)",
            "=agr That a working group be formed",
        ]
        capture = app.screen.query_one(CaptureLine)
        for line in lines:
            clock.advance(minutes=1)
            capture.value = line  # as if typed (key-by-key typing is tested above and below)
            await pilot.press("enter")
            await pilot.pause()
        assert app.focused.value == ""
        entries = app.store.entries.list(item)
    assert [e.kind for e in entries] == [
        "note", "question", "response", "action", "resolution", "resolution", "resolution"]
    note, question, response, action, noted, renewed, agreed = entries
    assert note.captured_at == dt.datetime(2024, 5, 1, 19, 1)
    assert (question.asker, question.text) == ("Cllr Patel", "whether the depot will close")
    assert (response.responder, response.answers_id) == ("Head of Property", question.id)
    assert (action.owner, action.due, action.text) == (
        "Head of Property", dt.date(2024, 6, 30), "Circulate the valuation")
    assert noted.vote.unanimous and noted.label == "RESOLVED"
    assert (renewed.label, renewed.vote.votes_for, renewed.vote.votes_against,
            renewed.vote.votes_abstain) == ("RECOMMENDED", 5, 1, 1)
    assert agreed.label == "AGREED" and agreed.vote is None


@pytest.mark.parametrize("line", ["! Chase the valuer by 2024-02-30", "=", "=xyz odd", "?"])
async def test_a_line_it_cannot_read_is_kept_as_typed(app, sample, line):
    async with app.run_test() as pilot:
        await open_meeting(app, pilot)
        await type_text(pilot, line, enter=True)
        assert kinds_and_texts(app.store, sample.items[0].id) == [("note", line)]
        assert any("Kept as a note" in n for n in app.told)


async def test_the_capture_line_is_a_draft_saved_as_typed_and_restored(app, sample, db_path):
    async with app.run_test() as pilot:
        screen = await open_meeting(app, pilot)
        await type_text(pilot, "The Chair noted the late")
        await make_saves(app, pilot)
        drafts = app.store.capture.drafts(screen.meeting.id)
        assert drafts == {sample.items[0].id: "The Chair noted the late"}
        assert "Saved" in str(screen.query_one("#save-status").render())
    from clerk_tui.ui.app import make_app

    reopened = make_app(db_path)
    async with reopened.run_test() as pilot:
        await open_meeting(reopened, pilot)
        assert reopened.focused.value == "The Chair noted the late"


async def test_switching_item_saves_the_draft_at_once_and_shows_the_next(app, sample):
    async with app.run_test() as pilot:
        screen = await open_meeting(app, pilot)
        await type_text(pilot, "half a sentence")
        await pilot.press("pagedown")
        await pilot.pause()
        assert screen.selected.id == sample.items[1].id
        assert app.store.capture.drafts(screen.meeting.id) == {sample.items[0].id: "half a sentence"}
        assert app.focused.value == ""
        await pilot.press("pageup")
        await pilot.pause()
        assert app.focused.value == "half a sentence"


async def test_quitting_saves_what_is_on_the_line(app, sample, db_path):
    async with app.run_test() as pilot:
        await open_meeting(app, pilot)
        await type_text(pilot, "typed just before quitting")
        await pilot.press("ctrl+q")
    from clerk_tui.store import Store

    with Store.open(db_path) as store:
        assert store.capture.drafts(sample.meeting.id) == {
            sample.items[0].id: "typed just before quitting"}


async def test_take_item_start_and_end_meeting(app, sample, clock):
    async with app.run_test() as pilot:
        screen = await open_meeting(app, pilot)
        await pilot.press("f5")
        clock.advance(minutes=10)
        await pilot.press("pagedown", "ctrl+t")
        clock.advance(hours=1)
        await pilot.press("f6")
        await pilot.pause()
        meeting = app.store.meetings.get(screen.meeting.id)
        item = app.store.items.get(sample.items[1].id)
    assert (meeting.started_at, meeting.ended_at) == (dt.time(19, 0), dt.time(20, 10))
    assert item.taken_at == dt.time(19, 10)
    assert meeting.current_item_id is None  # ended


async def test_taking_an_item_marks_it_in_the_agenda(app, sample):
    async with app.run_test() as pilot:
        screen = await open_meeting(app, pilot)
        await pilot.press("pagedown", "ctrl+t")
        await pilot.pause()
        assert app.store.meetings.get(screen.meeting.id).current_item_id == sample.items[1].id
        agenda = screen.query_one("#agenda", OptionList)
        assert str(agenda.get_option_at_index(1).prompt).startswith("▶")


async def test_add_edit_move_and_delete_agenda_items(app, sample):
    meeting_id = sample.meeting.id
    async with app.run_test() as pilot:
        screen = await open_meeting(app, pilot)
        await pilot.press("ctrl+n")
        assert isinstance(app.screen, FormScreen)
        await type_text(pilot, "1a", enter=True)  # Enter moves to the next field
        await type_text(pilot, "Urgent business")
        await pilot.press("ctrl+s")
        await pilot.pause()
        titles = [i.title for i in app.store.items.list(meeting_id)]
        assert titles == ["Apologies for absence", "Urgent business", "Depot lease"]
        assert screen.selected.title == "Urgent business"
        await pilot.press("f2")
        await pilot.press("tab", "end")
        await type_text(pilot, " (added)")
        await pilot.press("tab", "tab", "space", "ctrl+s")
        await pilot.pause()
        edited = app.store.items.list(meeting_id)[1]
        assert (edited.title, edited.exempt) == ("Urgent business (added)", True)
        await pilot.press("shift+tab", "shift+tab")  # capture -> entries -> agenda
        assert app.focused.id == "agenda"
        await pilot.press("shift+down")
        await pilot.pause()
        assert [i.title for i in app.store.items.list(meeting_id)][2] == "Urgent business (added)"
        await pilot.press("delete")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        await pilot.pause()
        assert [i.title for i in app.store.items.list(meeting_id)] == [
            "Apologies for absence", "Depot lease"]


async def test_delete_an_entry_and_undo(app, sample):
    item = sample.items[1].id
    async with app.run_test() as pilot:
        screen = await open_meeting(app, pilot)
        await pilot.press("pagedown", "shift+tab")
        assert app.focused.id == "entries"
        screen.query_one("#entries", OptionList).highlighted = 1
        await pilot.press("delete")
        await pilot.pause()
        assert [e.kind for e in app.store.entries.list(item)] == [
            "note", "response", "action", "resolution"]
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert app.store.entries.list(item) == sample.entries


async def test_move_entries_within_and_between_items(app, sample):
    first, second = sample.items
    async with app.run_test() as pilot:
        screen = await open_meeting(app, pilot)
        await pilot.press("pagedown", "shift+tab")
        screen.query_one("#entries", OptionList).highlighted = 0
        await pilot.press("shift+down")
        await pilot.pause()
        assert [e.kind for e in app.store.entries.list(second.id)][:2] == ["question", "note"]
        screen.query_one("#entries", OptionList).highlighted = 2  # the response
        await pilot.press("ctrl+o")
        assert isinstance(app.screen, PickScreen)
        await pilot.press("enter")
        await pilot.pause()
        moved = app.store.entries.list(first.id)
        assert [e.kind for e in moved] == ["response"]
        assert moved[0].answers_id is None  # no question before it there


async def test_edit_an_entry_and_its_fields(app, sample):
    action = sample.entries[3]
    async with app.run_test() as pilot:
        screen = await open_meeting(app, pilot)
        await pilot.press("pagedown", "shift+tab")
        screen.query_one("#entries", OptionList).highlighted = 3
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, EntryEditorScreen)
        await pilot.press("end")
        await type_text(pilot, " to all members")
        await pilot.press("tab", "ctrl+a", "ctrl+k")  # Tab: from the text to the owner
        await type_text(pilot, "Head of Finance")
        await make_saves(app, pilot)
        stored = app.store.entries.get(action.id)
        assert (stored.text, stored.owner) == (
            "Circulate the valuation to all members", "Head of Finance")
        await pilot.press("tab", "ctrl+a", "ctrl+k")
        await type_text(pilot, "2024-13-01")
        await make_saves(app, pilot)
        status = str(app.screen.query_one("#editor-status").render())
        assert status.startswith("NOT SAVED: The due date must be a real date")
        await pilot.press("escape")  # the first Escape only warns: the field would be lost
        await pilot.pause()
        assert isinstance(app.screen, EntryEditorScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, MeetingScreen)
        assert app.store.entries.get(action.id).due == dt.date(2024, 6, 1)


async def test_changing_an_entrys_kind_in_the_editor(app, sample):
    note = sample.entries[0]
    async with app.run_test() as pilot:
        screen = await open_meeting(app, pilot)
        await pilot.press("pagedown", "shift+tab")
        screen.query_one("#entries", OptionList).highlighted = 0
        await pilot.press("enter")
        await pilot.pause()
        editor = app.screen
        editor.query_one("#e-kind").value = "resolution"
        await pilot.pause()
        editor.query_one("#e-unanimous").value = True
        await make_saves(app, pilot)
        await pilot.press("escape")
        await pilot.pause()
        stored = app.store.entries.get(note.id)
    assert stored.kind == "resolution" and stored.vote.unanimous


async def test_an_approved_meeting_opens_read_only(app, sample):
    app.store.meetings.approve(sample.meeting.id, dt.date(2024, 6, 5))
    async with app.run_test() as pilot:
        screen = await open_meeting(app, pilot)
        banner = screen.query_one("#locked-banner")
        assert banner.display and "approved on 5 June 2024" in str(banner.render())
        capture = screen.query_one(CaptureLine)
        assert capture.disabled
        await type_text(pilot, "x", enter=True)
        await pilot.press("ctrl+n", "f5", "ctrl+t")
        await pilot.pause()
        assert isinstance(app.screen, MeetingScreen)
        assert app.store.entries.list(sample.items[0].id) == []
        assert app.store.items.list(sample.meeting.id) == sample.items
        titles = [c.title for c in app.get_system_commands(screen)]
        assert "Add agenda item" not in titles and "Next item" in titles
        await pilot.press("pagedown", "shift+tab")  # the entries of item 2
        assert app.focused.id == "entries"
        await pilot.press("delete", "shift+down", "ctrl+o", "enter")
        await pilot.pause()
        assert app.screen is screen
        assert app.store.entries.list(sample.items[1].id) == sample.entries


async def test_a_full_disk_says_not_saved_keeps_the_text_and_saves_later(app, sample):
    conn = app.store.database.connection
    async with app.run_test() as pilot:
        screen = await open_meeting(app, pilot)
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
        conn.execute(f"PRAGMA max_page_count = {pages}")
        capture = screen.query_one(CaptureLine)
        capture.insert_text_at_cursor("a long paste " * 20000)
        await make_saves(app, pilot)
        status = str(screen.query_one("#save-status").render())
        assert status == "NOT SAVED: The disk is full."
        await type_text(pilot, " more", enter=True)
        assert app.focused.value.endswith(" more")  # kept on the line, not stored
        conn.execute(f"PRAGMA max_page_count = {pages * 100}")
        await make_saves(app, pilot)  # what the retry makes
        assert str(screen.query_one("#save-status").render()).startswith("Saved")
        drafts = app.store.capture.drafts(screen.meeting.id)
        assert drafts[sample.items[0].id].endswith(" more")


async def test_reopening_keeps_the_draft_and_the_next_key_adds_to_it(app, sample, db_path):
    app.store.capture.save_draft(sample.items[0].id, "The Chair noted")
    async with app.run_test() as pilot:
        await open_meeting(app, pilot)
        await type_text(pilot, " the apology")
        await pilot.press("shift+tab")  # away to the entries list and back
        await pilot.press("escape")
        await type_text(pilot, ".")
        assert app.focused.value == "The Chair noted the apology."


async def test_words_typed_in_a_list_go_to_the_capture_line(app, sample):
    async with app.run_test() as pilot:
        await open_meeting(app, pilot)
        await pilot.press("pagedown", "shift+tab")
        assert app.focused.id == "entries"
        await type_text(pilot, "the chair said")
        assert isinstance(app.focused, CaptureLine)
        assert app.focused.value == "the chair said"
        assert app.store.entries.list(sample.items[1].id) == sample.entries


async def test_text_typed_after_page_down_lands_on_the_next_item(app, sample):
    async with app.run_test() as pilot:
        screen = await open_meeting(app, pilot)
        await pilot.press(*"first", "pagedown", *"second")
        await make_saves(app, pilot)
        drafts = app.store.capture.drafts(screen.meeting.id)
    assert drafts == {sample.items[0].id: "first", sample.items[1].id: "second"}


async def test_reopen_approved_minutes_with_a_reason(app, sample):
    app.store.meetings.approve(sample.meeting.id, dt.date(2024, 6, 5))
    async with app.run_test() as pilot:
        screen = await open_meeting(app, pilot)
        await pilot.press("ctrl+r")
        assert isinstance(app.screen, FormScreen)
        await type_text(pilot, "The vote on item 2 was miscounted", enter=True)
        assert not screen.read_only and screen.query_one(CaptureLine).disabled is False
        banner = screen.query_one("#locked-banner")
        assert banner.display and "The vote on item 2 was miscounted" in str(banner.render())
        assert "F12" in str(banner.render())
        log = app.store.meetings.audit_log(sample.meeting.id)
        assert (log[-1].event, log[-1].reason) == ("reopened", "The vote on item 2 was miscounted")
        await type_text(pilot, "The Chair corrected the count.", enter=True)
        await pilot.pause()
        log = app.store.meetings.audit_log(sample.meeting.id)
        # Correcting the minutes afterwards takes no item and moves no "now being taken".
        assert [(r.event, r.what, r.change) for r in log][-1:] == [
            ("changed", "entries", "insert")]
        assert log[-1].after["text"] == "The Chair corrected the count."


async def test_the_editor_keeps_no_label_the_mover_the_owner_and_the_joined_paragraph(app, sample):
    resolution = m.Resolution(item_id=sample.items[1].id, text="That the fees be held.",
                              label=None, mover="Councillor Ada Byrne",
                              seconder="Councillor Omar Patel", joined=True,
                              owner="Head of Finance", due=dt.date(2024, 9, 1),
                              captured_at=app.store.now())
    app.store.entries.add(resolution)
    async with app.run_test() as pilot:
        editor = await open_editor(app, pilot, 5)
        assert editor.query_one("#e-label").value == "none"
        assert editor.query_one("#e-mover").value == "Councillor Ada Byrne"
        editor.query_one("#e-seconder").value = "Councillor Ben Ode"
        await make_saves(app, pilot)
        await pilot.press("escape")
        await pilot.pause()
        stored = app.store.entries.get(resolution.id)
    assert (stored.label, stored.mover, stored.seconder, stored.joined) == (
        None, "Councillor Ada Byrne", "Councillor Ben Ode", True)
    assert (stored.owner, stored.due) == ("Head of Finance", dt.date(2024, 9, 1))


async def test_the_editor_keeps_whom_a_question_was_put_to(app, sample):
    question = m.Question(item_id=sample.items[1].id, text="Will the hall reopen in May?",
                          asker="Councillor Ada Byrne", put_to="the Hall Manager",
                          captured_at=app.store.now())
    app.store.entries.add(question)
    async with app.run_test() as pilot:
        editor = await open_editor(app, pilot, 5)
        assert editor.query_one("#e-put_to").value == "the Hall Manager"
        editor.query_one("#e-put_to").value = "the Bookings Officer"
        await make_saves(app, pilot)
        await pilot.press("escape")
        await pilot.pause()
        stored = app.store.entries.get(question.id)
    assert (stored.asker, stored.put_to) == ("Councillor Ada Byrne", "the Bookings Officer")


async def open_editor(app, pilot, index: int) -> EntryEditorScreen:
    screen = await open_meeting(app, pilot)
    await pilot.press("pagedown", "shift+tab")
    screen.query_one("#entries", OptionList).highlighted = index
    await pilot.press("enter")
    await pilot.pause()
    assert isinstance(app.screen, EntryEditorScreen)
    return app.screen


async def test_the_editor_opens_at_the_end_of_the_text_and_tab_reaches_a_field(app, sample):
    action = sample.entries[3]
    async with app.run_test() as pilot:
        editor = await open_editor(app, pilot, 3)
        await type_text(pilot, " at once")  # where the cursor is on opening: the end
        await pilot.press("ctrl+home")
        await type_text(pilot, "Please ")
        await pilot.press("ctrl+end")
        await type_text(pilot, "!")
        await pilot.press("tab")  # straight to the first field shown: no hidden stop
        assert editor.focused is editor.query_one("#e-owner")
        await make_saves(app, pilot)
        stored = app.store.entries.get(action.id)
    assert stored.text == f"Please {action.text} at once!"


async def test_words_typed_on_a_choice_in_the_editor_are_not_swallowed_in_silence(
        db_path, clock):
    with Store.open(db_path, clock=clock) as store:
        add_sample(store)
    app = recording_app(db_path, clock)
    async with app.run_test() as pilot:
        editor = await open_editor(app, pilot, 3)
        editor.query_one("#e-kind").focus()
        await pilot.pause()
        await type_text(pilot, "x")
        await pilot.pause()
    assert any("is a choice" in told for told in app.told)


async def test_the_editor_footer_shows_the_editors_keys(app, sample):
    async with app.run_test() as pilot:
        editor = await open_editor(app, pilot, 3)
        shown = {active.binding.action for active in editor.active_bindings.values()
                 if active.binding.show}
    assert "close" in shown and "next_item" not in shown
