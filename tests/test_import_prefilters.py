"""The shortcuts that make importing fast change nothing it reads (invented text only).

Attendance, declarations and exempt items try their long patterns only on lines holding a
word the pattern cannot match without; the honorific at a line's end is looked for in its
tail; each person is merged by name through an index; frozen minutes are turned into data
with each kind's fields looked up once. Each shortcut is checked here against what it
stands in for, on made-up lines that mix the words, their capitals, and the few letters
outside ASCII that Python's patterns match to ASCII ones when ignoring case.
"""

from __future__ import annotations

import dataclasses
import random

from clerk_tui.importer import attendance, exempt
from clerk_tui.importer.attendance import Person, attendance_in, declarations_in
from clerk_tui.importer.blocks import ItemBlock, Layout
from clerk_tui.importer.documents import Line
from clerk_tui.minutes import document as model
from clerk_tui.minutes.frozen import _built, _plain

WORDS = (
    "Apologies", "apologies", "APOLOGIES", "apologised", "were", "received", "from", "Cllr",
    "Mrs", "Dr", "Tobias", "Quenby", "Marlow", "Ysolde", "Farrant", "was", "absent", "ABSENT",
    "attended", "as", "substitute", "for", "in", "the", "Chair", "chair", "CHAIR", "declared",
    "a", "personal", "interest", "conflict", "of", "item", "7", "press", "and", "public",
    "be", "excluded", "moved", "into", "closed", "session", "Session", "meeting", "returned",
    "to", "open", "business", "camera", "in-camera", "previous", "Sgt", "Mr.", "Cr", "and",
    ",", ".", ":", "–", "(Chair)", "Councillors", "Present:", "İn", "chaİr", "ſeſſion",
    "meetıng", "puſblic", "ſession", "pre\u017fs", "Reſumed", "£5,000",
)


def texts(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return [" ".join(rng.choice(WORDS) for _ in range(rng.randint(1, 30))) for _ in range(count)]


# --- each pattern is tried whenever it could match --------------------------------------

def test_exclusion_and_return_shortcuts_agree_with_their_patterns():
    for text in texts(3_000, 1):
        assert exempt._excludes(text) == bool(exempt._EXCLUDES.search(text)), text
        assert exempt._returns(text) == bool(exempt._RETURNS.search(text)), text


SENTENCES = [
    "Cllr Tobias Quenby was absent.", "Mrs Ysolde Farrant and Dr Marlow were absent",
    "Cllr Bo Farrant attended as substitute for Cllr Ysolde Farrant",
    "Dr Tobias Quenby substituted for Mr Marlow", "Cllr Tobias Quenby in the Chair",
    "Mrs Ysolde Farrant, Mayor, IN THE CHAIR", "Cllr Marlow İn the chaİr", "Dr Quenby ın the chaır",
    "Cllr Marlow declared a personal interest in item 7.", "Apologies were received from Dr Marlow.",
    "Mr Quenby sent his apologies", "APOLOGİES from Cllr Farrant",
]


def test_attendance_sentence_words_are_found_wherever_a_pattern_matches():
    rng = random.Random(5)
    lines = texts(3_000, 2) + SENTENCES + [
        f"{rng.choice(WORDS)} {rng.choice(SENTENCES)} {rng.choice(WORDS)}" for _ in range(500)]
    for text in lines:
        if attendance._APOLOGY_FROM.search(text):
            assert attendance._mentions_apology(text), text
        if attendance._APOLOGISED.search(text):
            assert "apologi" in text
        if attendance._WAS_ABSENT.search(text):
            assert "absent" in text
        if attendance._ATTENDED_AS_SUBSTITUTE.search(text):
            assert "substitut" in text
        if attendance._IN_THE_CHAIR.match(text.strip()):
            assert "chair" in attendance._folded(text), text
        if attendance._DECLARES.search(text):
            assert attendance._may_declare(text), text


def test_honorific_at_the_end_is_found_in_the_tail_as_in_the_whole_line():
    samples = texts(2_000, 3) + ["Sgt", "Mr.", "A", "Present: Cllr", "x" * 80 + " Dr.,",
                                 "x" * 80 + "Dr", "Professor", "Councilmember\n", " " * 50]
    for text in samples:
        assert attendance._honorific_at_end(text) == bool(
            attendance._HONORIFIC_AT_END.search(text)), text


def test_a_dotted_capital_i_in_the_chair_is_read_as_the_pattern_reads_it():
    found = attendance._sentence_people("Cllr Tobias Quenby İN THE CHAİR")
    assert [(p.name, p.status) for p in found] == [("Cllr Tobias Quenby", "present")]


def test_a_long_s_in_closed_session_still_makes_the_next_item_private():
    items = [ItemBlock("4", "Allotment fees", [Line("The council moved into cloſed ſeſſion.")]),
             ItemBlock("5", "Depot sale", [Line("Offers were considered.")])]
    assert [found.exempt for found in exempt.exemptions(Layout([], items))] == [False, True]


# --- merging each person once -------------------------------------------------------------

def reference_merged(people: list[Person]) -> list[Person]:
    """The merge compared name by name with everyone before, as it was first written."""
    kept: list[Person] = []
    for person in people:
        key = attendance._name_key(person.name)
        if not key:
            continue
        same = [n for n, other in enumerate(kept) if attendance._name_key(other.name) == key]
        if any(kept[n].status == person.status for n in same):
            n = next(n for n in same if kept[n].status == person.status)
            if kept[n].role is None and person.role:
                kept[n] = dataclasses.replace(kept[n], role=person.role)
            continue
        surname = attendance._surname(person.name)
        away = [n for n, other in enumerate(kept) if attendance._surname(other.name) == surname]
        fuller = [n for n in away if kept[n].status == person.status
                  and " " in attendance._name_key(kept[n].name)]
        if " " not in key and len(fuller) == 1:  # "Cllr Marlow" after "Cllr A Marlow"
            if kept[fuller[0]].role is None and person.role:
                kept[fuller[0]] = dataclasses.replace(kept[fuller[0]], role=person.role)
            continue
        absent = [n for n in away if kept[n].status == "absent"]
        if person.status == "apologies" and absent:
            kept[absent[0]] = dataclasses.replace(kept[absent[0]], status="apologies")
            continue
        if person.status == "absent" and any(kept[n].status == "apologies" for n in away):
            continue
        kept.append(person)
    return kept


def test_merging_through_the_index_keeps_what_comparing_everyone_kept():
    rng = random.Random(4)
    names = ["Cllr Ysolde Farrant", "Mrs Ysolde Farrant", "Dr Tobias Quenby", "Tobias Quenby",
             "Mr Marlow", "Cllr A Marlow", "The Mayor", "Mrs", "Cllr Bo Farrant"]
    statuses = ["present", "apologies", "absent", "in attendance", "substitute"]
    for _ in range(300):
        people = [Person(rng.choice(names), rng.choice(statuses), rng.choice([None, "Chair"]))
                  for _ in range(rng.randint(0, 12))]
        assert attendance._merged(people) == reference_merged(people)


def test_a_roll_call_of_thousands_is_merged():
    syllables = ["Bra", "Cul", "Dov", "Fen", "Gar", "Hol", "Jor", "Kel", "Lun", "Mor"]
    words = [a + b.lower() + c.lower() for a in syllables for b in syllables for c in syllables]
    roll = [f"Cllr {first} {last}" for first in words[:60] for last in words[:50]]
    lines = [Line("Present:")] + [Line(name) for name in roll] + [Line(name) for name in roll]
    found = attendance_in(Layout(lines, []))
    assert [person.name for person in found] == roll


# --- hostile lines still return -----------------------------------------------------------

def test_megabyte_lines_are_read_and_return():
    for filler in (" " * 1_000_000, "(" * 1_000_000, "9" * 1_000_000, "Cllr " * 200_000,
                   "apologies session " * 60_000, "ſ" * 1_000_000):
        layout = Layout([Line(filler)], [ItemBlock("1", "Apologies", [Line(filler)]),
                                         ItemBlock("2", filler[:200], [Line(filler)])])
        attendance_in(layout)
        declarations_in(layout)
        exempt.exemptions(layout)
        assert attendance._honorific_at_end(filler) in (True, False)


# --- frozen minutes as data ---------------------------------------------------------------

def reference_plain(value):
    """Turning a document into data by asking dataclasses at every value, as it was first
    written."""
    if dataclasses.is_dataclass(value):
        fields = {f.name: reference_plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
        return {"kind": type(value).__name__, **fields}
    if isinstance(value, (tuple, list)):
        return [reference_plain(part) for part in value]
    return value


def test_documents_become_the_same_data_and_back():
    document = model.Document(
        blocks=(model.Heading("5. Harbour dues", 1),
                model.paragraph("The board ", model.Run("RESOLVED", bold=True), " to agree."),
                model.BulletList(((model.Run("first"),), (model.Run("second", italic=True),))),
                model.Table(("Action", "Owner"), (("Write to the harbour master", "Clerk"),),
                            (0.5, 0.5)),
                model.PageBreak()),
        header="Harbour Board – 3 March 2031",
        properties=model.Properties("Minutes", "Harbour Board", "The Clerk"),
        markings=("CONFIDENTIAL",), marking_line="CONFIDENTIAL", final=True)
    assert _plain(document) == reference_plain(document)
    assert _built(_plain(document)) == document
