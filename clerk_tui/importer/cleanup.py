"""Minutes' lines freed of what the web page or the printed page put around them.

Copies of minutes come from council websites, document-sharing sites, PDFs and Markdown
archives. Around the minutes they carry the site's furniture (menus, share buttons, "Skip
to content", "Supporting documents:" and the links under it), the printed page's
(page numbers, running headers such as "11/13/18 -2- DRAFT", a covering letter) and the
format's markup (front matter, "1\\.", "**2**", "[text](link)"). :func:`clean` drops that
and puts back together what the copy broke: paragraphs hard-wrapped over several lines,
names cut at the end of a line, a bullet "•" alone on its line. The minutes' own words are
never dropped or changed; only chrome, page furniture and markup go.
"""

from __future__ import annotations

import re

from clerk_tui.importer.dates import DATE, may_hold
from clerk_tui.importer.documents import Line

# A line that is chrome whatever it says around it: site menus, sharing, document
# sharing sites' banners, page furniture. Each is matched against the whole line.
_CHROME = re.compile(
    r"(?:skip to\b.{0,120}|toggle (?:menu|navigation|search)|(?:main |site )?menu|"
    r"(?:print|email|share)(?: this)?(?: page| article| document)?|"
    r"download(?: as)?(?: (?:pdf|docx?|txt|rtf|odt|word)(?: or (?:pdf|docx?|txt))?)?(?: file)?|"
    r"share(?: (?:on|via|this))?(?: \w{2,12})?|share \".{1,160}\"|copied!?|tweet|like|"
    r"facebook|twitter|linkedin|whatsapp|leave a (?:reply|comment)|"
    r"\d[\d,]{0,9} (?:views?|downloads?|likes?|comments?|shares?)|"
    r"quick links|back to top|(?:return|back) to (?:top|meetings?|previous page)|"
    r"loading\.{0,5}(?: ?\(view full ?text now\))?|full ?text|no results found|"
    r"page content transcription|if your browser does not render .{0,120}|"
    r"document sample|report this (?:document|page)|embed|add to collection|"
    r"(?:academic )?year: \d{4}|upload:.{0,60}|uploaded by:?.{0,60}|"
    r".{1,120} - (?:doc|docx|pdf|ppt)|.{1,120} powered by \w{2,30}|"
    r"this page is intentionally (?:left )?blank|public document pack|"
    r"(?:agendas?|minutes|reports|decisions|documents|meeting|meetings)"
    r"(?:(?:,| and|, and) (?:agendas?|minutes|reports|decisions|documents))+|"
    r"meeting documents|(?:minutes|agenda|decisions?): (?:read|view|download) the \w{2,20}|"
    r"(?:agenda|minutes) (?:pdf|document)s?|"
    r"no\.?\s?[|/]?\s?items?\s?[|/]?|items?|itemdescription\w{0,20}|"
    r"(?:additional|supporting|background) (?:documents|papers):?|"
    r"page \w{1,4}(?: of \d{1,4})?|\d{1,4} of \d{1,4}|-\s?\d{1,4}\s?-|"
    r"\(\d{1,3}\)\s?\(\d{1,3}\)|n/a|protected|"
    r"(?:please ask for|direct (?:dial|line)|your ref|our ref|e-?mail|fax|tel|telephone):.{0,80}|"
    r"contact:.{0,200}(?:tel\b|phone|e-?mail|@).{0,200}|"
    r"[-_=*~|:.\s]{1,200}|(?:no\.?|item|items|subject|minutes?|actions?|"
    r"description|resolution|decision|discussion|issue|business|ref)"
    r"(?:\s{0,3}[|/]\s{0,3}(?:no\.?|item|items|subject|minutes?|actions?|description|"
    r"resolution|decision|discussion|issue|business|ref))+|no\.\s{1,3}items?)",
    re.I)
# Cookie banners: a short line about cookies asking to accept or saying the site uses them.
_COOKIES = re.compile(r"\bcookies?\b.{0,200}\b(?:accept|agree|consent|we use|this (?:web)?site)"
                      r"|\b(?:we use|this (?:web)?site uses)\b.{0,40}\bcookies\b", re.I)
# Breadcrumbs: "Home > Council > Meetings", "You are here: …".
_BREADCRUMBS = re.compile(r"(?:you are here:.{0,200}|home\s?[>»›/|].{0,200})", re.I)
# A web page's footer: its links in a row ("Contact us | Accessibility | Privacy"), at
# least two of them the links every site has, and its copyright line ("© 2024 The
# Borough of X", "Copyright Riverside District Council").
_SITE_LINK = (r"(?:contact(?: us)?|accessibility(?: statement)?|privacy(?: notice| policy)?"
              r"(?: and cookies)?|cookies?(?: policy)?|site ?map|terms(?: and conditions| of use)?|"
              r"disclaimer|feedback|jobs|careers|a-z|a to z|help|freedom of information|"
              r"modern slavery statement|copyright)")
_FOOTER_LINKS = re.compile(rf"{_SITE_LINK}(?:\s{{0,3}}[|·•]\s{{0,3}}{_SITE_LINK}){{1,12}}", re.I)
_COPYRIGHT = re.compile(r"(?:©|\(c\)|copyright\b)\s{0,3}(?:\d{4}(?:\s?[-–]\s?\d{4})?\s{0,3})?"
                        r"[^.;:!?,]{0,80}", re.I)
# Furniture glued inside a line: cut out, the words either side kept.
_GLUED = (
    re.compile(r"\s?\bPage \d{1,4} of \d{1,4}\b"),
    re.compile(r"\s?(?:pdf icon\s?)?\bPDF \d{1,5}(?:\.\d)? ?[KM]B\b"),
    re.compile(r"\s?\bView (?:directions|the (?:reasons|background|decision)"
               r"[^.]{0,80}?(?:urgent|item \d{1,3}\w?)\.?)", re.I),
    # "11/13/18 -2- DRAFT": a running header with the date and page number
    re.compile(r"\s?\b\d{1,2}/\d{1,2}/\d{2,4}\s{1,5}-\s?\d{1,4}\s?-(?:\s{1,5}DRAFT\b)?"),
    # "January 12, 2011  2 of 18" at the top of a page, "1 of 18" at the foot of one
    re.compile(r"(?:^|\s)[A-Z][a-z]{2,8}\.? \d{1,2}, \d{4}\s{1,5}\d{1,4} of \d{1,4}\b"),
    re.compile(r"\s\d{1,4} of \d{1,4}$"),
)
# What each of _GLUED needs in a line to match at all.
_GLUED_NEEDS = tuple(zip(_GLUED, (
    lambda text: "Page " in text,
    lambda text: "PDF " in text,
    lambda text: may_hold(text, "view"),
    lambda text: "/" in text,
    lambda text: " of " in text,
    lambda text: " of " in text,
)))
# Markdown: escapes, emphasis, links and pictures.
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~])")
_PICTURE = re.compile(r"!\[([^\[\]\n]{0,300})\]\([^()\[\]\s]{0,2000}(?:\s\"[^\"]{0,200}\")?\)")
_LINK = re.compile(r"\[([^\[\]\n]{1,300})\]\([^()\[\]\s]{0,2000}(?:\s\"[^\"]{0,200}\")?\)")
_EMPHASIS = re.compile(r"(\*\*|__)(?=\S)([^*_\n]{1,300}?)(?<=\S)\1")
# A link whose words are the site's, not the minutes': "[Original file](…)".
_CHROME_LINK = re.compile(r"(?:original (?:file|document)|download|view|print|pdf|back|home|"
                          r"next|previous|source|open|link)(?: \w{1,12}){0,2}", re.I)
_FRONT_MATTER_KEY = re.compile(r"^[A-Za-z_][\w-]{0,40}:")
_PIPES = re.compile(r"^(?:\|\s?)+|(?:\s?\|)+$")
_BARE_NUMBER = re.compile(r"\d{1,4}")
# "99-528 55. …", "99-537 (A) …": a roll or resolution number before the item's own
_NUMBERED = re.compile(r"^(?:\d{2}-\d{3,5}\s)?(?:(?:[A-Z]{1,6}\s?)?\d{1,4}(?:[./]\d{1,4})*[.):]?(?:\s|$)|"
                       r"(?:Agenda )?(?:Item|ITEM|Minute|MINUTE)s? (?:No\.? )?\d|[A-Z]{2,6}/\d|"
                       r"\(?[a-zA-Z]\)\s|[IVX]{1,5}[.)]?\s[A-Z]{2})")
_DATE_ONLY = re.compile(r"(?:\w{3,9},? )?\d{1,2}(?:st|nd|rd|th)? \w{3,9},? \d{4}|"
                        r"\w{3,9} \d{1,2},? \d{4}|\d{1,2}[./-]\d{1,2}[./-]\d{2,4}", re.I)
_DATE_IN = re.compile(r"\b\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\b|\b\d{1,2}(?:st|nd|rd|th)? "
                      r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\w{0,6},? \d{4}\b|"
                      r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\w{0,6} \d{1,2},? \d{4}\b",
                      re.I)
# "Council Mar 17": a running footer of a name, a short month and a two-figure year.
_FOOTER = re.compile(r"[A-Z][\w&' ]{0,40} (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|"
                     r"Nov|Dec) \d{2}")
_SENTENCE_END = re.compile(r"[.!?:;]['\"’”)]{0,2}$")
_LIST_START = re.compile(r"^(?:[-•·*–]\s|\(?[0-9]{1,3}[.)]\s?|\(?[a-z][.)]\s|\(?[ivx]{1,5}[.)]\s)")
# A decision, motion, action or answer starts a paragraph of its own.
_LABEL_START = re.compile(r"(?:RESOLVED|Resolved:|AGREED|Agreed:|RECOMMENDED|DECISION|Decision:|"
                          r"ACTION|Action:|MOVED|CARRIED|PROPOSED|Proposed:|SECONDED|"
                          r"Q[.:]|A[.:]|Question:|Response:|Answer:)")
# A line going on from the one before with a figure: a year after its month, or a number
# that a lower-case word follows ("2023 be confirmed", "14 members voted"), not an item's
# number before its heading
_YEAR_START = re.compile(r"(?:19|20)\d{2}(?![\d/-])")
_FIGURE_IN_SENTENCE = re.compile(r"\d{1,4}(?:[.,]\d{1,3})?%?,?\s[a-z]")
_MONTH_END = re.compile(r"\b(?:\d{1,2}(?:st|nd|rd|th)?\s)?(?:January|February|March|April|May|"
                        r"June|July|August|September|October|November|December|Jan|Feb|Mar|"
                        r"Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?,?$")
_JOINING_END = re.compile(
    r"(?:,|&|-|–|/|\b(?:and|or|of|the|a|an|to|for|in|on|at|by|with|from|that|which|who|"
    r"was|were|is|are|be|been|had|has|have|would|will|should|as|its|their|his|her|this|"
    r"these|those|into|under|over|than|per|via|not|nor|but|if|whether|upon|within|"
    r"Cllr|Councillor|Councillors|Mr|Mrs|Ms|Dr|Sgt|Cmhlr\.?|AND|OF|THE|FOR|TO|IN|ON|WITH))$")


def clean(lines: list[Line]) -> list[Line]:
    """``lines`` without web-page chrome, page furniture and markup, and with what the
    copy broke joined again: wrapped paragraphs and names, bullets alone on their line.
    The minutes' own words are all kept, in order."""
    lines = _without_front_matter(lines)
    lines = _without_cover_letter(_labels_apart(lines))
    # the links under "Supporting documents:" are known by their "PDF 53 KB", which the
    # unmarking cuts: they go first
    links = [False] * len(lines)
    _drop_document_links(lines, links)
    lines = [line for line, link in zip(lines, links) if not link]
    lines = [line for line in (_unmarked(line) for line in lines) if line is not None]
    lines, breaks = _without_chrome(lines)
    lines = _bullets_joined(lines, breaks)
    return _flattened_apart(_wraps_joined(lines, breaks))


def _without_front_matter(lines: list[Line]) -> list[Line]:
    """Lines without a Markdown/YAML front matter block ("---", "title: …", "---")."""
    if len(lines) < 3 or lines[0].text != "---":
        return lines
    for end in range(1, min(len(lines), 60)):
        text = lines[end].text
        if text == "---":
            return lines[end + 1:]
        if not (_FRONT_MATTER_KEY.match(text) or lines[end].kind == "bullet"):
            return lines
    return lines


def _without_cover_letter(lines: list[Line]) -> list[Line]:
    """Lines without the covering letter a council's document pack opens with, which
    ends at its "This page is intentionally left blank"."""
    head = [line.text.lower() for line in lines[:8]]
    if not any(text == "public document pack" for text in head):
        return lines
    for end, line in enumerate(lines[:200]):
        if line.text.lower().startswith("this page is intentionally"):
            rest = lines[end + 1:]
            if rest and re.fullmatch(r"agenda item \d{1,3}[a-z]?", rest[0].text, re.I):
                rest = rest[1:]  # the pack's page header over the minutes
            if len(rest) >= _LEAST_MINUTES:
                return rest
            # A pack holding only the minutes ends on its blank page: nothing came
            # before it but the minutes themselves.
            return lines[:end] + rest
    return lines


# Fewer lines than this after a pack's blank page are its closing, not the minutes.
_LEAST_MINUTES = 3


_GLUED_LABEL = re.compile(r"\s(?:Additional|Supporting) documents:$")


def _labels_apart(lines: list[Line]) -> list[Line]:
    """A "Supporting documents:" label glued to the end of a paragraph put on its own
    line, so that it and the links under it are known as chrome."""
    found: list[Line] = []
    for line in lines:
        label = _GLUED_LABEL.search(line.text[-30:])
        if label is None:
            found.append(line)
            continue
        cut = len(line.text) - 30 + label.start() if len(line.text) > 30 else label.start()
        found += [Line(line.text[:cut].rstrip(), line.kind), Line(line.text[cut:].strip())]
    return found


def _unmarked(line: Line) -> Line | None:
    """The line without markup and glued furniture; None when nothing of it is left."""
    text = line.text
    # each pattern is tried only on a line holding what it needs (most hold none of it)
    if "![" in text:
        text = _PICTURE.sub(r"\1", text)
    if "](" in text:
        if _LINK.fullmatch(text) and _CHROME_LINK.fullmatch(_LINK.sub(r"\1", text)):
            return None
        text = _LINK.sub(r"\1", text)
    if "**" in text or "__" in text:
        text = _EMPHASIS.sub(r"\2", text)
    if "\\" in text:
        text = _ESCAPE.sub(r"\1", text)
    if "|" in text:
        text = _PIPES.sub("", text)
    for glued, needs in _GLUED_NEEDS:
        if needs(text):
            text = glued.sub("", text)
    text = " ".join(text.split())
    if line.kind == "bullet" and text in ("", "•", "·"):
        return Line("", "bullet")  # a bullet whose text is on the next line
    if text == line.text:
        return line  # unchanged: its table cells (Line.cells) kept with it
    return Line(text, line.kind) if text else None


def _is_chrome(text: str) -> bool:
    if text == "Minutes:":  # the label a council's web page puts over an item's minutes
        return True
    return bool(_CHROME.fullmatch(text) or len(text) < 300 and (
        may_hold(text, "cookie") and _COOKIES.search(text) or _BREADCRUMBS.fullmatch(text)
        or _FOOTER_LINKS.fullmatch(text) or _COPYRIGHT.fullmatch(text)))


_SHARE = re.compile(r"Share \"(.{1,160})\"")
_PAGE_BREAK = re.compile(r"-{3,}|\d{1,4}|page .{1,12}|\d{1,4} of \d{1,4}|-\s?\d{1,4}\s?-", re.I)


def _without_chrome(lines: list[Line]) -> tuple[list[Line], set[int]]:
    """Lines without chrome, document links under "Supporting documents:", running
    headers and page numbers; and the places in what is left where chrome stood
    between two paragraphs (a page's furniture, which a paragraph runs on across, aside)."""
    dropped = [_is_chrome(line.text) and not (line.kind == "bullet" and not line.text)
               for line in lines]
    shared = {found.group(1) for line in lines
              if line.text.startswith('Share "') and (found := _SHARE.fullmatch(line.text))}
    for n, line in enumerate(lines):  # the page's title, repeated in its share button
        dropped[n] = dropped[n] or line.text in shared
    _drop_document_links(lines, dropped)
    _drop_running_headers(lines, dropped)
    _drop_page_numbers(lines, dropped)
    _drop_site_names(lines, dropped)
    _drop_page_markers(lines, dropped)
    kept: list[Line] = []
    breaks: set[int] = set()
    for line, drop in zip(lines, dropped):
        if not drop:
            kept.append(line)
        elif _is_chrome(line.text) and not _PAGE_BREAK.fullmatch(line.text):
            breaks.add(len(kept))
    return kept, breaks


# "Supporting documents:" over the links to them; at most 21 characters
_DOCUMENTS_LABEL = re.compile(r"(?:supporting|additional|background) (?:documents|papers):?",
                              re.I)
_DOCUMENTS_LABEL_LONGEST = len("additional documents:")
_DOCUMENT_LINK = re.compile(r".{1,300}\b(?:PDF|DOCX?|XLSX?)\b.{0,20}|"
                            r".{1,200}\bitem \d{1,3}\w?\.?|.{1,200}\.(?:pdf|docx?)", re.I)


def _drop_document_links(lines: list[Line], dropped: list[bool]) -> None:
    """The links listed under "Supporting documents:" (the label itself is chrome)."""
    for n, line in enumerate(lines):
        if len(line.text) > _DOCUMENTS_LABEL_LONGEST or not _DOCUMENTS_LABEL.fullmatch(line.text):
            continue
        for after in range(n + 1, len(lines)):
            if not (_DOCUMENT_LINK.fullmatch(lines[after].text) and len(lines[after].text) < 200):
                break
            dropped[after] = True


def _drop_running_headers(lines: list[Line], dropped: list[bool]) -> None:
    """Short lines that repeat down the document as a page's header or footer ("CSC
    12.02.2020"), a footer such as "Council Mar 17", and the date under a repeated header."""
    counts: dict[str, int] = {}
    for line in lines:
        if len(line.text) <= 60:
            counts[line.text] = counts.get(line.text, 0) + 1
    opening = " ".join(line.text for line in lines[:15])
    for n, line in enumerate(lines):
        text = line.text
        # a page header's date is the meeting's own, given again under its name
        dated_below = 15 <= n < len(lines) - 1 and bool(
            _DATE_ONLY.fullmatch(lines[n + 1].text)) and lines[n + 1].text in opening
        times = counts.get(text, 0)
        # a line printed once is no header, whatever date it holds (most lines)
        dated = times >= 2 and _DATE_IN.search(text) is not None
        header = times >= 2 and (dated or not _NUMBERED.match(text)) \
            and not _SENTENCE_END.search(text) \
            and line.kind != "heading" and (
                dated and (times >= 3 or not _DATE_ONLY.fullmatch(text)) or dated_below)
        if header:
            dropped[n] = True
            if dated_below:
                dropped[n + 1] = True
        elif _FOOTER.fullmatch(text):
            dropped[n] = True


def _drop_page_numbers(lines: list[Line], dropped: list[bool]) -> None:
    """Numbers alone on a line that are page numbers, not item numbers: the first or
    last line, one beside other page furniture, one the next line of which is numbered
    itself (so the number titles nothing)."""
    kept = [n for n in range(len(lines)) if not dropped[n]]
    for place, n in enumerate(kept):
        if not _BARE_NUMBER.fullmatch(lines[n].text):
            continue
        before = kept[place - 1] if place > 0 else None
        after = kept[place + 1] if place + 1 < len(kept) else None
        beside_furniture = (before is not None and before != n - 1
                            or after is not None and after != n + 1)
        titles_nothing = after is None or bool(_NUMBERED.match(lines[after].text))
        if before is None or beside_furniture or titles_nothing:
            dropped[n] = True


_PAGE_MARKER = re.compile(r"\(\d{1,3}\)")


def _drop_page_markers(lines: list[Line], dropped: list[bool]) -> None:
    """Runs of "(1)", "(2)" alone on their lines: a sharing site's page markers."""
    marker = [line.text[:1] == "(" and bool(_PAGE_MARKER.fullmatch(line.text)) for line in lines]
    for n in range(len(lines)):
        if marker[n] and (n > 0 and marker[n - 1] or n + 1 < len(lines) and marker[n + 1]):
            dropped[n] = True


def _drop_site_names(lines: list[Line], dropped: list[bool]) -> None:
    """A single word at the very top followed by chrome is the site's name ("Docstoc")."""
    for n in range(min(len(lines) - 1, 3)):
        if dropped[n]:
            continue
        if re.fullmatch(r"[A-Z][a-z]{2,20}(?:\.(?:com|net|org))?", lines[n].text) and dropped[n + 1]:
            dropped[n] = True
        break


def _bullets_joined(lines: list[Line], breaks: set[int]) -> list[Line]:
    """A bullet alone on its line joined to the text on the next (``breaks``, the
    places where chrome stood, renumbered to match)."""
    found: list[Line] = []
    moved: set[int] = set()
    waiting = False
    for n, line in enumerate(lines):
        if n in breaks:
            moved.add(len(found))
        if line.kind == "bullet" and not line.text:
            waiting = True
            continue
        found.append(Line(line.text, "bullet") if waiting else line)
        waiting = False
    breaks.clear()
    breaks.update(moved)
    return found


def _capitals(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 3 and sum(c.isupper() for c in letters) >= 0.85 * len(letters)


def _wrap_width(lines: list[Line]) -> int:
    """The width a document was hard-wrapped at (0 when it was not): the length most
    of its longer lines share."""
    lengths = sorted(len(line.text) for line in lines if len(line.text) >= 30)
    if len(lengths) < 8:
        return 0
    top = lengths[int(len(lengths) * 0.9)]
    near = sum(1 for length in lengths if top * 0.8 <= length <= top)
    return top if 50 <= top <= 140 and near >= len(lengths) * 0.4 else 0


def _wraps_joined(lines: list[Line], breaks: set[int]) -> list[Line]:
    """Paragraphs broken over several lines joined back into one line each (never
    across a place where chrome stood)."""
    width = _wrap_width(lines)
    found: list[Line] = []
    for n, line in enumerate(lines):
        if found and n not in breaks and _continues(found[-1], line, width):
            found[-1] = Line(_rejoined(found[-1].text, line.text), found[-1].kind)
        else:
            found.append(line)
    return found


# "rec-" at a line's end: a word the printed page broke at its margin
_BROKEN_WORD = re.compile(r"(?<![\w-])(?P<part>[A-Za-z][a-z]{0,30})-$")


def _rejoined(previous: str, text: str) -> str:
    """``previous`` and the line that goes on from it, as one line: a word broken at the
    margin by a hyphen ("rec-" / "ord", "Dart-" / "Smith") is one word again, its hyphen
    kept ("rec-ord"): the record keeps every character the minutes printed, and which
    hyphens the printer added is a guess clerk does not make in their text."""
    broken = _BROKEN_WORD.search(previous[-40:]) if previous.endswith("-") else None
    if broken is None or not text[:1].isalpha():
        return f"{previous} {text}"
    if text[:1].islower():
        return previous + text
    if broken["part"][:1].isupper() and text[1:2].islower():
        return previous + text  # "Anglo-" / "Saxon": a name's own hyphen
    return f"{previous} {text}"


def _continues(previous: Line, line: Line, width: int) -> bool:
    """Whether ``line`` goes on from ``previous``, a paragraph the copy wrapped."""
    end = previous.text[-24:]
    if line.kind == "heading" or previous.kind == "heading" or _SENTENCE_END.search(end):
        return False
    if re.search(r":\s?[-–]?$", end):
        return False  # "with the following result:-": a list or a table follows
    text = line.text
    joining = bool(_JOINING_END.search(end))
    numbered = bool(_NUMBERED.match(text)) and not DATE.match(text)
    if _LIST_START.match(text) and not (previous.text.endswith(("and", "of", "to"))
                                        and re.match(r"\d", text)):
        return False
    starts_low = text[:1].islower() or text[:1] in "(‘'\"“"
    if line.kind == "bullet" or _LABEL_START.match(text):
        return False
    if text[:1].isdigit() and len(previous.text) >= 25 and (
            _YEAR_START.match(text) and _MONTH_END.search(end) or _FIGURE_IN_SENTENCE.match(text)):
        return True  # "… held on 5 September" / "2023 be confirmed"
    if len(text) <= 60 and _capitals(text) and not _capitals(previous.text):
        return False  # a heading in capitals after a paragraph
    if starts_low and (len(previous.text) >= 25 or joining):
        return True
    # Wrapped where the next word would not have fitted on the line.
    wrapped = width and len(previous.text) + 1 + len(text.split()[0]) > width * 0.95
    if wrapped and (joining or len(previous.text.split()) >= 6):
        return not numbered or joining
    return joining and len(previous.text) >= 20 and not numbered


# --- a page flattened into one line ---------------------------------------------------

FLATTENED = 1_500  # characters: longer than any paragraph, a whole page run into one line
_FLATTENED_PART = 200  # in such a document, a line this long may hold headings too
_HEADING_SPACING = 100  # characters: a page's headings are at least this far apart on average
_TOKEN = re.compile(r"\S{1,200}")
_LABEL_WORD = re.compile(r"(?:RESOLVED|RESOLUTION|RESOLUTIONS|MOVED|SECONDED|CARRIED|LOST|"
                         r"AGREED|ACTION|ACTIONS|MOTION|APPROVED|DECISION|NOTE|NOTED|THAT|"
                         r"AND|OF|THE|TO|IN|ON|FOR|AT|BY|OR|WITH)\W{0,2}")
# What a council did with an item ("ACCEPTED AS AMENDED", "PLACED ON FILE"): the end of
# the item's record, not a heading
_OUTCOME_WORD = re.compile(r"(?:ACCEPTED|ADOPTED|PASSED|REFERRED|CONFIRMED|PLACED|APPROVED|"
                           r"DENIED|FAILED|DEFERRED|WITHDRAWN|TABLED|RECEIVED|FILED|NOTED|"
                           r"CARRIED|LOST|DEFEATED|AMENDED|REJECTED|POSTPONED)\W{0,2}")
_MIXED = re.compile(r"[A-Z][a-z’'][\w’'-]{0,40}\W{0,2}")
_SMALL = {"to", "of", "and", "the", "for", "on", "in", "a", "an", "&", "at", "by", "with"}
_LETTERED = re.compile(r"(?:[IVX]{1,5}|[A-Z])\.")
_ENDS = re.compile(r".{0,200}[.:;!?][\"”’)]{0,2}")


def _flattened_apart(lines: list[Line]) -> list[Line]:
    """Lines cut where an item's heading begins, when the copy ran a whole page of
    minutes into one line (a scan's text, a scraped page): before a heading in capitals
    running into its text ("APOLOGIES Council noted …"), before a lettered or Roman
    numbered heading after a sentence ("… at 7.05 pm. B. Public Forum …") and the short
    heading before it. A page header that opens more than one such line is cut off as a
    line of its own, to be known as the page's furniture. Every word is kept, in order."""
    if not any(len(line.text) > FLATTENED for line in lines):
        return lines
    long_lines = [n for n, line in enumerate(lines)
                  if len(line.text) >= _FLATTENED_PART and line.kind != "heading"]
    header = _page_header([lines[n].text for n in long_lines])
    found: list[Line] = []
    for n, line in enumerate(lines):
        if n not in long_lines:
            found.append(line)
            continue
        text = line.text
        if header and text.startswith(header + " "):
            found.append(Line(header, line.kind))
            text = text[len(header) + 1:]
        cuts = _heading_starts(text)
        if len(cuts) > len(text) // _HEADING_SPACING:
            cuts = []  # headings every few words: no page of minutes, kept as it is
        for a, b in zip([0, *cuts], [*cuts, len(text)]):
            if text[a:b].strip():
                found.append(Line(text[a:b].strip(), line.kind))
    if header:  # the header repeated at each page break, as _drop_running_headers knows it
        found = [line for line in found if line.text != header]
    return found


_HEADER_WORDS = re.compile(r"\b(?:minutes|agenda|meeting|page|draft|confirmed|unconfirmed)\b",
                           re.IGNORECASE)


def _page_header(texts: list[str]) -> str | None:
    """The words that open two or more flattened pages alike ("CONFIRMED MINUTES –
    MEETING OF 3 MAY 2021"): the page's running header, when it names a date."""
    openings: dict[str, int] = {}
    for text in texts:
        words = text[:120].split()[:14]
        for size in range(3, len(words) + 1):
            opening = " ".join(words[:size])
            openings[opening] = openings.get(opening, 0) + 1
    shared = [opening for opening, times in openings.items()
              if times >= 2 and _DATE_IN.search(opening) and _HEADER_WORDS.search(opening)]
    return max(shared, key=len) if shared else None


def _heading_starts(text: str) -> list[int]:
    """Where headings begin inside a flattened page's line (offsets into ``text``)."""
    tokens = [(found.start(), found.group()) for found in _TOKEN.finditer(text)]
    cuts: set[int] = set()
    run_start = None  # the token where the present run of capitals began
    for k, (at, token) in enumerate(tokens):
        if _caps_word(token):
            run_start = k if run_start is None else run_start
            continue
        if run_start is not None and _MIXED.fullmatch(token):
            first = run_start
            while first < k and _LABEL_WORD.fullmatch(tokens[first][1]):
                first += 1  # a run opening with "OF" or "RESOLVED" is no heading
            letters = sum(c.isalpha() for _, word in tokens[first:k] for c in word)
            outcome = any(_OUTCOME_WORD.fullmatch(word) for _, word in tokens[first:k])
            if first < k and k - first <= 6 and letters >= 5 and not outcome \
                    and not _LABEL_WORD.fullmatch(tokens[k - 1][1]) and tokens[first][0] > 0:
                cuts.add(tokens[first][0])
        run_start = None
        if _LETTERED.fullmatch(token) and k + 1 < len(tokens) \
                and _MIXED.fullmatch(tokens[k + 1][1]) and k > 0:
            cuts.update(_lettered_cut(tokens, k))
    return sorted(cuts)


def _caps_word(token: str) -> bool:
    """A word in capitals ("COUNCIL", "CONDOLENCES:", "&"), not an initial or a number."""
    if token in ("&", "–", "-", "/"):
        return True
    letters = [c for c in token if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters) \
        and not any(c.isdigit() for c in token)


def _lettered_cut(tokens: list[tuple[int, str]], k: int) -> list[int]:
    """Cuts before the lettered heading at token ``k`` when a sentence ends before it,
    or before a short heading in title case that follows a sentence's end."""
    if _ENDS.fullmatch(tokens[k - 1][1]):
        return [tokens[k][0]]
    first = k
    while first > 0 and k - first < 5 and (
            _MIXED.fullmatch(tokens[first - 1][1]) or tokens[first - 1][1] in _SMALL):
        first -= 1
    if first < k and first > 0 and _ENDS.fullmatch(tokens[first - 1][1]) \
            and tokens[first][1] not in _SMALL:
        return [tokens[first][0], tokens[k][0]]
    return []
