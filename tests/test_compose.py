"""Composing minutes: the document model, its wording, house styles and versions."""

from __future__ import annotations

import datetime as dt

import pytest

from clerk_tui import models as m
from clerk_tui.minutes.compose import compose_item, compose_meeting, wording
from clerk_tui.minutes.compose.styles import STYLES, HouseStyleWriter, ResolutionGroup, points
from clerk_tui.minutes.document import BulletList, Heading, Paragraph, Run, Table
from conftest import add_sample

AT = dt.datetime(2024, 5, 1, 19, 0)
ITEM = m.new_id()


def q(text, asker=None):
    return m.Question(item_id=ITEM, captured_at=AT, text=text, asker=asker)


def a(text, responder=None, question=None):
    return m.Response(item_id=ITEM, captured_at=AT, text=text, responder=responder,
                      answers_id=question.id if question else None)


def texts(blocks) -> list[str]:
    found = []
    for block in blocks:
        if isinstance(block, Paragraph):
            found.append(block.text)
        elif isinstance(block, Heading):
            found.append(f"# {block.text}")
        elif isinstance(block, BulletList):
            found += ["• " + "".join(r.text for r in item) for item in block.items]
    return found


def narrative(*entries):
    return texts(STYLES[m.HouseStyle.NARRATIVE].blocks(list(entries)))


def test_question_and_answer_in_reported_speech():
    question = q("what is the timetable for the new school", "Cllr Ahmed")
    assert narrative(question, a("building would start in May", "Director of Education",
                                 question)) == [
        "In response to a question from Councillor Ahmed concerning the timetable for the new "
        "school, the Director of Education confirmed that building would start in May."]


@pytest.mark.parametrize("question, answer, expected", [
    (q("the impact on attendance"), a("issues were managed case by case", "Director of Education"),
     "In response to a question concerning the impact on attendance, the Director of Education "
     "confirmed that issues were managed case by case."),
    (q(""), a("That parents would be consulted.", "Director of Education"),
     "In response to a question, the Director of Education confirmed that parents would be "
     "consulted."),
    (q("whether the hall is accessible", "Cllr Lee"), a("it is"),
     "In response to a question from Councillor Lee as to whether the hall is accessible, it was "
     "confirmed that it is."),
    (q("Can the hall be hired?", "Cllr Lee"), a("The hall can be hired", "Councillor Ng"),
     "In response to a question from Councillor Lee, “Can the hall be hired?”, Councillor Ng "
     "confirmed that the hall can be hired."),
    (q("when does the lease end", "cllr. smith"), a("Yes, in March", "RFO"),
     "In response to a question from Councillor smith, “When does the lease end?”, the RFO "
     "confirmed that in March."),
    (q("about the budget"), a("Yes", "Mrs Brown, Parish Clerk"),
     "In response to a question concerning the budget, Mrs Brown, Parish Clerk, confirmed that "
     "this was the case."),
    (q("the hours"), a("That is correct", "Democratic Services Officer"),
     "In response to a question concerning the hours, the Democratic Services Officer confirmed "
     "that this was correct."),
])
def test_reported_speech_with_parts_missing(question, answer, expected):
    answer.answers_id = question.id
    assert narrative(question, answer) == [expected]


def test_lone_questions_and_answers_and_a_second_answer():
    question = q("the cost of the scheme", "Cllr Patel")
    assert narrative(question) == ["Councillor Patel asked a question concerning the cost of the scheme."]
    assert narrative(a("the budget was agreed", "Head of Finance")) == [
        "The Head of Finance confirmed that the budget was agreed."]
    first, second = a("it was £2m", "Head of Finance", question), a("it was funded", "Chair", question)
    assert narrative(question, first, second)[0].endswith(
        "confirmed that it was £2m. The Chair added that it was funded.")


def test_actions_read_action_owner_and_date():
    action = m.Action(item_id=ITEM, captured_at=AT, text="circulate the figures",
                      owner="Head of Finance", due=dt.date(2024, 6, 30))
    (block,) = STYLES[m.HouseStyle.NARRATIVE].blocks([action])
    assert block.runs[0] == Run("ACTION:", bold=True)
    assert block.text == "ACTION: Circulate the figures (Head of Finance, by 30 June 2024)."


def resolution(text, label="RESOLVED", **vote):
    return m.Resolution(item_id=ITEM, captured_at=AT, text=text, label=label,
                        vote=m.Vote(**vote) if vote else None)


def test_one_resolution_is_a_bold_resolved_paragraph_with_its_vote():
    (block,) = STYLES[m.HouseStyle.NARRATIVE].blocks([resolution("That the report be noted",
                                                                 unanimous=True)])
    assert block.runs[0] == Run("RESOLVED:", bold=True)
    assert block.text == "RESOLVED: That the report be noted (unanimously)."


def test_several_resolutions_are_numbered_with_votes_and_names():
    blocks = STYLES[m.HouseStyle.NARRATIVE].blocks([
        resolution("That the report be noted"),
        resolution("That the fees rise by 3%", votes_for=7, votes_against=2, votes_abstain=1,
                   named=[m.NamedVote(member="Cllr Lee", vote="against"),
                          m.NamedVote(member="Cllr Ng", vote="against")]),
        resolution("That Council adopt the plan", label="RECOMMENDED"),
    ])
    assert texts(blocks) == [
        "RESOLVED:",
        "(1) That the report be noted.",
        "(2) That the fees rise by 3% (For 7, Against 2, Abstain 1).",
        "Against: Councillor Lee and Councillor Ng.",
        "RECOMMENDED: That Council adopt the plan.",
    ]
    assert blocks[0].runs == (Run("RESOLVED:", bold=True),)


def test_a_motion_not_carried_is_never_a_decision():
    lost = resolution("That fees be set at £10", votes_for=1, votes_against=4)
    lost.outcome = "lost"
    withdrawn = resolution("to close the library")
    withdrawn.outcome = "withdrawn"
    assert narrative(resolution("That the report be noted"), lost, withdrawn) == [
        "RESOLVED: That the report be noted.",
        "A motion that fees be set at £10 was put to the vote and LOST (For 1, Against 4).",
        "A motion to close the library was withdrawn.",
    ]


def test_blank_entries_are_left_out():
    blank = [m.Note(item_id=ITEM, captured_at=AT, text="  "), resolution(""),
             m.Action(item_id=ITEM, captured_at=AT, text=""), q(""), a("")]
    assert narrative(*blank) == []


def test_an_office_held_by_someone_present_reads_the_office():
    blocks = STYLES[m.HouseStyle.NARRATIVE].blocks(
        [a("the accounts balanced", "Responsible Financial Officer")], {"Responsible Financial Officer"})
    assert texts(blocks) == ["The Responsible Financial Officer confirmed that the accounts balanced."]


def test_lines_of_a_note_stay_one_paragraph_with_line_breaks():
    note = m.Note(item_id=ITEM, captured_at=AT, text="The budget rose\r\nas expected")
    assert narrative(note) == ["The budget rose\nas expected."]


def test_notes_keep_their_bullets():
    note = m.Note(item_id=ITEM, captured_at=AT,
                  text="Members noted that:\n- the hall reopens in May\n• fees are unchanged")
    blocks = STYLES[m.HouseStyle.NARRATIVE].blocks([note])
    assert isinstance(blocks[1], BulletList) and len(blocks[1].items) == 2
    assert texts(blocks) == ["Members noted that:", "• The hall reopens in May.",
                             "• Fees are unchanged."]


def test_bulleted_style_lists_the_discussion_with_actions_ending_in_action():
    question = q("the cost", "Cllr Patel")
    blocks = STYLES[m.HouseStyle.BULLETED].blocks([
        m.Note(item_id=ITEM, captured_at=AT, text="The Chair introduced the report"),
        question, a("it was within budget", "Head of Finance", question),
        m.Action(item_id=ITEM, captured_at=AT, text="Circulate the figures", owner="Head of Finance"),
        resolution("That the report be noted"),
    ])
    assert isinstance(blocks[0], BulletList) and len(blocks[0].items) == 3
    assert blocks[0].items[2] == (Run("Circulate the figures (Head of Finance). "),
                                  Run("ACTION", bold=True))
    assert isinstance(blocks[1], Paragraph) and blocks[1].text.startswith("RESOLVED:")


def test_a_third_house_style_is_a_small_addition(store):
    class DecisionsOnly(HouseStyleWriter):
        def point_blocks(self, point):
            if isinstance(point, ResolutionGroup):
                return [Paragraph((Run(r.text),)) for r in point.resolutions]
            return []

    sample = add_sample(store)
    STYLES["decisions"] = DecisionsOnly()
    try:
        document = compose_item(store.snapshot(sample.meeting.id), sample.items[1].id,
                                "confidential", style="decisions")
    finally:
        del STYLES["decisions"]
    assert texts(document.blocks)[-1] == "That the lease be renewed."


def test_the_whole_meeting_in_order(store):
    sample = add_sample(store)
    meeting = store.meetings.get(sample.meeting.id)
    meeting.started_at, meeting.ended_at = dt.time(19, 2), dt.time(21, 5)
    store.meetings.update(meeting)
    store.settings.set("organisation", "Borough of Eastleigh Vale")
    document = compose_meeting(store.snapshot(sample.meeting.id), "confidential")
    lines = texts(document.blocks)
    assert lines[:4] == ["BOROUGH OF EASTLEIGH VALE", "Planning",
                         "Minutes of the meeting held at 7.00 pm on Wednesday 1 May 2024",
                         "Council Chamber"]
    assert lines[4] == "Present: Councillor Ada Byrne (Chair)"
    headings = [line for line in lines if line.startswith("# ")]
    assert headings == ["# Declarations of interest", "# 1. APOLOGIES FOR ABSENCE",
                        "# 2. DEPOT LEASE", "# Actions"]
    assert "Report PL24001" in lines and "Report Report PL24001" not in lines
    assert "The meeting began at 7.02 pm and ended at 9.05 pm." in lines
    assert lines[-2:] == ["Chair", wording.DATE_LINE]
    table = next(b for b in document.blocks if isinstance(b, Table))
    assert table.header == ("Action", "Detail", "Owner", "Due")
    assert table.rows == (("Circulate the valuation", "Minute 2: Depot lease", "Head of Property",
                           "1 June 2024"),)
    assert document.header == "Planning – 1 May 2024"
    assert document.markings == ("CONFIDENTIAL", "DRAFT")


def test_the_public_version_keeps_only_the_exempt_items_number_title_and_why(store):
    sample = add_sample(store)
    snapshot = store.snapshot(sample.meeting.id)
    public = texts(compose_meeting(snapshot, "public").blocks)
    start = public.index("# 2. DEPOT LEASE")
    assert public[start + 1] == wording.exempt_line(3)
    assert "under paragraph 3 of Part 1 of Schedule 12A" in public[start + 1]
    assert not any("lease be renewed" in line or "valuation" in line or "PL24001" in line
                   for line in public)
    assert "Councillor Omar Patel declared a personal interest in item 2 (Depot lease)." in public
    assert compose_meeting(snapshot, "public").markings == ("DRAFT",)


def test_draft_until_approved(store):
    sample = add_sample(store)
    store.meetings.approve(sample.meeting.id, dt.date(2024, 6, 5))
    document = compose_meeting(store.snapshot(sample.meeting.id), "public")
    assert document.markings == ()
    assert "approved" in document.properties.keywords


def test_apologies_go_under_the_apologies_item(store):
    sample = add_sample(store)
    store.attendance.add(m.Attendance(meeting_id=sample.meeting.id, person="Cllr Hart",
                                      status="apologies"))
    store.attendance.add(m.Attendance(meeting_id=sample.meeting.id, person="Cllr Carter",
                                      status="substitute", substitute_for="Cllr Price"))
    lines = texts(compose_meeting(store.snapshot(sample.meeting.id)).blocks)
    assert not any(line.startswith("Apologies:") for line in lines)
    start = lines.index("# 1. APOLOGIES FOR ABSENCE")
    assert lines[start + 1] == ("Apologies for absence were received from Councillor Hart. "
                                "Councillor Carter attended as substitute for Councillor Price.")


def test_warnings_for_the_clerk_are_not_in_the_minutes(store):
    sample = add_sample(store)
    store.entries.add(m.Response(item_id=sample.items[0].id, captured_at=store.now(),
                                 text="I think we can do it", responder="Head of Property"))
    for person in store.attendance.list(sample.meeting.id):
        store.attendance.delete(person.id)
    document = compose_meeting(store.snapshot(sample.meeting.id), "confidential")
    assert document.warnings[0] == wording.NO_ATTENDANCE
    assert "first person" in document.warnings[1]
    assert not any("first person" in line for line in texts(document.blocks))


def test_minute_numbers_lose_a_typed_full_stop():
    assert m.AgendaItem(meeting_id=ITEM, minute_number="4.", title="x", exempt=False).label == "4. x"


def test_points_join_answers_to_their_question_and_group_resolutions():
    question = q("x")
    found = points([question, a("y", question=question), resolution("A"), resolution("B")])
    assert len(found) == 2 and len(found[0].answers) == 1 and len(found[1].resolutions) == 2


def test_only_a_newline_breaks_a_note_into_lines():
    note = m.Note(item_id=ITEM, captured_at=AT, text="Costs rose\x85sharply\u2028this year")
    assert narrative(note) == ["Costs rose\x85sharply\u2028this year."]


# New in the record: no label, a kind in the minutes' words, "in attendance" ---------

def test_a_captured_decision_with_no_label_prints_no_label():
    decision = m.Resolution(item_id=ITEM, captured_at=AT, text="that the kiosk be repainted",
                            label=None)
    assert narrative(decision) == ["That the kiosk be repainted."]
    second = m.Resolution(item_id=ITEM, captured_at=AT, text="that the bins be moved", label=None)
    assert narrative(decision, second) == ["(1) That the kiosk be repainted.",
                                           "(2) That the bins be moved."]
    decided = m.Resolution(item_id=ITEM, captured_at=AT, text="to close the lane",
                           label=m.ResolutionLabel.DECIDED)
    assert narrative(decided) == ["DECIDED: To close the lane."]


@pytest.mark.parametrize("kind, stated, expected", [
    (None, "close association", "Ms Wren declared a close association interest: Her son rows."),
    (None, "Other Interest", "Ms Wren declared an Other Interest: Her son rows."),
    (None, None, "Ms Wren declared an interest: Her son rows."),
    (m.DeclarationKind.PREJUDICIAL, "ignored", "Ms Wren declared a prejudicial interest: Her "
                                               "son rows."),
])
def test_a_declaration_of_a_kind_clerk_does_not_know_uses_the_minutes_word(kind, stated,
                                                                            expected):
    declared = m.Declaration(meeting_id=m.new_id(), member="Ms Wren", kind=kind,
                             stated_kind=stated, text="Her son rows")
    assert wording.declaration(declared, None, private=False) == expected


def test_those_in_attendance_are_listed_with_the_officers(store):
    sample = add_sample(store)
    store.attendance.add(m.Attendance(meeting_id=sample.meeting.id, person="Dr Ilse Varga",
                                      status=m.AttendanceStatus.IN_ATTENDANCE,
                                      office="Ecologist"))
    lines = texts(compose_meeting(store.snapshot(sample.meeting.id)).blocks)
    assert "Also present: Dr Ilse Varga (Ecologist)" in lines
    assert not any("Varga" in line for line in lines if line.startswith("Present:"))


# Imported minutes: as published, word for word --------------------------------------

def published(date: dt.date | None = dt.date(2023, 3, 14), **changes) -> m.MeetingSnapshot:
    """Imported minutes of an invented water board: an open item and an exempt one."""
    committee = m.Committee(name="Larkspur Water Board")
    meeting = m.Meeting(committee_id=committee.id, date=date, start_time=dt.time(18),
                        status="approved", approved_on=dt.date(2024, 1, 9))
    fencing = m.AgendaItem(meeting_id=meeting.id, minute_number="12", title="Reservoir fencing",
                           exempt=False)
    land = m.AgendaItem(meeting_id=meeting.id, minute_number="13", title="Land at Tollgate",
                        exempt=True, exempt_basis="commercial negotiations")
    entry = dict(captured_at=AT)
    open_entries = [
        m.Note(item_id=fencing.id, text="the engineer's report was received", **entry),
        m.Question(item_id=fencing.id, text="Mr Pike asked when work would end", **entry),
        m.Response(item_id=fencing.id, text="and was told by June", joined=True, **entry),
        m.Action(item_id=fencing.id, text="Engineer to write to residents", owner="Engineer",
                 **entry),
        m.Resolution(item_id=fencing.id, text="RESOLVED that the fence be replaced",
                     mover="Mr Pike", seconder="Ms Orme", vote=m.Vote(votes_for=6),
                     **entry),
        m.Resolution(item_id=fencing.id, text="carried unanimously", label=None, joined=True,
                     **entry),
        m.Note(item_id=fencing.id, text="", **entry),
    ]
    exempt_entries = [
        m.Note(item_id=land.id, text="The vendor wants 41,500 for the paddock", **entry),
        m.Resolution(item_id=land.id, text="Agreed to offer less",
                     label=m.ResolutionLabel.AGREED, **entry),
    ]
    snapshot = m.MeetingSnapshot(
        organisation=m.OrganisationSettings(organisation="Larkspur Water"),
        committee=committee, meeting=meeting, imported=True,
        attendance=[m.Attendance(meeting_id=meeting.id, person="Mr Pike"),
                    m.Attendance(meeting_id=meeting.id, person="Ms Orme",
                                 status=m.AttendanceStatus.APOLOGIES)],
        declarations=[],
        items=[m.AgendaItemSnapshot(item=fencing, entries=open_entries),
               m.AgendaItemSnapshot(item=land, entries=exempt_entries)])
    return snapshot.model_copy(update=changes)


PUBLISHED_FENCING = [
    "# 12. Reservoir fencing",
    "the engineer's report was received",
    "Mr Pike asked when work would end and was told by June",
    "Engineer to write to residents",
    "RESOLVED that the fence be replaced carried unanimously",
]


def test_imported_minutes_print_each_entrys_text_exactly_and_nothing_else():
    document = compose_meeting(published(), "public")
    # no title block: the committee and date stand in the page header alone
    assert texts(document.blocks) == [*PUBLISHED_FENCING, "# 13. Land at Tollgate"]
    runs = [run for block in document.blocks if isinstance(block, Paragraph)
            for run in block.runs]
    assert not any(run.bold or run.italic for run in runs)
    assert not any(isinstance(block, Table) for block in document.blocks)
    assert document.warnings == () and document.header == "Larkspur Water Board – 14 March 2023"


def test_the_confidential_version_of_imported_minutes_has_the_exempt_item_as_published():
    lines = texts(compose_meeting(published(), "confidential").blocks)
    assert lines[-3:] == ["# 13. Land at Tollgate", "The vendor wants 41,500 for the paddock",
                          "Agreed to offer less"]


def test_imported_minutes_of_no_known_date_have_no_date_line():
    document = compose_meeting(published(date=None), "public")
    assert texts(document.blocks)[0] == "# 12. Reservoir fencing"
    assert document.header == "Larkspur Water Board"
    assert "undated" in document.properties.keywords


def test_one_imported_item_is_printed_as_published():
    snapshot = published()
    fencing, land = (part.item.id for part in snapshot.items)
    assert texts(compose_item(snapshot, fencing).blocks) == [
        "12. Reservoir fencing", "Larkspur Water Board, Tuesday 14 March 2023",
        *PUBLISHED_FENCING[1:]]
    assert texts(compose_item(snapshot, land, "public").blocks) == [
        "13. Land at Tollgate", "Larkspur Water Board, Tuesday 14 March 2023"]


def test_the_same_meeting_captured_in_clerk_keeps_the_house_style():
    lines = texts(compose_meeting(published(imported=False), "public").blocks)
    assert "RESOLVED: RESOLVED that the fence be replaced (For 6)." in lines
    assert wording.NO_DECLARATIONS in lines
