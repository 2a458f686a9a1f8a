"""Context for startup (not a baseline with a budget): a bare Textual app with the widgets
of clerk's first screen and nothing else (a header, an input line, a table of 100 rows
with clerk's columns, a footer of seven keys), started and watched the same way."""

from textual.app import App, ComposeResult
from textual.widgets import DataTable, Footer, Header, Input

FIRST_ROW = "Sat 1 Aug 2024"


class BareWidgets(App[None]):
    """The first screen's widgets, filled with made-up rows."""

    BINDINGS = [(key, "bell", name) for key, name in (
        ("ctrl+n", "New meeting"), ("enter", "Open"), ("ctrl+f", "Search"),
        ("ctrl+l", "Action log"), ("f2", "Sample meeting"), ("f8", "Delete"), ("f1", "Help"))]

    def compose(self) -> ComposeResult:
        yield Header()
        yield Input(placeholder="Type to filter by committee")
        yield DataTable(cursor_type="row", zebra_stripes=True)
        yield Footer(compact=True)

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns("Date", "Committee", "Status", "Items", "Entries")
        for day in range(100):
            table.add_row(f"Sat {day % 28 + 1} Aug 2024", "Highways and Transport Committee",
                          "Approved", "20", "240")


if __name__ == "__main__":
    BareWidgets().run()
