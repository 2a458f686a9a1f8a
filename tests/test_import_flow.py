"""The import as a clerk runs it: nothing refused for want of a date or a body, put right
later as a recorded correction, each meeting in once however the file was saved again,
a changed file reported (and taken only with --replace), and a closing table.

Every minute here is invented.
"""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from clerk_tui import archive, cli, cli_import
from clerk_tui.archive import SUFFIXES, Tally, import_file, text_fingerprint
from clerk_tui.cli import main
from clerk_tui.importer.documents import Line
from clerk_tui.models import (
    Action,
    AgendaItem,
    AgendaItemSnapshot,
    ImportedMinutes,
    Note,
    Resolution,
)
from clerk_tui.store import Store
from clerk_tui.store.imports import UNKNOWN_BODY, Source

DATED = """\
Orchard Lane Residents Board
Minutes of the meeting held on 14 March 2024 at 6.30 pm
Present: Mrs W Hobday (Chair), Mr K Ashworth
1. HEDGE CUTTING
RESOLVED: That the hedges be cut in October.
2. BENCHES
RESOLVED: That two benches be bought.
"""
UNDATED = "Orchard Lane Residents Board\n1. PONDS\nThe ponds were noted.\n"
NAMELESS = "Minutes of the meeting held on 9 May 2024\n1. GATES\nThe gates were noted.\n"
SPLIT = "=== the next meeting ==="


def write(folder, name: str, text: str, encoding: str = "utf-8"):
    path = folder / name
    path.write_bytes(text.encode(encoding))
    return path


def clerk(db_path, *args: str):
    return CliRunner().invoke(main, ["--db", str(db_path), *args])


def summaries(db_path):
    with Store.open(db_path) as store:
        return store.meetings.summaries()


def only_meeting(db_path):
    (summary,) = summaries(db_path)
    return summary


def events(db_path, meeting_id: str) -> list[tuple[str, str | None]]:
    with Store.open(db_path) as store:
        return [(r.event, r.reason) for r in store.meetings.audit_log(meeting_id)]


@pytest.fixture
def two_meetings_a_file(monkeypatch):
    """Files split into meetings at a marker line, each part read as the importer reads a
    file of one meeting, so the flow is tested whatever the layouts the reader knows."""
    read = archive.parse_meetings

    def split(lines, committee=None, date=None):
        parts, current = [], []
        for line in lines:
            if line.text == SPLIT:
                parts.append(current)
                current = []
            else:
                current.append(line)
        return [m for part in parts + [current] for m in read(part, committee, date)]
    monkeypatch.setattr(archive, "parse_meetings", split)


# -- never refused for want of a date or a body ----------------------------------------

def test_minutes_without_a_date_come_in_undated_and_are_listed(db_path, tmp_path):
    write(tmp_path, "ponds.txt", UNDATED)
    result = clerk(db_path, "import", str(tmp_path / "ponds.txt"))
    assert result.exit_code == 0, result.output
    assert "ponds.txt: Orchard Lane Residents Board, undated: 1 item" in result.stdout
    summary = only_meeting(db_path)
    assert summary.meeting.date is None and summary.meeting.status == "approved"
    assert f"1 meeting has no date: ponds.txt (id {summary.meeting.id[:8]})" in result.stderr
    assert "clerk meeting date MEETING YYYY-MM-DD" in result.stderr


def test_minutes_naming_no_body_come_in_under_unknown_body(db_path, tmp_path):
    write(tmp_path, "gates.txt", NAMELESS)
    result = clerk(db_path, "import", str(tmp_path / "gates.txt"))
    assert result.exit_code == 0, result.output
    summary = only_meeting(db_path)
    assert summary.committee_name == UNKNOWN_BODY and summary.meeting.date == dt.date(2024, 5, 9)
    assert "1 meeting has no body named" in result.stderr
    assert "clerk meeting committee MEETING NAME" in result.stderr


def test_the_json_keeps_an_unknown_body_and_date_null(tmp_path):
    write(tmp_path, "gates.txt", NAMELESS)
    write(tmp_path, "ponds.txt", UNDATED)
    result = CliRunner().invoke(main, ["import", "--dry-run", "--json", str(tmp_path)])
    assert result.exit_code == 0, result.output
    files = {f["path"].rsplit("/", 1)[-1]: f for f in json.loads(result.stdout)["files"]}
    assert files["gates.txt"]["meetings"][0]["committee"] is None
    assert files["ponds.txt"]["meetings"][0]["date"] is None
    assert {f["status"] for f in files.values()} == {"readable"}
    assert "with --date, or once imported with clerk meeting date" in result.stderr


def test_date_and_committee_given_stand_over_what_the_text_says(db_path, tmp_path):
    write(tmp_path, "board.txt", DATED)
    result = clerk(db_path, "import", str(tmp_path / "board.txt"), "--date", "2020-01-02",
                   "--committee", "Hamlet Trust")
    assert result.exit_code == 0, result.output
    summary = only_meeting(db_path)
    assert (summary.committee_name, summary.meeting.date) == ("Hamlet Trust",
                                                             dt.date(2020, 1, 2))


def test_a_blank_committee_on_the_command_line_is_refused(db_path, tmp_path):
    write(tmp_path, "board.txt", DATED)
    result = clerk(db_path, "import", str(tmp_path / "board.txt"), "--committee", "  ")
    assert result.exit_code == 2 and "is blank" in result.output


# -- put right later, as a recorded change ------------------------------------------------

def test_clerk_meeting_date_dates_an_undated_meeting_through_the_audit_log(db_path, tmp_path):
    write(tmp_path, "ponds.txt", UNDATED)
    clerk(db_path, "import", str(tmp_path / "ponds.txt"))
    meeting = only_meeting(db_path).meeting
    result = clerk(db_path, "meeting", "date", meeting.id[:8], "2023-11-21")
    assert result.exit_code == 0, result.output
    assert "dated 2023-11-21" in result.stdout and "audit log" in result.stdout
    after = only_meeting(db_path).meeting
    assert after.date == dt.date(2023, 11, 21) and after.status == "approved"
    assert after.approved_on == meeting.approved_on  # a correction, not a new approval
    log = events(db_path, meeting.id)
    assert log[-3:] == [("reopened", "The date corrected from no date to 2023-11-21"),
                        ("changed", None), ("approved", None)]
    assert clerk(db_path, "check").exit_code == 0


def test_clerk_meeting_committee_moves_a_meeting_with_the_reason_given(db_path, tmp_path):
    write(tmp_path, "gates.txt", NAMELESS)
    clerk(db_path, "import", str(tmp_path / "gates.txt"))
    meeting = only_meeting(db_path).meeting
    result = clerk(db_path, "meeting", "committee", meeting.id, "Hamlet Trust",
                   "--reason", "The heading was cut off the scan")
    assert result.exit_code == 0, result.output
    assert "is a meeting of Hamlet Trust" in result.stdout
    assert only_meeting(db_path).committee_name == "Hamlet Trust"
    assert ("reopened", "The heading was cut off the scan") in events(db_path, meeting.id)
    assert clerk(db_path, "check").exit_code == 0


@pytest.mark.parametrize("args, code, said", [
    (["meeting", "date", "ffffffff", "2024-01-01"], 1, "There is no meeting whose id starts"),
    (["meeting", "date", "MEETING", "2024-02-30"], 2, "not a real date"),
    (["meeting", "date", "MEETING", "1 May 2024"], 2, "write it as YYYY-MM-DD"),
    (["meeting", "committee", "ffffffff", "Hamlet Trust"], 1, "There is no meeting"),
    (["meeting", "committee", "MEETING", " "], 2, "is blank"),
])
def test_corrections_name_what_is_wrong(db_path, tmp_path, args, code, said):
    write(tmp_path, "ponds.txt", UNDATED)
    clerk(db_path, "import", str(tmp_path / "ponds.txt"))
    meeting = only_meeting(db_path).meeting
    result = clerk(db_path, *[meeting.id if a == "MEETING" else a for a in args])
    assert result.exit_code == code and said in result.output
    assert "Traceback" not in result.output
    assert only_meeting(db_path).meeting == meeting  # nothing changed


def test_a_draft_meeting_is_corrected_without_reopening(store):
    draft = store.new_meeting("Hamlet Trust", dt.date(2024, 1, 1))
    store.imports.redate(draft.id, dt.date(2024, 1, 8))
    moved = store.imports.reassign(draft.id, "Orchard Lane Residents Board")
    assert (moved.date, moved.status) == (dt.date(2024, 1, 8), "draft")
    assert store.committees.get(moved.committee_id).name == "Orchard Lane Residents Board"
    assert store.meetings.audit_log(draft.id) == []


# -- several meetings in one file --------------------------------------------------------

def test_every_meeting_in_a_file_is_filed_and_reported(db_path, tmp_path, two_meetings_a_file):
    second = DATED.replace("14 March", "11 April").replace("HEDGE CUTTING", "DRAINS")
    path = write(tmp_path, "year.txt", f"{DATED}{SPLIT}\n{second}")
    result = clerk(db_path, "import", "--json", str(path))
    assert result.exit_code == 0, result.output
    (file,) = json.loads(result.stdout)["files"]
    assert [m["date"] for m in file["meetings"]] == ["2024-03-14", "2024-04-11"]
    assert file["status"] == "imported" and file["message"].startswith("2 meetings: ")
    assert sorted(s.meeting.date for s in summaries(db_path)) == [dt.date(2024, 3, 14),
                                                                 dt.date(2024, 4, 11)]
    again = clerk(db_path, "import", str(path))
    assert again.exit_code == 0 and "already imported; nothing added" in again.stdout
    assert len(summaries(db_path)) == 2


def test_undated_meetings_of_one_file_are_listed_each(db_path, tmp_path, two_meetings_a_file):
    path = write(tmp_path, "year.txt", f"{UNDATED}{SPLIT}\n{UNDATED.replace('PONDS', 'WEIRS')}")
    result = clerk(db_path, "import", str(path))
    assert result.exit_code == 0, result.output
    assert "2 meetings have no date: year.txt, meeting 1 (id " in result.stderr
    assert "year.txt, meeting 2 (id " in result.stderr
    assert len(summaries(db_path)) == 2


# -- once only, by content -----------------------------------------------------------------

@pytest.mark.parametrize("resave", [
    lambda text: text.replace("\n", "\r\n"),
    lambda text: text.replace("\n", "   \n"),
    lambda text: "\ufeff" + text,
    lambda text: text.replace("\n", "\n\n") + "\n\n",
], ids=["crlf", "trailing-spaces", "bom", "blank-lines"])
def test_the_same_minutes_saved_again_under_another_name_add_nothing(db_path, tmp_path, resave):
    clerk(db_path, "import", str(write(tmp_path, "board.txt", DATED)))
    with Store.open(db_path) as store:
        before = store.snapshot(only_meeting(db_path).meeting.id)
    result = clerk(db_path, "import", str(write(tmp_path, "copy of board.txt", resave(DATED))))
    assert result.exit_code == 0, result.output
    assert "already imported; nothing added" in result.stdout
    with Store.open(db_path) as store:
        assert store.snapshot(before.meeting.id) == before


def test_the_same_meeting_found_in_another_file_adds_nothing(db_path, tmp_path,
                                                             two_meetings_a_file):
    clerk(db_path, "import", str(write(tmp_path, "march.txt", DATED)))
    other = DATED.replace("14 March", "11 April")
    result = clerk(db_path, "import", str(write(tmp_path, "both.txt", f"{DATED}{SPLIT}\n{other}")))
    assert result.exit_code == 0, result.output
    assert "(already imported)" in result.stdout and len(summaries(db_path)) == 2


def test_a_changed_file_is_reported_not_duplicated(db_path, tmp_path):
    clerk(db_path, "import", str(write(tmp_path, "board.txt", DATED)))
    meeting = only_meeting(db_path).meeting
    changed = DATED.replace("two benches", "three benches")
    result = clerk(db_path, "import", "--json", str(write(tmp_path, "board v2.txt", changed)))
    assert result.exit_code == 1
    (file,) = json.loads(result.stdout)["files"]
    assert file["status"] == "changed"
    assert "differs from the minutes imported before (from " in file["message"]
    assert "--replace" in file["message"] and "--replace" in result.stderr
    assert only_meeting(db_path).meeting == meeting
    with Store.open(db_path) as store:
        texts = [e.text for p in store.snapshot(meeting.id).items for e in p.entries]
    assert any("two benches" in text for text in texts)


def test_replace_takes_the_new_minutes_through_the_audit_log(db_path, tmp_path):
    clerk(db_path, "import", str(write(tmp_path, "board.txt", DATED)))
    meeting = only_meeting(db_path).meeting
    new = write(tmp_path, "board v2.txt", DATED.replace("two benches", "three benches"))
    result = clerk(db_path, "import", "--replace", str(new))
    assert result.exit_code == 0, result.output
    assert "(replaced the minutes imported before)" in result.stdout
    after = only_meeting(db_path).meeting
    assert after.id == meeting.id and after.status == "approved"
    with Store.open(db_path) as store:
        texts = [e.text for p in store.snapshot(meeting.id).items for e in p.entries]
        log = store.meetings.audit_log(meeting.id)
    assert any("three benches" in text for text in texts)
    assert not any("two benches" in text for text in texts)
    reopened = [r for r in log if r.event == "reopened"]
    assert reopened[-1].reason.startswith("Replaced by the minutes in ")
    deleted = [r.before["text"] for r in log if r.change == "delete" and r.what == "entries"]
    assert any("two benches" in text for text in deleted)  # what was there is kept in the log
    assert clerk(db_path, "check").exit_code == 0
    again = clerk(db_path, "import", str(new))
    assert "already imported" in again.stdout
    old = clerk(db_path, "import", str(tmp_path / "board.txt"))  # the old one now differs
    assert old.exit_code == 1 and "differs" in old.stderr and "board v2.txt" in old.stderr


def test_an_undated_file_edited_is_known_by_its_place(db_path, tmp_path):
    path = write(tmp_path, "ponds.txt", UNDATED)
    clerk(db_path, "import", str(path))
    write(tmp_path, "ponds.txt", UNDATED.replace("were noted", "were drained"))
    result = clerk(db_path, "import", str(path))
    assert result.exit_code == 1 and "differs" in result.stderr
    assert len(summaries(db_path)) == 1


def test_fingerprints_ignore_how_the_text_was_saved():
    plain = [Line("Board"), Line("1. Ponds", "heading")]
    assert text_fingerprint(plain) == text_fingerprint(list(plain))
    assert text_fingerprint(plain) != text_fingerprint([Line("Board"), Line("1. Ponds")])


def test_a_source_without_a_text_fingerprint_is_known_by_its_bytes(store):
    minutes = ImportedMinutes(committee="Hamlet Trust", date=dt.date(2024, 2, 2))
    item = AgendaItem(meeting_id=minutes.placeholder_id, title="Wells", exempt=False)
    minutes.items.append(AgendaItemSnapshot(item=item, entries=[Note(
        item_id=item.id, text="The wells were noted.", captured_at=dt.datetime(2024, 2, 2))]))
    first = store.imports.file(minutes, Source("wells.txt", "b" * 64))
    again = store.imports.file(minutes, Source("elsewhere.txt", "b" * 64))
    assert (first.outcome, again.outcome) == ("imported", "unchanged")
    assert store.imports.meeting_of("b" * 64) == first.meeting.id


# -- progress, the closing table, the exit code -----------------------------------------

def test_the_closing_table_counts_what_was_found(db_path, tmp_path):
    folder = tmp_path / "minutes"
    folder.mkdir()
    write(folder, "a.txt", DATED)
    write(folder, "b.txt", UNDATED)
    write(folder, "c.txt", NAMELESS)
    (folder / "d.txt").write_bytes(b"")
    (folder / "e.png").write_bytes(b"\x89PNG")
    result = clerk(db_path, "import", str(folder))
    assert result.exit_code == 1  # the empty file did not come in
    table = dict(line.rsplit(None, 1) for line in result.stderr.splitlines()
                 if line.startswith("  "))
    assert {k.strip(): int(v) for k, v in table.items()} == {
        "files": 5, "meetings": 3, "items": 4, "decisions": 2, "actions": 0, "questions": 0,
        "undated": 1, "unknown body": 1, "refused": 1, "skipped": 1}
    assert "[5/5]" in result.output
    assert "1 of 4 file(s) could not be imported." in result.stderr


def test_exit_zero_when_every_file_came_in_even_undated(db_path, tmp_path):
    paths = [str(write(tmp_path, "a.txt", DATED)), str(write(tmp_path, "b.txt", UNDATED))]
    assert clerk(db_path, "import", *paths).exit_code == 0
    assert clerk(db_path, "import", *paths).exit_code == 0  # already imported


def test_with_json_stdout_is_the_json_alone(db_path, tmp_path):
    paths = [str(write(tmp_path, "a.txt", DATED)), str(write(tmp_path, "b.txt", UNDATED))]
    result = clerk(db_path, "import", "--json", *paths)
    assert result.exit_code == 0, result.output
    assert len(json.loads(result.stdout)["files"]) == 2
    assert "[1/2]" in result.stderr and "Found:" in result.stderr


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_a_bar_is_drawn_on_a_terminal_and_lines_stay_plain(monkeypatch):
    terminal = _Terminal()
    monkeypatch.setattr(cli.sys, "stderr", terminal)
    progress = cli_import.Progress(3)
    for number in (1, 2, 3):
        progress.line(number, f"file{number}.txt: read", err=True, failed=False)
    drawn = terminal.getvalue()
    assert "] 1/3 files" in drawn and "] 2/3 files" in drawn and "[1/3]" not in drawn
    last = drawn.rsplit("\r", 1)[-1]  # the bar is gone once all are read
    assert last.startswith("\x1b[Kfile3.txt: read") and "3/3" not in drawn


def test_the_tally_counts_the_meetings_of_files_that_came_in():
    minutes = ImportedMinutes(committee="Hamlet Trust")
    item = AgendaItem(meeting_id=minutes.placeholder_id, title="Wells", exempt=False)
    at = dt.datetime(2024, 2, 2)
    minutes.items.append(AgendaItemSnapshot(item=item, entries=[
        Resolution(item_id=item.id, text="That the wells be capped.", captured_at=at),
        Action(item_id=item.id, text="Cap the wells", owner="Warden", captured_at=at)]))
    tally = Tally()
    tally.add(archive.FileReport(Path("w.txt"), True, "", status="readable",
                                 meetings=(minutes,)))
    tally.add(archive.FileReport(Path("x.txt"), False, "", status="refused",
                                 meetings=(minutes,)))
    assert (tally.files, tally.meetings, tally.items, tally.refused) == (2, 1, 1, 1)
    assert (tally.decisions, tally.actions, tally.undated) == (1, 1, ["w.txt"])
    assert tally.unknown_body == [] and not tally.all_came_in


# -- PDF -------------------------------------------------------------------------------

def test_pdf_files_are_read_and_a_scan_is_refused_saying_why(db_path, tmp_path):
    pypdf = pytest.importorskip("pypdf")
    assert ".pdf" in SUFFIXES
    writer = pypdf.PdfWriter()
    writer.add_blank_page(width=595, height=842)  # a page with no text layer: as a scan
    with (tmp_path / "scan.pdf").open("wb") as handle:
        writer.write(handle)
    result = clerk(db_path, "import", str(tmp_path / "scan.pdf"))
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert "scan.pdf: " in result.stderr and "skipped" not in result.stderr
    assert "text" in result.stderr.split("scan.pdf: ", 1)[1].splitlines()[0]


def test_a_file_that_cannot_be_filed_leaves_nothing_of_itself(store, tmp_path, monkeypatch,
                                                              two_meetings_a_file):
    second = DATED.replace("14 March", "11 April")
    path = write(tmp_path, "year.txt", f"{DATED}{SPLIT}\n{second}")
    real = store.imports.file

    def fails_at_the_second(minutes, source, replace=False):
        if source.part == 1:
            raise RuntimeError("the second meeting could not be filed")
        return real(minutes, source, replace)
    monkeypatch.setattr(store.imports, "file", fails_at_the_second)
    report = import_file(store, path)
    assert not report.ok and "the second meeting could not be filed" in report.message
    assert store.meetings.summaries() == []  # one save: the first is not left on its own


def test_the_bench_row_of_a_rate_gives_the_ratio_of_times():
    from bench import report

    row = report.rated("import", 50.0, 200.0, "docs/s")
    assert (row.clerk, row.baseline, row.ratio, row.passed) == (50.0, 200.0, 4.0, None)


def test_migration_10_keeps_the_imports_recorded_before_it(tmp_path):
    import sqlite3

    from clerk_tui.store.migrations import SCHEMA_VERSION, migrate

    connection = sqlite3.connect(tmp_path / "old.db", isolation_level=None)
    migrate(connection, target=9)
    connection.execute("INSERT INTO imports VALUES ('c' || hex(zeroblob(31)), 'old.txt', "
                       "'m1', '2024-01-01T10:00:00')")
    migrate(connection)
    rows = connection.execute("SELECT sha256, text_sha256, part, minutes_sha256, path, "
                              "meeting_id, replaced_at FROM imports").fetchall()
    connection.close()
    assert SCHEMA_VERSION >= 10
    (row,) = rows
    assert row[0] == row[1] and row[2:] == (0, None, "old.txt", "m1", None)


# -- what the review found -----------------------------------------------------------------

def test_undated_files_of_one_name_in_two_folders_are_two_meetings(db_path, tmp_path,
                                                                   monkeypatch):
    for folder, words in (("north", "The ponds were noted."), ("south", "The stiles were mended.")):
        (tmp_path / folder).mkdir()
        write(tmp_path / folder, "minutes.txt", UNDATED.replace("The ponds were noted.", words))
        monkeypatch.chdir(tmp_path / folder)  # each imported as "minutes.txt", as typed
        assert clerk(db_path, "import", "minutes.txt").exit_code == 0
    assert len(summaries(db_path)) == 2


def test_a_date_given_for_a_file_of_two_meetings_keeps_them_two(db_path, tmp_path,
                                                                two_meetings_a_file):
    second = DATED.replace("HEDGE CUTTING", "DRAINS").replace("hedges be cut", "drains be dug")
    path = write(tmp_path, "year.txt", f"{DATED}{SPLIT}\n{second}")
    result = clerk(db_path, "import", "--date", "2024-01-01", "--replace", str(path))
    assert result.exit_code == 0, result.output
    assert "differs" not in result.output and len(summaries(db_path)) == 2


def test_a_file_with_one_meeting_changed_adds_none_of_its_meetings(db_path, tmp_path,
                                                                   two_meetings_a_file):
    clerk(db_path, "import", str(write(tmp_path, "march.txt", DATED)))
    changed = DATED.replace("two benches", "three benches")
    april = DATED.replace("14 March", "11 April")
    result = clerk(db_path, "import", str(write(tmp_path, "both.txt",
                                                  f"{changed}{SPLIT}\n{april}")))
    assert result.exit_code == 1 and "differs" in result.stdout + result.stderr
    assert "not added" in result.stdout + result.stderr
    assert [s.meeting.date for s in summaries(db_path)] == [dt.date(2024, 3, 14)]


def test_a_further_page_leaves_minutes_the_clerk_reopened_open(db_path, tmp_path):
    clerk(db_path, "import", str(write(tmp_path, "one.txt", DATED)))
    meeting = only_meeting(db_path).meeting
    with Store.open(db_path) as store:
        store.meetings.reopen(meeting.id, "Correcting a name")
    more = DATED.replace("2. BENCHES", "3. BINS").replace("two benches", "bins")
    assert clerk(db_path, "import", str(write(tmp_path, "two.txt", more))).exit_code == 0
    assert only_meeting(db_path).meeting.status == "reopened"


def test_a_correction_that_changes_nothing_says_so(db_path, tmp_path):
    clerk(db_path, "import", str(write(tmp_path, "board.txt", DATED)))
    meeting = only_meeting(db_path).meeting
    again = clerk(db_path, "meeting", "date", meeting.id[:8], "2024-03-14")
    assert again.exit_code == 0 and "nothing was changed" in again.output
    assert [event for event, _ in events(db_path, meeting.id)] == ["approved"]
    blank = clerk(db_path, "meeting", "committee", meeting.id[:8], "  ")
    assert blank.exit_code == 2 and "--committee" not in blank.output
