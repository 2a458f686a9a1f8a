"""Text is text: what a person or a file gave clerk is shown literally on every screen.

Markup (``[bold]``, ``[/]``, ``[@click=app.quit]``), escape sequences, other controls and
the invisible characters that reorder text (bidi overrides and isolates) are pushed
through every screen with pilot; each screen must show them as typed (a hidden
character as its visible code, ``\\u202e``) and nothing may land in clerk-errors.log.
Keys typed while a form is still opening must land in the field they were typed for.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import html
import re
import unicodedata

import pytest
from hypothesis import HealthCheck, Phase, example, given, settings
from hypothesis import strategies as st
from rich.cells import cell_len
from textual import events

from clerk_tui import models as m
from clerk_tui.ui.app import ClerkApp, make_app
from clerk_tui.ui.failures import LOG_NAME
from clerk_tui.ui.screen_kit.form import FormScreen
from clerk_tui.ui.screens.action_log import ActionLogScreen
from clerk_tui.ui.screens.attendance import AttendanceScreen
from clerk_tui.ui.screens.audit import AuditScreen
from clerk_tui.ui.screens.declarations import DeclarationsScreen
from clerk_tui.ui.screens.meeting import MeetingScreen
from clerk_tui.ui.screens.meeting.entry_editor import EntryEditorScreen
from clerk_tui.ui.screens.search import SearchScreen
from clerk_tui.ui.text import literal, shown
from conftest import FrozenClock, add_sample, type_text
from recording_app import break_command

SIZE = (250, 60)  # wide enough that nothing tested is wrapped or cut

FRAGMENTS = [
    "[/]", "[bold]", "[/bold]", "[b]x[/b]", "[link=https://example.org]", "[on red]",
    "[@click=app.quit]", "[@click=app.screenshot('x.svg','shots')]", "(open)", "[$accent]",
    "\x1b[2J", "\x1b]8;;https://example.org\x1b\\", "\x1b]0;title\x07", "\x9b31m", "\x85",
    "\u202e", "\u202d", "\u2066", "\u2067", "\u2069", "\u200f", "\u061c", "[", "]", "\\",
    "'", '"', "**", "_x_", "&amp;", "<b>", "~~", "#", "`",
]
_VISIBLE = st.text(alphabet="abcXYZ019 .:-", min_size=1, max_size=3)
HOSTILE = st.lists(st.one_of(st.sampled_from(FRAGMENTS), _VISIBLE), min_size=1,
                   max_size=3).map("".join)

# What must never be drawn as it is: controls, lone surrogates, line separators and
# the bidi and zero-width format characters. Spelt out here, not imported, so the
# test says what the promise is.
_BIDI = set("\u061c\u200b\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
            "\u2060\ufeff")


def _hidden(character: str) -> bool:
    return unicodedata.category(character) in ("Cc", "Cs", "Zl", "Zp") or character in _BIDI


def visible(text: str) -> str:
    """How clerk must show ``text`` on one line: each hidden character as its code."""
    out = []
    for character in text:
        if character == "\n":
            out.append("⏎")
        elif character == "\t":
            out.append(" ")
        elif _hidden(character):
            point = ord(character)
            out.append(f"\\x{point:02x}" if point < 0x100 else f"\\u{point:04x}")
        else:
            out.append(character)
    return "".join(out)


def screen_text(app) -> str:
    """What the screen shows, line by line, read from Textual's own screenshot."""
    svg = app.export_screenshot()
    width = app.size.width
    lines: dict[int, list[str]] = {}
    pattern = r'<text [^>]*x="([\d.]+)"[^>]*textLength="([\d.]+)"[^>]*line-(\d+)\)">([^<]*)</text>'
    for x, length, line, content in re.findall(pattern, svg):
        words = html.unescape(content).replace("\xa0", " ")
        column = round(float(x) / (float(length) / len(words)))
        cells = lines.setdefault(int(line), [" "] * (width + 2))
        for character in words:
            if column < len(cells):
                cells[column] = character
                for extra in range(1, cell_len(character)):
                    cells[column + extra] = ""
            column += max(cell_len(character), 1)
    return "\n".join("".join(lines[n]).rstrip() for n in sorted(lines))


def assert_clean(app) -> None:
    """Nothing hidden reached the screen, and nothing went wrong."""
    drawn = screen_text(app)
    assert not [c for c in drawn if _hidden(c) and c != "\n"], "a hidden character was drawn"
    log = app.store.path.parent / LOG_NAME
    assert not log.exists() or not log.read_text(), log.read_text()


ROUNDS = 40  # rounds of "let the app handle all it was given", never a measure of time


async def settle(pilot, condition) -> bool:
    """Round by round, let the app finish what it was given (its workers done, every
    message handled, the screen laid out again) until ``condition`` holds; False if it
    still does not after :data:`ROUNDS` rounds. No round waits for a clock."""
    for _ in range(ROUNDS):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        if condition():
            return True
    return False


async def wait_for(pilot, condition) -> None:
    if not await settle(pilot, condition):
        raise AssertionError("the condition never held")


async def drawn_with(pilot, wanted: list[str]) -> str:
    """Wait until the screen shows every one of ``wanted``, exactly as given."""
    drawn = ""

    def showing() -> bool:
        nonlocal drawn
        drawn = screen_text(pilot.app)
        return all(w in drawn for w in wanted)
    if not await settle(pilot, showing):
        missing = [w for w in wanted if w not in drawn]
        raise AssertionError(f"not shown: {missing!r}\n{drawn}")
    return drawn


async def shows(pilot, *texts: str) -> str:
    """Wait until the screen shows every one of ``texts`` (as clerk must draw them)."""
    return await drawn_with(pilot, [visible(t) for t in texts])


async def search_for(pilot, words: str) -> None:
    """Type ``words`` in the search screen and search now (not after its typing pause)."""
    await type_text(pilot, words)
    pilot.app.screen.run_search()


# The one way of rendering -----------------------------------------------------------


def test_literal_text_is_never_markup_and_hides_nothing():
    text = literal("[bold]A[/] \x1b[2J\u202eB\nC")
    assert text.plain == "[bold]A[/] \\x1b[2J\\u202eB⏎C"
    assert not text.spans[0].style.__contains__("bold")  # only the codes are marked
    assert {span.style for span in text.spans} == {"reverse"}
    assert shown("a\nb", lines=True) == "a\nb"
    assert shown("\ud800\x85\u2028") == "\\ud800\\x85\\u2028"


@given(HOSTILE)
def test_shown_is_what_the_promise_says(text):
    assert shown(text) == visible(text) == literal(text).plain


# Every screen, with hypothesis ---------------------------------------------------------


def _meeting(store, text: str) -> dict[str, object]:
    """A meeting whose every field a clerk or a file can fill holds ``text``; its
    records as stored (cleaned as the models clean text), by name."""
    committee = store.committees.add(m.Committee(name=f"C{text}"))
    meeting = store.meetings.add(m.Meeting(committee_id=committee.id, date=dt.date(2024, 5, 1),
                                           venue=f"V{text}"))
    item = store.items.add(m.AgendaItem(meeting_id=meeting.id, minute_number="1",
                                        title=f"T{text}", report_reference=f"R{text}",
                                        exempt=False))
    now = store.now()
    records = {"committee": committee, "meeting": meeting, "item": item,
               "note": m.Note(item_id=item.id, text=f"N{text}", captured_at=now),
               "question": m.Question(item_id=item.id, text=f"Q{text}", asker=f"A{text}",
                                      captured_at=now),
               "action": m.Action(item_id=item.id, text=f"zebra action {text}",
                                  owner=f"O{text}", captured_at=now),
               "resolution": m.Resolution(item_id=item.id, text=f"That zebra {text} be noted",
                                          captured_at=now),
               "person": m.Attendance(meeting_id=meeting.id, person=f"P{text}",
                                      office=f"F{text}"),
               "declaration": m.Declaration(meeting_id=meeting.id, item_id=item.id,
                                            member=f"M{text}", kind="personal",
                                            text=f"I{text}")}
    for name in ("note", "question", "action", "resolution"):
        store.entries.add(records[name])
    store.attendance.add(records["person"])
    store.declarations.add(records["declaration"])
    return records


def in_the_editor(text: str) -> list[str]:
    """The lines the entry editor must draw for ``text``: each hidden character as one
    ``\ufffd``, so the cursor stays put (a line separator too: only a newline breaks)."""
    return [re.sub(r"[^\t]", lambda c: "\ufffd" if _hidden(c.group()) else c.group(), line)
            for line in text.split("\n")]


async def _edit(pilot, entry) -> None:
    """Open ``entry`` in the editor from the meeting screen, see it drawn, close it."""
    app = pilot.app
    screen = app.screen
    screen.query_one("#entries").focus()
    screen.query_one("#entries").highlighted = [e.id for e in screen.entry_list.entries].index(entry.id)
    await pilot.press("enter")
    await wait_for(pilot, lambda: isinstance(app.screen, EntryEditorScreen))
    await drawn_with(pilot, [line.strip() for line in in_the_editor(entry.text) if line.strip()])
    assert_clean(app)
    assert app.screen.query_one("#e-text").literal_text == entry.text
    await pilot.press("escape")
    await wait_for(pilot, lambda: isinstance(app.screen, MeetingScreen))
    assert app.store.entries.get(entry.id).text == entry.text  # kept exactly, unedited


async def _walk(app, text: str) -> None:
    r = _meeting(app.store, text)
    committee, item = r["committee"].name, r["item"]
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await shows(pilot, committee)  # the list of meetings
        assert_clean(app)
        await pilot.press("enter")
        assert isinstance(app.screen, MeetingScreen)
        await shows(pilot, committee, r["meeting"].venue, item.label,
                    f"Report {item.report_reference}", r["note"].text,
                    f"{r['question'].asker}: {r['question'].text}", r["action"].owner)
        assert_clean(app)
        await _edit(pilot, r["note"])
        await pilot.press("f9")  # the preview
        await shows(pilot, r["note"].text, r["resolution"].text)
        await pilot.press("f9", "f3")
        assert isinstance(app.screen, AttendanceScreen)
        await shows(pilot, r["person"].person, r["person"].office)
        await pilot.press("f4")
        assert isinstance(app.screen, DeclarationsScreen)
        await shows(pilot, r["declaration"].member, r["declaration"].text, item.label)
        assert_clean(app)
        await pilot.press("escape", "ctrl+l")
        assert isinstance(app.screen, ActionLogScreen)
        await shows(pilot, r["action"].owner, f"{committee}, 1 May 2024")
        await pilot.press("escape", "ctrl+f")
        assert isinstance(app.screen, SearchScreen)
        await search_for(pilot, "zebra")
        await shows(pilot, committee, r["resolution"].text)
        assert_clean(app)


@settings(max_examples=6, deadline=None, derandomize=True, phases=[Phase.explicit, Phase.generate],
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(text=HOSTILE)
@example(text="[@click=app.quit] \x1b]0;title\x07\u202e[/]")
def test_every_screen_shows_hostile_text_as_typed(tmp_path_factory, text):
    app = make_app(tmp_path_factory.mktemp("db") / "clerk.db", clock=FrozenClock())
    asyncio.run(_walk(app, text))


# What failed before, one by one ---------------------------------------------------------


async def test_a_committee_named_with_brackets_keeps_them(app):
    committee = app.store.committees.add(m.Committee(name="Finance [draft] Committee"))
    app.store.meetings.add(m.Meeting(committee_id=committee.id, date=dt.date(2024, 5, 1)))
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await shows(pilot, "Finance [draft] Committee")
        await pilot.press("enter")
        drawn = await shows(pilot, "Finance [draft] Committee")  # in the header
        assert "Finance  Committee" not in drawn
        assert_clean(app)


async def test_an_agenda_line_that_is_an_action_link_does_nothing_when_clicked(app, tmp_path,
                                                                              monkeypatch):
    monkeypatch.chdir(tmp_path)
    sample = add_sample(app.store)
    for title in ("[@click=app.quit]", "Report [@click=app.screenshot('x.svg','shots')](open)[/]"):
        app.store.items.add(m.AgendaItem(meeting_id=sample.meeting.id, title=title, exempt=False),
                            0)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("enter")
        await shows(pilot, "[@click=app.quit]",
                    "Report [@click=app.screenshot('x.svg','shots')](open)[/]")
        for row in (1, 2):
            await pilot.click("#agenda", offset=(8, row))
            await pilot.pause()
        assert app.is_running and isinstance(app.screen, MeetingScreen)
        assert not list(tmp_path.rglob("*.svg"))
        assert_clean(app)


async def test_forms_banners_audit_and_notifications_show_text_as_typed(app):
    text = "[/] [on red]x \u202eY [@click=app.quit]"
    sample = add_sample(app.store)
    store = app.store
    store.settings.set("organisation", f"Org {text}")
    store.items.add(m.AgendaItem(meeting_id=sample.meeting.id, title=f"T{text}\x9b",
                                 exempt=False), 0)
    store.meetings.approve(sample.meeting.id, dt.date(2024, 6, 1))
    store.meetings.reopen(sample.meeting.id, f"Reason {text}")
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await shows(pilot, f"clerk · Org {text}")  # the header
        await pilot.press("enter")
        await shows(pilot, f"Reopened to correct them (Reason {text})")  # the banner
        await pilot.press("ctrl+y")
        assert isinstance(app.screen, AuditScreen)
        await shows(pilot, f"Reason: Reason {text}")
        await pilot.press("escape", "f2")  # the item's form: a text field marks what is hidden
        assert isinstance(app.screen, FormScreen)
        await shows(pilot, "T[/] [on red]x \ufffdY [@click=app.quit]\ufffd")
        assert_clean(app)
        await pilot.press("escape", "f12")  # the approval form
        assert isinstance(app.screen, FormScreen)
        app.screen.query_one("#field-date").value = "[/]x"
        await pilot.press("ctrl+s")
        await shows(pilot, "(not '[/]x')")  # the form's error quotes what was typed
        await pilot.press("escape")
        app.notify(f"Notified {text}", title=f"Title {text}")
        await shows(pilot, f"Notified {text}", f"Title {text}")
        assert_clean(app)


async def test_a_database_in_an_oddly_named_folder_is_named_as_it_is(tmp_path):
    folder = tmp_path / "[on red]minutes[b] \u202e"
    folder.mkdir()
    app = make_app(folder / "clerk.db", clock=FrozenClock())
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await shows(pilot, str(folder / "clerk.db"))
        assert_clean(app)


# The entry editor ------------------------------------------------------------------------


def _drawn(area, y: int) -> tuple[str, list[bool]]:
    """Line ``y`` of a text area as it is drawn, and whether each stand-in is marked."""
    strip = area.render_line(y)
    drawn = "".join(segment.text for segment in strip)
    marked = [bool(segment.style and segment.style.reverse)
              for segment in strip for character in segment.text if character == "\ufffd"]
    return drawn, marked


async def test_the_entry_editor_marks_what_is_hidden_one_for_one_and_saves_what_was_typed(app):
    sample = add_sample(app.store)
    note = app.store.entries.add(m.Note(item_id=sample.items[0].id, text="a\u202eb\u2028c\x9bd",
                                        captured_at=app.store.now()))
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        app.push_screen(EntryEditorScreen(app.desk, note))
        await wait_for(pilot, lambda: isinstance(app.screen, EntryEditorScreen))
        area = app.screen.query_one("#e-text")
        assert _drawn(area, 0) == ("a\ufffdb\ufffdc\ufffdd".ljust(area.content_size.width),
                                   [True, True, True])
        await pilot.press("end")  # the cursor is drawn, and placed, after all seven
        assert area.cursor_location == (0, 7)
        assert area.cursor_screen_offset.x == area.content_region.x + 7
        assert_clean(app)
        await pilot.press("escape")  # opened and closed: the text is kept exactly
        await wait_for(pilot, lambda: not isinstance(app.screen, EntryEditorScreen))
        assert app.store.entries.get(note.id).text == "a\u202eb\u2028c\x9bd"

        app.push_screen(EntryEditorScreen(app.desk, app.store.entries.get(note.id)))
        await wait_for(pilot, lambda: isinstance(app.screen, EntryEditorScreen))
        area = app.screen.query_one("#e-text")
        await pilot.press("home", "right", "right", "X")  # after the hidden character
        assert area.cursor_location == (0, 3)
        assert _drawn(area, 0)[0][:4] == "a\ufffdXb"
        await pilot.press("escape")
        await wait_for(pilot, lambda: not isinstance(app.screen, EntryEditorScreen))
        # edited: what was typed, each hidden character kept where it was
        assert app.store.entries.get(note.id).text == "a\u202eXb\u2028c\x9bd"


async def test_a_long_line_with_hidden_characters_wraps_with_nothing_cut_off():
    from textual.app import App

    from clerk_tui.ui.widgets.text_area import LiteralTextArea

    words = "\u202e\u2066\x9b" + "abcdefghijklmnopqrstuvwxyz0123456789"

    class Host(App):
        CSS = "LiteralTextArea { width: 24; height: 6; }"

        def compose(self):
            yield LiteralTextArea(words, soft_wrap=True)

    async with Host().run_test(size=(40, 10)) as pilot:
        await pilot.pause()
        area = pilot.app.query_one(LiteralTextArea)
        rows = [_drawn(area, y)[0] for y in range(area.content_size.height)]
        assert all(len(row) == area.content_size.width for row in rows)  # none too long
        assert "".join(row.rstrip() for row in rows) == "\ufffd" * 3 + words[3:]
        assert area.literal_text == words
        area.select_all()
        assert area.selected_text == words  # what a copy puts on the clipboard


# Exempt matter is marked ---------------------------------------------------------------


async def test_exempt_search_results_and_private_matters_arising_are_marked(app):
    sample = add_sample(app.store)  # item 2 is exempt, with an open action
    later = app.store.new_meeting("Planning", dt.date(2024, 7, 1))
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("ctrl+f")
        await search_for(pilot, "lease renewed")
        drawn = await shows(pilot, "That the lease be renewed.")
        (line,) = [row for row in drawn.splitlines() if "Depot lease" in row]
        assert "EXEMPT" in line
        await pilot.press("escape")
        app.push_screen(MeetingScreen(app.desk, later.id))
        await pilot.pause()
        arising = next(i for i in app.screen.agenda.items if i.matters_arising)
        app.screen.select_item(app.screen.agenda.items.index(arising))
        drawn = await shows(pilot, "Circulate the valuation")
        (line,) = [row for row in drawn.splitlines() if "Circulate the valuation" in row]
        assert "EXEMPT" in line
        assert sample.items[1].exempt


# An error while showing an error ----------------------------------------------------------


def _log_entries(app) -> int:
    log = app.store.path.parent / LOG_NAME
    return log.read_text().count("\n--- ") + log.read_text().startswith("--- ") \
        if log.exists() else 0


async def test_an_error_quoting_markup_is_shown_literally_and_logged_once(app, monkeypatch):
    monkeypatch.setattr(ClerkApp, "contain_failures", True)
    add_sample(app.store)

    def broken(self):
        raise ValueError("[/] [@click=app.quit] \x1b[2J boom")
    break_command(monkeypatch, "preview", broken)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("enter", "f9")
        await shows(pilot, "ValueError", "[/]", "[@click=app.quit]", "\x1b[2J", "boom")
        await pilot.press("f9")  # the same failure again, while its message shows
        for _ in range(10):  # rounds in which a loop of errors would show itself
            await pilot.pause()
        assert app.is_running and _log_entries(app) == 1


async def test_an_error_raised_while_showing_an_error_is_logged_once_never_looped(
        app, monkeypatch):
    from textual.app import App

    monkeypatch.setattr(ClerkApp, "contain_failures", True)
    add_sample(app.store)

    def broken(self):
        raise ValueError("the first failure")
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("enter")
        break_command(monkeypatch, "preview", broken)

        def cannot_show(self, *args, **kwargs):
            raise RuntimeError("cannot show [/] a message")
        monkeypatch.setattr(App, "notify", cannot_show)
        await pilot.press("f9")
        for _ in range(20):  # rounds in which a loop of errors would show itself
            await pilot.pause()
        assert app.is_running
        log = (app.store.path.parent / LOG_NAME).read_text()
        assert _log_entries(app) == 2
        assert "the first failure" in log and "cannot show [/] a message" in log


# Keys typed while a form is opening -------------------------------------------------------


def _burst(app, keys) -> None:
    """Keys as a busy machine delivers them: all read before anything has reacted."""
    for key in keys:
        character = {"space": " "}.get(key, key if len(key) == 1 else None)
        event = events.Key(key, character)
        event.set_sender(app)  # as the terminal's keys are
        app.post_message(event)


@pytest.mark.parametrize("how", ["key", "pushed", "open"])
async def test_keys_typed_as_a_form_opens_land_in_their_fields(app, how):
    sample = add_sample(app.store)
    typed = ["7", "enter", *"Depot", "space", *"lease", "enter", *"PL9", "ctrl+s"]
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("enter")
        if how == "key":
            _burst(app, ["ctrl+n", *typed])  # the key that opens the form, then at once more
        elif how == "pushed":
            app.screen.action_run("add_item")  # no pause: the form is still being built
            _burst(app, typed)
        else:
            await pilot.press("ctrl+n")  # the form is open: Enter must move on at once
            _burst(app, typed)
        await wait_for(pilot, lambda: isinstance(app.screen, MeetingScreen)
                       and len(app.store.items.list(sample.meeting.id)) == 3)
        added = [i for i in app.store.items.list(sample.meeting.id)
                 if i.id not in {s.id for s in sample.items}]
        assert [(i.minute_number, i.title, i.report_reference) for i in added] == [
            ("7", "Depot lease", "PL9")]
        assert not app.store.capture.drafts(sample.meeting.id)  # none went to the capture line
        assert len(app.store.entries.list(sample.items[0].id)) == 0


@pytest.mark.parametrize("focus", ["#agenda", "#entries"])
async def test_words_typed_fast_on_a_list_all_reach_the_capture_line(app, focus):
    """The first key typed on a list moves the focus to the capture line; the keys read
    with it, before the focus has moved, go there too, and Enter stores the line."""
    sample = add_sample(app.store)
    item = sample.items[0]
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        app.screen.query_one(focus).focus()
        await pilot.pause()
        _burst(app, [*"Verges", "space", *"cut", "enter", *"Bins"])
        await pilot.pause()
        await pilot.pause()
        line = app.screen.query_one("#capture").value
        stored = [e.text for e in app.store.entries.list(item.id)]
    assert stored[-1] == "Verges cut"
    assert line == "Bins"


async def test_words_typed_with_page_down_stay_with_their_item(app):
    """Keys read together: the words before Page Down are the first item's draft, those
    after it the next item's; none is lost to the move."""
    sample = add_sample(app.store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        _burst(app, [*"Noted", "pagedown", *"Deferred", "pageup"])
        await pilot.pause()
        await pilot.pause()
        line = app.screen.query_one("#capture").value
        app.desk.autosaver.flush()
        drafts = app.store.capture.drafts(sample.meeting.id)
    assert line == "Noted"
    assert (drafts[sample.items[0].id], drafts[sample.items[1].id]) == ("Noted", "Deferred")
