"""Approved minutes, frozen: every version composed once, at approval, and kept.

When minutes are approved, :func:`freeze` composes them in every form clerk exports
(the whole meeting and each agenda item, public and confidential) and the store keeps
that, as canonical JSON with its SHA-256, beside the record. Every later export of the
approved minutes is written from it (:func:`thaw`), so a new clerk's wording, a renamed
committee or another organisation name can never change what was approved. Every
version is frozen, not derived at export time, because deriving would mean composing
again: the point is that nothing is composed after approval.
"""

from __future__ import annotations

import dataclasses
import io
import json
from dataclasses import dataclass
from typing import Any

from clerk_tui.minutes import document as model
from clerk_tui.minutes.compose import Version, compose_item, compose_meeting, wording
from clerk_tui.minutes.document import Document
from clerk_tui.models import MeetingSnapshot

VERSIONS: tuple[Version, ...] = ("public", "confidential")
_CLASSES = {cls.__name__: cls for cls in (
    model.Run, model.Paragraph, model.Heading, model.BulletList, model.Table,
    model.PageBreak, model.Properties, model.Document)}


class FrozenError(Exception):
    """Frozen minutes that cannot be read, or lack the version asked for."""


def _plain(value: Any) -> Any:
    """A document as JSON-ready data: each dataclass tagged with its kind."""
    if dataclasses.is_dataclass(value):
        fields = {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
        return {"kind": type(value).__name__, **fields}
    if isinstance(value, (tuple, list)):
        return [_plain(part) for part in value]
    return value


def _built(value: Any) -> Any:
    """The document that :func:`_plain` made ``value`` from."""
    if isinstance(value, dict):
        fields = {name: _built(part) for name, part in value.items() if name != "kind"}
        return _CLASSES[value["kind"]](**fields)
    if isinstance(value, list):
        return tuple(_built(part) for part in value)
    return value


def freeze(snapshot: MeetingSnapshot) -> dict[str, Any]:
    """Every version of the approved minutes of ``snapshot``, ready to be stored: the
    whole meeting and each item, public and confidential."""
    meeting = {version: _plain(compose_meeting(snapshot, version)) for version in VERSIONS}
    items = {part.item.id: {version: _plain(compose_item(snapshot, part.item.id, version))
                            for version in VERSIONS}
             for part in snapshot.items}
    return {"meeting": meeting, "items": items}


@dataclass(frozen=True)
class FrozenMinutes:
    """Minutes as they were approved, and the SHA-256 that fingerprints them."""

    sha256: str
    documents: dict[str, Any]

    @property
    def fingerprint(self) -> str:
        """The short fingerprint printed on every page's footer."""
        return wording.fingerprint(self.sha256)

    def document(self, version: Version, item_id: str | None = None) -> Document:
        """The approved minutes of the meeting (or one item), with the fingerprint in
        their footer."""
        try:
            frozen = (self.documents["items"][item_id] if item_id else
                      self.documents["meeting"])[version]
        except KeyError:
            raise FrozenError("The approved minutes have no such item or version.") from None
        built = _built(frozen)
        return dataclasses.replace(built, footer=wording.fingerprint_line(self.sha256))


def thaw(text: str, sha256: str) -> FrozenMinutes:
    """The frozen minutes stored as ``text`` (the store has checked ``sha256``)."""
    try:
        record = json.loads(text)
        return FrozenMinutes(sha256, record["documents"])
    except (ValueError, KeyError, TypeError) as error:
        raise FrozenError(f"The frozen minutes cannot be read ({error}).") from None


def thaw_record(record: Any) -> FrozenMinutes:
    """The frozen minutes of a record the store returned (its ``document`` and
    ``sha256``)."""
    return thaw(record.document, record.sha256)


def same_text(document: Document, data: bytes, fmt: str) -> bool:
    """True when the file ``data`` (Word or Markdown) says what ``document`` says: the
    Markdown byte for byte, a Word file paragraph for paragraph and cell for cell."""
    if fmt == "md":
        from clerk_tui.minutes.markdown import to_markdown

        return data == to_markdown(document).encode("utf-8")
    from clerk_tui.minutes.word import build

    buffer = io.BytesIO()
    build(document).word.save(buffer)
    try:
        import docx

        word = docx.Document(io.BytesIO(data))
    except Exception:  # not a Word file at all: it says nothing the minutes say
        return False
    footers = {p.text for section in word.sections for p in section.footer.paragraphs}
    expected = docx.Document(io.BytesIO(buffer.getvalue()))
    return _body(word) == _body(expected) and (not document.footer or document.footer in footers)


def _body(word) -> tuple[list[str], list[str]]:
    """The text of a Word file's paragraphs and of its tables' cells."""
    cells = [cell.text for table in word.tables for row in table.rows for cell in row.cells]
    return [p.text for p in word.paragraphs], cells
