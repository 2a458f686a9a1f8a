"""Migration 8: approved minutes are frozen, exports vouch only through them, and the
audit log is a hash chain; the gaps in migration 2's lock are closed.

- ``frozen_minutes`` keeps, for each approval, the composed minutes as they were
  approved (canonical JSON, every version and every item) with its SHA-256 and the
  hashes of the rows it was composed from, and where the audit chain stood (its
  length and last hash), so a log cut short below that point is found. It is
  append-only; a row can only be added for minutes about to be approved (or approved
  before this migration, once), and minutes can only be approved once frozen.
  Reopening supersedes it (the audit log's "reopened" row names it); approving again
  freezes anew.
- ``audit_chain`` gives every audit row the hash of the row before it
  (``clerk_seal``, registered by clerk, see :mod:`clerk_tui.store.sealing`).
- A record keeps its id and rowid, and no row of the minutes is ever replaced (REPLACE
  deletes without firing delete triggers, so the guards are on insert and update).
- ``exports`` takes rows only as clerk writes them (approved minutes, naming the
  frozen minutes they came from, and the template's SHA-256 when one was used) and
  changes only as reopening marks them superseded.
- ``approved_before_freezing`` lists the minutes approved before this migration, which
  which clerk freezes as they stand the first time it opens the file for writing.

The SQL is generated from the lists below, which are part of this migration.
"""

from clerk_tui.store.migrations.m002_locks import NEW_UUID, NOW

MINUTES_TABLES = ("meetings", "agenda_items", "attendance", "declarations", "entries")
AUDIT_COLUMNS = ("id", "meeting_id", "at", "event", "what", "row_id", "change", "reason",
                 "before", "after")
EXPORT_COLUMNS = ("sha256", "meeting_id", "item_id", "version", "path", "exported_at",
                  "frozen_sha256", "template_sha256")
_LAST_HASH = "coalesce((SELECT hash FROM audit_chain ORDER BY seq DESC LIMIT 1), '')"
_LAST_AUDIT = "coalesce((SELECT max(rowid) FROM audit_log), 0)"
_CHAIN_LENGTH = "coalesce((SELECT max(seq) FROM audit_chain), 0)"


def _refuse(name: str, event: str, table: str, when: str | None, message: str) -> str:
    condition = f"\nWHEN {when}" if when else ""
    return (f"CREATE TRIGGER {name} BEFORE {event} ON {table}{condition}\n"
            f"BEGIN SELECT RAISE(ABORT, '{message}'); END;\n")


def _status(meeting: str) -> str:
    return f"(SELECT status FROM meetings WHERE id = {meeting})"


def _latest_frozen(meeting: str, column: str = "sha256") -> str:
    return (f"(SELECT {column} FROM frozen_minutes WHERE meeting_id = {meeting} "
            "ORDER BY seq DESC LIMIT 1)")


def _same(columns: tuple[str, ...]) -> str:
    return " AND ".join(f"NEW.{c} IS OLD.{c}" for c in columns)


def _record_guards(table: str) -> str:
    """Ids and rowids never change, and no row is ever replaced by another."""
    return "\n".join([
        _refuse(f"{table}_keeps_id", "UPDATE", table,
                "NEW.id IS NOT OLD.id OR NEW.rowid IS NOT OLD.rowid",
                "clerk-status: a record of the minutes keeps its id"),
        _refuse(f"{table}_never_replaced", "INSERT", table,
                f"EXISTS (SELECT 1 FROM {table} WHERE id = NEW.id OR rowid = NEW.rowid)",
                "clerk-status: a record of the minutes is never replaced"),
    ])


TABLES = f"""
ALTER TABLE exports ADD COLUMN frozen_sha256 TEXT;
ALTER TABLE exports ADD COLUMN template_sha256 TEXT;

CREATE TABLE frozen_minutes (
    seq INTEGER PRIMARY KEY,
    meeting_id TEXT NOT NULL REFERENCES meetings(id),
    frozen_at TEXT NOT NULL,
    after_audit INTEGER NOT NULL,
    chain_length INTEGER NOT NULL,
    chain_hash TEXT NOT NULL,
    document TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    content TEXT NOT NULL
);
CREATE INDEX frozen_minutes_by_meeting ON frozen_minutes(meeting_id, seq);
CREATE INDEX frozen_minutes_by_sha256 ON frozen_minutes(sha256);

CREATE TABLE audit_chain (
    seq INTEGER PRIMARY KEY,
    audit_id TEXT NOT NULL,
    prev TEXT NOT NULL,
    hash TEXT NOT NULL
);
CREATE INDEX audit_chain_by_audit ON audit_chain(audit_id);

CREATE TABLE approved_before_freezing (meeting_id TEXT PRIMARY KEY);
INSERT INTO approved_before_freezing SELECT id FROM meetings WHERE status <> 'draft';

WITH RECURSIVE ordered AS (
    SELECT row_number() OVER (ORDER BY rowid) AS n, {', '.join(AUDIT_COLUMNS)} FROM audit_log
), chain (n, audit_id, hash) AS (
    SELECT 0, NULL, ''
    UNION ALL
    SELECT o.n, o.id, clerk_seal(c.hash, {', '.join('o.' + c for c in AUDIT_COLUMNS)})
    FROM chain AS c JOIN ordered AS o ON o.n = c.n + 1
)
INSERT INTO audit_chain (seq, audit_id, prev, hash)
SELECT c.n, c.audit_id, p.hash, c.hash FROM chain AS c JOIN chain AS p ON p.n = c.n - 1
WHERE c.n > 0;
"""

CHAIN = f"""
CREATE TRIGGER audit_log_chained AFTER INSERT ON audit_log
BEGIN
  INSERT INTO audit_chain (audit_id, prev, hash)
  VALUES (NEW.id, {_LAST_HASH},
          clerk_seal({_LAST_HASH}, {', '.join('NEW.' + c for c in AUDIT_COLUMNS)}));
END;

CREATE TRIGGER audit_log_keeps_rowid BEFORE INSERT ON audit_log
WHEN EXISTS (SELECT 1 FROM audit_log WHERE rowid = NEW.rowid)
BEGIN SELECT RAISE(ABORT, 'clerk-audit'); END;

CREATE TRIGGER audit_chain_only_clerk BEFORE INSERT ON audit_chain
WHEN EXISTS (SELECT 1 FROM audit_chain WHERE seq = NEW.seq OR audit_id = NEW.audit_id)
  OR NOT EXISTS (SELECT 1 FROM audit_log WHERE id = NEW.audit_id)
  OR NEW.prev IS NOT {_LAST_HASH}
BEGIN SELECT RAISE(ABORT, 'clerk-audit'); END;
"""


def _unchangeable(table: str, events: tuple[str, ...], message: str) -> str:
    """``table``'s rows, once there, are never changed (nor, with INSERT, added to)."""
    return "\n".join(_refuse(f"{table}_no_{event.lower()}", event, table, None, message)
                     for event in events)


APPEND_ONLY = "\n".join([
    _unchangeable("audit_chain", ("UPDATE", "DELETE"), "clerk-audit"),
    _unchangeable("approved_before_freezing", ("INSERT", "UPDATE", "DELETE"), "clerk-audit"),
])

FROZEN = "\n".join([
    _unchangeable("frozen_minutes", ("UPDATE", "DELETE"), "clerk-frozen"),
    # Only minutes about to be approved are frozen (in the same transaction), or minutes
    # approved before there were frozen copies, once; the hash must be the document's.
    _refuse("frozen_minutes_only_clerk", "INSERT", "frozen_minutes",
            "EXISTS (SELECT 1 FROM frozen_minutes WHERE seq = NEW.seq)"
            " OR NEW.sha256 IS NOT clerk_sha256(NEW.document)"
            " OR json_extract(NEW.document, '$.meeting_id') IS NOT NEW.meeting_id"
            f" OR NEW.after_audit IS NOT {_LAST_AUDIT}"
            f" OR NEW.chain_length IS NOT {_CHAIN_LENGTH} OR NEW.chain_hash IS NOT {_LAST_HASH}"
            f" OR NOT ({_status('NEW.meeting_id')} IN ('draft', 'reopened')"
            f" OR ({_status('NEW.meeting_id')} = 'approved' AND NOT EXISTS"
            " (SELECT 1 FROM frozen_minutes WHERE meeting_id = NEW.meeting_id)"
            " AND NEW.meeting_id IN (SELECT meeting_id FROM approved_before_freezing)))",
            "clerk-frozen"),
    # Approval needs minutes frozen since the last time they were approved or reopened.
    _refuse("meetings_approved_frozen", "UPDATE", "meetings",
            "NEW.status = 'approved' AND OLD.status <> 'approved' AND "
            f"coalesce({_latest_frozen('NEW.id', 'after_audit')}, -1) < coalesce((SELECT max(rowid) "
            "FROM audit_log WHERE meeting_id = NEW.id AND event IN ('approved', 'reopened')), 0)",
            "clerk-status: approved minutes are frozen as they are approved"),
])

EXPORTS = "\n".join([
    # (clerk_sha256 is there so that a session without clerk's functions is refused)
    _refuse("exports_only_clerk", "INSERT", "exports",
            "clerk_sha256(NEW.path) IS NULL"
            " OR EXISTS (SELECT 1 FROM exports WHERE sha256 = NEW.sha256 OR rowid = NEW.rowid)"
            " OR NEW.superseded_at IS NOT NULL OR NEW.superseded_reason IS NOT NULL"
            f" OR {_status('NEW.meeting_id')} IS NOT 'approved'"
            f" OR NEW.frozen_sha256 IS NOT {_latest_frozen('NEW.meeting_id')}",
            "clerk-export"),
    _refuse("exports_only_superseded", "UPDATE", "exports",
            f"NOT (OLD.superseded_at IS NULL AND NEW.superseded_at IS NOT NULL"
            f" AND {_status('OLD.meeting_id')} = 'reopened'"
            f" AND NEW.rowid IS OLD.rowid AND {_same(EXPORT_COLUMNS)})",
            "clerk-export"),
    _refuse("exports_no_delete", "DELETE", "exports", None, "clerk-export"),
])

AUDIT_EVENTS = f"""
DROP TRIGGER meetings_audit_approved;
DROP TRIGGER meetings_audit_reopened;

CREATE TRIGGER meetings_audit_approved AFTER UPDATE ON meetings
WHEN NEW.status = 'approved' AND OLD.status <> 'approved'
BEGIN
  INSERT INTO audit_log (id, meeting_id, at, event, what, row_id, after)
  VALUES ({NEW_UUID}, NEW.id, {NOW}, 'approved', 'meetings', NEW.id,
          json_object('approved_on', NEW.approved_on,
                      'approved_at_meeting_id', NEW.approved_at_meeting_id,
                      'frozen_sha256', {_latest_frozen('NEW.id')}));
END;

CREATE TRIGGER meetings_audit_reopened AFTER UPDATE ON meetings
WHEN OLD.status = 'approved' AND NEW.status = 'reopened'
BEGIN
  INSERT INTO audit_log (id, meeting_id, at, event, what, row_id, reason, after)
  VALUES ({NEW_UUID}, NEW.id, {NOW}, 'reopened', 'meetings', NEW.id, NEW.reopen_reason,
          json_object('superseded_frozen_sha256', {_latest_frozen('NEW.id')}));
END;
"""

SQL = "\n".join([TABLES, CHAIN, APPEND_ONLY, FROZEN, EXPORTS, AUDIT_EVENTS,
                 *(_record_guards(table) for table in MINUTES_TABLES)])
