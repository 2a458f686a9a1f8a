"""Writing a :class:`Document` as Markdown: the live preview and ``--format md``."""

from __future__ import annotations

import re

from clerk_tui.minutes.document import (
    Block,
    BulletList,
    Document,
    Heading,
    PageBreak,
    Paragraph,
    Run,
    Table,
)

_SPECIAL = re.compile(r"([\\`*_\[\]|<>])")


def escape(text: str, line_start: bool = True) -> str:
    """Text that Markdown shows as typed (no stray emphasis, links or table cells);
    with ``line_start``, nothing at the start of a line reads as a heading or a list;
    without it (headings, table cells) the text stays on one line."""
    text = _SPECIAL.sub(r"\\\1", text)
    if not line_start:
        return " ".join(text.split("\n"))
    return re.sub(r"^(\s*)([#>+\-]|\d+\.)(\s)", r"\1\\\2\3", text, flags=re.M)


def runs(parts: tuple[Run, ...]) -> str:
    """Runs with their bold and italic."""
    out = []
    for run in parts:
        text = escape(run.text)
        core = text.strip()
        if core and (run.bold or run.italic):
            mark = "**" if run.bold else "_"
            mark = "***" if run.bold and run.italic else mark
            lead, trail = text[: len(text) - len(text.lstrip())], text[len(text.rstrip()):]
            text = f"{lead}{mark}{core}{mark}{trail}"
        out.append(text)
    return "".join(out).replace("\n", "  \n")


def block(part: Block) -> str:
    """One block as Markdown."""
    if isinstance(part, Heading):
        return f"{'#' * (part.level + 1)} {escape(part.text, line_start=False)}"
    if isinstance(part, Paragraph):
        if part.role == "title":
            return f"# {escape(part.text, line_start=False)}"
        text = runs(part.runs)
        return f"**{text}**" if part.role == "subtitle" else text
    if isinstance(part, BulletList):
        return "\n".join(f"- {runs(item)}" for item in part.items)
    if isinstance(part, Table):
        cell = lambda text: escape(text, line_start=False)  # noqa: E731
        lines = ["| " + " | ".join(cell(h) for h in part.header) + " |",
                 "|" + "---|" * len(part.header)]
        lines += ["| " + " | ".join(cell(c) for c in row) + " |" for row in part.rows]
        return "\n".join(lines)
    if isinstance(part, PageBreak):
        return "---"
    raise TypeError(f"not a block: {part!r}")


def to_markdown(document: Document, warnings: bool = False) -> str:
    """The whole document, its markings first; ``warnings`` (for the preview) adds
    what the clerk should look at, which the minutes themselves never show."""
    head = []
    if warnings:
        head += [f"> ⚠ {escape(warning)}" for warning in document.warnings]
    if document.marking_line:
        head.append(f"**{escape(document.marking_line)}**")
    head.append(f"_{escape(document.header, line_start=False)}_")
    foot = [f"_{escape(document.footer, line_start=False)}_"] if document.footer else []
    return "\n\n".join(head + [block(part) for part in document.blocks] + foot) + "\n"
