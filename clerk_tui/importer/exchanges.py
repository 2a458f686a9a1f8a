"""Questions put at a meeting and the answers given, read from an item's pieces.

Minutes record them in a few ways: labelled ("Q." / "A.", "Q -" / "A -", "Question:" /
"Response:", "Reply:", "Question (Cllr X):", "Reply from the Leader"), reported in a
sentence ("Councillor Smith asked whether …, and the Clerk replied that …", "A question
was asked about …"), or folded into the answer ("In response to a question from …, the
Director confirmed that …", "In reply to Councillor Smith, …", "When asked about …, …").
A question and its answer in one paragraph are split where the answer begins, the words
kept whole; the asker and responder are copied into their fields as the minutes name
them. Only pieces still read as notes are changed.

The helpers for reading a person's name before a verb and for finding where sentences
begin are shared with :mod:`clerk_tui.importer.actions`.
"""

from __future__ import annotations

import re

from clerk_tui.importer import transcript
from clerk_tui.importer.pieces import Piece, split

# Far enough back for any name with its role ("the Director of Corporate Services, Mr J.
# Bloggs,"); the reading never looks further, so a long line costs nothing.
NAME_REACH = 120
MAX_NAME_WORDS = 14
# How far past a sentence's start its question or answer is looked for, and how many
# sentences of one paragraph are read: far beyond real minutes, so a hostile megabyte
# line costs no more than a long page.
WINDOW = 600
MAX_SENTENCES = 400

TITLE_ABBREVIATIONS = frozenset(
    "mr mrs ms mx dr cllr cllrs prof rev revd st no nos prop approx co ltd inc vs cf eg ie "
    "sr jr hon capt col gen lt sgt insp supt cmhlr fr messrs mssrs esq cttee dept govt".split())
# A stop may be followed by the quotation or bracket it closes ('… filled?" The Chair …').
_SENTENCE_END = re.compile(r"[.?!;][\"'”’)\]]?\s+(?=[\"'“‘(\[]?[A-Z0-9])")

# Words that may stand in a name in lower case: joining words and the roles minutes name
# people by ("a member of the public", "the Director of Finance").
_JOINING = frozenset("of for the and & de da di du van von der den le la al bin y on".split())
_ROLE_WORDS = frozenset(
    """member members councillor councillors officer officers resident residents public
    governor governors trustee trustees parent parents speaker speakers questioner director
    directors clerk chair chairman chairwoman chairperson manager managers staff student
    students representative representatives ward local present elected independent
    another one several some other a an all both two three many attendee attendees
    panel committee board council lead head principal team leader leadership headteacher
    commissioner executive management senior""".split())
_PRONOUNS = frozenset("he she they we i".split())
# A person known by initials ("RT", "IF"): a word that would otherwise open no name.
_INITIALS = re.compile(r"[A-Z]{2,4}")
# Words that may open a name but do not make one alone ("Another", "the").
_WEAK = frozenset("the a an another one all several some other both local present".split())
# Capitalised words that open sentences but never name the person who spoke.
_NOT_NAMES = frozenset(
    """it this that these those there here following after before when if as although
    while having in on at during under with further additionally also then later finally
    subsequently however members' no none nobody nothing questions question answer answers
    response responses reply replies query queries minutes item items report reports
    resolved agreed decided noted motion proposal letter what why how whether where who
    which one's from to by re regarding concerning""".split())
_ADVERBS = frozenset(
    """also then further additionally specifically subsequently again later briefly
    similarly separately finally particularly""".split())


def sentence_starts(text: str) -> list[int]:
    """Where each sentence of ``text`` begins: after a full stop, question mark or semicolon,
    unless the stop ends a title ("Mr.", "Cllr."), an initial ("J.") or a list's number
    opening the paragraph ("1." , "2\\.")."""
    starts = [0]
    for found in _SENTENCE_END.finditer(text):
        before = text[max(0, found.start() - 12):found.start()]
        word = re.findall(r"[\w'’]+$", before)
        if text[found.start()] == "." and word and (
                word[0].lower() in TITLE_ABBREVIATIONS or len(word[0]) == 1):
            continue
        if found.start() - starts[-1] < 8 and \
                _LIST_NUMBER.fullmatch(text[starts[-1]:found.start() + 1]):
            continue
        starts.append(found.end())
    return starts


_LIST_NUMBER = re.compile(r"\(?(?:\d{1,3}|[a-zA-Z]|[ivx]{1,4})\\?[.)]")


def person(words: str) -> str | None:
    """``words`` as written when they name a person or a role ("Councillor Smith", "the
    Director of Finance", "A member of the public", "ES"), else None."""
    text = words.strip().strip(",").strip()
    if not text or len(text) > NAME_REACH:
        return None
    tokens = _name_tokens(text)
    if tokens is None or not 0 < len(tokens) <= MAX_NAME_WORDS:
        return None
    first = tokens[0].strip("(),")
    if (first.lower() in _NOT_NAMES and not _INITIALS.fullmatch(first)) or (first[:1].islower() and first.lower() not in _ROLE_WORDS
                                       and first.lower() != "the"):
        return None
    if tokens[-1].strip(",").lower() in _JOINING:
        return None
    anchored = False
    for token in tokens:
        if token.startswith("("):
            continue  # an aside: "(resident)", "(Cheshire East)"
        bare = token.strip(",'’")
        lower = bare.lower()
        if not bare or bare == "&" or lower in _JOINING:
            continue
        if bare[:1].isupper() or lower in _ROLE_WORDS:
            anchored = anchored or lower not in _WEAK
        else:
            return None
    return text if anchored else None


def _name_tokens(text: str) -> list[str] | None:
    """The words of a would-be name, a bracketed aside ("(resident)") counted as one word;
    None when the text holds what no name does (a full stop after a word, a number)."""
    tokens: list[str] = []
    for found in re.finditer(r"\([^()]{0,60}\)|[^\s()]+", text):
        token = found.group()
        if token.startswith("("):
            tokens.append(token)
            continue
        bare = token.strip(",")
        if not bare or any(ch.isdigit() for ch in bare) or bare.endswith((";", ":", "?", "!")):
            return None
        # A stop is kept only after an initial or a title ("J.", "Mr."), never after a word.
        if "." in bare and not _initials_or_title(bare):
            return None
        tokens.append(token)
    return tokens


def _initials_or_title(token: str) -> bool:
    stripped = token.rstrip(".")
    return bool(re.fullmatch(r"(?:[A-Z]\.){1,4}[A-Z]?", token)) or \
        stripped.lower() in TITLE_ABBREVIATIONS or len(stripped) == 1


# A member of the public named with where they live: "Mr Tom Quill, 52 Gull Lane,".
_ADDRESSED = re.compile(
    r"^\s*(?P<name>[^,]{1,80}),\s+(?:of\s+)?(?:\d{1,4}[a-z]?\s+[^,]{1,50}|[^,]{0,50}\b(?:road|rd|"
    r"lane|street|st|avenue|ave|close|drive|way|court|place|crescent|terrace|gardens|grove|"
    r"hill|park|row|square|village|estate)\b\.?)\s*,?\s*$", re.IGNORECASE)


def subject_before(text: str, end: int) -> tuple[int, str] | None:
    """The person named just before ``end`` from the start of ``text`` (a sentence), with
    where the name begins: "Councillor Smith" in "Councillor Smith asked". A short opening
    phrase ("Following discussion,", "In a supplementary question,") and an adverb ("also")
    may come between; a pronoun ("She") is returned as written."""
    start = 0
    head = text[:end]
    if len(head) > NAME_REACH * 2:
        return None
    head = head.rstrip()
    words = head.split()
    while words and words[-1].lower() in _ADVERBS:
        head = head[:head.rstrip().rfind(words[-1])].rstrip()
        words = words[:-1]
    if head.strip().lower() in _PRONOUNS:
        return start, head.strip()
    if (addressed := _ADDRESSED.match(head)) is not None and \
            (name := person(addressed.group("name"))) is not None:
        return start + (len(head) - len(head.lstrip())), name  # "Mr Quill, 52 Gull Lane,"
    if (name := person(head)) is not None:
        return start + (len(head) - len(head.lstrip())), name
    # An opening phrase closed by a comma ("Following discussion,"), then the name.
    comma = head.find(",")
    while 0 <= comma < len(head):
        opening, rest = head[:comma], head[comma + 1:]
        words = opening.split()
        if not words or len(words) > 8 or re.search(r"[.;:?!]", opening) or \
                words[0].lower() not in _OPENINGS:
            return None
        if "," not in rest.strip().strip(",") and (name := person(rest)) is not None:
            return comma + 1 + (len(rest) - len(rest.lstrip())), name
        comma = head.find(",", comma + 1)
    return None


def leading_person(sentence: str) -> str | None:
    """The person a sentence opens with, as written ("The Panel" in "The Panel held …")."""
    label = re.match(r"[A-Z][a-z]{2,15}:\s+", sentence)  # "Minutes: The Panel …"
    words = sentence[label.end() if label else 0:][:NAME_REACH].split()
    for count in range(min(len(words), MAX_NAME_WORDS), 0, -1):
        if (name := person(" ".join(words[:count]))) is not None and \
                not words[count - 1].endswith(","):
            return name
    return None


_OPENINGS = frozenset("""following after in on at with turning referring regarding during under
having as by for when then later subsequently finally separately additionally further also
furthermore moreover however again lastly first firstly secondly thirdly""".split())


# --- reported questions and answers ------------------------------------------------------

_ASK = re.compile(r"\b(?:asked|queried|enquired|inquired|questioned|sought|raised|wished to "
                  r"know|wanted to know|put a (?:supplementary )?question|posed a question)\b",
                  re.IGNORECASE)
_WH = (r"(?:whether|if|what|why|how|when|where|who|whom|which|about|as to|regarding|"
       r"concerning)\b")
_ASKED_TAIL = re.compile(
    r"(?:(?:him|her|them|the\s+\w+(?:\s+(?:of|for)\s+\w+){0,2}|Cllr\s+\w+|Councillor\s+\w+|"
    r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2})\s+)?"
    r"(?:" + _WH + r"|for\s+(?:an?\s+)?(?:update|clarification|confirmation|details|"
    r"information|explanation|assurance|an?\s+indication|further\s+information|more\s+"
    r"information)\b|(?:an?\s+|the\s+following\s+)?(?:supplementary\s+)?(?:question|"
    r"questions)\b|[:\"“])", re.IGNORECASE)
_SOUGHT_TAIL = re.compile(r"(?:an?\s+|further\s+)?(?:clarification|confirmation|assurance|an?\s+update|"
                          r"information|details)\b", re.IGNORECASE)
_RAISED_TAIL = re.compile(r"(?:an?\s+)?(?:question|query|queries|questions)\b", re.IGNORECASE)
_QUESTIONED_TAIL = re.compile(r"(?:whether|why|how|if|what)\b", re.IGNORECASE)
_CALLED_FOR = (r".{0,80}?\b(?:questions?|comments?|objections?|declarations?|observations?|"
               r"amendments?|content|agreed?|happy|wished|dissent|support|favour)\b")
_PROCEDURAL = re.compile(r"^(?:if|whether)\s+(?:there\s+(?:were|was)\s+any|any(?:one|body)?\b|"
                         r"everyone|all\b)" + _CALLED_FOR, re.IGNORECASE)
# Whether the body agrees is the chair's or an officer's call for its view; from a member
# or the public ("… whether the Council would support the bid") it is a question.
_CALL_TO_BODY = re.compile(r"^(?:if|whether)\s+(?:members|councillors|the\s+(?:committee|board|"
                           r"council|panel|meeting|members))\b" + _CALLED_FOR, re.IGNORECASE)
_CALLER = re.compile(r"^(?:the\s+)?(?:vice[- ])?(?:chair\w*|mayor|deputy mayor|president|presiding "
                     r"officer|convene[rn]|convenor|speaker|(?:\w+\s+){0,3}clerk|secretary|"
                     r"monitoring officer)$", re.IGNORECASE)
_PASSIVE_ASK = re.compile(
    r"^(?:(?:an?|one|another|the|a\s+further|a\s+supplementary)\s+(?:question|query)\s+was|"
    r"(?:several\s+|some\s+|further\s+)?(?:questions|queries)\s+were|it\s+was)\s+"
    r"(?:asked|raised|put|posed)\s+(?P<what>about|whether|if|why|how|what|when|where|regarding|"
    r"concerning|as\s+to|on|by|in\s+relation\s+to)\b", re.IGNORECASE)
# "One question had been received from Mrs Ember, asking …": put by the one named.
_RECEIVED = re.compile(
    r"^(?:(?:one|a|an|the|two|three|four|five|several|some|\d{1,2})\s+)?(?:(?:further|"
    r"supplementary|written|public)\s+)?(?:question|questions|query|queries)\s+(?:(?:had|has|"
    r"have)\s+been|was|were)\s+(?:received|submitted|put|tabled)\s+(?:from|by)\s+"
    r"(?P<who>[^,.;:]{1,100}?)(?=\s*[,.;:]|\s+(?:about|on|regarding|concerning|asking|in\s+"
    r"relation\s+to|who|which)\b|$)", re.IGNORECASE)
# "Governors challenged the Head on attendance": a question put to the one challenged.
_CHALLENGED = re.compile(r"\bchallenged\s+(?P<whom>[^,;:.?!]{1,80}?)\s+(?:on|about|over|"
                         r"whether|why|how|as\s+to|regarding|to\s+explain)\b", re.IGNORECASE)
# "When asked about the budget, the Treasurer said …": an answer, its question folded in.
_ASKED_LEAD = re.compile(
    r"^(?:and\s+)?(?:(?:when|on\s+being|upon\s+being|having\s+been)\s+)?asked\s+"
    r"(?:by\s+(?P<who>[^,]{1,100}?)\s+)?(?P<what>about|whether|if|why|how|what|when|where|for|"
    r"regarding|concerning|as\s+to)\b", re.IGNORECASE)
_PRESIDING = re.compile(r"^(?:the\s+)?(?:vice[- ])?(?:chair\w*|mayor|deputy mayor|president|"
                        r"presiding officer|convener|convenor|speaker)$", re.IGNORECASE)

_REPLY_VERBS = (r"(?:replied|responded|answered|explained|confirmed|advised|said|stated|"
                r"clarified|indicated|informed|assured|undertook|acknowledged|agreed|"
                r"outlined|reported|added|commented)")
_REPLY = re.compile(r"\b" + _REPLY_VERBS + r"\b", re.IGNORECASE)
# A reply in a paragraph of its own follows a question at once; "reported", "added",
# "agreed", "outlined" and "commented" there open new business as often as an answer.
_STRONG_REPLY = re.compile(r"\b(?:replied|responded|answered|explained|confirmed|advised|"
                           r"said|stated|clarified|indicated|informed|assured|undertook)\b",
                           re.IGNORECASE)
_IN_REPLY = re.compile(
    r"^(?:and\s+)?(?:in\s+(?:response|reply|answer)|responding|replying|answering)"
    r"(?P<to>\s+to\s+(?:(?:this|that|which|these|the\s+(?:question|query|questions|queries)"
    r"|it)\b|(?P<what>(?:an?\s+|the\s+|further\s+|several\s+|various\s+|supplementary\s+)*"
    r"(?:question|questions|query|queries|enquiry|enquiries|issues\s+raised|points\s+raised|"
    r"concerns?\s+raised)\b)))?\s*,?\s*", re.IGNORECASE)
# "In reply to Councillor Marsh, the Leader said …": answered to someone named, whose question
# the minutes do not word.
_REPLY_TO_PERSON = re.compile(r"^(?:and\s+)?(?:in\s+(?:response|reply|answer)|responding|replying|"
                              r"answering)\s+to\s+(?P<who>[^,;:.?!]{1,100}?)\s*,\s*",
                              re.IGNORECASE)
_FROM = re.compile(r"\s*(?:(?:from|by|of)\s+(?P<who>[^,]{1,100}?)(?=\s+(?:about|on|"
                   r"regarding|concerning|in\s+relation\s+to|relating\s+to|as\s+to|over|"
                   r"around|re)\b|\s*,|$))?", re.IGNORECASE)
_TOLD = re.compile(r"(?P<who>[^,.;:]{1,80}?)\s+(?:was|were)\s+(?:advised|informed|told|"
                   r"assured)\b", re.IGNORECASE)
# "to which" first: after ", " alone the answer's opening words would be "to which".
_CONNECTOR = re.compile(r"(?:,?\s+to\s+which\s+|[.?!;][\"'”’)]?\s+|,\s+(?:and\s+)?|\s+and\s+)"
                        r"(?=\S)", re.IGNORECASE)
# "The Panel …, questioning Dr Vale on …": a question put to people named at once after.
_QUESTIONING = re.compile(r"\bquestion(?:ed|ing)\s+(?:the\s+)?[A-Z][\w'’.-]*(?:\s+(?:[A-Z]"
                          r"[\w'’.-]*|and|&|of|the)){0,10}\s+(?:on|about|regarding|over|in\s+"
                          r"relation\s+to)\b")


def asking(sentence: str) -> tuple[int, str | None] | None:
    """Whether ``sentence`` puts a question ("Councillor Smith asked whether …"): where the
    asker's name begins and the asker as written (None for a pronoun), else None."""
    sentence = sentence[:WINDOW]
    for found in _ASK.finditer(sentence[:NAME_REACH * 2]):
        subject = subject_before(sentence, found.start())
        if subject is None:
            continue
        tail = sentence[found.end():].lstrip()
        verb = found.group().lower()
        if verb == "asked" and not _asks(subject[1], tail):
            continue
        if verb == "sought" and not _SOUGHT_TAIL.match(tail):
            continue
        if verb == "raised" and not _RAISED_TAIL.match(tail):
            continue
        if verb == "questioned" and not _QUESTIONED_TAIL.match(tail):
            continue
        if verb in ("queried", "enquired", "inquired") and re.match(r"that\b", tail, re.IGNORECASE):
            continue
        start, name = subject
        return start, named(name)
    if (received := _RECEIVED.match(sentence)) is not None and \
            (who := person(received.group("who"))) is not None:
        return 0, named(who)
    if (challenged := _CHALLENGED.search(sentence[:NAME_REACH * 2])) is not None and \
            person(challenged.group("whom")) is not None and \
            (subject := subject_before(sentence, challenged.start())) is not None:
        return subject[0], named(subject[1])
    if _QUESTIONING.search(sentence[:NAME_REACH * 3]) is not None and \
            (asker := leading_person(sentence)) is not None:
        return 0, named(asker)
    if (passive := _PASSIVE_ASK.match(sentence)) is not None and \
            not _PROCEDURAL.match(sentence[passive.start("what"):]):
        return 0, None  # "A question was asked about …": by nobody named
    return None


# Whom a question is put to: "asked the Treasurer whether …", "questioned Dr Vale and Ms
# Ode on …", "put a question to the Leader", "a question was put to the Chair".
_PUT_TO_AFTER = re.compile(r"\b(?:asked|questioned|questioning|quizzed|challenged)\s+(?P<whom>[^,;:.?!]"
                           r"{1,100}?)\s+(?=(?:whether|if|why|how|what|when|where|who|which|"
                           r"about|on|regarding|concerning|over|as\s+to|for|in\s+relation\s+to)"
                           r"\b)", re.IGNORECASE)
_PUT_TO_NAMED = re.compile(r"\b(?:put|posed|addressed|directed|asked)\s+(?:a\s+|the\s+|his\s+|"
                           r"her\s+|their\s+)?(?:(?:further|supplementary|following)\s+)?"
                           r"(?:question|questions|query|queries)\s+(?:was\s+|were\s+)?"
                           r"(?:put\s+|addressed\s+|directed\s+)?to\s+(?P<whom>[^,;:.?!]{1,100}?)"
                           r"(?=\s+(?:whether|if|why|how|what|about|on|regarding|concerning|as\s+to|"
                           r"in\s+relation\s+to|and|who)\b|\s*[,;:.?!]|$)", re.IGNORECASE)
_NOT_ADDRESSEES = frozenset("him her them it this that questions question members everyone "
                            "all".split())


def put_to(sentence: str) -> str | None:
    """Whom the question ``sentence`` asks is put to, as written ("the Treasurer" in
    "Councillor Ode asked the Treasurer whether …"); None when the minutes do not say or
    name only a pronoun."""
    head = sentence[:WINDOW]
    for pattern in (_PUT_TO_NAMED, _PUT_TO_AFTER):
        found = pattern.search(head)
        if found is None:
            continue
        whom = found.group("whom").strip()
        if whom.lower() in _NOT_ADDRESSEES:
            continue
        if (name := person(whom)) is not None:
            return name
    return None


def _asks(asker: str, tail: str) -> bool:
    """Whether what follows "asked" is a question ("whether …", "the Clerk if …", "about
    …"), not a request ("that …", "the Committee to note …") nor the chair's call for
    questions or objections."""
    if not _ASKED_TAIL.match(tail):
        return False
    found = re.match(r"(?P<whom>(?:\S+\s+){0,4}?)(?=(?:if|whether)\b)", tail, re.IGNORECASE)
    asked = tail[found.end():] if found else tail
    if _PROCEDURAL.match(asked) or (_CALL_TO_BODY.match(asked) and _CALLER.match(asker)):
        return False
    whom = (found.group("whom") if found else "").strip().lower()
    return not (_PRESIDING.match(asker) and re.match(
        r"(?:the\s+)?(?:members|councillors|committee|board|panel|meeting|everyone|"
        r"governors|trustees)$", whom))


def named(name: str | None) -> str | None:
    """A name as written, or None when it is only a pronoun ("She")."""
    return None if name is None or name.lower() in _PRONOUNS else name


def replying(text: str, strong: bool = False) -> tuple[str | None, bool] | None:
    """Whether ``text`` opens an answer ("the Clerk replied that …", "In response, the
    Chair said …"): who answered as written (a pronoun too; None when nobody is named)
    and whether it is introduced as a response ("In reply, …"). None when it opens none.
    ``strong`` leaves out verbs that open new business as often as an answer."""
    text = text[:WINDOW]
    lead = _IN_REPLY.match(text)
    introduced = lead is not None
    rest = text[lead.end():] if lead else re.sub(r"^and\s+", "", text, flags=re.IGNORECASE)
    if lead and lead.group("what"):
        return None  # "In response to a question from …": see folded_question
    if (to_person := answered_person(text)) is not None:
        rest = text[to_person[0]:]
    passive = _TOLD.match(rest)
    if passive and (passive.group("who").lower() in _PRONOUNS or person(passive.group("who"))):
        return None, True  # "She was advised that …": answered, by nobody named
    if re.match(r"(?:was|were)\s+(?:advised|informed|told|assured)\b", rest, re.IGNORECASE):
        return None, True  # "…, and was told that …": the asker answered, by nobody named
    verbs = _STRONG_REPLY if strong and not introduced else _REPLY
    for found in verbs.finditer(rest[:NAME_REACH * 2]):
        if (subject := subject_before(rest, found.start())) is not None:
            return subject[1], introduced
        break
    # "In reply, it was explained that …": an answer, by nobody named.
    return (None, True) if introduced and lead.group().rstrip().endswith(",") else None


def answered_person(text: str) -> tuple[int, str] | None:
    """"In reply to Councillor Marsh, …": where the words after the comma begin, and whom
    the answer was given to as written; None when ``text`` does not open so."""
    found = _REPLY_TO_PERSON.match(text[:WINDOW])
    if found is None or (who := person(found.group("who"))) is None or \
            who.lower() in _PRONOUNS:
        return None
    return found.end(), who


def folded_question(text: str) -> tuple[int, str | None, str | None] | None:
    """"In response to a question (from X) (about Y), Z confirmed …" or "In reply to X, Z
    said …": where the answer begins, the asker and the responder as written; None when
    ``text`` does not open so."""
    text = text[:WINDOW]
    lead = _IN_REPLY.match(text)
    if lead and not lead.group("what") and (to_person := answered_person(text)) is not None:
        answer = replying(text[to_person[0]:])
        if answer is not None and answer[0] is not None:
            return to_person[0], to_person[1], answer[0]
        return None
    if not lead or not lead.group("what"):
        lead = _ASKED_LEAD.match(text)
        if lead is None:
            return None
        asker = person(lead.group("who")) if lead.group("who") else None
    else:
        source = _FROM.match(text, lead.end("what"))
        asker = person(source.group("who")) if source and source.group("who") else None
    for comma in re.finditer(r",\s*", text[:400]):
        if comma.start() < lead.end("what"):
            continue
        answer = replying(text[comma.end():])
        if answer is not None and answer[0] is not None:
            return comma.end(), asker, answer[0]
    return None


# --- labelled questions and answers -------------------------------------------------------

_Q_LABEL = re.compile(
    r"^(?P<label>(?:(?i:supplementary|public|written|oral|further|follow[- ]up)\s+)?"
    r"(?:(?i:question)|Q)(?:\s*(?:(?i:no)\.?\s*)?\d{1,3}[a-z]?)?(?:\s*\((?P<paren>[^()]{1,80})\))?"
    r"(?:\s+(?i:from|by)\s+(?P<from>[^:–—\-]{1,100}?))?"
    r"(?:\s+(?i:to)\s+(?P<to>[^:–—\-]{1,100}?))?)\s*(?P<sep>[.:)]|\s[–—-]|$)\s*(?P<rest>.*)$",
    re.DOTALL)
_SUPPLEMENTARY = re.compile(r"^(?P<label>supplementary(?:\s+question)?)\s*(?P<sep>[.:]|\s[–—-])"
                            r"\s*(?P<rest>.*)$", re.IGNORECASE | re.DOTALL)
_A_LABEL = re.compile(
    r"^(?P<label>(?:(?i:supplementary|written)\s+)?(?:(?i:answer|response|reply)|A)"
    r"(?:\s*\d{1,3}[a-z]?)?(?:\s*\((?P<paren>[^()]{1,80})\))?"
    r"(?:\s+(?i:from|by)\s+(?P<from>[^:–—\-]{1,100}?))?)"
    r"\s*(?P<sep>[.:)]|\s[–—-]|$)\s*(?P<rest>.*)$", re.DOTALL)
_INTERROGATIVE = re.compile(r"^[\"“‘']?(?:what|why|how|when|where|who|whom|which|whether|will|"
                            r"would|could|can|is|are|does|do|did|has|have|should|shall|may|"
                            r"might|please|if)\b", re.IGNORECASE)
_INLINE_ANSWER = re.compile(r"(?<=[?.!\"”])\s+(?=(?:A|Answer|Response|Reply)\s*[.:]\s)")


def _labelled_question(piece: Piece) -> tuple[str | None, str, bool] | None:
    """A "Question …:" piece: (asker, its words after the label, whether those words are
    only who asked — a header before the question itself). None for anything else."""
    text = piece.text
    found = _Q_LABEL.match(text) or _SUPPLEMENTARY.match(text)
    if not found:
        return None
    label, rest = found.group("label"), found.group("rest").strip()
    bare_q = re.fullmatch(r"Q(?:\s*\d{1,3}[a-z]?)?", label.strip()) is not None
    sep = found.group("sep").strip()
    if bare_q and sep not in (".", ":") and not (sep in ("-", "–", "—") and "?" in rest):
        return None  # "Q - Will …?" asks; "Q3 budget" is a quarter of the year
    asker = _labelled_person(found)
    if rest and ("?" in rest or _INTERROGATIVE.match(rest)):
        return asker, rest, False
    if rest and (reported := asking(rest)) is not None:  # "Q. Cllr Rowe asked whether …"
        return asker or reported[1], rest, False
    if bare_q:
        return None  # "Q3: budget" is a quarter of the year, not a question
    who = rest.split(",")[0].strip() if rest else ""
    if who and (name := person(who)) is not None:
        return asker or name, rest, True
    if not rest:
        return asker, rest, True
    if asker is not None and _sentence(rest):
        return asker, rest, False
    return None


def _labelled_person(found: re.Match) -> str | None:
    """Who a question's or answer's label names: "Question from X", "Answer (Leader):"."""
    groups = found.groupdict()
    who = groups.get("from") or groups.get("paren")
    return person(who) if who else None


def _sentence(text: str) -> bool:
    """Words that make a sentence, not a heading: they end with a stop or are many."""
    return text.rstrip().endswith((".", "?", "!", ":")) or len(text.split()) > 8


def _labelled_answer(piece: Piece) -> tuple[str | None, str, bool] | None:
    """An "Answer:"/"Response:"/"Reply:"/"A." piece: (responder, words after the label,
    whether those words are only who answered). None for anything else."""
    text = piece.text
    found = _A_LABEL.match(text)
    if not found:
        return None
    label, rest = found.group("label").strip(), found.group("rest").strip()
    bare_a = re.fullmatch(r"A(?:\s*\d{1,3}[a-z]?)?", label) is not None
    sep = found.group("sep").strip()
    if bare_a and (sep not in (".", ":", "-", "–", "—") or not _sentence(rest)
                   or re.search(r"\bquestions?\b", rest[:60], re.IGNORECASE)):
        return None  # "A. Questions on Notice" heads a list; it answers nothing
    responder = _labelled_person(found)
    if not sep and found.group("from") and responder is None:
        return None  # "Response from the Council was awaited." is a sentence, no label
    if not rest:
        return responder, rest, True
    if len(rest.split()) <= MAX_NAME_WORDS and (name := person(rest.rstrip(":-– "))) is not None:
        return responder or name, rest, True
    if responder is None and (answer := replying(rest)) is not None:
        responder = named(answer[0])
    return responder, rest, False


# --- the pass -------------------------------------------------------------------------------

class _Exchange:
    """Where the reading stands: after a question, after an answer, or neither; and who a
    labelled header said was asking or answering, for the piece that follows it."""

    def __init__(self) -> None:
        self.reset()

    def reset(self) -> None:
        """Nothing asked or answered yet (a new item, a heading, a decision)."""
        self.after: str | None = None      # "question" | "response" | None
        self.labelled = False              # the last answer came under a label
        self.asker: str | None = None      # from a "Question: Mrs X, address" header
        self.responder: str | None = None  # from a "Response: Cllr Y" header
        self.awaiting: str | None = None   # "question" | "response": a header's words next


def read(pieces: list[Piece]) -> list[Piece]:
    """The pieces with questions (kind "question", ``asker``) and their answers (kind
    "response", ``responder``) read from the notes; a paragraph holding both is split
    where the answer begins. Other pieces pass through unchanged. A verbatim transcript's
    turns ("Lutz: Why …?") are read first (:mod:`transcript`); the pieces still notes after
    it are read here."""
    found: list[Piece] = []
    state = _Exchange()
    for piece in transcript.read(pieces):
        if piece.kind != "note" or piece.line_kind == "heading":
            state.reset()
            found.append(piece)
            continue
        found += _read_note(piece, state)
    return found


def _read_note(piece: Piece, state: _Exchange) -> list[Piece]:
    if (question := _labelled_question(piece)) is not None:
        return _question_under_label(piece, question, state)
    answer = _labelled_answer(piece) if state.after is not None or \
        state.awaiting == "response" else None
    if answer is not None:
        responder, _rest, header = answer
        if header:
            state.responder, state.awaiting = responder, "response"
            return [piece]
        return [_answered(piece, responder, state, labelled=True)]
    if state.awaiting == "question":
        if not _is_to_line(piece.text):
            piece.kind, piece.asker = "question", state.asker
            state.after, state.awaiting, state.asker = "question", None, None
        return [piece]  # a "To Councillor X, Leader:-" line says whom it is put to
    if state.awaiting == "response":
        state.awaiting = None
        responder = state.responder or named((replying(piece.text) or (None, False))[0])
        return [_answered(piece, responder, state, labelled=True)]
    if state.after == "question" and (answer := _reply_paragraph(piece.text)) is not None:
        return [_answered(piece, named(answer), state, labelled=False)]
    if state.after == "response" and state.labelled and not _new_exchange(piece.text):
        piece.kind = "response"  # the labelled answer's further paragraphs
        return [piece]
    return _reported_exchanges(piece, state)


def _question_under_label(piece: Piece, question: tuple[str | None, str, bool],
                          state: _Exchange) -> list[Piece]:
    asker, _rest, header = question
    state.reset()
    if header:
        state.asker, state.awaiting = asker, "question"
        return [piece]
    parts = _split_inline_answer(piece)
    parts[0].kind, parts[0].asker = "question", asker
    state.after = "question"
    if len(parts) > 1:
        answer = _labelled_answer(parts[1])
        _answered(parts[1], answer[0] if answer else None, state, labelled=True)
    return parts


def _answered(piece: Piece, responder: str | None, state: _Exchange, labelled: bool) -> Piece:
    piece.kind, piece.responder = "response", responder
    state.after, state.labelled, state.responder = "response", labelled, None
    return piece


def _is_to_line(text: str) -> bool:
    """"To Councillor X, Leader:-": a question's addressee, on a line before it."""
    return bool(re.match(r"to\s", text, re.IGNORECASE)) and len(text.split()) <= 16 and \
        text.rstrip().endswith((":", ":-", "-", ":–"))


def _reply_paragraph(text: str) -> str | None | bool:
    """Who answers in a paragraph that opens with an answer to the question before it
    ("The Clerk replied that …"); None when it does not open so. A pronoun or no name
    gives the empty string."""
    answer = replying(text, strong=True)
    if answer is None:
        return None
    return answer[0] or ""


def _new_exchange(text: str) -> bool:
    """Whether a paragraph begins something new: a question asked in reported speech, a
    question folded into its answer or a labelled question."""
    return asking(text) is not None or folded_question(text) is not None or \
        _Q_LABEL.match(text) is not None


def _split_inline_answer(piece: Piece) -> list[Piece]:
    """"Q. Will …? A. Yes …" on one line, cut where the answer's label begins."""
    found = _INLINE_ANSWER.search(piece.text)
    return split(piece, [found.end()]) if found else [piece]


def _reported_exchanges(piece: Piece, state: _Exchange) -> list[Piece]:
    """Questions and answers in reported speech in one paragraph, each cut where its
    sentence begins; narrative before them stays a note."""
    text = piece.text
    cuts: list[tuple[int, str, str | None]] = []  # (where, kind, who)
    after = state.after
    answered_to = -1
    for start in _exchange_starts(text)[:MAX_SENTENCES]:
        if start < answered_to:
            continue
        sentence = text[start:start + WINDOW]
        number = LIST_OPENING.match(sentence) if start == 0 else None  # "1. Cllr X asked"
        shift = number.end() if number else 0
        sentence = sentence[shift:]
        if (folded := folded_question(sentence)) is not None:
            at, asker, responder = folded
            at += shift
            if after == "question" and answered_person(sentence) is not None:
                asker, at = None, 0  # "In reply to Cllr X, …" answers X's question just put
            if asker is not None or _substantial(sentence[:at]):
                cuts.append((start, "question", asker))
            cuts.append((start + at if (start, "question", asker) in cuts else start,
                         "response", named(responder)))
            after, answered_to = "response", start + at
        elif (asked := asking(sentence)) is not None:
            cuts.append((start, "question", asked[1]))
            after = "question"
            if (reply := _reply_within(text, start)) is not None:
                cuts.append(reply)
                after, answered_to = "response", reply[0]
        elif after == "question" and start > 0 and (who := _reply_paragraph(sentence)) \
                is not None:
            cuts.append((start, "response", named(who or None)))
            after = "response"
    state.after, state.labelled = (after if cuts else state.after), False
    return _cut(piece, cuts) if cuts else [piece]


# What may open a paragraph before its first sentence: a list's number, or a web page's
# label ("Minutes: Councillor X asked …").
LIST_OPENING = re.compile(r"^(?:\d{1,3}\.\d{1,3}\.?|\(?\d{1,3}\\?[.)]|\(?[a-z]\)|\([ivx]{1,4}\)|[A-Z][a-z]{2,15}"
                          r"(?:\s[a-z]{2,15}){0,2}:)\s+")
_FOLD_INSIDE = re.compile(r"[,;]\s+(?=(?:and\s+)?in\s+(?:response|reply|answer)\s+to\s)", re.IGNORECASE)


def _exchange_starts(text: str) -> list[int]:
    """Where a question or answer may begin: each sentence, and a question folded into an
    answer within one (", and in response to issues raised by Members, Mr X …")."""
    starts = set(sentence_starts(text)[:MAX_SENTENCES])
    for count, found in enumerate(_FOLD_INSIDE.finditer(text)):
        if count >= MAX_SENTENCES:
            break
        starts.add(found.end())
    return sorted(starts)


def _reply_within(text: str, start: int) -> tuple[int, str, str | None] | None:
    """The answer that follows a question begun at ``start``, in its sentence or the next
    ("…, and the Clerk replied that …"), as a cut at its first word ("and")."""
    ends = [s for s in sentence_starts(text[:start + WINDOW]) if s > start]
    stop = min(ends[1] if len(ends) > 1 else len(text), start + WINDOW)
    for link in _CONNECTOR.finditer(text, start, stop):
        answer = replying(text[link.end():link.end() + WINDOW])
        if answer is None or (answer[0] is None and not answer[1]):
            continue
        joint = link.group()
        word = len(joint) - len(joint.lstrip(" ,.;?!\"'”’)"))
        return link.start() + word, "response", named(answer[0])
    return None


def _substantial(words: str) -> bool:
    """Whether the words before an answer say what was asked ("In response to a question
    about parking,"), not just that something was ("In response to a question,")."""
    content = [w for w in re.findall(r"[A-Za-z]+", words)
               if w.lower() not in _BARE_QUESTION]
    return len(content) >= 2


_BARE_QUESTION = frozenset("""in response reply answer responding replying answering to a an
the question questions query queries from by of about on regarding concerning raised issues
points further several various supplementary""".split())


def _cut(piece: Piece, cuts: list[tuple[int, str, str | None]]) -> list[Piece]:
    """``piece`` cut where each exchange begins, each part read as its cut says."""
    marks = sorted({at: (kind, who) for at, kind, who in cuts}.items())
    offsets = [at for at, _mark in marks if at > 0]
    segments = [0, *offsets]
    parts = split(piece, offsets)
    if len(parts) != len(segments):
        return [piece]  # a cut fell where there were no words: keep the paragraph whole
    reading = dict(marks)
    for part, at in zip(parts, segments):
        kind, who = reading.get(at, ("note", None))
        part.kind = kind  # type: ignore[assignment]
        if kind == "question":
            part.asker, part.responder = who, put_to(part.text)
        elif kind == "response":
            part.responder = who
    return parts
