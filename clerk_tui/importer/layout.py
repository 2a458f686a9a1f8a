"""Where a file's meetings begin, and where each meeting's agenda items begin.

Minutes number their items in many shapes ("66.", "C 08/042", "GBP/2122/214:", "291/19",
"2307.01", "Item 5", "5)", "A1", "II", lettered sub-items), or number nothing and head
each item in capitals ("MATTERS ARISING"). Numbered sentences inside an item ("1. Gravel
still not removed."), decision parts and attendance lists look like items line by line;
what tells them apart is the document as a whole: the scheme the item headings actually
use repeats, in the same shape, increasing, with titles rather than sentences.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from clerk_tui.importer.blocks import ItemBlock, Layout
from clerk_tui.importer.dates import DATE, TIME
from clerk_tui.importer.documents import Line

# A line's leading item number, by shape. Each names its scheme ("family"); the value
# orders the numbers of one scheme.
_SHAPES = (
    ("ref", re.compile(r"(?P<num>(?P<pre>[A-Z]{1,6})/(?P<v>\d{2,4})/(?P<minor>\d{1,4})):?")),
    ("ref", re.compile(r"(?P<num>(?P<pre>[A-Z]{1,6}) ?(?P<v>\d{1,4})/(?P<minor>\d{2,4}))"
                       r"(?![/\d])[.:]?")),
    ("slash", re.compile(r"(?P<num>(?P<v>\d{1,4})/(?P<minor>\d{2,4}))(?![/\d.])[.:]?")),
    ("label", re.compile(r"(?:(?:Agenda )?Item|Minute|ITEM|MINUTE)(?: No\.?)? "
                         r"(?P<num>(?P<v>\d{1,3})(?:\.\d{1,2})?[a-z]?)[.:)]?")),
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
_SEPARATOR = re.compile(r"^\s?/\s?|^\s")
# A sentence's end; not the full stop of "St.", "Mr.", "No." or an initial.
_SENTENCE = re.compile(r"(?<!\b[A-Za-z])(?<!\bSt)(?<!\bMr)(?<!\bMrs)(?<!\bMs)(?<!\bDr)(?<!\bNo)"
                       r"(?<!\bCo)(?<!\bInc)(?<!\bLtd)(?<!\bCllr)(?<!\bRd)(?<!\bAve)[.!?](?:\s|$)")
_DECISION_LABEL = re.compile(r"(?:RESOLVED|Resolved|AGREED|Agreed|DECISION|Decision|ACTION|Action|"
                             r"RECOMMENDED|Recommended|NOTED|Noted|MOVED|Moved)\b")
_PRESENT = re.compile(
    r"^(?:(?:(?:members|councillors|trustees|governors|regents|directors|staff|officers|"
    r"officials)(?: \w{1,12})? )?(?:present|in attendance|also present|attendance|attendees|"
    r"sederunt)\b|(?:members|councillors|trustees|governors|regents|directors|board members)"
    r"\s?:)", re.I)
_ATTENDANCE = re.compile(
    r"^(?:(?:members|councillors|trustees|governors|regents|directors|staff|officers|"
    r"officials)(?: \w{1,12})? )?(?:present|in attendance|also present|apologies|absent|"
    r"attendance|attendees|roll call)\b", re.I)
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
        block = ItemBlock(head.number, head.title, [])
        if head.prefix:
            block.lines.append(Line(head.prefix))
        if head.rest:
            block.lines.append(Line(head.rest))
        block.lines += [lines[n] for n in body]
        found.items.append(block)
    return found


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
            or re.search(r" (?:was|were) ", text) or _DECISION_LABEL.match(text):
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
        or len(text) >= 25 and text.endswith("."))


def _split_title(text: str) -> tuple[str, str | None]:
    """A heading's title and the words after it on its line ("ROLL CALL: Present: …")."""
    colon = text.find(": ", 0, 60)
    if colon > 0 and len(text[:colon].split()) <= 8 and not _DECISION_LABEL.match(text):
        return text[:colon], text[colon + 2:].strip() or None
    if len(text) <= 120 and _title_like(text):
        return text, None
    colon = text.find(": ", 0, 100)
    if colon > 0 and len(text[:colon].split()) <= 12 and not _DECISION_LABEL.match(text):
        return text[:colon], text[colon + 2:].strip() or None
    stop = _SENTENCE.search(text, 0, 160)
    if stop is not None and stop.start() > 8:
        return text[:stop.start() + 1], text[stop.end():].strip() or None
    return text, None


def _numbered(line: Line, index: int, lines: list[Line]) -> _Head | None:
    """The line read as a numbered item heading, if it has that shape."""
    text, prefix = line.text.lstrip("*"), None  # "*42": an emergency item's mark
    if DATE.match(text) or TIME.match(text):
        return None
    if (lead := _PREFIX.match(text)) is not None and _leading_number(text[lead.end():]):
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
        head = _Head(index, _family(family, found), number, _value(family, found),
                     "", prefix=prefix)
        if "minor" in shape.groupindex:
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
        heads = _with_subitems(best, candidates)
        lead = _lead_heading(lines, heads, unnumbered)
        return ([lead] if lead else []) + heads
    rows = _table_rows(lines)
    if len(rows) >= 2:
        return rows
    return sorted(unnumbered + _lettered_under(unnumbered, candidates), key=lambda h: h.index)


def _titled(head: _Head) -> bool:
    if _PERSON.match(head.title):
        return False  # a numbered list of those present
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
        if convincing and score > best_score:
            best, best_score = chain, score
    if best and best[0].family == "dotted":
        best = _dotted_heads(best)
    return _in_style(_gaps_filled(best, candidates))


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


def _in_style(chain: list[_Head]) -> list[_Head]:
    """When nearly all of a scheme's titles are in capitals, one that is not is a
    numbered sentence."""
    titled = [head for head in chain if _titled(head) and head.title]
    capitals = [head for head in titled if _capitals(head.title)]
    if len(capitals) >= 3 and len(capitals) >= 0.75 * len(titled):
        return [head for head in chain if not head.title or _capitals(head.title)
                or not _titled(head) and head.title_line is None and _keeps_pace(head, chain)]
    return chain


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
    letters = _lettered_under(heads, candidates)
    if len({parent for parent, _ in letters}) >= 2:
        extra += [head for _, head in letters]
    return sorted(heads + extra, key=lambda h: h.index)


def _lettered_under(parents: list[_Head], candidates: list[_Head]):
    """(parent's index, lettered head) for each "(a)"/"a." line under a parent, the
    letters rising from the first within each parent; numbered after the parent as
    "16(A)"."""
    found = []
    starts = sorted(parents, key=lambda h: h.index)
    for place, parent in enumerate(starts):
        end = starts[place + 1].index if place + 1 < len(starts) else 10 ** 9
        expected = None
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
            if parent.number:
                head.number = f"{parent.number}({head.number})"
            found.append((parent.index, head))
    if parents and all(p.number is None for p in parents):
        return [head for _, head in found]
    return found


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
    found = []
    for n in range(start, len(lines)):
        line = lines[n]
        if n in numbered or n in titles:
            continue
        head = _unnumbered(line, n, lines)
        if head is not None:
            found.append(head)
    return found


# "Report ECHS19062": the reference of the report an item considered, not a heading.
REPORT_LINE = re.compile(r"^Report\s+(?:No\.?\s*)?(?P<reference>[A-Z]{2,}[\w/-]{0,30}\d[\w/-]{0,30})\.?$",
                         re.I)
_PERSON = re.compile(r"(?:Mr|Mrs|Ms|Miss|Mx|Dr|Cllr|Councillor|Professor|Prof|Sir|Dame|Rev|"
                     r"Revd|Alderman|Mayor|Cr)\.? [A-Z]")
_INLINE_CAPS = re.compile(r"^((?:[A-Z][A-Z'’&/-]{1,20}\s){0,5}[A-Z][A-Z'’&/-]{2,20})"
                          r"(?::\s|\s)(?=[A-Z]?[a-z(])")


def _unnumbered(line: Line, n: int, lines: list[Line]) -> _Head | None:
    text = line.text
    after = lines[n + 1] if n + 1 < len(lines) else None
    if DATE.search(text) or _MEETING.search(text[:200]) or re.match(r"\W", text) \
            or _PERSON.match(text) or _DECISION_LABEL.match(text) or REPORT_LINE.match(text):
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
        if not caps and not text.endswith(":") and len(text.split()) <= 10 \
                and after is not None and _paragraph(after) and not _PRESENT.match(text):
            return _Head(n, "heading", None, 0, text)
    if (inline := _INLINE_CAPS.match(text)) and not _PRESENT.match(text) \
            and len(inline.group(1)) >= 5:
        return _Head(n, "heading", None, 0, inline.group(1),
                     rest=text[inline.end():].strip() or None)
    return None


def _after_title_block(lines: list[Line]) -> int:
    """Where the title block and attendance end: after the last attendance list that
    starts in the first part of the minutes."""
    limit = max(8, len(lines) // 3)
    last = 0
    for n, line in enumerate(lines[:limit]):
        if _PRESENT.match(line.text):
            last = n + 1
    while 0 < last < len(lines) and last < limit and _listed(lines[last]):
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
                and _title_like(line.text.rstrip(".")) and len(line.text) < 160:
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
