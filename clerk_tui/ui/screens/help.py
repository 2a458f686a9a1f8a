"""F1 help: each screen's keys and tips, kept in a markdown file beside the code."""

from __future__ import annotations

from importlib.resources import files

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Markdown

from clerk_tui.ui.failures import ContainsFailures


def help_text(name: str) -> str:
    """The help markdown called ``name`` (a file in ``clerk_tui/ui/help``)."""
    return files("clerk_tui.ui").joinpath("help", f"{name}.md").read_text(encoding="utf-8")


class HelpScreen(ContainsFailures, ModalScreen[None]):
    """Help for one screen; Escape or F1 closes it."""

    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen > VerticalScroll {
        width: 90%; max-width: 100; height: 90%;
        border: round $accent; background: $surface; padding: 0 1;
    }
    """
    BINDINGS = [
        Binding("escape,f1", "dismiss", "Close help", id="close_help"),
    ]

    def __init__(self, name: str) -> None:
        super().__init__()
        self._markdown = help_text(name)

    def compose(self) -> ComposeResult:
        with VerticalScroll():
            yield Markdown(self._markdown)
