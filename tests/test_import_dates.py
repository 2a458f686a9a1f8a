"""The meeting's date, start time and body, read from the minutes' own heading (invented text)."""

from __future__ import annotations

import datetime as dt

import pytest

from clerk_tui.importer.dates import body_in, dates, front_matter_title, meeting_when, month_first, time_in
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
    ("FEBUARY 18, 2020", dt.date(2020, 2, 18)),   # a month misspelt as minutes misspell it
    ("Feburary 3rd, 2021", dt.date(2021, 2, 3)),
    ("18-Feb-2020", dt.date(2020, 2, 18)),
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


def test_a_document_that_writes_dates_month_first_reads_its_numeric_dates_so():
    us = ["TOWN OF PELLOW CREEK", "Board of Selectmen", "Meeting of 03/04/2022",
          "Minutes of 02/17/2022 were accepted."]
    assert month_first(us) and meeting_when(us)[0] == dt.date(2022, 3, 4)
    assert month_first(["Regular Meeting", "March 4, 2022", "Roll call at 7 pm"])
    uk = ["Fenwold Parish Council", "Meeting of 03/04/2022", "Minutes of 17/02/2022 approved."]
    assert not month_first(uk) and meeting_when(uk)[0] == dt.date(2022, 4, 3)


@pytest.mark.parametrize("lines, when", [
    # the call to order is when the meeting opened, not the time it was called for
    (["PINE HOLLOW LIBRARY BOARD", "Date: 2019-03-04 Time: 7:00 PM",
      "Chair Dunmore reviewed the agenda, called the meeting to order and welcomed the "
      "visitors at 7:06 p.m."], dt.time(19, 6)),
    (["Yarrow Bay Township Council", "June 3, 2024", "6:30 p.m.",
      "THAT the meeting be called to order at 6:31 p.m."], dt.time(18, 31)),
    (["Quarry Fields Council", "Monday 3 June 2024", "At 6:02 p.m. the Mayor called the "
      "meeting to order."], dt.time(18, 2)),
    (["GARNET SHIRE COUNCIL", "Wednesday 5 June 2024",
      "The Mayor declared the meeting open at 9:05am."], dt.time(9, 5)),
    (["CLOSED SESSION OF THE FERNLEY CITY COUNCIL JULY 9, 2019",
      "CLOSED SESSION COMMENCED AT 5:30 P.M.", "Members present: Mayor Quist"],
     dt.time(17, 30)),
    # a recess is not the opening
    (["Halden Water Board", "4 June 2024 at 10.00 am",
      "The meeting was called back to order at 11:15 am."], dt.time(10, 0)),
    # the time on the date's line, after it or before it
    (["CITY OF ORLEY", "Monday, March 4, 2019 4:30 P.M."], dt.time(16, 30)),
    (["Orley Arts Trust", "Meeting of 4 March 2019 — 6pm"], dt.time(18, 0)),
    (["KELLAN SHIRE COUNCIL MINUTES OF THE GENERAL MEETING HELD AT KELLAN ON WEDNESDAY 17 MAY "
      "2017 COMMENCING AT 8.00AM ATTENDANCE Crs A Ode"], dt.time(8, 0)),
    (["Minutes of the Tolley Green Village Hall Committee held at 7.30 pm on Tuesday 5 March "
      "2019 in the Hall"], dt.time(19, 30)),
])
def test_the_start_time(lines, when):
    assert meeting_when(lines)[1] == when


@pytest.mark.parametrize("lines, body", [
    # a kind of body under the organisation's own heading line
    (["MAPLEWICK VALLEY REGIONAL SCHOOL DISTRICT", "Eastford Northford Southford",
      "SCHOOL COMMITTEE MEETING", "Regular Meeting", "April 4, 2019 – 7pm"],
     "MAPLEWICK VALLEY REGIONAL SCHOOL DISTRICT SCHOOL COMMITTEE"),
    (["ASHBY MAGNA", "PARISH COUNCIL", "Minutes of the meeting held on 2 May 2022"],
     "ASHBY MAGNA PARISH COUNCIL"),
    (["Linmouth Harbour Trust", "Board of Directors", "Minutes"],
     "Linmouth Harbour Trust Board of Directors"),
    (["Town Hall, Linmouth", "Council Meeting Minutes"], "Council"),
    (["HESKETH MOOR PARISH COUNCIL", "MINUTES OF THE PARISH COUNCIL MEETING"], "HESKETH MOOR PARISH COUNCIL"),
    # run together into one line by the page it was copied from
    (["CONFIRMED MINUTES – ORDINARY MEETING, 3 JUNE 2021 QUILLAN SHIRE COUNCIL MINUTES OF THE "
      "ORDINARY MEETING HELD AT QUILLAN ON THURSDAY 3 JUNE 2021"], "QUILLAN SHIRE COUNCIL"),
    (["Town of Dunmere , V- EC 2010 JUL -3 PM 6: 03 Library Committee Date: 2018-05-07 "
      "Time: 7:00 PM Location: Annex"], "Library Committee"),
    (["Notes", "It was noted that officers received the Parks Board minutes late"], None),
    # a form's label
    (["Meeting: Harbour Works Committee", "Date: 3 May 2022"], "Harbour Works Committee"),
])
def test_the_body_from_heading_lines_that_name_it_together(lines, body):
    assert body_in(lines) == body


def test_the_body_the_minutes_show_meeting_when_no_heading_names_it():
    cabinet = ["Venue: Main Hall, Penlow", "Apologies Minutes: None.",
               "Minutes: To confirm the minutes of the previous Meeting of the Cabinet held on "
               "2 May 2023."]
    assert body_in(cabinet) == "Cabinet"
    council = ["Venue: The Chamber", "50.", "Public Open Forum",
               "Councillor Ode was welcomed to the Council meeting.",
               "The Council RESOLVED that the report be noted."]
    assert body_in(council) == "Council"
    assert body_in(["Notes", "The Committee RESOLVED that the report be noted."]) is None


def test_a_front_matter_title_names_the_body_when_the_text_does_not():
    raw = ["---", 'title: "Minutes of the Brookfold Parish Council Meeting"', 'date: "2001-02-01"',
           "categories:", '"parish"', "---", "Held on the 3rd May 2001 at 7.30pm"]
    title = front_matter_title(raw)
    assert title == "Minutes of the Brookfold Parish Council Meeting"
    assert body_in(raw[6:]) is None
    assert body_in(raw[6:], title=title) == "Brookfold Parish Council"
    assert body_in(["Minutes of the Orley Arts Trust held on 3 May 2001"], title=title) == (
        "Orley Arts Trust")
    assert front_matter_title(["Held on 3 May 2001", "---", "title: x", "---"]) is None
    assert front_matter_title(["---", "title: Unclosed", "The minutes"]) is None


@pytest.mark.parametrize("filler", ["(", "meeting of ", "called ", "Minutes ", "Council ",
                                    "at 7 "])
def test_a_hostile_line_is_read_in_linear_time(filler):
    line = filler * (1_000_000 // len(filler))
    lines = [line, "Minutes of the " + line + " Date: 2 May 2022"]
    assert meeting_when(lines) is not None
    body_in(lines, title=line)
    front_matter_title(["---", "title: " + line, "---"])


def test_a_heading_naming_the_body_and_nothing_after_it():
    assert body_in(["Minutes of a meeting of the Quillon Harbour Committee", "1. APOLOGIES",
                    "None."]) == "Quillon Harbour Committee"


@pytest.mark.parametrize("lines, body", [
    # the heading names only "Council"; the organisation's name is on the line below
    (["MINUTES OF THE ORDINARY MEETING OF COUNCIL", "WATTLEBROOK SHIRE COUNCIL",
      "HELD IN THE CIVIC ROOMS, 4 GUMTREE PARADE", "ON THURSDAY 4 APRIL 2024"],
     "WATTLEBROOK SHIRE COUNCIL"),
    (["Minutes of the Meeting of the Board", "Larkmoor Valley NHS Trust", "Date: 3 May 2024"],
     "Larkmoor Valley NHS Trust Board"),
    # or on a line above, named for its place ("The Corporation of the Town of …")
    (["THE CORPORATION OF THE TOWNSHIP OF QUELLAN FALLS", "COUNCIL MINUTES",
      "Regular Meeting of Council", "Tuesday, May 6, 2025", "7:00 p.m."],
     "COUNCIL OF THE TOWNSHIP OF QUELLAN FALLS"),
    (["CITY OF MARROWBY", "Council Minutes", "March 3, 2025"], "COUNCIL OF THE CITY OF MARROWBY"),
    (["Brackenfield Homes Group", "Minutes of the Board Meeting", "Wednesday 5 March 2025, 2pm"],
     "Brackenfield Homes Group Board"),
    # the date line under the heading is no part of the body's name
    (["Regular Meeting of Council", "Tuesday, May 6, 2025", "7:00 p.m."], "Council"),
    (["Special Meeting of Council", "June 2, 2025"], "Council"),
    # a name broken over two lines is read whole
    (["Minutes of a meeting of the Harbour", "Works Committee held on 2 May 2022"],
     "Harbour Works Committee"),
    # a first item's heading below, a venue or a committee is not the organisation
    (["Minutes of the Board Meeting", "HOUSING", "The Board noted the rent review."], "Board"),
    (["MINUTES OF THE MEETING OF COUNCIL", "COUNCIL CHAMBERS, TOWN HALL"], "COUNCIL"),
    (["Minutes of the Meeting of Council", "AUDIT AND RISK COMMITTEE"], "Council"),
    # a committee's own name is kept as the minutes give it
    (["Wattlebrook Shire Council", "Minutes of the Planning Committee", "4 April 2024"],
     "Planning Committee"),
])
def test_a_generic_body_takes_the_organisation_from_the_title_block(lines, body):
    assert body_in(lines) == body


def test_the_organisation_and_the_kind_of_body_are_typed_as_one_name():
    lines = [Line(t, "para") for t in (
        "THE CORPORATION OF THE TOWNSHIP OF QUELLAN FALLS", "Regular Meeting of Council",
        "Tuesday, May 6, 2025", "1. CALL TO ORDER",
        "Mayor Tindall called the meeting to order at 7:01 p.m.")]
    minutes = parse_minutes(lines)
    assert (minutes.committee, minutes.date, minutes.start_time) == (
        "Council of the Township of Quellan Falls", dt.date(2025, 5, 6), dt.time(19, 1))


def test_the_time_it_was_declared_open_over_the_time_it_was_called_for():
    # as the answer keys of real minutes read it: the call to order, when both are given
    lines = ["MINUTES OF THE ORDINARY MEETING OF COUNCIL", "WATTLEBROOK SHIRE COUNCIL",
             "ON THURSDAY 4 APRIL 2024", "COMMENCING AT 9.30AM", "1. OPENING OF MEETING",
             "The Mayor declared the meeting open at 9.34am and welcomed those present."]
    assert meeting_when(lines) == (dt.date(2024, 4, 4), dt.time(9, 34))
    assert meeting_when(lines[:4]) == (dt.date(2024, 4, 4), dt.time(9, 30))


@pytest.mark.parametrize("lines", [
    ["MINUTES OF THE MEETING OF COUNCIL", "A" * 1_000_000],
    ["Meeting of the " + "Harbour " * 125_000, "Tuesday 4 May 2021"],
    ["CITY OF " * 125_000, "Council Minutes"],
    ["Council Minutes", "Q " * 500_000 + "Trust"],
])
def test_a_hostile_title_block_is_read_in_linear_time(lines):
    body_in(lines)


@pytest.mark.parametrize("lines, body", [
    # the body that met in closed session, without the venue its heading line runs on into
    (["CLOSED SESSION OF THE TAMSIN FORKS CITY COUNCIL TAMSIN FORKS CIVIC HALL",
      "COUNCIL WORK SESSION ROOM MARCH 4, 2021", "CLOSED SESSION COMMENCED AT 5:30 P.M."],
     "TAMSIN FORKS CITY COUNCIL"),
    (["Special Session of the Orrin Valley Board of Education", "May 2, 2021"],
     "Orrin Valley Board of Education"),
    # a venue that is part of what the body runs, and a line with a date, are left alone
    (["Management Committee of the Brindle Green Village Hall", "Minutes of the meeting held on 2 May 2022"],
     "Management Committee of the Brindle Green Village Hall"),
    (["PARKS COMMITTEE ROOM MAY 4, 2021", "Quorn Fields Parks Committee"],
     "Quorn Fields Parks Committee"),
])
def test_a_heading_line_names_the_body_not_its_session_venue_or_date(lines, body):
    assert body_in(lines) == body


def test_a_hostile_venue_line_is_read_in_linear_time():
    body_in(["Council " + "Hall " * 200_000, "Council" + " x" * 500_000 + " Hall"])


# --- wave 3: people are no body, a body above the kind of meeting, a time after the venue


def test_a_member_named_with_a_role_is_no_body():
    lines = ["Present:", "Dr Omar Lindqvist (Chair)",
             "Mr Tobias Renwick (President, Graduate Association)", "1. Welcome"]
    assert body_in(lines) is None


def test_a_university_court_is_a_body():
    lines = ["UNIVERSITY OF EASTMERE", "UNIVERSITY COURT", "",
             "Minutes of the meeting held on Tuesday 4 March 2025 at 15:00 in the Board Room",
             "Present:", "Ms Hana Brightwater (Senior Lay Member, in the Chair)",
             "Mr Tobias Renwick (President, Graduate Association)"]
    assert body_in(lines) == "UNIVERSITY COURT"


@pytest.mark.parametrize("lines, body", [
    (["Millbrook Valley Housing Co-operative Limited", "Registered Society No. 44120R", "",
      "ANNUAL GENERAL MEETING - MINUTES", "Saturday 8 March 2025, 2pm, The Old Forge"],
     "Millbrook Valley Housing Co-operative Limited"),
    (["Larkspur Lane Allotment Society", "Committee meeting, Tuesday the 5th of August 2025",
      "The Hut, Larkspur Lane. We began at 7pm."], "Larkspur Lane Allotment Society"),
])
def test_the_organisation_above_a_heading_naming_only_the_kind_of_meeting(lines, body):
    assert body_in(lines) == body


def test_no_organisation_above_the_kind_of_meeting_names_none():
    assert body_in(["Annual General Meeting - Minutes", "Saturday 8 March 2025",
                    "Present: Ann Fell, Rob Tarn"]) is None


def test_a_time_after_the_venue_that_follows_the_date():
    lines = ["KWANDILE DISTRICT MUNICIPALITY",
             ("MINUTES OF THE SPECIAL COUNCIL MEETING HELD ON FRIDAY, 6 JUNE 2025 IN THE "
              "COUNCIL CHAMBER, CIVIC CENTRE, 22 MARULA ROAD, NKOSIVILLE AT 09:30")]
    assert meeting_when(lines) == (dt.date(2025, 6, 6), dt.time(9, 30))


def test_a_time_in_a_later_sentence_is_not_the_start():
    lines = [("Minutes of the Fernhill Board held on 6 June 2025 in the Library. "
              "The next meeting will be at 10:00 on 3 July.")]
    assert meeting_when(lines) == (dt.date(2025, 6, 6), None)


def test_hostile_heading_lines_finish():
    for hostile in (" at" * 300_000, "Society " * 100_000, "1:1" * 300_000):
        body_in(["Meeting held on 6 June 2025 in the Hall" + hostile, "Annual Meeting" + hostile])
        meeting_when(["Meeting held on 6 June 2025 in the Hall" + hostile])
