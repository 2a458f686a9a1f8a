"""Migration 4: full-text search, and the record of imported minutes.

The search tables follow sqlite-utils' conventions (``<table>_fts`` with
``content=[<table>]``, kept in sync by ``<table>_ai``/``_ad``/``_au`` triggers), so
``sqlite-utils search`` and Datasette work on the file as well as clerk does.
"""

TOKENIZER = "porter unicode61 remove_diacritics 2"
SEARCHED = {
    "entries": ("text", "asker", "responder", "owner"),
    "agenda_items": ("title", "report_reference"),
    "committees": ("name",),
}


def _columns(columns: tuple[str, ...], row: str = "") -> str:
    return ", ".join(f"{row}[{c}]" for c in columns)


def _index(table: str, columns: tuple[str, ...]) -> str:
    fts = f"{table}_fts"
    return f"""
CREATE VIRTUAL TABLE [{fts}] USING FTS5 (
    {_columns(columns)}, tokenize='{TOKENIZER}', content=[{table}]
);
CREATE TRIGGER [{table}_ai] AFTER INSERT ON [{table}] BEGIN
  INSERT INTO [{fts}] (rowid, {_columns(columns)}) VALUES (new.rowid, {_columns(columns, "new.")});
END;
CREATE TRIGGER [{table}_ad] AFTER DELETE ON [{table}] BEGIN
  INSERT INTO [{fts}] ([{fts}], rowid, {_columns(columns)})
  VALUES ('delete', old.rowid, {_columns(columns, "old.")});
END;
CREATE TRIGGER [{table}_au] AFTER UPDATE ON [{table}] BEGIN
  INSERT INTO [{fts}] ([{fts}], rowid, {_columns(columns)})
  VALUES ('delete', old.rowid, {_columns(columns, "old.")});
  INSERT INTO [{fts}] (rowid, {_columns(columns)}) VALUES (new.rowid, {_columns(columns, "new.")});
END;
INSERT INTO [{fts}] ([{fts}]) VALUES ('rebuild');
"""


IMPORTS = """
CREATE TABLE imports (
    sha256 TEXT PRIMARY KEY,
    path TEXT NOT NULL,
    meeting_id TEXT NOT NULL REFERENCES meetings(id),
    imported_at TEXT NOT NULL
);
CREATE INDEX imports_by_meeting ON imports(meeting_id);
"""

SQL = "\n".join([_index(table, columns) for table, columns in SEARCHED.items()] + [IMPORTS])
