"""A motion's outcome on a line of its own, and other readings of decisions (invented text).

Every body, place and person here is made up. Each pattern has wordings that must be
read and near-misses that must not.
"""

from __future__ import annotations

import pytest

from clerk_tui.importer import actions, decisions
from clerk_tui.importer.pieces import Piece, paragraphs


def read(*lines: str) -> list[Piece]:
    """The pieces of ``lines`` read, checked to keep every word, each once, in order."""
    pieces = [Piece(text) for text in lines]
    found = decisions.read(pieces)
    assert paragraphs(found) == list(lines)
    return found


def kinds(found: list[Piece]) -> list[str]:
    return [piece.kind for piece in found]


PROPOSED = "It was proposed by Cllr Yew and seconded by Cllr Orrin that the pond grant be paid."
MOVED = "Moved by Trustee Hale, seconded by Trustee Brack, that the fees be frozen."


# --- the outcome on the line after the motion ----------------------------------------------

@pytest.mark.parametrize("motion", [PROPOSED, MOVED])
@pytest.mark.parametrize("line, outcome, counts", [
    ("This was carried.", "carried", (None, None)),
    ("Carried.", "carried", (None, None)),
    ("CARRIED unanimously", "carried", (None, None)),
    ("The motion was lost.", "lost", (None, None)),
    ("Motion carried 5-2", "carried", (5, 2)),
    ("This was not carried.", "lost", (None, None)),
    ("It was carried by 6 votes to 3.", "carried", (6, 3)),
    ("That was agreed.", "carried", (None, None)),
])
def test_an_outcome_line_belongs_to_the_motion_before_it(motion, line, outcome, counts):
    first, second = read(motion, line)
    assert (first.kind, second.kind) == ("resolution", "note")  # the line kept, as a note
    assert first.outcome == outcome
    assert (first.votes_for, first.votes_against) == counts
    assert first.mover is not None and first.seconder is not None


@pytest.mark.parametrize("after", [" This was carried.", " This was agreed.",
                                   " This was carried unanimously."])
def test_an_outcome_sentence_in_the_motion_s_paragraph_is_its_outcome(after):
    piece, = read(PROPOSED + after)
    assert (piece.kind, piece.outcome, piece.mover) == ("resolution", "carried", "Cllr Yew")


def test_this_was_agreed_after_a_note_stays_the_decision_it_records():
    found = read("Cllr Yew suggested a bench for the green.", "This was agreed.")
    assert kinds(found) == ["note", "resolution"]


def test_this_was_agreed_after_a_note_is_not_given_to_an_earlier_decision():
    found = read("RESOLVED that the accounts be approved.",
                 "Cllr Yew suggested a bench for the green.", "This was agreed.")
    assert kinds(found) == ["resolution", "note", "resolution"]
    assert found[0].outcome is None


@pytest.mark.parametrize("line", [
    "It was agreed that the Clerk would write to the applicant.",  # a decision of its own
    "This was agreed and a letter be sent to the school.",         # says more than its fate
    "This was agreed subject to a second quote.",
])
def test_a_line_saying_more_than_the_outcome_stays_a_decision(line):
    found = read(PROPOSED, line)
    assert kinds(found) == ["resolution", "resolution"]
    assert found[0].outcome is None


def test_an_outcome_line_after_a_motion_with_its_outcome_is_another_vote():
    found = read(PROPOSED + " Carried.", "This was carried.")
    assert kinds(found) == ["resolution", "resolution"]


# --- a mover line and its vote --------------------------------------------------------------

@pytest.mark.parametrize("line", [
    "Proposed: Cllr Yew  Seconded: Cllr Orrin  All in favour",
    "Proposed Cllr Yew, seconded Cllr Orrin, carried unanimously.",
    "Proposed by Cllr Yew, seconded by Cllr Orrin. All in favour.",
])
def test_a_mover_line_with_its_vote_under_a_note_is_the_decision(line):
    found = read("The Council considered a request for a grant from the Scouts.", line)
    assert kinds(found) == ["note", "resolution"]
    decided = found[1]
    assert (decided.mover, decided.seconder, decided.unanimous, decided.outcome) == (
        "Cllr Yew", "Cllr Orrin", True, "carried")


def test_a_mover_line_with_its_vote_goes_to_the_decision_before_it():
    first, second = read("That a grant of £200 be paid to the Scouts.",
                         "Proposed: Cllr Yew  Seconded: Cllr Orrin  All in favour")
    assert (first.kind, second.kind) == ("resolution", "note")
    assert (first.mover, first.unanimous, first.outcome) == ("Cllr Yew", True, "carried")


def test_a_mover_line_with_no_vote_and_no_decision_stays_a_note():
    found = read("The Council considered a request for a grant.",
                 "Proposed by Cllr Yew, seconded by Cllr Orrin.")
    assert kinds(found) == ["note", "note"]


def test_a_decision_recorded_as_agreed_with_its_proposer_was_carried():
    first, *_ = read("Minutes of the meeting held on 3 March were agreed.",
                     "Proposed by Cllr Yew and seconded by Cllr Orrin")
    assert (first.kind, first.mover, first.outcome) == ("resolution", "Cllr Yew", "carried")


def test_a_motion_minuted_only_as_moved_has_no_outcome():
    piece, = read("It was prop. Mr. Hale, 2nd Mr. Brack that the old seat be replaced.")
    assert (piece.mover, piece.seconder, piece.outcome) == ("Mr. Hale", "Mr. Brack", None)


def test_a_vote_line_with_a_resolution_number_goes_to_the_resolution():
    found = read("RESOLUTION: That the minutes of 2 May be confirmed.",
                 "MOVED: Cr Abel SECONDED: Cr Bligh CARRIED RESOLUTION NO.2031/GM0042 5/0")
    assert kinds(found) == ["resolution", "note"]
    assert (found[0].mover, found[0].seconder, found[0].votes_for) == ("Cr Abel", "Cr Bligh", 5)


def test_a_triple_count_keeps_its_nay_when_a_member_passed():
    piece, = read("Moved by Ames to adopt. Motion Carried 5-1-1. Nays: Bolt. Pass: Cato.")
    assert (piece.votes_for, piece.votes_against, piece.votes_abstain) == (5, 1, 1)
    assert piece.named["against"] == ["Bolt"] and piece.named["abstain"] == ["Cato"]


def test_a_pair_count_with_a_pass_is_an_abstention_still():
    piece, = read("Moved by Ames to adopt. Motion Carried 6-1. Pass: Cato.")
    assert (piece.votes_for, piece.votes_against, piece.votes_abstain) == (6, 0, 1)


# --- "second" as a count, not a seconder -----------------------------------------------------

@pytest.mark.parametrize("text", [
    "RESOLVED that meetings be held on the second Tuesday of each month.",
    "RESOLVED that the second Phase of the works go ahead.",
    "Moved by Cllr Abel to adopt. PASSED TO SECOND READING ON 9 MAY",
    "RESOLVED that the office on the 2nd Floor be let.",
])
def test_an_ordinal_second_names_no_seconder(text):
    assert all(piece.seconder is None for piece in read(text))


@pytest.mark.parametrize("text, seconder", [
    ("Motion: Cllr Abel / Second: Cllr Bligh. Carried.", "Cllr Bligh"),
    ("It was prop. Mr. Hale, 2nd Mr. Brack that the seat be replaced.", "Mr. Brack"),
    ("Moved Smith, second Jones. Carried.", "Jones"),
    ("Moved by Cllr Abel, second by Cllr Bligh, to adopt.", "Cllr Bligh"),
])
def test_second_still_names_a_seconder(text, seconder):
    assert decisions.movers(text)[1] == seconder


# --- minutes confirmed in the agenda's words ----------------------------------------------

CONFIRM = "To confirm as a true record the minutes of the Board meeting held on 4 March 2031."


@pytest.mark.parametrize("text", [
    CONFIRM,
    "To approve as a correct record the minutes of the meeting of 2 May.",
    "TO CONFIRM the minutes of the last meeting as an accurate record.",
    "To sign the minutes of 6 June as a true and correct record.",
])
def test_an_agenda_worded_confirmation_with_nothing_after_it_is_the_decision(text):
    found = read(text, "There were no matters arising.")
    assert kinds(found) == ["resolution", "note"]


def test_a_confirmation_cut_from_what_follows_it_in_its_paragraph():
    found = read(CONFIRM + " Matters arising:", "None.")
    assert kinds(found) == ["resolution", "note", "note"]
    assert found[1].text == "Matters arising:" and found[1].joined


def test_a_confirmation_followed_by_its_decision_is_the_agenda_s_words():
    found = read(CONFIRM, "The minutes were confirmed and signed by the Chair.")
    assert kinds(found) == ["note", "resolution"]


def test_a_confirmation_takes_the_vote_line_after_it():
    found = read(CONFIRM, "Carried.")
    assert kinds(found) == ["resolution", "note"] and found[0].outcome == "carried"


@pytest.mark.parametrize("text", [
    "To approve the minutes of the meeting held on 4 March 2031.",  # no record formula
    "To confirm the minutes of the last meeting.",
    "To receive the report of the Clerk.",
])
def test_agenda_wording_without_the_record_formula_is_no_decision(text):
    assert kinds(read(text)) == ["note"]


def test_a_heading_in_the_agenda_s_words_is_no_decision():
    pieces = [Piece(CONFIRM, line_kind="heading")]
    assert kinds(decisions.read(pieces)) == ["note"]


# --- "<thing> agreed": a small body's shorthand ----------------------------------------

@pytest.mark.parametrize("text", [
    "Date of next meeting agreed as 5 June.",
    "Quote from Ash Fencing accepted.",
    "1. Next meeting - Items agreed for inclusion in next agenda",
    "Precept of £12,000 approved unanimously.",
    "Minutes approved.",
    "Annual Accounts approved.",
])
def test_a_thing_and_its_participle_is_a_decision(text):
    assert decisions.read_sentence(text).form == "body"


@pytest.mark.parametrize("text", [
    "Roy agreed.",                                        # a name and his verb
    "Jo and Sam agreed to help.",
    "Cllr Ash agreed to contact the school.",
    "The dates agreed last year were kept.",             # a clause's subject
    "The items agreed at the last meeting have been done.",
    "Everyone agreed.",
    "Planning application 24/0012 approved by the District Council.",
    "Budget agreed.",                                     # one capitalised word: a name, perhaps
])
def test_a_participle_after_someone_or_in_a_clause_is_no_decision(text):
    assert decisions.read_sentence(text).form is None


# --- run-on numbered points ------------------------------------------------------------

def spans(text: str) -> list[str]:
    return [text[a:b] for a, b in decisions.sentences(text)]


def test_a_run_on_point_s_number_opens_the_next_sentence():
    text = "1. Next meeting - Items agreed for the next agenda 2. Bypass Members noted it. Then:"
    assert spans(text) == ["1. Next meeting - Items agreed for the next agenda",
                           "2. Bypass Members noted it.", "Then:"]


@pytest.mark.parametrize("text, first", [
    ("The hall was booked for item 2. Then the meeting closed.",
     "The hall was booked for item 2."),
    ("1. Roads were discussed at item 2. Then the Clerk left.",
     "1. Roads were discussed at item 2."),
    ("1. See page 2. Then sign.", "1. See page 2."),
    ("1. The bins were emptied 3. Then it rained.", "1. The bins were emptied 3."),
])
def test_a_number_that_is_no_next_point_ends_its_sentence(text, first):
    assert spans(text)[0] == first


def test_owners_in_a_column_go_to_the_points_in_order():
    pieces = decisions.read([
        Piece("1. Next meeting - Items agreed for the next agenda 2. Bypass Members noted "
              "with concern the route chosen. Arising therefrom:"),
        Piece("|"), Piece("Clerk"), Piece("JR Clerk")])
    found = actions.read(pieces)
    owned = [(p.text[:10], p.owner) for p in found if p.owner]
    assert owned == [("1. Next me", "Clerk"), ("2. Bypass ", "JR Clerk")]


# --- hostile input -----------------------------------------------------------------------

@pytest.mark.parametrize("line", [
    "This was carried " + "unanimously " * 90_000,
    "This " + "was " * 250_000 + "carried.",
    "To confirm " + "as a true " * 100_000 + "record",
    "To approve " + "a " * 500_000,
    "Items " + "agreed " * 150_000,
    "1. " + "Aa " * 300_000 + "agreed for",
    "1. " + "x 2. " * 200_000,
    "Moved by A. " + "second " * 150_000,
    "Moved by A, " + "2nd " * 250_000 + "Reading",
    "MOVED: Cr A SECONDED: Cr B " + "NO.2031/GM" * 100_000,
    "Proposed: Cllr A Seconded: Cllr B " + "All in favour " * 70_000,
], ids=lambda line: line[:24])
def test_hostile_lines_for_the_outcome_patterns_finish(line):
    decisions.read([Piece(line)])
    decisions.read([Piece(PROPOSED), Piece(line)])
    decisions.read([Piece("Cllr A raised it."), Piece(line), Piece("Carried.")])
    decisions.read_sentence(line)
    decisions.sentences(line)
