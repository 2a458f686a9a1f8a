"""Cleaning imported minutes' lines, splitting meetings and finding agenda items.

Every text here is invented: councils, people and places that do not exist.
"""

from __future__ import annotations

import re

import pytest

from clerk_tui.importer import cleanup, layout
from clerk_tui.importer.documents import Line


def lines_of(text: str) -> list[Line]:
    """Lines as read_document gives them: blank lines gone, "#" headings and bullets marked."""
    found = []
    for raw in text.splitlines():
        stripped = " ".join(raw.split())
        if not stripped:
            continue
        if stripped.startswith("#"):
            found.append(Line(stripped.lstrip("# "), "heading"))
        elif re.match(r"^\s*[•\-*]\s+", raw) or stripped == "•":
            found.append(Line(re.sub(r"^[•\-*]\s*", "", stripped), "bullet"))
        else:
            found.append(Line(stripped))
    return found


def words(texts) -> list[str]:
    return re.findall(r"[A-Za-z0-9]+", " ".join(texts))


def items_of(text: str) -> list[tuple[str | None, str]]:
    found = layout.layout(cleanup.clean(lines_of(text)))
    return [(item.number, item.title) for item in found.items]


# --- cleanup ---------------------------------------------------------------------------

CHROME = """Skip to content
Toggle menu
Home > Meetings > Parks Committee
Print this page
Download as pdf or txt
We use cookies on this website. Click accept to continue.
213 views
Parks Committee of Wrenfold Vale
12. Footpath Repairs pdf icon PDF 226 KB
The committee discussed the footpath by the mill.
Supporting documents:
Footpath survey, item 12. PDF 88 KB
Appendix A map, item 12. PDF 1 MB
13. Bench Donations
Upload: bench.jpg
Additional documents:
Share
Leave a Reply
Page 3 of 7
"""


def test_chrome_lines_are_dropped_and_the_minutes_kept():
    cleaned = [line.text for line in cleanup.clean(lines_of(CHROME))]
    assert cleaned == ["Parks Committee of Wrenfold Vale", "12. Footpath Repairs",
                       "The committee discussed the footpath by the mill.", "13. Bench Donations"]


@pytest.mark.parametrize("footer", [
    "Contact us | Accessibility | Privacy and cookies | Site map",
    "Accessibility statement · Terms of use · Feedback",
    "© Wrenfold Vale Town Council",
    "© 2019 - 2024 Borough of Quillmarsh",
    "Copyright Northby Parish Council",
])
def test_a_web_page_footer_is_dropped(footer):
    cleaned = [line.text for line in cleanup.clean(lines_of(f"7. Allotments\nRents were set.\n{footer}\n"))]
    assert cleaned == ["7. Allotments", "Rents were set."]


@pytest.mark.parametrize("line", [
    "Contact the Clerk about the hall booking.",  # one word a link would be, in a sentence
    "Copyright of the photographs rests with the society, which agreed to their use.",
    "Privacy | the committee discussed the notice",
])
def test_minutes_that_name_a_footer_word_are_kept(line):
    assert [ln.text for ln in cleanup.clean(lines_of(f"{line}\n"))] == [line]


def test_a_hostile_footer_like_line_finishes():
    cleanup.clean(lines_of("Contact us | " * 100_000 + "\n" + "© " + "a " * 500_000 + "\n"))


def test_without_chrome_every_word_is_kept_in_order():
    source = lines_of("""Minutes of the Quarry Liaison Group held on 2 March 2022
1. Blasting Times
The operator said that blasting would take place between
ten and four on weekdays, and that residents of
Upper Sett would be told a day before.
2. Lorry Routes
- Lorries to use the bypass
- No lorries before 7am""")
    cleaned = cleanup.clean(source)
    assert words(line.text for line in cleaned) == words(line.text for line in source)
    assert len(cleaned) == 6


def test_a_running_header_glued_inside_a_paragraph_is_cut_out():
    source = lines_of("The board agreed to review the grazing 03/14/21 -4- DRAFT licence in spring.")
    assert [line.text for line in cleanup.clean(source)] == [
        "The board agreed to review the grazing licence in spring."]


def test_page_numbers_and_repeated_page_headers_go():
    source = lines_of("""7
Minutes of the Harbour Board of Lowmere
HB 04.05.2022
1. Apologies
Apologies were received from Mrs Tallow.
14
HB 04.05.2022
2. Moorings
The moorings were let.""")
    assert [line.text for line in cleanup.clean(source)] == [
        "Minutes of the Harbour Board of Lowmere", "1. Apologies",
        "Apologies were received from Mrs Tallow.", "2. Moorings", "The moorings were let."]


def test_front_matter_and_markdown_markup():
    source = lines_of("""---
title: "Minutes of Ashby Fen Parish Council"
date: "2019-03-01"
categories:
  - "parish"
---
[Original file](https://example.invalid/minutes.pdf)
![](https://example.invalid/crest.png)
**In Favour**
1\\. The [village green](https://example.invalid/green) was mown.""")
    assert [line.text for line in cleanup.clean(source)] == [
        "In Favour", "1. The village green was mown."]


def test_a_wrapped_paragraph_is_joined_but_not_a_heading_or_a_list():
    source = lines_of("""PRESENT:
Councillor Arden Pell
Councillor Maud Quist
4. Allotments
The clerk reported that the water supply to the
allotments had failed twice and that a plumber had
been asked to quote.
Present: Councillors Hale, Ibbot,
Jory and Kemp.
Representations were made by Sgt
Olwen Marsh of the county police.""")
    assert [line.text for line in cleanup.clean(source)] == [
        "PRESENT:", "Councillor Arden Pell", "Councillor Maud Quist", "4. Allotments",
        "The clerk reported that the water supply to the allotments had failed twice and "
        "that a plumber had been asked to quote.",
        "Present: Councillors Hale, Ibbot, Jory and Kemp.",
        "Representations were made by Sgt Olwen Marsh of the county police."]


def test_a_bullet_alone_on_its_line_takes_the_next_line():
    source = [Line("Matters noted:"), Line("", "bullet"), Line("The gate was painted.")]
    assert cleanup.clean(source) == [Line("Matters noted:"),
                                     Line("The gate was painted.", "bullet")]


def test_a_heading_keeps_its_kind():
    source = [Line("Budget Monitoring", "heading"), Line("the report was noted")]
    assert cleanup.clean(source) == source


def test_a_covering_letter_of_a_document_pack_is_dropped():
    source = lines_of("""Public Document Pack
Please ask for: Ivo Trent
Dear Councillor
I enclose the minutes of the last meeting.
This page is intentionally left blank
Agenda Item 4
LICENSING PANEL
1. Chair
Councillor Venn was elected Chair.""")
    assert [line.text for line in cleanup.clean(source)] == [
        "LICENSING PANEL", "1. Chair", "Councillor Venn was elected Chair."]


@pytest.mark.parametrize("hostile", [" " * 1_000_000, "[" * 1_000_000, "1" * 1_000_000,
                                     "[x](" * 250_000, "**a " * 250_000, "1 of " * 200_000,
                                     "1 Abc " * 160_000, "(" * 1_000_000],
                         ids=["spaces", "brackets", "digits", "links", "emphasis", "pages",
                              "numbers", "parens"])
def test_a_hostile_line_is_cleaned_in_reasonable_time(hostile):
    cleaned = cleanup.clean([Line("Minutes of the meeting"), Line(hostile + "x")])
    found = layout.layout(cleaned)
    assert found is not None
    assert layout.meetings(cleaned)


# --- item numbering shapes -------------------------------------------------------------

@pytest.mark.parametrize("first, second, numbers", [
    ("66. Apologies for Absence", "67. Declarations of Interest", ["66", "67"]),
    ("66 Apologies for Absence", "67 Declarations of Interest", ["66", "67"]),
    ("C 08/042 Apologies for Absence", "C 08/043 Declarations of Interest",
     ["C 08/042", "C 08/043"]),
    ("GBP/2122/214: Apologies for Absence", "GBP/2122/215: Declarations of Interest",
     ["GBP/2122/214", "GBP/2122/215"]),
    ("291/19 Apologies for Absence", "292/19 Declarations of Interest", ["291/19", "292/19"]),
    ("2307.01 Apologies for Absence", "2307.02 Declarations of Interest",
     ["2307.01", "2307.02"]),
    ("59.15 Apologies for Absence", "59.16 Declarations of Interest", ["59.15", "59.16"]),
    ("Item 5 Apologies for Absence", "Item 6 Declarations of Interest", ["5", "6"]),
    ("5) Apologies for Absence", "6) Declarations of Interest", ["5", "6"]),
    ("Minute 12 Apologies for Absence", "Minute 13 Declarations of Interest", ["12", "13"]),
    ("12/2023 Apologies for Absence", "13/2023 Declarations of Interest",
     ["12/2023", "13/2023"]),
    ("B1 Apologies for Absence", "B2 Declarations of Interest", ["B1", "B2"]),
    ("I APOLOGIES FOR ABSENCE", "II DECLARATIONS OF INTEREST", ["I", "II"]),
    ("1.00 / APOLOGIES FOR ABSENCE", "2.00 / DECLARATIONS OF INTEREST", ["1.00", "2.00"]),
    ("4.Apologies for Absence", "5.Declarations of Interest", ["4", "5"]),
])
def test_each_numbering_shape(first, second, numbers):
    text = f"""Minutes of the Orchard Trust held on 3 May 2023
{first}
Apologies were received from Mr Quayle.
{second}
No interests were declared by members."""
    assert [number for number, _ in items_of(text)] == numbers
    assert [title for _, title in items_of(text)][0].lower().startswith("apologies for absence")


def test_a_number_alone_with_its_title_on_the_next_line():
    text = """Agenda and minutes
40.
Budget Outturn
The outturn was reported to members of the board.
41.
Car Parking Charges
Charges would be held for a year."""
    assert items_of(text) == [("40", "Budget Outturn"), ("41", "Car Parking Charges")]


def test_a_minute_number_under_its_heading():
    text = """LICENSING COMMITTEE
APOLOGIES
LIC12/24
Apologies for absence were recorded from Councillor Ashe.
SITE VISITS
LIC13/24
The committee had visited the premises earlier in the day."""
    assert items_of(text) == [("LIC12/24", "APOLOGIES"), ("LIC13/24", "SITE VISITS")]


def test_a_number_alone_with_no_title_then_a_motion():
    lines = [Line("Council Meeting Minutes"), Line("1."), Line("Moved by: Councillor Dale", "bullet"),
             Line("THAT the meeting be called to order at 7:01 p.m."), Line("2."),
             Line("Moved by: Councillor Eyre", "bullet"), Line("THAT the agenda be adopted.")]
    found = layout.layout(cleanup.clean(lines))
    assert [(item.number, item.title) for item in found.items] == [("1", ""), ("2", "")]
    assert found.items[0].lines[0].text == "Moved by: Councillor Dale"


def test_lettered_and_dotted_sub_items():
    text = """Minutes of the Roads Board held on 9 June 2022
3 Works Programme
The programme was presented to the board.
3.1 Culvert at Fennick Lane
The culvert would be relined this year.
4 Contracts for the following:
(A) Resurfacing of Tarn Road with Oxley Paving Ltd. Moved by Lusk to adopt. Carried 5-0.
(B) Gritting depot roof with Marl Builders. Moved by Lusk to adopt. Carried 5-0.
5 Street lighting contracts as follows:
(A) Lantern replacement with Brite Ltd. Moved by Pim to adopt. Carried 5-0."""
    assert [number for number, _ in items_of(text)] == ["3", "3.1", "4", "4(A)", "4(B)", "5",
                                                         "5(A)"]


def test_capitalised_headings_when_nothing_is_numbered():
    text = """Held on the 4th March 2021 at 7pm
PRESENT Mrs Ollery (Chair), Mr Brand and Mr Cope.
APOLOGIES Mr Dorling.
MATTERS ARISING
1. Litter bin at the bus stop still not emptied.
2. Hedge on Pound Lane cut back.
PLANNING
1. Vane Cottage, Mill Road. Porch. No objection.
2. Old Forge. Garage. Approved by District Council.
3. Tithe Barn. New roof. Noted.
CORRESPONDENCE
1. Letter from the county about verges. Noted.
2. Invitation to the spring show."""
    assert items_of(text) == [(None, "APOLOGIES"), (None, "MATTERS ARISING"),
                              (None, "PLANNING"), (None, "CORRESPONDENCE")]


def test_sentence_case_headings_over_numbered_paragraphs():
    text = """Minutes of the meeting held on Monday, 6 February 2023
Members:
Dr P Quarrie (Chair)
Mrs L Rook
Welcome
1. The Chair welcomed members and the new secretary.
Apologies for absence
1. Apologies had been received from Mrs Sorrel.
Finance report
1. The treasurer presented the accounts for the year."""
    assert items_of(text) == [(None, "Welcome"), (None, "Apologies for absence"),
                              (None, "Finance report")]


def test_decision_parts_and_attendance_lists_are_not_items():
    text = """Minutes of the Canal Trust held on 2 April 2024
Present:
1. Mrs Nell Upton
2. Mr Ivor Vance
1. APOLOGIES
There were none.
2. MOORINGS POLICY
RESOLVED:
1. That the policy be adopted.
2. That it be reviewed in a year.
3. TOWPATH
The towpath was reported as flooded at 7.30 pm near lock 4."""
    assert [number for number, _ in items_of(text)] == ["1", "2", "3"]
    found = layout.layout(cleanup.clean(lines_of(text)))
    assert [line.text for line in found.items[1].lines] == [
        "RESOLVED:", "1. That the policy be adopted.", "2. That it be reviewed in a year."]


def test_dates_and_times_are_not_item_numbers():
    text = """PARKS PANEL
12 March 2024
7.30 pm
1. Apologies
None were received.
2. Play Area
The new swings were installed."""
    assert [number for number, _ in items_of(text)] == ["1", "2"]


def test_an_unnumbered_opening_heading_before_the_first_numbered_item():
    text = """Minutes of the Estates Committee held on 1 July 2020
PRESENT: Councillor Ferris (Chair)
Opening of the Meeting
The Chair welcomed everyone and explained the fire procedures for the building.
1. Apologies
Apologies were received from Councillor Gray.
2. Minutes
The minutes were agreed."""
    assert items_of(text) == [(None, "Opening of the Meeting"), ("1", "Apologies"),
                              ("2", "Minutes")]


def test_a_title_and_its_text_on_one_line_are_split_at_the_colon():
    text = """Minutes of the Village Hall Committee held on 3 June 2021
1.PRESENT: Ada, Bea and Cal
2.Apologies: Dot
3.Hall Booking
Bookings were up on last year."""
    found = layout.layout(cleanup.clean(lines_of(text)))
    assert [(item.number, item.title) for item in found.items] == [
        ("1", "PRESENT"), ("2", "Apologies"), ("3", "Hall Booking")]
    assert found.items[0].lines[0].text == "Ada, Bea and Cal"


def test_items_run_together_on_one_line_are_cut_apart():
    one_line = " ".join(f"{n} Approve the grant to the Bridgewater Youth Club number {n} "
                        f"(Report) (Y-5) ADOPTED" for n in range(20, 27))
    found = layout.layout(cleanup.clean([Line("OFFICIAL MINUTES OF THE CITY OF ELMHURST"),
                                         Line(one_line)]))
    assert [item.number for item in found.items] == [str(n) for n in range(20, 27)]


def test_table_rows_of_title_and_text():
    text = """Board Members: Ann Oakes, Ben Pyle
Declaration of Interest / There were no declarations of interest at this meeting.
Rent Review / The Finance Director advised that the rent review would be put to tenants in May.
Repairs Policy / The Board APPROVED the revised repairs policy as set out in the report."""
    assert [title for _, title in items_of(text)] == [
        "Declaration of Interest", "Rent Review", "Repairs Policy"]


def test_a_heading_in_a_word_file_heads_an_item():
    lines = [Line("Minutes of the Friends of Holm Park"), Line("Treasurer's Report", "heading"),
             Line("The balance stood at four hundred pounds."), Line("Events", "heading"),
             Line("A summer fair would be held.")]
    assert [(item.number, item.title) for item in layout.layout(lines).items] == [
        (None, "Treasurer's Report"), (None, "Events")]


def test_the_lines_under_an_item_and_the_preamble_lose_nothing():
    lines = cleanup.clean(lines_of("""Minutes of the Orchard Trust held on 3 May 2023
Present: Mr Abel, Mrs Bligh
1. Apologies
Apologies were received from Mr Quayle.
2. Pruning
The pruning would start in November.
RESOLVED: That the contractor be appointed."""))
    found = layout.layout(lines)
    out = [line.text for line in found.preamble]
    for item in found.items:
        out += [f"{item.number}. {item.title}"] + [line.text for line in item.lines]
    assert out == [line.text for line in lines]


# --- meetings in one file --------------------------------------------------------------

TWO_MEETINGS = """EXECUTIVE SESSION OF THE MILLBROOK CITY COUNCIL
MARCH 4, 2024
1. CALL TO ORDER
Mayor Lund called the session to order at 6:30 p.m.
2. CLOSED SESSION
The council discussed a land purchase.
REGULAR MEETING OF THE MILLBROOK CITY COUNCIL
MARCH 4, 2024
1. CALL TO ORDER
Mayor Lund called the meeting to order at 7:00 p.m.
2. MINUTES
The minutes of February 19, 2024 were approved."""


def test_several_meetings_in_a_file_are_split_and_no_line_is_lost():
    lines = cleanup.clean(lines_of(TWO_MEETINGS))
    found = layout.meetings(lines)
    assert len(found) == 2
    assert [line for meeting in found for line in meeting] == lines
    assert found[1][0].text == "REGULAR MEETING OF THE MILLBROOK CITY COUNCIL"
    assert [item.number for item in layout.layout(found[1]).items] == ["1", "2"]


def test_one_meeting_is_one_and_confirming_earlier_minutes_is_no_new_meeting():
    text = """Minutes of the meeting of the Dunmore Board held on 5 May 2023
1. Apologies
There were none.
2. Minutes of the meeting held on 3 April 2023
The minutes were approved as a true record.
3. Any Other Business
Minutes of a meeting of the Dunmore Board held on 1 March 2023
were noted."""
    lines = cleanup.clean(lines_of(text))
    assert layout.meetings(lines) == [lines]


def test_a_year_of_minutes_with_repeated_title_blocks():
    text = """PLANNING COMMITTEE
Wednesday, 10 January 2024
1. Apologies
None.
2. Applications
Two applications were approved.
PLANNING COMMITTEE
Wednesday, 7 February 2024
1. Apologies
Councillor Hart.
2. Applications
One application was refused."""
    found = layout.meetings(cleanup.clean(lines_of(text)))
    assert [meeting[1].text for meeting in found] == ["Wednesday, 10 January 2024",
                                                      "Wednesday, 7 February 2024"]


# --- minutes flattened into one line ----------------------------------------------------

FLAT_PAGE = ("MINUTES OF THE ORDINARY MEETING OF MARRAWAH VALE SHIRE COUNCIL HELD AT CULLEN ON "
             "TUESDAY 4 JUNE 2019 COMMENCING AT 9.00AM ATTENDANCE Crs P Onslow, R Tibbits & K Yuen "
             "OFFICERS PRESENT Ms Dana Fell, Chief Executive Officer "
             "The Mayor opened the meeting at 9:02am and welcomed everyone. "
             "ACKNOWLEDGEMENT OF COUNTRY Council acknowledged the traditional owners of the land "
             "on which it met. " + "The Mayor spoke at length about the show. " * 30 +
             "CONFIRMATION OF MINUTES Ordinary Meeting – Tuesday 7 May 2019 RESOLUTION: That the "
             "minutes of 7 May 2019 be confirmed. MOVED: Cr Onslow SECONDED: Cr Yuen CARRIED 3/0 "
             "PLACED ON FILE Works report noted. "
             "DEPUTATIONS Mrs Ida Quell spoke about the saleyards.")


def test_a_page_flattened_into_one_line_is_cut_at_its_headings_and_keeps_every_word():
    source = [Line(FLAT_PAGE)]
    cleaned = cleanup.clean(source)
    assert words(line.text for line in cleaned) == words([FLAT_PAGE])
    starts = [line.text.split(" Cr")[0].split(" Ms")[0][:26] for line in cleaned]
    assert starts[1:] == ["ATTENDANCE", "OFFICERS PRESENT", "ACKNOWLEDGEMENT OF COUNTRY",
                          "CONFIRMATION OF MINUTES Or", "DEPUTATIONS Mrs Ida Quell "]
    # a decision's labels and what was done with an item stay with their words
    assert any("RESOLUTION: That" in line.text and "PLACED ON FILE Works" in line.text
               for line in cleaned)
    titles = [title for _, title in items_of(FLAT_PAGE)]
    assert titles == ["ATTENDANCE", "ACKNOWLEDGEMENT OF COUNTRY", "CONFIRMATION OF MINUTES",
                      "DEPUTATIONS"]


def test_a_short_line_is_never_cut():
    text = "ATTENDANCE Crs P Onslow and K Yuen. WELCOME The Mayor welcomed everyone."
    assert [line.text for line in cleanup.clean([Line(text)])] == [text]


def test_a_page_header_opening_each_flattened_page_is_cut_off_as_furniture():
    header = "UNCONFIRMED MINUTES – ORDINARY MEETING, 4 JUNE 2019"
    first = f"{header} {FLAT_PAGE}"
    second = (f"{header} Business arising from the minutes was discussed at some length by "
              "the councillors present, and the works manager answered their questions about "
              "the grading programme. GENERAL BUSINESS Cr Tibbits raised the state of the pool.")
    cleaned = [line.text for line in cleanup.clean([Line(first), Line(second)])]
    assert header not in " ".join(cleaned)
    assert words(cleaned) == words([FLAT_PAGE, second[len(header):]])


def test_outline_headings_in_a_flattened_line():
    page = ("Town of Pellmoor School Board Date: 2021-03-08 Time: 6:30 PM Members - Present: "
            "Ann Rusk, Ben Tovey Topics of Discussion: I. Call to Order Chair Rusk called the "
            "meeting to order at 6:31 p.m. and read the agenda. " + "The board heard a long "
            "report on enrolment from the principal. " * 25 + "Recommended Procedure "
            "A. Public Comment Cora Veitch, parent, asked the board about the bus routes.")
    cleaned = cleanup.clean([Line(page)])
    assert words(line.text for line in cleaned) == words([page])
    found = layout.layout(cleaned)
    assert [item.number for item in found.items] == ["I", None, "A"]
    assert found.items[1].title == "Recommended Procedure"
    assert found.items[2].title.startswith("Public Comment")


# --- sub-items, extra items, roll numbers ------------------------------------------------

ROLL_NUMBERED = """SUMMARY OF THE GLENHAVEN CITY COUNCIL MEETING
March 8, 2021 5:00 P.M.
21-101 1. ROLL CALL: Present: Abt, Birch and Coyle.
21-102 2. APPROVING AGENDA, AS PRESENTED
PUBLIC WORKS
3. Resolution ordering construction of the following:
21-103 (A) Pond Street culvert replacement, receiving of bids. Moved by Abt to adopt. Motion Carried 3-0.
21-104 (B) Lakeview path lighting, receiving of bids. Moved by Abt to adopt. Motion Carried 3-0.
21-105 4. Approving contracts for the following:
(A) Depot roof with Tarrant Roofing Co. for $41,200. Moved by Birch to adopt. Motion Carried 3-0.
21-106 (B) Depot gutters with Tarrant Roofing Co. for $8,300. Moved by Birch to adopt.
SPONSOR: Coyle
21-107 (C) Depot gates with Ironwell Ltd for $2,100. Moved by Coyle to adopt. Motion Carried 3-0.
21-108 5. Receipt of the monthly treasury report. Moved by Coyle to receive and file. Motion Carried 3-0.
LATE ITEMS
These late items were filed after the agenda closed and were included with the sponsorship of a council member who found them urgent.
21-109 1. Setting date of hearing on the Mill District plan, (4-5-21). SPONSOR: Birch
21-110 (A) Requesting approval to buy the Mill District parcel by negotiation. Moved by Birch to adopt. Motion Carried 2-1.
21-111 MOTION TO ADJOURN.
Moved by Abt to adjourn at 6:12 P.M. Motion Carried 3-0."""


def test_roll_numbered_sub_items_late_items_and_the_adjournment():
    found = items_of(ROLL_NUMBERED)
    assert [number for number, _ in found] == [
        "1", "2", "3", "3(A)", "3(B)", "4", "4(A)", "4(B)", "4(C)", "5", None, "1", "1(A)", None]
    assert found[10][1] == "LATE ITEMS" and found[-1][1] == "MOTION TO ADJOURN"


def test_a_roll_number_before_a_sub_item_is_no_wrapped_line():
    source = [Line("Moved by Abt to adopt the depot contract for the county as presented at the"),
              Line("21-106 (B) Depot gutters with Tarrant Roofing Co. for $8,300.")]
    assert len(cleanup.clean(source)) == 2


def test_a_restart_in_the_middle_of_the_minutes_is_not_late_items():
    text = """Minutes of the Vale Trust held on 3 May 2023
1. Apologies
None were received by the clerk.
2. Accounts
The accounts were received by the trustees.
SCHEDULE
1. The schedule was read by the clerk.
3. Close
The meeting closed at nine."""
    assert [number for number, _ in items_of(text)] == ["1", "2", "3"]


# --- unnumbered and bulleted headings ----------------------------------------------------

def test_bullet_headings_stand_for_the_numbers_the_copy_lost():
    text = """MINUTES OF THE HALL COMMITTEE MEETING HELD ON 4th May 2022
1.Present: Ada, Bea and Cal
2.Apologies: Dot
3.Matters Arising
- Boiler serviced in April by the contractor
- Correspondence
A letter was received from the bowls club about the car park.
- Treasurer's Report:
The treasurer reported a balance of four thousand pounds.
6.Hall Booking
Bookings were up on last year."""
    assert items_of(text) == [("1", "Present"), ("2", "Apologies"), ("3", "Matters Arising"),
                              (None, "Correspondence"), (None, "Treasurer's Report"),
                              ("6", "Hall Booking")]


def test_bullet_headings_in_minutes_that_number_nothing():
    text = """Minutes of the Friends of Tollgate Park, 2 March 2022
Present: Ann, Bob and Cy.
• Correspondence
A letter from the district about litter bins was read out.
• Treasurer's Report
The balance of the account stood at three hundred pounds.
• Events
A summer fair would be held on the green in July."""
    assert [title for _, title in items_of(text)] == ["Correspondence", "Treasurer's Report",
                                                      "Events"]


def test_a_heading_just_under_another_heading_is_not_an_item():
    text = """Minutes of the Guild meeting held on Monday, 6 March 2023
Apologies for absence
1. Apologies were received from Mrs Sorrel.
Minutes of the meeting held on Monday, 5 December 2022
1. The Guild accepted these minutes as a true record.
Matters arising
Bereavements
1. The Master reported with sadness the death of a past warden."""
    assert [title for _, title in items_of(text)] == [
        "Apologies for absence", "Minutes of the meeting held on Monday, 5 December 2022",
        "Matters arising"]


def test_place_lines_notes_and_programme_lines_are_not_items():
    text = """Board of Trustees of Kestrel State College
Regular Meeting
May 2-3, 2022
Kestrel State College
Dunmore, NE
These minutes were approved at the July meeting of the Board held in Lyle.
RECORDER NOTE: The recording failed for part of the meeting and notes were used instead.
WORK SESSION
The board convened at 8:30 a.m. and went into the work session.
APPROVAL OF MINUTES
Trustee Ruiz moved approval of the minutes. The minutes were approved."""
    assert [title for _, title in items_of(text)] == ["WORK SESSION", "APPROVAL OF MINUTES"]


def test_a_programme_line_before_the_first_item_is_not_its_heading():
    text = """SUMMARY OF THE GLENHAVEN CITY COUNCIL MEETING
March 8, 2021 5:00 P.M.
PROCLAMATIONS - 4:30 P.M.
Clean Rivers Week
RECOGNITIONS - 4:40-4:50 P.M.
1. ROLL CALL: Present: Abt, Birch and Coyle.
2. MINUTES
The minutes of the last meeting were approved as printed."""
    assert [number for number, _ in items_of(text)] == ["1", "2"]


def test_a_wrapped_last_line_of_a_row_is_not_the_next_rows_title():
    text = """Apologies Minutes: Councillor Ifor Pugh sent his apologies to the meeting.
Declarations of Interest Minutes: i.
Councillor
Nia Rhys declared a personal interest in relation to item 9.
Minutes: To confirm as a true record the minutes of the meeting held on 4 May 2023.
Matters arising were none."""
    assert [title for _, title in items_of(text)] == ["Apologies", "Declarations of Interest",
                                                      "Minutes"]


@pytest.mark.parametrize("hostile", ["A. Bcd " * 150_000, "ABC DEF Ghi " * 90_000,
                                     "MINUTES OF 1 MAY 2020 Xy " * 40_000],
                         ids=["letters", "capitals", "headers"])
def test_a_hostile_flattened_line_is_cut_in_reasonable_time(hostile):
    cleaned = cleanup.clean([Line(hostile), Line(hostile)])
    assert cleaned
    assert layout.layout(cleaned) is not None


def test_a_line_ending_in_a_colon_is_not_joined_to_the_list_under_it():
    lines = cleanup.clean([
        Line("A vote was taken on the proposed boundary change, with the result:-"),
        Line("For"), Line("Councillors Aird, Brack, Coll. (3)"),
        Line("Against"), Line("Councillors Dunn and Esk. (2)")])
    assert [line.text for line in lines] == [
        "A vote was taken on the proposed boundary change, with the result:-", "For",
        "Councillors Aird, Brack, Coll. (3)", "Against", "Councillors Dunn and Esk. (2)"]


@pytest.mark.parametrize(("text", "number", "title", "heading"), [
    ("Item 5 - Moorings\nThe moorings were let.", "5", "Moorings", "Item 5 - Moorings"),
    ("C 08/042 VERGE CUTTING\nNoted.", "C 08/042", "VERGE CUTTING", "C 08/042 VERGE CUTTING"),
    ("8.\nAllotments\nRents held.", "8", "Allotments", "8. Allotments"),
    ("Minute 12: Bus shelter: The shelter has been repaired.", "12", "Bus shelter",
     "Minute 12: Bus shelter"),
    ("7) Street lights\nTwo lamps are out.", "7", "Street lights", "7) Street lights"),
])
def test_an_items_heading_is_kept_as_printed(text, number, title, heading):
    minutes = "Minutes of the Oakridge Parish Council meeting held on 2 May 2024\n" + text
    found = layout.layout(lines_of(minutes))
    block = found.items[0]
    assert (block.number, block.title, block.heading) == (number, title, heading)


# --- unnumbered headings in capitals among numbered items ---------------------------

US_MIXED = """BOARD OF SUPERVISORS
MAPLEFORD COUNTY, OREGON
REGULAR MEETING MINUTES
MONDAY, APRIL 7, 2025
The Board of Supervisors of Mapleford County met in regular session at 6:00 p.m. in the Annex Hall.
CALL TO ORDER
Chair Odell Pruett called the meeting to order at 6:00 p.m.
Present: Supervisors Pruett, Vasquez and Lindgren.
INVOCATION
APPROVAL OF AGENDA
Motion by Supervisor Vasquez, second by Supervisor Lindgren, to approve the agenda. Motion carried 3-0.
CONSENT CALENDAR
A. Approval of minutes of the March meeting
B. Approval of warrants
Motion by Supervisor Lindgren, second by Supervisor Pruett, to approve the consent calendar. Motion carried 3-0.
OLD BUSINESS
1. Ferry landing repairs
The engineer reported that the pilings were sound.
2. Grange hall lease
Motion by Supervisor Vasquez, second by Supervisor Pruett, to renew the lease for a year. Motion carried 3-0.
CLOSED SESSION
The Board met in closed session from 7:10 p.m. to 7:35 p.m. to discuss pending litigation.
ADJOURNMENT
There being no further business, the Chair adjourned the meeting at 7:40 p.m.
"""


def test_unnumbered_headings_in_capitals_around_numbered_items_are_items():
    assert items_of(US_MIXED) == [
        (None, "CALL TO ORDER"), (None, "INVOCATION"), (None, "APPROVAL OF AGENDA"),
        (None, "CONSENT CALENDAR"), ("1", "Ferry landing repairs"), ("2", "Grange hall lease"),
        (None, "CLOSED SESSION"), (None, "ADJOURNMENT")]


def test_the_title_block_and_a_section_heading_are_not_items():
    found = layout.layout(lines_of(US_MIXED))
    preamble = [line.text for line in found.preamble]
    assert preamble[:4] == ["BOARD OF SUPERVISORS", "MAPLEFORD COUNTY, OREGON",
                            "REGULAR MEETING MINUTES", "MONDAY, APRIL 7, 2025"]
    consent = next(block for block in found.items if block.title == "CONSENT CALENDAR")
    texts = [line.text for line in consent.lines]
    assert texts[:2] == ["A. Approval of minutes of the March meeting", "B. Approval of warrants"]
    assert texts[-1] == "OLD BUSINESS"  # the section over items 1 and 2 stays a line
    assert [block.heading for block in found.items][:2] == ["CALL TO ORDER", "INVOCATION"]


def test_capitals_sentences_names_and_a_lone_capitals_line_are_not_items():
    text = """Minutes of the Hollins Creek Water Board meeting held on 3 June 2024
1. Tank inspection
The tank was inspected and found sound.
2. Rates
The rates were held for the year.
THE CHAIR THANKED THE STAFF FOR THEIR WORK.
COUNCILLORS ASHBY, BRENT AND COLLIS
The members named above left the meeting early.
"""
    assert items_of(text) == [("1", "Tank inspection"), ("2", "Rates")]
    single = """Minutes of the Hollins Creek Water Board meeting held on 3 June 2024
1. Tank inspection
The tank was inspected and found sound.
2. Rates
The rates were held for the year.
RESERVES POLICY
The treasurer said the reserves policy would be reviewed in the autumn.
"""
    assert items_of(single) == [("1", "Tank inspection"), ("2", "Rates")]


def test_unnumbered_headings_in_capitals_alone_are_items():
    text = """TOWN OF BIRCHWATER
SELECT BOARD MINUTES
JANUARY 13, 2025
CALL TO ORDER
The Chair called the meeting to order at 7:00 p.m.
PUBLIC COMMENT
A resident spoke about snow removal on Quarry Road.
ADJOURNMENT
The meeting was adjourned at 8:15 p.m.
"""
    assert items_of(text) == [(None, "CALL TO ORDER"), (None, "PUBLIC COMMENT"),
                              (None, "ADJOURNMENT")]


# --- lettered lines under an item ---------------------------------------------------

SCHOOL_BOARD = """MINUTES OF THE REGULAR MEETING OF THE WILLOWMERE SCHOOL BOARD
March 3, 2025
I. CALL TO ORDER
President Ames called the meeting to order at 6:00 p.m.
II. CLOSED SESSION
The Board adjourned to closed session to consider:
A. Public Employee Performance Evaluation (Education Code 44929)
B. Conference with Real Property Negotiators - Elm Street site
III. CONSENT AGENDA
A. Minutes of the February Meeting
B. Warrant Register
C. Gifts to Hollow Oak School
It was moved and seconded to approve the consent agenda. Motion carried 4-0.
IV. ACTION ITEMS
A. Adoption of the Second Interim Report
The business manager presented the report. Motion carried 4-0.
B. Approval of the Library Hours Pilot
After discussion the pilot was approved. Motion carried 3-1.
V. INFORMATION ITEMS
A. Facilities Update - Ms. Quill reported that the roof repairs were finished.
VI. ADJOURNMENT
The meeting was adjourned at 7:30 p.m.
"""


def test_a_lettered_list_stays_its_items_lines_and_lettered_sub_items_are_numbered_under_it():
    assert items_of(SCHOOL_BOARD) == [
        ("I", "CALL TO ORDER"), ("II", "CLOSED SESSION"), ("III", "CONSENT AGENDA"),
        ("IV", "ACTION ITEMS"), ("IV.A", "Adoption of the Second Interim Report"),
        ("IV.B", "Approval of the Library Hours Pilot"), ("V", "INFORMATION ITEMS"),
        ("VI", "ADJOURNMENT")]
    found = layout.layout(lines_of(SCHOOL_BOARD))
    consent = found.items[2]
    assert [line.text for line in consent.lines][:3] == [
        "A. Minutes of the February Meeting", "B. Warrant Register", "C. Gifts to Hollow Oak School"]
    information = found.items[6]
    assert [line.text for line in information.lines] == [
        "A. Facilities Update - Ms. Quill reported that the roof repairs were finished."]


def test_lettered_lines_in_a_list_under_numbered_items_are_not_sub_items():
    text = """Minutes of the Penrose Town Council meeting held on 9 April 2024
2024/31 MATTERS ARISING
a) Noticeboard - the Clerk reported that the new board had been fitted.
b) Bench by the pond - the bench had been repaired.
2024/32 FINANCE
a) RESOLVED to approve the payments for April.
b) RESOLVED to approve the bank reconciliation.
2024/33 CORRESPONDENCE
A letter about parking was noted.
"""
    assert items_of(text) == [("2024/31", "MATTERS ARISING"), ("2024/32", "FINANCE"),
                              ("2024/33", "CORRESPONDENCE")]


# --- minute numbers with the year -------------------------------------------------------

def test_a_minute_number_with_its_year_is_one_number():
    text = """MINUTES OF THE MEETING OF THE HARBOUR BOARD HELD ON 4 MAY 2023
Minute No. 17/23  APOLOGIES
Apologies were received from Councillor Vane.
Minute No. 18/23  QUAY WALL REPAIRS
RESOLVED - That the repairs be approved.
Minute No. 19/23  EXCLUSION OF THE PRESS AND PUBLIC
RESOLVED - That the press and public be excluded for the following item.
Minute No. 20/23  LEASE OF THE BOATHOUSE (Paragraph 3)
RESOLVED - That the lease be granted.
"""
    found = layout.layout(lines_of(text))
    assert [(block.number, block.title) for block in found.items] == [
        ("17/23", "APOLOGIES"), ("18/23", "QUAY WALL REPAIRS"),
        ("19/23", "EXCLUSION OF THE PRESS AND PUBLIC"),
        ("20/23", "LEASE OF THE BOATHOUSE (Paragraph 3)")]
    assert found.items[0].heading == "Minute No. 17/23 APOLOGIES"


# --- a resolution's table of the items it names -------------------------------------

def test_an_exclusion_resolutions_table_of_items_is_not_a_second_item():
    text = """Minutes of a meeting of the Kereru District Council held on 2 May 2025
6 Reports
6.1 Roading Programme
The report was received.
7 Public Excluded Business
That the public be excluded from the following parts of the proceedings of this meeting.
7.1 Sale of the Wharf Road depot - s7(2)(h) commercial activities - s48(1)(a)
CARRIED
7.1 Sale of the Wharf Road depot
That officers negotiate the sale.
CARRIED
"""
    found = layout.layout(lines_of(text))
    assert [(block.number, block.title) for block in found.items] == [
        ("6", "Reports"), ("6.1", "Roading Programme"), ("7", "Public Excluded Business"),
        ("7.1", "Sale of the Wharf Road depot")]
    assert "7.1 Sale of the Wharf Road depot - s7(2)(h) commercial activities - s48(1)(a)" in [
        line.text for line in found.items[2].lines]
    assert [line.text for line in found.items[3].lines] == [
        "That officers negotiate the sale.", "CARRIED"]


@pytest.mark.parametrize("hostile", [
    "Minute No. " + "1/" * 500_000, "(" * 1_000_000, "A" * 1_000_000, "A " * 500_000,
    "TITLE (" + "x" * 1_000_000, "(" + ")(" * 500_000])
def test_a_hostile_line_among_headings_in_capitals_is_laid_out(hostile):
    lines = lines_of(US_MIXED)
    lines.insert(7, Line(hostile))
    lines.append(Line(hostile))
    assert layout.layout(lines) is not None


def test_lettered_lines_with_roll_numbers_of_their_own_stay_sub_items():
    text = """Minutes of the Cobbleton City Council meeting held on March 2, 2022
22-301 7. Bids for the following:
(A) Bid awarded to Larch Pumps Inc. for two lift station pumps
22-302 (B) Bid awarded to Quarrystone Paving for the Elm Street overlay
22-303 8. Receipt of the quarterly budget report.
"""
    assert items_of(text)[:3] == [
        ("7", "Bids for the following:"),
        ("7(A)", "Bid awarded to Larch Pumps Inc. for two lift station pumps"),
        ("7(B)", "Bid awarded to Quarrystone Paving for the Elm Street overlay")]


def test_thousands_of_lines_in_capitals_are_laid_out():
    lines = lines_of(US_MIXED)
    lines[5:5] = [Line("OLD BUSINESS CONTINUED")] * 20_000
    lines += [Line("ADJOURNMENT AGAIN")] * 20_000 + [Line("The Chair said the meeting was over now.")]
    assert layout.layout(lines) is not None


# --- minute numbers with a committee's letters; whole titles; lettered paragraphs ---------

@pytest.mark.parametrize("numbers", [
    ("LC/17", "LC/18", "LC/19"),
    ("WT.31/24", "WT.32/24", "WT.33/24"),
    ("RB.208/22", "RB.209/22", "RB.210/22"),
    ("B.22/23.14", "B.22/23.15", "B.22/23.16"),
    ("F2/24/05", "F2/24/06", "F2/24/07"),
], ids=["slash", "dot-year", "three-figure", "session", "quarter"])
def test_minute_numbers_with_a_committees_letters(numbers):
    first, second, third = numbers
    text = f"""Minutes of the Tolland Harbour Board held on 4 June 2024
{first} APOLOGIES FOR ABSENCE
Apologies were received from Ms Orrin.
{second} Quayside lighting
The board noted the lighting survey and asked for costings.
{third} Berth charges
The harbourmaster presented the proposed charges for the coming year."""
    assert items_of(text) == [(first, "APOLOGIES FOR ABSENCE"), (second, "Quayside lighting"),
                              (third, "Berth charges")]


def test_a_heading_in_capitals_run_into_its_first_sentence_ends_at_the_sentence():
    text = """Minutes of the Planning Committee of Merrow Dale held on 9 May 2024
MD/12 APOLOGIES
None were received.
MD/13 24/0311/FUL - TWO DWELLINGS, LAND OFF QUARRY LANE, HESKET The Case Officer presented the report and an update on the drainage scheme.
RESOLVED that permission be granted.
MD/14 APPEALS
The committee noted two appeal decisions."""
    found = layout.layout(cleanup.clean(lines_of(text)))
    assert [(item.number, item.title) for item in found.items] == [
        ("MD/12", "APOLOGIES"),
        ("MD/13", "24/0311/FUL - TWO DWELLINGS, LAND OFF QUARRY LANE, HESKET"),
        ("MD/14", "APPEALS")]
    assert found.items[1].lines[0].text == (
        "The Case Officer presented the report and an update on the drainage scheme.")


@pytest.mark.parametrize("heading, title, rest", [
    ("4. Ordinary resolution: renewal of the lease", "Ordinary resolution: renewal of the lease",
     None),
    ("5.2 Grievance Matter: Deputy Warden (K12/05/2023)",
     "Grievance Matter: Deputy Warden (K12/05/2023)", None),
    ("6. MOTION ON NOTICE – CLLR. T. O'DWYER", "MOTION ON NOTICE – CLLR. T. O'DWYER", None),
    ("7. Apologies: Ms Fenwick and Mr Orde", "Apologies", "Ms Fenwick and Mr Orde"),
    ("8. Roll call: Present: Hale, Ibbotson", "Roll call", "Present: Hale, Ibbotson"),
    ("9. Boundary wall: the contractor repaired the coping.", "Boundary wall",
     "the contractor repaired the coping."),
    ("10. Finance: Payments were approved as listed", "Finance", "Payments were approved as listed"),
], ids=["lower-case", "title-case", "capitals-abbreviation", "attendance", "roll-call",
        "sentence", "verb"])
def test_a_colon_in_a_title_keeps_the_title_whole(heading, title, rest):
    head = layout._numbered(Line(heading), 0, [Line(heading)])
    assert (head.title, head.rest) == (title, rest)


def test_lettered_paragraphs_are_lines_of_their_item():
    text = """Minutes of the Saint Aldric Parochial Church Council held on 5 March 2024
3. Apologies
Apologies were received from Hilda Marsh.
4. Matters arising
a) The electrical test certificate has been received. Two sockets were replaced.
b) Lighting: the vestry lamps were changed in February.
5. Fabric
a) Bell frame: two quotations received and considered.
b) Porch door: Ronald to ask the joiner for a price.
6. Any other business
There was none."""
    found = layout.layout(cleanup.clean(lines_of(text)))
    assert [item.number for item in found.items] == ["3", "4", "5", "6"]
    assert [line.text for line in found.items[1].lines] == [
        "a) The electrical test certificate has been received. Two sockets were replaced.",
        "b) Lighting: the vestry lamps were changed in February."]


def test_lettered_sub_items_with_titles_stay_sub_items():
    text = """Minutes of the Brockwell School Board held on 5 March 2024
8. New Business
a) Transport Contract Renewal
The board reviewed the bus contract for the coming year.
b) Library Opening Hours
The principal proposed longer opening on Thursdays.
9. Adjournment
The meeting adjourned at 8:40 p.m."""
    assert [number for number, _ in items_of(text)] == ["8", "8(a)", "8(b)", "9"]


@pytest.mark.parametrize("hostile", [
    "AB/" * 330_000, "AB." + "1" * 1_000_000, "QX " * 330_000, "Q1/" + "22/" * 330_000,
    "NOTICE: " + "CLLR. " * 160_000, "a) " + "Label: " * 140_000],
    ids=["slashes", "digits", "capitals", "years", "abbreviations", "colons"])
def test_a_hostile_line_among_referenced_minutes_is_laid_out(hostile):
    lines = lines_of("Minutes of the Tolland Harbour Board held on 4 June 2024\n"
                     "TH/1 APOLOGIES\nNone.\nTH/2 MINUTES\nThe minutes were approved.")
    lines.insert(2, Line(hostile))
    lines.append(Line(hostile))
    assert layout.layout(lines) is not None


def test_labelled_lists_of_the_title_block_are_not_items():
    text = """Pinecrest Valley District School Board
Minutes of the Regular Meeting of the Board
Tuesday, May 14, 2024
Trustees Present: Chair Odile Tremblay, Trustee Wen Lau
Regrets: Trustee Bram Kowalczyk
Administration: Director of Education Priya Nandakumar, Superintendent of Facilities Joel Ruiz, Recording Secretary
1. Call to Order
The Chair called the meeting to order at 7:00 p.m. and welcomed the guests.
2. Approval of the Agenda
The agenda was approved as circulated by the recording secretary."""
    found = layout.layout(cleanup.clean(lines_of(text)))
    assert [item.number for item in found.items] == ["1", "2"]
    assert "Regrets: Trustee Bram Kowalczyk" in [line.text for line in found.preamble]


def test_attending_lists_end_the_title_block():
    text = """Strathmoy and Balcairn Community Council
Minutes of meeting held Tuesday 5th March 2024, 7pm, Balcairn Church Hall
Attending: Isla Rennick (Chair), Duncan Aird (Treasurer), Eilidh Munro
Apologies: Fergus Lindsay
1. Welcome
The Chair welcomed everyone to the meeting and thanked the hall committee.
2. Minutes of the last meeting
The minutes were approved as a correct record."""
    found = layout.layout(cleanup.clean(lines_of(text)))
    assert [item.number for item in found.items] == ["1", "2"]


# --- numbered sentences under an item, a heading and a dated dash -------------------

def test_numbered_sentences_under_an_item_are_its_paragraphs():
    text = """Minutes of the meeting of Brackley Moor Parish Council held on 3 May 2022
1. Welcome and apologies
1.1 The Chair welcomed members and noted the apologies below.
1.2 Members agreed to take item 6 first.
2. Highways
2.1 Cllr B. Penrose reported that the pothole on Tanner Lane had been filled.
2.2 Verge cutting
The contractor would cut the verges in June.
2.3 It was noted that the bus shelter remains damaged.
2.4 Sarah Quint asked about the grit bin.
3. Finance
3.1 Payments
The payments listed were approved.
3.2 Members were reminded to send their expenses by Friday
4. Date of next meeting"""
    assert items_of(text) == [("1", "Welcome and apologies"), ("2", "Highways"),
                              ("2.2", "Verge cutting"), ("3", "Finance"), ("3.1", "Payments"),
                              ("4", "Date of next meeting")]
    found = layout.layout(cleanup.clean(lines_of(text)))
    assert [line.text for line in found.items[0].lines] == [
        "1.1 The Chair welcomed members and noted the apologies below.",
        "1.2 Members agreed to take item 6 first."]


def test_numbered_sub_items_with_titles_stay_items():
    # titles, however they open: no sentence's verb, or no sentence's stop
    text = """Minutes of the meeting held on 3 May 2022
4. Finance
4.1 The proposed budget
The draft was circulated.
4.2 Items carried forward
None.
4.3 Budget monitoring
The report was noted.
4.4 Highways.
Nothing to report.
5. Close"""
    assert [number for number, _ in items_of(text)] == ["4", "4.1", "4.2", "4.3", "4.4", "5"]


def test_minute_numbers_of_a_session_with_sub_items_are_items():
    text = """Minutes of the meeting held on 3 May 2022
59. Apologies
None.
59.15 Budget monitoring
The report was noted.
60. Highways
The verges were cut.
60.01 Cllr Penrose reported that the gully had been cleared.
61. Correspondence"""
    assert items_of(text) == [("59", "Apologies"), ("59.15", "Budget monitoring"),
                              ("60", "Highways"), ("61", "Correspondence")]


def test_dotted_minutes_keep_their_headings_and_not_their_sentences():
    text = """Minutes of the meeting held on 3 May 2022
1.0 Welcome
1.1 The Chair welcomed everyone.
2.0 Apologies
2.1 Apologies were received from Cllr Dunn.
3.0 Finance
3.1 Payments
The payments were approved.
3.2 Members agreed to review the reserves.
4.0 Date of next meeting
4.1 It was agreed to meet on 5 June."""
    assert items_of(text) == [("1.0", "Welcome"), ("2.0", "Apologies"), ("3.0", "Finance"),
                              ("3.1", "Payments"), ("4.0", "Date of next meeting")]


@pytest.mark.parametrize("title, sentence", [
    ("The Chair welcomed members and noted the apologies below.", True),
    ("Members agreed to take item 6 first.", True),
    ("It was noted that the shelter remains damaged.", True),
    ("Item 6 was deferred.", True),
    ("The clerk reported on the footpaths.", True),
    ("Members were reminded to declare interests", True),
    ("Planning applications", False),
    ("The proposed budget for the coming financial year", False),
    ("Actions carried forward from last meeting", False),
    ("Report of the Clerk.", False),
    ("The Old School Roof", False),
    ("Noted.", False),
])
def test_a_numbered_sentence_or_a_title(title, sentence):
    assert layout._numbered_sentence(title) is sentence


@pytest.mark.parametrize("hostile", ["A " * 500_000, "The " * 250_000 + "x", "Members" * 150_000,
                                     "1.1 " + "Aa " * 300_000 + "was."],
                         ids=["spaced", "the", "glued", "capitals"])
def test_a_hostile_numbered_sentence_is_read_in_reasonable_time(hostile):
    layout._numbered_sentence(hostile)
    layout.layout([Line("1. Welcome"), Line("1.1 " + hostile), Line("2. Close")])


def test_a_heading_in_sentence_case_before_a_dash_and_a_date():
    text = """MINUTES OF THE GENERAL MEETING OF QUARRY FLATS SHIRE COUNCIL ON 4 JUNE 2019
PRESENT Crs P Onslow and K Yuen
OPENING The Mayor opened the meeting at 9am and welcomed everyone present.
CONFIRMATION OF MINUTES The minutes were confirmed as a true record.
Business arising from the minutes – Tuesday 7 May 2019 - Tip road grading - Pool hours
Site visit – 2 June 2019 - Councillors inspected the causeway after the rain.
GENERAL BUSINESS Cr Yuen raised the state of the pool fence."""
    assert [title for _, title in items_of(text)] == [
        "OPENING", "CONFIRMATION OF MINUTES", "Business arising from the minutes", "Site visit",
        "GENERAL BUSINESS"]


@pytest.mark.parametrize("line", [
    "Planning Committee - 28/09/2020",          # a body and its date: the title block
    "Annual Parish Meeting – 3 May 2022",
    "Draft minutes – 3 May 2022",
    "Marlow Vale – 3 May 2022",                 # a place, no title in sentence case
    "Cllr Penrose – 3 May 2022 letter",         # a person
    "Letter from 3 Mill Lane – 4 May 2022",     # figures in the words before the dash
    "Business arising – the gate was mended",   # no date after the dash
])
def test_lines_with_a_dash_that_are_no_dated_heading(line):
    assert layout._dated_after_dash(line) is None


def test_a_dated_dash_heading_as_a_bullet_stays_a_line():
    text = """Held on the 4th March 2021 at 7pm
PRESENT Mrs Ollery (Chair), Mr Brand and Mr Cope.
CORRESPONDENCE
- Letter from the county – 3 March 2021 about verges.
The letter was noted by the members present at the meeting.
PLANNING
Vane Cottage porch. No objection was raised by the members."""
    assert [title for _, title in items_of(text)] == ["CORRESPONDENCE", "PLANNING"]


@pytest.mark.parametrize("hostile", ["Aa " * 20 + "– " * 500_000, "A" + "a -" * 300_000,
                                     "Site visit – " + "3 May " * 200_000],
                         ids=["dashes", "hyphens", "dates"])
def test_a_hostile_dash_line_is_read_in_reasonable_time(hostile):
    layout._dated_after_dash(hostile)
    layout.layout([Line("APOLOGIES"), Line("None were received from the members present."),
                   Line(hostile)])


def test_a_pack_holding_only_the_minutes_keeps_them():
    source = lines_of("""Public Document Pack
LICENSING PANEL
Minutes of the meeting held on 4 March 2025
1. Chair
Councillor Venn was elected Chair.
2. Fees
The fees were agreed.
This page is intentionally left blank""")
    assert [line.text for line in cleanup.clean(source)] == [
        "LICENSING PANEL", "Minutes of the meeting held on 4 March 2025", "1. Chair",
        "Councillor Venn was elected Chair.", "2. Fees", "The fees were agreed."]
