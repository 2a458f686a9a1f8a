"""``clerk check``'s look at the record itself: the lock triggers, every approved
meeting's frozen minutes, the exports that vouch for files, the audit chain, and the
frozen copies held against the audit log (so an approval, a reopening or the end of the
log erased, or a status changed behind the triggers' back, is found).

Everything is recomputed here in Python, never trusted from the file: a stray session
can define look-alike functions, but it cannot make SHA-256 agree with a change.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, field

from clerk_tui.models import UNDATED
from clerk_tui.store import sealing
from clerk_tui.store.database import Database
from clerk_tui.store.migrations import expected_triggers


@dataclass
class RecordReport:
    """What was found: problems (each naming the meeting and what differs), and notes."""

    triggers: list[str] = field(default_factory=list)
    minutes: list[str] = field(default_factory=list)
    audit: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    approved: int = 0
    audit_rows: int = 0

    @property
    def ok(self) -> bool:
        """True when nothing differs from what clerk wrote."""
        return not (self.triggers or self.minutes or self.audit)


def check_record(database: Database) -> RecordReport:
    """Compare the file with what clerk's migrations and approvals wrote."""
    report = RecordReport()
    with database.reading():
        conn = database.connection
        report.triggers = _trigger_problems(conn)
        try:
            names = _meeting_names(conn)
            _check_minutes(conn, names, report)
            _check_exports(conn, names, report)
            _check_imports(conn, names, report)
            _check_chain(conn, names, report)
        except sqlite3.Error as error:  # a table of the record is gone or broken
            report.minutes.append(f"The record cannot be read as clerk wrote it ({error}).")
    return report


def _trigger_problems(conn: sqlite3.Connection) -> list[str]:
    """Triggers missing, changed or added, against those clerk's migrations make."""
    expected = expected_triggers()
    found = dict(conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'"))
    problems = [f"the lock trigger {name} is missing" for name in expected if name not in found]
    problems += [f"the lock trigger {name} is not as clerk made it" for name, sql in
                 found.items() if name in expected and sql != expected[name]]
    problems += [f"the trigger {name} is not one of clerk's" for name in found
                 if name not in expected]
    return sorted(problems)


def _meeting_names(conn: sqlite3.Connection) -> dict[str, str]:
    """Each meeting as a clerk names it: "Planning, 2024-05-01" ("Planning, date not
    known" for imported minutes that do not say when)."""
    rows = conn.execute("SELECT m.id, coalesce(c.name, '(no committee)'), m.date "
                        "FROM meetings m LEFT JOIN committees c ON c.id = m.committee_id")
    return {meeting: f"{name}, {date or UNDATED}" for meeting, name, date in rows}


def _check_minutes(conn: sqlite3.Connection, names: dict[str, str],
                   report: RecordReport) -> None:
    frozen: dict[str, list[tuple]] = {}
    for row in conn.execute("SELECT seq, meeting_id, document, sha256, after_audit, "
                            "chain_length, chain_hash FROM frozen_minutes ORDER BY seq"):
        seq, meeting, document, sha256 = row[:4]
        frozen.setdefault(meeting, []).append(row)
        if sealing.sha256_text(document) != sha256:
            report.minutes.append(f"{names.get(meeting, meeting)}: a frozen copy of the approved "
                                  f"minutes (number {seq}) does not match its SHA-256: it was "
                                  "changed outside clerk.")
    legacy = {row[0] for row in conn.execute("SELECT meeting_id FROM approved_before_freezing")}
    for meeting, copies in frozen.items():
        _check_history(conn, names.get(meeting, meeting), meeting, copies, meeting in legacy,
                       report)
    unfrozen = 0
    for (meeting,) in conn.execute("SELECT id FROM meetings WHERE status = 'approved' "
                                   "ORDER BY date, id").fetchall():
        report.approved += 1
        latest = conn.execute("SELECT meeting_id, document, content FROM frozen_minutes "
                              "WHERE meeting_id = ? ORDER BY seq DESC LIMIT 1",
                              (meeting,)).fetchone()
        if latest is None:
            if meeting in legacy:
                unfrozen += 1
            else:
                report.minutes.append(f"{names[meeting]}: approved, but no frozen copy of the "
                                      "minutes as approved was kept (approved outside clerk).")
            continue
        _compare_content(conn, names[meeting], meeting, latest, report)
    if unfrozen:
        report.notes.append(f"{unfrozen} meeting(s) were approved before clerk kept frozen "
                            "copies and are not frozen yet: open the file in clerk (not "
                            "read-only) to freeze them.")


def _check_history(conn: sqlite3.Connection, name: str, meeting: str, copies: list[tuple],
                   legacy: bool, report: RecordReport) -> None:
    """A meeting's frozen copies against its audit log: each copy was approved (an
    'approved' entry names it), each but the latest superseded by a 'reopened' entry,
    the audit log reaches as far as it did when each was frozen, and the meeting's
    status is what its last approval or reopening left."""
    events = [(event, json.loads(after or "{}")) for event, after in conn.execute(
        "SELECT event, after FROM audit_log WHERE meeting_id = ? AND event IN "
        "('approved', 'reopened') ORDER BY rowid", (meeting,))]
    approved = {after.get("frozen_sha256") for event, after in events if event == "approved"}
    reopened = {after.get("superseded_frozen_sha256") for event, after in events
                if event == "reopened"}
    last_audit = conn.execute("SELECT coalesce(max(rowid), 0) FROM audit_log").fetchone()[0]
    for number, (seq, _, _, sha256, after_audit, length, last_hash) in enumerate(copies):
        if not _anchored(conn, after_audit, length, last_hash, last_audit):
            report.audit.append(f"{name}: the audit log ends before the point where the minutes "
                                f"were frozen (copy number {seq}): entries were removed "
                                "outside clerk.")
        first_of_legacy = legacy and number == 0
        if sha256 not in approved and not first_of_legacy:
            report.audit.append(f"{name}: no audit log entry records the approval of the frozen "
                                f"copy number {seq}: entries were removed outside clerk.")
        if number < len(copies) - 1 and sha256 not in reopened:
            report.audit.append(f"{name}: no audit log entry records the reopening that "
                                f"superseded the frozen copy number {seq}: entries were removed "
                                "outside clerk.")
    seq, sha256 = copies[-1][0], copies[-1][3]
    status = conn.execute("SELECT status FROM meetings WHERE id = ?", (meeting,)).fetchone()
    event, after = events[-1] if events else (None, {})
    if status is not None and status[0] == "approved":
        legacy_only = legacy and len(copies) == 1 and after.get("frozen_sha256") is None
        if not (event == "approved" and (after.get("frozen_sha256") == sha256 or legacy_only)
                or (event is None and legacy and len(copies) == 1)):
            report.minutes.append(f"{name}: approved, but the audit log's last approval or "
                                  f"reopening is not the approval of the frozen copy number "
                                  f"{seq}: the approval or the log was changed outside "
                                  "clerk.")
    elif status is not None and not (event == "reopened"
                                     and after.get("superseded_frozen_sha256") == sha256):
        report.minutes.append(f"{name}: no longer approved, but the audit log does not record "
                              "that they were reopened: the approval or the log was changed "
                              "outside clerk.")


def _anchored(conn: sqlite3.Connection, after_audit: int, length: int, last_hash: str,
              last_audit: int) -> bool:
    """True when the audit log and its chain still reach where they stood when a copy
    was frozen (the chain's row there still has the hash it had)."""
    if after_audit > last_audit:
        return False
    if not length:
        return True
    row = conn.execute("SELECT hash FROM audit_chain WHERE seq = ?", (length,)).fetchone()
    return row is not None and row[0] == last_hash


def _compare_content(conn: sqlite3.Connection, name: str, meeting: str, latest: tuple,
                     report: RecordReport) -> None:
    """The approved meeting's rows against their hashes when the minutes were frozen."""
    try:
        document = json.loads(latest[1])
        frozen = json.loads(latest[2])
    except ValueError:
        document, frozen = {}, {}
    if document.get("meeting_id") != meeting:
        report.minutes.append(f"{name}: its frozen copy is not of this meeting.")
    now = sealing.content_hashes(conn, meeting)
    changed = [sealing.CONTENT_NAMES[table] for table in sealing.CONTENT_COLUMNS
               if frozen.get(table) != now[table]]
    if _imports_differ(conn, meeting, frozen):
        changed.append("its record of imports")
    approved_on = conn.execute("SELECT approved_on FROM meetings WHERE id = ?",
                               (meeting,)).fetchone()[0]
    if document.get("approved_on") != approved_on:
        changed.append("the date of approval")
    if changed:
        report.minutes.append(f"{name}: {', '.join(changed)} differ from the minutes as "
                              "approved: they were changed outside clerk.")


def _imports_differ(conn: sqlite3.Connection, meeting: str, frozen: dict) -> bool:
    """True when the meeting's record of imports is not as it was when its minutes were
    frozen (copies frozen before migration 11 kept nothing of it to compare with)."""
    if sealing.IMPORTS not in frozen:
        return False
    try:
        seen = int(frozen.get(sealing.IMPORTS_SEEN))
    except (TypeError, ValueError):
        return True
    return sealing.import_record(conn, meeting, seen)[sealing.IMPORTS] != frozen[sealing.IMPORTS]


def _check_imports(conn: sqlite3.Connection, names: dict[str, str],
                   report: RecordReport) -> None:
    """The record of imported minutes only grows (rows numbered 1, 2, 3 … with none
    missing), reaches as far as it did when any minutes were last frozen, and names
    only meetings that are there."""
    count, last = conn.execute("SELECT count(*), coalesce(max(rowid), 0) FROM imports").fetchone()
    reached = 0
    for (content,) in conn.execute("SELECT content FROM frozen_minutes"):
        try:
            reached = max(reached, int(json.loads(content).get(sealing.IMPORTS_SEEN, 0)))
        except (AttributeError, TypeError, ValueError):
            continue  # a copy whose hashes cannot be read is reported with its meeting
    if count != last or last < reached:
        report.minutes.append("The record of imported minutes has lost rows: they were "
                              "removed outside clerk.")
    for (meeting,) in conn.execute("SELECT DISTINCT meeting_id FROM imports WHERE meeting_id "
                                   "NOT IN (SELECT id FROM meetings) ORDER BY meeting_id"):
        report.minutes.append(f"The record of imported minutes names a meeting that is not "
                              f"there ({meeting}): it was changed outside clerk.")


def _check_exports(conn: sqlite3.Connection, names: dict[str, str],
                   report: RecordReport) -> None:
    """An export vouches for a file only through frozen minutes of its own meeting."""
    for meeting, path in conn.execute(
            "SELECT e.meeting_id, e.path FROM exports e WHERE e.frozen_sha256 IS NOT NULL "
            "AND NOT EXISTS (SELECT 1 FROM frozen_minutes f WHERE f.sha256 = e.frozen_sha256 "
            "AND f.meeting_id = e.meeting_id)"):
        report.minutes.append(f"{names.get(meeting, meeting)}: the recorded export {path} names "
                              "frozen minutes that do not exist: the record was forged.")


def _check_chain(conn: sqlite3.Connection, names: dict[str, str],
                 report: RecordReport) -> None:
    """Every audit row in order, each sealed with the hash of the one before."""
    columns = ", ".join(f"a.{c}" for c in sealing.AUDIT_COLUMNS)
    rows = conn.execute(f"SELECT {columns}, c.seq, c.prev, c.hash FROM audit_log a "
                        "LEFT JOIN audit_chain c ON c.audit_id = a.id ORDER BY a.rowid").fetchall()
    prev, last_seq = sealing.GENESIS, 0
    for row in rows:
        values, (seq, sealed_prev, sealed) = row[:-3], row[-3:]
        report.audit_rows += 1
        where = f"{names.get(values[1], values[1])}: the audit log entry of {values[2]}"
        if seq is None:
            report.audit.append(f"{where} ({values[3]}) was added outside clerk.")
            break
        if seq <= last_seq or sealed_prev != prev or sealed != sealing.seal(prev, *values):
            report.audit.append(f"{where} ({values[3]}) does not match the audit chain: "
                                "the log was changed outside clerk.")
            break
        prev, last_seq = sealed, seq
    else:
        chained = conn.execute("SELECT count(*) FROM audit_chain").fetchone()[0]
        if chained != len(rows):
            report.audit.append(f"{chained - len(rows)} audit log entry(ies) were removed "
                                "outside clerk.")
