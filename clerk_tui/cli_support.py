"""What every ``clerk`` command shares: its exit codes, its date and time arguments,
printing data safely, failing in one line, and opening the database.

Light on purpose: ``clerk --help`` imports this, so nothing heavy is imported here.
"""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import NoReturn

import click

from clerk_tui.output_paths import UnsafeOutput
from clerk_tui.printable import printable
from clerk_tui.store import FileRefused, Store, StoreError

EXIT_FAILED = 1
EXIT_REFUSED = 2
BUSY_TIMEOUT_MS = 5000  # a command waits this long for another program's lock
BUSY_TIMEOUT_KEY = "clerk.busy_timeout_ms"
"""Where the ``clerk`` group leaves, in the click context's meta, how long to wait."""


class _IsoType(click.ParamType):
    """A date (YYYY-MM-DD) or a time (HH:MM) on the command line, refused in plain words."""

    def __init__(self, kind: type[dt.date | dt.time], form: str) -> None:
        self.kind = kind
        self.form = form
        self.name = form

    def convert(self, value, param, ctx):
        if isinstance(value, self.kind):
            return value
        try:
            return self.kind.fromisoformat(value)
        except ValueError:
            self.fail(f"{value!r} is not a real {self.kind.__name__}; write it as {self.form}.",
                      param, ctx)


DATE = _IsoType(dt.date, "YYYY-MM-DD")
TIME = _IsoType(dt.time, "HH:MM")


def echo(message: object, err: bool = False) -> None:
    """Print a line of clerk's that quotes data (a name, a title, a path): nothing in
    the data reaches the terminal as a control (see :mod:`clerk_tui.printable`)."""
    click.echo(printable(message, lines=True), err=err)


def fail(message: str, code: int) -> NoReturn:
    """End the command: ``message`` in red on stderr, and exit ``code``."""
    click.secho(printable(message, lines=True), fg="red", err=True)
    sys.exit(code)


def fail_export(error: Exception) -> NoReturn:
    """End the command for a file that could not be written, saying how to replace
    one that is already there."""
    hint = " Use --overwrite to replace it." if "already exists" in str(error) else ""
    fail(f"{error}{hint}", EXIT_FAILED)


def _busy_timeout_ms() -> int:
    context = click.get_current_context(silent=True)
    return context.meta.get(BUSY_TIMEOUT_KEY, BUSY_TIMEOUT_MS) if context else BUSY_TIMEOUT_MS


@contextmanager
def opened(db_path: Path, must_exist: bool = False) -> Iterator[Store]:
    """The store at ``db_path``; a refused file or a failed save ends the command
    with a message and an exit code, never a traceback."""
    if must_exist and not db_path.exists():
        fail(f"There is no database at {db_path}. Name one with --db or CLERK_DB.", EXIT_REFUSED)
    try:
        store = Store.open(db_path, busy_timeout_ms=_busy_timeout_ms())
    except FileRefused as error:
        fail(str(error), EXIT_REFUSED)
    if store.made:
        echo(store.made, err=True)
    try:
        yield store
    except UnsafeOutput as error:  # an output path that is (or is beside) a database
        fail(str(error), EXIT_REFUSED)
    except StoreError as error:
        fail(str(error), EXIT_FAILED)
    finally:
        store.close()


def not_blank(context, param, value: str) -> str:
    """A name given on the command line, refused (exit 2) when it holds nothing to show."""
    from clerk_tui.fields import as_name

    if not as_name(value):
        example = '"Planning Committee"' if isinstance(param, click.Argument) else \
            '--committee "Planning Committee"'
        raise click.BadParameter(f"is blank; give the committee's name, e.g. {example}.")
    return value


def blank_is_refused(context, param, value: str | None) -> str | None:
    """An optional committee's name: absent is fine, blank is refused (exit 2)."""
    return None if value is None else not_blank(context, param, value)
