"""`make bench`: every budget of DESIGN.md "Budgets" measured on a ten-year diary
(≈100,000 episodes), each beside its reference in the same run (a trivial Kivy window,
the pandas + scipy baseline), so that the machine's noise cancels in the ratio. One
table (bench.table), bench/results.json, and the README's table.

    python -m bench.run [--runs 5]
    python -m bench.run --only app,analysis [--data-dir DIR]   some parts, no results file
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from bench.baseline import baseline
from bench.generate import PROFILE, generate
from bench.import_csv import import_times
from bench.table import RESULTS, Row, print_rows, row, update_readme
from tracker.i18n import Language
from tracker.services.charts import chart_data
from tracker.services.diary_service import DiaryService
from tracker.services.insights import current_warnings, insights
from tracker.services.profiles import resolve_profile
from tracker.storage import Store, open_store
from tracker.ui.kivy_setup import START_SIZE

TODAY = dt.date(2026, 11, 25)
ENGLISH = Language.named("en")
ROOT = Path(__file__).resolve().parents[1]
PARTS = ("analysis", "app", "history", "charts", "report", "import", "log", "sync", "apple")
TRIVIAL = "trivial Kivy window (one Label)"
BASELINE = "pandas + scipy baseline"


def timed(work: Callable[[], object], runs: int) -> list[float]:
    seconds = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        seconds.append(time.perf_counter() - start)
    return seconds


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


def _probe(*args: str) -> tuple[float, float]:
    """Seconds from starting the process to its first frame, and its memory at the end.
    Every window, the app's and the trivial one, must open at the app's start size."""
    began = time.time()
    result = subprocess.run(
        [sys.executable, "-m", "bench.probe_app", *args],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=ROOT,
        check=True,
    )
    lines = dict(line.split(" ", 1) for line in result.stdout.splitlines() if " " in line)
    assert lines["WINDOW"] == "{}x{}".format(*START_SIZE), (args, lines["WINDOW"])
    return float(lines["FIRST_FRAME"]) - began, float(lines["RSS_MB"])


def compile_like_an_install() -> None:
    """Byte-compile Kedut's modules (and the probe's) as `pip install` does for an
    installed package. A checkout run with PYTHONDONTWRITEBYTECODE set (as on the CI
    machines) otherwise compiles some 60 modules from source at every start (≈ 60 ms),
    a cost the trivial window, all of whose modules come compiled from their wheels, never
    pays (docs/performance.md, "Wave 2e: the app's start")."""
    import compileall

    for package in ("tracker", "bench"):
        compileall.compile_dir(ROOT / package, quiet=1)


def app_rows(data_dir: Path, runs: int) -> list[Row]:
    """The app and the trivial window, started alternately so that both see the same
    machine: cold start to the first frame, and memory (the app's after Today, Insights
    with its charts and a doctor report; the trivial window's after its first frame)."""
    compile_like_an_install()
    app_start, app_mb, bare_start, bare_mb = [], [], [], []
    for _ in range(runs):
        seconds, megabytes = _probe("--trivial")
        bare_start.append(seconds)
        bare_mb.append(megabytes)
        seconds, megabytes = _probe(str(data_dir), PROFILE)
        app_start.append(seconds)
        app_mb.append(megabytes)
    above = [ours - theirs for ours, theirs in zip(app_mb, bare_mb, strict=True)]
    return [
        row(
            "cold start to first frame of Today",
            app_start,
            "s",
            0.6,
            (TRIVIAL, bare_start),
            1.5,
        ),
        row(f"  {TRIVIAL}: cold start", bare_start, "s"),
        row("memory after Today, Insights, a report, above trivial", above, "MB", 25.0),
        row("  the app's resident memory then", app_mb, "MB"),
        row(f"  {TRIVIAL}: resident memory", bare_mb, "MB"),
    ]


def analysis_rows(store: Store, data_dir: Path, profile_id: int, runs: int) -> list[Row]:
    """In process and as whole processes, beside the baseline; Kedut's ρ and p must equal
    the baseline's first."""
    found = insights(store, PROFILE, TODAY)
    span = (str(store.db_path), profile_id, found.first.isoformat(), TODAY.isoformat())
    theirs = baseline(*span)
    ours = {f"{r.factor}@{r.lag_days}": r for r in found.correlations.shown if r.rho is not None}
    assert set(ours) == set(theirs), set(ours) ^ set(theirs)
    for key, result in ours.items():
        assert result.rho is not None and abs(result.rho - theirs[key]["rho"]) < 1e-9, key
        assert result.n == theirs[key]["n"], key
        assert abs(result.p_value - theirs[key]["p"]) <= 1e-9 * max(1.0, theirs[key]["p"]), key
    base_in = timed(lambda: baseline(*span), runs)
    ours_in = timed(
        lambda: (insights(store, PROFILE, TODAY), current_warnings(store, PROFILE, TODAY)), runs
    )
    command = [sys.executable, "main.py", "--data-dir", str(data_dir), "--profile", PROFILE]
    command += ["insights", "--today", TODAY.isoformat(), "--json"]
    base_cmd = [sys.executable, "-m", "bench.baseline", *map(str, span)]
    base_proc: list[float] = []
    ours_proc: list[float] = []

    def process(cmd: list[str]) -> None:
        subprocess.run(cmd, check=True, capture_output=True, cwd=ROOT)

    for _ in range(runs):  # alternately, so that both see the same machine
        base_proc += timed(lambda: process(base_cmd), 1)
        ours_proc += timed(lambda: process(command), 1)
    return [
        row("series + correlations + warnings", ours_in, "s", 0.06, (BASELINE, base_in)),
        row(f"  {BASELINE}, in process", base_in, "s"),
        row("insights --json, whole process", ours_proc, "s", None, (BASELINE, base_proc), 0.4),
        row(f"  {BASELINE}, whole process", base_proc, "s"),
    ]


def log_rows(store: Store, runs: int, per_run: int = 200) -> list[Row]:
    """Tap to committed row through the service; p50 and p95 of each run's `per_run` taps."""
    profile = resolve_profile(store, PROFILE)
    clock_start = dt.datetime(2026, 11, 25, 8, tzinfo=dt.timezone(dt.timedelta(hours=7)))
    ticks = iter(range(10**6))
    diary = DiaryService(
        store, profile, now=lambda: clock_start + dt.timedelta(seconds=next(ticks))
    )
    p50, p95 = [], []
    for _ in range(runs):
        latencies = sorted(timed(diary.log_twitch_now, per_run))
        p50.append(latencies[len(latencies) // 2] * 1000)
        p95.append(latencies[int(len(latencies) * 0.95)] * 1000)
    return [row("log a twitch, p95", p95, "ms", 10.0), row("  log a twitch, p50", p50, "ms")]


def history_rows(store: Store, runs: int) -> list[Row]:
    from tracker.ui.presenters.history import history_rows as shown

    diary = DiaryService(store, resolve_profile(store, PROFILE))

    def open_history() -> None:
        page, day_logs = diary.history_page(200)
        shown(page, day_logs)

    seconds = timed(open_history, runs)
    return [row("History opens on 100,000 episodes", seconds, "s", 0.15)]


def chart_rows(store: Store, runs: int) -> list[Row]:
    from tracker.charts import render

    year = chart_data(store, PROFILE, TODAY, TODAY - dt.timedelta(days=364))
    render("timeline", year, "png", ENGLISH)  # warm: matplotlib loads once
    seconds = timed(lambda: render("timeline", year, "png", ENGLISH), runs)
    return [row("365-day timeline PNG (warm)", seconds, "s", 0.15)]


def report_rows(store: Store, runs: int) -> list[Row]:
    from tracker.reports import build_report
    from tracker.services.reports import report_data

    rows = []
    for label, first in (
        ("doctor report PDF, last 90 days", TODAY - dt.timedelta(days=89)),
        ("doctor report PDF, all ten years", None),
    ):

        def make(f: dt.date | None = first) -> bytes:
            return build_report(report_data(store, PROFILE, TODAY, f), ENGLISH)

        make()  # warm, as the chart: the libraries load once
        rows.append(row(label, timed(make, runs), "s", 1.0))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--only", help=f"comma-separated parts of: {','.join(PARTS)}")
    parser.add_argument("--data-dir", type=Path, help="a ten-year diary made by bench.generate")
    args = parser.parse_args()
    runs, parts = args.runs, set(args.only.split(",") if args.only else PARTS)
    assert parts <= set(PARTS), parts - set(PARTS)
    rows: list[Row] = []
    server = display()
    with tempfile.TemporaryDirectory(prefix="kedut-bench-") as tmp:
        data_dir = Path(tmp) / "data"
        if args.data_dir:
            shutil.copytree(args.data_dir, data_dir)
        store = open_store(data_dir)
        episodes = generate(store) if not args.data_dir else _episodes(store)
        print(f"ten-year diary: {episodes} episodes", file=sys.stderr)
        profile_id = resolve_profile(store, PROFILE).id
        assert profile_id is not None
        if "analysis" in parts:
            rows += analysis_rows(store, data_dir, profile_id, runs)
        if "app" in parts:  # on the untouched diary (the logging below adds to today)
            rows += app_rows(data_dir, runs)
        if "history" in parts:
            rows += history_rows(store, runs)
        if "charts" in parts:
            rows += chart_rows(store, runs)
        if "report" in parts:
            rows += report_rows(store, runs)
        if "import" in parts:
            rows.append(
                row("import the ten-year CSV (empty store)", import_times(store, runs)[0], "s", 3.0)
            )
        if "log" in parts:
            rows += log_rows(store, runs)
        store.close()
        if "sync" in parts:  # a local, throwaway PostgreSQL
            from bench.sync import bench_rows as sync_rows

            rows += sync_rows(row, runs, data_dir)
    if "apple" in parts:
        from bench.apple_health import bench_rows

        rows += bench_rows(row, runs=runs)
    if server is not None:
        server.terminate()
    print_rows(rows)
    if parts == set(PARTS):
        measured = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        found = {"measured": measured, "runs": runs, "episodes": episodes, "rows": rows}
        RESULTS.write_text(json.dumps(found, indent=2) + "\n")
        update_readme()


def _episodes(store: Store) -> int:
    import sqlite3

    with sqlite3.connect(store.db_path) as con:
        (count,) = con.execute("SELECT count(*) FROM twitch_episode").fetchone()
    return int(count)


if __name__ == "__main__":
    if shutil.which("Xvfb") is None and not os.environ.get("DISPLAY"):
        sys.exit("make bench needs a display or Xvfb for the start-up figures")
    main()
