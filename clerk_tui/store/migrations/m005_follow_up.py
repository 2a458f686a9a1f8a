"""Migration 5: following actions up after the meeting, and approved exports.

An action's owner and due date are part of its minutes; when they change later the
new ones are kept beside them (``reassigned_to``, ``due_revised``), so approved minutes
never change while the action log stays current. Migration 2's lock lets these, like
an action's status, change after approval.

``exports`` records the SHA-256 of each file written from approved minutes, so that
``clerk verify`` can tell an untouched export from an altered one.
"""

SQL = """
ALTER TABLE entries ADD COLUMN reassigned_to TEXT;
ALTER TABLE entries ADD COLUMN due_revised TEXT;
CREATE INDEX entries_by_kind_due ON entries(kind, status, due);

CREATE TABLE exports (
    sha256 TEXT PRIMARY KEY,
    meeting_id TEXT NOT NULL REFERENCES meetings(id),
    item_id TEXT,
    version TEXT NOT NULL CHECK (version IN ('public', 'confidential')),
    path TEXT NOT NULL,
    exported_at TEXT NOT NULL
);
CREATE INDEX exports_by_meeting ON exports(meeting_id);
"""
