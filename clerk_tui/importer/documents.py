"""Lines of text out of the files clerks keep: plain text, Markdown and Word."""

from __future__ import annotations

import zipfile
from pathlib import Path

MAX_WORD_XML = 50 * 1024 * 1024  # a zip that expands beyond this is refused as a bomb


class UnreadableDocument(Exception):
    """The file cannot be read; the message says why in a clerk's words."""


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
    if b"\x00" in data[:4096]:
        raise UnreadableDocument(f"{path} is not a text file.")
    return data.decode("utf-8", errors="replace").replace("\u00a0", " ").splitlines()


def _word_lines(path: Path) -> list[str]:
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    _check_zip(path)
    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile) as error:
        raise UnreadableDocument(f"{path} is not a Word document that can be read ({error}).") from None
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


def _check_zip(path: Path) -> None:
    try:
        with zipfile.ZipFile(path) as archive:
            if any(info.flag_bits & 0x1 for info in archive.infolist()):
                raise UnreadableDocument(f"{path} is encrypted; save it without a password first.")
            if sum(info.file_size for info in archive.infolist()) > MAX_WORD_XML:
                raise UnreadableDocument(f"{path} expands to an implausible size; it was not read.")
    except zipfile.BadZipFile:
        raise UnreadableDocument(f"{path} is not a Word document (.docx).") from None
    except OSError as error:
        raise UnreadableDocument(f"{path} cannot be read: {error.strerror or error}.") from None
