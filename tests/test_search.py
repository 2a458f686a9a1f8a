"""Search: the query language, ranking, filters, snippets, hostile text, CLI and screen."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from clerk_tui import models as m
from clerk_tui.cli import main
from clerk_tui.search_results import how_many
from clerk_tui.store import SearchFilters
from clerk_tui.store.search import MARK_END, MARK_START, fts_query
from clerk_tui.ui.screens.meeting import MeetingScreen
from clerk_tui.ui.screens.search import SearchScreen
from conftest import type_text, wait_for

ALL = SearchFilters(kinds=None)


def minute(store, committee, date, title, *entries, status="draft"):
    meeting = store.new_meeting(committee, date)
    item = store.items.add(m.AgendaItem(meeting_id=meeting.id, title=title, exempt=False,
                                        report_reference=f"RPT{date.year}"))
    for kind, text in entries:
        model = {"resolution": m.Resolution, "note": m.Note, "action": m.Action}[kind]
        store.entries.add(model(item_id=item.id, text=text, captured_at=store.now()))
    if status == "approved":
        store.meetings.approve(meeting.id, date)
    return meeting, item


@pytest.fixture
def archive(store):
    minute(store, "Children Committee", dt.date(2019, 6, 25), "School Places Planning",
           ("resolution", "That the school places strategy be approved."),
           ("note", "Members discussed school places in the north of the borough."),
           status="approved")
    minute(store, "Children Committee", dt.date(2023, 3, 1), "Annual Review",
           ("resolution", "That the school places strategy be approved."),
           ("action", "Report school places projections"))
    minute(store, "Planning Committee", dt.date(2021, 9, 9), "Free School Site",
           ("resolution", "That the free school site be safeguarded for education use."),
           ("resolution", "That temporary classrooms be refused."), status="approved")
    minute(store, "Licensing Committee", dt.date(2022, 1, 12), "Taxi Fares",
           ("resolution", "That taxi fares rise by 3%."))
    return store


def texts(results):
    return [hit.text for hit in results.hits]


def test_the_query_language():
    assert fts_query('school places OR academies -temporary "free school" acad*') == \
        '"school" AND ("places" OR "academies") AND "free school" AND "acad"* NOT ("temporary")'
    assert fts_query("don't NEAR(x) a:b") == '"don\'t" AND "x" AND "a" AND "b"'
    assert fts_query('-only "" * - OR') is None
    assert fts_query("educat*") == '("educ"* OR "educa"* OR "educat"*)'


def test_all_words_must_match_resolutions_by_default(archive):
    results = archive.search.search("school strategy")
    assert texts(results) == ["That the school places strategy be approved."] * 2
    assert results.count == 2 and how_many(results) == "2 results"


def test_newer_meetings_first_on_equal_relevance(archive):
    dates = [hit.date for hit in archive.search.search("places strategy").hits]
    assert dates == [dt.date(2023, 3, 1), dt.date(2019, 6, 25)]


def test_phrases_prefixes_or_and_exclusion(archive):
    search = archive.search.search
    assert texts(search('"education use"')) == [
        "That the free school site be safeguarded for education use."]
    assert texts(search('"use education"')) == []
    assert texts(search("educat*")) == ["That the free school site be safeguarded for education use."]
    assert sorted(texts(search("taxi OR classrooms"))) == [
        "That taxi fares rise by 3%.", "That temporary classrooms be refused."]
    excluded = texts(search("school -safeguarded"))
    assert "That temporary classrooms be refused." in excluded  # its item is "Free School Site"
    assert "That the free school site be safeguarded for education use." not in excluded
    assert texts(search("school -free")) == ["That the school places strategy be approved."] * 2


def test_stemming_finds_other_forms(archive):
    assert archive.search.search("place").count == 2


def test_words_may_match_in_different_fields(archive):
    assert texts(archive.search.search("planning approved")) == [
        "That the school places strategy be approved."]  # item "School Places Planning"
    assert texts(archive.search.search("children taxi")) == []


def test_an_underscore_is_not_a_word(archive):
    assert archive.search.search("school _").count == archive.search.search("school").count


def test_filters_kind_committee_dates_status(archive):
    search = archive.search.search
    assert search("school places", ALL).count == 4
    assert {h.kind for h in search("school places", ALL).hits} == {"resolution", "note", "action"}
    only = SearchFilters(committee="planning committee")
    assert texts(search("safeguarded", only)) == [
        "That the free school site be safeguarded for education use."]
    assert search("strategy", only).hits == []
    recent = SearchFilters(date_from=dt.date(2020, 1, 1), date_to=dt.date(2022, 12, 31))
    assert {h.date for h in search("school", recent).hits} == {dt.date(2021, 9, 9)}
    approved = SearchFilters(kinds=None, status="approved")
    assert {h.status for h in search("school", approved).hits} == {"approved"}


def test_item_titles_reports_and_committee_names_are_searched(archive):
    by_title = archive.search.search("annual review")
    assert [h.item_title for h in by_title.hits] == ["Annual Review"]
    by_report = archive.search.search("rpt2022")
    assert texts(by_report) == ["That taxi fares rise by 3%."]
    by_committee = archive.search.search("licensing")
    assert [h.committee for h in by_committee.hits] == ["Licensing Committee"]


def test_snippets_mark_the_matched_words(archive):
    (hit, *_) = archive.search.search("classrooms").hits
    assert f"{MARK_START}classrooms{MARK_END}" in hit.snippet
    assert (hit.committee, hit.item_title, hit.kind) == ("Planning Committee", "Free School Site",
                                                         "resolution")


def test_what_cannot_be_searched_says_so(archive):
    assert archive.search.search("-school").problem == "Type a word to search for."
    assert archive.search.search("zebra").hits == []


@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(st.sampled_from('ab -*"():^{}[]+.,;!~\\\'NEAROR ') | st.characters(), max_size=30))
def test_any_text_is_a_valid_query(archive, text):
    results = archive.search.search(text, ALL)
    assert results.problem in (None, "Type a word to search for.")


def test_search_never_holds_up_saving(archive, db_path):
    expected = archive.search.search("school").count
    writer = sqlite3.connect(db_path, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")  # another program writing
    try:
        assert archive.search.search("school").count == expected  # its own connection
    finally:
        writer.execute("ROLLBACK")
        writer.close()


def test_sqlite_utils_and_datasette_search_the_same_file(archive, db_path):
    # The search tables follow sqlite-utils' conventions (migration 4), so the tools a
    # council's analyst already has read clerk's file; clerk itself writes plain SQL.
    import sqlite_utils

    archive.close()
    tables = sqlite_utils.Database(db_path)
    assert tables["entries"].detect_fts() == "entries_fts"
    found = [row["text"] for row in tables["entries"].search("taxi")]
    assert found == ["That taxi fares rise by 3%."]


def test_clerk_search_command(archive, db_path):
    archive.close()
    runner = CliRunner()
    table = runner.invoke(main, ["--db", str(db_path), "search", "school places"])
    assert table.exit_code == 0, table.output
    assert table.output.startswith("2 results for 'school places'")
    assert "2023-03-01 · Children Committee · Annual Review" in table.output
    assert "[school] [places]" in table.output
    found = runner.invoke(main, ["--db", str(db_path), "search", "school", "--all-kinds",
                                 "--committee", "Children Committee", "--from", "2020-01-01",
                                 "--json"])
    answer = json.loads(found.output)
    rows = answer["results"]
    assert answer["count"] == len(rows) and {row["kind"] for row in rows} == {"resolution", "action"}
    assert all(row["date"] == "2023-03-01" for row in rows)
    assert "**school**" in rows[0]["snippet"]
    bad = runner.invoke(main, ["--db", str(db_path), "search", "-"])
    assert bad.exit_code == 1 and "Type a word" in bad.output
    unquoted = runner.invoke(main, ["--db", str(db_path), "search", "school", "places",
                                    "-approved"])
    assert unquoted.exit_code == 0 and unquoted.output.startswith("0 results")
    nobody = runner.invoke(main, ["--db", str(db_path), "search", "x", "--committee", "Nobody"])
    assert nobody.exit_code == 1 and "There is no committee called 'Nobody'" in nobody.output


async def test_the_search_screen_shows_results_as_you_type_and_opens_one(app, archive):
    async with app.run_test() as pilot:
        await pilot.pause()
        await pilot.press("ctrl+f")
        assert isinstance(app.screen, SearchScreen)
        await type_text(pilot, "school places")
        status = lambda: str(app.screen.query_one("#search-status").render())  # noqa: E731
        await wait_for(pilot, lambda: status().startswith("2 results"))
        assert status().startswith("2 results · resolutions only · all committees")
        await pilot.press("f2")
        await wait_for(pilot, lambda: "every kind" in status())
        assert status().startswith("4 results · every kind of entry")
        await pilot.press("enter")  # to the results
        await pilot.press("enter")  # open the first
        await pilot.pause()
        assert isinstance(app.screen, MeetingScreen)
        assert app.screen.selected.title in ("Annual Review", "School Places Planning")


@pytest.fixture
def crowded(store):
    """Many matches with tied scores across meetings, committees, kinds and dates."""
    for year in range(2015, 2025):
        for committee in ("Planning Committee", "Housing Committee"):
            minute(store, committee, dt.date(year, 3, 1), "Car Parking Review",
                   ("resolution", "That the car parking review be approved."),
                   ("resolution", "That car parking charges be reviewed for car parks."),
                   ("note", "Members discussed car parking at length."),
                   ("resolution", "That the parking strategy for car parks in the town be "
                                  "adopted after a further review of parking."),
                   status="approved" if year % 2 else "draft")
    return store


_REFERENCE = """
SELECT e.id, search_fts.rowid, bm25(search_fts, 0.0, 1.0, 0.5, 0.3, 0.3, 0.1), m.date, e.position
FROM search_fts JOIN entries e ON e.rowid = search_fts.rowid
JOIN agenda_items i ON i.id = e.item_id JOIN meetings m ON m.id = i.meeting_id
JOIN committees c ON c.id = m.committee_id
WHERE search_fts MATCH :query AND (:committee IS NULL OR c.name = :committee)
AND (:date_from IS NULL OR m.date >= :date_from) AND (:status IS NULL OR m.status = :status)
"""


def _exact(store, text, filters, limit, offset=0, tier=None, growth=8):
    """The answer of ranking every match in one plain query, as search did before windows
    and tiers; with ``tier``, matches in tiers, newest first (by rowid), each ``growth``
    times the last, ranked within each."""
    from clerk_tui.store.search import query_parts

    wanted, _ = query_parts(text)
    words = f"{{text people item reference committee}} : ({wanted})"
    kinds = "kind : (" + " OR ".join(f'"{k}"' for k in filters.kinds) + ") AND " \
        if filters.kinds else ""
    connection = sqlite3.connect(store.path)
    rows = connection.execute(_REFERENCE, {
        "query": kinds + words, "committee": filters.committee, "status": filters.status,
        "date_from": filters.date_from and filters.date_from.isoformat()}).fetchall()
    newest = [r for (r,) in connection.execute(
        "SELECT rowid FROM search_fts WHERE search_fts MATCH ? ORDER BY rowid DESC", (words,))]
    tiers, size, start = {}, tier or len(newest) + 1, 0
    while start < len(newest):
        tiers |= dict.fromkeys(newest[start:start + size], start)
        start, size = start + size, size * growth
    rows.sort(key=lambda r: (tiers[r[1]], r[2], -dt.date.fromisoformat(r[3]).toordinal(), r[4]))
    return [row[0] for row in rows[offset:offset + limit]]


@pytest.mark.parametrize("window, whole, tier", [
    (1, 10_000, 2_000), (2, 10_000, 2_000), (3, 4, 2_000), (200, 20_000, 2_000),
    (1, 10_000, 7), (3, 4, 5), (200, 20_000, 1), (2, 10_000, 30)])
@pytest.mark.parametrize("filters", [
    SearchFilters(), ALL, SearchFilters(committee="Housing Committee"),
    SearchFilters(date_from=dt.date(2023, 1, 1)), SearchFilters(kinds=None, status="approved"),
])
def test_ranking_windows_of_the_best_rows_gives_the_exact_order(crowded, monkeypatch, window,
                                                                 whole, tier, filters):
    from clerk_tui.store import ranking

    monkeypatch.setattr(ranking, "FIRST_WINDOW", window)
    monkeypatch.setattr(ranking, "WIDER", 2)
    monkeypatch.setattr(ranking, "WHOLE", whole)
    monkeypatch.setattr(ranking, "TIER", tier)
    monkeypatch.setattr(ranking, "GROWTH", 2)
    for limit, offset in ((1, 0), (5, 0), (7, 3), (50, 0)):
        found = crowded.search.search("car parking", filters, limit=limit, offset=offset)
        assert [hit.entry_id for hit in found.hits] == _exact(crowded, "car parking", filters,
                                                              limit, offset, tier, growth=2)
    dates = [hit.date for hit in crowded.search.search("parking review", filters).hits]
    assert dates  # ties (the same words) come newest first
    assert crowded.search.search("car parking", filters, limit=1).count == \
        len(crowded.search.search("car parking", filters, limit=1000).hits)


def test_a_word_that_names_a_kind_is_looked_for_in_the_words(crowded):
    assert crowded.search.search("resolution parking", ALL).count == 0
    minute(crowded, "Housing Committee", dt.date(2025, 1, 6), "Garages",
           ("note", "The resolution on parking was read out."))
    assert texts(crowded.search.search("resolution parking", ALL)) == [
        "The resolution on parking was read out."]
    assert texts(crowded.search.search("resolut* parking", ALL)) == [
        "The resolution on parking was read out."]
    assert crowded.search.search("parking -resolution", ALL).count == 80
