"""The app's start-up safety through the maintenance service: the daily backup, the
latest backup, and restoring it, on real store files."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest

from tests.integration.kedut_cli import kedut
from tracker.services import maintenance

TODAY = dt.date(2026, 11, 25)


def test_the_daily_backup_is_made_once_and_is_the_latest(tmp_path: Path) -> None:
    assert kedut(tmp_path, "log", "twitch").returncode == 0
    made = maintenance.daily_backup(tmp_path, TODAY)
    assert made is not None and maintenance.daily_backup(tmp_path, TODAY) is None
    assert maintenance.latest_backup(tmp_path) == made


def test_a_backup_that_cannot_be_made_is_a_store_error_not_a_driver_error(tmp_path: Path) -> None:
    (tmp_path / "kedut.sqlite3").write_bytes(b"not a database at all\n" * 300)
    with pytest.raises(maintenance.StoreError, match="automatic backup could not be made"):
        maintenance.daily_backup(tmp_path, TODAY)


def test_restoring_the_latest_backup_keeps_the_replaced_store_aside(tmp_path: Path) -> None:
    assert kedut(tmp_path, "log", "twitch").returncode == 0
    backup = maintenance.daily_backup(tmp_path, TODAY)
    assert backup is not None
    assert kedut(tmp_path, "log", "twitch").returncode == 0  # after the backup
    aside = maintenance.restore_backup(
        tmp_path, backup, dt.datetime(2026, 11, 25, 10, tzinfo=dt.UTC)
    )
    assert aside.exists()
    with sqlite3.connect(tmp_path / "kedut.sqlite3") as con:
        assert con.execute("SELECT count(*) FROM twitch_episode").fetchone() == (1,)
    with sqlite3.connect(aside) as con:
        assert con.execute("SELECT count(*) FROM twitch_episode").fetchone() == (2,)
