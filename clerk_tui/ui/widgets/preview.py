"""The preview (F9): the selected item as it will read in the minutes.

Drawn straight from the document model that the Word and Markdown writers read, every
word shown literally (a Markdown renderer would read the minutes' own words as links,
emphasis or entities), with headings and bold runs styled as the minutes have them.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from clerk_tui.minutes.document import (
    Block,
    BulletList,
    Document,
    Heading,
    PageBreak,
    Paragraph,
    Run,
    Table,
)
from clerk_tui.ui.text import append, literal

_ROLE_STYLES = {"title": "bold", "subtitle": "bold", "body": "", "signature": ""}


def _runs(runs: tuple[Run, ...], style: str = "", lead: str = "") -> Text:
    text = Text(lead, end="")
    for run in runs:
        looks = " ".join(filter(None, (style, "bold" if run.bold else "",
                                       "italic" if run.italic else "")))
        append(text, run.text, looks, lines=True)
    return text


def block_text(block: Block) -> Text:
    """One block of the minutes as styled, literal text."""
    if isinstance(block, Heading):
        return literal(block.text, "bold underline" if block.level == 1 else "bold")
    if isinstance(block, Paragraph):
        return _runs(block.runs, _ROLE_STYLES.get(block.role, ""))
    if isinstance(block, BulletList):
        return Text("\n", end="").join(_runs(item, lead="  • ") for item in block.items)
    if isinstance(block, Table):
        lines = [literal(" | ".join(block.header), "bold")]
        lines += [literal(" | ".join(row)) for row in block.rows]
        return Text("\n", end="").join(lines)
    if isinstance(block, PageBreak):
        return Text("─" * 20, style="dim", end="")
    raise TypeError(f"not a block: {block!r}")


def preview_text(document: Document, warnings: bool = True) -> Text:
    """The whole document: what to look at first (with ``warnings``), its markings
    and header, then every block, a blank line between them."""
    parts = [literal(f"⚠ {warning}", "bold yellow", lines=True)
             for warning in (document.warnings if warnings else ())]
    if document.marking_line:
        parts.append(literal(document.marking_line, "bold"))
    parts.append(literal(document.header, "italic"))
    parts += [block_text(block) for block in document.blocks]
    return Text("\n\n", end="").join(parts)


VERSION_LINES = {
    "public": "Preview of the PUBLIC version · Shift+F9 shows the confidential one",
    "confidential": "Preview of the CONFIDENTIAL version · Shift+F9 shows the public one",
}


class MinutesPreview(VerticalScroll):
    """The preview pane; :meth:`show` puts a document in it. It can take the focus
    (Tab), to be scrolled with the arrows and Page Up/Down."""

    text: str = ""
    """What the preview shows, as plain text."""
    version: str = "public"
    """Which version it shows: the public one first, as most will read it."""

    def switch_version(self) -> None:
        """Show the other version from the next :meth:`show` on."""
        self.version = "confidential" if self.version == "public" else "public"

    def compose(self) -> ComposeResult:
        yield Static(id="preview-text")

    def show(self, document: Document, version: str) -> None:
        """Show ``document``, the ``version`` named above it (composed in a worker, shown
        on the app's thread), scrolled to its end: the newest entries."""
        text = Text("\n\n", end="").join([literal(VERSION_LINES[version], "reverse"),
                                           preview_text(document)])
        self.text = text.plain
        self.query_one("#preview-text", Static).update(text)
        self.call_after_refresh(self.scroll_end, animate=False)
