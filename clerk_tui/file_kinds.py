"""What a file is, from its first bytes: so that a file given where another kind was
wanted (a Word file named as the database, a PDF named as minutes) is named for what
it is; and what a path is when it is no ordinary file (a pipe, a device).

:func:`read_ordinary` is the one way clerk reads a file it was given (a document to
import, the database's header, a template, an output path's header): ordinary files
only, opened without waiting, never more than a stated number of bytes."""

from __future__ import annotations

import os
import stat
from pathlib import Path

SQLITE_MAGIC = b"SQLite format 3\x00"

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
    (SQLITE_MAGIC, "a database"),
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


HEADER_BYTES = 100  # an SQLite file's header; enough for every magic number above

# Opened without waiting, so that a pipe swapped in after the check cannot block; the
# flags are POSIX's (elsewhere the check before opening stands alone).
_NO_WAITING = getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)


class NotOrdinary(Exception):
    """The path is no ordinary file (a pipe, a device, a folder); ``kind`` says what."""

    def __init__(self, path: Path, kind: str) -> None:
        super().__init__(f"{path} is {kind}, not an ordinary file")
        self.kind = kind


def read_ordinary(path: Path, limit: int) -> bytes:
    """At most ``limit`` + 1 bytes of the ordinary file at ``path`` (its links followed):
    one more than ``limit`` says the file is longer. A pipe, a device or a folder raises
    :class:`NotOrdinary` before it is opened, and is checked again once open, so nothing
    read here can block or never end. Other failures raise :class:`OSError`."""
    _check(path, os.stat(path).st_mode)
    descriptor = os.open(path, os.O_RDONLY | _NO_WAITING)
    with os.fdopen(descriptor, "rb") as handle:
        _check(path, os.fstat(handle.fileno()).st_mode)
        return handle.read(limit + 1)


def read_header(path: Path) -> bytes:
    """The first :data:`HEADER_BYTES` of the ordinary file at ``path`` (see
    :func:`read_ordinary`, whose errors it raises)."""
    return read_ordinary(path, HEADER_BYTES)[:HEADER_BYTES]


def _check(path: Path, mode: int) -> None:
    if (kind := special_kind(mode)) is not None:
        raise NotOrdinary(path, kind)
