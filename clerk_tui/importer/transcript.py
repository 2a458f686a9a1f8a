"""Questions and answers in a verbatim transcript of a meeting, read from an item's pieces.

Some minutes (US councils' especially) carry the meeting as it was spoken, in turns
"Speaker: words": a surname ("Lutz:"), a title and surname ("Commissioner Lutz:"), a
hyphenated name, or a full name with roles after commas ("Dana Ruiz, Project Manager,
Parks Bureau:"). Turns run on inside one paragraph or start paragraphs of their own.

A member's turn that asks (a sentence ending "?", not the chair's procedural calls) or
the first turn by another person after the presiding officer's call for questions is a
question, its asker the speaker; the next turn by another speaker that says something
(not only "Thank you." or a call for the next item) is its answer. Only the turns of a
question and its answer are cut out of their paragraph; the rest stays a note, word for
word. Only runs of paragraphs that really are a transcript are read so: at least three
speaker tags, two speakers, one speaking again, each tag a person (never a label such as
"Minutes:", "Resolved:", "Action:" or "Item 5:"); when every turn has a paragraph of its
own, only speakers named in more than one word count ("Planning:" heads a topic as often).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from clerk_tui.importer.pieces import Piece, split

MIN_TAGS = 3
MIN_SPEAKERS = 2
# Far more turns than an item's transcript holds; a hostile megabyte paragraph is read
# no further, its remaining words staying in the last turn.
MAX_TURNS = 5_000
# Only the end of a long turn is read for its question: a speech that asks somewhere in
# its middle is rhetoric, not a question put for an answer.
TAIL_CHARS = 1_500
LAST_SENTENCES = 3
# A question that only follows a call for questions (no "?") is a short turn, not a speech.
MAX_CALLED_WORDS = 120
# The most words the presiding officer hands a question on in ("Ms. Ruiz, can you answer?").
HAND_ON_WORDS = 12
# How many of the presiding officer's turns back a call for questions is looked for.
CALL_REACH = 3

# Where a turn may begin: after a sentence's end, a bracketed note ("[gavel pounded]") or
# a dash marking an interruption. Each class is apart from \s, so this is linear.
_BOUNDARY = re.compile(r"(?:[.?!\])\"”’…]|--|—) {1,3}")
# A speaker's tag: up to six name words, an aside in brackets, up to three roles after
# commas, then the colon. Every repetition is bounded and no two adjacent parts share a
# character, so a tag is tried in bounded time wherever it is tried.
_TAG = re.compile(
    r"(?P<name>[^\W\d_][\w'’.-]{0,30}(?: (?:[^\W\d_][\w'’.-]{0,30}|&)){0,5})"
    r"(?P<aside> \([^()]{1,60}\))?"
    r"(?P<role>(?:, ?[^,:;?!.()\[\]]{1,80}){0,3})"
    r" ?:(?= |$)")

# Words that make a tag a label of ordinary minutes, not a person ("Minutes:", "Action:").
_LABEL_WORDS = frozenset("""
    minutes minute present absent apologies apology resolved resolve resolution resolutions note
    notes noted action actions proposed proposer seconded seconder moved mover motion motions
    item items agenda question questions answer answers response responses reply replies query
    queries decision decisions decided agreed agree carried lost vote votes voting ayes nays
    noes yeas yes no for against abstain abstained abstentions purpose background
    recommendation recommendations recommended summary attendees attendance attending date
    dates time times venue location place subject re topic outcome outcomes discussion
    discussed update updates comment comments feedback issue issues concern concerns next steps
    owner owners due deadline status cost costs budget total ward wards applicant application
    proposal site reference ref case contact email e-mail tel phone fax website web source
    key nb ps attachment attachments enclosure enclosures appendix annex part section schedule
    paragraph clause article chapter page roll call presentation presentations public consent
    report reports members councillors councilors commissioners trustees governors directors
    officers council committee board panel cabinet commission meeting meetings declaration
    declarations interest interests also in attendance welcome opening closing adjourned
    adjournment recess prayer pledge invocation announcement announcements correspondence
    communication communications matters arising business aob conclusion conclusions result
    results reason reasons option options risk risks implications legal financial equalities
    affected recorded transcript caption captions speaker speakers unidentified ordinance bill
    exhibit warning disclaimer info information notice address postcode name title position
    role organisation organization company signed signature tip example step phase stage aim
    aims objective objectives goal goals target targets measure measures progress impact
    priority lead leads responsible timescale timeline deliverable deliverables theme area
    focus scope context overview introduction agreement approval approved deferred withdrawn
    monday tuesday wednesday thursday friday saturday sunday january february march april may
    june july august september october november december am pm quorum chairs minuted
    action-by by to from of via cc bcc attn re: contents index glossary definitions
    """.split())
# Capitalised words that open a sentence but never a speaker's name ("However, the Chair:").
_OPENERS = frozenset("""
    the this that these those it its there here we they he she i you our their his her if
    when while as after before following during finally however further furthermore also
    additionally then therefore thus next first firstly second secondly third lastly moreover
    meanwhile subsequently again in on at with without under over between per please note
    and or but so yet because since although though where what why how who which whether
    all any each every some several many most other others another both either neither
    """.split())
# Words a name may hold in lower case: "Ludwig van Beethoven", "Maria de la Cruz".
_PARTICLES = frozenset("de da di del della der den van von le la du dos das ter ten bin al y "
                       "&".split())
# Titles and roles: a tag of these alone ("Chair:", "Clerk:") heads a line of ordinary
# minutes; in a transcript the officer is "The Chair:" or named ("Chair Ames:").
_TITLES = frozenset("""
    mayor chair chairman chairwoman chairperson vice deputy president clerk secretary treasurer
    councillor councilor councilman councilwoman councilmember cllr member commissioner
    trustee director manager officer mr mr. mrs mrs. ms ms. mx dr dr. miss prof prof. sir
    madam madame alderman alderwoman supervisor superintendent attorney solicitor witness
    resident staff chief reeve warden convener convenor moderator provost senator
    representative judge honourable honorable hon hon. rev rev. father mister pro tem tempore
    presiding cathaoirleach lord lady
    """.split())
_DOTTED_TITLES = frozenset("mr mrs ms mx dr st jr sr prof rev revd hon capt lt sgt gen col cllr "
                           "messrs supt insp det".split())
_PRESIDING = frozenset("mayor chair chairman chairwoman chairperson president presiding reeve "
                       "warden convener convenor moderator provost cathaoirleach".split())

# The presiding officer's calls for questions: "Any questions from council?", "Questions?",
# "Are there any further questions?", "Does the board have any questions?".
_FURTHER = r"(?:(?:further|other|more|additional|final|follow-up|quick|last) )?"
_CALL_FOR_QUESTIONS = re.compile(
    r"^(?:any )?" + _FURTHER + r"questions?(?: or comments?)?(?: (?:from|for|of|on) "
    r"(?:the )?[\w-]{1,20}(?: [\w-]{1,20}){0,2})?\W{0,3}$"
    r"|\b(?:are|were|is) there (?:any )?" + _FURTHER + r"questions?\b"
    r"|\b(?:do|does) (?:we|you|anyone|anybody|members|colleagues|council|commissioners|"
    r"councillors|councilors|trustees|the (?:council|board|committee|commission|panel)) "
    r"(?:have |has )(?:any )?" + _FURTHER + r"questions?\b"
    r"|\b(?:has|have) (?:anyone|anybody) (?:got )?(?:any )?" + _FURTHER + r"questions?\b"
    r"|(?<!have )(?<!had )(?<!got )\bany " + _FURTHER + r"questions?\b"
    r"|\b(?:take|open (?:it|the floor) (?:up )?(?:to|for)) (?:any )?questions\b",
    re.IGNORECASE)
# The presiding officer's other calls: for a vote, the roll, a second, the next item.
_PROCEDURAL = re.compile(
    r"\b(?:call (?:the|a) (?:roll|vote|question)|roll call|read (?:the )?(?:title|item|next|"
    r"agenda item|ordinance|resolution|consent|motion|roll)|read (?:it|that|this) into the "
    r"record|(?:is|was) there (?:a |any )?(?:second|motion|objections?|(?:further |more )?"
    r"(?:discussion|debate|comments?)|public (?:comment|testimony)|anyone|anybody)|"
    r"(?:do|did|does|can|may) (?:i|we) (?:have|hear|get) (?:a |any )?(?:motion|second)|"
    r"(?:any|all|those) (?:opposed|in favou?r|against)|all in favou?r|"
    r"any (?:(?:further|more|other|additional|final) )?(?:objections?|discussion|comments?|"
    r"abstentions?|debate|testimony|speakers|business|public comment)\b|"
    r"any (?:others|one else|body else)\b|anyone else|anybody else|"
    r"(?:does|do|did|would|will) (?:anyone|anybody|someone|somebody)(?: else)? "
    r"(?:\w+ )?(?:wish|want|care|like)|"
    r"(?:is|are) there (?:anyone|anybody|someone|somebody)(?: else)?|"
    r"(?:are|is) (?:we|everyone|everybody|council|the (?:council|board|committee|commission)) "
    r"(?:ready|okay|ok|all right|alright|good|clear|agreed|in agreement)|"
    r"shall we (?:vote|move|proceed|take|go|adjourn|recess|break)|"
    r"should we (?:vote|move on|proceed|take a vote)|next item|"
    r"unless there(?:'s| is| are| were)? (?:any )?objections?|pull (?:an |any )?items?|"
    r"(?:open|close) the (?:public )?hearing|so ordered|meeting (?:is )?adjourned|"
    r"call (?:the meeting|this meeting|us) (?:back )?to order|take (?:a )?(?:vote|recess))",
    re.IGNORECASE)
# A sentence and its stop; every match takes at least one character (or ends the text),
# so a megabyte without a stop is read in steps of 2,000 characters, never tried again.
_SENTENCE = re.compile(r"[^.?!]{0,2000}[.?!]*[\"'”’)\]]{0,3}")
# What only acknowledges or answers a roll call ("Thank you.", "Aye.", "Here."), word by
# word: read with a set, not a regular expression of alternatives repeated.
_ACKNOWLEDGEMENTS = tuple(tuple(phrase.split()) for phrase in sorted((
    "ok", "okay", "all right", "alright", "right", "great", "good", "fine", "very good",
    "very well", "sir", "ma'am", "madam", "thank you", "thanks", "very much", "so much",
    "both", "you're welcome", "welcome", "go ahead", "please", "aye", "nay", "yea", "here",
    "present", "so moved", "second", "seconded", "i second", "i'll second", "it", "that",
    "the motion", "mayor", "mr mayor", "mr. mayor", "madam mayor", "madam chair", "chair",
    "appreciate it", "mm-hmm", "uh-huh"), key=len, reverse=True))
_TRIVIAL_QUESTION = re.compile(r"^(?:ok|okay|right|yes|yeah|no|really|correct|huh|hmm|hello|"
                               r"sorry|pardon|anyone|anybody|mayor|chair)\W{0,3}$", re.IGNORECASE)
# What a member says after a call for questions that puts none: a motion, thanks, "No".
_NOT_ASKING = re.compile(
    r"^(?:no\b|none\b|nope\b|not (?:at this time|now|right now|from me)|nothing\b|i (?:have|"
    r"had) (?:none|no)\b|(?:i )?(?:move|moved)\b|so moved|i(?:'d| would)? (?:like to )?move\b|"
    r"(?:i )?second\b|i'll second|motion\b|thank|thanks|i (?:just )?(?:want|wanted|would like|"
    r"'d like)(?: to)? (?:say|thank|commend|congratulate|recognize|recognise|acknowledge|"
    r"note|echo)|aye\b|yes\b|agreed\b|ok\b|okay\b|great\b|i'm fine|i'm good|i (?:vote|support)\b)",
    re.IGNORECASE)
# A speaker the transcript does not name ("*****:", "Unidentified Speaker:"): the turn is
# told apart from the one before, but asks nobody anything and counts as no speaker.
_ANONYMOUS = re.compile(r"(?:\*{2,10}|(?:an? )?(?:unidentified|unknown) (?:speaker|male|female|"
                        r"voice|person)|audience member|\[?inaudible\]?) ?:(?= |$)",
                        re.IGNORECASE)
ANONYMOUS = ""
# What the paragraphs of ordinary minutes are headed by, one word before a colon
# ("Planning:", "Highways:"); as a speaker's surname each is rare.
_TOPICS = frozenset("""
    planning finance finances highways footpaths footpath allotments allotment playground
    playgrounds cemetery cemeteries police policing accounts payments receipts grants trees
    drainage flooding lighting streetlights website newsletter speeding parking housing
    environment health safety education transport roads traffic recreation library libraries
    insurance audit staffing personnel training maintenance property estates assets buildings
    events community governance policy policies strategy complaints elections membership
    treasurer secretary safeguarding fundraising marketing publicity premises facilities
    equipment repairs utilities energy waste recycling litter dogs bins signage security
    transportation streets sidewalks water sewer zoning permits licensing licences
    licenses tourism heritage conservation leisure sport sports youth seniors volunteers
    technology it ict data communications media press partnerships projects programmes
    programs performance quality compliance hr bank banking invoices precept
    expenditure income investments reserves loans debt procurement contracts tenders
    consultations consultation climate biodiversity wildlife grounds verges
    noticeboard noticeboards defibrillator christmas """.split())
# Endings of words that name things, not people: a one-word tag "Consultation:" is a label.
_THING_ENDINGS = ("tion", "tions", "sion", "sions", "ment", "ments", "ness", "ity", "ism",
                  "ics")


@dataclass
class _Turn:
    """One speaker's turn: where it is (the pieces it runs through, from its tag to the next
    tag) and what was said."""

    speaker: str                      # the tag's name as written, without its roles
    key: str                          # who it is, for telling speakers apart ("ames")
    segments: list[tuple[int, int, int]] = field(default_factory=list)  # (piece, start, end)
    words: list[str] = field(default_factory=list)  # what was said, segment by segment

    @property
    def said(self) -> str:
        """What the speaker said, the segments one space apart."""
        return " ".join(part for part in self.words if part)


def turns(text: str) -> list[tuple[int, str]]:
    """Where each speaker's turn in ``text`` begins (the offset of its tag) and the speaker
    as written, roles after commas included ("Dana Ruiz, Project Manager"), without the
    colon. A tag is tried only where a turn may begin: at the start of the text or after a
    sentence's end, a bracketed note or a dash; labels of ordinary minutes are no tags."""
    found: list[tuple[int, str]] = []
    reached = 0
    for start in _candidates(text):
        if start < reached:
            continue  # "Mr." inside the tag "Mr. Ames:" begins no turn of its own
        tag = _ANONYMOUS.match(text, start) or _TAG.match(text, start)
        if tag is None or (tag.re is _TAG and not _is_person(tag)):
            continue
        found.append((start, text[start:tag.end() - 1].rstrip()))
        reached = tag.end()
        if len(found) >= MAX_TURNS:
            break
    return found


def _candidates(text: str):
    """Offsets where a turn may begin, in order."""
    yield 0
    for boundary in _BOUNDARY.finditer(text):
        yield boundary.end()


def _tag_end(text: str, start: int) -> int:
    """Where the words of the turn whose tag begins at ``start`` begin (past the colon)."""
    tag = _ANONYMOUS.match(text, start) or _TAG.match(text, start)
    return tag.end() if tag else start


def speaker_name(tag: str) -> str:
    """The name in a speaker's tag, without the roles after commas or an aside in brackets:
    "Dana Ruiz" in "Dana Ruiz, Project Manager, Parks Bureau"."""
    name = tag.split(",", 1)[0]
    return re.sub(r" \([^()]{0,60}\)$", "", name).strip()


def _is_person(tag: re.Match) -> bool:
    """Whether a would-be tag names a person: name-like capitalised words, not a label of
    ordinary minutes ("Present", "Item 5", "Action"), not a title alone ("Chair")."""
    name = tag.group("name")
    words = name.split()
    bare = [word.strip(".'’").lower() for word in words]
    if any(ch.isdigit() for ch in name) or not bare or any(not word for word in bare):
        return False
    if any(word in _LABEL_WORDS for word in bare):
        return False
    if bare[0] in _OPENERS:
        return bare[0] == "the" and len(bare) == 2 and bare[1] in _TITLES
    if bare[-1] in _PARTICLES or words[0][0].islower():
        return False
    for at, (word, lower) in enumerate(zip(words, bare)):
        if not (word[0].isupper() or lower in _PARTICLES) or not _name_word(word, at, len(words)):
            return False
    if all(word in _TITLES for word in bare):
        return False
    if len(words) == 1:
        return len(bare[0]) >= 2 and not (words[0].isupper() and len(bare[0]) <= 2) and \
            not bare[0].endswith(_THING_ENDINGS) and bare[0] not in _TOPICS
    return any(len(word) >= 2 and word not in _TITLES for word in bare)


def _name_word(word: str, at: int, count: int) -> bool:
    """Whether a word may stand where it stands in a name: a stop only after a title or an
    initial ("Mr.", "J."), never after a word ending a sentence ("Congratulations. Al
    Sigala:"); no possessive ("Chairman's Charity:"); no verb after the name ("POTTER
    ACCEPTED:")."""
    lower = word.lower()
    if word.endswith(".") and at < count - 1 and \
            not (len(word) == 2 or lower.rstrip(".") in _DOTTED_TITLES):
        return False
    if lower.endswith(("'s", "’s", "s'", "s’")):
        return False
    return not (at > 0 and len(lower) >= 6 and lower.endswith("ed")
                and not lower.endswith(("fred", "dred")))


def _key(speaker: str) -> str:
    """Who a speaker is, for telling speakers apart: the last word of the name that is no
    title ("ames" for "Mayor Ames" and for "Ames"); the empty string for a speaker the
    transcript does not name."""
    if _ANONYMOUS.fullmatch(speaker + ":"):
        return ANONYMOUS
    words = [word.strip(".'’").lower() for word in speaker.split() if word != "&"]
    names = [word for word in words
             if word not in _TITLES and word not in _PARTICLES and word != "the"]
    return (names or words or [speaker.lower()])[-1]


def _presides(speaker: str) -> bool:
    """Whether a tag names the presiding officer by title ("Mayor Ames", "The Chair"),
    not a deputy ("Vice Chair Lutz")."""
    words = [word.strip(".'’").lower() for word in speaker.split()]
    for at, word in enumerate(words):
        if word in _PRESIDING and (at == 0 or words[at - 1] not in ("vice", "deputy")):
            return True
    return False


# --- the pass -------------------------------------------------------------------------------

def read(pieces: list[Piece]) -> list[Piece]:
    """The pieces with the questions of a transcript (kind "question", ``asker`` the
    speaker) and their answers (kind "response", ``responder``) cut out of their paragraphs
    where each turn begins and ends; the words are all kept, each once, in order. Only
    pieces still read as notes are read; runs of them that are no transcript, and every
    other piece, pass through unchanged."""
    found: list[Piece] = []
    run: list[Piece] = []
    tags = {id(piece): turns(piece.text) for piece in pieces if _readable(piece)}
    presiding = _presiding_officers(pieces, tags)
    for piece in pieces:
        if _readable(piece):
            run.append(piece)
            continue
        found += _read_run(run, tags, presiding)
        run = []
        found.append(piece)
    return found + _read_run(run, tags, presiding)


def _readable(piece: Piece) -> bool:
    return piece.kind == "note" and piece.line_kind != "heading"


def _presiding_officers(pieces: list[Piece], tags: dict[int, list[tuple[int, str]]]) -> set[str]:
    """Who presides, as speakers' keys: whoever a tag names by a presiding title, and
    whoever makes the most of the calls to order business ("Please call the roll", "Any
    questions?")."""
    titled: set[str] = set()
    calls: dict[str, int] = {}
    for piece in pieces:
        listed = tags.get(id(piece)) or []
        for at, (start, speaker) in enumerate(listed):
            name = speaker_name(speaker)
            if _presides(name):
                titled.add(_key(name))
            end = listed[at + 1][0] if at + 1 < len(listed) else len(piece.text)
            words = piece.text[_tag_end(piece.text, start):end][:TAIL_CHARS]
            count = sum(1 for sentence in _sentences(words) if _calls(sentence))
            if count:
                calls[_key(name)] = calls.get(_key(name), 0) + count
    most = max(calls.values(), default=0)
    chosen = titled | {key for key, count in calls.items() if count == most and count > 0}
    return chosen - {ANONYMOUS}


def _read_run(run: list[Piece], tags: dict[int, list[tuple[int, str]]],
              presiding: set[str]) -> list[Piece]:
    """A run of note pieces, with a transcript's questions and answers cut out of it."""
    if not run:
        return []
    spoken = _turns_of(run, tags)
    inline = any(len(tags.get(id(piece)) or []) >= 2 for piece in run)
    # Turns each on a paragraph of their own are a transcript only when the speakers are
    # plainly people ("Mr. Dalby:", "Commissioner Lutz:"): a word alone heads a topic as
    # often ("Planning:").
    counted = [turn.key for turn in spoken if inline or _plainly_a_person(turn.speaker)]
    if not is_transcript(counted):
        return run
    marks: dict[int, dict[int, tuple[str, str | None]]] = {}
    for question, segment, answer in _exchanges(spoken, presiding):
        asked, reply = spoken[question], spoken[answer]
        _mark(marks, run, segment, ("question", asked.speaker))
        responder = reply.speaker if reply.key != ANONYMOUS else None
        _mark(marks, run, reply.segments[0], ("response", responder))
    found: list[Piece] = []
    for index, piece in enumerate(run):
        found += _cut(piece, marks.get(index, {}))
    return found


def is_transcript(speakers: list[str]) -> bool:
    """Whether turns by ``speakers`` (their keys, in order) are a transcript: at least three
    tags, two people named, one of them speaking again. Labels heading the paragraphs of
    ordinary minutes ("Planning:", "Finance:", "Highways:") each come once."""
    named = [key for key in speakers if key != ANONYMOUS]
    return len(named) >= MIN_TAGS and len(set(named)) >= MIN_SPEAKERS and \
        len(set(named)) < len(named)


def _plainly_a_person(speaker: str) -> bool:
    """Whether a speaker's name is more than one word ("Dana Quill", "Mayor Orban", "The
    Chair"), or no word at all for an unnamed speaker."""
    return len(speaker.split()) >= 2 or _key(speaker) == ANONYMOUS


def _turns_of(run: list[Piece], tags: dict[int, list[tuple[int, str]]]) -> list[_Turn]:
    """The turns spoken in a run of pieces: a piece without a tag goes on with the turn
    before it; words before the first tag are nobody's."""
    spoken: list[_Turn] = []
    for index, piece in enumerate(run):
        text = piece.text
        listed = tags.get(id(piece)) or []
        first = listed[0][0] if listed else len(text)
        if spoken and first > 0:
            spoken[-1].segments.append((index, 0, first))
            spoken[-1].words.append(text[:first])
        for at, (start, speaker) in enumerate(listed):
            end = listed[at + 1][0] if at + 1 < len(listed) else len(text)
            name = speaker_name(speaker)
            turn = _Turn(name, _key(name), [(index, start, end)],
                         [text[_tag_end(text, start):end].strip()])
            spoken.append(turn)
    return spoken


def _exchanges(spoken: list[_Turn], presiding: set[str]):
    """(question turn, the segment holding its question, answer turn) for each question
    put in ``spoken`` and answered."""
    at = 0
    while at < len(spoken):
        turn = spoken[at]
        member = turn.key not in presiding and turn.key != ANONYMOUS
        segment = _question_segment(turn) if member else None
        if segment is None and member and _after_call(spoken, at, presiding) and \
                _puts_one(turn.said):
            segment = turn.segments[0]
        answer = _answer(spoken, at, presiding) if segment is not None else None
        if answer is None:
            at += 1
            continue
        yield at, segment, answer
        at = answer + 1


def _question_segment(turn: _Turn) -> tuple[int, int, int] | None:
    """The segment of ``turn`` that asks: the one holding a question near the turn's end
    ("Why is the clause missing?"), not a call to order business; None when it asks none."""
    for index in range(len(turn.segments) - 1, -1, -1):
        words = turn.words[index][-TAIL_CHARS:]
        sentences = [s for s in _sentences(words) if s.strip()][-LAST_SENTENCES:]
        if any(_asks(sentence) for sentence in sentences):
            return turn.segments[index]
        if words.strip():
            return None  # the turn's last words ask nothing: what it asked before is rhetoric
    return None


def _asks(sentence: str) -> bool:
    """Whether a sentence is a question put for an answer: it ends "?" and is neither a
    call to order business nor a word alone ("Right?")."""
    text = sentence.strip().rstrip("\"'”’)]").rstrip()
    if not text.endswith("?"):
        return False
    return not _calls(text) and not _TRIVIAL_QUESTION.match(text)


def _calls(sentence: str) -> bool:
    """Whether a sentence is the presiding officer's call: for questions, a vote, the next
    item, the roll, a second."""
    text = sentence.strip()[:300]
    return bool(_CALL_FOR_QUESTIONS.search(text) or _PROCEDURAL.search(text))


def _after_call(spoken: list[_Turn], at: int, presiding: set[str]) -> bool:
    """Whether the turn at ``at`` is the first by anyone but the presiding officer after
    the presiding officer's call for questions."""
    back = at - 1
    while back >= max(0, at - CALL_REACH) and spoken[back].key in presiding:
        said = spoken[back].said[-TAIL_CHARS:]
        if any(_CALL_FOR_QUESTIONS.search(s[:300]) for s in _sentences(said)[-LAST_SENTENCES:]):
            return True
        back -= 1
    return False


def _puts_one(said: str) -> bool:
    """Whether words said after a call for questions put one: not a motion, thanks or "No
    questions", and no speech."""
    text = said.strip()
    return bool(text) and len(text.split()) <= MAX_CALLED_WORDS and \
        not _NOT_ASKING.match(text) and _says_something(text)


def _answer(spoken: list[_Turn], at: int, presiding: set[str]) -> int | None:
    """The turn answering the question at ``at``: the next by another speaker that says
    something; past the presiding officer handing the question on ("Staff?") to whoever
    takes it. None when nobody answers."""
    asker = spoken[at].key
    after = at + 1
    while after < len(spoken) and spoken[after].key == asker:
        after += 1
    if after >= len(spoken):
        return None
    reply = spoken[after]
    if _says_something(reply.said):
        return after
    if reply.key not in presiding or not _hands_on(reply.said) or after + 1 >= len(spoken):
        return None
    taker = spoken[after + 1]
    takes_it = taker.key not in (asker, reply.key, ANONYMOUS) and \
        _says_something(taker.said) and _question_segment(taker) is None
    return after + 1 if takes_it else None


def _hands_on(said: str) -> bool:
    """Whether the presiding officer's words hand a question on to someone ("Staff?", "Ms.
    Ruiz, can you answer that?"): a few words asking, and no call for other business."""
    text = said.strip()
    return text.endswith("?") and len(text.split()) <= HAND_ON_WORDS and \
        not any(_calls(sentence) for sentence in _sentences(text))


def _says_something(said: str) -> bool:
    """Whether a turn says more than thanks, a roll-call answer or a call to order
    business ("Thank you. Please read item 39.")."""
    for sentence in _sentences(said[:TAIL_CHARS]):
        text = sentence.strip()
        if not text or _acknowledges(text) or _calls(text):
            continue
        if text.endswith("?") and len(text.split()) <= 3:
            continue  # "Staff?", "Ms. Ruiz?": the question handed on, not answered
        return True
    return False


def _acknowledges(sentence: str) -> bool:
    """Whether a sentence only acknowledges, thanks or answers the roll ("Thank you very
    much, sir.", "Aye.", "Item 39.")."""
    words = re.sub(r"[,.!;]", " ", sentence.lower().replace("’", "'")).split()
    if len(words) == 2 and words[0] == "item":
        return True
    while words:
        for phrase in _ACKNOWLEDGEMENTS:
            if tuple(words[:len(phrase)]) == phrase:
                words = words[len(phrase):]
                break
        else:
            return False
    return True


def _sentences(text: str) -> list[str]:
    """The sentences of ``text``, each with its stop (a title's stop may end one early)."""
    return [found.group() for found in _SENTENCE.finditer(text) if found.group().strip()]


# --- cutting ---------------------------------------------------------------------------------

def _mark(marks: dict[int, dict[int, tuple[str, str | None]]], run: list[Piece],
          segment: tuple[int, int, int], reading: tuple[str, str | None]) -> None:
    """A question's or answer's segment marked for cutting: it begins as ``reading`` says
    and what follows it in its piece goes back to a note."""
    index, start, end = segment
    cuts = marks.setdefault(index, {})
    cuts[start] = reading
    if end < len(run[index].text.rstrip()):
        cuts.setdefault(end, ("note", None))


def _cut(piece: Piece, cuts: dict[int, tuple[str, str | None]]) -> list[Piece]:
    """``piece`` cut at each mark, each part read as its mark says. A cut falls only where
    one space parts the words, so the paragraph reads back exactly; otherwise (or when a
    part would be empty) the piece is kept whole as a note."""
    if not cuts:
        return [piece]
    text = piece.text
    offsets = sorted(at for at in cuts if at > 0)
    if any(not _clean_cut(text, at) for at in offsets):
        return [piece]
    starts = [0, *offsets]
    parts = split(piece, offsets)
    if len(parts) != len(starts):
        return [piece]
    for part, start in zip(parts, starts):
        kind, who = cuts.get(start, ("note", None))
        part.kind = kind  # type: ignore[assignment]
        if kind == "question":
            part.asker = who
        elif kind == "response":
            part.responder = who
    return parts


def _clean_cut(text: str, at: int) -> bool:
    """Whether a cut at ``at`` falls after exactly one space between words."""
    return 2 <= at < len(text) and text[at - 1] == " " and not text[at - 2].isspace() \
        and not text[at].isspace()
