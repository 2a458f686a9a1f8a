"""Minutes from the meeting screen: export to Word (in a worker) and a live preview."""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual import work
from textual.worker import get_current_worker

from clerk_tui.minutes.compose import compose_item
from clerk_tui.minutes.export import DEFAULT_FOLDER, ExportError, export_minutes, file_name
from clerk_tui.minutes.frozen import FrozenError
from clerk_tui.output_paths import UnsafeOutput, unsafe_output
from clerk_tui.store.errors import StoreError
from clerk_tui.ui.commands import Command
from clerk_tui.ui.screen_kit.form import FormField, FormScreen
from clerk_tui.ui.screen_kit.pick import ConfirmScreen
from clerk_tui.ui.widgets.preview import MinutesPreview
from clerk_tui.verification import frozen_export

if TYPE_CHECKING:
    from clerk_tui.ui.screens.meeting.screen import MeetingScreen

MINUTES_COMMANDS = (
    Command("export_meeting", "f7", "export('meeting')", "Word", "Export meeting to Word",
            "Write the minutes of the whole meeting as a Word file in exports/"),
    Command("export_item", "f8", "export('item')", "Item to Word", "Export item to Word",
            "Write the minutes of the selected agenda item as a Word file in exports/"),
    Command("preview", "f9", "preview", "Preview", "Preview minutes",
            "Show the selected item as it will read in the minutes (press again to hide)"),
    Command("preview_version", "shift+f9", "preview_version", "Version",
            "Switch the preview's version",
            "Switch the preview between the public and the confidential version"),
)
VERSIONS = [("Public (exempt items reduced to one line)", "public"),
            ("Confidential (everything; marked on every page)", "confidential")]


class MinutesActions:
    """Export and preview for the meeting screen (a mixin, to keep modules small)."""

    export_folder: Path = DEFAULT_FOLDER
    preview_version: str = "public"
    """Which version the preview shows: the public one first, as most will read it."""

    def action_export(self: MeetingScreen, scope: str) -> None:
        """Ask which version, then write the minutes in a worker."""
        if scope == "item" and self.selected is None:
            self.notify("Select an agenda item first.", severity="warning")
            return
        form = FormScreen(f"Export {'this item' if scope == 'item' else 'the meeting'} to Word", [
            FormField("version", "Version", kind="select", value="public", options=VERSIONS),
        ], lambda values: values["version"] or "public")
        self.app.push_screen(form, lambda version: version and self._confirm_export(scope, version))

    def _confirm_export(self: MeetingScreen, scope: str, version: str) -> None:
        snapshot = self.store.snapshot(self.meeting.id)
        item_id = self.selected.id if scope == "item" and self.selected else None
        target = self.export_folder / file_name(snapshot, version, "docx", item_id)
        job = partial(self._export, snapshot, version, item_id)
        if (why := unsafe_output(target, self.store.path)) is not None:
            self.notify(f"Not exported: {target} {why}; clerk will not write over it.",
                        severity="error", timeout=10)
        elif target.exists():
            self.app.push_screen(ConfirmScreen(f"{target} exists. Replace it?"),
                                 lambda yes: yes and job(overwrite=True))
        else:
            job(overwrite=False)

    @work(thread=True, group="export")
    def _export(self: MeetingScreen, snapshot: Any, version: str, item_id: str | None,
                overwrite: bool) -> None:
        self.app.call_from_thread(self.notify, "Writing the minutes…")
        try:
            # Approved minutes are written from the copy frozen when they were approved,
            # and recorded so that clerk verify can vouch for the file.
            frozen = frozen_export(self.store, snapshot.meeting.id, item_id, version) \
                if snapshot.meeting.locked else None
            result = export_minutes(snapshot, self.export_folder, version, "docx", item_id,
                                    overwrite=overwrite, database=self.store.path,
                                    frozen=frozen and frozen.minutes,
                                    before_placing=frozen and frozen.record)
        except (ExportError, StoreError, UnsafeOutput, FrozenError) as error:
            self.app.call_from_thread(self.notify, f"Not exported: {error}", severity="error",
                                      timeout=10)
            return
        notes = " ".join(result.notes)
        self.app.call_from_thread(self.notify, f"Minutes written to {result.path.resolve()}. {notes}",
                                  timeout=10)

    def action_preview(self: MeetingScreen) -> None:
        """Show or hide the preview of the selected item's minutes."""
        preview = self.query_one("#preview", MinutesPreview)
        preview.display = not preview.display
        self.query_one("#entries").display = not preview.display
        self.refresh_preview()
        self.refresh_bindings()  # Shift+F9 shows in the footer while the preview does

    def action_preview_version(self: MeetingScreen) -> None:
        """Show the other version in the preview."""
        self.preview_version = "confidential" if self.preview_version == "public" else "public"
        self.refresh_preview()

    def check_minutes_action(self: MeetingScreen, action: str) -> bool | None:
        """The version switch works while the preview is showing."""
        if action == "preview_version":
            return bool(self.query_one("#preview").display)
        return None

    def refresh_preview(self: MeetingScreen) -> None:
        """Compose the selected item again, if the preview is showing."""
        if self.query_one("#preview").display and self.selected is not None:
            self._compose_preview(self.store.snapshot(self.meeting.id), self.selected.id)

    @work(thread=True, exclusive=True, group="preview")
    def _compose_preview(self: MeetingScreen, snapshot: Any, item_id: str) -> None:
        version = self.preview_version
        document = compose_item(snapshot, item_id, version)
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self.query_one("#preview", MinutesPreview).show, document,
                                      version)
