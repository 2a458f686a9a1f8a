"""The benchmarks' data: deterministic, built once and cached in ``bench/cache/``.

The archive is a real clerk database: clerk creates it (so its schema, triggers and
search indexes are clerk's own), then the rows are written in bulk with the triggers
set aside, the search indexes are built the way clerk's migrations build them, and
the triggers are put back exactly as they were. The file is what years of clerk use
would leave behind, built in minutes rather than one save at a time.
"""

from __future__ import annotations

import datetime as dt
import random
import shutil
import sqlite3
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from bench import vocabulary as vocab
from clerk_tui.store import Store
from clerk_tui.store.migrations import SCHEMA_VERSION

CACHE = Path(__file__).parent / "cache"
DATA_VERSION = 1  # bump when the generated data changes, so caches are rebuilt
ITEMS_PER_MEETING = 20
RESOLUTIONS_PER_ITEM = 10  # on average: 5,000 meetings hold a million resolutions
FIRST_DAY = dt.date(1989, 1, 9)
ENTRY_COLUMNS = ("id", "item_id", "position", "kind", "text", "captured_at", "asker",
                 "responder", "answers_id", "owner", "due", "status", "label", "unanimous",
                 "votes_for", "votes_against", "votes_abstain", "named_votes")


@dataclass(frozen=True)
class Archive:
    """A cached archive and what the benchmarks need to know about it."""

    path: Path
    meetings: int
    resolutions: int
    newest: str
    """How the newest meeting's row begins on the first screen ("Mon 3 Mar 2025")."""


def new_id(rng: random.Random) -> str:
    """A UUID4, from the seeded generator so the data is the same every time."""
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def cached(name: str) -> Path:
    """The path of a cached file, named for the data and schema it was made with."""
    CACHE.mkdir(exist_ok=True)
    return CACHE / f"v{DATA_VERSION}-s{SCHEMA_VERSION}-{name}"


def archive(meetings: int, log=print) -> Archive:
    """An archive of ``meetings`` meetings (20 items and about 200 resolutions each),
    built on first use."""
    path = cached(f"archive-{meetings}.db")
    if not path.exists():
        log(f"building an archive of {meetings:,} meetings (once; cached in {CACHE}) ...")
        building = path.with_suffix(".building")
        _remove(building)
        _build_archive(building, meetings)
        building.rename(path)
    with sqlite3.connect(path) as connection:
        resolutions = connection.execute(
            "SELECT count(*) FROM entries WHERE kind = 'resolution'").fetchone()[0]
        newest = connection.execute("SELECT max(date) FROM meetings").fetchone()[0]
    return Archive(path, meetings, resolutions, f"{dt.date.fromisoformat(newest):%a %-d %b %Y}")


def _remove(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def copy_database(source: Path, target: Path) -> Path:
    """A fresh copy of a cached database to change freely."""
    _remove(target)
    shutil.copyfile(source, target)
    return target


class BulkWriter:
    """Writes rows into a clerk file with its triggers set aside, then restores them
    and builds the search indexes as clerk's migrations do."""

    def __init__(self, path: Path) -> None:
        Store.open(path).close()  # clerk makes the file, its schema and its indexes
        self.connection = sqlite3.connect(path, isolation_level=None)
        self.connection.execute("PRAGMA journal_mode = DELETE")
        self.connection.execute("PRAGMA synchronous = OFF")
        self._triggers = self.connection.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY rowid").fetchall()
        self.connection.execute("BEGIN")
        for name, _ in self._triggers:
            self.connection.execute(f"DROP TRIGGER [{name}]")

    def insert(self, table: str, rows: list[dict]) -> None:
        """Insert rows (all with the same columns)."""
        if rows:
            names = ", ".join(rows[0])
            marks = ", ".join(f":{name}" for name in rows[0])
            self.connection.executemany(f"INSERT INTO {table} ({names}) VALUES ({marks})", rows)

    def finish(self) -> None:
        """Index everything for search, put the triggers back, and go back to WAL."""
        run = self.connection.execute
        for table in ("entries", "agenda_items", "committees"):  # migration 4's indexes
            run(f"INSERT INTO [{table}_fts] ([{table}_fts]) VALUES ('rebuild')")
        columns = "kind, text, people, item, reference, committee"  # migration 6's index
        run(f"INSERT INTO search_fts (rowid, {columns}) SELECT doc_id, {columns} "
            "FROM search_documents")
        run("INSERT INTO search_fts (search_fts) VALUES ('optimize')")
        for _, sql in self._triggers:
            run(sql)
        run("COMMIT")
        run("PRAGMA journal_mode = WAL")
        self.connection.close()


def _build_archive(path: Path, meetings: int) -> None:
    rng = random.Random(7)
    writer = BulkWriter(path)
    committees = [{"id": new_id(rng), "name": name, "body": "Ashcombe District Council",
                   "house_style": None} for name in vocab.COMMITTEES]
    writer.insert("committees", committees)
    for number, day in enumerate(_meeting_days(meetings)):
        committee = committees[number % len(committees)]
        draft = number >= meetings - 3  # the newest few are still being minuted
        _write_meeting(writer, rng, committee["id"], day, draft)
    writer.finish()


def _meeting_days(count: int) -> Iterator[dt.date]:
    """Meeting dates from 1989 on, a few a week, oldest first."""
    for number in range(count):
        yield FIRST_DAY + dt.timedelta(days=number * 13 // 5)


def _write_meeting(writer: BulkWriter, rng: random.Random, committee_id: str, day: dt.date,
                   draft: bool) -> None:
    meeting_id = new_id(rng)
    writer.insert("meetings", [{
        "id": meeting_id, "committee_id": committee_id, "date": day.isoformat(),
        "start_time": "19:00:00", "venue": "Council Chamber",
        "started_at": "19:02:00", "ended_at": None if draft else "21:15:00",
        "status": "draft" if draft else "approved",
        "approved_on": None if draft else (day + dt.timedelta(days=35)).isoformat(),
        "approved_at_meeting_id": None, "reopen_reason": None, "current_item_id": None}])
    writer.insert("attendance", [{
        "id": new_id(rng), "meeting_id": meeting_id, "position": n, "person": vocab.member(rng),
        "role": "member", "status": "present" if n % 7 else "apologies", "office": None}
        for n in range(8)])
    items, entries = [], []
    for position in range(ITEMS_PER_MEETING):
        item_id = new_id(rng)
        items.append({"id": item_id, "meeting_id": meeting_id, "position": position,
                      "minute_number": str(position + 1), "title": vocab.item_title(rng),
                      "report_reference": f"RPT{day.year % 100:02d}{rng.randrange(1000):03d}"
                      if rng.random() < 0.4 else None, "exempt": 0})
        entries += _item_entries(rng, item_id, day)
    writer.insert("agenda_items", items)
    writer.insert("entries", entries)


def _entry(rng: random.Random, item_id: str, position: int, kind: str, text: str,
           at: str, **fields) -> dict:
    row = dict.fromkeys(ENTRY_COLUMNS)
    row.update(id=new_id(rng), item_id=item_id, position=position, kind=kind, text=text,
               captured_at=at, **fields)
    return row


def _item_entries(rng: random.Random, item_id: str, day: dt.date) -> list[dict]:
    """A note, sometimes a question and its answer or an action, then the decisions."""
    at = f"{day.isoformat()}T19:30:00"
    entries = [_entry(rng, item_id, 0, "note", " ".join(
        vocab.sentence(rng) for _ in range(rng.randrange(1, 4))), at)]
    if rng.random() < 0.3:
        question = _entry(rng, item_id, len(entries), "question",
                          f"what the timetable was for the {vocab.topic(rng)}", at,
                          asker=vocab.member(rng))
        entries += [question, _entry(rng, item_id, len(entries) + 1, "response",
                                     f"work would start in {rng.choice(('spring', 'autumn'))}",
                                     at, responder=rng.choice(vocab.OFFICERS),
                                     answers_id=question["id"])]
    if rng.random() < 0.3:
        entries.append(_entry(rng, item_id, len(entries), "action", vocab.action(rng), at,
                              owner=rng.choice(vocab.OFFICERS), status="done",
                              due=(day + dt.timedelta(days=60)).isoformat()))
    for _ in range(rng.randrange(RESOLUTIONS_PER_ITEM // 2, RESOLUTIONS_PER_ITEM * 3 // 2 + 1)):
        votes = {"unanimous": 1} if rng.random() < 0.6 else {
            "votes_for": rng.randrange(4, 12), "votes_against": rng.randrange(0, 4),
            "votes_abstain": rng.randrange(0, 3)}
        entries.append(_entry(rng, item_id, len(entries), "resolution", vocab.resolution(rng),
                              at, label="RESOLVED", named_votes="[]", **votes))
    return entries


def typing_db(words: int, log=print) -> tuple[Path, str]:
    """A meeting under way with one item whose note holds ``words`` words; the database
    and the note's text."""
    import datetime as _dt

    from clerk_tui import models

    path = cached(f"typing-{words}.db")
    rng = random.Random(3)
    text = vocab.words(rng, words)
    if not path.exists():
        log(f"building the typing meeting ({words:,} words) ...")
        building = path.with_suffix(".building")
        _remove(building)
        day = _dt.datetime(2025, 3, 4, 19, 0)
        with Store.open(building, clock=lambda: day) as store:
            meeting = store.new_meeting("Highways and Transport Committee", day.date(),
                                        day.time(), "Council Chamber")
            item = store.items.add(models.AgendaItem(meeting_id=meeting.id, minute_number="1",
                                                     title="Car Parking Review", exempt=False))
            store.entries.add(models.Note(item_id=item.id, text=text, captured_at=day))
        building.rename(path)
    return path, text


def export_db(items: int, log=print) -> tuple[Path, str]:
    """A meeting of ``items`` agenda items, each with six paragraphs, five bullet points,
    a resolution and an action (the actions make the action table); the database and
    the meeting's id."""
    import datetime as _dt

    from clerk_tui import models

    path = cached(f"export-{items}.db")
    if not path.exists():
        log(f"building the {items}-item meeting to export ...")
        building = path.with_suffix(".building")
        _remove(building)
        rng = random.Random(5)
        day = _dt.datetime(2025, 3, 4, 19, 0)
        with Store.open(building, clock=lambda: day) as store:
            meeting = store.new_meeting("Finance and Resources Committee", day.date(),
                                        day.time(), "Council Chamber")
            with store.transaction():
                for number in range(1, items + 1):
                    _export_item(store, models, rng, meeting.id, number, day)
        building.rename(path)
    with sqlite3.connect(path) as connection:
        meeting_id = connection.execute("SELECT id FROM meetings").fetchone()[0]
    return path, meeting_id


def _export_item(store, models, rng: random.Random, meeting_id: str, number: int, day) -> None:
    item = store.items.add(models.AgendaItem(
        meeting_id=meeting_id, minute_number=str(number), title=vocab.item_title(rng),
        report_reference=f"RPT25{number:03d}", exempt=False))
    common = {"item_id": item.id, "captured_at": day}
    for _ in range(6):
        store.entries.add(models.Note(text=" ".join(vocab.sentence(rng) for _ in range(3)),
                                      **common))
    bullets = "\n".join(f"- {vocab.sentence(rng)}" for _ in range(5))
    store.entries.add(models.Note(text=f"Members raised these points:\n{bullets}", **common))
    store.entries.add(models.Resolution(text=vocab.resolution(rng), label="RESOLVED",
                                        vote={"votes_for": 7, "votes_against": 2,
                                              "votes_abstain": 1}, **common))
    store.entries.add(models.Action(text=vocab.action(rng), owner=rng.choice(vocab.OFFICERS),
                                    due=day.date() + dt.timedelta(days=30), **common))


def minutes_lines(rng: random.Random, committee: str, day: dt.date) -> list[tuple[str, str]]:
    """A set of old minutes as (kind, text) lines, kind "title", "heading", "bullet" or
    "text": the layout councils publish, in invented words."""
    chair, *members = [vocab.member(rng) for _ in range(7)]
    lines = [("title", "ASHCOMBE DISTRICT COUNCIL"), ("title", committee.upper()),
             ("text", f"Minutes of the meeting held on {day:%A, %-d %B %Y} at 7.00 pm"),
             ("text", "Council Chamber, Ashcombe House"),
             ("text", f"Present: {chair} (Chair), {', '.join(members[:-1])}"),
             ("text", f"Also present: {rng.choice(vocab.OFFICERS)}, {rng.choice(vocab.OFFICERS)}"),
             ("heading", "1. APOLOGIES FOR ABSENCE"),
             ("text", f"Apologies for absence were received from {members[-1]}."),
             ("heading", "2. DECLARATIONS OF INTEREST"),
             ("text", "There were no declarations of interest.")]
    for number in range(3, rng.randrange(8, 13)):
        lines.append(("heading", f"{number}. {vocab.item_title(rng).upper()}"))
        lines += [("text", " ".join(vocab.sentence(rng) for _ in range(3)))
                  for _ in range(rng.randrange(1, 4))]
        if rng.random() < 0.5:
            lines.append(("text", f"In response to a question from {rng.choice(members)} "
                                  f"concerning the {vocab.topic(rng)}, the "
                                  f"{rng.choice(vocab.OFFICERS)} confirmed that work would "
                                  "begin in the spring."))
        if rng.random() < 0.4:
            lines += [("bullet", vocab.sentence(rng)) for _ in range(3)]
        lines += [("text", f"RESOLVED: {vocab.resolution(rng)}")
                  for _ in range(rng.randrange(1, 4))]
        if rng.random() < 0.4:
            due = day + dt.timedelta(days=60)
            lines.append(("text", f"ACTION: {vocab.action(rng)} "
                                  f"({rng.choice(vocab.OFFICERS)}, by {due:%-d %B %Y})"))
    return lines


def import_files(texts: int, words: int, log=print) -> Path:
    """A folder of ``texts`` .txt minutes and ``words`` .docx minutes, every one a
    different meeting."""
    folder = cached(f"import-{texts}-{words}")
    if folder.exists():
        return folder
    log(f"writing {texts:,} .txt and {words:,} .docx minutes to import ...")
    building = folder.with_suffix(".building")
    shutil.rmtree(building, ignore_errors=True)
    building.mkdir()
    rng = random.Random(9)
    for number in range(texts + words):
        committee = vocab.COMMITTEES[number % len(vocab.COMMITTEES)]
        day = FIRST_DAY + dt.timedelta(days=7 * (number // len(vocab.COMMITTEES)))
        lines = minutes_lines(rng, committee, day)
        name = f"{number:05d}-{day.isoformat()}"
        if number < texts:
            (building / f"{name}.txt").write_text(
                "\n\n".join(("- " if kind == "bullet" else "") + text for kind, text in lines)
                + "\n", encoding="utf-8")
        else:
            _write_word(building / f"{name}.docx", lines)
    building.rename(folder)
    return folder


def _write_word(path: Path, lines: list[tuple[str, str]]) -> None:
    import docx

    document = docx.Document()
    styles = {"title": "Title", "heading": "Heading 1", "bullet": "List Bullet", "text": None}
    for kind, text in lines:
        document.add_paragraph(text, style=styles[kind])
    document.save(str(path))


def empty_db(log=print) -> Path:
    """A new, empty clerk database."""
    path = cached("empty.db")
    if not path.exists():
        Store.open(path).close()
    return path
