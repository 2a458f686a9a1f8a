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
_MONTH = (r"(jan(?:uary)?|feb(?:r?u?r?ary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
          r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?(?![a-z])")
# A month's name or its short form, grouping nothing: for patterns built elsewhere
MONTH_NAME = _MONTH.replace("(", "(?:", 1)
_WEEKDAY = r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)?"
_ORD = r"(?:st|nd|rd|th)?"
DATE = re.compile(
    r"(?<![\w/.-])" + _WEEKDAY + r"(?:the\s+)?(?:"
    rf"(?P<d1>\d{{1,2}}){_ORD}(?:\s*[-–]\s*\d{{1,2}}{_ORD})?(?:\s+day)?(?:\s+of)?(?:[\s,]+|-)"
    rf"(?P<m1>{_MONTH.replace('(', '(?:', 1)})(?:[\s,]+|-)(?P<y1>\d{{4}})"
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
HEADING_CHARS = 1000  # a heading run into one line names its body within its first words


# Every form of DATE holds a digit: a text without one is not searched.
_DIGIT = re.compile(r"\d")
# Characters a case-blind pattern reads as an ASCII letter though lower() leaves them
# apart ("ſ" is an "s", "K" a "k", "ı" an "i").
_LOOKALIKES = re.compile("[\u0130\u0131\u017f\u212a]")


def may_hold(text: str, *words: str) -> bool:
    """Whether a case-blind pattern needing one of ``words`` (lower case) may match
    ``text``: a quick test before a pattern that would be tried at every place of it."""
    lower = text.lower()
    return any(word in lower for word in words) or bool(_LOOKALIKES.search(text))


def _year(text: str) -> int:
    year = int(text)
    if len(text) == 2:
        year += 2000 if year < 70 else 1900
    return year


def date_of(found: re.Match, month_first: bool = False) -> dt.date | None:
    """The date a :data:`DATE` match names, or None when it names none. A numeric date is
    read day first ("03/04/2022" is 3 April) unless ``month_first`` or it must be."""
    g = found.groupdict()
    try:
        if g["m1"] or g["m2"]:
            month = _month(g["m1"] or g["m2"])
            return dt.date(int(g["y1"] or g["y2"]), month, int(g["d1"] or g["d2"]))
        if g["iy"]:
            return dt.date(int(g["iy"]), int(g["im"]), int(g["id"]))
        first, second, year = int(g["na"]), int(g["nb"]), _year(g["ny"])
        if second > 12 >= first or month_first and first <= 12:  # 11/13/18: no 13th month
            first, second = second, first
        return dt.date(year, second, first)
    except ValueError:
        return None


def _month(name: str) -> int:
    name = name.lower().rstrip(".")
    return next(i for i, month in enumerate(_MONTHS, 1) if month.startswith(name[:3]))


def dates(text: str, month_first: bool = False) -> list[tuple[re.Match, dt.date]]:
    """Every date named in ``text``, in order (numeric ones month first if ``month_first``)."""
    return _named(_date_matches(text), month_first)


def _date_matches(text: str) -> list[re.Match]:
    return list(DATE.finditer(text)) if _DIGIT.search(text) else []


def _named(matches: list[re.Match], month_first: bool) -> list[tuple[re.Match, dt.date]]:
    return [(m, day) for m in matches
            if (day := date_of(m, month_first)) is not None and 1800 <= day.year <= 2200]


_TELLING = 2000  # characters of a line enough to tell how it writes its dates


def month_first(texts: list[str]) -> bool:
    """Whether the document writes numeric dates month first, as in the US: one of its
    numeric dates can only be read so ("11/13/18"), or, with none either way, it writes
    its dates in words month first ("November 13, 2018") more often than day first."""
    return _month_first([_date_matches(text[:_TELLING]) for text in texts])


def _month_first(found_in: list[list[re.Match]]) -> bool:
    """:func:`month_first`, from the dates found in each line's first characters."""
    votes = {"day": 0, "month": 0, "words_day": 0, "words_month": 0}
    for matches in found_in:
        for found in matches:
            g = found.groupdict()
            if g["na"]:
                first, second = int(g["na"]), int(g["nb"])
                if second > 12 >= first:
                    votes["month"] += 1
                elif first > 12 >= second:
                    votes["day"] += 1
            elif g["m1"] or g["m2"]:
                votes["words_month" if g["m2"] else "words_day"] += 1
    if votes["month"] or votes["day"]:
        return votes["month"] > votes["day"]
    return votes["words_month"] > votes["words_day"]


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
    """A time that follows a date at once ("…, 2023 at 7.15 pm", "… 2019 – 7pm",
    "… 2017 COMMENCING AT 8.00AM")."""
    found = re.match(r"^[\s,;(–—|@-]{0,12}(?:(?:at|from|commencing|starting|beginning|time)"
                     r"(?:\s+at)?\W{0,3}\s*)?(?:approximately\s+|about\s+)?", text, re.I)
    rest = text[found.end():]
    if (clock := TIME.match(rest)) is not None:
        return time_of(clock)
    return None


_AT_TIME = re.compile(r"\b(?:at|commencing(?:\s+at)?|starting(?:\s+at)?)\s{1,3}"
                     r"(?:approximately\s{1,3})?(?=\d)", re.I)
_VENUE_SPAN = 200  # characters: a venue, with its street and town, before the time


def _time_after_venue(text: str) -> dt.time | None:
    """A time after the venue that follows the date in a heading ("… 2024 IN THE COUNCIL
    CHAMBER, 14 HIGH STREET, ELMSFORD AT 10:00"), within the one sentence."""
    text = text[:_VENUE_SPAN]
    for found in _AT_TIME.finditer(text):
        if _SENTENCE_END.search(text[:found.start()]):
            return None
        if (clock := TIME.match(text, found.end())) is not None:
            return time_of(clock)
    return None


def _time_before(before: str) -> dt.time | None:
    """A time that comes just before the date ("held at 7.30 pm on Tuesday …")."""
    last = None
    for clock in TIME.finditer(before):
        last = clock
    if last is None or not re.fullmatch(r"[\s,;–—-]{0,6}(?:on\s+)?(?:the\s+)?",
                                        before[last.end():], re.I):
        return None
    return time_of(last)


# Statements of when the meeting opened, which stand over the time the heading called it
# for: first a call to order or an opening by the chair, then "the meeting commenced at".
_OPENED = re.compile(
    r"\bcalled\s+(?:[\w’'-]+\s+){0,4}?to\s+order\b|"
    r"\bdeclared\s+(?:the\s+)?(?:[\w’'-]+\s+){0,2}?(?:meeting|session)\s+open\b|"
    r"\bopened\s+the\s+(?:[\w-]+\s+){0,2}?(?:meeting|session)\b|"
    r"\b(?:meeting|session)\s+(?:was\s+)?(?:formally\s+)?opened\b", re.I)
_COMMENCED = re.compile(
    r"\b(?:meeting|session|council|board|committee|commission|cabinet|panel|authority)\s+"
    r"(?:was\s+|then\s+)?(?:commenced|started|began|convened)\b", re.I)
_SENTENCE_END = re.compile(r"[.;!?]\s+[A-Z]|[.;!?]$")


def _time_of_statement(text: str, found: re.Match) -> dt.time | None:
    """The time an opening statement gives, after it ("… to order at 7:02 p.m.") or
    before it ("At 7:02 p.m. the Chair called …"), within its sentence."""
    after = text[found.end():found.end() + 120]
    if (clock := TIME.search(after)) is not None and not _SENTENCE_END.search(
            after[:clock.start()]) and (when := time_of(clock)) is not None:
        return when
    before = text[max(0, found.start() - 80):found.start()]
    last = None
    for clock in TIME.finditer(before):
        last = clock
    if last is not None and re.search(r"\bat\s*$", before[:last.start()], re.I) and not (
            _SENTENCE_END.search(before[last.end():])):
        return time_of(last)
    return None


def _opening_time(texts: list[str]) -> dt.time | None:
    """When the minutes say the meeting was opened: a call to order (or an opening by the
    chair) before a "meeting commenced at"; never a meeting called back to order."""
    for pattern, needs in ((_OPENED, ("open", "order")),
                           (_COMMENCED, ("commenced", "started", "began", "convened"))):
        for text in texts:
            if not may_hold(text, *needs):
                continue
            for found in pattern.finditer(text):
                if re.search(r"\b(?:back|re-?convened?|resumed?)\b", found.group(), re.I):
                    continue
                if (when := _time_of_statement(text, found)) is not None:
                    return when
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
    """The date (and start time) of the meeting whose minutes ``lines`` are. The start
    time is when the minutes say it opened ("called to order at 7:03 p.m."), else the time
    the heading gives with the date, else one labelled or "commencing at" near the top."""
    texts = [" ".join(t.split()) for t in lines if t and t.strip()][:SCAN_LINES]
    texts, in_letter = _after_letter(texts)
    found_in = [_date_matches(text) for text in texts]  # read once, for both uses
    us = _month_first([matches if len(text) <= _TELLING else _date_matches(text[:_TELLING])
                       for text, matches in zip(texts, found_in)])
    best = None
    for index, text in enumerate(texts):
        for found, day in _named(found_in[index], us):
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
            clock = _time_after(after) or _time_before(before) or _time_after_venue(after)
            rank = (not head, -(2 * held + (clock is not None)), index, found.start())
            if best is None or rank < best[0]:
                best = (rank, day, clock)
    if best is None:
        return None, None
    clock = _opening_time(texts) or best[2]
    if clock is None:
        for text in texts:
            if (clock := _started(text)) is not None:
                break
    return best[1], clock


_BODY = (r"(?:council|committee|sub-committee|subcommittee|board|panel|authority|trust|governors|"
         r"governing body|cabinet|executive|forum|commission|commissioners|assembly|corporation|"
         r"association|scrutiny|union|court|meeting of members)")
_BODY_WORD = re.compile(rf"\b{_BODY}s?\b", re.I)
_COMMITTEE_WORD = re.compile(r"\b(?:committee|sub-committee|subcommittee|board|cabinet|panel|"
                             r"forum|governors|governing body|scrutiny|executive|commission)\b",
                             re.I)
_END = r"(?=\s+(?:was |were )?(?:held|on|at|in|convened|commencing|dated)\b|\s*[,(;]|\s+[-–—]\s|$)"
_PHRASES = (
    re.compile(r"\bminutes? of (?:the |an? )?(?:[\w-]+ ){0,3}?(?:meeting|proceedings|session)s?"
               r"(?: at (?:the |an? )?(?:[\w-]+ ){0,3}?meeting)? of (?:the )?(?P<x>.{1,150}?)" + _END, re.I),
    re.compile(r"\b(?:an? |the )?(?:[\w-]+ ){0,2}?meeting of (?:the )?(?P<x>.{1,150}?)" + _END,
               re.I),
    re.compile(r"\bminutes? of (?:the |an? )?(?P<x>.{1,150}?) meeting\b", re.I),
)
_BEFORE_DASH = re.compile(r"^(?P<x>[^–—|:]{1,150}?)\s{1,5}[-–—|]\s{1,5}"
                          r"(?:(?:draft |confirmed |approved )?minutes\b|\d|"
                          r"(?:mon|tues|wednes|thurs|fri|satur|sun)day\b)", re.I)
_CHROME = re.compile(r"\b(?:toggle|skip|menu|navigation|search|home|log ?in|cookies?|share|"
                     r"download|view|loading|pdf|print|results?|browser|click|page|agendas?|"
                     r"documents?|contact|venue|copied|upload)\b|https?:|www\.|@|:", re.I)


_OTHER_MEETING = re.compile(r"\b(?:approv\w*|confirm\w*|previous|last|next|agree\w*|signed)\b",
                            re.I)


# A venue after the body's name on its heading line ("… CITY COUNCIL CIVIC HALL").
_VENUE_AFTER = re.compile(rf"(?P<body>\b{_BODY}s?)(?:\s+(?!(?:of|for|the|and|at)\b)[\w’'-]+)"
                          r"{1,5}?\s+(?:hall|chambers?|room|centre|center|offices|building)$",
                          re.I)


# A person named with a title ("Ms", "Cllr", "Professor"), as an attendance line names one
_PERSON = re.compile(r"(?i:mr|mrs|ms|miss|mx|dr|prof|professor|cllr|councillor|sir|dame|"
                     r"rev|revd|reverend)\.?\s+[A-Z]")


def _clean_body(name: str) -> str | None:
    name = " ".join(name.split()).strip(" .,;:-–—\"'")
    name = re.sub(r"^(?:the|a|an)\s+", "", name, flags=re.I)
    # "CLOSED SESSION OF THE X COUNCIL": the X Council met, in closed session
    name = re.sub(r"^(?:[\w-]+\s+){0,2}?session\s+of\s+(?:the\s+)?(?=\S)", "", name, flags=re.I)
    if len(name) <= 150:
        name = _VENUE_AFTER.sub(r"\g<body>", name)
    name = re.sub(r"(?:\s+(?:regular|special|ordinary|annual|general))?(?:\s+meeting)?"
                  r"\s+minutes$", "", name, flags=re.I)  # "Parks Board Meeting Minutes"
    bare = re.sub(r"(?:\s+(?:regular|special|ordinary|annual|general))?\s+meeting$", "", name,
                  flags=re.I)  # "SCHOOL COMMITTEE MEETING"; an "Annual Parish Meeting" stays
    if _BODY_WORD.search(bare):
        name = bare
    if re.search(r"\bsession$", name, re.I):
        return None  # "Closed Session": a kind of meeting, not who met
    if _PERSON.match(name):
        return None  # "Ms A Bloggs (Chair, Residents' Association)": a member, not who met
    if not name or len(name) > 90 or len(name.split()) > 12 or not _BODY_WORD.search(name):
        return None
    if _CHROME.search(name) or re.search(r"[.!?]$", name):
        return None
    small = {"of", "the", "and", "for", "in", "on", "at", "a", "an", "&", "de", "du", "la"}
    if any(w[:1].islower() and w not in small for w in name.split()):
        return None  # a sentence ("The Panel reviewed the …"), not a name
    return name


# A line that opens with a date or a day ("Wednesday, June 11, 2025", "11 June"), which no
# body's name runs on into.
_DATE_START = re.compile(r"\s?(?:\d|(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|"
                         + _MONTH + ")", re.I)


def _phrase_body(texts: list[str]) -> tuple[str, int] | None:
    """ "Minutes of a meeting of the X held on …", "MINUTES OF THE X MEETING", also when the
    phrase runs on over the next heading line; with the line it starts on."""
    blob = " ".join(texts)
    starts = [0]
    for text in texts:
        starts.append(starts[-1] + len(text) + 1)
    for pattern in _PHRASES:
        for found in pattern.finditer(blob):
            index = max(n for n, at in enumerate(starts) if at <= found.start())
            before = blob[starts[index]:found.start()]
            if _NOT_MEETING.search(before) or _OTHER_MEETING.search(before) or re.search(
                    r"\b(?:that|resolved|resolution)\W+(?:the\s+)?$", before, re.I):
                continue  # "That the minutes of the meeting of the X … be approved"
            # the name's own line, which need not be the phrase's ("COUNCIL MINUTES |
            # Regular Meeting of Council | Wednesday, …")
            index = max(n for n, at in enumerate(starts) if at <= found.start("x"))
            line_end = starts[index + 1] - 1
            own_line = blob[found.start("x"):line_end]
            if found.end("x") > line_end:  # run on into the next line
                if re.search(rf"\b{_BODY}s?$", own_line, re.I) and (  # not into the agenda
                        name := _clean_body(own_line)) is not None:
                    return name, index
                if _DATE_START.match(blob, line_end + 1):
                    continue  # the heading's date line, not the rest of a name
            if (name := _clean_body(found.group("x"))) is not None:
                return name, min(index, len(texts) - 1)
    return None


_MINUTES_OF = re.compile(r"^minutes? of (?:the |an? )?(?P<x>.{1,150}?)" + _END, re.I)


def _minutes_of_body(texts: list[str]) -> tuple[str, int] | None:
    """A heading line "Minutes of the X held on …" that names no meeting."""
    for index, text in enumerate(texts):
        found = _MINUTES_OF.match(text)
        if found and re.search(rf"\b{_BODY}s?$", found["x"], re.I) and (
                name := _clean_body(found["x"])) is not None:
            return name, index
    return None


_LABELLED = re.compile(r"^(?:name of (?:the )?)?(?:meeting|committee|board|body|council|group)"
                       r"(?: name)?\s{0,3}:\s{0,3}(?P<x>[^:]{1,120})$", re.I)


def _labelled_body(texts: list[str]) -> tuple[str, int] | None:
    """A form's "Meeting: Planning Committee", "Committee: Licensing Sub-Committee"."""
    for index, text in enumerate(texts):
        if (found := _LABELLED.match(text)) and (name := _clean_body(found["x"])) is not None:
            return name, index
    return None


def _dash_body(texts: list[str]) -> tuple[str, int] | None:
    """ "X – Minutes", "X – Tuesday 3 May 2022"."""
    for index, text in enumerate(texts):
        if (found := _BEFORE_DASH.match(text)):
            name = _clean_body(found.group("x").rsplit(",", 1)[-1])
            if name is not None:
                return name, index
    return None


# A line that opens the agenda items ("50.", "1. CALL TO ORDER"): the heading is above it.
_FIRST_ITEM = re.compile(r"^\(?\d{1,3}[.)]?$|^\d{1,3}[.)]\s+\S")


def _heading_line_body(texts: list[str]) -> tuple[str, int] | None:
    """A heading line that is a body's name alone ("Waste Committee"), one naming a
    committee or board before one naming a council, above the first agenda item."""
    heads = []
    for index, text in enumerate(texts):
        if _FIRST_ITEM.match(text):
            break
        if len(text) <= 90 and not text.endswith(".") and not dates(text) and (
                name := _clean_body(text)):  # a name holds no date
            heads.append((name, index))
    committees = [head for head in heads if _COMMITTEE_WORD.search(head[0])]
    return (committees or heads or [None])[0]


_SMALL = {"of", "the", "and", "for", "&", "de", "du", "la"}
_NAME_BEFORE = re.compile(r"\b(?:(?:draft|confirmed|unconfirmed|approved)\s+)?minutes\b|"
                          r"\bdate\s{0,3}:", re.I)


def _name_before(text: str, at: int) -> str | None:
    """The name in capitals that ends just before ``at`` ("… 2017 ETHERIDGE SHIRE
    COUNCIL| MINUTES OF …", "… School Committee| Date: …"), if a body's; not the end of a
    sentence ("… received the Parks Board| minutes")."""
    before = text[max(0, at - 150):at].split()
    if at > 150 and before:
        before = before[1:]  # a word cut in two
    run: list[str] = []
    for word in reversed(before):
        if word.lower() in _SMALL or word[:1].isupper() and not re.search(r"\d", word):
            run.insert(0, word)
            continue
        if re.fullmatch(r"[a-z][\w’'-]*", word):
            return None  # a sentence runs on before it
        break
    while run and run[0].lower() in _SMALL:
        run.pop(0)
    if not run or not re.fullmatch(rf"{_BODY}s?", run[-1].strip("()"), re.I):
        return None
    return _clean_body(" ".join(run[-12:]))


def _body_before_label(texts: list[str]) -> tuple[str, int] | None:
    """The name before "MINUTES" or "Date:" in a heading whose lines were run together."""
    for index, text in enumerate(texts):
        for found in _NAME_BEFORE.finditer(text):
            if (name := _name_before(text, found.start())) is not None:
                return name, index
    return None


# Names that say what kind of body met but not whose it is ("SCHOOL COMMITTEE", "Council",
# "Board of Directors"): the organisation named on a heading line above goes before them.
_GENERIC = {"council", "committee", "board", "cabinet", "executive", "school", "city", "town",
            "village", "township", "county", "borough", "district", "parish", "community",
            "full", "regular", "special", "general", "ordinary", "annual", "extraordinary",
            "governing", "body", "governors", "trustees", "directors", "education", "of", "the",
            "and", "sub", "subcommittee", "commissioners", "selectmen", "supervisors", "aldermen",
            "trust", "management"}
_PLACE_KIND = re.compile(r"\b(?:parish|town|city|county|village|borough|district|township|"
                         r"shire|community)\b", re.I)
_ORGANISATION = re.compile(r"\b(?:district|county|city|town|township|village|borough|parish|"
                           r"shire|schools?|college|university|academy|trust|authority|council|"
                           r"municipality|municipal|regional|region|state|nhs|health|fire|police|"
                           r"association|society|corporation|foundation|charity|diocese|group|"
                           r"company|limited|ltd|plc|inc|incorporated|homes|housing|partnership|"
                           r"network|alliance|federation|institute|institution|club|league|"
                           r"co-?operative|agency)\b", re.I)
_NOT_ORGANISATION = re.compile(r"\b(?:hall|chambers?|room|library|centre|center|offices?|"
                               r"building|street|road|avenue|minutes|agenda|draft|meeting|"
                               r"notice|confirmed|approved|unconfirmed|present|session)\b", re.I)


def _generic(name: str) -> bool:
    return all(word in _GENERIC for word in re.findall(r"[a-z]+", name.lower()))


def _proper_line(text: str) -> bool:
    """A short line of names in capitals, with no date, label, chrome or sentence."""
    words = text.split()
    return (0 < len(words) <= 8 and len(text) <= 80 and not re.search(r"[\d:!?;]|\.$", text)
            and not _CHROME.search(text) and not _NOT_ORGANISATION.search(text)
            and all(w[:1].isupper() or w.lower() in _SMALL for w in words))


# "The Corporation of the Township of X", "City of X": an organisation named for its place,
# whose council is "the Council of the Township of X".
_OF_PLACE = re.compile(r"^(?:the\s+)?(?:corporation\s+of\s+)?(?:the\s+)?(?P<x>(?:city|town|"
                       r"township|village|county|municipality|borough|district|region|shire)"
                       r"\s+of\s+\S.*)$", re.I)


def _joined(organisation: str, name: str) -> str:
    """The organisation's name with the kind of body that met ("North Ashgrove" and
    "Council"), in one case when one of them is in capitals, so that it is typed as one."""
    if organisation.isupper() != name.isupper():
        organisation, name = organisation.upper(), name.upper()
    if name.lower() in organisation.lower():
        return organisation
    place = _OF_PLACE.match(organisation)
    if place and " of " not in name.lower():
        return f"{name} {'OF THE' if name.isupper() else 'of the'} {place['x']}"
    last, first = organisation.split()[-1], name.split()[0]
    if last.lower() == first.lower() and len(name.split()) > 1:
        # "Hollin Brook Academy Trust" and "Trust Board": the word they share, once
        return f"{organisation} {name.split(None, 1)[1]}"
    return f"{organisation} {name}"


_ORG_TAIL = re.compile(rf"\b(?:{_BODY}|district|county|city|town|township|village|borough|"
                      r"parish|shire|municipality|schools?|college|university|academy|trust|"
                      r"authority|association|society|corporation|foundation|charity|diocese|"
                      r"group|company|limited|ltd|plc|inc|incorporated|partnership|network|"
                      r"alliance|federation|institute|institution|club|league|co-?operative|"
                      r"agency)s?\.?$", re.I)


def _organisation_line(text: str) -> bool:
    return _proper_line(text) and bool(_ORGANISATION.search(text)) and not _generic(text)


# The kinds of body a sentence refers back to ("the Board", "the Parish Council", "the
# Authority"), and the kinds of meeting before them that are no part of the body's name
_REFERRED = _GENERIC | {"authority", "panel", "commission", "forum", "assembly", "sub-committee",
                        "corporation", "partnership", "association", "society"}
_KIND_WORDS = {"full", "regular", "special", "general", "ordinary", "annual", "extraordinary",
               "the"}


# "– Minutes", "Draft Minutes" after a body's name on its heading line
_MINUTES_AFTER = re.compile(r"(?:\s?[-–—:|])?\s?(?:(?:draft|confirmed|unconfirmed|approved)\s)?"
                            r"minutes$", re.I)


def _referred_to(name: str, texts: list[str], index: int) -> str | None:
    """The heading line a generic name refers back to, as printed: "NORTHFEN INTERNAL
    DRAINAGE BOARD" for "Minutes of the Meeting of the Board" under it, "Marlow Vale
    Parish Council" for "the Parish Council" (or "the Council") of a line below it; only
    when the heading ends with the very words the name is ("Board", "Parish Council"),
    so that "the Board" under "Kessle Water Authority" stays the Authority's Board."""
    said = re.findall(r"[a-z]+(?:-[a-z]+)*", name.lower())
    while said and said[0] in _KIND_WORDS:
        said.pop(0)  # "Annual Meeting of the Parish Council", "Full Council"
    if not said or not all(word in _REFERRED for word in said):
        return None
    nearby = [*reversed(texts[max(0, index - 5):index]), *texts[index + 1:index + 2]]
    for text in nearby:
        text = _MINUTES_AFTER.sub("", text).strip()  # "NORTHFEN DRAINAGE BOARD – MINUTES"
        words = re.findall(r"[a-z]+(?:-[a-z]+)*", text.lower())
        if len(words) > len(said) and words[-len(said):] == said \
                and words[-len(said) - 1] not in _SMALL and "," not in text \
                and _proper_line(text) and not _generic(text) and not _PERSON.match(text):
            return text  # (not "Papers for the Board", "A Fell, Chair of the Council")
    return None


def _with_organisation(name: str, texts: list[str], index: int) -> str:
    """``name`` with the organisation that a heading line above it names, when ``name``
    alone does not say whose body it is ("BERKSHIRE VALE SCHOOL DISTRICT" over "SCHOOL
    COMMITTEE MEETING"; "ASHBY MAGNA" over "PARISH COUNCIL"), or the line just below it
    ("MINUTES OF THE ORDINARY MEETING OF COUNCIL" over "QUILLAN SHIRE COUNCIL"); the
    heading itself when ``name`` refers back to it (:func:`_referred_to`)."""
    if (heading := _referred_to(name, texts, index)) is not None:
        return heading
    if not _generic(name):
        return name
    above = texts[max(0, index - 3):index]
    for text in reversed(above):
        if _organisation_line(text):
            return _joined(text, name)
    if above and _PLACE_KIND.search(name) and _proper_line(above[-1]) and not _generic(above[-1]):
        return _joined(above[-1], name)
    below = texts[index + 1] if index + 1 < len(texts) else ""
    # only a name of two words or more that ends as an organisation's does ("… Shire
    # Council", "… Homes Group"), not a first item's heading ("HOUSING")
    if _organisation_line(below) and len(below.split()) > 1 and _ORG_TAIL.search(below):
        return _joined(below, name)
    return name


# A heading that says what kind of meeting it was but not whose ("ANNUAL GENERAL MEETING
# - MINUTES", "Committee meeting, Wednesday …", "Special Board Meeting")
_KIND_OF_MEETING = re.compile(
    r"(?:(?:annual|extraordinary|special|general|ordinary|regular|committee|board|trustees’?'?|"
    r"members’?'?|management|executive|council)\s{1,3}){1,3}meeting\b(?!\s{1,3}(?:of|held)\b)",
    re.I)


def _kind_of_meeting_body(texts: list[str]) -> tuple[str, int] | None:
    """The organisation named on a line above a heading that names only the kind of
    meeting ("Riverside Tenants' Association" over "Annual General Meeting – Minutes")."""
    for index, text in enumerate(texts[:6]):
        if not _KIND_OF_MEETING.match(text):
            continue
        for above in range(index - 1, max(-1, index - 4), -1):
            name = texts[above]
            if _named_organisation(name):
                return name, above
        return None
    return None


def _named_organisation(text: str) -> bool:
    """A title-block line naming an organisation by name ("Ashby Road Allotment Society",
    "Fenwick Housing Co-operative Limited"): words in capitals ending as an organisation's."""
    words = text.split()
    return (1 < len(words) <= 8 and len(text) <= 80 and not re.search(r"[\d:!?;]|\.$", text)
            and not _CHROME.search(text) and bool(_ORG_TAIL.search(text))
            and not _generic(text) and not _PERSON.match(text)
            and all(w[:1].isupper() or w.lower() in _SMALL for w in words))


def _heading_body(texts: list[str]) -> str | None:
    for finder in (_phrase_body, _minutes_of_body, _labelled_body, _dash_body, _heading_line_body,
                   _body_before_label, _kind_of_meeting_body):
        if (found := finder(texts)) is not None:
            return _with_organisation(found[0], texts, found[1])
    return None


_ACTING = (
    # "the minutes of the previous meeting of the Cabinet": these minutes are the Cabinet's
    (2, re.compile(r"\b(?i:previous|last|preceding)\s+(?:[\w-]+\s+){0,2}?(?i:meeting)\s+of\s+"
                   r"(?:the\s+)?(?P<x>[A-Z][\w&’'-]*(?:\s+(?:of|and|for|the|&|[A-Z][\w&’'()-]*))"
                   r"{0,8})")),
    # "welcomed to the Council meeting", "his first Cabinet meeting"
    (1, re.compile(r"\b(?:the|this|its|his|her|their|first|today’s|today's)\s+"
                   r"(?P<x>Council|Cabinet|Board|Committee|Sub-Committee|Panel|Executive|"
                   r"Commission|Authority|Assembly|Forum)\s+(?i:meeting)\b")),
    # "The Committee RESOLVED", "Council agreed"
    (1, re.compile(r"(?:^|(?<=[Tt]he ))(?P<x>Council|Cabinet|Board|Committee|Sub-Committee|Panel|"
                   r"Executive|Commission|Authority|Trustees|Governors)\s+(?:RESOLVED|resolved|"
                   r"AGREED|agreed|DECIDED|decided|NOTED|noted|APPROVED|approved|unanimously)\b")),
)
# A "Council", a "Cabinet" or a "Board" is a body's own name; "the Committee" names none.
_NO_BODY_ALONE = {"committee", "sub-committee", "subcommittee", "panel", "forum"}
ACTING_LINES = 150  # how far the minutes' own words are read for the body that met


def _acting_body(texts: list[str]) -> str | None:
    """The body the minutes' own words show meeting, when no heading names it: the one
    whose "previous meeting" is confirmed, whose meeting a member is welcomed to, or which
    resolves; the one named most often so."""
    score: dict[str, int] = {}
    names: dict[str, str] = {}
    for text in texts[:ACTING_LINES]:
        for weight, pattern in _ACTING:
            for found in pattern.finditer(text):
                words = found["x"].split()
                while words and not re.fullmatch(rf"{_BODY}s?", words[-1].strip("()"), re.I):
                    words.pop()
                name = _clean_body(" ".join(words))
                if name is None or name.lower() in _NO_BODY_ALONE:
                    continue
                key = name.lower()
                names.setdefault(key, name)
                score[key] = score.get(key, 0) + weight
    if not score:
        return None
    return names[max(score, key=lambda key: score[key])]  # the first named, on a tie


def front_matter_title(raw_lines: list[str]) -> str | None:
    """The ``title:`` of the Markdown/YAML front matter block ("---", "title: …", "---")
    that opens a document, which cleanup drops; None without a closed block or a title."""
    texts = [text.strip() for text in raw_lines[:60]]
    if len(texts) < 3 or texts[0] != "---" or "---" not in texts[1:]:
        return None
    for text in texts[1:texts.index("---", 1)]:
        if (found := re.match(r"title\s{0,3}:\s{0,3}(?P<x>.{1,200})$", text, re.I)):
            return found["x"].strip().strip("\"'").strip() or None
    return None


def body_in(lines: list[str], title: str | None = None) -> str | None:
    """The body whose minutes ``lines`` are, as the heading names it ("Minutes of a meeting
    of the X held on …", "MINUTES OF THE X MEETING", "X – Minutes", "Meeting: X", a heading
    line naming a council, committee or board, with the organisation a title-block line
    above or just below names when it names only a kind of body), else as ``title`` (a
    document's own title, e.g. :func:`front_matter_title`) names it, else the body the
    minutes show meeting ("the minutes of the previous meeting of the Cabinet", "The Council
    RESOLVED"); None when nothing names it."""
    texts = [" ".join(t.split()) for t in lines if t and t.strip()]
    found = _heading_body([text[:HEADING_CHARS] for text in texts[:HEAD_LINES]])
    if found is None and title and title.strip():
        found = _heading_body([" ".join(title[:HEADING_CHARS].split())])
    return found or _acting_body(texts)
