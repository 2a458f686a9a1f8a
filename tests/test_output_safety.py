"""No command destroys the database; file names are bounded; templates carry nothing
that acts; an empty --db becomes a private database; a killed export leaves no copy.

Each case runs the real command line (click's runner, or a subprocess where a process
must die), and checks afterwards that the database is byte for byte what it was."""

from __future__ import annotations

import hashlib
import io
import os
import re
import sqlite3
import stat
import subprocess
import sys
import zipfile
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import parse_xml

from clerk_tui import models as m
from clerk_tui.cli import main
from clerk_tui.minutes.export import export_minutes, file_name
from clerk_tui.output_paths import TEMP_SUFFIX, UnsafeOutput, open_temporary
from clerk_tui.store import Store
from conftest import add_sample
from recording_app import recording_app


@pytest.fixture
def cli(db_path, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # exports/ is made here, never in the repository
    runner = CliRunner()

    def invoke(*args: str, db: Path | None = None):
        return runner.invoke(main, ["--db", str(db or db_path), *args])

    return invoke


@pytest.fixture
def filled(store, db_path):
    """A database with a meeting in it, closed, so its bytes can be compared."""
    add_sample(store)
    store.close()
    return db_path


def fingerprint(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def entry_count(path: Path) -> int:
    connection = sqlite3.connect(path)
    try:
        return connection.execute("SELECT count(*) FROM entries").fetchone()[0]
    finally:
        connection.close()


def meeting_ids(path: Path) -> list[str]:
    with Store.open(path) as store:
        return [summary.meeting.id for summary in store.meetings.summaries()]


def assert_refused(result, what: str = "") -> None:
    assert result.exit_code == 2, result.output
    assert "will not write over it" in result.output, result.output
    assert what in result.output
    assert "Traceback" not in result.output


# Every spelling of the database, and every file beside it ---------------------------


def spellings(db_path: Path) -> dict[str, Path]:
    folder = db_path.parent
    (folder / "db").mkdir(exist_ok=True)
    (folder / "link.db").symlink_to(db_path)
    os.link(db_path, folder / "hard.db")
    return {
        "itself": db_path,
        "symlink": folder / "link.db",
        "hard link": folder / "hard.db",
        "dotdot": folder / "db" / ".." / db_path.name,
        "wal": Path(f"{db_path}-wal"),
        "shm": Path(f"{db_path}-shm"),
        "journal": Path(f"{db_path}-journal"),
        "lock": Path(f"{db_path}.lock"),
    }


@pytest.mark.parametrize("name", ["itself", "symlink", "hard link", "dotdot", "wal", "shm",
                                  "journal", "lock"])
def test_actions_csv_never_lands_on_the_database(cli, filled, name):
    target = spellings(filled)[name]
    before, existed = fingerprint(filled), target.exists()
    result = cli("actions", "--format", "csv", "-o", str(target), "--overwrite")
    assert_refused(result)
    assert fingerprint(filled) == before
    assert target.exists() == existed


@pytest.mark.parametrize("name", ["itself", "symlink", "hard link", "dotdot", "wal", "shm"])
def test_backup_never_lands_on_the_database(cli, filled, name):
    target = spellings(filled)[name]
    before = fingerprint(filled)
    assert_refused(cli("backup", str(target), "--overwrite"))
    assert fingerprint(filled) == before


def test_backup_onto_the_log_while_the_app_types_loses_nothing(cli, store, db_path):
    sample = add_sample(store)
    item = sample.items[0].id
    typed = [store.entries.add(m.Note(item_id=item, text=f"line {n}", captured_at=store.now()))
             for n in range(6)]
    assert Path(f"{db_path}-wal").stat().st_size > 0, "the lines are in the log, not the file"
    assert_refused(cli("backup", f"{db_path}-wal", "--overwrite"), "write-ahead log")
    store.entries.add(m.Note(item_id=item, text="line 6", captured_at=store.now()))
    saved = [entry.text for entry in store.entries.list(item)]
    assert all(entry.text in saved for entry in typed) and "line 6" in saved
    store.close()
    assert entry_count(db_path) == len(sample.entries) + 7


def test_export_to_a_symlink_of_the_database_or_a_file_named_as_it(cli, filled, tmp_path):
    before = fingerprint(filled)
    (tmp_path / "out.docx").symlink_to(filled)
    (meeting,) = meeting_ids(filled)
    for output in ("out.docx", filled.name):
        assert_refused(cli("export", meeting, "-o", output, "--overwrite"))
    assert fingerprint(filled) == before


def test_a_folder_destination_whose_file_would_be_the_database(tmp_path, monkeypatch):
    """The database is where an export into the folder would put the minutes."""
    monkeypatch.chdir(tmp_path)
    first = tmp_path / "first.db"
    with Store.open(first) as store:
        snapshot = store.snapshot(add_sample(store).meeting.id)
    folder = tmp_path / "exports"
    folder.mkdir()
    db_path = folder / file_name(snapshot, "public", "docx")
    first.rename(db_path)
    before = fingerprint(db_path)
    result = CliRunner().invoke(main, ["--db", str(db_path), "export", snapshot.meeting.id,
                                       "-o", str(folder), "--overwrite"])
    assert_refused(result, "is the database clerk has open")
    assert fingerprint(db_path) == before


def test_a_backup_folder_whose_file_would_be_the_database(store, tmp_path):
    folder = tmp_path / "backups"
    folder.mkdir()
    (folder / "clerk-20240501-190000.db").symlink_to(store.path)  # the frozen clock's name
    with pytest.raises(UnsafeOutput, match="is the database clerk has open"):
        store.backup(folder, overwrite=True)


def test_any_other_sqlite_database_is_refused(cli, filled, tmp_path):
    other = tmp_path / "finance.sqlite"
    connection = sqlite3.connect(other)
    connection.execute("CREATE TABLE ledger (amount)")
    connection.commit()
    connection.close()
    before = fingerprint(other)
    assert_refused(cli("actions", "--format", "csv", "-o", str(other), "--overwrite"),
                   "an SQLite database")
    assert_refused(cli("backup", str(other), "--overwrite"), "an SQLite database")
    assert fingerprint(other) == before


def test_a_backup_clerk_wrote_may_be_replaced_until_it_is_worked_in(cli, filled, tmp_path):
    copy = tmp_path / "copy.db"
    assert cli("backup", str(copy)).exit_code == 0
    assert cli("backup", str(copy)).exit_code == 1  # exists, and no --overwrite
    assert cli("backup", str(copy), "--overwrite").exit_code == 0
    assert cli("actions", "--format", "csv", "-o", str(copy), "--overwrite").exit_code == 0
    copy.unlink()
    assert cli("backup", str(copy)).exit_code == 0
    Store.open(copy, editing=True).close()  # restored in the app: it is a database now
    before = fingerprint(copy)
    assert_refused(cli("backup", str(copy), "--overwrite"), "is a clerk database")
    assert fingerprint(copy) == before


def test_backup_then_check_every_night(cli, filled, tmp_path):
    copy = tmp_path / "nightly.db"
    for night in range(3):  # a script: back up, then check the copy (and read it)
        backed_up = cli("backup", str(copy), "--overwrite")
        assert backed_up.exit_code == 0, f"night {night}: {backed_up.output}"
        for reading in (["check"], ["search", "planning"], ["actions"], ["config"],
                        ["verify", "--fingerprint", "3f2a9c4107be55d0a1c3"]):
            cli(*reading, db=copy)
    assert cli("backup", str(copy), "--overwrite").exit_code == 0
    assert cli("config", "set", "organisation", "Restored Council", db=copy).exit_code == 0
    assert_refused(cli("backup", str(copy), "--overwrite"), "is a clerk database")


def test_a_restored_backup_is_a_clerk_database(filled, tmp_path, cli):
    copy = tmp_path / "copy.db"
    cli("backup", str(copy))
    with Store.open(copy) as restored:
        assert restored.check().ok
        assert restored.meetings.summaries()[0].committee_name == "Planning"


def test_a_fifo_is_not_a_file_to_write(cli, filled, tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    assert_refused(cli("actions", "--format", "csv", "-o", str(fifo), "--overwrite"),
                   "not a regular file")
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


async def test_the_app_will_not_export_onto_its_database(sample, store, db_path, tmp_path,
                                                         clock, monkeypatch):
    monkeypatch.chdir(tmp_path)
    snapshot = store.snapshot(sample.meeting.id)
    store.close()
    (tmp_path / "exports").mkdir()
    (tmp_path / "exports" / file_name(snapshot, "public", "docx")).symlink_to(db_path)
    app = recording_app(db_path, clock)
    async with app.run_test() as pilot:
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("f7", "ctrl+s")
        await pilot.pause()
        await app.workers.wait_for_complete()  # the export runs in a worker
        await pilot.pause()
        assert any("is the database clerk has open" in told and "will not write over it" in told
                   for told in app.told), app.told
        assert app.store.check().ok


# File names --------------------------------------------------------------------------


def test_a_300_character_committee_name_exports_under_a_bounded_name(cli, db_path):
    for ending in ("one", "two"):
        name = "Committee for " + "very " * 56 + ending
        created = cli("meeting", "new", "--committee", name, "--date", "2024-05-01")
        assert created.exit_code == 0, created.output
    paths = []
    for meeting in meeting_ids(db_path):
        result = cli("export", meeting)
        assert result.exit_code == 0, result.output
        paths.append(Path(result.output.strip().splitlines()[-1]))
    assert all(len(path.name.encode()) <= 120 and path.exists() for path in paths)
    assert paths[0] != paths[1], "two names cut to the same start keep different files"


def test_names_of_any_script_or_none_keep_different_files(store):
    names = ["日本語委員会", "...", "!!!", "Planning", "Planning " + "x" * 300]
    found = set()
    for name in names:
        snapshot = store.snapshot(add_sample(store, name=name).meeting.id)
        found.add(file_name(snapshot, "public", "docx"))
        item = snapshot.items[0].item.id
        assert len(file_name(snapshot, "confidential", "docx", item).encode()) <= 120
    assert len(found) == len(names)
    assert any(name.startswith("日本語委員会-") for name in found)


# Templates ---------------------------------------------------------------------------

R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
VML = "urn:schemas-microsoft-com:vml"


def hostile_template(path: Path) -> Path:
    """A council template with macros, a remote attached template, pictures fetched from
    the web (a field and an image relationship) and outside links in header and footer."""
    word = docx.Document()
    word.add_paragraph("Body text of the template")
    header = word.sections[0].header
    paragraph = header.paragraphs[0]
    paragraph.add_run("Borough Council")
    link = header.part.relate_to("https://example.org/track", RT.HYPERLINK, is_external=True)
    paragraph._p.append(parse_xml(
        f'<w:hyperlink xmlns:w="{W}" xmlns:r="{R}" r:id="{link}"><w:r><w:t>our website</w:t>'
        "</w:r></w:hyperlink>"))
    image = header.part.relate_to("https://example.org/logo.png", RT.IMAGE, is_external=True)
    paragraph._p.append(parse_xml(
        f'<w:r xmlns:w="{W}" xmlns:r="{R}" xmlns:v="{VML}"><w:pict><v:shape>'
        f'<v:imagedata r:id="{image}"/></v:shape></w:pict></w:r>'))
    for xml in (f'<w:r xmlns:w="{W}"><w:fldChar w:fldCharType="begin"/></w:r>',
                f'<w:r xmlns:w="{W}"><w:instrText xml:space="preserve"> INCLUDEPICTURE '
                '"https://example.org/pixel.png" \\d </w:instrText></w:r>',
                f'<w:r xmlns:w="{W}"><w:fldChar w:fldCharType="separate"/></w:r>',
                f'<w:r xmlns:w="{W}"><w:t>fetched picture</w:t></w:r>',
                f'<w:r xmlns:w="{W}"><w:fldChar w:fldCharType="end"/></w:r>'):
        paragraph._p.append(parse_xml(xml))
    footer = word.sections[0].footer.paragraphs[0]
    footer._p.append(parse_xml(
        f'<w:fldSimple xmlns:w="{W}" w:instr=\' INCLUDETEXT "https://example.org/t.docx" \'>'
        "<w:r><w:t>fetched text</w:t></w:r></w:fldSimple>"))
    footer._p.append(parse_xml(
        f'<w:fldSimple xmlns:w="{W}" w:instr=\' HYPERLINK "https://example.org/x" \'>'
        "<w:r><w:t>visit us</w:t></w:r></w:fldSimple>"))
    buffer = io.BytesIO()
    word.save(buffer)
    return _add_macros_and_remote_template(buffer.getvalue(), path)


def _add_macros_and_remote_template(data: bytes, path: Path) -> Path:
    vba = "http://schemas.microsoft.com/office/2006/relationships/vbaProject"
    attached = f"{R}/attachedTemplate"
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(path, "w") as out:
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename == "word/_rels/document.xml.rels":
                content = content.replace(b"</Relationships>", (
                    f'<Relationship Id="rIdVba" Type="{vba}" Target="vbaProject.bin"/>'
                    "</Relationships>").encode())
            elif info.filename == "[Content_Types].xml":
                content = content.replace(b"</Types>", b'<Default Extension="bin" '
                                          b'ContentType="application/vnd.ms-office.vbaProject"/>'
                                          b"</Types>")
            elif info.filename == "word/settings.xml":
                content = re.sub(rb"(<w:settings[^>]*>)", rb'\1<w:attachedTemplate r:id="rIdT"/>',
                                 content, count=1)
            out.writestr(info, content)
        out.writestr("word/vbaProject.bin", b"\xd0\xcf\x11\xe0" + b"macro" * 100)
        out.writestr("word/_rels/settings.xml.rels", (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="rIdT" Type="{attached}" '
            'Target="https://example.org/templates/evil.dotm" TargetMode="External"/>'
            "</Relationships>"))
    return path


def test_the_hostile_template_is_what_the_test_says(tmp_path):
    template = hostile_template(tmp_path / "house.docx")
    with zipfile.ZipFile(template) as package:
        names = package.namelist()
        everything = b"".join(package.read(name) for name in names)
    assert "word/vbaProject.bin" in names
    assert everything.count(b'TargetMode="External"') == 3
    assert b"INCLUDEPICTURE" in everything and b"attachedTemplate" in everything


def test_a_templates_macros_remote_template_pictures_and_links_are_removed(cli, filled,
                                                                           tmp_path):
    template = hostile_template(tmp_path / "house.docx")
    (meeting,) = meeting_ids(filled)
    result = cli("export", meeting, "--template", str(template))
    assert result.exit_code == 0, result.output
    path = Path(result.output.strip().splitlines()[-1])
    with zipfile.ZipFile(path) as package:
        names = package.namelist()
        everything = b"".join(package.read(name) for name in names)
    assert not any("vba" in name.lower() for name in names)
    for gone in (b"TargetMode=\"External\"", b"example.org", b"INCLUDEPICTURE", b"INCLUDETEXT",
                 b"attachedTemplate", b"fetched picture", b"fetched text"):
        assert gone not in everything, gone
    header = docx.Document(str(path)).sections[0].header.paragraphs[0].text
    assert "Borough Council" in header and "our website" in header  # a link's text stays
    notes = result.output
    for said in ("Removed from the template", "macros", "template kept elsewhere",
                 "1 picture(s) fetched", "2 field(s) that fetch", "2 link(s) to outside"):
        assert said in notes, notes


def test_a_macro_enabled_template_is_read_and_its_macros_dropped(store, sample, tmp_path):
    template = hostile_template(tmp_path / "house.docx")
    macro = tmp_path / "house.dotm"
    with zipfile.ZipFile(template) as source, zipfile.ZipFile(macro, "w") as out:
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename == "[Content_Types].xml":
                content = content.replace(
                    b"wordprocessingml.document.main+xml",
                    b"MACRO").replace(b"application/vnd.openxmlformats-officedocument.MACRO",
                                      b"application/vnd.ms-word.template.macroEnabledTemplate"
                                      b".main+xml")
            out.writestr(info, content)
    result = export_minutes(store.snapshot(sample.meeting.id), tmp_path / "out", template=macro)
    with zipfile.ZipFile(result.path) as package:
        assert not any("vba" in name.lower() for name in package.namelist())
    assert any("macros" in note for note in result.notes)


# An empty file as --db -----------------------------------------------------------------


def test_an_empty_file_becomes_a_private_database_and_clerk_says_so(cli, tmp_path):
    empty = tmp_path / "minutes.db"
    empty.touch(mode=0o644)
    os.chmod(empty, 0o644)
    result = cli("check", db=empty)
    assert result.exit_code == 0, result.output
    assert f"{empty} was empty: a new clerk database was made in it" in result.output
    assert stat.S_IMODE(empty.stat().st_mode) == 0o600
    again = cli("check", db=empty)
    assert "was empty" not in again.output


# A killed export's hidden copy -----------------------------------------------------------

KILLED_WRITER = """
import sys, time
from pathlib import Path
from clerk_tui.output_paths import open_temporary
descriptor, path = open_temporary(Path(sys.argv[1]))
import os
os.write(descriptor, b"CONFIDENTIAL minutes " * 1000)
print(path, flush=True)
time.sleep(60)
"""


def test_a_killed_exports_temporary_copy_goes_at_the_next_start(cli, filled, tmp_path):
    exports = tmp_path / "exports"
    exports.mkdir()
    writer = subprocess.Popen([sys.executable, "-c", KILLED_WRITER,
                               str(exports / "planning-minutes-confidential.docx")],
                              stdout=subprocess.PIPE, text=True)
    try:
        left = Path(writer.stdout.readline().strip())
        assert left.exists() and left.name.endswith(TEMP_SUFFIX) and left.name.startswith(".")
        assert cli("check").exit_code == 0
        assert left.exists(), "a live writer's file is never taken"
    finally:
        writer.kill()
        writer.wait(timeout=30)
    others = [exports / ".keep", exports / f"notes{TEMP_SUFFIX}", exports / "report.docx"]
    for other in others:
        other.write_text("not clerk's temporary file")
    assert cli("check").exit_code == 0
    assert not left.exists()
    assert all(other.exists() for other in others)


def test_an_export_elsewhere_clears_a_dead_temporary_there(store, sample, tmp_path):
    folder = tmp_path / "elsewhere"
    folder.mkdir()
    descriptor, left = open_temporary(folder / "x.docx")
    os.close(descriptor)  # as a killed writer leaves it: unlocked
    export_minutes(store.snapshot(sample.meeting.id), folder)
    assert not left.exists()


# A full disk during a backup ----------------------------------------------------------------


@pytest.mark.parametrize("fault", ["sqlite", "fsync"])
def test_a_full_disk_during_backup_is_one_line_and_exit_1(cli, filled, tmp_path, monkeypatch,
                                                          fault):
    import errno

    from clerk_tui.store import maintenance

    if fault == "sqlite":
        def full(*args):
            raise sqlite3.OperationalError("database or disk is full")
        monkeypatch.setattr(maintenance, "_copy_into", full)
    else:
        def full(descriptor):
            raise OSError(errno.ENOSPC, "No space left on device")
        monkeypatch.setattr(os, "fsync", full)
    result = cli("backup", str(tmp_path / "copy.db"))
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    assert result.output.strip().splitlines() == [
        f"The backup cannot be written to {tmp_path / 'copy.db'}: the disk is full. "
        "Nothing was written."]
    assert sorted(p.name for p in tmp_path.iterdir() if "copy" in p.name) == []


def test_a_dead_temporary_goes_at_the_next_start_in_any_folder_written_to(cli, filled,
                                                                          tmp_path):
    share = tmp_path / "council-share"  # a folder clerk wrote into once, then never again
    share.mkdir()
    writer = subprocess.Popen([sys.executable, "-c", KILLED_WRITER,
                               str(share / "planning-minutes-confidential.docx")],
                              stdout=subprocess.PIPE, text=True)
    try:
        left = Path(writer.stdout.readline().strip())
    finally:
        writer.kill()
        writer.wait(timeout=30)
    assert left.exists()
    assert cli("search", "lease").exit_code == 0  # any start of clerk, writing nowhere
    assert not left.exists()


# Pipes and devices are never opened as a database or a template ----------------------------


def run_clerk(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    """clerk in its own process, so that one that waits on a pipe fails the test (the
    timeout), never hangs the run."""
    return subprocess.run([sys.executable, "-m", "clerk_tui", *args], cwd=cwd,
                          capture_output=True, text=True, timeout=120, stdin=subprocess.DEVNULL)


@pytest.mark.parametrize("command", [["check"], ["search", "lease"], []])
def test_a_pipe_given_as_the_database_is_refused_unopened(tmp_path, command):
    fifo = tmp_path / "pipe.db"
    os.mkfifo(fifo)
    result = run_clerk("--db", str(fifo), *command, cwd=tmp_path)
    assert result.returncode == 2, result.stderr
    assert "is a named pipe, not a database file" in result.stderr
    assert "Traceback" not in result.stderr
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


def test_a_pipe_or_a_huge_file_given_as_the_template_is_refused(filled, tmp_path):
    fifo = tmp_path / "house.dotx"
    os.mkfifo(fifo)
    export = ("--db", str(filled), "export", "Planning", "2024-05-01", "-o", str(tmp_path))
    result = run_clerk(*export, "--template", str(fifo), cwd=tmp_path)
    assert result.returncode == 1, result.stderr
    assert "The template" in result.stderr and "is a named pipe, not a Word file" in result.stderr
    huge = tmp_path / "huge.dotx"
    with huge.open("wb") as out:
        out.truncate(51 * 1024 * 1024)  # sparse: no disk used
    result = run_clerk(*export, "--template", str(huge), cwd=tmp_path)
    assert result.returncode == 1, result.stderr
    assert "is larger than 50 MB" in result.stderr
    assert not list(tmp_path.glob("*.docx"))
