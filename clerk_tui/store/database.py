"""The one writer connection, its lock, and the transaction every save runs in."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any

from clerk_tui.store.connection import checkpoint, claim_copy
from clerk_tui.store.errors import Conflict, MinutesLocked, ReadOnly, StoreError

Clock = Callable[[], datetime]

LOCKED_MESSAGE = (
    "These minutes were approved and are locked. "
    "Reopen them, giving a reason, to change them."
)


_CONDITIONS = (
    ("disk is full", "the disk is full"),
    ("database is locked", "the database is in use by another program"),
    ("readonly database", "the database file is read-only"),
    ("disk I/O error", "the disk could not be written to"),
    ("unable to open", "the database file cannot be opened"),
)


def _translate(error: sqlite3.Error) -> StoreError:
    """The clerk's version of an error raised by SQLite, a constraint or a trigger."""
    message = str(error)
    for symptom, meaning in _CONDITIONS:
        if symptom in message:
            return StoreError(meaning.capitalize() + ".")
    if message.startswith("clerk-locked"):
        return MinutesLocked(LOCKED_MESSAGE)
    if message.startswith("clerk-reason"):
        return MinutesLocked("Reopening approved minutes needs a reason.")
    if message.startswith("clerk-audit"):
        return Conflict("The audit log cannot be changed.")
    if message.startswith("clerk-status: "):
        return Conflict(message.removeprefix("clerk-status: ").capitalize() + ".")
    if "UNIQUE constraint failed: committees.name" in message:
        return Conflict("There is already a committee with that name.")
    if "FOREIGN KEY constraint failed" in message:
        return Conflict("That would leave the record pointing at something that is not there.")
    return StoreError(f"The database refused the change: {message}.")


class Database:
    """The writer connection, shared by the repositories.

    One lock serialises use of the connection across threads (the UI's workers);
    :meth:`transaction` is re-entrant, so repository calls compose into one save.
    """

    def __init__(self, path: Path, connection: sqlite3.Connection, clock: Clock,
                 read_only: str | None = None) -> None:
        self.path = path
        self.connection = connection
        self.clock = clock
        self.read_only = read_only
        """Why nothing can be saved, when the file is open for reading only."""
        self._lock = threading.RLock()
        self._depth = 0
        self.unclaimed_copy = False
        """A backup (or published copy) nobody has saved into yet: the first save marks it
        as a database (:func:`~clerk_tui.store.connection.claim_copy`)."""

    @contextmanager
    def transaction(self) -> Iterator[Database]:
        """One explicit ``BEGIN IMMEDIATE`` ... ``COMMIT``; rolled back on any error.

        Nested, it is a savepoint: a failure inside undoes only its own part, and the
        outer save can go on or fail as its caller decides.
        """
        if self.read_only:
            raise ReadOnly(f"The database is open read-only: {self.read_only}.")
        with self._lock:
            depth = self._depth
            begin, commit, undo = (
                ("BEGIN IMMEDIATE", "COMMIT", "ROLLBACK") if depth == 0 else
                (f"SAVEPOINT clerk_{depth}", f"RELEASE clerk_{depth}",
                 f"ROLLBACK TO clerk_{depth}; RELEASE clerk_{depth}")
            )
            self._run(begin)
            self._depth = depth + 1
            changes = self.connection.total_changes
            try:
                yield self
                claiming = depth == 0 and self._claims(changes)
                self._run(commit)
                if claiming:
                    self._claimed()
            except sqlite3.Error as error:
                self._undo(undo)
                raise _translate(error) from None
            except BaseException:
                self._undo(undo)
                raise
            finally:
                self._depth = depth

    @contextmanager
    def trial(self) -> Iterator[Database]:
        """Statements whose effect is never kept (a check that SQLite runs as a write, such
        as a search table's ``integrity-check``): always rolled back, errors translated."""
        with self._lock:
            self._run("SAVEPOINT clerk_trial")
            try:
                yield self
            except sqlite3.Error as error:
                raise _translate(error) from None
            finally:
                self._undo("ROLLBACK TO clerk_trial; RELEASE clerk_trial")

    def _claims(self, changes: int) -> bool:
        """Whether this save changed a backup nobody had saved into: then the header,
        in the same save, marks it a database (checkpointed once committed)."""
        if not self.unclaimed_copy or self.connection.total_changes == changes:
            return False
        claim_copy(self.connection)
        return True

    def _claimed(self) -> None:
        self.unclaimed_copy = False
        try:
            checkpoint(self.connection)
        except sqlite3.Error:
            pass  # a reader holds the log; the header reaches the file at the next checkpoint

    def _run(self, statement: str) -> None:
        try:
            self.connection.execute(statement)
        except sqlite3.Error as error:
            raise _translate(error) from None

    def _undo(self, statements: str) -> None:
        try:
            if self.connection.in_transaction:
                for statement in statements.split("; "):
                    self.connection.execute(statement)
        except sqlite3.Error:
            pass  # SQLite has already rolled back (a full disk does that); nothing to undo

    @contextmanager
    def reading(self) -> Iterator[Database]:
        """A consistent read of several queries: one deferred transaction."""
        with self._lock:
            if self.connection.in_transaction:
                yield self
                return
            self.connection.execute("BEGIN")
            try:
                yield self
            finally:
                self._rollback()

    def insert(self, table: str, row: dict[str, Any]) -> None:
        """Insert ``row`` (column names from clerk's own code, never from input)."""
        names = ", ".join(row)
        marks = ", ".join(f":{name}" for name in row)
        self.connection.execute(f"INSERT INTO {table} ({names}) VALUES ({marks})", row)

    def update(self, table: str, record_id: str, row: dict[str, Any]) -> None:
        """Set the columns of ``row`` on the record with ``record_id``."""
        if row:
            sets = ", ".join(f"{name} = :{name}" for name in row)
            self.connection.execute(
                f"UPDATE {table} SET {sets} WHERE id = :_id", {**row, "_id": record_id})

    def upsert(self, table: str, row: dict[str, Any], key: str) -> None:
        """Insert ``row``, or update the record whose ``key`` it shares."""
        names = ", ".join(row)
        marks = ", ".join(f":{name}" for name in row)
        sets = ", ".join(f"{name} = excluded.{name}" for name in row if name != key)
        self.connection.execute(
            f"INSERT INTO {table} ({names}) VALUES ({marks}) "
            f"ON CONFLICT ({key}) DO UPDATE SET {sets}", row)

    def delete(self, table: str, record_id: str) -> None:
        """Delete the record with ``record_id``."""
        self.connection.execute(f"DELETE FROM {table} WHERE id = ?", (record_id,))

    def query(self, sql: str, parameters: tuple | dict = ()) -> list[dict]:
        """Rows of a read-only query, as dictionaries."""
        with self._lock:
            cursor = self.connection.execute(sql, parameters)
            names = [column[0] for column in cursor.description]
            return [dict(zip(names, row)) for row in cursor.fetchall()]

    def _rollback(self) -> None:
        self._undo("ROLLBACK")

    def close(self) -> None:
        """Close the connection (SQLite checkpoints the WAL on the last close)."""
        with self._lock:
            self.connection.close()
