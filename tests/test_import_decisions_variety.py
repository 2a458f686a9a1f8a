"""More shapes of decisions, votes and movers (decision_shapes), on invented minutes."""

from __future__ import annotations

import pytest

from clerk_tui.importer import decision_shapes as shapes
from clerk_tui.importer import decisions
from test_import_decisions import only, read, resolutions

# --- a mover's line over the resolution, or after the motion -----------------------------

def test_a_mover_line_leading_into_a_quoted_resolution_gives_it_mover_and_outcome():
    found = read("Proposed by Cllr. Varga, seconded by Cllr. Holm, and resolved:",
                 "\u201cThat the Council buys a defibrillator for the Ormsby village hall.\u201d")
    made = only(found)
    assert made.text.startswith("\u201cThat the Council buys")
    assert (made.mover, made.seconder, made.outcome) == ("Cllr. Varga", "Cllr. Holm", "carried")
    assert found[0].kind == "note"


def test_a_mover_line_with_other_words_leading_into_the_motion():
    made = only(read("After a long debate, it was proposed by Cllr Penrose, seconded by Cllr Ilic:",
                     '"That the Harrowgate depot be sold at auction."'))
    assert (made.mover, made.seconder) == ("Cllr Penrose", "Cllr Ilic")
    assert made.outcome is None  # nothing says it was carried


def test_a_mover_line_after_the_motion_saying_it_was_agreed():
    made = only(read('"That the Council writes to the rail operator about the late trains."',
                     "Proposed by Cllr. Yusuf, seconded by Cllr. Brennan, and agreed unanimously."))
    assert made.text.startswith('"That the Council writes')
    assert (made.mover, made.seconder, made.outcome, made.unanimous) == (
        "Cllr. Yusuf", "Cllr. Brennan", "carried", True)


def test_a_mover_line_that_says_what_it_moved_stays_the_decision():
    found = read("It was proposed by Cllr Ash, seconded by Cllr Bell, that the pond be dredged.")
    assert only(found).mover == "Cllr Ash"


# --- a named vote, side by side, and the chair's declaration -----------------------------

def test_a_roll_call_with_counted_sides_and_the_chair_declaring_it():
    found = read("Proposed by Cllr. Danso, seconded by Cllr. Farrow:",
                 '"That the Council adopts the harbour budget for 2031."',
                 "A roll call vote was taken, with the following result:",
                 "For (4): Cllrs. Danso, Farrow, Ibsen, Lund.",
                 "Against (2): Cllrs. Moyo, Quist.",
                 "Abstain (1): Cllr. Rahman.",
                 "The Cathaoirleach declared the motion carried.")
    made = only(found)
    assert made.text.startswith('"That the Council adopts')
    assert (made.votes_for, made.votes_against, made.votes_abstain) == (4, 2, 1)
    assert made.named["against"] == ["Moyo", "Quist"]
    assert made.named["abstain"] == ["Cllr. Rahman"]
    assert made.outcome == "carried" and made.mover == "Cllr. Danso"


def test_the_mayor_declaring_a_motion_lost_after_its_count():
    found = read('"That the Council asks the county to reopen the Tarnside library."',
                 "Proposed by Cllr. Oduya, seconded by Cllr. Pike.",
                 "For 3, Against 6, Abstain 0.",
                 "The Mayor declared the motion lost.")
    made = only(found)
    assert (made.votes_for, made.votes_against, made.outcome) == (3, 6, "lost")
    assert made.mover == "Cllr. Oduya"


def test_a_declaration_with_no_motion_before_it_is_a_decision_of_its_own():
    assert only(read("The Provost declared the motion carried.")).outcome == "carried"


def test_a_member_named_before_the_quoted_motion():
    made = only(read('Cllr. Ferreira "That this Council supports a 20mph limit on Quay Road."',
                     "Proposed by Cllr. Ferreira, seconded by Cllr. Dane, and carried."))
    assert (made.mover, made.outcome) == ("Cllr. Ferreira", "carried")


# --- votes in words -------------------------------------------------------------------

def test_none_against_is_a_count_of_none():
    facts = decisions.votes("The vote was 5 in favour, none against, with 2 abstentions.")
    assert (facts.votes_for, facts.votes_against, facts.votes_abstain) == (5, 0, 2)


def test_everyone_agreed_except_a_member_is_one_against():
    made = only(read("Agreed to spend up to £90 on new bunting. Everyone agreed except Tomasz "
                     "who thought it a waste."))
    assert (made.votes_against, made.named["against"], made.outcome) == (1, ["Tomasz"], "carried")


def test_members_asking_for_their_votes_against_to_be_recorded():
    made = only(read("That Council approves the skatepark design.", "CARRIED",
                     "Cr Whitlow and Cr Amadi requested that their votes against the resolution "
                     "be recorded."))
    assert made.votes_against == 2 and made.named["against"] == ["Cr Whitlow", "Cr Amadi"]
    assert made.outcome == "carried"


def test_a_member_asking_for_an_abstention_to_be_recorded():
    facts = decisions.votes("Cllr Sorensen asked that her abstention be recorded.")
    assert facts.named["abstain"] == ["Cllr Sorensen"] and facts.votes_abstain == 1


@pytest.mark.parametrize("text", ["Members voted against the idea at first.",
                                  "Everyone agreed except the residents of Block F.",
                                  "All agreed but the Council would not pay."])
def test_a_body_or_a_clause_is_no_list_of_dissenters(text):
    facts = decisions.votes(text)
    assert not facts.named["against"] and facts.votes_against is None


def test_a_section_number_before_for_is_no_count():
    facts = decisions.votes("The grounds under section 31 for the passing of this resolution are "
                            "as follows and the motion was carried.")
    assert facts.votes_for is None


# --- decisions in the shorthand of small bodies, and what is none -------------------------

@pytest.mark.parametrize("text", ["No objection.", "No objections.", "No objection raised.",
                                  "Members had no objection.",
                                  "No objection to the application."])
def test_no_objection_is_the_bodys_answer_to_an_application(text):
    assert decisions.read_sentence(text).form == "body"


def test_no_objection_after_an_application_in_one_paragraph():
    found = read("(c) 31/0442 – Conservatory, 4 Heron Row. No objection.")
    assert only(found).text == "No objection."


@pytest.mark.parametrize("text", ["Notes from the March meeting were OK.",
                                  "The minutes of 4 May were correct.",
                                  "Minutes of the last meeting were a true record."])
def test_minutes_said_to_be_right_are_approved(text):
    assert decisions.read_sentence(text).form == "body"


def test_agreed_we_would_is_a_decision():
    made = only(read("Agreed we'd ask the landlord to fix the gate before winter."))
    assert made.label == "Agreed"


def test_governors_consenting_to_an_absence_is_a_decision():
    assert decisions.read_sentence(
        "Apologies from Mr Okoro were received and governors consented to his absence.").form \
        == "body"


@pytest.mark.parametrize("text", ["The Board NOTED the report.",
                                  "The Trust Board NOTED the report and the risk register."])
def test_a_report_noted_is_no_decision(text):
    assert not resolutions(read(text))


def test_noted_with_a_decision_besides_is_a_decision():
    assert resolutions(read("The Board NOTED the report and ENDORSED the new rota."))


def test_the_main_motion_put_after_an_amendment_takes_the_outcome():
    found = read("Moved by Councillor Lavoie", "Seconded by Councillor Obi",
                 "That Council approve the 2031 snow clearing plan.",
                 "Moved by Councillor Kerr", "Seconded by Councillor Lavoie",
                 "That the motion be amended so that bus stops are cleared first.",
                 "Defeated", "The main motion was then put.", "Carried")
    made = resolutions(found)
    assert [p.outcome for p in made] == ["carried", "lost"]
    assert made[0].text.startswith("That Council approve")


# --- hostile lines ------------------------------------------------------------------------

@pytest.mark.parametrize("hostile", [
    "a " * 500000, "Cllr " * 200000, "For (1): " + "Cllr A, " * 120000,
    "Everyone agreed except " + "Ann Bo " * 150000, "Ann and " * 150000 + "asked that their vote against",
    "The " + "Big " * 200000 + "declared the motion carried", "No objection " * 90000,
    "Notes " + "from " * 200000 + "were OK", "Cllr " + "A " * 200000 + '"That',
    "Proposed by " + "Cllr A, " * 100000 + "and agreed unanimously.",
], ids=lambda line: line[:12])
def test_hostile_lines_through_the_new_shapes_finish(hostile):
    for reader in (shapes.no_objection, shapes.minutes_fine, shapes.consented, shapes.noted_only,
                   shapes.named_motion, shapes.side_line, shapes.dissenters, shapes.none_against,
                   shapes.chair_declared):
        reader(hostile)
    decisions.read_sentence(hostile)
    read(hostile, hostile[:5000])
