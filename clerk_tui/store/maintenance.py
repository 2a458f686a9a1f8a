"""Looking after the file: a health check and a consistent backup."""

from __future__ import annotations

import os
import sqlite3
from contextlib import suppress
from dataclasses import dataclass, field
from pathlib import Path

from clerk_tui.os_errors import writing_reason
from clerk_tui.output_paths import (
    BACKUP_ID,
    MAX_NAME_BYTES,
    capped,
    open_temporary,
    refuse_unsafe_output,
    remove_abandoned,
)
from clerk_tui.store.database import Database
from clerk_tui.store.errors import StoreError
from clerk_tui.store.migrations import SCHEMA_VERSION, schema_version
from clerk_tui.store.record_check import RecordReport, check_record


@dataclass(frozen=True)
class HealthReport:
    """What ``clerk check`` reports about a database file."""

    path: Path
    schema_version: int
    journal_mode: str
    integrity: list[str] = field(default_factory=list)
    foreign_key_problems: int = 0
    search_index: list[str] = field(default_factory=list)
    """The search tables that do not match what they index."""
    record: RecordReport = field(default_factory=RecordReport)
    """The lock triggers, the frozen approved minutes and the audit chain."""

    @property
    def ok(self) -> bool:
        """True when the schema is current, the file intact, the journal WAL and the
        record as clerk wrote it."""
        return (
            self.schema_version == SCHEMA_VERSION
            and self.integrity == ["ok"]
            and self.foreign_key_problems == 0
            and self.journal_mode == "wal"
            and not self.search_index
            and self.record.ok
        )


SEARCH_TABLES = ("entries_fts", "agenda_items_fts", "committees_fts")
INDEX_COLUMNS = "kind, text, people, item, reference, committee"


def check(database: Database) -> HealthReport:
    """Run SQLite's integrity and foreign key checks, check the search index, and
    compare the record with what clerk wrote (:mod:`clerk_tui.store.record_check`)."""
    with database.reading():
        conn = database.connection
        integrity = [row[0] for row in conn.execute("PRAGMA integrity_check")]
        keys = len(conn.execute("PRAGMA foreign_key_check").fetchall())
        mode = conn.execute("PRAGMA journal_mode").fetchone()[0].lower()
        version = schema_version(conn)
    record = check_record(database) if version == SCHEMA_VERSION else RecordReport()
    return HealthReport(database.path, version, mode, integrity, keys, _search_problems(database),
                        record)


def _search_problems(database: Database) -> list[str]:
    problems = []
    indexed = database.query("SELECT count(*) AS n FROM search_fts")[0]["n"]
    if indexed != database.query("SELECT count(*) AS n FROM entries")[0]["n"]:
        problems.append("search_fts")
    for table in SEARCH_TABLES:
        try:  # a check, though SQLite runs it as a write: nothing of it is kept
            with database.trial():
                database.connection.execute(
                    f"INSERT INTO {table} ({table}, rank) VALUES ('integrity-check', 1)")
        except StoreError:
            problems.append(table)
    return problems


def rebuild_search(database: Database) -> None:
    """Build the search index again from the minutes (after a tool has disturbed it)."""
    with database.transaction():
        for table in SEARCH_TABLES:
            database.connection.execute(f"INSERT INTO {table} ({table}) VALUES ('rebuild')")
        database.connection.execute("DELETE FROM search_fts")
        database.connection.execute(f"INSERT INTO search_fts (rowid, {INDEX_COLUMNS}) "
                                    f"SELECT doc_id, {INDEX_COLUMNS} FROM search_documents")


def backup_path(database: Database, destination: Path) -> Path:
    """Where a backup to ``destination`` goes: into it when it is a folder (a symlink
    to a folder too), named after the database and the time."""
    if destination.is_dir():
        stamp = database.clock().strftime("%Y%m%d-%H%M%S")
        return destination / f"{capped(database.path.stem, MAX_NAME_BYTES - 20)}-{stamp}.db"
    return destination


def backup(database: Database, destination: Path, overwrite: bool = False) -> Path:
    """Copy the database, consistent even while another process writes to it.

    SQLite's backup API copies every page in one step inside a read transaction,
    so the copy is one moment of the file. It is written beside the destination
    and renamed into place only once its integrity check passes; its header marks it
    as clerk's backup, the one kind of database a later backup may replace. Raises
    :class:`UnsafeOutput` for a destination that is a database or beside one (see
    :mod:`clerk_tui.output_paths`), :class:`StoreError` when the copy fails.
    """
    target = backup_path(database, destination)
    refuse_unsafe_output(target, database.path)
    if target.exists() and not overwrite:
        raise StoreError(f"{target} already exists; choose another name, or replace it "
                         "with --overwrite.")
    remove_abandoned(target.parent)
    descriptor = partial = None
    try:
        descriptor, partial = open_temporary(target)
        _copy_into(database, partial, descriptor)
        for stale in ("-wal", "-shm"):  # the old copy's log must not replay onto the new
            target.with_name(target.name + stale).unlink(missing_ok=True)
        os.replace(partial, target)
    except OSError as error:
        raise StoreError(f"The backup cannot be written to {target}: {writing_reason(error)}. "
                         "Nothing was written.") from None
    except sqlite3.Error as error:
        raise StoreError(f"The backup cannot be written to {target}: "
                         f"{_sqlite_why(error)}. Nothing was written.") from None
    finally:
        with suppress(OSError):
            if partial is not None:
                partial.unlink(missing_ok=True)
        if descriptor is not None:
            os.close(descriptor)
    return target


def _sqlite_why(error: sqlite3.Error) -> str:
    message = str(error)
    return "the disk is full" if "full" in message else message


def _copy_into(database: Database, partial: Path, descriptor: int) -> None:
    copy = sqlite3.connect(partial)
    try:
        with database.reading():
            database.connection.backup(copy)
        copy.execute(f"PRAGMA application_id = {BACKUP_ID}")
        copy.execute("PRAGMA journal_mode = DELETE")
        result = copy.execute("PRAGMA integrity_check").fetchone()[0]
        if result != "ok":
            raise StoreError(f"The backup failed its integrity check ({result}).")
    finally:
        copy.close()
    os.fsync(descriptor)
