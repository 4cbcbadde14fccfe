"""A disk that fills up during an import: the person is told so in words (not SQLite's
"disk I/O error"), the command fails with exit 1, and the diary is as it was."""

from __future__ import annotations

import resource
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

from tests.integration.kedut_cli import PROJECT, kedut

LIMIT_BYTES = 400_000


def _small_disk() -> None:
    """In the child: files may not grow past LIMIT_BYTES, as on a nearly full disk."""
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past it fails, not the process
    resource.setrlimit(resource.RLIMIT_FSIZE, (LIMIT_BYTES, LIMIT_BYTES))


def test_an_import_on_a_full_disk_says_so_and_stores_nothing(tmp_path: Path) -> None:
    data_dir = tmp_path / "diary"
    assert kedut(data_dir, "log", "twitch", "--at", "2026-11-20T21:30+07:00").returncode == 0
    rows = [
        f"2026-{1 + n // 2000:02d}-{1 + n % 28:02d}T{n % 24:02d}:{n % 60:02d}+07:00,left,2,"
        f"a note long enough to fill the disk sooner; number {n}\n"
        for n in range(8000)
    ]
    csv = tmp_path / "episodes.csv"
    csv.write_text("started_at,side,intensity,note\n" + "".join(rows))
    done = subprocess.run(
        [sys.executable, str(PROJECT / "main.py"), "--data-dir", str(data_dir), "import", str(csv)],
        capture_output=True,
        text=True,
        preexec_fn=_small_disk,  # only sets a limit in the child; safe without threads
        timeout=120,
        check=False,
    )
    assert done.returncode == 1, done.stderr
    assert "could not write the diary (the disk is full or could not be written)" in done.stderr
    assert "I/O" not in done.stderr and "Traceback" not in done.stderr
    with sqlite3.connect(data_dir / "kedut.sqlite3") as con:
        assert con.execute("SELECT count(*) FROM twitch_episode").fetchone() == (1,)
        assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
