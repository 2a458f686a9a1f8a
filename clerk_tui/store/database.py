"""The one writer connection, its lock, and the transaction every save runs in."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

import sqlite_utils

from clerk_tui.store.errors import Conflict, MinutesLocked, StoreError

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

    def __init__(self, path: Path, connection: sqlite3.Connection, clock: Clock) -> None:
        self.path = path
        self.connection = connection
        self.clock = clock
        self.tables = sqlite_utils.Database(connection, execute_plugins=False)
        self._lock = threading.RLock()
        self._depth = 0

    @contextmanager
    def transaction(self) -> Iterator[sqlite_utils.Database]:
        """One explicit ``BEGIN IMMEDIATE`` ... ``COMMIT``; rolled back on any error.

        Nested, it is a savepoint: a failure inside undoes only its own part, and the
        outer save can go on or fail as its caller decides.
        """
        with self._lock:
            depth = self._depth
            begin, commit, undo = (
                ("BEGIN IMMEDIATE", "COMMIT", "ROLLBACK") if depth == 0 else
                (f"SAVEPOINT clerk_{depth}", f"RELEASE clerk_{depth}",
                 f"ROLLBACK TO clerk_{depth}; RELEASE clerk_{depth}")
            )
            self._run(begin)
            self._depth = depth + 1
            try:
                yield self.tables
                self._run(commit)
            except sqlite3.Error as error:
                self._undo(undo)
                raise _translate(error) from None
            except BaseException:
                self._undo(undo)
                raise
            finally:
                self._depth = depth

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
    def reading(self) -> Iterator[sqlite_utils.Database]:
        """A consistent read of several queries: one deferred transaction."""
        with self._lock:
            if self.connection.in_transaction:
                yield self.tables
                return
            self.connection.execute("BEGIN")
            try:
                yield self.tables
            finally:
                self._rollback()

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
