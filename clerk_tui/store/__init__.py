"""The only code that speaks SQL: opening the file, migrations, repositories."""

from clerk_tui.store.errors import (
    Conflict,
    FileBusy,
    FileRefused,
    MinutesLocked,
    NewerSchema,
    NotAClerkDatabase,
    NotFound,
    ReadOnly,
    StoreError,
)
from clerk_tui.store.migrations import SCHEMA_VERSION
from clerk_tui.store.search import SearchFilters, SearchHit, SearchResults
from clerk_tui.store.store import Store

__all__ = [
    "Conflict",
    "FileBusy",
    "FileRefused",
    "MinutesLocked",
    "NewerSchema",
    "NotAClerkDatabase",
    "NotFound",
    "ReadOnly",
    "SCHEMA_VERSION",
    "SearchFilters",
    "SearchHit",
    "SearchResults",
    "Store",
    "StoreError",
]
