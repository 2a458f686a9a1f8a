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
