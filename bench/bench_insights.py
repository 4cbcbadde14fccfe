"""Budget: daily series + all correlations + warnings < 0.2 s in process, on ten years
(≈100,000 episodes); and the whole `insights --json` process, for comparison with a
pandas + scipy baseline (bench issue).

    python -m bench.bench_insights [--runs 7]
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.generate import PROFILE, generate
from tracker.services.insights import current_warnings, insights
from tracker.storage import open_store

TODAY = dt.date(2026, 11, 25)
BUDGET_IN_PROCESS_S = 0.2


def _summary(name: str, seconds: list[float], budget: float | None) -> str:
    verdict = (
        "" if budget is None else ("  PASS" if statistics.median(seconds) < budget else "  FAIL")
    )
    limit = "" if budget is None else f"  budget {budget:.2f} s"
    return (
        f"{name:38} min {min(seconds):.3f}  median {statistics.median(seconds):.3f}"
        f"  max {max(seconds):.3f} s{limit}{verdict}"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="kedut-bench-") as tmp:
        data_dir = Path(tmp)
        store = open_store(data_dir)
        episodes = generate(store)
        print(f"ten-year diary: {episodes} episodes")
        insights(store, PROFILE, TODAY)  # warm: scipy.special loads once per process
        in_process = []
        for _ in range(args.runs):
            start = time.perf_counter()
            insights(store, PROFILE, TODAY)
            current_warnings(store, PROFILE, TODAY)
            in_process.append(time.perf_counter() - start)
        store.close()
        whole = []
        command = [
            sys.executable,
            "main.py",
            "--data-dir",
            tmp,
            "--profile",
            PROFILE,
            "insights",
            "--today",
            TODAY.isoformat(),
            "--json",
        ]
        for _ in range(args.runs):
            start = time.perf_counter()
            subprocess.run(command, check=True, capture_output=True)
            whole.append(time.perf_counter() - start)
    print(_summary("series + correlations + warnings", in_process, BUDGET_IN_PROCESS_S))
    print(_summary("insights --json, whole process", whole, None))


if __name__ == "__main__":
    main()
