"""``clerk search``: the hits of a search as JSON for scripts, or as lines to read.

The store finds the entries (:mod:`clerk_tui.store.search`); this says where each
was minuted and marks its matched words. Nothing here imports Textual or click.
"""

from __future__ import annotations

import datetime as dt
import re

from clerk_tui.minutes.compose.wording import iso_date
from clerk_tui.printable import printable
from clerk_tui.store.search import COUNT_CAP, MARK_END, MARK_START, SearchHit, SearchResults

EXEMPT_NOTE = " · EXEMPT (not for the public)"
TERMINAL_MARKS = {MARK_START: "\x1b[1m", MARK_END: "\x1b[22m"}  # bold, then not
PLAIN_MARKS = {MARK_START: "[", MARK_END: "]"}
_MARK = re.compile(f"([{MARK_START}{MARK_END}])")


def dates_refused(date_from: dt.date | None, date_to: dt.date | None) -> str | None:
    """Why no meeting can be between the two dates (the first is after the second), or None."""
    if date_from and date_to and date_from > date_to:
        return "--from is after --to: no meeting can be in between."
    return None


def results_json(query: str, results: SearchResults) -> dict:
    """The search for ``--json``: the query, how many hits, and each hit."""
    return {"query": query, "count": results.count,
            "results": [hit_json(hit) for hit in results.hits]}


def hit_json(hit: SearchHit) -> dict:
    """One hit with where it was minuted; its matched words between ``**``."""
    return {"meeting_id": hit.meeting_id, "committee": hit.committee,
            "date": hit.date and hit.date.isoformat(), "status": hit.status, "item_id": hit.item_id,
            "minute_number": hit.minute_number, "item_title": hit.item_title,
            "entry_id": hit.entry_id, "kind": hit.kind, "label": hit.label, "text": hit.text,
            "exempt": hit.exempt,
            "snippet": hit.snippet.replace(MARK_START, "**").replace(MARK_END, "**")}


def results_heading(query: str, results: SearchResults) -> str:
    """The line above the hits: how many, for what."""
    return f"{how_many(results)} for {query!r}"


def how_many(results: SearchResults) -> str:
    """ "1 result", "25 results", "1,000+ results"."""
    if results.count > COUNT_CAP:
        return f"{COUNT_CAP:,}+ results"
    return f"{results.count:,} result{'' if results.count == 1 else 's'}"


def hit_where(hit: SearchHit) -> str:
    """Where the hit was minuted: date, committee and item, and whether it is exempt."""
    item = f"{hit.minute_number}. {hit.item_title}" if hit.minute_number else hit.item_title
    where = f"{iso_date(hit.date)} · {hit.committee} · {item}"
    return printable(where + (EXEMPT_NOTE if hit.exempt else ""))


def hit_line(hit: SearchHit, on_terminal: bool) -> str:
    """The hit's kind (or label) and its snippet, matched words marked: in bold
    ``on_terminal``, else in [brackets]."""
    return f"  {printable(hit.label or hit.kind.upper())}: {marked(hit.snippet, on_terminal)}"


def marked(snippet: str, on_terminal: bool) -> str:
    """The snippet with its matched words marked (bold on a terminal, [brackets] when
    piped), the snippet's own text shown as :func:`printable` shows it."""
    marks = TERMINAL_MARKS if on_terminal else PLAIN_MARKS
    return "".join(marks.get(piece) or printable(piece) for piece in _MARK.split(snippet))
