"""Imported minutes export as they were published: every entry's words exactly, in order,
nothing of clerk's house style added, and an exempt item's words never in the public
version. (All minutes here are invented.)"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner

from clerk_tui import models as m
from clerk_tui.cli import main
from clerk_tui.minutes.compose import wording
from clerk_tui.store import Store

AT = dt.datetime(2022, 11, 3, 19, 30)
SECRET = ("The offer for the boathouse stands at 18,250", "Agreed to accept the offer")


def minutes(date: dt.date | None = dt.date(2022, 11, 3)) -> m.ImportedMinutes:
    """Minutes of an invented parish meeting, as the importer reads them."""
    placeholder = m.new_id()
    welcome = m.AgendaItem(meeting_id=placeholder, minute_number="41", title="Welcome",
                           exempt=False)
    paths = m.AgendaItem(meeting_id=placeholder, minute_number="42", title="Footpaths",
                         exempt=False, heading="Item 42 - Footpaths")
    boathouse = m.AgendaItem(meeting_id=placeholder, minute_number="43",
                             title="Sale of the boathouse", exempt=True,
                             exempt_basis="commercially sensitive")
    entry = dict(captured_at=AT)
    return m.ImportedMinutes(
        committee="Little Fennow Parish Council", date=date, placeholder_id=placeholder,
        attendance=[m.Attendance(meeting_id=placeholder, person="Cllr Hale"),
                    m.Attendance(meeting_id=placeholder, person="Cllr Roe",
                                 status=m.AttendanceStatus.APOLOGIES),
                    m.Attendance(meeting_id=placeholder, person="Mrs Dunn", role=m.Role.OFFICER,
                                 status=m.AttendanceStatus.IN_ATTENDANCE)],
        declarations=[],
        items=[
            m.AgendaItemSnapshot(item=welcome, entries=[
                m.Note(item_id=welcome.id, text="Present: Cllrs Hale and Vane; Mrs Dunn (Clerk)",
                       **entry),
                m.Note(item_id=welcome.id, text="the chairman opened the meeting", **entry)]),
            m.AgendaItemSnapshot(item=paths, entries=[
                m.Question(item_id=paths.id, text="Cllr Vane asked if the stile was mended",
                           asker="Cllr Vane", **entry),
                m.Response(item_id=paths.id, text="the clerk said not yet", joined=True,
                           responder="Clerk", **entry),
                m.Action(item_id=paths.id, text="Clerk to chase the county", owner="Clerk",
                         due=dt.date(2022, 12, 1), **entry),
                m.Resolution(item_id=paths.id, text="Proposed Cllr Hale, seconded Cllr Vane, "
                             "that a new stile be bought", label=None, mover="Cllr Hale",
                             seconder="Cllr Vane", vote=m.Vote(unanimous=True), **entry),
                m.Resolution(item_id=paths.id, text="all in favour", label=None, joined=True,
                             **entry)]),
            m.AgendaItemSnapshot(item=boathouse, entries=[
                m.Note(item_id=boathouse.id, text=SECRET[0], **entry),
                m.Resolution(item_id=boathouse.id, text=SECRET[1],
                             label=m.ResolutionLabel.AGREED, **entry)]),
        ])


PUBLISHED = [  # no title block of clerk's own: the committee and date are in the header
    "41. Welcome",
    "Present: Cllrs Hale and Vane; Mrs Dunn (Clerk)",
    "the chairman opened the meeting",
    "Item 42 - Footpaths",  # the heading as printed, not clerk's "42. Footpaths"
    "Cllr Vane asked if the stile was mended the clerk said not yet",
    "Clerk to chase the county",
    "Proposed Cllr Hale, seconded Cllr Vane, that a new stile be bought all in favour",
    "43. Sale of the boathouse",
]
SIGNATURE = [wording.SIGNATURE_LINE, wording.DATE_LINE, wording.CHAIR]


@pytest.fixture
def run(db_path):
    def invoke(*args):
        result = CliRunner().invoke(main, ["--db", str(db_path), *args])
        assert result.exit_code == 0, result.output
        return result.output.strip().splitlines()[-1]
    return invoke


def file_as_import(store: Store, when: dt.date | None = dt.date(2022, 11, 3)) -> m.Meeting:
    """File the invented minutes through the importer's own way into the record."""
    meeting, _ = store.imports.add(minutes(when), "fennow-2022-11.txt", "ab" * 32)
    return meeting


def paragraphs(path: str) -> list[str]:
    return [p.text for p in docx.Document(path).paragraphs if p.text.strip()]


def test_the_word_export_of_imported_minutes_is_their_text_in_order(store, db_path, run,
                                                                     tmp_path):
    meeting = file_as_import(store)
    assert store.snapshot(meeting.id).imported and meeting.status == m.MeetingStatus.APPROVED
    store.close()
    written = paragraphs(run("export", meeting.id, "-o", str(tmp_path)))
    assert written == PUBLISHED
    document = docx.Document(run("export", meeting.id, "--confidential", "-o",
                                 str(tmp_path / "c")))
    assert [p.text for p in document.paragraphs if p.text.strip()][-2:] == list(SECRET)
    bold = [r.text for p in document.paragraphs for r in p.runs if r.bold]
    assert bold == []  # no "RESOLVED:" nor "ACTION:" of clerk's own


def test_nothing_of_the_house_style_is_added(store, run, tmp_path):
    meeting = file_as_import(store)
    store.close()
    text = "\n".join(paragraphs(run("export", meeting.id, "--confidential", "-o",
                                    str(tmp_path))))
    for generated in (wording.NO_DECLARATIONS, "RESOLVED", "AGREED", "ACTION", "Apologies",
                      "Also present", "In response to", "unanimously", "Moved by",
                      "Minutes of the meeting held", wording.ACTIONS_HEADING, *SIGNATURE):
        assert generated not in text, generated
    assert not any(line.endswith(".") for line in text.splitlines())  # no full stops added


def test_an_exempt_item_of_imported_minutes_never_reaches_the_public_export(store, run,
                                                                            tmp_path):
    meeting = file_as_import(store)
    item = next(p.item for p in store.snapshot(meeting.id).items if p.item.exempt)
    store.close()
    for path in (run("export", meeting.id, "-o", str(tmp_path / "whole")),
                 run("export", meeting.id, "--item", item.minute_number, "-o",
                     str(tmp_path / "item"))):
        document = docx.Document(path)
        words = [p.text for p in document.paragraphs]
        words += [cell.text for table in document.tables for row in table.rows
                  for cell in row.cells]
        for secret in SECRET:
            assert not any(secret in text for text in words), path
    markdown = run("export", meeting.id, "--format", "md", "-o", str(tmp_path / "md"))
    written = Path(markdown).read_text(encoding="utf-8")
    assert not any(secret in written for secret in SECRET)


def test_imported_minutes_of_no_known_date_export_as_undated(store, run, tmp_path):
    meeting = file_as_import(store, None)
    assert store.meetings.get(meeting.id).date is None
    store.close()
    path = run("export", meeting.id, "-o", str(tmp_path))
    # the meeting's id in the name: another undated meeting never takes this one's file
    assert f"little-fennow-parish-council-undated-{meeting.id[:8]}-minutes-public" in path
    assert paragraphs(path)[0] == "41. Welcome"
    header = " ".join(p.text for p in docx.Document(path).sections[0].header.paragraphs)
    assert "Little Fennow Parish Council" in header and "date not known" not in header


def test_the_verbatim_export_is_what_was_frozen_at_import(store, run, tmp_path):
    meeting = file_as_import(store)
    store.close()
    written = run("export", meeting.id, "-o", str(tmp_path))
    verified = CliRunner().invoke(main, ["--db", str(store.path), "verify", written])
    assert verified.exit_code == 0, verified.output


def test_captured_minutes_keep_their_house_style(store, run, tmp_path):
    meeting = store.new_meeting("Little Fennow Parish Council", dt.date(2022, 12, 1))
    item = store.items.add(m.AgendaItem(meeting_id=meeting.id, minute_number="1",
                                        title="Footpaths", exempt=False))
    store.entries.add(m.Resolution(item_id=item.id, text="that a stile be bought",
                                   captured_at=AT))
    store.close()
    text = paragraphs(run("export", meeting.id, "-o", str(tmp_path)))
    assert "RESOLVED: That a stile be bought." in text
    assert wording.NO_DECLARATIONS in text


def test_headings_print_as_the_minutes_printed_them(db_path, run, tmp_path):
    source = tmp_path / "oakridge.txt"
    source.write_text("Minutes of the Meeting of Oakridge Parish Council held on 3 March 2024\n\n"
                      "Present: Cllr A Brook (Chair), Cllr B Dale\n\n"
                      "Item 5 - Moorings\nThe clerk reported on the moorings.\n\n"
                      "Item 6: Village Green: The grass is to be cut in May.\n")
    result = CliRunner().invoke(main, ["--db", str(db_path), "import", str(source)])
    assert result.exit_code == 0, result.output
    with Store.open(db_path) as store:
        meeting = store.meetings.get(store.meetings.summaries()[0].meeting.id)
        items = store.items.list(meeting.id)
    assert [(i.minute_number, i.title, i.heading) for i in items[-2:]] == [
        ("5", "Moorings", "Item 5 - Moorings"), ("6", "Village Green", "Item 6: Village Green")]
    written = paragraphs(run("export", meeting.id, "-o", str(tmp_path / "out")))
    assert written[-4:] == ["Item 5 - Moorings", "The clerk reported on the moorings.",
                            "Item 6: Village Green", "The grass is to be cut in May."]
