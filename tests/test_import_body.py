"""The body whose minutes they are, when the minutes' own sentence refers back to the
heading that names it ("Minutes of the Meeting of the Board held …" under the Board's name).

Every text here is invented: bodies, places and people that do not exist.
"""

from __future__ import annotations

import pytest

from clerk_tui.importer.dates import body_in
from clerk_tui.importer.documents import Line
from clerk_tui.importer.minutes import parse_minutes


@pytest.mark.parametrize("lines, body", [
    # the heading names the body; the sentence under it says only "the Board"
    (["NORTHFEN INTERNAL DRAINAGE BOARD",
      "Minutes of the Meeting of the Board held at Fen House, Northfen on 3 March 2021"],
     "NORTHFEN INTERNAL DRAINAGE BOARD"),
    (["Northfen Internal Drainage Board", "",
      "Minutes of a meeting of the Board held on Tuesday 3 March 2021 at 10am"],
     "Northfen Internal Drainage Board"),
    # in capitals the other way round: the heading as it is printed
    (["Marlow Vale Parish Council", "MINUTES OF THE MEETING OF THE COUNCIL HELD ON 4 MAY 2022"],
     "Marlow Vale Parish Council"),
    (["Marlow Vale Parish Council",
      "Minutes of the Annual Meeting of the Parish Council held on 4 May 2022"],
     "Marlow Vale Parish Council"),
    # a body the old reading had no organisation for ("Authority", "Panel")
    (["Kessle Water Authority", "Minutes of the Meeting of the Authority held on 2 June 2020"],
     "Kessle Water Authority"),
    (["Orrin Fen Flood Panel", "Minutes of the Panel meeting held on 3 May 2021"],
     "Orrin Fen Flood Panel"),
    # an address between them, and "– Minutes" after the name on its line
    (["NORTHFEN INTERNAL DRAINAGE BOARD", "Fen House, Dyke Road, Northfen",
      "MINUTES OF A MEETING OF THE BOARD HELD ON 3 MARCH 2021"], "NORTHFEN INTERNAL DRAINAGE BOARD"),
    (["Tollow Brook Internal Drainage Board – Minutes",
      "Minutes of the Meeting of the Board held on 3 March 2021"],
     "Tollow Brook Internal Drainage Board"),
    # the nearer heading: the committee, not the council above it
    (["Hertsmere Vale Borough Council", "Licensing Committee",
      "Minutes of the meeting of the Committee held on 3 May 2021"], "Licensing Committee"),
    # the name on the line below
    (["Minutes of the Meeting of the Board held on 3 March 2021", "SALTMARSH HARBOUR BOARD"],
     "SALTMARSH HARBOUR BOARD"),
])
def test_the_body_a_generic_name_refers_back_to(lines, body):
    assert body_in(lines) == body


@pytest.mark.parametrize("lines, body", [
    # a different kind of body: the Authority's Board, not the Authority
    (["Kessle Water Authority", "Minutes of the Meeting of the Board held on 2 June 2020"],
     "Kessle Water Authority Board"),
    # a body with a name of its own keeps it
    (["Quarry Lane Parish Council",
      "Minutes of the Meeting of the Planning Committee held on 2 June 2020"], "Planning Committee"),
    (["Orrin Fen Flood Panel", "Minutes of the Planning Panel meeting held on 3 May 2021"],
     "Planning Panel"),
    # no heading names it
    (["Minutes of the Meeting of the Board held at Fen House on 3 March 2021"], "Board"),
    # a line ending in the word that is not a body's name
    (["Papers for the Board", "Minutes of the Meeting of the Board held on 3 March 2021"],
     "Board"),
    # the word the names share is written once
    (["Hollin Brook Academy Trust", "Minutes of the meeting of the Trust Board held 3 May 2022"],
     "Hollin Brook Academy Trust Board"),
])
def test_near_misses_of_a_reference_back(lines, body):
    assert body_in(lines) == body


def test_parsed_minutes_name_the_body_the_heading_names():
    lines = [Line(text) for text in (
        "NORTHFEN INTERNAL DRAINAGE BOARD",
        "Minutes of the Meeting of the Board held at Fen House on 3 March 2021 at 10.00 am",
        "1. Apologies", "None were received.")]
    assert parse_minutes(lines).committee.lower() == "northfen internal drainage board"


@pytest.mark.parametrize("lines", [
    ["Board " * 200_000, "Minutes of the Meeting of the Board held on 3 March 2021"],
    ["Minutes " * 200_000, "Minutes of the Meeting of the Board held on 3 March 2021"],
    ["A" + " - minutes" * 100_000, "Minutes of the Meeting of the Council"],
    ["Minutes of the Meeting of the " + "Parish " * 150_000 + "Council", "Parish Council"],
], ids=["boards", "minutes", "dashes", "parishes"])
def test_a_hostile_heading_is_read_in_linear_time(lines):
    body_in(lines)
