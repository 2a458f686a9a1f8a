"""Attendance in the many shapes minutes give it (invented text only)."""

from __future__ import annotations

from clerk_tui.importer.attendance import Person
from clerk_tui.importer.blocks import ItemBlock
from test_import_attendance import lines, pairs, people

# --- informal headings ------------------------------------------------------------------

def test_informal_here_sorry_and_also_came():
    found = people("Here: Nuala (chair), Brock, Tamsin Oyelaran, Fitz",
                   "Sorry couldn't make it: Odile, Rory Pengelly",
                   "Also came: Wren from Quayside Lettings (lettings officer) for the first half")
    assert pairs(found) == [("Nuala", "present"), ("Brock", "present"), ("Tamsin Oyelaran", "present"),
                            ("Fitz", "present"), ("Odile", "apologies"), ("Rory Pengelly", "apologies"),
                            ("Wren", "in attendance")]
    assert found[0].role == "chair"
    assert found[-1].role == "lettings officer"


def test_unable_to_attend_and_visitors():
    found = people("Unable to attend: Mrs P Quenby", "Visitors: Mr D Ashgrove")
    assert pairs(found) == [("Mrs P Quenby", "apologies"), ("Mr D Ashgrove", "in attendance")]


def test_a_sentence_from_someone_of_a_body_is_no_list():
    found = people("Present: Cllr A Vetch", "Hollis from the county said the bridge would close")
    assert pairs(found) == [("Cllr A Vetch", "present")]


def test_calling_of_the_roll_is_no_person():
    item = ItemBlock("1", "Calling of the Roll and Apologies for Absence", lines("Mr T Oban, Mrs U Pratley"))
    assert [p.name for p in people(items=[item])] == ["Mr T Oban", "Mrs U Pratley"]


# --- group labels and disambiguators -----------------------------------------------------

def test_councillors_label_after_a_titled_chair_keeps_bare_surnames():
    found = people("PRESENT:", "Cathaoirleach: Cllr. Meabh Ó Fearghail",
                   "Councillors: Ardagh, Bourke, Corrigan (T.), Corrigan (S.), Mac Suibhne, Tuohy.")
    assert [p.name for p in found] == ["Cllr. Meabh Ó Fearghail", "Ardagh", "Bourke", "Corrigan (T.)",
                                       "Corrigan (S.)", "Mac Suibhne", "Tuohy"]
    assert found[0].role == "Cathaoirleach"


def test_office_with_bare_name_in_brackets():
    found = people("IN ATTENDANCE: Chief Executive (Rawiri Tane), Group Manager Infrastructure (Ellen Mackle)")
    assert found == [Person("Rawiri Tane", "in attendance", "Chief Executive"),
                     Person("Ellen Mackle", "in attendance", "Group Manager Infrastructure")]


def test_names_run_together_with_initials_in_brackets():
    found = people("Governors Present: Ola Brenn (OB) Chair Kit Soames (KS) Headteacher Ivy Lunt (IL) "
                   "Rae Pask-Dorey (RP-D)")
    assert [(p.name, p.role) for p in found] == [("Ola Brenn", "Chair"), ("Kit Soames", "Headteacher"),
                                                 ("Ivy Lunt", None), ("Rae Pask-Dorey", None)]


def test_a_name_after_a_bracket_starts_a_new_entry():
    found = people("Present: Councillors: Orla Venn(Chair) Piet Hadley")
    assert [p.name for p in found] == ["Orla Venn", "Piet Hadley"]


def test_office_with_a_field_that_is_also_a_heading_word():
    found = people("Also in attendance: Lyle Orrin Director of Business Tamar Amory Clerk")
    assert [(p.name, p.role) for p in found] == [("Lyle Orrin", "Director of Business"), ("Tamar Amory", "Clerk")]


def test_other_members_label_is_in_attendance():
    found = people("PRESENT: Councillor B Lusk (Chairman)", "OTHER MEMBERS: Councillor K Darrow and M Pettifer")
    assert pairs(found) == [("Councillor B Lusk", "present"), ("Councillor K Darrow", "in attendance"),
                            ("M Pettifer", "in attendance")]


def test_heading_in_capitals_that_is_a_label_sets_the_status():
    item = ItemBlock(None, "OTHER MEMBERS IN ATTENDANCE", lines("Councillor Gwen Astley"))
    assert pairs(people("PRESENT: Cllr R Vole", items=[item])) == [
        ("Cllr R Vole", "present"), ("Councillor Gwen Astley", "in attendance")]


def test_an_organisation_alone_is_no_one():
    assert people("IN ATTENDANCE: Brackwater Borough Council") == []


def test_offices_and_names_a_line_each_are_not_people():
    found = people("IN ATTENDANCE", "Chief Executive", "Nell Farrow", "Head of Parks", "Ivo Trant",
                   "Governance Lead", "Sia Mbatha")
    assert pairs(found) == [("Nell Farrow", "in attendance"), ("Ivo Trant", "in attendance"),
                            ("Sia Mbatha", "in attendance")]


def test_offices_alone_stay_when_no_names_follow():
    found = people("In attendance:", "Head of Finance", "Democratic Services Officer")
    assert [p.name for p in found] == ["Head of Finance", "Democratic Services Officer"]


# --- sentences -----------------------------------------------------------------------

def test_apologies_each_from_with_a_reason_between():
    item = ItemBlock("1", "Apologies", lines(
        "Apologies were received from Cllr Hal Denby, for whom Cllr Oona Pike substituted, "
        "and from Cllr Mina Goss."))
    found = people(items=[item])
    assert ("Cllr Hal Denby", "apologies") in pairs(found)
    assert ("Cllr Mina Goss", "apologies") in pairs(found)


def test_apology_for_absence_in_a_resolution():
    item = ItemBlock("2", "Apologies", lines(
        "Resolution AB/2031/07", "Moved: Cr Lomu", "Seconded: Cr Patel",
        "That the apology from Cr Tevita Fonua for absence be received and accepted.", "CARRIED"))
    assert pairs(people(items=[item])) == [("Cr Tevita Fonua", "apologies")]


def test_not_present_and_no_apology_is_absent():
    found = people("Present: Cllr Ely Brand",
                   "Cllr Jory Hext was not present and had sent no apology.")
    assert ("Cllr Jory Hext", "absent") in pairs(found)


def test_not_present_for_an_item_is_not_absence():
    found = people("Present: Cllr Ely Brand", "Cllr Jory Hext was not present for the vote on item 4.")
    assert pairs(found) == [("Cllr Ely Brand", "present")]


def test_actions_column_header_is_no_apology():
    item = ItemBlock("1", "Apologies", lines("Actions", "Apologies were received from Ned Ulver."))
    assert pairs(people(items=[item])) == [("Ned Ulver", "apologies")]


# --- hostile input -------------------------------------------------------------------

def test_hostile_long_lines_return():
    for text in ("a " * 500_000, "Cllr " * 200_000, "(AB) " * 200_000, "Ann from " * 100_000,
                 "Here: " + "Bo (B.) " * 100_000, "Apologies from A, and from " * 40_000):
        people("Present:", text)
        item = ItemBlock("1", "Apologies", lines(text))
        people(items=[item])
