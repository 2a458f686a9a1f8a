"""What the operating system said, in a clerk's words: the one wording of an
``OSError`` for every command, export, backup and file read.

Only the standard library here: the store, the minutes writers, the importer and the
command line all use it."""

from __future__ import annotations

import errno

from clerk_tui.printable import printable  # the one rule for showing a name, CLI and app

_REASONS = {
    errno.ENOSPC: "the disk is full",
    errno.EDQUOT: "the disk quota is used up",
    errno.EROFS: "the disk is read-only",
}
_WRITING = {
    errno.EACCES: "you do not have permission to write there",
    errno.EPERM: "you do not have permission to write there",
}


def reason(error: OSError, writing: bool = False) -> str:
    """Why the file system refused, without a trailing full stop ("the disk is full");
    ``writing`` when clerk was writing, so that a refused permission says so."""
    said = _REASONS.get(error.errno) or (_WRITING.get(error.errno) if writing else None)
    return said or error.strerror or str(error) or type(error).__name__


def writing_reason(error: OSError) -> str:
    """:func:`reason` for a failure while clerk was writing a file."""
    return reason(error, writing=True)


def os_error_line(error: OSError) -> str:
    """One line for a failure of the file system: the file (or files) and the reason."""
    files = [printable(n) for n in (error.filename, error.filename2) if n is not None]
    if not files:
        return f"clerk could not finish: {reason(error)}."
    return f"{' → '.join(files)} cannot be used: {reason(error)}."
