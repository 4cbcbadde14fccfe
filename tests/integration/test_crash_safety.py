"""A writer killed with SIGKILL at random moments never loses an acknowledged entry, and
two writers at once neither fail nor lose a write."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from tests.integration.kedut_cli import PROJECT

WRITER = """
import datetime as dt, sys
from pathlib import Path
from tracker.services.episodes import log_twitch
from tracker.storage import open_store
store = open_store(Path(sys.argv[1]))
start = dt.datetime(2026, 1, 1, tzinfo=dt.timezone(dt.timedelta(hours=7)))
offset = int(sys.argv[2])
for i in range(int(sys.argv[3])):
    episode = log_twitch(store, None, at=start + dt.timedelta(minutes=offset + i)).episode
    print(episode.id, flush=True)  # printed only after the commit returned
"""


def _writer(data_dir: Path, offset: int, count: int) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", WRITER, str(data_dir), str(offset), str(count)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=PROJECT,
        env={**os.environ, "PYTHONPATH": str(PROJECT)},
    )


def _stored_ids(data_dir: Path) -> set[int]:
    with sqlite3.connect(data_dir / "kedut.sqlite3") as con:
        assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        return {row[0] for row in con.execute("SELECT id FROM twitch_episode")}


def test_killing_the_writer_at_random_moments_loses_no_acknowledged_entry(tmp_path: Path) -> None:
    rng = random.Random(20261125)
    acknowledged: set[int] = set()
    deadline = time.monotonic() + 60
    for round_ in range(8):
        if time.monotonic() > deadline:
            break
        writer = _writer(tmp_path, round_ * 10_000, 10_000)
        assert writer.stdout is not None
        # Kill it while it writes, not while it starts: on a busy machine a fixed sleep
        # could end before the store exists, and that would test nothing.
        first = writer.stdout.readline()
        time.sleep(rng.random())
        writer.send_signal(signal.SIGKILL)
        out, _err = writer.communicate(timeout=30)
        acknowledged |= {int(line) for line in (first + out).split()}
        assert acknowledged <= _stored_ids(tmp_path), "an acknowledged write was lost"
    assert len(acknowledged) > 20  # the test really wrote between the kills


def test_two_writers_at_once_neither_fail_nor_lose_a_write(tmp_path: Path) -> None:
    subprocess.run(
        [
            sys.executable,
            str(PROJECT / "main.py"),
            "--data-dir",
            str(tmp_path),
            "profiles",
            "add",
            "Me",
        ],
        check=True,
        capture_output=True,
    )
    writers = [_writer(tmp_path, 0, 60), _writer(tmp_path, 100_000, 60)]
    results = [w.communicate(timeout=120) for w in writers]
    for writer, (_out, err) in zip(writers, results, strict=True):
        assert writer.returncode == 0, err
        assert "locked" not in err
    ids = {int(line) for out, _err in results for line in out.split()}
    assert len(ids) == 120
    assert ids == _stored_ids(tmp_path)


def test_an_import_killed_half_way_leaves_all_of_it_or_none(tmp_path: Path) -> None:
    from tests.integration.test_faults import _big_episodes_csv

    big = _big_episodes_csv(tmp_path / "episodes.csv", 3000)
    store = tmp_path / "store"
    subprocess.run(
        [sys.executable, str(PROJECT / "main.py"), "--data-dir", str(store), "log", "twitch"],
        check=True,
        capture_output=True,
    )
    rng = random.Random(7)
    outcomes = set()
    for _round in range(5):
        importer = subprocess.Popen(
            [
                sys.executable,
                str(PROJECT / "main.py"),
                "--data-dir",
                str(store),
                "import",
                str(big),
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        time.sleep(0.5 + rng.random() * 1.5)
        importer.send_signal(signal.SIGKILL)
        importer.communicate(timeout=30)
        count = len(_stored_ids(store))
        assert count in (1, 3001), f"a partial import: {count} episodes"
        outcomes.add(count)
        if count == 3001:
            break
    assert outcomes  # every round ended in one of the two whole states
