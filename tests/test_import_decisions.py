"""Decisions, votes, movers and seconders read from an agenda item's pieces (invented text)."""

from __future__ import annotations

import pytest

from clerk_tui.importer import decisions
from clerk_tui.importer.pieces import Piece, paragraphs


def read(*lines: str, kinds: dict[int, str] | None = None) -> list[Piece]:
    """The pieces of ``lines`` read, checked to keep every word, each once, in order."""
    pieces = [Piece(text, line_kind=(kinds or {}).get(n, "text")) for n, text in enumerate(lines)]
    before = paragraphs(pieces)
    found = decisions.read(pieces)
    assert paragraphs(found) == before
    return found


def resolutions(found: list[Piece]) -> list[Piece]:
    return [piece for piece in found if piece.kind == "resolution"]


def only(found: list[Piece]) -> Piece:
    made = resolutions(found)
    assert len(made) == 1, [p.text for p in made]
    return made[0]


# --- the forms of a decision ---------------------------------------------------------------

@pytest.mark.parametrize("text, label", [
    ("RESOLVED: That the hedge on Mill Lane be cut back.", "RESOLVED"),
    ("Resolved – that the grant to the Brackenford Players be paid.", "Resolved"),
    ("RESOLVED (Unanimously) – That the pond survey be accepted.", "RESOLVED"),
    ("Resolved unanimously that the clerk's salary be reviewed.", "Resolved"),
    ("It was RESOLVED that the allotment rents stay the same.", "RESOLVED"),
    ("It was resolved to buy two new benches.", "resolved"),
    ("AGREED: the footpath report be sent to the county.", "AGREED"),
    ("APPROVED – the revised tree policy.", "APPROVED"),
    ("Decided it was not worth mending the old shelter.", "Decided"),
    ("Decision: To extend the lease of the scout hut for a year.", "Decision"),
    ("Resolution: That the audit plan be adopted.", "Resolution"),
    ("RECOMMENDED to Council that the new charges apply from April.", "RECOMMENDED"),
    ("The Trust Board APPROVED the estates strategy.", "APPROVED"),
])
def test_labelled_decisions_keep_their_label_as_written(text, label):
    piece = only(read(text))
    assert piece.label == label
    assert piece.text == text  # the label stays in the words


@pytest.mark.parametrize("text", [
    "It was agreed that the village sign be repainted.",
    "This was agreed by all present.",
    "The minutes of the meeting held on 3 May were agreed as a true record.",
    "Council accepted the minutes as a correct record.",
    "The minute of the meeting of 2 June was held as read.",
    "Members unanimously approved the new standing orders.",
    "Governors agreed to close the school for the royal visit.",
    "The accounts were approved subject to one correction.",
    "That apologies be received from the Treasurer.",
    "THAT the Council adopt the parking strategy.",
    "Consensus was reached by the board for the Treasurer to redraft the policy.",
    "Ms Orla Finch was duly appointed as Chair for the coming year.",
])
def test_decisions_without_a_label_have_none(text):
    piece = only(read(text))
    assert piece.label is None


def test_moved_and_carried_without_a_label():
    piece = only(read("Moved by Quill to adopt. Motion Carried 7-0."))
    assert piece.label is None
    assert piece.mover == "Quill" and piece.outcome == "carried"
    assert (piece.votes_for, piece.votes_against, piece.unanimous) == (7, 0, True)


@pytest.mark.parametrize("text", [
    "TO RESOLVE that the precept for next year be set.",
    "To consider the report of the Footpaths Officer.",
    "To agree the minutes of the last meeting.",
    "The contractor has carried out the repairs to the roof.",
    "The budget surplus was carried forward to next year.",
    "Mr Pell agreed to attend the planning inquiry.",
    "It was accepted that more houses were needed in the area.",
    "That takes us to the next item.",
    "Proposed Variation No. 2 to the Eastmoor Local Plan",
    "These minutes were approved unanimously at the June meeting of the Board.",
    "Extension to garage. Agreed by Borough Council.",
    "It had been decided by the panel to appoint a new caretaker.",
    "APPROVED",
])
def test_agenda_wording_narrative_and_reports_are_not_decisions(text):
    assert resolutions(read(text)) == []


def test_a_heading_is_never_a_decision():
    assert resolutions(read("Resolved matters", kinds={0: "heading"})) == []


def test_a_decision_inside_a_paragraph_is_cut_from_the_sentences_around_it():
    found = read("The Chair welcomed Mr. Rowe. It was agreed that the verge be mown. "
                 "Mr Tate to obtain quotes.")
    assert [p.kind for p in found] == ["note", "resolution", "note"]
    assert found[1].text == "It was agreed that the verge be mown."
    assert found[1].joined and found[2].joined


def test_this_was_agreed_takes_the_proposal_before_it():
    found = read("Talks were held with the club. It was suggested that a warden be appointed. "
                 "This was agreed and a notice be put up.")
    piece = only(found)
    assert piece.text.startswith("It was suggested that a warden")


def test_a_decision_repeated_under_minutes_is_one_decision():
    words = "That the draft budget for the coming year be approved and published on the website."
    found = read("Decision:", words, "Minutes:", words)
    assert len(resolutions(found)) == 1
    assert found[-1].kind == "note"


# --- parts -------------------------------------------------------------------------------

def test_numbered_parts_on_their_own_lines_under_a_bare_label():
    found = read("RESOLVED/-", "1. That the hall fees rise by 5%.", "2. That the bar close at 11.",
                 "The Chair closed the item.")
    assert [p.kind for p in found] == ["note", "resolution", "resolution", "note"]
    assert [p.label for p in found[1:3]] == ["RESOLVED", "RESOLVED"]


def test_a_bare_label_gives_the_next_line_its_label():
    found = read("Resolved:", "That the report be noted.")
    assert found[0].kind == "note"
    assert found[1].kind == "resolution" and found[1].label == "Resolved"


def test_a_bullet_under_a_bare_label_is_the_decision():
    found = read("Resolved:", "that the minutes were agreed as a correct record.",
                 kinds={1: "bullet"})
    assert found[1].kind == "resolution"


def test_inline_parts_are_split_and_the_lead_in_kept():
    found = read("RESOLVED that (1) the report be noted; and (2) the plan be approved.")
    assert [p.text for p in found] == ["RESOLVED that", "(1) the report be noted; and",
                                       "(2) the plan be approved."]
    assert [p.kind for p in found] == ["note", "resolution", "resolution"]
    assert found[1].joined and found[2].joined


def test_lettered_parts_split():
    found = read("RESOLVED that the Committee: (a) notes the survey; (b) asks for a report.")
    assert [p.kind for p in found] == ["note", "resolution", "resolution"]


def test_a_long_lead_in_is_a_decision_itself():
    found = read("RESOLVED that, having heard the residents of Upper Fenwick, the Committee "
                 "approves the scheme subject to: (a) a speed limit; (b) new signs.")
    assert [p.kind for p in found] == ["resolution"] * 3


# --- votes -------------------------------------------------------------------------------

@pytest.mark.parametrize("text, counts", [
    ("RESOLVED – That the scheme proceed (For 7, Against 2, Abstentions 1).", (7, 2, 1)),
    ("RESOLVED that the scheme proceed (7 for, 2 against).", (7, 2, None)),
    ("RESOLVED that the fee be waived (5-2).", (5, 2, None)),
    ("The motion was carried 5–2.", (5, 2, None)),
    ("Resolved that the hut be sold. Ayes: 5 Nays: 2", (5, 2, None)),
    ("The amendment was carried by 8 votes to 3.", (8, 3, None)),
    ("A vote was taken, the result being three to two in favour of Mrs Ivy Lund.", (3, 2, None)),
    ("Moved by Vance to adopt. Motion Carried 5-1-1.", (5, 1, 1)),
    ("Grant to the choir (Ordinance) (Y-4; N-1) 20415", (4, 1, None)),
])
def test_vote_counts_in_every_shape(text, counts):
    piece = only(read(text))
    assert (piece.votes_for, piece.votes_against, piece.votes_abstain) == counts


def test_dates_and_money_are_not_votes():
    found = read("It was agreed to pay £1,030-92 by 3-9-99 for 20 items.")
    piece = only(found)
    assert not piece.voted


def test_roll_call_with_names():
    piece = only(read("Moved by Orme to adopt. Motion carried. Ayes: Orme, Pryce, Quinn. "
                      "Nays: Ruddock."))
    assert piece.named["for"] == ["Orme", "Pryce", "Quinn"]
    assert piece.named["against"] == ["Ruddock"]


def test_a_pass_is_an_abstention_and_an_absence_no_vote_against():
    passed = only(read("Moved by Orme to adopt. Motion Carried 6-1. Pass: Ruddock."))
    assert (passed.votes_for, passed.votes_against, passed.votes_abstain) == (6, 0, 1)
    assert not passed.unanimous
    away = only(read("Moved by Orme to adopt. Motion Carried 6-1. Absent: Ruddock."))
    assert (away.votes_for, away.votes_against, away.unanimous) == (6, 0, True)


def test_dissenters_named():
    found = read("Regent Pike moved for approval of the fee schedule.",
                 "The Motion was APPROVED on a 5-2 vote with Regents Hale and Iver dissenting")
    piece = only(found)
    assert piece.mover == "Regent Pike"
    assert (piece.votes_for, piece.votes_against) == (5, 2)
    assert piece.named["against"] == ["Hale", "Iver"]
    assert found[1].kind == "note"


@pytest.mark.parametrize("text", [
    "RESOLVED unanimously that the Mayor's charity be the hospice.",
    "THAT the report be received. Motion Carried Unanimously, By All Members Present",
    "RESOLVED nem con that the car park be resurfaced.",
])
def test_unanimous(text):
    assert only(read(text)).unanimous


@pytest.mark.parametrize("text, outcome", [
    ("The motion was put to the vote and CARRIED.", "carried"),
    ("Moved by Lyle to defer. Motion carried.", "carried"),
    ("The amendment was declared carried.", "carried"),
    ("On being put to the vote the motion fell.", "lost"),
    ("The motion was DEFEATED.", "lost"),
    ("The motion was withdrawn.", "withdrawn"),
])
def test_outcomes(text, outcome):
    assert only(read(text)).outcome == outcome


def test_an_outcome_line_of_its_own_goes_to_the_motion_and_stays_a_note():
    found = read("THAT the hall be let to the dance school.", "CARRIED")
    assert found[0].outcome == "carried" and found[1].kind == "note"


def test_a_vote_table_goes_to_the_decision_after_it():
    found = read("A vote was taken on the proposal, with the following result:-", "In Favour",
                 "Councillors Ash, Birch, Cole. (3)", "Against", "Councillors Dale, Elm, Fir,",
                 "Gale, Holt. (5)", "There were no abstentions.",
                 "The Mayor declared the proposal rejected.")
    piece = only(found)
    assert (piece.votes_for, piece.votes_against, piece.votes_abstain) == (3, 5, 0)
    assert piece.outcome == "lost"
    assert piece.named["against"] == ["Dale", "Elm", "Fir", "Gale", "Holt"]


def test_a_division_on_a_motion_and_an_amendment():
    found = read("Councillor Abbot, seconded by Bailie Birk, moved that the item be deferred.",
                 "As an amendment, the Convener, seconded by Councillor Cray, moved not to defer.",
                 "On a division, there voted for the motion - Councillors Abbot and Birk (2); "
                 "and for the amendment - the Convener and Councillors Cray, Dunn and Egan (4) "
                 "- whereupon the amendment was declared carried.")
    motion, amendment, division = resolutions(found)
    assert (motion.mover, motion.seconder) == ("Councillor Abbot", "Bailie Birk")
    assert (motion.votes_for, motion.votes_against, motion.outcome) == (2, 4, "lost")
    assert (amendment.mover, amendment.seconder) == ("the Convener", "Councillor Cray")
    assert (division.votes_for, division.votes_against, division.outcome) == (4, 2, "carried")


def test_dispositions_in_a_run_on_list_are_each_a_decision():
    found = read("12 Request of Ann Ode to address Council (Communication) PLACED ON FILE "
                 "13 Appoint Bo Lamb to the Parks Board (Report) (Y-5) CONFIRMED "
                 "*14 Pay claim of Cy Moss (Ordinance) (Y-5) 187001 Office of Finance")
    made = resolutions(found)
    assert [p.text for p in made] == ["PLACED ON FILE", "(Y-5) CONFIRMED", "(Y-5) 187001"]
    assert (made[2].votes_for, made[2].votes_against, made[2].unanimous) == (5, 0, True)


# --- movers and seconders ----------------------------------------------------------------

@pytest.mark.parametrize("lines, mover, seconder", [
    (["Proposed by Cllr Ann Ray, seconded by Cllr Bo Sim, it was RESOLVED that the fee rise."],
     "Cllr Ann Ray", "Cllr Bo Sim"),
    (["MOVED by Councillor Tull SECONDED by Councillor Venn that the report be adopted."],
     "Councillor Tull", "Councillor Venn"),
    (["It was moved by Mr Wick and seconded by Mrs Yeo that the hall be repainted."],
     "Mr Wick", "Mrs Yeo"),
    (["Moved by: Councillor S. Zane", "Seconded by:Councillor K. Abel",
      "THAT the meeting be called to order at 7:02 p.m."], "Councillor S. Zane",
     "Councillor K. Abel"),
    ([("On the proposal of Councillor Bree (J), seconded by Councillor Cole, it was agreed "
      "that the item be deferred.")], "Councillor Bree (J)", "Councillor Cole"),
    (["Mrs. Dow moved, seconded by Dr. Eve Fenn, that the committee opt out."],
     "Mrs. Dow", "Dr. Eve Fenn"),
    (["Regent Gale moved for approval of the tuition schedule."], "Regent Gale", None),
    (["Motion by Holt, second by Ince, to approve the bid."], "Holt", "Ince"),
    (["MOTION TO ACCEPT THE FINANCE REPORT – C. JUDD   SECONDED:  D. KANE   ACCEPTED:  UNANIMOUS"],
     "C. JUDD", "D. KANE"),
    (["MOVED by Mayor Lomas, seconded Cr Mead:", "That the minutes be confirmed as a true record."],
     "Mayor Lomas", "Cr Mead"),
])
def test_mover_and_seconder_shapes(lines, mover, seconder):
    piece = resolutions(read(*lines))[0]
    assert (piece.mover, piece.seconder) == (mover, seconder)


def test_a_mover_line_before_the_decision_stays_a_note():
    found = read("It was proposed by Councillor Nye, seconded by Councillor Ott and",
                 "RESOLVED: That Councillor Pim be appointed Vice-Chair.")
    assert found[0].kind == "note" and found[0].mover is None
    assert (found[1].mover, found[1].seconder) == ("Councillor Nye", "Councillor Ott")


def test_a_mover_line_after_the_decision_goes_back_to_it():
    found = read("The minutes of the last meeting were agreed.", "One typing error was noted.",
                 "Proposed by Quin and seconded by Rhys")
    assert found[0].kind == "resolution"
    assert (found[0].mover, found[0].seconder) == ("Quin", "Rhys")
    assert found[2].kind == "note"


def test_a_motion_wrapped_over_two_lines_keeps_its_mover():
    found = read("14. Licence renewal for the Old Forge. Moved by", "Sully to adopt. Motion Carried 7-0.")
    piece = only(found)
    assert piece.mover == "Sully" and piece.votes_for == 7
    assert paragraphs(found) == ["14. Licence renewal for the Old Forge. Moved by",
                                 "Sully to adopt. Motion Carried 7-0."]


def test_the_mover_on_a_multi_part_decision_goes_on_its_first_part():
    found = read("MOVED by Cr Tapp, seconded Cr Urry:", "That the minutes of 3 May be confirmed.",
                 "That the minutes of 10 May be confirmed.")
    first, second = resolutions(found)
    assert first.mover == "Cr Tapp" and second.mover is None


# --- hostile input -------------------------------------------------------------------------

@pytest.mark.parametrize("filler", [" ", "(", "1-", "A ", ". A", "Moved by "])
def test_a_megabyte_line_is_read(filler):
    text = "RESOLVED that " + filler * (1_000_000 // len(filler)) + " carried 5-2."
    found = read(text)
    assert "".join(p.text for p in found).replace(" ", "") == text.replace(" ", "")


def test_proposed_and_seconded_labels_without_commas_and_all_in_favour_go_to_the_resolution():
    first, second = decisions.read([
        Piece("Proposed: Cllr Amber Quill Seconded: Cllr Noor Vale. All in favour."),
        Piece("RESOLVED to extend the cemetery contract for two years.")])
    assert first.kind == "note"  # its words kept; its facts are the decision's
    assert (second.kind, second.mover, second.seconder, second.unanimous) == (
        "resolution", "Cllr Amber Quill", "Cllr Noor Vale", True)


def test_a_list_under_the_body_that_decided_is_its_decisions():
    pieces = decisions.read([Piece("The Trustees agreed to:"),
                             Piece("renew the caretaker's contract; and", line_kind="bullet"),
                             Piece("review the hire charges in the spring.", line_kind="bullet")])
    assert [(p.kind, p.label) for p in pieces] == [
        ("note", None), ("resolution", None), ("resolution", None)]


def test_for_a_number_of_things_is_no_vote():
    (piece,) = decisions.read([Piece("A price was given of £8 each for 12 chairs to be repaired.")])
    assert piece.kind == "note" and piece.votes_for is None


# --- movers without "by", recommendations, leads, signatures, references (invented text) ---

@pytest.mark.parametrize("line, mover, seconder", [
    ("Moved Cr Pellow       Seconded Cr Danvers", "Cr Pellow", "Cr Danvers"),
    ("Moved: Ms Tarrant / Seconded: Mr Olsen", "Ms Tarrant", "Mr Olsen"),
    ("Mover: Councillor Reyes Seconder: Councillor Ito", "Councillor Reyes", "Councillor Ito"),
    ("Motion: Trustee Galbraith / Second: Trustee Moyle", "Trustee Galbraith", "Trustee Moyle"),
    ("Moved/Seconded: Varga/Lindqvist", "Varga", "Lindqvist"),
])
def test_a_mover_line_without_by_gives_its_names_to_the_decision(line, mover, seconder):
    piece = only(read(line, "That the reading room hours be extended.", "Carried 5/0"))
    assert (piece.mover, piece.seconder) == (mover, seconder)
    assert piece.text == "That the reading room hours be extended."


def test_proposed_with_a_title_and_no_by():
    piece = only(read("Proposed Cllr Anwick, seconded Cllr Brough, that the quote be accepted."))
    assert (piece.mover, piece.seconder) == ("Cllr Anwick", "Cllr Brough")


@pytest.mark.parametrize("heading", ["Officer's Recommendation:", "Staff recommendation",
                                     "Officer Recommendation –", "Recommendation:"])
def test_a_recommendation_is_not_the_decision_that_follows_it(heading):
    found = read(heading, "That Council receives the quarterly report.",
                 "Council Resolution 017/24", "Moved Cr Pellow   Seconded Cr Danvers",
                 "That Council receives the quarterly report.", "Carried 5/0")
    piece = only(found)
    assert piece is found[4]
    assert (piece.mover, piece.votes_for, piece.votes_against, piece.outcome) == (
        "Cr Pellow", 5, 0, "carried")


def test_a_recommendation_on_its_line_with_its_words_is_no_decision():
    found = read("Officer's Recommendation: That the Board notes the survey.",
                 "RESOLVED: That the Board notes the survey and thanks the volunteers.")
    assert only(found).label == "RESOLVED"


def test_a_lead_with_a_clause_before_it_keeps_its_parts():
    found = read("Following discussion, the Committee agreed:-",
                 "(i) to approve the new fees as set out in the report; and",
                 "(ii) to instruct the Clerk to report back by May.")
    assert [p.kind for p in found] == ["note", "resolution", "resolution"]


def test_a_list_letter_before_a_label():
    found = read("a) Resolved: to pay the invoices.", "b) RESOLVED to buy a mower.")
    assert [(p.kind, p.label) for p in found] == [("resolution", "Resolved"),
                                                  ("resolution", "RESOLVED")]


def test_a_decision_in_the_second_clause():
    piece = only(read("The Board noted the report and agreed that a review of the ferry be held."))
    assert piece.label is None


@pytest.mark.parametrize("text", [
    "The report was taken as read.",
    "CONFIRMED AS A TRUE AND CORRECT RECORD",
    "Confirmed as a true record ____________ Chairperson",
    "APPROVED: Petra Holm, Chair",
    "Approved by Oswin Tregear, Chairman",
    "ATTEST: Ilse Varn, Clerk",
])
def test_formulas_that_decide_nothing(text):
    assert not resolutions(read(text))


def test_an_all_capitals_decision_is_still_one():
    assert only(read("APPROVED: THE REVISED HALL HIRE CHARGES")).label == "APPROVED"


def test_a_motion_and_its_resolution_are_one_decision():
    found = read("It was moved by Cllr Okafor and seconded by Cllr Lunde that the play area be fenced.",
                 "On being put to the vote there voted 6 for and 1 against.",
                 "RESOLVED - That the play area at Kestle Green be fenced.")
    piece = only(found)
    assert piece.label == "RESOLVED"
    assert (piece.mover, piece.seconder, piece.votes_for, piece.votes_against) == (
        "Cllr Okafor", "Cllr Lunde", 6, 1)


def test_a_lost_amendment_stays_apart_from_the_resolution():
    found = read("An amendment was moved by Cllr Pryce that the play area be fenced in oak.",
                 "The amendment was lost.",
                 "RESOLVED - That the play area be fenced.")
    assert len(resolutions(found)) == 2


@pytest.mark.parametrize("text", [
    "Dr Imre Falk Director of Estates (item 25/08)",
    "See minute 14/03 of the last meeting.",
    "The clerk referred members to page 4-6 of the report.",
])
def test_a_reference_is_no_vote(text):
    assert not resolutions(read(text))
    assert decisions.votes(text).votes_for is None


def test_a_vote_shape_is_still_read():
    facts = decisions.votes("The motion was carried 5-2.")
    assert (facts.votes_for, facts.votes_against) == (5, 2)


def test_nobody_named_is_a_count_of_none():
    facts = decisions.votes("Nays: None.")
    assert facts.named["against"] == [] and facts.votes_against == 0
    assert not resolutions(read("Nays: None."))


def test_a_recorded_vote_on_its_own_lines_is_counted_on_the_motion():
    found = read("That the zoning change at Orchard Row be adopted.",
                 "Yeas: Halvorsen, Quist, Mbeki", "Nays: None")
    piece = only(found)
    assert piece.named["for"] == ["Halvorsen", "Quist", "Mbeki"]
    assert (piece.votes_for, piece.votes_against, piece.unanimous) == (3, 0, True)


def test_a_division_on_lines_of_its_own():
    found = read("Councillor Arden, seconded by Councillor Birtles, moved that the plan be approved.",
                 "As an amendment, Councillor Fane, seconded by Councillor Gosse, moved that "
                 "consideration be deferred.",
                 "On a division, there voted:-",
                 "For the motion (5) - Councillors Arden, Birtles, Cole, Dunmore and Eyre.",
                 "For the amendment (2) - Councillors Fane and Gosse.",
                 "The motion was accordingly declared carried.")
    motion, amendment = resolutions(found)
    assert (motion.votes_for, motion.votes_against, motion.outcome) == (5, 2, "carried")
    assert amendment.outcome is None  # "be deferred" is what it moved, not its fate


@pytest.mark.parametrize("line", [
    "Moved " + " " * 1_000_000, "Moved/Seconded: " + "A/" * 300_000,
    "Officer's Recommendation" + " (" * 300_000, "APPROVED: " + "Aa " * 300_000,
    "item " + "25/08 " * 150_000, "The Board noted " + "x and " * 150_000,
    "Nays: " + "None, " * 150_000, "For the motion (5) " + "(" * 1_000_000,
])
def test_hostile_lines_for_the_new_patterns_finish(line):
    decisions.read([Piece(line)])
    decisions.votes(line)


def test_a_mover_line_with_all_in_favour_after_its_resolution_is_no_second_decision():
    found = read("Resolved: to object to the mast at Pennick Down. Proposed Cllr Yarrow, "
                 "seconded Cllr Dunstan, all in favour.")
    piece = only(found)
    assert (piece.mover, piece.seconder, piece.unanimous) == ("Cllr Yarrow", "Cllr Dunstan", True)


# --- wave 3: zero counts, movers, wordings, amendments, named votes ----------------------

@pytest.mark.parametrize("text, counts", [
    ("Votes: For 64, Against 0, Abstain 5 - carried.", (64, 0, 5)),
    ("In favour (7), Against (2), Abstain (0).", (7, 2, 0)),
    ("Carried 8 for, 0 against.", (8, 0, None)),
    ("The motion was put and carried, 5 voting for and 2 against.", (5, 2, None)),
])
def test_zero_and_voting_for_counts_are_kept(text, counts):
    found = decisions.votes(text)
    assert (found.votes_for, found.votes_against, found.votes_abstain) == counts


def test_counts_a_line_each_all_go_to_one_decision():
    found = read("Members asked for a vote on the play area.", "In favour: 5", "Against: 3",
                 "Abstained: 0", "RESOLVED: That the play area at Wenlow Green be fenced.")
    piece = only(found)
    assert (piece.votes_for, piece.votes_against, piece.votes_abstain) == (5, 3, 0)


def test_a_lone_count_word_line_names_no_count_without_a_number():
    assert decisions.votes("Against the proposal").votes_against is None


@pytest.mark.parametrize("lines, mover, seconder", [
    (["Proposed by: Cllr. R. Quillan | Seconded by: Cllr. D. Marsh",
      'And resolved: "That the Tolland depot lease be renewed."'], "Cllr. R. Quillan", "Cllr. D. Marsh"),
    (["Cllr. Oakes proposed and Cllr. Varga seconded that the Fenmoor plan be adopted."],
     "Cllr. Oakes", "Cllr. Varga"),
    (["MOTION: Commissioner Adeyemi moved to approve the minutes. Vice Mayor Brandt seconded."],
     "Commissioner Adeyemi", "Vice Mayor Brandt"),
    (["The minutes of the June meeting were approved. Proposed Ilse Horn, seconded Tam Roe."],
     "Ilse Horn", "Tam Roe"),
    (["It was RESOLVED to buy a defibrillator. Proposed: Jem Castle; seconded: Rhian Pugh. "
      "Vote: 7 for, 0 against."], "Jem Castle", "Rhian Pugh"),
    (["RESOLVED:", "That the cemetery fees be held.", "Moved: Cllr K.T. Mbeki",
      "Seconded: Cllr R. Osei"], "Cllr K.T. Mbeki", "Cllr R. Osei"),
])
def test_movers_in_more_shapes(lines, mover, seconder):
    piece = only(read(*lines))
    assert (piece.mover, piece.seconder) == (mover, seconder)


def test_a_motion_seconded_in_a_sentence_of_its_own():
    found = read("Cllr. Penhallow moved the following motion:",
                 '"That Westby Council asks the water board to clear the Lodden culvert."',
                 "The motion was seconded by Cllr. Anstey.", "The motion was agreed.")
    piece = only(found)
    assert piece.text.startswith('"That Westby')
    assert (piece.mover, piece.seconder, piece.outcome) == ("Cllr. Penhallow", "Cllr. Anstey",
                                                            "carried")


def test_a_body_moving_into_closed_session_is_no_motion():
    assert decisions.movers("The Board moved into closed session at 8:40 p.m.") == (None, None)
    assert resolutions(read("The Board moved into closed session at 8:40 p.m.")) == []


@pytest.mark.parametrize("text", [
    'And resolved: "That the Greywell bridge report be noted."',
    "Resolution 1: To receive the accounts for the year.",
    "Special Resolution 4: That the society's rules be amended.",
    "We agreed to hire a marquee for the fete.",
    "We decided to keep the hall hire at £15.",
    "The committee decided to write to the tenants of plots 3 and 9.",
])
def test_more_decision_wordings(text):
    assert only(read(text)).text == text


def test_a_decision_after_but_in_a_paragraph_is_cut_out():
    found = read("Application 25/0012 for a garage at Orchard Row. Members had no objection "
                 "but agreed to ask for a tree survey.")
    assert only(found).text == "Members had no objection but agreed to ask for a tree survey."


def test_a_numbered_resolution_in_an_item_title_is_no_decision():
    assert resolutions(read("B. Resolution 2025-07, Accepting a Library Grant")) == []


def test_an_amendment_falling_leaves_the_decision_carried():
    found = read("Cllr Nash moved an amendment that the survey wait until spring.",
                 "The amendment fell.", "AGREED: that the survey go ahead in March.")
    agreed = [p for p in resolutions(found) if p.text.startswith("AGREED")]
    assert len(agreed) == 1 and agreed[0].outcome != "lost"
    found = read("Members debated an amendment.", "The amendment fell.",
                 "RESOLVED that the gate be repaired.", "Carried.")
    resolved = [p for p in resolutions(found) if p.text.startswith("RESOLVED")]
    assert resolved[0].outcome == "carried"


def test_a_roll_call_a_member_to_a_line():
    found = read("MOTION: Commissioner Ruiz moved to adopt the ordinance. Commissioner Holm "
                 "seconded.", "ROLL CALL VOTE:", "Commissioner Ruiz Yes", "Commissioner Holm Yes",
                 "Mayor Tate No", "Motion passed 2-1.")
    piece = only(found)
    assert piece.named["for"] == ["Commissioner Ruiz", "Commissioner Holm"]
    assert piece.named["against"] == ["Mayor Tate"]
    assert (piece.votes_for, piece.votes_against, piece.outcome) == (2, 1, "carried")


def test_opposed_names_under_a_plural_title():
    found = read("Moved by Trustee Okoro", "Seconded by Trustee Lind",
                 "THAT the Board approve the transport review.",
                 "A recorded vote was requested by Trustee Lind.",
                 "In favour: Trustees Okoro, Bram, Dahl", "Opposed: Trustees Lind, Varro", "Carried")
    piece = only(found)
    assert piece.named == {"for": ["Okoro", "Bram", "Dahl"], "against": ["Lind", "Varro"],
                           "abstain": []}
    assert (piece.votes_for, piece.votes_against, piece.outcome) == (3, 2, "carried")


@pytest.mark.parametrize("line", [
    "Proposed " + "Aa " * 300_000 + ", seconded B", "Aa " * 300_000 + "seconded.",
    "Members " * 125_000 + "but agreed to", "Resolution " + "1: " * 300_000,
    "Commissioner " * 80_000 + "Yes", "Cllr " + "L." * 400_000 + " Ngata",
    "Against: " + "(" * 1_000_000, "Members had " + "a " * 400_000 + "but agreed to go",
])
def test_hostile_lines_for_the_wave_3_patterns_finish(line):
    decisions.read([Piece(line)])
    decisions.read([Piece("RESOLVED: That X."), Piece(line), Piece("Abstained: 0")])
    decisions.votes(line)
    decisions.movers(line)


def test_so_moved_after_a_speaker_names_no_mover():
    assert decisions.movers("Harrow: So moved.") == (None, None)


def test_a_numbered_motion_and_the_member_who_brought_it():
    found = read("Motion 2 (submitted by member Ola Brandt): That the shop stop selling "
                 "plastic bags.", "Seconded: Wyn Carrow")
    piece = only(found)
    assert (piece.mover, piece.seconder) == ("Ola Brandt", "Wyn Carrow")


def test_a_bracketed_word_after_a_name_makes_no_motion_of_a_mover_line():
    found = read("Proposed: Ida Venn  Seconded: Rob Oxley (member)",
                 "The minutes of the last meeting were accepted as a true record.")
    piece = only(found)
    assert piece.text.startswith("The minutes") and piece.mover == "Ida Venn"


def test_a_township_motion_supported_by_a_trustee_names_its_seconder():
    found = decisions.read([Piece("MOTION by Ardell, SUPPORTED by Quimby, to approve the bills. "
                                  "Motion carried 4-0.")])
    assert [(p.kind, p.mover, p.seconder) for p in found] == [("resolution", "Ardell", "Quimby")]
    assert decisions.movers("The plan was supported by residents of the lane.") == (None, None)


def test_on_the_proposition_of_names_the_mover():
    assert decisions.movers("On the proposition of Mr Abel Dore, seconded by Mrs Kay Lune, the "
                            "accounts were adopted.") == ("Mr Abel Dore", "Mrs Kay Lune")
