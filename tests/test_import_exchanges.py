"""Questions and answers read from an item's pieces (invented minutes throughout)."""

from __future__ import annotations

import pytest

from clerk_tui.importer import exchanges
from clerk_tui.importer.pieces import Piece, paragraphs


def read(*texts: str, kinds: dict[int, str] | None = None) -> list[Piece]:
    pieces = [Piece(text) for text in texts]
    for at, kind in (kinds or {}).items():
        pieces[at].kind = kind  # type: ignore[assignment]
    found = exchanges.read(pieces)
    assert paragraphs(found) == list(texts)  # no word added, dropped or moved
    return found


def shape(found: list[Piece]) -> list[tuple[str, str | None]]:
    return [(p.kind, p.asker if p.kind == "question" else p.responder) for p in found]


def test_question_and_reply_in_one_paragraph_are_split_where_the_answer_begins():
    found = read("Councillor Pardew asked whether the towpath at Mill Reach would be lit, "
                 "and the Clerk replied that the canal trust had refused.")
    assert shape(found) == [("question", "Councillor Pardew"), ("response", "the Clerk")]
    assert found[1].joined and found[1].text.startswith("and the Clerk replied")


def test_narrative_before_a_question_stays_a_note():
    found = read("The report was introduced. Cllr Oduya asked about the cost of the lights. "
                 "The Parish Clerk confirmed that three quotes had been sought.")
    assert shape(found) == [("note", None), ("question", "Cllr Oduya"),
                            ("response", "The Parish Clerk")]


def test_queried_and_explained_across_a_semicolon():
    found = read("Cllr Dunmore queried the figures in the appendix; the Finance Officer "
                 "explained that they included VAT.")
    assert shape(found) == [("question", "Cllr Dunmore"), ("response", "the Finance Officer")]


def test_in_response_to_a_question_from_someone_about_something():
    found = read("In response to a question from Councillor Ames about the car park, the Head "
                 "of Estates said that the lease ended in May.")
    assert shape(found) == [("question", "Councillor Ames"), ("response", "the Head of Estates")]


def test_a_bare_in_response_to_a_question_is_one_answer():
    found = read("In response to a question, the Director of Housing confirmed that the scheme "
                 "was funded.")
    assert shape(found) == [("response", "the Director of Housing")]


def test_a_question_folded_into_an_answer_inside_a_sentence():
    found = read("Views were expressed for and against, and in response to issues raised by "
                 "Members, Mr. Tolan clarified the following:-")
    assert shape(found) == [("note", None), ("question", "Members"), ("response", "Mr. Tolan")]


def test_an_answer_in_the_next_paragraph():
    found = read("Another Member asked what the timetable was.",
                 "The Treasurer explained that the audit would finish in June.")
    assert shape(found) == [("question", "Another Member"), ("response", "The Treasurer")]


@pytest.mark.parametrize("text, asker", [
    ("A member of the public asked if the hall could be hired for a wedding.",
     "A member of the public"),
    ("Mrs Gale (resident) asked why the footpath had been closed.", "Mrs Gale (resident)"),
    ("Following discussion, Councillor Marsh asked whether the scheme was affordable.",
     "Councillor Marsh"),
    ("In a supplementary question, Cllr Yates asked when work would start.", "Cllr Yates"),
    ("Cllr Ruiz also enquired about the opening hours of the depot.", "Cllr Ruiz"),
    ("Cllr Hobb sought clarification on the cost of the survey.", "Cllr Hobb"),
    ("She asked whether the survey had been published.", None),
])
def test_reported_questions(text, asker):
    assert shape(read(text)) == [("question", asker)]


def test_a_passive_answer_is_an_answer_by_nobody_named():
    found = read("Councillor Marsh asked whether grants existed. She was advised that they did.")
    assert shape(found) == [("question", "Councillor Marsh"), ("response", None)]


def test_q_and_a_labels_on_lines_of_their_own():
    found = read("Q. Will the Council grit Station Road this winter?",
                 "A. Yes, it is on the priority list.")
    assert shape(found) == [("question", None), ("response", None)]


def test_q_and_a_labels_on_one_line_are_split():
    found = read("Q: Is the bus shelter to be replaced? A: The County has agreed to replace it.")
    assert shape(found) == [("question", None), ("response", None)]
    assert found[1].joined


def test_a_public_question_under_labels_with_names():
    found = read("Question: Mr T. Fenwick, 4 Orchard Way, Lowbridge",
                 "To Councillor Ruth Okafor, Leader:-",
                 "Why has the library closed on Saturdays?",
                 "Response: Councillor Ruth Okafor",
                 "Thank you for the question. The hours were cut in the budget.",
                 "They will be reviewed next spring.")
    assert shape(found) == [("note", None), ("note", None), ("question", "Mr T. Fenwick"),
                            ("note", None), ("response", "Councillor Ruth Okafor"),
                            ("response", None)]


def test_a_written_question_and_its_reply():
    found = read("Written question from Cllr Ivo Brandt to the Cabinet Member for Transport:",
                 "How many potholes were filled last year?", "Reply:",
                 "The Cabinet Member reported that 1,200 had been filled.")
    assert shape(found) == [("note", None), ("question", "Cllr Ivo Brandt"), ("note", None),
                            ("response", "The Cabinet Member")]


def test_supplementary_question_and_reply_labels():
    found = read("Supplementary question: Will the figures be published?",
                 "Reply: Yes, on the website.")
    assert shape(found) == [("question", None), ("response", None)]


def test_questioning_people_on_a_subject():
    found = read("The Panel held a hearing, questioning Dr Ann Vale and Mr Roy Dade on a wide "
                 "range of matters.")
    assert shape(found) == [("question", "The Panel")]


@pytest.mark.parametrize("texts", [
    ["A. Questions on Notice"],
    ["Q3 budget monitoring was presented by the Treasurer."],
    ["Q3: budget monitoring"],
    ["Questions were invited but none were asked."],
    ["The Director asked the Committee to note the report."],
    ["Mr Quill asked that his objection be minuted."],
    ["The Chair asked if there were any questions from Members."],
    ["The Chair asked Members whether they agreed to defer the item."],
    ["Officers had asked for the item to be deferred."],
    ["The Clerk reported that the grass had been cut.", "A. Questions on Notice"],
    ["a. Minutes of the last meeting were approved."],
    ["Public Question Time"],
])
def test_traps_stay_notes(texts):
    assert all(kind == "note" for kind, _who in shape(read(*texts)))


def test_an_answer_label_without_a_question_before_it_stays_a_note():
    assert shape(read("Response: the consultation closes in May.")) == [("note", None)]


def test_only_notes_are_read_and_a_decision_ends_the_exchange():
    found = read("Cllr Noor asked whether the fence was needed.",
                 "RESOLVED that the fence be repaired.",
                 "The Clerk confirmed that the contractor was booked.",
                 kinds={1: "resolution"})
    assert [p.kind for p in found] == ["question", "resolution", "note"]


def test_headings_are_left_alone():
    pieces = [Piece("Q. Will the path be mended?", line_kind="heading")]
    assert exchanges.read(pieces)[0].kind == "note"


@pytest.mark.parametrize("hostile", [" " * 1_000_000, "(" * 1_000_000, "1" * 1_000_000,
                                     "Cllr X asked whether " + "a, " * 300_000,
                                     "Q. " + "? " * 500_000, "In response to a question, " * 40_000])
def test_a_hostile_line_is_read_quickly(hostile):
    found = exchanges.read([Piece(hostile.strip() or "x"), Piece("The Clerk replied.")])
    assert paragraphs(found)[0] == (hostile.strip() or "x")


# --- round 2: more of the ways minutes put a question and its answer ---------------------

def test_an_answer_given_to_someone_named_folds_in_their_question():
    found = read("In reply to Councillor Marsh, the Leader said that the budget was balanced.")
    assert shape(found) == [("question", "Councillor Marsh"), ("response", "the Leader")]
    assert found[1].text.startswith("the Leader said")


def test_an_answer_to_someone_named_after_their_question_is_only_the_answer():
    found = read("Councillor Marsh asked whether the budget was balanced.",
                 "In reply to Councillor Marsh, the Leader said that it was.")
    assert shape(found) == [("question", "Councillor Marsh"), ("response", "the Leader")]


def test_the_asker_told_the_answer_in_the_same_sentence():
    found = read("Cllr Penn asked if the road would be closed and was told that it would not.")
    assert shape(found) == [("question", "Cllr Penn"), ("response", None)]


def test_a_quoted_question_ends_its_sentence():
    found = read('Mr Fenn (resident) asked: "When will the potholes be filled?" The Chairman '
                 'replied that the County had been informed.')
    assert shape(found) == [("question", "Mr Fenn (resident)"), ("response", "The Chairman")]


def test_an_answer_after_to_which():
    found = read("Mr Dee asked whether the Council would support the bid, to which the Chair "
                 "replied that it would.")
    assert shape(found) == [("question", "Mr Dee"), ("response", "the Chair")]
    assert found[1].text.startswith("to which")


@pytest.mark.parametrize("text", [
    "The Clerk asked whether the Committee was content with the wording.",
    "The Mayor asked if the Council agreed to take the item next.",
])
def test_an_officer_or_the_chair_asking_the_body_for_its_view_is_no_question(text):
    assert shape(read(text)) == [("note", None)]


@pytest.mark.parametrize("texts, expected", [
    (["Question from Cllr Tait to the Portfolio Holder for Housing",
      "How many homes were built last year?", "Reply from the Portfolio Holder",
      "Two hundred and ten."],
     [("note", None), ("question", "Cllr Tait"), ("note", None),
      ("response", "the Portfolio Holder")]),
    (["Q - When will the toilets reopen?", "A - In April, once repairs are done."],
     [("question", None), ("response", None)]),
    (["Question (Cllr Voss): Is the car park to be charged?",
      "Answer (Leader): No decisions have been taken."],
     [("question", "Cllr Voss"), ("response", "Leader")]),
    (["Q. Cllr Rowe asked whether the grit bins would be refilled.",
      "A. The Clerk confirmed that the County would refill them."],
     [("question", "Cllr Rowe"), ("response", "The Clerk")]),
    (["Cllr Amos asked whether the grant had been paid.",
      "Response from the Council was awaited."],
     [("question", "Cllr Amos"), ("note", None)]),
    (["Cllr Bo asked whether the hall was free.", "Supplementary: Will it be free in May?"],
     [("question", "Cllr Bo"), ("question", None)]),
])
def test_more_labels(texts, expected):
    assert shape(read(*texts)) == expected


@pytest.mark.parametrize("text, asker", [
    ("1. Councillor Price asked the Leader what was being done about fly-tipping.",
     "Councillor Price"),
    ("Minutes: Councillor Oyelaran asked whether the depot would close.",
     "Councillor Oyelaran"),
    ("A question was asked about the cost of the fireworks.", None),
    ("Cllr Hobb sought an assurance on the safety of the bridge.", "Cllr Hobb"),
])
def test_more_reported_questions(text, asker):
    assert shape(read(text)) == [("question", asker)]


def test_it_was_asked_whether_there_were_questions_is_no_question():
    assert shape(read("It was asked whether there were any questions.")) == [("note", None)]


@pytest.mark.parametrize("text, responder", [
    ("When asked about the budget, the Treasurer said that it was on track.", "the Treasurer"),
    ("Asked about the timetable, the Director stated that work would begin in spring.",
     "the Director"),
])
def test_an_answer_opening_with_when_asked(text, responder):
    found = read(text)
    assert shape(found) == [("question", None), ("response", responder)]


@pytest.mark.parametrize("hostile", ["In reply to " * 100_000, "When asked about " * 60_000,
                                     'asked: "?" ' * 100_000, "Q - ? " * 150_000,
                                     "Minutes: " * 100_000, "to which " * 100_000],
                         ids=["reply-to", "when-asked", "quoted", "q-dash", "label", "to-which"])
def test_more_hostile_lines_are_read_quickly(hostile):
    found = exchanges.read([Piece("Cllr X asked whether it was safe."), Piece(hostile.strip())])
    assert paragraphs(found)[1] == hostile.strip()


@pytest.mark.parametrize(("text", "whom"), [
    ("Councillor Ode asked the Treasurer whether the reserve would cover the roof.", "the Treasurer"),
    ("Mrs Vane asked Councillor Hale about the date of the fair.", "Councillor Hale"),
    ("The Board held a hearing, questioning Dr Lin and Ms Bray on the plans for the ward.",
     "Dr Lin and Ms Bray"),
    ("Ms Gale put a question to the Leader about the bins.", "the Leader"),
    ("Cllr Ray asked him whether the gate was locked.", None),
    ("Cllr Ray asked whether the gate was locked.", None),
])
def test_whom_a_question_is_put_to_is_kept_as_written(text, whom):
    found = read(text)
    assert found[0].kind == "question"
    assert found[0].responder == whom


def test_a_question_received_from_someone_is_theirs():
    found = read("One question had been received from Mrs Dale Ember, asking what the council "
                 "would do about the verges.", "The Clerk replied that they would be cut in May.")
    assert shape(found) == [("question", "Mrs Dale Ember"), ("response", "The Clerk")]


def test_governors_challenging_the_head_put_a_question_to_them():
    found = read("Dr Mara Lintz challenged the leadership on the attendance figures. The "
                 "Headteacher replied that they had improved.")
    assert shape(found) == [("question", "Dr Mara Lintz"), ("response", "The Headteacher")]
    assert found[0].responder == "the leadership"
    assert shape(read("Cllr Pell challenged the figures on page four.")) == [("note", None)]


def test_people_known_by_their_initials_ask_and_answer():
    found = read("RT asked whether the roof would be repaired before winter. IF said that the "
                 "quote had been accepted.")
    assert shape(found) == [("question", "RT"), ("response", "IF")]


def test_a_member_of_the_public_named_with_their_address_asks():
    found = read("Mr Tom Quill, 52 Gull Lane, asked when the beach huts would be painted. The "
                 "Town Manager responded that it would be in April.")
    assert shape(found) == [("question", "Mr Tom Quill"), ("response", "The Town Manager")]
    found = read("Mrs Ada Penn, of Mill Road, asked whether the lamps would be mended.")
    assert shape(found) == [("question", "Mrs Ada Penn")]


def test_a_long_line_of_commas_and_street_words_finishes():
    read("Mr A, " + "1 Road, " * 100_000 + "asked whether it ended.")


def test_a_question_in_a_numbered_sub_paragraph():
    found = read("4.2 Dr Ilsa Prout asked whether the licence had been sent. The Clerk replied "
                 "that it had.")
    assert shape(found) == [("question", "Dr Ilsa Prout"), ("response", "The Clerk")]
