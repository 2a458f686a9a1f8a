"""Migration 2: approved minutes are locked in the database, and audited when reopened.

Triggers, not the UI, enforce the lock, so no code path (or a stray ``sqlite3``
session) can change approved minutes. Reopening needs a reason; the reason and every
change made while reopened go into ``audit_log``, which itself cannot be changed.

The SQL is generated from the column lists below, which are part of this migration
and never change with later ones.
"""

MEETING_COLUMNS = (
    "id", "committee_id", "date", "start_time", "venue", "started_at", "ended_at",
    "status", "approved_on", "approved_at_meeting_id", "reopen_reason", "current_item_id",
)
# What a meeting's minutes say, as against its lifecycle.
MEETING_CONTENT = tuple(
    c for c in MEETING_COLUMNS
    if c not in ("status", "approved_on", "approved_at_meeting_id", "reopen_reason")
)
CHILD_COLUMNS = {
    "agenda_items": (
        "id", "meeting_id", "position", "minute_number", "title", "report_reference",
        "exempt", "exempt_paragraph", "supporting_documents", "taken_at",
    ),
    "attendance": (
        "id", "meeting_id", "position", "person", "role", "status", "substitute_for",
        "office", "arrived_at", "left_at",
    ),
    "declarations": (
        "id", "meeting_id", "item_id", "position", "member", "kind", "text", "withdrew",
    ),
    "entries": (
        "id", "item_id", "position", "kind", "text", "captured_at", "asker", "responder",
        "answers_id", "owner", "due", "status", "done_on", "progress", "label", "number",
        "unanimous", "votes_for", "votes_against", "votes_abstain", "named_votes", "outcome",
    ),
}
# Following an action up (its status, the date done, a progress note) is not a change
# to the minutes, so it stays possible after approval (for actions only).
ACTION_TRACKING = ("status", "done_on", "progress")

NEW_UUID = (
    "lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || "
    "substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + abs(random()) % 4, 1) || "
    "substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))"
)
NOW = "strftime('%Y-%m-%dT%H:%M:%S', 'now', 'localtime')"


def _meeting_of(table: str, row: str) -> str:
    if table == "entries":
        return f"(SELECT meeting_id FROM agenda_items WHERE id = {row}.item_id)"
    return f"{row}.meeting_id"


def _status_of(table: str, row: str) -> str:
    return f"(SELECT status FROM meetings WHERE id = {_meeting_of(table, row)})"


def _changed(columns: tuple[str, ...]) -> str:
    return " OR ".join(f"NEW.{c} IS NOT OLD.{c}" for c in columns)


def _json(columns: tuple[str, ...], row: str) -> str:
    return "json_object(" + ", ".join(f"'{c}', {row}.{c}" for c in columns) + ")"


def _refuse(when: str, name: str, event: str, table: str, message: str) -> str:
    return (
        f"CREATE TRIGGER {name} BEFORE {event} ON {table}\nWHEN {when}\n"
        f"BEGIN SELECT RAISE(ABORT, '{message}'); END;\n"
    )


def audit_trigger(table: str, change: str, columns: tuple[str, ...]) -> str:
    row = "OLD" if change == "delete" else "NEW"
    before = _json(columns, "OLD") if change != "insert" else "NULL"
    after = _json(columns, "NEW") if change != "delete" else "NULL"
    when = f"{_status_of(table, row)} = 'reopened'"
    meeting = _meeting_of(table, row)
    if change == "update":  # a row moved out of reopened minutes is logged there
        when = f"{when} OR {_status_of(table, 'OLD')} = 'reopened'"
        meeting = (f"CASE WHEN {_status_of(table, 'OLD')} = 'reopened' "
                   f"THEN {_meeting_of(table, 'OLD')} ELSE {_meeting_of(table, 'NEW')} END")
    return (
        f"CREATE TRIGGER {table}_audit_{change} AFTER {change.upper()} ON {table}\n"
        f"WHEN {when}\nBEGIN\n"
        "  INSERT INTO audit_log (id, meeting_id, at, event, what, row_id, change, before, after)\n"
        f"  VALUES ({NEW_UUID}, {meeting}, {NOW}, 'changed', '{table}',"
        f" {row}.id, '{change}', {before}, {after});\nEND;\n"
    )


def _replacing_locked(table: str) -> str:
    """INSERT OR REPLACE deletes the old row without firing delete triggers: refuse it
    for rows of minutes that have been approved."""
    old = f"{_status_of(table, 'old_row')}"
    return (f"EXISTS (SELECT 1 FROM {table} AS old_row WHERE old_row.id = NEW.id "
            f"AND {old} IN ('approved', 'reopened'))")


def _child_triggers(table: str, columns: tuple[str, ...]) -> str:
    locked_new = f"{_status_of(table, 'NEW')} = 'approved'"
    locked_old = f"{_status_of(table, 'OLD')} = 'approved'"
    update_when = f"({locked_old} OR {locked_new})"
    if table == "entries":
        content = tuple(c for c in columns if c not in ACTION_TRACKING)
        update_when = f"{update_when} AND (OLD.kind <> 'action' OR {_changed(content)})"
    parts = [
        _refuse(f"{locked_new} OR {_replacing_locked(table)}", f"{table}_locked_insert",
                "INSERT", table, "clerk-locked"),
        _refuse(update_when, f"{table}_locked_update", "UPDATE", table, "clerk-locked"),
        _refuse(locked_old, f"{table}_locked_delete", "DELETE", table, "clerk-locked"),
    ]
    parts += [audit_trigger(table, change, columns) for change in ("insert", "update", "delete")]
    return "\n".join(parts)


def item_entries_audit(columns: tuple[str, ...] = CHILD_COLUMNS["entries"]) -> str:
    """Entries deleted with their agenda item (a cascade) are logged before they go."""
    return f"""CREATE TRIGGER agenda_items_audit_entries BEFORE DELETE ON agenda_items
WHEN (SELECT status FROM meetings WHERE id = OLD.meeting_id) = 'reopened'
BEGIN
  INSERT INTO audit_log (id, meeting_id, at, event, what, row_id, change, before)
  SELECT {NEW_UUID}, OLD.meeting_id, {NOW}, 'changed', 'entries', e.id, 'delete',
         {_json(columns, 'e')}
  FROM entries AS e WHERE e.item_id = OLD.id;
END;
"""


def _meeting_triggers() -> str:
    unchanged = tuple(c for c in MEETING_COLUMNS if c not in ("status", "reopen_reason"))
    return "\n".join([
        _refuse("NEW.status <> 'draft'", "meetings_start_as_draft", "INSERT", "meetings",
                "clerk-status: a meeting starts as a draft"),
        _refuse("EXISTS (SELECT 1 FROM meetings WHERE id = NEW.id AND status <> 'draft')",
                "meetings_locked_replace", "INSERT", "meetings", "clerk-locked"),
        _refuse("OLD.status <> 'draft'", "meetings_locked_delete", "DELETE", "meetings",
                "clerk-locked"),
        _refuse(f"OLD.status = 'approved' AND (NEW.status <> 'reopened' OR {_changed(unchanged)})",
                "meetings_locked_update", "UPDATE", "meetings", "clerk-locked"),
        _refuse("OLD.status = 'approved' AND NEW.status = 'reopened' "
                "AND trim(coalesce(NEW.reopen_reason, '')) = ''",
                "meetings_reopen_needs_reason", "UPDATE", "meetings", "clerk-reason"),
        _refuse("OLD.status = 'draft' AND NEW.status = 'reopened'", "meetings_reopen_approved_only",
                "UPDATE", "meetings", "clerk-status: only approved minutes can be reopened"),
        _refuse("OLD.status <> 'draft' AND NEW.status = 'draft'", "meetings_no_return_to_draft",
                "UPDATE", "meetings", "clerk-status: approved minutes never return to draft"),
        _refuse("NEW.status = 'approved' AND NEW.approved_on IS NULL",
                "meetings_approval_has_date", "UPDATE", "meetings",
                "clerk-status: approval needs the date it was given"),
        f"""CREATE TRIGGER meetings_audit_approved AFTER UPDATE ON meetings
WHEN NEW.status = 'approved' AND OLD.status <> 'approved'
BEGIN
  INSERT INTO audit_log (id, meeting_id, at, event, what, row_id, after)
  VALUES ({NEW_UUID}, NEW.id, {NOW}, 'approved', 'meetings', NEW.id,
          json_object('approved_on', NEW.approved_on,
                      'approved_at_meeting_id', NEW.approved_at_meeting_id));
END;
""",
        f"""CREATE TRIGGER meetings_audit_reopened AFTER UPDATE ON meetings
WHEN OLD.status = 'approved' AND NEW.status = 'reopened'
BEGIN
  INSERT INTO audit_log (id, meeting_id, at, event, what, row_id, reason)
  VALUES ({NEW_UUID}, NEW.id, {NOW}, 'reopened', 'meetings', NEW.id, NEW.reopen_reason);
END;
""",
        f"""CREATE TRIGGER meetings_audit_changed AFTER UPDATE ON meetings
WHEN OLD.status = 'reopened' AND ({_changed(MEETING_CONTENT)})
BEGIN
  INSERT INTO audit_log (id, meeting_id, at, event, what, row_id, change, before, after)
  VALUES ({NEW_UUID}, NEW.id, {NOW}, 'changed', 'meetings', NEW.id, 'update',
          {_json(MEETING_COLUMNS, 'OLD')}, {_json(MEETING_COLUMNS, 'NEW')});
END;
""",
    ])


AUDIT_LOG = """
CREATE TABLE audit_log (
    id TEXT PRIMARY KEY,
    meeting_id TEXT NOT NULL REFERENCES meetings(id),
    at TEXT NOT NULL,
    event TEXT NOT NULL CHECK (event IN ('approved', 'reopened', 'changed')),
    what TEXT,
    row_id TEXT,
    change TEXT CHECK (change IN ('insert', 'update', 'delete')),
    reason TEXT,
    before TEXT,
    after TEXT
);
CREATE INDEX audit_log_by_meeting ON audit_log(meeting_id, at);

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'clerk-audit'); END;

CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'clerk-audit'); END;

CREATE TRIGGER audit_log_no_replace BEFORE INSERT ON audit_log
WHEN EXISTS (SELECT 1 FROM audit_log WHERE id = NEW.id)
BEGIN SELECT RAISE(ABORT, 'clerk-audit'); END;
"""

SQL = "\n".join(
    [AUDIT_LOG, _meeting_triggers(), item_entries_audit()]
    + [_child_triggers(table, columns) for table, columns in CHILD_COLUMNS.items()]
)
