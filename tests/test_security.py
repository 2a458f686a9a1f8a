"""Security: a public export never holds exempt matter, and no document property holds
confidential text; files that can hold confidential matter are readable by their owner
only; and clerk never opens a network connection."""

from __future__ import annotations

import datetime as dt
import io
import os
import socket
import stat
import uuid
import zipfile
from contextlib import contextmanager
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from clerk_tui import models as m
from clerk_tui.archive import import_files
from clerk_tui.cli import main
from clerk_tui.minutes.compose.action_log import compose_action_log
from clerk_tui.minutes.export import export_action_log, export_minutes
from clerk_tui.store import Store
from conftest import FrozenClock, add_sample, type_text

# A secret word: "qz" and consonants, which no wording of clerk's, no UUID (hex) and no
# public word below can contain, so finding one in a public file can only be a leak.
SECRET = st.text(alphabet="bcdfghjklmnprstvwxz", min_size=6, max_size=9).map(lambda s: f"qz{s}")
PUBLIC_NAMES = ("Councillor Ada Byrne", "Councillor Omar Patel", "Councillor Li Wen")


# --- A public export never holds exempt matter ------------------------------------------

def _parts(data: bytes) -> dict[str, str]:
    """Every part of a Word file, as lower-case text: its bytes, and the words of its
    text elements joined (so a word split across two runs is still found)."""
    found = {}
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for name in archive.namelist():
            raw = archive.read(name)
            text = raw.decode("utf-8", "replace")
            if name.endswith((".xml", ".rels")):
                try:
                    root = etree.fromstring(raw)
                    text += "\n" + "".join(root.itertext())
                except etree.XMLSyntaxError:
                    pass
            found[name] = text.lower()
    return found


def _leaks(texts: dict[str, str], secrets: set[str]) -> list[tuple[str, str]]:
    return [(name, secret) for name, text in texts.items() for secret in secrets
            if secret in text]


def _entries_of(item_id: str, words, at: dt.datetime, kinds: list[str]) -> list:
    """Entries of the given kinds, every text field of each holding a word from ``words``."""
    entries, last_question = [], None
    for kind in kinds:
        if kind == "note":
            entry = m.Note(item_id=item_id, captured_at=at,
                           text=f"The {words()} was discussed.\n- {words()}\n- {words()}")
        elif kind == "question":
            entry = last_question = m.Question(item_id=item_id, captured_at=at,
                                               text=f"when the {words()} ends",
                                               asker=f"Councillor {words()}")
        elif kind == "response":
            entry = m.Response(item_id=item_id, captured_at=at, text=f"in {words()}",
                               responder=f"Head of {words()}",
                               answers_id=last_question.id if last_question else None)
        elif kind == "action":
            entry = m.Action(item_id=item_id, captured_at=at, text=f"Circulate the {words()}",
                             owner=f"Head of {words()}", due=dt.date(2024, 6, 1),
                             progress=f"awaiting {words()}", reassigned_to=f"Director {words()}")
        else:
            outcome = {"resolution": None, "lost": "lost", "deferred": "deferred"}[kind]
            entry = m.Resolution(
                item_id=item_id, captured_at=at, text=f"That the {words()} be agreed",
                number=words(), outcome=outcome,
                vote=m.Vote(votes_for=4, votes_against=1,
                            named=[m.NamedVote(member=f"Councillor {words()}", vote="for")]))
        entries.append(entry)
    return entries


KINDS = st.sampled_from(["note", "question", "response", "action", "resolution", "lost",
                         "deferred"])
ITEMS = st.lists(st.tuples(st.booleans(), st.lists(KINDS, max_size=6)), min_size=1, max_size=4)


@settings(max_examples=20, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(items=ITEMS, style=st.sampled_from(["narrative", "bulleted"]), data=st.data())
def test_a_public_export_never_holds_exempt_matter(tmp_path, items, style, data):
    items = [(True, items[0][1]), *items[1:]]  # at least one exempt item
    secrets: set[str] = set()

    def secret() -> str:
        word = data.draw(SECRET)
        secrets.add(word)
        return word

    public_words = iter(f"public{n}" for n in range(10_000))
    folder = tmp_path / str(uuid.uuid4())
    with Store.open(folder / "clerk.db", clock=FrozenClock()) as store:
        store.settings.set("house_style", style)
        meeting = store.new_meeting("Planning Committee", dt.date(2024, 5, 1))
        at = store.now()
        for number, (exempt, kinds) in enumerate(items, start=1):
            words = secret if exempt else lambda: next(public_words)
            item = store.items.add(m.AgendaItem(
                meeting_id=meeting.id, minute_number=str(number), title=f"Agenda item {number}",
                exempt=exempt, exempt_paragraph=3 if exempt else None,
                report_reference=f"Report {words()}", supporting_documents=[f"{words()}.pdf"]))
            for entry in _entries_of(item.id, words, at, kinds):
                store.entries.add(entry)
            if exempt:
                store.declarations.add(m.Declaration(
                    meeting_id=meeting.id, item_id=item.id, member=PUBLIC_NAMES[number % 3],
                    kind=data.draw(st.sampled_from(list(m.DeclarationKind))),
                    text=f"a director of {secret()}", withdrew=data.draw(st.booleans())))
        snapshot = store.snapshot(meeting.id)
        log = compose_action_log(store.actions.log("all"), snapshot.organisation, "All actions",
                                 dt.date(2024, 5, 2))
        public_log = export_action_log(log, folder / "log", dt.date(2024, 5, 2)).path

    out = folder / "exports"
    written = [export_minutes(snapshot, out, "public", fmt, item_id, overwrite=True).path
               for fmt in ("docx", "md")
               for item_id in [None, *(part.item.id for part in snapshot.items)]]
    for path in [*written, public_log]:
        texts = _parts(path.read_bytes()) if path.suffix == ".docx" else {
            path.name: path.read_text(encoding="utf-8").lower()}
        assert not _leaks(texts, secrets), (path.name, _leaks(texts, secrets))

    confidential = export_minutes(snapshot, out, "confidential", overwrite=True).path
    parts = _parts(confidential.read_bytes())
    properties = {name: text for name, text in parts.items() if name.startswith("docProps/")}
    assert properties and not _leaks(properties, secrets)
    assert _leaks({"body": parts["word/document.xml"]}, secrets)  # the words are there


def _meeting_full_of_secrets(store) -> tuple[m.Meeting, set[str]]:
    sample = add_sample(store)
    item = sample.items[1]  # exempt
    words = iter(f"qzsecret{letter}" for letter in "bcdfghjklmnprstvwxz" * 3)
    secrets: set[str] = set()

    def secret() -> str:
        secrets.add(word := next(words))
        return word

    changed = store.items.get(item.id)
    changed.report_reference, changed.supporting_documents = secret(), [secret()]
    store.items.update(changed)
    kinds = ["note", "question", "response", "action", "resolution", "lost"]
    for entry in _entries_of(item.id, secret, store.now(), kinds):
        store.entries.add(entry)
    store.declarations.add(m.Declaration(meeting_id=sample.meeting.id, item_id=item.id,
                                         member="Councillor Li Wen", text=secret()))
    return sample.meeting, secrets


def test_no_document_property_holds_confidential_text(store, tmp_path):
    meeting, secrets = _meeting_full_of_secrets(store)
    store.settings.set("organisation", "Borough of Eastleigh Vale")
    store.settings.set("clerk_name", "Sam Reid")
    snapshot = store.snapshot(meeting.id)
    exempt = snapshot.items[1].item.id
    for version in ("public", "confidential"):
        for item_id in (None, exempt):
            path = export_minutes(snapshot, tmp_path, version, item_id=item_id).path
            parts = _parts(path.read_bytes())
            properties = {n: t for n, t in parts.items()
                          if n.startswith("docProps/") or "custom" in n or "comments" in n}
            assert not _leaks(properties, secrets), (path.name, version)
            core = docx.Document(str(path)).core_properties
            for value in (core.title, core.subject, core.keywords, core.comments,
                          core.category, core.author, core.last_modified_by, core.identifier):
                assert not any(s in (value or "").lower() for s in secrets)
            assert core.comments == "" and "lease" not in (core.title or "").lower()


def test_the_public_action_log_never_quotes_an_exempt_action(store, db_path, tmp_path):
    meeting, secrets = _meeting_full_of_secrets(store)
    store.close()
    runner = CliRunner()
    base = ["--db", str(db_path), "actions"]
    table = runner.invoke(main, base)
    csv = runner.invoke(main, [*base, "--format", "csv"])
    word = runner.invoke(main, [*base, "--format", "docx", "-o", str(tmp_path / "log")])
    assert table.exit_code == csv.exit_code == word.exit_code == 0, word.output
    for output in (table.output, csv.output):
        assert not [s for s in secrets if s in output.lower()]
    parts = _parts(Path(word.stdout.strip()).read_bytes())
    assert not _leaks(parts, secrets)
    confidential = runner.invoke(main, [*base, "--confidential"])
    assert [s for s in secrets if s in confidential.output.lower()]  # the test can see them


# --- Owner-only files -------------------------------------------------------------------

@pytest.fixture
def open_umask():
    """The most permissive umask: a file is private only if clerk makes it so."""
    before = os.umask(0)
    yield
    os.umask(before)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_the_database_and_its_log_files_are_created_owner_only(tmp_path, open_umask):
    path = tmp_path / "new" / "folder" / "clerk.db"
    with Store.open(path, clock=FrozenClock()) as store:
        add_sample(store)
        wal, shm = (path.with_name(path.name + suffix) for suffix in ("-wal", "-shm"))
        assert wal.exists() and shm.exists()
        assert (mode(path), mode(wal), mode(shm)) == (0o600, 0o600, 0o600)
        backup = store.backup(tmp_path / "backup.db")
        into_folder = store.backup(tmp_path)
    assert mode(backup) == mode(into_folder) == 0o600


def test_clerk_backup_and_a_new_database_from_the_cli_are_owner_only(tmp_path, open_umask):
    db = tmp_path / "db" / "clerk.db"
    runner = CliRunner()
    created = runner.invoke(main, ["--db", str(db), "meeting", "new", "--committee", "Planning",
                                   "--date", "2024-05-01"])
    backed_up = runner.invoke(main, ["--db", str(db), "backup", str(tmp_path / "copy.db")])
    assert created.exit_code == backed_up.exit_code == 0, backed_up.output
    assert mode(db) == mode(tmp_path / "copy.db") == 0o600


def test_confidential_exports_are_owner_only(store, tmp_path, open_umask):
    sample = add_sample(store)
    snapshot = store.snapshot(sample.meeting.id)
    for fmt in ("docx", "md"):
        for item_id in (None, sample.items[1].id):
            assert mode(export_minutes(snapshot, tmp_path / "out", "confidential", fmt,
                                       item_id).path) == 0o600
            assert mode(export_minutes(snapshot, tmp_path / "out", "confidential", fmt,
                                       item_id, overwrite=True).path) == 0o600
    log = compose_action_log(store.actions.log("all"), snapshot.organisation, "All actions",
                             dt.date(2024, 5, 2), confidential=True)
    assert mode(export_action_log(log, tmp_path / "out", dt.date(2024, 5, 2)).path) == 0o600


def test_the_confidential_action_log_from_the_cli_is_owner_only(store, db_path, tmp_path,
                                                               open_umask):
    add_sample(store)
    store.close()
    result = CliRunner().invoke(main, ["--db", str(db_path), "actions", "--confidential",
                                       "--format", "docx", "-o", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    assert mode(Path(result.stdout.strip())) == 0o600


def test_the_confidential_action_log_as_csv_is_owner_only(store, db_path, tmp_path, open_umask):
    add_sample(store)
    store.close()
    target = tmp_path / "actions.csv"
    result = CliRunner().invoke(main, ["--db", str(db_path), "actions", "--confidential",
                                       "--format", "csv", "-o", str(target)])
    assert result.exit_code == 0, result.output
    assert mode(target) == 0o600


def test_a_recovery_file_is_owner_only(tmp_path, open_umask):
    from clerk_tui.ui.autosave import Autosaver

    class Timer:
        def stop(self) -> None:
            pass

    class App:
        def set_timer(self, *args, **kwargs):
            return Timer()

        def notify(self, *args, **kwargs) -> None:
            pass

    saver = Autosaver(App(), FrozenClock())
    saver.change("draft:x", lambda: None, "confidential words typed but not saved")
    path = saver.rescue(tmp_path)
    assert path is not None and mode(path) == 0o600
    assert "confidential words" in path.read_text(encoding="utf-8")


# --- No network, ever -------------------------------------------------------------------

@contextmanager
def no_network(monkeypatch):
    """Every way to reach another machine fails, and is recorded: the test fails if clerk
    tries one, even when it swallowed the error. (Local socket pairs, which asyncio uses
    to wake its own loop, are not the network.)"""
    tried: list[str] = []

    def refuse(what):
        def refused(*args, **kwargs):
            tried.append(f"{what}{args[1:] if what.startswith('socket.') else args}")
            raise OSError(f"clerk must not use the network ({what})")
        return refused

    original_init = socket.socket.__init__

    def guarded_init(self, family=-1, type=-1, proto=-1, fileno=None):
        if fileno is None and family in (-1, socket.AF_INET, socket.AF_INET6):
            tried.append(f"socket({family})")
            raise OSError("clerk must not open an internet socket")
        original_init(self, family, type, proto, fileno)

    monkeypatch.setattr(socket.socket, "__init__", guarded_init)
    for name in ("connect", "connect_ex", "sendto", "bind"):
        monkeypatch.setattr(socket.socket, name, refuse(f"socket.{name}"))
    for name in ("create_connection", "create_server", "getaddrinfo", "gethostbyname",
                 "gethostbyname_ex", "gethostbyaddr", "getnameinfo"):
        monkeypatch.setattr(socket, name, refuse(name))
    yield tried
    assert tried == [], f"clerk tried to use the network: {tried}"


def test_the_guard_catches_a_connection(monkeypatch):
    with pytest.raises(AssertionError, match="tried to use the network"):
        with no_network(monkeypatch):
            with pytest.raises(OSError):
                socket.create_connection(("192.0.2.1", 80), timeout=0.01)
    monkeypatch.undo()


async def test_the_app_makes_no_network_connection(db_path, tmp_path, monkeypatch):
    from clerk_tui.ui.app import make_app
    from clerk_tui.ui.screens.meeting import MeetingScreen
    from clerk_tui.ui.screens.search import SearchScreen
    from clerk_tui.ui.widgets.capture import CaptureLine

    monkeypatch.chdir(tmp_path)
    old = tmp_path / "old-minutes.txt"
    old.write_text("Meeting: 01/02/2023 - Licensing Committee (Item 3)\nAgenda item\n"
                   "TAXI FARES\nMinutes:\nRESOLVED: That taxi fares rise by 3%.", encoding="utf-8")
    with no_network(monkeypatch):
        app = make_app(db_path, clock=FrozenClock())
        sample = add_sample(app.store)
        assert all(report.ok for report in import_files(app.store, [old]))
        async with app.run_test() as pilot:
            await pilot.pause()
            await pilot.press("enter")  # the newest meeting: the sample
            await pilot.pause()
            assert isinstance(app.screen, MeetingScreen)
            await type_text(pilot, "Welcome", enter=True)  # typed key by key
            capture = app.screen.query_one(CaptureLine)
            for line in ("? Cllr Patel: when it closes", "> Head of Property: in March",
                         "! Write to the tenant @Clerk by 2024-06-30",
                         "= That the report be noted (unanimous)"):
                capture.value = line  # as if typed: the keys themselves are tested above
                await pilot.press("enter")
                await pilot.pause()
            await pilot.press("f9")
            await pilot.pause(0.3)
            await pilot.press("f9", "f7", "ctrl+s")
            exported = tmp_path / "exports" / "planning-2024-05-01-minutes-public-draft.docx"
            for _ in range(100):
                if exported.exists():
                    break
                await pilot.pause(0.05)
            assert exported.exists()
            await pilot.press("f3")
            await pilot.pause()
            await pilot.press("escape", "f4")
            await pilot.pause()
            await pilot.press("escape", "ctrl+f")
            await pilot.pause()
            assert isinstance(app.screen, SearchScreen)
            await type_text(pilot, "taxi fares")
            await pilot.pause(0.6)
            await pilot.press("enter", "enter")  # to the results, open the imported meeting
            await pilot.pause()
            await pilot.press("ctrl+q")
    with Store.open(db_path) as store:
        kinds = [e.kind for e in store.entries.list(sample.items[0].id)]
    assert kinds == ["note", "question", "response", "action", "resolution"]


def test_the_command_line_makes_no_network_connection(db_path, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    agenda = tmp_path / "agenda.txt"
    agenda.write_text("1. Apologies\n2. Minutes of the previous meeting\nPART 2\n"
                      "3. Depot lease (exempt, paragraph 3)\n", encoding="utf-8")
    old = tmp_path / "old.txt"
    old.write_text("Meeting: 01/02/2023 - Licensing Committee (Item 3)\nAgenda item\nTAXI FARES\n"
                   "Minutes:\nRESOLVED: That taxi fares rise.", encoding="utf-8")
    db = ["--db", str(db_path)]
    runner = CliRunner()
    with no_network(monkeypatch):
        commands = [
            ["meeting", "new", "--committee", "Planning", "--date", "2024-05-01", "--time",
             "19:00", "--venue", "Chamber", "--agenda", str(agenda)],
            ["config", "set", "organisation", "Borough of Eastleigh Vale"],
            ["config"],
            ["import", str(old)],
            ["search", "taxi"],
            ["search", "taxi", "--all-kinds", "--json"],
            ["export", "Planning", "2024-05-01"],
            ["export", "Planning", "2024-05-01", "--confidential", "--format", "md"],
            ["export", "Licensing Committee", "2023-02-01"],
            ["actions"],
            ["actions", "--format", "csv"],
            ["actions", "--confidential", "--format", "docx"],
            ["check"],
            ["backup", str(tmp_path / "copy.db")],
            ["--version"],
        ]
        for command in commands:
            result = runner.invoke(main, [*db, *command])
            assert result.exit_code == 0, (command, result.output)
        approved = tmp_path / "exports" / "licensing-committee-2023-02-01-minutes-public.docx"
        verified = runner.invoke(main, [*db, "verify", str(approved)])
        assert verified.exit_code == 0, verified.output
