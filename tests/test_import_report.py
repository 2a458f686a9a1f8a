"""``clerk import --json`` and ``--dry-run``: the report's contract, on invented minutes.

Every key is present in every object (null when unknown), the JSON alone is on stdout,
and a dry run opens no database and writes nothing anywhere.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys

from click.testing import CliRunner

from clerk_tui.cli import main
from clerk_tui.fields import new_id
from clerk_tui.importer.report import (
    attendance_report,
    declaration_report,
    entry_report,
    file_report,
    item_report,
    votes_report,
)
from clerk_tui.models import (
    AgendaItem,
    AgendaItemSnapshot,
    Attendance,
    Declaration,
    ImportedMinutes,
    NamedVote,
    Question,
    Resolution,
    Response,
    Vote,
)

MINUTES = ("""\
Allotments Committee
Minutes of the meeting held on 14 March 2024 at 6.30 pm
Present: Cllr P Quince (Chair), Cllr F Flute
Apologies: Cllr T Snout
In attendance: Mrs R Starveling (Clerk)
1. WATER TROUGHS
Cllr Flute declared a personal interest as a plot holder.
In response to a question from Cllr Flute about the leaking trough, the Clerk confirmed """
           """that a plumber had been booked.
RESOLVED: That the second trough be replaced.
ACTION: Obtain three quotes for fencing (Clerk, by 30 April 2024)
""")

MEETING_KEYS = {"committee", "date", "start_time", "venue", "attendance", "declarations",
                "items", "opening"}
ENTRY_KEYS = {"kind", "text", "asker", "responder", "owner", "due", "label", "outcome",
              "votes", "mover", "seconder"}
VOTE_KEYS = {"for", "against", "abstain", "unanimous", "named"}


def dry_run(*args: str, db=None):
    db = db or "never-made.db"
    return CliRunner().invoke(main, ["--db", str(db), "import", "--dry-run", "--json", *args])


def minutes_file(folder, name="allotments.txt", text=MINUTES):
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def only_meeting(report) -> dict:
    (file,) = report["files"]
    (meeting,) = file["meetings"]
    return meeting


def test_every_key_is_present_with_the_right_types(tmp_path):
    result = dry_run(str(minutes_file(tmp_path)), db=tmp_path / "clerk.db")
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    (file,) = report["files"]
    assert set(file) == {"path", "status", "message", "meetings"}
    assert file["status"] == "readable" and isinstance(file["message"], str)
    meeting = only_meeting(report)
    assert set(meeting) == MEETING_KEYS
    assert meeting["committee"] == "Allotments Committee"
    assert (meeting["date"], meeting["start_time"]) == ("2024-03-14", "18:30")
    for person in meeting["attendance"]:
        assert set(person) == {"name", "status", "role", "substitute_for"}
    assert [(p["name"], p["status"], p["role"]) for p in meeting["attendance"]] == [
        ("Cllr P Quince", "present", "Chair"), ("Cllr F Flute", "present", None),
        ("Cllr T Snout", "apologies", None), ("Mrs R Starveling", "in attendance", "Clerk")]
    (declaration,) = meeting["declarations"]
    assert set(declaration) == {"member", "item", "kind", "text"}
    assert declaration["member"] == "Cllr Flute" and "personal" in declaration["kind"]
    (item,) = meeting["items"]
    assert set(item) == {"number", "title", "exempt", "exempt_paragraph", "entries"}
    opening = meeting["opening"]  # the heading and attendance as printed: not an agenda item
    assert set(opening) == set(item) and opening["number"] is None
    assert any(e["text"].startswith("Present") for e in opening["entries"])
    assert (item["number"], item["title"], item["exempt"], item["exempt_paragraph"]) == (
        "1", "WATER TROUGHS", False, None)
    for entry in item["entries"]:
        assert set(entry) == ENTRY_KEYS and set(entry["votes"]) == VOTE_KEYS
        assert entry["votes"]["named"] == {"for": [], "against": [], "abstain": []}
        assert entry["mover"] is None and entry["seconder"] is None
    by_kind = {entry["kind"]: entry for entry in item["entries"]}
    assert {"question", "response", "resolution", "action"} <= set(by_kind)
    assert by_kind["question"]["asker"] == "Cllr Flute"
    assert by_kind["response"]["responder"].endswith("Clerk")
    assert by_kind["resolution"]["label"] == "RESOLVED"
    assert "That the second trough be replaced." in by_kind["resolution"]["text"]
    action = by_kind["action"]
    assert action["due"] == "2024-04-30" and action["label"] is None
    assert "Obtain three quotes for fencing" in action["text"]  # the words kept


def test_a_dry_run_opens_no_database_and_writes_nothing(tmp_path):
    work = tmp_path / "work"
    work.mkdir()
    minutes_file(work)
    (work / "exports").mkdir()  # a killed export's copy: any other command removes it
    (work / "exports" / ".minutes.docx.clerk-partial").write_bytes(b"half")
    before = sorted(os.walk(tmp_path))
    db = tmp_path / "somewhere" / "clerk.db"
    done = subprocess.run([sys.executable, "-m", "clerk_tui", "--db", str(db), "import",
                           "--dry-run", "--json", "allotments.txt"],
                          cwd=work, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert not db.exists() and not db.parent.exists()
    assert sorted(os.walk(tmp_path)) == before  # no file, no folder, anywhere near
    assert json.loads(done.stdout)["files"][0]["status"] == "readable"


def test_stdout_is_the_json_alone_and_progress_goes_to_stderr(tmp_path):
    minutes_file(tmp_path, "one.txt")
    minutes_file(tmp_path, "two.txt", MINUTES.replace("14 March", "11 April"))
    result = dry_run(str(tmp_path / "one.txt"), str(tmp_path / "two.txt"))
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)  # nothing else on stdout
    assert [only["meetings"][0]["date"] for only in report["files"]] == ["2024-03-14",
                                                                        "2024-04-11"]
    assert "[1/2]" in result.stderr and "[2/2]" in result.stderr
    assert "Dry run: nothing was written." in result.stderr


def test_a_file_that_would_not_come_in_is_reported_and_the_exit_code_says_so(tmp_path):
    minutes_file(tmp_path, "good.txt")
    minutes_file(tmp_path, "undated.txt", "Allotments Committee\n1. SHEDS\nThe sheds were noted.\n")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "picture.png").write_bytes(b"\x89PNG")
    result = dry_run(str(tmp_path))
    assert result.exit_code == 1
    files = {os.path.basename(f["path"]): f for f in json.loads(result.stdout)["files"]}
    assert {name: f["status"] for name, f in files.items()} == {
        "empty.txt": "refused", "good.txt": "readable", "picture.png": "skipped",
        "undated.txt": "readable"}  # never refused for want of a date
    undated = files["undated.txt"]
    assert "undated" in undated["message"]
    assert undated["meetings"][0]["date"] is None
    assert undated["meetings"][0]["items"][0]["title"] == "SHEDS"
    assert files["empty.txt"]["meetings"] == [] and files["picture.png"]["meetings"] == []
    assert "1 of 3 file(s) could not be imported" in result.stderr
    assert "1 meeting has no date: undated.txt" in result.stderr


def test_without_dry_run_the_same_report_follows_the_import(tmp_path):
    path = str(minutes_file(tmp_path))
    db = tmp_path / "clerk.db"
    preview = json.loads(dry_run(path, db=db).stdout)
    result = CliRunner().invoke(main, ["--db", str(db), "import", "--json", path])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["files"][0]["status"] == "imported" and db.exists()
    assert report["files"][0]["meetings"] == preview["files"][0]["meetings"]
    again = CliRunner().invoke(main, ["--db", str(db), "import", "--json", path])
    assert again.exit_code == 0
    assert json.loads(again.stdout)["files"][0]["status"] == "unchanged"


def test_votes_give_counts_unanimity_and_names():
    vote = Vote(votes_for=5, votes_against=2, votes_abstain=0,
                named=[NamedVote(member="Bottom", vote="for"),
                       NamedVote(member="Snug", vote="against")])
    assert votes_report(vote) == {"for": 5, "against": 2, "abstain": 0, "unanimous": False,
                                  "named": {"for": ["Bottom"], "against": ["Snug"],
                                            "abstain": []}}
    resolution = Resolution(item_id=new_id(), text="That the gate be painted.", label="AGREED",
                            vote=Vote(unanimous=True), outcome="carried",
                            captured_at=dt.datetime(2024, 1, 1))
    entry = entry_report(resolution)
    assert (entry["label"], entry["outcome"], entry["votes"]["unanimous"]) == (
        "AGREED", "carried", True)
    assert entry["votes"]["for"] is None and entry["owner"] is None


def test_hidden_characters_in_the_minutes_reach_stdout_only_as_escapes(tmp_path):
    hostile = MINUTES.replace("WATER TROUGHS", "WATER \x1b[2J\u202eTROUGHS")
    result = dry_run(str(minutes_file(tmp_path, text=hostile)))
    assert result.exit_code == 0, result.output
    assert "\x1b" not in result.stdout and "\u202e" not in result.stdout
    (item,) = only_meeting(json.loads(result.stdout))["items"]
    assert item["title"].startswith("WATER") and item["title"].endswith("TROUGHS")


AT = dt.datetime(2024, 1, 1)


def test_a_decision_without_a_label_has_a_null_label_and_keeps_its_mover():
    resolution = Resolution(item_id=new_id(), text="The motion was carried.", label=None,
                            mover="Cllr Quince", seconder="Cllr Snug", captured_at=AT)
    entry = entry_report(resolution)
    assert (entry["label"], entry["mover"], entry["seconder"]) == (None, "Cllr Quince",
                                                                  "Cllr Snug")
    assert set(entry) == ENTRY_KEYS and entry["owner"] is None and entry["due"] is None
    resolution.label = "DECIDED"  # assignment is validated: the enum's value
    assert entry_report(resolution)["label"] == "DECIDED"


def test_a_declaration_gives_its_kind_in_the_minutes_words_else_clerks():
    meeting = new_id()
    stated = Declaration(meeting_id=meeting, member="Cllr Flute", kind=None,
                         stated_kind="a registrable interest")
    ours = Declaration(meeting_id=meeting, member="Cllr Flute", kind="prejudicial")
    neither = Declaration(meeting_id=meeting, member="Cllr Flute", kind=None)
    assert [declaration_report(d, {})["kind"] for d in (stated, ours, neither)] == [
        "a registrable interest", "prejudicial", None]


def test_attendance_in_attendance_whether_said_or_as_an_officer_present():
    meeting = new_id()
    said = Attendance(meeting_id=meeting, person="Ms Thisbe", status="in attendance",
                      role="officer")
    officer = Attendance(meeting_id=meeting, person="Mr Wall", role="officer")
    member = Attendance(meeting_id=meeting, person="Cllr Bottom")
    assert [attendance_report(p)["status"] for p in (said, officer, member)] == [
        "in attendance", "in attendance", "present"]


def test_an_exempt_item_gives_its_paragraph_or_else_the_grounds_stated():
    meeting = new_id()
    by_number = AgendaItem(meeting_id=meeting, title="Land", exempt=True, exempt_paragraph=3)
    by_law = AgendaItem(meeting_id=meeting, title="Staffing", exempt=True,
                        exempt_basis="Section 2.2 of the Open Meetings Act")
    public = AgendaItem(meeting_id=meeting, title="Paths", exempt=False)
    assert [item_report(AgendaItemSnapshot(item=i))["exempt_paragraph"]
            for i in (by_number, by_law, public)] == [
        "3", "Section 2.2 of the Open Meetings Act", None]


def test_entries_split_from_one_paragraph_stay_entries_of_their_own():
    item = AgendaItem(meeting_id=new_id(), title="Paths", exempt=False)
    question = Question(item_id=item.id, text="Cllr Snout asked when the path would open",
                        asker="Cllr Snout", captured_at=AT)
    answer = Response(item_id=item.id, text="and the Clerk said in May.", responder="Clerk",
                      answers_id=question.id, joined=True, captured_at=AT)
    report = item_report(AgendaItemSnapshot(item=item, entries=[question, answer]))
    assert [(e["kind"], e["text"]) for e in report["entries"]] == [
        ("question", question.text), ("response", answer.text)]
    assert all(set(e) == ENTRY_KEYS for e in report["entries"])


def test_a_file_report_lists_every_meeting_it_holds():
    first, second = ImportedMinutes(committee="Allotments Committee"), ImportedMinutes()
    report = file_report("year.txt", "readable", "2 meetings", [first, second])
    assert [m["committee"] for m in report["meetings"]] == ["Allotments Committee", None]
    assert all(set(m) == MEETING_KEYS for m in report["meetings"])
    assert file_report("bad.txt", "refused", "empty")["meetings"] == []


def test_a_question_names_whom_it_was_put_to_unless_its_answer_names_who_gave_it():
    at = dt.datetime(2024, 1, 1)
    item = AgendaItem(meeting_id=new_id(), title="Allotments", exempt=False)
    unanswered = Question(item_id=item.id, text="Mr Holt asked the Warden about the rents.",
                          asker="Mr Holt", put_to="the Warden", captured_at=at)
    answered = Question(item_id=item.id, text="Ms Ray asked the Warden about the gates.",
                        asker="Ms Ray", put_to="the Warden", captured_at=at)
    answer = Response(item_id=item.id, text="The Warden said they were mended.",
                      responder="The Warden", answers_id=answered.id, captured_at=at)
    report = item_report(AgendaItemSnapshot(item=item, entries=[unanswered, answered, answer]))
    assert [(e["kind"], e["asker"], e["responder"]) for e in report["entries"]] == [
        ("question", "Mr Holt", "the Warden"), ("question", "Ms Ray", None),
        ("response", None, "The Warden")]


def test_grounds_naming_several_paragraphs_are_reported_as_stated():
    item = AgendaItem(meeting_id=new_id(), title="Staffing", exempt=True, exempt_paragraph=1,
                      exempt_basis="paragraphs 1 and 4")
    assert item_report(AgendaItemSnapshot(item=item))["exempt_paragraph"] == "paragraphs 1 and 4"
