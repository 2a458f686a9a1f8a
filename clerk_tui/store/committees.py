"""Committees and their standing membership."""

from __future__ import annotations

from clerk_tui.fields import as_name
from clerk_tui.models import Committee, CommitteeMember, new_id
from clerk_tui.store.database import Database
from clerk_tui.store.errors import Conflict, NotFound
from clerk_tui.store.rows import from_row, to_row


class Committees:
    """Committees, boards and councils whose meetings are minuted."""

    def __init__(self, database: Database) -> None:
        self._db = database

    def add(self, committee: Committee) -> Committee:
        """Store a new committee with its members."""
        with self._db.transaction() as db:
            db.insert("committees", self._row(committee))
            self._save_members(committee)
        return committee

    def update(self, committee: Committee) -> Committee:
        """Save a committee's details and replace its membership."""
        with self._db.transaction() as db:
            self.get(committee.id)
            db.update("committees", committee.id, self._row(committee))
            self._save_members(committee)
        return committee

    def get(self, committee_id: str) -> Committee:
        """The committee with this id, members included."""
        rows = self._db.query("SELECT * FROM committees WHERE id = ?", (committee_id,))
        if not rows:
            raise NotFound(f"There is no committee with id {committee_id}.")
        return self._load(rows[0])

    def find(self, name: str) -> Committee | None:
        """The committee with this name (any case), if there is one. The name is read as
        a committee's name is saved, so a pasted control character finds it too."""
        rows = self._db.query("SELECT * FROM committees WHERE name = ?", (as_name(name),))
        return self._load(rows[0]) if rows else None

    def list(self) -> list[Committee]:
        """Every committee, by name."""
        rows = self._db.query("SELECT * FROM committees ORDER BY name")
        return [self._load(row) for row in rows]

    def delete(self, committee_id: str) -> None:
        """Remove a committee that has no meetings."""
        with self._db.transaction() as db:
            self.get(committee_id)
            meetings = self._db.query(
                "SELECT count(*) AS n FROM meetings WHERE committee_id = ?", (committee_id,)
            )[0]["n"]
            if meetings:
                raise Conflict(f"The committee has {meetings} meeting(s); it cannot be removed.")
            db.delete("committees", committee_id)

    @staticmethod
    def _row(committee: Committee) -> dict:
        row = to_row(committee)
        del row["members"]
        return row

    def _save_members(self, committee: Committee) -> None:
        self._db.connection.execute(
            "DELETE FROM committee_members WHERE committee_id = ?", (committee.id,)
        )
        for position, member in enumerate(committee.members):
            self._db.insert("committee_members",
                            to_row(member, id=new_id(), committee_id=committee.id, position=position))

    def _load(self, row: dict) -> Committee:
        members = self._db.query(
            "SELECT name, role, office FROM committee_members "
            "WHERE committee_id = ? ORDER BY position",
            (row["id"],),
        )
        row = dict(row, members=[from_row(CommitteeMember, m) for m in members])
        return from_row(Committee, row)
