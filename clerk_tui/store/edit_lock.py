"""One clerk window edits a database at a time.

The window that opens a file first holds an advisory lock on a small file beside it
(``clerk.db.lock``); a second window finds the lock taken and opens the database
read-only, saying which program has it. The lock goes when the holder exits, however
it exits (the operating system drops it with the process), so a crash never leaves a
file that cannot be edited. SQLite's own locking still guards every write; this lock
only stops two clerks typing into the same minutes unawares.
"""

from __future__ import annotations

import os
import platform
from pathlib import Path

try:
    import fcntl
except ImportError:  # Windows: no advisory locks; SQLite's locking still applies
    fcntl = None


class EditLock:
    """The advisory lock on ``<database>.lock``."""

    def __init__(self, database: Path) -> None:
        self.path = database.with_name(database.name + ".lock")
        self._descriptor: int | None = None

    def acquire(self) -> str | None:
        """Take the lock. None when taken; otherwise why it could not be."""
        if fcntl is None:
            return None
        try:
            descriptor = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        except OSError as error:
            return f"its lock file {self.path} cannot be made ({error.strerror or error})"
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            holder = os.read(descriptor, 200).decode("utf-8", "replace").strip()
            os.close(descriptor)
            return f"it is open in another clerk window ({holder or 'another program'})"
        os.ftruncate(descriptor, 0)
        os.write(descriptor, f"process {os.getpid()} on {platform.node()}".encode())
        self._descriptor = descriptor
        return None

    def release(self) -> None:
        """Let another window edit the file. The lock file stays: removing it would let
        two windows each lock a different file of the same name."""
        if self._descriptor is not None:
            fcntl.flock(self._descriptor, fcntl.LOCK_UN)
            os.close(self._descriptor)
            self._descriptor = None
