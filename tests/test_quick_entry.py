"""The capture line's grammar, including lines it cannot read (kept as notes)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from clerk_tui.fields import clean_text
from clerk_tui.models import Note, Question, new_id
from clerk_tui.quick_entry import parse

ITEM = new_id()
AT = dt.datetime(2024, 5, 1, 19, 5)
QUESTION = Question(item_id=ITEM, text="When will the works start?", captured_at=AT)


def fields(line: str) -> dict:
    result = parse(line, ITEM, AT, [QUESTION])
    data = result.entry.model_dump(mode="json", exclude={"id", "item_id", "captured_at"})
    return {k: v for k, v in data.items() if v not in (None, [], False)} | (
        {"warning": result.warning} if result.warning else {})


def test_plain_text_is_a_note():
    assert fields("The Chair welcomed everyone.") == {"kind": "note",
                                                      "text": "The Chair welcomed everyone."}


def test_question_with_and_without_an_asker():
    assert fields("? Cllr Ahmed: what is the timetable for the new school") == {
        "kind": "question", "asker": "Cllr Ahmed", "text": "what is the timetable for the new school"}
    assert fields("?whether the hall is accessible") == {
        "kind": "question", "text": "whether the hall is accessible"}
    assert fields("? What time: seven")["text"] == "What time: seven"  # a sentence, not a name


def test_response_attaches_to_the_last_question():
    assert fields("> Director of Education: work starts in September") == {
        "kind": "response", "responder": "Director of Education", "answers_id": QUESTION.id,
        "text": "work starts in September"}


def test_a_response_answers_the_last_question_before_it_not_an_earlier_one():
    earlier = Question(item_id=ITEM, text="Who pays for the bins?", captured_at=AT)
    note = Note(item_id=ITEM, text="The Chair moved on.", captured_at=AT)
    assert parse("> Treasurer: the parish", ITEM, AT, [earlier, QUESTION, note]).entry.answers_id \
        == QUESTION.id
    assert parse("> Treasurer: the parish", ITEM, AT, [note]).entry.answers_id is None
    assert parse("> Treasurer: the parish", ITEM, AT).entry.answers_id is None


def test_action_with_owner_and_due_date_in_either_order():
    expected = {"kind": "action", "text": "Circulate the figures", "owner": "Head of Finance",
                "due": "2024-06-30", "status": "open"}
    assert fields("! Circulate the figures @Head of Finance by 2024-06-30") == expected
    assert fields("! Circulate the figures by 2024-06-30 @Head of Finance") == expected
    assert fields("!Circulate the figures") == {"kind": "action", "text": "Circulate the figures",
                                               "status": "open"}


@pytest.mark.parametrize("line, label", [("= That", "RESOLVED"), ("=rec That", "RECOMMENDED"),
                                         ("=agr That", "AGREED"), ("=REC That", "RECOMMENDED")])
def test_resolution_labels(line, label):
    assert fields(line + " the report be noted") == {
        "kind": "resolution", "label": label, "text": "That the report be noted"}


def test_resolution_votes():
    unanimous = fields("= That the plan be adopted (unanimous)")
    assert unanimous["vote"]["unanimous"] is True and unanimous["text"] == "That the plan be adopted"
    counted = fields("=rec That the fee rise (for 7, against 2, abstain 1)")["vote"]
    assert (counted["votes_for"], counted["votes_against"], counted["votes_abstain"]) == (7, 2, 1)
    assert fields("= That x (4 for, 3 against)")["vote"]["votes_against"] == 3


def test_a_bracket_that_is_not_a_vote_stays_in_the_text():
    assert fields("=agr That a group be formed (see appendix)") == {
        "kind": "resolution", "label": "AGREED", "text": "That a group be formed (see appendix)"}


@pytest.mark.parametrize("line, reason", [
    ("! Chase the valuer by 2024-02-30", "'2024-02-30' is not a real date"),
    ("!", "nothing after '!'"),
    ("?   ", "nothing after '?'"),
    ("=", "a resolution starts"),
    ("=xyz something", "a resolution starts"),
    ("= (unanimous)", "the resolution has no text"),
    ("! @Bob by 2024-06-01", "the action has no text"),
])
def test_unreadable_lines_are_kept_as_typed_with_a_warning(line, reason):
    result = parse(line, ITEM, AT)
    assert result.entry.kind == "note"
    assert result.entry.text == line
    assert result.warning.startswith("Kept as a note:") and reason in result.warning


@given(st.text(max_size=120))
def test_any_line_becomes_an_entry_and_a_note_keeps_every_character(line):
    result = parse(line, ITEM, AT, [QUESTION])
    if result.entry.kind == "note":
        assert result.entry.text == clean_text(line)
    else:
        assert result.entry.text.strip()
