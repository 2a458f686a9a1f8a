"""The one way clerk shows text that a person or a file gave it: literally.

Nothing from a person or a file is ever read as Textual or Rich markup, and nothing
in it reaches the terminal as a control: escape sequences, other C0 and C1 controls,
lone surrogates and the invisible characters that reorder or hide text (bidi overrides
and isolates, zero-width spaces) are shown as a visible code such as ``\\x1b`` or
``\\u202e``, marked so it stands out. Every widget of clerk builds its user text here:
:func:`literal` for a rich ``Text`` (lists, tables, headings, banners, labels),
:func:`shown` for a plain string (titles, notifications, where Textual takes a str),
and :data:`IN_FIELDS` for what is being edited in a text field.
"""

from __future__ import annotations

import re

from rich.highlighter import Highlighter
from rich.text import Text

MARKER_STYLE = "reverse"
"""How a neutralised character is shown: it must not pass for what was typed."""

NEWLINE = "⏎"
"""A line break in text shown on one line (a table cell, a list row, a title)."""

# C0 and C1 controls, DEL, lone surrogates, line and paragraph separators, and the
# invisible format characters that reorder or hide text (bidi marks, embeddings,
# overrides and isolates; zero-width space, word joiner and the like; BOM;
# interlinear annotation). Joiners (U+200C, U+200D) stay: emoji and scripts need them.
_HIDDEN = (
    "\x00-\x08\x0b-\x1f\x7f-\x9f"
    "\u061c\u200b\u200e\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb"
    "\ud800-\udfff"
)
_SINGLE_LINE = re.compile(f"[{_HIDDEN}\n\t]")
_MULTI_LINE = re.compile(f"[{_HIDDEN}]")
_IN_FIELD = re.compile(f"[{_HIDDEN}\n]")  # a text field is one line


def code(character: str) -> str:
    """The visible code that stands for a hidden character: ``\\x1b``, ``\\u202e``."""
    point = ord(character)
    if character == "\n":
        return NEWLINE
    if character == "\t":
        return " "
    return f"\\x{point:02x}" if point < 0x100 else f"\\u{point:04x}"


def _pattern(lines: bool) -> re.Pattern[str]:
    return _MULTI_LINE if lines else _SINGLE_LINE


def shown(value: object, *, lines: bool = False) -> str:
    """``value`` as a string that is safe to show as it is: every hidden character
    replaced by its visible code. Newlines are kept with ``lines``; otherwise each
    is shown as ``⏎`` (and a tab as a space), so the text stays on one line."""
    text = value if isinstance(value, str) else str(value)
    return _pattern(lines).sub(lambda found: code(found.group()), text)


def literal(value: object, style: str = "", *, lines: bool = False) -> Text:
    """``value`` as rich ``Text`` shown exactly as it was given (never parsed as
    markup), styled ``style``, its hidden characters shown as marked codes."""
    text = Text(style=style, end="")
    append(text, value, lines=lines)
    return text


def append(text: Text, value: object, style: str = "", *, lines: bool = False) -> Text:
    """Add ``value`` to ``text`` literally (see :func:`literal`); returns ``text``."""
    raw = value if isinstance(value, str) else str(value)
    start = 0
    for found in _pattern(lines).finditer(raw):
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


class _MarkHidden(Highlighter):
    """Shows each hidden character of a text field's value as a marked ``�``: one
    character for one, so the field's cursor stays where the clerk put it. The value
    itself is not changed (what is saved is what was typed, cleaned by the models)."""

    def highlight(self, text: Text) -> None:
        found = [match.start() for match in _IN_FIELD.finditer(text.plain)]
        if not found:
            return
        text.plain = _IN_FIELD.sub("\ufffd", text.plain)
        for start in found:
            text.stylize(MARKER_STYLE, start, start + 1)


IN_FIELDS = _MarkHidden()
"""The highlighter of every text field of clerk (``Input(highlighter=IN_FIELDS)``)."""
