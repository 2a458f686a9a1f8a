"""Where a file's meetings begin, and where each meeting's agenda items begin.

Minutes number their items in many shapes ("66.", "C 08/042", "GBP/2122/214:", "291/19",
"2307.01", "Item 5", "5)", "A1", "II", lettered sub-items), or number nothing and head
each item in capitals ("MATTERS ARISING"). Numbered sentences inside an item ("1. Gravel
still not removed."), decision parts and attendance lists look like items line by line;
what tells them apart is the document as a whole: the scheme the item headings actually
use repeats, in the same shape, increasing, with titles rather than sentences. Around
that scheme: sub-items lettered under a number ("16(A)", a roll number before them),
items numbered from 1 again under a closing heading ("EXTRA ITEMS"), bullets standing
for the numbers a copy lost, and roll-numbered headings without a number of their own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

from clerk_tui.importer.blocks import ItemBlock, Layout
from clerk_tui.importer.dates import DATE, TIME
from clerk_tui.importer.documents import Line

# A line's leading item number, by shape. Each names its scheme ("family"); the value
# orders the numbers of one scheme.
_SHAPES = (
    ("ref", re.compile(r"(?P<num>(?P<pre>[A-Z]{1,6}\d?)/(?P<v>\d{2,4})/(?P<minor>\d{1,4})):?")),
    # "PL/40", "HX.12/25", "ES.103/23", "C.24/25.07": a committee's letters, the minute's
    # number, then the year or session it counts within (and the minute within a session)
    ("ref", re.compile(r"(?P<num>(?P<pre>[A-Z]{1,6})[./](?P<v>\d{1,4})(?:/\d{2,4})?"
                       r"(?:\.(?P<minor>\d{1,3}))?)(?![/\d.])[.:]?")),
    ("ref", re.compile(r"(?P<num>(?P<pre>[A-Z]{1,6}) ?(?P<v>\d{1,4})/(?P<minor>\d{2,4}))"
                       r"(?![/\d])[.:]?")),
    ("slash", re.compile(r"(?P<num>(?P<v>\d{1,4})/(?P<minor>\d{2,4}))(?![/\d.])[.:]?")),
    ("label", re.compile(r"(?:(?:Agenda )?Item|Minute|ITEM|MINUTE)(?: No\.?)? "
                         r"(?P<num>(?P<v>\d{1,4})(?:\.\d{1,2}|/\d{2,4})?[a-z]?)(?![\d/])[.:)]?")),
    ("dotted", re.compile(r"(?P<num>(?P<v>\d{1,4})\.(?P<minor>\d{1,3}))(?![.\d/])[.)]?")),
    ("prefixed", re.compile(r"(?P<num>(?P<pre>[A-Z])-?(?P<v>\d{1,3}))(?![\d/])[.)]?")),
    ("int", re.compile(r"(?P<num>(?P<v>\d{1,3})(?:[a-z]|\([a-z]{1,2}\))?)(?![\d/,])"
                       r"(?:[.)](?!\d)|:(?=\s))?")),
    ("roman", re.compile(r"(?P<num>(?P<roman>[IVX]{1,5}))[.)]?(?=\s)")),
    ("letter", re.compile(r"\((?P<num>[A-Za-z])\)|(?P<num2>[a-zA-Z])[.)](?=\S|\s)")),
)
# A reference in front of the item number ("99-464 1. Roll call": a roll or resolution
# number) and a column header glued before it ("Actions 1 APOLOGIES").
_PREFIX = re.compile(r"^(?:\d{2}-\d{3,5}|Actions?)\s(?=\(?[\dA-Za-z])")
_PREFIXED_LETTER = re.compile(r"\([A-Za-z]\)\s")  # "99-481 (A) …": a sub-item's own roll number
_SEPARATOR = re.compile(r"^\s?/\s?|^\s")
_TITLE_DASH = re.compile(r"^[-–—]\s+")
# A sentence's end; not the full stop of "St.", "Mr.", "No." or an initial.
# Printed in capitals too ("CLLR. B. JONES").
_SENTENCE = re.compile(r"(?<!\b[A-Za-z])(?<!\bSt)(?<!\bMr)(?<!\bMrs)(?<!\bMs)(?<!\bDr)(?<!\bNo)"
                       r"(?<!\bCo)(?<!\bInc)(?<!\bLtd)(?<!\bCllr)(?<!\bRd)(?<!\bAve)(?<!\bMR)"
                       r"(?<!\bMRS)(?<!\bDR)(?<!\bCLLR)(?<!\bCllrs)(?<!\bCLLRS)(?<!\bProf)(?<!\bPROF)"
                       r"(?<!\bRev)(?<!\bREV)(?<!\bRevd)(?<!\bHon)(?<!\bHON)(?<!\bCr)(?<!\bCrs)"
                       r"[.!?](?:\s|$)")
_DECISION_LABEL = re.compile(r"(?:RESOLVED|Resolved|AGREED|Agreed|DECISION|Decision|ACTION|Action|"
                             r"RECOMMENDED|Recommended|NOTED|Noted|MOVED|Moved)\b")
_PRESENT = re.compile(
    r"^(?:(?:(?:members|councillors|trustees|governors|regents|directors|staff|officers|"
    r"officials)(?: \w{1,12})? )?(?:present|in attendance|also present|attendance|attendees|"
    r"(?:also )?attending|sederunt|(?:public )?gallery)\b|(?:members|councillors|trustees|governors|regents|"
    r"directors|board members)"
    r"\s?:)", re.I)
_ATTENDANCE = re.compile(
    r"^(?:(?:members|councillors|trustees|governors|regents|directors|staff|officers|"
    r"officials)(?: \w{1,12})? )?(?:present|in attendance|also present|apologies|absent|"
    r"attendance|attendees|(?:also )?attending|regrets|roll call)\b", re.I)
_MEETING_START = re.compile(
    r"^(?:(?:confirmed|unconfirmed|draft|approved|official|open|public) )?(?:minutes? of "
    r"(?:the |a |an )?(?:[\w-]+ ){0,2}(?:meeting|session|proceedings)|"
    r"(?:regular|special|extraordinary|executive|annual|ordinary|council|board|committee|"
    r"general|closed|public|open|emergency|adjourned|joint) (?:meeting|session) of\b|"
    r"at an? (?:\w+ )?meeting of\b)", re.I)
_VERB = re.compile(r"\b(?:was|were|is|are|be|been|would|will|had|has)\b", re.I)
_CONFIRMED = re.compile(r"\b(?:true|correct|accurate) record\b|\b(?:approved|confirmed|"
                        r"signed|adopted|accepted)\b", re.I)
_BODY_TITLE = re.compile(r"^[A-Z][A-Z&',. -]{2,60} (?:COMMITTEE|COUNCIL|BOARD|PANEL|CABINET|"
                         r"AUTHORITY|COMMISSION|TRUST|SUB-COMMITTEE|FORUM)$")
_MEETING = re.compile(
    r"\b(?:minutes? of (?:the |a |an )?(?:\w+ )?(?:meeting|session|proceedings)|"
    r"(?:regular|special|extraordinary|executive|annual|ordinary|council|board|committee|"
    r"general|closed|public|open|emergency|adjourned) (?:meeting|session) of\b|"
    r"at a (?:\w+ )?meeting of\b)", re.I)


@dataclass
class _Head:
    """A line that may head an agenda item."""

    index: int
    family: str
    number: str | None
    value: int
    title: str
    rest: str | None = None  # the words after the title, on the heading's line
    title_line: int | None = None  # the line the title is on, when not the heading's own
    minor: int | None = None
    prefix: str | None = None
    alone: bool = False  # the number alone on its line, with its full stop ("50.")
    glued: str | None = None  # the number as printed when the title runs on ("4.Matters")


def meetings(lines: list[Line]) -> list[list[Line]]:
    """The lines of each meeting in a file, split where a new meeting's heading begins
    after the previous meeting's business (every line kept, in order)."""
    starts = [0]
    numbered_since = False
    for n, line in enumerate(lines):
        if n - starts[-1] > 3 and numbered_since and _new_meeting(lines, n):
            starts.append(n)
            numbered_since = False
        elif _leading_number(line.text) is not None:
            numbered_since = True
    return [lines[a:b] for a, b in zip(starts, [*starts[1:], len(lines)])]


def _new_meeting(lines: list[Line], n: int) -> bool:
    """Whether a new meeting's title block begins at line ``n``: a meeting's name
    ("Minutes of the meeting of …", "REGULAR MEETING OF THE … COUNCIL") with a date in it
    or on one of the next short lines."""
    text = lines[n].text
    if len(text) > 250 or _SENTENCE.search(text[:-1]) or _VERB.search(text):
        return False  # a sentence about a meeting, not a meeting's heading
    if _BODY_TITLE.match(text):
        return n + 1 < len(lines) and bool(DATE.fullmatch(lines[n + 1].text))
    if not _MEETING_START.match(text) or any(
            _CONFIRMED.search(after.text) for after in lines[n + 1:n + 3]):
        return False  # the heading of an item confirming earlier minutes
    if DATE.search(text):
        return True
    return any(len(after.text) < 100 and DATE.search(after.text) for after in lines[n + 1:n + 3])


def _leading_number(text: str) -> str | None:
    if DATE.match(text):
        return None
    for family, shape in _SHAPES[:-2]:
        if (found := shape.match(text)) is not None:
            return found.group("num")
    return None


def layout(lines: list[Line]) -> Layout:
    """One meeting's lines divided into the opening lines and its agenda items."""
    lines = _inline_items_apart(lines)
    heads = _chosen(lines)
    if not heads:
        return Layout(list(lines), [])
    first = min(head.title_line if head.title_line is not None and head.title_line < head.index
                else head.index for head in heads[:1])
    found = Layout(list(lines[:first]), [])
    for place, head in enumerate(heads):
        end = len(lines) if place + 1 == len(heads) else _block_start(heads[place + 1])
        body = [n for n in range(head.index + 1, end) if n != head.title_line]
        block = ItemBlock(head.number, head.title, [], heading=_printed(lines, head))
        if head.prefix:
            block.lines.append(Line(head.prefix))
        if head.rest:
            block.lines.append(Line(head.rest))
        block.lines += [lines[n] for n in body]
        found.items.append(block)
    return found


def _printed(lines: list[Line], head: _Head) -> str | None:
    """The heading's words as the minutes print them: its line without the words that
    lead into it or follow its title there (which stay under the item), and the title's
    own line when the number stands alone."""
    if head.family == "row":
        return None  # a web page's table: its cells' labels are not the heading
    text = lines[head.index].text
    if head.prefix and text.startswith(head.prefix):
        text = text[len(head.prefix):]
    if head.rest and (at := text.rfind(head.rest)) > 0:
        text = text[:at].rstrip().rstrip(":-–—/|").rstrip()  # the joint goes with the words after it
    if head.glued and head.title and (at := text.find(head.glued + head.title[:1])) >= 0:
        at += len(head.glued)  # the space lost between number and title, put back
        text = f"{text[:at]} {text[at:]}"
    text = text.strip()
    if head.title_line is not None:
        title = lines[head.title_line].text.strip()
        text = f"{title} {text}" if head.title_line < head.index else f"{text} {title}"
    return text or None


def _block_start(head: _Head) -> int:
    if head.title_line is not None and head.title_line < head.index:
        return head.title_line
    return head.index


# --- what a line is ------------------------------------------------------------------

def _capitals(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 3 and sum(c.isupper() for c in letters) >= 0.85 * len(letters)


def _title_like(text: str) -> bool:
    """Words that read as a heading, not a sentence or a paragraph."""
    words = text.split()
    if not words or len(text) > 160 or len(words) > 22:
        return False
    if text[0].islower() or re.match(r"(?:That|THAT|It (?:was|is))\b", text) \
            or re.search(r" (?:was|were) ", text) or _opens_decision(text):
        return False
    if _SENTENCE.search(text[:-1]) and len(words) > 4:
        return False  # more than one sentence
    return not (text.endswith(".") and len(words) > 8)


def _paragraph(line: Line) -> bool:
    """A line of prose: long, or ending a sentence, or a numbered paragraph."""
    text = line.text
    if re.match(r"\d{1,3}\.\s", text) and len(text.split()) >= 5:
        return True
    return line.kind != "heading" and (len(text) >= 60 and (
        _SENTENCE.search(text[-2:] + " ") is not None or len(text.split()) >= 12)
        or len(text) >= 25 and _SENTENCE.search(text[-3:] + " ") is not None)


def _split_title(text: str) -> tuple[str, str | None]:
    """A heading's title and the words after it on its line ("ROLL CALL: Present: …")."""
    colon = text.find(": ", 0, 60)
    if colon > 0 and len(text[:colon].split()) <= 8 and not _DECISION_LABEL.match(text) \
            and not _colon_in_title(text[:colon], text[colon + 2:].strip()):
        return text[:colon], text[colon + 2:].strip() or None
    if len(text) <= 120 and _title_like(text):
        return text, None
    if (caps := _capitals_run(text)) is not None:
        return caps
    colon = text.find(": ", 0, 100)
    if colon > 0 and len(text[:colon].split()) <= 12 and not _DECISION_LABEL.match(text):
        return text[:colon], text[colon + 2:].strip() or None
    stop = _SENTENCE.search(text, 0, 160)
    if stop is not None and stop.start() > 8:
        return text[:stop.start() + 1], text[stop.end():].strip() or None
    return text, None


def _colon_in_title(before: str, after: str) -> bool:
    """Whether the words after a heading's colon go on with its title ("Special
    resolution: changes to the rules", "Staffing Matter: Senior Officer (C12/04)"): a
    few title-like words, not a sentence, a list of names, a decision or an attendance
    label's entries."""
    words = after.split()
    if not 2 <= len(words) <= 10 or len(after) > 80 or after.count(",") > 1:
        return False
    if _ATTENDANCE.match(before) or _PRESENT.match(before) or _PERSON.match(after) \
            or _DECISION_LABEL.match(after) or _VERB.search(after) or ": " in after:
        return False
    if after.endswith((".", ",", ";", ":", "!", "?")) or _SENTENCE.search(after):
        return False
    # "the new boiler fitted": a past tense after the first word tells a sentence
    if any(word.islower() and word.endswith("ed") for word in words[1:]):
        return False
    return _title_like(before) and _title_like(after[:1].upper() + after[1:])


# A heading in capitals running into its item's first sentence on one line ("… LANE,
# ASHBY The officer presented the report."): the capitals end where the sentence begins.
_CAPITALS_THEN_SENTENCE = re.compile(r"(?:[^\sa-z]{1,40} ){2,24}?(?=[A-Z][a-z]{1,30}\s)")


def _capitals_run(text: str) -> tuple[str, str] | None:
    """(title, rest) when a long line opens with a title in capitals followed by prose."""
    found = _CAPITALS_THEN_SENTENCE.match(text[:600])
    if found is None:
        return None
    title, rest = found.group(0).strip(), text[found.end():].strip()
    if not _capitals(title) or len(rest.split()) < 6 or not rest.endswith((".", "!", "?")):
        return None
    return title, rest


def _numbered(line: Line, index: int, lines: list[Line]) -> _Head | None:
    """The line read as a numbered item heading, if it has that shape."""
    text, prefix = line.text.lstrip("*"), None  # "*42": an emergency item's mark
    if DATE.match(text) or TIME.match(text):
        return None
    if (lead := _PREFIX.match(text)) is not None and (
            _leading_number(text[lead.end():]) or _PREFIXED_LETTER.match(text, lead.end())):
        prefix, text = text[:lead.end()].strip(), text[lead.end():]
    for family, shape in _SHAPES:
        found = shape.match(text)
        if found is None:
            continue
        number = found.group("num") if "num" in shape.groupindex and found.group("num") \
            else found.group("num2") if "num2" in shape.groupindex else None
        if number is None:
            continue
        after = text[found.end():]
        gap = _SEPARATOR.match(after)
        if after and gap is None:
            if family in ("int", "dotted") and found.group(0).endswith(".") and after[:1].isalpha():
                gap = None  # "4.Matters Arising": no space after the full stop
            elif family == "prefixed" and after[:1].isupper() and after[1:2].islower():
                gap = None  # "A1Declarations of interest": the space lost in copying
            else:
                continue
        after = after[gap.end():] if gap else after
        after = after.strip().rstrip("/").strip()
        after = _TITLE_DASH.sub("", after, count=1)  # "Item 5 - Moorings": the dash is no title
        head = _Head(index, _family(family, found), number, _value(family, found),
                     "", prefix=prefix, glued=None if gap else found.group(0))
        if "minor" in shape.groupindex and found.group("minor"):
            head.minor = int(found.group("minor"))
        if after:
            head.title, head.rest = _split_title(after)
        else:
            head.alone = family not in ("letter", "roman") and found.group(0)[-1:] in ".)"
            _title_elsewhere(head, lines)
        return head
    return None


def _family(family: str, found: re.Match) -> str:
    if "pre" in found.re.groupindex and found.group("pre"):
        return f"{family}:{found.group('pre')}"
    return family


def _value(family: str, found: re.Match) -> int:
    if family == "roman":
        return _roman(found.group("roman"))
    if family == "letter":
        letter = found.group("num") or found.group("num2")
        return ord(letter.lower()) - ord("a") + 1
    return int(found.group("v"))


def _roman(text: str) -> int:
    values = {"I": 1, "V": 5, "X": 10}
    total = 0
    for n, c in enumerate(text):
        value = values[c]
        total += -value if n + 1 < len(text) and values[text[n + 1]] > value else value
    return total


def _title_elsewhere(head: _Head, lines: list[Line]) -> None:
    """A number alone on its line: the title is on the next line, or (in minutes that
    put the minute number under the heading) on the line before."""
    n = head.index
    after = lines[n + 1] if n + 1 < len(lines) else None
    before = lines[n - 1] if n > 0 else None
    if after is not None and after.kind != "bullet" and _title_like(after.text) \
            and _numbered(after, n + 1, []) is None:
        head.title, head.title_line = after.text, n + 1
    elif before is not None and _capitals(before.text) and _title_like(before.text) \
            and (after is None or _paragraph(after)):
        head.title, head.title_line = before.text, n - 1


# --- choosing the document's scheme ------------------------------------------------

def _chosen(lines: list[Line]) -> list[_Head]:
    """The item headings: the numbered scheme the document uses, or else its
    unnumbered headings."""
    candidates = [head for n, line in enumerate(lines)
                  if line.kind != "bullet" or not line.text[:1].isdigit()
                  if (head := _numbered(line, n, lines)) is not None]
    unnumbered = _unnumbered_heads(lines, candidates)
    best = _best_chain(candidates)
    if best and not _restarts_under_headings(candidates, unnumbered):
        heads = _with_subitems(best + _restarted(best, candidates, unnumbered), candidates)
        heads = sorted(heads + _referenced_headings(lines, heads) + _bullets_in_gaps(lines, best),
                       key=lambda h: h.index)
        capitals = _capital_headings(lines, heads)
        lead = _lead_heading(lines, heads, unnumbered)
        if lead is not None and all(head.index != lead.index for head in capitals):
            capitals.append(lead)
        return sorted(capitals + heads, key=lambda h: h.index)
    rows = _table_rows(lines)
    if len(rows) >= 2:
        return rows
    parents = sorted(unnumbered + _outline_sections(candidates), key=lambda h: h.index)
    letters = [head for _, head in _lettered_under(parents, candidates)]
    return sorted(parents + letters, key=lambda h: h.index)


def _capital_headings(lines: list[Line], heads: list[_Head]) -> list[_Head]:
    """The headings in capitals the minutes put on lines of their own before the first
    numbered item and after the last ("APPROVAL OF AGENDA", "CONSENT AGENDA", "EXECUTIVE
    SESSION", "ADJOURNMENT"), between the record's paragraphs: items the minutes did not
    number. More than one, or none: a lone line in capitals is a subheading."""
    first = min(_block_start(head) for head in heads)
    last = max(max(head.index, head.title_line or 0) for head in heads)
    begin = _business_start(lines, first)
    spots = [n for n in [*range(begin, first), *range(last + 1, len(lines))]
             if _capital_heading(lines[n])]
    # a heading over the first numbered item heads the section the items are in
    spots = [n for n in spots if n + 1 != first]
    found = _between_paragraphs(lines, set(spots))
    if len(found) < 2:
        return []
    return [_Head(n, "heading", None, 0, lines[n].text.rstrip(": ")) for n in sorted(found)]


def _business_start(lines: list[Line], first: int) -> int:
    """The line after the one naming the meeting's date (or, where no line before the
    first item does, after its attendance): the title block above it has no items."""
    for n in range(first):
        if DATE.search(lines[n].text[:300]) or _MEETING.search(lines[n].text[:300]):
            return n + 1
    return _after_title_block(lines)


def _capital_heading(line: Line) -> bool:
    """A line that may head an unnumbered item: short, in capitals, words without
    sentence punctuation, figures, a date, a name or an attendance label."""
    text = line.text.rstrip(": ")
    if line.kind == "bullet" or not 3 <= len(text) <= 80 or len(text.split()) > 10:
        return False
    if re.search(r"[\d,;.!?]", text) or not text[:1].isalpha() or not _capitals_title(text):
        return False
    return _title_like(text) and not (
        _ATTENDANCE.match(text) or _PRESENT.match(text) or _opens_decision(text)
        or _BODY_TITLE.match(text) or _MEETING.search(text) or _PERSON.match(text)
        or _NOTE_LABEL.search(text) or _CONFIRMED.search(text))


def _between_paragraphs(lines: list[Line], spots: set[int]) -> set[int]:
    """The headings among ``spots`` that stand between the record's paragraphs: each
    run of such lines one after another (a heading with nothing under it, "PLEDGE OF
    ALLEGIANCE", then the next) with a paragraph (or an attendance line) above it and a
    paragraph or a list below it."""
    kept: set[int] = set()
    for n in sorted(spots):
        if n - 1 in spots:
            continue  # inside a run already looked at
        end = n
        while end + 1 in spots:
            end += 1
        if n > 0 and _record_above(lines[n - 1]) and end + 1 < len(lines) \
                and _record_below(lines, end + 1):
            kept.update(range(n, end + 1))
    return kept


def _record_above(line: Line) -> bool:
    return line.kind != "heading" and (_prose(line) or bool(_ATTENDANCE.match(line.text)))


def _prose(line: Line) -> bool:
    """A paragraph, or a short sentence of the record ("Mr Lin called the meeting to
    order at 7 p.m.")."""
    words = line.text.split()
    return _paragraph(line) or line.kind != "heading" and len(words) >= 5 \
        and line.text.endswith((".", "!", "?", ".)")) and sum(w[:1].islower() for w in words) >= 3


def _record_below(lines: list[Line], n: int) -> bool:
    """Whether line ``n`` opens an item's text: a paragraph (not a list of who attended
    or a decision's wording), a bullet or a lettered line."""
    line = lines[n]
    if line.kind == "bullet" or re.match(r"\(?[A-Za-z][.)]\s", line.text):
        return True
    return _prose(line) and not (
        _ATTENDANCE.match(line.text) or _PRESENT.match(line.text) or _PERSON.match(line.text)
        or re.match(r"(?:That|THAT)\b", line.text))


# "Call to Order", "Old Business": a title in title case at the start of a line's words
_TITLE_START = re.compile(r"[A-Z][a-z]{1,20}(?: (?:to|of|and|the|for|on|in|&))? [A-Z][a-z]{1,20}\b")


def _outline_sections(candidates: list[_Head]) -> list[_Head]:
    """Roman-numbered sections of minutes in outline form ("I. Call to Order … A. Public
    Comment"), their titles in title case running into their text, rising in order."""
    romans = [head for head in candidates
              if head.family == "roman" and _TITLE_START.match(head.title)]
    return _rising(romans) if romans else []


_SENTENCE_OPENING = re.compile(r"(?:The|A|An|It|This|These|There|That|THAT|We|He|She|They)\b")


def _restarted(chain: list[_Head], candidates: list[_Head], unnumbered: list[_Head]) -> list[_Head]:
    """Items after the chain's last under a heading of their own that numbers them from
    1 again ("EXTRA ITEMS", "LATE ITEMS", "ADDENDUM"): the heading and its items."""
    last = chain[-1]
    for heading in unnumbered:
        if heading.index <= last.index:
            continue
        after = [head for head in candidates if head.family == last.family
                 and head.index > heading.index and head.minor is None]
        again = _rising(after)
        # headings, not paragraphs numbered from 1 under a heading in the closing pages
        styled = bool(again) and (_titled(again[0]) or not _SENTENCE_OPENING.match(again[0].title))
        if again and again[0].value == 1 and styled \
                and not any(last.index < head.index < heading.index
                            for head in candidates if head.family == last.family):
            return [heading, *again]
        return []
    return []


# "99-538 MOTION TO ADJOURN.": a roll number before a heading that has no item number
_REFERENCED = re.compile(r"\d{2}-\d{3,5}\s(?=[A-Z]{2})")


def _referenced_headings(lines: list[Line], heads: list[_Head]) -> list[_Head]:
    """Headings in capitals that carry the roll number the minutes' items carry, but no
    item number of their own ("99-538 MOTION TO ADJOURN."), as items."""
    referenced = [head for head in heads if head.prefix and re.fullmatch(r"\d{2}-\d{3,5}", head.prefix)]
    if len(referenced) < 0.5 * len(heads):
        return []
    chosen = {head.index for head in heads}
    found = []
    for n, line in enumerate(lines):
        lead = _REFERENCED.match(line.text)
        if lead is None or n in chosen:
            continue
        title = line.text[lead.end():]
        if _capitals(title) and _title_like(title) and len(title) <= 80:
            found.append(_Head(n, "heading", None, 0, title.rstrip("."),
                               prefix=line.text[:lead.end()].strip()))
    return found


def _titled(head: _Head) -> bool:
    if _PERSON.match(head.title):
        return False  # a numbered list of those present
    if head.family == "dotted" and _numbered_sentence(head.title):
        return False  # "1.2 Members agreed to …": a paragraph numbered under its item
    return _title_like(head.title) or head.title_line is not None or head.alone


def _best_chain(candidates: list[_Head]) -> list[_Head]:
    """The longest run of one scheme's numbers rising in order (gaps allowed), from the
    scheme whose numbers most often head titles."""
    families: dict[str, list[_Head]] = {}
    for head in candidates:
        if head.family not in ("letter",):
            families.setdefault(head.family, []).append(head)
    best: list[_Head] = []
    best_score = 0.0
    chains: dict[str, list[_Head]] = {}
    for family, heads in families.items():
        chain = _rising(heads, dotted=family == "dotted")
        titled = [head for head in chain if _titled(head)]
        steady = sum(1 for a, b in zip(chain, chain[1:]) if b.value - a.value <= 1
                     or b.value == a.value and (b.minor or 0) - (a.minor or 0) <= 1)
        convincing = (len(titled) >= 2 and len(titled) >= 0.5 * len(chain)) or (
            len(chain) >= 5 and steady >= 0.8 * (len(chain) - 1)) or (
            len(chain) == 1 and titled and len(chain[0].title) < 80 and (
                len(candidates) == 1 or _capitals(chain[0].title)))
        if not convincing and len(titled) == 1 and _capitals(titled[0].title) \
                and len(titled[0].title) < 80:
            # one numbered heading in capitals, the other numbers opening sentences
            chain, convincing = titled, True
        if family == "roman" and not all(_capitals(head.title) for head in chain):
            convincing = False
        score = len(titled) + 0.5 * len(chain)
        if convincing:
            chains[family] = chain
        if convincing and score > best_score:
            best, best_score = chain, score
    if best and best[0].family == "dotted":
        best = _parents_of(best, chains.get("int", [])) or _dotted_heads(best)
    return _in_style(_gaps_filled(best, candidates))


def _parents_of(dotted: list[_Head], items: list[_Head]) -> list[_Head]:
    """The numbered items ("4. Finance") that the dotted numbers ("4.1 Payments", "4.2 …")
    number the parts of, when each dotted number comes under the item of its own major
    number: the items are the scheme, however many more parts than items there are
    (their parts are put back under them as sub-items). [] when they are not."""
    titled = [head for head in items if _titled(head)]
    if len(titled) < 2:
        return []
    for part in dotted:
        parent = max((head for head in items if head.index < part.index),
                     key=lambda head: head.index, default=None)
        if parent is None or parent.value != part.value:
            return []
    return items


def _gaps_filled(chain: list[_Head], candidates: list[_Head]) -> list[_Head]:
    """The chain with a number of another shape that fills a gap in its counting
    ("S-56" between 55 and 57)."""
    if not chain or chain[0].family not in ("int", "label"):
        return chain
    found = list(chain)
    for a, b in zip(chain, chain[1:]):
        if b.value - a.value < 2:
            continue
        found += [head for head in candidates
                  if a.index < head.index < b.index and a.value < head.value < b.value
                  and head.family not in ("letter", "roman", chain[0].family) and head.minor is None]
    return sorted(found, key=lambda h: h.index)


def _rising(heads: list[_Head], dotted: bool = False) -> list[_Head]:
    """The longest subsequence whose numbers rise, each at most ten above the last;
    titled headings count more, so that a numbered sentence does not displace one."""
    weights = [2 if _titled(head) else 1 for head in heads]
    score = weights[:]
    back = [-1] * len(heads)
    for j in range(len(heads)):
        for i in range(max(0, j - 400), j):
            a, b = heads[i], heads[j]
            rises = (a.value, a.minor or 0) < (b.value, b.minor or 0)
            step = b.value - a.value if b.value != a.value else (b.minor or 0) - (a.minor or 0)
            if rises and step <= 10 and score[i] + weights[j] > score[j]:
                score[j], back[j] = score[i] + weights[j], i
    if not heads:
        return []
    end = max(range(len(heads)), key=lambda k: score[k])
    chain = []
    while end >= 0:
        chain.append(heads[end])
        end = back[end]
    return chain[::-1]


def _dotted_heads(chain: list[_Head]) -> list[_Head]:
    """In "1.00 / 1.01 / 2.00" numbering, the headings are the titled ones of each
    major number; the others are numbered paragraphs."""
    kept = [head for head in chain if _titled(head)]
    return kept or chain


# A numbered paragraph's sentence opens with who it is about, in capitals ("The Chair",
# "Members", "Cllr B. Penrose", "Item 6"), and goes on in lower case: its first words
# in lower case, the first two of them looked at for its verb.
_SUBJECT = re.compile(r"(?:[A-Z0-9][\w'’.-]{0,30} ){1,4}?(?P<first>[a-z][\w'’-]{0,30})"
                      r"(?: (?P<second>[a-z][\w'’-]{0,30}))?")
_DETERMINER = re.compile(r"(?:The|A|An|This|These|Those|Its|Their|Our|All|Each)$")
# Verbs of the record a minute's sentence is told with ("welcomed", "noted", "said")
_RECORD_VERB = re.compile(r"[a-z'’-]{2,30}ed|said|asked|told|gave|took|made|met|spoke|"
                          r"went|felt|saw|sent|read|thanks|reports|explains|confirms")


def _numbered_sentence(title: str) -> bool:
    """Whether a numbered line's words are a sentence of its item, not a sub-item's
    heading ("1.2 Members agreed to take item 6 first.", "3.2 It was noted that …"):
    who it is about, then a verb, ending in a full stop (or with "was", "were", "has"
    and the like, which no heading has after its first words); not "4.2 The proposed
    budget" or "5.1 Items carried forward", titles without a sentence's stop."""
    words = title.split()
    found = _SUBJECT.match(title[:200])
    if len(words) < 3 or found is None:
        return False
    lead = title[:found.start("first")].split()
    # "The proposed budget": a word straight after "The" is no verb
    verbs = [] if _DETERMINER.match(lead[-1]) else [found["first"]]
    verbs += [found["second"]] if found["second"] else []
    if any(_VERB.fullmatch(verb) for verb in verbs):
        return True
    stop = title.rstrip(" )'\"’”").endswith((".", "!", "?"))
    return stop and any(_RECORD_VERB.fullmatch(verb) for verb in verbs)


def _in_style(chain: list[_Head]) -> list[_Head]:
    """When nearly all of a scheme's titles are in capitals, one that is not is a
    numbered sentence."""
    titled = [head for head in chain if _titled(head) and head.title]
    capitals = [head for head in titled if _capitals_title(head.title)]
    if len(capitals) >= 3 and len(capitals) >= 0.75 * len(titled):
        return [head for head in chain if not head.title or _capitals_title(head.title)
                or not _titled(head) and head.title_line is None and _keeps_pace(head, chain)]
    return chain


# "(Paragraph 3)", "(EXEMPT)", "(Pages 5 - 12)": a note after a title in capitals
_BRACKETED = re.compile(r"\([^()]{0,80}\)")


def _capitals_title(title: str) -> bool:
    """A title in capitals, whatever a note in brackets after it is printed in."""
    bare = _BRACKETED.sub("", title)
    return _capitals(bare if len(bare.strip()) >= 3 else title)


def _keeps_pace(head: _Head, chain: list[_Head]) -> bool:
    """Whether ``head`` is a step of the chain's own counting (one more than the last)."""
    place = chain.index(head)
    return place > 0 and head.value == chain[place - 1].value + 1 and head.minor is None


def _restarts_under_headings(candidates: list[_Head], unnumbered: list[_Head]) -> bool:
    """Numbers that start again from 1 under most unnumbered headings number paragraphs
    in those items, not items."""
    if len(unnumbered) < 2:
        return False
    ints = [head for head in candidates if head.family == "int"]
    counted = restarts = 0
    for place, heading in enumerate(unnumbered):
        end = unnumbered[place + 1].index if place + 1 < len(unnumbered) else 10 ** 9
        first = next((h for h in ints if heading.index < h.index < end), None)
        if first is not None:
            counted += 1
            restarts += first.value == 1
    return restarts >= 2 and restarts >= 0.6 * counted


def _with_subitems(heads: list[_Head], candidates: list[_Head]) -> list[_Head]:
    """The chain with its sub-items: "3.1" under item 3, and lettered items where the
    minutes letter items under more than one item."""
    chosen = {head.index for head in heads}
    family = heads[0].family
    extra: list[_Head] = []
    if family in ("int", "label"):
        current = None
        order = sorted(heads + [c for c in candidates if c.family == "dotted"],
                       key=lambda h: h.index)
        for head in order:
            if head.index in chosen:
                current = head
            elif current is not None and head.value == current.value and _titled(head):
                extra.append(head)
        extra = _last_of_repeats(extra)
    letters = _lettered_under(heads, candidates)
    if len({parent for parent, _ in letters}) >= 2 or _headed_letters([h for _, h in letters]):
        extra += [head for _, head in letters]
    return sorted(heads + extra, key=lambda h: h.index)


def _headed_letters(letters: list[_Head]) -> bool:
    """Whether lettered lines under one item head sub-items of their own ("A. Adoption of
    the Budget", its discussion, "B. Library Hours", its discussion): more than one, each
    a title over its text, rather than the parts of a decision."""
    return len(letters) >= 2 and all(
        _title_like(head.title) and not head.title.endswith((".", ";", ":", ","))
        and not _opens_decision(head.title) for head in letters)


def _last_of_repeats(subitems: list[_Head]) -> list[_Head]:
    """Sub-items without the earlier of two lines numbered alike ("7.1 Sale of the depot
    - s7(2)(h)" in a resolution's table of the items it excludes the public from, then
    "7.1 Sale of the depot" heading the item): the later one heads the business."""
    last = {head.number: head.index for head in subitems}
    return [head for head in subitems if last[head.number] == head.index]


def _lettered_under(parents: list[_Head], candidates: list[_Head]):
    """(parent's index, lettered head) for each "(a)"/"a." line heading business of its
    own under a parent, the letters rising from the first within each parent; numbered
    after the parent as "16(A)" (under a Roman numeral, "IX.A"). A list of lettered lines
    (a consent agenda's "A." to "E.", the topics of a closed session) stays the parent's
    lines."""
    found = []
    starts = sorted(parents, key=lambda h: h.index)
    for place, parent in enumerate(starts):
        end = starts[place + 1].index if place + 1 < len(starts) else 10 ** 9
        expected = None
        letters: list[_Head] = []
        for head in candidates:
            if head.family != "letter" or not parent.index < head.index < end:
                continue
            if expected is None and head.value not in (1, 2, 3, 4, 5) and parent.number:
                continue
            if expected is not None and head.value != expected:
                continue
            if not head.title or head.title.startswith(("That", "THAT")):
                continue
            expected = head.value + 1
            letters.append(head)
        if _lettered_list(letters, end) or any(_lettered_paragraph(head) for head in letters):
            continue
        for head in letters:
            if parent.number:
                head.number = f"{parent.number}.{head.number}" if parent.family == "roman" \
                    else f"{parent.number}({head.number})"
            found.append((parent.index, head))
    return found


def _lettered_paragraph(head: _Head) -> bool:
    """A lettered line that is a paragraph of its item, not a sub-item's heading: a
    sentence ("a) The report has been received."), or a label running on into one in
    lower case ("b) Heating: the boiler was fitted.")."""
    title = head.title.rstrip()
    if _SENTENCE_OPENING.match(title) and (
            title.endswith((".", "!", "?", ";")) or not _title_like(title) or _VERB.search(title)):
        return True  # (not "(A) Depot roof with Tarn Ltd. Moved by …": a matter acted on)
    return head.rest is not None and head.rest[:1].islower()


def _lettered_list(letters: list[_Head], end: int) -> bool:
    """Whether lettered lines are a list rather than sub-items: letters on lines one
    after another, or one with nothing under it, unless they carry roll numbers of their
    own ("99-480 (B) …", items acted on apart)."""
    if not letters or any(head.prefix for head in letters):
        return False
    bounds = [head.index for head in letters[1:]] + [end]
    return any(head.rest is None and bound == head.index + 1
               for head, bound in zip(letters, bounds))


def _lead_heading(lines: list[Line], heads: list[_Head], unnumbered: list[_Head]) -> _Head | None:
    """An unnumbered heading just before the first numbered item that opens business
    of its own ("Commencement of Meeting" followed by its paragraph)."""
    first = _block_start(heads[0])
    for head in reversed(unnumbered):
        if head.index + 1 < first and _paragraph(lines[head.index + 1]):
            if all(not _paragraph(lines[n]) or _ATTENDANCE.match(lines[n].text)
                   or n == head.index + 1 for n in range(head.index + 1, head.index + 2)):
                return head
    return None


def _unnumbered_heads(lines: list[Line], candidates: list[_Head]) -> list[_Head]:
    """Headings without numbers: Word headings, short lines in capitals, and short
    sentence-case lines followed by a paragraph, after the title block."""
    numbered = {head.index for head in candidates}
    titles = {head.title_line for head in candidates if head.title_line is not None}
    start = _after_title_block(lines)
    found = [_Head(n, "heading", None, 0, roll.group(1), rest=lines[n].text[roll.end():] or None)
             for n in range(start) if (roll := _ROLL_HEADING.match(lines[n].text))
             and n not in numbered and n not in titles]
    for n in range(start, len(lines)):
        line = lines[n]
        if n in numbered or n in titles:
            continue
        head = _unnumbered(line, n, lines)
        if head is not None:
            found.append(head)
    # bullets heading items where the minutes do so more than once, each alone (a bullet
    # after a bullet ends a list)
    bullets = [n for n in range(start, len(lines)) if n not in numbered and n not in titles
               and _bullet_heading(lines, n) and (n == 0 or lines[n - 1].kind != "bullet")]
    if len(bullets) >= 2:
        found = sorted(found + [_Head(n, "heading", None, 0, lines[n].text.rstrip(":"))
                                for n in bullets], key=lambda h: h.index)
    return found


def _bullet_heading(lines: list[Line], n: int) -> bool:
    """A bullet that reads as an item's heading ("- Correspondence", "• Treasurer's
    Report:"): a short title with a paragraph, not another bullet, under it."""
    line = lines[n]
    text = line.text.rstrip(":")
    after = lines[n + 1] if n + 1 < len(lines) else None
    return line.kind == "bullet" and len(text) <= 50 and len(text.split()) <= 5 \
        and text[:1].isupper() and _title_like(text) and not text.endswith((".", ",", ";")) \
        and after is not None and after.kind != "bullet" and len(after.text) >= 40 \
        and not _PERSON.match(text) and not _PRESENT.match(text)


def _bullets_in_gaps(lines: list[Line], chain: list[_Head]) -> list[_Head]:
    """Bullet headings where the chain's counting skips numbers ("4. Matters Arising",
    "- Correspondence", "- Treasurer's Report", "7. Hall Booking"): the items whose
    numbers the copy lost, no more of them than the numbers skipped."""
    if not chain or chain[0].family not in ("int", "label"):
        return []
    found: list[_Head] = []
    for a, b in pairwise(chain):
        skipped = b.value - a.value - 1
        bullets = [n for n in range(a.index + 1, b.index) if _bullet_heading(lines, n)]
        if 0 < len(bullets) <= skipped:
            found += [_Head(n, "heading", None, 0, lines[n].text.rstrip(":")) for n in bullets]
    return found


# "ATTENDANCE Crs Lee, Ngata …", "ROLL CALL" heading the list the way the minutes' other
# headings head theirs; "Attendance:" and "PRESENT:" are the labels of a title block
_ROLL_HEADING = re.compile(r"(ATTENDANCE|ROLL CALL|SEDERUNT)(?:$|\s(?=[A-Z][a-z]))\s?")


# "Report ECHS19062": the reference of the report an item considered, not a heading.
REPORT_LINE = re.compile(r"^Report\s+(?:No\.?\s*)?(?P<reference>[A-Z]{2,}[\w/-]{0,30}\d[\w/-]{0,30})\.?$",
                         re.I)
_PERSON = re.compile(r"(?:Mr|Mrs|Ms|Miss|Mx|Dr|Cllr|Councillor|Professor|Prof|Sir|Dame|Rev|"
                     r"Revd|Alderman|Mayor|Cr)\.? [A-Z]")
# "Havre, MT", "Kitchener, ON": a town and its state or province under the heading
_PLACE = re.compile(r"[A-Z][A-Za-z.'’ -]{1,40}, [A-Z]{2,3}\.?")
# "RECORDER NOTE: …", "CLERK'S NOTE": a note on the minutes, not an item
_NOTE_LABEL = re.compile(r"\bNOTES?$")
_INLINE_CAPS = re.compile(r"^((?:[A-Z][A-Z'’&/-]{1,20}\s){0,5}[A-Z][A-Z'’&/-]{2,20})"
                          r"(?::\s|\s)(?=[A-Z]?[a-z(])")


def _unnumbered(line: Line, n: int, lines: list[Line]) -> _Head | None:
    text = line.text
    after = lines[n + 1] if n + 1 < len(lines) else None
    inline = _INLINE_CAPS.match(text)
    # a heading running into a long paragraph may name a date in the paragraph
    dated = DATE.search(inline.group(1) if inline and len(text) > 120 else text)
    if _confirming(text, after):
        return _Head(n, "heading", None, 0, text)
    if line.kind != "bullet" and (dashed := _dated_after_dash(text)) is not None:
        return _Head(n, "heading", None, 0, dashed[0], rest=dashed[1])
    if dated or _MEETING.search(text[:200]) or re.match(r"\W", text) or _PLACE.fullmatch(text) \
            or _PERSON.match(text) or _opens_decision(text) or REPORT_LINE.match(text):
        return None  # "RESOLVED: That …" opens a decision, not an item
    if line.kind == "bullet":
        inline = _INLINE_CAPS.match(text)
        if inline and text[inline.end(1):].startswith(":") and " " in inline.group(1):
            return _Head(n, "heading", None, 0, inline.group(1),
                         rest=text[inline.end():].strip() or None)
        return None
    if line.kind == "heading" and len(text) <= 160:
        return _Head(n, "heading", None, 0, text)
    if len(text) <= 90 and _title_like(text) and not text.endswith((".", ",", ";")):
        caps = _capitals(text)
        if caps and after is not None and not _capitals(after.text) \
                and (not DATE.match(after.text) or text.endswith(":")) and not _PRESENT.match(text):
            return _Head(n, "heading", None, 0, text.rstrip(":"))
        if not caps and _subheading(lines, n) and not _subheading(lines, n - 1):
            return None  # the heading under an item's heading, kept in its text
        if not caps and not text.endswith(":") and len(text.split()) <= 10 \
                and after is not None and not _PRESENT.match(text) and (
                    _paragraph(after) or _subheading(lines, n + 1)):
            return _Head(n, "heading", None, 0, text)
    if (inline := _INLINE_CAPS.match(text)) and not _PRESENT.match(text) \
            and len(inline.group(1)) >= 5 and not _NOTE_LABEL.search(inline.group(1)):
        return _Head(n, "heading", None, 0, inline.group(1),
                     rest=text[inline.end():].strip() or None)
    return None


# "Business arising from the minutes – Tuesday 4 May 2021 - …": a heading in sentence case,
# a dash, then the date of the meeting or letter its text is about
_TITLE_DASH_DATE = re.compile(r"(?P<title>[A-Z][\w’'&/ -]{2,60}?) [-–—] (?=\S)")
# a body or a meeting named ("Planning Committee - 28/09/2020", "General Meeting – 4 May
# 2021"): a title block's line, not an item
_BODY_NOUN = re.compile(r"\b(?:committee|sub-committee|council|board|cabinet|panel|"
                        r"authority|commission|trust|forum|executive|assembly|meeting|"
                        r"session)$", re.I)
# "Draft minutes – 3 May 2022": the minutes' own heading
_MINUTES_TITLE = re.compile(r"(?:(?:draft|confirmed|unconfirmed|approved|signed) )*minutes\b",
                            re.I)
# a word in lower case that is not "of" or "the": a title in sentence case ("Site visit"),
# not a place or a name in a title block ("Marlow Vale – 3 May 2022")
_LOWER_WORD = re.compile(r"\b(?!(?:of|the|and|for|to|in|on|at|a|an)\b)[a-z]{2,}")


def _dated_after_dash(text: str) -> tuple[str, str] | None:
    """(title, rest) for a line that opens with a short heading, a dash and a date
    ("Matters arising – 3 March 2021: the gate …"), the heading's words reading as a
    title (a few words, no figures, no body's or person's name, no meeting named)."""
    found = _TITLE_DASH_DATE.match(text)
    if found is None or not DATE.match(text, found.end()):
        return None
    title = found["title"].strip()
    if not 2 <= len(title.split()) <= 7 or re.search(r"\d", title) or not _title_like(title) \
            or not _LOWER_WORD.search(title) or _MINUTES_TITLE.match(title) \
            or _BODY_NOUN.search(title) or _MEETING.search(title) or _PERSON.match(title) \
            or _ATTENDANCE.match(title) or _PRESENT.match(title) or _opens_decision(title):
        return None
    return title, text[found.end():]


def _confirming(text: str, after: Line | None) -> bool:
    """Whether a line is the heading of an item confirming earlier minutes ("Minutes of
    the meeting held on 3 May 2022" over "The minutes were accepted as a true record")."""
    return len(text) <= 120 and bool(re.match(r"(?:the )?minutes of\b", text, re.IGNORECASE)) \
        and not text.endswith((".", ",", ";")) and after is not None \
        and _paragraph(after) and bool(_CONFIRMED.search(after.text[:300]))


def _subheading(lines: list[Line], n: int) -> bool:
    """A short line in sentence case over a paragraph, just under another such line:
    the second heading of the two ("Matters arising", "Obituaries", paragraph)."""
    if n >= len(lines) - 1 or n == 0:
        return False
    text, before = lines[n].text, lines[n - 1].text
    return lines[n].kind == "text" and len(text) <= 60 and len(text.split()) <= 6 \
        and not _PLACE.fullmatch(text) and not DATE.search(text) \
        and _title_like(text) and not _capitals(text) and not text.endswith((".", ",", ";", ":")) \
        and _paragraph(lines[n + 1]) and len(before.split()) <= 6 and _title_like(before) \
        and "," not in before and ":" not in before and not _PERSON.match(before) \
        and not _ATTENDANCE.match(before) \
        and not _capitals(before) and not before.endswith((".", ",", ";", ":")) \
        and lines[n - 1].kind == "text"


def _opens_decision(text: str) -> bool:
    """Whether a line opens with a decision's label ("RESOLVED: That …", "Agreed"),
    not a heading that starts with such a word ("Recommended Procedure")."""
    found = _DECISION_LABEL.match(text)
    return found is not None and not _TITLE_WORDS.fullmatch(text[found.end():])


_TITLE_WORDS = re.compile(r"(?: [A-Z][a-z]{2,20}){1,5}")


def _after_title_block(lines: list[Line]) -> int:
    """Where the title block and attendance end: after the last attendance list that
    starts in the first part of the minutes."""
    limit = max(8, len(lines) // 3)
    last = 0
    for n, line in enumerate(lines[:limit]):
        # "Apologies: …", "Regrets: …": the labels of the title block's lists, too
        if _PRESENT.match(line.text) or _ATTENDANCE.match(line.text) and ": " in line.text[:40]:
            last = n + 1
    while 0 < last < len(lines) and last < limit and _listed(lines[last]) \
            and not _bullet_heading(lines, last):
        last += 1
    return last


def _listed(line: Line) -> bool:
    """A line of an attendance list: a person, a bullet, a line going on with commas."""
    text = line.text
    return line.kind == "bullet" or bool(_PERSON.match(text)) or text.endswith(",") or (
        "," in text and not _paragraph(line) and not _INLINE_CAPS.match(text))


def _table_rows(lines: list[Line]) -> list[_Head]:
    """Items in a table flattened to lines: "Title / what was said" rows, or "Title
    Minutes: what was said"."""
    rows = []
    for n, line in enumerate(lines):
        cells = line.text.rsplit(" / ", 1)
        if len(cells) == 2 and _title_like(cells[0]) and len(cells[0]) <= 100 \
                and _paragraph(Line(cells[1])):
            header, title = _header_apart(cells[0].strip(" `"))
            rows.append(_Head(n, "row", None, 0, title, rest=cells[1], prefix=header))
            continue
        marker = line.text.find("Minutes: ")
        if marker == 0 and not (rows and rows[-1].index == n - 1):
            rows.append(_Head(n, "row", None, 0, "Minutes", rest=line.text[9:].strip() or None))
        elif marker > 0:
            rows.append(_Head(n, "row", None, 0, line.text[:marker].strip(),
                              rest=line.text[marker + len("Minutes: "):].strip() or None))
        elif n + 1 < len(lines) and lines[n + 1].text.startswith("Minutes: ") \
                and _title_like(line.text.rstrip(".")) and len(line.text) < 160 \
                and not (rows and _SENTENCE.search(line.text[-2:] + " ")
                         and len(line.text.split()) > 8):
            # (a long line ending a sentence is the last of the row before, wrapped)
            rows.append(_Head(n, "row", None, 0, line.text))
    return rows


_GLUED_HEADER = re.compile(r"[A-Z]{3}(?=[A-Z][a-z])")


def _header_apart(cell: str) -> tuple[str | None, str]:
    """A table's column headings glued to its first row's title ("… DECISIONSBudget"):
    (the headings, the title)."""
    glued = _GLUED_HEADER.search(cell)
    if glued is None or " / " not in cell[:glued.start()]:
        return None, cell
    return cell[:glued.end()], cell[glued.end():]


# --- items run together on one line -------------------------------------------------

_INLINE = re.compile(r"(?:^|(?<=\s))\*?(?P<num>(?:[A-Z]-)?(?P<v>\d{1,3})) (?=[A-Z][a-z])")


def _inline_items_apart(lines: list[Line]) -> list[Line]:
    """Lines cut where an item number runs on inside them, when the minutes were copied
    with many items on one line: the numbers must count up one by one, many times."""
    hits = []
    for n, line in enumerate(lines):
        for found in _INLINE.finditer(line.text):
            hits.append((n, found.start(), int(found.group("v"))))
    chain = _consecutive(hits)
    if len(chain) < 5:
        return lines
    cuts: dict[int, list[int]] = {}
    for n, at, _ in chain:
        cuts.setdefault(n, []).append(at)
    found_lines: list[Line] = []
    for n, line in enumerate(lines):
        points = [0, *[at for at in cuts.get(n, []) if at > 0], len(line.text)]
        for a, b in zip(points, points[1:]):
            if line.text[a:b].strip():
                found_lines.append(Line(line.text[a:b].strip(), line.kind))
    return found_lines


def _consecutive(hits: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """The longest run of hits whose numbers go up by exactly one, in order."""
    longest: dict[int, tuple[int, int]] = {}  # value -> (run length, index of its last hit)
    back = [-1] * len(hits)
    best_end, best_length = -1, 0
    for k, hit in enumerate(hits):
        length, previous = longest.get(hit[2] - 1, (0, -1))
        back[k] = previous
        if length + 1 > longest.get(hit[2], (0, -1))[0]:
            longest[hit[2]] = (length + 1, k)
        if length + 1 > best_length:
            best_end, best_length = k, length + 1
    run = []
    while best_end >= 0:
        run.append(hits[best_end])
        best_end = back[best_end]
    return run[::-1]
