"""Hashes that make the record tamper-evident: the audit chain, frozen minutes, and
the fingerprint of what approved minutes hold.

SQLite has no SHA-256 of its own, so clerk registers two functions on its writer
connection, ``clerk_seal`` (the audit chain) and ``clerk_sha256`` (frozen minutes),
which migration 8's triggers call. A session without them (a stray ``sqlite3``)
cannot prepare any statement that would add to the audit log or freeze minutes: it
is refused, rather than leaving a row the chain does not cover. ``clerk check``
recomputes everything here in Python, so a session that defines look-alike functions
is caught too (and the fingerprint on the signed paper copy proves the rest).
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from typing import Any

# The column lists are the migrations' own, so what check recomputes cannot drift from
# what the triggers seal and lock.
from clerk_tui.store.migrations.m002_locks import ACTION_TRACKING, CHILD_COLUMNS, MEETING_CONTENT
from clerk_tui.store.migrations.m008_frozen_minutes import AUDIT_COLUMNS
from clerk_tui.store.migrations.m009_published_record import LATER_CONTENT
from clerk_tui.store.migrations.m011_import_record import IMPORT_COLUMNS
from clerk_tui.store.migrations.m012_printed_headings import ADDED_CONTENT

GENESIS = ""
"""What the first audit row's ``prev`` is: nothing came before it."""


def canonical(value: Any) -> str:
    """``value`` as canonical JSON: sorted keys, no spaces, text as itself."""
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def sha256_text(text: str | None) -> str | None:
    """The SHA-256 (hex) of ``text`` in UTF-8."""
    if text is None:
        return None
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def seal(prev: str | None, *columns: Any) -> str:
    """The chain hash of one audit row: its columns (in :data:`AUDIT_COLUMNS` order)
    and the hash of the row before it."""
    return sha256_text(canonical([prev or GENESIS, list(columns)]))


def register(connection: sqlite3.Connection) -> None:
    """Give ``connection`` the functions clerk's triggers call."""
    connection.create_function("clerk_seal", 1 + len(AUDIT_COLUMNS), seal, deterministic=True)
    connection.create_function("clerk_sha256", 1, sha256_text, deterministic=True)


# What approved minutes hold, table by table: every column the lock protects. An
# action's follow-up (status, date done, progress; a new owner and a revised date came
# later, in migration 5, and are not among the locked columns) may change after
# approval, so it is left out.
CONTENT_COLUMNS = {
    # (the approval's own date and meeting are in the frozen minutes, set as they freeze)
    "meetings": MEETING_CONTENT,
    **CHILD_COLUMNS,
    "entries": tuple(c for c in CHILD_COLUMNS["entries"] if c not in ACTION_TRACKING),
}
_WHERE = {
    "meetings": "id = :meeting",
    "entries": "item_id IN (SELECT id FROM agenda_items WHERE meeting_id = :meeting)",
}
# Columns added later (migrations 9 and 12) join a row's fingerprint only when one of
# them holds something other than what every row had before they came, so minutes
# frozen before them keep their fingerprint, and a value set in one of them is covered
# all the same.
LATER_COLUMNS = {table: LATER_CONTENT.get(table, ()) + ADDED_CONTENT.get(table, ())
                 for table in {**LATER_CONTENT, **ADDED_CONTENT}}
CONTENT_NAMES = {"meetings": "the meeting's details", "agenda_items": "its agenda items",
                 "attendance": "its attendance", "declarations": "its declarations",
                 "entries": "its entries"}


def content_hashes(connection: sqlite3.Connection, meeting_id: str) -> dict[str, str]:
    """The SHA-256 of each table's rows of the meeting, as the lock protects them, and
    of its record of imports (:func:`import_record`)."""
    hashes = import_record(connection, meeting_id)
    for table, columns in CONTENT_COLUMNS.items():
        later = LATER_COLUMNS.get(table, ())
        where = _WHERE.get(table, "meeting_id = :meeting")
        selected = ", ".join(columns + tuple(column for column, _ in later))
        rows = connection.execute(f"SELECT {selected} FROM {table} WHERE {where} ORDER BY id",
                                  {"meeting": meeting_id}).fetchall()
        hashes[table] = sha256_text(canonical([_content(row, len(columns), later)
                                               for row in rows]))
    return hashes


def _content(row: tuple, width: int, later: tuple[tuple[str, Any], ...]) -> list[Any]:
    """A row's values as fingerprinted: the later columns only when one is set."""
    unset = all(type(value) is type(default) and value == default
                for value, (_, default) in zip(row[width:], later))
    if unset:
        return list(row[:width])
    return list(row)



IMPORTS = "imports"
"""The key of a meeting's record of imports among the hashes kept as it is frozen."""
IMPORTS_SEEN = "imports_seen"
"""The key of how far the record of imports reached (its last rowid) when frozen."""


def import_record(connection: sqlite3.Connection, meeting_id: str,
                  seen: int | None = None) -> dict[str, str]:
    """The fingerprint of the meeting's record of imports, which decides whether its
    minutes print as published: whether it was imported at all, and its rows there by
    the rowid ``seen`` (every row when None; rows added later, another copy of the same
    minutes, are not the minutes as approved), with ``replaced_at``, which changes only
    while the minutes are reopened. Frozen copies made before migration 11 have none."""
    if seen is None:
        seen = connection.execute("SELECT coalesce(max(rowid), 0) FROM imports").fetchone()[0]
    imported = connection.execute("SELECT EXISTS (SELECT 1 FROM imports WHERE meeting_id = ?)",
                                  (meeting_id,)).fetchone()[0]
    rows = connection.execute(
        f"SELECT rowid, {', '.join(IMPORT_COLUMNS)}, replaced_at FROM imports "
        "WHERE meeting_id = ? AND rowid <= ? ORDER BY rowid", (meeting_id, seen)).fetchall()
    return {IMPORTS: sha256_text(canonical([bool(imported), [list(row) for row in rows]])),
            IMPORTS_SEEN: str(seen)}
