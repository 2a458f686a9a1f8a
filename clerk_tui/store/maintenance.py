"""Looking after the file: a health check and a consistent backup."""

from __future__ import annotations

import os
import sqlite3
from contextlib import suppress
from dataclasses import dataclass, field
from pathlib import Path

from clerk_tui.store.connection import create_private_file
from clerk_tui.store.database import Database
from clerk_tui.store.errors import FileRefused, StoreError
from clerk_tui.store.migrations import SCHEMA_VERSION, schema_version


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

    @property
    def ok(self) -> bool:
        """True when the schema is current, the file intact and the journal WAL."""
        return (
            self.schema_version == SCHEMA_VERSION
            and self.integrity == ["ok"]
            and self.foreign_key_problems == 0
            and self.journal_mode == "wal"
            and not self.search_index
        )


SEARCH_TABLES = ("entries_fts", "agenda_items_fts", "committees_fts")
INDEX_COLUMNS = "kind, text, people, item, reference, committee"


def check(database: Database) -> HealthReport:
    """Run SQLite's integrity and foreign key checks, and check the search index."""
    with database.reading():
        conn = database.connection
        integrity = [row[0] for row in conn.execute("PRAGMA integrity_check")]
        keys = len(conn.execute("PRAGMA foreign_key_check").fetchall())
        mode = conn.execute("PRAGMA journal_mode").fetchone()[0].lower()
        version = schema_version(conn)
    return HealthReport(database.path, version, mode, integrity, keys, _search_problems(database))


def _search_problems(database: Database) -> list[str]:
    problems = []
    indexed = database.query("SELECT count(*) AS n FROM search_fts")[0]["n"]
    if indexed != database.query("SELECT count(*) AS n FROM entries")[0]["n"]:
        problems.append("search_fts")
    for table in SEARCH_TABLES:
        try:
            with database.transaction():
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
    """Where a backup to ``destination`` goes: into it when it is a folder."""
    if destination.is_dir():
        stamp = database.clock().strftime("%Y%m%d-%H%M%S")
        return destination / f"{database.path.stem}-{stamp}.db"
    return destination


def backup(database: Database, destination: Path, overwrite: bool = False) -> Path:
    """Copy the database, consistent even while another process writes to it.

    SQLite's backup API copies every page in one step inside a read transaction,
    so the copy is one moment of the file. It is written beside the destination
    and renamed into place only once its integrity check passes.
    """
    target = backup_path(database, destination)
    if target.exists() and target.resolve() == database.path.resolve():
        raise StoreError(f"{target} is the database itself; back it up somewhere else.")
    if target.exists() and not overwrite:
        raise StoreError(f"{target} already exists; choose another name or overwrite it.")
    partial = target.with_name(f".{target.name}.partial")
    try:
        partial.unlink(missing_ok=True)
        create_private_file(partial)
        _copy_into(database, partial)
        for stale in ("-wal", "-shm"):  # the old copy's log must not replay onto the new
            target.with_name(target.name + stale).unlink(missing_ok=True)
        os.replace(partial, target)
    except OSError as error:
        raise StoreError(f"The backup cannot be written to {target}: {error.strerror or error}.") from None
    except FileRefused as error:
        raise StoreError(f"The backup cannot be written: {error}") from None
    finally:
        with suppress(OSError):
            partial.unlink(missing_ok=True)
    return target


def _copy_into(database: Database, partial: Path) -> None:
    copy = sqlite3.connect(partial)
    try:
        with database.reading():
            database.connection.backup(copy)
        copy.execute("PRAGMA journal_mode = DELETE")
        result = copy.execute("PRAGMA integrity_check").fetchone()[0]
        if result != "ok":
            raise StoreError(f"The backup failed its integrity check ({result}).")
    finally:
        copy.close()
    with partial.open("rb+") as handle:
        os.fsync(handle.fileno())
