"""Turning models into table rows and back. Rows hold ISO text for dates and times,
0/1 for yes/no, and JSON text for lists."""

from __future__ import annotations

import json
from typing import Any, TypeVar

from pydantic import BaseModel

from clerk_tui.models import ENTRY, Action, Entry, Note, Question, Resolution, Response

M = TypeVar("M", bound=BaseModel)

_JSON_COLUMNS = ("supporting_documents", "named_votes")
_VOTE_COLUMNS = ("unanimous", "votes_for", "votes_against", "votes_abstain", "named_votes")
# Every kind-specific column, so that changing an entry's kind clears the old fields.
_ENTRY_KIND_COLUMNS = (
    "asker", "responder", "answers_id", "owner", "due", "status", "done_on", "progress",
    "reassigned_to", "due_revised", "label", "number", "outcome", "mover", "seconder",
) + _VOTE_COLUMNS
_ENTRY_FIELDS = {
    model.model_fields["kind"].default: set(model.model_fields)
    for model in (Note, Question, Response, Action, Resolution)
}


def to_row(record: BaseModel, **extra: Any) -> dict[str, Any]:
    """The row for ``record``, with ``extra`` columns (such as position) added."""
    row = record.model_dump(mode="json")
    for column in _JSON_COLUMNS:
        if column in row:
            row[column] = json.dumps(row[column], ensure_ascii=False)
    row.update(extra)
    return row


def from_row(model: type[M], row: dict[str, Any]) -> M:
    """The ``model`` held in ``row``; columns the model does not have are ignored."""
    fields = model.model_fields
    data = {key: value for key, value in row.items() if key in fields}
    for column in _JSON_COLUMNS:
        if isinstance(data.get(column), str):
            data[column] = json.loads(data[column])
    return model.model_validate(data)


def entry_to_row(entry: Entry, **extra: Any) -> dict[str, Any]:
    """The row for an entry of any kind: a resolution's vote is spread over columns."""
    row = dict.fromkeys(_ENTRY_KIND_COLUMNS)
    row.update(to_row(entry, **extra))
    if "put_to" in row:  # a question's addressee lives in the responder column
        row["responder"] = row.pop("put_to")
    vote = row.pop("vote", None)
    if vote is not None:
        named = vote.pop("named")
        row.update(vote, named_votes=json.dumps(named, ensure_ascii=False))
    return row


def entry_from_row(row: dict[str, Any]) -> Entry:
    """The entry held in ``row``, of the kind the row says."""
    data = dict(row)
    if any(data.get(column) is not None for column in _VOTE_COLUMNS):
        named = json.loads(data.get("named_votes") or "[]")
        data["vote"] = {c: data[c] for c in _VOTE_COLUMNS[:-1] if data[c] is not None}
        data["vote"]["named"] = named
    if data["kind"] == "question":
        data["put_to"] = data.get("responder")
    fields = _ENTRY_FIELDS[data["kind"]]
    return ENTRY.validate_python({k: v for k, v in data.items() if k in fields})
