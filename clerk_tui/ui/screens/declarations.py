"""Declarations of interest: each tied to an item, and whether the member withdrew."""

from __future__ import annotations

from functools import partial
from typing import Any

from clerk_tui.models import AgendaItem, Declaration, DeclarationKind, Role
from clerk_tui.ui.commands import ATTENDANCE, HELP, Command, bindings
from clerk_tui.ui.screen_kit.form import FormField, FormScreen, enum_choices, value_of
from clerk_tui.ui.screen_kit.pick import ConfirmScreen
from clerk_tui.ui.screen_kit.records import BACK, RecordsScreen

DECLARATION_COMMANDS = (
    Command("add_declaration", "ctrl+n", "add_declaration", "Add", "Add declaration",
            "Record a declaration of interest"),
    Command("edit_declaration", "e", "edit_declaration", "Edit", "Edit declaration",
            "Change the highlighted declaration"),
    Command("withdrew", "w", "withdrew", "Withdrew", "Withdrew from the room",
            "Record (or undo) that the member withdrew for the item"),
    Command("delete_declaration", "delete", "delete_declaration", "Delete",
            "Delete declaration", "Delete the highlighted declaration"),
    ATTENDANCE,
    BACK,
    HELP,
)


AS_STATED = "as stated"


def _kind_options(declaration: Declaration | None) -> list[tuple[str, str]]:
    """clerk's kinds of interest, and the minutes' own word for one it does not know."""
    options = enum_choices(DeclarationKind)
    if declaration is not None and declaration.kind is None:
        options.append((f"As the minutes say: {declaration.stated_kind or 'not given'}",
                        AS_STATED))
    return options


def _kind_choice(declaration: Declaration | None) -> str:
    if declaration is not None and declaration.kind is None:
        return AS_STATED
    return value_of(declaration, "kind", "personal")

class DeclarationsScreen(RecordsScreen):
    """Declarations of interest, each tied to an item, and whether the member withdrew."""

    CLERK_COMMANDS = DECLARATION_COMMANDS
    BINDINGS = bindings(CLERK_COMMANDS)
    HELP_NAME = "declarations"
    TITLE_TEXT = "Declarations of interest"
    COLUMNS = ("Member", "Item", "Withdrew", "Kind", "Interest")

    def on_mount(self) -> None:
        self.items: list[AgendaItem] = self.store.items.list(self.meeting.id)
        super().on_mount()

    def load(self) -> list[Declaration]:
        return self.store.declarations.list(self.meeting.id)

    def _item_name(self, item_id: str | None) -> str:
        item = next((i for i in self.items if i.id == item_id), None)
        return item.label if item else "(general)"

    def row(self, declaration: Declaration) -> tuple[str, ...]:
        kind = declaration.kind.value if declaration.kind else declaration.stated_kind or ""
        return (declaration.member, self._item_name(declaration.item_id),
                "Withdrew" if declaration.withdrew else "", kind.capitalize(), declaration.text)

    def action_withdrew(self) -> None:
        """Record that the member withdrew, or undo it."""
        declaration = self.highlighted()
        data = declaration.model_dump() | {"withdrew": not declaration.withdrew}
        self.save(lambda: self.store.declarations.update(Declaration.model_validate(data)))

    def action_add_declaration(self) -> None:
        """Record a declaration of interest."""
        self.app.push_screen(self._form(None), lambda found: found and self.save(
            lambda: self.store.declarations.add(found)))

    def action_edit_declaration(self) -> None:
        """Change the highlighted declaration."""
        self.app.push_screen(self._form(self.highlighted()), lambda found: found and self.save(
            lambda: self.store.declarations.update(found)))

    def action_delete_declaration(self) -> None:
        """Delete the highlighted declaration, once confirmed."""
        declaration = self.highlighted()
        self.app.push_screen(ConfirmScreen(f"Delete the declaration by {declaration.member}?"),
                             lambda yes: yes and self.save(
                                 lambda: self.store.declarations.delete(declaration.id)))

    def _form(self, declaration: Declaration | None) -> FormScreen[Declaration]:
        members = [p.person for p in self.store.attendance.list(self.meeting.id)
                   if p.role == Role.MEMBER]
        value = partial(value_of, declaration)
        fields = [
            FormField("member", "Member", value=value("member"), suggestions=members),
            FormField("item_id", "Agenda item", kind="select", value=value("item_id", None),
                      options=[(self._item_name(i.id), i.id) for i in self.items]),
            FormField("kind", "Kind of interest", kind="select", value=_kind_choice(declaration),
                      options=_kind_options(declaration)),
            FormField("text", "The interest", value=value("text")),
            FormField("withdrew", "Withdrew from the room for the item", kind="check",
                      value=value("withdrew", False)),
        ]

        def build(values: dict[str, Any]) -> Declaration:
            if not (values["text"] or "").strip():
                raise ValueError("Describe the interest declared.")
            data = values | {"meeting_id": self.meeting.id,
                             "stated_kind": declaration.stated_kind if declaration else None}
            if data["kind"] == AS_STATED:  # the minutes' own word, which clerk does not know
                data["kind"] = None
            if declaration is not None:
                data["id"] = declaration.id
            return Declaration.model_validate(data)

        return FormScreen("Edit declaration" if declaration else "Add declaration", fields, build)

    def action_attendance(self) -> None:
        """Switch to the attendance."""
        self.routes.open_attendance(self.meeting.id, replacing=True)
