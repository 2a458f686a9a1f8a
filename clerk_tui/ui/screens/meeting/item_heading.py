"""The heading over an item's entries: its label, report, exemption and time taken, and
for matters arising the actions still open from earlier meetings."""

from __future__ import annotations

from rich.text import Text

from clerk_tui.minutes.compose import wording
from clerk_tui.models import AgendaItem, Meeting
from clerk_tui.store import Store
from clerk_tui.ui.text import assemble, literal

OPEN_SHOWN = 8  # open actions listed under matters arising; the action log has them all


def item_heading(item: AgendaItem, store: Store, meeting: Meeting) -> Text:
    """The heading of ``item`` of ``meeting``, each part literal, on lines of its own."""
    parts = [item.label]
    if item.report_reference:
        parts.append(f"Report {item.report_reference}")
    if item.exempt:
        paragraph = f" (paragraph {item.exempt_paragraph})" if item.exempt_paragraph else ""
        parts.append(f"EXEMPT{paragraph}")
    if item.taken_at:
        parts.append(f"taken {item.taken_at:%H:%M}")
    heading = [literal(" · ".join(parts))]
    if item.matters_arising:
        count, lines = open_actions_lines(store, meeting)
        heading += ([literal(f"{count} action(s) open from earlier meetings (Ctrl+L to "
                             "update them; each update is minuted here):")]
                    + [Text("  • ", end="") + line for line in lines]
                    if lines else [literal("No actions are open from earlier meetings.")])
    return Text("\n", end="").join(heading)


def open_actions_lines(store: Store, meeting: Meeting,
                       limit: int = OPEN_SHOWN) -> tuple[int, list[Text]]:
    """How many of the committee's actions are still open from meetings before
    ``meeting`` (for matters arising), and lines for the first ``limit`` and how many
    more there are. An action agreed in private session is marked EXEMPT. A meeting of
    no known date has no earlier meetings to follow up."""
    if meeting.date is None:
        return 0, []
    records = store.actions.log("open", committee_id=meeting.committee_id, before=meeting.date)
    lines = [assemble(("EXEMPT ", "bold red") if r.exempt else "",
                      ("OVERDUE ", "bold") if r.overdue else "",
                      f"{wording.trimmed(r.action.text)} "
                      f"({r.action.current_owner or 'no owner'}, agreed "
                      f"{wording.short_date(r.meeting_date)})") for r in records[:limit]]
    if len(records) > limit:
        lines.append(literal(f"… and {len(records) - limit} more (Ctrl+L shows them all)"))
    return len(records), lines
