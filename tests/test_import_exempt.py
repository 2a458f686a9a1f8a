"""Exempt (private) items read from minutes (invented text only)."""

from __future__ import annotations

from clerk_tui.importer.blocks import ItemBlock, Layout
from clerk_tui.importer.documents import Line
from clerk_tui.importer.exempt import Exemption, exemptions


def item(number: str | None, title: str, *texts: str) -> ItemBlock:
    return ItemBlock(number, title, [Line(text) for text in texts])


def flags(*items: ItemBlock) -> list[bool]:
    return [found.exempt for found in exemptions(Layout([], list(items)))]


EXCLUSION = ("RESOLVED that under Section 100A(4) of the Local Government Act 1972 the press and "
             "public be excluded from the meeting for the following items on the grounds that they "
             "involve the likely disclosure of exempt information as defined in paragraph 3 of "
             "Part 1 of Schedule 12A to the Act.")


def test_items_after_an_exclusion_resolution_are_exempt_with_the_paragraph():
    found = exemptions(Layout([], [item("7", "Allotment rents", "Noted."),
                                   item("8", "Exclusion of the press and public", EXCLUSION),
                                   item("9", "Sale of the old depot", "The board agreed a price."),
                                   item("10", "Depot lease", "Agreed.")]))
    assert found == [Exemption(False), Exemption(False), Exemption(True, 3), Exemption(True, 3)]


def test_the_exclusion_item_itself_is_public():
    assert flags(item("4", "Exclusion of the Press and Public", EXCLUSION)) == [False]


def test_private_business_minuted_under_the_exclusion_item_is_exempt():
    found = exemptions(Layout([], [item(None, "Exclusion of the Press and Public", "RESOLVED:",
                                        "That the press and public be excluded under Paragraphs 1 "
                                        "and 2 of Part 1 of Schedule 12A.",
                                        "The panel discussed the candidates and reached a view.")]))
    assert found[0].exempt and found[0].paragraph == 1
    assert found[0].basis == "Paragraphs 1 and 2 of Part 1 of Schedule 12A"


def test_return_to_open_session_ends_it():
    assert flags(item("5", "Exclusion of the public", EXCLUSION),
                 item("6", "Staffing review", "Discussed.",
                      "The meeting reconvened in open session at 8.10pm."),
                 item("7", "Any other business", "None.")) == [False, True, False]


def test_recess_into_closed_session_and_back_within_one_item():
    assert flags(item("2", "Roll call", "The Mayor recessed the regular meeting at 6.30 p.m. to enter "
                      "into a closed session pursuant to State Statute 44.12.",
                      "The Mayor reconvened the regular meeting at 7.00 p.m.",
                      "He noted the sound system was being repaired."),
                 item("3", "Council minutes", "Approved.")) == [False, False]


def test_part_two_heading_makes_the_items_after_it_exempt():
    assert flags(item("11", "Budget", "Agreed.", "PART 2 - EXEMPT ITEMS"),
                 item("12", "Contract award", "Agreed.")) == [False, True]
    assert flags(item(None, "PART II"), item("12", "Contract award", "Agreed.")) == [False, True]


def test_public_part_heading_is_not_exempt():
    assert flags(item(None, "PART 1 - PUBLIC"), item("1", "Election of Mayor", "Agreed."),
                 item(None, "PART ONE – NON CONFIDENTIAL BUSINESS")) == [False, False, False]


def test_titles_marked_exempt_or_confidential():
    found = exemptions(Layout([], [item("14", "Land at Mill Lane (EXEMPT - Paragraph 3)", "Agreed."),
                                   item("15", "Staff restructure - Confidential", "Noted."),
                                   item("16", "In camera: legal advice", "Noted.")]))
    assert [f.exempt for f in found] == [True, True, True]
    assert found[0].paragraph == 3


def test_ordinary_titles_with_the_words_private_or_exempt_are_public():
    assert flags(item("42", "Private Sector Housing Renewal Policy", "Agreed."),
                 item("43", "Exempt Organisations Grant Review", "Agreed."),
                 item("44", "Confidential waste collection contract", "Agreed.")) == [False, False, False]


def test_closed_session_under_a_statute_gives_the_basis():
    found = exemptions(Layout([], [item("3", "Pursuant to State Statutes § 12D.04, the Board held a "
                                            "Closed Executive Session to discuss negotiations")]))
    assert found == [Exemption(True, None, "State Statutes § 12D.04")]


def test_canadian_closed_meeting_motion_and_basis():
    found = exemptions(Layout([], [
        item("4", "Closed session", "THAT Council move into closed session in accordance with "
             "Section 239 (2) (b) of the Municipal Act, 2001."),
        item("5", "Personnel matter", "Direction given."),
        item("6", "Rise and report", "Council reconvened in open session at 7.05 p.m.")]))
    assert [f.exempt for f in found] == [False, True, False]
    assert found[1].basis and found[1].basis.startswith("Section 239 (2) (b)")


def test_a_closed_meeting_held_at_another_time_is_not_an_exclusion():
    assert flags(item("2", "Motion for a closed meeting", "THAT a Closed Meeting of Council be held on 3 May at "
                      "5.00 p.m. to consider a personnel matter."),
                 item("3", "Delegations", "Received.")) == [False, False]


def test_listed_items_only_when_the_resolution_lists_them():
    assert flags(item("41", "Exclusion of Press and Public", EXCLUSION, "Minute No. Report title",
                      "53 Disposal of land", "54 Lease renewal"),
                 item("42", "Housing enforcement policy", "Agreed."),
                 item("53", "Disposal of land", "Agreed."),
                 item("54", "Lease renewal", "Agreed.")) == [False, False, True, True]


def test_numbering_turning_back_ends_listed_private_items():
    assert flags(item("41", "Exclusion of Press and Public", EXCLUSION),
                 item("53", "Disposal of land", "Agreed."),
                 item("42", "Housing enforcement policy", "Agreed.")) == [False, True, False]


def test_public_excluded_minutes_confirmed_in_open_session_are_not_an_exclusion():
    assert flags(item("5", "Confirmation of minutes", "That the minutes of the Public Excluded "
                      "Meeting held on 2 May be confirmed."),
                 item("6", "Berm mowing", "Noted.")) == [False, False]


def test_one_exemption_per_item_in_order():
    assert len(exemptions(Layout([], [item(str(n), "Item", "Text.") for n in range(1, 9)]))) == 8


def test_hostile_lines_finish():
    for text in (" " * 1_000_000, "(" * 1_000_000, "1" * 1_000_000,
                 "paragraphs 1 and " * 60_000, "press and public be excluded " * 30_000,
                 "move a b c d e into " * 50_000, "Section 1 (a) and " * 50_000):
        exemptions(Layout([], [item("1", text[:150], text), item("2", "Next", text)]))


def test_a_meeting_named_an_executive_session_opens_in_public():
    """The opening's heading names the meeting; its call to order and roll call are not
    private business. The item that says the closed session was held is."""
    found = exemptions(Layout([], [
        item(None, "EXECUTIVE SESSION OF THE MARLOW FALLS TOWN BOARD",
             "EXECUTIVE SESSION BEGAN AT 5:45 P.M."),
        item("1", "CALL TO ORDER", "Supervisor Ames called the meeting to order at 5:47 p.m."),
        item("2", "ROLL CALL", "Present: Supervisor Ames, Trustees Coyle and Ruiz."),
        item("3", "Under Town Law section 12, the Board held a closed session on a land offer.",
             "Nothing was decided.")]), opening=True)
    assert [e.exempt for e in found] == [False, False, False, True]


def test_a_part_two_heading_after_the_opening_still_makes_what_follows_private():
    found = exemptions(Layout([], [item(None, "Minutes of the Orchard Board", "Present: A Brook"),
                                   item("1", "Apologies", "None."),
                                   item(None, "PART 2 - PRIVATE BUSINESS"),
                                   item("2", "Staffing", "Agreed.")]))
    assert [e.exempt for e in found] == [False, False, False, True]


def test_the_meeting_opened_again_to_the_public_ends_the_private_run():
    for reopening in ("That the meeting be opened to the public at 4.05pm.",
                      "The meeting was re-opened to the public at 4.05pm.",
                      "The press and public were readmitted at 4.05pm.",
                      "The committee resumed in open session at 4.05pm."):
        assert flags(item("11", "CONFIDENTIAL MATTERS", "Resolution 88/24",
                          "That Council closes the meeting to the public under section 275(1)(c) of "
                          "the Local Government Regulation 2021.", "Carried 6/0"),
                     item("11.1", "QUARRY LICENCE RENEWAL", "That the licence be renewed.",
                          "Carried 6/0", reopening),
                     item("12", "CLOSURE", "The Chair closed the meeting at 4.10pm.")) == [False, True, False]


def test_a_reopening_of_something_else_does_not_end_the_private_run():
    assert flags(item("5", "Exclusion of the public", EXCLUSION),
                 item("6", "Pavilion lease", "The pavilion reopened to the public in May after repairs."),
                 item("7", "Groundsman contract", "Agreed.")) == [False, True, True]


def test_a_reconvene_heading_is_public_and_the_closed_session_narrated_under_its_heading_is_not():
    found = exemptions(Layout([], [
        item("I", "CALL TO ORDER", "President Vance called the meeting to order at 5:30 p.m."),
        item("II", "CLOSED SESSION", "The Board recessed to closed session at 5:31 p.m. to consider:",
             "A. Conference with Legal Counsel (Education Code Section 35146)"),
        item("III", "RECONVENE IN OPEN SESSION / REPORT OUT", "The Board reconvened at 6:15 p.m.; "
             "no reportable action was taken."),
        item("IV", "PUBLIC COMMENT", "Two speakers addressed the Board.")]))
    assert [f.exempt for f in found] == [False, True, False, False]
    assert found[1].basis == "Education Code Section 35146"


def test_an_executive_session_held_and_ended_under_its_own_heading_is_exempt():
    assert flags(item(None, "EXECUTIVE SESSION", "At 9:40 a.m. the Commission went into executive session "
                      "under XRS 12-4-101(2) to discuss a claim. The Commission returned to open session "
                      "at 10:05 a.m."),
                 item(None, "COMMISSIONER REPORTS", "Commissioner Hale reported on the fair board.")) == [True, False]


def test_canadian_closed_session_covers_its_sub_items_not_the_closing_business():
    found = exemptions(Layout([], [
        item("9", "CLOSED SESSION", "Moved by: Councillor Ostrowski", "Seconded by: Councillor Delorme",
             "THAT Council proceed into closed session at 8:02 p.m. pursuant to Section 239(2)(b) of the "
             "Municipal Act, 2001.", "CARRIED"),
        item("9.1", "Personal matter about an identifiable individual", "Direction was given to staff."),
        item("9.2", "Personal matter about a volunteer", "Direction was given to staff."),
        item("10", "CONFIRMATORY BY-LAW", "THAT By-law 2024-51 to confirm the proceedings of Council be "
             "passed.", "CARRIED"),
        item("11", "ADJOURNMENT", "THAT Council adjourn at 8:40 p.m.", "CARRIED")]))
    assert [f.exempt for f in found] == [False, True, True, False, False]
    assert found[1].basis == found[2].basis == "Section 239(2)(b) of the Municipal Act, 2001"


def test_sub_items_of_a_closed_session_opened_and_ended_under_one_item_stay_exempt():
    assert flags(item("6", "IN CAMERA SESSION",
                      "THAT Council move into closed session to consider a land matter. CARRIED",
                      "THAT Council rise and report. CARRIED"),
                 item("6.1", "Lot 4 offer", "Staff were directed to counter the offer."),
                 item("7", "DATE OF NEXT MEETING", "Monday, 3 March.")) == [False, True, False]


def test_a_confidential_heading_holding_its_own_business_is_exempt_and_the_next_meeting_is_not():
    assert flags(item("8", "Governor visits", "Noted."),
                 item("9", "Confidential matters", "Governors agreed that the minute of this item would be "
                      "held in a separate confidential record."),
                 item("10", "Date of next meeting", "Tuesday 4th March at 6 p.m.")) == [False, True, False]
    assert flags(item("9", "Confidential matters"), item("10", "Staff grading", "Agreed.")) == [False, True]


def test_the_item_holding_a_public_excluded_resolution_and_its_table_is_public():
    found = exemptions(Layout([], [
        item("8", "Public Excluded Business", "Moved: Cr Tane", "Seconded: Cr Fowler",
             "That the public be excluded from the following parts of the proceedings of this meeting.",
             "The general subject of each matter to be considered while the public is excluded, the reason "
             "for passing this resolution and the specific grounds under section 48(1) of the Local "
             "Government Official Information and Meetings Act 1987 are as follows:",
             "8.1 Wharf land exchange - s7(2)(i) negotiations - s48(1)(a)",
             "8.2 Chief executive review - s7(2)(a) privacy - s48(1)(a)",
             "CARRIED", "The meeting moved into public excluded at 3.15pm."),
        item("8.1", "Wharf land exchange", "That the exchange proceed.", "CARRIED"),
        item("8.2", "Chief executive review", "That the review be received.", "CARRIED")]))
    assert [f.exempt for f in found] == [False, True, True]
    assert found[1].basis == "s7(2)(i) negotiations" and found[2].basis == "s7(2)(a) privacy"


def test_a_part_heading_after_the_resolution_keeps_its_paragraph():
    found = exemptions(Layout([], [
        item("31/24", "EXCLUSION OF THE PRESS AND PUBLIC", EXCLUSION,
             "PART B - ITEMS TAKEN IN THE ABSENCE OF THE PRESS AND PUBLIC"),
        item("32/24", "SALE OF FERRY DEPOT", "Agreed.")]))
    assert found[1] == Exemption(True, 3)


def test_grounds_stated_as_a_section_are_kept_as_stated():
    found = exemptions(Layout([], [
        item("12", "CONFIDENTIAL ITEMS", "That Council closes the meeting to the public under section "
             "275(1)(e) of the Local Government Regulation 2021 to discuss a contract.", "Carried"),
        item("12.1", "Waste contract extension", "That the extension be approved.")]))
    assert found[1].basis == "section 275(1)(e) of the Local Government Regulation 2021"


def test_a_time_in_the_resolution_is_not_a_list_of_items():
    assert flags(item("4", "Exclusion of the public", EXCLUSION, "10.15 am the committee went on."),
                 item("5", "Land at Ferry Row", "Agreed."),
                 item("6", "Lease", "Agreed.")) == [False, True, True]


def test_new_patterns_finish_on_hostile_lines():
    for text in ("s(" * 500_000, "section 1(a) of the A" * 50_000, "meeting be opened to " * 50_000,
                 "reconvene to a b c " * 50_000, "s7(2)(h) commercial " * 50_000, "MCA 2-3-" * 100_000,
                 "report of a b c d " * 50_000, "closes the meeting to " * 40_000, "1.1 " * 250_000):
        exemptions(Layout([], [item("1", text[:150], text), item("2", text, text),
                               item(None, "CLOSED SESSION", text), item("2.1", "Next", text)]))


def test_a_private_heading_with_no_such_business_leaves_what_follows_public():
    assert flags(item("9", "Confidential items", "There were no confidential items."),
                 item("10", "Any other business", "The Chair thanked the volunteers.")) == [False, False]
    assert flags(item("9", "Part 2 business", "None."), item("10", "Correspondence", "Noted.")) == [False, False]


def test_returns_and_grounds_in_other_houses_styles():
    assert flags(item("14", "Exclusion of the public", "That the meeting be closed to the public under "
                      "section 90(2) and (3)(d) of the Local Government Act 1999."),
                 item("15", "Depot tender", "Agreed.", "The meeting resumed in open council at 8.05pm."),
                 item("16", "Library hours", "Noted.")) == [False, True, False]
    found = exemptions(Layout([], [item("14", "Exclusion of the public", "That the meeting be closed to "
                                        "the public under section 90(2) and (3)(d) of the Local Government "
                                        "Act 1999."), item("15", "Depot tender", "Agreed.")]))
    assert found[1].basis == "section 90(2) and (3)(d) of the Local Government Act 1999"
    assert flags(item("3", "Executive session", "Motion by Trustee Pell, second by Trustee Ruiz, to enter "
                      "executive session. Motion carried 4-0."),
                 item("4", "Superintendent evaluation", "Discussed.",
                      "The Board came out of executive session at 8:15 p.m."),
                 item("5", "Facilities update", "Received.")) == [False, True, False]


def test_going_back_into_closed_session_is_not_a_return():
    assert flags(item("6", "Exclusion of the public", EXCLUSION),
                 item("7", "Tender", "Agreed.", "The Council moved back into closed session after a break."),
                 item("8", "Lease", "Agreed.")) == [False, True, True]


def test_a_report_of_a_confidential_meeting_taken_in_private_stays_exempt():
    assert flags(item("20", "Exclusion of the press and public", EXCLUSION),
                 item("21", "Report of the Confidential Meeting of the Estates Panel", "Noted."),
                 item("22", "Return of the leased land at Ferry Row", "Agreed.")) == [False, True, True]


def test_a_reserved_business_heading_makes_the_items_under_it_exempt():
    found = exemptions(Layout([], [item(None, "Q.11/25.07 Library grants", "The Board APPROVED the grants."),
                                   item(None, "RESERVED BUSINESS"),
                                   item(None, "Q.11/25.08 Chief officer pay (reserved)",
                                        "The Board APPROVED the award."),
                                   item(None, "Q.11/25.09 Date of next meeting", "Monday 3 March.")]))
    assert [found_item.exempt for found_item in found] == [False, False, True, False]
    assert flags(item("4", "Restricted business"), item("5", "Chaplaincy lease", "Agreed.")) == [False, True]


def test_a_reserved_title_mark_alone_flags_the_item_but_reserved_matters_do_not():
    assert flags(item("8", "Warden contract (reserved)", "Agreed."),
                 item("9", "Land at Pike Lane (Reserved Matters)", "Approved.")) == [True, False]


def test_in_committee_items_under_a_statute_are_exempt_with_its_full_name():
    found = exemptions(Layout([], [
        item("6", "BUDGET", "Adopted."),
        item("7", "IN-COMMITTEE ITEMS", "The Chairperson said the Council would take the following items "
             "in committee in terms of Section 31(4) of the Local Government: Rural Councils Act, 2009. "
             "Members of the public and media were requested to leave the chamber."),
        item("7.1", "Grievance: Fleet Manager", "RESOLVED: That the finding be noted."),
        item("7.2", "Award of Tender: Kloofnek Bridge", "RESOLVED: That the tender be awarded."),
        item("8", "CLOSURE", "The meeting closed at 14:05.")]))
    assert [found_item.exempt for found_item in found] == [False, False, True, True, False]
    assert found[2].basis == "Section 31(4) of the Local Government: Rural Councils Act, 2009"


def test_items_taken_in_committee_or_after_the_public_leave_are_exempt():
    assert flags(item("12", "Housing allocations", "The following item was taken in committee."),
                 item("13", "Tenant arrears case", "Agreed."),
                 item("14", "Any other business", "None.", "The meeting reconvened in open session.")) \
        == [False, True, True]
    assert flags(item("3", "Visitors", "The public gallery were asked to leave."),
                 item("4", "Caretaker grievance", "Noted.")) == [False, True]
    assert flags(item("3", "Fete", "Visitors were asked to leave their names at the door."),
                 item("4", "Bunting", "Noted.")) == [False, False]
    assert flags(item("5", "Rates", "The bill was considered in committee of the whole."),
                 item("6", "Parks", "Noted.")) == [False, False]


def test_a_statutes_bracketed_jurisdiction_and_year_are_part_of_its_name():
    found = exemptions(Layout([], [
        item("30", "IN CONFIDENCE", "It was agreed that the committee move into confidential session "
             "under Section 17(3) of the Local Government Act (Northern Ireland) 2019."),
        item("31", "Depot staffing", "Agreed.")]))
    assert found[1] == Exemption(True, None, "Section 17(3) of the Local Government Act (Northern Ireland) 2019")
    found = exemptions(Layout([], [
        item("2", "Exclusion of the public", "The Board resolved under Section 50A(4) of the Local "
             "Government (Scotland) Act 1973 to exclude the public."),
        item("3", "Harbour lease", "Agreed.")]))
    assert found[1].basis == "Section 50A(4) of the Local Government (Scotland) Act 1973"


def test_several_paragraphs_in_a_title_mark_keep_the_first_and_the_words():
    found = exemptions(Layout([], [item("43", "RESCUE CREW ROTA (EXEMPT - PARAGRAPHS 1 AND 4)", "Agreed.")]))
    assert found == [Exemption(True, 1, "PARAGRAPHS 1 AND 4")]


def test_committee_and_statute_patterns_finish_on_hostile_lines():
    for text in ("Section 1 of the " + "(Ab Cd) " * 120_000, "Section 1(2) of the A" + ": " * 500_000,
                 "consider " + "the " * 250_000 + "in committee", "public " + "and " * 250_000,
                 "in-committee items " * 50_000, "C.1/" * 250_000):
        exemptions(Layout([], [item("1", text[:5000], text), item(None, text[:300], text)]))
