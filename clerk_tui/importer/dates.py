"""When a meeting was held, and which body held it, read from the minutes' own heading.

Dates come in many forms ("Tuesday 22nd August, 2023", "22 August 2023", "13/01/2022",
"15.03.22", "November 13, 2018", "the 12th day of May, 2021", ISO); numeric dates are read
day first, as in the UK, unless that is impossible. The meeting's own date is the one in the
heading (or in a "held on …" phrase), never that of earlier minutes being confirmed, of a
deadline, or of the meeting the minutes were moved from.
"""

from __future__ import annotations

import datetime as dt
import re

_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august",
           "september", "october", "november", "december")
_MONTH = (r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
          r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?(?![a-z])")
_WEEKDAY = r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)?"
_ORD = r"(?:st|nd|rd|th)?"
DATE = re.compile(
    r"(?<![\w/.-])" + _WEEKDAY + r"(?:the\s+)?(?:"
    rf"(?P<d1>\d{{1,2}}){_ORD}(?:\s*[-–]\s*\d{{1,2}}{_ORD})?(?:\s+day)?(?:\s+of)?[\s,]+"
    rf"(?P<m1>{_MONTH.replace('(', '(?:', 1)})[\s,]+(?P<y1>\d{{4}})"
    rf"|(?P<m2>{_MONTH.replace('(', '(?:', 1)})\s+(?P<d2>\d{{1,2}}){_ORD}"
    rf"(?:\s*[-–]\s*\d{{1,2}}{_ORD})?,?\s+(?P<y2>\d{{4}})"
    r"|(?P<iy>\d{4})-(?P<im>\d{2})-(?P<id>\d{2})"
    r"|(?P<na>\d{1,2})(?P<sep>[./-])(?P<nb>\d{1,2})(?P=sep)(?P<ny>\d{4}|\d{2})"
    r")(?![\w/])", re.I)
TIME = re.compile(
    r"(?<![\w.:/])(?:(?P<h>\d{1,2})(?:[.:]\s?(?P<m>\d{2}))?\s*(?P<ap>[ap])\.?\s?m\b\.?"
    r"|(?P<h24>[01]?\d|2[0-3])[:.](?P<m24>[0-5]\d)\s*(?:hrs?\b|hours\b)"
    r"|(?P<hc>[01]?\d|2[0-3]):(?P<mc>[0-5]\d)(?![\d:]))", re.I)
# Words before a date that make it some other day's: the minutes being confirmed, a
# deadline, the meeting it was moved from, the next meeting.
_NOT_MEETING = re.compile(
    r"\b(?:previous|last|next|earlier|approv\w*|agree\w*|confirm\w*|signed|adopted|accepted|"
    r"true record|moved from|postponed|rescheduled|deadline|due|by|until|before|after|from|"
    r"since|dated|printed|published|issued|circulated|despatched|dispatched)\b[^.;,:]{0,60}$",
    re.I)
_CONFIRMED_AFTER = re.compile(r"^[\s,]*(?:\([^)]*\)\s*)?(?:were|was|be|are|is|having been)\s+"
                              r"(?:\w+\s+){0,3}?(?:approved|confirmed|agreed|signed|adopted|"
                              r"accepted|received|noted|taken)\b", re.I)
_HELD = re.compile(r"\b(?:held|meeting of|minutes of|convened|took place|sitting of)\b", re.I)
_HELD_LATER = re.compile(r"\b(?:held|meeting of)\b", re.I)
_START = re.compile(r"\b(?:held|commenc\w*|convened|began|beginning|start\w*|opened|"
                    r"called (?:\w+ ){0,4}to order|meeting (?:was )?called|time)\b\W{0,3}"
                    r"(?:at|from|is|was)?\s*(?:approximately\s*)?$", re.I)
HEAD_LINES = 15   # the heading: the first non-empty lines
SCAN_LINES = 60   # how far a "held on …" phrase or a start time is looked for


def _year(text: str) -> int:
    year = int(text)
    if len(text) == 2:
        year += 2000 if year < 70 else 1900
    return year


def date_of(found: re.Match) -> dt.date | None:
    """The date a :data:`DATE` match names, or None when it names none."""
    g = found.groupdict()
    try:
        if g["m1"] or g["m2"]:
            month = _month(g["m1"] or g["m2"])
            return dt.date(int(g["y1"] or g["y2"]), month, int(g["d1"] or g["d2"]))
        if g["iy"]:
            return dt.date(int(g["iy"]), int(g["im"]), int(g["id"]))
        first, second, year = int(g["na"]), int(g["nb"]), _year(g["ny"])
        if second > 12 >= first:  # 11/13/18: month first, since there is no 13th month
            first, second = second, first
        return dt.date(year, second, first)
    except ValueError:
        return None


def _month(name: str) -> int:
    name = name.lower().rstrip(".")
    return next(i for i, month in enumerate(_MONTHS, 1) if month.startswith(name[:3]))


def dates(text: str) -> list[tuple[re.Match, dt.date]]:
    """Every date named in ``text``, in order."""
    return [(m, day) for m in DATE.finditer(text) if (day := date_of(m)) is not None
            and 1800 <= day.year <= 2200]


def time_of(found: re.Match) -> dt.time | None:
    g = found.groupdict()
    if g["h"] is not None:
        hour = int(g["h"])
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if g["ap"].lower() == "p" else 0)
        minute = int(g["m"] or 0)
    else:
        hour, minute = int(g["h24"] or g["hc"]), int(g["m24"] or g["mc"])
    return dt.time(hour, minute) if minute < 60 else None


def time_in(text: str) -> dt.time | None:
    """The first time of day named in ``text`` ("7.15 pm", "7:00 p.m.", "19:30")."""
    for found in TIME.finditer(text or ""):
        if (when := time_of(found)) is not None:
            return when
    return None


def _time_after(text: str) -> dt.time | None:
    """A time that follows a date at once ("…, 2023 at 7.15 pm", "… 2019 – 7pm")."""
    found = re.match(r"^[\s,;(–-]*(?:(?:at|from|commencing(?: at)?|starting(?: at)?)\s+)?"
                     r"(?:approximately\s+)?", text, re.I)
    rest = text[found.end():]
    if (clock := TIME.match(rest)) is not None:
        return time_of(clock)
    return None


def _started(text: str) -> dt.time | None:
    """The time in "held at 6pm", "commencing at 10.00 am", "Time: 6pm", "called to order at …"."""
    for clock in TIME.finditer(text):
        if _START.search(text[max(0, clock.start() - 60):clock.start()]):
            return time_of(clock)
    return None


def _in_sentence(before: str) -> bool:
    """Whether the words before a date read as a sentence ("… was presented to schools on"),
    not as a heading ("PLANNING COMMITTEE – Tuesday", "Date:")."""
    return len(re.findall(r"(?<![\w'’-])[a-z][\w'’-]*", before)) > 3


_SALUTATION = re.compile(r"^Dear\s+\w+", re.I)
_LETTER_END = re.compile(r"\byours (?:sincerely|faithfully)\b|\bintentionally (?:left )?blank\b|"
                         r"^enc(?:s|losures?)?\.?$", re.I)


def _after_letter(texts: list[str]) -> tuple[list[str], bool]:
    """Minutes sent under a covering letter ("Date: …", "Dear Councillor", the next
    meeting's date): the lines after the letter, and whether a letter is still open (then
    only a "held on …" phrase names the meeting's date)."""
    start = next((i for i, t in enumerate(texts[:HEAD_LINES]) if _SALUTATION.match(t)), None)
    if start is None:
        return texts, False
    ends = [i for i, t in enumerate(texts) if i > start and _LETTER_END.search(t)]
    if not ends:
        return texts, True
    return texts[ends[-1] + 1:], False


def meeting_when(lines: list[str]) -> tuple[dt.date | None, dt.time | None]:
    """The date (and start time) of the meeting whose minutes ``lines`` are."""
    texts = [" ".join(t.split()) for t in lines if t and t.strip()][:SCAN_LINES]
    texts, in_letter = _after_letter(texts)
    best = None
    for index, text in enumerate(texts):
        for found, day in dates(text):
            before = text[max(0, found.start() - 100):found.start()]
            if _NOT_MEETING.search(before) or _CONFIRMED_AFTER.match(text[found.end():]):
                continue
            head = index < HEAD_LINES
            held_by = _HELD if head else _HELD_LATER
            held = bool(held_by.search(before)) or index > 0 and len(before.strip()) < 20 and bool(
                held_by.search(texts[index - 1][-60:]))
            if not held and (not head or in_letter or _in_sentence(before)):
                continue
            after = text[found.end():]
            if not after.strip() and index + 1 < len(texts):
                after = texts[index + 1]
            clock = _time_after(after)
            rank = (not head, -(2 * held + (clock is not None)), index, found.start())
            if best is None or rank < best[0]:
                best = (rank, day, clock)
    if best is None:
        return None, None
    clock = best[2]
    if clock is None:
        for text in texts:
            if (clock := _started(text)) is not None:
                break
    return best[1], clock


_BODY = (r"(?:council|committee|sub-committee|subcommittee|board|panel|authority|trust|governors|"
         r"governing body|cabinet|executive|forum|commission|commissioners|assembly|corporation|"
         r"association|scrutiny|union|meeting of members)")
_BODY_WORD = re.compile(rf"\b{_BODY}s?\b", re.I)
_COMMITTEE_WORD = re.compile(r"\b(?:committee|sub-committee|subcommittee|board|cabinet|panel|"
                             r"forum|governors|governing body|scrutiny|executive|commission)\b",
                             re.I)
_END = r"(?=\s+(?:was |were )?(?:held|on|at|in|convened|commencing|dated)\b|\s*[,(;]|\s+[-–—]\s|$)"
_PHRASES = (
    re.compile(r"\bminutes? of (?:the |an? )?(?:[\w-]+ ){0,3}?(?:meeting|proceedings|session)s?"
               r"(?: at (?:the |an? )?(?:[\w-]+ ){0,3}?meeting)? of (?:the )?(?P<x>.+?)" + _END, re.I),
    re.compile(r"\b(?:an? |the )?(?:[\w-]+ ){0,2}?meeting of (?:the )?(?P<x>.+?)" + _END, re.I),
    re.compile(r"\bminutes? of (?:the |an? )?(?P<x>.+?) meeting\b", re.I),
)
_BEFORE_DASH = re.compile(r"^(?P<x>[^–—|:]+?)\s+[-–—|]\s+"
                          r"(?:(?:draft |confirmed |approved )?minutes\b|\d|"
                          r"(?:mon|tues|wednes|thurs|fri|satur|sun)day\b)", re.I)
_CHROME = re.compile(r"\b(?:toggle|skip|menu|navigation|search|home|log ?in|cookies?|share|"
                     r"download|view|loading|pdf|print|results?|browser|click|page|agendas?|"
                     r"documents?|contact|venue|copied|upload)\b|https?:|www\.|@|:", re.I)


_OTHER_MEETING = re.compile(r"\b(?:approv\w*|confirm\w*|previous|last|next|agree\w*|signed)\b",
                            re.I)


def _clean_body(name: str) -> str | None:
    name = " ".join(name.split()).strip(" .,;:-–—\"'")
    name = re.sub(r"^(?:the|a|an)\s+", "", name, flags=re.I)
    name = re.sub(r"(?:\s+(?:regular|special|ordinary|annual|general))?(?:\s+meeting)?"
                  r"\s+minutes$", "", name, flags=re.I)  # "Parks Board Meeting Minutes"
    if re.search(r"\bsession$", name, re.I):
        return None  # "Closed Session": a kind of meeting, not who met
    if not name or len(name) > 90 or len(name.split()) > 12 or not _BODY_WORD.search(name):
        return None
    if _CHROME.search(name) or re.search(r"[.!?]$", name):
        return None
    small = {"of", "the", "and", "for", "in", "on", "at", "a", "an", "&", "de", "du", "la"}
    if any(w[:1].islower() and w not in small for w in name.split()):
        return None  # a sentence ("The Panel reviewed the …"), not a name
    return name


def body_in(lines: list[str]) -> str | None:
    """The body whose minutes ``lines`` are, as the heading names it ("Minutes of a meeting
    of the X held on …", "MINUTES OF THE X MEETING", "X – Minutes", a first heading line
    naming a council, committee or board), or None when the heading does not name it."""
    texts = [" ".join(t.split()) for t in lines if t and t.strip()][:HEAD_LINES]
    blob = " ".join(texts)
    starts = [0]
    for text in texts:
        starts.append(starts[-1] + len(text) + 1)
    for pattern in _PHRASES:
        for found in pattern.finditer(blob):
            line_start = max(at for at in starts if at <= found.start())
            before = blob[line_start:found.start()]
            if _NOT_MEETING.search(before) or _OTHER_MEETING.search(before) or re.search(
                    r"\b(?:that|resolved|resolution)\W+(?:the\s+)?$", before, re.I):
                continue  # "That the minutes of the meeting of the X … be approved"
            if (name := _clean_body(found.group("x"))) is not None:
                return name
    for text in texts:
        if (found := _BEFORE_DASH.match(text)):
            name = _clean_body(found.group("x").rsplit(",", 1)[-1])
            if name is not None:
                return name
    heads = [name for text in texts if len(text) <= 90 and not text.endswith(".")
             and (name := _clean_body(text)) is not None]
    committees = [name for name in heads if _COMMITTEE_WORD.search(name)]
    return (committees or heads or [None])[0]
