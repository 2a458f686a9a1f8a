"""Ranking what a search matched: the best entries first, without scoring every match.

FTS5's bm25 scores every row that matches before LIMIT applies, and before it scores
one it reads the whole list of rows holding each word, to weigh rare words above common
ones. Two common words in a million entries ("planning application") match 200,000 of
them: ranking them all took 250 ms. So matches are ranked a tier at a time, the most
recently recorded first: the newest :data:`TIER` matches, then :data:`GROWTH` times as
many older ones, and so on. Within a tier the order is exact (best first, newer meetings
first among equals, then in the order minuted); a search that matches fewer than
:data:`TIER` entries, as most do, is ranked as a whole. The tiers depend on the words
alone, never on the filters or the page asked for, so the order is one order: filtered
results are a part of it, and page two follows page one.

Within a tier FTS5 ranks a window of its best rows, without the kinds and filters (an
entry's score is the same with them); only those rows are joined to their meetings and
the kinds and filters applied. The answer is exact once the window holds every row that
ranks as well as the last one wanted; until then the window widens.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator

from clerk_tui.models import EntryKind

CONTENT = "{text people item reference committee}"  # the columns words are looked for in
# The words of an entry count most; who spoke, its item and its committee less. The
# kind column weighs nothing, so a kind in the query never changes an entry's score.
_WEIGHTS = "0.0, 1.0, 0.5, 0.3, 0.3, 0.1"
_RANK = f"bm25(search_fts, {_WEIGHTS})"
JOINS = """
JOIN agenda_items i ON i.id = e.item_id
JOIN meetings m ON m.id = i.meeting_id
JOIN committees c ON c.id = m.committee_id
"""
COLUMNS = """e.rowid AS rowid, e.id AS entry_id, e.kind, e.label, e.text, m.id AS meeting_id,
    c.name AS committee, m.date, m.status, i.id AS item_id, i.minute_number,
    i.title AS item_title, i.exempt, e.position"""
_BOUNDS = "search_fts.rowid BETWEEN :low AND :high"
# bm25() in ORDER BY, not FTS5's ``rank``: ranking by ``rank`` reads each word's list of
# rows twice, and costs twice as much for common words.
_RANKED = (f"SELECT rowid, {_RANK} FROM search_fts WHERE search_fts MATCH :words "
           f"AND {_BOUNDS} ORDER BY 2 LIMIT :window")
# Read by rowid, entries first (CROSS JOIN keeps that order): left to choose, SQLite may
# walk an index of kinds or dates instead, reading every resolution to find 200.
_DETAILS = (f"SELECT {COLUMNS} FROM entries e {JOINS.replace('JOIN', 'CROSS JOIN')} "
            "WHERE e.rowid IN ({marks}) AND {filters}")
_ALL = (f"SELECT {COLUMNS}, {_RANK} AS rank FROM search_fts "
        f"CROSS JOIN entries e ON e.rowid = search_fts.rowid {JOINS} "
        f"WHERE search_fts MATCH :words AND {_BOUNDS} AND {{filters}} "
        f"ORDER BY {_RANK}, m.date DESC, e.position LIMIT :limit")
# The rowid of the match ``:skip`` places below the newest at or under ``:high``.
_EDGE = ("SELECT rowid FROM search_fts WHERE search_fts MATCH :words AND rowid <= :high "
         "ORDER BY rowid DESC LIMIT 1 OFFSET :skip")
LOWEST, HIGHEST = -(2 ** 63), 2 ** 63 - 1
TIER = 2_000  # matches ranked in the first tier, the newest
GROWTH = 8  # each older tier holds this many times as many matches as the one before
FIRST_WINDOW = 200  # best rows ranked at first (at least 4 times those wanted)
WIDER = 8  # how much the window grows when filters left too few rows in it
WHOLE = 20_000  # a window this wide ranks in one query with the joins instead
_CHUNK = 500  # rowids per query, well inside SQLite's limit on parameters
_PHRASE = re.compile(r'"(?:[^"]|"")*"\*?')  # a quoted FTS5 string, perhaps a prefix


class KindWords:
    """Tells whether a query's words could match an entry's kind ("resolution"), with
    the index's own tokenizer, on a tiny index of the kinds in memory."""

    def __init__(self) -> None:
        self._index = sqlite3.connect(":memory:", check_same_thread=False)
        self._index.execute("CREATE VIRTUAL TABLE kinds USING fts5(kind, tokenize = "
                            "'porter unicode61 remove_diacritics 2')")
        self._index.executemany("INSERT INTO kinds VALUES (?)", [(k.value,) for k in EntryKind])

    def any_in(self, expression: str) -> bool:
        """True when a word or phrase of ``expression`` matches some kind's name."""
        phrases = _PHRASE.findall(expression)
        if not phrases:
            return False
        found = self._index.execute("SELECT 1 FROM kinds WHERE kinds MATCH ? LIMIT 1",
                                    (" OR ".join(phrases),)).fetchone()
        return found is not None

    def close(self) -> None:
        """Close the little index."""
        self._index.close()


def words_expression(wanted: str, unwanted: str | None, kind_words: KindWords) -> str:
    """The FTS5 query for the words, looked for in the content columns only ("-resolution"
    leaves out entries that say it, not every resolution). Which columns is left unsaid
    when no word could match a kind's name: saying it costs FTS5 a third more."""
    scope = f"{CONTENT} : " if kind_words.any_in(f"{wanted} {unwanted or ''}") else ""
    expression = f"{scope}({wanted})"
    return f"{expression} NOT {scope}({unwanted})" if unwanted else expression


def with_kinds(words: str, kinds: tuple[str, ...] | None) -> str:
    """The words' query, narrowed to entries of ``kinds`` (all kinds when None)."""
    if not kinds:
        return words
    return "kind : (" + " OR ".join(f'"{k}"' for k in kinds) + f") AND ({words})"


def in_order(rows: list[dict]) -> list[dict]:
    """Best first, newer meetings first among equals, then in the order minuted."""
    rows = sorted(rows, key=lambda row: row["position"])
    rows.sort(key=lambda row: row["date"] or "", reverse=True)  # undated meetings last
    rows.sort(key=lambda row: row["rank"])
    return rows


def rows_of(connection: sqlite3.Connection, sql: str, values: dict) -> list[dict]:
    """The rows a query returns, each as a dict by column name."""
    cursor = connection.execute(sql, values)
    names = [column[0] for column in cursor.description]
    return [dict(zip(names, row)) for row in cursor.fetchall()]


class Ranking:
    """One search's matches, ranked tier by tier on ``connection``.

    ``words`` is the FTS5 query for the words alone; ``where`` and ``values`` are the
    SQL conditions (on ``e``, ``m`` and ``c``) that the kinds and filters make.
    """

    def __init__(self, connection: sqlite3.Connection, words: str, where: str,
                 values: dict) -> None:
        self.connection, self.words, self.where, self.values = connection, words, where, values

    def best(self, wanted_rows: int) -> list[dict]:
        """The first ``wanted_rows`` matches (or all, if fewer), in order."""
        rows: list[dict] = []
        if wanted_rows < 1:
            return rows
        for low, high in self.tiers():
            rows += self.best_in(low, high, wanted_rows - len(rows))
            if len(rows) >= wanted_rows:
                break
        return rows[:wanted_rows]

    def tiers(self) -> Iterator[tuple[int, int]]:
        """The lowest and highest rowid of each tier, newest first."""
        high, size = HIGHEST, TIER
        while True:
            edge = self.connection.execute(_EDGE, {"words": self.words, "high": high,
                                                   "skip": size - 1}).fetchone()
            if edge is None:  # fewer than ``size`` matches left: this tier is the last
                yield LOWEST, high
                return
            yield edge[0], high
            high, size = edge[0] - 1, size * GROWTH

    def best_in(self, low: int, high: int, wanted_rows: int) -> list[dict]:
        """The best ``wanted_rows`` matches with rowids from ``low`` to ``high`` (or all
        of them, if fewer), in order."""
        bounds = {"words": self.words, "low": low, "high": high}
        window = max(FIRST_WINDOW, 4 * wanted_rows + 1)
        while window < WHOLE:
            ranked = self.connection.execute(_RANKED, bounds | {"window": window}).fetchall()
            rows = in_order(self.details(ranked))
            if len(ranked) < window:  # every match in the tier was ranked
                return rows
            edge = ranked[-1][1]  # rows outside the window rank no better than this
            if len(rows) >= wanted_rows and rows[wanted_rows - 1]["rank"] < edge:
                return rows[:wanted_rows]
            window *= WIDER
        return self.all_ranked(low, high, wanted_rows)

    def details(self, ranked: list[tuple[int, float]]) -> list[dict]:
        """The ranked rows that pass the kinds and filters, with where they were minuted."""
        rank = dict(ranked)
        rows: list[dict] = []
        for start in range(0, len(ranked), _CHUNK):
            chunk = {f"r{n}": rowid for n, (rowid, _) in enumerate(ranked[start:start + _CHUNK])}
            sql = _DETAILS.format(marks=", ".join(f":{name}" for name in chunk), filters=self.where)
            rows += rows_of(self.connection, sql, self.values | chunk)
        for row in rows:
            row["rank"] = rank[row["rowid"]]
        return rows

    def all_ranked(self, low: int = LOWEST, high: int = HIGHEST,
                   wanted_rows: int = HIGHEST) -> list[dict]:
        """Every match from ``low`` to ``high`` ranked in one query with its meeting (up
        to ``wanted_rows``): for filters so narrow that a window of the best rows holds
        too few of theirs."""
        return rows_of(self.connection, _ALL.format(filters=self.where),
                       self.values | {"words": self.words, "low": low, "high": high,
                                      "limit": wanted_rows})
