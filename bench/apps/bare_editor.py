"""The typing baseline: a bare Textual app with one text widget, focused.

``bare_editor.py input`` is a one-line Input (what clerk's capture line is);
``bare_editor.py textarea FILE`` is a TextArea holding FILE's text, wrapped as clerk's
entry editor wraps it.
"""

import sys
from pathlib import Path

from textual.app import App, ComposeResult
from textual.widgets import Input, TextArea


class BareEditor(App[None]):
    """One text widget and nothing else."""

    # The size clerk's entry editor gives its text at 120x40, so both draw as much.
    CSS = "TextArea { width: 92; height: 29; }"

    def __init__(self, kind: str, text: str) -> None:
        super().__init__()
        self.kind, self.text = kind, text

    def compose(self) -> ComposeResult:
        if self.kind == "input":
            yield Input(self.text, placeholder="Type here")
        else:
            yield TextArea(self.text, soft_wrap=True)


if __name__ == "__main__":
    kind = sys.argv[1]
    text = Path(sys.argv[2]).read_text(encoding="utf-8") if len(sys.argv) > 2 else ""
    BareEditor(kind, text).run()
