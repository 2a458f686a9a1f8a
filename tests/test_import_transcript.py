"""Questions and answers read from verbatim transcripts of meetings (invented transcripts only)."""

from __future__ import annotations

import pytest

from clerk_tui.importer import exchanges, transcript
from clerk_tui.importer.pieces import Piece, paragraphs


def read(*texts: str, reader=transcript.read) -> list[Piece]:
    pieces = [Piece(text) for text in texts]
    found = reader(pieces)
    assert paragraphs(found) == list(texts)  # no word added, dropped or moved
    return found


def shape(found: list[Piece]) -> list[tuple[str, str | None]]:
    return [(p.kind, p.asker if p.kind == "question" else p.responder) for p in found]


# --- speaker tags ---------------------------------------------------------------------------

def test_turns_give_where_each_begins_and_the_speaker_as_written():
    text = ("Mayor Orban: Any questions from council? Kessel: Why is the clause missing? "
            "Dana Quill, Project Manager, Harbour Bureau: It is not needed. Kessel: Thank you.")
    found = transcript.turns(text)
    assert [speaker for _at, speaker in found] == [
        "Mayor Orban", "Kessel", "Dana Quill, Project Manager, Harbour Bureau", "Kessel"]
    assert all(text[at:].startswith(speaker + ":") for at, speaker in found)


@pytest.mark.parametrize("tag", ["Vance-Orley", "Commissioner Brandt", "Councilmember Ruiz-Tal",
                                 "Ms. Okafor", "Dr. J. Penhallow", "MAYOR TREMBLAY",
                                 "THE CHAIRMAN", "The Chair", "Ines de la Vega",
                                 "Pat Doyle (resident)", "O'Hara", "Ng"])
def test_speakers_of_every_shape_are_tags(tag):
    text = f"Thank you. {tag}: I have a point."
    assert transcript.turns(text) == [(11, tag)]


@pytest.mark.parametrize("line", [
    "Minutes: The panel met at the Old Mill.", "Present: Cllr Abara, Cllr Bunt.",
    "Resolved: That the report be noted.", "Note: the figures exclude VAT.",
    "Action: Clerk to write to the bus company.", "Proposed: Cllr Venn. Seconded: Cllr Hale.",
    "Item 5: Street lighting.", "Q: Will the hall reopen? A: Yes, in June.",
    "Question: Why was the fence moved? Response: It was unsafe.", "Apologies: Mrs Dray.",
    "Chair: Cllr Mossop", "Clerk: Mrs Tindle", "AGREED: to buy a bench.", "RESOLVED: noted.",
    "Date: 4 May. Time: 7pm. Venue: The Scout Hut.", "Consultation: the plan is out.",
    "The Council resolved: to accept.", "However, the Treasurer: a sentence.",
    "Councillors Abara and Bunt: apologies.", "Congratulations. Well done: all.",
    "Key: ***** means unidentified speaker.", "Re: the hedge at Dunn Lane.",
    "Mayor's Report: the mayor attended.", "Ward 4: no issues.", "Speaker 2: hello.",
])
def test_labels_of_ordinary_minutes_are_no_tags(line):
    assert transcript.turns(line) == []


def test_a_title_inside_a_tag_begins_no_turn_of_its_own():
    assert transcript.turns("Right. Mr. Fenwick: Yes.") == [(7, "Mr. Fenwick")]


def test_a_word_ending_a_sentence_is_not_part_of_the_next_tag():
    assert transcript.turns("Well done. Al Brisco: Thank you.") == [(11, "Al Brisco")]


def test_speaker_name_drops_the_roles():
    assert transcript.speaker_name("Dana Quill, Project Manager, Harbour Bureau") == "Dana Quill"
    assert transcript.speaker_name("Pat Doyle (resident)") == "Pat Doyle"


# --- questions and answers --------------------------------------------------------------------

def test_a_members_question_and_the_next_speakers_answer_are_cut_out():
    found = read("Mayor Orban: Any questions from council? Kessel: Why is the clause missing? "
                 "Dana Quill, Project Manager, Harbour Bureau: It is not needed. Kessel: Thank you.")
    assert shape(found) == [("note", None), ("question", "Kessel"), ("response", "Dana Quill"),
                            ("note", None)]
    assert found[1].text == "Kessel: Why is the clause missing?"
    assert [p.joined for p in found] == [False, True, True, True]


def test_the_first_turn_after_the_call_for_questions_is_a_question_without_a_mark():
    found = read("Orban: Please read item 12. Item 12. Tasker, Roads Engineer: The culvert is "
                 "rebuilt this spring. Orban: Any questions from council? Brandt: The earlier "
                 "ordinance had a sunset clause and I do not see one here. Tasker: It is not "
                 "needed this time. Brandt: Thank you.")
    assert shape(found) == [("note", None), ("question", "Brandt"), ("response", "Tasker"),
                            ("note", None)]
    assert found[1].text.startswith("Brandt: The earlier ordinance")


def test_a_short_question_is_a_question():
    found = read("Orban: Unless there are objections, item 9 goes back to the commissioner. "
                 "Lisle: 9? Orban: Yes. That is what I was told. Lisle: News to me.")
    assert shape(found) == [("note", None), ("question", "Lisle"), ("response", "Orban"),
                            ("note", None)]


@pytest.mark.parametrize("call", [
    "Can you please read the title?", "Is there a second?", "Does anyone wish to testify?",
    "Any questions?", "Are there any further questions?", "All in favor?", "Any objection?",
    "Is there any further discussion?", "Anyone else?", "Shall we vote?"])
def test_procedural_calls_are_no_questions(call):
    found = read(f"Brandt: Thank you all. Lisle: {call} Brandt: I have the figures here. "
                 "Lisle: Good.")
    assert all(p.kind == "note" for p in found)


def test_the_presiding_officers_own_questions_are_no_questions():
    found = read("Mayor Orban: Did you vote already? Lisle: Aye. Brandt: Aye. Mayor Orban: Aye.")
    assert all(p.kind == "note" for p in found)


def test_the_presiding_officer_is_known_by_calls_across_the_items_paragraphs():
    found = read("Orban: Please call the roll. Lisle: Here. Brandt: Here.",
                 "Orban: She voted first? Brandt: Aye. Lisle: Aye.")
    assert all(p.kind == "note" for p in found)


def test_a_speech_asking_in_passing_and_thanked_is_no_question():
    found = read("Orban: Go ahead. Pella Strand: Good morning. Do they lift up the poor or "
                 "not? Fair wages matter. Please keep the ordinance. Thank you. Orban: Thank "
                 "you. Please read item 40. Item 40. Lisle: She is not coming.")
    assert all(p.kind == "note" for p in found)


def test_a_question_answered_by_thanks_alone_is_not_read():
    found = read("Brandt: Will the path be lit? Orban: Thank you. Lisle: Next one.")
    assert all(p.kind == "note" for p in found)


def test_no_questions_after_the_call_is_no_question():
    found = read("Mayor Orban: Any questions? Brandt: No questions. Tasker: Fine by me. "
                 "Mayor Orban: Thank you.")
    assert all(p.kind == "note" for p in found)


def test_a_motion_after_the_call_is_no_question():
    found = read("Mayor Orban: Any questions? Brandt: I move the ordinance. Lisle: Second. "
                 "Mayor Orban: Please call the roll.")
    assert all(p.kind == "note" for p in found)


def test_a_question_handed_on_by_the_chair_is_answered_by_whoever_takes_it():
    found = read("Mayor Orban: Any questions? Kessel: How long will the road be shut? Mayor "
                 "Orban: Staff? Tasker: About three weeks. Kessel: Thanks.")
    assert shape(found) == [("note", None), ("question", "Kessel"), ("note", None),
                            ("response", "Tasker"), ("note", None)]


def test_a_call_for_other_questions_hands_nothing_on():
    found = read("Mayor Orban: Any questions? Kessel: Is that fair? Mayor Orban: Any other "
                 "questions? Brandt: No. Mayor Orban: Thank you.")
    assert all(p.kind == "note" for p in found)


def test_officers_by_title_alone_are_told_apart():
    found = read("The Chair: Any questions? Mrs Penrose: Will the hall reopen? The Clerk: "
                 "In June. Mrs Penrose: Thank you. The Chair: Next item.")
    assert shape(found) == [("note", None), ("question", "Mrs Penrose"),
                            ("response", "The Clerk"), ("note", None)]


def test_turns_on_lines_of_their_own_are_marked_whole():
    found = read("MAYOR ORBAN: Any questions from council?",
                 "COMMISSIONER KESSEL: Why is the clause missing?",
                 "MS. QUILL: It is not needed.", "COMMISSIONER KESSEL: Thank you.")
    assert shape(found) == [("note", None), ("question", "COMMISSIONER KESSEL"),
                            ("response", "MS. QUILL"), ("note", None)]
    assert not any(p.joined for p in found)


def test_a_turn_running_on_into_a_paragraph_without_a_tag_asks_at_its_end():
    found = read("Mayor Orban: Any questions?", "Cllr Kessel: I read the report twice.",
                 "Why is the clause missing?", "Dana Quill: It is not needed.",
                 "Cllr Kessel: Thank you.")
    assert shape(found) == [("note", None), ("note", None), ("question", "Cllr Kessel"),
                            ("response", "Dana Quill"), ("note", None)]


def test_one_word_heads_of_paragraphs_are_no_transcript():
    found = read("Lighthouse: The lamp was repaired.", "Moorings: Is the fee due in May?",
                 "Slipway: The ramp is closed.", "Lighthouse: The keeper retires.")
    assert all(p.kind == "note" for p in found)


def test_an_unnamed_speaker_may_answer_but_names_nobody():
    found = read("Kessel: Is the hall insured? *****: Yes it is. Kessel: Good. Orban: Thanks, "
                 "Kessel.")
    assert shape(found) == [("question", "Kessel"), ("response", None), ("note", None)]


def test_turns_between_exchanges_stay_one_note():
    found = read("Orban: Welcome. Lisle: Thank you. Brandt: Morning. Kessel: Is the hall "
                 "insured? Quill: Yes it is. Orban: Next item.")
    assert shape(found) == [("note", None), ("question", "Kessel"), ("response", "Quill"),
                            ("note", None)]
    assert found[0].text == "Orban: Welcome. Lisle: Thank you. Brandt: Morning."


# --- what is no transcript -------------------------------------------------------------------

def test_two_tags_are_no_transcript():
    found = read("Kessel: Is the hall insured? Quill: Yes it is.")
    assert shape(found) == [("note", None)]


def test_topics_heading_a_run_on_paragraph_are_no_tags():
    found = read("Planning: Two applications came in. Finance: Is the precept enough? "
                 "Highways: Potholes were reported. Planning: One more came late.")
    assert shape(found) == [("note", None)]


def test_topic_labels_each_once_are_no_transcript():
    found = read("Planning: Two applications were received. Finance: Why is the grant late? "
                 "Highways: The potholes on Mill Lane were reported.")
    assert shape(found) == [("note", None)]


def test_decisions_and_headings_pass_through_and_part_the_runs():
    pieces = [Piece("Kessel: Is the hall insured?"), Piece("RESOLVED: that it be insured.",
                                                            kind="resolution"),
              Piece("Quill: Yes it is."), Piece("Kessel: Good.")]
    found = transcript.read(pieces)
    assert [p.kind for p in found] == ["note", "resolution", "note", "note"]


def test_a_cut_where_spaces_are_doubled_keeps_the_paragraph_whole():
    found = read("Kessel: Is the hall insured?  Quill: Yes it is.  Kessel: Good.  Quill: Ok.")
    assert paragraphs(found) == [found[0].text] and len(found) == 1


def test_ordinary_minutes_pass_through_unchanged():
    texts = ("Present: Cllr Abara (Chair), Cllr Bunt.", "Apologies: Mrs Dray.",
             "Minutes: The minutes of 3 March were agreed.", "Action: Clerk to order the bench?",
             "Note: the next meeting is on 5 May.")
    found = read(*texts)
    assert all(p.kind == "note" for p in found) and [p.text for p in found] == list(texts)


# --- wired into the reading of questions ------------------------------------------------------

def test_exchanges_read_reads_transcripts_then_the_rest():
    found = read("Mayor Orban: Any questions? Kessel: Why is the clause missing? Quill: It is "
                 "not needed. Kessel: Thank you.",
                 "Councillor Pardew asked whether the towpath would be lit, and the Clerk "
                 "replied that it would not.", reader=exchanges.read)
    assert shape(found) == [("note", None), ("question", "Kessel"), ("response", "Quill"),
                            ("note", None), ("question", "Councillor Pardew"),
                            ("response", "the Clerk")]


def test_labelled_questions_are_left_to_the_labelled_reading():
    found = read("Q. Will the hall reopen?", "A. Yes, in June.", "Q. When?", "A. On the 4th.",
                 reader=exchanges.read)
    assert [p.kind for p in found] == ["question", "response", "question", "response"]


# --- hostile input ---------------------------------------------------------------------------

MB = 1024 * 1024


HOSTILE = {
    "colons": ":" * MB, "A-colon": "A: " * (MB // 3), "names": "Smith " * (MB // 6),
    "names-stops": "Smith. " * (MB // 7), "tag-questions": "Smith: why? " * (MB // 12),
    "stops": ". " * (MB // 2), "brackets": "[" * MB, "digits": "9" * MB, "spaces": " " * MB,
    "roles": "Dana Quill, " * (MB // 12),
    "calls": "Orban: Any questions? Kessel: " * (MB // 30), "question-marks": "?" * MB,
    "thanks": "Thank you " * (MB // 10), "one-word": "a" * MB + "?",
}


@pytest.mark.parametrize("text", HOSTILE.values(), ids=HOSTILE.keys())
def test_a_megabyte_of_hostile_text_is_read_and_returns(text):
    transcript.turns(text)
    found = transcript.read([Piece(text.strip() or text)])
    assert paragraphs(found) == [text.strip() or text]
