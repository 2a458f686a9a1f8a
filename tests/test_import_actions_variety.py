"""Further shapes of actions and their owners, on invented minutes."""

from __future__ import annotations

import pytest

from clerk_tui.importer import action_shapes, actions
from clerk_tui.importer.pieces import Piece, paragraphs


def read(*texts: str, kinds: dict[int, str] | None = None) -> list[Piece]:
    pieces = [Piece(text) for text in texts]
    for at, kind in (kinds or {}).items():
        pieces[at].kind = kind  # type: ignore[assignment]
    found = actions.read(pieces)
    assert paragraphs(found) == list(texts)  # no word added or dropped
    return found


def tasks(found: list[Piece]) -> list[tuple[str, str | None]]:
    return [(p.kind, p.owner) for p in found if p.kind in ("action", "resolution")]


@pytest.mark.parametrize("text, owner", [
    ("RT – ring the grass contractor about the July cut", "RT"),
    ("Carried forward from March: PQ – chase the insurer for the renewal (ongoing).", "PQ"),
    ("Clerk - order two new litter bins for the green", "Clerk"),
])
def test_an_owner_then_a_dash_then_the_task(text, owner):
    assert tasks(read(text)) == [("action", owner)]


def test_a_topic_before_a_dash_is_no_owner():
    assert tasks(read("Hedges – the hedge by the pond is overgrown again")) == []


@pytest.mark.parametrize("text, owner", [
    ("Grant form for the 2026 summer fete to be sent (Secretary, 3 May).", "Secretary"),
    ("Room to be booked (Chair, 12 June).", "Chair"),
])
def test_a_passive_task_with_a_role_and_a_date_in_brackets(text, owner):
    assert tasks(read(text)) == [("action", owner)]


def test_a_word_opening_a_sentence_as_a_verb_is_nobody():
    found = read("Had to pay £12 for the key cutting (a one-off - Ottoline will check why).")
    assert all(p.owner != "Had" for p in found)
    assert action_shapes.verb_not_name("Had") and not action_shapes.verb_not_name("Hadley")


def test_still_to_and_a_contracted_would():
    assert tasks(read("Florian still to get prices for the shed door")) == [("action", "Florian")]
    assert tasks(read("Wenna said she'd mention it to the warden.")) == [("action", "Wenna")]


def test_they_would_reported_is_not_a_task():
    assert tasks(read("The landlord said they'd fix the gutter in May and never came.")) == []


def test_an_owner_line_after_a_decision_names_its_owner():
    found = read("Agreed that the Secretary would write to the estate office.", "Action: RM",
                 kinds={0: "resolution"})
    assert [(p.kind, p.owner) for p in found] == [("resolution", "RM"), ("note", None)]


def test_an_owner_line_after_an_unanswered_question_makes_it_the_task():
    found = read("The bowls club asked whether we would help at the open day.", "Action: All",
                 kinds={0: "question"})
    assert [(p.kind, p.owner) for p in found] == [("action", "All"), ("note", None)]


def test_a_named_council_speaking_is_no_owner():
    text = "That Brindlecombe County Council calls on the minister to reopen the ferry."
    found = read(text, kinds={0: "resolution"})
    assert found[0].owner is None
    assert action_shapes.body_named("Upper Vale Parish Council")
    assert not action_shapes.body_named("Cllr Moss")


@pytest.mark.parametrize("hostile", ["a " * 500_000, "Cllr " * 200_000, "JS – " * 200_000,
                                     "x to be " * 120_000])
def test_hostile_lines_return(hostile):
    actions.read([Piece(hostile)])
    action_shapes.passive_task(hostile)
    action_shapes.dashed_task(hostile, actions.owner_of, actions.strong, actions._verb)
    action_shapes.body_named(hostile[:5000])
