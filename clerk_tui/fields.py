"""What every clerk model shares: the strict base, cleaned text types, and
:func:`explain`, which turns a validation error into sentences a clerk reads.
"""

from __future__ import annotations

import datetime as dt
import re
import typing
import uuid
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationError

# C0 controls other than tab and newline, and DEL: Word's XML cannot hold them.
_CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0e-\x1b\x7f]")
# The controls that separate words (Word's own line break is a vertical tab; a form feed
# ends a page of a PDF's text) become a space, so the words either side stay two words.
_SEPARATING_CONTROLS = re.compile(r"[\x0b\x0c\x1c-\x1f]")


def clean_text(value: str) -> str:
    """Return text safe to store and to write to Word.

    Line endings become ``\\n``, controls that separate words become a space, other
    control characters are removed and a lone surrogate (half of an emoji from a
    broken paste) becomes U+FFFD.
    """
    value = value.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    return _CONTROL_CHARACTERS.sub("", _SEPARATING_CONTROLS.sub(" ", value))


def as_name(value: str) -> str:
    """A name as it is saved: clean text, without spaces around it (blank stays blank)."""
    return clean_text(value).strip()


def _clean_name(value: str) -> str:
    value = as_name(value)
    if not value:
        raise ValueError("cannot be blank")
    return value


def _optional_name(value: str | None) -> str | None:
    if value is None:
        return None
    return as_name(value) or None


def _check_id(value: str | None) -> str | None:
    if value is None:
        return None
    try:
        uuid.UUID(value)
    except ValueError:
        raise ValueError("is not a valid id") from None
    return value


def new_id() -> str:
    """A new text UUID; ids are UUIDs so archives from several laptops merge."""
    return str(uuid.uuid4())


Text = Annotated[str, AfterValidator(clean_text)]
Name = Annotated[str, AfterValidator(_clean_name)]
OptionalName = Annotated[str | None, AfterValidator(_optional_name)]
Id = Annotated[str, AfterValidator(_check_id)]
OptionalId = Annotated[str | None, AfterValidator(_check_id)]
# A count of votes or records: a billion is beyond any meeting, and far inside what
# SQLite can hold (a larger number would fail at the moment of saving).
MAX_COUNT = 1_000_000_000
Count = Annotated[int, Field(ge=0, le=MAX_COUNT)]


def _wall_clock(value: dt.time | None) -> dt.time | None:
    """A time of day as the clock on the wall shows it: "19:00Z" or "19:00+01:00" typed
    is 19:00, for minutes give local times and times are compared with each other."""
    return value.replace(tzinfo=None) if value is not None and value.tzinfo else value


TimeOfDay = Annotated[dt.time, AfterValidator(_wall_clock)]


class ClerkModel(BaseModel):
    """Base of every clerk model: strict about fields, validated on assignment."""

    model_config = ConfigDict(extra="forbid", validate_assignment=True)


def _models() -> dict[str, type[ClerkModel]]:
    """Every clerk model by class name, and entry models by their kind too."""
    found: dict[str, type[ClerkModel]] = {}
    pending = list(ClerkModel.__subclasses__())
    while pending:
        model = pending.pop()
        pending.extend(model.__subclasses__())
        found[model.__name__] = model
        kind = model.model_fields.get("kind")
        if kind is not None and isinstance(kind.default, str):
            found[kind.default] = model
    return found


def _nested(annotation: object) -> type[ClerkModel] | None:
    """The clerk model inside a field's type (``Vote | None``, ``list[NamedVote]``)."""
    if isinstance(annotation, type) and issubclass(annotation, ClerkModel):
        return annotation
    for argument in typing.get_args(annotation):
        if found := _nested(argument):
            return found
    return None


def _label(models: dict[str, type[ClerkModel]], title: str, loc: tuple) -> tuple[str, str]:
    """The field's words and its own name, walking ``loc`` through nested models."""
    model = models.get(title)
    label = name = ""
    for part in loc:
        if not isinstance(part, str):
            continue
        info = model.model_fields.get(part) if model else None
        if info is None:
            model = models.get(part, model)  # a union's tag: "question", "action" ...
            name = part
            continue
        name, label = part, info.title or _words(part)
        model = _nested(info.annotation)
    return label or _words(name), name


def _words(name: str) -> str:
    return name.replace("_", " ")


def shown(value: object, limit: int = 40) -> str:
    """``value`` quoted for a message, cut short: a pasted megabyte is not repeated back."""
    text = repr(value)
    return text if len(text) <= limit else f"{text[:limit]}…"


def _sentence(error: dict, label: str, field: str, thing: str) -> str:
    label = label or thing
    kind = error["type"]
    given = shown(error.get("input"))
    ctx = error.get("ctx") or {}
    if kind == "missing":
        return f"The {label} must be given."
    if kind == "extra_forbidden":
        article = "An" if thing[:1] in "aeiou" else "A"
        return f"{article} {thing} has no '{_words(field)}'."
    if kind.startswith("date") and not kind.startswith("datetime"):
        return f"The {label} must be a real date, written YYYY-MM-DD (not {given})."
    if kind.startswith("time"):
        return f"The {label} must be a time of day, written HH:MM (not {given})."
    if kind.startswith("datetime"):
        return f"The {label} must be a date and time, written YYYY-MM-DD HH:MM (not {given})."
    if kind == "greater_than_equal":
        floor = ctx.get("ge")
        return f"The {label} cannot be negative." if floor == 0 else f"The {label} cannot be below {floor}."
    if kind == "less_than_equal":
        ceiling = ctx.get("le")
        return f"The {label} cannot be above {ceiling:,}." if isinstance(ceiling, int) \
            else f"The {label} cannot be above {ceiling}."
    if kind in ("enum", "literal_error"):
        return f"The {label} must be one of {ctx.get('expected')} (not {given})."
    if kind == "union_tag_invalid":
        return f"The kind of entry must be one of {ctx.get('expected_tags')} (not {ctx.get('tag')!r})."
    if kind in ("int_parsing", "int_type", "int_from_float"):
        return f"The {label} must be a whole number (not {given})."
    if kind in ("bool_parsing", "bool_type"):
        return f"The {label} must be yes or no (not {given})."
    if kind == "value_error":
        message = str(ctx.get("error", error["msg"]))
        return f"The {label} {message}." if field else f"{message[:1].upper()}{message[1:]}."
    return f"The {label}: {error['msg']}."


def explain(error: ValidationError) -> str:
    """Describe a validation error in a clerk's words, one sentence per problem.

    >>> from clerk_tui.models import Action
    >>> try:
    ...     Action(item_id=new_id(), captured_at="2024-05-01T10:00", due="2024-02-30")
    ... except ValidationError as e:
    ...     print(explain(e))
    The due date must be a real date, written YYYY-MM-DD (not '2024-02-30').
    """
    models = _models()
    thing = re.sub(r"(?<!^)(?=[A-Z])", " ", error.title).lower()
    sentences = []
    for problem in error.errors():
        label, field = _label(models, error.title, problem["loc"])
        sentences.append(_sentence(problem, label, field, thing))
    return "\n".join(sentences)


def parse_date(text: str | None, label: str) -> dt.date | None:
    """A date typed as YYYY-MM-DD (blank is None), or ValueError naming ``label``."""
    text = (text or "").strip()
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise ValueError(f"The {label} must be a real date, written YYYY-MM-DD "
                         f"(not {shown(text)}).") from None


def parse_time(text: str | None, label: str) -> dt.time | None:
    """A time typed as HH:MM (blank is None), or ValueError naming ``label``."""
    text = (text or "").strip()
    if not text:
        return None
    try:
        return _wall_clock(dt.time.fromisoformat(text.replace(".", ":")))
    except ValueError:
        raise ValueError(f"The {label} must be a time of day, written HH:MM "
                         f"(not {shown(text)}).") from None


def parse_count(text: str | None, label: str) -> int | None:
    """A whole number of votes (blank is None), or ValueError naming ``label``."""
    text = (text or "").strip()
    if not text:
        return None
    # "²" is a digit to Python but not a number, and 5,000 digits are not even read.
    if not text.isdecimal():
        raise ValueError(f"The {label} must be a whole number (not {shown(text)}).")
    digits = text.lstrip("0") or "0"
    if len(digits) > len(str(MAX_COUNT)) or int(digits) > MAX_COUNT:
        raise ValueError(f"The {label} cannot be above {MAX_COUNT:,}.")
    return int(digits)


def parse_named_votes(text: str | None) -> list[dict[str, str]]:
    """``"Cllr Lee: for; Cllr Ng: against"`` as named votes (member and vote)."""
    votes = []
    for part in filter(None, (p.strip() for p in (text or "").split(";"))):
        member, _, vote = part.rpartition(":")
        if not member.strip():
            raise ValueError(f"Write each named vote as 'Name: for', not {shown(part)}.")
        votes.append({"member": member.strip(), "vote": vote.strip().lower()})
    return votes
