"""More shapes of decisions and votes, read for :mod:`clerk_tui.importer.decisions`.

Each reader here looks at one sentence (or, for the passes at the end, at an item's
pieces and their readings) and says what it records; none adds, drops or rewords a word.
The patterns are linear: each repetition is of a class its neighbours cannot also match.

- "No objection." under a planning application: the body's decision on it.
- "Notes from March were OK.", "The minutes were correct.": the minutes approved.
- "Governors consented to her absence.": a decision of the governing body.
- "The Board NOTED the report." alone: a report noted, no decision.
- "For (12): Cllrs A, B …" / "Against (8): …" / "Abstain (1): …": one side of a named vote.
- "Everyone agreed except Sam", "Cllr A and Cllr B asked that their votes against be
  recorded", "Cllr A voted against": the members against, by name.
- "4 in favour, none against": a count of none against.
- "Proposed by A, seconded by B, and resolved:" over the resolution: the resolution's
  mover and seconder (and its outcome, carried), the line itself no decision.
- "The Chair declared the motion carried." after the motion: the motion's outcome.
"""

from __future__ import annotations

import re

_TITLE = (r"(?:Cllrs?|CLLRS?|Crs?|Councillors?|Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Rev|Mayor|"
          r"Deputy\s{1,3}Mayor|Alderman|Commissioner|Supervisor|Trustee|Governor|Director)\.?")
# a name: a capitalised word or up to four ("Mac Giolla Rua", "Mick D"), a title first
_ONE = r"[A-Z][\w'’.\-]{0,30}"
_PERSON = rf"(?:{_TITLE}\s{{1,3}})?{_ONE}(?:\s{{1,3}}{_ONE}){{0,3}}"
_PEOPLE = rf"{_PERSON}(?:(?:,\s{{1,3}}(?:and\s{{1,3}})?|\s{{1,3}}(?:and|&)\s{{1,3}}){_PERSON}){{0,11}}"

_NO_OBJECTION = re.compile(
    r"^\W{0,3}(?:(?:The\s{1,3})?(?:Council|Committee|Board|Members|Meeting|Panel)\s{1,3}"
    r"(?:had|raised)\s{1,3})?(?i:no\s{1,3}objections?)"
    r"(?:\s{1,3}(?i:(?:was|were)\s{1,3})?(?i:raised|made))?"
    r"(?:\s{1,3}(?i:to\s{1,3}(?:the|this)\s{1,3}(?:application|proposal|proposals|plans?)))?"
    r"\s{0,3}[.!]?\s{0,3}$")
_MINUTES_FINE = re.compile(
    r"^\W{0,3}(?:(?:The|the)\s{1,3})?(?:[Mm]inutes|[Nn]otes|MINUTES|NOTES)\b[^.;:!?]{0,80}?"
    r"\s(?:were|was|are)\s{1,3}(?:(?:all|agreed\s{1,3}as)\s{1,3})?"
    r"(?:OK|ok|Ok|okay|OKAY|fine|correct|accurate|right|"
    r"(?:a\s{1,3})?(?:true|correct|fair|accurate)\s{1,3}record)\b")
_CONSENTED = re.compile(
    r"(?i:\b(?:governors|trustees|members|directors|the\s{1,3}(?:board|council|committee|"
    r"governing\s{1,3}body))\s{1,3}(?:unanimously\s{1,3})?(?:consented|gave\s{1,3}"
    r"(?:their\s{1,3})?consent)\s{1,3}to\b)")
# "The Board NOTED the report." with no other verb of decision in it
_NOTED = re.compile(r"^\W{0,3}(?:The|THE)\s{1,3}[A-Za-z-]{2,30}(?:\s{1,3}[A-Za-z-]{2,30})?"
                    r"\s{1,3}NOTED\b")
_DECIDING_WORDS = re.compile(
    r"(?i:\b(?:agreed|resolved|decided|approved|adopted|accepted|endorsed|ratified|"
    r"confirmed|supported|appointed|elected|requested|asked|instructed|authori[sz]ed|"
    r"delegated|recommended|determined|granted|refused)\b)")

_SIDE = (r"(?P<side>(?i:for|in\s{1,3}favou?r|against|opposed|abstain(?:ed|ing)?|"
         r"abstentions?|ayes|yeas|noes|nays))")
# "For (12): Cllrs. A, B, C." — the side, its count in brackets, the names after
_SIDE_LINE = re.compile(rf"^\W{{0,3}}{_SIDE}\s{{0,3}}\((?P<n>\d{{1,3}})\)\s{{0,3}}[:–—-]\s{{0,3}}"
                        r"(?P<names>[A-Z][^:;]{0,2000})$")
_EXCEPT = re.compile(
    rf"(?i:\b(?:everyone|everybody|all|all\s{{1,3}}members|all\s{{1,3}}others|the\s{{1,3}}rest)"
    rf"\s{{1,3}}(?:else\s{{1,3}})?(?:agreed|in\s{{1,3}}favou?r|voted\s{{1,3}}for|supported\s{{1,3}}it)"
    rf"\s{{1,3}}(?:except|apart\s{{1,3}}from|but)\s{{1,3}}(?:for\s{{1,3}})?)(?P<names>{_PEOPLE})")
_RECORDED = re.compile(
    rf"(?:^|(?<=[\s(]))(?P<names>{_PEOPLE})\s{{1,3}}(?:asked|requested|wished|wanted)\s{{1,3}}"
    r"(?:that\s{1,3}|for\s{1,3})?(?:his|her|their|the)\s{1,3}(?:(?:names?|votes?)\s{1,3})?"
    r"(?:(?P<abstain>abstentions?)|(?:votes?\s{1,3})?(?:against|in\s{1,3}opposition|dissent)\b)")
_VOTED_AGAINST = re.compile(
    rf"^\W{{0,3}}(?P<names>{_PEOPLE})\s{{1,3}}(?:voted|vote)\s{{1,3}}(?:against|in\s{{1,3}}"
    r"opposition)\b")
_NONE_AGAINST = re.compile(r"(?i:\b(?:none|nobody|no\s{1,3}one|nil|zero)\s{1,3}(?:voted\s{1,3})?"
                           r"(?:against|opposed)\b)")
_NONE_ABSTAINING = re.compile(r"(?i:\b(?:none|nobody|no\s{1,3}one|nil|zero)\s{1,3}"
                              r"(?:abstaining|abstained|abstentions?)\b)")
# "The Cathaoirleach declared the motion carried.", "The Mayor declared the amendment lost"
_CHAIR_DECLARED = re.compile(
    r"^\W{0,3}(?:(?:The|the)\s{1,3})?[A-Z][\w'’.-]{1,30}(?:\s{1,3}[\w'’.-]{1,30}){0,3}?\s{1,3}"
    r"(?:then\s{1,3}|duly\s{1,3}|accordingly\s{1,3})?declared\s{1,3}(?:the|that\s{1,3}the)\s{1,3}"
    r"(?P<what>motion|amendment|resolution|proposal|recommendation|substantive\s{1,3}motion)"
    r"\s{1,3}(?:(?:to\s{1,3}be|as|had\s{1,3}been)\s{1,3})?(?:duly\s{1,3})?"
    r"(?P<how>carried|passed|adopted|lost|defeated|fallen|failed|rejected)\b[^.;]{0,80}[.;]?\s{0,3}$")
# a member's name before the motion's words in quotes: "Cllr A "That the Council …""
_NAMED_MOTION = re.compile(
    rf"^\W{{0,3}}{_TITLE}\s{{1,3}}{_ONE}(?:\s{{1,3}}{_ONE}){{0,3}}\s{{0,3}}[:–—-]?\s{{0,3}}"
    r"[\"“‘'](?:That|THAT)\s")
_LEAD_SAYS_DECIDED = re.compile(r"(?i:\b(?:resolved|agreed|carried|approved|adopted)\b)")
_LEAD_ENDS = (":", ":-", ":–")
# "Proposed by A, seconded by B, and agreed unanimously." after the motion's words: only
# who moved it and its fate, no words of a motion of its own
_MOVED_OPENING = re.compile(r"^\W{0,3}(?:(?:It|it)\s{1,3}was\s{1,3})?(?:Proposed|Moved|PROPOSED|MOVED)\b")
_FATE_TAIL = re.compile(
    r"(?:,|\s)\s{0,3}(?:and\s{1,3})?(?:was\s{1,3})?(?:duly\s{1,3})?(?:agreed|resolved|carried|approved|"
    r"adopted|AGREED|RESOLVED|CARRIED|APPROVED)(?:\s{1,3}(?:unanimously|nem\.?\s?con|by\s{1,3}all|"
    r"without\s{1,3}dissent))?\s{0,3}[.!]?\s{0,3}$")
_CONTENT_NEED = 1200  # a sentence longer than this is no line of a vote or of a formula


def no_objection(text: str) -> bool:
    """Whether ``text`` is the body's "No objection." to an application."""
    return len(text) < 160 and bool(_NO_OBJECTION.match(text))


def minutes_fine(text: str) -> bool:
    """Whether ``text`` says the minutes were right ("Notes from March were OK.")."""
    return len(text) < 300 and bool(_MINUTES_FINE.match(text))


def consented(text: str) -> bool:
    """Whether a body consented to something ("governors consented to her absence")."""
    return "consent" in text.lower() and bool(_CONSENTED.search(text))


def noted_only(text: str) -> bool:
    """Whether ``text`` is "The Board NOTED the report." with no decision besides."""
    found = _NOTED.match(text)
    return found is not None and not _DECIDING_WORDS.search(text[found.end():])


def named_motion(text: str) -> bool:
    """Whether ``text`` is a motion's words in quotes after its member's name."""
    return len(text) < 4000 and bool(_NAMED_MOTION.match(text))


def side_line(text: str) -> tuple[str, int, str] | None:
    """One side of a named vote on its own line, "For (12): Cllrs A, B": (the side as
    "for", "against" or "abstain", its count, the names as written)."""
    if len(text) > _CONTENT_NEED or "(" not in text:
        return None
    found = _SIDE_LINE.match(text.strip())
    if found is None:
        return None
    return side_of(found.group("side")), int(found.group("n")), found.group("names")


def side_of(word: str) -> str:
    """"for", "against" or "abstain" for a side's word."""
    word = word.lower()
    if word.startswith(("against", "opposed", "noe", "nay")):
        return "against"
    return "abstain" if word.startswith("abst") else "for"


def dissenters(text: str) -> tuple[str, str, bool] | None:
    """The members named as voting otherwise, and whether the sentence says the rest
    agreed: "Everyone agreed except Sam" ("against", "Sam", True), "Cllr A asked that
    her abstention be recorded" ("abstain", "Cllr A", False)."""
    if len(text) > _CONTENT_NEED:
        return None
    lowered = text.lower()
    if "except" in lowered or "apart" in lowered or " but " in lowered:
        if (found := _EXCEPT.search(text)):
            listed = _people(_before_clause(found.group("names")))
            return ("against", listed, True) if listed else None
    if "record" in lowered and (found := _RECORDED.search(text)):
        listed = _people(found.group("names"))
        return (("abstain" if found.group("abstain") else "against"), listed, False) if listed else None
    if "against" in lowered or "opposition" in lowered:
        if (found := _VOTED_AGAINST.match(text)):
            listed = _people(found.group("names"))
            return ("against", listed, False) if listed else None
    return None


_NOT_PEOPLE = {"members", "member", "council", "councillors", "the", "all", "everyone", "everybody",
               "committee", "board", "trustees", "governors", "directors", "it", "they", "we",
               "this", "that", "those", "these", "some", "several", "others", "residents"}


def _people(names: str) -> str | None:
    """``names`` if each is a person's name, not a body or a pronoun ("Members")."""
    parts = re.split(r",\s{0,3}|\s(?:and|&)\s", names)
    if any(part.split()[:1] and part.split()[0].lower().strip(".") in _NOT_PEOPLE
           for part in parts):
        return None
    return names


def _before_clause(names: str) -> str:
    """The names before a clause about them ("Mick D who thought …" is "Mick D")."""
    return re.split(r"\s(?:who|as|because|since|which)\b", names, maxsplit=1)[0]


def none_against(text: str) -> bool:
    """Whether ``text`` counts nobody against ("4 in favour, none against")."""
    lowered = text.lower()
    return ("against" in lowered or "opposed" in lowered) and bool(_NONE_AGAINST.search(text))


def none_abstaining(text: str) -> bool:
    """Whether ``text`` counts nobody abstaining ("none abstaining")."""
    return bool(_NONE_ABSTAINING.search(text))


def chair_declared(text: str) -> str | None:
    """The outcome a chair declared ("The Mayor declared the motion carried."), or None."""
    if "declared" not in text or len(text) > 300:
        return None
    found = _CHAIR_DECLARED.match(text.strip())
    if found is None:
        return None
    return "carried" if found.group("how").lower() in ("carried", "passed", "adopted") else "lost"


# --- passes over an item's pieces ---------------------------------------------------------

def lead_movers(pieces, readings, decided, facts) -> None:
    """"Proposed by A, seconded by B, and resolved:" on the line over the resolution's
    words: the resolution takes the mover and seconder (and, said resolved or agreed,
    the outcome carried); the line is a mover's line, no decision of its own."""
    from clerk_tui.importer.decisions import Facts, Reading

    for n in range(len(pieces) - 1):
        reading, after = readings[n], readings[n + 1]
        if reading is None or reading.form not in ("motion", "mover", "body") \
                or not (facts[n].mover or facts[n].seconder) or after is None \
                or after.form not in ("that", "label", "part") or not decided[n + 1] \
                or facts[n + 1].mover or facts[n + 1].seconder:
            continue
        text = pieces[n].text.rstrip()
        if not text.endswith(_LEAD_ENDS):
            continue
        found = facts[n]
        if found.outcome is None and _LEAD_SAYS_DECIDED.search(text):
            found.outcome = "carried"
        facts[n + 1].merge(found)
        facts[n] = Facts()
        decided[n] = False
        readings[n] = Reading("mover")


def trailing_movers(pieces, readings, decided, facts) -> None:
    """"Proposed by A, seconded by B, and agreed unanimously." on the line after the
    motion's words ("That the Council …"): the motion takes its mover, seconder and vote,
    and the line is no second decision."""
    from clerk_tui.importer.decisions import Facts, Reading

    for n in range(1, len(pieces)):
        reading, before = readings[n], readings[n - 1]
        if reading is None or reading.form not in ("motion", "body") or not decided[n] \
                or not (facts[n].mover or facts[n].seconder) or before is None \
                or before.form not in ("that", "label") or not decided[n - 1] \
                or facts[n - 1].mover or facts[n - 1].seconder or facts[n - 1].outcome:
            continue
        text = pieces[n].text.strip()
        if len(text) > 300 or not _MOVED_OPENING.match(text) or not _FATE_TAIL.search(text):
            continue
        found = facts[n]
        if found.outcome is None:
            found.outcome = "carried"
        facts[n - 1].merge(found)
        facts[n] = Facts()
        decided[n] = False
        readings[n] = Reading("mover")


_MAIN_PUT = re.compile(r"(?i:\b(?:main|substantive|original)\s{1,3}motion\b(?:\s{1,3}as\s{1,3}amended)?"
                       r"\s{1,3}(?:was|were)\s{1,3}(?:then\s{1,3}|now\s{1,3}|thereupon\s{1,3})?put\b)")
_FACT_FORMS = ("vote", "outcome")


def main_motion_put(pieces, readings, decided, facts, reach: int) -> None:
    """"The main motion was then put." and its fate ("Carried", on it or the line after):
    the fate of the motion an amendment was moved to, not of the amendment."""
    from clerk_tui.importer.decisions import Facts, Reading

    for n, piece in enumerate(pieces):
        if "put" not in piece.text or not _MAIN_PUT.search(piece.text):
            continue
        told = next((at for at in (n, n + 1) if at < len(pieces) and readings[at] is not None
                     and readings[at].form in _FACT_FORMS and facts[at].outcome), None)
        if told is None:
            continue
        for back in range(n - 1, max(-1, n - 1 - reach), -1):
            if decided[back] and facts[back].outcome is None \
                    and "amend" not in pieces[back].text.lower():
                facts[back].merge(facts[told])
                facts[told] = Facts()
                decided[told] = False
                readings[told] = Reading(None)
                break


def declared_outcomes(pieces, readings, decided, facts, reach: int) -> None:
    """"The Chair declared the motion carried." after the motion (and its vote lines):
    the motion's outcome, the line no second decision."""
    for n, piece in enumerate(pieces):
        if not decided[n] or (told := chair_declared(piece.text)) is None:
            continue
        for back in range(n - 1, max(-1, n - 1 - reach), -1):
            if not decided[back]:
                continue
            if facts[back].outcome is None:
                facts[back].outcome = told
                counted = facts[n]
                counted.outcome = None
                facts[back].merge(counted)
                decided[n] = False
            break
