"""When something in clerk goes wrong: say so, keep the details, and carry on.

Textual's default for an unexpected exception is to end the app. In a meeting that
would throw the clerk out mid-sentence, so clerk's screens and widgets contain their
failures instead: the clerk sees a message, the traceback goes into a log file beside
the database, everything typed is saved, and the app keeps running.
"""

from __future__ import annotations

import datetime as dt
import os
import traceback
from pathlib import Path
from typing import Protocol

from textual.message import Message

from clerk_tui import __version__

LOG_NAME = "clerk-errors.log"


class FailureReporter(Protocol):
    """The app, as far as failures go."""

    def report_failure(self, error: Exception) -> bool: ...


def log_failure(folder: Path, error: BaseException, now: dt.datetime) -> Path | None:
    """Append ``error``'s traceback to the log in ``folder``; its path, or None when it
    cannot be written (the message on screen must still be given)."""
    path = folder / LOG_NAME
    details = "".join(traceback.format_exception(error))
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        with os.fdopen(descriptor, "a", encoding="utf-8") as log:
            log.write(f"--- {now:%Y-%m-%d %H:%M:%S} clerk {__version__}\n{details}\n")
    except OSError:
        return None
    return path


class ContainsFailures:
    """Mixed into a screen or widget: a failure in one of its handlers is reported by
    the app instead of stopping the widget (Textual ends its message loop, and the app)."""

    async def _dispatch_message(self, message: Message) -> None:
        try:
            await super()._dispatch_message(message)  # type: ignore[misc]
        except Exception as error:  # noqa: BLE001 - the point is to catch what was not foreseen
            reporter: FailureReporter = self.app  # type: ignore[attr-defined]
            if not reporter.report_failure(error):
                raise
