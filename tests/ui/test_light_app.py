"""The running app stays light (DESIGN.md "Budgets": its memory after Insights and a
report stays close to a trivial Kivy window's): the charts and the report are made in a
process of their own, so numpy, scipy, matplotlib and fpdf2 never load into the app.
No timing here: which libraries the app holds is a fact, not a figure."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

from tracker.services.demo import fill_demo_profile
from tracker.storage import open_store

ROOT = Path(__file__).resolve().parents[2]


def test_insights_and_a_report_leave_the_heavy_libraries_out_of_the_app(tmp_path: Path) -> None:
    store = open_store(tmp_path)
    fill_demo_profile(store, 60, 3, dt.datetime.now(dt.UTC).date())
    store.close()
    done = subprocess.run(
        [sys.executable, "-m", "bench.probe_app", str(tmp_path), "Demo"],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=ROOT,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    lines = dict(line.split(" ", 1) for line in done.stdout.splitlines() if " " in line)
    # The probe waited for all three charts and a saved PDF before it answered.
    assert lines["HEAVY_MODULES"] == "-"
    assert float(lines["RSS_MB"]) > 0
