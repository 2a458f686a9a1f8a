"""PDF minutes: the text layer is read; a scan, a locked or a damaged PDF is refused plainly."""

from __future__ import annotations

import os

import pypdf
import pytest

from clerk_tui.importer.documents import UnreadableDocument, read_document
from conftest import SHARED


def text_pdf(lines: list[str]) -> bytes:
    """A one-page PDF whose text layer holds ``lines`` (built by hand: no PDF writer
    library draws text, and the bytes show exactly what the file holds)."""
    shown = "".join(
        f"({line.replace('(', '[').replace(')', ']')}) Tj 0 -16 Td " for line in lines)
    stream = f"BT /F1 11 Tf 72 760 Td {shown}ET".encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
        b"/Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    start = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, start)
    return bytes(out)


def test_the_text_of_a_pdf_is_read_line_by_line(tmp_path):
    path = tmp_path / "minutes.pdf"
    path.write_bytes(text_pdf(["Harbour Board", "Minutes of the meeting held on 4 May 2021",
                               "1. Moorings", "RESOLVED: That the fees be held."]))
    texts = [line.text for line in read_document(path)]
    assert texts == ["Harbour Board", "Minutes of the meeting held on 4 May 2021",
                     "1. Moorings", "RESOLVED: That the fees be held."]


def test_a_scanned_pdf_with_no_text_is_refused_saying_why(tmp_path):
    writer = pypdf.PdfWriter()
    writer.add_blank_page(width=612, height=792)  # what a scan is to a text reader
    path = tmp_path / "scan.pdf"
    with path.open("wb") as out:
        writer.write(out)
    with pytest.raises(UnreadableDocument, match="no text in it: a scan.*(OCR)"):
        read_document(path)


def test_a_locked_pdf_is_refused_saying_why(tmp_path):
    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(_written(tmp_path, ["Locked"])))
    writer.encrypt(user_password="secret", algorithm="RC4-128")
    path = tmp_path / "locked.pdf"
    with path.open("wb") as out:
        writer.write(out)
    with pytest.raises(UnreadableDocument, match="locked with a password"):
        read_document(path)


@pytest.mark.parametrize("data", [b"%PDF-1.4\n%garbage" + bytes(range(256)) * 4,
                                  b"%PDF-1.7\n" + b"1 0 obj << /Length 99999999 >> stream\n"])
def test_a_damaged_pdf_is_refused_not_a_traceback(tmp_path, data):
    path = tmp_path / "damaged.pdf"
    path.write_bytes(data)
    with pytest.raises(UnreadableDocument, match="not a PDF that can be read|no text in it"):
        read_document(path)


def test_the_real_pdf_minutes_of_the_corpus_are_read():
    path = SHARED / "fixtures" / "corpus" / "c3-01_des-moines-city-council-1999.pdf"
    if not path.exists():
        if os.environ.get("CI") == "true":
            pytest.fail(f"{path} is missing; CI must have ../shared/fixtures")
        pytest.skip(f"{path} is not here (a clone without ../shared); this test reads a real PDF")
    lines = read_document(path)
    assert len(lines) > 100 and any("COUNCIL" in line.text for line in lines[:5])


def _written(tmp_path, lines):
    path = tmp_path / "plain.pdf"
    path.write_bytes(text_pdf(lines))
    return path
