"""Searching every entry ever minuted, with SQLite's FTS5.

What a clerk types is read as words (all must match), "exact phrases", prefix*,
OR between two words, and -exclusions. Nothing typed is ever handed to FTS5 as
syntax: each word becomes a quoted string, so any text is a valid query.

Each entry is one document with its context (who spoke or owns it, its item's title
and report reference, its committee's name), so every word must match somewhere in
that document. Results are ranked by relevance (an entry's own words count most),
newer meetings first among equals, and read on their own connection so a long
search never holds up saving.
"""

from __future__ import annotations

import datetime as dt
import re
import sqlite3
import threading
from dataclasses import dataclass, field
from pathlib import Path

from clerk_tui.fields import clean_text
from clerk_tui.store.connection import read_only_uri
from clerk_tui.store.ranking import JOINS, KindWords, Ranking, with_kinds, words_expression

MARK_START, MARK_END = "\x02", "\x03"  # around matched words in snippets; never in stored text
COUNT_CAP = 1000  # counting beyond this costs time and tells a clerk nothing more
_TOKEN = re.compile(r'(-?)"([^"]*)"?|(\S+)')
_WORD_CHARACTERS = re.compile(r"[^\W_]", re.UNICODE)
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
# Brackets, colons and the like are FTS5's syntax, never part of a word a clerk looks for:
# "NEAR(school places)" or "text:school" is searched as its words.
_SYNTAX = re.compile(r"[()\[\]{}:^,;+]")
_AND = ("AND", "NEAR")  # written between words; every word must match anyway


@dataclass(frozen=True)
class SearchFilters:
    """What the results are narrowed to. ``kinds=None`` means entries of every kind;
    ``public_only`` leaves out entries of exempt items."""

    kinds: tuple[str, ...] | None = ("resolution",)
    committee: str | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    status: str | None = None
    public_only: bool = False


@dataclass(frozen=True)
class SearchHit:
    """One entry found, with where it was minuted."""

    entry_id: str
    kind: str
    label: str | None
    text: str
    snippet: str
    meeting_id: str
    committee: str
    date: dt.date | None
    """None for imported minutes that do not say when the meeting was."""
    status: str
    item_id: str
    minute_number: str | None
    item_title: str
    exempt: bool = False  # its item is exempt (Schedule 12A): never shown to the public


@dataclass(frozen=True)
class SearchResults:
    """The hits of one search, how many there are (up to :data:`COUNT_CAP`), and why
    there are none when the query could not be searched."""

    hits: list[SearchHit] = field(default_factory=list)
    count: int = 0
    problem: str | None = None


def _quoted(text: str) -> str | None:
    """A piece of typed text as an FTS5 string, or None when it holds no word."""
    if not _WORD_CHARACTERS.search(text):
        return None
    return '"' + text.replace('"', '""') + '"'


def _prefixed(start: str) -> str | None:
    """A prefix search. The index holds word stems ("education" is "educ"), so a typed
    start longer than the stem would miss it: shorter starts are tried too."""
    if _quoted(start) is None:
        return None
    starts = [start[:n] for n in range(max(4, len(start) - 3), len(start))] + [start]
    terms = [f"{_quoted(s)}*" for s in dict.fromkeys(starts) if _quoted(s)]
    return terms[0] if len(terms) == 1 else "(" + " OR ".join(terms) + ")"


def fts_query(text: str) -> str | None:
    """The FTS5 expression for what a clerk typed, or None if it holds no word to find.

    >>> fts_query('school places OR academies -temporary "free school" acad*')
    '"school" AND ("places" OR "academies") AND "free school" AND "acad"* NOT ("temporary")'
    """
    wanted, unwanted = query_parts(text)
    if wanted is None:
        return None
    return f"{wanted} NOT ({unwanted})" if unwanted else wanted


def _tokens(text: str):
    """(negative, phrase, word) for each thing typed: a quoted phrase, or a word, a bare
    word split where FTS5's syntax characters stand in it."""
    for match in _TOKEN.finditer(text):
        negative, phrase, word = match.groups()
        if word is None:
            yield negative, phrase, None
            continue
        for part in _SYNTAX.sub(" ", word).split():
            yield ("-" if part.startswith("-") else ""), None, part.lstrip("-") or "-"


def query_parts(text: str) -> tuple[str | None, str | None]:
    """What must match and what must not, as FTS5 expressions (either may be None)."""
    text = _CONTROL.sub(" ", clean_text(text))  # FTS5 reads a NUL as the end of the query
    groups: list[list[str]] = []
    excluded: list[str] = []
    join_next = negate_next = False
    for negative, phrase, word in _tokens(text):
        if word in ("OR", "NOT", *_AND):
            join_next, negate_next = word == "OR" and bool(groups), word == "NOT"
            continue
        prefix = word is not None and word.endswith("*")
        term = _prefixed(word.rstrip("*")) if prefix else _quoted(
            phrase if phrase is not None else word)
        if term is None:
            join_next = negate_next = False
            continue
        if negative or negate_next:
            excluded.append(term)
        elif join_next:
            groups[-1].append(term)
        elif [term] not in groups:  # a word typed twice is looked for once
            groups.append([term])
        join_next = negate_next = False
    # FTS5 takes a bracketed OR only after an explicit AND, so AND is always written.
    positive = " AND ".join(g[0] if len(g) == 1 else "(" + " OR ".join(g) + ")" for g in groups)
    return positive or None, " OR ".join(excluded) or None


_INTERNAL = ("rowid", "date", "position", "rank", "exempt")  # not a hit's fields as they are
_FROM = ("FROM search_fts CROSS JOIN entries e ON e.rowid = search_fts.rowid" + JOINS +
         "WHERE search_fts MATCH :query AND {filters}")


def _filters(filters: SearchFilters, kinds: bool = False) -> tuple[str, dict]:
    """The conditions the index does not apply; the kinds too when ``kinds`` (when they
    are not in the index query)."""
    clauses, values = ["1"], {}
    if kinds and filters.kinds:
        names = {f"kind_{n}": kind for n, kind in enumerate(filters.kinds)}
        clauses.append(f"+e.kind IN ({', '.join(':' + name for name in names)})")
        values |= names
    if filters.committee:
        clauses.append("c.name = :committee COLLATE NOCASE")
        values["committee"] = filters.committee.strip()
    if filters.date_from:
        clauses.append("m.date >= :date_from")
        values["date_from"] = filters.date_from.isoformat()
    if filters.date_to:
        clauses.append("m.date <= :date_to")
        values["date_to"] = filters.date_to.isoformat()
    if filters.status:
        clauses.append("m.status = :status")
        values["status"] = filters.status
    if filters.public_only:
        clauses.append("i.exempt = 0")
    return " AND ".join(clauses), values


def _narrowed(filters: SearchFilters) -> bool:
    """True when something besides the words and kinds narrows the results."""
    return bool(filters.committee or filters.date_from or filters.date_to or filters.status
                or filters.public_only)


def _opening(text: str) -> str:
    """The first words of an entry, when its match was in its item or committee."""
    words = text.split()
    return " ".join(words[:24]) + (" …" if len(words) > 24 else "")


class Search:
    """Searches the archive on a read-only connection of its own."""

    def __init__(self, path: Path, busy_timeout_ms: int) -> None:
        self._path = path
        self._timeout = busy_timeout_ms
        self._connection: sqlite3.Connection | None = None
        self._kind_words: KindWords | None = None
        self._lock = threading.Lock()

    def _connect(self) -> sqlite3.Connection:
        if self._connection is None:
            uri = read_only_uri(self._path)
            self._connection = sqlite3.connect(uri, uri=True, check_same_thread=False,
                                               timeout=self._timeout / 1000)
        return self._connection

    def ranking(self, wanted: str, unwanted: str | None, filters: SearchFilters) -> Ranking:
        """The matches of the words ``wanted`` (and not ``unwanted``), to be ranked."""
        if self._kind_words is None:
            self._kind_words = KindWords()
        where, values = _filters(filters, kinds=True)
        return Ranking(self._connect(), words_expression(wanted, unwanted, self._kind_words),
                       where, values)

    def search(self, text: str, filters: SearchFilters = SearchFilters(), limit: int = 50,
               offset: int = 0) -> SearchResults:
        """The entries that match ``text``, best first; never raises for what was typed."""
        wanted, unwanted = query_parts(text)
        if wanted is None:
            return SearchResults(problem="Type a word to search for.")
        try:
            with self._lock:
                ranking = self.ranking(wanted, unwanted, filters)
                rows = ranking.best(offset + limit)[offset:offset + limit]
                count = self._count(ranking.connection, ranking.words, filters)
                snippets = self._snippets(ranking.connection, ranking.words,
                                          [r["rowid"] for r in rows])
        except sqlite3.OperationalError as error:
            if "interrupted" in str(error):
                return SearchResults(problem="The search was stopped.")
            return SearchResults(problem=f"The search could not be run ({error}).")
        hits = [SearchHit(**{k: v for k, v in row.items() if k not in _INTERNAL},
                          date=row["date"] and dt.date.fromisoformat(row["date"]),
                          exempt=bool(row["exempt"]),
                          snippet=snippets.get(row["rowid"]) or _opening(row["text"]))
                for row in rows]
        return SearchResults(hits, count)

    @staticmethod
    def _count(connection: sqlite3.Connection, words: str, filters: SearchFilters) -> int:
        """How many entries match, up to one more than :data:`COUNT_CAP`. Every row of the
        index is an entry, so without filters the index alone is counted."""
        query = with_kinds(words, filters.kinds)
        if not _narrowed(filters):
            return connection.execute(
                "SELECT count(*) FROM (SELECT 1 FROM search_fts WHERE search_fts MATCH ? "
                "LIMIT ?)", (query, COUNT_CAP + 1)).fetchone()[0]
        where, values = _filters(filters)
        counting = f"SELECT count(*) FROM (SELECT 1 {_FROM.format(filters=where)} LIMIT :cap)"
        return connection.execute(counting, values | {"query": query,
                                                       "cap": COUNT_CAP + 1}).fetchone()[0]

    @staticmethod
    def _snippets(connection: sqlite3.Connection, words: str, rowids: list[int]) -> dict:
        """Snippets for the results shown only: making one costs as much as finding it."""
        if not rowids:
            return {}
        marks = ", ".join("?" * len(rowids))
        rows = connection.execute(
            "SELECT rowid, snippet(search_fts, 1, char(2), char(3), '…', 24) FROM search_fts "
            f"WHERE search_fts MATCH ? AND rowid IN ({marks})", (words, *rowids)).fetchall()
        return {rowid: snippet for rowid, snippet in rows if MARK_START in (snippet or "")}

    def interrupt(self) -> None:
        """Stop a search under way (another thread calls this when the text changes)."""
        if self._connection is not None:
            self._connection.interrupt()

    def close(self) -> None:
        """Close the search's connection."""
        with self._lock:
            if self._connection is not None:
                self._connection.close()
                self._connection = None
            if self._kind_words is not None:
                self._kind_words.close()
                self._kind_words = None
