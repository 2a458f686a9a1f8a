"""Which agenda items were taken in private, and on what grounds, read from minutes.

An item is exempt when it comes after a resolution excluding the press and public (or
moving into closed, executive or private session) and before the meeting returns to open
session; when it comes under a heading such as "PART 2" or "Private business"; or when
its own title marks it ("(EXEMPT)", "Confidential"). The grounds are the Schedule 12A
paragraph where one is given, else the law or reason as the minutes state it.

The item holding the exclusion resolution is public (its words were spoken in public),
unless the private business itself is minuted after the resolution under it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from clerk_tui.importer.blocks import ItemBlock, Layout

MAX_LINE = 20_000  # characters of a line searched; a longer one is read only so far


@dataclass(frozen=True)
class Exemption:
    """Whether an item was taken in private, and why."""

    exempt: bool
    paragraph: int | None = None
    """The Schedule 12A paragraph (1 to 7), where the minutes give one."""
    basis: str | None = None
    """The grounds in the minutes' words when they are not one paragraph number."""


PUBLIC = Exemption(False)

_EXCLUDES = re.compile(
    r"\b(?:(?:press|public|press\s+and\s+(?:the\s+)?public|public\s+and\s+(?:the\s+)?press)\s+"
    r"(?:be|were|are|was|being)\s+excluded"
    r"|exclu(?:de|ded|ding|sion\s+of)\s+(?:the\s+)?(?:press|public|members\s+of\s+the\s+public)"
    r"|(?:move|moved|go|went|enter|entered|resolve|resolved|adjourn|adjourned|recess|recessed|proceed"
    r"|proceeded|convene|convened|retire|retired)\s+(?:\w+\s+){0,6}?(?:into|to|in)\s+"
    r"(?:a\s+|the\s+)?(?:closed|executive|private|confidential|in[- ]camera)\s+(?:session|meeting)"
    r"|(?:held|hold|holding|continued|continue)\s+(?:a\s+|the\s+)?(?:closed|executive|private)\s+session"
    r"|(?:went|go|move|moved)\s+in[- ]camera|sitting\s+in[- ]camera)\b", re.IGNORECASE)
_RETURNS = re.compile(
    r"\b(?:(?:re-?convened?|resumed?|returned|return|re-?opened|came\s+back|moved\s+back|rose)\s+"
    r"(?:\w+\s+){0,4}?(?:in|into|to|from)\s+(?:the\s+)?(?:open|public|regular|closed|executive|private)"
    r"\s+(?:session|meeting|business)"
    r"|re-?convened\s+(?:the\s+)?(?:open|public|regular)\s+(?:session|meeting)"
    r"|(?:press\s+and\s+)?public\s+(?:were\s+)?(?:re-?admitted|readmitted|invited\s+back|returned)"
    r"|open\s+session\s+(?:resumed|reconvened)|out\s+of\s+(?:closed|executive|private)\s+session)\b", re.IGNORECASE)
_PRIVATE_HEADING = re.compile(
    r"^\W{0,3}(?:part\s+(?:2|ii|two|b)\b(?!\s*(?:of|\())|private\s+(?:business|session|items?|section|agenda|"
    r"meeting|and\s+confidential)|in\s+private\b|confidential\s+(?:business|items?|session|section|"
    r"matters)|exempt\s+(?:business|items?|information|session|section|report)s?|closed\s+(?:session|"
    r"meeting)|executive\s+session|in[- ]camera|public\s+excluded|restricted\s+(?:business|items?))",
    re.IGNORECASE)
_PUBLIC_HEADING = re.compile(
    r"^\W{0,3}(?:part\s+(?:1|i|one|a)\b(?!\s*(?:of|\())|open\s+(?:session|meeting|business)|public\s+"
    r"(?:session|business|items?)|non[- ]confidential)", re.IGNORECASE)
_TITLE_MARK = re.compile(r"\b(?:EXEMPT|CONFIDENTIAL|NOT FOR PUBLICATION)\b")  # in capitals only
_TITLE_WORDS = re.compile(
    r"\(\s*(?:exempt|confidential|private|not\s+for\s+publication|part\s+(?:2|ii)|closed|in[- ]camera)\b[^)]{0,80}\)"
    r"|[-–—:]\s*(?:exempt|confidential|private|not\s+for\s+publication)\b[^-–—]{0,60}$"
    r"|^\W{0,3}(?:exempt|confidential|private\s+and\s+confidential|in[- ]camera|closed\s+session)\b\s*[-–—:]"
    r"|\b(?:closed|executive)\s+session\b|\bin[- ]camera\b", re.IGNORECASE)
_EXCLUSION_TITLE = re.compile(
    r"\bexclusion\s+of\s+(?:the\s+)?(?:press|public)|\b(?:press|public)\s+(?:and\s+public\s+)?excluded\b"
    r"|\bexclude\s+the\s+(?:press|public)|\bresolution\s+to\s+exclude", re.IGNORECASE)
_PARAGRAPHS = re.compile(
    r"\bparagraphs?\s+(?P<numbers>[1-7](?:\s*(?:,|and|&|or)\s*[1-7]){0,6})\b(?P<where>[^.;]{0,60}?"
    r"\bschedule\s+12\s?a\b)?", re.IGNORECASE)
_SCHEDULE = re.compile(r"schedule\s+12\s?a", re.IGNORECASE)
_BASIS = re.compile(
    r"(?P<basis>(?:[A-Z][a-z]+\s+)?(?:Statutes?|Statute)\s+(?:§\s*)?[\d][\w.()]{0,20}"
    r"|(?:Section|Sections|s\.)\s*\d[\w.]{0,10}(?:\s*\(\s*\w{1,3}\s*\)){0,4}(?:\s*(?:and|,)\s*\(\s*\w{1,3}\s*\)){0,4}"
    r"(?:\s+of\s+the\s+[A-Z][\w ]{0,60}?Act(?:,?\s+\d{4})?)?"
    r"|§\s*[\d][\w.()]{0,20}"
    r"|commercially\s+sensitive|legal(?:ly)?\s+privilege[d]?|personnel\s+matters?|labou?r\s+(?:relations|negotiations?)"
    r"|pending\s+litigation|real\s+(?:estate|property)\s+(?:matters?|negotiations?))")
# Words that every match of _EXCLUDES (or of _RETURNS) holds: most lines hold none, and
# a line is searched with the long pattern only when it does.
_EXCLUDES_NEEDS = ("exclu", "session", "meeting", "camera")
_RETURNS_NEEDS = ("session", "meeting", "business", "public")
_LISTED = re.compile(r"^\s{0,8}(?:minute\s+no\.?\s*|item\s+)?(?P<number>\d{1,4}[a-z]?)\b\s{1,12}\S", re.IGNORECASE)
_PROSE = re.compile(r"^[A-Z][^()]{0,40}\b[a-z]{3,}\b[^()]{0,200}\b[a-z]{3,}\s+[a-z]{2,}")


def _grounds(text: str) -> tuple[int | None, str | None]:
    """The Schedule 12A paragraph (or several, as stated) and other grounds in ``text``."""
    text = text[:MAX_LINE]
    match = _PARAGRAPHS.search(text)
    if match and (match.group("where") or _SCHEDULE.search(text) or "exempt" in text.lower()):
        numbers = re.findall(r"[1-7]", match.group("numbers"))
        if len(numbers) == 1:
            return int(numbers[0]), None
        return int(numbers[0]), match.group(0).strip()
    basis = _BASIS.search(text)
    if basis:
        return None, basis.group("basis").strip()
    return None, None


@dataclass
class _State:
    private: bool = False
    paragraph: int | None = None
    basis: str | None = None
    listed: set[str] | None = None  # the items an exclusion resolution names, if any
    last_number: int | None = None  # the number of the item before, to see the order turn back

    def enter(self, text: str) -> None:
        self.private = True
        self.paragraph, self.basis = _grounds(text)

    def leave(self) -> None:
        self.private, self.paragraph, self.basis, self.listed = False, None, None, None


def _norm(number: str | None) -> str:
    return re.sub(r"[^a-z0-9]", "", (number or "").lower()).lstrip("0")


def _listed_numbers(lines: list[str]) -> set[str]:
    """The minute numbers an exclusion resolution lists ("53  Disposal of land")."""
    numbers = set()
    for text in lines:
        match = _LISTED.match(text)
        if match and len(text) < 200:
            numbers.add(_norm(match.group("number")))
    return numbers


# The letters outside ASCII that Python's patterns match to these words' letters when
# ignoring case, though lowering them gives another letter ("ſ" is an "s"; lowered, "İ"
# is "i" and a combining dot).
_FOLD = str.maketrans({"İ": "i", "ı": "i", "ſ": "s"})


def _may_hold(text: str, words: tuple[str, ...]) -> bool:
    """Whether ``text`` holds one of ``words`` (lower-case ASCII), ignoring case as the
    patterns do: when it does not, no pattern needing one of them can match."""
    if not text.isascii() and ("İ" in text or "ı" in text or "ſ" in text):
        text = text.translate(_FOLD)
    lowered = text.lower()
    return any(word in lowered for word in words)


def _excludes(text: str) -> bool:
    """Whether ``text`` excludes the press and public or goes into closed session."""
    return _may_hold(text, _EXCLUDES_NEEDS) and bool(_EXCLUDES.search(text))


def _returns(text: str) -> bool:
    """Whether ``text`` says the meeting came back into open session."""
    return _may_hold(text, _RETURNS_NEEDS) and bool(_RETURNS.search(text))


def _private_business(later: list[str]) -> bool:
    """Whether private business is minuted in ``later`` (the lines after an exclusion
    resolution under the same item), before any return to open session."""
    for text in later:
        if _returns(text):
            return False
        if _excludes(text) or re.match(r"\W*(?:resolved|minutes:|that\b)", text, re.IGNORECASE):
            continue  # the resolution itself, in public
        if _PROSE.match(text) and not _LISTED.match(text):
            return True
    return False


def _item_exemption(item: ItemBlock, state: _State, opening: bool = False) -> Exemption:
    """The item's own exemption, the state carried into the next item updated. In the
    minutes' ``opening`` (their heading, the call to order, attendance) a heading naming
    the meeting a closed or executive session is the meeting's name, not a part of it
    taken in private: only a statement that the press and public were excluded, or that
    the meeting went into closed session, turns what follows private."""
    title = item.title or ""
    texts = [line.text[:MAX_LINE] for line in item.lines]
    number = re.match(r"\D{0,6}(\d{1,6})", item.number or "")
    if number and state.last_number is not None and state.private and not state.listed \
            and int(number.group(1)) < state.last_number:
        state.leave()  # the private items were listed out of order; the agenda resumes
    if number:
        state.last_number = int(number.group(1))
    marked = not opening and bool(_TITLE_WORDS.search(title) or _TITLE_MARK.search(title)) and not _EXCLUSION_TITLE.search(title)
    starts_private = state.private and (
        not state.listed or _norm(item.number) in state.listed)
    own_grounds = _grounds(title) if marked else (None, None)
    private_body = False
    excluded_here = bool(_EXCLUSION_TITLE.search(title))
    if excluded_here:
        state.enter(" ".join([title] + texts))
    heading = not opening and len(title.split()) <= 8 and not item.number and bool(
        _PRIVATE_HEADING.match(title) or _PUBLIC_HEADING.match(title)) or bool(
        _PRIVATE_HEADING.fullmatch(title.strip(" .:")) or _PUBLIC_HEADING.match(title))
    if heading:  # a part heading read as an item: it sets what follows
        marked = False
        if _PRIVATE_HEADING.match(title):
            state.enter(title)
        else:
            state.leave()
    returned = False
    for n, text in enumerate(texts):
        if _returns(text):
            if not state.private and not private_body:
                continue
            returned = returned or n == 0  # back in public before this item's business
            state.leave()
            continue
        if _excludes(text) and not re.search(r"\bpublic\s+excluded\s+meeting\b", text, re.IGNORECASE):
            state.enter(" ".join(texts[n:n + 3]))
            excluded_here = True
            listed = _listed_numbers(texts[n + 1:])
            state.listed = listed or None
            private_body = private_body or _private_business(texts[n + 1:n + 12])
            continue
        short = len(text) < 100 and not opening
        if short and _PRIVATE_HEADING.match(text):
            state.enter(text)
        elif short and _PUBLIC_HEADING.match(text):
            state.leave()
    if heading:
        return PUBLIC
    if marked:
        paragraph, basis = own_grounds
        if paragraph is None and basis is None and starts_private:
            paragraph, basis = state.paragraph, state.basis
        if paragraph is None and basis is None:
            paragraph, basis = _grounds(" ".join(texts[:3]))
        return Exemption(True, paragraph, basis)
    if excluded_here:
        if private_body:
            return Exemption(True, state.paragraph, state.basis)
        return PUBLIC
    if starts_private and not returned:
        return Exemption(True, state.paragraph, state.basis)
    return PUBLIC


def exemptions(layout: Layout, opening: bool = False) -> list[Exemption]:
    """For each of the meeting's items, in order, whether it was exempt and why; with
    ``opening``, the first item is the minutes' opening (heading and attendance)."""
    state = _State()
    return [_item_exemption(item, state, opening=opening and n == 0)
            for n, item in enumerate(layout.items)]
