"""Search resolutions: results as the clerk types, across every meeting ever minuted."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.css.query import NoMatches
from textual.timer import Timer
from textual.widgets import Footer, Header, Input, OptionList, Static
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from clerk_tui.fields import parse_date
from clerk_tui.search_results import how_many
from clerk_tui.store import SearchFilters, SearchHit, SearchResults
from clerk_tui.store.search import MARK_END, MARK_START
from clerk_tui.ui.commands import HELP, Command, bindings
from clerk_tui.ui.desk import Desk
from clerk_tui.ui.screen_kit.base import ClerkScreen
from clerk_tui.ui.screen_kit.form import FormField, FormScreen
from clerk_tui.ui.screen_kit.pick import PickScreen
from clerk_tui.ui.text import IN_FIELDS, append, literal
from clerk_tui.ui.widgets.lines import meeting_day

DEBOUNCE = 0.2  # seconds of quiet typing before a search starts
PAGE = 50  # results fetched at a time; reaching the last fetches more
_LAST_WORD = re.compile(r"(?:^|\s)([^\s\"*-][^\s\"*]*)$")
PLACEHOLDER = 'Search resolutions: words, "a phrase", prefix*, this OR that, -without'
SEARCH_COMMANDS = (
    Command("open_result", "enter", "open_result", "Open", "Open result",
            "Open the meeting at the item of the highlighted result"),
    Command("kinds", "f2", "toggle_kinds", "Kinds", "Search all kinds of entry",
            "Switch between resolutions only and every kind of entry"),
    Command("committee", "f3", "choose_committee", "Committee", "Filter by committee",
            "Only one committee's meetings (or all)"),
    Command("dates", "f4", "choose_dates", "Dates", "Filter by date",
            "Only meetings between two dates"),
    Command("back", "escape", "back", "Back", "Back", "Back to where you were"),
    HELP,
)


def result_line(hit: SearchHit) -> Text:
    """A result: where it was minuted (marked EXEMPT when its item is), then what it
    says, the matched words highlighted. Only clerk's own highlight is styled: every
    word of the hit is shown literally."""
    item = f"{hit.minute_number}. {hit.item_title}" if hit.minute_number else hit.item_title
    line = Text(end="")
    if hit.exempt:
        line.append("EXEMPT", style="bold white on red")
        line.append(" ")
    append(line, f"{meeting_day(hit.date)} · {hit.committee} · {item}", style="bold")
    line.append("\n")
    append(line, f"{hit.label or hit.kind.capitalize()}: ", style="green" if hit.label else "cyan")
    bold = False
    for piece in hit.snippet.replace(MARK_END, MARK_START).split(MARK_START):
        append(line, piece, style="bold reverse" if bold else "")
        bold = not bold
    return line


class SearchScreen(ClerkScreen):
    """Type to search; results and their count follow; Enter opens a result."""

    CLERK_COMMANDS = SEARCH_COMMANDS
    BINDINGS = bindings(CLERK_COMMANDS)
    HELP_NAME = "search"

    def __init__(self, desk: Desk) -> None:
        super().__init__(desk)
        self.filters = SearchFilters()
        self.hits: list[SearchHit] = []
        self.count = 0
        self._timer: Timer | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        yield Input(placeholder=PLACEHOLDER, id="search-query", highlighter=IN_FIELDS)
        yield Static(id="search-status")
        yield OptionList(id="results")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.sub_title = "Search"
        self._show_status(SearchResults(problem="Type a word to search for."))
        self.query_one("#search-query").focus()

    @on(Input.Changed, "#search-query")
    def _typed(self) -> None:
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.set_timer(DEBOUNCE, self.run_search)

    @on(Input.Submitted, "#search-query")
    def _to_results(self) -> None:
        if self.hits:
            self.query_one("#results").focus()

    def key_down(self) -> None:
        if self.focused is self.query_one("#search-query") and self.hits:
            results = self.query_one("#results", OptionList)
            results.focus()
            results.highlighted = 0

    def typed_query(self) -> str:
        """What is typed, the word still being typed searched as a prefix ("school pl"
        finds "school places") until a space ends it."""
        text = self.query_one("#search-query", Input).value
        last = _LAST_WORD.search(text)
        if last and last.group(1) != "OR" and text.count('"') % 2 == 0:
            return text + "*"
        return text

    def run_search(self) -> None:
        """Search now for what is typed, stopping any search still under way."""
        self.store.search.interrupt()
        self._search(self.typed_query(), self.filters, 0)

    @work(thread=True, exclusive=True, group="search")
    def _search(self, text: str, filters: SearchFilters, offset: int) -> None:
        results = self.store.search.search(text, filters, limit=PAGE, offset=offset)
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self.show_results, results, offset)

    def show_results(self, results: SearchResults, offset: int = 0) -> None:
        """List the hits (or add the next page of them) and say how many there are."""
        if results.problem == "The search was stopped.":
            return  # a newer search is on its way
        try:
            listing = self.query_one("#results", OptionList)
        except NoMatches:  # the clerk left the search before this one finished
            return
        if offset == 0:
            self.hits = []
            listing.clear_options()
        self.hits += results.hits
        self.count = results.count if offset == 0 else self.count
        listing.add_options(Option(result_line(hit), id=hit.entry_id) for hit in results.hits)
        if offset == 0 and results.hits:
            listing.highlighted = 0
        self._show_status(results if offset == 0 else SearchResults(self.hits, self.count))

    @on(OptionList.OptionHighlighted, "#results")
    def _more_at_the_end(self, event: OptionList.OptionHighlighted) -> None:
        if event.option_index == len(self.hits) - 1 and len(self.hits) < self.count:
            self._search(self.typed_query(), self.filters, len(self.hits))

    def _show_status(self, results: SearchResults) -> None:
        filters = self.filters
        shown = f" (showing {len(self.hits)})" if len(self.hits) < results.count else ""
        parts = [(results.problem or how_many(results)) + shown,
                 "resolutions only" if filters.kinds else "every kind of entry",
                 filters.committee or "all committees"]
        if filters.date_from or filters.date_to:
            parts.append(f"{filters.date_from or '…'} to {filters.date_to or '…'}")
        self.query_one("#search-status", Static).update(literal(" · ".join(parts)))

    def _refilter(self, **changes: Any) -> None:
        self.filters = SearchFilters(**{**self.filters.__dict__, **changes})
        self.run_search()

    def action_toggle_kinds(self) -> None:
        """Resolutions only, or every kind of entry."""
        self._refilter(kinds=None if self.filters.kinds else ("resolution",))

    def action_choose_committee(self) -> None:
        """Pick one committee, or all of them."""
        names = [c.name for c in self.store.committees.list()]
        choices = [("", "All committees")] + [(name, name) for name in names]
        self.app.push_screen(PickScreen("Search which committee's meetings?", choices),
                             lambda name: name is not None and self._refilter(
                                 committee=name or None))

    def action_choose_dates(self) -> None:
        """Only meetings between two dates."""
        def build(values: dict) -> tuple[dt.date | None, dt.date | None]:
            first = parse_date(values["date_from"], "first date")
            last = parse_date(values["date_to"], "last date")
            if first and last and first > last:
                raise ValueError("The first date is after the last.")
            return first, last

        form = FormScreen("Meetings between which dates?", [
            FormField("date_from", "From (YYYY-MM-DD, blank for the first)",
                      value=str(self.filters.date_from or "")),
            FormField("date_to", "To (YYYY-MM-DD, blank for today)",
                      value=str(self.filters.date_to or "")),
        ], build)
        self.app.push_screen(form, lambda dates: dates is not None and self._refilter(
            date_from=dates[0], date_to=dates[1]))

    @on(OptionList.OptionSelected, "#results")
    def action_open_result(self) -> None:
        """Open the meeting at the highlighted result's item."""
        index = self.query_one("#results", OptionList).highlighted
        if index is None or index >= len(self.hits):
            return
        hit = self.hits[index]
        self.routes.open_meeting(hit.meeting_id, item_id=hit.item_id, entry_id=hit.entry_id)

    def action_back(self) -> None:
        """Back to where the search started."""
        self.store.search.interrupt()
        self.app.pop_screen()
