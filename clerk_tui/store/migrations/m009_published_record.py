"""Migration 9: minutes imported as published, word for word.

- A meeting's date may be unknown (imported minutes that do not say when).
- An agenda item keeps the grounds for its exemption as stated (``exempt_basis``),
  when they are not a Schedule 12A paragraph number.
- Every entry may be ``joined`` to the paragraph of the one before (imported minutes
  split one sentence into a question and its answer); a resolution keeps its
  ``mover`` and ``seconder``, and its label may be APPROVED, DECIDED or none.
- Attendance may be "in attendance"; a declaration's kind may be none of clerk's,
  with the minutes' own word for it in ``stated_kind``.

SQLite cannot loosen a NOT NULL or CHECK constraint in place, so meetings, entries,
attendance and declarations are made again (SQLite's own twelve-step procedure, with
foreign keys off: :data:`FOREIGN_KEYS_OFF`), every row kept with its rowid, so the
search indexes and the record's ids stand. Every trigger and view is put back as the
file had it (a trigger changed outside clerk stays changed, for ``clerk check`` to
find), except the lock and audit triggers that list columns, which are made again
with the new columns: the lock covers them as it covers an entry's text.

The SQL is generated from the lists below, which are part of this migration.
"""

from __future__ import annotations

import sqlite3

from clerk_tui.store.migrations import m007_corrections
from clerk_tui.store.migrations.m002_locks import (
    ACTION_TRACKING,
    CHILD_COLUMNS,
    audit_trigger,
    item_entries_audit,
)

FOREIGN_KEYS_OFF = True
"""Tables are dropped and made again: with foreign keys on, dropping meetings would
delete every agenda item (a cascade)."""

TABLES = {
    "meetings": """CREATE TABLE meetings (
    id TEXT PRIMARY KEY,
    committee_id TEXT NOT NULL REFERENCES committees(id),
    date TEXT,
    start_time TEXT,
    venue TEXT,
    started_at TEXT,
    ended_at TEXT,
    status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'approved', 'reopened')),
    approved_on TEXT,
    approved_at_meeting_id TEXT REFERENCES meetings(id),
    reopen_reason TEXT,
    current_item_id TEXT
)""",
    "entries": """CREATE TABLE entries (
    id TEXT PRIMARY KEY,
    item_id TEXT NOT NULL REFERENCES agenda_items(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    kind TEXT NOT NULL
        CHECK (kind IN ('note', 'question', 'response', 'action', 'resolution')),
    text TEXT NOT NULL DEFAULT '',
    captured_at TEXT NOT NULL,
    asker TEXT,
    responder TEXT,
    answers_id TEXT REFERENCES entries(id) ON DELETE SET NULL,
    owner TEXT,
    due TEXT,
    status TEXT CHECK (status IN ('open', 'done', 'cancelled')),
    done_on TEXT,
    progress TEXT,
    label TEXT CHECK (label IN ('RESOLVED', 'RECOMMENDED', 'AGREED', 'APPROVED', 'DECIDED')),
    number TEXT,
    unanimous INTEGER CHECK (unanimous IN (0, 1)),
    votes_for INTEGER CHECK (votes_for >= 0),
    votes_against INTEGER CHECK (votes_against >= 0),
    votes_abstain INTEGER CHECK (votes_abstain >= 0),
    named_votes TEXT,
    outcome TEXT,
    reassigned_to TEXT,
    due_revised TEXT,
    joined INTEGER NOT NULL DEFAULT 0 CHECK (joined IN (0, 1)),
    mover TEXT,
    seconder TEXT
)""",
    "attendance": """CREATE TABLE attendance (
    id TEXT PRIMARY KEY,
    meeting_id TEXT NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    person TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('member', 'officer', 'other')),
    status TEXT NOT NULL
        CHECK (status IN ('present', 'apologies', 'absent', 'substitute', 'in attendance')),
    substitute_for TEXT,
    office TEXT,
    arrived_at TEXT,
    left_at TEXT
)""",
    "declarations": """CREATE TABLE declarations (
    id TEXT PRIMARY KEY,
    meeting_id TEXT NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    item_id TEXT REFERENCES agenda_items(id) ON DELETE SET NULL,
    position INTEGER NOT NULL,
    member TEXT NOT NULL,
    kind TEXT,
    text TEXT NOT NULL DEFAULT '',
    withdrew INTEGER NOT NULL DEFAULT 0 CHECK (withdrew IN (0, 1)),
    stated_kind TEXT
)""",
}
ADDED = (
    ("ALTER TABLE agenda_items ADD COLUMN exempt_basis TEXT "
     "CHECK (exempt = 1 OR exempt_basis IS NULL)"),
)

LATER_CONTENT = {
    "agenda_items": (("exempt_basis", None),),
    "declarations": (("stated_kind", None),),
    "entries": (("joined", 0), ("mover", None), ("seconder", None)),
}
"""The columns of the minutes this migration adds, with the value every row had
before it: the content the lock protects and the seal fingerprints."""

ENTRY_COLUMNS = m007_corrections.ENTRY_COLUMNS + tuple(c for c, _ in LATER_CONTENT["entries"])
AUDITED = {
    "agenda_items": CHILD_COLUMNS["agenda_items"] + ("exempt_basis",),
    "declarations": CHILD_COLUMNS["declarations"] + ("stated_kind",),
    "entries": ENTRY_COLUMNS,
}
ENTRY_CONTENT = tuple(c for c in CHILD_COLUMNS["entries"] if c not in ACTION_TRACKING) + tuple(
    c for c, _ in LATER_CONTENT["entries"])
"""What of an entry is locked once approved (an action's follow-up columns are not)."""

_ENTRY_STATUS = "(SELECT status FROM meetings WHERE id = " \
                "(SELECT meeting_id FROM agenda_items WHERE id = {row}.item_id))"


def entries_locked_update() -> str:
    """Migration 2's lock on entries, with the content columns of this migration."""
    changed = " OR ".join(f"NEW.{c} IS NOT OLD.{c}" for c in ENTRY_CONTENT)
    locked = " OR ".join(f"{_ENTRY_STATUS.format(row=row)} = 'approved'" for row in ("OLD", "NEW"))
    return (f"CREATE TRIGGER entries_locked_update BEFORE UPDATE ON entries\n"
            f"WHEN ({locked}) AND (OLD.kind <> 'action' OR {changed})\n"
            "BEGIN SELECT RAISE(ABORT, 'clerk-locked'); END;\n")


def replaced_triggers() -> dict[str, str]:
    """The triggers this migration makes anew, by name."""
    made = {"entries_locked_update": entries_locked_update(),
            "agenda_items_audit_entries": item_entries_audit(ENTRY_COLUMNS)}
    for table, columns in AUDITED.items():
        for change in ("insert", "update", "delete"):
            made[f"{table}_audit_{change}"] = audit_trigger(table, change, columns)
    return made


def apply(connection: sqlite3.Connection) -> None:
    """Make the tables again with the new columns and constraints, inside the
    transaction :func:`~clerk_tui.store.migrations.migrate` opened."""
    schema = connection.execute(
        "SELECT type, name, tbl_name, sql FROM sqlite_master "
        "WHERE type IN ('trigger', 'view') AND sql IS NOT NULL ORDER BY rowid").fetchall()
    indexes = connection.execute(
        "SELECT sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
        f"AND tbl_name IN ({', '.join('?' for _ in TABLES)}) ORDER BY rowid",
        tuple(TABLES)).fetchall()
    # Triggers and views name the tables being made again: SQLite refuses to rename a
    # table while any of them names one that is not there.
    for kind, name, _, _ in reversed(schema):
        connection.execute(f'DROP {kind.upper()} "{name}"')
    for table, create in TABLES.items():
        _rebuild(connection, table, create)
    for statement in ADDED:
        connection.execute(statement)
    for (sql,) in indexes:
        connection.execute(sql)
    replaced = replaced_triggers()
    for _, name, _, sql in schema:
        connection.execute(replaced.get(name, sql))


def _rebuild(connection: sqlite3.Connection, table: str, create: str) -> None:
    """``table`` made again from ``create``, every row kept with its rowid."""
    columns = [row[1] for row in connection.execute(f"PRAGMA table_info({table})")]
    names = ", ".join(columns)
    connection.execute(create.replace(f"CREATE TABLE {table} (", f"CREATE TABLE {table}_m009 (", 1))
    connection.execute(f"INSERT INTO {table}_m009 (rowid, {names}) "
                       f"SELECT rowid, {names} FROM {table}")
    connection.execute(f"DROP TABLE {table}")
    connection.execute(f"ALTER TABLE {table}_m009 RENAME TO {table}")
