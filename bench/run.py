"""`make bench`: every budget of DESIGN.md measured on a ten-year diary (≈100,000
episodes), side by side with a pandas + scipy baseline; one table, and
bench/results.json.

    python -m bench.run [--runs 5]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench.baseline import baseline
from bench.generate import PROFILE, generate
from bench.import_csv import import_times
from tracker.i18n import Language
from tracker.services.charts import chart_data
from tracker.services.diary_service import DiaryService
from tracker.services.insights import current_warnings, insights
from tracker.services.profiles import resolve_profile
from tracker.services.reports import report_data
from tracker.storage import open_store

TODAY = dt.date(2026, 11, 25)
ENGLISH = Language.named("en")
ROOT = Path(__file__).resolve().parents[1]
Row = dict[str, Any]


def timed(work: Callable[[], object], runs: int) -> list[float]:
    seconds = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        seconds.append(time.perf_counter() - start)
    return seconds


def row(
    name: str, values: list[float], unit: str, budget: float | None, baseline_s: float | None = None
) -> Row:
    median = statistics.median(values)
    return {
        "figure": name,
        "unit": unit,
        "min": min(values),
        "median": median,
        "max": max(values),
        "budget": budget,
        "ratio": None if baseline_s is None else median / baseline_s,
        "pass": None if budget is None else median < budget,
    }


def display() -> subprocess.Popen[bytes] | None:
    if os.environ.get("DISPLAY"):
        return None
    read_end, write_end = os.pipe()
    xvfb = shutil.which("Xvfb") or "Xvfb"
    server = subprocess.Popen(
        [xvfb, "-displayfd", str(write_end), "-screen", "0", "1280x800x24"],
        pass_fds=(write_end,),
        stderr=subprocess.DEVNULL,
    )
    os.close(write_end)
    with os.fdopen(read_end) as ready:
        os.environ["DISPLAY"] = ":" + ready.readline().strip()
    return server


def app_probe(data_dir: Path, runs: int) -> tuple[list[float], list[float]]:
    starts, memory = [], []
    for _ in range(runs):
        began = time.time()
        result = subprocess.run(
            [sys.executable, "-m", "bench.probe_app", str(data_dir), PROFILE],
            capture_output=True,
            text=True,
            timeout=120,
            cwd=ROOT,
            check=True,
        )
        lines = dict(line.split(" ", 1) for line in result.stdout.splitlines() if " " in line)
        starts.append(float(lines["FIRST_FRAME"]) - began)
        memory.append(float(lines["RSS_MB"]))
    return starts, memory


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    rows: list[Row] = []
    server = display()
    with tempfile.TemporaryDirectory(prefix="kedut-bench-") as tmp:
        data_dir = Path(tmp) / "data"
        store = open_store(data_dir)
        episodes = generate(store)
        print(f"ten-year diary: {episodes} episodes", file=sys.stderr)
        profile = resolve_profile(store, PROFILE)
        assert profile.id is not None
        profile_id = profile.id
        found = insights(store, PROFILE, TODAY)

        # The analysis, checked against the baseline's numbers first.
        span = (str(store.db_path), profile_id, found.first.isoformat(), TODAY.isoformat())
        theirs = baseline(*span)
        ours = {
            f"{r.factor}@{r.lag_days}": r for r in found.correlations.shown if r.rho is not None
        }
        assert set(ours) == set(theirs), set(ours) ^ set(theirs)
        for key, result in ours.items():
            assert abs(result.rho - theirs[key]["rho"]) < 1e-9 and result.n == theirs[key]["n"], key  # type: ignore[operator]
            assert abs(result.p_value - theirs[key]["p"]) <= 1e-9 * max(1.0, theirs[key]["p"]), key
        base_in = timed(
            lambda: baseline(*span),
            runs,
        )
        ours_in = timed(
            lambda: (insights(store, PROFILE, TODAY), current_warnings(store, PROFILE, TODAY)), runs
        )
        rows.append(
            row("series + correlations + warnings", ours_in, "s", 0.2, statistics.median(base_in))
        )
        rows.append(row("  baseline: pandas + scipy, in process", base_in, "s", None))
        command = [
            sys.executable,
            "main.py",
            "--data-dir",
            str(data_dir),
            "--profile",
            PROFILE,
            "insights",
            "--today",
            TODAY.isoformat(),
            "--json",
        ]
        base_cmd = [
            sys.executable,
            "-m",
            "bench.baseline",
            str(store.db_path),
            str(profile.id),
            found.first.isoformat(),
            TODAY.isoformat(),
        ]
        base_proc = timed(
            lambda: subprocess.run(base_cmd, check=True, capture_output=True, cwd=ROOT), runs
        )
        ours_proc = timed(
            lambda: subprocess.run(command, check=True, capture_output=True, cwd=ROOT), runs
        )
        rows.append(
            row(
                "insights --json, whole process", ours_proc, "s", None, statistics.median(base_proc)
            )
        )
        rows.append(row("  baseline: pandas + scipy process", base_proc, "s", None))

        # The running app, on the untouched diary (the logging below adds to today):
        # cold start to the first frame of Today, and its memory.
        starts, memory = app_probe(data_dir, runs)
        rows.append(row("cold start to first frame of Today", starts, "s", 1.0))
        rows.append(row("resident memory of the app", memory, "MB", 200.0))
        # Logging: tap to committed row, through the service.
        clock_start = dt.datetime(2026, 11, 25, 8, tzinfo=dt.timezone(dt.timedelta(hours=7)))
        ticks = iter(range(10**6))
        diary = DiaryService(
            store, profile, now=lambda: clock_start + dt.timedelta(seconds=next(ticks))
        )
        latencies = sorted(timed(diary.log_twitch_now, 1000))
        p50, p95 = latencies[len(latencies) // 2], latencies[int(len(latencies) * 0.95)]
        rows.append(row("log a twitch, p50", [p50 * 1000], "ms", 20.0))
        rows.append(row("log a twitch, p95", [p95 * 1000], "ms", 20.0))

        # History: the first page of 100,000 episodes, as the screen shows it.
        from tracker.ui.presenters.history import history_rows

        def open_history() -> None:
            page, day_logs = diary.history_page(200)
            history_rows(page, day_logs)

        rows.append(row("History opens (first page of 200)", timed(open_history, runs), "s", 0.3))

        # Charts and the report.
        from tracker.charts import render
        from tracker.reports import build_report

        year = chart_data(store, PROFILE, TODAY, TODAY - dt.timedelta(days=364))
        render("timeline", year, "png", ENGLISH)  # warm: matplotlib loads once
        rows.append(
            row(
                "365-day timeline PNG (warm)",
                timed(lambda: render("timeline", year, "png", ENGLISH), runs),
                "s",
                0.3,
            )
        )
        for label, first in (
            ("doctor report PDF, last 90 days", TODAY - dt.timedelta(days=89)),
            ("doctor report PDF, all ten years", None),
        ):

            def make(f: dt.date | None = first) -> bytes:
                return build_report(report_data(store, PROFILE, TODAY, f), ENGLISH)

            rows.append(row(label, timed(make, runs), "s", 2.0))

        # Import: the ten-year diary's CSV files into an empty store.
        imports = import_times(store, runs)[0]
        rows.append(row("import the ten-year CSV (empty store)", imports, "s", 3.0))
        store.close()

        # Sync with a household server (a local, throwaway PostgreSQL).
        from bench.sync import bench_rows as sync_rows

        rows.extend(sync_rows(row, min(runs, 3), data_dir))

    # Importing from devices: a generated 1 GB Apple Health export, streamed.
    from bench.apple_health import bench_rows

    rows.extend(bench_rows(row))

    if server is not None:
        server.terminate()
    _print(rows)
    (ROOT / "bench" / "results.json").write_text(
        json.dumps(
            {
                "measured": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
                "runs": runs,
                "episodes": episodes,
                "rows": rows,
            },
            indent=2,
        )
        + "\n"
    )


def _print(rows: list[Row]) -> None:
    print(f"{'figure':40} {'min':>9} {'median':>9} {'max':>9} {'budget':>8} {'ratio':>6}  result")
    for r in rows:
        budget = "" if r["budget"] is None else f"{r['budget']:g}"
        ratio = "" if r["ratio"] is None else f"{r['ratio']:.2f}"
        verdict = "" if r["pass"] is None else ("pass" if r["pass"] else "FAIL")
        if r["ratio"] is not None and not r["figure"].startswith(" "):
            verdict = (verdict + " " if verdict else "") + (
                "faster" if r["ratio"] < 1 else "SLOWER"
            )
        numbers = f"{r['min']:9.3f} {r['median']:9.3f} {r['max']:9.3f}"
        print(f"{r['figure']:40} {numbers} {budget:>8} {ratio:>6}  {verdict} ({r['unit']})")


if __name__ == "__main__":
    if shutil.which("Xvfb") is None and not os.environ.get("DISPLAY"):
        sys.exit("make bench needs a display or Xvfb for the start-up figures")
    main()
