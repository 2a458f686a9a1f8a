"""Importing old minutes: the fixtures, Word minutes, the same file twice, bad files."""

from __future__ import annotations

import datetime as dt
import zipfile

import docx
import pytest
from click.testing import CliRunner

from clerk_tui.archive import import_file
from clerk_tui.cli import main
from clerk_tui.importer.documents import Line
from clerk_tui.importer.minutes import parse_minutes
from clerk_tui.store import Store
from conftest import shared_fixture

COMMITTEE = "Children, Education and Families PDS Committee"


def imported_item(store: Store, meeting_id: str):
    (part,) = store.snapshot(meeting_id).items
    return part


def bullets(entries) -> list[str]:
    return [line[2:] for e in entries if e.kind == "note" for line in e.text.split("\n")
            if line.startswith("- ")]


def test_the_portfolio_plan_update_fixture(store):
    report = import_file(store, shared_fixture("bromley-portfolio-plan-update-2019.txt"),
                         COMMITTEE, dt.date(2019, 6, 25))
    assert report.ok and report.message.endswith("1 item, 1 resolution, 2 actions, 2 questions")
    summary = store.meetings.summaries()[0]
    assert summary.imported and summary.meeting.status == "approved"
    part = imported_item(store, summary.meeting.id)
    assert part.item.title == "Children, Education and Families Portfolio Plan Update"
    assert part.item.report_reference == "ECHS19062"
    entries = part.entries
    kinds = [e.kind for e in entries]
    assert kinds.count("resolution") == 1 and kinds.count("action") == 2
    questions = [e for e in entries if e.kind == "question"]
    responses = [e for e in entries if e.kind == "response"]
    assert [r.answers_id for r in responses] == [q.id for q in questions]
    assert questions[0].text.startswith("the impact of moving to temporary accommodation")
    assert [r.responder for r in responses] == ["Director of Children’s Social Care",
                                                "Director of Education"]
    assert len(bullets(entries)) == 15
    resolution = next(e for e in entries if e.kind == "resolution")
    assert resolution.label == "RESOLVED" and resolution.text.startswith("That progress")
    actions = [e.text for e in entries if e.kind == "action"]
    assert actions[0] == "It was agreed that this should be added to the work programme."
    assert actions[1].startswith("The Committee requested that an update")
    assert not any(e.text.strip() in ("", "Supporting documents:") for e in entries
                   if e.kind != "question")  # the second question is not worded in the minutes
    assert "\u00a0" not in "".join(e.text for e in entries)


def test_the_leadership_scrutiny_fixture(store):
    report = import_file(store, shared_fixture("bromley-leadership-scrutiny-2021.txt"),
                         COMMITTEE, dt.date(2021, 3, 11))
    assert report.ok and report.message.endswith("1 item, 0 resolutions, 0 actions, 0 questions")
    part = imported_item(store, store.meetings.summaries()[0].meeting.id)
    assert part.item.title == "Scrutiny of the Children and Families Senior Leadership Team"
    assert len(bullets(part.entries)) == 12
    assert any("Appendix B" in e.text for e in part.entries)


def test_importing_the_same_file_twice_adds_nothing(store, tmp_path):
    path = shared_fixture("bromley-portfolio-plan-update-2019.txt")
    first = import_file(store, path, COMMITTEE, dt.date(2019, 6, 25))
    before = store.snapshot(store.meetings.summaries()[0].meeting.id)
    again = import_file(store, path, COMMITTEE, dt.date(2019, 6, 25))
    assert first.ok and again.ok and again.message == "already imported; nothing added"
    assert store.snapshot(before.meeting.id) == before
    assert len(store.meetings.summaries()) == 1


def test_the_meeting_line_names_committee_date_and_item(store, tmp_path):
    page = tmp_path / "page.txt"
    page.write_text("Meeting: 15/06/2022 - Planning Committee (Item 11)\n\nAgenda item\n\n"
                    "HOUSING DELIVERY TEST\n\nMinutes:\n\nReport HPR2022/031\n\n"
                    "RESOLVED: That the report be noted.\nSupporting documents:\n")
    assert import_file(store, page).ok  # no flags needed
    summary = store.meetings.summaries()[0]
    assert (summary.committee_name, summary.meeting.date) == ("Planning Committee",
                                                             dt.date(2022, 6, 15))
    part = imported_item(store, summary.meeting.id)
    assert (part.item.minute_number, part.item.title, part.item.report_reference) == (
        "11", "Housing Delivery Test", "HPR2022/031")


def test_two_pages_of_one_meeting_become_one_meeting(store, tmp_path):
    for number, title in (("11", "HOUSING"), ("12", "PARKING")):
        page = tmp_path / f"{number}.txt"
        page.write_text(f"Meeting: 15/06/2022 - Planning Committee (Item {number})\n"
                        f"Agenda item\n{title}\nMinutes:\nRESOLVED: That {title.lower()} be noted.")
        assert import_file(store, page).ok
    (summary,) = store.meetings.summaries()
    assert [i.title for i in store.items.list(summary.meeting.id)] == ["Housing", "Parking"]
    assert summary.meeting.status == "approved"
    events = [r.event for r in store.meetings.audit_log(summary.meeting.id)]
    assert events == ["approved", "reopened", "changed", "changed", "approved"]


def word_minutes(path) -> None:
    document = docx.Document()
    document.add_paragraph("Planning Committee", style="Title")
    document.add_paragraph("Minutes of the meeting held at 7.00 pm on Wednesday 1 May 2024")
    document.add_paragraph("Present: Councillor Ada Byrne (Chairman), Councillor Omar Patel "
                           "and Councillor Jo Marsh")
    document.add_paragraph("Also present: Priya Nair (Head of Planning)")
    document.add_paragraph("Apologies: Councillor Ben Carter")
    document.add_paragraph("1. Declarations of interest", style="Heading 1")
    document.add_paragraph("Councillor Omar Patel declared a personal interest in item 2 as a "
                           "neighbour of the site.")
    document.add_paragraph("2. Depot Lease", style="Heading 1")
    document.add_paragraph("Report PL24001")
    document.add_paragraph("Members noted that:")
    document.add_paragraph("the lease ends in March", style="List Bullet")
    document.add_paragraph("the site is vacant", style="List Bullet")
    document.add_paragraph("In response to a question from Councillor Marsh concerning the rent, "
                           "the Head of Planning confirmed that it would be reviewed.")
    document.add_paragraph("ACTION: Circulate the valuation (Head of Planning, by 30 June 2024)")
    document.add_paragraph("RESOLVED that –")
    document.add_paragraph("(1) the lease be renewed; and")
    document.add_paragraph("(2) the rent be reviewed in 2025.")
    document.save(str(path))


def test_word_minutes_with_headings_and_numbered_items(store, tmp_path):
    path = tmp_path / "planning-2024-05-01.docx"
    word_minutes(path)
    report = import_file(store, path)
    assert report.ok, report.message
    summary = store.meetings.summaries()[0]
    assert (summary.committee_name, summary.meeting.date) == ("Planning Committee",
                                                             dt.date(2024, 5, 1))
    snapshot = store.snapshot(summary.meeting.id)
    assert [(p.person, p.status, p.role, p.office) for p in snapshot.attendance] == [
        ("Councillor Ada Byrne", "present", "member", "Chairman"),
        ("Councillor Omar Patel", "present", "member", None),
        ("Councillor Jo Marsh", "present", "member", None),
        ("Priya Nair", "present", "officer", "Head of Planning"),
        ("Councillor Ben Carter", "apologies", "member", None),
    ]
    (declaration,) = snapshot.declarations
    assert (declaration.member, declaration.kind) == ("Councillor Omar Patel", "personal")
    assert [(p.item.minute_number, p.item.title) for p in snapshot.items] == [
        ("1", "Declarations of interest"), ("2", "Depot Lease")]
    lease = snapshot.items[1]
    assert lease.item.report_reference == "PL24001"
    kinds = [e.kind for e in lease.entries]
    assert kinds == ["note", "question", "response", "action", "resolution", "resolution"]
    assert lease.entries[0].text == "Members noted that:\n- the lease ends in March\n- the site is vacant"
    assert (lease.entries[1].asker, lease.entries[1].text) == ("Councillor Marsh", "the rent")
    action = lease.entries[3]
    assert (action.text, action.owner, action.due) == (
        "Circulate the valuation", "Head of Planning", dt.date(2024, 6, 30))
    assert [e.text for e in lease.entries[4:]] == ["the lease be renewed",
                                                  "the rent be reviewed in 2025."]


def test_inline_numbered_resolutions_and_other_labels():
    minutes = parse_minutes([Line("Planning Committee"), Line("1. BUDGET"), Line(
        "Resolved, that (1) the budget be approved; and (2) fees rise by 3%."),
        Line("RECOMMENDED unanimously: That Council adopt the plan."),
        Line("AGREED: That a working group be formed.")], date=dt.date(2024, 1, 1))
    entries = minutes.items[0].entries
    assert [(e.label, e.text) for e in entries] == [
        ("RESOLVED", "the budget be approved"), ("RESOLVED", "fees rise by 3%."),
        ("RECOMMENDED", "That Council adopt the plan."), ("AGREED", "That a working group be formed.")]
    assert entries[2].vote.unanimous


def bomb(path) -> None:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", b"\0" * (60 * 1024 * 1024))


@pytest.mark.parametrize("name, make, reason", [
    ("fake.docx", lambda p: p.write_bytes(b"not a zip"), "is not a Word document"),
    ("locked.docx", lambda p: p.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512),
     "password-protected"),
    ("bomb.docx", bomb, "implausible size"),
    ("binary.txt", lambda p: p.write_bytes(b"\x00\x01\x02\xff" * 100), "is not a text file"),
    ("empty.txt", lambda p: p.write_bytes(b""), "is empty"),
])
def test_bad_files_get_a_clear_line_and_the_rest_carry_on(db_path, tmp_path, name, make, reason):
    folder = tmp_path / "minutes"
    folder.mkdir()
    make(folder / name)
    (folder / "good.txt").write_text("Meeting: 01/02/2023 - Licensing Committee (Item 3)\n"
                                     "Agenda item\nTAXI FARES\nMinutes:\nRESOLVED: That fares rise.")
    result = CliRunner().invoke(main, ["--db", str(db_path), "import", str(folder)])
    assert result.exit_code == 1
    assert reason in result.stderr and "Traceback" not in result.output
    assert "1 of 2 file(s) could not be imported" in result.stderr
    assert "good.txt: Licensing Committee, 2023-02-01: 1 item, 1 resolution" in result.stdout
    assert "[2/2]" in result.output


def test_the_cli_says_what_each_file_held(db_path, tmp_path):
    path = shared_fixture("bromley-portfolio-plan-update-2019.txt")
    args = ["--db", str(db_path), "import", str(path), "--committee", COMMITTEE,
            "--date", "2019-06-25"]
    first = CliRunner().invoke(main, args)
    assert first.exit_code == 0, first.output
    assert first.stdout.strip().endswith(f"{COMMITTEE}, 2019-06-25: 1 item, 1 resolution, "
                                         "2 actions, 2 questions")
    second = CliRunner().invoke(main, args)
    assert second.exit_code == 0 and "already imported" in second.stdout


def test_minutes_without_a_date_ask_for_one(store, tmp_path):
    page = tmp_path / "minutes.txt"
    page.write_text("Planning Committee\nThe Committee noted the report.")
    report = import_file(store, page)
    assert not report.ok and "do not say which date" in report.message and "--date" in report.message
