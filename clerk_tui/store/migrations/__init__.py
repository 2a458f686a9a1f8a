"""Numbered migrations, applied in order; ``PRAGMA user_version`` records the last.

Each migration is a module ``mNNN_name.py`` with an ``SQL`` script, or an ``apply``
function for one that must read the file first (migration 9 makes tables again). A
migration is never edited once released: a later change to the schema is a new one.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from functools import cache, partial
from types import ModuleType

from clerk_tui.store import sealing
from clerk_tui.store.migrations import (
    m001_tables,
    m002_locks,
    m003_capture,
    m004_search,
    m005_follow_up,
    m006_search_index,
    m007_corrections,
    m008_frozen_minutes,
    m009_published_record,
    m010_import_sources,
    m011_import_record,
    m012_printed_headings,
)

MIGRATIONS: tuple[ModuleType, ...] = (
    m001_tables, m002_locks, m003_capture, m004_search, m005_follow_up,
    m006_search_index, m007_corrections, m008_frozen_minutes, m009_published_record,
    m010_import_sources, m011_import_record, m012_printed_headings,
)
SCHEMA_VERSION = len(MIGRATIONS)


def statements(script: str) -> Iterator[str]:
    """Split a script into complete statements (trigger bodies stay whole)."""
    buffer = ""
    for line in script.splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            yield buffer.strip()
            buffer = ""
    if buffer.strip():
        raise ValueError(f"incomplete SQL statement: {buffer.strip()[:60]}")


def schema_version(connection: sqlite3.Connection) -> int:
    """The schema version the file is at."""
    return connection.execute("PRAGMA user_version").fetchone()[0]


def migrate(connection: sqlite3.Connection, target: int = SCHEMA_VERSION) -> int:
    """Bring the schema up to ``target``, one transaction per migration.

    The version is read again inside each transaction, so two processes opening
    the same new file never apply a migration twice. Returns the final version.
    The functions clerk's triggers call are registered on ``connection`` first.
    """
    sealing.register(connection)
    for version in range(schema_version(connection) + 1, target + 1):
        migration = MIGRATIONS[version - 1]
        if getattr(migration, "FOREIGN_KEYS_OFF", False):
            _without_foreign_keys(connection, partial(_apply, connection, version, migration))
        else:
            _apply(connection, version, migration)
    return schema_version(connection)


def _apply(connection: sqlite3.Connection, version: int, migration: ModuleType) -> None:
    """One migration in its own transaction, unless another process applied it first.
    A migration made with foreign keys off may not leave the record pointing at more
    that is not there than it did."""
    connection.execute("BEGIN IMMEDIATE")
    try:
        if schema_version(connection) < version:
            dangling = _dangling(connection)
            if hasattr(migration, "apply"):
                migration.apply(connection)
            else:
                for statement in statements(migration.SQL):
                    connection.execute(statement)
            if _dangling(connection) > dangling:
                raise sqlite3.IntegrityError(f"FOREIGN KEY constraint failed in migration {version}")
            connection.execute(f"PRAGMA user_version = {version}")
        connection.execute("COMMIT")
    except BaseException:
        connection.execute("ROLLBACK")
        raise


def _dangling(connection: sqlite3.Connection) -> int:
    """How many references point at nothing, when foreign keys are not enforced."""
    if connection.execute("PRAGMA foreign_keys").fetchone()[0]:
        return 0
    return len(connection.execute("PRAGMA foreign_key_check").fetchall())


def _without_foreign_keys(connection: sqlite3.Connection, step: Callable[[], None]) -> None:
    """Run ``step`` with foreign keys off (a pragma that only takes effect between
    transactions), and put them back as they were."""
    was_on = connection.execute("PRAGMA foreign_keys").fetchone()[0]
    connection.execute("PRAGMA foreign_keys = OFF")
    try:
        step()
    finally:
        connection.execute(f"PRAGMA foreign_keys = {'ON' if was_on else 'OFF'}")


@cache
def expected_triggers() -> dict[str, str]:
    """Every trigger clerk's migrations leave, by name, with its SQL as SQLite keeps it
    (``sqlite_master.sql``): the one list ``clerk check`` compares a file with."""
    connection = sqlite3.connect(":memory:", isolation_level=None)
    try:
        migrate(connection)
        return dict(connection.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name"))
    finally:
        connection.close()
