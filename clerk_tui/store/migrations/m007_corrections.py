"""Migration 7: reopening minutes marks their exports out of date, and the audit log
records an action's follow-up columns.

An export of approved minutes stays a true copy of what was approved then; once the
minutes are reopened it no longer is of what they say, so ``clerk verify`` must say
so. A trigger marks the exports when the minutes are reopened, whatever does it.

Migration 5 added ``reassigned_to`` and ``due_revised`` after migration 2 fixed the
audit triggers' column lists; the audit triggers of entries are made again with them.
"""

from clerk_tui.store.migrations.m002_locks import NOW, audit_trigger, item_entries_audit

ENTRY_COLUMNS = (
    "id", "item_id", "position", "kind", "text", "captured_at", "asker", "responder",
    "answers_id", "owner", "due", "status", "done_on", "progress", "label", "number",
    "unanimous", "votes_for", "votes_against", "votes_abstain", "named_votes", "outcome",
    "reassigned_to", "due_revised",
)
CHANGES = ("insert", "update", "delete")

SQL = "\n".join([
    """
ALTER TABLE exports ADD COLUMN superseded_at TEXT;
ALTER TABLE exports ADD COLUMN superseded_reason TEXT;
""",
    f"""CREATE TRIGGER meetings_reopened_exports AFTER UPDATE ON meetings
WHEN OLD.status = 'approved' AND NEW.status = 'reopened'
BEGIN
  UPDATE exports SET superseded_at = {NOW}, superseded_reason = NEW.reopen_reason
  WHERE meeting_id = NEW.id AND superseded_at IS NULL;
END;
""",
    *(f"DROP TRIGGER entries_audit_{change};" for change in CHANGES),
    *(audit_trigger("entries", change, ENTRY_COLUMNS) for change in CHANGES),
    "DROP TRIGGER agenda_items_audit_entries;",
    item_entries_audit(ENTRY_COLUMNS),
])
