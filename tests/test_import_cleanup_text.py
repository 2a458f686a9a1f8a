"""Cleanup of text laid out as a printed page: words broken at the margin by a hyphen (the
hyphen kept: every printed character stays) and lines that go on with a figure are joined
again (invented text)."""

from __future__ import annotations

import pytest

from clerk_tui.importer.cleanup import clean
from clerk_tui.importer.documents import Line


def _cleaned(text: str) -> list[str]:
    return [line.text for line in clean([Line(part) for part in text.splitlines()])]


@pytest.mark.parametrize("first, second, joined", [
    ("the Committee agreed that the minutes were a correct rec-", "ord of the meeting.",
     "the Committee agreed that the minutes were a correct rec-ord of the meeting."),
    ("In reply to Councillor Pennyworth, the Devel-", "opment Manager said so.",
     "In reply to Councillor Pennyworth, the Devel-opment Manager said so."),
    ("Present: Councillors A Mallory, B Quint, C Tarrant-", "ingham and D Vole",
     "Present: Councillors A Mallory, B Quint, C Tarrant-ingham and D Vole"),
    ("It was proposed by Councillor Mallory and seconded by Coun-", "cillor Quint that it pass.",
     "It was proposed by Councillor Mallory and seconded by Coun-cillor Quint that it pass."),
])
def test_a_word_broken_at_the_margin_is_one_word_again_its_hyphen_kept(first, second, joined):
    assert _cleaned(f"{first}\n{second}") == [joined]


@pytest.mark.parametrize("first, second, joined", [
    # a name's own hyphen before a capital stays, with no space
    ("Present: Councillors A Mallory, B Quint, C Tarrant-", "Hughes and D Vole",
     "Present: Councillors A Mallory, B Quint, C Tarrant-Hughes and D Vole"),
    # a prefix that takes its hyphen keeps it
    ("The two parish groups agreed to work together and co-", "operate on the fete.",
     "The two parish groups agreed to work together and co-operate on the fete."),
    ("The board would look for a partner on a long-", "term lease of the depot.",
     "The board would look for a partner on a long-term lease of the depot."),
    ("The Chair thanked the retiring Vice-", "Chair for her years of work.",
     "The Chair thanked the retiring Vice-Chair for her years of work."),
])
def test_a_hyphen_of_the_word_itself_is_kept(first, second, joined):
    assert _cleaned(f"{first}\n{second}") == [joined]


def test_a_dash_before_the_next_line_is_no_broken_word():
    assert _cleaned("The members considered the following report -\nthe budget for 2026.") == [
        "The members considered the following report - the budget for 2026."]


def test_no_word_is_lost_when_broken_words_are_joined():
    text = "The Treasurer reported that the pavil-\nion roof repairs were com-\nplete at last."
    joined = _cleaned(text)
    assert joined == ["The Treasurer reported that the pavil-ion roof repairs were com-plete at last."]


def test_a_year_after_its_month_joins_the_line_before():
    text = ("RESOLVED that the minutes of the meeting held on 12 November\n"
            "2025 be confirmed as a correct record.")
    assert _cleaned(text) == [("RESOLVED that the minutes of the meeting held on 12 November "
                               "2025 be confirmed as a correct record.")]


def test_a_number_going_on_in_lower_case_joins_the_line_before():
    text = "On being put to the vote the motion was carried with\n9 members voting in favour."
    assert _cleaned(text) == [("On being put to the vote the motion was carried with 9 members "
                               "voting in favour.")]


@pytest.mark.parametrize("text", [
    "Apologies were received from Councillor Penhallow\n2 Declarations of Interest",
    "The Chair welcomed everyone to the meeting in March\n2025/26 Budget",
    "The Chair welcomed everyone to the Annual Meeting.\n2025 be a year of progress",
])
def test_a_numbered_heading_or_a_new_sentence_stays_apart(text):
    assert _cleaned(text) == text.splitlines()


def test_hostile_lines_finish():
    for hostile in ("a-" * 500_000, "1 " * 500_000, " " * 1_000_000 + "-", "(" * 1_000_000):
        assert clean([Line("Some words that go on and on here " + hostile), Line("ord 2025 a")])
