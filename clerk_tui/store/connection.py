"""Opening a database file safely: inspect before touching, then set the pragmas.

A file is only written to once it is known to be a clerk database (or empty, or new)
of a schema version this clerk understands; anything else is refused untouched.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from urllib.parse import quote

from clerk_tui.file_kinds import HEADER_BYTES, SQLITE_MAGIC, NotOrdinary, kind_of, read_header
from clerk_tui.os_errors import reason
from clerk_tui.output_paths import COPY_IDS, DATABASE_ID
from clerk_tui.store.errors import FileBusy, FileRefused, NewerSchema, NotAClerkDatabase

APPLICATION_ID = DATABASE_ID  # "CLRK" in the file header marks a clerk database
BUSY_TIMEOUT_MS = 5000


def create_private_file(path: Path) -> None:
    """Create ``path`` (and its folders) readable and writable by its owner only.

    Raises :class:`FileRefused` with the reason when the file cannot be created.
    """
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        descriptor = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    except (FileExistsError, NotADirectoryError):
        raise FileRefused(f"{path} cannot be created: part of its folder path is a file.") from None
    except OSError as error:
        raise FileRefused(f"{path} cannot be created: {error.strerror or error}.") from None
    os.close(descriptor)


def inspect_file(path: Path, known_version: int) -> None:
    """Refuse ``path`` unless it is empty or a clerk database clerk can open.

    Reads the header bytes first, so that a file that is not SQLite at all is
    never handed to SQLite; then reads the schema version read-only.
    """
    try:
        head = read_header(path)  # a pipe or a device is refused before it is opened
    except NotOrdinary as error:
        raise NotAClerkDatabase(f"{path} is {error.kind}, not a database file. "
                                "Nothing was read or changed.") from None
    except OSError as error:
        raise FileRefused(f"{path} cannot be read: {reason(error)}.") from None
    if not head:
        return
    if not head.startswith(SQLITE_MAGIC) or len(head) < HEADER_BYTES:
        raise NotAClerkDatabase(
            f"{path} is {kind_of(head) or 'not a database'}, not a clerk database. "
            "The file has not been changed."
        )
    application_id, version, tables = _read_identity(path)
    if application_id not in (APPLICATION_ID, *COPY_IDS) and (application_id or tables):
        raise NotAClerkDatabase(
            f"{path} is an SQLite database, but not a clerk database. "
            "The file has not been changed."
        )
    if version > known_version:
        raise NewerSchema(path, version, known_version)


def _read_identity(path: Path) -> tuple[int, int, int]:
    # Without a write-ahead log beside it the file alone is the whole truth, and
    # reading it as immutable leaves no -wal or -shm files behind.
    uri = f"file:{quote(str(path.resolve()))}?mode=ro"
    if not path.with_name(path.name + "-wal").exists():
        uri += "&immutable=1"
    try:
        probe = sqlite3.connect(uri, uri=True)
        try:
            application_id = probe.execute("PRAGMA application_id").fetchone()[0]
            version = probe.execute("PRAGMA user_version").fetchone()[0]
            tables = probe.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        finally:
            probe.close()
    except sqlite3.Error as error:
        raise refusal(path, error) from None
    return application_id, version, tables


def refusal(path: Path, error: sqlite3.Error) -> FileRefused:
    """Why SQLite could not open or read ``path``, in a clerk's words."""
    message = str(error)
    if "locked" in message or "busy" in message:
        return FileBusy(f"{path} is locked by another program; close it there and try again.")
    if isinstance(error, sqlite3.OperationalError):
        return FileRefused(f"{path} cannot be opened ({message}).")
    return NotAClerkDatabase(
        f"{path} is damaged and cannot be read as a database ({message}). "
        "The file has not been changed; restore it from a backup."
    )


def make_private(path: Path) -> str:
    """An empty file about to become a database: made owner-only (draft minutes can
    hold confidential matter), and a sentence saying so."""
    said = f"{path} was empty: a new clerk database was made in it"
    try:
        os.chmod(path, 0o600)
    except OSError as error:
        return f"{said}, but it could not be made private ({error.strerror or error})."
    return f"{said}, readable and writable by you alone."


def is_copy(connection: sqlite3.Connection) -> bool:
    """Whether the file's header marks it as a copy clerk wrote (a backup, a published
    copy) that nobody has worked in yet."""
    return connection.execute("PRAGMA application_id").fetchone()[0] in COPY_IDS


def claim_copy(connection: sqlite3.Connection) -> None:
    """A backup (or published copy) worked in is a database again: its header says so
    from now on, and clerk will never write a file over it. Outside a transaction the
    header is checkpointed into the file itself at once, so that the file on disk says
    so too, not only its write-ahead log."""
    if not is_copy(connection):
        return
    connection.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    if not connection.in_transaction:
        checkpoint(connection)


def checkpoint(connection: sqlite3.Connection) -> None:
    """Move what the write-ahead log holds into the file (and empty the log)."""
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()


def write_problem(path: Path) -> str | None:
    """Why clerk could not write to the database at ``path``, if it could not. (A new
    file is made with its folders, or refused saying why, by :func:`create_private_file`.)"""
    if not path.exists():
        return None
    if not os.access(path, os.W_OK):
        return f"the file {path.name} is read-only"
    if not os.access(path.parent, os.W_OK):  # the write-ahead log is made beside it
        return f"its folder {path.parent} is read-only"
    return None


def read_only_uri(path: Path) -> str:
    """The URI that opens ``path`` for reading only. With no write-ahead log beside
    it and a folder nobody here can write to, it is opened as immutable: SQLite then
    needs no -shm file, which it could not make."""
    uri = f"file:{quote(str(path.resolve()))}?mode=ro"
    if not path.with_name(path.name + "-wal").exists() and not os.access(path.parent, os.W_OK):
        uri += "&immutable=1"
    return uri


def connect_read_only(path: Path, busy_timeout_ms: int = BUSY_TIMEOUT_MS) -> sqlite3.Connection:
    """Open ``path`` for reading only (another window is editing it, or it cannot be
    written). Raises :class:`FileRefused` when even that is impossible."""
    try:
        connection = sqlite3.connect(read_only_uri(path), uri=True, isolation_level=None,
                                     check_same_thread=False, timeout=busy_timeout_ms / 1000)
        connection.execute("PRAGMA foreign_keys = ON")
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.Error as error:
        raise refusal(path, error) from None
    return connection


def connect(path: Path, busy_timeout_ms: int = BUSY_TIMEOUT_MS) -> sqlite3.Connection:
    """Open the one writer connection with clerk's pragmas.

    Autocommit at the driver level (``isolation_level=None``): every save opens
    its own ``BEGIN IMMEDIATE`` transaction, and nothing commits implicitly.
    """
    try:
        connection = sqlite3.connect(
            path, isolation_level=None, check_same_thread=False, timeout=busy_timeout_ms / 1000
        )
    except sqlite3.Error as error:
        raise refusal(path, error) from None
    try:
        connection.execute("PRAGMA foreign_keys = ON")
        connection.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
        mode = connection.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        connection.execute("PRAGMA synchronous = FULL")
    except sqlite3.Error as error:
        connection.close()
        raise refusal(path, error) from None
    if mode.lower() != "wal":
        connection.close()
        raise NotAClerkDatabase(f"{path} cannot use write-ahead logging (journal mode {mode}).")
    return connection
