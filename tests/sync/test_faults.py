"""Sync stopped half-way (DESIGN.md: "a sync killed at any moment leaves both sides
consistent, and the next sync finishes the job without counting anything twice"): the
server stopped between batches, and the sync process SIGKILLed at random moments."""

from __future__ import annotations

import datetime as dt
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.integration.kedut_cli import PROJECT
from tests.pg_server import PgServer
from tests.sync.devices import Device, pending, snapshot
from tracker.services import days, episodes
from tracker.services.sync import SyncError, sync
from tracker.storage import open_store


def _server_records(pg: PgServer, url: str) -> dict[str, int]:
    database = url.split("/")[-1].split("?")[0]
    counts = {}
    for table in ("profile", "day_log", "twitch_episode", "sync_change"):
        counts[table] = int(pg.psql(f"SELECT count(*) FROM {table}", database))  # noqa: S608
    return counts


def _fill(data_dir: Path, count: int) -> None:
    store = open_store(data_dir)
    start = dt.datetime(2026, 9, 1, 8, 0, tzinfo=dt.timezone(dt.timedelta(hours=7)))
    for n in range(count):
        episodes.log_twitch(store, None, at=start + dt.timedelta(hours=5 * n), intensity=n % 5)
        if n % 3 == 0:
            days.save_day(store, None, (start + dt.timedelta(days=n)).date(), water_ml=1000 + n)
    store.close()


def test_the_server_stopped_between_batches_leaves_no_half_state(
    tmp_path: Path, household: str, pg_server: PgServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PGPASSWORD", "household-secret")
    laptop, tablet = tmp_path / "laptop", tmp_path / "tablet"
    _fill(laptop, 60)
    store = open_store(laptop)
    total = 1 + 60 + 20  # the profile, its twitches and its days

    def stop_after_first_batch(stage: str, done: int) -> None:
        if stage == "pushed" and done == 25:
            pg_server.stop("fast")

    with pytest.raises(SyncError, match=r"is not answering|stopped answering during the sync"):
        sync(store, household, push_batch=25, progress=stop_after_first_batch)
    pg_server.start()
    # What the server took is exactly what the device let go of, and nothing else.
    on_server = _server_records(pg_server, household)
    assert on_server["sync_change"] == 25
    assert pending(laptop / "kedut.sqlite3") == total - 25
    report = sync(store, household, push_batch=25)
    assert report.pushed == total - 25
    assert _server_records(pg_server, household)["sync_change"] == total
    store.close()

    # Pulling, stopped between pages: the position moves with the rows, page by page.
    other = open_store(tablet)

    def stop_after_first_page(stage: str, done: int) -> None:
        if stage == "pulled" and done >= 20:
            pg_server.stop("fast")

    with pytest.raises(SyncError):
        sync(other, household, pull_batch=20, progress=stop_after_first_page)
    pg_server.start()
    with sqlite3.connect(tablet / "kedut.sqlite3") as con:
        (position,) = con.execute("SELECT pulled_through FROM sync_state").fetchone()
        stored = sum(
            con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]  # noqa: S608
            for table in ("profile", "day_log", "twitch_episode")
        )
    assert position == 20 and stored == 20
    sync(other, household, pull_batch=20)
    other.close()
    assert snapshot(tablet / "kedut.sqlite3") == snapshot(laptop / "kedut.sqlite3")


_SYNC_IN_BATCHES = """
import sys
from pathlib import Path
from tracker.services.sync import sync
from tracker.storage import open_store
store = open_store(Path(sys.argv[1]))
print("started", flush=True)
sync(store, sys.argv[2], push_batch=7, pull_batch=7)
print("done", flush=True)
"""


def _sync_process(data_dir: Path, url: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", _SYNC_IN_BATCHES, str(data_dir), url],
        cwd=PROJECT,
        env={**os.environ, "PGPASSWORD": "household-secret"},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _kill_at_random(data_dir: Path, url: str, chance: random.Random) -> str:
    process = _sync_process(data_dir, url)
    assert process.stdout is not None
    assert process.stdout.readline().strip() == "started"
    time.sleep(chance.uniform(0.0, 0.8))
    process.send_signal(signal.SIGKILL)
    out, _err = process.communicate(timeout=60)
    with sqlite3.connect(data_dir / "kedut.sqlite3") as con:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert con.execute("SELECT outbox_mode FROM sync_state").fetchone()[0] in (0, 1)
    return "done" if "done" in out else "killed"


def test_a_sync_process_killed_at_random_moments_is_finished_by_the_next_sync(
    tmp_path: Path, household: str, pg_server: PgServer
) -> None:
    laptop = Device(tmp_path / "laptop", household)
    tablet = Device(tmp_path / "tablet", household)
    _fill(laptop.data_dir, 40)
    _fill(tablet.data_dir, 30)
    chance = random.Random(12)  # the moments of the kills, reproducible
    outcomes = []
    for _ in range(4):
        for device in (laptop, tablet):
            outcomes.append(_kill_at_random(device.data_dir, household, chance))
    assert "killed" in outcomes
    for device in (laptop, tablet, laptop):
        device.sync()
    assert snapshot(laptop.db) == snapshot(tablet.db)
    assert pending(laptop.db) == pending(tablet.db) == 0
    counts = _server_records(pg_server, household)
    # Nothing counted twice: one row per entry on the server, as on each device.
    with sqlite3.connect(laptop.db) as con:
        (twitches,) = con.execute("SELECT count(*) FROM twitch_episode").fetchone()
        (profiles,) = con.execute("SELECT count(*) FROM profile").fetchone()
    assert twitches == 70 == counts["twitch_episode"]
    assert profiles == 2 == counts["profile"]
