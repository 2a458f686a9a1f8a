"""A council's template gives the minutes its look, never anything that acts.

A Word template can carry macros, a link to a template kept on another computer
(fetched, with its macros, when the minutes are opened), pictures and text fetched from
the web as the file opens (``INCLUDEPICTURE``, ``INCLUDETEXT``, ``LINK`` fields, or an
image relationship to an address) and links to outside addresses. None of that belongs
in minutes sent to members and the public, so it is taken out of the template before
the minutes are written into it, and the export says what went (its notes).
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn

from clerk_tui.file_kinds import NotOrdinary, read_ordinary
from clerk_tui.os_errors import reason

MB = 1024 * 1024
MAX_TEMPLATE_BYTES = 50 * MB  # as for any Word file clerk reads; a template is far smaller

_OFFICE = "http://schemas.microsoft.com/office/2006/relationships/"
_DOCUMENT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
MACRO_RELATIONSHIPS = {f"{_OFFICE}{name}" for name in (
    "vbaProject", "wordVbaData", "keyMapCustomizations", "attachedToolbars")}
ATTACHED_TEMPLATE = f"{_DOCUMENT}attachedTemplate"
R_NAMESPACE = "{" + _DOCUMENT.removesuffix("relationships/") + "relationships}"
# Fields that fetch something from outside the document when it is opened or updated.
FETCHING_FIELDS = ("INCLUDEPICTURE", "INCLUDETEXT", "LINK", "DDE", "DDEAUTO", "IMPORT")
_OBJECTS = {qn("w:drawing"), qn("w:pict"), qn("w:object")}

WHAT = {  # the note's words for each kind of thing removed
    "macros": "its macros (vbaProject.bin)",
    "template": "its link to a template kept elsewhere (attachedTemplate)",
    "picture": "{n} picture(s) fetched from outside the document",
    "field": "{n} field(s) that fetch content from outside the document (INCLUDEPICTURE and the like)",
    "link": "{n} link(s) to outside addresses (their text is kept)",
    "other": "{n} other reference(s) to outside files",
}


class UnreadableTemplate(Exception):
    """The template cannot be read (a pipe, a device, too large, refused); the message
    says why."""


def read_template(path: Path) -> bytes:
    """The bytes of the template at ``path``: an ordinary file only, never more than
    :data:`MAX_TEMPLATE_BYTES`, so that a pipe cannot block and a device cannot fill
    memory (:func:`clerk_tui.file_kinds.read_ordinary`)."""
    try:
        data = read_ordinary(path, MAX_TEMPLATE_BYTES)
    except NotOrdinary as error:
        raise UnreadableTemplate(f"The template {path} is {error.kind}, not a Word file; "
                                 "nothing was written.") from None
    except OSError as error:
        raise UnreadableTemplate(f"The template {path} cannot be read: {reason(error)}; "
                                 "nothing was written.") from None
    if len(data) > MAX_TEMPLATE_BYTES:
        raise UnreadableTemplate(f"The template {path} is larger than "
                                 f"{MAX_TEMPLATE_BYTES // MB} MB, the most clerk reads of a "
                                 "Word file; nothing was written.")
    return data


def strip_active_content(word) -> list[str]:
    """Remove macros, a remote attached template, fetched pictures and fields, and
    outside links from the python-docx document ``word`` (a template, its body already
    emptied); what was removed, one phrase per kind, for the export's notes."""
    removed: Counter[str] = Counter()
    parts = [word.part.package, *word.part.package.iter_parts()]
    for part in parts:
        element = getattr(part, "element", None)
        for rel_id, rel in list(part.rels.items()):
            kind = _kind(rel)
            if kind is None:
                continue
            if element is not None:
                _drop_references(element, rel_id, kind)
            del part.rels[rel_id]
            removed[kind] += 1
        if element is not None:
            removed.update(_drop_fetching_fields(element))
    return [WHAT[kind].format(n=removed[kind]) for kind in WHAT if removed[kind]]


def note(removed: list[str]) -> str | None:
    """The export's note saying what was taken out of the template, if anything was."""
    return ("Removed from the template, so the minutes carry none of it: "
            + "; ".join(removed) + ".") if removed else None


def _kind(rel) -> str | None:
    if rel.reltype in MACRO_RELATIONSHIPS:
        return "macros"
    if not rel.is_external:
        return None
    if rel.reltype == ATTACHED_TEMPLATE:
        return "template"
    if rel.reltype == RT.IMAGE:
        return "picture"
    if rel.reltype == RT.HYPERLINK:
        return "link"
    return "other"


def _drop_references(element, rel_id: str, kind: str) -> None:
    """Take out what in the part's XML points at relationship ``rel_id``: a link is
    unwrapped (its text stays), a picture or object goes, anything else goes itself."""
    referring = [node for node in element.iter()
                 if any(name.startswith(R_NAMESPACE) and value == rel_id
                        for name, value in node.attrib.items())]
    for node in referring:
        if node.getparent() is None:
            continue
        if kind == "link" and node.tag == qn("w:hyperlink"):
            _unwrap(node)
            continue
        target = next((a for a in node.iterancestors() if a.tag in _OBJECTS), node)
        if target.getparent() is not None:
            target.getparent().remove(target)


def _unwrap(node) -> None:
    parent = node.getparent()
    for child in list(node):
        node.addprevious(child)
    parent.remove(node)


def _drop_fetching_fields(element) -> Counter[str]:
    """Remove every field whose code fetches from outside the document (the code and
    the result Word last fetched); HYPERLINK fields to outside addresses keep their
    text. How many of each kind ("field", "link") went."""
    count: Counter[str] = Counter()
    for simple in list(element.iter(qn("w:fldSimple"))):
        action = _field_action(simple.get(qn("w:instr"), ""))
        if action and simple.getparent() is not None:
            (_unwrap if action == "unwrap" else _remove)(simple)
            count["link" if action == "unwrap" else "field"] += 1
    for begin, separate, end, code in _complex_fields(element):
        action = _field_action(code)
        if action is None:
            continue
        runs = list(_runs_between(element, begin, end))
        keep = set() if action == "remove" else _result_runs(runs, separate, end)
        for run in runs:
            if run not in keep and run.getparent() is not None:
                run.getparent().remove(run)
        count["link" if action == "unwrap" else "field"] += 1
    return count


def _field_action(code: str) -> str | None:
    words = code.split()
    if not words:
        return None
    name = words[0].upper()
    if name in FETCHING_FIELDS:
        return "remove"
    if name == "HYPERLINK" and "\\l" not in words[1:2]:
        return "unwrap"  # a link to an outside address; its shown text stays
    return None


def _remove(node) -> None:
    node.getparent().remove(node)


def _complex_fields(element):
    """Each field made of runs (begin, separate or None, end, code) in document order,
    nested ones too."""
    runs = list(element.iter(qn("w:r")))
    stack: list[list] = []
    fields = []
    for run in runs:
        for child in run:
            if child.tag == qn("w:fldChar"):
                kind = child.get(qn("w:fldCharType"))
                if kind == "begin":
                    stack.append([run, None, None, ""])
                elif kind == "separate" and stack:
                    stack[-1][1] = run
                elif kind == "end" and stack:
                    frame = stack.pop()
                    frame[2] = run
                    fields.append(tuple(frame))
            elif child.tag == qn("w:instrText") and stack and stack[-1][1] is None:
                stack[-1][3] += child.text or ""
    return fields


def _runs_between(element, begin, end):
    inside = False
    for run in list(element.iter(qn("w:r"))):
        if run is begin:
            inside = True
        if inside:
            yield run
        if run is end:
            return


def _result_runs(runs: list, separate, end) -> set:
    """The runs of a field's shown result: after its separator, before its end."""
    if separate is None:
        return set()
    start = runs.index(separate) + 1
    return set(runs[start:runs.index(end)])
