"""Personal settings: what belongs to one clerk, not to the organisation.

They live in a TOML file in the user's config folder (``CLERK_CONFIG`` names
another file). The organisation's settings live in the database instead
(:class:`clerk_tui.models.OrganisationSettings`), so they travel with its minutes.
"""

from __future__ import annotations

import os
import tomllib
from pathlib import Path

from pydantic import Field, ValidationError

from clerk_tui.fields import ClerkModel, explain


class SettingsError(Exception):
    """The settings file cannot be read; the message says why and where."""


class PersonalSettings(ClerkModel):
    """One clerk's preferences."""

    theme: str = Field("textual-dark", title="theme", description="A Textual theme name.")
    keys: dict[str, str] = Field(
        default_factory=dict,
        title="key overrides",
        description="Binding id to key, e.g. help = \"f2\"; see F1 on each screen.",
    )


def settings_path() -> Path:
    """Where this user's settings file lives."""
    if custom := os.environ.get("CLERK_CONFIG"):
        return Path(custom).expanduser()
    from platformdirs import user_config_path

    return user_config_path("clerk") / "settings.toml"


def load_personal_settings(path: Path | None = None) -> PersonalSettings:
    """The settings in ``path`` (default :func:`settings_path`); defaults if absent."""
    path = path or settings_path()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return PersonalSettings()
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise SettingsError(f"The settings file {path} cannot be read: {error}") from None
    try:
        return PersonalSettings.model_validate(data)
    except ValidationError as error:
        raise SettingsError(f"The settings file {path} has a mistake:\n{explain(error)}") from None
