"""The quick paths of the import read and file exactly what the slow ones did (invented text).

Reading decisions, cleaning lines and finding dates skip a pattern when a line lacks every
word the pattern needs; filing a meeting's minutes inserts its rows in one go. Each quick
path is checked here against the path it stands in for: the reading with every shortcut
opened (each "needed" word made the empty string, which every text holds), and filing row
at a time. The made-up sentences mix the words the patterns look for, their capitals, and
the few letters outside ASCII that Python's patterns take for ASCII ones when ignoring case.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import random
import re

import pytest

from clerk_tui.importer import cleanup, dates, decisions
from clerk_tui.importer.documents import Line
from clerk_tui.importer.pieces import Piece
from clerk_tui.models import AgendaItem, Attendance, Note

WORDS = (
    "RESOLVED", "Resolved:", "resolved", "It", "was", "agreed", "AGREED", "that", "That", "THAT",
    "the", "Parish", "Council", "Board", "APPROVED", "approved", "adopted", "NOTED", "noted",
    "Moved", "by", "Cllr", "Quenby", "seconded", "SECONDED", "Prop.", "2nd", "Ms", "Ysolde",
    "Marlow", "moved", "Motion", "motion", "carried", "CARRIED", "lost", "unanimously", "nem",
    "con", "For", "7", "Against", "2", "Abstentions", "1", "5-2", "(5-2)", "seven", "to", "two",
    "votes", "Ayes:", "Nays:", "Farrant,", "with", "Councillor", "Tobias", "dissenting", "Absent:",
    "Pass:", "(Y-5)", "PLACED", "ON", "FILE", "REFERRED", "WITHDRAWN", "taken", "as", "read",
    "declared", "a", "true", "record", "consensus", "reached", "vote", "held", "roll", "call",
    "following", "result", "In", "favour", "The", "Committee:", "minutes", "at", "meeting",
    "Mill", "Lane", "footpath", "budget", "£4,000", "no", "abstentions", "DECISION:", ".", ",",
    ";", ":", "–", "unanimouſly", "ſeconded", "İt", "aKcepted", "raTified", "co-opted", "elected",
    "recommended", "Decision", "deferred", "roll-call", "(1)", "(2)", "(a)", "(b)",
    # phrases the patterns read as one
    "was carried", "were approved", "was duly ratified", "It was RESOLVED", "held as read",
    "declared the motion lost", "by consensus", "a vote was taken", "on a division",
    "with the following result", "7 for, 2 against", "by 8 votes to 3", "Y-5; N-1",
    "Proposed by Cllr Quenby, seconded by Ms Marlow", "Ms Ysolde moved", "The Board APPROVED",
    "That the report be", "RESOLVED –", "Agreed to", "nem. con.", "all in favour",
    "by all members present", "Pass: Farrant.", "approved as a true record",
)


def sentences(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return [" ".join(rng.choice(WORDS) for _ in range(rng.randint(1, 40))) for _ in range(count)]


def _every_pattern_tried(monkeypatch) -> None:
    """Open every shortcut of the decisions reading: every "needed" word becomes the empty
    string, the digits test matches anywhere, no sentence is too long for any pattern."""
    for name in vars(decisions):
        if name.endswith(("_NEED", "_MARKS", "_WITH")) or name in ("_MOTION_WORDS",
                                                                   "_LABEL_CAPITALS"):
            monkeypatch.setattr(decisions, name, ("",))
    monkeypatch.setattr(decisions, "_DIGIT", re.compile(""))
    monkeypatch.setattr(decisions, "_SHORT", 10**9)
    monkeypatch.setattr(decisions, "_THAT_WITHIN", 10**9)
    monkeypatch.setattr(decisions, "_BOUNDARIES", dict.fromkeys(decisions._BOUNDARIES,
                                                                decisions._BOUNDARY))
    decisions._votes_of.cache_clear()


def _readings(texts: list[str]) -> list:
    found = []
    for text in texts:
        for kind in ("text", "heading", "bullet"):
            found.append(dataclasses.asdict(decisions.read_sentence(text, kind)))
        found.append([dataclasses.asdict(p) for p in decisions.read([Piece(text)])])
    found.append([dataclasses.asdict(p) for p in decisions.read([Piece(t) for t in texts[:30]])])
    return found


def test_decisions_read_with_and_without_shortcuts_alike(monkeypatch):
    texts = sentences(400, seed=1) + ["Agreed.", "Against (3)", "The Board agreed to:",
                                      "In   favour", "Carried unanimouſly.", "SEVEN votes to TWO"]
    decisions._votes_of.cache_clear()
    quick = _readings(texts)
    _every_pattern_tried(monkeypatch)
    assert _readings(texts) == quick
    decisions._votes_of.cache_clear()


@pytest.mark.parametrize("text, unanimous", [
    ("The motion was carried unanimously.", True),
    ("The motion was carried unanimouſly.", True),   # "ſ" is an "s" to a case-blind pattern
    ("The footpath was resurfaced in the spring.", False),
])
def test_a_lookalike_letter_still_reaches_the_pattern(text, unanimous):
    assert decisions.votes(text).unanimous is unanimous


def test_a_count_in_words_is_still_read():
    facts = decisions.votes("The amendment was lost by seven votes to two.")
    assert (facts.votes_for, facts.votes_against, facts.outcome) == (7, 2, "lost")


def test_a_plain_sentence_is_no_decision():
    reading = decisions.read_sentence("Members discussed the footpath and the budget for Mill Lane.")
    assert reading.form is None and not reading.facts.any()


LINES = (
    "Page 3 of 12", "pdf icon PDF 226 KB", "View the reasons for item 5.", "11/13/18 -2- DRAFT",
    "January 12, 2011  2 of 18", "the report 1 of 18", "![plan](plan.png)", "[Original file](x)",
    "**Apologies**", "__noted__", "\\*starred", "| a | b |", 'Share "Parish minutes"', "(1)", "(2)",
    "Supporting documents:", "plan.pdf", "We use cookies on this site", "cooKie: accept",
    "VİEW the decision item 3", "Home > Parish", "PCM 12.02.2020", "Parish Mar 17", "7",
    "The Clerk reported on the footpath at Mill Lane and the budget.", "APOLOGIES", "and the",
    "Cllr Quenby asked about the", "verge cutting on 3 March 2020.", "RESOLVED that",
)


def _unmarked_slowly(line: Line) -> Line | None:
    """:func:`cleanup._unmarked` as it was, every pattern run on every line."""
    text = cleanup._PICTURE.sub(r"\1", line.text)
    if cleanup._LINK.fullmatch(text) and cleanup._CHROME_LINK.fullmatch(
            cleanup._LINK.sub(r"\1", text)):
        return None
    text = cleanup._LINK.sub(r"\1", text)
    text = cleanup._EMPHASIS.sub(r"\2", text)
    text = cleanup._ESCAPE.sub(r"\1", text)
    text = cleanup._PIPES.sub("", text)
    for glued in cleanup._GLUED:
        text = glued.sub("", text)
    text = " ".join(text.split())
    if line.kind == "bullet" and text in ("", "•", "·"):
        return Line("", "bullet")
    return Line(text, line.kind) if text else None


def documents(count: int, seed: int) -> list[list[Line]]:
    rng = random.Random(seed)
    return [[Line(" ".join(rng.choice(LINES) for _ in range(rng.randint(1, 3))),
                  rng.choice(("text", "text", "heading", "bullet")))
             for _ in range(rng.randint(3, 40))] for _ in range(count)]


def test_unmarking_with_and_without_shortcuts_alike():
    for document in documents(60, seed=2):
        for line in document:
            assert cleanup._unmarked(line) == _unmarked_slowly(line)


def test_cleaning_with_and_without_shortcuts_alike(monkeypatch):
    docs = documents(80, seed=3)
    quick = [cleanup.clean(doc) for doc in docs]
    monkeypatch.setattr(cleanup, "_unmarked", _unmarked_slowly)
    monkeypatch.setattr(cleanup, "may_hold", lambda text, *words: True)
    monkeypatch.setattr(cleanup, "_DOCUMENTS_LABEL_LONGEST", 10**9)
    assert [cleanup.clean(doc) for doc in docs] == quick


HEADINGS = (
    "Minutes of the meeting held on Tuesday 22nd August, 2023 at 7.15 pm", "11/13/18",
    "13/01/2022", "15.03.22", "NOVEMBER 13, 2018", "the 12th day of May, 2021", "2021-03-04",
    "The meeting was called to order at 7:02 p.m.", "The meeting commenced at 10.00am",
    "The meeting ſtarted at 7pm", "Parish Council convened at 19:30", "Dear Councillor",
    "Yours sincerely", "previous minutes of 3 May 2020", "The Chair declared the meeting open",
    "At 7:05 pm the Chair called the meeting to order", "Present: Cllr Quenby", "x" * 2100 + " 3/4/2020",
)


def test_meeting_dates_with_and_without_shortcuts_alike(monkeypatch):
    rng = random.Random(4)
    docs = [[rng.choice(HEADINGS) for _ in range(rng.randint(1, 20))] for _ in range(150)]
    quick = [(dates.meeting_when(doc), dates.month_first(doc),
              [[(m.span(), day) for m, day in dates.dates(text)] for text in doc]) for doc in docs]
    monkeypatch.setattr(dates, "_DIGIT", re.compile(""))
    monkeypatch.setattr(dates, "may_hold", lambda text, *words: True)
    assert [(dates.meeting_when(doc), dates.month_first(doc),
             [[(m.span(), day) for m, day in dates.dates(text)] for text in doc])
            for doc in docs] == quick


@pytest.mark.parametrize("line", [" " * 1_000_000, "(" * 1_000_000, "7" * 1_000_000,
                                  "RESOLVED " * 100_000, "1-2 " * 250_000, "Moved by " * 100_000])
def test_a_hostile_line_is_read_in_time(line):
    decisions.read([Piece(line)])
    cleanup.clean([Line(line)])
    dates.meeting_when([line])


# --- filing in one go -------------------------------------------------------------------

def _rows(store, table: str, parent: str, parent_id: str) -> list[tuple]:
    rows = store.database.query(f"SELECT * FROM {table} WHERE {parent} = ? ORDER BY rowid",
                                (parent_id,))
    return [tuple(value for key, value in row.items() if key not in ("id", parent, "item_id"))
            for row in rows]


def test_adding_all_at_once_stores_what_adding_one_at_a_time_does(store):
    one = store.new_meeting("Parish Council", dt.date(2024, 5, 1))
    all_ = store.new_meeting("Parish Council", dt.date(2024, 6, 1))
    titles = ["Apologies", "Footpath at Mill Lane", "Budget"]
    for meeting_id, at_once in ((one.id, False), (all_.id, True)):
        items = [AgendaItem(meeting_id=meeting_id, title=title, exempt=False) for title in titles]
        entries = [Note(item_id=item.id, text=f"{item.title}: note {n}",
                        captured_at=dt.datetime(2024, 5, 1, 19, 0))
                   for item in items for n in range(3)]
        people = [Attendance(meeting_id=meeting_id, person=name) for name in ("Ysolde", "Tobias")]
        if at_once:
            store.items.add_all(items)
            store.entries.add_all(entries)
            store.attendance.add_all(people)
        else:
            for record in items:
                store.items.add(record)
            for record in entries:
                store.entries.add(record)
            for record in people:
                store.attendance.add(record)
    for table in ("agenda_items", "attendance"):
        assert _rows(store, table, "meeting_id", all_.id) == _rows(store, table, "meeting_id",
                                                                   one.id)
    for a, b in zip(store.items.list(one.id), store.items.list(all_.id), strict=True):
        assert _rows(store, "entries", "item_id", b.id) == _rows(store, "entries", "item_id", a.id)


def test_adding_all_goes_on_after_the_rows_there_are(store):
    meeting = store.new_meeting("Parish Council", dt.date(2024, 5, 1))
    store.items.add(AgendaItem(meeting_id=meeting.id, title="Apologies", exempt=False))
    store.items.add_all([AgendaItem(meeting_id=meeting.id, title=t, exempt=False)
                         for t in ("Footpath", "Budget")])
    rows = store.database.query("SELECT title, position FROM agenda_items WHERE meeting_id = ? "
                                "ORDER BY rowid", (meeting.id,))
    assert [(r["title"], r["position"]) for r in rows] == [
        ("Apologies", 0), ("Footpath", 1), ("Budget", 2)]
    assert store.items.add_all([]) == []
