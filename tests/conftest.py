"""Shared fixtures: a store on a temporary file with a frozen clock, and a sample meeting."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass

import pytest
from hypothesis import settings

from clerk_tui import models as m
from clerk_tui.store import Store

# `make test` runs the same examples every time (a failure is one to fix, not one a later
# run may not meet again); `make explore` lets hypothesis look for new ones.
settings.register_profile("repeatable", derandomize=True, print_blob=True)
settings.register_profile("explore", derandomize=False, max_examples=2_000, print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "repeatable"))

FROZEN = dt.datetime(2024, 5, 1, 19, 0, 0)


class FrozenClock:
    """A clock that stands still until told to move."""

    def __init__(self, now: dt.datetime = FROZEN) -> None:
        self.now = now

    def __call__(self) -> dt.datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += dt.timedelta(**delta)


@pytest.fixture(autouse=True)
def _no_user_config(tmp_path, monkeypatch):
    """Keep tests away from the developer's own settings file and CLERK_DB."""
    monkeypatch.setenv("CLERK_CONFIG", str(tmp_path / "no-such-settings.toml"))
    monkeypatch.delenv("CLERK_DB", raising=False)


@pytest.fixture(autouse=True)
def _failures_fail_tests(monkeypatch):
    """The app contains unexpected exceptions for the clerk; in a test one must fail it."""
    from clerk_tui.ui.app import ClerkApp

    monkeypatch.setattr(ClerkApp, "contain_failures", False)


@pytest.fixture
def clock() -> FrozenClock:
    return FrozenClock()


@pytest.fixture
def db_path(tmp_path):
    return tmp_path / "clerk.db"


@pytest.fixture
def store(db_path, clock):
    with Store.open(db_path, clock=clock) as opened:
        yield opened


@dataclass
class Sample:
    """A small meeting: two items, the second exempt, with one entry of every kind."""

    committee: m.Committee
    meeting: m.Meeting
    items: list[m.AgendaItem]
    entries: list


def add_sample(store: Store, date: dt.date = dt.date(2024, 5, 1), name: str = "Planning") -> Sample:
    """Store a sample meeting (a fresh committee called ``name``) and return its parts."""
    committee = store.committees.find(name) or store.committees.add(m.Committee(
        name=name,
        members=[
            m.CommitteeMember(name="Councillor Ada Byrne", office="Chair"),
            m.CommitteeMember(name="Councillor Omar Patel"),
        ],
    ))
    meeting = store.meetings.add(m.Meeting(
        committee_id=committee.id, date=date, start_time=dt.time(19), venue="Council Chamber"
    ))
    items = [
        store.items.add(m.AgendaItem(meeting_id=meeting.id, minute_number="1",
                                     title="Apologies for absence", exempt=False)),
        store.items.add(m.AgendaItem(meeting_id=meeting.id, minute_number="2",
                                     title="Depot lease", report_reference="Report PL24001",
                                     exempt=True, exempt_paragraph=3,
                                     supporting_documents=["Lease plan.pdf"])),
    ]
    item = items[1].id
    now = store.now()
    question = m.Question(item_id=item, text="when does the lease end", asker="Councillor Patel",
                          captured_at=now)
    entries = [
        m.Note(item_id=item, text="The Committee considered the report.", captured_at=now),
        question,
        m.Response(item_id=item, text="in March 2026", responder="Head of Property",
                   answers_id=question.id, captured_at=now),
        m.Action(item_id=item, text="Circulate the valuation", owner="Head of Property",
                 due=dt.date(2024, 6, 1), captured_at=now),
        m.Resolution(item_id=item, text="That the lease be renewed.",
                     vote=m.Vote(votes_for=5, votes_against=1, votes_abstain=1,
                                 named=[m.NamedVote(member="Councillor Byrne", vote="for")]),
                     outcome="carried", captured_at=now),
    ]
    for entry in entries:
        store.entries.add(entry)
    store.attendance.add(m.Attendance(meeting_id=meeting.id, person="Councillor Ada Byrne",
                                      office="Chair"))
    store.declarations.add(m.Declaration(meeting_id=meeting.id, item_id=item,
                                         member="Councillor Omar Patel", kind="personal",
                                         text="Lives near the depot"))
    return Sample(committee, meeting, items, entries)


@pytest.fixture
def sample(store) -> Sample:
    return add_sample(store)


APPROVED_ON = dt.date(2024, 6, 5)


@pytest.fixture
def approved(store, sample) -> Sample:
    """The sample meeting, its minutes approved (and so locked and frozen)."""
    store.meetings.approve(sample.meeting.id, APPROVED_ON)
    return sample


async def type_text(pilot, text: str, enter: bool = False) -> None:
    """Type ``text`` key by key (and Enter), then let the app settle."""
    await pilot.press(*text)
    if enter:
        await pilot.press("enter")
    await pilot.pause()


async def make_saves(app, pilot) -> None:
    """Make the saves the autosave timer would make, now: a test that waited for the
    timer would race it on a loaded machine (and could catch a field half-typed)."""
    await pilot.pause()  # the last change reaches the autosaver first
    app.desk.autosaver.flush()
    await pilot.pause()


async def wait_for(pilot, ready, seconds: float = 20.0) -> None:
    """Let the app run until ``ready()`` is true (work in a thread, a debounce timer):
    a fixed pause is too short on a loaded machine. Fails after ``seconds``."""
    for _ in range(int(seconds / 0.05)):
        if ready():
            return
        await pilot.pause(0.05)
    assert ready(), "the app did not get there in time"


@pytest.fixture
def saves_wait(monkeypatch):
    """Put the autosave timer off for a minute, so that only :func:`make_saves` saves."""
    from clerk_tui.ui import autosave
    monkeypatch.setattr(autosave, "DELAY", 60)


@pytest.fixture
def app(db_path, clock):
    """The clerk app on a temporary database with a frozen clock, as ``make_app`` builds
    it, keeping what it tells the clerk in ``app.told``."""
    from recording_app import recording_app

    return recording_app(db_path, clock)


SHARED = __import__("pathlib").Path(__file__).resolve().parents[2] / "shared"


def shared_fixture(name: str):
    """A file of real published minutes from ../shared/fixtures/minutes.

    A user's own clone has no ../shared: the test is skipped, saying why. Under CI a
    missing ../shared is an error.
    """
    import os

    path = SHARED / "fixtures" / "minutes" / name
    if path.exists():
        return path
    if os.environ.get("CI") == "true":
        pytest.fail(f"{path} is missing; CI must have ../shared/fixtures")
    pytest.skip(f"{path} is not here (a clone without ../shared); this test reads real minutes")


def require_program(name: str) -> str:
    """A program the test needs; skipped locally without it, an error under CI."""
    import os
    import shutil

    found = shutil.which(name)
    if found:
        return found
    if os.environ.get("CI") == "true":
        pytest.fail(f"{name} is not installed; .ci/run should have installed it")
    pytest.skip(f"{name} is not installed here")
