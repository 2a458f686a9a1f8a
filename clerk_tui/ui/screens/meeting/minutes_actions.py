"""Minutes from the meeting screen: export to Word (in a worker) and a live preview."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, Any

from textual.worker import get_current_worker

from clerk_tui.minutes.compose import compose_item
from clerk_tui.minutes.export import DEFAULT_FOLDER, ExportError, export_minutes, file_name
from clerk_tui.minutes.frozen import FrozenError
from clerk_tui.output_paths import UnsafeOutput, unsafe_output
from clerk_tui.store.errors import StoreError
from clerk_tui.ui.commands import screen_command
from clerk_tui.ui.screen_kit.form import FormField, FormScreen
from clerk_tui.ui.screen_kit.pick import ConfirmScreen
from clerk_tui.ui.widgets.preview import MinutesPreview
from clerk_tui.verification import frozen_export

if TYPE_CHECKING:
    from clerk_tui.ui.screens.meeting.screen import MeetingScreen

VERSIONS = [("Public (exempt items reduced to one line)", "public"),
            ("Confidential (everything; marked on every page)", "confidential")]


def export(screen: MeetingScreen, scope: str) -> None:
    """Ask which version, then write the minutes (of the meeting, or the selected item)."""
    if scope == "item" and screen.selected is None:
        screen.notify("Select an agenda item first.", severity="warning")
        return
    form = FormScreen(f"Export {'this item' if scope == 'item' else 'the meeting'} to Word", [
        FormField("version", "Version", kind="select", value="public", options=VERSIONS),
    ], lambda values: values["version"] or "public")
    screen.app.push_screen(form, lambda version: version and _confirm(screen, scope, version))


def _confirm(screen: MeetingScreen, scope: str, version: str) -> None:
    snapshot = screen.store.snapshot(screen.meeting.id)
    item_id = screen.selected.id if scope == "item" and screen.selected else None
    target = DEFAULT_FOLDER / file_name(snapshot, version, "docx", item_id)

    def job(overwrite: bool) -> None:
        screen.run_worker(partial(_write, screen, snapshot, version, item_id, overwrite),
                          thread=True, group="export")
    if (why := unsafe_output(target, screen.store.path)) is not None:
        screen.notify(f"Not exported: {target} {why}; clerk will not write over it.",
                      severity="error", timeout=10)
    elif target.exists():
        screen.app.push_screen(ConfirmScreen(f"{target} exists. Replace it?"),
                               lambda yes: yes and job(overwrite=True))
    else:
        job(overwrite=False)


def _write(screen: MeetingScreen, snapshot: Any, version: str, item_id: str | None,
           overwrite: bool) -> None:
    """In a worker thread: write the Word file, telling the clerk on the app's thread."""
    tell = partial(screen.app.call_from_thread, screen.notify)
    tell("Writing the minutes…")
    store = screen.store
    try:
        # Approved minutes are written from the copy frozen when they were approved,
        # and recorded so that clerk verify can vouch for the file.
        frozen = frozen_export(store, snapshot.meeting.id, item_id, version) \
            if snapshot.meeting.locked else None
        result = export_minutes(snapshot, DEFAULT_FOLDER, version, "docx", item_id,
                                overwrite=overwrite, database=store.path,
                                frozen=frozen and frozen.minutes,
                                before_placing=frozen and frozen.record)
    except (ExportError, StoreError, UnsafeOutput, FrozenError) as error:
        tell(f"Not exported: {error}", severity="error", timeout=10)
        return
    tell(f"Minutes written to {result.path.resolve()}. {' '.join(result.notes)}", timeout=10)


def toggle_preview(screen: MeetingScreen) -> None:
    """Show or hide the preview of the selected item's minutes."""
    preview = screen.query_one(MinutesPreview)
    preview.display = not preview.display
    screen.entry_list.display = not preview.display
    refresh_preview(screen)
    screen.refresh_bindings()  # the version switch shows in the footer while the preview does


def switch_version(screen: MeetingScreen) -> None:
    """Show the other version in the preview."""
    screen.query_one(MinutesPreview).switch_version()
    refresh_preview(screen)


def refresh_preview(screen: MeetingScreen) -> None:
    """Compose the selected item again, if the preview is showing (in a worker: a long
    item must not hold up the typing)."""
    preview = screen.query_one(MinutesPreview)
    if preview.display and screen.selected is not None:
        snapshot, item_id = screen.store.snapshot(screen.meeting.id), screen.selected.id
        screen.run_worker(partial(_compose, screen, preview, snapshot, item_id, preview.version),
                          thread=True, exclusive=True, group="preview")


def _compose(screen: MeetingScreen, preview: MinutesPreview, snapshot: Any, item_id: str,
             version: str) -> None:
    document = compose_item(snapshot, item_id, version)
    if not get_current_worker().is_cancelled:
        screen.app.call_from_thread(preview.show, document, version)


MINUTES_COMMANDS = (
    screen_command("export_meeting", "f7", "Word", "Export meeting to Word",
                   "Write the minutes of the whole meeting as a Word file in exports/",
                   lambda screen: export(screen, "meeting")),
    screen_command("export_item", "f8", "Item to Word", "Export item to Word",
                   "Write the minutes of the selected agenda item as a Word file in exports/",
                   lambda screen: export(screen, "item")),
    screen_command("preview", "f9", "Preview", "Preview minutes",
                   "Show the selected item as it will read in the minutes (press again to hide)",
                   toggle_preview),
    screen_command("preview_version", "shift+f9", "Version", "Switch the preview's version",
                   "Switch the preview between the public and the confidential version",
                   switch_version, lambda screen: bool(screen.query_one(MinutesPreview).display)),
)
