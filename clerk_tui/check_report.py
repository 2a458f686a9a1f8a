"""``clerk check``: the database's health report as lines, and what to do about it.

The store checks the file (:meth:`clerk_tui.store.Store.check`); this words what it
found. The command line prints the lines. Nothing here imports Textual or click.
"""

from __future__ import annotations

from clerk_tui.store import SCHEMA_VERSION
from clerk_tui.store.maintenance import HealthReport
from clerk_tui.store.record_check import RecordReport

SHOWN = 20  # problems of each kind listed before "… and n more"
ALL_IS_WELL = "All is well."


def report_lines(report: HealthReport) -> list[str]:
    """The schema, journal, integrity, foreign keys and search index, then the record."""
    status = "current" if report.schema_version == SCHEMA_VERSION else "out of date"
    keys = f"{report.foreign_key_problems} problem(s)" if report.foreign_key_problems else "ok"
    search = f"does not match the minutes ({', '.join(report.search_index)})" \
        if report.search_index else "ok"
    return [f"Database:        {report.path}",
            f"Schema version:  {report.schema_version} ({status})",
            f"Journal mode:    {report.journal_mode}",
            f"Integrity:       {'; '.join(report.integrity)}",
            f"Foreign keys:    {keys}",
            f"Search index:    {search}",
            *record_lines(report.record)]


def record_lines(record: RecordReport, shown: int = SHOWN) -> list[str]:
    """The lock triggers, the approved minutes and the audit chain, each line of what
    differs naming the meeting (the first ``shown`` of each kind), then the notes."""
    lines = []
    for label, problems, good in (
            ("Lock triggers:", record.triggers, "ok"),
            ("Approved:", record.minutes, f"ok ({record.approved} meeting(s), each as approved)"),
            ("Audit chain:", record.audit, f"ok ({record.audit_rows} entries)")):
        lines.append(f"{label:<17}{f'{len(problems)} problem(s)' if problems else good}")
        lines += [f"  - {problem}" for problem in problems[:shown]]
        if len(problems) > shown:
            lines.append(f"  … and {len(problems) - shown} more")
    return lines + [f"Note: {note}" for note in record.notes]


def failure(report: HealthReport) -> str | None:
    """What the clerk should do when the check failed (exit code 1), or None."""
    if not report.record.ok:
        return ("The record was changed outside clerk (above). Compare it with a backup, and "
                "the signed copies with clerk verify --fingerprint.")
    if report.search_index and report.integrity == ["ok"]:
        return "The search index is out of step: run clerk check --rebuild-search."
    if not report.ok:
        return "Problems found: restore the file from a backup (clerk backup)."
    return None
