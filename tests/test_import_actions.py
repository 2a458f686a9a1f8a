"""Actions read from an item's pieces, and owners given to decisions (invented minutes)."""

from __future__ import annotations

import datetime as dt

import pytest

from clerk_tui.importer import actions
from clerk_tui.importer.pieces import Piece, paragraphs


def read(*texts: str, kinds: dict[int, str] | None = None) -> list[Piece]:
    pieces = [Piece(text) for text in texts]
    for at, kind in (kinds or {}).items():
        pieces[at].kind = kind  # type: ignore[assignment]
    found = actions.read(pieces)
    assert paragraphs(found) == list(texts)  # the words whole, labels and all
    return found


def shape(found: list[Piece]) -> list[tuple[str, str | None]]:
    return [(p.kind, p.owner) for p in found]


@pytest.mark.parametrize("text, owner", [
    ("ACTION: Clerk to write to the owner of the verge.", "Clerk"),
    ("Action: Jo Pike to book the hall for the fete.", "Jo Pike"),
    ("AP 3: Treasurer to renew the insurance.", "Treasurer"),
    ("AP. TB to circulate the revised policy.", "TB"),
    ("Action point 4: obtain quotes for the hedge.", None),
    ("The hedge overhangs the footway. ACTION", None),
    ("The hedge overhangs the footway. ACTION: JS", "JS"),
    ("The hedge overhangs the footway. ACTION – Clerk", "Clerk"),
    ("The hedge overhangs the footway and must be cut back.... JS", "JS"),
    ("Replace the broken noticeboard (Clerk, by 30 June 2024).", "Clerk"),
])
def test_labelled_actions_keep_their_labels_in_the_text(text, owner):
    assert shape(read(text)) == [("action", owner)]


@pytest.mark.parametrize("text, owner", [
    ("Clerk to write to the bus company about the timetable.", "Clerk"),
    ("ES to inform the applicant of the decision.", "ES"),
    ("The Clerk would action this.", "The Clerk"),
    ("The Chair agreed to contact the landowner.", "The Chair"),
    ("Officers to report back to the next meeting.", "Officers"),
    ("It was agreed that the Clerk would obtain three quotes.", "the Clerk"),
    ("Mr. Pell offered to quote for a new gate.", "Mr. Pell"),
    ("Hana to discuss the lighting with the electrician.", "Hana"),
    ("Cllr Wren undertook to speak to the school.", "Cllr Wren"),
    ("The Clerk was asked to chase the contractor.", "The Clerk"),
    ("All members to send comments to the Clerk within a week.", "All members"),
    ("Refer to Parks Department for a costed plan.", "Parks Department"),
    ("Consensus was reached for Trustee Ames and Mr Colby to work on the policy.",
     "Trustee Ames and Mr Colby"),
    ("Agreed to write to the Police Commander.", None),
    ("To suggest to the County that the drain is cleared.", None),
    ("Quotes to be obtained for a new sign.", None),
    (("The Committee requested that an update on the cycle lanes be presented to the next "
      "meeting."), None),
    ("Members requested that officers provide a briefing on the budget.", "officers"),
])
def test_owned_sentences_without_a_label(text, owner):
    assert shape(read(text)) == [("action", owner)]


def test_a_task_after_other_words_is_cut_where_its_sentence_begins():
    found = read("The village sign is damaged. Quotes to be obtained for a new one.")
    assert shape(found) == [("note", None), ("action", None)]
    assert found[1].joined


def test_a_list_number_does_not_cut_the_task():
    assert shape(read("1\\. Solicitor to be asked to hurry the sale along.")) == [("action", None)]


def test_an_owner_on_the_line_after_the_task():
    found = read("The bench at the green is broken and needs a new slat.", "Action: J Smith")
    assert shape(found) == [("action", "J Smith"), ("note", None)]


def test_an_action_column_of_owners():
    found = read("The Clerk reported on the arrangements for the fete.", "Clerk")
    assert shape(found) == [("action", "Clerk"), ("note", None)]
    assert shape(read("Clerk |")) == [("action", "Clerk")]


def test_a_role_line_that_is_a_sentence_cut_by_the_page_is_no_owner():
    found = read("The motion was put to the meeting and carried by all present.", "Staff",
                 "to provide progress reports at each meeting.")
    assert found[0].kind == "note"


def test_due_dates_are_read_only_when_given_in_full():
    found = read("AP 3: Treasurer to renew the insurance by 31 March 2025.",
                 "Clerk to write to the landowner by the next meeting.")
    assert found[0].due == dt.date(2025, 3, 31)
    assert found[1].kind == "action" and found[1].due is None


def test_a_decision_that_gives_work_keeps_its_kind_and_gains_owner_and_due():
    found = read("RESOLVED that the Clerk write to the landlord by 1 May 2025.",
                 kinds={0: "resolution"})
    assert shape(found) == [("resolution", "the Clerk")]
    assert found[0].due == dt.date(2025, 5, 1)


@pytest.mark.parametrize("text, owner", [
    (("Moved by Hale to receive, file and refer to City Legal Department for review. Motion "
      "Carried 6-1."), "City Legal Department"),
    ("RESOLVED that the Director of Finance be authorised to procure a new boiler.",
     "the Director of Finance"),
    ("Resolved to ask the Clerk to contact the bus operator.", "the Clerk"),
    ("RESOLVED that the minutes be approved as a true record.", None),
    ("The Council AGREED to provide the extension under the Act.", None),
])
def test_owners_of_decisions(text, owner):
    assert shape(read(text, kinds={0: "resolution"})) == [("resolution", owner)]


@pytest.mark.parametrize("texts", [
    ["The Clerk reported that the grass had been cut."],
    ["Officers had been asked previously to look at this."],
    ["1.00 / APOLOGIES AND MEMBERSHIP ISSUES / ACTION"],
    ["Actions 1 APOLOGIES AND OTHER BUSINESS"],
    ["Letter to residents about the fete."],
    ["Response to consultation on housing."],
    ["Trustees agreed that the term of office would be one year."],
    ["Members agreed to defer the item."],
    ["To receive the minutes of the last meeting."],
    ["The next meeting to be held on 3 March."],
    ["Clerk to the Council: Mrs P Lane"],
    ["Signed ______________", "Chairman"],
    ["In Attendance - DOC"],
    ["Authorizing Assessment Clerk to correct the roll."],
    ["Welcome to new members of the group."],
    ["The report outlined indicators to be included in future reports."],
    ["Local businesses need to be consulted on the plan."],
    ["The item was moved to the Action Agenda of the next meeting."],
])
def test_narrative_and_traps_stay_notes(texts):
    assert all(kind == "note" for kind, _owner in shape(read(*texts)))


def test_only_notes_and_decisions_are_read():
    pieces = [Piece("Clerk to write to the owner.", kind="question"),
              Piece("Clerk to write to the owner.", line_kind="heading")]
    assert [p.kind for p in actions.read(pieces)] == ["question", "note"]


@pytest.mark.parametrize("hostile", [" " * 1_000_000, "(" * 1_000_000, "1" * 1_000_000,
                                     "Mr. " * 250_000, "Clerk to write. " * 60_000,
                                     "ACTION: " + "JS/" * 300_000, "(Clerk, by " * 90_000,
                                     "x " * 500_000 + "ACTION", "|" * 1_000_000])
def test_a_hostile_line_is_read_quickly(hostile):
    text = hostile.strip() or "x"
    for kind in ("note", "resolution"):
        found = actions.read([Piece(text, kind=kind)])
        assert paragraphs(found) == [text]


def test_a_label_before_the_task_and_the_owner_in_brackets_after_it():
    (piece,) = actions.read([Piece("ACTION: Send the survey to tenants (Housing Officer, by "
                                   "14 May 2025)")])
    assert (piece.kind, piece.owner, piece.due) == ("action", "Housing Officer", dt.date(2025, 5, 14))


# --- round 2: more of the ways minutes give someone work ---------------------------------

@pytest.mark.parametrize("text, owner", [
    ("The hedge needs cutting back from the path. ACTION CLERK", "CLERK"),
    ("The hedge needs cutting back from the path. ACTION JS.", "JS"),
    ("The board asked for a revised risk register. Action: All", "All"),
    ("The dog bin is broken; quotes to be obtained (Clerk).", "Clerk"),
    ("Quotes to be sought for the new fence. (JS)", "JS"),
    ("Circulate the revised plan to all members · CEO · March 2025", "CEO"),
    ("The bench at the green needs a new slat. Action by: Clerk", "Clerk"),
])
def test_more_labels_and_owner_marks(text, owner):
    assert shape(read(text)) == [("action", owner)]


@pytest.mark.parametrize("text, owner", [
    ("Staff was directed to prepare an ordinance for the next meeting.", "Staff"),
    ("Council directed staff to bring back options for the parking lot.", "staff"),
    ("The Committee instructed the Clerk to obtain three quotes.", "the Clerk"),
    ("Cllr Rees would be asked to meet the developer.", "Cllr Rees"),
    ("Mr Vance, the Town Planner, will provide an update at the next meeting.",
     "Mr Vance, the Town Planner"),
    ("Following discussion, the Clerk will write to the owner.", "the Clerk"),
    ("Members were asked to send their comments to the Clerk.", "Members"),
])
def test_more_owned_sentences(text, owner):
    assert shape(read(text)) == [("action", owner)]


@pytest.mark.parametrize("text, owner", [
    ("Resolved that the Clerk writes to the bus operator.", "the Clerk"),
    ("RESOLVED: That the Clerk arranges for the bench to be repaired.", "the Clerk"),
    ("Agreed: Clerk to write to the school.", "Clerk"),
    (("Moved by Oduya to receive, file and refer comments to the City Manager. Motion "
      "Carried 5-2."), "the City Manager"),
    ("Resolved to refer the matter to the St. Kew Trust.", "the St. Kew Trust"),
    ("RESOLVED that the Council notes the report.", None),
])
def test_more_owners_of_decisions(text, owner):
    assert shape(read(text, kinds={0: "resolution"})) == [("resolution", owner)]


@pytest.mark.parametrize("texts", [
    ["The Council adopted the CLIMATE ACTION PLAN."],
    ["Apologies were received from Cllr Tolland (Chair)."],
    ["Minute · Action · Owner"],
    ["Chase the quote for the new fence · TBC"],
    ["The meeting closed at 9.40 pm with thanks to all who attended.", "Chairman"],
    ["Matters arising: the Clerk had written to the police. Action: ongoing"],
    ["In 2023, the Council will review the policy."],
    ["The Mayor asked the Clerk to read the notice of meeting."],
])
def test_more_traps_stay_notes(texts):
    assert all(kind == "note" for kind, _owner in shape(read(*texts)))


def test_a_label_opening_a_later_sentence_cuts_the_task_from_what_went_before():
    found = read("The treasurer presented the accounts. ACTION: Treasurer to send them to the "
                 "auditor by 30 June 2025.")
    assert shape(found) == [("note", None), ("action", "Treasurer")]
    assert found[1].due == dt.date(2025, 6, 30)


def test_one_label_over_tasks_for_several_owners():
    found = read("ACTIONS: The Clerk to circulate the draft policy. Cllr Quarrie to check the "
                 "playground.")
    assert shape(found) == [("action", "The Clerk"), ("action", "Cllr Quarrie")]


def test_an_owner_line_under_a_task_already_owned_is_no_second_action():
    found = read("The Clerk will circulate the dates.", "ACTION: Clerk")
    assert shape(found) == [("action", "The Clerk"), ("note", None)]


def test_an_owner_line_after_a_paragraph_another_pass_cut():
    pieces = [Piece("Resolved: pay Avon Signs £10 and Bray Co.", kind="resolution"),
              Piece("Ltd £5", joined=True), Piece("Clerk")]
    assert shape(actions.read(pieces)) == [("resolution", "Clerk"), ("note", None),
                                           ("note", None)]


def test_owners_in_a_column_beside_numbered_points_run_together():
    found = read("1. Agenda items for the next meeting were agreed 2. Members noted the new bus "
                 "timetable with concern.", "Clerk", "JS")
    assert shape(found) == [("action", "Clerk"), ("action", "JS"), ("note", None),
                            ("note", None)]
    assert found[1].joined and found[1].text.startswith("2. Members")


@pytest.mark.parametrize("hostile", ["ACTION " * 150_000, "(Clerk) " * 120_000,
                                     "x · " * 250_000, "1. 2. " * 160_000,
                                     "Following, " * 90_000, "refer to A. " * 80_000],
                         ids=["action", "bracket", "cells", "points", "opening", "refer"])
def test_more_hostile_lines_are_read_quickly(hostile):
    text = hostile.strip()
    for kind in ("note", "resolution"):
        found = actions.read([Piece(text, kind=kind), Piece("Clerk"), Piece("JS")])
        assert paragraphs(found)[0] == text


def test_a_task_after_a_question_is_cut_from_it_and_the_question_keeps_its_asker():
    pieces = [Piece("Cllr Pym asked whether the lights were on a timer. The Clerk will find out.",
                    kind="question")]
    pieces[0].asker = "Cllr Pym"
    found = actions.read(pieces)
    assert [(p.kind, p.asker, p.owner) for p in found] == [("question", "Cllr Pym", None),
                                                           ("action", None, "The Clerk")]
    assert found[1].joined


def test_an_answer_that_promises_work_in_its_own_words_stays_an_answer():
    pieces = [Piece("The Leader replied that officers would report back in March.",
                    kind="response")]
    assert [p.kind for p in actions.read(pieces)] == ["response"]


# --- round 3: any verb after "<owner> to", tasks after a topic, action logs ----------------

@pytest.mark.parametrize("text, owner", [
    ("AP5: KW to sign the tenancy once it is returned.", "KW"),
    ("RT to sign the hire agreement once received.", "RT"),
    ("Action: Treasurer to file the VAT return with the bank.", "Treasurer"),
    ("Action: Mrs Okafor to carry out a site walk.", "Mrs Okafor"),
    ("Mr Lund and Mrs Vey to carry out the tree survey.", "Mr Lund and Mrs Vey"),
    ("The Warden to padlock the gate at dusk.", "The Warden"),
    ("Pat Dorne to lodge the claim with the insurer.", "Pat Dorne"),
    ("The Board instructed the Treasurer to file the accounts.", "the Treasurer"),
    ("It was agreed for Cllr Ng to host the quiz night.", "Cllr Ng"),
    ("(iii) to instruct the Head of Parks to report back in June.", "the Head of Parks"),
])
def test_any_verb_in_its_base_form_after_an_owner_and_to(text, owner):
    assert shape(read(text)) == [("action", owner)]


@pytest.mark.parametrize("text, owner", [
    ("Roads - Cllr Marsh to report the blocked gully.", "Cllr Marsh"),
    ("Drain outside 9 Mill Lane – the Clerk will chase the county for a date.", "the Clerk"),
    ("Bus shelter: the Clerk to seek a second quote.", "the Clerk"),
])
def test_a_task_after_its_topic_keeps_the_topic_in_its_text(text, owner):
    (piece,) = read(text)
    assert (piece.kind, piece.owner, piece.text) == ("action", owner, text)


@pytest.mark.parametrize("texts", [
    ["Members to the hall after the meeting for refreshments."],
    ["Residents to the north of the green objected to the scheme."],
    ["Routes to school were discussed at length."],
    ["Clerk to council"],
    ["In attendance - Clerk to council"],
    ["Improvements to pavement"],
    ["Funding to support the hall is available from the county."],
    ["Permission to erect a shed was refused."],
    ["Works to repair the wall."],
    ["Cllr Pym to chair the working group."],
    ["The Chair would like to thank the volunteers."],
    ["Arrangements for the fete - Members to note the date."],
    ["Mr Ode asked the Clerk to explain the figures."],
    ["Next meeting to be held on 4 May."],
])
def test_to_that_gives_nobody_work_stays_a_note(texts):
    assert all(kind == "note" for kind, _owner in shape(read(*texts)))


@pytest.mark.parametrize("text, owner", [
    ("RESOLVED - That the Committee's report on the review be published.", None),
    ("RESOLVED that the Highways update be noted.", None),
    ("RESOLVED to instruct the Clerk to lodge an objection.", "the Clerk"),
    ("RESOLVED to ask the Clerk to lodge an objection.", "the Clerk"),
    ("RESOLVED that the Clerk be instructed to sign the lease.", "the Clerk"),
])
def test_possessives_and_passive_decisions_have_no_owner(text, owner):
    assert shape(read(text, kinds={0: "resolution"})) == [("resolution", owner)]


@pytest.mark.parametrize("word, after, verb", [
    ("sign", " the lease", True), ("file", ".", True), ("discuss", " it", True),
    ("bring", " the book", True), ("implement", " the scheme", True),
    ("the", " hall", False), ("be", " held", False), ("school", " were closed", False),
    ("pavement", "", False), ("meetings", " with", False), ("agreed", " it", False),
    ("shortly", " after", False), ("note", " the report", False), ("council", ":", False),
])
def test_a_base_form_verb_by_its_shape_and_what_follows(word, after, verb):
    assert actions.base_form(word, after) is verb


def test_a_bare_name_before_a_verb_needs_the_verb_s_object():
    assert actions.base_form("confirm", " the booking", strong_owner=False)
    assert not actions.base_form("confirm", ".", strong_owner=False)


def test_an_action_log_s_rows_are_actions_with_owner_and_due_from_their_columns():
    found = read("Action | Owner | Due", "Write to the bus company | Clerk | 30/06/2025",
                 "Mend the stile | TBC | when possible", "The meeting closed at 9 pm.")
    assert [(p.kind, p.owner, p.due) for p in found] == [
        ("note", None, None), ("action", "Clerk", dt.date(2025, 6, 30)),
        ("action", None, None), ("note", None, None)]


def test_an_action_log_with_a_reference_column_and_a_rule_under_its_header():
    found = read("| Ref | Action | Lead | Deadline |", "|---|---|---|---|",
                 "| 4 | Order two dog bins | Cllr Vey | 1 May 2025 |")
    assert [(p.kind, p.owner, p.due) for p in found] == [
        ("note", None, None), ("note", None, None),
        ("action", "Cllr Vey", dt.date(2025, 5, 1))]


def test_an_action_log_from_a_word_table_and_in_columns_of_spaces_or_tabs():
    found = read("Action · Owner · Due", "Replant the tubs by the war memorial · Cllr Ash · June")
    assert shape(found) == [("note", None), ("action", "Cllr Ash")]
    found = read("Action: Owner", "Repaint the bench: Mr Cole",
                 "Write to the owner of the field behind the hall about the fence · Clerk")
    assert shape(found) == [("note", None), ("action", "Mr Cole"), ("action", "Clerk")]
    found = read("Action\tOwner", "Sweep the car park\tWarden")
    assert shape(found) == [("note", None), ("action", "Warden")]
    found = read("Task    Who    When", "Book the hall    JS    12/09/2025")
    assert [(p.kind, p.owner, p.due) for p in found] == [
        ("note", None, None), ("action", "JS", dt.date(2025, 9, 12))]


def test_a_header_with_no_owner_column_is_no_action_log():
    found = read("Item | Description | Date", "5 | Hall roof survey | 01/07/2025")
    assert shape(found) == [("note", None), ("note", None)]


@pytest.mark.parametrize("hostile", ["X to " * 250_000, "Roads – " * 125_000, "a - " * 250_000,
                                     "Action | Owner | " * 60_000, "to instruct the A " * 55_000,
                                     "x  " * 330_000, "\t" * 999_999 + "x", "GM to sign " * 90_000],
                         ids=["to", "dash", "hyphen", "log", "instruct", "spaces", "tabs", "sign"])
def test_round_three_hostile_lines_are_read_quickly(hostile):
    text = hostile.strip()
    for kind in ("note", "resolution"):
        pieces = [Piece("Action | Owner | Due"), Piece(text, kind=kind), Piece(text)]
        found = actions.read(pieces)
        assert paragraphs(found)[1] == text


# --- wave 4: units under a label, tasks later in a paragraph, headers, owned decisions ----

@pytest.mark.parametrize("text, owner", [
    ("Action: Drainage Section to clear the culvert.", "Drainage Section"),
    ("Action: Sidesmen to count the collection.", "Sidesmen"),
    ("ACTION: Grounds Team to mow the verge.", "Grounds Team"),
])
def test_a_unit_or_a_plural_under_an_action_label_is_the_owner(text, owner):
    assert shape(read(text)) == [("action", owner)]


def test_an_owned_task_later_in_a_paragraph_is_cut_out_word_for_word():
    text = ("The path by the pond was discussed. Rosemary to prepare a map of it. "
            "Cllr Ottery said he would ask the county about it. The fence leans. "
            "Bernard said he would paint it.")
    found = read(text)
    assert shape(found) == [("note", None), ("action", "Rosemary"),
                            ("action", "Cllr Ottery"), ("action", "Bernard")]


def test_each_owner_in_a_run_of_tasks_gets_an_action():
    found = read("We agreed to hire a skip. Pip will collect the key. Lou said she would pay. "
                 "Kit is going to invite the scouts.")
    assert [p.owner for p in found if p.owner] == ["Pip", "Lou", "Kit"]


@pytest.mark.parametrize("text", [
    "Cllr Ottery said he would support the motion.",
    "The Council said it would review the policy.",
    "Nobody is going to the fair this year.",
])
def test_opinions_and_narrative_are_no_tasks(text):
    assert shape(read(text)) == [("note", None)]


def test_a_progress_table_s_header_is_never_an_action():
    found = read("Min ref | Matter | Action by | Status",
                 "24/011 | Mend the lych gate | Clerk | Complete")
    assert [p.kind for p in found] == ["note", "note"]


def test_a_decision_that_gives_work_keeps_the_owner_after_it():
    found = read("The Board NOTED the report and AGREED that the Audit Panel should review "
                 "the reserves policy in spring.", "Action: Head of Treasury")
    assert shape(found)[0] == ("resolution", "Head of Treasury")


@pytest.mark.parametrize("hostile", [
    "Action: " + "A" * 1_000_000, "Bo said he would " * 60_000, "Ab | " * 200_000,
    "Hilary " * 150_000 + "to prepare",
])
def test_wave_four_hostile_lines_are_read_quickly(hostile):
    read(hostile)
