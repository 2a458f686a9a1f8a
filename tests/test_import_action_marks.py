"""An action's owner and due date in a bracket after its task, and owners of decisions
that give someone work (invented minutes: every body, place and person is made up)."""

from __future__ import annotations

import datetime as dt

import pytest

from clerk_tui.importer import actions, decisions
from clerk_tui.importer.pieces import Piece, paragraphs


def read(*texts: str) -> list[Piece]:
    """The pieces read by both passes, the words kept whole, brackets and labels too."""
    found = actions.read(decisions.read([Piece(text) for text in texts]))
    assert paragraphs(found) == list(texts)
    return found


def one(text: str) -> Piece:
    piece, = read(text)
    return piece


# --- the owner and when in a bracket ---------------------------------------------------

@pytest.mark.parametrize("text, owner, due", [
    ("ACTION: Clerk to obtain three quotes for the new bench (Clerk, March 2031)", "Clerk", None),
    ("Action: review the asset register (JT / 30 June)", "JT", None),
    ("Arrange a site visit with the allotment tenant (Action: PK by end of May)", "PK", None),
    ("Update the website. (RB, ongoing)", "RB", None),
    ("Write to the highways team about the verge (Cllr Moss, by next meeting)", "Cllr Moss", None),
    ("Renew the hall insurance (Treasurer, 31 March 2031).", "Treasurer", dt.date(2031, 3, 31)),
    ("Chase the contractor about the gate (Clerk / ASAP)", "Clerk", None),
    ("Order two new bins for the park (JS, Q3)", "JS", None),
    ("Check the play area fencing (Jo Pike, w/c 5 May)", "Jo Pike", None),
    ("Book the hall for the quiz (Actions: Clerk and Chair, 1 June 2031)", "Clerk and Chair",
     dt.date(2031, 6, 1)),
])
def test_a_bracket_after_the_task_gives_its_owner_and_due_date(text, owner, due):
    piece = one(text)
    assert (piece.kind, piece.owner, piece.due) == ("action", owner, due)
    assert piece.text == text  # the bracket stays in the record


@pytest.mark.parametrize("text", [
    "A letter was received from a resident (Mr Jones, 5 May 2031).",  # a letter's reference
    "The hall roof was inspected (Phase 2, ongoing).",
    "Cllr Ames reported on the fete (see Appendix 2, May 2031).",
    "The report of the Clerk was received (Clerk, Chair).",              # no when
    "The fete raised £400 (Summer Fair, June 2031).",
    "The minutes were signed (Chair, 4 May 2031).",
    "The village plan (Smith, 2019) was discussed at length by members.",  # not at the end
])
def test_a_bracket_that_names_no_owner_and_when_of_a_task_is_no_action(text):
    assert one(text).kind == "note"


def test_a_decision_s_bracket_gives_the_decision_its_owner_and_due_date():
    piece = one("RESOLVED to obtain three quotes for the hedge (Clerk, by 30 June 2031).")
    assert (piece.kind, piece.owner, piece.due) == ("resolution", "Clerk", dt.date(2031, 6, 30))


# --- a decision that gives someone work ------------------------------------------------

@pytest.mark.parametrize("text, owner", [
    ("RESOLVED that the Clerk write to the owner of the paddock.", "the Clerk"),
    ("It was agreed that Cllr Dean would contact the primary school.", "Cllr Dean"),
    ("The Committee agreed that Cllr Dean should contact the primary school.", "Cllr Dean"),
    ("The Board agreed that the Chair would write to the Minister.", "the Chair"),
    ("RESOLVED that Mrs Penrose will draft a reply to the residents.", "Mrs Penrose"),
    ("RESOLVED: that the Clerk be instructed to obtain quotes for the fence.", "the Clerk"),
    ("The Committee agreed that Highways should be asked to repair the drain.", "Highways"),
])
def test_a_decision_that_gives_work_carries_its_owner(text, owner):
    piece = one(text)
    assert (piece.kind, piece.owner) == ("resolution", owner)


@pytest.mark.parametrize("text", [
    "Agreed to write to the police.",                        # work, but nobody named
    "RESOLVED that the hall would remain closed in August.",
    "The Council agreed that the Clerk would like to retire.",  # no work
    "The Council agreed that the matter would be deferred.",
    "RESOLVED that the report of the Clerk be received.",
    "RESOLVED that the Clerk's report be noted.",
])
def test_a_decision_naming_no_one_to_do_work_has_no_owner(text):
    piece = one(text)
    assert (piece.kind, piece.owner) == ("resolution", None)


# --- hostile input ------------------------------------------------------------------------

@pytest.mark.parametrize("line", [
    "Update the website (" + "RB, " * 250_000 + "ongoing)",
    "Update the website " + "(RB, ongoing) " * 70_000,
    "Update the website (" + "a" * 1_000_000 + ")",
    "Update the website (Action: " + "PK by " * 160_000 + "May)",
    "Update " + "(" * 1_000_000 + "RB, ongoing)",
    "RESOLVED that " + "the Clerk should " * 60_000 + "write",
    "It was agreed that Cllr " + "Dean " * 200_000 + "would contact the school.",
], ids=lambda line: line[:24])
def test_hostile_lines_for_the_bracket_patterns_finish(line):
    actions.read([Piece(line)])
    actions.read(decisions.read([Piece(line)]))
