"""When something in clerk goes wrong: say so, keep the details, and carry on.

Textual's default for an unexpected exception is to end the app. In a meeting that
would throw the clerk out mid-sentence, so clerk's screens and widgets contain their
failures instead: the clerk sees a message, the traceback goes into a log file beside
the database, everything typed is saved, and the app keeps running.
"""

from __future__ import annotations

import datetime as dt
import os
import time
import traceback
from collections.abc import Callable
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


SHOWN_FOR = 20.0
"""Seconds a failure's message stays on screen (and the same failure is not shown again)."""
_MESSAGE_WIDGETS = {"Toast", "ToastRack", "ToastHolder"}  # Textual's notifications


def _signature(error: BaseException) -> tuple[str, str, str]:
    """What makes two failures the same: their kind, words and where they were raised."""
    frames = traceback.extract_tb(error.__traceback__)
    where = f"{frames[-1].filename}:{frames[-1].lineno}" if frames else ""
    return type(error).__name__, str(error), where


def raised_showing_a_message(error: BaseException) -> bool:
    """Whether ``error`` came from drawing a notification (a message on screen)."""
    tb = error.__traceback__
    while tb is not None:
        if type(tb.tb_frame.f_locals.get("self")).__name__ in _MESSAGE_WIDGETS:
            return True
        tb = tb.tb_next
    return False


class FailureReports:
    """Logs each failure once and tells the clerk, without ever looping.

    An error raised while a failure is being reported, or while its message is being
    drawn, is logged (once) but not shown: showing it could fail the same way. The same
    failure again while its message is still on screen is neither logged nor shown."""

    def __init__(self, folder: Callable[[], Path], now: Callable[[], dt.datetime],
                 show: Callable[[BaseException, Path | None], None],
                 clear: Callable[[], None], clock: Callable[[], float] = time.monotonic) -> None:
        self._folder, self._now, self._show, self._clear, self._clock = (
            folder, now, show, clear, clock)
        self._recent: dict[tuple[str, str, str], float] = {}  # failure -> when it was shown
        self._busy = False
        self._quiet_until = 0.0  # no failure is shown before then (a message failed to draw)

    def report(self, error: BaseException) -> None:
        """Log ``error`` and show it, unless that would repeat or loop."""
        at, key = self._clock(), _signature(error)
        self._recent = {k: t for k, t in self._recent.items() if at - t < SHOWN_FOR}
        if key in self._recent:
            return
        self._recent[key] = at
        log = log_failure(self._folder(), error, self._now())
        if self._busy or at < self._quiet_until:
            return
        if raised_showing_a_message(error):
            self._quiet_until = at + SHOWN_FOR
            self._clear()  # the message that cannot be drawn goes, rather than fail again
            return
        self._busy = True
        try:
            self._show(error, log)
        except Exception as showing:  # noqa: BLE001 - telling the clerk must not fail in turn
            self.report(showing)
        finally:
            self._busy = False
