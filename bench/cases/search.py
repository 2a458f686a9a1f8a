"""search: two-word queries through clerk's search API over the archive, against the
same FTS5 statements run directly with sqlite3 on the same file.

Each query is searched once untimed with clerk while SQLite's trace records the
statements clerk sends (the ranking, the rows' meetings, the count, the snippets). The
baseline runs exactly those statements, and reads every row, on a plain sqlite3
connection of its own: the same FTS5 work, without clerk's query parsing, planning and
Python around it. Then each query is timed with both, alternating which goes first,
``search_passes`` times; a query's time is its median over the passes.

For context it also logs what one textbook FTS5 query (every match ranked by bm25,
``ORDER BY rank LIMIT 50``) takes for the same searches; that is not a row.
"""

from __future__ import annotations

import random
import sqlite3
import time

from bench import report
from bench import vocabulary as vocab
from bench.config import Sizes
from bench.data import Archive
from bench.measure import median, percentile
from clerk_tui.store import SearchFilters, Store
from clerk_tui.store.ranking import CONTENT
from clerk_tui.store.search import query_parts

FILTERS = SearchFilters()  # what the search screen starts with: resolutions, no filters


def distinct_queries(count: int) -> list[str]:
    """``count`` different two-word queries (a common one asked twice would count twice)."""
    rng, found = random.Random(11), {}
    while len(found) < count:
        for query in vocab.queries(rng, count):
            found.setdefault(query, None)
    return list(found)[:count]


def _statements(store: Store, query: str) -> list[str]:
    """The SQL clerk's search sends for ``query`` (FTS5's own inner statements left out:
    SQLite runs those for the baseline too)."""
    connection = store.search._connect()
    sent: list[str] = []
    connection.set_trace_callback(sent.append)
    try:
        store.search.search(query, FILTERS)
    finally:
        connection.set_trace_callback(None)
    return [sql for sql in sent if not sql.startswith("--")]


def _clerk(store: Store, query: str) -> float:
    started = time.perf_counter()
    results = store.search.search(query, FILTERS)
    elapsed = time.perf_counter() - started
    if results.problem:
        raise RuntimeError(f"clerk could not search {query!r}: {results.problem}")
    return elapsed


def _direct(connection: sqlite3.Connection, statements: list[str]) -> float:
    started = time.perf_counter()
    for sql in statements:
        connection.execute(sql).fetchall()
    return time.perf_counter() - started


def _textbook(connection: sqlite3.Connection, query: str) -> float:
    """One FTS5 query ranking every match, as a first attempt would search."""
    wanted, unwanted = query_parts(query)
    expression = f'kind : "resolution" AND {CONTENT} : ({wanted})'
    if unwanted:
        expression += f" NOT ({unwanted})"
    started = time.perf_counter()
    connection.execute("SELECT rowid, snippet(search_fts, 1, '[', ']', '…', 24) FROM search_fts "
                       "WHERE search_fts MATCH ? ORDER BY rank LIMIT 50", (expression,)).fetchall()
    return time.perf_counter() - started


def run(sizes: Sizes, archive: Archive, log) -> list[report.Row]:
    """The search rows: the median and the 95th percentile of the queries' times."""
    queries = distinct_queries(sizes.search_queries)
    store = Store.open(archive.path)
    direct = sqlite3.connect(f"file:{archive.path}?mode=ro", uri=True)
    try:
        statements = {query: _statements(store, query) for query in queries}  # warms both too
        for query in queries:
            _direct(direct, statements[query])
        mine: dict[str, list[float]] = {query: [] for query in queries}
        theirs: dict[str, list[float]] = {query: [] for query in queries}
        for number in range(sizes.search_passes):
            for place, query in enumerate(queries):
                pair = [lambda q=query: mine[q].append(_clerk(store, q)),
                        lambda q=query: theirs[q].append(_direct(direct, statements[q]))]
                for measure in pair if (place + number) % 2 == 0 else reversed(pair):
                    measure()
        textbook = [_textbook(direct, query) * 1000 for query in queries]
    finally:
        store.close()
        direct.close()
    clerk_ms = [median(times) * 1000 for times in mine.values()]
    direct_ms = [median(times) * 1000 for times in theirs.values()]
    log(f"  search: {len(queries)} queries over {archive.resolutions:,} resolutions; "
        f"one textbook FTS5 query (every match ranked) would take p50 "
        f"{percentile(textbook, .5):.1f} ms, p95 {percentile(textbook, .95):.1f} ms")
    return [
        report.compared("search p50", percentile(clerk_ms, 0.5), percentile(direct_ms, 0.5),
                        "ms", 1.2),
        report.compared("search p95", percentile(clerk_ms, 0.95), percentile(direct_ms, 0.95),
                        "ms", 1.2, limit=25),
    ]
