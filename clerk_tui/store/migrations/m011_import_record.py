"""Migration 11: the record of imported minutes only grows, and only clerk adds to it.

Whether a meeting has a row in ``imports`` decides whether its minutes print word for
word (as published) or in house style, and whether a file was imported before; the
record is part of the minutes, so it is guarded as they are:

- a row is added only by clerk (the trigger calls ``clerk_sha256``, which only clerk
  registers, so a plain ``sqlite3`` session is refused), never with ``replaced_at``
  set, never in place of another (REPLACE deletes without firing delete triggers), and
  only for a meeting that is a draft (minutes being imported) or imported already
  (further pages, the same minutes saved again, a replacement): approved minutes typed
  in clerk never become "imported";
- a row is never deleted;
- the one change is ``clerk import --replace`` marking a row replaced: ``replaced_at``
  set once, from nothing, while the minutes are reopened (so the replacement is in the
  audit log), every other column and the rowid as they were.

Rows are kept as they are: only triggers are added. The SQL is generated from the list
below, which is part of this migration.
"""

IMPORT_COLUMNS = ("sha256", "text_sha256", "part", "minutes_sha256", "path", "meeting_id",
                  "imported_at")
"""The columns of a row of ``imports`` that never change once it is there."""

MESSAGE = "clerk-status: the record of imported minutes cannot be changed"

_STATUS = "(SELECT status FROM meetings WHERE id = {meeting})"


def _refuse(name: str, event: str, when: str | None) -> str:
    condition = f"\nWHEN {when}" if when else ""
    return (f"CREATE TRIGGER {name} BEFORE {event} ON imports{condition}\n"
            f"BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END;\n")


def _same(columns: tuple[str, ...]) -> str:
    return " AND ".join(f"NEW.{c} IS OLD.{c}" for c in columns)


ONLY_CLERK = _refuse(
    "imports_only_clerk", "INSERT",
    # (clerk_sha256 is there so that a session without clerk's functions is refused)
    "clerk_sha256(NEW.path) IS NULL"
    " OR EXISTS (SELECT 1 FROM imports WHERE rowid = NEW.rowid)"
    " OR NEW.replaced_at IS NOT NULL"
    " OR NOT EXISTS (SELECT 1 FROM meetings WHERE id = NEW.meeting_id)"
    f" OR NOT ({_STATUS.format(meeting='NEW.meeting_id')} = 'draft'"
    " OR EXISTS (SELECT 1 FROM imports WHERE meeting_id = NEW.meeting_id))")

ONLY_REPLACED = _refuse(
    "imports_only_replaced", "UPDATE",
    "clerk_sha256(NEW.path) IS NULL"
    " OR NOT (OLD.replaced_at IS NULL AND NEW.replaced_at IS NOT NULL"
    f" AND {_STATUS.format(meeting='OLD.meeting_id')} = 'reopened'"
    f" AND NEW.rowid IS OLD.rowid AND {_same(IMPORT_COLUMNS)})")

NO_DELETE = _refuse("imports_no_delete", "DELETE", None)

SQL = f"{ONLY_CLERK}\n{ONLY_REPLACED}\n{NO_DELETE}"
