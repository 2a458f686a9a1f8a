"""One modal form for every small form in clerk (new meeting, agenda item, person,
declaration, a reason): fields described as data, checked by the caller's builder."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Generic, Literal, TypeVar

from pydantic import ValidationError
from textual import events, on
from textual.actions import SkipAction
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.suggester import SuggestFromList
from textual.widgets import Checkbox, Input, Label, Select, Static

from clerk_tui.models import explain
from clerk_tui.store import StoreError
from clerk_tui.ui.failures import ContainsFailures
from clerk_tui.ui.keys import HoldsKeys
from clerk_tui.ui.text import IN_FIELDS, literal, shown

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


class FormScreen(HoldsKeys, ContainsFailures, ModalScreen[T | None], Generic[T]):
    """A form; Enter or Ctrl+S saves (through ``build``), Escape cancels.

    ``build`` turns the values into the result, raising ``ValidationError``,
    ``ValueError`` or ``StoreError`` with a message the form shows.
    """

    BINDINGS = [
        # A priority binding: it acts as the key is read, so what is typed after Enter
        # goes to the next field even when the app is busy (see action_next_field).
        Binding("enter", "next_field", "Next field", show=False, priority=True,
                id="form_next"),
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
            yield Label(literal(self._title), id="form-title")
            with VerticalScroll(id="form-fields", can_focus=False):
                for spec in self._fields:
                    if spec.kind != "check":  # a checkbox carries its own label
                        yield Label(literal(spec.label), classes="form-label")
                    yield self._widget(spec)
            yield Static("", id="form-error")
            yield Static("Enter: next field (saves on the last) · Space opens a list or ticks "
                         "a box · Ctrl+S saves · Escape cancels", id="form-hint")

    def on_mount(self) -> None:
        if self._fields:
            self.query_one(f"#field-{self._fields[0].name}").focus()

    def _widget(self, spec: FormField):
        ident = f"field-{spec.name}"
        if spec.kind == "check":
            return Checkbox(literal(spec.label), bool(spec.value), id=ident)
        if spec.kind == "select":
            options = [(literal(prompt), value) for prompt, value in spec.options]
            return Select(options, value=spec.value if spec.value is not None else Select.NULL,
                          allow_blank=True, id=ident)
        suggester = SuggestFromList(spec.suggestions, case_sensitive=False) if spec.suggestions else None
        field = Input(str(spec.value or ""), placeholder=shown(spec.placeholder), id=ident,
                      suggester=suggester, highlighter=IN_FIELDS)
        field.cursor_blink = False  # steady, as on the capture line
        return field

    def values(self) -> dict[str, Any]:
        """What the form holds now, by field name."""
        found: dict[str, Any] = {}
        for spec in self._fields:
            widget = self.query_one(f"#field-{spec.name}")
            value = widget.value
            found[spec.name] = None if value is Select.NULL else value
        return found

    def action_next_field(self) -> None:
        """Enter moves to the next field, so a half-filled form is not saved by accident:
        from a text field, a drop-down (Space or the arrows open it) or a checkbox (Space
        ticks it). It moves at once, as the key is read, so the keys after it go to the
        next field. In the last field Enter saves; in an open drop-down it chooses."""
        focused = self.focused
        if not isinstance(focused, (Input, Select, Checkbox)):
            raise SkipAction()  # an open drop-down's list: Enter chooses
        if focused is self._last_field():
            if isinstance(focused, Input):
                raise SkipAction()  # the field submits, which saves
            self.action_save()
            return
        self.focus_next()

    def steer_key(self, event: events.Key) -> None:
        """Words typed on a drop-down or a checkbox go to the next field that takes
        words (the Office typed after choosing a Role), moved to as the key is read."""
        focused = self.focused
        if not (event.is_printable and event.character != " "
                and isinstance(focused, (Select, Checkbox))):
            return
        fields = [self.query_one(f"#field-{spec.name}") for spec in self._fields]
        later = fields[fields.index(focused) + 1:] if focused in fields else []
        following = next((widget for widget in later if isinstance(widget, Input)), None)
        if following is not None:
            self.set_focus(following)

    def _last_field(self):
        return self.query_one(f"#field-{self._fields[-1].name}")

    @on(Input.Submitted)
    def _next_or_save(self, event: Input.Submitted) -> None:
        if event.input is self._last_field():
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
        self.query_one("#form-error", Static).update(literal(message, lines=True))

    def action_cancel(self) -> None:
        """Close without saving."""
        self.dismiss(None)
