"""``clerk import``: what a run's files are told, and its closing table, as lines.

:mod:`clerk_tui.archive` brings the files in and counts them in a
:class:`~clerk_tui.archive.Tally`; this says it: how far the run has got, each file's
JSON report, the table of what was found, the meetings to put right and how, and why
the run failed. The command line prints these lines. Nothing here imports Textual or click.
"""

from __future__ import annotations

from clerk_tui.archive import FileReport, Tally

BAR_WIDTH = 30
SHOWN = 10  # meetings named in a closing line before "… and n more"


class ProgressCount:
    """How far a run of ``total`` files has got: a count before each file's line, or
    (``bar``, when the lines go to a terminal) a bar redrawn below it."""

    def __init__(self, total: int, bar: bool) -> None:
        self.total = total
        self.bar = total > 1 and bar

    def counted(self, number: int, text: str) -> str:
        """File ``number``'s line, "[3/40] " before it when there is no bar."""
        return f"[{number}/{self.total}] {text}" if self.total > 1 and not self.bar else text

    def bar_after(self, number: int) -> str | None:
        """The bar to draw once file ``number`` is read; None when there is none to
        draw (no bar, or the last file is read)."""
        if not self.bar or number >= self.total:
            return None
        done = BAR_WIDTH * number // self.total
        return f"\r[{'#' * done}{'.' * (BAR_WIDTH - done)}] {number}/{self.total} files"


def file_json(report: FileReport) -> dict:
    """One file's report for ``--json``."""
    from clerk_tui.importer.report import file_report

    return file_report(str(report.path), report.status, report.message, report.meetings)


def closing_table(tally: Tally, dry_run: bool) -> str:
    """What the run found, a count a row."""
    rows = [("files", tally.files), ("meetings", tally.meetings), ("items", tally.items),
            ("decisions", tally.decisions), ("actions", tally.actions),
            ("questions", tally.questions), ("undated", len(tally.undated)),
            ("unknown body", len(tally.unknown_body)), ("refused", tally.refused)]
    if tally.skipped:
        rows.append(("skipped", tally.skipped))
    if tally.changed:
        rows.append(("changed", tally.changed))
    heading = "Found (dry run: nothing was written):" if dry_run else "Found:"
    return "\n".join([heading] + [f"  {name:<13}{count:>7,}" for name, count in rows])


def closing_notes(tally: Tally, dry_run: bool) -> list[str]:
    """The lines after the table: the meetings to put right and how, the files that
    differ from minutes imported before, the files skipped."""
    notes = [_undated(tally, dry_run), _unknown_body(tally, dry_run)]
    if tally.changed:
        notes.append(f"{tally.changed} file(s) differ from the minutes of the same meeting "
                     "imported before; nothing was added from them. clerk import --replace "
                     "takes the new text in their place (recorded in the meeting's audit log).")
    if tally.skipped:
        notes.append(f"{tally.skipped} file(s) skipped (not .txt, .md, .docx or .pdf).")
    if dry_run:
        notes.append("Dry run: nothing was written.")
    return [note for note in notes if note]


def _undated(tally: Tally, dry_run: bool) -> str:
    if not tally.undated:
        return ""
    how = "--date, or once imported with " if dry_run else ""
    return (f"{_meetings(tally.undated)} no date: {_listed(tally.undated)}. Give each its "
            f"date with {how}clerk meeting date MEETING YYYY-MM-DD.")


def _unknown_body(tally: Tally, dry_run: bool) -> str:
    if not tally.unknown_body:
        return ""
    how = "--committee, or once imported with " if dry_run else ""
    return (f"{_meetings(tally.unknown_body)} no body named, so "
            f"{'would be' if dry_run else 'were'} filed under \"Unknown body\": "
            f"{_listed(tally.unknown_body)}. Name each one's with {how}clerk meeting "
            "committee MEETING NAME.")


def failure(tally: Tally) -> str | None:
    """Why the run ends with exit code 1 (some file did not come in), or None."""
    if tally.all_came_in:
        return None
    return (f"{tally.refused + tally.changed} of {tally.files - tally.skipped} file(s) could "
            "not be imported.")


def _meetings(listed: list[str]) -> str:
    return f"{len(listed)} meeting{'s have' if len(listed) != 1 else ' has'}"


def _listed(listed: list[str], shown: int = SHOWN) -> str:
    """The first ``shown`` of a list, and how many more."""
    more = f"; … and {len(listed) - shown} more" if len(listed) > shown else ""
    return "; ".join(listed[:shown]) + more
