"""Attendance: members, officers and others, one key per status."""

from __future__ import annotations

from functools import partial
from typing import Any

from clerk_tui.fields import parse_time
from clerk_tui.models import Attendance, AttendanceStatus, Role
from clerk_tui.ui.commands import DECLARATIONS, HELP, Command, bindings
from clerk_tui.ui.screen_kit.form import FormField, FormScreen, enum_choices, value_of
from clerk_tui.ui.screen_kit.pick import ConfirmScreen
from clerk_tui.ui.screen_kit.records import BACK, RecordsScreen

ATTENDANCE_COMMANDS = (
    Command("present", "p", "status('present')", "Present", "Mark present", "Mark as present"),
    Command("apologies", "a", "status('apologies')", "Apologies", "Mark apologies",
            "Mark as having sent apologies"),
    Command("absent", "x", "status('absent')", "Absent", "Mark absent", "Mark as absent",
           ),
    Command("in_attendance", "i", "status('in attendance')", "In attendance",
            "Mark in attendance", "Mark as in attendance (an officer, adviser or guest)",
            show=False),  # the footer is full: F1 and the command palette name it
    Command("substitute", "s", "substitute", "Substitute", "Mark substitute",
            "Mark as substituting for a member"),
    Command("arrived", "r", "arrived", "Arrived now", "Arrived late",
            "Record that they arrived now"),
    Command("left", "l", "left", "Left now", "Left early", "Record that they left now"),
    Command("add_person", "ctrl+n", "add_person", "Add", "Add person",
            "Add a member, officer or other person"),
    Command("edit_person", "e", "edit_person", "Edit", "Edit person",
            "Change the person's details and times"),
    Command("remove_person", "delete", "remove_person", "Remove", "Remove person",
            "Take the person off this meeting's attendance"),
    DECLARATIONS,
    BACK,
    HELP,
)


class AttendanceScreen(RecordsScreen):
    """Who came: members, officers and others, with their status and times."""

    CLERK_COMMANDS = ATTENDANCE_COMMANDS
    BINDINGS = bindings(CLERK_COMMANDS)
    HELP_NAME = "attendance"
    TITLE_TEXT = "Attendance: p present · a apologies · s substitute · l left now"
    COLUMNS = ("Name", "Attendance", "Arrived", "Left", "Role", "Office")

    def load(self) -> list[Attendance]:
        return self.store.attendance.list(self.meeting.id)

    def row(self, person: Attendance) -> tuple[str, ...]:
        status = person.status.value.capitalize()
        if person.substitute_for:
            status = f"Substitute for {person.substitute_for}"
        times = [f"{t:%H:%M}" if t else "" for t in (person.arrived_at, person.left_at)]
        return (person.person, status, *times, person.role.value.capitalize(), person.office or "")

    def _update(self, **changes: Any) -> None:
        person = self.highlighted()
        data = person.model_dump() | changes
        self.save(lambda: self.store.attendance.update(Attendance.model_validate(data)))

    def action_status(self, status: str) -> None:
        """Set the highlighted person's attendance (someone away has no times)."""
        away = status in (AttendanceStatus.APOLOGIES, AttendanceStatus.ABSENT)
        times = {"arrived_at": None, "left_at": None} if away else {}
        self._update(status=status, substitute_for=None, **times)

    def action_substitute(self) -> None:
        """Mark the highlighted person as substituting for a member."""
        members = [p.person for p in self.records if p.role == Role.MEMBER]

        def build(values: dict[str, Any]) -> str:
            if not (values["substitute_for"] or "").strip():
                raise ValueError("Name the member they substitute for.")
            return values["substitute_for"].strip()

        form = FormScreen("Substitute for whom?", [
            FormField("substitute_for", "The member they replace", suggestions=members)], build)
        self.app.push_screen(form, lambda name: name and self._update(
            status=AttendanceStatus.SUBSTITUTE.value, substitute_for=name))

    def action_arrived(self) -> None:
        """Record that the highlighted person arrived now."""
        self._update(arrived_at=self.store.now().time().replace(second=0), status="present")

    def action_left(self) -> None:
        """Record that the highlighted person left now."""
        self._update(left_at=self.store.now().time().replace(second=0))

    def action_add_person(self) -> None:
        """Add someone to this meeting's attendance."""
        self.app.push_screen(self._person_form(None),
                             lambda person: person and self.save(
                                 lambda: self.store.attendance.add(person)))

    def action_edit_person(self) -> None:
        """Change the highlighted person's details."""
        self.app.push_screen(self._person_form(self.highlighted()),
                             lambda person: person and self.save(
                                 lambda: self.store.attendance.update(person)))

    def action_remove_person(self) -> None:
        """Take the highlighted person off the attendance, once confirmed."""
        person = self.highlighted()
        self.app.push_screen(ConfirmScreen(f"Remove {person.person} from this meeting?"),
                             lambda yes: yes and self.save(
                                 lambda: self.store.attendance.delete(person.id)))

    def _person_form(self, person: Attendance | None) -> FormScreen[Attendance]:
        value = partial(value_of, person)
        fields = [
            FormField("person", "Name", value=value("person")),
            FormField("role", "Role", kind="select", value=value("role", "member"),
                      options=enum_choices(Role)),
            FormField("office", "Office or job title", value=value("office"),
                      placeholder="e.g. Chair, Director of Education"),
            FormField("status", "Attendance", kind="select", value=value("status", "present"),
                      options=enum_choices(AttendanceStatus)),
            FormField("substitute_for", "Substitute for", value=value("substitute_for")),
            FormField("arrived_at", "Arrived (HH:MM, if late)",
                      value=f"{person.arrived_at:%H:%M}" if person and person.arrived_at else ""),
            FormField("left_at", "Left (HH:MM, if early)",
                      value=f"{person.left_at:%H:%M}" if person and person.left_at else ""),
        ]

        def build(values: dict[str, Any]) -> Attendance:
            data = values | {
                "meeting_id": self.meeting.id,
                "arrived_at": parse_time(values["arrived_at"], "time of arrival"),
                "left_at": parse_time(values["left_at"], "time of leaving"),
                "substitute_for": values["substitute_for"] or None,
                "office": values["office"] or None,
            }
            if person is not None:
                data["id"] = person.id
            return Attendance.model_validate(data)

        return FormScreen("Edit person" if person else "Add person", fields, build)

    def action_declarations(self) -> None:
        """Switch to the declarations of interest."""
        self.routes.open_declarations(self.meeting.id, replacing=True)
