"""Decisions read in an agenda item's pieces: resolutions, motions, votes, movers.

The first of the importer's passes over an item. It marks the pieces that record what the
body decided ("RESOLVED – That …", "It was agreed …", "Moved by X to adopt. Motion
carried 7-0.", "The Board APPROVED …", a numbered decision's parts) as resolutions, and
reads into their fields what the minutes say of the vote: the counts, names, unanimity,
outcome, mover and seconder. A paragraph holding a decision among other sentences is cut
so the decision is its own piece; a line holding only a vote or a mover ("Proposed by
Cllr A, seconded by Cllr B and") stays a note and gives its facts to the decision it
belongs to. No word is added, dropped or reworded: :func:`pieces.paragraphs` is the same
before and after.

Every pattern here is bounded (names of at most a few words, windows of a few hundred
characters), so a hostile line of a megabyte of spaces or digits is read in linear time.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from functools import lru_cache

from clerk_tui.importer import decision_shapes as shapes
from clerk_tui.importer.pieces import Piece, split

# --- clues ------------------------------------------------------------------------------

# Characters a case-blind pattern reads as an ASCII letter though lower() leaves them
# apart ("ſ" is an "s", "K" a "k"): a text holding one is read by the patterns alone.
_LOOKALIKES = re.compile("[\u0130\u0131\u017f\u212a]")


class _Clues:
    """The words of a sentence, lower-cased once, to rule patterns out quickly: a pattern
    needing one of some words cannot match a text holding none of them, so it is not run.
    Only a shortcut: whenever a word is there, the pattern decides."""

    __slots__ = ("every", "lower")

    def __init__(self, text: str) -> None:
        self.lower = text.lower()
        self.every = bool(_LOOKALIKES.search(text))

    def any(self, words: tuple[str, ...]) -> bool:
        """Whether the text may hold one of ``words`` (lower case, matched anywhere)."""
        if self.every:
            return True
        lower = self.lower
        for word in words:  # a plain loop: this runs for every pattern of every sentence
            if word in lower:
                return True
        return False


# --- sentences ----------------------------------------------------------------------------

# Words whose full stop ends no sentence ("Mr. Smith", "No. 4", "Cllr. Jones").
_ABBREVIATIONS = {
    "mr", "mrs", "ms", "miss", "dr", "prof", "rev", "revd", "cllr", "cllrs", "cr", "crs",
    "st", "no", "nos", "co", "inc", "ltd", "vs", "v", "etc", "e.g", "i.e", "approx", "cf",
    "sgt", "capt", "col", "gen", "hon", "jr", "sr", "prop", "sec", "para", "paras", "ref",
    "fig", "vol", "pp", "p", "ave", "rd", "mt", "ft", "dept", "corp", "assoc", "min",
}
# A full stop, question or exclamation mark and the spaces after it, where a capital, a
# bracket or a quote starts the next sentence; or the start of a motion or label after a
# colon or semicolon ("… AS AMENDED: Moved by …", "… 19 April RESOLUTION: That …").
_STOP = r"[.!?]['\"’”)]?[ \t]{1,40}(?=[A-Z(\"“'‘*•])"
_BEFORE_MOTION = r"(?<=[:;|])[ \t]{1,40}(?=(?:It was )?(?:Moved|MOVED|Proposed|PROPOSED|Motion|MOTION)\b)"
_BEFORE_LABEL = (r"(?<=[a-z0-9)])(?<!\bwas)(?<!\band)[ \t]{1,40}"
                 r"(?=(?:RESOLVED|RESOLUTION|DECISION)\b\s?[:–—-])")
_BOUNDARY = re.compile(f"{_STOP}|{_BEFORE_MOTION}|{_BEFORE_LABEL}")
# The same boundaries for a text that holds no motion's or label's word (most do not):
# what cannot match anywhere in it is not tried at every space.
_BOUNDARIES = {
    (True, True): _BOUNDARY,
    (True, False): re.compile(f"{_STOP}|{_BEFORE_MOTION}"),
    (False, True): re.compile(f"{_STOP}|{_BEFORE_LABEL}"),
    (False, False): re.compile(_STOP),
}
_MOTION_WORDS = ("Moved", "MOVED", "Proposed", "PROPOSED", "Motion", "MOTION")
_LABEL_CAPITALS = ("RESOLVED", "RESOLUTION", "DECISION")


def _boundaries(text: str) -> re.Pattern[str]:
    """:data:`_BOUNDARY`, without the parts that cannot match in ``text``."""
    motion = any(word in text for word in _MOTION_WORDS)
    return _BOUNDARIES[motion, any(word in text for word in _LABEL_CAPITALS)]


def sentences(text: str) -> list[tuple[int, int]]:
    """The sentences of ``text`` as (start, end) offsets, each from its first character,
    a title's full stop ("Mr.", "No.") or an initial's ("J. Smith") not ending one."""
    spans: list[tuple[int, int]] = []
    start = 0
    for found in _boundaries(text).finditer(text):
        stop = found.start()
        if text[stop] == "." and (_abbreviated(text, stop) or _marker(text[start:stop])):
            continue
        if found.end() < len(text) and stop + 1 > start:
            if (point := _next_point(text, start, stop)) is not None:
                spans.append((start, point))  # "1. Next meeting … 2. Roads": the "2." opens
                start = point + 1
                continue
            spans.append((start, stop + 1 if text[stop] in ".!?" else stop))
            start = found.end()
    spans.append((start, len(text)))
    return [(a, b) for a, b in spans if text[a:b].strip()]


_POINT_OPENING = re.compile(r"\s{0,3}\(?(?P<n>\d{1,2})[.)]\s")
_POINT_BEFORE_STOP = re.compile(r"\s(?P<n>\d{1,2})$")
# "see item 2.", "on page 2.": a number a reference ends with, not a point's
_POINT_REFERENCE = re.compile(r"(?i:\b(?:items?|minutes?|nos?|numbers?|pages?|paras?|paragraphs?|"
                              r"sections?|appendix|points?|clauses?|rules?|questions?|options?|"
                              r"phases?|stages?|years?|weeks?|days?|floors?|parts?|"
                              r"recommendations?))\.?$")


def _next_point(text: str, start: int, stop: int) -> int | None:
    """Where the next point of a run-on numbered list begins, when the full stop at
    ``stop`` is its number's ("1. Next meeting … agenda 2. Employment site …"): the space
    before the number, the sentence from ``start`` opening with the number before it."""
    opening = _POINT_OPENING.match(text, start, start + 8)
    if opening is None or text[stop] != ".":
        return None
    number = _POINT_BEFORE_STOP.search(text, max(start, stop - 4), stop)
    if number is None or int(number.group("n")) != int(opening.group("n")) + 1 \
            or _POINT_REFERENCE.search(text, max(start, number.start() - 24), number.start()):
        return None  # "… as at item 2." refers to an item
    return number.start()


def _marker(before: str) -> bool:
    """Whether the words before a full stop are only a part's number ("1", "a", "iv")."""
    return bool(re.fullmatch(r"\s{0,3}\(?(?:\d{1,3}|[a-zA-Z]|[ivxIVX]{1,5})\)?", before))


def _abbreviated(text: str, stop: int) -> bool:
    """Whether the full stop at ``stop`` closes a title, an initial or an abbreviation."""
    begin = max(0, stop - 12)
    word = re.search(r"[\w.]{1,12}$", text[begin:stop])
    if word is None:
        return False
    token = word.group().lower().lstrip(".")
    initials = bool(re.fullmatch(r"(?:[a-z]\.){1,3}[a-z]", token))  # "L.M. Ngata"
    return token in _ABBREVIATIONS or (len(token) == 1 or initials) and token[-1].isalpha() \
        and text[stop - 1].isupper()


# --- names --------------------------------------------------------------------------------

# A person as minutes name them: up to six capitalised words, initials, "(J)", "O’Dea",
# after an optional "the" ("the Deputy Mayor", "Councillor S. Martin", "Sheahan (J)").
_WORD = (r"(?:(?!(?:CARRIED|LOST|RESOLUTION|RESOLVED|SECONDED|MOVED|MOTION|THAT|AND|ACCEPTED|"
         r"APPROVED|UNANIMOUS|UNANIMOUSLY|DEFEATED|WITHDRAWN|Seconded|Second|Proposed|Moved|"
         r"Carried|Agreed|Resolved|Unanimously|All|Motion|Seconder|SECONDER|Mover|MOVER)\b)[A-Z][\w'’.\-]{0,30}|\([A-Z]{1,3}\)|(?:de|van|von|der|le|la|da)(?=\s[A-Z]))")
NAME = rf"(?:(?:the|The)\s{{1,3}})?{_WORD}(?:\s{{1,3}}{_WORD}){{0,5}}"
# "Second" and "2nd" second a motion ("Second: B", "2nd Mr Ward") unless they count
# something: "the second Tuesday", "PASSED TO SECOND READING", "on the 2nd Floor".
_ORDINAL_AFTER = (r"(?!\s{1,3}(?i:readings?|floors?|phases?|stages?|quarters?|times?|rounds?|terms?|"
                  r"half|years?|weeks?|months?|items?|meetings?|votes?|tiers?|editions?|class|"
                  r"schedule|page|paragraph|part|draft|monday|tuesday|wednesday|thursday|"
                  r"friday|saturday|sunday|january|february|march|april|may|june|july|august|"
                  r"september|october|november|december)\b)")
_ORDINAL_BEFORE = (r"(?<!\bthe\s)(?<!\bThe\s)(?<!\bTHE\s)(?<!\bto\s)(?<!\bTO\s)(?<!\ba\s)"
                   r"(?<!\bA\s)(?<!\bon\s)(?<!\bits\s)(?<!\bfor\s)(?<!\bFOR\s)(?<!\bON\s)")
# ("MOTION by A, SUPPORTED by B": a seconder as US townships write it)
_SECONDED = (r"(?:[Ss]econded|SECONDED|[Ss]econder|SECONDER|"
             rf"{_ORDINAL_BEFORE}(?:[Ss]econd|SECOND|2nd){_ORDINAL_AFTER}|[Ss]ec\.|"
             r"(?:[Ss]upported|SUPPORTED)(?=\s{1,3}(?:by|BY)\b))")
# A member's title, after which a mover needs no "by" ("Moved Cr Ferris", "Proposed Cllr A")
_TITLE = (r"(?:Cr|CR|Crs|Cllr|CLLR|Cllrs|Councillor|COUNCILLOR|Councilman|Councilwoman|"
          r"Councilmember|Council\s+Member|Mr|MR|Mrs|MRS|Ms|MS|Miss|Dr|DR|Prof|Rev|Revd|"
          r"Trustee|TRUSTEE|Director|Governor|Commissioner|Alderman|Alderwoman|Alderperson|"
          r"Supervisor|Member|MEMBER|Mayor|MAYOR|Deputy\s+Mayor|Bailie|Provost|Regent|"
          r"Selectman|Selectwoman|Trustee|Vice[\s-](?:Chair|Mayor|President)|Chair|Chairman|Chairperson)\.?(?=\s)")
_MOVED_WORD = r"(?:[Mm]oved|MOVED|[Pp]roposed|PROPOSED)"
# "The Board moved into closed session": a body going somewhere, no motion
# "Cllr A moved the following motion:": a mover's line over the motion
_FOLLOWING_MOTION = re.compile(r"(?i:\b(?:moved|proposed)\s{1,3}the\s{1,3}following\s{1,3}"
                               r"(?:motion|amendment|resolution)s?)\W{0,3}$")
_MOVED_PLACE = (r"(?!\s{1,3}(?:into|out|from|back|onto|on\s+to|in\s+camera|"
                r"to\s+(?:the\s+)?(?:closed|open|public|private|in-camera|executive|confidential)\b))")
# "Moved/Seconded: Cllr A / Cllr B": the two names in the order of the words
_MOVED_SECONDED = re.compile(
    rf"(?:[Mm]oved|MOVED|[Pp]roposed|PROPOSED|[Mm]over|MOVER)\s{{0,3}}/\s{{0,3}}{_SECONDED}"
    rf"(?:\s{{1,3}}(?:by|BY))?\s{{0,3}}:?\s{{0,3}}(?P<mover>{NAME})\s{{0,3}}(?:/|&|\band\b)"
    rf"\s{{0,3}}(?P<seconder>{NAME})")
# "Cllr A proposed and Cllr B seconded that …": found from its words on, the mover's name
# then read just before them (a name tried at every word of a long text is slow)
_PROPOSED_AND = re.compile(rf"(?<=\s)(?:proposed|moved)\s{{1,3}}(?:and|,)\s{{1,3}}(?P<seconder>{NAME})"
                           r"\s{1,3}seconded\b")
_PROPOSED_AND_NEED = ("seconded",)  # and _SECONDER_FIRST's
_NAME_BEFORE = re.compile(rf"(?:^|(?<=[\s,;(]))(?P<mover>{NAME})\s{{1,3}}$")


def _proposed_and(text: str) -> tuple[int, int, str, str] | None:
    """Where "A proposed and B seconded" is in ``text``, and the two names."""
    if not _Clues(text).any(_PROPOSED_AND_NEED):
        return None
    for found in _PROPOSED_AND.finditer(text):
        window = max(0, found.start() - 240)
        if (name := _NAME_BEFORE.search(text, window, found.start())):
            return name.start(), found.end(), name.group("mover"), found.group("seconder")
    return None


_MOVER_PATTERNS = [
    _MOVED_SECONDED,
    re.compile(rf"(?:(?:[Mm]oved|MOVED|[Pp]roposed|PROPOSED)\s{{0,3}}(?:(?:by|BY)\s{{0,3}}:?|:)|"
               rf"[Pp]rop\.|PROP\.)\s{{0,3}}(?P<mover>{NAME})"),
    re.compile(rf"(?:[Mm]otion|MOTION)\s{{1,3}}(?:by|BY)\s{{0,3}}:?\s{{0,3}}(?P<mover>{NAME})"),
    # "Moved Cr Ferris", "Proposed Cllr A,", "Mover: A", "Motion: Cllr A / Second: B"
    re.compile(rf"{_MOVED_WORD}\s{{1,3}}(?P<mover>{_TITLE}\s{{1,3}}{NAME})"),
    re.compile(rf"(?:[Mm]over|MOVER)\s{{0,3}}:\s{{0,3}}(?P<mover>{NAME})"),
    re.compile(rf"(?:[Mm]otion|MOTION)\s{{0,3}}:\s{{0,3}}(?P<mover>{_TITLE}\s{{1,3}}{NAME}|{NAME}"
               rf"(?=\s{{0,3}}[/,;]?\s{{0,3}}{_SECONDED}))"),
    re.compile(rf"(?i:on\s+the\s+(?:proposal|proposition|motion)\s+of)\s{{1,3}}(?P<mover>{NAME})"),
    # "Bailie X, seconded by Councillor Y, moved", "Regent X moved", "Mrs. X MOVED for"
    re.compile(rf"(?:^|,\s{{0,3}}|(?:MOTION|Motion)\s{{0,3}}:\s{{0,3}})(?P<mover>{NAME})(?:,\s{{0,3}}{_SECONDED}\s{{1,3}}(?:by\s{{1,3}})?"
               rf"(?P<seconder>{NAME}),)?\s{{1,3}}(?:moved|MOVED)\b{_MOVED_PLACE}"),
    # "MOTION TO ACCEPT … – B. FIELDS   SECONDED: A. POTTER"
    re.compile(rf"[–—-]\s{{1,20}}(?P<mover>{NAME})\s{{1,40}}SECONDED\b"),
    # "Proposed Ann Lee, seconded Bob Ray": no title, no "by", the seconder after a comma
    re.compile(rf"{_MOVED_WORD}\s{{1,3}}(?P<mover>{NAME})(?=\s{{0,3}}[,;]\s{{0,3}}{_SECONDED}\b)"),
    # "Motion 4 (submitted by member A): That …": the member who brought the motion
    re.compile(rf"\((?:submitted|tabled|brought)\s{{1,3}}by\s{{1,3}}(?:(?:member|Member)\s{{1,3}})?"
               rf"(?P<mover>{NAME})\)"),
]
_SECONDER = re.compile(rf"{_SECONDED}\s{{0,3}}(?:by|BY)?\s{{0,3}}:?\s{{0,20}}(?P<seconder>{NAME})")
# "… moved to approve X. Mayor Cole seconded.": the seconder named first, at a sentence's start
_SECONDER_FIRST = re.compile(
    rf"(?:^|(?<=[.;:!?|]\s)|(?<=[.;:!?|]\s\s))(?P<seconder>{NAME})\s{{1,3}}(?:seconded|SECONDED)"
    r"(?=\s{0,3}(?:[.;,]|$|(?:the\s+motion|and)\b))")
# "The motion was seconded by Cllr B.": a seconder's sentence of its own
_SECONDED_PASSIVE = re.compile(rf"^(?:The|the)\s{{1,3}}(?:motion|proposal|amendment)\s{{1,3}}(?:was|were)"
                               rf"\s{{1,3}}(?:duly\s{{1,3}})?{_SECONDED}\b")
_NOT_NAMES = {"that", "the", "this", "to", "it", "by", "and", "motion", "a", "an", "for", "so"}


def _clean_name(name: str | None) -> str | None:
    """A name without the words that run on after it ("Smith And", "Jones That")."""
    if not name:
        return None
    words = name.strip(" ,.;:").split()
    while words and words[-1].lower().strip(".") in {"and", "that", "to", "the", "it", "by"}:
        words.pop()
    while words and words[-1] in {"SECONDED", "CARRIED", "MOVED", "RESOLVED"}:
        words.pop()
    words = _to_stop(words)
    if not words or " ".join(words).lower() in _NOT_NAMES or _a_body(words):
        return None
    text = " ".join(words).rstrip(",.;:")
    return text if len(text) >= 2 and not text.isdigit() else None


def _to_stop(words: list[str]) -> list[str]:
    """The words of a name up to a sentence's stop ("Pickles. Vote" is "Pickles"): a full
    stop after a word that is no title, initial or abbreviation ends the name."""
    for n, word in enumerate(words[:-1]):
        bare = word[:-1]
        if word.endswith(".") and len(bare) > 1 and "." not in bare \
                and bare.lower() not in _ABBREVIATIONS and not bare.isupper():
            return words[:n + 1]
    return words


# what a body calls itself: "The Board moved …" names no mover
_BODY_WORDS = {"board", "council", "committee", "commission", "meeting", "members", "trustees",
               "governors", "cabinet", "panel", "authority", "directors", "court", "assembly"}


def _a_body(words: list[str]) -> bool:
    return len(words) == 2 and words[0].lower() == "the" and words[1].lower() in _BODY_WORDS


def movers(text: str) -> tuple[str | None, str | None]:
    """The mover and seconder a sentence names ("Proposed by Cllr A, seconded by Cllr B",
    "Moved by: A", "A moved, seconded by B,", "On the proposal of A, seconded by B")."""
    mover = seconder = None
    if (both := _proposed_and(text)):
        mover, seconder = _clean_name(both[2]), _clean_name(both[3])
    for pattern in _MOVER_PATTERNS if mover is None else ():
        if (found := pattern.search(text)) is None:
            continue
        mover = _clean_name(found.group("mover"))
        if "seconder" in pattern.groupindex and found.group("seconder"):
            seconder = _clean_name(found.group("seconder"))
        if mover:
            break
    if seconder is None and (found := _SECONDER.search(text)):
        seconder = _clean_name(found.group("seconder"))
    if seconder is None and _Clues(text).any(_PROPOSED_AND_NEED) \
            and (found := _SECONDER_FIRST.search(text)):
        seconder = _clean_name(found.group("seconder"))
    if mover and seconder and mover == seconder:
        mover = None
    return mover, seconder


# --- votes --------------------------------------------------------------------------------

_NUMBER_WORDS = {w: n for n, w in enumerate(
    ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"])}
_N = r"(?:\d{1,3}|(?i:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|" \
     r"thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty))"
_FOR = r"(?i:for|in\s+favou?r|ayes?|yeas?|yes)"
_AGAINST = r"(?i:against|nays?|noes|opposed)"
_ABSTAIN = r"(?i:abstentions?|abstained|abstaining|abstain)"
# "for 20 items" counts things, not votes: a count is not followed by a word of its own
_NOT_COUNTED = r"(?!\s{1,3}(?!(?:against|abstain|abstentions?|votes?|with|and|to|nays?|noes|opposed)\b)[a-z])"
_LABELLED = {
    "for": re.compile(rf"(?<![\w-]){_FOR}\s{{0,3}}[:=\-–]?\s{{0,3}}\(?(?P<n>{_N})\b(?!\s?[-–/.]\d){_NOT_COUNTED}"),
    "against": re.compile(rf"(?<![\w-]){_AGAINST}\s{{0,3}}[:=\-–]?\s{{0,3}}\(?(?P<n>{_N})\b(?!\s?[-–/.]\d){_NOT_COUNTED}"),
    "abstain": re.compile(rf"(?<![\w-]){_ABSTAIN}\s{{0,3}}[:=\-–]?\s{{0,3}}\(?(?P<n>{_N})\b(?!\s?[-–/.]\d){_NOT_COUNTED}"),
}
_COUNT_FIRST = {
    "for": re.compile(rf"(?<![\w£$.,/-])(?P<n>{_N})\s{{1,3}}(?:votes?\s{{1,3}}|voting\s{{1,3}})?(?:for|in\s+favou?r)\b"),
    "against": re.compile(rf"(?<![\w£$.,/-])(?P<n>{_N})\s{{1,3}}(?:votes?\s{{1,3}}|voting\s{{1,3}})?against\b"),
    "abstain": re.compile(rf"(?<![\w£$.,/-])(?P<n>{_N})\s{{1,3}}(?i:abstentions?|abstained)\b"),
}
# "carried 7-0", "(5-2)", "on a 5–2 vote", "5/0" after CARRIED: a pair with a vote nearby,
# never a date ("3-9-99") or a range of pages.
_PAIR = re.compile(r"(?<![\w/.,:£$-])(?P<a>\d{1,2})\s?[-–—/]\s?(?P<b>\d{1,2})(?![\w/,:-]|\.\d|\s?[-–]\s?\d)")
_PAIR_CONTEXT = re.compile(r"(?i:carried|lost|approved|passed|adopted|defeated|failed|agreed|"
                           r"resolved|vote[ds]?|voting|motion|majority|on\s+a|result|"
                           r"accepted|confirmed)\W{0,3}(?:\S{1,30}\s{1,3}){0,3}$")
# "by 5-2", "of 7/0": a vote only in a sentence that speaks of one
_PAIR_WEAK_CONTEXT = re.compile(r"(?i:\b(?:by|of))\W{0,3}(?:\S{1,30}\s{1,3}){0,3}$")
# "item 25/08", "Minute 12/3", "page 4-6", "No. 5/2": a reference, never a vote
_REFERENCE = re.compile(r"(?i:\b(?:items?|minutes?|min|refs?|reference|pages?|pp?|nos?|numbers?|"
                        r"paragraphs?|paras?|sections?|s|appendix|appendices|reports?|agenda|"
                        r"files?|case|application|policy|by-law|bylaw|ordinance|resolution|"
                        r"clauses?|schedule|annex|chapter|rule|standing\s+order))\.?\s{0,3}"
                        r"(?:no\.?\s{0,3})?\(?$")
_TRIPLE = re.compile(r"(?i:carried|lost|passed|approved|adopted|defeated|failed|vote)\W{1,3}"
                     r"(?P<a>\d{1,2})\s?[-–]\s?(?P<b>\d{1,2})\s?[-–]\s?(?P<c>\d{1,2})(?![\w/-])")
_YEAS = re.compile(r"\(?\bY\s?-\s?(?P<a>\d{1,2})(?:\s?[;,]\s?N\s?-\s?(?P<b>\d{1,2}))?\)?")
_VOTES_TO = re.compile(rf"(?<![\w£$.])(?P<a>{_N})\s{{1,3}}(?:votes?\s{{1,3}})?to\s{{1,3}}"
                       rf"(?P<b>{_N})\b(?!\s{{0,3}}[:.]\d)")
_VOTES_TO_CONTEXT = re.compile(r"(?i:\bby|result\w*|being|vote[ds]?|voting|carried|lost|"
                               r"majority\s+of|defeated)\W{0,3}(?:\S{1,30}\s{1,3}){0,2}$")
_UNANIMOUS = re.compile(r"(?i:\bunanimous(?:ly)?\b|\bnem\.?\s?con\b|\bnemine\s+contradicente\b|"
                        r"\ball\s+in\s+favou?r\b|\bby\s+all\s+members\s+present\b)")
_NAMED = re.compile(
    r"(?P<how>(?i:ayes|yeas|nays|noes|voting\s+(?:for|against)|in\s+favou?r|against|opposed|"
    r"abstentions?|abstaining|abstained|pass))\s{0,3}[:–-]\s{0,3}"
    r"(?P<names>[A-Z][^:.;]{0,300}?)(?=\.\s|\.$|;|$|\s(?i:nays|noes|ayes|abstain\w*|pass|absent)\b)")
_DISSENT = re.compile(rf"\bwith\s{{1,3}}(?:(?:Councillors?|Cllrs?|Regents?|Members?|Trustees?|"
                      rf"Directors?|Commissioners?|Governors?)\s{{1,3}})?(?P<names>{NAME}(?:,?\s{{1,3}}"
                      rf"(?:and\s{{1,3}})?{NAME}){{0,8}})\s{{1,3}}(?:dissenting|voting\s+against|"
                      rf"opposed|abstaining)\b")
_ABSENT_NAMES = re.compile(r"\b(?:Absent|Pass|Abstain(?:ing|ed)?)\s{0,3}:\s{0,3}(?P<names>[A-Z][^:.;]{0,200})")
_OUTCOMES = [
    ("lost", re.compile(r"(?i:\b(?:not\s+carried|lost|defeated|negatived|fell|failed|rejected)\b)")),
    ("withdrawn", re.compile(r"(?i:\bwithdrawn\b)")),
    ("carried", re.compile(r"(?i:\bcarried\b(?!\s+(?:out|forward|over|through|on)\b)|"
                           r"\bmotion\s+(?:passed|approved|adopted|accepted)\b|"
                           r"\bwas\s+(?:passed|APPROVED|ACCEPTED)\b)|\bACCEPTED\b|\bPASSED\b")),
    ("deferred", re.compile(r"(?i:\b(?:was|were)\s+deferred\b)|\bDEFERRED\b")),
]
_VOTE_WORDS = re.compile(r"(?i:\b(?:motion|amendment|vote[ds]?|voting|division|carried|"
                         r"lost|defeated|roll\s+call|declared|proposal|resolution|ayes|nays|"
                         r"abstentions?|unanimous(?:ly)?|nem\s?con|favou?r)\b)")


# The words (any one) each pattern needs, lower case; see _Clues.
_VOTE_WORDS_NEED = ("motion", "amendment", "vot", "division", "carried", "lost", "defeated",
                    "roll", "declared", "proposal", "resolution", "aye", "nay", "abstention",
                    "unanimous", "nem", "favo")
_UNANIMOUS_NEED = ("unanimous", "nem", "favo", "present")
_NAMED_NEED = ("aye", "yea", "nay", "noe", "voting", "favo", "against", "abst", "pass",
               "opposed")
_DISSENT_NEED = ("dissenting", "against", "opposed", "abstaining")
_MOTION_NEED = ("moved", "propos", "prop.", "motion", "mover")
_SECONDER_NEED = ("second", "2nd", "sec.", "supported")
# a count is digits or a number word (each use of _N ends at a word's end); the words'
# letters are looked for first, as the pattern is slow to run over every sentence
_DIGIT = re.compile(r"\d")
_NUMBER_WORD = re.compile(r"(?i:zero|one|two|three|four|five|six|seven|eight|nine|ten|"
                          r"eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|"
                          r"eighteen|nineteen|twenty)\b")
_NUMBER_NEED = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
                "ten", "eleven", "twelve", "thirteen", "fifteen", "twenty")
_NO_ABSTENTIONS = re.compile(r"(?i:\bno\s+abstentions\b)")
_NO_ABSTENTIONS_NEED = ("abstentions",)
_NAMED_MARKS = (":", "–", "-")  # one follows the word a list of names is under
_WITH_NEED = ("with",)


@dataclass
class Facts:
    """What the minutes say of a decision's vote and movers."""

    outcome: str | None = None
    mover: str | None = None
    seconder: str | None = None
    votes_for: int | None = None
    votes_against: int | None = None
    votes_abstain: int | None = None
    unanimous: bool = False
    named: dict[str, list[str]] = field(
        default_factory=lambda: {"for": [], "against": [], "abstain": []})

    def counted(self) -> bool:
        """Whether any count, name or unanimity is known."""
        return self.unanimous or any(n is not None for n in (
            self.votes_for, self.votes_against, self.votes_abstain)) or any(self.named.values())

    def any(self) -> bool:
        """Whether anything at all is known."""
        return self.counted() or bool(self.outcome or self.mover or self.seconder)

    def merge(self, other: Facts) -> None:
        """Take what ``other`` knows and this does not."""
        for name in ("outcome", "mover", "seconder", "votes_for", "votes_against",
                     "votes_abstain"):
            if getattr(self, name) is None:
                setattr(self, name, getattr(other, name))
        self.unanimous = self.unanimous or other.unanimous
        for how, names in other.named.items():
            if not self.named[how]:
                self.named[how] = list(names)

    def put_on(self, piece: Piece) -> None:
        """Write what is known onto ``piece``, keeping what it knew already."""
        mine = facts_of(piece)
        mine.merge(self)
        piece.outcome, piece.mover, piece.seconder = mine.outcome, mine.mover, mine.seconder
        piece.votes_for, piece.votes_against = mine.votes_for, mine.votes_against
        piece.votes_abstain, piece.unanimous = mine.votes_abstain, mine.unanimous
        piece.named = mine.named
        if piece.votes_for is None and piece.named["for"] and (
                piece.named["against"] or piece.votes_against == 0):
            # a recorded vote ("Yeas: A, B" / "Nays: C") counted by its names
            piece.votes_for = len(piece.named["for"])
            if piece.votes_against is None:
                piece.votes_against = len(piece.named["against"])
            if piece.votes_abstain is None and piece.named["abstain"]:
                piece.votes_abstain = len(piece.named["abstain"])
        if piece.votes_against == 0 and piece.votes_for and not piece.votes_abstain:
            piece.unanimous = True  # none against and none abstaining: "carried 7-0"


def facts_of(piece: Piece) -> Facts:
    """The vote and movers already on ``piece``."""
    return Facts(piece.outcome, piece.mover, piece.seconder, piece.votes_for,
                 piece.votes_against, piece.votes_abstain, piece.unanimous,
                 {k: list(v) for k, v in piece.named.items()})


def _number(text: str) -> int:
    return int(text) if text.isdigit() else _NUMBER_WORDS[text.lower()]


# a title for all the names after it ("Trustees A, B"): no part of the first name
_TITLES_BEFORE = re.compile(r"^(?:Councillors|Cllrs|Crs|Trustees|Commissioners|Directors|Members|"
                            r"Governors|Aldermen|Supervisors|Regents|Messrs)\.?\s{1,3}(?=[A-Z])")


def _names(listed: str) -> list[str]:
    listed = _TITLES_BEFORE.sub("", listed.strip(" .,"))
    parts = re.split(r",\s{0,3}|\s{1,3}and\s{1,3}|\s{1,3}&\s{1,3}", listed)
    return [p.strip() for p in parts if p.strip() and len(p.strip()) < 60][:60]


def votes(text: str) -> Facts:
    """The counts, names, unanimity and outcome a sentence records ("For 7, Against 2",
    "7 for, 2 against", "carried 5-0", "(Y-5)", "by 8 votes to 3", "three to two",
    "Ayes: A, B. Nays: C", "Motion carried unanimously", "the motion fell")."""
    found = _votes_of(text)  # read once: a sentence is read again as its paragraph's part
    return Facts(found.outcome, found.mover, found.seconder, found.votes_for,
                 found.votes_against, found.votes_abstain, found.unanimous,
                 {how: list(names) for how, names in found.named.items()})


@lru_cache(maxsize=4096)
def _votes_of(text: str) -> Facts:
    facts = Facts()
    clues = _Clues(text)
    context = clues.any(_VOTE_WORDS_NEED) and bool(_VOTE_WORDS.search(text))
    if _DIGIT.search(text) or clues.any(_NUMBER_NEED) and _NUMBER_WORD.search(text):  # a count
        _counted(text, facts, context)
    if clues.any(_UNANIMOUS_NEED) and _UNANIMOUS.search(text):
        facts.unanimous = True
    if facts.votes_abstain is None and clues.any(_NO_ABSTENTIONS_NEED) \
            and _NO_ABSTENTIONS.search(text):
        facts.votes_abstain = 0
    if clues.any(_NAMED_NEED) and any(mark in text for mark in _NAMED_MARKS):
        for named in _NAMED.finditer(text):
            how = named.group("how").lower()
            side = ("against" if how.startswith(("nay", "noe", "against", "voting against",
                                                 "opposed"))
                    else "abstain" if how.startswith(("abst", "pass")) else "for")
            listed = _names(named.group("names"))
            if listed and all(_NOBODY.fullmatch(name) for name in listed):
                listed = []  # "Nays: None": nobody, a count of none
                attribute = _COUNT_OF[side]
                if getattr(facts, attribute) is None:
                    setattr(facts, attribute, 0)
            facts.named[side] = listed
    if clues.any(_WITH_NEED) and clues.any(_DISSENT_NEED) \
            and (dissent := _DISSENT.search(text)) and not facts.named["against"]:
        facts.named["against"] = _names(dissent.group("names"))
    _not_voting(text, facts)
    if context or len(text) < 40:
        facts.outcome = next((name for name, pattern in _OUTCOMES if pattern.search(text)), None)
    _shaped_votes(text, facts)
    return facts


def _shaped_votes(text: str, facts: Facts) -> None:
    """The shapes of :mod:`decision_shapes`: "none against", "Everyone agreed except A",
    "A asked that her vote against be recorded"."""
    if facts.votes_for is not None:
        if facts.votes_against is None and shapes.none_against(text):
            facts.votes_against = 0
        if facts.votes_abstain is None and shapes.none_abstaining(text):
            facts.votes_abstain = 0
    if facts.named["against"] or facts.named["abstain"] or not (found := shapes.dissenters(text)):
        return
    side, listed, rest_agreed = found
    names = _names(listed)
    if not names:
        return
    facts.named[side] = names
    if getattr(facts, _COUNT_OF[side]) is None:
        setattr(facts, _COUNT_OF[side], len(names))
    if rest_agreed and facts.outcome is None:
        facts.outcome = "carried"


# what stands for nobody in a list of names ("Nays: None", "Abstain: Nil", "Against: -")
_NOBODY = re.compile(r"(?i:none|nil|nobody|no\s+one|n/?a|zero)\W{0,2}|[-–—]")
_COUNT_OF = {"for": "votes_for", "against": "votes_against", "abstain": "votes_abstain"}


def _counted(text: str, facts: Facts, context: bool) -> None:
    """The counts a sentence gives, in whichever of its forms it gives them."""
    labelled = {how: pattern.search(text) for how, pattern in _LABELLED.items()}
    if sum(1 for f in labelled.values() if f) >= 2:
        _counts(facts, labelled)
    if facts.votes_for is None and (yeas := _YEAS.search(text)):
        facts.votes_for = int(yeas.group("a"))
        facts.votes_against = int(yeas.group("b") or 0)
    if facts.votes_for is None and (triple := _TRIPLE.search(text)):
        facts.votes_for, facts.votes_against, facts.votes_abstain = (
            int(triple.group(n)) for n in ("a", "b", "c"))
    if facts.votes_for is None and facts.votes_against is None:
        _pair(text, facts, context)
    if facts.votes_for is None and facts.votes_against is None:
        first = {how: found if found and not _REFERENCE.search(
                     text[max(0, found.start() - 24):found.start()]) else None
                 for how, found in ((how, pattern.search(text))
                                    for how, pattern in _COUNT_FIRST.items())}
        if sum(1 for f in first.values() if f) >= 2 or (context and any(first.values())):
            _counts(facts, first)
        elif (context or _LONE_COUNT.match(text)) and any(labelled.values()):
            _counts(facts, labelled)


# "Against: 2", "Abstained (0)" alone on a line: one side of a vote set out a line each
_LONE_COUNT = re.compile(rf"^\W{{0,3}}(?:{_FOR}|{_AGAINST}|{_ABSTAIN})\s{{0,3}}[:=\-–]?\s{{0,3}}\(?{_N}\)?"
                         r"[.;,]?\s{0,3}$")


def _counts(facts: Facts, found: dict) -> None:
    facts.votes_for, facts.votes_against, facts.votes_abstain = (
        _number(f.group("n")) if f else None
        for f in (found["for"], found["against"], found["abstain"]))


def _pair(text: str, facts: Facts, context: bool = False) -> None:
    for pair in _PAIR.finditer(text):
        before = text[max(0, pair.start() - 40):pair.start()]
        after = text[pair.end():pair.end() + 6]
        if _REFERENCE.search(before[-24:]) or _zero_led(pair.group("a"), pair.group("b")):
            continue
        bracketed = before.endswith("(") and after.startswith(")")
        if bracketed or _PAIR_CONTEXT.search(before) or after.lstrip().lower().startswith("vote") \
                or context and _PAIR_WEAK_CONTEXT.search(before):
            facts.votes_for, facts.votes_against = int(pair.group("a")), int(pair.group("b"))
            return
    for pair in _VOTES_TO.finditer(text):
        before = text[max(0, pair.start() - 40):pair.start()]
        if _VOTES_TO_CONTEXT.search(before):
            facts.votes_for, facts.votes_against = _number(pair.group("a")), _number(pair.group("b"))
            return


def _zero_led(*counts: str) -> bool:
    """Whether a number of a pair has a leading zero ("25/08"): a reference, not a count."""
    return any(len(n) > 1 and n.startswith("0") for n in counts)


def _not_voting(text: str, facts: Facts) -> None:
    """"Carried 6-1. Pass: A." or "Absent: A": the one is a member who passed (an
    abstention) or was away, not a vote against."""
    if not facts.votes_against or facts.votes_abstain is not None:
        return  # "Carried 5-1-1. Nays: A. Pass: B.": the pass is counted already
    for found in _ABSENT_NAMES.finditer(text):
        listed = _names(found.group("names"))
        if len(listed) == facts.votes_against:
            if found.group().lower().startswith("absent"):
                facts.votes_against = 0
            else:
                facts.votes_abstain, facts.votes_against = facts.votes_against, 0
                facts.named["abstain"] = listed
            return


# --- what a sentence is -------------------------------------------------------------------

_LABEL_WORDS = (r"RESOLVED|Resolved|RESOLUTION|Resolution|AGREED|Agreed|APPROVED|Approved|"
                r"DECIDED|Decided|DECISION|Decision|RECOMMENDED|Recommended")
# A label opening a sentence: "RESOLVED –", "Resolved: That", "RESOLVED (Unanimously) –",
# "Resolved unanimously that", "It was RESOLVED that", "Decided it was …", "Agreed to …".
_LABEL = re.compile(
    r"^(?P<pre>(?:\(?[a-z]{1,4}[.)]\s{1,3})?(?:[\dA-Z][\w./()]{0,10}\s{0,3}[/|:]?\s{1,3}){0,2}?(?:(?:and|And|AND)\s{1,3})?(?:(?:[Ii]t|IT)\s{1,3}(?:was|WAS)\s{1,3}"
    r"(?:(?:further|also|therefore|then|accordingly|unanimously|FURTHER|UNANIMOUSLY)\s{1,3})?)?)"
    rf"(?P<label>{_LABEL_WORDS})\b"
    r"(?=\s{0,3}[:–—\-/.,;(]|\s{1,3}(?:[Uu]nanimously|UNANIMOUSLY|that|THAT|That|to|TO|"
    r"it|by|as|not|on|with|the|The|we|We)\b"
    # "Resolution 1: To receive …", "Special Resolution 3: That …"
    r"|\s{1,3}\d{1,3}[a-z]?\s{0,3}[:.–—-]\s{1,3}[\"“‘']?(?:To|TO|That|THAT)\b)")
# "To confirm as a true record the minutes of …" as the minute itself: an agenda's words,
# which some minutes keep as their record of the decision (see _confirmations)
_CONFIRMING = re.compile(r"^(?:To|TO)\s{1,3}(?:confirm|approve|agree|sign|adopt|accept|CONFIRM|"
                         r"APPROVE|AGREE|SIGN|ADOPT|ACCEPT)\b")
_RECORD = re.compile(r"(?i:\bas\s{1,3}(?:being\s{1,3})?(?:a|an)\s{1,3}(?:true|correct|accurate)"
                     r"(?:\s{1,3}(?:and|&)\s{1,3}(?:true|correct|accurate))?\s{1,3}record\b)")
# "Motion 4 (submitted by member A): That …": a numbered motion, the words it moved after
_NUMBERED_MOTION = re.compile(r"^(?:Motion|MOTION)\s{1,3}\d{1,3}[a-z]?\s{0,3}(?:\([^()]{0,120}\)\s{0,3})?"
                              r"[:.–—-]\s{0,3}[\"“‘']?(?:That|THAT|To|TO)\s")
# "And resolved: …"
_AND_RESOLVED = re.compile(r"^(?:And|AND|and)\s{1,3}(?P<label>resolved|agreed|decided)\s{0,3}[:–—-]")
_AGENDA = re.compile(r"^(?:TO\s+(?:RESOLVE|AGREE|APPROVE|CONSIDER|DECIDE|RECEIVE|NOTE|CONFIRM)|"
                     r"To\s+(?:resolve|agree|approve|consider|decide|receive|note|confirm)|"
                     r"(?:Proposed|Draft|Recommended)\s+(?:resolution|decision|motion|"
                     r"recommendation)s?\b)")
_IT_WAS = re.compile(r"(?:^|[\s,;(])(?:[Ii]t|IT)\s{1,3}(?:was|WAS)\s{1,3}"
                     r"(?:(?:further|also|therefore|then|subsequently|unanimously|duly|"
                     r"accordingly|finally|eventually)\s{1,3})?"
                     r"(?P<label>resolved|agreed|decided|approved|RESOLVED|AGREED|DECIDED|"
                     r"APPROVED|Resolved|Agreed)\b")
_BODY = (r"(?:Council|COUNCIL|Committee|COMMITTEE|Board|BOARD|Cabinet|CABINET|Panel|PANEL|"
         r"Sub-Committee|Sub-committee|Members|members|Trustees|trustees|Governors|governors|"
         r"Authority|Commission|Executive|Meeting|meeting|Forum|Assembly|Directors|Partnership|"
         r"Group|Corporation|Vestry|Council\s+Members|Commissioners|Regents|Selectmen|"
         r"(?<=[Tt]he\s)(?:committee|council|board|panel|trustees)|(?<![\w\s])We|(?<=[.;,]\s)We|we)")
_BODY_DECIDES = re.compile(
    rf"(?:^|[\s,(.])(?:[\w.]{{1,20}}\s{{1,3}})?{_BODY}\s{{1,3}}"
    r"(?:(?:then|therefore|further|also|unanimously|duly|formally|accordingly|subsequently)\s{1,3})?"
    r"(?P<label>AGREED|agreed|RESOLVED|resolved|APPROVED|approved|DECIDED|decided|ADOPTED|adopted|"
    r"ACCEPTED|accepted|HOMOLOGATED|homologated|ENDORSED|endorsed|RATIFIED|ratified|NOTED|"
    r"CONFIRMED|confirmed)\b(?!\s+(?:by|with)\b)")
# "The Board noted the report and agreed that a review be held": the decision is the
# sentence's second clause, after what the body first did.
_BODY_THEN_DECIDES = re.compile(
    rf"(?:^|[\s,(.])(?:[\w.]{{1,20}}\s{{1,3}})?{_BODY}\s{{1,3}}"
    r"(?:noted|considered|received|discussed|welcomed|reviewed|debated|heard|thanked|"
    r"acknowledged|NOTED|CONSIDERED|RECEIVED)\b[^.;:]{0,200}?\b(?:and|AND)\s{1,3}"
    r"(?:(?:then|therefore|further|also|unanimously|duly|formally)\s{1,3})?"
    r"(?P<label>agreed|resolved|decided|approved|AGREED|RESOLVED|DECIDED|APPROVED)\s{1,3}"
    r"(?:that|to|THAT|TO)\b")
# "Members had no objection but agreed to ask for …": the decision after a "but"
_BODY_BUT_DECIDES = re.compile(
    rf"(?:^|[\s,(.]){_BODY}\s{{1,3}}[^.;:]{{0,200}}?\b(?:but|BUT)\s{{1,3}}"
    r"(?:(?:then|also|unanimously|instead)\s{1,3})?"
    r"(?P<label>agreed|resolved|decided|AGREED|RESOLVED|DECIDED)\s{1,3}(?:that|to|THAT|TO)\b")
_PASSIVE = re.compile(
    r"\b(?:was|were|WAS|WERE)\s{1,3}(?:(?:then|therefore|also|duly|unanimously|formally|"
    r"subsequently|accordingly|all)\s{1,3})?"
    r"(?P<label>agreed|approved|adopted|confirmed|accepted|ratified|endorsed|resolved|carried|"
    r"AGREED|APPROVED|ADOPTED|CONFIRMED|ACCEPTED|RESOLVED|CARRIED|"
    r"(?:duly\s+|unanimously\s+)(?:appointed|elected|re-elected|co-opted))\b"
    r"(?!\s+(?:out|that|forward|over|through|on)\b)")
_MINUTES_FORMS = re.compile(
    r"(?i:\bminutes?\b[^;]{0,160}?\b(?:held|taken)\s+as\s+read\b|\bdeclared\s+(?:the\s+[^.;]{0,80}?\s)?(?:carried|"
    r"lost|rejected|adopted|approved|passed|defeated|elected|re-elected)\b|\b(?:signed|confirmed|approved|agreed|accepted|"
    r"adopted)\s+as\s+(?:a|being\s+a)\s+(?:true|correct|accurate)\b|"
    r"\bconsensus\s+(?:was\s+)?reached\b|\bby\s+consensus\b)")
# A signature block at the foot of the minutes, no decision: "CONFIRMED AS A TRUE AND
# CORRECT RECORD" (in capitals, with no subject), "Confirmed as a true record ____ Chair",
# "APPROVED: Jane Doe, Chair".
_ROLE = (r"(?i:chair|chairman|chairwoman|chairperson|mayor|president|presiding|secretary|"
         r"clerk|deputy\s+chair|vice[\s-]chair\w{0,6}|convener|convenor|provost|date)\b")
_SIGNATURE = re.compile(
    r"^\W{0,3}(?:CONFIRMED|APPROVED|SIGNED|ADOPTED|AGREED|ATTEST|Confirmed|Approved|Signed|"
    r"Adopted|Agreed)\b(?:"
    r"\s{1,3}AS\s{1,3}(?:A|BEING\s{1,3}A)\s{1,3}(?:TRUE|CORRECT|ACCURATE)\b[^a-z]{0,200}$"
    r"|\s{1,3}as\s{1,3}(?:a|being\s+a)\s{1,3}(?:true|correct|accurate)\b[^_…]{0,120}?(?:_{3}|\.{4}|…|"
    + _ROLE + r")"
    r"|\s{0,3}(?:[:–—-]\s{0,3}|\s(?:by\s{1,3})?)" + NAME + r"\s{0,3}[,–—(-]\s{0,3}(?:the\s{1,3})?"
    + _ROLE + r"[^.]{0,80}$)")
# "Officer's Recommendation:", "Staff recommendation –", "Recommendation: That …": what
# a report asked the body to decide, not its decision; the resolution that follows is.
_RECOMMENDATION = re.compile(
    r"^\W{0,3}(?P<who>(?i:(?:officers?|staff|management|directors?|managers?|chief\s+executive|"
    r"executive|administration|administrators?|planning\s+officers?|clerk)(?:['’]s|s['’]|['’])?"
    r"\s{1,3})?)(?i:recommendations?)\b\s{0,3}(?:\([^()]{0,40}\)\s{0,3})?"
    r"(?:[:–—-]{1,2}\s{0,3}(?:$|(?=[A-Z(\d]))|\s{1,3}(?=(?:That|THAT|that)\b)|$)")
# "… were approved unanimously at the May meeting", "… approved by the Borough Council":
# another meeting's or another body's decision, reported.
_ELSEWHERE = re.compile(
    r"(?i:^\W{0,3}(?:these|the)\s+minutes\s+(?:were|have\s+been)\s+[^.]{0,60}?\bat\s+(?:the|its|a)\b"
    r"[^.]{0,60}?\bmeeting\b)")
_OTHER_BODY = re.compile(
    r"(?i:\b(?:agreed|approved|deferred|refused|decided|granted)\s+by\s+(?:the\s+)?"
    r"(?:borough|county|district|city|unitary|planning|highway|highways|state|county\s+borough|"
    r"regional|national|government|secretary|inspector|department|ministry|federal)\b)")
_THAT = re.compile(r"^(?:\d{1,3}[.)]\s{1,3}|\([a-z0-9]{1,4}\)\s{1,3})?[\"“‘']?(?:That|THAT)\s{1,3}"
                   r"(?:[A-Z(\"“‘']|(?:the|a|an|this|these|those|all|any|no|its|their|our|his|her|"
                   r"subject|in|with|under|following|having|pursuant|upon|on|for|apologies|approval|"
                   r"members|officers|consent|permission|planning|delegated|authority|funding|"
                   r"consideration|further|item|items|minutes|council|committee|board)\b)")
_MOTION = re.compile(
    r"(?:^|[\s,;:(])(?:(?:[Mm]oved|MOVED|[Pp]roposed|PROPOSED)\s{0,3}(?:(?:by|BY)\s{0,3}:?|:)|"
    r"[Pp]rop\.|PROP\.)\s{0,3}(?:the\s+)?[A-Z(]"
    r"|(?:^|[\s,;:(])" + _MOVED_WORD + r"\s{1,3}" + _TITLE +
    r"|(?:^|[\s,;(])(?:[Mm]over|MOVER|[Mm]otion|MOTION)\s{0,3}:\s{0,3}[A-Z]"
    r"|(?:^|[\s,;(])(?:[Mm]oved|MOVED|[Pp]roposed|PROPOSED)\s{0,3}/\s{0,3}(?:[Ss]econded|SECONDED)\b"
    r"|^(?:MOTION|Motion)\s{1,3}(?:TO|to|BY|by|that|THAT)\b"
    r"|(?i:\bon\s+the\s+(?:proposal|motion)\s+of\b)"
    r"|(?:^|,\s{0,3}|(?:MOTION|Motion)\s{0,3}:\s{0,3})" + NAME + r"(?:,[^,]{0,80},)?\s{1,3}(?:moved|MOVED)\b"
    + _MOVED_PLACE +
    r"|(?:^|[\s,;:(])" + _MOVED_WORD + r"\s{1,3}[A-Z][\w'’.\-]{0,30}(?:\s{1,3}[A-Z][\w'’.\-]{0,30}){0,3}"
    r"\s{0,3}[,;]\s{0,3}" + _SECONDED + r"\b")
_DISPOSITION = re.compile(
    r"(?<![A-Za-z])(?:PLACED\s+ON\s+FILE|RECEIVED\s+AND\s+FILED|WITHDRAWN|TABLED|"
    r"(?:SUBSTITUTE\s+)?PASSED\s+TO\s+(?:SECOND|THIRD)\s+READING|"
    r"REFERRED\s+TO\s+[A-Z]|CONTINUED\s+TO\s+[A-Z]|ACCEPTED\s+AS\s+AMENDED)"
    r"(?![a-z])")
# A disposition in a run-on list of items, cut out as its own piece: "(Y-5) 184350",
# "(Y-5) CONFIRMED", "PLACED ON FILE", "REFERRED TO COMMISSIONER OF …".
_VOTE_MARK = r"\(Y\s?-\s?\d{1,2}(?:\s?[;,]\s?N\s?-\s?\d{1,2})?\)"
_CAPS_WORD = r"\s{1,3}(?:[A-Z0-9][A-Z0-9,:&.'’/-]{0,20})(?![a-z])"
_DISPOSITION_SPAN = re.compile(
    rf"{_VOTE_MARK}(?:\s{{1,3}}{_VOTE_MARK})?(?:\s{{1,3}}\d{{4,7}}\b|\s{{1,3}}(?:CONFIRMED|ACCEPTED|"
    rf"ADOPTED|APPROVED|PASSED|DENIED)(?:{_CAPS_WORD}){{0,4}})?"
    r"|(?:PLACED\s{1,3}ON\s{1,3}FILE|RECEIVED\s{1,3}AND\s{1,3}FILED|WITHDRAWN)(?![A-Za-z])"
    rf"|(?:(?:SUBSTITUTE\s{{1,3}})?PASSED\s{{1,3}}TO\s{{1,3}}(?:SECOND|THIRD)\s{{1,3}}READING|"
    rf"REFERRED\s{{1,3}}TO|CONTINUED\s{{1,3}}TO)(?:{_CAPS_WORD}){{0,8}}")
# A table's heading over the names that voted one way: "In Favour", "**Against**", "Ayes:".
_TALLY = re.compile(r"^\W{0,3}(?P<side>(?i:in\s+favou?r|for|against|abstentions?|abstained|"
                    r"abstaining|ayes|yeas|nays|noes))\W{0,3}(?:\(\d{1,3}\))?\W{0,3}$")
_DIVISION = {
    "motion": re.compile(r"(?i:\bfor\s+the\s+motion\b).{0,800}?\((?P<n>\d{1,3})\)"),
    "amendment": re.compile(r"(?i:\bfor\s+the\s+amendment\b).{0,800}?\((?P<n>\d{1,3})\)"),
}
_VOTE_INTRO = re.compile(r"(?i:\b(?:a\s+)?(?:vote|division|ballot|roll\s+call)\s+(?:was\s+)?"
                         r"(?:taken|held|called|requested)\b|\bfollowing\s+result\b|"
                         r"\bon\s+a\s+division\b)")
_ANAPHORIC = re.compile(r"^(?:This|That|These|this)\s{1,3}(?:was|were)\s{1,3}"
                        r"(?:(?:then|duly|unanimously|all)\s{1,3})?(?:agreed|approved|accepted|"
                        r"AGREED|APPROVED|resolved|RESOLVED)\b|^(?:Agreed|AGREED|Approved|"
                        r"APPROVED)\.?$")
# "This was carried.", "That was agreed unanimously.", "It was carried 5-2.": a motion's
# fate told of the sentence (or line) before it, nothing else said after.
_THIS_OUTCOME = re.compile(
    r"^\W{0,3}(?P<subject>This|That|this|It|it)(?:\s{1,3}(?:motion|proposal|amendment|"
    r"recommendation))?\s{1,3}(?:was|is|WAS)\s{1,3}(?:(?:then|duly|therefore|accordingly|"
    r"unanimously|subsequently|all)\s{1,3})?(?:declared\s{1,3})?"
    r"(?P<how>(?i:not\s{1,3}carried|carried|passed|lost|defeated|rejected|agreed|approved|"
    r"adopted|accepted))\b(?P<tail>.{0,80})$")
# after the outcome only how it was reached: "unanimously", "by 5 votes to 2", "(4-1)"
_OUTCOME_TAIL_WORDS = re.compile(r"(?i:\b(?:that|and|but|subject|which|while|whilst|although|"
                                 r"though|however|as|for|pending|until|once|if)\b|\bto\s+[a-z])")
_LOST_WORDS = ("not", "lost", "defeated", "rejected")


def _this_outcome(text: str) -> tuple[str | None] | None:
    """Whether ``text`` only tells a motion's fate ("This was carried unanimously."):
    (the outcome it names, or None for "This was agreed", which names none of its own);
    None for any other text ("It was agreed that …", "This was agreed and a letter …")."""
    found = _THIS_OUTCOME.match(text.strip())
    if found is None:
        return None
    how = found.group("how").lower()
    named = "lost" if how.startswith(_LOST_WORDS) else "carried" if how in ("carried", "passed") \
        else None
    if found.group("subject").lower() == "it" and named is None:
        return None  # "It was agreed …" is a decision of its own
    tail = re.sub(r"(?i:\bvotes?\s+to\b)", " ", found.group("tail"))
    if _OUTCOME_TAIL_WORDS.search(tail):
        return None
    return (named,)


_OUTCOME_SUBJECT = re.compile(r"^\W{0,3}(?:(?:The|the)\s{1,3})?(?:[Mm]otion|MOTION|[Aa]mendment|"
                              r"AMENDMENT|[Pp]roposal|[Rr]ecommendation|[Mm]inutes|MINUTES)\b")
_PART = re.compile(r"^\s{0,3}(?:\(?(?:\d{1,2}|[a-hA-H]|[ivxIVX]{1,5})[.)]|\((?:\d{1,2}|[a-h]|"
                   r"[ivx]{1,5})\))\s")
_INLINE_PART = re.compile(r"(?:(?<=\s)|^)\((?P<m>\d{1,2}|[a-h]|[ivx]{1,4})\)\s")
_BARE_LEAD = re.compile(
    rf"^(?P<pre>(?:(?:[Ii]t|IT)\s{{1,3}}(?:was|WAS)\s{{1,3}})?)(?P<label>{_LABEL_WORDS})\b"
    r"(?P<rest>[^.]{0,80}?)(?:[:–—\-/]{1,3}\s{0,3}|\s{1,3}(?:that|THAT|That)\s{0,3}[:–—\-]?\s{0,3})$")


# "The Board:" or "The Committee agreed to:" over a list of what it decided ("• approved
# the plan"): a lead into parts that gives them no label of its own.
_BODY_LEAD = re.compile(r"^(?:[A-Z][A-Za-z]{1,20}(?:\s{1,3}[a-z]{1,20}){0,5},\s{1,3}(?=the\s))?"
                        r"(?:The|THE|the)\s{1,3}(?:Board|BOARD|Committee|COMMITTEE|Council|COUNCIL|"
                        r"Cabinet|CABINET|Panel|PANEL|Authority|AUTHORITY|Trustees|TRUSTEES|"
                        r"Governors|GOVERNORS|Sub-Committee|Commission|Executive|Members)"
                        r"(?:\s{1,3}(?:agreed|resolved|decided|AGREED|RESOLVED|DECIDED)"
                        r"(?:\s{1,3}to)?)?\s{0,3}[:–—-]{1,2}$")


@dataclass
class Reading:
    """What one sentence is: a decision's start, a motion, a vote or mover alone, a lead
    into parts, or something else (``form`` None)."""

    form: str | None
    label: str | None = None
    facts: Facts = field(default_factory=Facts)


# The words (any one) each of these patterns needs, lower case; see _Clues. A tally's
# heading ("Against (3)") and a lead "The Board agreed to:" are short lines.
_SHORT = 40
_LABEL_NEED = ("resol", "agreed", "approved", "decided", "decision", "recommended")
_DECIDES_NEED = ("agreed", "resolved", "decided", "approved", "adopted", "accepted",
                 "homologated", "endorsed", "ratified", "confirmed", "carried", "appointed",
                 "elected", "co-opted")
_FORMS_NEED = ("declared", "true", "correct", "accurate", "consensus")
_INTRO_NEED = ("vote", "division", "ballot", "roll", "result")
_TALLY_NEED = ("favo",)  # "In favour" is the one heading of a tally with no length
_ELSEWHERE_NEED = ("minutes",)
_ABSENT_NEED = ("absent", "pass", "abstain")
_THAT_NEED = ("That", "THAT")
_RECOMMENDATION_NEED = ("recommendation",)
_SIGNATURE_NEED = ("confirmed", "approved", "signed", "adopted", "agreed", "attest")
_LEAD_MARKS = (":", "-", "–", "—")  # a lead into parts ends with one
_THAT_WITHIN = 16  # a part's number before it ("(iv) That") is at most 9 characters
_NOTED_NEED = ("NOTED",)  # "the Board NOTED", in capitals only
_AS_READ_NEED = ("read",)
_AS_READ_WITH = ("held", "taken")
# _DISPOSITION is written in capitals only
_DISPOSITION_NEED = ("PLACED", "RECEIVED", "WITHDRAWN", "TABLED", "PASSED", "REFERRED",
                     "CONTINUED", "ACCEPTED")


def read_sentence(text: str, line_kind: str = "text") -> Reading:
    """What ``text`` (one sentence) records."""
    clues = _Clues(text)
    facts = votes(text)
    mover, seconder = movers(text) if _moved(text, clues) else (None, None)
    facts.mover, facts.seconder = mover, seconder
    stripped = text.strip()
    short = len(stripped) <= _SHORT
    if (short or clues.any(_TALLY_NEED)) and (tally := _TALLY.match(stripped)):
        return Reading("tally", tally.group("side"), facts)
    if (side := shapes.side_line(stripped)) is not None:
        return Reading("vote", None, _side_facts(*side))
    if line_kind != "heading" and stripped[:2] in ("To", "TO") \
            and _CONFIRMING.match(stripped) and _RECORD.search(stripped):
        return Reading("confirming")  # a decision unless one follows it (see _linked)
    if line_kind == "heading" or _AGENDA.match(stripped) or (
            clues.any(_ELSEWHERE_NEED) and _ELSEWHERE.search(stripped)):
        return Reading(None)
    if clues.any(_ABSENT_NEED) and _ABSENT_NAMES.match(stripped):
        return Reading("vote", None, facts)
    if clues.any(_RECOMMENDATION_NEED) and (advice := _RECOMMENDATION.match(stripped)):
        return Reading("recommendation", "officer" if advice.group("who") else None)
    if clues.any(_SIGNATURE_NEED) and _SIGNATURE.match(stripped):
        return Reading(None)
    if (shaped := _shaped(stripped, facts)) is not None:
        return shaped
    labelled = clues.any(_LABEL_NEED)
    if labelled and (lead := _BARE_LEAD.match(stripped)) \
            and len(_content(lead.group("rest"))) <= 3:
        return Reading("lead", lead.group("label"), facts)
    if stripped.endswith(_LEAD_MARKS) and _BODY_LEAD.match(stripped):
        return Reading("lead", None, facts)
    if labelled and (label := _LABEL.match(stripped)):
        if _OTHER_BODY.search(stripped):
            return Reading(None)
        return Reading("label", label.group("label"), facts)
    if labelled and _AND_RESOLVED.match(stripped):
        return Reading("label", None, facts)
    if stripped[:6].lower() == "motion" and _NUMBERED_MOTION.match(stripped):
        return Reading("motion", None, facts)
    if any(word in stripped[:_THAT_WITHIN] for word in _THAT_NEED) and _THAT.match(stripped):
        return Reading("that", None, facts)
    if (mover or seconder) and (_MOTION.search(stripped) or _SECONDER.match(stripped)
                                or _proposed_and(stripped)
                                or _SECONDED_PASSIVE.match(stripped)
                                or _SECONDER_FIRST.match(stripped)):
        if _decides(stripped, clues) and not _OUTCOME_SUBJECT.match(stripped):
            return Reading("body", _label_of(stripped, _decides(stripped, clues)), facts)
        if _FOLLOWING_MOTION.search(stripped):
            return Reading("mover", None, facts)  # the motion itself is on the line after
        return Reading("motion" if _motion_words(stripped) else "mover", None, facts)
    if (said := _decides(stripped, clues)) and not _OTHER_BODY.search(stripped):
        if _OUTCOME_SUBJECT.match(stripped) and (facts.counted() or facts.outcome):
            return Reading("outcome", None, facts)
        form = "anaphoric" if _ANAPHORIC.match(stripped) or _this_outcome(stripped) else "body"
        return Reading(form, _label_of(stripped, said), facts)
    if _minutes_form(stripped, clues) or clues.any(_PARTICIPLE_NEED) and _agreed_thing(stripped):
        return Reading("body", None, facts)
    if any(word in stripped for word in _DISPOSITION_NEED) and _DISPOSITION.search(stripped) \
            or facts.votes_for is not None and _YEAS.search(stripped):
        return Reading("disposition", None, facts)
    intro = clues.any(_INTRO_NEED) and bool(_VOTE_INTRO.search(stripped))
    if facts.counted() or facts.outcome:
        return Reading("vote" if facts.counted() or not intro else "intro", None, facts)
    if intro:
        return Reading("intro", None, facts)
    return Reading(None)


def _side_facts(side: str, count: int, listed: str) -> Facts:
    """The vote one side's line gives ("For (12): Cllrs A, B"): its count and names."""
    found = Facts()
    setattr(found, _COUNT_OF[side], count)
    found.named[side] = _names(listed)
    return found


def _shaped(text: str, facts: Facts) -> Reading | None:
    """A sentence read by :mod:`decision_shapes`: "No objection.", "Notes were OK.",
    "Governors consented to …" (decisions), "The Board NOTED the report." (none), a
    member's motion in quotes after their name; None when it reads none of them."""
    if shapes.no_objection(text) or shapes.minutes_fine(text) or shapes.consented(text):
        return Reading("body", None, facts)
    if "NOTED" in text and shapes.noted_only(text):
        return Reading(None)
    if shapes.named_motion(text):
        return Reading("that", None, facts)
    return None


def _moved(text: str, clues: _Clues) -> bool:
    """Whether ``text`` may name a mover or seconder (then :func:`movers` reads them)."""
    return bool(clues.any(_MOTION_NEED) and (_MOTION.search(text) or _proposed_and(text)
                                             or _NUMBERED_MOTION.match(text))
                or clues.any(_SECONDER_NEED) and (_SECONDER.search(text)
                                                  or _SECONDER_FIRST.search(text)))


# "Date of next meeting agreed as 5 June.", "Quote from Ash Fencing accepted.", "1. Next
# meeting – Items agreed for inclusion": a thing and its participle, a decision in the
# shorthand of small bodies' minutes (after a point's number and a topic, perhaps)
_AGREED_THING = re.compile(
    r"^(?:\(?(?:\d{1,2}|[a-h])[.)]\s{1,3})?(?:[A-Z][^.;:–—-]{0,60}?\s[–—:-]\s{1,3})?"
    r"(?P<subject>[A-Z][\w'’£$]{0,30}(?:\s{1,3}[\w'’&£$.,]{1,30}){0,7})\s{1,3}"
    r"(?P<label>agreed|approved|accepted|adopted|ratified|endorsed)"
    r"(?=\s{1,3}(?:for|as|at|with|subject|unanimously|in\s+principle|by\s+all)\b|\s{0,3}[.;,]|"
    r"\s{0,3}$)(?P<rest>.{0,300})")
_PARTICIPLE_NEED = ("agreed", "approved", "accepted", "adopted", "ratified", "endorsed")
# who may agree, not be agreed: a participle after them is their own verb ("Cllr Ash agreed")
_AGREEING = re.compile(r"(?i:\b(?:cllrs?|councillors?|cr|mr|mrs|ms|miss|dr|chair\w*|clerk|"
                       r"members?|it|this|that|these|he|she|they|we|all|everyone|council|"
                       r"committee|board|meeting|trustees|governors|who|which)\b)")
_FINITE_AFTER = re.compile(r"\b(?:was|were|is|are|has|have|had|will|would|be)\b")


def _agreed_thing(text: str) -> bool:
    """Whether ``text`` records a thing agreed in the shorthand "<thing> agreed …": the
    thing no one who could agree it ("Roy agreed", "Members agreed" are their verbs), nor
    a clause's subject ("The dates agreed last year were kept")."""
    found = _AGREED_THING.match(text)
    if found is None or _AGREEING.search(found.group("subject")) \
            or _FINITE_AFTER.search(found.group("rest")):
        return False
    words = [w for w in found.group("subject").split() if w.lower() not in ("and", "&", "of")]
    plural = words[-1].endswith("s") and not words[-1].endswith("ss")
    # capitalised words alone are as likely names ("Roy agreed.", "Jo and Sam agreed."):
    # only a plural is a thing then ("Minutes approved.", "Annual Accounts approved.")
    return plural or not all(w[:1].isupper() for w in words)


def _minutes_form(text: str, clues: _Clues) -> bool:
    """Whether ``text`` uses a formula of minutes ("taken as read", "declared carried")."""
    if not (clues.any(_FORMS_NEED) or clues.any(_AS_READ_NEED) and clues.any(_AS_READ_WITH)):
        return False
    return bool(_MINUTES_FORMS.search(text))


def _decides(text: str, clues: _Clues | None = None) -> str | None:
    """The word by which ``text`` says the body decided, or None."""
    clues = clues or _Clues(text)
    if not (clues.any(_DECIDES_NEED) or any(word in text for word in _NOTED_NEED)):
        return None
    for pattern in (_IT_WAS, _BODY_DECIDES, _PASSIVE, _BODY_THEN_DECIDES, _BODY_BUT_DECIDES):
        if (found := pattern.search(text)):
            return found.group("label")
    return None


def _label_of(text: str, word: str) -> str | None:
    """The label a decision word is, as written: "It was RESOLVED", "It was resolved",
    "the Board APPROVED"; None for "It was agreed" or "were approved"."""
    if word.isupper() and word in {"RESOLVED", "AGREED", "APPROVED", "DECIDED"}:
        return word
    if word.lower() == "resolved" and _IT_WAS.search(text):
        return word
    return None


_MOTION_KEYWORDS = {"it", "was", "and", "by", "the", "moved", "proposed", "prop", "seconded",
                    "second", "2nd", "sec", "motion", "mover", "seconder", "on", "proposal", "of", "a", "an", "as",
                    "therefore", "then", "also", "duly", "further", "formally", "subsequently"}
# What a vote line says besides its names ("CARRIED RESOLUTION NO. 12 5/0"): no motion.
_VOTE_VOCABULARY = {"carried", "lost", "resolution", "no", "number", "unanimously", "unanimous",
                    "defeated", "accepted", "approved", "declared", "motion", "vote", "votes",
                    "for", "against", "abstentions", "abstained", "all", "members", "present",
                    "in", "favour", "favor", "nem", "con"}


def _motion_words(text: str) -> bool:
    """Whether a mover's sentence says what was moved ("to adopt", "that …"), not only who."""
    rest = text
    if (both := _proposed_and(text)):
        rest = text[:both[0]] + " " + text[both[1]:]
    for pattern in (*_MOVER_PATTERNS, _SECONDER, _SECONDER_FIRST):
        rest = pattern.sub(" ", rest)
    rest = re.sub(r"\([^()]{0,40}\)", " ", rest)  # "Seconded: B (member)": of the name
    # whole words only: "NO.2024/GM31", a resolution's number, says nothing of the motion
    words = [w for w in re.findall(r"\b[A-Za-z]{2,}\b", rest)
             if w.lower() not in _MOTION_KEYWORDS and w.lower() not in _VOTE_VOCABULARY]
    return len(words) >= 1


def _content(text: str) -> list[str]:
    return [w for w in re.findall(r"[A-Za-z0-9]+", text.lower())
            if w not in {"that", "the", "a", "an", "of", "to", "and", "be", "it", "was"}]


# --- the pass -----------------------------------------------------------------------------

_DECISION_FORMS = {"label", "that", "motion", "body", "anaphoric", "disposition"}
_FACT_FORMS = {"vote", "mover", "outcome", "intro"}


@dataclass
class _Span:
    start: int
    end: int
    reading: Reading


def read(pieces: list[Piece]) -> list[Piece]:
    """``pieces`` with the decisions in them read: each a piece of kind "resolution" with
    its label, vote, outcome, mover and seconder; a paragraph cut where a decision starts
    or a decision's parts begin. Every word is kept, each once, in order."""
    found: list[tuple[Piece, Reading | None]] = []
    run: list[Piece] = []
    for piece in pieces:
        if piece.kind != "note":
            found.extend(_run(run))
            run = []
            found.append((piece, None))
        elif run and _wrapped(run[-1], piece):
            run.append(piece)
        else:
            found.extend(_run(run))
            run = [piece]
    found.extend(_run(run))
    return _linked(found)


# A line that stops mid-sentence ("… Moved by", "… seconded by Councillor X, it") and
# the line after it that carries on ("McPherson to adopt.", "was agreed to …"): one
# sentence, hard-wrapped, as PDFs and some web pages print them.
_DANGLING = re.compile(r"(?:\b(?:by|of|to|the|and|a|an|that|for|on|at|in|with|from|Moved|MOVED|"
                       r"Motion|seconded|Carried|was|were|it)|,)$")


def _wrapped(before: Piece, after: Piece) -> bool:
    """Whether ``after`` carries on the sentence ``before`` stops in the middle of."""
    if before.line_kind == "heading" or after.line_kind != "text" or after.joined:
        return False
    if re.search(r"[.!?:;|)\]]$", before.text) or _PART.match(after.text):
        return False
    if _LABEL.match(after.text) or _THAT.match(after.text) or _MOTION.match(after.text):
        return False  # the line after starts a decision of its own
    return after.text[:1].islower() or bool(_DANGLING.search(before.text))


def _run(run: list[Piece]) -> list[tuple[Piece, Reading | None]]:
    """The pieces of one sentence-run of lines (usually one paragraph), each decision
    cut from the sentences around it."""
    if not run:
        return []
    if len(run) == 1:
        return _paragraph(run[0])
    text = " ".join(piece.text for piece in run)
    starts, at = [], 0
    for piece in run:
        starts.append(at)
        at += len(piece.text) + 1
    groups = _groups(text, "text")
    found: list[tuple[Piece, Reading | None]] = []
    for piece, start in zip(run, starts):
        end = start + len(piece.text)
        inside = [g for g in groups if g.end > start and g.start < end]
        found.extend(_cut(piece, [(max(g.start, start) - start, min(g.end, end) - start, g)
                                  for g in inside]))
    # a decision wrapped over lines is the line holding most of it; the rest stay notes
    for group in groups:
        held = [n for n, (_, reading) in enumerate(found) if reading is group.reading]
        if len(held) > 1:
            main = max(held, key=lambda n: len(found[n][0].text))
            for n in held:
                if n != main:
                    found[n] = (found[n][0], Reading(None))
    return found


def _cut(piece: Piece, parts: list[tuple[int, int, _Span]]) -> list[tuple[Piece, Reading | None]]:
    """``piece`` cut where each group of its sentences starts, each with its reading."""
    parts = [(a, b, g) for a, b, g in parts if piece.text[a:b].strip()]
    if len(parts) <= 1:
        reading = parts[0][2].reading if parts else Reading(None)
        whole = parts and parts[0][2].start >= 0 and len(parts) == 1
        return _with_parts(piece, reading) if whole else [(piece, reading)]
    cut = split(piece, [a for a, _, _ in parts[1:]])
    if len(cut) != len(parts):
        return [(piece, Reading(None))]
    found = []
    for fragment, (_, _, group) in zip(cut, parts):
        found.extend(_with_parts(fragment, group.reading))
    return found


def _paragraph(piece: Piece) -> list[tuple[Piece, Reading | None]]:
    """One paragraph's pieces: its decisions apart from the sentences around them."""
    groups = _groups(piece.text, piece.line_kind)
    return _cut(piece, [(g.start, g.end, g) for g in groups])


def _groups(text: str, line_kind: str) -> list[_Span]:
    """The sentences of ``text`` gathered: a decision with the vote and mover sentences
    around it, the other sentences between decisions together."""
    spans = [_Span(a, b, read_sentence(text[a:b], line_kind)) for a, b in _cut_dispositions(
        text, sentences(text))]
    groups: list[_Span] = []
    starts: list[int] = []  # where each sentence so far starts
    for span in spans:
        form = span.reading.form
        last = groups[-1] if groups else None
        if form == "anaphoric" and last is not None and _outcome_of(last.reading, span.reading,
                                                                   text[span.start:span.end]):
            last.end = span.end  # "… that the grant be awarded. This was carried."
            starts.append(span.start)
            continue
        if form == "anaphoric" and last is not None and last.reading.form is None \
                and last.start < starts[-1]:
            last.end = starts[-1]  # "This was agreed" takes only the sentence before it
            last = _Span(starts[-1], span.end, span.reading)
            groups.append(last)
            starts.append(span.start)
            continue
        starts.append(span.start)
        if last is not None and _continues(last.reading.form, form):
            last.end = span.end
            if form == "anaphoric" or last.reading.form in ("mover",):
                last.reading = Reading(form, span.reading.label, _merged(last.reading.facts,
                                                                       span.reading.facts))
            else:
                last.reading.facts.merge(span.reading.facts)
            continue
        groups.append(_Span(span.start, span.end, span.reading))
    for group in groups:
        if group.reading.form is not None and group.reading.form != "lead":
            whole = _facts_of_text(text[group.start:group.end])
            whole.merge(group.reading.facts)
            group.reading.facts = whole
    return [g for g in groups if text[g.start:g.end].strip()]


_ASCII_LOWER = re.compile("[a-z]")
# what a disposition in a list of items starts with (the pattern is in capitals)
_DISPOSITION_SPAN_NEED = ("(Y", "PLACED", "RECEIVED", "WITHDRAWN", "PASSED", "REFERRED",
                          "CONTINUED")


def _cut_dispositions(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The sentences, each disposition in a run-on list of items made one of its own."""
    opening = text[:2000]
    if not (_ASCII_LOWER.search(opening) or any(c.islower() for c in opening)):
        return spans  # a heading or a line in capitals holds no list of dispositions
    cuts = {b for a, b in spans} | {a for a, b in spans}
    if any(word in text for word in _DISPOSITION_SPAN_NEED):
        for found in _DISPOSITION_SPAN.finditer(text):
            cuts.update((found.start(), found.end()))
    ordered = sorted(cuts | {0, len(text)})
    return [(a, b) for a, b in itertools.pairwise(ordered) if text[a:b].strip()]


def _facts_of_text(text: str) -> Facts:
    """The vote and movers of a decision's sentences read together ("Carried 6-1. Pass: A.")."""
    facts = votes(text)
    if _moved(text, _Clues(text)):
        facts.mover, facts.seconder = movers(text)
    return facts


def _outcome_of(decision: Reading | None, said: Reading, text: str) -> bool:
    """Whether ``text`` ("This was carried.", read as ``said``) tells the fate of the
    decision just before it (read as ``decision``), which knows none yet: if so its
    outcome and votes are given to that decision. "This was agreed" gives a motion the
    outcome carried."""
    if decision is None or decision.form not in _OUTCOME_TAKERS or decision.facts.outcome:
        return False
    told = _this_outcome(text)
    if told is None or _conflict(decision.facts, said.facts):
        return False
    found = _merged(Facts(outcome=told[0]), said.facts)
    if found.outcome is None and (decision.form == "motion" or decision.facts.mover
                                  or decision.facts.seconder):
        found.outcome = "carried"  # a motion agreed to is a motion carried
    decision.facts.merge(found)
    return True


# the decisions a line of their fate may follow: not "This was agreed" itself
_OUTCOME_TAKERS = {"label", "that", "motion", "body", "part"}


def _continues(before: str | None, now: str | None) -> bool:
    """Whether a sentence belongs to the group before it: a vote or mover after a decision,
    a decision after its mover, "This was agreed" after what was agreed, notes together."""
    if before is None:
        return now is None or now == "anaphoric"
    if before in _DECISION_FORMS:
        return now in ("vote", "mover", "outcome") or (now == "disposition" and before != "disposition")
    if before == "mover":
        return now in _DECISION_FORMS or now in ("vote", "outcome", "mover")
    return False


def _merged(first: Facts, second: Facts) -> Facts:
    merged = Facts()
    merged.merge(first)
    merged.merge(second)
    return merged


def _with_parts(piece: Piece, reading: Reading) -> list[tuple[Piece, Reading | None]]:
    """A decision written with its parts in it ("RESOLVED that (1) …; and (2) …") cut
    before each part; the words before the first part lead into them."""
    if reading.form not in ("label", "that", "body", "lead"):
        return [(piece, reading)]
    marks = [m for m in _INLINE_PART.finditer(piece.text)]
    if len(marks) < 2 or not _in_sequence([m.group("m") for m in marks]):
        return [(piece, reading)]
    cut = split(piece, [m.start() for m in marks])
    lead_text = piece.text[:marks[0].start()].strip()
    found: list[tuple[Piece, Reading | None]] = []
    label = reading.label
    for n, part in enumerate(cut):
        if n == 0 and lead_text:
            short = len(_content(_LABEL.sub("", lead_text))) <= 4
            found.append((part, Reading("lead" if short else reading.form, label, reading.facts)))
        else:
            found.append((part, Reading("part", label, Facts())))
    if not lead_text and found:
        found[0] = (found[0][0], Reading("part", label, reading.facts))
    return found


def _in_sequence(marks: list[str]) -> bool:
    """Whether part markers run 1, 2, 3 … or a, b, c … or i, ii, iii …"""
    first = marks[0].lower()
    return first in ("1", "a", "i") and len(set(marks)) == len(marks)


# --- across pieces ------------------------------------------------------------------------

_REACH = 6  # how many pieces away a vote or mover on a line of its own may be from its decision


def _linked(found: list[tuple[Piece, Reading | None]]) -> list[Piece]:
    """Decisions made from the readings: parts under a lead, vote and mover lines given to
    their decision, a decision repeated word for word left a note the second time."""
    pieces = [piece for piece, _ in found]
    readings = [reading for _, reading in found]
    decided = [False] * len(pieces)
    labels: list[str | None] = [None] * len(pieces)
    facts = [r.facts if r else Facts() for r in readings]
    lead: Reading | None = None
    advised = _recommended(found)
    for n, (piece, reading) in enumerate(found):
        if reading is None or n in advised:
            lead = None if n in advised else lead
            continue
        form = reading.form
        if form == "lead":
            lead = reading
            continue
        if lead is not None:
            is_part = form == "part" or _PART.match(piece.text) or piece.line_kind == "bullet"
            first_after = n > 0 and readings[n - 1] is lead
            if is_part or (first_after and form not in ("mover", "vote", "intro", "label")):
                decided[n] = True
                labels[n] = reading.label or lead.label
                if first_after:
                    facts[n].merge(lead.facts)
                continue
            lead = None
        if form == "part" or form in _DECISION_FORMS:
            decided[n] = True
            labels[n] = reading.label
    _tallies(pieces, readings, facts)
    _roll_calls(pieces, readings, facts)
    shapes.lead_movers(pieces, readings, decided, facts)
    shapes.trailing_movers(pieces, readings, decided, facts)
    shapes.declared_outcomes(pieces, readings, decided, facts, _REACH)
    shapes.main_motion_put(pieces, readings, decided, facts, _REACH)
    _told_outcomes(pieces, readings, decided, facts)
    _confirmations(readings, decided)
    _outcomes_of_motions(pieces, readings, decided, facts)
    _fact_lines(pieces, readings, decided, facts)
    _motions_resolved(pieces, readings, decided, facts)
    _repeats(pieces, decided)
    _divisions(pieces, readings, decided, facts)
    _carried_by_saying(readings, decided, facts)
    for n, piece in enumerate(pieces):
        if decided[n]:
            piece.kind = "resolution"
            piece.label = labels[n]
            facts[n].put_on(piece)
    return pieces


def _carried_by_saying(readings, decided, facts) -> None:
    """A motion (moved or seconded) the minutes record as decided ("RESOLVED that …",
    "The minutes were agreed", "All in favour") without naming its outcome: carried. A
    motion minuted only as moved ("Moved by A that …") says nothing of its fate."""
    for n, reading in enumerate(readings):
        found = facts[n]
        if not decided[n] or reading is None or found.outcome is not None \
                or not (found.mover or found.seconder):
            continue
        all_for = found.unanimous and not found.votes_against
        if all_for or reading.form in ("label", "body", "anaphoric"):
            found.outcome = "carried"


def _recommended(found: list[tuple[Piece, Reading | None]]) -> set[int]:
    """The pieces of a recommendation ("Officer's Recommendation:" and the "That …" and
    parts under it), none of them a decision. A plain "Recommendation:" is an officer's
    only when a decision follows it (the body's own resolution); otherwise it may be how
    the body words its decision, and is read as ever."""
    advised: set[int] = set()
    n = 0
    while n < len(found):
        reading = found[n][1]
        if reading is None or reading.form != "recommendation":
            n += 1
            continue
        block = [n]
        for after in range(n + 1, len(found)):
            if not _in_recommendation(*found[after]):
                break
            block.append(after)
        end = block[-1] + 1
        ahead = [r for _, r in found[end:end + 2 * _REACH] if r is not None]
        if reading.label == "officer" or any(r.form in _DECISION_FORMS or r.form == "mover"
                                             for r in ahead):
            advised.update(block)
        n = end
    return advised


def _in_recommendation(piece: Piece, reading: Reading | None) -> bool:
    """Whether ``piece`` carries on the recommendation above it: its "That …", its parts."""
    if reading is None or piece.line_kind == "heading":
        return False
    if reading.form in ("that", "part", "lead"):
        return True
    return reading.form in (None, "body", "label") and (
        bool(_PART.match(piece.text)) or piece.line_kind == "bullet")


def _tallies(pieces, readings, facts) -> None:
    """A vote set out as a table: a heading ("In Favour", "Against") over the names, the
    count in brackets after them ("… Leddin. (3)") or else the names counted. The table
    is read as a vote line at its heading."""
    for n, reading in enumerate(readings):
        if reading is None or reading.form != "tally":
            continue
        side = _side(reading.label or "")
        listed: list[str] = []
        count = None
        for after in range(n + 1, min(len(pieces), n + 1 + _REACH)):
            if readings[after] is not None and readings[after].form is not None:
                break
            text = pieces[after].text.strip(" *")
            if (bracket := re.search(r"\((\d{1,3})\)\W{0,3}$", text)):
                count = int(bracket.group(1))
                text = text[:bracket.start()]
            listed += _names(re.sub(r"^(?:Councillors?|Cllrs?|Members?)\s", "", text))
            if count is not None:
                break
        found = Facts()
        found.named[side] = listed
        setattr(found, {"for": "votes_for", "against": "votes_against",
                        "abstain": "votes_abstain"}[side], count if count is not None else len(listed))
        facts[n] = found
        readings[n] = Reading("tallied", None, found)


# "Commissioner Okafor   Yes": one member's vote a line, in a roll call
_ROLL_LINE = re.compile(r"^\W{0,3}(?P<name>(?:[A-Z][\w'’.\-]{0,30}\s{1,40}){1,4})[:–-]?\s{0,3}"
                        r"(?P<vote>Yes|YES|No|NO|Aye|AYE|Nay|NAY|Yea|YEA|Abstain|ABSTAIN|"
                        r"Abstained|ABSTAINED|Absent|ABSENT)\.?\s{0,3}$")
_ROLL_SIDES = {"yes": "for", "aye": "for", "yea": "for", "no": "against", "nay": "against",
               "abstain": "abstain", "abstained": "abstain"}


def _roll_calls(pieces, readings, facts) -> None:
    """A roll call a member to a line ("Commissioner Okafor  Yes", at least two lines): its
    names and the count against read as one vote line at its first line."""
    n = 0
    while n < len(pieces):
        run = []
        while n + len(run) < len(pieces) and (reading := readings[n + len(run)]) is not None \
                and reading.form is None and len(pieces[n + len(run)].text) <= 120 \
                and (line := _ROLL_LINE.match(pieces[n + len(run)].text)):
            run.append(line)
        if len(run) < 2:
            n += 1
            continue
        found = Facts()
        for line in run:
            side = _ROLL_SIDES.get(line.group("vote").lower())
            if side:
                found.named[side].append(line.group("name").strip())
        found.votes_against = len(found.named["against"])
        if found.named["abstain"]:
            found.votes_abstain = len(found.named["abstain"])
        facts[n] = found
        readings[n] = Reading("vote", None, found)
        n += len(run)


def _side(word: str) -> str:
    word = word.lower()
    if word.startswith(("against", "nay", "noe")):
        return "against"
    return "abstain" if word.startswith("abst") else "for"


def _divisions(pieces, readings, decided, facts) -> None:
    """A Scottish division: "On a division, there voted for the motion – … (10); and for
    the amendment – … (16) – whereupon the amendment was declared carried", in one
    paragraph or one line each ("For the motion (5) – Councillors …"). The counts go to
    the decision declaring the result and, the other way round, to the motion."""
    for n, piece in enumerate(pieces):
        motion_found = _DIVISION["motion"].search(piece.text)
        if motion_found is None:
            continue
        last = min(len(pieces), n + 4)
        amended = next(((at, found) for at in range(n, last)
                        if (found := _DIVISION["amendment"].search(pieces[at].text))), None)
        if amended is None:
            continue
        end, amendment_found = amended
        motion, amendment = int(motion_found.group("n")), int(amendment_found.group("n"))
        result = next((at for at in range(end, min(len(pieces), end + 3))
                       if _DECLARED.search(pieces[at].text)), None)
        said = _DECLARED.search(pieces[result].text).group().lower() if result is not None else ""
        won = ("amendment" if ("amendment" in said) == ("carried" in said) else "motion") \
            if said else ("amendment" if amendment > motion else "motion")
        if result is not None and decided[result]:
            facts[result].votes_for, facts[result].votes_against = (
                (amendment, motion) if won == "amendment" else (motion, amendment))
            facts[result].outcome = "carried"
        for back in range(n - 1, max(-1, n - 1 - _REACH), -1):
            if decided[back] and readings[back] is not None and readings[back].form == "motion" \
                    and "amendment" not in pieces[back].text.lower():
                facts[back].votes_for, facts[back].votes_against = motion, amendment
                facts[back].outcome = "lost" if won == "amendment" else "carried"
                break


# "the amendment was declared carried", "The motion was accordingly declared lost"
_DECLARED = re.compile(r"(?i:\b(?:motion|amendment)\s+(?:was\s+)?(?:\w{1,15}\s+)?"
                       r"(?:declared\s+)?(?:carried|lost|fell|defeated))")


_CONFIRMED_WITHIN = 3  # pieces after an agenda's words where the decision they ask for is


def _confirmations(readings, decided) -> None:
    """"To confirm as a true record the minutes of …" as the minute of the item: the
    decision, when no decision follows it (as "The minutes were confirmed" would; then
    it is the agenda's words, repeated)."""
    for n, reading in enumerate(readings):
        if reading is not None and reading.form == "confirming" \
                and _next_decision(readings, decided, n, _CONFIRMED_WITHIN) is None:
            decided[n] = True


def _told_outcomes(pieces, readings, decided, facts) -> None:
    """"This was carried." on the line after a motion: the motion's outcome (and any
    count the line gives), the line a note kept in its place, not a second decision."""
    for n in range(1, len(pieces)):
        reading, before = readings[n], readings[n - 1]
        if reading is None or reading.form != "anaphoric" or not decided[n] \
                or not decided[n - 1] or before is None or pieces[n].joined:
            continue
        decision = Reading(before.form, before.label, facts[n - 1])
        if _outcome_of(decision, Reading(reading.form, reading.label, facts[n]),
                       pieces[n].text):
            facts[n] = Facts()
            decided[n] = False


def _outcomes_of_motions(pieces, readings, decided, facts) -> None:
    """"The Minutes were APPROVED unanimously" after "X MOVED for approval of the Minutes":
    the motion's outcome, not a second decision."""
    for n, reading in enumerate(readings):
        if reading is None or not decided[n] or reading.form not in ("body", "outcome"):
            continue
        if not _OUTCOME_SUBJECT.match(pieces[n].text) and reading.form != "outcome":
            continue
        subject = _OUTCOME_SUBJECT.match(pieces[n].text)
        said = subject.group().lower() if subject else ""
        for back in range(n - 1, max(-1, n - _REACH), -1):
            amended = "amendment" in pieces[back].text.lower()
            if decided[back] and ("motion" in said and amended or "amendment" in said
                                  and not amended):
                continue  # "The motion was declared carried" after the amendment moved
            if readings[back] is not None and _moved_motion(readings, back) and decided[back] \
                    and facts[back].outcome is None:
                facts[back].merge(_outcome_facts(facts[n], pieces[n].text))
                decided[n] = False
                break
            if decided[back]:
                break


def _moved_motion(readings, at: int) -> bool:
    """Whether the decision at ``at`` is a motion: moved in its sentence, or a "That …" a
    mover's line leads into or follows ("Cllr A moved the following motion:")."""
    form = readings[at].form
    return form == "motion" or form == "that" and any(
        readings[k] is not None and readings[k].form == "mover"
        for k in range(max(0, at - 1), min(len(readings), at + 2)))


def _outcome_facts(found: Facts, text: str) -> Facts:
    if found.outcome is None and _PASSIVE.search(text):
        found.outcome = "carried"
    return found


def _fact_lines(pieces, readings, decided, facts) -> None:
    """A vote, an outcome or a mover on a line of its own given to its decision: a mover
    line to the decision after it (or before, when it follows one), a vote line to the
    decision before it; a vote belonging to no decision is itself one. Counts a line each
    ("In favour: 6" / "Against: 2") all go where the first of them went."""
    counted_to: tuple[int, int] | None = None  # (line, its decision) of the last count line
    for n, reading in enumerate(readings):
        if reading is None or decided[n] or reading.form not in ("vote", "mover", "outcome",
                                                                 "tallied"):
            continue
        found = facts[n]
        target = None
        if reading.form == "vote" and counted_to and counted_to[0] == n - 1 \
                and _LONE_COUNT.match(pieces[n].text) and not _conflict_counts(
                    facts[counted_to[1]], found):
            facts[counted_to[1]].merge(found)
            facts[n] = Facts()
            counted_to = (n, counted_to[1])
            continue
        ahead = _next_decision(readings, decided, n, 3 * _REACH if reading.form == "tallied"
                               else _REACH)
        behind = _previous_decision(readings, decided, n)
        if reading.form == "mover":
            text = pieces[n].text.rstrip()
            forward = text.endswith((":", "and", "–", "-", "that", ",")) or ahead == n + 1
            for choice in ((ahead, behind) if forward else (behind, ahead)):
                if choice is not None and not (found.mover and facts[choice].mover) \
                        and not (found.seconder and facts[choice].seconder):
                    target = choice
                    break
        else:
            if _VOTE_INTRO.search(pieces[n].text):
                behind = None  # "A vote was taken, …": a vote of its own
                ahead = ahead if ahead == n + 1 else None
            if _AMENDMENT_SUBJECT.match(pieces[n].text):
                # "The amendment fell.": the amendment's fate, never the motion's
                behind, ahead = (at if at is not None and "amendment" in pieces[at].text.lower()
                                 else None for at in (behind, ahead))
            if behind is None and ahead is None and reading.form == "vote":
                # "A recorded vote was requested." after the motion, no decision to come
                behind = _previous_decision(readings, decided, n, past_intro=True)
            if behind is not None and not _conflict(facts[behind], found):
                target = behind
            elif ahead is not None and not _conflict(facts[ahead], found):
                target = ahead
        if target is not None:
            facts[target].merge(found)
            facts[n] = Facts()
            if reading.form == "vote" and _LONE_COUNT.match(pieces[n].text):
                counted_to = (n, target)
        elif (_substantive(found) or found.outcome) and reading.form in ("vote", "outcome"):
            decided[n] = True  # a vote, or a motion's fate, whose motion is not minuted here
        elif reading.form == "mover" and (_substantive(found) or found.outcome):
            # "Proposed: Cllr A  Seconded: Cllr B  All in favour" under the matter's note:
            # the line is the motion and its vote, with no other words for the decision
            decided[n] = True


def _motions_resolved(pieces, readings, decided, facts) -> None:
    """"It was moved by A, seconded by B, that X" and then "RESOLVED – That X": one
    decision, minuted as the resolution, which takes the motion's mover and vote. An
    amendment, a motion lost or withdrawn, or a resolution saying something else stays
    a decision of its own."""
    for n, reading in enumerate(readings):
        if reading is None or not decided[n] or reading.form != "motion" \
                or facts[n].outcome in ("lost", "withdrawn") \
                or "amendment" in pieces[n].text.lower():
            continue
        after = _next_decision(readings, decided, n)
        if after is None or readings[after] is None \
                or readings[after].form not in ("label", "that") \
                or _conflict(facts[after], facts[n]) or not _same_matter(pieces[n].text,
                                                                         pieces[after].text):
            continue
        facts[after].merge(facts[n])
        facts[n] = Facts()
        decided[n] = False


def _same_matter(motion: str, resolution: str) -> bool:
    """Whether a resolution holds most of the words of what the motion moved (the words
    after its "that" or "to", or else all of them)."""
    moved = _MOVED_MATTER.search(motion)
    words = _content(motion[moved.end():] if moved else motion)
    held = set(_content(resolution))
    return bool(words) and sum(1 for w in words if w in held) * 2 >= len(words)


_MOVED_MATTER = re.compile(r"\b(?:that|THAT|That|to|TO)\s")


def _substantive(found: Facts) -> bool:
    """Whether a vote says more than that nobody voted one way ("Nays: None" alone)."""
    return found.unanimous or any(n for n in (found.votes_for, found.votes_against,
                                              found.votes_abstain)) or any(found.named.values())


def _conflict(known: Facts, found: Facts) -> bool:
    """Whether a vote line says again what a decision's vote already says (so it is
    another vote): counts twice, or an outcome twice with nothing else new."""
    if known.votes_for is not None and found.votes_for is not None:
        return True
    if known.unanimous and found.unanimous:
        return True
    return bool(known.outcome and found.outcome and not found.counted())


_AMENDMENT_SUBJECT = re.compile(r"^\W{0,3}(?:(?:The|the|THE|This|this)\s{1,3})?(?:[Aa]mendment|AMENDMENT)s?\b")


def _conflict_counts(known: Facts, found: Facts) -> bool:
    """Whether a count line gives a side a decision's vote has counted already."""
    return any(getattr(known, side) is not None and getattr(found, side) is not None
               for side in ("votes_for", "votes_against", "votes_abstain"))


def _next_decision(readings, decided, n: int, reach: int = _REACH) -> int | None:
    for ahead in range(n + 1, min(len(readings), n + 1 + reach)):
        if decided[ahead]:
            return ahead
    return None


def _previous_decision(readings, decided, n: int, past_intro: bool = False) -> int | None:
    for back in range(n - 1, max(-1, n - 1 - _REACH), -1):
        if readings[back] is not None and readings[back].form == "intro" and not past_intro:
            return None  # "a vote was taken …": what follows is for the decision to come
        if decided[back]:
            return back
    return None


def _repeats(pieces, decided) -> None:
    """A decision printed twice (a Decision block, then the same words under Minutes) is
    one decision: the second stays a note."""
    seen: set[str] = set()
    for n, piece in enumerate(pieces):
        if not decided[n]:
            continue
        found = re.findall(r"\w+", piece.text.lower())
        words = " ".join(found)
        if len(found) >= 12 and words in seen:  # short formulas recur: "Moved by X to adopt."
            decided[n] = False
        seen.add(words)
