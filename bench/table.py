"""The rows of `make bench`: min / median / max of the runs, the budget, the reference
measured in the same run and the ratio to it, pass or fail; printed, and written as the
README's table.

    python -m bench.table        rewrite the README's table from bench/results.json
"""

from __future__ import annotations

import json
import statistics
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench" / "results.json"
README = ROOT / "README.md"
START, END = "<!-- bench table: start -->", "<!-- bench table: end -->"
Row = dict[str, Any]


def row(
    name: str,
    values: list[float],
    unit: str,
    budget: float | None = None,
    reference: tuple[str, list[float]] | None = None,
    ratio_budget: float | None = None,
    at_least: bool = False,
) -> Row:
    """One figure. The median decides: below `budget` (at or above it when `at_least`),
    and at most `ratio_budget` times the reference's median. Rows without either budget
    are context (pass is None)."""
    median = statistics.median(values)
    ratio = None
    if reference is not None:
        ratio = median / statistics.median(reference[1])
    verdicts = []
    if budget is not None:
        verdicts.append(median >= budget if at_least else median < budget)
    if ratio_budget is not None:
        assert ratio is not None
        verdicts.append(ratio <= ratio_budget)
    return {
        "figure": name,
        "unit": unit,
        "runs": len(values),
        "min": min(values),
        "median": median,
        "max": max(values),
        "budget": budget,
        "at_least": at_least,
        "reference": None if reference is None else reference[0],
        "ratio": ratio,
        "ratio_budget": ratio_budget,
        "pass": all(verdicts) if verdicts else None,
    }


def _budget(r: Row) -> str:
    parts = []
    if r["budget"] is not None:
        parts.append(f"{'≥' if r.get('at_least') else '<'} {r['budget']:g} {r['unit']}")
    if r.get("ratio_budget") is not None:
        parts.append(f"≤ {r['ratio_budget']:g}×")
    return ", ".join(parts)


def _number(value: float) -> str:
    return f"{value:.3f}" if abs(value) < 10 else f"{value:.1f}"


def _verdict(r: Row) -> str:
    return "" if r["pass"] is None else ("pass" if r["pass"] else "FAIL")


def print_rows(rows: list[Row]) -> None:
    head = f"{'figure':56} {'min':>8} {'median':>8} {'max':>8} {'unit':>5} {'budget':>16}"
    print(f"{head} {'ratio':>6}  result")
    for r in rows:
        ratio = "" if r["ratio"] is None else f"{r['ratio']:.2f}"
        numbers = " ".join(f"{_number(r[k]):>8}" for k in ("min", "median", "max"))
        print(
            f"{r['figure']:56} {numbers} {r['unit']:>5} {_budget(r):>16} {ratio:>6}  {_verdict(r)}"
        )


def markdown(rows: list[Row]) -> str:
    lines = [
        "| figure | min | median | max | budget | reference | ratio | result |",
        "|---|--:|--:|--:|---|---|--:|---|",
    ]
    for r in rows:
        name = r["figure"].strip()
        name = f"↳ {name}" if r["figure"].startswith(" ") else name
        numbers = " | ".join(f"{_number(r[k])} {r['unit']}" for k in ("min", "median", "max"))
        ratio = "" if r["ratio"] is None else f"{r['ratio']:.2f}"
        reference = r.get("reference") or ""
        lines.append(
            f"| {name} | {numbers} | {_budget(r)} | {reference} | {ratio} | {_verdict(r)} |"
        )
    return "\n".join(lines)


def update_readme(results: Path = RESULTS, readme: Path = README) -> None:
    found = json.loads(results.read_text())
    table = (
        f"Measured {found['measured']}, {found['runs']} runs each, "
        f"on a ten-year diary of {found['episodes']:,} episodes:\n\n" + markdown(found["rows"])
    )
    text = readme.read_text()
    before, rest = text.split(START, 1)
    _old, after = rest.split(END, 1)
    readme.write_text(f"{before}{START}\n{table}\n{END}{after}")


if __name__ == "__main__":
    update_readme()
