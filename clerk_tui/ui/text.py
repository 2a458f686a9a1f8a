"""The one way clerk shows text that a person or a file gave it: literally.

Nothing from a person or a file is ever read as Textual or Rich markup, and nothing
in it reaches the terminal as a control: escape sequences, other C0 and C1 controls,
lone surrogates and the invisible characters that reorder or hide text (bidi overrides
and isolates, zero-width spaces) are shown as a visible code such as ``\\x1b`` or
``\\u202e``, marked so it stands out. Every widget of clerk builds its user text here:
:func:`literal` for a rich ``Text`` (lists, tables, headings, banners, labels),
:func:`shown` for a plain string (titles, notifications, where Textual takes a str),
:data:`IN_FIELDS` for what is being edited in a text field, and :func:`marked_stand_ins`
for the lines of a text area (:class:`clerk_tui.ui.widgets.text_area.LiteralTextArea`).
The rule itself, what is hidden and how it is written, is :mod:`clerk_tui.printable`,
which the command line uses too.
"""

from __future__ import annotations

from rich.highlighter import Highlighter
from rich.text import Text

from clerk_tui.printable import NEWLINE, as_text, code, hidden_in, printable, stood_in

__all__ = ["IN_FIELDS", "MARKER_STYLE", "NEWLINE", "append", "assemble", "code", "literal",
           "marked_stand_ins", "shown"]

MARKER_STYLE = "reverse"
"""How a neutralised character is shown: it must not pass for what was typed."""


def shown(value: object, *, lines: bool = False) -> str:
    """``value`` as a string that is safe to show as it is: every hidden character
    replaced by its visible code. Newlines are kept with ``lines``; otherwise each
    is shown as ``⏎`` (and a tab as a space), so the text stays on one line.
    (The rule is :func:`clerk_tui.printable.printable`, which the command line uses too.)"""
    return printable(value, lines=lines)


def literal(value: object, style: str = "", *, lines: bool = False) -> Text:
    """``value`` as rich ``Text`` shown exactly as it was given (never parsed as
    markup), styled ``style``, its hidden characters shown as marked codes."""
    text = Text(style=style, end="")
    append(text, value, lines=lines)
    return text


def append(text: Text, value: object, style: str = "", *, lines: bool = False) -> Text:
    """Add ``value`` to ``text`` literally (see :func:`literal`); returns ``text``."""
    raw = as_text(value)
    start = 0
    for found in hidden_in(raw, lines=lines):
        text.append(raw[start:found.start()], style=style)
        mark = code(found.group())
        marked = found.group() not in "\n\t"
        text.append(mark, style=" ".join(filter(None, (style, MARKER_STYLE if marked else ""))))
        start = found.end()
    text.append(raw[start:], style=style)
    return text


def assemble(*parts: object | tuple[object, str], lines: bool = False) -> Text:
    """A ``Text`` of several pieces, each a value or ``(value, style)``, all literal."""
    text = Text(end="")
    for part in parts:
        value, style = part if isinstance(part, tuple) else (part, "")
        append(text, value, style, lines=lines)
    return text


def marked_stand_ins(text: Text, *, one_line: bool = False) -> Text:
    """Show each hidden character of ``text`` (being edited) as a marked ``\ufffd``,
    one character for one, so the field's cursor stays where the clerk put it; the value
    being edited is not changed (what is saved is what was typed, cleaned by the
    models). With ``one_line`` a newline is marked too. Changes and returns ``text``."""
    plain, found = stood_in(text.plain, one_line=one_line)
    if found:
        text.plain = plain
        for start in found:
            text.stylize(MARKER_STYLE, start, start + 1)
    return text


class _MarkHidden(Highlighter):
    """Shows each hidden character of a text field's value as a marked ``\ufffd``
    (see :func:`marked_stand_ins`)."""

    def highlight(self, text: Text) -> None:
        marked_stand_ins(text, one_line=True)


IN_FIELDS = _MarkHidden()
"""The highlighter of every text field of clerk (``Input(highlighter=IN_FIELDS)``)."""
