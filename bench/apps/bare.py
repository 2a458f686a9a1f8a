"""The startup baseline: a bare Textual app showing one line."""

from textual.app import App, ComposeResult
from textual.widgets import Static

LINE = "A bare Textual app, showing one line."


class Bare(App[None]):
    """Nothing but one line of text."""

    def compose(self) -> ComposeResult:
        yield Static(LINE)


if __name__ == "__main__":
    Bare().run()
