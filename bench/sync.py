"""Sync's budgets (DESIGN.md): the first sync of the ten-year diary < 15 s, then one new
episode < 0.5 s, each a whole `main.py sync` process against a local PostgreSQL server
(a throwaway one, started here as the tests start theirs).

    python -m bench.sync [--runs 3]      measure, print the rows as JSON

Also shown, without a budget: the same one-episode sync inside a running process (what
the app's background sync costs), the floor of any such process (importing the storage
layer and the PostgreSQL driver), and a second device's first pull of the whole diary.
"""

from __future__ import annotations

import argparse
import json
import math
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

from bench.generate import PROFILE, generate
from tests.pg_server import PASSWORD, PgServer
from tracker.storage import open_store

ROOT = Path(__file__).resolve().parents[1]
Row = dict[str, Any]


def _main_py(data_dir: Path, *args: str) -> float:
    """Seconds of one whole `main.py` process."""
    env = {**os.environ, "PGPASSWORD": PASSWORD}
    began = time.perf_counter()
    subprocess.run(
        [sys.executable, "main.py", "--data-dir", str(data_dir), *args],
        check=True,
        capture_output=True,
        cwd=ROOT,
        env=env,
        timeout=600,
    )
    return time.perf_counter() - began


def _in_process_one_episode(data_dir: Path, runs: int) -> list[float]:
    from tracker.services import episodes, sync

    os.environ["PGPASSWORD"] = PASSWORD
    store = open_store(data_dir)
    seconds = []
    for _ in range(runs):
        episodes.log_twitch(store, PROFILE)
        began = time.perf_counter()
        sync.sync(store)
        seconds.append(time.perf_counter() - began)
    store.close()
    return seconds


def _frame_rates(server: PgServer, tmp: Path, original: Path, run: int) -> dict[str, float]:
    """The app on a device that joined the household before the ten-year diary arrived:
    at start its background sync pulls all of it while the window keeps drawing."""
    url = server.create_database(f"bench_frames{run}")
    tablet, laptop = tmp / f"frames-tablet{run}", tmp / f"frames-laptop{run}"
    # The tablet's person started their own diary, then joined the (still empty) household;
    # without a profile the app would open on its welcome and not sync at all.
    _main_py(tablet, "profiles", "add", "Tablet")
    _main_py(tablet, "sync", "--server", url)
    shutil.copytree(original, laptop)
    _main_py(laptop, "sync", "--server", url)
    done = subprocess.run(
        [sys.executable, "-m", "bench.probe_sync_fps", str(tablet)],
        check=False,  # a probe that gave up answers nan: the row fails, the bench goes on
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "PGPASSWORD": PASSWORD},
        timeout=600,
    )
    lines = dict(line.split(" ", 1) for line in done.stdout.splitlines() if " " in line)
    return {key: float(lines.get(key, "nan")) for key in ("FPS_BUSY", "FPS_IDLE", "SYNC_S")}


def bench_rows(row: Callable[..., Row], runs: int = 3, diary: Path | None = None) -> list[Row]:
    server = PgServer()
    rows: list[Row] = []
    try:
        with tempfile.TemporaryDirectory(prefix="kedut-bench-sync-") as tmp:
            original = Path(tmp) / "original"
            if diary is None:
                generate(open_store(original))
            else:
                shutil.copytree(diary, original)
            first, one, pull = [], [], []
            for run in range(runs):
                url = server.create_database(f"bench_{run}")
                laptop, tablet = Path(tmp) / f"laptop{run}", Path(tmp) / f"tablet{run}"
                shutil.copytree(original, laptop)
                first.append(_main_py(laptop, "sync", "--server", url))
                _main_py(laptop, "--profile", PROFILE, "log", "twitch", "--side", "left")
                one.append(_main_py(laptop, "sync"))
                pull.append(_main_py(tablet, "sync", "--server", url))
            inside = _in_process_one_episode(Path(tmp) / "laptop0", max(runs, 5))
            # Three runs: one pull takes half a minute, and one run's rate moved by ±10 %.
            frames = (
                [_frame_rates(server, Path(tmp), original, run) for run in range(3)]
                if os.environ.get("DISPLAY")
                else None
            )
            floor = [_timed_python("import tracker.storage, psycopg") for _ in range(max(runs, 3))]
    finally:
        server.close()
    rows.append(row("sync: first sync of ten years, process", first, "s", 15.0))
    rows.append(row("sync: one new episode, process", one, "s", 0.5))
    rows.append(row("  the same, inside a running process", inside, "s", None))
    rows.append(row("  floor: importing the command line and sync", floor, "s", None))
    rows.append(row("  second device pulls ten years, process", pull, "s", None))
    if frames is not None:
        # A probe that gave up answers nan: the row then fails (max(0, nan) would be 0).
        drops = [100 * (1 - f["FPS_BUSY"] / f["FPS_IDLE"]) for f in frames]
        drops = [d if math.isnan(d) else max(0.0, d) for d in drops]
        if any(math.isnan(d) for d in drops):  # one probe that gave up fails the row
            drops = [math.nan] * len(drops)
        rows.append(row("app: frame rate lost while syncing", drops, "%", 10.0))
        busy, idle = [f["FPS_BUSY"] for f in frames], [f["FPS_IDLE"] for f in frames]
        rows.append(row("  frames per second while syncing", busy, "fps", None))
        rows.append(row("  frames per second once synced", idle, "fps", None))
        pulls = [f["SYNC_S"] for f in frames]
        rows.append(row("  the app's background pull of ten years", pulls, "s", None))
    return rows


def _timed_python(code: str) -> float:
    began = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)
    return time.perf_counter() - began


def _row(name: str, values: list[float], unit: str, budget: float | None) -> Row:
    median = statistics.median(values)
    return {
        "figure": name,
        "unit": unit,
        "min": min(values),
        "median": median,
        "max": max(values),
        "budget": budget,
        "ratio": None,
        "pass": None if budget is None else median < budget,
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    print(json.dumps(bench_rows(_row, parser.parse_args().runs), indent=2))


if __name__ == "__main__":
    main()
