"""What a file is, from its first bytes: so that a file given where another kind was
wanted (a Word file named as the database, a PDF named as minutes) is named for what
it is; and what a path is when it is no ordinary file (a pipe, a device)."""

from __future__ import annotations

import stat

_KINDS = (
    (b"PK\x03\x04", "a zip file (a Word .docx, perhaps, under another name)"),
    (b"\xd0\xcf\x11\xe0", "an old-style Office document"),
    (b"%PDF", "a PDF document"),
    (b"{\\rtf", "a rich text document"),
    (b"\x7fELF", "a program"),
    (b"\x89PNG", "an image"),
    (b"\xff\xd8\xff", "an image"),
    (b"GIF8", "an image"),
    (b"\x1f\x8b", "a compressed file"),
    (b"SQLite format 3\x00", "a database"),
)


def kind_of(head: bytes) -> str | None:
    """What a file starting with ``head`` is ("a PDF document"), or None when its first
    bytes say nothing."""
    for magic, kind in _KINDS:
        if head.startswith(magic):
            return kind
    return None


_SPECIAL = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a named pipe"),
    (stat.S_ISCHR, "a device"),
    (stat.S_ISBLK, "a device"),
    (stat.S_ISSOCK, "a socket"),
)


def special_kind(mode: int) -> str | None:
    """What a path of ``mode`` (from ``os.stat``) is when it is not an ordinary file ("a
    named pipe", "a device"), or None when it is one. Only ordinary files are read: a
    pipe would wait for ever and a device such as /dev/zero never ends."""
    if stat.S_ISREG(mode):
        return None
    for test, kind in _SPECIAL:
        if test(mode):
            return kind
    return "a special file"
