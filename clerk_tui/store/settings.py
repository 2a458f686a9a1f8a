"""The organisation's settings, kept in the database so they travel with its minutes."""

from __future__ import annotations

from pydantic import ValidationError

from clerk_tui.models import OrganisationSettings
from clerk_tui.store.database import Database


class Settings:
    """Organisation name, default house style and the clerk's name."""

    def __init__(self, database: Database) -> None:
        self._db = database

    def load(self) -> OrganisationSettings:
        """The organisation's settings, with defaults for any not set (or not valid:
        a value edited outside clerk is ignored rather than stopping clerk)."""
        settings = OrganisationSettings()
        for row in self._db.query("SELECT key, value FROM settings"):
            if row["key"] in OrganisationSettings.model_fields:
                try:
                    setattr(settings, row["key"], row["value"])
                except ValidationError:
                    pass
        return settings

    def set(self, name: str, value: str) -> OrganisationSettings:
        """Validate and save one setting; returns the settings as they now are.

        Raises ``KeyError`` for a name that is not a setting and pydantic's
        ``ValidationError`` for a value it cannot take.
        """
        settings = self.load()
        if name not in OrganisationSettings.model_fields:
            raise KeyError(name)
        setattr(settings, name, value)
        stored = settings.model_dump(mode="json")[name]
        with self._db.transaction() as db:
            db.upsert("settings", {"key": name, "value": stored}, "key")
        return settings
