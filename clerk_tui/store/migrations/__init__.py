"""Numbered migrations, applied in order; ``PRAGMA user_version`` records the last.

Each migration is a module ``mNNN_name.py`` with an ``SQL`` script. A migration is
never edited once released: a later change to the schema is a new migration.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from functools import cache

from clerk_tui.store.migrations import (
    m001_tables,
    m002_locks,
    m003_capture,
    m004_search,
    m005_follow_up,
    m006_search_index,
    m007_corrections,
    m008_frozen_minutes,
)
from clerk_tui.store import sealing

MIGRATIONS: tuple[str, ...] = (
    m001_tables.SQL, m002_locks.SQL, m003_capture.SQL, m004_search.SQL, m005_follow_up.SQL,
    m006_search_index.SQL, m007_corrections.SQL, m008_frozen_minutes.SQL,
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
        connection.execute("BEGIN IMMEDIATE")
        try:
            if schema_version(connection) < version:
                for statement in statements(MIGRATIONS[version - 1]):
                    connection.execute(statement)
                connection.execute(f"PRAGMA user_version = {version}")
            connection.execute("COMMIT")
        except BaseException:
            connection.execute("ROLLBACK")
            raise
    return schema_version(connection)


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
