"""Table columns in text, Word and PDF minutes: a line's cells reach the readers of
attendance and action logs, while its text (the published words) stays as it was."""

from __future__ import annotations

import datetime as dt

import docx
import pytest

from clerk_tui.importer import actions, attendance, cleanup
from clerk_tui.importer.blocks import Layout
from clerk_tui.importer.documents import Line, cells_of, read_document, tidy
from clerk_tui.importer.minutes import parse_minutes, read_pieces
from clerk_tui.importer.pieces import Piece, split
from test_import_pdf import text_pdf

# --- documents: the cells of a line ---------------------------------------------------


def test_a_line_set_out_with_spaces_or_tabs_has_its_cells():
    assert cells_of("Wenna Polkinghorne     Harbour Master") == (
        "Wenna Polkinghorne", "Harbour Master")
    assert cells_of("Clear the slipway\tBosun\t14/07/2025") == (
        "Clear the slipway", "Bosun", "14/07/2025")
    assert cells_of("  Ned Trago \t  Quay Warden  ") == ("Ned Trago", "Quay Warden")


def test_a_line_with_single_spaces_or_one_part_has_no_cells():
    assert cells_of("Wenna Polkinghorne Harbour Master") == ()
    assert cells_of("   Harbour Master   ") == ()
    assert cells_of("") == ()


def test_the_double_spaces_of_justified_prose_are_no_cells():
    assert cells_of("The Board noted the report.  The Chair thanked the officers.") == ()
    assert cells_of("Members  discussed the  mooring fees at length") == ()
    assert cells_of("The fees rose by 3%,  as last year;  members agreed.") == ()


def test_a_long_line_is_a_paragraph_not_a_row():
    assert cells_of("Berth   " + "word " * 200) == ()


@pytest.mark.parametrize("hostile", [" " * 1_000_000, "\t" * 1_000_000, "a  " * 350_000,
                                     "a\t" * 500_000, "(" * 1_000_000, "9 " * 500_000])
def test_cells_of_a_hostile_line_are_read_quickly(hostile):
    assert cells_of(hostile) == ()


def test_a_text_file_gives_each_line_its_cells_and_the_same_text(tmp_path):
    path = tmp_path / "minutes.txt"
    path.write_text("Present:\nWenna Polkinghorne     Harbour Master\n"
                    "- Ned Trago\tQuay Warden\n# Berths   and moorings\n"
                    "The Board met.  It noted the accounts.\n", encoding="utf-8")
    lines = read_document(path)
    assert [line.text for line in lines] == [
        "Present:", "Wenna Polkinghorne Harbour Master", "Ned Trago\tQuay Warden",
        "Berths and moorings", "The Board met. It noted the accounts."]
    assert [line.cells for line in lines] == [
        (), ("Wenna Polkinghorne", "Harbour Master"), ("Ned Trago", "Quay Warden"), (), ()]


def test_a_word_table_row_and_a_tabbed_paragraph_have_their_cells(tmp_path):
    document = docx.Document()
    document.add_paragraph("Morwenna Jago\tPort Chaplain")
    table = document.add_table(rows=2, cols=3)
    for row, texts in zip(table.rows, [("Action", "Owner", "Due"),
                                       ("Paint the bollards", "Bosun", "1 May 2025")]):
        for cell, text in zip(row.cells, texts):
            cell.text = text
    path = tmp_path / "minutes.docx"
    document.save(str(path))
    lines = read_document(path)
    assert [(line.text, line.cells) for line in lines] == [
        ("Morwenna Jago Port Chaplain", ("Morwenna Jago", "Port Chaplain")),
        ("Action · Owner · Due", ("Action", "Owner", "Due")),
        ("Paint the bollards · Bosun · 1 May 2025", ("Paint the bollards", "Bosun", "1 May 2025"))]


def test_a_two_column_word_row_keeps_its_text_and_has_its_cells(tmp_path):
    document = docx.Document()
    table = document.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text, table.rows[0].cells[1].text = "Harbour Master", "Wenna Polkinghorne"
    path = tmp_path / "minutes.docx"
    document.save(str(path))
    assert read_document(path) == [Line("Harbour Master: Wenna Polkinghorne",
                                        cells=("Harbour Master", "Wenna Polkinghorne"))]


def test_a_pdf_line_with_wide_gaps_has_its_cells(tmp_path):
    path = tmp_path / "minutes.pdf"
    path.write_bytes(text_pdf(["Present:", "Ned Trago      Quay Warden"]))
    lines = read_document(path)
    assert [line.text for line in lines] == ["Present:", "Ned Trago Quay Warden"]
    assert lines[1].cells == ("Ned Trago", "Quay Warden")


def test_the_text_is_what_tidy_made_of_it_before_cells():
    raw = "Ned Trago      Quay Warden"
    assert Line(tidy(raw), cells=cells_of(raw)).text == "Ned Trago Quay Warden"


# --- pieces ------------------------------------------------------------------------------


def test_pieces_made_from_lines_carry_their_cells():
    pieces = read_pieces([Line("Clear the slipway Bosun", cells=("Clear the slipway", "Bosun"))])
    assert pieces[0].text == "Clear the slipway Bosun"


def test_a_piece_cut_from_a_line_has_no_cells():
    piece = Piece("Noted. Bosun to clear it.", cells=("Noted.", "Bosun to clear it."))
    assert [part.cells for part in split(piece, [7])] == [(), ()]


# --- attendance ---------------------------------------------------------------------------


def _row(text: str) -> Line:
    return Line(tidy(text), cells=cells_of(text))


def _people(lines: list[Line]) -> list[tuple[str, str, str | None]]:
    return [(person.name, person.status, person.role)
            for person in attendance.attendance_in(Layout(lines, []))]


def test_a_list_in_columns_is_read_as_names_and_offices():
    # one row naming a post plainly ("Clerk to the Board") shows the column holds offices
    lines = [Line("Present:"), _row("Wenna Polkinghorne     Harbour Master"),
             _row("Ned Trago              Porthleven Gig Club"),
             _row("Cador Hendy            Lifeboat Coxswain (part meeting)"),
             Line("In attendance:"), _row("Tamsin Roskilly\tYouth Worker\tKernow Sail Trust"),
             _row("Jory Pascoe            Clerk to the Board")]
    assert _people(lines) == [
        ("Wenna Polkinghorne", "present", "Harbour Master"),
        ("Ned Trago", "present", "Porthleven Gig Club"),
        ("Cador Hendy", "present", "Lifeboat Coxswain"),
        ("Tamsin Roskilly", "in attendance", "Youth Worker"),
        ("Jory Pascoe", "in attendance", "Clerk to the Board"),
    ]


def test_an_office_two_rows_hold_alike_shows_the_column():
    lines = [Line("Present:"), _row("Wenna Polkinghorne     Harbour Trustee"),
             _row("Ned Trago              Harbour Trustee"),
             _row("Cador Hendy            Lifeboat Coxswain")]
    assert [role for _name, _status, role in _people(lines)] == [
        "Harbour Trustee", "Harbour Trustee", "Lifeboat Coxswain"]


def test_an_office_before_the_name_in_columns():
    lines = [Line("Officers in attendance:"), _row("Harbour Engineer      Wenna Polkinghorne")]
    assert _people(lines) == [("Wenna Polkinghorne", "in attendance", "Harbour Engineer")]


def test_two_names_in_columns_are_not_a_name_and_an_office():
    lines = [Line("Present:"), _row("Cllr Ned Trago      Cllr Cador Hendy")]
    names = [name for name, _status, role in _people(lines)]
    assert "Cllr Cador Hendy" not in [role for _name, _status, role in _people(lines)]
    assert all("Trago" not in name or "Hendy" not in name for name in names)


def test_a_lone_row_that_could_be_two_names_is_read_as_text():
    # with no other row to show the column holds offices, "Jory Pascoe" is no office
    lines = [Line("Present:"), _row("Wenna Polkinghorne     Jory Pascoe")]
    assert all(role != "Jory Pascoe" for _name, _status, role in _people(lines))


def test_a_substitute_row_keeps_whom_they_stood_in_for():
    lines = [Line("Present:"), _row("Cllr Ned Trago (substitute for Cllr Jory Pascoe)   Penwith Council"),
             _row("Cllr Cador Hendy                                     Kerrier Council")]
    found = attendance.attendance_in(Layout(lines, []))
    assert (found[0].name, found[0].status, found[0].substitute_for, found[0].role) == (
        "Cllr Ned Trago", "substitute", "Cllr Jory Pascoe", "Penwith Council")


def test_columns_outside_an_attendance_list_are_no_attendance():
    lines = [Line("Minutes of the Harbour Board held on 3 June 2025"),
             _row("Berth fees          Harbour Master"),
             _row("Wenna Polkinghorne     Harbour Master")]
    assert _people(lines) == []


def test_a_row_of_prose_ends_the_list():
    lines = [Line("Present:"), _row("Wenna Polkinghorne     Deputy Harbour Master"),
             _row("The Chair welcomed      everyone to the meeting of the board today")]
    assert [name for name, _s, _r in _people(lines)] == ["Wenna Polkinghorne"]


def test_cleanup_keeps_a_lines_cells():
    line = Line("Ned Trago Quay Warden", cells=("Ned Trago", "Quay Warden"))
    assert cleanup.clean([line])[0].cells == ("Ned Trago", "Quay Warden")


def test_an_attendance_item_in_columns_is_read():
    minutes = parse_minutes(cleanup.clean([
        Line("Minutes of the Harbour Board held on 3 June 2025"),
        Line("1. Present"), _row("Wenna Polkinghorne     Deputy Harbour Master"),
        _row("Ned Trago              Porthleven Gig Club"),
        Line("2. Moorings"), Line("The fees were noted by the board members present."),
    ]), cleaned=True)
    assert [(a.person, a.office) for a in minutes.attendance] == [
        ("Wenna Polkinghorne", "Deputy Harbour Master"), ("Ned Trago", "Porthleven Gig Club")]


# --- action logs --------------------------------------------------------------------------


def _pieces(rows: list[str]) -> list[Piece]:
    return [Piece(tidy(row), cells=cells_of(row)) for row in rows]


def test_an_action_log_set_out_with_spaces_is_read():
    found = actions.read(_pieces([
        "Action                          Owner          Due",
        "Write to the ferry operator     Harbour Master  30/06/2025",
        "Repaint the bollards            Bosun          by 1 May 2025",
        "Renew the pontoon licence       TBC            July",
    ]))
    assert [(p.kind, p.owner, p.due) for p in found] == [
        ("note", None, None),
        ("action", "Harbour Master", dt.date(2025, 6, 30)),
        ("action", "Bosun", dt.date(2025, 5, 1)),
        ("action", None, None),
    ]
    assert found[1].text == "Write to the ferry operator Harbour Master 30/06/2025"


def test_an_action_log_in_tabs_with_a_reference_column_and_an_empty_due_date():
    found = actions.read(_pieces([
        "Ref\tAction\tLead\tDeadline",
        "HB/12\tSurvey the breakwater\tWenna Polkinghorne\t01/09/2025",
        "HB/13\tOrder new chain\tNT",
    ]))
    assert [(p.kind, p.owner, p.due) for p in found] == [
        ("note", None, None),
        ("action", "Wenna Polkinghorne", dt.date(2025, 9, 1)),
        ("action", "NT", None),
    ]


def test_an_action_log_ends_at_the_first_line_that_is_no_row():
    found = actions.read(_pieces([
        "Task        Owner        Due",
        "Check the buoys        Bosun        June",
        "The Board thanked the harbour staff for their work over the winter.",
    ]))
    assert [p.kind for p in found] == ["note", "action", "note"]


def test_columns_without_a_task_and_owner_header_are_no_log():
    found = actions.read(_pieces([
        "Item        Amount        Paid",
        "Chain        £400        Yes",
    ]))
    assert [p.kind for p in found] == ["note", "note"]


def test_an_action_log_from_lines_through_read_pieces():
    lines = [_row("Action      Owner      Due"), _row("Dredge the inner basin     Bosun     10/10/2025")]
    found = read_pieces(lines)
    assert [(p.kind, p.owner) for p in found] == [("note", None), ("action", "Bosun")]
