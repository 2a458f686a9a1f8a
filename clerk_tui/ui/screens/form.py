"""One modal form for every small form in clerk (new meeting, agenda item, person,
declaration, a reason): fields described as data, checked by the caller's builder."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Generic, Literal, TypeVar

from pydantic import ValidationError
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.suggester import SuggestFromList
from textual.widgets import Checkbox, Input, Label, Select, Static

from clerk_tui.models import explain
from clerk_tui.store import StoreError
from clerk_tui.ui.failures import ContainsFailures

T = TypeVar("T")


def enum_choices(enum) -> list[tuple[str, str]]:
    """The members of a string enum as choices for a Select: ("Present", "present")."""
    return [(member.value.capitalize(), member.value) for member in enum]


def value_of(record: Any, name: str, default: Any = "") -> Any:
    """A record's field to start a form with (``default`` when there is no record)."""
    value = getattr(record, name, None)
    return default if value is None else value


@dataclass(frozen=True)
class FormField:
    """One field of a form."""

    name: str
    label: str
    kind: Literal["text", "select", "check"] = "text"
    value: Any = ""
    placeholder: str = ""
    options: Sequence[tuple[str, Any]] = ()
    suggestions: Sequence[str] = field(default_factory=tuple)


class FormScreen(ContainsFailures, ModalScreen[T | None], Generic[T]):
    """A form; Enter or Ctrl+S saves (through ``build``), Escape cancels.

    ``build`` turns the values into the result, raising ``ValidationError``,
    ``ValueError`` or ``StoreError`` with a message the form shows.
    """

    BINDINGS = [
        Binding("ctrl+s", "save", "Save", id="form_save"),
        Binding("escape", "cancel", "Cancel", id="form_cancel"),
    ]

    def __init__(self, title: str, fields: Sequence[FormField],
                 build: Callable[[dict[str, Any]], T]) -> None:
        super().__init__()
        self._title = title
        self._fields = fields
        self._build = build

    def compose(self) -> ComposeResult:
        with Vertical(id="form"):
            yield Label(self._title, id="form-title")
            with VerticalScroll(id="form-fields", can_focus=False):
                for spec in self._fields:
                    if spec.kind != "check":  # a checkbox carries its own label
                        yield Label(spec.label, classes="form-label")
                    yield self._widget(spec)
            yield Static("", id="form-error")
            yield Static("Enter: next field (saves on the last) · Ctrl+S saves · Escape cancels",
                         id="form-hint")

    def on_mount(self) -> None:
        if self._fields:
            self.query_one(f"#field-{self._fields[0].name}").focus()

    def _widget(self, spec: FormField):
        ident = f"field-{spec.name}"
        if spec.kind == "check":
            return Checkbox(spec.label, bool(spec.value), id=ident)
        if spec.kind == "select":
            return Select(spec.options, value=spec.value if spec.value is not None else Select.NULL,
                          allow_blank=True, id=ident)
        suggester = SuggestFromList(spec.suggestions, case_sensitive=False) if spec.suggestions else None
        return Input(str(spec.value or ""), placeholder=spec.placeholder, id=ident,
                     suggester=suggester)

    def values(self) -> dict[str, Any]:
        """What the form holds now, by field name."""
        found: dict[str, Any] = {}
        for spec in self._fields:
            widget = self.query_one(f"#field-{spec.name}")
            value = widget.value
            found[spec.name] = None if value is Select.NULL else value
        return found

    @on(Input.Submitted)
    def _next_or_save(self, event: Input.Submitted) -> None:
        """Enter moves to the next field, so a half-filled form is not saved by accident."""
        last = self.query_one(f"#field-{self._fields[-1].name}")
        if event.input is last:
            self.action_save()
        else:
            self.focus_next()

    def action_save(self) -> None:
        """Check the form; close it with the result, or say what is wrong."""
        try:
            result = self._build(self.values())
        except ValidationError as error:
            self._show_error(explain(error))
        except (ValueError, StoreError) as error:
            self._show_error(str(error))
        else:
            self.dismiss(result)

    def _show_error(self, message: str) -> None:
        self.query_one("#form-error", Static).update(message)

    def action_cancel(self) -> None:
        """Close without saving."""
        self.dismiss(None)
