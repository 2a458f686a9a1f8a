"""After the meeting: the action log, matters arising, approval, audit, verify."""

from __future__ import annotations

import csv
import datetime as dt
import io

import docx
import pytest
from click.testing import CliRunner
from textual.widgets import DataTable

from clerk_tui import models as m
from clerk_tui.cli import main
from clerk_tui.minutes.compose import compose_meeting
from clerk_tui.ui.screens.action_log import ActionLogScreen
from clerk_tui.ui.screens.audit import AuditScreen
from clerk_tui.ui.screens.form import FormScreen
from clerk_tui.ui.screens.meeting import MeetingScreen
from conftest import add_sample, type_text

MAY, JUNE = dt.date(2024, 5, 1), dt.date(2024, 6, 5)


@pytest.fixture
def two_meetings(store, clock):
    """May's meeting (an action due 1 June) and June's, which gets matters arising."""
    may = add_sample(store)
    store.entries.add(m.Action(item_id=may.items[0].id, text="Book the hall", owner="Clerk",
                               due=dt.date(2099, 7, 1), captured_at=store.now()))
    clock.now = dt.datetime(2024, 6, 5, 19, 0)
    june = store.new_meeting("Planning", JUNE, agenda=[
        {"minute_number": "1", "title": "Minutes of the previous meeting", "exempt": False},
        {"minute_number": "2", "title": "Budget", "exempt": False}])
    return may, june


def titles(store, meeting_id):
    return [i.title for i in store.items.list(meeting_id)]


def test_a_new_meeting_takes_up_open_actions_in_matters_arising(store, two_meetings):
    may, june = two_meetings
    assert titles(store, june.id) == ["Minutes of the previous meeting", "Matters arising",
                                      "Budget"]
    lone = store.new_meeting("Licensing", JUNE)
    assert titles(store, lone.id) == []  # nothing open, no matters arising


def test_the_log_and_its_filters(store, two_meetings, clock):
    log = store.actions.log
    assert [r.action.text for r in log("open")] == ["Circulate the valuation", "Book the hall"]
    assert [r.action.text for r in log("overdue")] == ["Circulate the valuation"]  # due 1 June
    assert log("open", owner="clerk")[0].action.text == "Book the hall"
    assert log("open", committee="Licensing") == []
    record = log("overdue")[0]
    assert (record.committee_name, record.meeting_date, record.item_label, record.overdue) == (
        "Planning", MAY, "2. Depot lease", True)


def test_following_up_an_approved_meetings_action_keeps_its_minutes(store, two_meetings):
    may, june = two_meetings
    store.meetings.approve(may.meeting.id, JUNE, june.id)
    action = store.actions.log("overdue")[0].action
    store.actions.follow_up(action.id, reassigned_to="Head of Finance",
                            due_revised=dt.date(2024, 9, 1))
    record = store.actions.get(action.id)
    assert (record.action.current_owner, record.action.current_due, record.overdue) == (
        "Head of Finance", dt.date(2024, 9, 1), False)
    minutes = compose_meeting(store.snapshot(may.meeting.id), "confidential")
    texts = [b.text for b in minutes.blocks if hasattr(b, "text")]
    assert "ACTION: Circulate the valuation (Head of Property, by 1 June 2024)." in texts
    store.actions.follow_up(action.id, status="done", done_on=dt.date(2024, 6, 4),
                            progress="sent to members")
    done = store.actions.get(action.id).action
    assert (done.status, done.done_on, done.progress) == ("done", dt.date(2024, 6, 4),
                                                          "sent to members")


def test_an_update_at_matters_arising_is_minuted_there(store, two_meetings):
    may, june = two_meetings
    arising = store.items.list(june.id)[1]
    action = store.actions.log("overdue")[0].action
    store.actions.follow_up(action.id, status="done", done_on=dt.date(2024, 6, 3),
                            minuted_in=arising.id, minute_text="Reported done.")
    assert [e.text for e in store.entries.list(arising.id)] == ["Reported done."]
    assert store.actions.get(action.id).action.status == "done"


def test_approving_the_previous_minutes_from_the_next_meeting(store, two_meetings):
    may, june = two_meetings
    item = store.items.list(june.id)[0]
    assert store.approvals.awaiting(june).id == may.meeting.id
    store.approvals.approve_previous(june.id, item.id, "That the minutes be approved.",
                                     unanimous=True)
    approved = store.meetings.get(may.meeting.id)
    assert (approved.status, approved.approved_on, approved.approved_at_meeting_id) == (
        "approved", JUNE, june.id)
    (resolution,) = store.entries.list(item.id)
    assert resolution.text == "That the minutes be approved." and resolution.vote.unanimous
    assert store.approvals.awaiting(june) is None


@pytest.fixture
def run(db_path):
    def invoke(*args):
        return CliRunner().invoke(main, ["--db", str(db_path), *args])
    return invoke


def test_clerk_actions_in_every_format(store, two_meetings, run, tmp_path):
    store.close()
    table = run("actions", "--open")
    assert table.exit_code == 0, table.output
    assert table.output.startswith("2 action(s)") and "OVERDUE" in table.output
    rows = list(csv.reader(io.StringIO(run("actions", "--format", "csv").output)))
    assert rows[0] == ["Action", "Detail", "Owner", "Due", "Status", "Meeting"]
    assert rows[1] == ["Circulate the valuation", "2. Depot lease", "Head of Property",
                       "1 June 2024", "Overdue", "Planning, 1 May 2024"]
    out = tmp_path / "log.csv"
    assert run("actions", "--format", "csv", "-o", str(out)).exit_code == 0
    assert out.read_text().startswith("Action,Detail")
    word = run("actions", "--format", "docx", "-o", str(tmp_path))
    assert word.exit_code == 0, word.output
    (log,) = docx.Document(word.output.strip()).tables
    cells = [[c.text for c in row.cells] for row in log.rows]
    assert cells[0] == ["Action", "Detail", "Owner", "Due", "Status", "Meeting"]
    assert cells[2][0] == "Book the hall" and cells[2][4] == "Open"


def test_clerk_verify(store, two_meetings, run, tmp_path):
    may, june = two_meetings
    store.meetings.approve(may.meeting.id, JUNE, june.id)
    store.close()
    exported = run("export", may.meeting.id, "-o", str(tmp_path))
    assert exported.exit_code == 0, exported.output
    path = exported.output.strip()
    good = run("verify", path)
    assert good.exit_code == 0
    assert "is an untouched export of the approved public minutes of Planning, 2024-05-01" \
        in good.output
    edited = tmp_path / "edited.docx"
    document = docx.Document(path)
    document.paragraphs[-1].text = "Signed by someone else"
    document.save(str(edited))
    altered = run("verify", str(edited))
    assert altered.exit_code == 1 and "has been altered" in altered.output
    unknown = tmp_path / "other.docx"
    docx.Document().save(str(unknown))
    assert "is not an export of approved minutes" in run("verify", str(unknown)).output


async def test_the_action_log_screen_filters_and_marks_done(app, two_meetings):
    async with app.run_test() as pilot:
        await pilot.pause()
        await pilot.press("ctrl+l")
        await pilot.pause()
        assert isinstance(app.screen, ActionLogScreen)
        table = app.screen.query_one(DataTable)
        assert table.row_count == 2
        await pilot.press("f2")  # overdue
        assert table.row_count == 1
        await pilot.press("d")
        assert isinstance(app.screen, FormScreen)
        await type_text(pilot, "valuation sent", enter=True)
        action = app.store.actions.log("done")[0].action
        assert (action.text, action.done_on, action.progress) == (
            "Circulate the valuation", dt.date(2024, 6, 5), "valuation sent")
        await pilot.press("f2")  # done
        assert table.row_count == 1


async def test_matters_arising_and_the_log_agree(app, two_meetings):
    may, june = two_meetings
    async with app.run_test() as pilot:
        await pilot.pause()
        await pilot.press("enter")  # June is the newest meeting
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, MeetingScreen) and screen.meeting.id == june.id
        await pilot.press("pagedown")
        assert screen.selected.matters_arising
        heading = str(screen.query_one("#item-heading").render())
        assert "2 action(s) open" in heading and "Circulate the valuation" in heading
        await pilot.press("ctrl+l")
        await pilot.pause()
        log = app.screen
        assert isinstance(log, ActionLogScreen) and log.committee == "Planning"
        await pilot.press("enter")  # update the first (soonest due)
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        heading = str(screen.query_one("#item-heading").render())
        assert "1 action(s) open" in heading
        (note,) = app.store.entries.list(screen.selected.id)
        assert note.text.startswith("The action agreed on 1 May 2024 under 2. Depot lease, "
                                    "“Circulate the valuation” (Head of Property), was reported "
                                    "done on 5 June 2024")
        assert app.store.actions.log("done")[0].action.text == "Circulate the valuation"


async def test_approve_the_previous_minutes_then_reopen_with_a_reason(app, two_meetings):
    may, june = two_meetings
    async with app.run_test() as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("f10")
        assert isinstance(app.screen, FormScreen)
        await type_text(pilot, "item 2 should read Depot lease renewal")
        await pilot.press("ctrl+s")
        await pilot.pause()
        earlier = app.store.meetings.get(may.meeting.id)
        assert (earlier.status, earlier.approved_at_meeting_id) == ("approved", june.id)
        (resolution,) = app.store.entries.list(app.screen.selected.id)
        assert resolution.text == ("That the minutes of the meeting held on 1 May 2024 be "
                                   "approved as a correct record, subject to the following "
                                   "corrections: (a) item 2 should read Depot lease renewal.")
        await pilot.press("escape", "escape")  # to the meetings list
        await pilot.pause()
        await pilot.press("down", "enter")  # May's minutes, now read-only
        await pilot.pause()
        assert app.screen.read_only
        await pilot.press("ctrl+r")
        await type_text(pilot, "The chair's name was misspelt", enter=True)
        assert not app.screen.read_only
        await pilot.press("ctrl+y")
        await pilot.pause()
        assert isinstance(app.screen, AuditScreen)
        rows = [app.screen.query_one(DataTable).get_row_at(n) for n in range(2)]
        assert [row[1] for row in rows] == ["Approved", "Reopened"]
        assert rows[1][3] == "Reason: The chair's name was misspelt"
