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
    assert report.ok and report.message.endswith("1 item, 2 resolutions, 1 action, 1 question")
    summary = store.meetings.summaries()[0]
    assert summary.imported and summary.meeting.status == "approved"
    part = imported_item(store, summary.meeting.id)
    assert part.item.title == "CHILDREN, EDUCATION AND FAMILIES PORTFOLIO PLAN UPDATE"
    assert part.item.report_reference == "ECHS19062"
    entries = part.entries
    kinds = [e.kind for e in entries]
    assert kinds.count("resolution") == 2 and kinds.count("action") == 1
    (question,) = [e for e in entries if e.kind == "question"]
    responses = [e for e in entries if e.kind == "response"]
    # the first answer is the rest of the question's sentence; the second question is
    # not worded in the minutes ("In response to a question, the Director …")
    assert [r.answers_id for r in responses] == [question.id, None]
    assert question.text.startswith("In response to a question concerning the impact")
    assert responses[0].joined and not responses[1].joined
    assert [r.responder for r in responses] == ["the Director of Children’s Social Care",
                                                "the Director of Education"]
    assert len(bullets(entries)) == 15
    decided = [e for e in entries if e.kind == "resolution"]
    assert decided[0].text == "It was agreed that this should be added to the work programme."
    assert decided[0].label is None  # "It was agreed" names no label
    assert decided[1].label == "RESOLVED" and decided[1].text.startswith("RESOLVED: That progress")
    (action,) = [e.text for e in entries if e.kind == "action"]
    assert action.startswith("The Committee requested that an update")
    assert not any(e.text.strip() in ("", "Supporting documents:") for e in entries)
    assert "\u00a0" not in "".join(e.text for e in entries)


def test_the_leadership_scrutiny_fixture(store):
    report = import_file(store, shared_fixture("bromley-leadership-scrutiny-2021.txt"),
                         COMMITTEE, dt.date(2021, 3, 11))
    assert report.ok and report.message.endswith("1 item, 0 resolutions, 0 actions, 0 questions")
    part = imported_item(store, store.meetings.summaries()[0].meeting.id)
    assert part.item.title == "SCRUTINY OF THE CHILDREN AND FAMILIES SENIOR LEADERSHIP TEAM"
    assert len(bullets(part.entries)) == 12
    assert any("Appendix B" in e.text for e in part.entries)


def test_importing_the_same_file_twice_adds_nothing(store, tmp_path):
    path = shared_fixture("bromley-portfolio-plan-update-2019.txt")
    first = import_file(store, path, COMMITTEE, dt.date(2019, 6, 25))
    before = store.snapshot(store.meetings.summaries()[0].meeting.id)
    copy = tmp_path / "saved again.txt"  # another name, Windows line ends: the same minutes
    copy.write_bytes(path.read_bytes().replace(b"\r\n", b"\n").replace(b"\n", b"\r\n"))
    for again in (import_file(store, path, COMMITTEE, dt.date(2019, 6, 25)),
                  import_file(store, copy, COMMITTEE, dt.date(2019, 6, 25))):
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
        "11", "HOUSING DELIVERY TEST", "HPR2022/031")


def test_two_pages_of_one_meeting_become_one_meeting(store, tmp_path):
    for number, title in (("11", "HOUSING"), ("12", "PARKING")):
        page = tmp_path / f"{number}.txt"
        page.write_text(f"Meeting: 15/06/2022 - Planning Committee (Item {number})\n"
                        f"Agenda item\n{title}\nMinutes:\nRESOLVED: That {title.lower()} be noted.")
        assert import_file(store, page).ok
    (summary,) = store.meetings.summaries()
    assert [i.title for i in store.items.list(summary.meeting.id)] == ["HOUSING", "PARKING"]
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
        ("Priya Nair", "in attendance", "officer", "Head of Planning"),
        ("Councillor Ben Carter", "apologies", "member", None),
    ]
    (declaration,) = snapshot.declarations
    assert (declaration.member, declaration.kind) == ("Councillor Omar Patel", "personal")
    assert [(p.item.minute_number, p.item.title) for p in snapshot.items] == [
        (None, "Minutes of the meeting held at 7.00 pm on Wednesday 1 May 2024"),
        ("1", "Declarations of interest"), ("2", "Depot Lease")]
    opening = snapshot.items[0]  # printed in the minutes' order: the title block first
    assert opening.item.heading == "Planning Committee"
    assert opening.entries[0].text == "Minutes of the meeting held at 7.00 pm on Wednesday 1 May 2024"
    lease = snapshot.items[2]
    assert lease.item.report_reference == "PL24001"
    kinds = [e.kind for e in lease.entries]
    assert kinds == ["note", "note", "question", "response", "action", "note", "resolution",
                     "resolution"]  # the report's reference line is kept as it was printed
    assert lease.entries[1].text == "Members noted that:\n- the lease ends in March\n- the site is vacant"
    question, answer = lease.entries[2:4]
    assert (question.asker, answer.responder) == ("Councillor Marsh", "the Head of Planning")
    assert f"{question.text} {answer.text}" == (  # one sentence, split where the answer starts
        "In response to a question from Councillor Marsh concerning the rent, the Head of "
        "Planning confirmed that it would be reviewed.") and answer.joined
    action = lease.entries[4]
    assert (action.text, action.owner, action.due) == (
        "ACTION: Circulate the valuation (Head of Planning, by 30 June 2024)", "Head of Planning",
        dt.date(2024, 6, 30))
    assert [(e.kind, e.text) for e in lease.entries[5:]] == [
        ("note", "RESOLVED that –"), ("resolution", "(1) the lease be renewed; and"),
        ("resolution", "(2) the rent be reviewed in 2025.")]
    assert {e.label for e in lease.entries[6:]} == {"RESOLVED"}


def test_inline_numbered_resolutions_and_other_labels():
    minutes = parse_minutes([Line("Planning Committee"), Line("1. BUDGET"), Line(
        "Resolved, that (1) the budget be approved; and (2) fees rise by 3%."),
        Line("RECOMMENDED unanimously: That Council adopt the plan."),
        Line("AGREED: That a working group be formed.")], date=dt.date(2024, 1, 1))
    entries = minutes.agenda[0].entries
    assert [(e.kind, e.label, e.text, e.joined) for e in entries if e.kind == "resolution"] == [
        ("resolution", "RESOLVED", "(1) the budget be approved; and", True),
        ("resolution", "RESOLVED", "(2) fees rise by 3%.", True),
        ("resolution", "RECOMMENDED", "RECOMMENDED unanimously: That Council adopt the plan.", False),
        ("resolution", "AGREED", "AGREED: That a working group be formed.", False)]
    assert entries[0].text == "Resolved, that"  # the words leading into the parts
    assert entries[3].vote.unanimous


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
    assert first.stdout.strip().endswith(f"{COMMITTEE}, 2019-06-25: 1 item, 2 resolutions, "
                                         "1 action, 1 question")
    second = CliRunner().invoke(main, args)
    assert second.exit_code == 0 and "already imported" in second.stdout


def test_minutes_without_a_date_ask_for_one(store, tmp_path):
    page = tmp_path / "minutes.txt"
    page.write_text("Planning Committee\n1. Reports\nThe Committee noted the report.")
    report = import_file(store, page)  # filed undated, to be dated with clerk meeting date
    assert report.ok and report.message.startswith("Planning Committee, undated: ")
    (summary,) = store.meetings.summaries()
    assert summary.meeting.date is None and summary.meeting.status == "approved"


def read(*texts: str, kinds=None, date=dt.date(2024, 1, 1)):
    lines = [Line(t, (kinds or {}).get(n, "text")) for n, t in enumerate(texts)]
    return parse_minutes(lines, date=date)


def entries_of(minutes, n=0):
    return [(e.kind, e.text) for e in minutes.agenda[n].entries]


def test_a_file_of_several_pages_keeps_them_all(store, tmp_path):
    page = tmp_path / "pages.txt"
    page.write_text(
        "Meeting: 15/06/2022 - Planning Committee (Item 11)\nAgenda item\nHOUSING\nMinutes:\n"
        "RESOLVED: That housing be noted.\nSupporting documents:\nReport PDF 53 KB\n"
        "Meeting: 15/06/2022 - Planning Committee (Item 12)\nAgenda item\nPARKING\nMinutes:\n"
        "RESOLVED: That parking be noted.\nSupporting documents:\n")
    report = import_file(store, page)
    assert report.message.endswith("2 items, 2 resolutions, 0 actions, 0 questions")
    (summary,) = store.meetings.summaries()
    assert [(i.minute_number, i.title) for i in store.items.list(summary.meeting.id)] == [
        ("11", "HOUSING"), ("12", "PARKING")]


def test_exclusion_resolutions_and_numbered_parts_keep_every_word():
    minutes = read("1. EXCLUSION", "RESOLVED that the press and public be excluded under "
                   "Section 100A(4) of the Local Government Act 1972.",
                   "RESOLVED that the Committee (1) note the report; and (2) agree the plan.",
                   "RESOLVED:", "That the budget be approved.",
                   "RESOLVED that the Executive be recommended to:", "(a) adopt the plan;",
                   "(b) review it in 2025.")
    assert entries_of(minutes) == [
        ("resolution", "RESOLVED that the press and public be excluded under Section 100A(4) "
                       "of the Local Government Act 1972."),
        ("note", "RESOLVED that the Committee"), ("resolution", "(1) note the report; and"),
        ("resolution", "(2) agree the plan."),
        ("note", "RESOLVED:"), ("resolution", "That the budget be approved."),
        ("note", "RESOLVED that the Executive be recommended to:"),
        ("resolution", "(a) adopt the plan;"), ("resolution", "(b) review it in 2025."),
    ]


def test_numbered_sentences_inside_an_item_are_text():
    minutes = read("1. SCHOOLS", "3 schools were affected by the closure.",
                   "2024 rates were set in March.", "· 4 providers had left",
                   kinds={3: "bullet"})
    assert len(minutes.agenda) == 1
    assert entries_of(minutes) == [
        ("note", "3 schools were affected by the closure."),
        ("note", "2024 rates were set in March.\n- · 4 providers had left")]
    assert minutes.agenda[0].item.title == "SCHOOLS"


def test_no_word_is_dropped_or_altered():
    minutes = read(
        "1. DECLARATIONS",
        "There were no declarations of interest, though Councillor Lee noted her role.",
        "Councillor Omar Patel declared a personal interest in item 2 as a neighbour.",
        "2. SEND ACTION PLAN",
        "The SEND ACTION PLAN was presented.",
        "ACTION: Circulate the plan (Head of SEND, by end of June)",
        "Agreed actions from the last meeting were reviewed.",
        "The Committee agreed that the report be noted.")
    assert entries_of(minutes, 0) == [
        ("note", "There were no declarations of interest, though Councillor Lee noted her role."),
        ("note", "Councillor Omar Patel declared a personal interest in item 2 as a neighbour.")]
    (declaration,) = minutes.declarations
    assert declaration.text == "in item 2 as a neighbour"  # the line itself is a note above
    assert minutes.agenda[1].item.title == "SEND ACTION PLAN"
    kinds = entries_of(minutes, 1)
    assert kinds[0] == ("note", "The SEND ACTION PLAN was presented.")
    assert kinds[1] == ("action", "ACTION: Circulate the plan (Head of SEND, by end of June)")
    assert minutes.agenda[1].entries[1].owner == "Head of SEND"
    assert kinds[2:] == [("note", "Agreed actions from the last meeting were reviewed."),
                         ("resolution", "The Committee agreed that the report be noted.")]


def test_actions_name_their_owner_in_the_usual_ways():
    minutes = read("1. TRANSPORT", "The timetable will be circulated. Action: J Smith",
                   "ACTION: Head of Transport to circulate the fares review.")
    first, second = minutes.agenda[0].entries
    assert (first.text, first.owner) == ("The timetable will be circulated. Action: J Smith",
                                         "J Smith")
    assert (second.text, second.owner) == (
        "ACTION: Head of Transport to circulate the fares review.", "Head of Transport")


def test_title_block_attendance_lists_and_start_time():
    minutes = read("ANYTOWN BOROUGH COUNCIL", "PLANNING COMMITTEE",
                   "Minutes of the meeting held at 7.30 pm on Tuesday 4 June 2024",
                   "Present:", "Councillor A Smith (Chairman)", "Councillor B Jones",
                   "Also present:", "Mr A Andrews (Co-opted Member, Diocese)",
                   "1. APOLOGIES", "None.", date=None)
    assert (minutes.committee, minutes.date, minutes.start_time) == (
        "Planning Committee", dt.date(2024, 6, 4), dt.time(19, 30))
    assert [(p.person, p.office, p.role) for p in minutes.attendance] == [
        ("Councillor A Smith", "Chairman", "member"), ("Councillor B Jones", None, "member"),
        ("Mr A Andrews", "Co-opted Member, Diocese", "officer")]
    assert minutes.attendance[2].status == "in attendance"
    assert [p.item.title for p in minutes.agenda] == ["APOLOGIES"]
    opening = minutes.opening  # filed first, printed as published
    assert opening.item.title == "Minutes of the meeting held at 7.30 pm on Tuesday 4 June 2024"
    assert opening.item.heading == "ANYTOWN BOROUGH COUNCIL"  # printed in the minutes' order
    assert [e.text for e in opening.entries][:3] == [
        "PLANNING COMMITTEE", "Minutes of the meeting held at 7.30 pm on Tuesday 4 June 2024",
        "Present:"]


def test_windows_text_and_word_numbering_and_tables(store, tmp_path):
    text = tmp_path / "licensing-2023-02-01.txt"
    text.write_bytes("Licensing Committee\n1. FEES\nRESOLVED: That fees rise to £10 – from May."
                     .encode("cp1252"))
    assert import_file(store, text).ok
    resolution = [e for p in store.snapshot(store.meetings.summaries()[0].meeting.id).items
                  for e in p.entries][0]
    assert resolution.text == "RESOLVED: That fees rise to £10 – from May."
    word = tmp_path / "cabinet-2024-03-05.docx"
    document = docx.Document()
    document.add_paragraph("Cabinet", style="Title")
    table = document.add_table(rows=2, cols=2)
    table.rows[0].cells[0].text, table.rows[0].cells[1].text = "Present", "Cllr Ng and Cllr Lee"
    table.rows[1].cells[0].text, table.rows[1].cells[1].text = "Apologies", "Cllr Hart"
    document.add_paragraph("BUDGET MONITORING", style="List Number")
    document.add_paragraph("RESOLVED: That the report be noted.")
    document.add_paragraph("CAPITAL PROGRAMME", style="List Number")
    document.add_paragraph("RESOLVED: That the programme be approved.")
    document.save(str(word))
    assert import_file(store, word).ok
    summary = next(s for s in store.meetings.summaries() if s.committee_name == "Cabinet")
    snapshot = store.snapshot(summary.meeting.id)
    assert [(p.item.minute_number, p.item.title) for p in snapshot.items[1:]] == [
        ("1", "BUDGET MONITORING"), ("2", "CAPITAL PROGRAMME")]
    assert snapshot.items[0].item.title == "Cabinet"  # the opening: the attendance table
    assert [(a.person, a.status) for a in snapshot.attendance] == [
        ("Cllr Ng", "present"), ("Cllr Lee", "present"), ("Cllr Hart", "apologies")]


def test_a_damaged_word_file_is_reported_and_the_rest_come_in(db_path, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    with zipfile.ZipFile(folder / "damaged.docx", "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types><Default/></Types>")
        archive.writestr("word/document.xml", "<w:document/>")
    (folder / "agenda.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (folder / "sub").mkdir()
    (folder / "sub" / "good.txt").write_text(
        "Meeting: 01/02/2023 - Licensing Committee (Item 3)\nAgenda item\nTAXIS\nMinutes:\n"
        "RESOLVED: That fares rise.")
    result = CliRunner().invoke(main, ["--db", str(db_path), "import", str(folder)])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert "damaged.docx: is not a Word document that can be read" in result.stderr
    assert "agenda.png: skipped: clerk reads .txt, .md, .docx and .pdf files" in result.stdout
    assert "good.txt: Licensing Committee, 2023-02-01: 1 item, 1 resolution" in result.stdout
    assert "1 file(s) skipped" in result.stderr and "1 of 2 file(s) could not" in result.stderr


def test_a_long_item_imports_in_reasonable_time(store, tmp_path):
    page = tmp_path / "long.txt"
    page.write_text("Planning Committee\n1. EVERYTHING\n" +
                    "\n".join(f"Paragraph {n} of the long discussion." for n in range(4000)))
    report = import_file(store, page, date=dt.date(2024, 1, 1))
    assert report.ok
    (part,) = store.snapshot(store.meetings.summaries()[0].meeting.id).items
    assert len(part.entries) == 4000
    assert part.entries[-1].text == "Paragraph 3999 of the long discussion."
