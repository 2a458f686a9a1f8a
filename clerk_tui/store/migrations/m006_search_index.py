"""Migration 6: one search document per entry, holding its context too.

Each entry is indexed with its kind, its words, the people named (asker, responder,
owner), its agenda item's title and report reference, and its committee's name, so
that "planning approved" finds a resolution "approved" under a planning item: every
word must match somewhere in the one document. (The per-table ``*_fts`` indexes of
migration 4 stay, for sqlite-utils and Datasette.)

The index keeps its own copy of the words, so a row is removed by its rowid alone,
whatever has happened to the item or meeting it belonged to.
"""

COLUMNS = "kind, text, people, item, reference, committee"

SQL = f"""
CREATE VIEW search_documents AS
SELECT e.rowid AS doc_id, e.item_id AS item_id, i.meeting_id AS meeting_id,
       m.committee_id AS committee_id, e.kind AS kind, e.text AS text,
       trim(coalesce(e.asker, '') || ' ' || coalesce(e.responder, '') || ' ' ||
            coalesce(e.owner, '') || ' ' || coalesce(e.reassigned_to, '')) AS people,
       i.title AS item, coalesce(i.report_reference, '') AS reference, c.name AS committee
FROM entries e
JOIN agenda_items i ON i.id = e.item_id
JOIN meetings m ON m.id = i.meeting_id
JOIN committees c ON c.id = m.committee_id;

CREATE VIRTUAL TABLE search_fts USING fts5(
    {COLUMNS}, tokenize = 'porter unicode61 remove_diacritics 2'
);

CREATE TRIGGER search_entries_ai AFTER INSERT ON entries BEGIN
  INSERT INTO search_fts (rowid, {COLUMNS})
  SELECT doc_id, {COLUMNS} FROM search_documents WHERE doc_id = new.rowid;
END;

CREATE TRIGGER search_entries_ad AFTER DELETE ON entries BEGIN
  DELETE FROM search_fts WHERE rowid = old.rowid;
END;

CREATE TRIGGER search_entries_au AFTER UPDATE ON entries BEGIN
  DELETE FROM search_fts WHERE rowid = old.rowid;
  INSERT INTO search_fts (rowid, {COLUMNS})
  SELECT doc_id, {COLUMNS} FROM search_documents WHERE doc_id = new.rowid;
END;

CREATE TRIGGER search_items_au AFTER UPDATE OF title, report_reference, meeting_id
ON agenda_items BEGIN
  DELETE FROM search_fts WHERE rowid IN (SELECT rowid FROM entries WHERE item_id = new.id);
  INSERT INTO search_fts (rowid, {COLUMNS})
  SELECT doc_id, {COLUMNS} FROM search_documents WHERE item_id = new.id;
END;

CREATE TRIGGER search_meetings_au AFTER UPDATE OF committee_id ON meetings BEGIN
  DELETE FROM search_fts WHERE rowid IN (SELECT doc_id FROM search_documents
                                         WHERE meeting_id = new.id);
  INSERT INTO search_fts (rowid, {COLUMNS})
  SELECT doc_id, {COLUMNS} FROM search_documents WHERE meeting_id = new.id;
END;

CREATE TRIGGER search_committees_au AFTER UPDATE OF name ON committees BEGIN
  DELETE FROM search_fts WHERE rowid IN (SELECT doc_id FROM search_documents
                                         WHERE committee_id = new.id);
  INSERT INTO search_fts (rowid, {COLUMNS})
  SELECT doc_id, {COLUMNS} FROM search_documents WHERE committee_id = new.id;
END;

INSERT INTO search_fts (rowid, {COLUMNS}) SELECT doc_id, {COLUMNS} FROM search_documents;
"""
