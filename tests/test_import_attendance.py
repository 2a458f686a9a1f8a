"""Attendance and declarations of interest read from minutes (invented text only)."""

from __future__ import annotations

from clerk_tui.importer.attendance import Declared, Person, attendance_in, attendance_lines, declarations_in
from clerk_tui.importer.blocks import ItemBlock, Layout
from clerk_tui.importer.documents import Line
from clerk_tui.models import DeclarationKind


def lines(*texts: str) -> list[Line]:
    return [Line(text) for text in texts]


def people(*preamble: str, items: list[ItemBlock] | None = None) -> list[Person]:
    return attendance_in(Layout(lines(*preamble), items or []))


def pairs(found: list[Person]) -> list[tuple[str, str]]:
    return [(person.name, person.status) for person in found]


# --- lists after a label -------------------------------------------------------------

def test_present_on_one_line_with_commas_and_and():
    found = people("Present: Cllr Ada Quell, Cllr Bo Rimmer and Cllr Cy Tarrant")
    assert pairs(found) == [("Cllr Ada Quell", "present"), ("Cllr Bo Rimmer", "present"),
                            ("Cllr Cy Tarrant", "present")]


def test_role_in_brackets_is_apart_from_the_name():
    found = people("Present: Councillor S. Pellow (Chair), Councillor T. Varga (Vice-Chair)")
    assert found[0] == Person("Councillor S. Pellow", "present", "Chair")
    assert found[1].role == "Vice-Chair"


def test_plural_group_word_is_not_part_of_the_names():
    found = people("PRESENT Messrs Wardle, Penhallow, Brisk and Mrs. Oddie.")
    assert [p.name for p in found] == ["Wardle", "Penhallow", "Brisk", "Mrs. Oddie"]


def test_members_present_one_a_line_and_bullets():
    found = attendance_in(Layout([Line("Members Present:"), Line("Mayor K. Ostrander", "bullet"),
                                  Line("Councillor P. Yelland", "bullet"),
                                  Line("Councillor R. Quist", "bullet")], []))
    assert [p.name for p in found] == ["K. Ostrander", "Councillor P. Yelland", "Councillor R. Quist"]
    assert found[0].role == "Mayor"


def test_present_in_capitals_without_colon():
    found = people("PRESENT Mrs J Penberthy, Mr K Lowry")
    assert pairs(found) == [("Mrs J Penberthy", "present"), ("Mr K Lowry", "present")]


def test_councillors_present_and_sederunt():
    assert pairs(people("Councillors present: Alvey, Brisco")) == [("Alvey", "present"), ("Brisco", "present")]
    assert [p.name for p in people("Sederunt: Councillor Iona Strachan, Councillor Hamish Tulloch")] == \
        ["Councillor Iona Strachan", "Councillor Hamish Tulloch"]


def test_roll_call_names_the_present():
    found = people("Roll call: Mayor Dunmore, Councilmembers Akers, Belton & Crouse.")
    assert [p.name for p in found] == ["Dunmore", "Akers", "Belton", "Crouse"]
    assert {p.status for p in found} == {"present"}


def test_three_statuses_flattened_on_one_line():
    found = people("Present at roll call: Mayor Vint, Councilmembers Orrell and Schuyl. "
                   "Absent: Councilmember Haverly. Also present: Jem Sprocket")
    assert pairs(found) == [("Vint", "present"), ("Orrell", "present"), ("Schuyl", "present"),
                            ("Councilmember Haverly", "absent"), ("Jem Sprocket", "in attendance")]


def test_officers_and_staff_are_in_attendance_with_their_roles():
    found = people("Officers present: Chief Executive, J Bloggsworth; Head of Finance, K Amberley")
    assert found == [Person("J Bloggsworth", "in attendance", "Chief Executive"),
                     Person("K Amberley", "in attendance", "Head of Finance")]
    staff = people("Staff present: City Manager Orla Fenwick, Recording Secretary Tam Ruddock.")
    assert staff == [Person("Orla Fenwick", "in attendance", "City Manager"),
                     Person("Tam Ruddock", "in attendance", "Recording Secretary")]


def test_name_then_role_after_a_comma():
    found = people("In attendance: Mr Edwin Parge, Chief Executive Officer; Ms Lil Hobart, Executive Assistant")
    assert found == [Person("Mr Edwin Parge", "in attendance", "Chief Executive Officer"),
                     Person("Ms Lil Hobart", "in attendance", "Executive Assistant")]


def test_offices_alone_one_a_line_are_in_attendance():
    found = people("In Attendance:", "Chief Executive", "Director of Finance")
    assert pairs(found) == [("Chief Executive", "in attendance"), ("Director of Finance", "in attendance")]


def test_office_then_person_in_brackets():
    found = people("Officials in attendance: Deputy Chief Executive (Mr. Q. Tennant), "
                   "Director, Roads and Parks (Ms. R. Oyelaran)")
    assert [p.name for p in found] == ["Mr. Q. Tennant", "Ms. R. Oyelaran"]
    assert found[0].role == "Deputy Chief Executive"


def test_apologies_label_and_absent_label():
    found = people("Apologies: Cllr Mabe and Cllr Nancarrow", "Absent: Cllr Pascoe")
    assert pairs(found) == [("Cllr Mabe", "apologies"), ("Cllr Nancarrow", "apologies"),
                            ("Cllr Pascoe", "absent")]


def test_initials_are_kept_and_notes_dropped():
    found = people("Present: Cllr A.B. Fenn (part meeting), Cllr C Gorrie (from 7.40pm), "
                   "Cllr D Hosk left after item 6")
    assert [p.name for p in found] == ["Cllr A.B. Fenn", "Cllr C Gorrie", "Cllr D Hosk"]


def test_members_of_the_public_are_not_people():
    found = people("PRESENT Mr. Tolley, Mrs. Vane and Messrs Ewart and Yeo, plus nine members of the public.")
    assert [p.name for p in found] == ["Mr. Tolley", "Mrs. Vane", "Ewart", "Yeo"]


def test_the_gallery_is_not_attendance():
    found = people("ATTENDANCE Crs P Arkle, Q Bream & R Cotter OFFICERS PRESENT Mr Sol Dace, Chief "
                   "Executive Officer GALLERY Mr Ugo Fane Mr Vic Gell There were 2 people in the gallery.")
    assert pairs(found) == [("P Arkle", "present"), ("Q Bream", "present"), ("R Cotter", "present"),
                            ("Mr Sol Dace", "in attendance")]


def test_a_word_in_a_heading_is_not_a_person():
    found = people("Present: Cllr Olwen Traske", "Declarations of interest",
                   "There were no declarations.")
    assert pairs(found) == [("Cllr Olwen Traske", "present")]


def test_glued_table_cells_are_separate_people():
    found = people("Board Members:Ruth KellowChairSimon Pardoe", "Staff:Gwen TallackFinance Director")
    assert [(p.name, p.status, p.role) for p in found] == [
        ("Ruth Kellow", "present", "Chair"), ("Simon Pardoe", "present", None),
        ("Gwen Tallack", "in attendance", "Finance Director")]


def test_two_column_table_with_slashes_and_absence_asterisks():
    found = people("Members:", "Dr A Pengelly (President in the Chair)", "Mrs B Rowe / Mr C Skewes*",
                   "*Absent")
    assert pairs(found) == [("Dr A Pengelly", "present"), ("Mrs B Rowe", "present"),
                            ("Mr C Skewes", "absent")]


def test_group_headings_without_a_present_label():
    found = people("At a MEETING of the ROADS COMMITTEE held on 3rd May.", "Provost Ian TREWIN",
                   "BAILIES", "Moira KESSOCK", "COUNCILLORS", "Rab DINNET", "Ewan FOTHERBY",
                   "Councillor Rab DINNET, Convener, in the Chair.")
    assert pairs(found) == [("Provost Ian TREWIN", "present"), ("Moira KESSOCK", "present"),
                            ("Rab DINNET", "present"), ("Ewan FOTHERBY", "present")]


def test_name_alone_lines_under_an_attendance_item():
    item = ItemBlock("1", "Calling of the Roll and Apologies for Absence",
                     lines("Mr T Annick, Mrs U Bevis, Dr V Carnell"))
    assert pairs(people(items=[item])) == [("Mr T Annick", "present"), ("Mrs U Bevis", "present"),
                                           ("Dr V Carnell", "present")]


# --- sentences -----------------------------------------------------------------------

def test_apologies_were_received_from_councillors():
    found = people("Apologies were received from Councillors Elphick and Fortune.")
    assert pairs(found) == [("Elphick", "apologies"), ("Fortune", "apologies")]


def test_apologies_for_absence_had_been_received_from():
    item = ItemBlock("1", "Apologies and other business",
                     lines("Apologies for absence had been received from Olly Treen and Pat Vosper; "
                           "these were accepted."))
    assert pairs(people(items=[item])) == [("Olly Treen", "apologies"), ("Pat Vosper", "apologies")]


def test_apology_sentence_with_roles_and_abbreviated_honorifics():
    found = people("That apologies be received from Mr. T. Rudd, Chief Executive Ashcombe Council "
                   "and Ms. U. Saye, Chief Executive Brayford Council.")
    assert [(p.name, p.role) for p in found] == [("Mr. T. Rudd", "Chief Executive Ashcombe Council"),
                                                 ("Ms. U. Saye", "Chief Executive Brayford Council")]


def test_apology_on_behalf_of_and_apologised():
    assert pairs(people("An apology was recorded on behalf of the Deputy Mayor, Councillor W Yabsley.")) \
        == [("Councillor W Yabsley", "apologies")]
    assert pairs(people("Councillor Idris Vaughan apologised for his inability to attend.")) \
        == [("Councillor Idris Vaughan", "apologies")]


def test_apologies_received_from_a_list_below():
    found = people("Apologies have been received from:", "Professor Quenby", "Mr Ruan")
    assert pairs(found) == [("Professor Quenby", "apologies"), ("Mr Ruan", "apologies")]


def test_no_apologies_from_someone_means_absent():
    item = ItemBlock("1.00", "APOLOGIES", lines("No apologies were received from K Ollerton"))
    assert pairs(people(items=[item])) == [("K Ollerton", "absent")]


def test_was_absent():
    assert pairs(people("Councillor Merrow was absent.")) == [("Councillor Merrow", "absent")]


def test_substitutes():
    found = people("Present: Cllr Ames, Cllr Boult (substitute for Cllr Crane)")
    assert found[1] == Person("Cllr Boult", "substitute", None, "Cllr Crane")
    sentence = people("Cllr Dacre attended as substitute for Cllr Elmer.")
    assert sentence == [Person("Cllr Dacre", "substitute", None, "Cllr Elmer")]


def test_apologies_for_a_previous_meeting_are_not_attendance():
    item = ItemBlock("3", "Minutes of the previous meeting",
                     lines("The minutes were amended to record apologies from Cllr Foss."))
    assert people(items=[item]) == []
    other = ItemBlock("4", "Apologies", lines("Apologies from Cllr Gunn for the previous meeting were noted."))
    assert people(items=[other]) == []


def test_apologies_title_without_names_is_not_attendance():
    item = ItemBlock("1", "Apologies for absence", lines("There were no apologies."))
    assert people(items=[item]) == []


def test_in_the_chair_is_present_once():
    found = people("Present: Ms P Harwood, Mr Q Ince", "Ms P Harwood in the Chair")
    assert pairs(found) == [("Ms P Harwood", "present"), ("Mr Q Ince", "present")]


def test_attendance_lines_are_the_lines_read():
    preamble = lines("MINUTES OF THE PARKS BOARD", "Present: Cllr Jory, Cllr Kitto",
                     "Also present: Mr L Ladner (Clerk)", "The Chair welcomed everyone to the meeting.")
    assert attendance_lines(preamble) == [1, 2]


def test_a_table_row_of_names_with_codes_and_their_legend():
    row = ("Mr AB Trelawny (Chairman) A Mrs CD Opie P Mr EF Nance P Cllr G Rowe N "
           "P = present, A = apology, N = non-attendance |")
    found = people(items=[ItemBlock("1", "Attendance |", lines(row))])
    assert [(p.name, p.status, p.role) for p in found] == [
        ("Mr AB Trelawny", "apologies", "Chairman"), ("Mrs CD Opie", "present", None),
        ("Mr EF Nance", "present", None), ("Cllr G Rowe", "absent", None)]


def test_an_honorific_at_the_end_of_a_line_joins_the_next():
    found = people("Also present: Ms Nell Ashby, Health Service; Sgt", "Rob Kemble, Police")
    assert [p.name for p in found] == ["Ms Nell Ashby", "Sgt Rob Kemble"]


def test_hostile_lines_finish():
    for text in (" " * 1_000_000, "(" * 1_000_000, "1" * 1_000_000,
                 "Present: " + "Mr A B, " * 120_000, "Apologies from " * 60_000):
        layout = Layout([Line(text)], [ItemBlock("1", "Apologies", [Line(text[:5000])])])
        attendance_in(layout)
        declarations_in(layout)
        attendance_lines(layout.preamble)


# --- declarations --------------------------------------------------------------------

def declared(*items: ItemBlock, preamble: tuple[str, ...] = ()) -> list[Declared]:
    return declarations_in(Layout(lines(*preamble), list(items)))


def test_declared_a_personal_interest_in_an_item():
    found = declared(ItemBlock("2", "Declarations of interest", lines(
        "Cllr Wenna Prowse declared a personal interest in item 6 as a member of the rowing club.")))
    assert found == [Declared("Cllr Wenna Prowse", "6", DeclarationKind.PERSONAL, "personal",
                              "in item 6 as a member of the rowing club")]


def test_disclosable_pecuniary_and_unknown_kinds():
    found = declared(ItemBlock("2", "Declarations of interest", lines(
        "Councillor Tremayne declared a disclosable pecuniary interest in minute 12.",
        "Councillor Uren declared a ‘significant other interest’ in item 9.")))
    assert [(d.member, d.item_number, d.kind) for d in found] == [
        ("Councillor Tremayne", "12", DeclarationKind.PECUNIARY), ("Councillor Uren", "9", None)]
    assert found[1].stated_kind == "significant other"


def test_several_members_and_several_items():
    found = declared(ItemBlock("I", "DECLARATIONS OF INTEREST", lines(
        "Councillors Avery and Bligh, and Bailie Corran, declared non-financial interests in "
        "respect of Articles VI and VII by virtue of their board seats.")))
    assert [(d.member, d.item_number) for d in found] == [
        ("Avery", "VI"), ("Avery", "VII"), ("Bligh", "VI"), ("Bligh", "VII"),
        ("Bailie Corran", "VI"), ("Bailie Corran", "VII")]


def test_declaration_under_another_item_takes_that_item():
    found = declared(ItemBlock("38", "Rezoning of Elm Lot", lines(
        "Motion Carried 6-0. Council Member Ostler declares a conflict of interest, and abstains.")))
    assert [(d.member, d.item_number, d.kind) for d in found] == [
        ("Ostler", "38", DeclarationKind.CONFLICT)]


def test_there_were_no_declarations_is_none():
    found = declared(ItemBlock("2", "Declarations of interest", lines("There were no declarations.")),
                     ItemBlock("3", "Disclosures", lines("No declarations of interest were made.")))
    assert found == []


def test_register_style_lines_under_a_conflicts_item():
    found = declared(ItemBlock("2", "CONFLICT OF INTEREST", lines(
        "RT is a governor of Lowmoor School. KB-J is employed by Fenwick Ltd.")))
    assert [(d.member, d.item_number) for d in found] == [("RT", None), ("KB-J", None)]


def test_named_lines_under_the_declarations_item():
    found = declared(ItemBlock("3", "Declarations of interest", lines(
        "The following declarations were noted:", "Dr P Quiller – Trustee of the Harbour Trust")))
    assert [(d.member, d.text) for d in found] == [("Dr P Quiller", "Trustee of the Harbour Trust")]


def test_a_heading_in_capitals_names_no_one():
    found = Layout([], [ItemBlock("4", "APOLOGIES AND CONDOLENCES",
                                  [Line("Cr Ivy Marram sent her apologies.")])])
    assert [(p.name, p.status) for p in attendance_in(found)] == [("Cr Ivy Marram", "apologies")]


# --- column rows, dashes and office labels ----------------------------------------------

def test_column_rows_keep_the_name_apart_from_the_office():
    # a column gap reaches the importer as one space: the office is read from its words
    found = people("Present:", "Dr Wren Talbot Chair", "Ossie Marchant Chief Executive",
                   "Perdita Gale Chief Nurse", "In attendance:", "Rufus Tane Head of Visitor Experience (item 4)",
                   "Ilse Brock Board Secretary (minutes)")
    assert [(p.name, p.status) for p in found] == [
        ("Dr Wren Talbot", "present"), ("Ossie Marchant", "present"), ("Perdita Gale", "present"),
        ("Rufus Tane", "in attendance"), ("Ilse Brock", "in attendance")]
    assert [p.role for p in found[:4]] == ["Chair", "Chief Executive", "Chief Nurse",
                                           "Head of Visitor Experience"]


def test_a_member_with_the_body_they_represent():
    found = people("PRESENT:", "Councillor V Haldane (in the Chair) Skelmoor Metropolitan Borough Council",
                   "Councillor W Iqbal Fenbury Council",
                   "Councillor Y Oduya (substitute for Councillor Z Prout) Fenbury Council")
    assert [(p.name, p.status, p.role) for p in found] == [
        ("Councillor V Haldane", "present", "Skelmoor Metropolitan Borough Council"),
        ("Councillor W Iqbal", "present", "Fenbury Council"),
        ("Councillor Y Oduya", "substitute", "Fenbury Council")]
    assert found[2].substitute_for == "Councillor Z Prout"


def test_name_dash_office_lines_under_each_label():
    found = people("Present:", "Mrs Tamsin Holloway (Chair) - Foundation Governor",
                   "Mr Kit Arrow - Parent Governor", "Revd Ada Fenn - Ex officio Foundation Governor",
                   "Mrs Lou Pike - Staff Governor", "In attendance:", "Mrs Gwen Tull - Clerk to Governors",
                   "Apologies:", "Ms Nia Rhod - Co-opted Governor (apologies accepted)",
                   "Absent:", "Mr Sol Venn - Parent Governor", "The meeting was quorate.")
    assert [(p.name, p.status, p.role) for p in found] == [
        ("Mrs Tamsin Holloway", "present", "Chair"), ("Mr Kit Arrow", "present", "Parent Governor"),
        ("Revd Ada Fenn", "present", "Foundation Governor"), ("Mrs Lou Pike", "present", "Staff Governor"),
        ("Mrs Gwen Tull", "in attendance", "Clerk to Governors"),
        ("Ms Nia Rhod", "apologies", "Co-opted Governor"), ("Mr Sol Venn", "absent", "Parent Governor")]


def test_dash_office_with_its_organisation_after_a_comma():
    found = people("Also in attendance:", "Orla Benn - Police and Crime Commissioner",
                   "Hal Pruitt - Chief Finance Officer, OPCC")
    assert [(p.name, p.role) for p in found] == [("Orla Benn", "Police and Crime Commissioner"),
                                                 ("Hal Pruitt", "Chief Finance Officer")]


def test_dash_note_of_leave_of_absence_is_an_apology():
    found = people(items=[ItemBlock("3", "Apologies and leave of absence", lines(
        "Cr Petra Lunn - leave of absence granted at the May meeting."))])
    assert pairs(found) == [("Cr Petra Lunn", "apologies")]
    present = people("Present:", "Cr Ann Webb", "Cr Bo Lisle - leave of absence")
    assert pairs(present) == [("Cr Ann Webb", "present"), ("Cr Bo Lisle", "apologies")]


def test_department_after_a_dash_is_not_a_person():
    found = people("Officers present:", "Group Manager - Coastal Infrastructure")
    assert [p.name for p in found] == ["Group Manager - Coastal Infrastructure"]


def test_bare_names_one_a_line_after_a_name_with_an_office():
    found = people("Present:", "Hattie Morrow (Chair)", "Osric Penn", "Della Fane",
                   "Chief Executive: Wyn Carrow", "Apologies: Rex Dunne")
    assert [(p.name, p.status, p.role) for p in found] == [
        ("Hattie Morrow", "present", "Chair"), ("Osric Penn", "present", None),
        ("Della Fane", "present", None), ("Wyn Carrow", "present", "Chief Executive"),
        ("Rex Dunne", "apologies", None)]


def test_office_first_and_name_first_after_commas_in_a_titled_list():
    found = people("Present:", "Mayor Hugo Lantz", "Councillor Bea Ruddle", "Staff:",
                   "CAO, Mira Sandoval", "Clerk, Tobias Wren", "Director of Parks, Idris Kale")
    assert [(p.name, p.role) for p in found[2:]] == [
        ("Mira Sandoval", "CAO"), ("Tobias Wren", "Clerk"), ("Idris Kale", "Director of Parks")]
    attending = people("Present:", "Cllr Una Ferris", "Also attending:", "Nell Ashdown, Director of Finance",
                       "Piers Lyle, Director of Homes", "Mr Amos Kett, Director Infrastructure",
                       "Ms Ro Vance, Minute Secretary")
    assert [(p.name, p.role) for p in attending[1:]] == [
        ("Nell Ashdown", "Director of Finance"), ("Piers Lyle", "Director of Homes"),
        ("Mr Amos Kett", "Director Infrastructure"), ("Ms Ro Vance", "Minute Secretary")]


def test_an_organisation_after_an_office_is_not_a_person():
    found = people("In attendance: Mr Abel Crane / Senior Audit Manager, Audit Wales")
    assert [(p.name, p.role) for p in found] == [("Mr Abel Crane", "Senior Audit Manager")]


def test_the_tier_of_a_council_is_part_of_the_honorific():
    found = people("In attendance: Mrs E. Lark (Clerk), District Cllr F. Nobes, County Councillor G Ibb, "
                   "2 members of the public.")
    assert [p.name for p in found] == ["Mrs E. Lark", "District Cllr F. Nobes", "County Councillor G Ibb"]


def test_the_last_of_a_list_with_offices_in_brackets_and_a_stop():
    found = people("In Attendance:", "Iona Reid (Director of Learning), Cal Moir (Head of Legal Services) "
                   "and Kenna Bain (Committee Officer).")
    assert [(p.name, p.role) for p in found] == [
        ("Iona Reid", "Director of Learning"), ("Cal Moir", "Head of Legal Services"),
        ("Kenna Bain", "Committee Officer")]


def test_in_the_chair_by_surname_is_the_member_already_listed():
    found = people("Sederunt:", "Councillor Ailsa Drummond (Convener)", "Councillor Rory Bain",
                   "Councillor Drummond, Convener, in the Chair.")
    assert pairs(found) == [("Councillor Ailsa Drummond", "present"), ("Councillor Rory Bain", "present")]


def test_initials_written_after_names_are_not_part_of_them():
    found = people("Trustees present: Wilma Oake (Chair) WO, Jude Penn JP, Tariq Vell TV")
    assert [p.name for p in found] == ["Wilma Oake", "Jude Penn", "Tariq Vell"]


# --- labels ---------------------------------------------------------------------------

def test_regrets_and_leave_of_absence_are_apologies():
    found = people("Present:", "Mayor Lorne Petit", "Regrets:", "Councillor Dana Fyfe",
                   "Leave of absence: Councillor Eli Groat")
    assert pairs(found) == [("Lorne Petit", "present"), ("Councillor Dana Fyfe", "apologies"),
                            ("Councillor Eli Groat", "apologies")]


def test_a_label_after_its_translation():
    found = people("Presennol / Present: Cllr Heledd Morgan (Maer / Mayor), Cllr Osian Rees",
                   "Hefyd yn bresennol / Also present: Mrs Lowri Tudur (Clerc / Clerk)")
    assert pairs(found) == [("Cllr Heledd Morgan", "present"), ("Cllr Osian Rees", "present"),
                            ("Mrs Lowri Tudur", "in attendance")]


def test_the_body_and_its_place_are_not_people():
    found = people("BOARD OF COUNTY COMMISSIONERS", "ASHBY COUNTY, NEBRASKA", "REGULAR MEETING MINUTES",
                   "Present: Commissioners Vera Holm, Abe Lutz.")
    assert pairs(found) == [("Vera Holm", "present"), ("Abe Lutz", "present")]


def test_a_vote_under_a_roll_call_item_names_no_one_present():
    found = people(items=[ItemBlock("2", "Roll call", lines(
        "Present: Mayor Ned Orme, Councilmembers Bly and Cobb.",
        "Motion by Orme, second by Bly, to excuse Councilmember Dunn.",
        "Ayes: Orme, Bly, Cobb. Nays: None."))])
    assert pairs(found) == [("Ned Orme", "present"), ("Bly", "present"), ("Cobb", "present")]


def test_an_unnumbered_first_item_carries_on_the_opening_list():
    layout = Layout(lines("VALE FIRE PANEL", "Members:", "Councillor Jo Amis (Chairman), Councillor Ty Bex",
                          "Also in attendance:"),
                    [ItemBlock(None, "Ravi Sood - Fire Commissioner", lines("Mae Quinn - Panel Officer")),
                     ItemBlock("1", "Apologies", lines("There were no apologies."))])
    assert pairs(attendance_in(layout))[2:] == [("Ravi Sood", "in attendance"), ("Mae Quinn", "in attendance")]


def test_an_unnumbered_title_block_item_holding_the_lists():
    layout = Layout(lines("LLANDEWI TOWN COUNCIL"),
                    [ItemBlock(None, "MINUTES OF THE FULL COUNCIL MEETING", lines(
                        "Held at the Town Hall on Monday 3 March 2025 at 7pm",
                        "PRESENT: Cllr Iwan Bevan, Cllr Non Price")),
                     ItemBlock("1", "Apologies", lines("Apologies were received from Cllr Rhys Owen."))])
    assert pairs(attendance_in(layout)) == [("Cllr Iwan Bevan", "present"), ("Cllr Non Price", "present"),
                                            ("Cllr Rhys Owen", "apologies")]


def test_hostile_dashes_and_columns_finish():
    for text in (" - " * 300_000, "Mr A - " * 150_000, "(" + " - x" * 250_000, "Present: " + "Ann Cole Chief " * 70_000,
                 "Chief Executive: " * 60_000):
        layout = Layout([Line("Present:"), Line(text)], [ItemBlock(None, text[:3000], [Line(text)])])
        attendance_in(layout)
        attendance_lines(layout.preamble)


# --- declarations: kinds and items ------------------------------------------------------

def test_an_interest_with_no_kind_has_none():
    found = declared(ItemBlock("B01/24", "Declarations of interest", lines(
        "Owain Pugh declared an interest as a tenant in paper B05/24 (service charges).")))
    assert [(d.member, d.item_number, d.kind, d.stated_kind) for d in found] == [
        ("Owain Pugh", "B05/24", None, None)]


def test_minute_number_named_and_a_doubled_space_in_the_kind():
    found = declared(ItemBlock("41/22", "Declarations of interest", lines(
        "Councillor Lamb declared a disclosable pecuniary interest in Minute No. 48/22.",
        "Cr Yusuf declared a declarable  conflict of interest in item 9.3 as a neighbour.")))
    assert [(d.member, d.item_number) for d in found] == [("Councillor Lamb", "48/22"), ("Cr Yusuf", "9.3")]
    assert found[1].stated_kind == "declarable conflict of interest"
    assert found[1].kind == DeclarationKind.CONFLICT


# --- wave 4: labels and sentences found by a second blind check ----------------------

def test_attending_names_the_members_present_and_officials_the_officers():
    found = people("Attending: Cllr Oona Frisk, Cllr Pat Denholm", "OFFICIALS: Ms Una Pryce (Town Clerk)")
    assert [(p.name, p.status) for p in found] == [
        ("Cllr Oona Frisk", "present"), ("Cllr Pat Denholm", "present"), ("Ms Una Pryce", "in attendance")]
    assert found[2].role == "Town Clerk"


def test_in_the_chair_as_a_label():
    assert pairs(people("In the Chair: Councillor P Odrowaz")) == [("Councillor P Odrowaz", "present")]


def test_in_the_chair_in_capitals_mid_line_is_a_note_not_a_label():
    found = people("Present: Cllr Ada Quell IN THE CHAIR, Cllr Bo Rimmer")
    assert ("Cllr Bo Rimmer", "present") in pairs(found)
    assert all(p.status == "present" for p in found)


def test_offices_each_with_a_name_in_brackets_joined_by_and():
    found = people("Officers: Head of Housing Services (Mr B Tolland) and Committee Clerk (Ms E Varn)")
    assert [(p.name, p.role) for p in found] == [
        ("Mr B Tolland", "Head of Housing Services"), ("Ms E Varn", "Committee Clerk")]


def test_an_office_joined_by_and_still_goes_on():
    found = people("Officers: Ms Jo Penrice (Director of Parks and Leisure)")
    assert [(p.name, p.role) for p in found] == [("Ms Jo Penrice", "Director of Parks and Leisure")]


def test_an_office_label_ending_in_a_title_is_the_office():
    found = people("Present: Chair Ann Oake", "Student Trustee: Remy Stormcloud")
    assert found[-1] == Person("Remy Stormcloud", "present", "Student Trustee")


def test_apologies_recorded_for():
    found = people("Apologies for inability to attend were recorded for Councillors Fenn and Gatsby.")
    assert pairs(found) == [("Fenn", "apologies"), ("Gatsby", "apologies")]


def test_leave_of_absence_granted_is_an_apology():
    found = people("Leave of absence was granted to Cllr T. Wexby and Cllr U. Morrow.")
    assert pairs(found) == [("Cllr T. Wexby", "apologies"), ("Cllr U. Morrow", "apologies")]


def test_absent_without_leave():
    assert pairs(people("Councillor Hal Prentiss was absent without leave.")) == [
        ("Councillor Hal Prentiss", "absent")]


def test_two_people_sent_their_apologies():
    found = people("Those present were Cllr Ivo Brask and Cllr Jan Tolle. Ned Farrow and Lila Quorne "
                   "sent their apologies.")
    assert pairs(found) == [("Cllr Ivo Brask", "present"), ("Cllr Jan Tolle", "present"),
                            ("Ned Farrow", "apologies"), ("Lila Quorne", "apologies")]


def test_for_whom_a_substitute_attended_in_a_sentence_and_a_list():
    found = people("Apologies were received from Councillor D Ormsby, for whom Councillor N Hale "
                   "attended as substitute.")
    assert ("Councillor D Ormsby", "apologies") in pairs(found)
    sub = [p for p in found if p.status == "substitute"]
    assert [(p.name, p.substitute_for) for p in sub] == [("Councillor N Hale", "Councillor D Ormsby")]
    found = people("Apologies: Councillor Q Dunmore (for whom Councillor R Ettrick attended as substitute)")
    assert ("Councillor Q Dunmore", "apologies") in pairs(found)
    assert ("Councillor R Ettrick", "substitute") in pairs(found)


def test_wave4_patterns_on_hostile_lines_finish():
    for text in ("for whom " * 100_000, "A " * 500_000 + "for whom", "Leave of absence was granted to "
                 + "A, " * 300_000, "A and " * 200_000 + "sent their apologies", "(" * 1_000_000,
                 "Attending: " + "Mr " * 300_000):
        people(text)


def test_also_present_broken_over_two_lines_in_a_column():
    found = people("PRESENT:     Councillor A Rowe (Chairman)", "",
                   "ALSO         Councillor V Ixworth (Ward Member)", "PRESENT:")
    assert pairs(found) == [("Councillor A Rowe", "present"), ("Councillor V Ixworth", "in attendance")]


def test_attending_after_the_members_present_lists_others():
    found = people("Present: Cllr Oona Frisk", "Attending: Ms Una Pryce (Town Clerk)")
    assert pairs(found) == [("Cllr Oona Frisk", "present"), ("Ms Una Pryce", "in attendance")]
