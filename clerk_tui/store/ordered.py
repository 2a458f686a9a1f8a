"""Records kept in order under a parent: agenda items, entries, attendance, declarations.

All four share one shape (add at a place, list in order, update, delete, reorder,
move to another parent), so it is written once here.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Generic, TypeVar

from pydantic import BaseModel

from clerk_tui.store.database import Database
from clerk_tui.store.errors import Conflict, NotFound
from clerk_tui.store.rows import from_row, to_row

M = TypeVar("M", bound=BaseModel)


class OrderedRows(Generic[M]):
    """The records of one table, ordered by ``position`` within ``parent``."""

    def __init__(
        self,
        database: Database,
        table: str,
        parent: str,
        noun: str,
        load: Callable[[dict[str, Any]], M],
        dump: Callable[..., dict[str, Any]] = to_row,
    ) -> None:
        self._db = database
        self._table = table
        self._parent = parent
        self._noun = noun
        self._load = load
        self._dump = dump

    @classmethod
    def of(cls, database: Database, table: str, parent: str, noun: str, model: type[M]):
        """Rows that map field for field onto ``model``."""
        return cls(database, table, parent, noun, lambda row: from_row(model, row))

    def add(self, record: M, index: int | None = None) -> M:
        """Store ``record`` at ``index`` among its siblings (default: last)."""
        parent_id = getattr(record, self._parent)
        with self._db.transaction() as db:
            position = self._make_room(parent_id, index)
            db.insert(self._table, self._dump(record, position=position))
        return record

    def add_all(self, records: Sequence[M]) -> list[M]:
        """Store ``records`` in order, each last among its siblings: the same rows and
        positions as :meth:`add` one at a time, in one save (a whole meeting's minutes
        filed at once, an import, need not ask each parent's last place again)."""
        if not records:
            return []
        with self._db.transaction() as db:
            following: dict[str, int] = {}
            for record in records:
                parent_id = getattr(record, self._parent)
                if parent_id not in following:
                    following[parent_id] = self._make_room(parent_id, None)
                position = following[parent_id]
                following[parent_id] = position + 1
                db.insert(self._table, self._dump(record, position=position))
        return list(records)

    def get(self, record_id: str) -> M:
        """The record with this id."""
        rows = self._db.query(f"SELECT * FROM {self._table} WHERE id = ?", (record_id,))
        if not rows:
            raise NotFound(f"There is no {self._noun} with id {record_id}.")
        return self._load(rows[0])

    def list(self, parent_id: str) -> list[M]:
        """The records under ``parent_id``, in order."""
        rows = self._db.query(
            f"SELECT * FROM {self._table} WHERE {self._parent} = ? ORDER BY position, rowid",
            (parent_id,),
        )
        return [self._load(row) for row in rows]

    def update(self, record: M) -> M:
        """Save the fields of ``record``; its parent and place are kept (see :meth:`move`)."""
        row = self._dump(record)
        del row[self._parent]
        with self._db.transaction() as db:
            self._require(record.id)
            db.update(self._table, record.id, row)
        return self.get(record.id)

    def delete(self, record_id: str) -> None:
        """Remove the record."""
        with self._db.transaction() as db:
            self._require(record_id)
            db.delete(self._table, record_id)

    def reorder(self, parent_id: str, ids: Sequence[str]) -> None:
        """Put the records under ``parent_id`` in the order of ``ids`` (all of them)."""
        with self._db.transaction() as db:
            current = [row["id"] for row in self._rows_of(parent_id)]
            if sorted(current) != sorted(ids):
                raise Conflict(f"The new order must list every {self._noun} exactly once.")
            for position, record_id in enumerate(ids):
                db.update(self._table, record_id, {"position": position})

    def move(self, record_id: str, parent_id: str, index: int | None = None) -> M:
        """Move the record under another parent (or within its own) to ``index``."""
        with self._db.transaction() as db:
            self._require(record_id)
            position = self._make_room(parent_id, index, moving=record_id)
            db.update(self._table, record_id, {self._parent: parent_id, "position": position})
        return self.get(record_id)

    def _rows_of(self, parent_id: str) -> list[dict[str, Any]]:
        return self._db.query(
            f"SELECT id, position FROM {self._table} WHERE {self._parent} = ? "
            "ORDER BY position, rowid",
            (parent_id,),
        )

    def _make_room(self, parent_id: str, index: int | None, moving: str | None = None) -> int:
        """Renumber the siblings (all but ``moving``) so that ``index`` is free, and
        return its position. Adding at the end renumbers nothing."""
        if index is None:
            last = self._db.query(
                f"SELECT max(position) AS last FROM {self._table} WHERE {self._parent} = ? "
                "AND id IS NOT ?", (parent_id, moving))[0]["last"]
            return 0 if last is None else last + 1
        siblings = [row["id"] for row in self._rows_of(parent_id) if row["id"] != moving]
        place = len(siblings) if index is None else max(0, min(index, len(siblings)))
        conn = self._db.connection
        for position, sibling in enumerate(siblings):
            wanted = position if position < place else position + 1
            conn.execute(
                f"UPDATE {self._table} SET position = ? WHERE id = ? AND position IS NOT ?",
                (wanted, sibling, wanted),
            )
        return place

    def _require(self, record_id: str) -> None:
        if not self._db.query(f"SELECT 1 FROM {self._table} WHERE id = ?", (record_id,)):
            raise NotFound(f"There is no {self._noun} with id {record_id}.")
