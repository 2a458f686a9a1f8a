"""The meeting's date, start time and body, read from the minutes' own heading (invented text)."""

from __future__ import annotations

import datetime as dt

import pytest

from clerk_tui.importer.dates import body_in, dates, meeting_when, time_in
from clerk_tui.importer.documents import Line
from clerk_tui.importer.minutes import parse_minutes, read_minutes


@pytest.mark.parametrize("text, day", [
    ("Thursday 9th March, 2023", dt.date(2023, 3, 9)),
    ("9 March 2023", dt.date(2023, 3, 9)),
    ("WEDNESDAY, 1ST FEBRUARY 2023", dt.date(2023, 2, 1)),
    ("03/04/2022", dt.date(2022, 4, 3)),          # day first, as in the UK
    ("04/23/2022", dt.date(2022, 4, 23)),         # month first: there is no 23rd month
    ("17.06.21", dt.date(2021, 6, 17)),
    ("October 5, 2017", dt.date(2017, 10, 5)),
    ("OCTOBER 5, 2017", dt.date(2017, 10, 5)),
    ("Sept. 5, 2017", dt.date(2017, 9, 5)),
    ("2022-11-30", dt.date(2022, 11, 30)),
    ("the 4th day of July, 2016", dt.date(2016, 7, 4)),
    ("June 8-9, 2015", dt.date(2015, 6, 8)),
])
def test_dates_in_every_common_form(text, day):
    assert [found for _, found in dates(f"Held on {text} here")] == [day]


def test_numbers_that_are_not_dates_are_not_read_as_dates():
    assert dates("Item 2307.01 and minute 59.15, 31/02/2020, page 3 of 9") == []


@pytest.mark.parametrize("text, when", [
    ("at 7.15 pm", dt.time(19, 15)), ("7:00 p.m.", dt.time(19, 0)), ("6pm", dt.time(18, 0)),
    ("10.00A.M.", dt.time(10, 0)), ("19:30", dt.time(19, 30)), ("12 noon", None),
])
def test_times_of_day(text, when):
    assert time_in(text) == when


def test_the_heading_date_and_time_not_the_confirmed_minutes_or_a_deadline():
    day, start = meeting_when([
        "Minutes of a meeting of the Orchard Lane Allotments Committee held on Monday 6th "
        "March 2023 at 7.15 pm in the Pavilion",
        "1. Minutes",
        "The minutes of the meeting held on 6 February 2023 were approved as a true record.",
        "2. Fencing",
        "Quotes to be received by 30 June 2023."])
    assert (day, start) == (dt.date(2023, 3, 6), dt.time(19, 15))


def test_a_date_split_from_its_held_phrase_and_a_time_label():
    assert meeting_when(["MINUTES OF THE WOLDHAM RIVERS TRUST", "held at the Mill on",
                         "Friday, 3 November 2017", "Time: 6pm", "Present: A Boxer"]) == (
        dt.date(2017, 11, 3), dt.time(18, 0))


def test_a_us_style_heading_and_the_call_to_order():
    lines = ["FERNDALE VILLAGE BOARD", "Regular Meeting", "APRIL 2, 2019",
             "The meeting was called to order at 7:02 p.m. by President Olafsen."]
    assert meeting_when(lines) == (dt.date(2019, 4, 2), dt.time(19, 2))


def test_rescheduled_previous_and_sentence_dates_are_not_the_meeting():
    assert meeting_when(["Rescheduled from 4th May 2021, Quarry Board - Tuesday, 11th May, "
                         "2021 6.30 pm"]) == (dt.date(2021, 5, 11), dt.time(18, 30))
    assert meeting_when(["Grants Panel", "To approve the minutes of the meeting dated 2 May 2020",
                         "The bid was presented to the funders on 9 May 2020."]) == (None, None)


def test_a_date_mentioned_deep_in_the_text_is_not_the_meeting():
    lines = ["Recycling Forum"] + [f"Paragraph {n} of the discussion" for n in range(20)] + [
        "Boxes will be delivered on 4 March 2024"]
    assert meeting_when(lines) == (None, None)


@pytest.mark.parametrize("lines, body", [
    (["Skip to content", "Toggle menu",
      "Minutes of a meeting of the Harbourside Ferries Board held on 1 May 2022"],
     "Harbourside Ferries Board"),
    (["MINUTES OF THE UPPER DENBY PARISH COUNCIL MEETING", "Held on 4 May 2022"],
     "UPPER DENBY PARISH COUNCIL"),
    (["Bridge Maintenance Sub-Committee – Minutes", "Date: 5 May 2022"],
     "Bridge Maintenance Sub-Committee"),
    (["Agendas, reports and minutes", "Oakfield County Council", "Waste Committee"],
     "Waste Committee"),
    (["A SPECIAL MEETING OF THE COUNCIL OF THE TOWN OF LAKEMOOR, IDAHO WAS HELD ON JUNE 1, 2020"],
     "COUNCIL OF THE TOWN OF LAKEMOOR"),
    (["Larchwood School Governing Body", "Minutes"], "Larchwood School Governing Body"),
    (["Closed Session Meeting Minutes", "The Board discussed the lease"], None),
    (["Notes", "The Committee reviewed the budget and the plans provided by officers"], None),
    (["RESOLVED: That the minutes of the meeting of the Parks Committee be approved"], None),
])
def test_the_body_from_the_heading(lines, body):
    assert body_in(lines) == body


def test_parsed_minutes_take_date_time_and_body_from_the_text():
    lines = [Line(t, "para") for t in (
        "Toggle menu", "ASHCOMBE TOWN COUNCIL",
        "Minutes of the meeting of the Ashcombe Town Council Leisure Committee held on "
        "Tuesday 14th November 2023, commencing at 7.00 pm", "1. APOLOGIES", "None.")]
    minutes = parse_minutes(lines)
    assert (minutes.committee, minutes.date, minutes.start_time) == (
        "Ashcombe Town Council Leisure Committee", dt.date(2023, 11, 14), dt.time(19, 0))


def test_the_file_name_never_names_the_body(tmp_path):
    path = tmp_path / "minutes-07.txt"
    path.write_text("Held on 2 March 2022\n1. BUDGET\nRESOLVED: That the budget be set.\n")
    (minutes,) = read_minutes(path)
    assert (minutes.committee, minutes.date) == (None, dt.date(2022, 3, 2))
    assert read_minutes(path, committee="Finance Board")[0].committee == "Finance Board"


def test_a_covering_letter_dates_itself_and_the_next_meeting_not_these_minutes():
    lines = ["Date: 2 October 2019", "Dear Member", "PARKS PANEL - MONDAY, 14TH OCTOBER, 2019",
             "Please find the minutes enclosed.", "Yours sincerely", "A Clerk",
             "PARKS PANEL", "Monday, 30 September 2019", "Present: Councillor Ng"]
    assert meeting_when(lines) == (dt.date(2019, 9, 30), None)
    assert meeting_when(lines[:4]) == (None, None)


def test_a_sentence_about_other_minutes_does_not_name_the_body():
    assert body_in(["Linwood Harbour Trust", "These minutes were approved at the June 3, 2020 "
                    "meeting of the Board in Linwood."]) == "Linwood Harbour Trust"
    assert body_in(["DRAFT", "APPROVED", "Minute of Meeting of KESTREL VALE HEALTH BOARD held "
                    "on 2 May 2020"]) == "KESTREL VALE HEALTH BOARD"


def test_a_heading_phrase_broken_across_lines():
    assert body_in(["MINUTES OF PROCEEDINGS AT ORDINARY MEETING OF",
                    "NORTHBY METROPOLITAN DISTRICT COUNCIL HELD IN THE", "GUILDHALL,",
                    "ON MONDAY, 3RD MAY 2021"]) == "NORTHBY METROPOLITAN DISTRICT COUNCIL"
