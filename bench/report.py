"""The results: one row per case, printed as a table and written as JSON."""

from __future__ import annotations

import json
import math
from dataclasses import asdict, dataclass
from pathlib import Path


@dataclass(frozen=True)
class Row:
    """One measured case. ``clerk`` and ``baseline`` are medians (or the percentile the
    case names) in ``unit``; ``baseline`` is None where there is nothing to compare."""

    case: str
    clerk: float
    baseline: float | None
    unit: str
    ratio: float | None
    budget: str
    passed: bool | None

    def json(self) -> dict:
        """The row as results.json holds it."""
        row = asdict(self)
        row["pass"] = row.pop("passed")
        return {key: _rounded(value) for key, value in row.items()}


def _rounded(value):
    if isinstance(value, float):
        return None if math.isnan(value) else round(value, 3)
    return value


def compared(case: str, clerk: float, baseline: float, unit: str, max_ratio: float,
             limit: float | None = None) -> Row:
    """A row judged on clerk's ratio to its baseline (and on an absolute ``limit``)."""
    ratio = clerk / baseline if baseline else math.nan
    budget = f"ratio <= {max_ratio:g}" + (f"; <= {limit:g} {unit}" if limit is not None else "")
    passed = ratio <= max_ratio and (limit is None or clerk <= limit)
    return Row(case, clerk, baseline, unit, ratio, budget, passed)


def limited(case: str, clerk: float, unit: str, limit: float, baseline: float | None = None,
            note: str = "") -> Row:
    """A row judged on an absolute limit (``note`` says of what); the baseline, if any,
    is for comparison."""
    ratio = clerk / baseline if baseline else None
    budget = f"<= {limit:g} {unit}" + (f" ({note})" if note else "")
    return Row(case, clerk, baseline, unit, ratio, budget, clerk <= limit)


def rated(case: str, clerk: float, baseline: float, unit: str) -> Row:
    """A row of rates (so much per second) with no budget, beside its baseline's rate.
    The ratio is of times, as in every other row (the baseline's rate ÷ clerk's): below
    1, clerk is faster."""
    ratio = baseline / clerk if clerk else math.nan
    return Row(case, clerk, baseline, unit, ratio, "report it", None)


def reported(case: str, clerk: float, unit: str) -> Row:
    """A row with no budget: the number is the result."""
    return Row(case, clerk, None, unit, None, "report it", None)


def _cell(value, digits: int = 1) -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        return "nan" if math.isnan(value) else f"{value:,.{digits}f}"
    return str(value)


def table(rows: list[Row]) -> str:
    """The rows as a plain-text table."""
    header = ("case", "clerk", "baseline", "unit", "ratio", "budget", "pass")
    lines = [header] + [
        (r.case, _cell(r.clerk), _cell(r.baseline), r.unit, _cell(r.ratio, 2), r.budget,
         {True: "PASS", False: "FAIL", None: "-"}[r.passed])
        for r in rows
    ]
    widths = [max(len(line[n]) for line in lines) for n in range(len(header))]
    text = ["  ".join(cell.ljust(width) for cell, width in zip(line, widths)).rstrip()
            for line in lines]
    text.insert(1, "  ".join("-" * width for width in widths))
    return "\n".join(text)


def write(rows: list[Row], path: Path) -> None:
    """Write the rows to ``path`` as a JSON list of objects."""
    path.write_text(json.dumps([row.json() for row in rows], indent=2) + "\n", encoding="utf-8")
