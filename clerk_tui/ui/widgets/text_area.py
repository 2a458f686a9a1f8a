"""A TextArea that shows what a person or a file gave it literally, and gives it back
exactly."""

from __future__ import annotations

import re

from rich.text import Text
from textual.binding import Binding
from textual.widgets import TextArea

from clerk_tui.printable import HIDDEN, STAND_IN
from clerk_tui.ui.text import MARKER_STYLE, marked_stand_ins

# While it is edited, each hidden character is held as a private-use character of
# plane 16 (U+100000 + its code point): one cell wide, as the stand-in drawn for it,
# so Textual wraps the line and places the cursor, a mouse click and the terminal's
# cursor where they are drawn (it counts a hidden character as no cell at all); and a
# line separator (U+2028, U+0085) stays one character, not a line break. Text that
# already has characters of that plane (rare: it is for private agreements) is held as
# it is, its hidden characters drawn marked all the same.
_HELD = 0x100000
_HIDDEN_HERE = re.compile(f"[{HIDDEN}]")
_HELD_HERE = re.compile("[\U00100000-\U0010fffd]")


def _hold(text: str) -> str:
    """``text`` as the text area holds it (see above)."""
    return _HIDDEN_HERE.sub(lambda found: chr(_HELD + ord(found.group())), text)


def _release(text: str) -> str:
    """The text that ``text``, as the text area holds it, stands for."""
    def released(found: re.Match[str]) -> str:
        character = chr(ord(found.group()) - _HELD)
        return character if _HIDDEN_HERE.fullmatch(character) else found.group()
    return _HELD_HERE.sub(released, text)


class LiteralTextArea(TextArea):
    """A TextArea whose hidden characters (escape sequences and other controls, bidi
    overrides and isolates, zero-width spaces, line separators) are drawn as a marked
    ``\\ufffd``, one character for one, as :data:`clerk_tui.ui.text.IN_FIELDS` draws
    them in a one-line field: the cursor stays where the clerk put it. What it holds is
    read back, exactly, from :attr:`literal_text` (never ``text``). A TextArea never reads
    its text as markup.

    Textual draws each line from :meth:`get_line`, the hook its documentation gives for
    restyling a line; this is the one place the drawing is changed."""

    # Textual's TextArea has no keys for the start and end of the whole text.
    BINDINGS = [
        Binding("ctrl+home", "text_start", "Start of text", show=False, id="text_start"),
        Binding("ctrl+end", "text_end", "End of text", show=False, id="text_end"),
        Binding("ctrl+shift+home", "text_start(True)", "Select to start", show=False,
                id="text_select_start"),
        Binding("ctrl+shift+end", "text_end(True)", "Select to end", show=False,
                id="text_select_end"),
    ]

    def action_text_start(self, select: bool = False) -> None:
        """The cursor to the start of the text (selecting to it with ``select``)."""
        self.move_cursor((0, 0), select=select)

    def action_text_end(self, select: bool = False) -> None:
        """The cursor to the end of the text (selecting to it with ``select``)."""
        self.move_cursor(self.document.end, select=select)

    def __init__(self, text: str = "", **options) -> None:
        self._holding = not _HELD_HERE.search(text)
        super().__init__(_hold(text) if self._holding else text, **options)

    def _released(self, text: str) -> str:
        return _release(text) if self._holding else text

    @property
    def literal_text(self) -> str:
        """The text as the clerk sees it edited: hidden characters and all."""
        return self._released(self.text)

    @property
    def selected_text(self) -> str:
        """The selected text, as :attr:`literal_text` (what a copy puts on the clipboard)."""
        return self._released(super().selected_text)

    def get_line(self, line_index: int) -> Text:
        """The line at ``line_index`` as it is drawn: its hidden characters marked."""
        line = super().get_line(line_index)
        held = [found.start() for found in _HELD_HERE.finditer(line.plain)] \
            if self._holding else []
        if held:
            line.plain = _HELD_HERE.sub(STAND_IN, line.plain)
            for start in held:
                line.stylize(MARKER_STYLE, start, start + 1)
        return marked_stand_ins(line)  # a hidden character pasted in since
