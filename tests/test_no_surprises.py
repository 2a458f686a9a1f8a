"""No tracebacks, no surprises: what the command line does with what it meets.

Any failure of the file system is one line and exit 1; only ordinary files are read,
and no further than a stated limit; agendas have bounds; the action log as CSV cannot
run in a spreadsheet; search marks exempt matter; an id's start is literal at any
length; a blank committee is refused.
"""

from __future__ import annotations

import csv
import datetime as dt
import errno
import io
import json
import os
import subprocess
import sys
import textwrap
import zipfile
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner

from clerk_tui import archive
from clerk_tui import models as m
from clerk_tui.cli import main
from clerk_tui.importer.agenda import MAX_ITEMS, MAX_TITLE
from clerk_tui.importer.documents import MAX_PARAGRAPHS, MAX_TEXT_BYTES, MAX_WORD_BYTES, MAX_WORD_PARTS
from clerk_tui.store import Store
from clerk_tui.store.actions import Actions
from clerk_tui.store.search import Search
from conftest import add_sample

ROOT = Path(__file__).resolve().parents[1]
GOOD = ("Meeting: 01/02/2023 - Licensing Committee (Item 3)\nAgenda item\nTAXI FARES\n"
        "Minutes:\nRESOLVED: That fares rise.\n")
# Runs clerk in a child of its own and reports the child's peak memory, so the figure
# is clerk's alone (not the largest of every process the test run ever started).
_MEASURED = textwrap.dedent("""
    import resource, subprocess, sys
    try:
        done = subprocess.run([sys.executable, "-m", "clerk_tui", *sys.argv[1:]], timeout=60)
    except subprocess.TimeoutExpired:
        sys.exit(124)
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    print(f"PEAK-KB={peak}", file=sys.stderr)
    sys.exit(done.returncode)
""")


@pytest.fixture
def run(db_path, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # exports/ lands here, never in the repository

    def invoke(*args: str):
        return CliRunner().invoke(main, ["--db", str(db_path), *args])
    return invoke


def clerk(*args: str, cwd: Path) -> tuple[subprocess.CompletedProcess, int]:
    """``clerk ARGS`` in a real process (killed after 60 s, so a hang fails the test), and
    its peak memory in KB."""
    done = subprocess.run([sys.executable, "-c", _MEASURED, *args], cwd=cwd, timeout=90,
                          capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert done.returncode != 124, "clerk did not finish within 60 s"
    lines = done.stderr.rstrip().splitlines()
    peak = int(lines[-1].removeprefix("PEAK-KB="))
    done.stderr = "\n".join(lines[:-1])
    return done, peak


def one_clear_line(result, *words: str) -> None:
    """The command failed (exit 1) with one line naming ``words``, and no traceback."""
    assert result.exit_code == 1, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and all(w in lines[0] for w in words), result.stderr
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)


# -- any OSError is one line and exit 1 ------------------------------------------------

def test_a_file_name_too_long_for_the_disk_is_one_line(tmp_path):
    long = tmp_path / ("a" * 300 + ".db")
    done, _ = clerk("--db", str(long), "config", cwd=tmp_path)
    assert done.returncode == 1, done.stderr
    assert "File name too long" in done.stderr and "aaaa" in done.stderr
    assert "Traceback" not in done.stderr and len(done.stderr.strip().splitlines()) == 1


FULL = OSError(errno.ENOSPC, "No space left on device")


@pytest.mark.parametrize("owner, name, args", [
    (Store, "check", ["check"]),
    (Store, "new_meeting", ["meeting", "new", "--committee", "Planning", "--date", "2024-06-01"]),
    (Search, "search", ["search", "lease"]),
    (Actions, "log", ["actions"]),
    (archive, "import_file", ["import", "minutes.txt"]),
], ids=["check", "meeting-new", "search", "actions", "import"])
def test_a_full_disk_in_any_command_is_one_line_naming_the_file(run, store, monkeypatch,
                                                               tmp_path, owner, name, args):
    add_sample(store)
    store.close()
    (tmp_path / "minutes.txt").write_text(GOOD)

    def full(*_, **__):
        raise OSError(errno.ENOSPC, "No space left on device", str(tmp_path / "clerk.db-wal"))
    monkeypatch.setattr(owner, name, full)
    one_clear_line(run(*args), "clerk.db-wal", "the disk is full")  # clerk's one wording


def test_an_oserror_without_a_file_still_gets_a_line(run, store, monkeypatch):
    store.close()
    monkeypatch.setattr(Store, "check", lambda *_: (_ for _ in ()).throw(FULL))
    one_clear_line(run("check"), "the disk is full")


def test_ctrl_c_ends_a_command_quietly(run, store, monkeypatch):
    store.close()

    def interrupted(*_):
        raise KeyboardInterrupt
    monkeypatch.setattr(Store, "check", interrupted)
    result = run("check")
    assert result.exit_code == 130 and result.output == ""


# -- only ordinary files are read, within a stated limit -------------------------------

@pytest.mark.parametrize("make, kind", [
    (lambda p: os.mkfifo(p), "is a named pipe"),
    (lambda p: p.symlink_to("/dev/zero"), "is a device"),
], ids=["fifo", "dev-zero"])
def test_import_of_a_pipe_or_a_device_is_refused_at_once(tmp_path, make, kind):
    make(tmp_path / "minutes.txt")
    (tmp_path / "zz-good.txt").write_text(GOOD)
    done, peak = clerk("--db", str(tmp_path / "clerk.db"), "import", "minutes.txt",
                       "zz-good.txt", cwd=tmp_path)
    assert done.returncode == 1
    assert f"minutes.txt: {kind}, not an ordinary file" in done.stderr
    assert "zz-good.txt: Licensing Committee, 2023-02-01" in done.stdout
    assert peak < 300 * 1024 and "Traceback" not in done.stderr


def test_an_unreadable_file_gets_its_line_and_the_rest_come_in(run, tmp_path, monkeypatch):
    (tmp_path / "locked.txt").write_text(GOOD.replace("TAXI", "BUS"))
    (tmp_path / "zz-good.txt").write_text(GOOD)
    real_open = os.open

    def refused(path, *args, **kwargs):  # as chmod 000 would, for a user who is not root
        if str(path).endswith("locked.txt"):
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)
    monkeypatch.setattr(os, "open", refused)
    result = run("import", "locked.txt", "zz-good.txt")
    assert result.exit_code == 1
    assert "locked.txt: cannot be read: Permission denied." in result.stderr
    assert "zz-good.txt: Licensing Committee" in result.stdout


def test_a_pipe_or_a_device_in_a_folder_is_reported_never_read(run, tmp_path):
    folder = tmp_path / "minutes"
    folder.mkdir()
    os.mkfifo(folder / "pipe.txt")
    (folder / "zero.docx").symlink_to("/dev/zero")
    (folder / "zz-good.txt").write_text(GOOD)
    result = run("import", str(folder))
    assert result.exit_code == 1
    assert "pipe.txt: is a named pipe" in result.stderr
    assert "zero.docx: is a device" in result.stderr
    assert "zz-good.txt: Licensing Committee" in result.stdout


def test_random_bytes_named_docx_get_a_line_and_bounded_memory(tmp_path):
    (tmp_path / "noise.docx").write_bytes(os.urandom(5 * 1024 * 1024))
    done, peak = clerk("--db", str(tmp_path / "clerk.db"), "import", "noise.docx",
                       cwd=tmp_path)
    assert done.returncode == 1 and "noise.docx: is not a Word document" in done.stderr
    assert peak < 300 * 1024, f"{peak} KB"


def test_an_agenda_that_is_a_pipe_is_refused_at_once(tmp_path):
    os.mkfifo(tmp_path / "agenda.txt")
    done, _ = clerk("--db", str(tmp_path / "clerk.db"), "meeting", "new", "--committee",
                    "Planning", "--date", "2024-06-01", "--agenda", "agenda.txt", cwd=tmp_path)
    assert done.returncode == 1 and "agenda.txt is a named pipe" in done.stderr


@pytest.mark.parametrize("name, limit", [("big.txt", MAX_TEXT_BYTES),
                                         ("big.docx", MAX_WORD_BYTES)])
def test_a_file_over_the_stated_limit_is_not_read(run, tmp_path, name, limit):
    with (tmp_path / name).open("wb") as handle:
        handle.truncate(limit + 1)  # sparse: no disk is filled to make it
    result = run("import", str(tmp_path / name))
    assert result.exit_code == 1
    assert f"is larger than {limit // 1024 // 1024} MB" in result.stderr
    assert "it was not read" in result.stderr


def _word_zip(path: Path, parts: dict[str, bytes]) -> None:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)


def test_a_word_file_of_too_many_parts_or_too_much_inside_is_refused(run, tmp_path):
    _word_zip(tmp_path / "parts.docx",
              {f"word/media/{n}.bin": b"" for n in range(MAX_WORD_PARTS + 1)})
    _word_zip(tmp_path / "pictures.docx", {"[Content_Types].xml": b"<Types/>",
                                           "word/media/a.png": b"\0" * (110 * 1024 * 1024)})
    for name in ("parts.docx", "pictures.docx"):
        result = run("import", str(tmp_path / name))
        assert result.exit_code == 1 and f"{name}: expands to an implausible size" in \
            result.stderr, result.stderr


def _paragraphs_docx(path: Path, count: int) -> None:
    """A Word file of ``count`` paragraphs, made without python-docx adding each."""
    document = docx.Document()
    document.add_paragraph("Licensing Committee 1 February 2023")
    buffer = io.BytesIO()
    document.save(buffer)
    with zipfile.ZipFile(buffer) as source, zipfile.ZipFile(path, "w",
                                                            zipfile.ZIP_DEFLATED) as out:
        for name in source.namelist():
            data = source.read(name)
            if name == "word/document.xml":
                body = data.index(b"<w:body>") + len(b"<w:body>")
                data = data[:body] + b"<w:p><w:r><w:t>A point.</w:t></w:r></w:p>" * count \
                    + data[body:]
            out.writestr(name, data)


def test_a_word_file_of_too_many_paragraphs_is_refused(run, tmp_path):
    _paragraphs_docx(tmp_path / "long.docx", MAX_PARAGRAPHS + 1)
    result = run("import", str(tmp_path / "long.docx"))
    assert result.exit_code == 1
    assert f"has more than {MAX_PARAGRAPHS:,} paragraphs" in result.stderr


def test_a_long_word_file_is_read_in_seconds_not_minutes(tmp_path):
    """python-docx looked for the default style afresh for each paragraph: 20,000
    paragraphs took a minute or more, the most clerk reads several minutes. The bound
    is generous (they take seconds): it catches a return to that."""
    _paragraphs_docx(tmp_path / "long.docx", MAX_PARAGRAPHS - 1)
    done = subprocess.run([sys.executable, "-c", "import sys; from pathlib import Path; "
                           "from clerk_tui.importer.documents import read_document; "
                           "print(len(read_document(Path(sys.argv[1]))))",
                           str(tmp_path / "long.docx")], timeout=60, capture_output=True,
                          text=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert done.stdout.strip() == str(MAX_PARAGRAPHS), done.stderr


# -- agendas have bounds ---------------------------------------------------------------

def _no_meeting(db_path: Path) -> bool:
    if not db_path.exists():
        return True
    with Store.open(db_path) as store:
        return not store.meetings.summaries()


def test_an_agenda_line_of_ten_megabytes_is_refused_naming_the_line(run, db_path, tmp_path):
    agenda = tmp_path / "agenda.txt"
    agenda.write_text("1. Apologies\n2. " + "Budget " * 1_500_000 + "\n")
    result = run("meeting", "new", "--committee", "Planning", "--date", "2024-06-01",
                 "--agenda", str(agenda))
    one_clear_line(result, "line 2", f"at most {MAX_TITLE} characters",
                   "No meeting was created")
    assert _no_meeting(db_path)


def test_an_agenda_of_two_hundred_thousand_items_is_refused(run, db_path, tmp_path):
    agenda = tmp_path / "agenda.txt"
    agenda.write_text("".join(f"{n}. Item {n}\n" for n in range(1, 200_001)))
    result = run("meeting", "new", "--committee", "Planning", "--date", "2024-06-01",
                 "--agenda", str(agenda))
    one_clear_line(result, f"line {MAX_ITEMS + 1}", f"at most {MAX_ITEMS} items")
    assert _no_meeting(db_path)


def test_an_agenda_at_the_bounds_is_accepted(run, db_path, tmp_path):
    agenda = tmp_path / "agenda.txt"
    lines = [f"{n}. Item {n}" for n in range(1, MAX_ITEMS)] + [f"{MAX_ITEMS}. " + "x" * MAX_TITLE]
    agenda.write_text("\n".join(lines + ["a line that is no item"] * 80))
    result = run("meeting", "new", "--committee", "Planning", "--date", "2024-06-01",
                 "--agenda", str(agenda))
    assert result.exit_code == 0, result.output
    assert f"with {MAX_ITEMS} agenda item(s)" in result.stderr
    skipped = [line for line in result.stderr.splitlines() if line.startswith("Skipped")]
    assert len(skipped) == 51 and "30 more lines that are not numbered items" in skipped[-1]


# -- the action log as CSV ---------------------------------------------------------------

HOSTILE = ["=HYPERLINK(\"http://x\",\"y\")", "+44 20 7946 0000", "-2+3", "@SUM(A1)",
           "  =1+1"]


def test_csv_cells_cannot_run_as_formulas_and_facts_have_their_own_columns(run, store):
    sample = add_sample(store)
    item = sample.items[0]
    for text in HOSTILE:
        store.entries.add(m.Action(item_id=item.id, text=f"Check {text}", owner=text,
                                   due=dt.date(2024, 7, 1), progress=text,
                                   captured_at=store.now()))
    store.close()
    result = run("actions", "--format", "csv", "--confidential")
    assert result.exit_code == 0, result.output
    rows = list(csv.reader(io.StringIO(result.output)))
    assert rows[0] == ["Action", "Owner", "Due", "Status", "Done on", "Progress", "Committee",
                       "Meeting date", "Item number", "Item title", "Exempt"]
    for row in rows[1:]:
        assert all(not cell.lstrip(" ").startswith(("=", "+", "-", "@", "\t", "\r"))
                   for cell in row), row
    hostile = {row[5]: row for row in rows[1:] if row[5]}
    assert set(hostile) == {"'" + text for text in HOSTILE}
    row = hostile["'-2+3"]
    assert row[1] == "'-2+3" and row[2] == "2024-07-01"
    assert row[6:] == ["Planning", "2024-05-01", "1", "Apologies for absence", "no"]


def test_the_word_action_log_keeps_its_columns(run, store, tmp_path):
    add_sample(store)
    store.close()
    result = run("actions", "--format", "docx", "--confidential", "-o", str(tmp_path / "log.docx"))
    assert result.exit_code == 0, result.output
    table = docx.Document(str(tmp_path / "log.docx")).tables[0]
    assert [c.text for c in table.rows[0].cells] == ["Action", "Detail", "Owner", "Due",
                                                     "Status", "Meeting"]
    assert table.rows[1].cells[3].text == "1 June 2024"


# -- exempt matter marked in search ------------------------------------------------------

@pytest.fixture
def two_kinds(store):
    sample = add_sample(store)  # its exempt item resolved "That the lease be renewed."
    store.entries.add(m.Resolution(item_id=sample.items[0].id, captured_at=store.now(),
                                   text="That the lease report be published."))
    store.close()
    return sample


def test_search_json_says_which_hits_are_exempt(run, two_kinds):
    result = run("search", "lease", "--json")
    assert result.exit_code == 0, result.output
    hits = {hit["text"]: hit["exempt"] for hit in json.loads(result.output)["results"]}
    assert hits == {"That the lease be renewed.": True,
                    "That the lease report be published.": False}


def test_search_public_leaves_exempt_hits_out(run, two_kinds):
    found = json.loads(run("search", "lease", "--json", "--public").output)
    assert [hit["text"] for hit in found["results"]] == ["That the lease report be published."]
    assert found["count"] == 1
    plain = run("search", "lease", "--public").output
    assert "renewed" not in plain and "EXEMPT" not in plain


def test_search_text_marks_exempt_hits(run, two_kinds):
    result = run("search", "lease")
    blocks = result.output.split("\n\n")[1:]
    marked = {("renewed" in block, "EXEMPT" in block) for block in blocks}
    assert marked == {(True, True), (False, False)}


# -- an id's start is literal, at any length -------------------------------------------

IDS = ("abc00000-0000-4000-8000-000000000001", "abd00000-0000-4000-8000-000000000002")


@pytest.fixture
def two_meetings(store):
    committee = store.committees.add(m.Committee(name="Planning"))
    for n, meeting_id in enumerate(IDS, start=1):
        store.meetings.add(m.Meeting(id=meeting_id, committee_id=committee.id,
                                     date=dt.date(2024, n, 1)))
    store.close()


def test_wildcards_in_an_id_are_literal(run, two_meetings):
    for wildcard in ("____", "%", "ab%", "a_c"):
        result = run("export", wildcard, "--format", "md")
        assert result.exit_code == 1 and "There is no meeting whose id starts" in \
            result.stderr, (wildcard, result.output)


def test_an_id_start_of_any_length_finds_the_meeting_or_names_the_candidates(run, tmp_path,
                                                                            two_meetings):
    found = run("export", "abc", "--format", "md", "-o", str(tmp_path / "one.md"))
    assert found.exit_code == 0, found.output
    assert "1 January 2024" in (tmp_path / "one.md").read_text()
    ambiguous = run("export", "a", "--format", "md")
    one_clear_line(ambiguous, "more than one", "abc00000", "abd00000", "give more of the id")


def test_an_action_owner_filter_is_literal(store):
    sample = add_sample(store)
    store.entries.add(m.Action(item_id=sample.items[0].id, text="Book the hall",
                               owner="Clerk", captured_at=store.now()))
    assert [r.action.text for r in store.actions.log(owner="clerk")] == ["Book the hall"]
    assert store.actions.log(owner="%") == [] and store.actions.log(owner="C_erk") == []


# -- a committee must have a name --------------------------------------------------------

@pytest.mark.parametrize("name", ["", "   ", "\t\x01"])
def test_a_blank_committee_is_refused_as_a_bad_command_line(run, db_path, name):
    result = run("meeting", "new", "--committee", name, "--date", "2024-06-01")
    assert result.exit_code == 2 and "--committee" in result.output and "blank" in result.output
    assert _no_meeting(db_path)
