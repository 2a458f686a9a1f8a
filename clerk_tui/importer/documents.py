"""Lines of text out of the files clerks keep: plain text, Markdown, Word and PDF."""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path
from typing import Literal

from clerk_tui.file_kinds import NotOrdinary, kind_of, read_ordinary
from clerk_tui.os_errors import reason

MB = 1024 * 1024
# The largest files read, far above any minutes or agenda (a year of a committee's minutes
# as text is a few MB); a file is read at most this far, never wholly into memory first.
MAX_TEXT_BYTES = 20 * MB
MAX_WORD_BYTES = 50 * MB
MAX_PDF_BYTES = 50 * MB
MAX_PDF_PAGES = 2_000  # a decade of one committee's minutes in one file is a few hundred
# A Word file is a zip: what it holds is checked before anything is decompressed.
MAX_WORD_XML = 20 * MB  # its XML expanded; beyond this it is refused as a bomb
MAX_WORD_EXPANDED = 100 * MB  # everything in it expanded, pictures too
MAX_WORD_PARTS = 5_000  # files inside it
MAX_PARAGRAPHS = 50_000  # paragraphs and tables; more than twice the longest minutes


class UnreadableDocument(Exception):
    """The file cannot be read; the message says why in a clerk's words."""


@dataclass(frozen=True)
class Line:
    """A paragraph of a document, and what it looked like: a heading, a bullet point
    or plain text."""

    text: str
    kind: Literal["heading", "bullet", "text"] = "text"
    cells: tuple[str, ...] = ()
    """The cells of a table row, each tidied, when the line is laid out as one (a Word
    table's row; a text or PDF line whose parts stand apart by tabs or runs of spaces);
    () for other lines. The text is the same either way: cells only say where a reader
    may find columns, and only a reader that knows it is in a list or table uses them."""


_BULLET = re.compile(r"^\s*[·•\-*–]\s+")
# Web copies carry non-breaking and zero-width spaces, and lines holding one space.
_STRAY = str.maketrans({"\u00a0": " ", "\u200b": "", "\ufeff": "", "\u202f": " "})


def tidy(text: str) -> str:
    """A line without the stray characters of web copies, its spaces collapsed."""
    return " ".join(text.translate(_STRAY).split())


# Where one cell of a row laid out with spaces ends and the next begins: a tab, or two
# or more spaces (a single class repeated, so it runs in linear time on any line).
_GAP = re.compile(r"[ \t]{2,}|\t")
MAX_ROW = 600  # characters: longer than a table row; a longer line is a paragraph
_SENTENCE_END = (".", "!", "?", ",", ";")


def cells_of(raw: str) -> tuple[str, ...]:
    """The cells of a line laid out in columns ("Ann Quiller     Head of Parks",
    "Mend the gate\tClerk\t30/06/2025"), each tidied; () when it has none, or when its
    gaps are the double spaces of justified or PDF prose (after a full stop, before a
    word that goes on the sentence)."""
    text = raw.translate(_STRAY).strip()
    if len(text) > MAX_ROW or ("\t" not in text and "  " not in text):
        return ()
    cells = tuple(cell for cell in (tidy(part) for part in _GAP.split(text)) if cell)
    if len(cells) < 2 or not any(_column_gap(before, after)
                                 for before, after in pairwise(cells)):
        return ()
    return cells


def _column_gap(before: str, after: str) -> bool:
    """Whether a gap between two parts of a line parts columns, not the words of a
    sentence: the part before ends no sentence or clause, the part after starts none in
    lower case."""
    return not before.endswith(_SENTENCE_END) and not after[:1].islower()


def read_document(path: Path) -> list[Line]:
    """The non-empty paragraphs of a .txt, .md, .docx or .pdf file, each with its kind."""
    if path.suffix.lower() == ".docx":
        return _word_document(path)
    raws = pdf_lines(path) if path.suffix.lower() == ".pdf" else read_lines(path)
    found = []
    for raw in raws:
        text = tidy(raw)
        if not text:
            continue
        if raw.lstrip().startswith("#"):
            if heading := text.lstrip("# ").strip():  # a line of hashes alone is no heading
                found.append(Line(heading, "heading"))
        elif _BULLET.match(raw):
            rest = _BULLET.sub("", raw)
            found.append(Line(rest.strip(), "bullet", cells_of(rest)))
        else:
            found.append(Line(text, cells=cells_of(raw)))
    if not found:
        raise UnreadableDocument(f"{path} is empty.")
    return found


def size_limit(path: Path) -> int:
    """The most bytes clerk reads of the file at ``path``, by its kind (.docx, .pdf or text)."""
    return {".docx": MAX_WORD_BYTES, ".pdf": MAX_PDF_BYTES}.get(path.suffix.lower(),
                                                                MAX_TEXT_BYTES)


def _unlocked(reader) -> bool:
    """Whether a PDF with the empty password (locked against printing, not reading)
    opens; one whose cipher needs a library clerk does not carry is locked to clerk."""
    try:
        return bool(reader.decrypt(""))
    except Exception:  # pypdf's DependencyError and its damaged-file errors alike
        return False


def pdf_lines(path: Path) -> list[str]:
    """The lines of a PDF's text layer, page after page (pypdf: pure Python, so nothing
    to install beside clerk). A scanned PDF has no text layer: it is refused saying so,
    never imported as empty minutes."""
    import logging

    import pypdf

    data = read_file(path, MAX_PDF_BYTES)
    logging.getLogger("pypdf").setLevel(logging.ERROR)  # its warnings are not the clerk's
    try:
        reader = pypdf.PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not _unlocked(reader):
            raise UnreadableDocument(f"{path} is a PDF locked with a password; save an "
                                     "unlocked copy and import that.")
        pages = reader.pages
        if len(pages) > MAX_PDF_PAGES:
            raise UnreadableDocument(f"{path} has {len(pages):,} pages, more than any "
                                     f"minutes (at most {MAX_PDF_PAGES:,}); it was not read.")
        texts = [page.extract_text() or "" for page in pages]
    except UnreadableDocument:
        raise
    except Exception as error:  # pypdf fails in many ways on damaged files
        raise UnreadableDocument(f"{path} is not a PDF that can be read: it is damaged or of "
                                 f"another kind ({type(error).__name__}).") from None
    lines = [line for text in texts for line in text.replace("\u00a0", " ").splitlines()]
    if not any(line.strip() for line in lines):
        raise UnreadableDocument(
            f"{path} is a PDF with no text in it: a scan, a picture of the pages. clerk reads "
            "the text of PDFs; run it through text recognition (OCR) or import the Word or "
            "text version.")
    return lines


def read_file(path: Path, limit: int | None = None) -> bytes:
    """The bytes of the ordinary file at ``path`` (its links followed), at most ``limit``
    (by default :func:`size_limit`). A pipe, a device or a folder is refused before it is
    opened, and checked again once open, so nothing read can block or never end."""
    limit = size_limit(path) if limit is None else limit
    try:
        data = read_ordinary(path, limit)
    except NotOrdinary as error:
        raise UnreadableDocument(f"{error}; clerk reads only ordinary files.") from None
    except OSError as error:
        raise UnreadableDocument(f"{path} cannot be read: {reason(error)}.") from None
    if len(data) > limit:
        kind = {".docx": "Word files", ".pdf": "PDF files"}.get(path.suffix.lower(),
                                                               "text files")
        raise UnreadableDocument(f"{path} is larger than {limit // MB} MB, the most clerk reads "
                                 f"of {kind}; it was not read.")
    return data


def read_lines(path: Path) -> list[str]:
    """The lines of a .txt, .md or .docx file.

    In a Word file an automatically numbered paragraph gets its number written in
    front (``"4. Title"``), as it would print.
    """
    if path.suffix.lower() == ".docx":
        return _word_lines(path)
    data = read_file(path, MAX_TEXT_BYTES)
    if not data.strip():
        raise UnreadableDocument(f"{path} is empty.")
    return decoded(data, path).replace("\u00a0", " ").splitlines()


def decoded(data: bytes, path: Path) -> str:
    """Text in whatever encoding it was saved in: UTF-8, UTF-16 (with its byte-order
    mark), or Windows' own (cp1252), as older minutes often are.

    A file that is something else under a text file's name (a PDF, a Word file, a
    program) is refused, never read as words. UTF-8 with a few damaged bytes stays
    UTF-8, each damaged byte shown as �, rather than every accent turning to "Ã©".
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    if (kind := _binary_kind(data)) is not None:
        raise UnreadableDocument(f"{path} is {kind}, not a text file." if kind
                                 else f"{path} is not a text file.")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        as_utf8 = data.decode("utf-8-sig", errors="replace")
        damaged = as_utf8.count("\ufffd") - data.count("\ufffd".encode())
        readable = sum(1 for character in as_utf8 if ord(character) > 127) - damaged
        text = as_utf8 if readable > damaged else data.decode("cp1252", errors="replace")
    if _mostly_control(text):
        raise UnreadableDocument(f"{path} is not a text file.")
    return text


_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


def _binary_kind(data: bytes) -> str | None:
    """What ``data`` is when it is plainly not text: its kind, "" when it is binary of
    no known kind, None when it may be text."""
    if (kind := kind_of(data)) is not None:
        return kind
    return "" if b"\x00" in data[:4096] else None


def _mostly_control(text: str) -> bool:
    """More control characters than any text file has: a binary file renamed."""
    head = text[:4096]
    return len(_CONTROL.findall(head)) > max(8, len(head) // 100)


def _open_word(path: Path):
    import docx

    data = read_file(path, MAX_WORD_BYTES)
    check_zip(path, data)
    try:
        document = docx.Document(io.BytesIO(data))  # the bytes checked, not the file again
    except Exception as error:  # python-docx fails in many ways on damaged files
        detail = str(error).splitlines()[0][:100] if str(error).strip() else ""
        raise UnreadableDocument(f"{path} is not a Word document that can be read: it is "
                                 f"damaged or of another kind ({type(error).__name__}"
                                 f"{': ' + detail if detail else ''}).") from None
    if _paragraph_count(document) > MAX_PARAGRAPHS:
        raise UnreadableDocument(f"{path} has more than {MAX_PARAGRAPHS:,} paragraphs, more "
                                 "than any minutes or agenda; it was not read.")
    return document


def _paragraph_count(document) -> int:
    """Paragraphs and table rows, wherever they are (counted without reading them)."""
    from docx.oxml.ns import qn

    return sum(1 for _ in document.element.body.iter(qn("w:p"), qn("w:tr")))


class _Styles:
    """Each paragraph's style name, and the list its style numbers, looked up once for
    each style: python-docx looks for the default style afresh for every paragraph, so a
    document of 20,000 paragraphs took minutes to read."""

    def __init__(self) -> None:
        self._known: dict[str | None, tuple[str, str | None]] = {}

    def of(self, paragraph) -> tuple[str, str | None]:
        """(its style's name, the list its style numbers it in) for ``paragraph``."""
        style_id = paragraph._p.style
        if style_id not in self._known:
            style = paragraph.style
            numbered = (_numbered_in(s.element) for s in _style_chain(style))
            self._known[style_id] = ((style.name or "") if style is not None else "",
                                     next((n for n in numbered if n is not None), None))
        return self._known[style_id]


def _word_document(path: Path) -> list[Line]:
    """The paragraphs and tables of a Word file in their order, automatic numbers written
    in ("4. Budget"), a two-column table row read as "label: value"."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    document = _open_word(path)
    bullets, styles = _bulleted_lists(document), _Styles()
    counters: dict[str, int] = {}
    found: list[Line] = []
    for element in document.element.body.iterchildren():
        if element.tag.endswith("}tbl"):
            found += _table_lines(Table(element, document))
        elif element.tag.endswith("}p"):
            line = _paragraph_line(Paragraph(element, document), bullets, counters, styles)
            if line is not None:
                found.append(line)
    if not found:
        raise UnreadableDocument(f"{path} has no text.")
    return found


def _paragraph_line(paragraph, bullets: set[str], counters: dict[str, int],
                    styles: _Styles) -> Line | None:
    text = tidy(paragraph.text)
    if not text:
        return None
    style = styles.of(paragraph)[0]
    numbering = _numbering(paragraph, styles)
    cells = cells_of(paragraph.text)  # a list set out with tabs ("Ann Cole<tab>Chair")
    if numbering in bullets or "Bullet" in style:
        return Line(text, "bullet", cells)
    if numbering is not None:
        counters[numbering] = counters.get(numbering, 0) + 1
        text = f"{counters[numbering]}. {text}"
    if style.startswith(("Heading", "Title")):
        return Line(text, "heading")
    return Line(text, "text", cells)


def _table_lines(table) -> list[Line]:
    lines = []
    for row in table.rows:
        # a merged cell is listed once for each column it spans: kept once
        cells = list(dict.fromkeys(tidy(cell.text) for cell in row.cells if tidy(cell.text)))
        row_cells = tuple(cells) if len(cells) >= 2 else ()
        if len(cells) == 2 and len(cells[0]) < 40:
            lines.append(Line(f"{cells[0].rstrip(':')}: {cells[1]}", cells=row_cells))
        elif cells:
            lines.append(Line(" · ".join(cells), cells=row_cells))
    return lines


def _word_lines(path: Path) -> list[str]:
    document = _open_word(path)
    lines: list[str] = []
    counters: dict[str, int] = {}
    bullets, styles = _bulleted_lists(document), _Styles()
    for paragraph in document.paragraphs:
        text = paragraph.text.replace("\u00a0", " ")
        numbering = _numbering(paragraph, styles)
        if numbering in bullets:
            numbering = None
        if numbering is not None and text.strip():
            counters[numbering] = counters.get(numbering, 0) + 1
            text = f"{counters[numbering]}. {text.strip()}"
        lines.append(text)
    return lines


def _numbering(paragraph, styles: _Styles) -> str | None:
    """The list a paragraph is automatically numbered in (its own or its style's)."""
    own = _numbered_in(paragraph._p)
    return own if own is not None else styles.of(paragraph)[1]


def _numbered_in(element) -> str | None:
    found = element.find(".//{*}numPr/{*}numId")
    return None if found is None else next(iter(found.attrib.values()), "list")


def _bulleted_lists(document) -> set[str]:
    """The ids of the document's lists that show bullets, not numbers."""
    try:
        numbering = document.part.numbering_part.element
    except (KeyError, NotImplementedError, AttributeError):
        return set()
    bulleted_abstract = {
        next(iter(abstract.attrib.values()))
        for abstract in numbering.findall("{*}abstractNum")
        if (fmt := abstract.find("{*}lvl/{*}numFmt")) is not None
        and "bullet" in fmt.attrib.values()
    }
    return {
        next(iter(num.attrib.values()))
        for num in numbering.findall("{*}num")
        if (ref := num.find("{*}abstractNumId")) is not None
        and next(iter(ref.attrib.values())) in bulleted_abstract
    }


def _style_chain(style):
    while style is not None:
        yield style
        style = style.base_style


# The main part of an Office package says what the package is.
_PACKAGES = (
    ("wordprocessingml", None),
    ("spreadsheetml", "an Excel workbook"),
    ("presentationml", "a PowerPoint presentation"),
)


def _package_kind(archive: zipfile.ZipFile) -> str | None:
    """None for a Word package, else what the zip file is instead."""
    names = set(archive.namelist())
    if "[Content_Types].xml" not in names:
        if "mimetype" in names and b"opendocument" in _head(archive, "mimetype"):
            return "an OpenDocument file (save it from LibreOffice as .docx)"
        return "a zip file of other files"
    if archive.getinfo("[Content_Types].xml").file_size > 1024 * 1024:
        return "a damaged Office file"
    types = archive.read("[Content_Types].xml")
    for marker, kind in _PACKAGES:
        if f"{marker}.".encode() in types:
            return kind
    return None  # python-docx says what is wrong with it


def _head(archive: zipfile.ZipFile, name: str) -> bytes:
    """The first bytes of a file in a zip, only those decompressed."""
    with archive.open(name) as member:
        return member.read(100)


def check_zip(path: Path, data: bytes) -> None:
    """Refuse a Word file that is something else, encrypted, or expands beyond the
    limits, from its zip directory alone: nothing is decompressed before this."""
    if not data:
        raise UnreadableDocument(f"{path} is empty.")
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        raise UnreadableDocument(f"{path} is password-protected or an old .doc file; save it "
                                 "from Word as a .docx without a password.")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            if any(info.flag_bits & 0x1 for info in archive.infolist()):
                raise UnreadableDocument(f"{path} is encrypted; save it without a password first.")
            if _too_big(archive.infolist()):
                raise UnreadableDocument(f"{path} expands to an implausible size; it was not read.")
            if (kind := _package_kind(archive)) is not None:
                raise UnreadableDocument(f"{path} is {kind}, not a Word document (.docx).")
    except zipfile.BadZipFile:
        raise UnreadableDocument(f"{path} is not a Word document (.docx).") from None
    except (zlib.error, EOFError, NotImplementedError, RuntimeError, ValueError):
        raise UnreadableDocument(f"{path} is damaged and cannot be read as a Word document.") from None


def _too_big(members: list[zipfile.ZipInfo]) -> bool:
    """True when a zip holds more files, or more when expanded, than a Word file does
    (python-docx reads every part whole). The sizes are the zip's own, and Python's zip
    reader never expands a part beyond its stated size."""
    xml = sum(m.file_size for m in members if m.filename.lower().endswith((".xml", ".rels")))
    return (len(members) > MAX_WORD_PARTS or xml > MAX_WORD_XML
            or sum(m.file_size for m in members) > MAX_WORD_EXPANDED)
