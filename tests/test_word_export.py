"""Word minutes read back with python-docx: styles, runs, bullets, tables, properties,
versions, templates, and the file put in place safely."""

from __future__ import annotations

import datetime as dt
import re
import stat
import subprocess
import uuid
import zipfile

import docx
import pytest
from click.testing import CliRunner
from docx.shared import Pt, RGBColor
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from clerk_tui import models as m
from clerk_tui.cli import main
from clerk_tui.fields import clean_text
from clerk_tui.minutes.export import ExportError, export_minutes
from clerk_tui.minutes.frozen import thaw_record
from clerk_tui.minutes.word import _NOT_XML
from conftest import add_sample, require_program

SECRET = "Zanzibar-7 offer from Quayside Holdings"


@pytest.fixture
def sample(store):
    sample = add_sample(store)
    meeting = store.meetings.get(sample.meeting.id)
    meeting.started_at, meeting.ended_at = dt.time(19, 2), dt.time(21, 5)
    store.meetings.update(meeting)
    store.settings.set("organisation", "Borough of Eastleigh Vale")
    store.settings.set("clerk_name", "Sam Reid")
    return sample


def export(store, sample, tmp_path, version="confidential", **options):
    return export_minutes(store.snapshot(sample.meeting.id), tmp_path / "exports", version,
                          **options)


def paragraphs(path):
    return [(p.style.name, p.text) for p in docx.Document(str(path)).paragraphs]


def test_whole_meeting_headings_styles_and_runs(store, sample, tmp_path):
    path = export(store, sample, tmp_path).path
    written = paragraphs(path)
    assert [t for s, t in written if s == "Heading 1"] == ["1. APOLOGIES FOR ABSENCE",
                                                          "2. DEPOT LEASE", "Actions"]
    assert [t for s, t in written if s == "Heading 2"] == ["Declarations of interest"]
    assert ("Title", "Planning") in written and ("Subtitle", "BOROUGH OF EASTLEIGH VALE") in written
    assert ("Normal", "The meeting began at 7.02 pm and ended at 9.05 pm.") in written
    document = docx.Document(str(path))
    resolved = next(p for p in document.paragraphs if p.text.startswith("RESOLVED:"))
    assert resolved.runs[0].text == "RESOLVED:" and resolved.runs[0].bold
    action = next(p for p in document.paragraphs if p.text.startswith("ACTION:"))
    assert action.text == "ACTION: Circulate the valuation (Head of Property, by 1 June 2024)."


def test_the_action_log_table(store, sample, tmp_path):
    document = docx.Document(str(export(store, sample, tmp_path).path))
    (table,) = document.tables
    assert table.style.name == "Table Grid"
    rows = [[cell.text for cell in row.cells] for row in table.rows]
    assert rows == [["Action", "Detail", "Owner", "Due"],
                    ["Circulate the valuation", "Minute 2: Depot lease", "Head of Property",
                     "1 June 2024"]]
    widths = [column.width for column in table.columns]
    assert widths[0] > 2 * widths[3]  # the action gets the room, in the grid too
    assert all(run.bold for cell in table.rows[0].cells for run in cell.paragraphs[0].runs)


def test_bullets_use_list_bullet_in_the_bulleted_style(store, sample, tmp_path):
    path = export(store, sample, tmp_path, style=m.HouseStyle.BULLETED).path
    bullets = [t for s, t in paragraphs(path) if s == "List Bullet"]
    assert bullets[0] == "The Committee considered the report."
    assert bullets[-1] == "Circulate the valuation (Head of Property, by 1 June 2024). ACTION"


def test_properties_tell_the_truth(store, sample, tmp_path):
    path = export(store, sample, tmp_path).path
    props = docx.Document(str(path)).core_properties
    assert props.title == "Minutes: Planning, 1 May 2024"
    assert props.author == props.last_modified_by == "Sam Reid"
    assert props.subject == "Planning"
    assert props.keywords == "minutes; Planning; 2024-05-01; confidential; draft"
    assert props.comments == ""
    with zipfile.ZipFile(path) as archive:
        names = archive.namelist()
        for name in names:
            assert b"python-docx" not in archive.read(name), name
        assert b"<Application>clerk</Application>" in archive.read("docProps/app.xml")
    assert not any(n.startswith("customXml") or "thumbnail" in n for n in names)


def header_footer(path):
    section = docx.Document(str(path)).sections[0]
    footer_xml = section.footer._element.xml
    return section.header.paragraphs[0].text, section.footer.paragraphs[0].text, footer_xml


def test_every_page_says_draft_and_confidential_with_page_numbers(store, sample, tmp_path):
    header, footer, xml = header_footer(export(store, sample, tmp_path).path)
    assert header.startswith("CONFIDENTIAL  DRAFT") and header.endswith("Planning – 1 May 2024")
    assert footer.startswith("Page ") and " PAGE " in xml and " NUMPAGES " in xml
    public, _, _ = header_footer(export(store, sample, tmp_path, "public").path)
    assert public.startswith("DRAFT") and "CONFIDENTIAL" not in public
    store.meetings.approve(sample.meeting.id, dt.date(2024, 6, 5))
    frozen = thaw_record(store.approvals.frozen(sample.meeting.id))
    approved, _, _ = header_footer(export(store, sample, tmp_path, "public", frozen=frozen).path)
    assert approved == "Planning – 1 May 2024"


def test_one_agenda_item(store, sample, tmp_path):
    path = export(store, sample, tmp_path, item_id=sample.items[1].id).path
    assert path.name == "planning-2024-05-01-minutes-item-2-confidential-draft.docx"
    written = paragraphs(path)
    assert written[0] == ("Title", "2. DEPOT LEASE")
    assert written[1] == ("Subtitle", "Planning, Wednesday 1 May 2024")
    assert "Report PL24001" in [t for _, t in written]
    assert written[-2][1].startswith("RESOLVED: That the lease be renewed")
    assert written[-1] == ("Normal", "For: Councillor Byrne.")


def test_two_items_of_the_same_name_export_to_files_of_their_own(store, sample, tmp_path):
    twins = [store.items.add(m.AgendaItem(meeting_id=sample.meeting.id, minute_number="",
                                          title="Any other business", exempt=False))
             for _ in range(2)]
    store.entries.add(m.Note(item_id=twins[1].id, captured_at=store.now(), text="Only here."))
    paths = [export(store, sample, tmp_path, item_id=twin.id).path for twin in twins]
    assert [p.name for p in paths] == [
        f"planning-2024-05-01-minutes-item-any-other-business-{n}-confidential-draft.docx"
        for n in (len(sample.items) + 1, len(sample.items) + 2)]
    assert "Only here." in [t for _, t in paragraphs(paths[1])]
    assert export(store, sample, tmp_path, item_id=sample.items[0].id).path.name == \
        "planning-2024-05-01-minutes-item-1-confidential-draft.docx"  # unique names stay as they were


def every_part(path) -> bytes:
    with zipfile.ZipFile(path) as archive:
        return b"".join(archive.read(name) for name in archive.namelist())


def test_the_public_file_holds_nothing_of_an_exempt_item(store, sample, tmp_path):
    item = store.items.get(sample.items[1].id)
    item.report_reference = "Q-" + SECRET.split()[0]
    store.items.update(item)
    store.entries.add(m.Note(item_id=item.id, text=f"The {SECRET} was discussed.",
                             captured_at=store.now()))
    store.entries.add(m.Action(item_id=item.id, text=f"Reply to the {SECRET}", owner="Clerk",
                               captured_at=store.now()))
    declaration = store.declarations.list(sample.meeting.id)[0]
    declaration.text = f"Adviser to the {SECRET}"
    store.declarations.update(declaration)
    public = export(store, sample, tmp_path, "public").path
    secret = export(store, sample, tmp_path, "confidential").path
    for fragment in (SECRET, "Zanzibar", "lease be renewed", "valuation"):
        assert fragment.encode() not in every_part(public), fragment
    assert SECRET.encode() in every_part(secret)
    assert stat.S_IMODE(secret.stat().st_mode) == 0o600
    assert stat.S_IMODE(public.stat().st_mode) == 0o644


def test_never_overwrites_unless_asked_and_leaves_no_temporary_files(store, sample, tmp_path):
    first = export(store, sample, tmp_path)
    with pytest.raises(ExportError, match="already exists"):
        export(store, sample, tmp_path)
    assert export(store, sample, tmp_path, overwrite=True).path == first.path
    assert [p.name for p in first.path.parent.iterdir()] == [first.path.name]


def test_a_template_restyles_the_minutes(store, sample, tmp_path):
    template = tmp_path / "house.docx"
    word = docx.Document()
    heading = word.styles["Heading 1"]
    heading.font.size = Pt(21)
    heading.font.color.rgb = RGBColor(0x80, 0x00, 0x20)
    word.add_paragraph("Template text that must not appear")
    word.save(str(template))
    path = export(store, sample, tmp_path, template=template).path
    written = docx.Document(str(path))
    assert written.styles["Heading 1"].font.size == Pt(21)
    assert written.styles["Heading 1"].font.color.rgb == RGBColor(0x80, 0x00, 0x20)
    assert "Template text" not in "\n".join(p.text for p in written.paragraphs)


def test_a_template_s_own_matter_never_reaches_the_minutes(store, sample, tmp_path):
    template = tmp_path / "house.docx"
    word = docx.Document()
    word.core_properties.identifier = "TEMPLATE-ID-123"
    word.core_properties.comments = "Template comments"
    section = word.sections[0]
    section.header.paragraphs[0].text = "OFFICIAL"
    section.different_first_page_header_footer = True
    section.first_page_header.paragraphs[0].text = "Council crest"
    remark = word.add_paragraph("x")
    word.add_comment(remark.runs, text="A reviewer's private remark", author="Reviewer")
    word.save(str(template))
    path = export(store, sample, tmp_path, "public", template=template).path
    everything = every_part(path)
    for fragment in (b"TEMPLATE-ID-123", b"Template comments", b"private remark"):
        assert fragment not in everything
    section = docx.Document(str(path)).sections[0]
    first = "\n".join(p.text for p in section.first_page_header.paragraphs)
    assert "Council crest" in first and "DRAFT" in first  # every page says DRAFT
    assert "DRAFT" in "\n".join(p.text for p in section.header.paragraphs)
    assert "Page" in "".join(p.text for p in section.first_page_footer.paragraphs)


def test_a_template_made_elsewhere_gets_the_styles_it_lacks(store, sample, tmp_path):
    template = tmp_path / "bare.docx"
    word = docx.Document()
    styles = word.styles.element
    for name in ("List Bullet", "Heading 2", "Subtitle"):
        styles.remove(word.styles[name].element)
    word.save(str(template))
    path = export(store, sample, tmp_path, style=m.HouseStyle.BULLETED, template=template).path
    written = docx.Document(str(path))
    bullet = written.styles["List Bullet"]
    assert bullet.element.find(".//" + "{*}numPr") is not None  # real bullets, not plain text
    assert [p.style.name for p in written.paragraphs].count("List Bullet") == 3


def test_a_dotx_template_is_read(store, sample, tmp_path):
    source = tmp_path / "house.docx"
    docx.Document().save(str(source))
    template = tmp_path / "house.dotx"
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(template, "w") as out:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "[Content_Types].xml":
                data = data.replace(b"document.main+xml", b"template.main+xml")
            out.writestr(info, data)
    assert export(store, sample, tmp_path, template=template).path.exists()


def test_a_template_that_is_not_word_is_refused(store, sample, tmp_path):
    template = tmp_path / "house.docx"
    template.write_text("not really")
    with pytest.raises(ExportError, match="not a Word document"):
        export(store, sample, tmp_path, template=template)


def test_markdown_from_the_same_document(store, sample, tmp_path):
    text = export(store, sample, tmp_path, fmt="md").path.read_text()
    assert text.startswith("**CONFIDENTIAL  DRAFT**")
    assert "## 2. DEPOT LEASE" in text
    assert "**RESOLVED:** That the lease be renewed" in text
    assert "| Circulate the valuation | Minute 2: Depot lease | Head of Property | 1 June 2024 |" \
        in text


PUNCTUATION_TRIMMED = set(".?!;:")  # a closing stop is written by the house style
ANY = st.text(st.characters(codec=None, exclude_categories=()), min_size=1, max_size=40).filter(
    lambda t: not re.match(r"\s*([-*•·]\s|yes\b|no\b|that\b|cllr)", t, re.I))


def document_text(path) -> str:
    word = docx.Document(str(path))
    cells = [cell.text for table in word.tables for row in table.rows for cell in row.cells]
    header = [p.text for p in word.sections[0].header.paragraphs]
    return "\n".join([p.text for p in word.paragraphs] + cells + header)


@settings(max_examples=30, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(st.fixed_dictionaries({name: ANY for name in (
    "committee", "venue", "title", "report", "note", "asker", "question", "responder", "answer",
    "action", "owner", "resolution", "person", "office", "interest")}))
def test_any_text_in_any_field_exports_and_keeps_every_character_word_can_hold(tmp_path, values):
    from clerk_tui.store import Store

    names = ("committee", "title", "person")
    assume(all(clean_text(values[n]).strip() for n in names))
    with Store.open(tmp_path / f"{uuid.uuid4()}.db") as store:
        meeting = store.new_meeting(values["committee"], dt.date(2024, 5, 1), venue=values["venue"])
        item = store.items.add(m.AgendaItem(meeting_id=meeting.id, title=values["title"],
                                            report_reference=values["report"], exempt=False))
        at = store.now()
        question = store.entries.add(m.Question(item_id=item.id, captured_at=at,
                                                text=values["question"], asker=values["asker"]))
        for entry in (
            m.Note(item_id=item.id, captured_at=at, text=values["note"]),
            m.Response(item_id=item.id, captured_at=at, text=values["answer"],
                       responder=values["responder"], answers_id=question.id),
            m.Action(item_id=item.id, captured_at=at, text=values["action"], owner=values["owner"]),
            m.Resolution(item_id=item.id, captured_at=at, text=values["resolution"]),
        ):
            store.entries.add(entry)
        store.attendance.add(m.Attendance(meeting_id=meeting.id, person=values["person"],
                                          office=values["office"]))
        store.declarations.add(m.Declaration(meeting_id=meeting.id, item_id=item.id,
                                             member=values["person"], text=values["interest"]))
        path = export_minutes(store.snapshot(meeting.id), tmp_path / "out", "confidential",
                              overwrite=True).path
    written = document_text(path).casefold()
    blank = {name for name, value in values.items() if not clean_text(value).strip()}
    # A blank entry is left out of the minutes, and the names that belong to it with it.
    left_out = {"owner": {"action"}, "responder": {"answer"}, "asker": {"question", "answer"}}
    for name, value in values.items():
        kept = _NOT_XML.sub("", clean_text(value))
        if left_out.get(name, {name}) <= blank:
            continue
        for character in kept.casefold():
            if not character.isspace() and character not in PUNCTUATION_TRIMMED:
                assert character in written, (name, value, character)


def test_clerk_export_command(store, sample, db_path, tmp_path):
    store.close()
    runner = CliRunner()
    out = tmp_path / "out"
    result = runner.invoke(main, ["--db", str(db_path), "export", "planning", "2024-05-01",
                                  "--confidential", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert result.stdout.strip().endswith("planning-2024-05-01-minutes-confidential-draft.docx")
    again = runner.invoke(main, ["--db", str(db_path), "export", sample.meeting.id[:8],
                                 "--confidential", "-o", str(out)])
    assert again.exit_code == 1 and "--overwrite" in again.output
    item = runner.invoke(main, ["--db", str(db_path), "export", sample.meeting.id, "--item", "2",
                                "--format", "md", "-o", str(out)])
    assert item.exit_code == 0 and item.stdout.strip().endswith("item-2-public-draft.md")
    missing = runner.invoke(main, ["--db", str(db_path), "export", "Planning", "2030-01-01"])
    assert missing.exit_code == 1 and "There is no meeting of 'Planning' on 2030-01-01" in missing.output


def test_libreoffice_reads_every_resolution(store, sample, tmp_path):
    soffice = require_program("soffice")
    pdftotext = require_program("pdftotext")
    store.entries.add(m.Resolution(item_id=sample.items[0].id, captured_at=store.now(),
                                   text="That apologies be noted", vote=m.Vote(unanimous=True)))
    path = export(store, sample, tmp_path).path
    subprocess.run([soffice, "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path),
                    str(path)], check=True, capture_output=True, timeout=120,
                   env={"HOME": str(tmp_path), "PATH": "/usr/bin:/bin"})
    pdf = tmp_path / path.with_suffix(".pdf").name
    text = subprocess.run([pdftotext, "-layout", str(pdf), "-"], check=True, capture_output=True,
                          text=True).stdout
    flat = " ".join(text.split())
    for decision in ("RESOLVED: That apologies be noted (unanimously).",
                     "RESOLVED: That the lease be renewed (For 5, Against 1, Abstain 1)."):
        assert decision in flat
    assert "CONFIDENTIAL DRAFT" in flat and "Page 1 of" in flat
