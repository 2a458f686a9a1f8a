"""Editing an entry: its kind, its text and its fields, saved as they are typed."""

from __future__ import annotations

from functools import partial
from typing import Any

from pydantic import ValidationError
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Checkbox, Footer, Input, Label, Select, TextArea

from clerk_tui.fields import parse_count, parse_date, parse_named_votes
from clerk_tui.models import (
    ENTRY,
    ActionStatus,
    Entry,
    EntryKind,
    Outcome,
    ResolutionLabel,
    explain,
)
from clerk_tui.store import StoreError
from clerk_tui.ui.autosave import NotSaved
from clerk_tui.ui.desk import Desk
from clerk_tui.ui.failures import ContainsFailures
from clerk_tui.ui.keys import HoldsKeys
from clerk_tui.ui.screen_kit.form import enum_choices, value_of
from clerk_tui.ui.text import IN_FIELDS, literal
from clerk_tui.ui.widgets.save_status import SaveStatus
from clerk_tui.ui.widgets.text_area import LiteralTextArea

KINDS = enum_choices(EntryKind)
NO_LABEL = "none"
LABELS = [(label.value, label.value) for label in ResolutionLabel] + [("(no label)", NO_LABEL)]


def _label_choice(entry: Entry) -> str:
    """The label a resolution has in the form: "(no label)" where it has none (other
    kinds start from RESOLVED, should they become one)."""
    if entry.kind != "resolution":
        return ResolutionLabel.RESOLVED.value
    return entry.label.value if entry.label else NO_LABEL


class EntryEditorScreen(HoldsKeys, ContainsFailures, ModalScreen[None]):
    """One entry in full. Changes save within a moment; Escape closes."""

    BINDINGS = [Binding("escape", "close", "Close", id="editor_close")]

    def __init__(self, desk: Desk, entry: Entry) -> None:
        super().__init__()
        self._desk = desk
        self._saved = entry
        self._ready = False
        self._warned = False  # a first Escape with a field that cannot be saved only warns
        self._form: dict[str, Any] = {}  # the fields' widgets by name, read at each save

    def compose(self) -> ComposeResult:
        entry = self._saved
        get = partial(value_of, entry)
        vote = getattr(entry, "vote", None)
        with Vertical(id="editor"):
            with Horizontal(id="editor-top"):
                yield Label(literal(self._title()), id="editor-title")
                yield SaveStatus(self._desk.autosaver, id="editor-status")
            yield Select(KINDS, value=entry.kind, allow_blank=False, id="e-kind")
            yield LiteralTextArea(entry.text, id="e-text", soft_wrap=True)
            # not a stop of its own: Tab goes from the text to the first field shown
            with VerticalScroll(id="editor-fields", can_focus=False):
                with Vertical(classes="kind-fields", id="for-question"):
                    yield from self._input("asker", "Asked by", get("asker"))
                    yield from self._input("put_to", "Put to", get("put_to"))
                with Vertical(classes="kind-fields", id="for-response"):
                    yield from self._input("responder", "Answered by", get("responder"))
                with Vertical(classes="kind-fields", id="for-action"):
                    yield from self._input("owner", "Owner", get("owner"))
                    yield from self._input("due", "Due date (YYYY-MM-DD)", str(get("due")))
                    yield Label(literal("Status"))
                    yield Select(enum_choices(ActionStatus), value=get("status", "open"),
                                 allow_blank=False, id="e-status")
                    yield from self._input("done_on", "Date done (YYYY-MM-DD)", str(get("done_on")))
                    yield from self._input("progress", "Progress note", get("progress"))
                with Vertical(classes="kind-fields", id="for-resolution"):
                    yield Label(literal("Label"))
                    yield Select(LABELS, value=_label_choice(entry), allow_blank=False,
                                 id="e-label")
                    yield from self._input("mover", "Moved by", get("mover"))
                    yield from self._input("seconder", "Seconded by", get("seconder"))
                    yield Checkbox("Carried unanimously", bool(vote and vote.unanimous),
                                   id="e-unanimous")
                    with Horizontal(id="counts"):
                        for name, label in (("votes_for", "For"), ("votes_against", "Against"),
                                            ("votes_abstain", "Abstain")):
                            value = getattr(vote, name, None) if vote else None
                            yield from self._input(name, label, "" if value is None else str(value))
                    named = "; ".join(f"{v.member}: {v.vote.value}" for v in vote.named) if vote else ""
                    yield from self._input("named", "Named votes (Name: for; Name: against)", named)
                    yield Label(literal("Outcome"))
                    yield Select(enum_choices(Outcome), value=get("outcome", Select.NULL), id="e-outcome")
                    yield from self._input("number", "Resolution number", get("number"))
            yield Label(literal("Changes are saved as you type · Escape closes"),
                        id="editor-hint")
        yield Footer(compact=True)  # the editor's own keys, not the meeting screen's

    @staticmethod
    def _input(name: str, label: str, value: str):
        with Vertical(classes="editor-field"):
            yield Label(literal(label))
            yield Input(value, id=f"e-{name}", highlighter=IN_FIELDS)

    def on_mount(self) -> None:
        self._form = {widget.id.removeprefix("e-"): widget
                      for widget in self.query("Input, Select, Checkbox, TextArea")
                      if widget.id and widget.id.startswith("e-")}
        self._show_fields(self._saved.kind)
        text = self.query_one("#e-text", TextArea)
        text.move_cursor(text.document.end)  # ready to add to what was captured
        text.focus()
        self.call_after_refresh(self._start_listening)

    def on_key(self, event: events.Key) -> None:
        """Words typed on a choice (the kind, a label, a checkbox) would go nowhere: say so."""
        if event.is_printable and event.character and event.character != " " \
                and isinstance(self.focused, (Select, Checkbox)):
            event.stop()
            self.notify("This field is a choice: Enter opens it, and the arrows choose. "
                        "Words go in the text or a field with a line to type on.",
                        severity="warning", timeout=4)

    def _start_listening(self) -> None:
        self._ready = True  # changes made while mounting are not edits

    def _show_fields(self, kind: str) -> None:
        for group in self.query(".kind-fields"):
            group.display = group.id == f"for-{kind}"

    @on(Select.Changed, "#e-kind")
    def _kind_changed(self, event: Select.Changed) -> None:
        self._show_fields(str(event.value))

    @on(Input.Changed)
    @on(TextArea.Changed)
    @on(Select.Changed)
    @on(Checkbox.Changed)
    def _edited(self) -> None:
        if self._ready and self.is_attached:
            self._desk.autosaver.change(f"entry:{self._saved.id}", self._save_form)

    def _save_form(self) -> None:
        """Save what the form holds when the save is made. The widgets are read
        directly, not looked up: their values outlive the editor, if it has closed by
        then. Reading (and checking) the whole entry at every key took longer than the
        key, with thousands of words in the text."""
        self._save(self._read_form())

    def _read_form(self) -> tuple[Entry | None, str, str | None]:
        """The entry the form holds (or None and why it cannot be read) and its text."""
        text = self._value("text")
        try:
            return ENTRY.validate_python(self._fields(text)), text, None
        except ValidationError as problem:
            return None, text, explain(problem)
        except ValueError as problem:
            return None, text, str(problem)

    def _value(self, name: str) -> Any:
        widget = self._form[name]
        value = widget.literal_text if isinstance(widget, LiteralTextArea) else widget.value
        return None if value is Select.NULL else value

    def _title(self) -> str:
        """When the entry was captured; an entry of imported minutes was not, in clerk."""
        store = self._desk.store
        if store.imports.imported(store.items.get(self._saved.item_id).meeting_id):
            return "Entry of imported minutes"
        return f"Entry captured at {self._saved.captured_at:%H:%M}"

    def _fields(self, words: str) -> dict[str, Any]:
        """The entry as the form holds it, with ``words`` its text (raises ValueError
        for what cannot be read)."""
        entry = self._saved
        kind = self._value("kind")
        data: dict[str, Any] = {"id": entry.id, "item_id": entry.item_id, "kind": kind,
                                "captured_at": entry.captured_at, "text": words,
                                "joined": entry.joined}
        text = lambda name: (self._value(name) or "").strip() or None  # noqa: E731
        if kind == "question":
            data["asker"] = text("asker")
            data["put_to"] = text("put_to")
        elif kind == "response":
            data["responder"] = text("responder")
            data["answers_id"] = getattr(entry, "answers_id", None)
        elif kind == "action":
            data |= {"owner": text("owner"), "due": parse_date(self._value("due"), "due date"),
                     "status": self._value("status"), "progress": text("progress"),
                     "done_on": parse_date(self._value("done_on"), "date done")}
        elif kind == "resolution":
            label = self._value("label")
            data |= {"label": None if label == NO_LABEL else label, "number": text("number"),
                     "mover": text("mover"), "seconder": text("seconder"),
                     "outcome": self._value("outcome"), "vote": self._vote(),
                     # who is to act on a decision (imported minutes) has no field here yet:
                     # it is kept as it was
                     "owner": getattr(entry, "owner", None), "due": getattr(entry, "due", None)}
        return data

    def _vote(self) -> dict[str, Any] | None:
        vote = {
            "unanimous": self._value("unanimous"),
            "votes_for": parse_count(self._value("votes_for"), "votes for"),
            "votes_against": parse_count(self._value("votes_against"), "votes against"),
            "votes_abstain": parse_count(self._value("votes_abstain"), "abstentions"),
            "named": parse_named_votes(self._value("named")),
        }
        recorded = vote["unanimous"] or vote["named"] or any(
            vote[k] is not None for k in ("votes_for", "votes_against", "votes_abstain"))
        return vote if recorded else None

    def _save(self, form: tuple[Entry | None, str, str | None]) -> None:
        """Save the whole entry; if a field cannot be read, save the text and say why."""
        entry, text, problem = form
        store = self._desk.store
        if entry is not None:
            self._saved = store.entries.update(entry)
            return
        if text != self._saved.text:
            with_text = self._saved.model_dump() | {"text": text}
            self._saved = store.entries.update(type(self._saved).model_validate(with_text))
        raise NotSaved(f"{problem} (the text is saved)")

    def action_close(self) -> None:
        """Save and close; if the database cannot take the save, stay open."""
        try:
            self._save(self._read_form())
        except NotSaved as problem:
            if not self._warned:
                self._warned = True
                self.notify(f"Not saved: {problem}. Correct it, or press Escape again to "
                            "close without that field.", severity="warning", timeout=8)
                return
        except StoreError as problem:
            self.notify(f"NOT SAVED: {problem} The editor stays open so nothing is lost.",
                        severity="error")
            return
        self._desk.autosaver.cancel(f"entry:{self._saved.id}")
        self.dismiss(None)
