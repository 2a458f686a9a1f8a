"""The one rule for showing a string that a person or a file gave clerk: what could act
on a terminal, or reorder or hide the text around it, is shown as a visible code.

Pure strings, no Textual and no Rich: the command line (:mod:`clerk_tui.cli`) and the
app (:mod:`clerk_tui.ui.text`, which adds the marking) both show user text through it.
Hidden are C0 and C1 controls (so every escape sequence: ESC, CSI ``\\x9b``, OSC's BEL),
DEL, lone surrogates, the line and paragraph separators, and the invisible format
characters that reorder or hide text (bidi marks, embeddings, overrides and isolates;
zero-width space, word joiner and the like; BOM; interlinear annotation). The joiners
U+200C and U+200D stay: emoji and several scripts need them.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator

NEWLINE = "⏎"
"""A line break in text shown on one line (a table cell, a list row, a title)."""

STAND_IN = "\ufffd"
"""What stands for a hidden character where each must stay one character (a text field)."""

HIDDEN = (
    "\x00-\x08\x0b-\x1f\x7f-\x9f"
    "\u061c\u200b\u200e\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb"
    "\ud800-\udfff"
)
"""The hidden characters, as the body of a regular-expression character class."""

_SINGLE_LINE = re.compile(f"[{HIDDEN}\n\t]")
_MULTI_LINE = re.compile(f"[{HIDDEN}]")
_ONE_LINE_FIELD = re.compile(f"[{HIDDEN}\n]")  # a one-line field shows a tab as it is


def code(character: str) -> str:
    """The visible code that stands for a hidden character: ``\\x1b``, ``\\u202e``
    (a newline shown on one line is ``⏎``, a tab a space)."""
    if character == "\n":
        return NEWLINE
    if character == "\t":
        return " "
    point = ord(character)
    return f"\\x{point:02x}" if point < 0x100 else f"\\u{point:04x}"


def hidden_in(text: str, *, lines: bool = False) -> Iterator[re.Match[str]]:
    """Each character of ``text`` that must not be shown as it is; with ``lines`` newlines
    and tabs may be, otherwise they are hidden too (the text must stay on one line)."""
    return (_MULTI_LINE if lines else _SINGLE_LINE).finditer(text)


def as_text(value: object) -> str:
    """``value`` as the string it shows: a path or bytes (a file name) decoded as the
    file system spells it, anything else as ``str`` makes it."""
    if isinstance(value, str):
        return value
    if isinstance(value, (bytes, os.PathLike)):
        return os.fsdecode(value)
    return str(value)


def printable(value: object, *, lines: bool = False) -> str:
    """``value`` as a string that is safe to show as it is: every hidden character
    replaced by its visible code. Newlines (and tabs) are kept with ``lines``; otherwise
    each newline is shown as ``⏎`` and a tab as a space, so the text stays on one line.
    A path or bytes (a file name) is decoded as the file system spells it."""
    pattern = _MULTI_LINE if lines else _SINGLE_LINE
    return pattern.sub(lambda found: code(found.group()), as_text(value))


def json_escaped(dumped: str) -> str:
    """JSON text (as ``json.dumps`` writes it) with each hidden character written as its
    ``\\u`` escape: exactly the same data to a program that reads it, and nothing a
    terminal would act on. (``json.dumps`` escapes C0 controls itself, but not DEL, C1
    controls, bidi characters or lone surrogates when ``ensure_ascii`` is off.)"""
    return _MULTI_LINE.sub(lambda found: f"\\u{ord(found.group()):04x}", dumped)


def stood_in(text: str, *, one_line: bool = False) -> tuple[str, list[int]]:
    """``text`` with each hidden character replaced by :data:`STAND_IN`, one character
    for one, so that positions in it (a text field's cursor) stay where they were; and
    where the stand-ins are. Newlines and tabs stay, but with ``one_line`` (a field of
    one line) a newline is stood in for too."""
    pattern = _ONE_LINE_FIELD if one_line else _MULTI_LINE
    found = [match.start() for match in pattern.finditer(text)]
    return (pattern.sub(STAND_IN, text) if found else text), found
