"""Which agenda items were taken in private, and on what grounds, read from minutes.

An item is exempt when it comes after a resolution excluding the press and public (or
moving into closed, executive or private session) and before the meeting returns to open
session, or the public are asked to leave, or the items are "taken in committee"; when it
comes under a heading such as "PART 2", "Private business", "Reserved business" or
"In-committee items"; or when its own title marks it ("(EXEMPT)", "Confidential",
"(reserved)"). The grounds are the Schedule 12A
paragraph where one is given, else the law or reason as the minutes state it.

The item holding the exclusion resolution is public (its words were spoken in public),
unless the private business itself is minuted after the resolution under it. A heading
such as "Closed session" read as an item is public when it only announces what follows
or holds the motion; it is exempt when it minutes the private business itself, or tells
of a closed session held under it. A private run ends where the meeting is said to be
open again ("opened to the public", "reconvened in open session", a "Reconvene to open
session" item) and at the business that closes every meeting (the adjournment, the date
of the next meeting, a by-law confirming the proceedings); when a closed session was
opened and ended under one item, its sub-items that follow are that session's business.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

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
    r"|(?:went|go|move|moved)\s+in[- ]camera|sitting\s+in[- ]camera"
    r"|(?:enter|entered|entering)\s+(?:a\s+|the\s+)?(?:closed|executive|private|confidential"
    r"|in[- ]camera)\s+(?:session|meeting)"
    r"|clos(?:e|es|ed|ing)\s+the\s+meeting\s+to\s+(?:the\s+)?(?:press\s+and\s+(?:the\s+)?)?public"
    r"|meeting\s+(?:be|was|is|being)\s+closed\s+to\s+(?:the\s+)?(?:press\s+and\s+(?:the\s+)?)?public"
    r"|(?:move|moved|went|go|proceed|proceeded)\s+into\s+(?:the\s+)?public[- ]excluded"
    r"|(?:taken|take|consider|considered|dealt\s+with|deal\s+with|discuss|discussed)\s+(?:\w+\s+){0,5}?in[- ]committee"
    r"(?!\s+(?:of|on|stage)\b)"
    r"|(?:public|press|media|gallery|observers|visitors)\s+(?:and\s+(?:the\s+)?\w+\s+)?(?:were|was|be|are|being)\s+"
    r"(?:asked|requested|invited|required)\s+to\s+(?:leave|withdraw|vacate)\b"
    r"(?=\s{0,3}(?:$|[.,;]|(?:the\s+)?(?:room|chamber|meeting|hall|gallery|building|for|while|during)\b)))\b",
    re.IGNORECASE)
_BACK = (r"(?:re-?convene[ds]?|resume[sd]?|returned|returns?|re-?opened|re-?entered|came\s+back|moved\s+back"
         r"|went\s+back|go\s+back|rose|rise[ns]?|rising)")
_OPEN = r"(?:open|public|regular)\s+(?:session|meeting|business|council|part)"
_CLOSED = r"(?:closed|executive|private|confidential|in[- ]camera|public[- ]excluded)\s+(?:session|meeting|business|part)"
_RETURNS = re.compile(
    r"\b(?:" + _BACK + r"\s+(?:\w+\s+){0,4}?(?:in|into|to)\s+(?:the\s+|an?\s+)?" + _OPEN
    + r"|" + _BACK + r"\s+(?:\w+\s+){0,4}?from\s+(?:the\s+|its\s+)?" + _CLOSED +
    r"|re-?convened\s+(?:the\s+)?(?:open|public|regular)\s+(?:session|meeting)"
    r"|(?:open|public|regular)\s+(?:session|meeting)\s+(?:was\s+|were\s+|then\s+)?(?:resumed|re-?convened|re-?opened)"
    r"|(?:press\s+and\s+)?public\s+(?:were\s+)?(?:re-?admitted|readmitted|invited\s+back|returned)"
    r"|(?:press\s+and\s+)?public\s+(?:was|were|be|being)\s+(?:re-?admitted|readmitted|invited\s+back)"
    r"|out\s+of\s+" + _CLOSED + r"|out\s+of\s+public[- ]excluded"
    r"|(?:meeting|session)\s+(?:be\s+|was\s+|is\s+|being\s+|were\s+)?(?:re-?)?opened\s+to\s+(?:the\s+)?"
    r"(?:press\s+and\s+(?:the\s+)?)?public"
    r"|(?:re-?)?open(?:s|ed)?\s+the\s+meeting\s+to\s+(?:the\s+)?(?:press\s+and\s+(?:the\s+)?)?public"
    r"|\b(?:rise|rose|rising)\s+(?:from\s+(?:the\s+)?" + _CLOSED + r"\s+)?(?:and|to)\s+report)\b", re.IGNORECASE)
_PRIVATE_HEADING = re.compile(
    r"^\W{0,3}(?:part\s+(?:2|ii|two|b)\b(?!\s*(?:of|\())|private\s+(?:business|session|items?|section|agenda|"
    r"meeting|and\s+confidential)|in\s+private\b|confidential\s+(?:business|items?|session|section|"
    r"matters)|exempt\s+(?:business|items?|information|session|section|report)s?|closed\s+(?:session|"
    r"meeting)|executive\s+session|(?:in[- ]camera|public\s+excluded)(?:\s+(?:session|meeting|business|items?|section))?"
    r"|(?:restricted|reserved)\s+(?:business|items?|section)|in[- ]committee\s+(?:business|items?|matters|session|section)"
    r"|(?:business|items?|matters)\s+(?:taken|considered)\s+in[- ]committee)",
    re.IGNORECASE)
_PUBLIC_HEADING = re.compile(
    r"^\W{0,3}(?:part\s+(?:1|i|one|a)\b(?!\s*(?:of|\())|open\s+(?:session|meeting|business)|public\s+"
    r"(?:session|business|items?)|non[- ]confidential)", re.IGNORECASE)
_TITLE_MARK = re.compile(r"\b(?:EXEMPT|CONFIDENTIAL|NOT FOR PUBLICATION)\b")  # in capitals only
_TITLE_WORDS = re.compile(
    r"\(\s*(?:exempt|confidential|private|not\s+for\s+publication|part\s+(?:2|ii)|closed|in[- ]camera)\b[^)]{0,80}\)"
    r"|[-–—:]\s*(?:exempt|confidential|private|not\s+for\s+publication)\b[^-–—]{0,60}$"
    r"|^\W{0,3}(?:exempt|confidential|private\s+and\s+confidential|in[- ]camera|closed\s+session)\b\s*[-–—:]"
    r"|\(\s*(?:reserved|restricted|(?:taken\s+)?in[- ]committee)(?:\s+(?:business|item))?\s*\)"
    r"|\b(?:closed|executive)\s+session\b|\bin[- ]camera\b", re.IGNORECASE)
_EXCLUSION_TITLE = re.compile(
    r"\bexclusion\s+of\s+(?:the\s+)?(?:press|public)|\b(?:press|public)\s+(?:and\s+public\s+)?excluded\b"
    r"|\bexclude\s+the\s+(?:press|public)|\bresolution\s+to\s+exclude", re.IGNORECASE)
# An item whose heading says the meeting came back into open session, or a report of
# what was done in the closed session, made once back in public.
_RETURN_TITLE = re.compile(
    r"^\W{0,3}(?:re-?convene[ds]?|return(?:ed|s)?|resumed?|re-?enter(?:ed)?|back)\s+(?:\w+\s+){0,3}?"
    r"(?:open|public|regular)\s+(?:session|meeting|business|part)\b"
    r"|^\W{0,3}re-?convened?\W{0,3}$|\b(?:rise|rose)\s+and\s+report|\breport\s+out\b"
    r"|\breport\s+(?:\w+\s+){0,4}?(?:from|out\s+of|in)\s+(?:the\s+)?(?:closed|in[- ]camera|executive)\s+session",
    re.IGNORECASE)
# The business that closes a meeting, held in public after any private items: the
# adjournment, the date of the next meeting, a by-law confirming the proceedings; its
# title may still begin with a minute number the layout did not split off ("PL.7/24.12").
_CLOSING_TITLE = re.compile(
    r"\W{0,3}(?:(?:[A-Z]{1,6}\.?\s?)?\d{1,4}(?:[./-]\d{1,4}){0,3}[.)]?\s{1,3})?(?:(?:adjournment|adjourn)(?:\s+of\s+(?:the\s+)?meeting)?|close\s+of\s+(?:the\s+)?meeting|closure(?:\s+of\s+(?:the\s+)?meeting)?"
    r"|meeting\s+closed?|closing(?:\s+of\s+(?:the\s+)?meeting)?|termination(?:\s+of\s+(?:the\s+)?meeting)?"
    r"|(?:dates?|date,?\s+time\s+and\s+(?:place|venue)|date\s+and\s+time)\s+of\s+(?:the\s+)?(?:next|future)\s+meetings?"
    r"|(?:the\s+)?next\s+meeting(?:\s+date)?|confirm(?:ing|atory|ation)\s+by-?\s?law(?:\s+no\.?\s*[\w-]{1,12})?"
    r"|by-?\s?law\s+(?:no\.?\s*[\w-]{1,12}\s+)?to\s+confirm\s+(?:the\s+)?proceedings[\w ,]{0,60})\W{0,3}",
    re.IGNORECASE)
# An exclusion made by a motion or resolution, in public, rather than a narrative that
# the body went into closed session (under that heading, the session itself).
_FORMAL = re.compile(
    r"^\W{0,3}(?:resolved|that\b|moved|seconded|carried|resolution\b|council\s+resolution|motion\b|"
    r"it\s+was\s+(?:moved|resolved|agreed|proposed)|(?:up)?on\s+(?:a\s+)?motion|proposed)"
    r"|\bmotion\b|\bmoved\s+by\b|\bseconded\b|\bresolved\b|\bcarried\b", re.IGNORECASE)
# A heading's only line saying there was no such business.
_NONE = re.compile(
    r"\W{0,3}(?:none|nil|n/a|no\s+(?:\w+\s+){0,3}?(?:items?|business|matters?|reports?)(?:\s+(?:\w+\s+){0,4}?"
    r"(?:considered|raised|taken|discussed|received))?|there\s+(?:were|was|are|is)\s+(?:none|no\s+(?:\w+\s+){0,3}?"
    r"(?:items?|business|matters?|reports?)(?:\s+(?:\w+\s+){0,4}?(?:considered|raised|taken|discussed|received|to\s+"
    r"consider))?))\W{0,3}$", re.IGNORECASE)
_SESSION_WORD = re.compile(r"\bsession\b|\bin[- ]camera\b", re.IGNORECASE)
_RESOLUTION_LINE = re.compile(
    r"\W{0,3}(?:resolved|minutes:|that\b|moved|seconded|carried|lost|resolution\b|council\s+resolution|motion\b"
    r"|(?:for|against|abstentions?|ayes?|nays?|noes)\b\s{0,3}[:\-–]?\s{0,3}\d|it\s+was\s+(?:moved|resolved|agreed))",
    re.IGNORECASE)
# The words of an exclusion resolution's statement of the items and the grounds.
_GROUNDS_TALK = re.compile(
    r"\b(?:grounds?|reasons?\s+for\s+passing|general\s+subject|subject\s+matter|exempt\s+information"
    r"|schedule\s+12\s?a|interests?\s+protected|section\s+\d|s\s?\d{1,3}\s?\()", re.IGNORECASE)
_PARAGRAPHS = re.compile(
    r"\bparagraphs?\s+(?P<numbers>[1-7](?:\s*(?:,|and|&|or)\s*[1-7]){0,6})\b(?P<where>[^.;]{0,60}?"
    r"\bschedule\s+12\s?a\b)?", re.IGNORECASE)
_SCHEDULE = re.compile(r"schedule\s+12\s?a", re.IGNORECASE)
# The statute's full name: a jurisdiction in brackets ("(Scotland)", "(Northern Ireland)")
# before or after "Act", a colon in a long title, and the year, are all part of it.
_JURISDICTION = r"\(\s?[A-Z][A-Za-z]{1,20}(?:\s[A-Z][A-Za-z]{1,20}){0,3}\s?\)"
_CITED_IN = (r"(?:\s+of\s+the\s+[A-Z](?:[\w'’-]|[ :](?=\s?[\w(])|" + _JURISDICTION + r"){0,80}?"
             r"(?:Act|Regulations?|Code|Ordinance|Law)(?:\s?" + _JURISDICTION + r")?(?:,?\s+(?:\d{4}|\(\d{4}\)))?)?")
# Reasons in a few plain words after a bare citation ("s7(2)(h) commercial activities"),
# up to a dash, a stop or the line's end; never a joining word that leads on into prose.
_REASON = r"(?:(?:\s+(?!(?:of|to|and|in|the|for|as|on|by|that|which)\b)[a-z]{3,20}){1,4}(?=\s{0,3}(?:[-–—;,.)]|$)))?"
_BASIS = re.compile(
    r"(?P<basis>(?:[A-Z][a-z]+\s+)?(?:Statutes?|Statute)\s+(?:§\s*)?[\d][\w.()]{0,20}"
    r"|(?:[A-Z][a-z]+\s+)?Code\s+[Ss]ection\s+\d[\w.]{0,12}(?:\s*\(\s*\w{1,3}\s*\)){0,4}"
    r"|(?:[Ss]ection|[Ss]ections|SECTION|s\.)\s*\d[\w.]{0,10}(?:\s*\(\s*\w{1,3}\s*\)){0,4}"
    r"(?:\s*(?:and|,)\s*(?:\(\s*\w{1,3}\s*\)){1,3}){0,4}" + _CITED_IN +
    r"|\bs\s?\d{1,4}[A-Z]{0,2}(?:\s?\(\s?\w{1,3}\s?\)){1,4}" + _REASON +
    r"|\b[A-Z]{2,5}\s+\d{1,3}(?:-\d{1,4}){1,3}(?:\s?\(\s?\w{1,3}\s?\)){0,4}"
    r"|§\s*[\d][\w.()]{0,20}"
    r"|commercially\s+sensitive|legal(?:ly)?\s+privilege[d]?|personnel\s+matters?|labou?r\s+(?:relations|negotiations?)"
    r"|pending\s+litigation|real\s+(?:estate|property)\s+(?:matters?|negotiations?))")
# Words that every match of _EXCLUDES (or of _RETURNS) holds: most lines hold none, and
# a line is searched with the long pattern only when it does.
_EXCLUDES_NEEDS = ("exclu", "session", "meeting", "camera", "committee", "leave", "withdraw", "vacate")
_RETURNS_NEEDS = ("session", "meeting", "business", "public", "report", "council", "part")
_LISTED = re.compile(r"^\s{0,8}(?:minute\s+no\.?\s*|item\s+)?(?P<number>\d{1,4}(?:\.\d{1,3}){0,2}[a-z]?)\b\.?\s{1,12}\S",
                     re.IGNORECASE)
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
    held_under: str | None = None
    """The item under which a closed session was held and ended: its sub-items that
    follow are the business of that session."""
    held_grounds: tuple[int | None, str | None] = (None, None)
    item_grounds: dict[str, tuple[int | None, str | None]] = field(default_factory=dict)
    """The grounds an exclusion resolution's table gives for each item it names."""

    def enter(self, text: str) -> None:
        """Into private business on the grounds ``text`` states; a heading that states
        none (a "PART B" after the resolution) keeps the resolution's."""
        paragraph, basis = _grounds(text)
        if self.private and paragraph is None and basis is None:
            return
        self.private, self.paragraph, self.basis = True, paragraph, basis

    def leave(self) -> None:
        self.private, self.paragraph, self.basis, self.listed = False, None, None, None
        self.held_under = None


def _norm(number: str | None) -> str:
    return re.sub(r"[^a-z0-9]", "", (number or "").lower()).lstrip("0")


def _listed(lines: list[str]) -> dict[str, tuple[int | None, str | None]]:
    """The minute numbers an exclusion resolution lists ("53  Disposal of land", "4.2
    Lease - s7(2)(i)"), each with the grounds its line states."""
    numbers = {}
    for text in lines:
        match = _LISTED.match(text)
        if match and len(text) < 200:
            numbers[_norm(match.group("number"))] = _grounds(text)
    return numbers


def _sub_item(number: str | None, parent: str | None) -> bool:
    """Whether ``number`` numbers a sub-item of the item numbered ``parent`` ("8.2" of
    "8", "B" of "III")."""
    number, parent = (number or "").strip(" ."), (parent or "").strip(" .")
    if not number or not parent or number == parent:
        return False
    if number.startswith(parent) and re.match(r"\s?[.(/-]?\s?[a-z0-9]", number[len(parent):], re.IGNORECASE):
        return not (parent[-1].isdigit() and number[len(parent)].isdigit())
    lettered = re.fullmatch(r"\(?(?:[a-z]|[ivx]{1,5})\)?", number, re.IGNORECASE)
    return bool(lettered) and not re.fullmatch(r"\(?[a-z]\)?", parent, re.IGNORECASE)


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
        if _excludes(text) or _RESOLUTION_LINE.match(text) or _GROUNDS_TALK.search(text):
            continue  # the resolution itself, its table of items and grounds, in public
        if _PROSE.match(text) and not _LISTED.match(text):
            return True
    return False


def _out_and_back(text: str) -> bool:
    """Whether ``text`` tells of going into closed session and then coming back."""
    if not (_may_hold(text, _EXCLUDES_NEEDS) and _may_hold(text, _RETURNS_NEEDS)):
        return False
    into, back = _EXCLUDES.search(text), _RETURNS.search(text)
    return bool(into and back and into.start() < back.start())


def _formal(texts: list[str], n: int) -> bool:
    """Whether the exclusion at ``texts[n]`` was made by a motion or resolution."""
    return any(_FORMAL.search(text[:400]) for text in texts[max(0, n - 3):n + 2])


@dataclass
class _Reading:
    """What one item's lines say, in order."""

    excluded: bool = False  # a statement excluding the public, or going into closed session
    formal: bool = False  # ... made by a motion or resolution
    returned_first: bool = False  # back in public before this item's business
    held: bool = False  # went into closed session and came back, both under this item
    private_body: bool = False  # private business minuted after the resolution


def _read_lines(texts: list[str], state: _State, opening: bool, numbers: set[str]) -> _Reading:
    """Follow the item's lines, updating ``state`` as the meeting goes into and out of
    private session."""
    reading = _Reading()
    for n, text in enumerate(texts):
        if _returns(text) and not _out_and_back(text):
            if not state.private and not reading.private_body:
                continue
            reading.returned_first = reading.returned_first or n == 0
            reading.held = reading.held or reading.excluded
            state.leave()
            continue
        if _excludes(text) and not re.search(r"\bpublic\s+excluded\s+meeting\b", text, re.IGNORECASE):
            _exclusion_at(texts, n, state, reading, numbers)
            continue
        short = len(text) < 100 and not opening
        if short and _PRIVATE_HEADING.match(text):
            state.enter(text)
        elif short and _PUBLIC_HEADING.match(text):
            state.leave()
    return reading


def _exclusion_at(texts: list[str], n: int, state: _State, reading: _Reading, numbers: set[str]) -> None:
    """Into private session at ``texts[n]``, on the grounds and for the items it states."""
    reading.excluded = True
    reading.formal = reading.formal or _formal(texts, n)
    if _out_and_back(texts[n]):  # in and out again in one sentence or paragraph
        reading.held = True
        state.leave()
        return
    state.enter(" ".join(texts[n:n + 3]))
    listed = _listed(texts[n + 1:])
    state.item_grounds.update(listed)
    # One stray number ("10.15 am ...") is no list unless it names an item here.
    state.listed = set(listed) if set(listed) & numbers or len(listed) > 1 else None
    reading.private_body = reading.private_body or _private_business(texts[n + 1:n + 12])


_Grounds = tuple[int | None, str | None]


def _private(state: _State, number: str | None, own: _Grounds = (None, None),
             carried: _Grounds | None = None) -> Exemption:
    """An exempt item, on its own grounds, else those the resolution gave for it, else
    those of the private session it began in (``carried``) or is in."""
    paragraph, basis = own
    if paragraph is None and basis is None:
        paragraph, basis = state.item_grounds.get(_norm(number), (None, None))
    if paragraph is None and basis is None:
        paragraph, basis = carried if carried is not None else (state.paragraph, state.basis)
    return Exemption(True, paragraph, basis)


def _turn_back(number: str | None, state: _State) -> None:
    """End private items listed out of order once the agenda's numbering turns back."""
    found = re.match(r"\D{0,6}(\d{1,6})", number or "")
    if found and state.last_number is not None and state.private and not state.listed \
            and int(found.group(1)) < state.last_number:
        state.leave()
    if found:
        state.last_number = int(found.group(1))


def _is_heading(title: str, number: str | None, opening: bool) -> bool:
    """Whether the item is a part heading ("PART 2", "Closed session") that sets whether
    what follows is private."""
    return not opening and len(title.split()) <= 8 and not number and bool(
        _PRIVATE_HEADING.match(title) or _PUBLIC_HEADING.match(title)) or bool(
        _PRIVATE_HEADING.fullmatch(title.strip(" .:")) or _PUBLIC_HEADING.match(title))


def _item_exemption(item: ItemBlock, state: _State, opening: bool = False,
                    numbers: frozenset[str] = frozenset()) -> Exemption:
    """The item's own exemption, the state carried into the next item updated. In the
    minutes' ``opening`` (their heading, the call to order, attendance) a heading naming
    the meeting a closed or executive session is the meeting's name, not a part of it
    taken in private: only a statement that the press and public were excluded, or that
    the meeting went into closed session, turns what follows private."""
    title = item.title or ""
    texts = [line.text[:MAX_LINE] for line in item.lines]
    _turn_back(item.number, state)
    held_sub_item = state.held_under is not None and _sub_item(item.number, state.held_under)
    if not held_sub_item:
        state.held_under = None
    reopens = not opening and bool(_RETURN_TITLE.search(title[:MAX_LINE])
                                   or _CLOSING_TITLE.fullmatch(title[:200]))
    if reopens:  # back in public, or the business that closes every meeting
        state.leave()
        held_sub_item = False
    exclusion_title = bool(_EXCLUSION_TITLE.search(title))
    marked = not opening and not reopens and not exclusion_title and bool(
        _TITLE_WORDS.search(title) or _TITLE_MARK.search(title))
    starts_private = state.private and (not state.listed or _norm(item.number) in state.listed)
    own_grounds = _grounds(title) if marked else (None, None)
    carried = state.held_grounds if held_sub_item else (state.paragraph, state.basis)
    if exclusion_title:
        state.enter(" ".join([title] + texts))
    heading = not reopens and _is_heading(title, item.number, opening)
    if heading:
        marked = False
        if _PRIVATE_HEADING.match(title):
            state.enter(title)
        else:
            state.leave()
    reading = _read_lines(texts, state, opening, set(numbers))
    if reading.held:
        state.held_under, state.held_grounds = item.number, _grounds(" ".join(texts[:12]))
    if state.private and not starts_private and item.number and _grounds(title) != (None, None):
        state.item_grounds.setdefault(_norm(item.number), _grounds(title))
    return _decide(item, state, reading, _Flags(heading, marked, exclusion_title, starts_private,
                                                held_sub_item, own_grounds, carried))


@dataclass(frozen=True)
class _Flags:
    heading: bool
    marked: bool
    exclusion_title: bool
    starts_private: bool
    held_sub_item: bool
    own_grounds: tuple[int | None, str | None]
    carried: tuple[int | None, str | None]
    """The grounds of the private session the item began in."""


def _decide(item: ItemBlock, state: _State, reading: _Reading, flags: _Flags) -> Exemption:
    """Whether the item itself was taken in private, from its heading and lines."""
    texts = [line.text[:MAX_LINE] for line in item.lines]
    if flags.heading and _PRIVATE_HEADING.match(item.title or ""):
        return _private_heading(item, state, reading, texts)
    if flags.heading:
        return PUBLIC
    if flags.marked:
        paragraph, basis = flags.own_grounds
        if paragraph is None and basis is None and flags.starts_private:
            paragraph, basis = flags.carried
        if paragraph is None and basis is None:
            paragraph, basis = _grounds(" ".join(texts[:3]))
        return Exemption(True, paragraph, basis)
    if flags.exclusion_title or reading.excluded and not flags.starts_private:
        return _private(state, item.number) if reading.private_body else PUBLIC
    if flags.held_sub_item:
        return _private(state, item.number, _grounds(" ".join(texts[:3])), flags.carried)
    if flags.starts_private and not reading.returned_first:
        return _private(state, item.number, carried=flags.carried)
    return PUBLIC


def _private_heading(item: ItemBlock, state: _State, reading: _Reading, texts: list[str]) -> Exemption:
    """A heading that opens private business ("Confidential items", "Closed session")
    read as an item. It is public when it only announces what follows, or holds the
    resolution excluding the public; it is the private business itself when its lines
    minute that business, or tell of a closed session held under it."""
    grounds = _grounds(" ".join([item.title or ""] + texts[:3]))
    if reading.excluded:
        session = bool(_SESSION_WORD.search(item.title or ""))
        if reading.private_body or reading.held and not reading.formal or session and not reading.formal:
            return _private(state, item.number, grounds)
        return PUBLIC
    if reading.returned_first:
        return PUBLIC
    if texts and _NONE.match(texts[0]) and not any(_PROSE.match(text) for text in texts[1:]):
        state.leave()  # "There were no confidential items."
        return PUBLIC
    if any(_PROSE.match(text) for text in texts):
        return _private(state, item.number, grounds)
    return PUBLIC


def exemptions(layout: Layout, opening: bool = False) -> list[Exemption]:
    """For each of the meeting's items, in order, whether it was exempt and why; with
    ``opening``, the first item is the minutes' opening (heading and attendance)."""
    state = _State()
    numbers = frozenset(_norm(item.number) for item in layout.items if item.number)
    return [_item_exemption(item, state, opening=opening and n == 0, numbers=numbers)
            for n, item in enumerate(layout.items)]
