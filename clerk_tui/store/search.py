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

MARK_START, MARK_END = "\x02", "\x03"  # around matched words in snippets; never in stored text
COUNT_CAP = 1000  # counting beyond this costs time and tells a clerk nothing more
_TOKEN = re.compile(r'(-?)"([^"]*)"?|(\S+)')
_WORD_CHARACTERS = re.compile(r"[^\W_]", re.UNICODE)
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


@dataclass(frozen=True)
class SearchFilters:
    """What the results are narrowed to. ``kinds=None`` means entries of every kind."""

    kinds: tuple[str, ...] | None = ("resolution",)
    committee: str | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    status: str | None = None


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
    date: dt.date
    status: str
    item_id: str
    minute_number: str | None
    item_title: str


@dataclass(frozen=True)
class SearchResults:
    """The hits of one search, how many there are (up to :data:`COUNT_CAP`), and why
    there are none when the query could not be searched."""

    hits: list[SearchHit] = field(default_factory=list)
    count: int = 0
    problem: str | None = None

    @property
    def count_label(self) -> str:
        """ "1 result", "25 results", "1,000+ results"."""
        if self.count > COUNT_CAP:
            return f"{COUNT_CAP:,}+ results"
        return f"{self.count:,} result{'' if self.count == 1 else 's'}"


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


def query_parts(text: str) -> tuple[str | None, str | None]:
    """What must match and what must not, as FTS5 expressions (either may be None)."""
    text = _CONTROL.sub(" ", clean_text(text))  # FTS5 reads a NUL as the end of the query
    groups: list[list[str]] = []
    excluded: list[str] = []
    join_next = False
    for match in _TOKEN.finditer(text):
        negative, phrase, word = match.group(1), match.group(2), match.group(3)
        if word == "OR":
            join_next = bool(groups)
            continue
        if word is not None:
            negative = "-" if word.startswith("-") else ""
            word = word.lstrip("-")
        prefix = word is not None and word.endswith("*")
        term = _prefixed(word.rstrip("*")) if prefix else _quoted(
            phrase if phrase is not None else word)
        if term is None:
            join_next = False
            continue
        if negative:
            excluded.append(term)
        elif join_next:
            groups[-1].append(term)
        else:
            groups.append([term])
        join_next = False
    # FTS5 takes a bracketed OR only after an explicit AND, so AND is always written.
    positive = " AND ".join(g[0] if len(g) == 1 else "(" + " OR ".join(g) + ")" for g in groups)
    return positive or None, " OR ".join(excluded) or None


_CONTENT = "{text people item reference committee}"  # the columns words are looked for in
_FROM = """
FROM search_fts
CROSS JOIN entries e ON e.rowid = search_fts.rowid
JOIN agenda_items i ON i.id = e.item_id
JOIN meetings m ON m.id = i.meeting_id
JOIN committees c ON c.id = m.committee_id
WHERE search_fts MATCH :query AND {filters}
"""
# The words of an entry count most; who spoke, its item and its committee less.
_RANK = "bm25(search_fts, 0.0, 1.0, 0.5, 0.3, 0.3, 0.1)"
_COLUMNS = """e.rowid AS rowid, e.id AS entry_id, e.kind, e.label, e.text, m.id AS meeting_id,
    c.name AS committee, m.date, m.status, i.id AS item_id, i.minute_number,
    i.title AS item_title"""


def match_expression(wanted: str, unwanted: str | None, kinds: tuple[str, ...] | None) -> str:
    """The whole FTS5 query: the words in the content columns, the kinds in the index."""
    expression = f"{_CONTENT} : ({wanted})"
    if unwanted:
        expression += f" NOT ({unwanted})"
    if kinds:
        expression = "kind : (" + " OR ".join(f'"{k}"' for k in kinds) + f") AND {expression}"
    return expression


def _filters(filters: SearchFilters) -> tuple[str, dict]:
    """The conditions the index cannot apply (kinds are in the index itself)."""
    clauses, values = ["1"], {}
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
    return " AND ".join(clauses), values


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
        self._lock = threading.Lock()

    def _connect(self) -> sqlite3.Connection:
        if self._connection is None:
            uri = read_only_uri(self._path)
            self._connection = sqlite3.connect(uri, uri=True, check_same_thread=False,
                                               timeout=self._timeout / 1000)
        return self._connection

    def search(self, text: str, filters: SearchFilters = SearchFilters(), limit: int = 50,
               offset: int = 0) -> SearchResults:
        """The entries that match ``text``, best first; never raises for what was typed."""
        wanted, unwanted = query_parts(text)
        if wanted is None:
            return SearchResults(problem="Type a word to search for.")
        where, values = _filters(filters)
        values |= {"query": match_expression(wanted, unwanted, filters.kinds), "limit": limit,
                   "offset": offset, "cap": COUNT_CAP + 1}
        listing = (f"SELECT {_COLUMNS} {_FROM.format(filters=where)} "
                   f"ORDER BY {_RANK}, m.date DESC, e.position LIMIT :limit OFFSET :offset")
        counting = f"SELECT count(*) FROM (SELECT 1 {_FROM.format(filters=where)} LIMIT :cap)"
        try:
            with self._lock:
                connection = self._connect()
                rows = self._rows(connection, listing, values)
                count = connection.execute(counting, values).fetchone()[0]
                snippets = self._snippets(connection, values["query"], [r["rowid"] for r in rows])
        except sqlite3.OperationalError as error:
            if "interrupted" in str(error):
                return SearchResults(problem="The search was stopped.")
            return SearchResults(problem=f"The search could not be run ({error}).")
        hits = [SearchHit(**{k: v for k, v in row.items() if k not in ("rowid", "date")},
                          date=dt.date.fromisoformat(row["date"]),
                          snippet=snippets.get(row["rowid"]) or _opening(row["text"]))
                for row in rows]
        return SearchResults(hits, count)

    @staticmethod
    def _rows(connection: sqlite3.Connection, sql: str, values: dict) -> list[dict]:
        cursor = connection.execute(sql, values)
        names = [column[0] for column in cursor.description]
        return [dict(zip(names, row)) for row in cursor.fetchall()]

    @staticmethod
    def _snippets(connection: sqlite3.Connection, query: str, rowids: list[int]) -> dict:
        """Snippets for the results shown only: making one costs as much as finding it."""
        if not rowids:
            return {}
        marks = ", ".join("?" * len(rowids))
        rows = connection.execute(
            "SELECT rowid, snippet(search_fts, 1, char(2), char(3), '…', 24) FROM search_fts "
            f"WHERE search_fts MATCH ? AND rowid IN ({marks})", (query, *rowids)).fetchall()
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
