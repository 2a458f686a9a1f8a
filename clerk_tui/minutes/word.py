"""Writing a :class:`Document` as Word, with Word's built-in styles throughout.

Because every paragraph uses a built-in style (Title, Subtitle, Heading 1/2, Normal,
List Bullet, Table Grid), a council's own template restyles the whole document.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from zipfile import BadZipFile

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import OxmlElement
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml.ns import qn
from docx.shared import Pt

from clerk_tui.minutes.document import (
    BulletList,
    Document,
    Heading,
    PageBreak,
    Paragraph,
    Run,
    Table,
)

ROLE_STYLES = {"title": "Title", "subtitle": "Subtitle", "body": "Normal", "signature": "Normal"}
# Characters XML 1.0, and so Word, cannot hold.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


class TemplateError(Exception):
    """The template given cannot be read as a Word document."""


class WordWriter:
    """Builds one Word document; styles are looked up once each (a lookup by name
    costs as much as writing the paragraph)."""

    def __init__(self, template: Path | None = None) -> None:
        self.word = _open_template(template) if template else docx.Document()
        self._styles: dict[str, object] = {}
        self.removed = 0

    def style(self, name: str, kind: WD_STYLE_TYPE = WD_STYLE_TYPE.PARAGRAPH):
        """The style called ``name``, added (plain) if the template lacks it."""
        if name not in self._styles:
            try:
                self._styles[name] = self.word.styles[name]
            except KeyError:
                self._styles[name] = self.word.styles.add_style(name, kind)
        return self._styles[name]

    def text(self, value: str) -> str:
        """``value`` without what Word cannot hold (counted, so the export can say so)."""
        cleaned, count = _NOT_XML.subn("", value)
        self.removed += count
        return cleaned

    def runs(self, target, runs: tuple[Run, ...]) -> None:
        """Add ``runs`` to a Word paragraph."""
        for run in runs:
            added = target.add_run(self.text(run.text))
            added.bold = run.bold or None
            added.italic = run.italic or None

    def write(self, document: Document) -> None:
        """Write every block, the header, the footer and the properties."""
        for block in document.blocks:
            self.block(block)
        self.header_and_footer(document)
        self.properties(document)

    def block(self, block) -> None:
        """Write one block."""
        body = self.word
        if isinstance(block, Heading):
            body.add_paragraph(self.text(block.text), style=self.style(f"Heading {block.level}"))
        elif isinstance(block, Paragraph):
            written = body.add_paragraph(style=self.style(ROLE_STYLES[block.role]))
            if block.role == "signature":
                written.paragraph_format.space_before = Pt(14)
            self.runs(written, block.runs)
        elif isinstance(block, BulletList):
            bullet = self.style("List Bullet")
            for item in block.items:
                self.runs(body.add_paragraph(style=bullet), item)
        elif isinstance(block, Table):
            self.table(block)
        elif isinstance(block, PageBreak):
            body.add_page_break()

    def table(self, block: Table) -> None:
        """A table with a bold header row that repeats on every page."""
        table = self.word.add_table(rows=1, cols=len(block.header))
        table.style = self.style("Table Grid", WD_STYLE_TYPE.TABLE)
        table.autofit = False
        for cell, title in zip(table.rows[0].cells, block.header):
            cell.paragraphs[0].add_run(self.text(title)).bold = True
        _repeat_header(table.rows[0])
        for row in block.rows:
            for cell, value in zip(table.add_row().cells, row):
                cell.paragraphs[0].add_run(self.text(value))
        if block.widths:
            section = self.word.sections[-1]
            page = section.page_width - section.left_margin - section.right_margin
            for column, share in zip(table.columns, block.widths):
                for cell in column.cells:
                    cell.width = int(page * share)

    def header_and_footer(self, document: Document) -> None:
        """Markings and the meeting on every page's header; page numbers in the footer."""
        for section in self.word.sections:
            header = section.header.add_paragraph() if _has_text(section.header) else \
                section.header.paragraphs[0]
            if document.markings:
                header.add_run(self.text("  ".join(document.markings) + "    ")).bold = True
            header.add_run(self.text(document.header))
            footer = section.footer.paragraphs[0]
            footer.add_run("Page ")
            _field(footer.add_run(), "PAGE")
            footer.add_run(" of ")
            _field(footer.add_run(), "NUMPAGES")

    def properties(self, document: Document) -> None:
        """Properties that tell the truth (never the library's placeholders)."""
        props, values = self.word.core_properties, document.properties
        now = dt.datetime.now(dt.timezone.utc).replace(microsecond=0, tzinfo=None)
        props.title = self.text(values.title)
        props.subject = self.text(values.subject)
        props.author = props.last_modified_by = self.text(values.author)
        props.keywords = self.text(values.keywords)
        props.category = values.category
        props.comments = ""
        props.content_status = "Draft" if "DRAFT" in document.markings else "Final"
        props.created = props.modified = now
        props.revision = 1

    def save(self, path: Path) -> None:
        """Save to ``path``."""
        self.word.save(str(path))


def build(document: Document, template: Path | None = None) -> WordWriter:
    """A Word writer holding ``document``, ready to save."""
    writer = WordWriter(template)
    writer.write(document)
    return writer


def _open_template(template: Path):
    """The template's styles, headers and page set-up, with its body emptied."""
    try:
        word = docx.Document(str(template))
    except (PackageNotFoundError, BadZipFile, KeyError, ValueError, OSError) as error:
        raise TemplateError(f"The template {template} is not a Word document ({error}).") from None
    _clear_body(word)
    return word


def _clear_body(word) -> None:
    body = word.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)


def _has_text(part) -> bool:
    return any(p.text.strip() for p in part.paragraphs)


def _repeat_header(row) -> None:
    properties = row._tr.get_or_add_trPr()
    repeat = OxmlElement("w:tblHeader")
    repeat.set(qn("w:val"), "true")
    properties.append(repeat)


def _field(run, instruction: str) -> None:
    """A Word field (PAGE, NUMPAGES) in ``run``; Word fills in the number."""
    begin, code, separate, shown, end = (OxmlElement(tag) for tag in (
        "w:fldChar", "w:instrText", "w:fldChar", "w:t", "w:fldChar"))
    begin.set(qn("w:fldCharType"), "begin")
    code.set(qn("xml:space"), "preserve")
    code.text = f" {instruction} "
    separate.set(qn("w:fldCharType"), "separate")
    shown.text = "1"
    end.set(qn("w:fldCharType"), "end")
    for element in (begin, code, separate, shown, end):
        run._r.append(element)
