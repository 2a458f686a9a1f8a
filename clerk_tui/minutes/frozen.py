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
import hashlib
import io
import json
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lxml import etree

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


# Each kind's field names, looked up once: a document of a few hundred items is tens
# of thousands of runs, and asking dataclasses for the fields of each is most of freezing.
_FIELD_NAMES: dict[type, tuple[str, ...] | None] = {}
_SCALARS = frozenset((str, bool, int, float, type(None)))


def _field_names(kind: type) -> tuple[str, ...] | None:
    """The names of the fields of a dataclass ``kind``; None for any other type."""
    try:
        return _FIELD_NAMES[kind]
    except KeyError:
        names = tuple(f.name for f in dataclasses.fields(kind)) \
            if dataclasses.is_dataclass(kind) else None
        _FIELD_NAMES[kind] = names
        return names


def _plain(value: Any) -> Any:
    """A document as JSON-ready data: each dataclass tagged with its kind."""
    kind = type(value)
    if kind in _SCALARS:
        return value
    names = _field_names(kind)
    if names is not None:
        plain = {"kind": kind.__name__}
        for name in names:
            part = getattr(value, name)
            plain[name] = part if type(part) in _SCALARS else _plain(part)
        return plain
    if isinstance(value, (tuple, list)):
        return [part if type(part) in _SCALARS else _plain(part) for part in value]
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


def same_as_written(document: Document, data: bytes, fmt: str,
                    template: Path | None = None) -> bool:
    """True when the file ``data`` is what clerk writes for ``document``: Markdown byte
    for byte; a Word file part for part (written again from ``document``, with
    ``template`` if the export used one), each XML part compared in canonical form, so
    a changed header, a run made hidden or struck through, a text box, a comment or any
    part added or taken away is a difference. Only the times in the file's properties
    (when it was written) may differ. ``data`` must have passed the importer's zip limits first
    (:func:`clerk_tui.verification.verify_file` sees to it)."""
    if fmt == "md":
        from clerk_tui.minutes.markdown import to_markdown

        return data == to_markdown(document).encode("utf-8")
    from clerk_tui.minutes.word import build

    buffer = io.BytesIO()
    build(document, template).word.save(buffer)
    try:
        return word_parts(data) == word_parts(buffer.getvalue())
    except (zipfile.BadZipFile, etree.XMLSyntaxError, ValueError, KeyError, EOFError,
            zlib.error, NotImplementedError, RuntimeError):  # not a Word file clerk could write
        return False


# When a file was written, which only the properties part holds.
_WRITTEN_AT = ("{http://purl.org/dc/terms/}created", "{http://purl.org/dc/terms/}modified",
               ("{http://schemas.openxmlformats.org/package/2006/metadata/core-properties}"
                "lastPrinted"))
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                          huge_tree=False)


def word_parts(data: bytes) -> dict[str, str]:
    """The SHA-256 of every part of a Word file by its name: XML parts in canonical
    form (C14N), others as their bytes; a file naming a part twice is refused."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = archive.namelist()
        if len(names) != len({name.lower() for name in names}):
            raise ValueError("a part is named twice")
        parts = {}
        for name in names:
            content = archive.read(name)
            if name.lower().endswith((".xml", ".rels")):
                content = _canonical(content, name == "docProps/core.xml")
            parts[name] = hashlib.sha256(content).hexdigest()
    return parts


def _canonical(content: bytes, properties: bool) -> bytes:
    root = etree.fromstring(content, _PARSER)
    if properties:
        for element in [e for e in root if e.tag in _WRITTEN_AT]:
            root.remove(element)
    return etree.tostring(root, method="c14n")
