"""Who attended a meeting, and the interests they declared, read from its minutes.

Attendance is read where minutes keep it: in the opening lines ("Present:", "Also
present:", "Apologies:", a roll call) and under items such as "Apologies for absence".
A list is read name by name, each name apart from the honorific group it is listed under
("Councillors", "Messrs") and from the office written beside it ("(Chair)", "Chief
Executive,"), which becomes its role. Notes beside a name ("(part meeting)", "from
7.40pm") are not part of it, and nothing that is not a person becomes one.

Declarations of interest are read from sentences ("Cllr X declared a personal interest in
item 6") and from the lines under a declarations item. Only fields are read here: the
words themselves stay in the minutes' text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import pairwise
from typing import Literal

from clerk_tui.importer.blocks import ItemBlock, Layout
from clerk_tui.importer.documents import Line
from clerk_tui.models import DeclarationKind

Status = Literal["present", "apologies", "absent", "substitute", "in attendance"]
PRESENT: Status = "present"
APOLOGIES: Status = "apologies"
ABSENT: Status = "absent"
SUBSTITUTE: Status = "substitute"
IN_ATTENDANCE: Status = "in attendance"
_IGNORED = "ignored"  # the public gallery, the press: people, but not attendance

MAX_LINE = 4_000  # characters of a line read for attendance; a longer one is a document


@dataclass(frozen=True)
class Person:
    """Someone the minutes list as attending, sending apologies or absent."""

    name: str
    status: Status
    role: str | None = None
    """The office or job title written beside the name ("Chair", "Head of Finance")."""
    substitute_for: str | None = None


@dataclass(frozen=True)
class Declared:
    """An interest a member declared, as the minutes record it."""

    member: str
    item_number: str | None
    kind: DeclarationKind | None
    stated_kind: str | None
    """The kind in the minutes' own words ("personal", "non-pecuniary")."""
    text: str
    """What else they declared, verbatim (the reason, the item's subject)."""


# --- words ---------------------------------------------------------------------------

_HONORIFICS = {
    "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "rev", "revd", "reverend",
    "sir", "dame", "lord", "lady", "cllr", "cr", "councillor", "councilor", "alderman",
    "alderwoman", "bailie", "col", "colonel", "sgt", "capt", "captain", "fr",
    "father", "canon", "hon", "regent", "councilmember", "councilwoman", "councilman",
    "trustee", "governor", "senator", "judge", "justice", "cmhlr", "brother",
    "sister", "dean", "provost", "rt", "worshipful", "right", "his", "her", "worship",
}
_GROUPS = {
    "councillors", "councilors", "cllrs", "crs", "messrs", "mesdames", "aldermen", "bailies",
    "councilmembers", "commissioners", "regents", "members", "trustees", "governors",
    "directors", "supervisors", "selectmen", "selectboard", "drs", "officers", "staff",
}
_ROLE_WORDS = {
    "chair", "chairman", "chairwoman", "chairperson", "vice", "vice-chair", "vice-chairman",
    "deputy", "depute", "mayor", "leader", "president", "convener", "convenor", "presiding",
    "chief", "executive", "director", "officer", "manager", "head", "clerk", "secretary",
    "assistant", "treasurer", "engineer", "planner", "administrator", "lawyer", "solicitor",
    "superintendent", "curator", "counsel", "attorney", "commissioner", "adviser", "advisor",
    "consultant", "coordinator", "co-ordinator", "auditor", "accountant", "headteacher",
    "representative", "principal", "senior", "acting", "interim", "technician", "analyst",
    "monitoring", "legal", "democratic", "services", "service", "council", "committee",
    "board", "authority", "authorities", "association", "department", "office", "team",
    "trust", "group", "panel", "cabinet", "governance", "cfo", "ceo", "coo", "cao", "cto",
    "minutes", "scribe", "recorder", "support", "lead", "member", "non-executive", "student",
    "police", "sergeant", "supervisor", "sub-committee", "subcommittee", "mp", "msp", "mla", "ms.", "inspector", "constable", "warden", "ranger",
    "controller", "specialist", "partner", "limited", "ltd", "ltd.", "plc", "inc", "inc.",
    "llp", "agency", "unit", "division", "company", "society", "commission", "governor's",
    "ex-officio", "vice-president", "chairs", "heads", "directors", "managers", "officers",
    "cathaoirleach", "leas-chathaoirleach",
}
# Words no person's name holds: a line with one is a heading or a sentence, not a list.
_ORGANISATIONS = {"council", "committee", "board", "authority", "association", "department", "trust",
                  "society", "company", "service", "services", "agency", "commission", "ltd", "ltd.",
                  "limited", "plc", "inc", "inc.", "llp", "group", "office", "unit", "chronicle"}
_NOT_NAMES = {
    "declaration", "declarations", "interest", "interests", "minutes", "minute", "matters",
    "arising", "business", "agenda", "report", "reports", "item", "items", "welcome",
    "introduction", "apologies", "apology", "absence", "attendance", "membership",
    "public", "press", "gallery", "application", "applications", "resolved", "agreed",
    "motion", "moved", "seconded", "carried", "order", "call", "prayer", "pledge", "allegiance",
    "opening", "urgent", "questions", "question", "petitions", "approval", "confirmation",
    "none", "nil", "no", "there", "were", "was", "total", "quorum", "ayes", "aye", "nays", "nay",
    "yeas", "yea", "noes", "vote", "votes", "abstain", "abstained", "abstentions", "abstention",
    "resolution", "resolutions", "action", "actions",
}
_CONNECTIVES = {"of", "for", "to", "the", "and", "&", "in", "on", "at", "with", "-", "–",
                "—", "/"}
_PARTICLES = {"de", "da", "van", "von", "der", "den", "le", "la", "du", "di", "te", "bin",
              "al", "el", "del", "della", "st", "st.", "ó", "ní", "nic", "mac", "o'", "ap"}

_PREVIOUS = re.compile(r"\b(?:previous|last|earlier|prior)\s+meeting\b|\bmeeting\s+(?:held\s+)?on\s+\d",
                       re.IGNORECASE)

# A note written beside a name, which is not part of it.
_NOTES = re.compile(
    r"\b(?:(?:from|until|left|arrived|joined|departed|attended)\b[^,;()]{0,40}?"
    r"(?:\d{1,2}(?:[.:]\d{2})?\s*(?:[ap]\.?\s?m\.?)?|\bitem\s+\S{1,12}|\bminute\s+\S{1,12})"
    r"|part(?:\s+of)?\s+(?:the\s+)?meeting|for\s+part\s+of\s+the\s+meeting|via\s+[\w/ -]{0,30}?link"
    r"|ex[- ]officio|excused|remotely|(?:by|via)\s+(?:video|phone|telephone|teams|zoom)"
    r"|(?:who\s+)?(?:took|in)\s+the\s+chair|presiding|online|virtually|non-voting)\b",
    re.IGNORECASE)
_GLUED_WORD = re.compile(r"[A-Za-z'’]{4,60}")
_GLUED_AT = re.compile(r"(?<=[a-z])(?=[A-Z])")
_NAME_PREFIXES = {"mac", "mc", "fitz", "de", "di", "da", "du", "la", "le", "van", "von", "o", "st", "mr", "dr",
                  "ms", "mrs"}
_PAREN = re.compile(r"\(([^()]{0,120})\)")
_SUBSTITUTE_FOR = re.compile(
    r"^(?:as\s+)?(?:an?\s+)?(?:substitute|substituting|sub|deputising|deputizing|replacing)"
    r"(?:\s+member)?\s+(?:for|in\s+place\s+of)\s+(.{1,80})$", re.IGNORECASE)
_INITIALS = re.compile(r"^[A-Z](?:\.|[A-Z]{0,2}\.?)$|^[A-Z]\.[A-Z]\.?$")
_CODE_INITIALS = re.compile(r"^[A-Z]{1,4}(?:-[A-Z]{1,3})?$")
_WORD = re.compile(r"^[A-ZÀ-ÞĀ-Ž][\w'’.\-]*$")


def _lower(token: str) -> str:
    return token.lower().strip(".,:;")


# --- labels ---------------------------------------------------------------------------

_PRESENT_LABELS = (
    r"(?:(?:members?|councillors?|trustees?|governors?|directors?|regents?|commissioners?|"
    r"board\s+members?|committee\s+members?|council\s+members?|councilmembers|those|voting\s+members)"
    r"\s*(?:[-–]\s*)?present(?:\s+were)?(?:\s+at\s+roll\s+call)?)"
    r"|present\s+at\s+roll\s+call|present\s+in\s+the\s+chair|present(?:\s+were)?|roll\s+call|sederunt|attendees")
_IN_ATTENDANCE_LABELS = (
    r"(?:also|others?|officers?|officials?|staff|other\s+members|other\s+councillors|advisers?|"
    r"advisors?|council\s+officers|[A-Z]{2,6}\s+staff)\s+(?:in\s+attendance|present|attending)"
    r"|also\s+in\s+attendance|in\s+attendance|also\s+present|by\s+invitation"
    r"|(?:minutes\s+)?(?:respectfully\s+)?(?:submitted|recorded|taken|prepared)\s+by|minute\s+taker|clerk")
_ABSENT_LABELS = (
    r"(?:members?|regents?|councillors?|trustees?|governors?|commissioners?|directors?)\s*"
    r"(?:[-–]\s*)?(?:absent|not\s+present)(?:\s+at\s+roll\s+call)?"
    r"|absent(?:\s+at\s+roll\s+call)?(?:\s+without\s+apologies)?|not\s+present")
_APOLOGY_LABELS = (r"apologies(?:\s+for\s+(?:absence|non-attendance))?(?:\s+received)?|regrets"
                   r"|(?:granted\s+)?leave\s+of\s+absence(?:\s+granted)?|excused(?:\s+absences?)?"
                   r"|(?:sorry\s+)?(?:couldn['’]t|could\s+not|can['’]t|cannot|unable\s+to|not\s+able\s+to)"
                   r"\s+(?:make\s+it|attend|come|be\s+(?:here|there|present))(?:\s+(?:today|tonight))?"
                   r"|sent\s+(?:their\s+)?apologies|apologies\s+from")
# Weak labels are words that also open sentences: they count only before a colon (or
# alone on their line, or in capitals).
_WEAK_PRESENT = (r"attendance|members|board\s+members|committee\s+members|attending(?:\s+members)?"
                 r"|in\s+the\s+chair|here|in\s+the\s+room")
_WEAK_IN_ATTENDANCE = (r"officers|officials?|staff|other\s+(?:members|councillors|cllrs)|administration|staff\s*/\s*public|guests?|"
                       r"[A-Z]{2,6}\s+staff|advisers|observers|in\s+attendance|visitors?"
                       r"|also(?:\s+(?:came|here|there|joining|joined|with\s+us))?|invited|invitees")
_WEAK_IGNORED = r"gallery|public|press|members\s+of\s+the\s+public|in\s+the\s+gallery"
_SUBSTITUTE_LABELS = r"substitutes?|substitute\s+members?"

_LABEL_SETS = (
    (_SUBSTITUTE_LABELS, SUBSTITUTE, True),
    (_ABSENT_LABELS, ABSENT, True),
    (_IN_ATTENDANCE_LABELS, IN_ATTENDANCE, True),
    (_PRESENT_LABELS, PRESENT, True),
    (_APOLOGY_LABELS, APOLOGIES, True),
    (_WEAK_IN_ATTENDANCE, IN_ATTENDANCE, False),
    (_WEAK_PRESENT, PRESENT, False),
    (_WEAK_IGNORED, _IGNORED, False),
)
_ANY_LABEL = "|".join(f"(?:{pattern})" for pattern, _status, _strong in _LABEL_SETS)
# A label opening a line: a strong one may be followed by a name directly ("PRESENT Mr
# A"), a weak one needs a colon, a slash or the end of the line.
_LEAD = re.compile(rf"^[\s|/*•·-]{{0,4}}(?P<label>{_ANY_LABEL})\s{{0,8}}(?P<end>[:/|–-]|$|(?=\S))", re.IGNORECASE)
# Inside a line (flattened web pages): the label in capitals, or before a colon.
_INLINE = re.compile(
    rf"(?<![\w'’])(?P<label>{_ANY_LABEL})(?P<colon>\s{{0,4}}:)?(?![\w'’])", re.IGNORECASE)
_UNKNOWN_LABEL = re.compile(r"^(?P<label>[A-Z][\w&'’/ ]{0,40}?)\s?:\s*")


def _label_status(label: str) -> tuple[Status | str, bool]:
    """The status a label introduces, and whether it is strong (see _LEAD)."""
    for pattern, status, strong in _LABEL_SETS:
        if re.fullmatch(pattern, label, re.IGNORECASE):
            return status, strong
    return PRESENT, False


def _labels_in(text: str, at_start_only: bool) -> list[tuple[int, int, Status | str]]:
    """Where attendance labels stand in ``text``: (start, end, status), in order."""
    found: list[tuple[int, int, Status | str]] = []
    lead = _LEAD.match(text)
    if lead:
        status, strong = _label_status(lead.group("label"))
        rest = text[lead.end("label"):]
        marked = lead.group("end") in (":", "/", "|", "-", "–") or not rest.strip()
        capitals = lead.group("label").isupper()
        follows_name = bool(re.match(r"\s{0,8}[A-Z*]", rest)) and not re.match(
            r"\s{0,8}(?:of|for|and|at|to|in|the|was|were|is|are|had|has)\b", rest, re.IGNORECASE)
        if marked or capitals or (strong and follows_name):
            end = lead.end()
            found.append((lead.start("label"), end, status))
    if at_start_only:
        return found
    start = found[0][1] if found else 0
    for match in _INLINE.finditer(text, start):
        label = match.group("label")
        capitals = label.isupper() and len(label) > 3 and not re.match(
            r"SUBSTITUTE|CLERK|SUBMITTED|RECORDED|TAKEN|PREPARED|MINUTE|STAFF|MEMBERS$|ATTENDING|IN\s+THE\s+CHAIR",
            label)
        if not capitals and not match.group("colon"):
            continue
        status, _strong = _label_status(label)
        found.append((match.start(), match.end(), status))
    return found


# --- reading names -------------------------------------------------------------------

@dataclass
class _Run:
    """A name or an office, as read from a list."""

    text: str
    is_role: bool
    role: str | None = None
    titled: bool = False  # led by an honorific or initials: certainly a person
    substitute_for: str | None = None
    chair: bool = False
    bracketed: bool = False  # "Office (Mr A Person)": the name was in brackets
    status: Status | None = None  # "Cr A Smith - leave of absence": what the note says


def _token_kind(token: str, previous: str | None) -> str:
    """The kind of one word of a list: C(onnective), H(onorific), P(lural group),
    R(ole), D(igits), I(nitials), N(ame) or L (a lower-case word: prose)."""
    return _kind_of_token(token, previous is not None)


# The same few words recur in every list and on every page: each is classified once.
@lru_cache(maxsize=16_384)
def _kind_of_token(token: str, follows_word: bool) -> str:
    word = _lower(token)
    if token in _CONNECTIVES or word in ("of", "for", "to", "the", "and", "in", "on", "at"):
        return "C"
    if word in _HONORIFICS or word.rstrip("s") in ("mr", "dr"):
        return "H"
    if word in _GROUPS:
        return "P"
    if word in _ROLE_WORDS or word.rstrip("’'s") in _ROLE_WORDS:
        return "R"
    if re.search(r"\d", token):
        return "D"
    if word in _PARTICLES and follows_word:
        return "N"
    if _INITIALS.match(token.strip(",;")):
        return "I"
    if _WORD.match(token.strip(",;")):
        return "N"
    return "L"


def _runs_of(piece: str) -> tuple[list[_Run], bool]:
    """The names and offices in one piece of a list ("Mr Norm Smith Chief Executive"),
    and whether the piece was led by a plural group ("Councillors")."""
    # stops and commas left alone by a removed note ("Ann Cole (Clerk).") are no word
    tokens = [token for token in piece.split() if token not in (".", ",", ";", ":", "..")]
    kinds: list[str] = []
    for n, token in enumerate(tokens):
        kinds.append(_token_kind(token, tokens[n - 1] if n else None))
    grouped = "P" in kinds
    _tiers_as_honorifics(tokens, kinds)
    _fields_of_offices(tokens, kinds)
    # a one-word "name" just before an office is part of it ("City Manager", "Police Chief")
    for n, kind in enumerate(kinds):
        if kind == "N" and n + 1 < len(kinds) and kinds[n + 1] == "R" and \
                (n == 0 or kinds[n - 1] in ("R", "C", "P")):
            kinds[n] = "R"
    _organisations_named(tokens, kinds)
    # an office carries on past "of", "and" ("Director of Corporate and Community Services")
    n = 0
    while n < len(kinds):
        if kinds[n] == "C" and n > 0 and kinds[n - 1] == "R":
            dash = tokens[n] in ("-", "–", "—")  # "Manager - Community Services": a department
            m = n + 1
            while m < len(kinds) and kinds[m] == "N":
                kinds[m] = "R"
                m += 1
                if not dash and m < len(kinds) and kinds[m] == "N" and not _lower(tokens[m]).endswith("s"):
                    break
            n = m
        else:
            n += 1
    _office_ends_the_piece(kinds)
    runs: list[_Run] = []
    current: list[str] = []
    current_role = False
    titled = False
    for index, (token, kind) in enumerate(zip(tokens, kinds)):
        previous_kind = kinds[index - 1] if index else None
        if kind in ("P", "D"):
            if current:
                runs.append(_Run(" ".join(current), current_role, titled=titled))
            current, titled = [], False
            continue
        if kind == "L":
            return [], grouped  # a sentence, not a list
        role = kind in ("R", "C")
        if kind == "C" and not current_role:
            if token in ("-", "–", "—", "/") or not current:
                if current:
                    runs.append(_Run(" ".join(current), current_role, titled=titled))
                current, titled = [], False
                continue
            role = False
        starts_name = kind == "H" and current and not current_role and previous_kind != "H"
        if current and (role != current_role or starts_name):
            runs.append(_Run(" ".join(current), current_role, titled=titled))
            current, titled = [], False
        if not current:
            titled = kind in ("H", "I") or bool(runs and runs[-1].is_role and not role)
        current.append(token)
        current_role = role
    if current:
        runs.append(_Run(" ".join(current), current_role, titled=titled))
    tidy = []
    for run in runs:
        text = run.text.strip(" ,;:-–/.") if run.is_role else run.text.strip(" ,;:-–/")
        words = text.split()
        while words and words[-1].lower() in ("the", "of", "and", "for", "to", "&"):
            words.pop()
        while words and words[0].lower() in ("the", "and", "&", "plus"):
            words.pop(0)
        if not words:
            continue
        text = " ".join(words)
        if not run.is_role and all(_token_kind(w, None) == "H" for w in words):
            continue  # an honorific alone is no one
        tidy.append(replace(run, text=text))
    return tidy, grouped


# The tier of a council written before an honorific ("District Cllr", "County Councillor").
_TIERS = {"district", "county", "borough", "town", "parish", "city", "ward", "regional", "state",
          "community", "unitary", "shire", "metropolitan", "divisional", "village"}
# The field an office covers, written after it without "of" ("Director Infrastructure",
# "Chief Nurse"): words no surname is, read as part of the office only after one.
_FIELDS = {
    "infrastructure", "finance", "financial", "planning", "housing", "operations", "operating",
    "education", "transport", "environment", "environmental", "corporate", "community",
    "communities", "development", "regeneration", "resources", "strategy", "strategic", "works",
    "health", "safety", "technology", "engineering", "communications", "policy", "economic",
    "sustainability", "assets", "property", "commercial", "culture", "leisure", "highways",
    "waste", "estates", "digital", "nurse", "nursing", "medical", "clinical", "quality",
    "performance", "risk", "compliance", "audit", "procurement", "marketing", "fundraising",
    "programmes", "partnerships", "governance", "democracy", "democratic", "legal", "safeguarding",
    "people", "workforce", "information", "data", "customer", "customers", "delivery",
    "transformation", "integration", "midwife", "midwifery", "pharmacist", "therapist",
    "psychologist", "surveyor", "architect", "editor", "learning", "teaching", "curriculum",
    "operational", "nominated", "scrutiny", "liaison", "designate", "elect", "organisation",
    "organisational", "organization", "organizational",
}


def _tiers_as_honorifics(tokens: list[str], kinds: list[str]) -> None:
    """ "District Cllr A Smith": the tier is part of the honorific, not an office."""
    for n in range(len(kinds) - 1):
        if _lower(tokens[n]) in _TIERS and kinds[n] in ("R", "N") and kinds[n + 1] == "H":
            kinds[n] = "H"


def _fields_of_offices(tokens: list[str], kinds: list[str]) -> None:
    """ "Director Infrastructure", "Chief Nurse": the field after an office is part of it."""
    for n in range(1, len(kinds)):
        if kinds[n] == "N" and kinds[n - 1] == "R" and _lower(tokens[n]) in _FIELDS:
            kinds[n] = "R"


def _organisations_named(tokens: list[str], kinds: list[str]) -> None:
    """Bare words before an organisation's word are its name ("Veterinary Nurses
    Council"), back to a titled person's surname ("Cllr A Smith Vale Council"); an
    organisation's word before an office ("Board Secretary") names no organisation."""
    for n, kind in enumerate(kinds):
        if kind != "R" or _lower(tokens[n]) not in _ORGANISATIONS:
            continue
        if n + 1 < len(kinds) and kinds[n + 1] == "R" and _lower(tokens[n + 1]) not in _ORGANISATIONS:
            continue
        m = n - 1
        while m >= 0 and (kinds[m] == "N" or (
                kinds[m] == "C" and tokens[m] in ("and", "&", "of") and m > 0 and kinds[m - 1] == "N")):
            if kinds[m] == "N" and m > 0 and kinds[m - 1] in ("H", "I"):
                break  # the surname of "Cllr A Smith"
            kinds[m] = "R" if kinds[m] == "N" else "C"
            m -= 1


def _office_ends_the_piece(kinds: list[str]) -> None:
    """A name, its office, and one word more to the end ("Ann Quiller Chief Nurse",
    "Rob Tansy Head of Patient Experience"): the last word is the office's, not a name."""
    if len(kinds) < 4 or kinds[-1] != "N" or kinds[-2] not in ("R",) or kinds[0] not in ("H", "I", "N"):
        return
    first_role = next((n for n, kind in enumerate(kinds) if kind == "R"), None)
    if first_role is None or first_role < 2 or any(kind not in ("H", "I", "N") for kind in kinds[:first_role]):
        return
    if all(kind in ("R", "C") for kind in kinds[first_role:-1]):
        kinds[-1] = "R"


def _split_pieces(text: str) -> list[str]:
    """A list's text cut where one entry ends: commas, semicolons, "and", slashes, bars,
    and after initials in brackets ("Tony Smith (TS) Chair ...")."""
    pieces: list[str] = []
    depth = 0
    start = 0
    n = 0
    while n < len(text):
        char = text[n]
        if char == "(":
            depth += 1
        elif char == ")":
            depth = max(depth - 1, 0)
        elif depth == 0 and char in ",;|•·*" or depth == 0 and char == "/" and text[n - 1:n] == " ":
            pieces.append(text[start:n])
            start = n + 1
        n += 1
    pieces.append(text[start:])
    split: list[str] = []
    for piece in pieces:
        parts = _split_and(piece)
        if len(parts) > 1 and any(_office_goes_on(left, right) for left, right in pairwise(parts)):
            parts = [piece]
        split += parts
    return [piece.strip() for piece in split if piece.strip()]


def _office_goes_on(left: str, right: str) -> bool:
    """Whether an "and" joins two parts of one office ("Director of Finance and
    Strategy", "Manager of Parks and Community Services"), not two people."""
    if _named_in_brackets(left) and _named_in_brackets(right):
        return False  # "Head of Parks (Mr A Rowe) and Clerk (Ms B Tey)": two people
    right = _PAREN.sub(" ", right).strip(" .")
    words = right.split()
    if not words:
        return False
    return _is_office(right) or (_is_office(left) and (len(words) == 1 or _lower(words[0]) in _FIELDS))


def _named_in_brackets(text: str) -> bool:
    """Whether ``text`` ends with a person's name in brackets ("Clerk (Ms B Tey)")."""
    text = text.rstrip(" .")
    if not text.endswith(")") or "(" not in text:
        return False
    words = text[text.rfind("(") + 1:-1].split()
    return len(words) >= 2 and _token_kind(words[0], None) in ("H", "I")


_AND = re.compile(r"\s+(?:and|&)\s+(?=[A-Z(])")


def _split_and(piece: str) -> list[str]:
    """``piece`` cut at each "and" or "&" outside brackets."""
    parts, start = [], 0
    for match in _AND.finditer(piece):
        before = piece[start:match.start()]
        if piece[:match.start()].count("(") > piece[:match.start()].count(")"):
            continue
        parts.append(before)
        start = match.end()
    parts.append(piece[start:])
    return parts


# A dash between spaces parts a name from its office or a note ("Mr A Cole - Parent
# Governor", "Cr A Cole - leave of absence granted").
_DASH = re.compile(r"\s[-–—]\s")
_AWAY = re.compile(r"\b(?:leave\s+of\s+absence|apolog\w{0,6}|regrets|excused)\b", re.IGNORECASE)
_ABSENT_NOTE = re.compile(r"\b(?:absent|did\s+not\s+attend|no\s+apologies)\b", re.IGNORECASE)


def _dash_split(piece: str) -> tuple[str, str] | None:
    """``piece`` either side of its first dash between spaces outside brackets."""
    depth, counted = 0, 0
    for match in _DASH.finditer(piece):
        for char in piece[counted:match.start()]:
            depth += (char == "(") - (char == ")" and depth > 0)
        counted = match.start()
        if depth == 0:
            return piece[:match.start()].strip(), piece[match.end():].strip()
    return None


def _reads_as_name(text: str) -> bool:
    """Whether ``text`` is a name alone, honorifics and initials and all ("Mrs A Cole",
    "Ann Cole (Chair)"), with no office or other word beside it."""
    words = _PAREN.sub(" ", _NOTES.sub(" ", text)).split()
    kinds = [_token_kind(word, words[n - 1] if n else None) for n, word in enumerate(words)]
    return 1 <= len(words) <= 7 and "N" in kinds and all(kind in ("H", "I", "N") for kind in kinds) \
        and kinds[-1] != "H" and not text.isupper()


def _office_words(text: str) -> str | None:
    """``text`` as an office written after a name ("Parent Governor", "Clerk to the
    Governors"), its notes left out; None if it reads as anything else."""
    bare = _clean_name(_PAREN.sub(" ", _NOTES.sub(" ", text)))
    words = bare.split()
    if not 1 <= len(words) <= 10 or _names_no_one(words):
        return None
    if all(word[:1].isupper() or _lower(word) in _CONNECTIVES for word in words) and words[0][:1].isupper():
        return bare
    return None


def _office_after_dash(text: str) -> bool:
    """ "Mr A Cole - Parent Governor": a name and its office, the line complete though
    it ends with a word that is also an honorific."""
    parts = _dash_split(text) if len(text) < 200 else None
    return parts is not None and _reads_as_name(parts[0]) and _office_words(parts[1]) is not None


def _dashed(piece: str) -> tuple[list[_Run], bool, bool] | None:
    """ "Name - Office", "Office - Name" and "Name - note": the name apart, the office its
    role, the note (apologies, leave of absence) its status; None for other dashes."""
    parts = _dash_split(piece)
    if parts is None:
        return None
    left, right = parts
    if _reads_as_name(left):
        runs, grouped, prose = _entry(left)
        names = [run for run in runs if not run.is_role]
        if prose or not names or len(names) != len(runs):
            return None
        office = _office_words(right)
        if office is not None and not _reads_as_name(right):
            names[-1].role = names[-1].role or office
        elif _AWAY.search(right):
            names[-1].status = APOLOGIES
        elif _ABSENT_NOTE.search(right):
            names[-1].status = ABSENT
        elif not re.search(r"\b[a-z]{2,}\b", _NOTES.sub(" ", _PAREN.sub(" ", right))):
            return None  # "Ann Cole - Bo Rees": two names, or nothing known
        for run in names:
            run.titled = True
        return runs, grouped, False
    office = _office_words(left)
    if office is not None and _is_office(office) and _reads_as_name(right) and not any(
            _lower(word) in _FIELDS for word in right.split()):
        runs, grouped, prose = _entry(right)
        names = [run for run in runs if not run.is_role]
        if prose or len(names) != 1:
            return None
        names[0].role = names[0].role or office
        names[0].titled = True
        return runs, grouped, False
    return None


# "Ann Cole from Vale Homes (housing officer) for the first hour": a person, the body
# they came from, an office in brackets and a note in lower case after them
_FROM_BODY = re.compile(
    r"^(?P<name>[A-Z][\w'’.-]{0,30}(?:\s[A-Z][\w'’.-]{0,30}){0,3})\s+(?P<link>from|of|with)\s+"
    r"(?P<body>(?:the\s)?[A-Z][\w'’.&-]{0,40}(?:\s(?:[A-Z&][\w'’.&-]{0,40}|of|and|for)){0,6})"
    r"\s*(?:\((?P<office>[^()]{1,80})\))?(?P<rest>.{0,200})$")


_TIME_NOTE = re.compile(r"(?:for|until|till|up\s+to|arrived|left|joined|only|part|at|from|between"
                        r"|who\s+(?:left|arrived|joined))\b")


def _from_body(piece: str) -> tuple[list[_Run], bool, bool] | None:
    """ "Ann Cole from Vale Homes (housing officer)": the name apart, the office in
    brackets (else the body) its role; None for any other piece."""
    match = _FROM_BODY.match(piece.strip()) if len(piece) < 400 else None
    if match is None or not _reads_as_name(match.group("name")) or _names_no_one(piece.split()):
        return None
    if match.group("link") != "from" and len(match.group("name").split()) < 2:
        return None  # "Calling of the Roll": one word "of" something is no person
    rest = match.group("rest").strip(" .")
    if rest and not (_TIME_NOTE.match(rest) and len(rest.split()) <= 8):
        return None
    runs, grouped = _runs_of(match.group("name"))
    if len(runs) != 1 or runs[0].is_role:
        return None
    runs[0].role = (match.group("office") or match.group("body")).strip()
    runs[0].titled = True
    return runs, grouped, False


def _entry(piece: str) -> tuple[list[_Run], bool, bool]:
    """The runs of one piece, whether it was grouped, and whether it reads as prose."""
    dashed = _dashed(piece) if " " in piece else None
    if dashed is not None:
        return dashed
    from_body = _from_body(piece) if " from " in piece or " of " in piece or " with " in piece else None
    if from_body is not None:
        return from_body
    notes_removed = _NOTES.sub(" ", piece)
    chair = notes_removed != piece and bool(re.search(r"\bchair\b|presiding", piece, re.IGNORECASE))
    parens = []
    for match in _PAREN.finditer(notes_removed):
        parens.append(match.group(1).strip())
    bare = _PAREN.sub(" ", notes_removed)
    if _names_no_one(bare.split()):
        return [], False, True
    runs, grouped = _runs_of(bare)
    if not runs and bare.strip() and re.search(r"[a-z]{2,}", bare) and not _mostly_notes(bare):
        lowers = [w for w in bare.split() if w[:1].islower() and w not in _CONNECTIVES]
        if len(lowers) >= 2:
            return [], grouped, True
    names = [run for run in runs if not run.is_role]
    for content in parens:
        if not content:
            continue
        if re.fullmatch(r"[A-Z]\.?", content) and names:
            names[-1].text = f"{names[-1].text} ({content})"  # "Sheahan (J)": which Sheahan
            continue
        substitute = _SUBSTITUTE_FOR.match(content)
        if substitute and names:
            names[-1].substitute_for = _clean_name(substitute.group(1))
            continue
        inner, _g = _runs_of(_NOTES.sub(" ", content))
        # "Chief Executive (Ann Cole)": a bare name in brackets after an office alone
        office_alone = not names and bool(runs) and _is_office(" ".join(run.text for run in runs))
        inner_names = [run for run in inner if not run.is_role and len(run.text.split()) > 1 and (
            run.titled or office_alone and _reads_as_name(content))]
        if inner_names and not any(run.titled for run in names):
            # "Head of Finance (Mr T. Jones)": the office outside, the person inside
            office = " ".join(run.text for run in runs) or None
            runs = []
            person = inner_names[0]
            person.role, person.bracketed = office, True
            return [person], grouped, False
        if _CODE_INITIALS.match(content):
            continue
        if inner and names and names[-1].role is None and re.search(r"[A-Za-z]", content):
            names[-1].role = content
    if chair:
        for run in names:
            run.chair = True
    return runs, grouped, False


def _mostly_notes(text: str) -> bool:
    return not re.search(r"[A-Za-z]{3,}", _NOTES.sub(" ", text))


def _clean_name(text: str) -> str:
    return " ".join(text.strip(" .,;:").split())


def _people(runs: list[_Run], status: Status, bare_names_are_roles: bool) -> list[Person]:
    """Names paired with the offices beside them, in the order the list gives them."""
    names = [run for run in runs if not run.is_role]
    if bare_names_are_roles:
        for n, run in enumerate(runs):
            if run.is_role or run.titled or run.role is not None or run.substitute_for is not None:
                continue
            if not _paired_with_office(runs, n):
                run.is_role = True
        names = [run for run in runs if not run.is_role]
    for n, run in enumerate(runs):
        if n and not run.is_role and not run.titled and run.role is None and _where_they_work(runs, n):
            run.is_role = True
    names = [run for run in runs if not run.is_role]
    if not names:
        return [Person(run.text, status) for run in runs if _is_job(run.text)]
    role_first = runs[0].is_role
    pending: str | None = None
    for n, run in enumerate(runs):
        if not run.is_role:
            if pending and run.role is None:
                run.role, pending = pending, None
            continue
        previous = runs[n - 1] if n else None
        if not role_first and previous is not None and not previous.is_role and previous.role is None:
            previous.role = run.text
        else:
            pending = run.text
    found = []
    for run in names:
        own = run.status or status
        if run.substitute_for:
            own = SUBSTITUTE
        elif run.chair and status in (IN_ATTENDANCE,):
            own = PRESENT
        found.append(Person(_without_code(_clean_name(run.text)), own, run.role, run.substitute_for))
    return found


def _where_they_work(runs: list[_Run], n: int) -> bool:
    """ "Hal Pruitt - Chief Finance Officer, OPCC", "Mr A Cole / Audit Manager, Vale
    Audit": after a name and its office, the body the person works for, not a person."""
    before = runs[n - 1]
    if not (before.is_role or before.role):
        return False
    if re.fullmatch(r"[A-Z]{3,8}", runs[n].text):
        return True
    words = [_lower(word) for word in runs[n].text.split()]
    named_before = before.role is not None or (n >= 2 and not runs[n - 2].is_role)
    return named_before and any(word in _FIELDS or word in _ORGANISATIONS for word in words)


def _initials_of(name: str) -> str:
    """ "Dr Ann Lee Cole" -> "ALC": the first letters of a name, honorifics left out."""
    return "".join(word[0] for word in name.replace("-", " ").split()
                   if _token_kind(word, None) != "H" and word[:1].isalpha()).upper()


def _without_code(name: str) -> str:
    """ "Ann Cole AC" -> "Ann Cole": the initials a list writes after a name, by which
    the minutes call the person later, are no part of the name."""
    words = name.split()
    if len(words) >= 3 and re.fullmatch(r"[A-Z]{2,4}", words[-1]) and \
            _initials_of(" ".join(words[:-1])) == words[-1]:
        return " ".join(words[:-1])
    return name


def _names_no_one(words: list[str]) -> bool:
    """Whether ``words`` hold a word no name holds ("Minutes", "Agenda"), other than
    one naming an office with the word after it ("Minute Secretary", "Minutes Clerk")."""
    for n, word in enumerate(words):
        after = _lower(words[n + 1]) if n + 1 < len(words) else ""
        if _lower(word) in _NOT_NAMES and _in_office(words, n):
            continue  # "Director of Business", "Climate Action Officer"
        if _lower(word) in _NOT_NAMES and not (
                _lower(word) in ("minute", "minutes")
                and after in ("secretary", "taker", "clerk", "officer", "writer", "recorder")
                or word == "Public" and (after in _FIELDS or after in _ORGANISATIONS or after in _PUBLIC_OFFICES)):
            return True
    return False


# Words of _NOT_NAMES that also name what an office covers ("Business Manager")
_OFFICE_FIELDS = {"business", "public", "action", "questions", "membership", "agenda", "minutes"}


def _in_office(words: list[str], n: int) -> bool:
    """Whether ``words[n]`` is part of an office: capitalised, with an office's word
    after it ("Business Manager") or an office and "of" before it ("Head of Business")."""
    if _lower(words[n]) not in _OFFICE_FIELDS or not words[n][:1].isupper():
        return False
    after = _lower(words[n + 1]) if n + 1 < len(words) else ""
    if after in _ROLE_WORDS and after not in _ORGANISATIONS:
        return True
    return n >= 2 and _lower(words[n - 1]) in ("of", "for") and _lower(words[n - 2]) in _ROLE_WORDS


# "Director of Public Works", "Public Affairs Manager": the public as part of an office
_PUBLIC_OFFICES = {"affairs", "relations", "realm", "protection", "defender", "prosecutor", "art", "rights"}


def _paired_with_office(runs: list[_Run], n: int) -> bool:
    """Whether the bare name ``runs[n]`` has an office written beside it ("Ann Quiller,
    Head of Works", "Clerk, Rob Tansy"): a person, though the list is otherwise titled."""
    words = runs[n].text.split()
    if not 2 <= len(words) <= 4 or runs[n].text.isupper() or all(
            _lower(word) in _FIELDS or _lower(word) in _ORGANISATIONS for word in words):
        return False
    after = runs[n + 1] if n + 1 < len(runs) else None
    if after is not None and after.is_role and _is_job(after.text):
        return True
    # "Clerk, Rob Tansy"; but in "Mr A Cole, Audit Manager, Vale Audit" the office is
    # Mr Cole's and what follows it is where he works
    before = runs[n - 1] if n else None
    return before is not None and before.is_role and _is_job(before.text) and (n == 1 or runs[n - 2].is_role)


def _is_job(text: str) -> bool:
    """Whether an office names a post someone holds ("Head of Works"), not only a body
    ("Vale Borough Council")."""
    words = [_lower(word) for word in text.split()]
    return _is_office(text) and bool(words) and words[-1] not in _ORGANISATIONS


def _is_office(text: str) -> bool:
    words = [_lower(word) for word in text.split()]
    return any(word in _ROLE_WORDS for word in words) and len(words) <= 12


# --- sentences ------------------------------------------------------------------------

_NAMES = r"(?P<names>[^.;:!?]{0,600})"
_APOLOGY_FROM = re.compile(
    r"(?P<no>\bno\s+)?\bapolog(?:y|ies)\b[^.;!?]{0,160}?"
    r"\b(?:from|on\s+behalf\s+of|(?:recorded|noted|accepted|submitted|tendered)\s+for)\b\s*:?\s*",
    re.IGNORECASE)
_APOLOGISED = re.compile(
    r"(?P<who>(?:[A-Z][\w'’.-]{0,30}[\s,]+(?:and\s+)?){0,8}[A-Z][\w'’.-]{0,30})\s+(?:has\s+|had\s+|have\s+)?"
    r"(?:apologised|apologized|sent\s+(?:his|her|their)\s+apologies|gave\s+(?:his|her|their)\s+apologies"
    r"|tendered\s+(?:his|her|their)\s+apologies|sent\s+apologies)\b")
_WAS_ABSENT = re.compile(
    r"(?P<who>(?:[A-Z][\w'’.-]{0,30}[\s,]+(?:and\s+)?){0,8}[A-Z][\w'’.-]{0,30})\s+(?:was|were)\s+"
    r"(?:absent|not\s+present(?=\s+(?:and\s+(?:had\s+)?(?:sent|given|tendered|offered)\s+no|without)\s+"
    r"(?:apolog|leave|notice)))(?:\s+and\s+(?:had\s+)?(?:sent|given|tendered|offered)\s+no\s+apolog(?:y|ies))?"
    r"(?:\s+from\s+the\s+meeting)?(?:\s+without\s+(?:leave|apolog(?:y|ies)|notice|explanation))?\s*(?:[.;,]|$)")
# "Leave of absence was granted to Cllr A and Cllr B": they sent apologies
_LEAVE_GRANTED = re.compile(
    r"\bleave\s+of\s+absence\s+(?:was|were|is|has\s+been|had\s+been)\s+(?:granted|approved|given)\s+"
    r"(?:to|for)\s+", re.IGNORECASE)
# A name as the minutes write it: up to six capitalised words ("Cllr Anne de Vere").
_NAMED = r"(?:[A-Z][\w'’.-]{0,30}\s+){0,5}[A-Z][\w'’.-]{0,30}"
# "Cllr A, for whom Cllr B attended as substitute": B substitutes for A
_FOR_WHOM = re.compile(
    r"(?P<for>" + _NAMED + r")\s{0,4}[,(]?\s{0,4}for\s+whom\s+"
    r"(?P<who>" + _NAMED + r")\s+"
    r"(?:attended|was\s+present|sat|acted|substituted|deputi[sz]ed)\b")
_ATTENDED_AS_SUBSTITUTE = re.compile(
    r"(?P<who>" + _NAMED + r")\s+"
    r"(?:attended|was\s+present|sat|acted)?\s*(?:as\s+(?:a\s+)?substitute|substituted|was\s+substituting)"
    r"(?:\s+member)?\s+for\s+(?P<for>" + _NAMED + r")")
# "from Cllr A, who was ill, and from Cllr B": each "from" opens its own names
_AND_FROM = re.compile(r",?\s+(?:and|&)\s+(?:also\s+)?from\s+|,\s+from\s+")
_IN_THE_CHAIR = re.compile(
    r"^(?P<who>" + _NAMED + r")\s*,?\s*"
    r"(?:(?P<role>[A-Z][\w'’ -]{0,40}),\s*)?in\s+the\s+chair\b", re.IGNORECASE)
_REASON = re.compile(
    r"\b(?:for\s+whom|who|due\s+to|because|as\s+(?:he|she|they)|owing\s+to|for\s+(?:reasons|personal)|being"
    r"|for\s+(?:(?:his|her|their)\s+)?(?:absence|non-attendance|lateness|inability|this\s+meeting|the\s+meeting)"
    r"|on\s+(?:holiday|leave|council)|these\s+were|which\s+(?:was|were)|and\s+(?:these|this)\s+(?:was|were)"
    r"|be|been|is|are|was|were)\b")


def _sentence_end(text: str, start: int) -> int:
    """Where the sentence that runs from ``start`` ends: a full stop that does not
    follow an initial or an abbreviated honorific."""
    n = start
    while n < len(text):
        char = text[n]
        if char in ";!?":
            return n
        if char == ".":
            before = text[max(start, n - 6):n].split()
            last = before[-1] if before else ""
            if not (len(last) <= 1 or _lower(last) in _HONORIFICS or last.isupper() and len(last) <= 2
                    or _lower(last) in ("st", "no", "messrs")):
                return n
        n += 1
    return len(text)


def _list_people(text: str, status: Status, titled_block: bool = False,
                 grouped_any: bool = False) -> list[Person]:
    """The people named in a run of list text ("Cllrs A and B, Mr C (Chair)").
    In a ``titled_block`` (every name so far had an honorific or initials) a bare
    capitalised phrase is an office or an organisation, not a person."""
    runs: list[_Run] = []
    for piece in _split_pieces(_AFTER_BRACKET.sub(",", _cut_at_codes(_unglue(text)))):
        piece_runs, grouped, prose = _entry(piece)
        if prose:
            break
        if grouped:
            grouped_any = True
            for run in piece_runs:
                run.titled = run.titled or not run.is_role
        elif grouped_any:
            for run in piece_runs:
                if not run.is_role:
                    run.titled = True
        runs += piece_runs
    bracketed = any(run.bracketed for run in runs)
    return _people(runs, status, titled_block or bracketed or _titled_style(runs))


# "Ann Cole (Chair) Bo Rees": a list whose commas were lost, a name after a bracket
_AFTER_BRACKET = re.compile(r"(?<=\))(?=\s+[A-Z][\w'’-]{0,30}\s+[A-Z])")
_CODE = re.compile(r"\((?P<code>[A-Z]{1,4}(?:-[A-Z]{1,3})?)\)")


def _cut_at_codes(text: str) -> str:
    """ "Ann Cole (AC) Chair Bo Rees (BR) Treasurer": a list run together, each name
    followed by its initials in brackets, cut with commas before each name so shown and
    after its initials."""
    codes = list(_CODE.finditer(text)) if "(" in text and len(text) < MAX_LINE else []
    if len(codes) < 2:
        return text
    cuts: set[int] = set()
    for match in codes:
        start = _coded_name_start(text[:match.start()], match.group("code").replace("-", ""))
        if start is not None:
            cuts.update((start, match.end()))
    out, last = [], 0
    for cut in sorted(cuts):
        out.append(text[last:cut])
        last = cut
    out.append(text[last:])
    return ", ".join(part for part in out if part.strip(" ,;"))


def _coded_name_start(before: str, letters: str) -> int | None:
    """Where the name whose initials are ``letters`` starts, the name ending ``before``."""
    words = list(re.finditer(r"\S+", before[-200:]))
    offset = max(0, len(before) - 200)
    for k in range(1, min(4, len(words)) + 1):
        chosen = words[-k:]
        initials = "".join(part[:1] for word in chosen for part in word.group(0).split("-"))
        if initials.upper() == letters and all(word.group(0)[:1].isupper() for word in chosen):
            return offset + chosen[0].start()
    return None


def _titled_style(runs: list[_Run]) -> bool:
    """Whether the list names people with honorifics or initials, so that a bare
    capitalised phrase in it ("Roughan & Partners") is an organisation or an office."""
    names = [run for run in runs if not run.is_role]
    titled = sum(1 for run in names if run.titled)
    return len(names) >= 3 and titled >= 0.75 * len(names) and titled < len(names)


def _unglue(text: str) -> str:
    """Words a web page ran together ("Grant" "Chair" as "GrantChair") apart, with a
    comma: in a flattened table each cell is an entry."""
    if len(text) >= MAX_LINE:
        return text
    text = re.sub(r"(?<=[a-z]{2})\(", " (", text)
    return _GLUED_WORD.sub(_unglue_word, text)


def _unglue_word(match: re.Match[str]) -> str:
    word = match.group(0)
    parts, start = [], 0
    for cut in _GLUED_AT.finditer(word):
        left = word[start:cut.start()]
        if len(left) >= 3 and left.lower() not in _NAME_PREFIXES:
            parts.append(left)
            start = cut.start()
    parts.append(word[start:])
    return ", ".join(parts)


def _substitutes_named(text: str) -> list[Person]:
    """Substitutes named beside the member they stand in for ("Cllr A Rowe, for whom
    Cllr B Tey attended as substitute"); the member's own status is read elsewhere."""
    found: list[Person] = []
    if "for whom" not in _folded(text):
        return found
    for match in _FOR_WHOM.finditer(text):
        whom = _list_people(_strip_lead(match.group("for")), PRESENT)
        for person in _list_people(_strip_lead(match.group("who")), PRESENT):
            found.append(replace(person, status=SUBSTITUTE,
                                 substitute_for=whom[-1].name if whom else match.group("for")))
    return found


def _sentence_people(text: str) -> list[Person]:
    """People in the sentences of a line: apologies received from, apologised, was
    absent, attended as substitute for, in the chair."""
    found: list[Person] = []
    # Most lines are prose naming no one: each pattern is tried only on a line holding a
    # word it cannot match without.
    folded = _folded(text)
    apology, chair = "apolog" in folded, "chair" in folded
    apologised, substitute = "apologi" in text, "substitut" in text
    absent = "absent" in text or "not present" in text
    leave = "leave of absence" in folded
    if not (apology or apologised or absent or substitute or chair or leave) or _PREVIOUS.search(text):
        return found
    for match in _LEAVE_GRANTED.finditer(text) if leave else ():
        end = _sentence_end(text, match.end())
        found += _list_people(text[match.end():end].strip(" :,"), APOLOGIES)
    position = 0
    while apology and (match := _APOLOGY_FROM.search(text, position)) is not None:
        end = _sentence_end(text, match.end())
        position = max(end, match.end())  # each sentence read once, however many "from"s
        status = ABSENT if match.group("no") else APOLOGIES
        for names in _AND_FROM.split(text[match.end():end]):
            reason = _REASON.search(names)
            if reason:
                names = names[:reason.start()]
            found += _list_people(names.strip(" :,"), status)
    for match in _APOLOGISED.finditer(text) if apologised else ():
        # "... and Cllr B Tey. Ann Cole and Bo Rees sent their apologies": this sentence's names
        who = re.split(r"(?<=[a-z]{2})\.\s+", match.group("who"))[-1]
        found += _list_people(_strip_lead(who), APOLOGIES)
    for match in _WAS_ABSENT.finditer(text) if absent else ():
        found += _list_people(_strip_lead(match.group("who")), ABSENT)
    for match in _ATTENDED_AS_SUBSTITUTE.finditer(text) if substitute else ():
        whom = _list_people(_strip_lead(match.group("for")), PRESENT)
        for person in _list_people(_strip_lead(match.group("who")), PRESENT):
            found.append(replace(person, status=SUBSTITUTE,
                                 substitute_for=whom[0].name if whom else match.group("for")))
    chair = chair and _IN_THE_CHAIR.match(text.strip())
    if chair and not _LEAD.match(chair.group("who")):
        for person in _list_people(chair.group("who"), PRESENT):
            found.append(replace(person, role=person.role or (chair.group("role") or None)))
    return found


# The letters outside ASCII that Python's patterns match to ASCII letters when ignoring
# case, though lowering them gives another letter ("ſ" is an "s"; lowered, "İ" is "i"
# and a combining dot).
_FOLD = str.maketrans({"İ": "i", "ı": "i", "ſ": "s"})


def _folded(text: str) -> str:
    """``text`` lowered so that a lower-case word is in it wherever a pattern ignoring
    case would find that word."""
    if not text.isascii() and ("İ" in text or "ı" in text or "ſ" in text):
        text = text.translate(_FOLD)
    return text.lower()


def _mentions_apology(text: str) -> bool:
    """Whether ``text`` could hold an _APOLOGY_FROM sentence: it says "apolog"."""
    return "apolog" in _folded(text)


def _apologies_follow(text: str) -> bool:
    """ "Apologies were received from:" ending the line, the names on the lines below."""
    return _mentions_apology(text) and bool(_APOLOGY_FROM.search(text)) and bool(
        re.search(r"(?:from|of)\s*:?\s*$", text))


def _strip_lead(text: str) -> str:
    """A name caught with the words before it ("Resolved That Cllr A" -> "Cllr A")."""
    words = text.split()
    for n, word in enumerate(words):
        if _token_kind(word, None) in ("H", "P", "I") or n == len(words) - 1:
            return " ".join(words[n:]) if n else text
        if _lower(word) in ("the", "that", "resolved", "noted", "and", "it", "also", "a", "an"):
            continue
        return " ".join(words[n:])
    return text


# --- reading a block of lines ---------------------------------------------------------

_ATTENDANCE_TITLE = re.compile(
    r"\b(?:apolog\w*|attendance|attendees|present|roll\s+call|calling\s+of\s+the\s+roll|sederunt"
    r"|membership|substitut\w*|those\s+present)\b", re.IGNORECASE)
_APOLOGY_TITLE = re.compile(r"\bapolog", re.IGNORECASE)
_MINUTES_TITLE = re.compile(r"\bminutes?\b|\bmatters\s+arising\b", re.IGNORECASE)
_LEGEND_CODE = re.compile(
    r"\b(?P<code>[A-Z])\s?=\s?(?P<meaning>present|apolog\w*|absent|non[- ]attendance|not\s+present)", re.IGNORECASE)
_ASTERISK_LEGEND = re.compile(r"^\*\s{0,3}(?:denotes\s+)?(?:absent|apologies)\b", re.IGNORECASE)
_GROUP_LINE = re.compile(r"^[A-Za-z' -]{0,40}?\b(?:councillors|bailies|aldermen|members|trustees|"
                         r"governors|directors|regents|commissioners|councilmembers)\s*:?$", re.IGNORECASE)
def _group_heading(text: str) -> bool:
    """ "COUNCILLORS", "Parent Governors": a list's group heading, not the body's name
    ("BOARD OF COUNTY COMMISSIONERS") nor a person's office ("Mrs A Cole - Clerk to
    Governors")."""
    if len(text) >= 60 or not _GROUP_LINE.match(text):
        return False
    words = text.rstrip(":").split()
    return not any(_lower(word) in _ORGANISATIONS or _lower(word) in _CONNECTIVES for word in words) \
        and _token_kind(words[0], None) != "H"


_HONORIFIC_AT_END = re.compile(r"(?:^|\s)(?:[A-Za-zÀ-ÿ]{1,2}|" + "|".join(sorted(_HONORIFICS, key=len, reverse=True))
                               + r")\.?,?$", re.IGNORECASE)


_HONORIFIC_SPAN = 40  # longer than any match of _HONORIFIC_AT_END (at most 17 characters)


def _honorific_at_end(text: str) -> bool:
    """Whether ``text`` ends with an honorific or initials ("... Sgt"). A match ends at
    the end of the text, so only its tail is searched (``^`` still means the text's own
    start there, not where the search begins)."""
    return bool(_HONORIFIC_AT_END.search(text, max(0, len(text) - _HONORIFIC_SPAN)))


_WRAPPED_ALSO = re.compile(r"^\s{0,8}(ALSO|Also)(?:\s{2,40}|\t)(?=\S)")
_WRAPPED_REST = re.compile(r"^(?:PRESENT|IN\s+ATTENDANCE|Present|in\s+attendance)\s{0,4}:?$")


@dataclass
class _Reader:
    """Reads the attendance out of a run of lines, remembering which lines it was."""

    status: Status | str | None = None
    implied: Status | None = None
    people: list[Person] | None = None
    consumed: set[int] | None = None
    asterisk: Status | None = None
    titled: bool | None = None  # every name in the current list had an honorific
    grouped: bool = False  # the current list is under a group heading ("COUNCILLORS")

    def __post_init__(self) -> None:
        self.people, self.consumed = [], set()

    _cells: list[tuple[str, ...]] | None = None
    _office_column: bool = False  # the rows' second cells are offices, as a column

    def read(self, texts: list[str], inline: bool,
             cells: list[tuple[str, ...]] | None = None) -> None:
        """Read ``texts`` (the lines of one part of the minutes) in order; ``cells``, when
        given, holds each line's table cells (see ``Line.cells``)."""
        self._legends(texts)
        self._cells = cells
        self._office_column = _office_column(cells or [])
        n = 0
        while n < len(texts):
            text, last = self._joined(texts, n)
            if len(text) <= MAX_LINE:
                self._line(text, range(n, last + 1), texts, inline)
            n = last + 1
        self._columns()

    _singles: list[tuple[int, int]] | None = None  # (line, index in people): one each

    def _columns(self) -> None:
        """ "Chief Executive" / "Dan Wren" / "Head of Parks" / "Bo Rees": a table of names
        and offices flattened a cell to a line. Its offices are no people, and are left
        out; which name each belongs to is not plain (a header row shifts them by one)."""
        singles, runs = self._singles or [], []
        for line, index in singles:
            if runs and runs[-1][-1][0] == line - 1 and \
                    self.people[runs[-1][-1][1]].status == self.people[index].status:
                runs[-1].append((line, index))
            else:
                runs.append([(line, index)])
        dropped: set[int] = set()
        for run in runs:
            kinds = ["o" if _office_alone(self.people[index]) else "n" for _line, index in run]
            if kinds.count("o") < 2 or kinds.count("n") < 2 or "nn" in "".join(kinds):
                continue
            dropped.update(index for (_line, index), kind in zip(run, kinds) if kind == "o")
        self.people[:] = [person for n, person in enumerate(self.people) if n not in dropped]

    def _legends(self, texts: list[str]) -> None:
        for text in texts[:200]:
            if _ASTERISK_LEGEND.match(text.strip()):
                self.asterisk = ABSENT

    def _joined(self, texts: list[str], n: int) -> tuple[str, int]:
        """A line with the next ones it was broken from ("... Sgt" / "Andy Jones"); a
        table row is whole on its line, its last cell an office ("Harbour Trustee")."""
        text, last = texts[n], n
        cells = self._cells or []
        wrapped = _WRAPPED_ALSO.match(text)
        if wrapped and n + 1 < len(texts) and _WRAPPED_REST.match(texts[n + 1].strip()):
            # "ALSO      Cllr A Rowe" / "PRESENT:": a label broken over two lines in a column
            rest = texts[n + 1].strip().rstrip(":")
            return f"{wrapped.group(1)} {rest}: {text[wrapped.end():]}", n + 1
        while last + 1 < len(texts) and len(text) < MAX_LINE and \
                not any(cells[k] for k in (last, last + 1) if k < len(cells)) and \
                _honorific_at_end(text) and not text.rstrip().endswith((":", ".")) \
                and last - n < 3 and not _office_after_dash(text):
            last += 1
            text = f"{text.rstrip()} {texts[last].strip()}"
        return text, last

    def _line(self, text: str, indices: range, texts: list[str], inline: bool) -> None:
        stripped = text.strip()
        if not stripped:
            return
        if _ASTERISK_LEGEND.match(stripped):
            self.consumed.update(indices)
            return
        if "=" in stripped and _LEGEND_CODE.search(stripped) and self._coded(stripped):
            self.consumed.update(indices)
            return
        substitutes = _substitutes_named(stripped)
        if substitutes:
            self.people.extend(substitutes)
            self.consumed.update(indices)
        sentence = _sentence_people(stripped)
        if sentence:
            self._first_sentence_list(stripped, indices)
            self.people.extend(sentence)
            self.consumed.update(indices)
            if _apologies_follow(stripped):
                self.status = APOLOGIES
            elif self.status is not None and not self.implied:
                self.status = None
            return
        if _apologies_follow(stripped):
            self.status = APOLOGIES  # "Apologies were received from:" and a list below
            self.consumed.update(indices)
            return
        labels = _labels_in(stripped, at_start_only=not inline)
        if labels:
            self._labelled(stripped, labels, indices)
            return
        row = self._row(indices)  # a table row of a list: read by its cells
        if row:
            self.people.extend(row)
            self.consumed.update(indices)
            return
        if _group_heading(stripped):
            self.grouped = True
            if self.status is None:
                self.status = PRESENT
                self._look_back(texts, indices.start)
            self.consumed.update(indices)
            return
        if self.status is None:
            return
        if self._is_prose(stripped):
            self.status = self.implied
            return
        people, prose = self._segment(stripped, self.status)
        if prose:
            self.status = self.implied
            return
        if people or _mostly_notes(stripped) or _is_office(stripped):
            if len(people) == 1:
                self._singles = (self._singles or []) + [(indices.start, len(self.people))]
            self.people.extend(people)
            self.consumed.update(indices)

    def _first_sentence_list(self, text: str, indices: range) -> None:
        """ "Those present were A and B. C sent apologies.": the list a line opens with,
        read in its own sentence when a later sentence names people too."""
        labels = _labels_in(text, at_start_only=True)
        if not labels or labels[0][2] == _IGNORED:
            return
        end = _sentence_end(text, labels[0][1])
        if end < len(text) and not _sentence_people(text[:end]):
            self._labelled(text[:end], labels, indices)
            self.status = self.implied

    def _row(self, indices: range) -> list[Person]:
        """The person a line of the list names when it is a table row, a name column and
        an office or organisation column ("Ann Quiller     Head of Parks"); [] when the
        line has no cells, or cells that do not read so (it is then read as text)."""
        if self._cells is None or len(indices) != 1 or self.status in (None, _IGNORED):
            return []
        cells = self._cells[indices.start]
        if not 2 <= len(cells) <= 4 or any(len(cell) > 120 for cell in cells):
            return []
        person = _row_person(cells, self.status, self._office_column)  # type: ignore[arg-type]
        if person is None:
            return []
        if self.asterisk:
            person = self._starred(person, cells[0])
        return [self._plain(person)]

    def _look_back(self, texts: list[str], before: int) -> None:
        """Names listed above a group heading ("Lord Provost A. Smith" / "COUNCILLORS"),
        back to the sentence before them."""
        found: list[tuple[int, list[Person]]] = []
        for n in range(before - 1, max(before - 6, -1), -1):
            if n in self.consumed:
                break
            people, prose = self._segment(texts[n].strip(), PRESENT)
            if prose or not people or len(texts[n]) > 120:
                break
            found.append((n, people))
        for n, people in reversed(found):
            self.people.extend(people)
            self.consumed.add(n)

    def _labelled(self, text: str, labels: list[tuple[int, int, Status | str]], indices: range) -> None:
        head = text[:labels[0][0]]
        # "PRESENNOL / PRESENT:": the label in another language first
        head = "" if head.rstrip().endswith("/") else head.strip(" |/")
        if head and self.status is not None:
            people, _prose = self._segment(head, self.status)
            self.people.extend(people)
        for n, (_start, end, status) in enumerate(labels):
            stop = labels[n + 1][0] if n + 1 < len(labels) else len(text)
            segment = text[end:stop].strip(" :|/-–")
            if status == PRESENT and _lower(text[_start:end]).startswith("attending") and \
                    any(person.status == PRESENT for person in self.people):
                status = IN_ATTENDANCE  # after the members present, "Attending" lists the others
            self.status = status
            self.titled, self.grouped = None, False
            if status == _IGNORED:
                continue
            people, prose = self._segment(segment, status)
            self.people.extend(people)
            if prose and n + 1 == len(labels):
                self.status = self.implied
        self.consumed.update(indices)

    def _segment(self, text: str, status: Status | str) -> tuple[list[Person], bool]:
        """The people in the text after a label, and whether it ran into prose."""
        if status == _IGNORED:
            return [], False
        text = _UNKNOWN_LABEL.sub(self._sub_label, text, count=1)
        if self._override is not None:
            status, self._override = self._override, None
            if status == _IGNORED:
                return [], False
        if not text.strip():
            return [], False
        prose = self._is_prose(text)
        if prose and not any(ch in text for ch in ",;/|"):
            return [], True
        people = _list_people(text, status, bool(self.titled), self.grouped)  # type: ignore[arg-type]
        if people:
            # an office beside a bare name ("Ann Quiller (Chair)") shows the list names
            # people bare: only honorifics and initials make a titled list
            self.titled = (self.titled is not False) and all(
                _token_kind(p.name.split()[0], None) in ("H", "I") for p in people)
        office, self._label_role = self._label_role, None
        if office and len(people) == 1 and people[0].role is None:
            people = [replace(people[0], role=office)]
        if self.asterisk:
            people = [self._starred(person, text) for person in people]
        return [self._plain(person) for person in people], prose and not people

    _override: Status | str | None = None
    _label_role: str | None = None

    def _sub_label(self, match: re.Match[str]) -> str:
        label = match.group("label").strip()
        words = label.split()
        # "Student Trustee:" ends with a title, as no name does: it is an office
        office = len(words) > 1 and _token_kind(words[-1], None) == "H" and \
            _token_kind(words[0], None) == "R"
        if not office and any(_token_kind(word, None) in ("H", "I") for word in words):
            return match.group(0)  # "Mr Smith: ..." is a name, not a label
        known = _labels_in(label + ":", at_start_only=True)
        if _group_heading(label):
            self.grouped = True  # "Councillors: Aherne, Brophy": bare surnames are people
            self.titled = None
        if known:
            self._override = known[0][2]
            self.status = known[0][2]
        elif _is_job(label):
            self._label_role = label  # "Chief Executive: A Cole": the office is hers
        return ""

    def _starred(self, person: Person, text: str) -> Person:
        marked = re.search(re.escape(person.name.split()[-1]) + r"\s?\*", text)
        return replace(person, status=self.asterisk) if marked else person

    @staticmethod
    def _plain(person: Person) -> Person:
        return replace(person, name=person.name.rstrip("*").strip())

    @staticmethod
    def _is_prose(text: str) -> bool:
        parts = _dash_split(text) if len(text) < 400 else None
        if parts is not None and _reads_as_name(parts[0]):
            text = parts[0]  # "Cr A Cole - leave of absence granted": a name and a note
        elif _from_body(text) is not None:
            return False  # "Ann Cole from Vale Homes for the first hour"
        words = _NOTES.sub(" ", _PAREN.sub(" ", text)).split()
        lowers = [w for w in words if w[:1].islower() and _lower(w) not in _CONNECTIVES
                  and _lower(w) not in _PARTICLES]
        return len(lowers) >= 3 or _names_no_one(words)

    def _coded(self, text: str) -> bool:
        """A table row of names each followed by a code that a legend explains
        ("Mr A Smith P Mrs B Jones A ... P = present, A = apology")."""
        codes = {m.group("code"): m.group("meaning").lower() for m in _LEGEND_CODE.finditer(text)}
        meaning = {code: (PRESENT if word.startswith("present") else APOLOGIES if word.startswith("apolog")
                          else ABSENT) for code, word in codes.items()}
        body = text[:_LEGEND_CODE.search(text).start()]
        pattern = re.compile(r"(?P<entry>.{1,120}?)\s(?P<code>[" + "".join(meaning) + r"])(?=\s|$|\W)")
        found = []
        for match in pattern.finditer(body):
            found += _list_people(match.group("entry").strip(" |"), meaning[match.group("code")])
        self.people.extend(found)
        return bool(found)


def _office_alone(person: Person) -> bool:
    """Whether ``person`` is an office listed without a name ("Chief Executive")."""
    return person.role is None and _is_office(person.name) and not _reads_as_name(person.name)


def _office_column(cells: list[tuple[str, ...]]) -> bool:
    """Whether the table rows of a list hold offices in their second column: some rows'
    second cells plainly name an office or a body ("Head of Parks", "Vale Trust"), or the
    same words twice (no two people share a name in one list), and fewer name a person
    with an honorific ("Cllr Bo Rees"). Then a second cell that could be a name ("Youth
    Worker") is the office in that row too."""
    offices = people = 0
    seen: set[str] = set()
    for row in cells:
        if len(row) < 2 or not _reads_as_name(row[0]):
            continue
        if _titled(row[1]) and _reads_as_name(row[1]):
            people += 1
        elif _office_words(row[1]) is not None and (_is_office(row[1]) or row[1] in seen):
            offices += 1  # a post named as such, or one that two rows hold alike
        seen.add(row[1])
    return offices > people


def _titled(text: str) -> bool:
    """Whether a cell opens with an honorific or initials ("Cllr Bo Rees", "B. Rees")."""
    words = text.split()
    return bool(words) and _token_kind(words[0], None) in ("H", "I")


def _row_person(cells: tuple[str, ...], status: Status, office_column: bool = False) -> Person | None:
    """The person in a table row of who attended: the name's cell and the office's
    beside it, either way round ("Ann Quiller | Head of Parks", "Treasurer | Bo Rees");
    the office as written, its notes ("(part meeting)") left out. An office that could
    be read as a name ("Youth Worker") is one only in a list whose ``office_column`` is
    plain from other rows. None when the row holds no one person and one office or
    organisation (two names, a sentence, a note)."""
    name, office = cells[0], cells[1]
    if not _reads_as_name(name) and _reads_as_name(office) and _is_office(name):
        name, office = office, name  # "Chief Executive    Dan Wren"
    if not _reads_as_name(name):
        return None
    role = _office_words(office)
    if role is None or _reads_as_name(office) and not _is_office(office) and (
            not office_column or _titled(office)):
        return None  # "Ann Cole    Bo Rees": a list in columns, read as text
    if any(_office_words(cell) is None for cell in cells[2:]):
        return None
    people = _list_people(name, status)
    if len(people) != 1:
        return None
    return replace(people[0], role=role)


def _merged(people: list[Person]) -> list[Person]:
    """Each person once for each status: the same name read twice (in the list and "in
    the Chair") is one entry, and apologies stand over an absence mark."""
    kept: list[Person] = []
    # where each name (and each surname) stands in ``kept``, in order: a long roll
    # call is not compared name by name with everyone before it
    by_key: dict[str, list[int]] = {}
    by_surname: dict[str, list[int]] = {}
    for person in people:
        key = _name_key(person.name)
        if not key:
            continue
        same = next((n for n in by_key.get(key, ()) if kept[n].status == person.status), None)
        if same is not None:
            if kept[same].role is None and person.role:
                kept[same] = replace(kept[same], role=person.role)
            continue
        surname = _surname(person.name)
        away = by_surname.get(surname, [])
        fuller = [n for n in away if kept[n].status == person.status and " " in _name_key(kept[n].name)]
        if " " not in key and len(fuller) == 1:
            # "Councillor Cole, Convener, in the Chair" after "Councillor Ann Cole": one person
            if kept[fuller[0]].role is None and person.role:
                kept[fuller[0]] = replace(kept[fuller[0]], role=person.role)
            continue
        absent = [n for n in away if kept[n].status == ABSENT]
        if person.status == APOLOGIES and absent:
            kept[absent[0]] = replace(kept[absent[0]], status=APOLOGIES)
            continue
        if person.status == ABSENT and any(kept[n].status == APOLOGIES for n in away):
            continue
        by_key.setdefault(key, []).append(len(kept))
        by_surname.setdefault(surname, []).append(len(kept))
        kept.append(person)
    return kept


def _surname(name: str) -> str:
    words = [_lower(word) for word in name.split() if not word.startswith("(")]
    return words[-1] if words else ""


def _name_key(name: str) -> str:
    words = [_lower(word) for word in name.split()]
    kept = [w for w in words if _token_kind(w.title(), None) not in ("H",) and w not in ("the",)]
    return " ".join(kept[-2:]) if kept else ""


# --- public ---------------------------------------------------------------------------

def attendance_lines(preamble: list[Line]) -> list[int]:
    """The indices of the preamble's lines that are attendance (lists, their labels,
    apologies sentences): the lines the rest of the importer need not read again."""
    reader = _Reader()
    reader.read([line.text for line in preamble], inline=True, cells=[line.cells for line in preamble])
    return sorted(reader.consumed)


def attendance_in(layout: Layout) -> list[Person]:
    """Everyone the meeting's minutes list as present, in attendance, sending apologies,
    absent or substituting, in the order the minutes give them, each once."""
    reader = _Reader()
    reader.read([line.text for line in layout.preamble], inline=True,
                cells=[line.cells for line in layout.preamble])
    people = list(reader.people)
    for n, item in enumerate(layout.items):
        if n == 0 and item.number is None:
            people += _opening_item_attendance(item, layout.preamble)
        else:
            people += _item_attendance(item)
    return _merged(people)


def _opening_item_attendance(item: ItemBlock, preamble: list[Line]) -> list[Person]:
    """An unnumbered first item is often the title block or the rest of the opening
    list, read apart from it ("Also in attendance:" ending the opening lines, "Ann Cole
    - Clerk" as the item's title): its lines are read as the opening lines are."""
    last = preamble[-1].text.strip() if preamble else ""
    labels = _labels_in(last, at_start_only=True) if len(last) < 80 else []
    if labels and not last[labels[-1][1]:].strip(" :|/-–"):
        reader = _Reader(status=labels[-1][2])
        reader.read([item.title] + [line.text for line in item.lines], inline=True,
                    cells=[()] + [line.cells for line in item.lines])
        return list(reader.people)
    if _ATTENDANCE_TITLE.search(item.title or "") or not _MINUTES_TITLE.search(item.title or ""):
        return _item_attendance(item)
    reader = _Reader()
    reader.read([line.text for line in item.lines], inline=True,
                cells=[line.cells for line in item.lines])
    return list(reader.people)


def _item_attendance(item: ItemBlock) -> list[Person]:
    title = item.title or ""
    texts = [line.text for line in item.lines]
    attendance_item = bool(_ATTENDANCE_TITLE.search(title)) and len(title) < 120
    if _MINUTES_TITLE.search(title) and not attendance_item:
        return []
    implied: Status | None = None
    if attendance_item:
        implied = APOLOGIES if _APOLOGY_TITLE.search(title) and not re.search(
            r"\b(?:roll|present|attendance)\b", title, re.IGNORECASE) else PRESENT
    reader = _Reader(status=implied, implied=implied)
    if attendance_item or _labels_in(title, at_start_only=True) or _APOLOGY_FROM.search(title):
        # a heading in capitals names what the item is about ("APOLOGIES AND CONDOLENCES"),
        # not who: names in a title come after a colon ("Apologies: Cllr A Smith")
        heading_only = title.upper() == title and ":" not in title
        labelled = _labels_in(title, at_start_only=True) if heading_only else []
        if labelled and labelled[0][2] != _IGNORED and not title[labelled[0][1]:].strip(" :|/-–"):
            # "OTHER MEMBERS IN ATTENDANCE" as the item's heading: the label says whose list
            reader.status = reader.implied = labelled[0][2]  # type: ignore[assignment]
        cells = [line.cells for line in item.lines]
        reader.read(([] if heading_only else [title]) + texts, inline=attendance_item,
                    cells=cells if heading_only else [(), *cells])
    else:
        reader.status = None
        reader.read(texts, inline=False, cells=[line.cells for line in item.lines])
    return [person for person in reader.people]


# --- declarations ---------------------------------------------------------------------

_KINDS = (
    (r"disclosable\s+pecuniary", DeclarationKind.PECUNIARY),
    (r"non[- ]?pecuniary", None),
    (r"pecuniary", DeclarationKind.PECUNIARY),
    (r"other\s+registrable", DeclarationKind.OTHER_REGISTRABLE),
    (r"non[- ]?registrable", DeclarationKind.NON_REGISTRABLE),
    (r"personal\s+and\s+prejudicial", DeclarationKind.PREJUDICIAL),
    (r"non[- ]?\s?prejudicial", None),
    (r"prejudicial", DeclarationKind.PREJUDICIAL),
    (r"personal", DeclarationKind.PERSONAL),
    (r"conflicts?\s+of\s+interest", DeclarationKind.CONFLICT),
)
_DECLARES = re.compile(
    r"(?P<who>(?:[A-Z][\w'’.-]{0,30}[\s,]+(?:and\s+)?){0,10}[A-Z][\w'’.-]{0,30})\s*,?\s+"
    r"(?:each\s+|both\s+|also\s+)?(?:declared|declares|disclosed|registered|reported)\s+"
    r"(?P<kind>(?:an?\s+|their\s+|his\s+|her\s+)?[^.;]{0,80}?)\b(?P<noun>interests?|conflicts?\s+of\s+interest)\b"
    r"(?P<rest>[^;]{0,600})")
_DECLARATIONS_TITLE = re.compile(r"\bdeclarations?\b|\binterests?\b|\bconflicts?\b|\bdisclosures?\b", re.IGNORECASE)
_NO_DECLARATIONS = re.compile(
    r"^\W*(?:there\s+(?:were|was)\s+no|no\s+(?:declarations?|interests?|issues|conflicts?)\b"
    r"|none\b|nil\b|members\s+(?:were|are)\s+(?:reminded|invited|asked)|the\s+chair\w*\s+(?:invited|reminded|asked))",
    re.IGNORECASE)
_ITEM_REF = re.compile(
    r"\b(?:agenda\s+)?(?:items?|minutes?|articles?|applications?|reports?|papers?)\s+(?:nos?\.?\s*)?"
    r"(?P<refs>[\w./-]{1,20}(?:\s*(?:,|and|&)\s*[\w./-]{1,20}){0,6})", re.IGNORECASE)
_REGISTER = re.compile(
    r"(?P<who>(?:(?:[A-Z][\w'’.-]{0,30})\s+){0,4}?(?:[A-Z][\w'’-]{0,30}|[A-Z]{2,4}(?:-[A-Z]{1,3})?))\s+"
    r"(?P<verb>is|was|has|had|holds|works|sits|declared|declares|noted|reported|stated|advised|"
    r"indicated|confirmed|remains)\b")
_SENTENCES = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")


_DECLARING_VERBS = ("declare", "disclosed", "registered", "reported")


def _may_declare(text: str) -> bool:
    """Whether ``text`` holds the words every _DECLARES sentence has (a verb, and an
    interest or a conflict): most lines do not, and the pattern is dear to try."""
    return ("interest" in text or "conflict" in text) and any(verb in text for verb in _DECLARING_VERBS)


_ARTICLE = re.compile(r"^(?:an?|the|their|his|her|its|any)(?:\s+|$)")


def _kind_of(words: str) -> tuple[DeclarationKind | None, str | None]:
    """The kind an interest was declared as, and the kind in the minutes' words, its
    spaces single and without the article ("an interest" states no kind)."""
    text = " ".join(words.strip(" ‘’'\"“”").lower().split())
    stated = _ARTICLE.sub("", text).strip(" ‘’'\"“”") or None
    for pattern, kind in _KINDS:
        found = re.search(pattern, text)
        if found:
            return kind, stated or found.group(0)
    return None, stated


def _item_refs(text: str) -> list[str]:
    found = _ITEM_REF.search(text)
    if not found:
        return []
    refs = re.split(r"\s*(?:,|\band\b|&)\s*", found.group("refs"))
    return [ref.strip(" .") for ref in refs if ref.strip(" .") and re.search(r"[\dIVX]", ref)]


def _members(who: str) -> list[str]:
    names = []
    pieces = [part for piece in _split_pieces(who) for part in re.split(r"\s+(?:and|&)\s+", piece)]
    for piece in pieces:
        runs, _grouped = _runs_of(_strip_lead(piece))
        names += [run.text for run in runs if not run.is_role] or \
            [run.text for run in runs if run.is_role and len(run.text.split()) <= 3]
    return [_clean_name(name) for name in names if name]


def _declared_in(text: str, under: str | None, register: bool) -> list[Declared]:
    """The declarations in one line: sentences of the "X declared ... interest" form,
    and, under a declarations item, lines naming a member and the interest."""
    found: list[Declared] = []
    if len(text) > MAX_LINE * 4 or not (register or _may_declare(text)):
        return found
    for sentence in _SENTENCES.split(text):
        match = _DECLARES.search(sentence) if _may_declare(sentence) else None
        if match and not _NO_DECLARATIONS.match(sentence):
            kind, stated = _kind_of(match.group("kind") + (
                " " + match.group("noun") if "conflict" in match.group("noun").lower() else ""))
            refs = _item_refs(match.group("rest")) or [under]
            rest = match.group("rest").strip(" .,")
            for member in _members(match.group("who")):
                for ref in refs:
                    found.append(Declared(member, ref, kind, stated, rest))
            continue
        if register and not _NO_DECLARATIONS.match(sentence):
            found += _register_line(_unglue(sentence))
    return found


def _register_line(sentence: str) -> list[Declared]:
    """Under a declarations item: "TS is a governor of ...", "Dr A Jones – Director of ..."."""
    match = _REGISTER.match(sentence.strip())
    if match and _lower(match.group("who").split()[0]) not in ("the", "there", "it", "this", "members", "all"):
        who = match.group("who")
        kind, stated = _kind_of(sentence) if re.search(r"interest", sentence, re.IGNORECASE) else (None, None)
        return [Declared(_clean_name(who), None, kind, stated, sentence[match.start("verb"):].strip())]
    lead = re.match(r"^(?P<who>(?:\S{1,30}\s+){0,5}?\S{1,30})\s*(?:,|[-–—:]|\s)(?P<rest>.{3,600})$",
                    sentence.strip())
    if not lead or _token_kind(lead.group("who").split()[0], None) != "H":
        return []
    runs, _grouped = _runs_of(sentence.split(",")[0])
    names = [run for run in runs if not run.is_role and run.titled]
    if not names:
        return []
    name = names[0].text
    rest = sentence.strip()[sentence.strip().find(name) + len(name):].strip(" ,:-–—")
    kind, stated = _kind_of(rest) if re.search(r"interest", rest, re.IGNORECASE) else (None, None)
    return [Declared(_clean_name(name), _item_refs(rest)[0] if _item_refs(rest) else None,
                     kind, stated, rest)]


def declarations_in(layout: Layout) -> list[Declared]:
    """The interests declared at the meeting, in order: each member once for each item
    they declared on. The item is the one named ("in item 6"), else the item the
    declaration is minuted under (not the declarations item itself)."""
    found: list[Declared] = []
    for line in layout.preamble:
        found += _declared_in(line.text, None, register=False)
    for item in layout.items:
        declarations_item = bool(_DECLARATIONS_TITLE.search(item.title or "")) and len(item.title or "") < 120
        under = None if declarations_item else item.number
        for line in item.lines:
            found += _declared_in(line.text, under, register=declarations_item)
    return found
