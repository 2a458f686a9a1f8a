"""Export and preview from the meeting screen."""

from __future__ import annotations

import docx

from clerk_tui.ui.screen_kit.form import FormScreen
from clerk_tui.ui.screen_kit.pick import ConfirmScreen
from clerk_tui.ui.screens.meeting import MeetingScreen
from clerk_tui.ui.widgets.preview import MinutesPreview
from conftest import add_sample, type_text


async def wait_for(pilot, condition, seconds: float = 5.0) -> None:
    for _ in range(int(seconds / 0.05)):
        if condition():
            return
        await pilot.pause(0.05)
    raise AssertionError("the condition never held")


async def test_export_the_meeting_to_word_in_a_worker(app, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    add_sample(app.store)
    async with app.run_test() as pilot:
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, MeetingScreen)
        await pilot.press("f7")
        assert isinstance(app.screen, FormScreen)
        app.screen.query_one("#field-version").value = "confidential"
        await pilot.press("ctrl+s")
        target = tmp_path / "exports" / "planning-2024-05-01-minutes-confidential-draft.docx"
        await wait_for(pilot, target.exists)
        await wait_for(pilot, lambda: any("Minutes written to" in n
                                          for n in app.told))
        assert docx.Document(str(target)).paragraphs[0].text == "Planning"
        await pilot.press("f7", "ctrl+s")
        await pilot.pause()
        public = tmp_path / "exports" / "planning-2024-05-01-minutes-public-draft.docx"
        await wait_for(pilot, public.exists)
        await pilot.press("f7", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)  # it exists: replace it?
        await pilot.press("n")


async def test_export_one_item(app, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    add_sample(app.store)
    async with app.run_test() as pilot:
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("pagedown", "f8", "ctrl+s")
        target = tmp_path / "exports" / "planning-2024-05-01-minutes-item-2-public-draft.docx"
        await wait_for(pilot, target.exists)
        texts = [p.text for p in docx.Document(str(target)).paragraphs]
        assert texts[0] == "2. DEPOT LEASE" and "Schedule 12A" in texts[-1]


async def test_the_preview_follows_what_is_captured(app):
    add_sample(app.store)
    async with app.run_test() as pilot:
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("f9")
        preview = app.screen.query_one("#preview", MinutesPreview)
        assert preview.display and not app.screen.query_one("#entries").display
        await type_text(pilot, "= That apologies be noted (unanimous)", enter=True)
        await wait_for(pilot, lambda: "apologies be noted" in preview.text)
        assert "RESOLVED: That apologies be noted (unanimously)." in preview.text
        await pilot.press("f9")
        assert not preview.display and app.screen.query_one("#entries").display


async def test_the_preview_says_which_version_it_shows_and_switches(app):
    add_sample(app.store)
    async with app.run_test() as pilot:
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("pagedown", "f9")  # the exempt item
        preview = app.screen.query_one("#preview", MinutesPreview)
        await wait_for(pilot, lambda: preview.text.startswith("Preview of the PUBLIC"))
        assert "lease be renewed" not in preview.text  # an exempt item's words stay out
        await pilot.press("shift+f9")
        await wait_for(pilot, lambda: preview.text.startswith("Preview of the CONFIDENTIAL"))
        assert "That the lease be renewed" in preview.text
        await pilot.press("shift+f9")
        await wait_for(pilot, lambda: preview.text.startswith("Preview of the PUBLIC"))


async def test_an_approved_export_is_fingerprinted_or_not_written_at_all(app, tmp_path,
                                                                         monkeypatch):
    import hashlib

    from clerk_tui.store import StoreError

    monkeypatch.chdir(tmp_path)
    sample = add_sample(app.store)
    app.store.meetings.approve(sample.meeting.id, sample.meeting.date)
    target = tmp_path / "exports" / "planning-2024-05-01-minutes-public.docx"
    record_export = app.store.approvals.record_export

    def busy(*args, **kwargs):
        raise StoreError("The database is in use by another program.")
    async with app.run_test() as pilot:
        await pilot.press("enter")
        await pilot.pause()
        monkeypatch.setattr(app.store.approvals, "record_export", busy)
        await pilot.press("f7", "ctrl+s")
        await wait_for(pilot, lambda: any("Not exported: The database is in use" in n
                                          for n in app.told))
        assert not target.exists() and isinstance(app.screen, MeetingScreen)
        monkeypatch.setattr(app.store.approvals, "record_export", record_export)
        await pilot.press("f7", "ctrl+s")
        await wait_for(pilot, target.exists)
        digest = hashlib.sha256(target.read_bytes()).hexdigest()
        assert app.store.approvals.export(digest)["path"] == str(target)
