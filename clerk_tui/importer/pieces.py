"""The pieces an agenda item's text is read into, before they become entries.

The importer reads the paragraphs under an item in passes (decisions, then questions
and answers, then actions). Every pass takes the item's pieces and gives them back with
some read as what they are; none adds, drops or rewords a word, because imported minutes
are the published record. A pass may split one paragraph into several pieces: each piece
after the first is marked ``joined``, and :func:`paragraphs` puts them back together.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

PieceKind = Literal["note", "question", "response", "action", "resolution"]


@dataclass
class Piece:
    """Some of an item's words, and what they were read as."""

    text: str
    """The source's own words, exactly (spaces at the ends aside)."""
    kind: PieceKind = "note"
    joined: bool = False
    """Split from the paragraph of the piece before: printed in it, after a space."""
    line_kind: Literal["heading", "bullet", "text"] = "text"
    # a decision
    label: str | None = None
    """The word the decision is introduced by, as written ("RESOLVED", "Agreed",
    "APPROVED"); None when the minutes give it none."""
    outcome: Literal["carried", "lost", "withdrawn", "deferred"] | None = None
    mover: str | None = None
    seconder: str | None = None
    votes_for: int | None = None
    votes_against: int | None = None
    votes_abstain: int | None = None
    unanimous: bool = False
    named: dict[str, list[str]] = field(
        default_factory=lambda: {"for": [], "against": [], "abstain": []})
    """Members by how they voted, in a recorded or roll-call vote."""
    # a question, its answer, an action (or a decision that gives someone work)
    asker: str | None = None
    responder: str | None = None
    owner: str | None = None
    due: dt.date | None = None
    cells: tuple[str, ...] = ()
    """The cells of the table row the piece's line was (see ``Line.cells``); a piece cut
    from a line has none, its part of the line being no row."""

    @property
    def voted(self) -> bool:
        """Whether the piece records a vote (counts, names or unanimity)."""
        return self.unanimous or any(
            count is not None for count in (self.votes_for, self.votes_against,
                                            self.votes_abstain)) or any(self.named.values())


def paragraphs(pieces: list[Piece]) -> list[str]:
    """The paragraphs the pieces were read from: each piece, with the ``joined`` ones
    after it, one space apart. A pass is right only if this is unchanged by it."""
    found: list[str] = []
    for piece in pieces:
        if piece.joined and found:
            found[-1] = f"{found[-1]} {piece.text}"
        else:
            found.append(piece.text)
    return found


def split(piece: Piece, at: list[int]) -> list[Piece]:
    """``piece`` cut at the offsets ``at`` (each at a space, or where a part begins): the
    first keeps the piece's own ``joined``, the others are joined to it. Empty parts are
    dropped, so the words are always all kept, each once."""
    cuts = [0, *sorted(set(at)), len(piece.text)]
    parts = [piece.text[start:end].strip() for start, end in zip(cuts, cuts[1:])]
    kept = [text for text in parts if text]
    return [Piece(text, piece.kind, piece.joined if n == 0 else True, piece.line_kind)
            for n, text in enumerate(kept)]
