"""Choosing one of a list (the agenda item to move an entry to)."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from clerk_tui.ui.failures import ContainsFailures
from clerk_tui.ui.keys import HoldsKeys
from clerk_tui.ui.text import literal


class PickScreen(HoldsKeys, ContainsFailures, ModalScreen[str | None]):
    """A list to choose from; Enter chooses, Escape cancels. Returns the option's id."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="pick_cancel")]

    def __init__(self, title: str, choices: Sequence[tuple[str, Text | str]]) -> None:
        super().__init__()
        self._title = title
        self._choices = choices

    def compose(self) -> ComposeResult:
        with Vertical(id="pick"):
            yield Label(literal(self._title), id="pick-title")
            yield OptionList(*(Option(text if isinstance(text, Text) else literal(text), id=key)
                               for key, text in self._choices), id="pick-list")

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        """Close without choosing."""
        self.dismiss(None)


class ConfirmScreen(HoldsKeys, ContainsFailures, ModalScreen[bool]):
    """A yes-or-no question; Y or Enter says yes, N or Escape says no."""

    BINDINGS = [
        Binding("y,enter", "answer(True)", "Yes", id="confirm_yes"),
        Binding("n,escape", "answer(False)", "No", id="confirm_no"),
    ]

    def __init__(self, question: str) -> None:
        super().__init__()
        self._question = question

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm"):
            yield Label(literal(self._question), id="confirm-question")
            yield Label("Y or Enter: yes · N or Escape: no", id="confirm-hint")

    def action_answer(self, answer: bool) -> None:
        """Close with the answer."""
        self.dismiss(answer)
