"""The agenda item form: add or edit an item's number, title, report and exemption."""

from __future__ import annotations

from typing import Any

from clerk_tui.models import AgendaItem
from clerk_tui.ui.screen_kit.form import FormField, FormScreen

PARAGRAPHS = [(f"Paragraph {n}", n) for n in range(1, 8)]


def agenda_item_form(meeting_id: str, item: AgendaItem | None = None) -> FormScreen[AgendaItem]:
    """A form for a new item of ``meeting_id``, or for changing ``item``."""
    fields = [
        FormField("minute_number", "Minute number", value=item.minute_number if item else "",
                  placeholder="e.g. 11 or 23/45"),
        FormField("title", "Title", value=item.title if item else ""),
        FormField("report_reference", "Report reference",
                  value=item.report_reference if item else "", placeholder="e.g. ECHS22030"),
        FormField("exempt", "Exempt (taken in private)", kind="check",
                  value=item.exempt if item else False),
        FormField("exempt_paragraph", "Schedule 12A paragraph (exempt items)", kind="select",
                  value=item.exempt_paragraph if item else None, options=PARAGRAPHS),
        FormField("supporting_documents", "Supporting documents (separate with ;)",
                  value="; ".join(item.supporting_documents) if item else ""),
    ]

    def build(values: dict[str, Any]) -> AgendaItem:
        documents = [d.strip() for d in (values["supporting_documents"] or "").split(";")]
        data = {
            "meeting_id": meeting_id,
            "minute_number": values["minute_number"] or None,
            "title": values["title"],
            "report_reference": values["report_reference"] or None,
            "exempt": values["exempt"],
            "exempt_paragraph": values["exempt_paragraph"] if values["exempt"] else None,
            "supporting_documents": [d for d in documents if d],
        }
        if item is not None:
            data |= {"id": item.id, "taken_at": item.taken_at}
            data |= _kept_as_printed(item, data)
        return AgendaItem.model_validate(data)

    return FormScreen("Edit agenda item" if item else "Add agenda item", fields, build)


def _kept_as_printed(item: AgendaItem, data: dict[str, Any]) -> dict[str, Any]:
    """What imported minutes gave the item that the form does not show: the heading as
    printed while its number and title stand, the grounds for exemption while it is
    exempt on the same paragraph."""
    kept: dict[str, Any] = {}
    if (data["minute_number"], (data["title"] or "").strip()) == (item.minute_number, item.title):
        kept["heading"] = item.heading
    if data["exempt"] and data["exempt_paragraph"] == item.exempt_paragraph:
        kept["exempt_basis"] = item.exempt_basis
    return kept
