"""Errors the store raises, each with a message a clerk can act on."""

from __future__ import annotations


class StoreError(Exception):
    """Something about the database that the clerk needs to know."""


class FileRefused(StoreError):
    """The file cannot be opened as a clerk database; it was left untouched."""


class NotAClerkDatabase(FileRefused):
    """The file is not a clerk database (another file, or a damaged one)."""


class FileBusy(FileRefused):
    """Another program holds the file locked; it was left untouched."""


class NewerSchema(FileRefused):
    """The file was written by a newer version of clerk."""

    def __init__(self, path: object, file_version: int, known_version: int) -> None:
        self.file_version = file_version
        self.known_version = known_version
        super().__init__(
            f"{path} was written by a newer version of clerk (schema version {file_version}); "
            f"this version understands schema version {known_version} at most. "
            "The file has not been changed. Update clerk to open it."
        )


class NotFound(StoreError):
    """A record asked for by id does not exist."""


class MinutesLocked(StoreError):
    """The minutes were approved and cannot change until reopened with a reason."""


class Conflict(StoreError):
    """A change that would break the record (a duplicate, or something still in use)."""


class ReadOnly(StoreError):
    """The database is open for reading only (another window has it, or the file or
    its folder cannot be written); nothing can be saved to it from here."""
