"""Resource faults and hostile input: a clear error, never a traceback, and nothing
already stored is lost."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import resource
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.integration.kedut_cli import PROJECT, kedut, row_counts
from tracker.formats import parse
from tracker.formats.backup import from_json
from tracker.formats.csv_files import FILES, FileFormatError, read_csv


def _big_episodes_csv(path: Path, count: int) -> Path:
    """`count` episodes with long notes, a minute apart: megabytes to write."""
    start = dt.datetime(2025, 1, 1, tzinfo=dt.timezone(dt.timedelta(hours=7)))
    rows = [",".join(FILES["episodes.csv"])]
    for n in range(count):
        moment = (start + dt.timedelta(minutes=n)).isoformat()
        rows.append(f",{moment},knee,left,1,,,0,0,0,0,0,{'x' * 1900}")  # no uuid: new entries
    path.write_text("\n".join(rows) + "\n")
    return path


def test_a_full_disk_gives_a_clear_error_and_keeps_what_was_stored(tmp_path: Path) -> None:
    assert kedut(tmp_path, "demo", "--days", "30", "--end", "2026-11-25").returncode == 0
    before = row_counts(tmp_path / "kedut.sqlite3")
    big = _big_episodes_csv(tmp_path / "episodes.csv", 3000)
    limit = 512 * 1024  # the write-ahead log may not grow past half a megabyte

    def small_disk() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a failed write, not a killed process
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    command = [
        sys.executable,
        str(PROJECT / "main.py"),
        "--data-dir",
        str(tmp_path),
        "import",
        str(big),
    ]
    result = subprocess.run(
        command,
        capture_output=True,
        text=True,
        preexec_fn=small_disk,
        timeout=120,
        check=False,
        env={k: v for k, v in os.environ.items() if k != "KEDUT_DATA_DIR"},
    )
    assert result.returncode == 1, result.stdout
    assert "could not write the diary" in result.stderr and "nothing was stored" in result.stderr
    assert "Traceback" not in result.stderr
    assert row_counts(tmp_path / "kedut.sqlite3") == before
    with sqlite3.connect(tmp_path / "kedut.sqlite3") as con:
        assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=2000))
def test_random_bytes_as_csv_are_refused_cleanly(data: bytes) -> None:
    try:
        read = read_csv("random.csv", data)
    except FileFormatError:
        return
    for number, cells in read.rows:  # a lucky header: every row must still parse or be refused
        with contextlib.suppress(FileFormatError):
            record = dict(zip(read.columns, cells, strict=True))
            parse.PARSERS[read.kind]("random.csv", number, record)


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=2000))
def test_random_bytes_as_a_backup_are_refused_cleanly(data: bytes) -> None:
    with contextlib.suppress(FileFormatError):
        from_json("random.json", data)


cells = st.one_of(
    st.text(max_size=30),
    st.sampled_from(
        [
            "nan",
            "inf",
            "-inf",
            "1e309",
            "-1",
            "99999999999999999999",
            "2026-02-30",
            "9999-12-31T23:59:59+14:00",
            "0001-01-01",
            "true",
            "yes",
            " 3 ",
            "3.5",
            "x" * 5000,
        ]
    ),
)


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(sorted(FILES)), st.data())
def test_any_cell_value_is_stored_or_refused_with_its_column(
    kind: str, data: st.DataObject
) -> None:
    record = {column: data.draw(cells, label=column) for column in FILES[kind]}
    try:
        parse.PARSERS[kind](kind, 2, record)
    except FileFormatError as error:
        assert error.row == 2
        assert error.column in FILES[kind] or error.column in ("utc_offset_min", "")
