"""Migration 10: the record of imported minutes knows every meeting of a file, by content.

Migration 4 kept one row a file, keyed by the SHA-256 of its bytes, so a file holding
several meetings could name only one, and the same minutes saved again (Windows line
ends, trailing spaces, a byte-order mark, a Word file saved anew) looked new. Now a row
is one meeting of one file:

- ``sha256``: the file's bytes, as before (old rows keep theirs);
- ``text_sha256``: the file's text as clerk reads it (its paragraphs, spaces
  collapsed), so minutes saved again with the same words are the same minutes;
- ``part``: which meeting of the file (0 the first);
- ``minutes_sha256``: what was read of that meeting, so the same meeting copied into
  another file is known too (null in rows from before this migration);
- ``replaced_at``: set when ``clerk import --replace`` took newer minutes in its place;
  the row stays as the record of what was imported then.

The table is made anew (SQLite cannot change a primary key) under the same name, so
everything that asks whether a meeting was imported reads it as before.
"""

SQL = """
CREATE TABLE imports_by_part (
    sha256 TEXT NOT NULL,
    text_sha256 TEXT NOT NULL,
    part INTEGER NOT NULL DEFAULT 0,
    minutes_sha256 TEXT,
    path TEXT NOT NULL,
    meeting_id TEXT NOT NULL REFERENCES meetings(id),
    imported_at TEXT NOT NULL,
    replaced_at TEXT
);
INSERT INTO imports_by_part (sha256, text_sha256, part, path, meeting_id, imported_at)
SELECT sha256, sha256, 0, path, meeting_id, imported_at FROM imports;
DROP TABLE imports;
ALTER TABLE imports_by_part RENAME TO imports;
CREATE INDEX imports_by_meeting ON imports(meeting_id);
CREATE INDEX imports_by_text ON imports(text_sha256, part);
CREATE INDEX imports_by_file ON imports(sha256);
CREATE INDEX imports_by_minutes ON imports(minutes_sha256);
"""
