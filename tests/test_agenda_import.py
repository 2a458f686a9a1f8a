"""Agendas from files: numbering, report references, PART 2, bad lines reported."""

from __future__ import annotations

import docx
import pytest
from click.testing import CliRunner

from clerk_tui.cli import main
from clerk_tui.importer.agenda import AgendaLine, parse_agenda, read_agenda
from clerk_tui.store import Store

AGENDA = """\
PLANNING COMMITTEE AGENDA
1. Apologies for absence
2 Declarations of interest
4. Minutes of the previous meeting
11 Children Portfolio Plan (Report ECHS22030)
12a) Urgent business
23/45 Budget monitoring (report CSD24012)
14. Staff survey results (exempt, paragraph 1)

PART 2 (EXEMPT) AGENDA
15. Depot lease (Exempt - paragraph 3)
16 Staffing matters
"""


def test_items_numbers_titles_and_references():
    reading = parse_agenda(AGENDA.splitlines())
    assert [(i.minute_number, i.title, i.report_reference) for i in reading.items[:6]] == [
        ("1", "Apologies for absence", None),
        ("2", "Declarations of interest", None),
        ("4", "Minutes of the previous meeting", None),
        ("11", "Children Portfolio Plan", "ECHS22030"),
        ("12a", "Urgent business", None),
        ("23/45", "Budget monitoring", "CSD24012"),
    ]


def test_exempt_items_after_part_2_and_marked_exempt():
    items = parse_agenda(AGENDA.splitlines()).items
    assert [(i.minute_number, i.exempt, i.exempt_paragraph) for i in items] == [
        ("1", False, None), ("2", False, None), ("4", False, None), ("11", False, None),
        ("12a", False, None), ("23/45", False, None), ("14", True, 1), ("15", True, 3),
        ("16", True, None),
    ]
    assert [i.exempt for i in parse_agenda(["Part II", "1. Land"]).items] == [True]


def test_lines_it_cannot_read_are_reported_not_guessed():
    reading = parse_agenda(AGENDA.splitlines())
    assert reading.problems == ["line 1 (not a numbered item): PLANNING COMMITTEE AGENDA"]
    assert len(reading.items) == 9


def test_an_agenda_in_word_with_automatic_numbering(tmp_path):
    path = tmp_path / "agenda.docx"
    document = docx.Document()
    document.add_paragraph("Agenda")
    for title in ("Apologies", "Minutes of the previous meeting (Report CS24001)"):
        document.add_paragraph(title, style="List Number")
    document.add_paragraph("7 Any other business")
    document.save(path)
    reading = read_agenda(path)
    assert reading.items == [
        AgendaLine("1", "Apologies"),
        AgendaLine("2", "Minutes of the previous meeting", "CS24001"),
        AgendaLine("7", "Any other business"),
    ]
    assert reading.problems == ["line 1 (not a numbered item): Agenda"]


@pytest.fixture
def run(db_path):
    def invoke(*args):
        return CliRunner().invoke(main, ["--db", str(db_path), "meeting", "new", *args])
    return invoke


def test_clerk_meeting_new_with_an_agenda(run, db_path, tmp_path):
    agenda = tmp_path / "agenda.txt"
    agenda.write_text(AGENDA)
    result = run("--committee", "Planning", "--date", "2024-05-01", "--time", "19:00",
                 "--venue", "Council Chamber", "--agenda", str(agenda))
    assert result.exit_code == 0, result.output
    meeting_id = result.stdout.strip()
    assert "Skipped line 1 (not a numbered item): PLANNING COMMITTEE AGENDA" in result.stderr
    assert "with 9 agenda item(s), 3 exempt" in result.stderr
    with Store.open(db_path) as store:
        snapshot = store.snapshot(meeting_id)
    assert snapshot.committee.name == "Planning"
    assert (str(snapshot.meeting.date), str(snapshot.meeting.start_time)) == ("2024-05-01", "19:00:00")
    assert [i.item.minute_number for i in snapshot.items] == [
        "1", "2", "4", "11", "12a", "23/45", "14", "15", "16"]
    assert snapshot.items[3].item.report_reference == "ECHS22030"


def test_clerk_meeting_new_refuses_bad_dates_and_unreadable_agendas(run, db_path, tmp_path):
    result = run("--committee", "Planning", "--date", "2024-02-30")
    assert result.exit_code == 2 and "'2024-02-30' is not a real date" in result.output
    binary = tmp_path / "agenda.txt"
    binary.write_bytes(b"\x00\x01\x02" * 100)
    result = run("--committee", "Planning", "--date", "2024-05-01", "--agenda", str(binary))
    assert result.exit_code == 1 and "is not a text file" in result.output
    encrypted = tmp_path / "agenda.docx"
    encrypted.write_bytes(b"not a zip at all")
    result = run("--committee", "Planning", "--date", "2024-05-01", "--agenda", str(encrypted))
    assert result.exit_code == 1 and "is not a Word document" in result.output
    assert "Traceback" not in result.output
    with Store.open(db_path) as store:
        assert store.meetings.summaries() == []
