"""The action log read and written without the command line, and the follow-up's minute."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest

from clerk_tui import models as m
from clerk_tui.action_log import (
    CONFIDENTIAL_NOTE,
    ActionLog,
    UnknownCommittee,
    csv_text,
    read_action_log,
    scope,
    table_entries,
    table_heading,
    write_csv,
    write_docx,
)
from clerk_tui.minutes.compose.follow_up import follow_up_minute
from clerk_tui.minutes.compose.wording import ACTION_CSV_COLUMNS
from clerk_tui.minutes.export import ExportError

TODAY = dt.date(2025, 3, 10)
AT = dt.datetime(2025, 1, 8, 18, 30)
ITEM_ID = "00000000-0000-4000-8000-000000000004"
MEETING_ID = "00000000-0000-4000-8000-000000000001"


def record(text: str = "Mend the ferry slipway", owner: str | None = "Harbour Warden",
           due: dt.date | None = dt.date(2025, 2, 1), exempt: bool = False,
           overdue: bool = False, **action) -> m.ActionRecord:
    """An action of the invented Wexmoor Ferry Trust, agreed on 8 January 2025."""
    return m.ActionRecord(
        action=m.Action(item_id=ITEM_ID, text=text, owner=owner, due=due, captured_at=AT,
                        **action),
        meeting_id=MEETING_ID, meeting_date=dt.date(2025, 1, 8),
        committee_name="Wexmoor Ferry Trust", item_label="4. Slipway repairs",
        overdue=overdue, exempt=exempt, minute_number="4", item_title="Slipway repairs")


def log(*records: m.ActionRecord, public: bool = True) -> ActionLog:
    return ActionLog(list(records), m.OrganisationSettings(organisation="Wexmoor Ferry Trust"),
                     TODAY, "All actions", public)


# -- reading --------------------------------------------------------------------------

def _add_meeting(store, committee: str, exempt: bool, text: str) -> None:
    body = store.committees.find(committee) or store.committees.add(m.Committee(name=committee))
    meeting = store.meetings.add(m.Meeting(committee_id=body.id, date=dt.date(2025, 1, 8)))
    item = store.items.add(m.AgendaItem(meeting_id=meeting.id, minute_number="4",
                                        title="Slipway repairs", exempt=exempt))
    store.entries.add(m.Action(item_id=item.id, text=text, owner="Harbour Warden",
                               captured_at=store.now()))


def test_the_public_log_leaves_out_actions_agreed_in_private(store):
    _add_meeting(store, "Wexmoor Ferry Trust", False, "Paint the jetty")
    _add_meeting(store, "Wexmoor Ferry Trust", True, "Value the boathouse")
    public = read_action_log(store)
    everything = read_action_log(store, public=False)
    assert [r.action.text for r in public.records] == ["Paint the jetty"]
    assert sorted(r.action.text for r in everything.records) == ["Paint the jetty",
                                                                 "Value the boathouse"]
    assert public.public and not everything.public and public.today == store.now().date()


def test_one_committee_and_only_open_actions(store):
    _add_meeting(store, "Wexmoor Ferry Trust", False, "Paint the jetty")
    _add_meeting(store, "Lindhope Moor Board", False, "Fence the sheepfold")
    chosen = read_action_log(store, open_only=True, committee="Lindhope Moor Board")
    assert [r.action.text for r in chosen.records] == ["Fence the sheepfold"]
    assert chosen.scope == "Open actions of Lindhope Moor Board"


def test_an_unknown_committee_is_refused_naming_those_there_are(store):
    _add_meeting(store, "Wexmoor Ferry Trust", False, "Paint the jetty")
    with pytest.raises(UnknownCommittee, match="committees: Wexmoor Ferry Trust"):
        read_action_log(store, committee="Hollin Vale Board")


def test_a_database_with_no_committees_says_so(store):
    with pytest.raises(UnknownCommittee, match=r"\(committees: none yet\)"):
        read_action_log(store, committee="Hollin Vale Board")


def test_scope_names_what_the_log_holds():
    assert scope(False, None) == "All actions"
    assert scope(True, "Hollin Vale Board") == "Open actions of Hollin Vale Board"


# -- the table ------------------------------------------------------------------------

def test_the_table_heading_counts_and_marks_a_confidential_log():
    assert table_heading(log(record(), record())) == "2 action(s)"
    assert table_heading(log(record(), public=False)) == "1 action(s)" + CONFIDENTIAL_NOTE


def test_a_table_entry_says_who_when_status_and_where():
    [entry] = table_entries(log(record(overdue=True)))
    assert entry.action == "Mend the ferry slipway" and entry.overdue
    assert entry.detail.startswith("Harbour Warden · due ")
    assert "Wexmoor Ferry Trust" in entry.detail and entry.detail.endswith("4. Slipway repairs")


def test_a_table_entry_with_no_owner_or_date_says_so():
    [entry] = table_entries(log(record(owner=None, due=None)))
    assert entry.detail.startswith("no owner · due no date · ")


def test_controls_in_an_action_never_reach_the_terminal():
    [entry] = table_entries(log(record(text="Mend the \u202eslipway", owner="Warden\u202e")))
    assert "\u202e" not in entry.action and "\\u202e" in entry.action
    assert "\u202e" not in entry.detail


# -- CSV and Word ---------------------------------------------------------------------

def test_the_csv_has_the_columns_then_a_row_an_action():
    rows = list(csv.reader(io.StringIO(csv_text(log(record(), record(text="Buy rope"))))))
    assert rows[0] == list(ACTION_CSV_COLUMNS)
    assert [row[0] for row in rows[1:]] == ["Mend the ferry slipway", "Buy rope"]


def test_a_formula_in_an_action_stays_text_in_the_csv():
    rows = list(csv.reader(io.StringIO(csv_text(log(record(text="=HYPERLINK(1)"))))))
    assert rows[1][0].startswith("'")


def test_the_csv_is_written_whole_and_refuses_to_replace_without_leave(tmp_path):
    target = tmp_path / "actions.csv"
    assert write_csv(log(record()), target) == target
    assert target.read_bytes() == csv_text(log(record())).encode("utf-8")
    with pytest.raises(ExportError, match="already exists"):
        write_csv(log(record()), target)
    write_csv(log(record(text="Buy rope")), target, overwrite=True)
    assert "Buy rope" in target.read_text(encoding="utf-8")


def test_a_csv_with_private_actions_is_for_its_owner_only(tmp_path):
    target = write_csv(log(record(exempt=True), public=False), tmp_path / "all.csv")
    assert target.stat().st_mode & 0o077 == 0


def test_the_word_log_is_named_for_the_day_and_marked_when_confidential(tmp_path):
    public = write_docx(log(record()), tmp_path)
    confidential = write_docx(log(record(exempt=True), public=False), tmp_path)
    assert public.name == f"action-log-{TODAY.isoformat()}.docx"
    assert confidential.name == f"action-log-{TODAY.isoformat()}-confidential.docx"


# -- the follow-up's minute -----------------------------------------------------------

def test_a_follow_up_done_names_the_action_its_owner_and_the_day():
    text = follow_up_minute(record(), status=m.ActionStatus.DONE, done_on=dt.date(2025, 3, 3),
                            progress="new timbers fitted")
    assert "Mend the ferry slipway" in text and "4. Slipway repairs" in text
    assert "reported done on" in text and "new timbers fitted" in text


def test_a_follow_up_keeps_the_status_it_has_when_none_is_given():
    text = follow_up_minute(record(), due_revised=dt.date(2025, 5, 1))
    assert "is now due by" in text


def test_a_follow_up_naming_a_new_owner_says_it_was_passed_on():
    assert "was passed to" in follow_up_minute(record(), reassigned_to="Ferry Master")


def test_a_private_follow_up_names_only_the_item():
    text = follow_up_minute(record(exempt=True), status="done", progress="boathouse valued")
    assert "in private session" in text and "4. Slipway repairs" in text
    assert "Mend the ferry slipway" not in text and "boathouse valued" not in text


def test_a_follow_up_to_an_undated_meeting_says_so():
    undated = record().model_copy(update={"meeting_date": None})
    assert "no known date" in follow_up_minute(undated, status="open")
