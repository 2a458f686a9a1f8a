"""Migration 12: an imported agenda item keeps its heading as the minutes print it.

``heading`` holds the words of the heading ("Item 5 - Moorings", "C 08/042 MOORINGS"),
which an export of imported minutes prints in place of clerk's "5. Moorings". It is
part of the minutes: the lock on approved minutes already refuses any change to an
agenda item, and the audit triggers are made again to log the new column with the rest.
A column added with ``ALTER TABLE`` leaves every row (and its rowid) as it was.
"""

from __future__ import annotations

import sqlite3

from clerk_tui.store.migrations.m002_locks import audit_trigger
from clerk_tui.store.migrations.m009_published_record import AUDITED

ADDED_CONTENT = {"agenda_items": (("heading", None),)}
"""The column this migration adds to the minutes, with the value every row had before."""

ITEM_COLUMNS = AUDITED["agenda_items"] + tuple(c for c, _ in ADDED_CONTENT["agenda_items"])


def apply(connection: sqlite3.Connection) -> None:
    """Add the column (unless the file has it) and log it, inside the transaction the
    migration runs in."""
    columns = {row[1] for row in connection.execute("PRAGMA table_info(agenda_items)")}
    if "heading" not in columns:  # (a test's stand-in for an older clerk may have it)
        connection.execute("ALTER TABLE agenda_items ADD COLUMN heading TEXT")
    for change in ("insert", "update", "delete"):
        connection.execute(f'DROP TRIGGER IF EXISTS "agenda_items_audit_{change}"')
        connection.execute(audit_trigger("agenda_items", change, ITEM_COLUMNS))
