"""The benchmarks' own arithmetic and reporting (bench/), without running a benchmark."""

from __future__ import annotations

import dataclasses
import json
import math
import sys

import pytest

from bench import report
from bench.cases.search import distinct_queries
from bench.cases.typing import TAIL, key_sequence
from bench.config import FULL, QUICK
from bench.measure import alternate, median, percentile
from bench.terminal import Pty, Tmux, environment, left_behind, running, visible


def test_percentiles_interpolate_between_the_nearest_values():
    values = [4.0, 1.0, 3.0, 2.0]
    assert percentile(values, 0) == 1.0
    assert percentile(values, 1) == 4.0
    assert percentile(values, 0.5) == median(values) == 2.5
    assert percentile(values, 0.25) == pytest.approx(1.75)
    assert percentile([7.0], 0.99) == 7.0
    assert math.isnan(percentile([], 0.5))


def test_clerk_and_its_baseline_alternate_and_take_turns_going_first():
    order: list[str] = []
    mine, theirs = alternate(3, lambda: order.append("c") or 1, lambda: order.append("b") or 2)
    assert (mine, theirs) == ([1, 1, 1], [2, 2, 2])
    assert order == ["c", "b", "b", "c", "c", "b"]


def test_a_row_in_the_json_has_exactly_the_promised_keys(tmp_path):
    rows = [report.compared("search p95", 12.0, 10.0, "ms", 1.2, limit=25),
            report.limited("memory", 61.0, "MiB", 60, baseline=33.0, note="absolute peak RSS"),
            report.reported("import", 80.5, "docs/s"),
            report.compared("startup", 1.0, 0.0, "ms", 1.3)]
    report.write(rows, tmp_path / "results.json")
    written = json.loads((tmp_path / "results.json").read_text())
    assert [set(row) for row in written] == [
        {"case", "clerk", "baseline", "unit", "ratio", "budget", "pass"}] * 4
    assert written[0] == {"case": "search p95", "clerk": 12.0, "baseline": 10.0, "unit": "ms",
                          "ratio": 1.2, "budget": "ratio <= 1.2; <= 25 ms", "pass": True}
    assert (written[1]["pass"], written[1]["budget"]) == (False, "<= 60 MiB (absolute peak RSS)")
    assert (written[2]["baseline"], written[2]["ratio"], written[2]["pass"]) == (None, None, None)
    assert (written[3]["ratio"], written[3]["pass"]) == (None, False)  # no baseline: no ratio


def test_the_table_shows_every_row_and_its_verdict():
    text = report.table([report.compared("export-500", 650.0, 1850.0, "ms", 0.7),
                         report.compared("export-50", 240.0, 250.0, "ms", 0.7)])
    lines = text.splitlines()
    assert lines[0].split() == ["case", "clerk", "baseline", "unit", "ratio", "budget", "pass"]
    assert lines[2].startswith("export-500") and lines[2].endswith("PASS")
    assert lines[3].startswith("export-50 ") and lines[3].endswith("FAIL")


def test_the_quick_run_is_smaller_in_every_case():
    for size in dataclasses.fields(FULL):
        full, quick = getattr(FULL, size.name), getattr(QUICK, size.name)
        if isinstance(full, tuple):
            full, quick = max(full), max(quick)
        assert quick <= full, size.name
    assert QUICK.meetings < FULL.meetings and QUICK.editor_words < FULL.editor_words
    assert max(QUICK.export_items) < max(FULL.export_items)
    assert QUICK.import_texts < FULL.import_texts


def test_typed_keys_never_repeat_the_run_a_frame_is_recognised_by():
    keys = key_sequence(FULL.typing_keys, seed=4)
    assert len(keys) == FULL.typing_keys
    runs = [keys[n:n + TAIL] for n in range(len(keys) - TAIL + 1)]
    assert len(runs) == len(set(runs))
    assert key_sequence(30, seed=4) == key_sequence(30, seed=4)


def test_the_text_of_terminal_output_is_read_past_its_escapes():
    output = b"\x1b[9;15H\x1b[7;38;2;1;2;3mQX\x1b[0m\x1b]0;title\x07ZJ\x1b(B"
    assert visible(output) == "QXZJ"


def test_search_queries_are_distinct_pairs_of_words():
    queries = distinct_queries(100)
    assert len(queries) == len(set(queries)) == 100
    assert all(len(query.split()) == 2 for query in queries)


def _stubborn(mark: str) -> list[str]:
    """A program that ignores the hang-up of its terminal, SIGTERM and Ctrl+Q, as clerk
    once ignored a terminal that went away."""
    return [sys.executable, "-c", "import signal, time\n"
            "for number in (signal.SIGHUP, signal.SIGTERM):\n"
            "    signal.signal(number, signal.SIG_IGN)\n"
            f"print('{mark}', flush=True)\ntime.sleep(600)"]


def test_the_harness_ends_a_program_on_its_pseudo_terminal_that_will_not_quit():
    terminal = Pty(_stubborn("ready"), environment())
    terminal.wait_for("ready")
    terminal.close(timeout=0.5)
    assert not running(terminal.pid)
    assert terminal.pid not in left_behind()


def test_the_harness_ends_every_program_it_started_in_tmux():
    from conftest import require_program

    require_program("tmux")
    terminal = Tmux(patience=0.5)
    try:
        terminal.start(_stubborn("first"), environment())
        terminal.wait_for("first")
        first = terminal.pid()
        terminal.start(_stubborn("second"), environment())  # the first is ended
        terminal.wait_for("second")
        second = terminal.pid()
        assert not running(first)
    finally:
        terminal.close()
    assert not running(second)
    assert not {first, second} & set(left_behind())
