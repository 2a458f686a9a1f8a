"""Lines of text out of the files clerks keep: plain text, Markdown and Word."""

from __future__ import annotations

import re
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from clerk_tui.file_kinds import kind_of

MAX_WORD_XML = 20 * 1024 * 1024  # a zip that expands beyond this is refused as a bomb


class UnreadableDocument(Exception):
    """The file cannot be read; the message says why in a clerk's words."""


@dataclass(frozen=True)
class Line:
    """A paragraph of a document, and what it looked like: a heading, a bullet point
    or plain text."""

    text: str
    kind: Literal["heading", "bullet", "text"] = "text"


_BULLET = re.compile(r"^\s*[·•\-*–]\s+")
# Web copies carry non-breaking and zero-width spaces, and lines holding one space.
_STRAY = str.maketrans({"\u00a0": " ", "\u200b": "", "\ufeff": "", "\u202f": " "})


def tidy(text: str) -> str:
    """A line without the stray characters of web copies, its spaces collapsed."""
    return " ".join(text.translate(_STRAY).split())


def read_document(path: Path) -> list[Line]:
    """The non-empty paragraphs of a .txt, .md or .docx file, each with its kind."""
    if path.suffix.lower() == ".docx":
        return _word_document(path)
    found = []
    for raw in read_lines(path):
        text = tidy(raw)
        if not text:
            continue
        if raw.lstrip().startswith("#"):
            if heading := text.lstrip("# ").strip():  # a line of hashes alone is no heading
                found.append(Line(heading, "heading"))
        elif _BULLET.match(raw):
            found.append(Line(_BULLET.sub("", raw).strip(), "bullet"))
        else:
            found.append(Line(text))
    if not found:
        raise UnreadableDocument(f"{path} is empty.")
    return found


def read_lines(path: Path) -> list[str]:
    """The lines of a .txt, .md or .docx file.

    In a Word file an automatically numbered paragraph gets its number written in
    front (``"4. Title"``), as it would print.
    """
    if path.suffix.lower() == ".docx":
        return _word_lines(path)
    try:
        data = path.read_bytes()
    except OSError as error:
        raise UnreadableDocument(f"{path} cannot be read: {error.strerror or error}.") from None
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

    _check_zip(path)
    try:
        return docx.Document(str(path))
    except Exception as error:  # python-docx fails in many ways on damaged files
        detail = str(error).splitlines()[0][:100] if str(error).strip() else ""
        raise UnreadableDocument(f"{path} is not a Word document that can be read: it is "
                                 f"damaged or of another kind ({type(error).__name__}"
                                 f"{': ' + detail if detail else ''}).") from None


def _word_document(path: Path) -> list[Line]:
    """The paragraphs and tables of a Word file in their order, automatic numbers written
    in ("4. Budget"), a two-column table row read as "label: value"."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    document = _open_word(path)
    bullets = _bulleted_lists(document)
    counters: dict[str, int] = {}
    found: list[Line] = []
    for element in document.element.body.iterchildren():
        if element.tag.endswith("}tbl"):
            found += _table_lines(Table(element, document))
        elif element.tag.endswith("}p"):
            line = _paragraph_line(Paragraph(element, document), bullets, counters)
            if line is not None:
                found.append(line)
    if not found:
        raise UnreadableDocument(f"{path} has no text.")
    return found


def _paragraph_line(paragraph, bullets: set[str], counters: dict[str, int]) -> Line | None:
    text = tidy(paragraph.text)
    if not text:
        return None
    style = (paragraph.style.name or "") if paragraph.style is not None else ""
    numbering = _numbering(paragraph)
    if numbering in bullets or "Bullet" in style:
        return Line(text, "bullet")
    if numbering is not None:
        counters[numbering] = counters.get(numbering, 0) + 1
        text = f"{counters[numbering]}. {text}"
    return Line(text, "heading" if style.startswith(("Heading", "Title")) else "text")


def _table_lines(table) -> list[Line]:
    lines = []
    for row in table.rows:
        cells = list(dict.fromkeys(tidy(cell.text) for cell in row.cells if tidy(cell.text)))
        if len(cells) == 2 and len(cells[0]) < 40:
            lines.append(Line(f"{cells[0].rstrip(':')}: {cells[1]}"))
        elif cells:
            lines.append(Line(" · ".join(cells)))
    return lines


def _word_lines(path: Path) -> list[str]:
    document = _open_word(path)
    lines: list[str] = []
    counters: dict[str, int] = {}
    bullets = _bulleted_lists(document)
    for paragraph in document.paragraphs:
        text = paragraph.text.replace("\u00a0", " ")
        numbering = _numbering(paragraph)
        if numbering in bullets:
            numbering = None
        if numbering is not None and text.strip():
            counters[numbering] = counters.get(numbering, 0) + 1
            text = f"{counters[numbering]}. {text.strip()}"
        lines.append(text)
    return lines


def _numbering(paragraph) -> str | None:
    """The list a paragraph is automatically numbered in (its own or its style's)."""
    style = paragraph.style
    elements = [paragraph._p] + [s.element for s in _style_chain(style)]
    for element in elements:
        found = element.find(".//{*}numPr/{*}numId")
        if found is not None:
            return next(iter(found.attrib.values()), "list")
    return None


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
        if "mimetype" in names and b"opendocument" in archive.read("mimetype")[:100]:
            return "an OpenDocument file (save it from LibreOffice as .docx)"
        return "a zip file of other files"
    if archive.getinfo("[Content_Types].xml").file_size > 1024 * 1024:
        return "a damaged Office file"
    types = archive.read("[Content_Types].xml")
    for marker, kind in _PACKAGES:
        if f"{marker}.".encode() in types:
            return kind
    return None  # python-docx says what is wrong with it


def _check_zip(path: Path) -> None:
    try:
        with path.open("rb") as handle:
            head = handle.read(8)
    except OSError as error:
        raise UnreadableDocument(f"{path} cannot be read: {error.strerror or error}.") from None
    if not head:
        raise UnreadableDocument(f"{path} is empty.")
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        raise UnreadableDocument(f"{path} is password-protected or an old .doc file; save it "
                                 "from Word as a .docx without a password.")
    try:
        with zipfile.ZipFile(path) as archive:
            if any(info.flag_bits & 0x1 for info in archive.infolist()):
                raise UnreadableDocument(f"{path} is encrypted; save it without a password first.")
            if sum(info.file_size for info in archive.infolist()) > MAX_WORD_XML:
                raise UnreadableDocument(f"{path} expands to an implausible size; it was not read.")
            if (kind := _package_kind(archive)) is not None:
                raise UnreadableDocument(f"{path} is {kind}, not a Word document (.docx).")
    except zipfile.BadZipFile:
        raise UnreadableDocument(f"{path} is not a Word document (.docx).") from None
    except (zlib.error, EOFError, NotImplementedError, RuntimeError):
        raise UnreadableDocument(f"{path} is damaged and cannot be read as a Word document.") from None
    except OSError as error:
        raise UnreadableDocument(f"{path} cannot be read: {error.strerror or error}.") from None
