"""What the import, check and search commands print, worded without the command line."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from clerk_tui import check_report, import_run, search_results
from clerk_tui.archive import Tally
from clerk_tui.store import SCHEMA_VERSION
from clerk_tui.store.maintenance import HealthReport
from clerk_tui.store.record_check import RecordReport
from clerk_tui.store.search import MARK_END, MARK_START, SearchHit, SearchResults

# -- clerk import ---------------------------------------------------------------------

def test_each_line_is_counted_when_there_is_no_bar():
    count = import_run.ProgressCount(3, bar=False)
    assert count.counted(2, "b.txt: read") == "[2/3] b.txt: read"
    assert count.bar_after(2) is None


def test_one_file_is_neither_counted_nor_barred():
    count = import_run.ProgressCount(1, bar=True)
    assert count.counted(1, "a.txt: read") == "a.txt: read" and count.bar_after(1) is None


def test_the_bar_fills_and_is_gone_after_the_last_file():
    count = import_run.ProgressCount(4, bar=True)
    assert count.counted(1, "a.txt") == "a.txt"
    assert count.bar_after(2) == f"\r[{'#' * 15}{'.' * 15}] 2/4 files"
    assert count.bar_after(4) is None


def test_the_closing_table_lists_every_count_and_the_rare_ones_only_when_met():
    table = import_run.closing_table(Tally(files=1200, meetings=3), dry_run=False)
    assert table.splitlines()[0] == "Found:"
    assert "  files          1,200" in table and "skipped" not in table
    assert "changed" not in table
    rare = import_run.closing_table(Tally(skipped=2, changed=1), dry_run=True)
    assert rare.startswith("Found (dry run: nothing was written):")
    assert "  skipped" in rare and "  changed" in rare


def test_undated_meetings_are_listed_with_how_to_date_them():
    tally = Tally(undated=[f"m{n}.txt" for n in range(12)])
    [note] = import_run.closing_notes(tally, dry_run=False)
    assert note.startswith("12 meetings have no date: m0.txt; m1.txt")
    assert "; … and 2 more." in note and "clerk meeting date MEETING YYYY-MM-DD" in note
    assert "--date" not in note


def test_a_dry_run_says_how_to_name_a_body_before_importing():
    tally = Tally(unknown_body=["ferry.txt"])
    notes = import_run.closing_notes(tally, dry_run=True)
    assert notes[0].startswith("1 meeting has no body named, so would be filed under")
    assert "--committee, or once imported with clerk meeting committee" in notes[0]
    assert notes[-1] == "Dry run: nothing was written."


def test_changed_and_skipped_files_are_explained():
    notes = import_run.closing_notes(Tally(changed=2, skipped=1), dry_run=False)
    assert notes[0].startswith("2 file(s) differ") and "--replace" in notes[0]
    assert notes[1] == "1 file(s) skipped (not .txt, .md, .docx or .pdf)."


def test_a_run_fails_only_when_a_file_did_not_come_in():
    assert import_run.failure(Tally(files=3, undated=["a.txt"])) is None
    assert import_run.failure(Tally(files=4, refused=1, changed=1, skipped=1)) == \
        "2 of 3 file(s) could not be imported."


# -- clerk check ----------------------------------------------------------------------

def _health(**changes) -> HealthReport:
    fields = {"path": Path("board.db"), "schema_version": SCHEMA_VERSION,
              "journal_mode": "wal", "integrity": ["ok"],
              "record": RecordReport(approved=2, audit_rows=9)} | changes
    return HealthReport(**fields)


def test_a_healthy_database_reports_ok_throughout():
    lines = check_report.report_lines(_health())
    assert lines[0] == "Database:        board.db"
    assert f"Schema version:  {SCHEMA_VERSION} (current)" in lines
    assert "Foreign keys:    ok" in lines and "Search index:    ok" in lines
    assert "Approved:        ok (2 meeting(s), each as approved)" in lines
    assert check_report.failure(_health()) is None


def test_problems_are_listed_up_to_a_limit():
    record = RecordReport(audit=[f"meeting {n}: a row differs" for n in range(25)],
                          notes=["one export predates fingerprints"])
    lines = check_report.record_lines(record)
    assert "Audit chain:     25 problem(s)" in lines
    assert "  - meeting 0: a row differs" in lines and "  … and 5 more" in lines
    assert lines[-1] == "Note: one export predates fingerprints"


def test_each_failure_says_what_to_do():
    tampered = _health(record=RecordReport(minutes=["meeting 1: the text differs"]))
    assert "clerk verify --fingerprint" in check_report.failure(tampered)
    stale = _health(search_index=["entries_fts"])
    assert "--rebuild-search" in check_report.failure(stale)
    assert "does not match the minutes (entries_fts)" in check_report.report_lines(stale)[5]
    old = _health(schema_version=SCHEMA_VERSION - 1, foreign_key_problems=3)
    assert "restore the file from a backup" in check_report.failure(old)
    assert "Foreign keys:    3 problem(s)" in check_report.report_lines(old)


# -- clerk search ---------------------------------------------------------------------

def _hit(**changes) -> SearchHit:
    fields = {"entry_id": "e1", "kind": "resolution", "label": "RESOLVED",
              "text": "That the ford be widened.",
              "snippet": f"That the {MARK_START}ford{MARK_END} be widened.",
              "meeting_id": "m1", "committee": "Askew Ford Parish Meeting",
              "date": dt.date(2025, 4, 2), "status": "approved", "item_id": "i1",
              "minute_number": "7", "item_title": "Highways"} | changes
    return SearchHit(**fields)


def test_matched_words_are_bold_on_a_terminal_and_bracketed_when_piped():
    assert search_results.marked(_hit().snippet, on_terminal=False) == "That the [ford] be widened."
    assert search_results.marked(_hit().snippet, on_terminal=True) == \
        "That the \x1b[1mford\x1b[22m be widened."


def test_controls_in_a_snippet_are_shown_not_acted_on():
    shown = search_results.marked(f"a\x1b]0;x\x07{MARK_START}b{MARK_END}", on_terminal=False)
    assert shown == "a\\x1b]0;x\\x07[b]"


def test_where_a_hit_was_minuted_and_whether_it_is_exempt():
    assert search_results.hit_where(_hit()) == "2025-04-02 · Askew Ford Parish Meeting · 7. Highways"
    exempt = search_results.hit_where(_hit(minute_number=None, exempt=True))
    assert exempt.endswith("· Highways · EXEMPT (not for the public)")
    assert search_results.hit_line(_hit(label=None), False).startswith("  RESOLUTION: ")


def test_the_json_marks_matches_with_stars_and_dates_in_iso():
    results = SearchResults(hits=[_hit(), _hit(date=None)], count=2)
    dumped = search_results.results_json("ford", results)
    assert dumped["query"] == "ford" and dumped["count"] == 2
    assert dumped["results"][0]["snippet"] == "That the **ford** be widened."
    assert [hit["date"] for hit in dumped["results"]] == ["2025-04-02", None]
    assert search_results.results_heading("ford", results) == "2 results for 'ford'"


def test_dates_the_wrong_way_round_are_refused():
    assert search_results.dates_refused(dt.date(2025, 5, 1), dt.date(2025, 4, 1))
    assert search_results.dates_refused(dt.date(2025, 4, 1), dt.date(2025, 4, 1)) is None
    assert search_results.dates_refused(None, dt.date(2025, 4, 1)) is None


def test_a_megabyte_of_marks_is_shown_quickly():
    assert len(search_results.marked((MARK_START + "[") * 500_000, on_terminal=False)) > 0


# -- headless -------------------------------------------------------------------------

HEADLESS = ("clerk_tui.action_log", "clerk_tui.import_run", "clerk_tui.check_report",
            "clerk_tui.search_results", "clerk_tui.verification",
            "clerk_tui.minutes.compose.follow_up")


def test_the_jobs_load_neither_textual_nor_click():
    import subprocess
    import sys

    code = (f"import sys, {', '.join(HEADLESS)}; "
            "print(sorted({'textual', 'click'} & set(sys.modules)))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True)
    assert result.stdout.strip() == "[]"
