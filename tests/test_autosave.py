"""The autosaver: every pending change is tried, failures are kept, and nothing is
dropped on the way out."""

from __future__ import annotations

import stat

from clerk_tui.store import StoreError
from clerk_tui.ui import autosave
from conftest import add_sample, make_saves, type_text


def failing() -> None:
    raise StoreError("The disk is full.")


async def test_a_failing_save_does_not_hold_up_the_others(app):
    saved: list[str] = []
    async with app.run_test() as pilot:
        saver = app.desk.autosaver
        saver.change("a", failing, "text a")
        saver.change("b", lambda: saved.append("b"), "text b")
        assert saver.flush() is False
        assert saved == ["b"]
        assert saver.state.label == "NOT SAVED: The disk is full."
        saver.change("a", lambda: saved.append("a"), "text a")
        await pilot.pause(1.2)  # the retry timer
        assert saved == ["b", "a"] and saver.state.kind == "saved"


async def test_unsaved_text_is_rescued_to_a_private_file(app, tmp_path):
    async with app.run_test():
        saver = app.desk.autosaver
        saver.change("draft:x", failing, "The Chair thanked everyone")
        saver.flush()
        path = saver.rescue(tmp_path)
    assert "The Chair thanked everyone" in path.read_text()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


async def test_quitting_with_unsaved_text_asks_then_rescues(app, db_path):
    add_sample(app.store)
    conn = app.store.database.connection
    async with app.run_test() as pilot:
        await pilot.press("enter")
        await pilot.pause()
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
        conn.execute(f"PRAGMA max_page_count = {pages}")
        app.screen.query_one("#capture").insert_text_at_cursor("words " * 20000)
        await make_saves(app, pilot)
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert app.is_running
        assert any("Press Ctrl+Q again" in n for n in app.told)
        await pilot.press("ctrl+q")
        await pilot.pause()
    rescued = list(db_path.parent.glob("clerk-recovery-*.txt"))
    assert len(rescued) == 1 and "words words" in rescued[0].read_text()


async def test_typing_shows_saving_then_saved(app, monkeypatch):
    # The save is put off for a minute, so that "Saving" is certain to be on screen
    # however slowly a loaded machine runs the test; then the save is made.
    monkeypatch.setattr(autosave, "DELAY", 60)
    add_sample(app.store)
    async with app.run_test() as pilot:
        await pilot.press("enter")
        await type_text(pilot, "x")
        status = app.screen.query_one("#save-status")
        assert str(status.render()) == "Saving"
        app.desk.autosaver.flush()
        await pilot.pause()
        assert str(status.render()).startswith("Saved ")


async def test_a_line_that_cannot_be_stored_is_given_back_to_the_line(app, monkeypatch):
    from clerk_tui.ui.widgets.capture import CaptureLine
    from conftest import wait_for

    sample = add_sample(app.store)
    stored = app.store.capture.entry
    async with app.run_test() as pilot:
        await pilot.press("enter")  # the sample meeting, at its first item
        await wait_for(pilot, lambda: app.screen.query(CaptureLine))
        capture = app.screen.query_one(CaptureLine)
        item = capture.item_id
        monkeypatch.setattr(app.store.capture, "entry", lambda entry: failing())
        await type_text(pilot, "The hall roof leaks", enter=True)
        await type_text(pilot, " again")
        assert capture.value == "The hall roof leaks again"  # nothing typed is lost
        # kept as the item's draft, so a crash now loses nothing either
        await wait_for(pilot, lambda: app.store.capture.drafts(sample.meeting.id).get(item)
                       == "The hall roof leaks again")
        assert [e.text for e in app.store.entries.list(item)] == \
            [e.text for e in sample.entries if e.item_id == item]
        monkeypatch.setattr(app.store.capture, "entry", stored)
        await pilot.press("enter")
        await pilot.pause()
        assert app.store.entries.list(item)[-1].text == "The hall roof leaks again"
        assert capture.value == "" and app.store.capture.drafts(sample.meeting.id) == {}
