"""Where clerk may write a file, and the files clerk itself leaves beside others.

Every file clerk writes (an export, a CSV, the action log, a backup) is checked by one
rule, :func:`refuse_unsafe_output`, before a byte is written: it never lands on the
open database, its write-ahead log, shared memory, rollback journal or edit lock, nor
on any other SQLite database, however the path is spelled (a symlink, ``..``, a
folder, another hard link): files are compared by device and inode, names by their
resolved form. ``--overwrite`` does not change that. The one database clerk may
replace is a copy it wrote itself (a backup, or a published copy), which says so in
its header: its SQLite ``application_id`` is clerk's copy mark, not the mark of a
working database. A copy that clerk opens as a database becomes one again
(:mod:`clerk_tui.store.connection`), and is protected from then on.

Temporary files are named so that clerk can recognise its own and only its own: a
hidden name ending in ``.clerk-partial``, locked (``flock``) by the writer while it
writes, so that one left behind by a writer that was killed (a whole confidential
copy, perhaps) is removed the next time clerk starts, and a live one never is: at
start clerk looks in ./exports and in every folder it has written into (the last
:data:`FOLDERS_KEPT`, listed beside the user's settings file).

Only the standard library here (and where the settings file is): the minutes writers
and the store both use it.
"""

from __future__ import annotations

import hashlib
import os
import stat
import tempfile
from pathlib import Path

from clerk_tui.file_kinds import SQLITE_MAGIC, NotOrdinary, read_header, read_ordinary

try:
    import fcntl
except ImportError:  # Windows: no advisory locks; temporary files are then left alone
    fcntl = None

WAL_MAGIC = (b"\x37\x7f\x06\x82", b"\x37\x7f\x06\x83")
WAL_HEADER_BYTES = 32  # a log of no more than its header holds no work
JOURNAL_MAGIC = b"\xd9\xd5\x05\xf9\x20\xa1\x63\xd7"
DATABASE_ID = 0x434C524B  # "CLRK": a clerk database someone works in
COPY_IDS = {0x434C5242: "backup", 0x434C5250: "published copy"}  # "CLRB", "CLRP"
BACKUP_ID = 0x434C5242
SIDECARS = {"-wal": "write-ahead log", "-shm": "shared memory file",
            "-journal": "rollback journal", ".lock": "edit lock"}
TEMP_SUFFIX = ".clerk-partial"
DEFAULT_EXPORTS = Path("exports")
MAX_NAME_BYTES = 120
FOLDERS_KEPT = 50  # the folders clerk remembers writing into, most recent last
FOLDERS_FILE_BYTES = 64 * 1024


class UnsafeOutput(Exception):
    """Writing there would damage a database; nothing was written (exit 2)."""


# The rule -------------------------------------------------------------------------


def refuse_unsafe_output(target: Path, database: Path | None = None) -> None:
    """Raise :class:`UnsafeOutput` when writing ``target`` (the file itself, folders
    already resolved) could replace or damage ``database`` (the one clerk has open),
    a file beside it, or any SQLite database other than a copy clerk wrote."""
    why = unsafe_output(target, database)
    if why is not None:
        raise UnsafeOutput(f"{target} {why}: clerk will not write over it, even with "
                           "--overwrite. Nothing was written; choose another file name.")


def unsafe_output(target: Path, database: Path | None = None) -> str | None:
    """Why ``target`` must not be written (see :func:`refuse_unsafe_output`), or None."""
    for path, role in _protected(database):
        if _same_file(target, path):
            return f"is {role}"
    try:
        mode = os.stat(target).st_mode
    except (FileNotFoundError, NotADirectoryError):
        return _sidecar_of_a_database(target)
    except OSError:
        return None  # nothing can be written there either; the writer says why
    if not stat.S_ISREG(mode):
        return "is not a regular file"
    head = _head(target)
    return _database_kind(head) or _copy_in_use(target, head) or _sidecar_of_a_database(target)


def copy_kind(path: Path) -> str | None:
    """"backup" or "published copy" when ``path`` is a database clerk wrote as a copy."""
    head = _head(path)
    if not head.startswith(SQLITE_MAGIC):
        return None
    return COPY_IDS.get(int.from_bytes(head[68:72], "big"))


def _protected(database: Path | None) -> list[tuple[Path, str]]:
    if database is None:
        return []
    spellings = {database, Path(os.path.realpath(database))}
    protected = [(name, "the database clerk has open") for name in spellings]
    for name in spellings:
        protected += [(name.with_name(name.name + suffix), f"the {role} of the open database")
                      for suffix, role in SIDECARS.items()]
    protected += [(path, "the edit lock of the open database") for path in lock_files(database)]
    return protected


def _same_file(target: Path, other: Path) -> bool:
    """The same file: by device and inode when both exist, else by resolved name."""
    try:
        mine, theirs = os.stat(target), os.stat(other)
        if (mine.st_dev, mine.st_ino) == (theirs.st_dev, theirs.st_ino):
            return True
    except OSError:
        pass
    return os.path.realpath(target) == os.path.realpath(other)


def _head(path: Path) -> bytes:
    """The header of an ordinary file; nothing for a pipe, a device or a missing file."""
    try:
        return read_header(path)
    except (NotOrdinary, OSError):  # then it is no database either
        return b""


def _database_kind(head: bytes) -> str | None:
    if head.startswith(SQLITE_MAGIC):
        mark = int.from_bytes(head[68:72], "big")
        if mark in COPY_IDS:
            return None
        return ("is a clerk database (a backup is one too once it has been worked in)"
                if mark == DATABASE_ID else "is an SQLite database")
    if head[:4] in WAL_MAGIC:
        return "is a database's write-ahead log"
    if head.startswith(JOURNAL_MAGIC):
        return "is a database's rollback journal"
    return None


def _copy_in_use(target: Path, head: bytes) -> str | None:
    """A copy clerk wrote is still not to be replaced while someone works in it: while
    a clerk window has it open (its edit lock is held), or while its write-ahead log
    holds work not yet in the file (whose header may still say "backup")."""
    if not head.startswith(SQLITE_MAGIC):
        return None
    if any(_held(lock) for lock in lock_files(target)):
        return "is open in a clerk window (a backup being worked in)"
    log = target.with_name(target.name + "-wal")
    if _head(log)[:4] in WAL_MAGIC and _size(log) > WAL_HEADER_BYTES:
        return "has work in its write-ahead log (a backup being worked in)"
    return None  # no log, or one SQLite would never replay: removed with the old copy


def _size(path: Path) -> int:
    try:
        return os.stat(path).st_size
    except OSError:
        return 0


def _held(lock: Path) -> bool:
    """Whether a live clerk holds the edit lock ``lock`` (see
    :mod:`clerk_tui.store.edit_lock`)."""
    if fcntl is None:
        return False
    try:
        descriptor = os.open(lock, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0)
                             | getattr(os, "O_NONBLOCK", 0))
    except OSError:
        return False  # no lock file: nobody has ever edited it here
    try:
        fcntl.flock(descriptor, fcntl.LOCK_SH | fcntl.LOCK_NB)
    except OSError:
        return True
    finally:
        os.close(descriptor)  # closing drops the probe's own shared lock
    return False


def _sidecar_of_a_database(target: Path) -> str | None:
    """``X-wal``, ``X-shm``, ``X-journal`` or ``X.lock`` beside an SQLite database X,
    or one of clerk's machine-wide edit locks."""
    resolved = Path(os.path.realpath(target))
    if resolved.parent == Path(os.path.realpath(lock_folder())):
        return "is one of clerk's edit locks"
    for suffix, role in SIDECARS.items():
        if resolved.name.endswith(suffix):
            owner = resolved.with_name(resolved.name.removesuffix(suffix))
            if _head(owner).startswith(SQLITE_MAGIC):
                return f"is the {role} of the database {owner.name}"
    return None


# Edit locks (taken by clerk_tui.store.edit_lock; named here so no output lands on one)


def lock_folder() -> Path:
    """The folder, owner-only, of this user's machine-wide edit locks."""
    base = os.environ.get("XDG_RUNTIME_DIR") or tempfile.gettempdir()
    return Path(base) / f"clerk-locks-{os.getuid() if hasattr(os, 'getuid') else 0}"


def lock_files(database: Path) -> list[Path]:
    """The edit locks of ``database``: one beside the file under its resolved name (seen
    by every program, on every computer, that reaches the file by any path), and one
    named by its device and inode in :func:`lock_folder` (so that another name for the
    same file, a hard link, finds it locked too)."""
    resolved = Path(os.path.realpath(database))
    locks = [resolved.with_name(resolved.name + ".lock")]
    try:
        identity = os.stat(resolved)
    except OSError:
        return locks
    return locks + [lock_folder() / f"{identity.st_dev}-{identity.st_ino}.lock"]


# File names -------------------------------------------------------------------------


def capped(name: str, limit: int, original: str | None = None) -> str:
    """``name`` cut to ``limit`` bytes of UTF-8 (on a character boundary) when longer,
    ending in a short hash of ``original`` (default ``name``) so that two long names
    cut to the same start stay distinct."""
    if len(name.encode("utf-8")) <= limit:
        return name
    tag = "-" + hashlib.sha256((original or name).encode("utf-8")).hexdigest()[:8]
    kept = name.encode("utf-8")[: limit - len(tag)].decode("utf-8", "ignore").rstrip("-.")
    return kept + tag


# Temporary files ----------------------------------------------------------------------


def open_temporary(target: Path) -> tuple[int, Path]:
    """A new owner-only temporary file beside ``target``, locked while its descriptor is
    open: (descriptor, path). Close the descriptor once the file is in place. Its
    folder is remembered (:func:`remember_folder`), so that a copy left there by a
    killed writer is removed at the next start however long the folder goes unused."""
    remember_folder(target.parent)
    prefix = "." + capped(target.name, MAX_NAME_BYTES) + "."
    while True:
        descriptor, name = tempfile.mkstemp(prefix=prefix, suffix=TEMP_SUFFIX, dir=target.parent)
        if fcntl is None:
            return descriptor, Path(name)
        fcntl.flock(descriptor, fcntl.LOCK_EX)
        try:  # a cleanup may have taken it between its making and its locking
            if os.stat(name).st_ino == os.fstat(descriptor).st_ino:
                return descriptor, Path(name)
        except FileNotFoundError:
            pass
        os.close(descriptor)


def is_temporary(path: Path) -> bool:
    """Whether ``path`` is named as clerk names its temporary files."""
    return path.name.startswith(".") and path.name.endswith(TEMP_SUFFIX)


def folders_file() -> Path:
    """The list of folders clerk has written into, beside this user's settings file."""
    from clerk_tui.settings import settings_path  # where this user's own files live

    return settings_path().with_name("folders-written-to.txt")


def remembered_folders() -> list[Path]:
    """The folders clerk has written a file into (the last :data:`FOLDERS_KEPT`)."""
    try:
        data = read_ordinary(folders_file(), FOLDERS_FILE_BYTES)[:FOLDERS_FILE_BYTES]
    except (NotOrdinary, OSError):
        return []
    return [Path(os.fsdecode(line)) for line in data.splitlines() if line]


def remember_folder(folder: Path) -> None:
    """Add ``folder`` (resolved) to :func:`remembered_folders`. Never raises: a list that
    cannot be written only means that the folder is cleaned when next written to."""
    resolved = Path(os.path.realpath(folder))
    known = remembered_folders()
    if resolved in known or "\n" in str(resolved):
        return
    lines = [os.fsencode(path) for path in [*known, resolved][-FOLDERS_KEPT:]]
    try:
        path = folders_file()
        path.parent.mkdir(parents=True, exist_ok=True)
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC
                             | getattr(os, "O_NOFOLLOW", 0), 0o600)
        with os.fdopen(descriptor, "wb") as out:
            out.write(b"\n".join(lines) + b"\n")
    except OSError:
        pass


def remove_abandoned_everywhere() -> list[Path]:
    """At start: :func:`remove_abandoned` in ./exports and every remembered folder."""
    removed: list[Path] = []
    for folder in dict.fromkeys([DEFAULT_EXPORTS, *remembered_folders()]):
        removed += remove_abandoned(folder)
    return removed


def remove_abandoned(folder: Path) -> list[Path]:
    """Remove the temporary files clerk left in ``folder`` when a writer was killed
    (those no live writer holds locked); the paths removed. Never raises."""
    removed: list[Path] = []
    if fcntl is None:
        return removed
    try:
        candidates = [path for path in folder.iterdir() if is_temporary(path)]
    except OSError:
        return removed
    for path in candidates:
        if _remove_if_abandoned(path):
            removed.append(path)
    return removed


def _remove_if_abandoned(path: Path) -> bool:
    try:
        info = os.lstat(path)
        if not stat.S_ISREG(info.st_mode) or info.st_uid != os.geteuid():
            return False  # only a regular file of our own, never through a symlink
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except OSError:
        return False
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        os.close(descriptor)
        return False  # a writer is still writing it
    try:
        if os.fstat(descriptor).st_ino != os.lstat(path).st_ino:
            return False
        os.unlink(path)
        return True
    except OSError:
        return False
    finally:
        os.close(descriptor)
