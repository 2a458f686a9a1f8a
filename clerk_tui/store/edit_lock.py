"""One clerk window edits a database at a time, however the file is reached.

The window that opens a file first holds advisory locks (``flock``) that identify the
file itself, not the path it was given by; a second window finds one taken and opens
the database read-only, saying which program has it. There are two, both taken:

- ``<file>.lock`` beside the file under its resolved name (symlinks followed, ``..``
  and relative spellings gone), so every program on every computer that reaches the
  file through any folder path or link finds the same lock file, as before;
- ``<device>-<inode>.lock`` in the user's own lock folder, so that another name for the
  same file (a hard link, which no resolving can see through) finds it taken too.

Neither lock is taken on the database file itself: closing any descriptor of that file
in a process drops every POSIX lock SQLite holds on it there, and on network file
systems ``flock`` is carried out with those same locks.

The locks go when the holder exits, however it exits (the operating system drops them
with the process), so a crash never leaves a file that cannot be edited. SQLite's own
locking still guards every write; these locks only stop two clerks typing into the same
minutes unawares.
"""

from __future__ import annotations

import os
import platform
import stat
from pathlib import Path

from clerk_tui.output_paths import lock_files, lock_folder

try:
    import fcntl
except ImportError:  # Windows: no advisory locks; SQLite's locking still applies
    fcntl = None


class EditLock:
    """The advisory locks on a database file (see the module's description)."""

    def __init__(self, database: Path) -> None:
        self.paths = lock_files(database)
        self.path = self.paths[0]
        """The lock beside the file, under its resolved name."""
        self._descriptors: list[int] = []

    def acquire(self) -> str | None:
        """Take every lock. None when taken; otherwise why it could not be (and none
        is held)."""
        if fcntl is None:
            return None
        for path in self.paths:
            reason = self._take(path, beside=path == self.path)
            if reason is not None:
                self.release()
                return reason
        return None

    def _take(self, path: Path, beside: bool) -> str | None:
        if not beside and not _own_folder(path.parent):
            return None  # no private place for it: the lock beside the file still holds
        try:
            descriptor = os.open(path, os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0),
                                 0o600)
        except OSError as error:
            if not beside:
                return None
            return f"its lock file {path} cannot be made ({error.strerror or error})"
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            holder = os.read(descriptor, 200).decode("utf-8", "replace").strip()
            os.close(descriptor)
            return f"it is open in another clerk window ({holder or 'another program'})"
        os.ftruncate(descriptor, 0)
        os.write(descriptor, f"process {os.getpid()} on {platform.node()}".encode())
        self._descriptors.append(descriptor)
        return None

    def release(self) -> None:
        """Let another window edit the file. The lock files stay: removing one would
        let two windows each lock a different file of the same name."""
        while self._descriptors:
            descriptor = self._descriptors.pop()
            fcntl.flock(descriptor, fcntl.LOCK_UN)
            os.close(descriptor)


def _own_folder(folder: Path) -> bool:
    """Make the machine-wide lock folder (owner-only) if need be; whether it is a real
    folder of this user's, so nobody else can plant or remove a lock in it."""
    if folder != lock_folder():
        return False
    try:
        folder.mkdir(mode=0o700, exist_ok=True)
        info = os.lstat(folder)
    except OSError:
        return False
    owner = os.geteuid() if hasattr(os, "geteuid") else info.st_uid
    return stat.S_ISDIR(info.st_mode) and info.st_uid == owner and not info.st_mode & 0o022
