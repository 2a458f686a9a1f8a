"""Migration 3: live capture.

``capture_drafts`` keeps what is on an item's capture line but not yet entered, so a
crash or a quit never loses it. Deleting the item being taken clears the meeting's
``current_item_id``.
"""

SQL = """
CREATE TABLE capture_drafts (
    item_id TEXT PRIMARY KEY REFERENCES agenda_items(id) ON DELETE CASCADE,
    text TEXT NOT NULL,
    saved_at TEXT NOT NULL
);

CREATE TRIGGER agenda_items_clear_current AFTER DELETE ON agenda_items
BEGIN
  UPDATE meetings SET current_item_id = NULL WHERE current_item_id = OLD.id;
END;
"""
