"""Whole minutes, invented in the shapes real bodies publish, read end to end.

Each stage has its own tests (test_import_layout, _decisions, _exchanges, _actions,
_attendance, _exempt); these check that together they keep the record whole: every
word of the source is in the meeting read from it, none is added, and each part is
read as what it is.
"""

from __future__ import annotations

import datetime as dt
import re

from clerk_tui.importer.documents import Line
from clerk_tui.importer.minutes import parse_meetings

BOROUGH = """\
Eastmoor Borough Council
Minutes of a meeting of the Licensing Committee held on Tuesday 14th March 2023 at 7.00 pm
Present: Councillor A Quince (Chair), Councillors B Rowan and C Sedge
Apologies: Councillor D Teasel
Also present: E Umber (Licensing Manager)
21. DECLARATIONS OF INTEREST
Councillor Rowan declared a personal interest in item 23 as a neighbour of the premises.
22. MINUTES OF THE PREVIOUS MEETING
RESOLVED: That the minutes of the meeting held on 10 January 2023 be agreed as a correct record.
23. LATE NIGHT REFRESHMENT POLICY
The Licensing Manager introduced the report on the draft policy.
In response to a question from Councillor Sedge about noise, the Licensing Manager said that the conditions would be reviewed each year.
Proposed by Councillor Quince, seconded by Councillor Sedge.
RESOLVED (For 2, Against 1) – That the draft policy be approved for consultation.
ACTION: Licensing Manager to publish the consultation by 30 April 2023.
24. EXCLUSION OF THE PRESS AND PUBLIC
RESOLVED: That the press and public be excluded for the following item as it involves exempt information under paragraph 3 of Part 1 of Schedule 12A to the Local Government Act 1972.
25. STALL LICENCE APPEAL (EXEMPT)
The Committee heard the appellant's representations about the pitch rental.
RESOLVED: That the appeal be dismissed.
"""

TOWNSHIP = """\
Brackenford Township Council
Regular Meeting Minutes
June 3, 2024
6:30 p.m.
Members Present:
Mayor R. Vetch
Councillor P. Wold
Councillor M. Yarrow
Staff Present:
Clerk, T. Zinnia
1. Call to Order
Moved by: Councillor P. Wold
Seconded by: Councillor M. Yarrow
THAT the meeting be called to order at 6:31 p.m.
Motion Carried Unanimously
2. Road Resurfacing Tender
Councillor Yarrow asked whether the tender included the bridge approach. The Clerk replied that it did not.
Moved by: Councillor M. Yarrow
Seconded by: Mayor R. Vetch
THAT the tender be awarded to the lowest compliant bidder.
Motion Carried 2-1
"""


def read(text: str):
    return parse_meetings([Line(line) for line in text.splitlines() if line.strip()])


def words(text: str) -> set[str]:
    return set(re.findall(r"[a-z0-9]+", text.lower()))


def read_back(meeting) -> str:
    """Every word clerk keeps of a meeting: titles, entries, people, declarations."""
    parts = [meeting.committee or ""]
    for part in meeting.items:  # the opening too
        parts += [part.item.minute_number or "", part.item.title]
        parts += [entry.text for entry in part.entries]
    parts += [f"{p.person} {p.office or ''}" for p in meeting.attendance]
    parts += [f"{d.member} {d.text}" for d in meeting.declarations]
    return " ".join(parts)


def test_a_borough_committees_minutes_are_read_part_by_part():
    (meeting,) = read(BOROUGH)
    assert meeting.committee == "Licensing Committee"
    assert (meeting.date, meeting.start_time) == (dt.date(2023, 3, 14), dt.time(19, 0))
    assert [(p.item.minute_number, p.item.exempt) for p in meeting.agenda] == [
        ("21", False), ("22", False), ("23", False), ("24", False), ("25", True)]
    assert meeting.agenda[4].item.exempt_paragraph == 3
    status = {p.person: p.status.value for p in meeting.attendance}
    assert status["Councillor D Teasel"] == "apologies"
    assert any(s == "in attendance" for s in status.values())
    assert [d.member for d in meeting.declarations] == ["Councillor Rowan"]
    policy = meeting.agenda[2].entries
    kinds = [entry.kind for entry in policy]
    assert kinds.count("question") == 1 and kinds.count("response") == 1
    answer = next(entry for entry in policy if entry.kind == "response")
    assert answer.joined  # split from the question's sentence: printed in it
    decided = next(entry for entry in policy if entry.kind == "resolution")
    assert (decided.mover, decided.seconder) == ("Councillor Quince", "Councillor Sedge")
    assert (decided.vote.votes_for, decided.vote.votes_against) == (2, 1)
    action = next(entry for entry in policy if entry.kind == "action")
    assert action.owner == "Licensing Manager" and action.due == dt.date(2023, 4, 30)


def test_a_township_councils_motions_carry_mover_seconder_and_outcome():
    (meeting,) = read(TOWNSHIP)
    # the meeting began when it was called to order, a minute after the time it was called for
    assert meeting.date == dt.date(2024, 6, 3) and meeting.start_time == dt.time(18, 31)
    assert [p.item.minute_number for p in meeting.agenda] == ["1", "2"]
    motions = [e for p in meeting.agenda for e in p.entries if e.kind == "resolution"]
    assert [(m.mover, m.seconder) for m in motions] == [
        ("Councillor P. Wold", "Councillor M. Yarrow"), ("Councillor M. Yarrow", "Mayor R. Vetch")]
    assert motions[0].vote.unanimous and motions[0].outcome.value == "carried"
    assert (motions[1].vote.votes_for, motions[1].vote.votes_against) == (2, 1)
    assert all(m.label is None for m in motions)  # "THAT …" has no label of its own
    people = {p.person: p.status.value for p in meeting.attendance}
    assert people.get("R. Vetch") == "present"  # "Mayor" is the office beside the name
    assert "in attendance" in people.values()


def test_every_word_is_kept_and_none_is_added():
    for text in (BOROUGH, TOWNSHIP):
        (meeting,) = read(text)
        kept = words(read_back(meeting))
        # the heading's words are the meeting's committee, date and time; the labels of
        # the attendance lists are its statuses (and "Councillors" before two names)
        heading = words(text.split("Present")[0])
        lost = words(text) - kept - heading
        assert lost <= words("Members Present Staff Apologies Also present Councillors"), lost
        assert kept <= words(text), kept - words(text)


def test_entries_print_the_source_paragraphs_unchanged():
    (meeting,) = read(BOROUGH)
    policy = meeting.agenda[2].entries
    paragraphs: list[str] = []
    for entry in policy:
        if entry.joined:
            paragraphs[-1] += " " + entry.text
        else:
            paragraphs.append(entry.text)
    source = BOROUGH.split("23. LATE NIGHT REFRESHMENT POLICY\n")[1].split("24.")[0]
    assert paragraphs == source.strip().splitlines()


def test_two_meetings_in_one_file_are_two_meetings():
    second = BOROUGH.replace("Tuesday 14th March 2023", "Tuesday 11th April 2023")
    meetings = read(BOROUGH + second)
    assert [m.date for m in meetings] == [dt.date(2023, 3, 14), dt.date(2023, 4, 11)]
    assert all(len(m.agenda) == 5 for m in meetings)


def test_a_body_in_capitals_is_named_as_a_clerk_types_it():
    from clerk_tui.importer.minutes import named_as_typed

    assert named_as_typed("FENWICK NHS TRUST BOARD") == "Fenwick NHS Trust Board"
    assert named_as_typed("COMMITTEE OF THE WHOLE") == "Committee of the Whole"
    assert named_as_typed("Harbour Board") == "Harbour Board"  # typed already


LONG_HEADING = ("MINUTES OF THE ORDINARY MEETING OF THE COUNCIL HELD IN THE COUNCIL CHAMBERS, "
                "THE OLD MILL, HARROWAY STREET, PELLINGFORD ON WEDNESDAY, 14TH MAY, 2025 AT "
                "10.00 AM")


def test_the_opening_prints_in_the_minutes_order_with_its_heading_whole():
    meeting = read(f"PELLINGFORD TOWN COUNCIL\n{LONG_HEADING}\nPresent: Cllr A Vole (Mayor)\n"
                   "1. APOLOGIES\nNone were received.\n")[0]
    opening = meeting.opening
    assert opening.item.heading == "PELLINGFORD TOWN COUNCIL"
    assert opening.entries[0].text == LONG_HEADING  # whole, after the line above it
    assert len(opening.item.title) <= 150


def test_a_sub_items_heading_prints_its_own_letter():
    meeting = read("Minutes of the Pellingford School Board meeting held on 3 June 2025\n"
                   "IV. NEW BUSINESS\n"
                   "A. Playground fence\nThe board heard that the fence is unsafe.\n"
                   "B. Lunch menus\nThe new menus were noted.\n"
                   "V. ADJOURNMENT\nThe meeting closed at 8 pm.\n")[0]
    headings = {part.item.minute_number: part.item.heading for part in meeting.agenda}
    assert headings.get("IV.A") == "A. Playground fence"
