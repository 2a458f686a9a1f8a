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
from clerk_tui.ui.screen_kit.form import FormScreen
from clerk_tui.ui.screens.action_log import ActionLogScreen
from clerk_tui.ui.screens.audit import AuditScreen
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
    invoke.db_path = db_path
    return invoke


def test_clerk_actions_in_every_format(store, two_meetings, run, tmp_path):
    store.close()
    table = run("actions", "--open", "--confidential")
    assert table.exit_code == 0, table.output
    assert table.output.startswith("2 action(s) (CONFIDENTIAL") and "OVERDUE" in table.output
    rows = list(csv.reader(io.StringIO(run("actions", "--format", "csv", "--confidential").output)))
    assert rows[0] == ["Action", "Owner", "Due", "Status", "Done on", "Progress", "Committee",
                       "Meeting date", "Item number", "Item title", "Exempt"]
    assert rows[1] == ["Circulate the valuation", "Head of Property", "2024-06-01", "Overdue",
                       "", "", "Planning", "2024-05-01", "2", "Depot lease", "yes"]
    out = tmp_path / "log.csv"
    assert run("actions", "--format", "csv", "-o", str(out)).exit_code == 0
    assert out.read_text().startswith("Action,Owner,Due")
    again = run("actions", "--format", "csv", "-o", str(out))
    assert again.exit_code == 1 and "--overwrite" in again.output
    assert run("actions", "--format", "csv", "-o", str(out), "--overwrite").exit_code == 0
    word = run("actions", "--format", "docx", "-o", str(tmp_path))
    assert word.exit_code == 0, word.output
    (log,) = docx.Document(word.output.strip()).tables
    cells = [[c.text for c in row.cells] for row in log.rows]
    assert cells[0] == ["Action", "Detail", "Owner", "Due", "Status", "Meeting"]
    assert cells[1][0] == "Book the hall" and cells[1][4] == "Open" and len(cells) == 2
    assert run("actions", "--format", "docx", "-o", str(tmp_path)).exit_code == 1
    assert run("actions", "--format", "docx", "-o", str(tmp_path), "--overwrite").exit_code == 0


def test_the_public_action_log_leaves_out_private_actions(store, two_meetings, run, tmp_path):
    store.close()
    public = run("actions")
    assert public.output.startswith("1 action(s)\n") and "Circulate" not in public.output
    assert "Circulate" not in run("actions", "--format", "csv").output
    word = run("actions", "--format", "docx", "--confidential", "-o", str(tmp_path))
    path = word.output.strip()
    assert path.endswith("-confidential.docx")
    document = docx.Document(path)
    header = document.sections[0].header.paragraphs[0].text
    assert "CONFIDENTIAL" in header
    assert "Circulate the valuation" in [c.text for c in document.tables[0].columns[0].cells]


def test_clerk_actions_says_what_it_cannot_do(store, two_meetings, run, tmp_path):
    store.close()
    table_to_file = run("actions", "-o", str(tmp_path / "log.txt"))
    assert table_to_file.exit_code == 2 and "--format csv" in table_to_file.output
    unknown = run("actions", "--committee", "Licensing")
    assert unknown.exit_code == 1 and "no committee called 'Licensing'" in unknown.output
    assert "Planning" in unknown.output
    wrong_name = run("actions", "--format", "docx", "-o", str(tmp_path / "log.txt"))
    assert wrong_name.exit_code == 1 and "give a folder, or a file name ending in .docx" \
        in wrong_name.output


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
        # Agreed under an exempt item: the public minutes of June must not quote it.
        assert note.text == ("An action agreed in private session on 1 May 2024 under "
                             "2. Depot lease was reported done on 5 June 2024.")
        assert app.store.actions.log("done")[0].action.text == "Circulate the valuation"


async def test_approved_subject_to_corrections_then_corrected_and_reopened(app, two_meetings):
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
        # Approved, and open at once for the corrections the resolution names.
        assert (earlier.status, earlier.approved_at_meeting_id) == ("reopened", june.id)
        assert earlier.reopen_reason == ("Corrections agreed at the meeting of 5 June 2024: "
                                         "item 2 should read Depot lease renewal")
        (resolution,) = app.store.entries.list(app.screen.selected.id)
        assert resolution.text == ("That the minutes of the meeting held on 1 May 2024 be "
                                   "approved as a correct record, subject to the following "
                                   "corrections: (a) item 2 should read Depot lease renewal.")
        await pilot.press("escape", "escape")  # to the meetings list
        await pilot.pause()
        await pilot.press("down", "enter")  # May's minutes, open for correction
        await pilot.pause()
        assert not app.screen.read_only
        await pilot.press("f12")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen.read_only
        corrected = app.store.meetings.get(may.meeting.id)
        assert (corrected.status, corrected.approved_at_meeting_id, corrected.reopen_reason) == (
            "approved", june.id, None)
        await pilot.press("ctrl+r")
        await type_text(pilot, "The chair's name was misspelt", enter=True)
        assert not app.screen.read_only
        await pilot.press("ctrl+y")
        await pilot.pause()
        assert isinstance(app.screen, AuditScreen)
        table = app.screen.query_one(DataTable)
        rows = [[str(cell) for cell in table.get_row_at(n)] for n in range(table.row_count)]
        assert [row[1] for row in rows] == ["Approved", "Reopened", "Approved", "Reopened"]
        assert rows[-1][3] == "Reason: The chair's name was misspelt"


def test_approved_minutes_read_the_same_after_every_follow_up(store, two_meetings):
    may, june = two_meetings
    store.meetings.approve(may.meeting.id, JUNE, june.id)

    def minutes():
        document = compose_meeting(store.snapshot(may.meeting.id), "confidential")
        return [str(block) for block in document.blocks]
    before = minutes()
    for record in store.actions.log("all"):
        store.actions.follow_up(record.action.id, status="done", progress="sent",
                                reassigned_to="Head of Audit", due_revised=dt.date(2024, 8, 1))
    assert minutes() == before


def test_a_follow_up_writes_only_the_follow_up(store, two_meetings):
    may, june = two_meetings
    action = store.actions.log("overdue")[0].action
    # Stored by an older version, or by hand: not as the model would clean it.
    store.database.connection.execute("UPDATE entries SET owner = ' Head of Property ' "
                                      "WHERE id = ?", (action.id,))
    store.meetings.approve(may.meeting.id, JUNE, june.id)
    store.actions.follow_up(action.id, status="done")
    row = store.database.query("SELECT owner, status FROM entries WHERE id = ?", (action.id,))
    assert row == [{"owner": " Head of Property ", "status": "done"}]


def test_a_later_owner_or_date_is_minuted_and_a_private_action_is_not_quoted(store, two_meetings):
    from clerk_tui.minutes.compose import follow_up

    may, june = two_meetings
    hall = store.actions.log("open", owner="clerk")[0]
    text = follow_up.action_update(hall.meeting_date, hall.item_label, hall.action.text,
                                 hall.action.current_owner, "open", None, None,
                                 reassigned_to="Head of Facilities")
    assert text == ("The action agreed on 1 May 2024 under 1. Apologies for absence, "
                    "“Book the hall” (Clerk), was passed to Head of Facilities.")
    private = store.actions.log("overdue")[0]
    assert private.exempt and not hall.exempt
    text = follow_up.action_update(private.meeting_date, private.item_label, private.action.text,
                                 private.action.current_owner, "done", JUNE, "two posts cut",
                                 private=True)
    assert "valuation" not in text and "posts" not in text


def test_approval_keeps_the_meeting_that_gave_it_and_forgets_the_reopen_reason(store,
                                                                             two_meetings):
    may, june = two_meetings
    store.meetings.approve(may.meeting.id, JUNE, june.id)
    store.meetings.reopen(may.meeting.id, "A typing error")
    assert store.approvals.awaiting(june) is None  # reopened minutes are approved where they are
    again = store.meetings.approve(may.meeting.id, dt.date(2024, 6, 6))
    assert (again.approved_on, again.approved_at_meeting_id, again.reopen_reason) == (
        dt.date(2024, 6, 6), june.id, None)


def test_follow_ups_while_reopened_are_audited_with_the_new_owner(store, two_meetings):
    may, june = two_meetings
    store.meetings.approve(may.meeting.id, JUNE, june.id)
    store.meetings.reopen(may.meeting.id, "Owner minuted wrongly")
    action = store.actions.log("overdue")[0].action
    store.actions.follow_up(action.id, reassigned_to="Head of Audit")
    (change,) = [r for r in store.meetings.audit_log(may.meeting.id) if r.event == "changed"]
    assert (change.before["reassigned_to"], change.after["reassigned_to"]) == (
        None, "Head of Audit")


def test_verify_knows_a_draft_and_minutes_reopened_since(store, two_meetings, run, tmp_path):
    may, june = two_meetings
    store.close()
    draft = run("export", may.meeting.id, "-o", str(tmp_path / "draft"))
    verdict = run("verify", draft.output.strip())
    assert verdict.exit_code == 1 and "is a draft of the minutes of Planning, 2024-05-01" \
        in verdict.output
    from clerk_tui.store import Store

    with Store.open(run.db_path) as reopened:
        reopened.meetings.approve(may.meeting.id, JUNE, june.id)
    approved = run("export", may.meeting.id, "-o", str(tmp_path)).output.strip()
    assert run("verify", approved).exit_code == 0
    with Store.open(run.db_path) as reopened:
        reopened.meetings.reopen(may.meeting.id, "Wrong venue")
    stale = run("verify", approved)
    assert stale.exit_code == 1 and "out of date" in stale.output and "Wrong venue" \
        in stale.output


def test_a_fingerprint_that_cannot_be_recorded_leaves_no_file(store, two_meetings, tmp_path):
    from clerk_tui.minutes.export import export_minutes
    from clerk_tui.minutes.frozen import thaw_record
    from clerk_tui.store import StoreError

    may, june = two_meetings
    store.meetings.approve(may.meeting.id, JUNE, june.id)

    def refuse(target, sha256):
        raise StoreError("The database is in use by another program.")
    frozen = thaw_record(store.approvals.frozen(may.meeting.id))
    with pytest.raises(StoreError):
        export_minutes(store.snapshot(may.meeting.id), tmp_path / "out", before_placing=refuse,
                       frozen=frozen)
    assert list((tmp_path / "out").iterdir()) == []


async def test_the_log_from_approved_minutes_updates_actions_without_minuting(app, two_meetings):
    may, june = two_meetings
    app.store.meetings.approve(june.id, JUNE)
    async with app.run_test() as pilot:
        await pilot.pause()
        await pilot.press("enter")  # June, approved
        await pilot.pause()
        screen = app.screen
        await pilot.press("pagedown")
        assert screen.read_only and screen.selected.matters_arising
        await pilot.press("ctrl+l")
        await pilot.pause()
        log = app.screen
        assert log.minuted_in is None and "minuted" not in str(
            log.query_one("#meeting-title").render())
        await pilot.press("enter", "ctrl+s")
        await pilot.pause()
        assert app.store.actions.log("done")[0].action.text == "Circulate the valuation"
        assert app.store.entries.list(screen.selected.id) == []
        assert not str(log.query_one("#save-status").render()).startswith("NOT SAVED")


async def test_a_refused_change_is_said_and_leaves_the_save_state_alone(app, two_meetings):
    from clerk_tui.store import MinutesLocked

    async with app.run_test() as pilot:
        await pilot.pause()

        def refused():
            raise MinutesLocked("These minutes were approved and are locked.")
        assert not app.desk.autosaver.save_now(refused)
        await pilot.pause()
        assert app.desk.autosaver.state.kind != "failed"
        assert any("Not saved: These minutes were approved" in n
                   for n in app.told)


async def test_the_log_filters_by_committee_and_owner(app, two_meetings, store):
    add_sample(app.store, name="Licensing")
    async with app.run_test() as pilot:
        await pilot.pause()
        await pilot.press("ctrl+l")
        await pilot.pause()
        table = app.screen.query_one(DataTable)
        assert table.row_count == 3
        await pilot.press("f3")
        await pilot.pause()
        app.screen.query_one("OptionList").highlighted = 2  # All, Licensing, Planning
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.committee == "Planning" and table.row_count == 2
        await pilot.press("f4")
        await type_text(pilot, "clerk", enter=True)
        await pilot.pause()
        assert table.row_count == 1 and "Book the hall" in str(table.get_row_at(0)[1])
        assert "Planning · clerk" in str(app.screen.query_one("#meeting-title").render())


def test_an_action_of_minutes_with_no_known_date_is_minuted_without_a_day():
    from clerk_tui.minutes.compose import follow_up

    text = follow_up.action_update(None, "3. Footpaths", "Survey the stile", "Clerk", "open",
                                 None, None)
    assert text.startswith("The action agreed at a meeting of no known date under 3. Footpaths")
    assert "date not known" not in text
