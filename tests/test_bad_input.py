"""Bad input: control characters, lone surrogates, right-to-left text, emoji and combining
marks in every field; a megabyte pasted; 10,000 entries in one item; impossible dates and
times; search text full of FTS5 syntax. Every case is handled or explained, never a
traceback, and nothing typed is lost."""

from __future__ import annotations

import datetime as dt
import re
import signal
import subprocess
import uuid
import zipfile
from contextlib import contextmanager
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st
from lxml import etree
from textual import events
from textual.widgets import OptionList

from clerk_tui import models as m
from clerk_tui.cli import main
from clerk_tui.fields import clean_text, parse_count, parse_date, parse_named_votes, parse_time
from clerk_tui.minutes.export import export_minutes
from clerk_tui.quick_entry import parse
from clerk_tui.store import SearchFilters, Store
from conftest import FrozenClock, add_sample, make_saves, require_program, type_text

# --- Hostile text -----------------------------------------------------------------------

CONTROL = [chr(c) for c in range(32)] + ["\x7f", "\x85", "\x9b", "\u2028", "\u2029"]
SURROGATES = ["\ud800", "\udbff", "\udc00", "\udfff", "\ud83d"]  # halves of emoji
RIGHT_TO_LEFT = ["שלום", "مرحبا بكم", "\u202e", "\u202d", "\u202c", "\u200f", "\u200e",
                 "\u2067", "\u2069", "\u061c"]
EMOJI = ["😀", "👩🏽‍⚖️", "🏳️‍🌈", "🇬🇧", "1️⃣", "\ufe0f", "\u200d", "𝕏", "🫠"]
COMBINING = ["e\u0301", "\u0301", "Z\u0338\u0322\u031b\u0317\u0353\u0310\u0307", "\u0345",
             "\u20dd", "\u1100\u1161\u11a8", "ﷺ"]
AWKWARD = ["\ufeff", "\ufffe", "\uffff", "\u00a0", "\u200b", "&amp;", "<w:t>", "]]>", '"', "'",
           "\\", "%s", "{0}", "**", "_", "# ", "- ", "|", "`", "\t", "\r\n", "\n", "=", "?", "!",
           "@", "(", ")", ":"]
PIECES = CONTROL + SURROGATES + RIGHT_TO_LEFT + EMOJI + COMBINING + AWKWARD
HOSTILE = st.lists(st.sampled_from(PIECES) | st.characters(codec=None) | st.sampled_from(
    ["minutes", "Council", " "]), min_size=1, max_size=12).map("".join)
# A name cannot be blank: hostile text around a letter.
HOSTILE_NAME = st.tuples(HOSTILE, HOSTILE).map(lambda pair: f"{pair[0]}N{pair[1]}")
NASTIEST = "".join(["\x00\x07\x1b[31m", "\ud800", "שלום \u202eevil\u202c", "👩🏽‍⚖️🇬🇧",
                    "Z\u0338\u0322\u031b", "e\u0301", "\ufeff\uffff", "<w:t>&amp;]]>", "\r\n"])


@contextmanager
def within(seconds: int):
    """Fail, rather than hang, if the block takes far longer than it ever should (a
    generous bound against a regression to quadratic time, not a timing test)."""
    def expired(*_):
        raise TimeoutError(f"took more than {seconds} s")
    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _meeting_of(store: Store, text: str, name: str, marker: str) -> m.Meeting:
    """A meeting with ``text`` in every free-text field and ``name`` in every name; each
    entry also holds ``marker`` and a word of its own to search for."""
    store.settings.set("organisation", text)
    store.settings.set("clerk_name", text)
    store.committees.add(m.Committee(name=name, body=text, members=[
        m.CommitteeMember(name=name, office=text)]))
    meeting = store.new_meeting(name, dt.date(2024, 5, 1), dt.time(19), venue=text)
    changed = store.meetings.get(meeting.id)
    changed.started_at, changed.ended_at = dt.time(19, 2), dt.time(21)
    store.meetings.update(changed)
    items = [store.items.add(m.AgendaItem(
        meeting_id=meeting.id, minute_number=text, title=name, report_reference=text,
        supporting_documents=[name], exempt=exempt, exempt_paragraph=3 if exempt else None))
        for exempt in (False, True)]
    at = store.now()
    for n, item in enumerate(items):
        question = m.Question(item_id=item.id, captured_at=at, asker=name,
                              text=f"{text} {marker} asked{n}")
        for entry in (
            m.Note(item_id=item.id, captured_at=at, text=f"{text} {marker} noted{n} {text}"),
            question,
            m.Response(item_id=item.id, captured_at=at, responder=name, answers_id=question.id,
                       text=f"{marker} answered{n} {text}"),
            m.Action(item_id=item.id, captured_at=at, owner=name, due=dt.date(2024, 6, 1),
                     progress=text, reassigned_to=name, text=f"{marker} {text} acted{n}"),
            m.Resolution(item_id=item.id, captured_at=at, number=text,
                         text=f"That {text} {marker} resolved{n}",
                         vote=m.Vote(votes_for=3, named=[m.NamedVote(member=name, vote="for")])),
        ):
            assert store.entries.get(store.entries.add(entry).id) == entry
    people = [m.Attendance(meeting_id=meeting.id, person=name, office=text),
              m.Attendance(meeting_id=meeting.id, person=name, status="substitute",
                           substitute_for=name, arrived_at=dt.time(19, 30)),
              m.Attendance(meeting_id=meeting.id, person=name, status="apologies")]
    declaration = m.Declaration(meeting_id=meeting.id, item_id=items[0].id, member=name,
                                text=text)
    for person in people:
        assert store.attendance.get(store.attendance.add(person).id) == person
    assert store.declarations.get(store.declarations.add(declaration).id) == declaration
    return meeting


def _well_formed(path: Path) -> docx.Document:
    """python-docx opens the file and every XML part of it parses."""
    with zipfile.ZipFile(path) as archive:
        for name in archive.namelist():
            if name.endswith((".xml", ".rels")):
                etree.fromstring(archive.read(name))
    return docx.Document(str(path))


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(text=HOSTILE, name=HOSTILE_NAME, style=st.sampled_from(["narrative", "bulleted"]))
def test_hostile_text_in_every_field_is_stored_exported_and_found(tmp_path, text, name, style):
    assume(clean_text(name).strip())
    folder = tmp_path / str(uuid.uuid4())
    with Store.open(folder / "clerk.db", clock=FrozenClock()) as store:
        store.settings.set("house_style", style)
        meeting = _meeting_of(store, text, name, "zebracrossing")
        stored = store.meetings.get(meeting.id)
        assert stored.venue == (clean_text(text).strip() or None)
        assert store.settings.load().organisation == clean_text(text)
        snapshot = store.snapshot(meeting.id)
        for word in ("noted0", "asked1", "answered0", "acted1", "resolved0"):
            hits = store.search.search(f"{word} zebracrossing", SearchFilters(kinds=None))
            assert hits.problem is None and len(hits.hits) == 1, word
        for query in (text, name, f'"{text}', f"{name}*", f"-{text} zebracrossing"):
            assert store.search.search(query).problem in (None, "Type a word to search for.")
    for version in ("public", "confidential"):
        word = _well_formed(export_minutes(snapshot, folder / "out", version).path)
        assert any("noted0" in p.text for p in word.paragraphs)
        markdown = export_minutes(snapshot, folder / "out", version, "md").path
        assert "noted0" in markdown.read_text(encoding="utf-8")
        for part in snapshot.items:
            _well_formed(export_minutes(snapshot, folder / "out", version,
                                        item_id=part.item.id).path)


def test_libreoffice_opens_minutes_full_of_hostile_text(store, tmp_path):
    soffice = require_program("soffice")
    pdftotext = require_program("pdftotext")
    meeting = _meeting_of(store, NASTIEST, f"Cttee {NASTIEST}", "zebracrossing")
    snapshot = store.snapshot(meeting.id)
    files = [str(export_minutes(snapshot, tmp_path / "out", version).path)
             for version in ("public", "confidential")]
    subprocess.run([soffice, "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path),
                    *files], check=True, capture_output=True, timeout=180,
                   env={"HOME": str(tmp_path), "PATH": "/usr/bin:/bin"})
    for name, words in zip(files, (["zebracrossing noted0"], ["noted1", "resolved1"])):
        pdf = tmp_path / Path(name).with_suffix(".pdf").name
        text = subprocess.run([pdftotext, str(pdf), "-"], check=True, capture_output=True,
                              text=True).stdout
        flat = " ".join(text.split())
        assert all(word in flat for word in words), (pdf.name, flat[:500])
        assert "שלום" in flat or "םולש" in flat  # right-to-left text, in either order


# --- The capture line's grammar ---------------------------------------------------------

PREFIX = st.sampled_from(["", "? ", "> ", "! ", "= ", "=rec ", "=agr ", "?", "!", "="])
SUFFIX = st.sampled_from(["", " @Head of Finance", " by 2024-06-30", " by 2024-02-30",
                          " (unanimous)", " (for 3, against 1)", " (for ²)", ": said"])


@settings(max_examples=200, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(line=st.tuples(PREFIX, HOSTILE, HOSTILE_NAME, SUFFIX).map("".join))
@example(line="!\x00\x0b@N\x00")  # found by a fresh clone's random run: Word's line break
def test_any_hostile_line_becomes_an_entry_that_is_stored_whole(store, sample, line):
    result = parse(line, sample.items[0].id, store.now(), [sample.entries[1]])
    saved = store.entries.add(result.entry)
    assert store.entries.get(saved.id) == result.entry
    if result.entry.kind == "note":
        assert result.entry.text == clean_text(line)
    # "? Name: words" puts the name before the colon in a field of its own
    words = {part for word in clean_text(line).split() for part in word.split(":") if part}
    kept = " ".join(str(v) for v in result.entry.model_dump(exclude={"id", "item_id"}).values())
    lost = [w for w in words if w.lstrip("?>!=") not in kept and w.lstrip("?>!=").strip()
            and w.lower() not in ("by", "=rec", "=agr", "rec", "agr", "(unanimous)", "(for",
                                  "3,", "against", "1)")
            and not w.startswith(("@", "2024-"))]
    assert not [w for w in lost if any(c.isalnum() for c in w) and w not in line[:3]], lost


PATHOLOGICAL = [
    "! a" + " " * 1_000_000 + "b",
    "! Circulate the figures" + " " * 500_000 + "@" + " " * 500_000 + "Bob",
    "= That it be noted" + " " * 1_000_000 + "(for 1)",
    "= That " + "(" * 1_000_000,
    "= That x (" + "for 1, " * 140_000 + ")",
    "? Cllr" + " a" * 500_000 + ": yes",
    "? " + "A" * 1_000_000 + ":",
    "> " + ":" * 1_000_000,
    "! " + "by " * 330_000 + "2024-02-30",
    "! " + "@" * 1_000_000,
    "= That x (for " + "9" * 1_000_000 + ")",
    "The Committee noted the ward councillors' points about the bridge. " * 15_000,
]


@pytest.mark.parametrize("line", PATHOLOGICAL, ids=range(len(PATHOLOGICAL)))
def test_a_megabyte_line_of_any_shape_is_read_in_one_pass(store, sample, line):
    with within(60):
        result = parse(line, sample.items[0].id, store.now())
        stored = store.entries.get(store.entries.add(result.entry).id)
    assert len(stored.text) > 100_000 or stored.kind != "note"
    assert result.warning is None or len(result.warning) < 300


@pytest.mark.parametrize("line", [
    "= That the accounts be approved (for 99999999999999999999)",
    "= That the accounts be approved (for " + "9" * 5000 + ")",
    "=rec That the fees rise (for 1000000001, against 2)",
])
def test_an_impossible_vote_is_kept_as_typed_and_saved(store, sample, line):
    result = parse(line, sample.items[0].id, store.now())
    assert result.entry.kind == "note" and result.entry.text == line
    assert "Kept as a note" in result.warning and len(result.warning) < 200
    assert store.entries.get(store.entries.add(result.entry).id).text == line


# --- Impossible dates and times ---------------------------------------------------------

@pytest.mark.parametrize("typed", ["2024-02-30", "2023-02-29", "2024-04-31", "2024-13-01",
                                   "2024-00-10", "0000-01-01", "10000-01-01", "2024-1-1",
                                   "30/02/2024", "tomorrow", "2024-02-30T10:00"])
def test_an_impossible_due_date_keeps_the_line_as_typed(store, sample, typed):
    line = f"! Circulate the valuation @Head of Property by {typed}"
    result = parse(line, sample.items[0].id, store.now())
    assert (result.entry.kind, result.entry.text) == ("note", line)
    assert typed in result.warning and "YYYY-MM-DD" in result.warning
    assert store.entries.get(store.entries.add(result.entry).id).text == line


def test_a_leap_day_is_a_real_date(sample, store):
    result = parse("! Report back by 2024-02-29", sample.items[0].id, store.now())
    assert (result.entry.kind, result.entry.due) == ("action", dt.date(2024, 2, 29))


@pytest.mark.parametrize("parser, typed, message", [
    (parse_date, "2024-02-30", "must be a real date"),
    (parse_date, "9" * 100_000, "must be a real date"),
    (parse_time, "25:00", "must be a time of day"),
    (parse_time, "19:60", "must be a time of day"),
    (parse_time, "24:00", "must be a time of day"),
    (parse_time, "7pm", "must be a time of day"),
    (parse_count, "²", "must be a whole number"),
    (parse_count, "-3", "must be a whole number"),
    (parse_count, "3.5", "must be a whole number"),
    (parse_count, "9" * 5000, "cannot be above 1,000,000,000"),
    (parse_count, "99999999999999999999", "cannot be above"),
    (parse_named_votes, ": for", "Write each named vote as 'Name: for'"),
])
def test_form_fields_explain_what_cannot_be_read(parser, typed, message):
    with pytest.raises(ValueError, match=message) as raised:
        parser(typed, "field") if parser is not parse_named_votes else parser(typed)
    assert len(str(raised.value)) < 200  # a megabyte typed is not repeated back


def test_a_time_with_a_zone_is_the_time_on_the_wall():
    assert parse_time("19:00Z", "start time") == dt.time(19)
    assert parse_time("19:00+05:30", "start time") == dt.time(19)
    meeting = m.Meeting(committee_id=m.new_id(), date="2024-05-01", start_time="19:00+01:00")
    assert meeting.start_time == dt.time(19) and meeting.start_time.tzinfo is None


def test_an_impossible_vote_count_is_refused_by_the_model_not_by_sqlite(store, sample):
    with pytest.raises(m.ValidationError if hasattr(m, "ValidationError") else Exception) as e:
        m.Vote(votes_for=10**20)
    assert "cannot be above 1,000,000,000" in m.explain(e.value)


@pytest.mark.parametrize("arguments, complaint", [
    (["meeting", "new", "--committee", "P", "--date", "2024-02-30"], "not a real date"),
    (["meeting", "new", "--committee", "P", "--date", "0000-01-01"], "not a real date"),
    (["meeting", "new", "--committee", "P", "--date", "99999-12-31"], "not a real date"),
    (["meeting", "new", "--committee", "P", "--date", ""], "not a real date"),
    (["meeting", "new", "--committee", "P", "--date", "2024-05-01", "--time", "25:00"],
     "not a real time"),
    (["meeting", "new", "--committee", "P", "--date", "2024-05-01", "--time", "19:60"],
     "not a real time"),
    (["export", "Planning", "2024-02-30"], "not a real date"),
    (["search", "lease", "--from", "2024-13-01"], "not a real date"),
    (["search", "lease", "--to", "2024-02-31"], "not a real date"),
    (["import", "--date", "2023-02-29", "."], "not a real date"),
])
def test_the_command_line_refuses_an_impossible_date_or_time(store, db_path, tmp_path,
                                                             monkeypatch, arguments, complaint):
    add_sample(store)
    store.close()
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["--db", str(db_path), *arguments])
    assert result.exit_code == 2, result.output
    assert complaint in result.output and "Traceback" not in result.output
    with Store.open(db_path) as reopened:
        assert len(reopened.meetings.summaries()) == 1  # nothing was created


async def test_the_new_meeting_form_refuses_an_impossible_time(app):
    from clerk_tui.ui.screen_kit.form import FormScreen

    async with app.run_test() as pilot:
        await pilot.press("ctrl+n")
        form = app.screen
        assert isinstance(form, FormScreen)
        form.query_one("#field-committee").value = "Planning"
        form.query_one("#field-start_time").value = "25:00"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form
        assert "start time must be a time of day" in str(form.query_one("#form-error").render())
        assert app.store.meetings.summaries() == []


async def test_the_attendance_form_refuses_an_impossible_time(app):
    from clerk_tui.ui.screen_kit.form import FormScreen

    sample = add_sample(app.store)
    async with app.run_test() as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("f3")
        await pilot.pause()
        await pilot.press("ctrl+n")
        form = app.screen
        assert isinstance(form, FormScreen)
        form.query_one("#field-person").value = "Councillor Jo Marsh"
        form.query_one("#field-arrived_at").value = "24:60"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form
        assert "time of arrival must be a time of day" in str(
            form.query_one("#form-error").render())
        assert len(app.store.attendance.list(sample.meeting.id)) == 1


async def test_the_search_dates_form_refuses_an_impossible_date(app):
    from clerk_tui.ui.screen_kit.form import FormScreen

    async with app.run_test() as pilot:
        await pilot.pause()
        await pilot.press("ctrl+f")
        await pilot.pause()
        await pilot.press("f4")
        form = app.screen
        assert isinstance(form, FormScreen)
        form.query_one("#field-date_from").value = "2024-02-30"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form
        assert "first date must be a real date" in str(form.query_one("#form-error").render())


@pytest.mark.parametrize("field, typed, complaint", [
    ("#e-votes_for", "99999999999999999999", "cannot be above 1,000,000,000"),
    ("#e-votes_against", "²", "must be a whole number"),
    ("#e-named", ": for", "Write each named vote"),
])
async def test_the_entry_editor_says_what_it_cannot_save_and_keeps_the_rest(app, field, typed,
                                                                            complaint):
    from clerk_tui.ui.screens.meeting.entry_editor import EntryEditorScreen

    sample = add_sample(app.store)
    resolution = sample.entries[4]
    async with app.run_test() as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("pagedown", "shift+tab")
        app.screen.query_one("#entries", OptionList).highlighted = 4
        await pilot.press("enter")
        await pilot.pause()
        editor = app.screen
        assert isinstance(editor, EntryEditorScreen)
        editor.query_one(field).value = typed
        await make_saves(app, pilot)
        assert complaint in str(editor.query_one("#editor-status").render())
        await pilot.press("escape", "escape")
        await pilot.pause()
        assert app.store.entries.get(resolution.id).vote.votes_for == 5  # unchanged


# --- A megabyte pasted, and 10,000 entries in one item ----------------------------------

MEGABYTE = ("The Committee noted the ward councillors' points about the bridge, "
            "שלום, 👩🏽‍⚖️ and e\u0301. ") * 12_000


async def test_a_megabyte_pasted_into_the_capture_line_is_saved_whole(app):
    from clerk_tui.ui.widgets.capture import CaptureLine

    sample = add_sample(app.store)
    item = sample.items[0].id
    async with app.run_test() as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        capture = app.screen.query_one(CaptureLine)
        capture.post_message(events.Paste(MEGABYTE))
        await pilot.pause()
        await type_text(pilot, " end")  # still answering keys
        assert capture.value == MEGABYTE + " end"
        await make_saves(app, pilot)
        assert app.store.capture.drafts(sample.meeting.id)[item] == MEGABYTE + " end"
        await pilot.press("enter")
        await pilot.pause()
        assert capture.value == ""
        await type_text(pilot, "= That the report be noted", enter=True)
        entries = app.store.entries.list(item)
    assert [e.kind for e in entries] == ["note", "resolution"]
    assert entries[0].text == MEGABYTE.strip() + " end" or entries[0].text == MEGABYTE + " end"


async def test_a_pasted_page_of_several_lines_loses_no_line(app):
    from clerk_tui.ui.widgets.capture import CaptureLine

    sample = add_sample(app.store)
    async with app.run_test() as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        app.screen.query_one(CaptureLine).post_message(
            events.Paste("The first point.\nThe second point.\r\nThe third point."))
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert app.store.entries.list(sample.items[0].id)[-1].text == \
            "The first point. The second point. The third point."


async def test_an_item_of_ten_thousand_entries_opens_and_scrolls(app):
    from clerk_tui.ui.screens.meeting import MeetingScreen
    from clerk_tui.ui.widgets.capture import CaptureLine

    sample = add_sample(app.store)
    item = sample.items[0].id
    store = app.store
    with store.transaction():
        for n in range(10_000):
            store.entries.add(m.Note(item_id=item, captured_at=store.now(),
                                     text=f"Point {n} made about the bridge"))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, MeetingScreen) and screen.selected.id == item
        entries = screen.query_one("#entries", OptionList)
        assert entries.option_count == 10_000 and entries.highlighted == 9_999
        entries.focus()
        await pilot.press("home")
        assert entries.highlighted == 0
        await pilot.press("down", "down", "pagedown")  # Page Down goes to the next item
        await pilot.pause()
        assert screen.selected.id == sample.items[1].id
        await pilot.press("pageup")
        await pilot.pause()
        assert screen.selected.id == item and entries.option_count == 10_000
        entries.focus()
        await pilot.press("end", "up", "up")
        assert entries.highlighted == 9_997
        capture = screen.query_one(CaptureLine)
        capture.focus()
        await type_text(pilot, "One more point", enter=True)
        assert entries.option_count == 10_001 and entries.highlighted == 10_000
        assert store.entries.list(item)[-1].text == "One more point"


# --- Search text full of FTS5 syntax ----------------------------------------------------

FTS_SYNTAX = [
    '"', '""', '"school', 'school"', '"school places', "(", ")", "((school", "school)",
    "NEAR(school places)", "NEAR(school places, 2)", "school NEAR places", "NEAR", "*", "^school",
    "school*", "*school", "sch*ool", "-", "--school", "-school", "school -", "AND", "OR", "NOT",
    "school AND", "OR school", "school NOT", "NOT school", "school AND OR NOT places",
    "text:school", "text : school", "kind:action", "{text kind}: school", "- text:school",
    "committee:Planning", "rowid:1", "search_fts:school", "school + places", "school:",
    ":school", "'school'", "school'; DROP TABLE entries; --", "\\", "\x00school", "school\x00",
    "\ud800school", "schoól", "ＳＣＨＯＯＬ", "school 😀", "שלום school", "%", "_", "[school]",
    "{", "}", "school^2", "a" * 10_000, "school " * 2_000,
]


@pytest.fixture
def archive(store):
    sample = add_sample(store)
    store.entries.add(m.Resolution(item_id=sample.items[0].id, captured_at=store.now(),
                                   text="That school places be increased"))
    return store


@pytest.mark.parametrize("query", FTS_SYNTAX, ids=range(len(FTS_SYNTAX)))
def test_search_text_full_of_fts_syntax_is_searched_as_words(archive, query):
    results = archive.search.search(query, SearchFilters(kinds=None))
    assert results.problem in (None, "Type a word to search for."), results.problem
    words = set(re.findall(r"[^\W_]+", query.lower())) - {"and", "or", "near"}
    if words and words <= {"school", "places"} and "-" not in query and "not" not in words:
        assert results.count >= 1, query  # the words are found, the syntax is not obeyed


OPERATORS = st.sampled_from(['"', "(", ")", "*", "^", "-", "+", ":", "NEAR", "NEAR(", "AND",
                             "OR", "NOT", "text:", "kind:", "{text}", ",", "'", "\\", "school",
                             "places", " ", "  "])


@settings(max_examples=200, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(OPERATORS | HOSTILE, max_size=12).map("".join))
def test_any_mixture_of_fts_syntax_is_a_valid_query(archive, query):
    results = archive.search.search(query, SearchFilters(kinds=None))
    assert results.problem in (None, "Type a word to search for.")


CLI_QUERIES = ['"school places', "NEAR(school places)", "text:school", "school)", "^school",
               "school AND OR", "-school", "*", '"', "{text}: school", "kind:action school"]


@pytest.mark.parametrize("query", CLI_QUERIES)
def test_clerk_search_takes_any_text(archive, db_path, query):
    archive.close()
    for words in ([query], query.split(), ["--", query]):
        result = CliRunner().invoke(main, ["--db", str(db_path), "search", "--all-kinds", *words])
        assert "Traceback" not in result.output and result.exception is None or \
            isinstance(result.exception, SystemExit), result.output
        assert result.exit_code in (0, 1, 2), result.output
        if result.exit_code:
            assert "Type a word" in result.output or "Usage" in result.output, result.output
        else:
            assert "result" in result.output


# --- Hostile files to import ------------------------------------------------------------

GOOD = ("Meeting: 01/02/2023 - Licensing Committee (Item 3)\nAgenda item\nTAXI FARES\n"
        "Minutes:\nRESOLVED: That taxi fares rise by 3%.\n")


def _zip(path: Path, parts: dict[str, bytes], method=zipfile.ZIP_DEFLATED) -> None:
    with zipfile.ZipFile(path, "w", method) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)


def _word_file(path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("Licensing Committee 1 February 2023")
    document.add_paragraph("RESOLVED: That taxi fares rise.")
    document.save(str(path))


def _truncated_word(path: Path) -> None:
    _word_file(path)
    data = path.read_bytes()
    path.write_bytes(data[:len(data) // 2])


def _renamed_word(path: Path) -> None:
    _word_file(path.with_suffix(".docx.tmp"))
    path.with_suffix(".docx.tmp").rename(path)


def _office(kind: str):
    return lambda path: _zip(path, {
        "[Content_Types].xml": f'<Types><Override ContentType="application/vnd.openxmlformats-'
                               f'officedocument.{kind}.main+xml"/></Types>'.encode()})


HOSTILE_FILES = [
    ("bomb.docx", lambda p: _zip(p, {"[Content_Types].xml": b"<Types/>",
                                     "word/document.xml": b"\0" * (60 * 1024 * 1024)}),
     "implausible size"),
    ("encrypted.docx", lambda p: p.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 4096),
     "password-protected"),
    ("empty.docx", lambda p: p.write_bytes(b""), "is empty"),
    ("empty.txt", lambda p: p.write_bytes(b""), "is empty"),
    ("report.docx", lambda p: p.write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 20),
     "not a Word document"),
    ("picture.txt", lambda p: p.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 20),
     "is an image, not a text file"),
    ("program.md", lambda p: p.write_bytes(b"\x7fELF\x02\x01\x01" + bytes(range(256)) * 20),
     "is a program, not a text file"),
    ("minutes.txt", _renamed_word, "a Word .docx, perhaps, under another name"),
    ("noise.txt", lambda p: p.write_bytes(bytes(range(1, 32)) * 400), "is not a text file"),
    ("budget.docx", _office("spreadsheetml.sheet"), "is an Excel workbook"),
    ("slides.docx", _office("presentationml.presentation"), "is a PowerPoint presentation"),
    ("letter.docx", lambda p: _zip(p, {"mimetype": b"application/vnd.oasis.opendocument.text"},
                                   zipfile.ZIP_STORED), "is an OpenDocument file"),
    ("photos.docx", lambda p: _zip(p, {"a.jpg": b"\xff\xd8\xff" + b"x" * 100}),
     "is a zip file of other files"),
    ("cut.docx", _truncated_word, "not a Word document"),
    ("endless.txt", lambda p: p.write_text("Minutes:\n" + "A point was made.\n" * 25_000),
     "more than any minutes"),
    ("heading.txt", lambda p: p.write_text("Planning Committee\nWednesday 1 March 2023\n"),
     "holds no agenda items"),
]


@pytest.mark.parametrize("name, make, reason", HOSTILE_FILES, ids=[f[0] for f in HOSTILE_FILES])
def test_a_hostile_file_is_refused_with_a_reason_and_the_rest_come_in(db_path, tmp_path, name,
                                                                     make, reason):
    folder = tmp_path / "minutes"
    folder.mkdir()
    make(folder / name)
    (folder / "zz-good.txt").write_text(GOOD, encoding="utf-8")
    with within(60):
        result = CliRunner().invoke(main, ["--db", str(db_path), "import", str(folder)])
    assert result.exit_code == 1, result.output
    assert f"{name}: " in result.stderr and reason in result.stderr, result.stderr
    assert "Traceback" not in result.output and len(result.stderr) < 2000
    assert "zz-good.txt: Licensing Committee, 2023-02-01: 1 item, 1 resolution" in result.stdout
    with Store.open(db_path) as store:
        assert [s.committee_name for s in store.meetings.summaries()] == ["Licensing Committee"]


def test_damaged_bytes_in_utf8_minutes_stay_utf8(db_path, tmp_path):
    path = tmp_path / "licensing.txt"
    path.write_bytes(GOOD.replace("TAXI FARES", "TAXI FARES — CAFÉ LICENCES").encode()
                     .replace(b"fares rise", b"fares \xff rise"))
    result = CliRunner().invoke(main, ["--db", str(db_path), "import", str(path)])
    assert result.exit_code == 0, result.output
    with Store.open(db_path) as store:
        snapshot = store.snapshot(store.meetings.summaries()[0].meeting.id)
    assert snapshot.items[0].item.title.upper() == "TAXI FARES — CAFÉ LICENCES"
    assert snapshot.items[0].entries[0].text == "RESOLVED: That taxi fares \ufffd rise by 3%."
