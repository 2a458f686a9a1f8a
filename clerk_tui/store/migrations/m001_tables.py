"""Migration 1: the tables of clerk's record.

Ids are text UUIDs; times are ISO text (local time, as the clerk's laptop shows it).
Rows keep their order in an integer ``position`` within their parent.
"""

SQL = """
PRAGMA application_id = 1129075275;

CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE committees (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL UNIQUE COLLATE NOCASE,
    body TEXT,
    house_style TEXT
);

CREATE TABLE committee_members (
    id TEXT PRIMARY KEY,
    committee_id TEXT NOT NULL REFERENCES committees(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    name TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('member', 'officer', 'other')),
    office TEXT
);
CREATE INDEX committee_members_by_committee ON committee_members(committee_id, position);

CREATE TABLE meetings (
    id TEXT PRIMARY KEY,
    committee_id TEXT NOT NULL REFERENCES committees(id),
    date TEXT NOT NULL,
    start_time TEXT,
    venue TEXT,
    started_at TEXT,
    ended_at TEXT,
    status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'approved', 'reopened')),
    approved_on TEXT,
    approved_at_meeting_id TEXT REFERENCES meetings(id),
    reopen_reason TEXT,
    current_item_id TEXT
);
CREATE INDEX meetings_by_committee ON meetings(committee_id, date);
CREATE INDEX meetings_by_date ON meetings(date);

CREATE TABLE agenda_items (
    id TEXT PRIMARY KEY,
    meeting_id TEXT NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    minute_number TEXT,
    title TEXT NOT NULL,
    report_reference TEXT,
    exempt INTEGER NOT NULL CHECK (exempt IN (0, 1)),
    exempt_paragraph INTEGER CHECK (exempt_paragraph BETWEEN 1 AND 7),
    supporting_documents TEXT NOT NULL DEFAULT '[]',
    taken_at TEXT,
    CHECK (exempt = 1 OR exempt_paragraph IS NULL)
);
CREATE INDEX agenda_items_by_meeting ON agenda_items(meeting_id, position);

CREATE TABLE entries (
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
    label TEXT CHECK (label IN ('RESOLVED', 'RECOMMENDED', 'AGREED')),
    number TEXT,
    unanimous INTEGER CHECK (unanimous IN (0, 1)),
    votes_for INTEGER CHECK (votes_for >= 0),
    votes_against INTEGER CHECK (votes_against >= 0),
    votes_abstain INTEGER CHECK (votes_abstain >= 0),
    named_votes TEXT,
    outcome TEXT
);
CREATE INDEX entries_by_item ON entries(item_id, position);
CREATE INDEX entries_by_kind ON entries(kind, status);

CREATE TABLE attendance (
    id TEXT PRIMARY KEY,
    meeting_id TEXT NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    person TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('member', 'officer', 'other')),
    status TEXT NOT NULL CHECK (status IN ('present', 'apologies', 'absent', 'substitute')),
    substitute_for TEXT,
    office TEXT,
    arrived_at TEXT,
    left_at TEXT
);
CREATE INDEX attendance_by_meeting ON attendance(meeting_id, position);

CREATE TABLE declarations (
    id TEXT PRIMARY KEY,
    meeting_id TEXT NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    item_id TEXT REFERENCES agenda_items(id) ON DELETE SET NULL,
    position INTEGER NOT NULL,
    member TEXT NOT NULL,
    kind TEXT NOT NULL,
    text TEXT NOT NULL DEFAULT '',
    withdrew INTEGER NOT NULL DEFAULT 0 CHECK (withdrew IN (0, 1))
);
CREATE INDEX declarations_by_meeting ON declarations(meeting_id, position);
"""
