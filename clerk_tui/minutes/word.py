"""Writing a :class:`Document` as Word, with Word's built-in styles throughout.

Because every paragraph uses a built-in style (Title, Subtitle, Heading 1/2, Normal,
List Bullet, Table Grid), a council's own template restyles the whole document.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from copy import deepcopy
from pathlib import Path
from zipfile import ZIP_DEFLATED, BadZipFile, ZipFile

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt
from docx.text.paragraph import Paragraph as DocxParagraph
from lxml import etree

from clerk_tui.minutes.document import (
    BulletList,
    Document,
    Heading,
    PageBreak,
    Paragraph,
    Run,
    Table,
)
from clerk_tui.minutes.template_safety import UnreadableTemplate, read_template, strip_active_content

ROLE_STYLES = {"title": "Title", "subtitle": "Subtitle", "body": "Normal", "signature": "Normal"}
STYLES_USED = ("Title", "Subtitle", "Normal", "Heading 1", "Heading 2", "List Bullet")
TEMPLATE_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"
# A template with macros (.dotm, or a .docm) is read as a document; its macros are removed.
MACRO_TYPES = ("application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
               "application/vnd.ms-word.document.macroEnabled.main+xml")
DOCUMENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
# What a template (or the library's own) may carry that is not the minutes: comments,
# custom XML, a thumbnail of another document, custom properties.
_PRIVATE_PARTS = (RT.COMMENTS, RT.CUSTOM_XML, RT.THUMBNAIL, RT.CUSTOM_PROPERTIES,
                  "http://schemas.microsoft.com/office/2011/relationships/commentsExtended",
                  "http://schemas.microsoft.com/office/2011/relationships/people")
APP_PROPERTIES = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    b'<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
    b"<Application>clerk</Application><DocSecurity>0</DocSecurity></Properties>"
)
# Characters XML 1.0, and so Word, cannot hold.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


class TemplateError(Exception):
    """The template given cannot be read as a Word document."""


class WordWriter:
    """Builds one Word document.

    Paragraphs are added here rather than by python-docx's ``add_paragraph(style=...)``,
    which looks the style up by name and then walks every style to see whether it is
    the default, for each paragraph: two thirds of the time a long meeting took. Each
    style's id is found once, and a paragraph is put before the section properties that
    end the body without searching the body for them each time.
    """

    def __init__(self, template: Path | None = None) -> None:
        self.word = _open_template(template) if template else docx.Document()
        self.stripped = strip_active_content(self.word) if template else []
        """What was taken out of the template (macros, outside links ...), for the notes."""
        _tidy_package(self.word)
        self._styles: dict[str, object] = {}
        self._style_ids: dict[str, str | None] = {}
        self._end = self.word.element.body.find(qn("w:sectPr"))
        self.removed = 0

    def style(self, name: str, kind: WD_STYLE_TYPE = WD_STYLE_TYPE.PARAGRAPH):
        """The style called ``name``, added (plain) if the template lacks it."""
        if name not in self._styles:
            try:
                self._styles[name] = self.word.styles[name]
            except KeyError:
                self._styles[name] = self.word.styles.add_style(name, kind)
        return self._styles[name]

    def style_id(self, name: str) -> str | None:
        """The id of the paragraph style called ``name`` (None for the default style,
        which a paragraph has by naming none)."""
        if name not in self._style_ids:
            style = self.style(name)
            self._style_ids[name] = self.word.part.get_style_id(style, WD_STYLE_TYPE.PARAGRAPH)
        return self._style_ids[name]

    def paragraph(self, style: str, text: str | None = None) -> DocxParagraph:
        """A new paragraph of ``style`` at the end of the body, holding ``text`` if given."""
        element = OxmlElement("w:p")
        properties = OxmlElement("w:pPr")
        style_id = self.style_id(style)
        if style_id is not None:
            properties.append(OxmlElement("w:pStyle", {qn("w:val"): style_id}))
        element.append(properties)
        if text:
            element.append(_run(self.text(text)))
        if self._end is not None:
            self._end.addprevious(element)
        else:
            self.word.element.body.append(element)
        return DocxParagraph(element, self.word._body)

    def text(self, value: str) -> str:
        """``value`` without what Word cannot hold (counted, so the export can say so)."""
        cleaned, count = _NOT_XML.subn("", value)
        self.removed += count
        return cleaned

    def runs(self, target: DocxParagraph, runs: tuple[Run, ...]) -> None:
        """Add ``runs`` to a Word paragraph."""
        for run in runs:
            target._p.append(_run(self.text(run.text), run.bold, run.italic, formatted=True))

    def write(self, document: Document) -> None:
        """Write every block, the header, the footer and the properties."""
        for block in document.blocks:
            self.block(block)
        self.header_and_footer(document)
        self.properties(document)

    def block(self, block) -> None:
        """Write one block."""
        if isinstance(block, Heading):
            self.paragraph(f"Heading {block.level}", block.text)
        elif isinstance(block, Paragraph):
            written = self.paragraph(ROLE_STYLES[block.role])
            if block.role == "signature":
                written.paragraph_format.space_before = Pt(14)
            self.runs(written, block.runs)
        elif isinstance(block, BulletList):
            for item in block.items:
                self.runs(self.paragraph("List Bullet"), item)
        elif isinstance(block, Table):
            self.table(block)
        elif isinstance(block, PageBreak):
            self.word.add_page_break()

    def table(self, block: Table) -> None:
        """A table with a bold header row that repeats on every page."""
        table = self.word.add_table(rows=1, cols=len(block.header))
        table.style = self.style("Table Grid", WD_STYLE_TYPE.TABLE)
        table.autofit = False
        header = table.rows[0]
        if block.widths:  # set before the rows are added, which take the grid's widths
            section = self.word.sections[-1]
            page = section.page_width - section.left_margin - section.right_margin
            for column, cell, share in zip(table.columns, header.cells, block.widths):
                column.width = int(page * share)  # the grid, which LibreOffice follows
                cell.width = int(page * share)  # each cell, which Word follows
        for tc, title in zip(header._tr.tc_lst, block.header):
            tc.p_lst[0].append(_run(self.text(title), bold=True, formatted=True))
        _repeat_header(header)
        for row in block.rows:
            for tc, value in zip(table.add_row()._tr.tc_lst, row):
                tc.p_lst[0].append(_run(self.text(value)))
        self.paragraph("Normal")  # room after the table

    def header_and_footer(self, document: Document) -> None:
        """Markings and the meeting in every header (first-page and even-page ones a
        template has too); page numbers, and any footer line, in every footer."""
        before, after = document.page_numbers
        for section in self.word.sections:
            for header, footer in _variants(section):
                line = _free_paragraph(header)
                if document.marking_line:
                    line.add_run(self.text(document.marking_line + "    ")).bold = True
                line.add_run(self.text(document.header))
                numbers = _free_paragraph(footer)
                numbers.add_run(before)
                _field(numbers.add_run(), "PAGE")
                numbers.add_run(after)
                _field(numbers.add_run(), "NUMPAGES")
                if document.footer:  # the fingerprint of approved minutes, on every page
                    footer.add_paragraph().add_run(self.text(document.footer))

    def properties(self, document: Document) -> None:
        """Properties that tell the truth: the minutes' own, never a template's or the
        library's placeholders."""
        props, values = self.word.core_properties, document.properties
        now = dt.datetime.now(dt.timezone.utc).replace(microsecond=0, tzinfo=None)
        props.title = self.property_text(values.title)
        props.subject = self.property_text(values.subject)
        props.author = props.last_modified_by = self.property_text(values.author)
        props.keywords = self.property_text(values.keywords)
        props.category = values.category
        props.comments = props.language = props.version = ""
        props.identifier = values.identifier
        props.content_status = "Final" if document.final else "Draft"
        props.created = props.modified = props.last_printed = now
        props.revision = 1

    def property_text(self, value: str) -> str:
        """``value`` as a document property holds it: at most 255 characters (a
        300-character committee name is cut, ending in an ellipsis)."""
        cleaned = self.text(value)
        return cleaned if len(cleaned) <= 255 else cleaned[:254] + "\u2026"

    def save(self, path: Path) -> None:
        """Save to ``path``."""
        self.word.save(str(path))


def build(document: Document, template: Path | None = None) -> WordWriter:
    """A Word writer holding ``document``, ready to save."""
    writer = WordWriter(template)
    writer.write(document)
    return writer


def _open_template(template: Path):
    """The template's styles, headers and page set-up, with its body emptied; a .dotx
    is read as a document, and the styles minutes need are added if it lacks them."""
    try:
        data = read_template(template)  # an ordinary file, bounded: a pipe cannot block
    except UnreadableTemplate as error:
        raise TemplateError(str(error)) from None
    try:
        word = docx.Document(io.BytesIO(_as_document(data)))
    except (PackageNotFoundError, BadZipFile, KeyError, ValueError, OSError,
            etree.XMLSyntaxError) as error:
        raise TemplateError(f"The template {template} is not a Word document ({error}).") from None
    _clear_body(word)
    _add_missing_styles(word)
    return word


def _as_document(data: bytes) -> bytes:
    """A Word template (.dotx, .dotm) differs from a document only in its declared type."""
    with ZipFile(io.BytesIO(data)) as source:
        types = source.read("[Content_Types].xml")
        if not any(kind.encode() in types for kind in (TEMPLATE_TYPE, *MACRO_TYPES)):
            return data
        out = io.BytesIO()
        with ZipFile(out, "w", ZIP_DEFLATED) as target:
            for info in source.infolist():
                content = source.read(info.filename)
                if info.filename == "[Content_Types].xml":
                    for kind in (TEMPLATE_TYPE, *MACRO_TYPES):
                        content = content.replace(kind.encode(), DOCUMENT_TYPE.encode())
                target.writestr(info, content)
        return out.getvalue()


def _add_missing_styles(word) -> None:
    """Copy the built-in styles the minutes use (and the bullets' numbering) from the
    library's own template into one that lacks them, so structure survives."""
    missing = [name for name in STYLES_USED if name not in _style_names(word)]
    if not missing:
        return
    default = docx.Document()
    for name in missing:
        element = deepcopy(default.styles[name].element)
        word.styles.element.append(element)
        number = element.find(qn("w:pPr") + "/" + qn("w:numPr") + "/" + qn("w:numId"))
        if number is not None:
            number.set(qn("w:val"), _copy_numbering(default, word, number.get(qn("w:val"))))


def _style_names(word) -> set[str]:
    return {style.name for style in word.styles}


def _copy_numbering(source, target, number_id: str) -> str:
    """Copy list ``number_id`` (and its definition) into ``target``; its new id there."""
    source_xml, target_xml = source.part.numbering_part.element, target.part.numbering_part.element
    num = next(n for n in source_xml.findall(qn("w:num")) if n.get(qn("w:numId")) == number_id)
    abstract_id = num.find(qn("w:abstractNumId")).get(qn("w:val"))
    abstract = next(a for a in source_xml.findall(qn("w:abstractNum"))
                    if a.get(qn("w:abstractNumId")) == abstract_id)
    new_abstract = str(1 + max((int(a.get(qn("w:abstractNumId")))
                                for a in target_xml.findall(qn("w:abstractNum"))), default=0))
    new_num = str(1 + max((int(n.get(qn("w:numId"))) for n in target_xml.findall(qn("w:num"))),
                          default=0))
    abstract, num = deepcopy(abstract), deepcopy(num)
    abstract.set(qn("w:abstractNumId"), new_abstract)
    num.set(qn("w:numId"), new_num)
    num.find(qn("w:abstractNumId")).set(qn("w:val"), new_abstract)
    first_num = target_xml.find(qn("w:num"))
    if first_num is not None:
        first_num.addprevious(abstract)  # definitions come before the lists that use them
    else:
        target_xml.append(abstract)
    target_xml.append(num)
    return new_num


def _tidy_package(word) -> None:
    """Drop parts that are not the minutes, and say truthfully what made the file."""
    for owner in (word.part, word.part.package):
        for rel_id, rel in list(owner.rels.items()):
            if rel.reltype in _PRIVATE_PARTS:
                del owner.rels[rel_id]
    for rel in word.part.package.rels.values():
        if rel.reltype == RT.EXTENDED_PROPERTIES:
            rel.target_part._blob = APP_PROPERTIES


def _variants(section):
    """The section's header and footer, and its first-page and even-page ones when
    the template defines them."""
    pairs = [(section.header, section.footer)]
    for header, footer in ((section.first_page_header, section.first_page_footer),
                           (section.even_page_header, section.even_page_footer)):
        if not header.is_linked_to_previous or not footer.is_linked_to_previous:
            pairs.append((header, footer))
    return pairs


def _free_paragraph(part):
    """An empty paragraph at the end of a header or footer (added after any text)."""
    last = part.paragraphs[-1] if part.paragraphs else None
    return last if last is not None and not last.text.strip() else part.add_paragraph()


def _clear_body(word) -> None:
    body = word.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)


def _run(text: str, bold: bool = False, italic: bool = False, formatted: bool = False):
    """A run of ``text``: the XML python-docx's ``add_run`` makes (with the empty
    properties its ``bold`` and ``italic`` leave when ``formatted``), made directly, which
    takes a third of the time."""
    run = OxmlElement("w:r")
    if formatted:
        properties = OxmlElement("w:rPr")
        if bold:
            properties.append(OxmlElement("w:b"))
        if italic:
            properties.append(OxmlElement("w:i"))
        run.append(properties)
    if "\t" in text or "\n" in text or "\r" in text:
        run.text = text  # tabs and line breaks become Word's own, as python-docx makes them
    elif text:
        run.add_t(text)
    return run


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
