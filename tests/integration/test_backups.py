"""Backups: made consistent and private, kept 7 daily + 4 weekly, restored only after
checks, and a damaged store is never touched."""

from __future__ import annotations

import datetime as dt
import sqlite3
import stat
from pathlib import Path

from tests.integration.kedut_cli import kedut, listed
from tracker.storage import open_store
from tracker.storage.backups import daily_backup, prune


def _damage(db_path: Path) -> None:
    with db_path.open("r+b") as handle:
        handle.seek(4096)
        handle.write(b"\xde\xad\xbe\xef" * 1000)


def test_a_manual_backup_is_a_private_consistent_copy_that_restores(tmp_path: Path) -> None:
    assert kedut(tmp_path, "demo", "--days", "30", "--end", "2026-11-25").returncode == 0
    before = listed(tmp_path)
    made = kedut(tmp_path, "backup")
    assert made.returncode == 0, made.stderr
    backup = Path(made.stdout.strip())
    assert stat.S_IMODE(backup.stat().st_mode) == 0o600
    with sqlite3.connect(backup) as con:
        assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert kedut(tmp_path, "log", "twitch", "--at", "2026-11-25T10:00+07:00").returncode == 0
    restored = kedut(tmp_path, "restore", str(backup))
    assert restored.returncode == 0, restored.stderr
    assert "the store it replaced is kept as" in restored.stdout
    assert listed(tmp_path) == before
    assert list(tmp_path.glob("kedut.sqlite3.before-restore-*"))


def test_restore_refuses_a_damaged_or_foreign_file_and_changes_nothing(tmp_path: Path) -> None:
    assert kedut(tmp_path / "store", "log", "twitch").returncode == 0
    before = (tmp_path / "store" / "kedut.sqlite3").read_bytes()
    foreign = tmp_path / "recipes.sqlite3"
    with sqlite3.connect(foreign) as con:
        con.execute("CREATE TABLE recipe (name TEXT)")
    damaged = tmp_path / "damaged.sqlite3"
    assert kedut(tmp_path / "store", "backup", "--out", str(damaged)).returncode == 0
    _damage(damaged)
    for bad, message in ((foreign, "is not a Kedut diary"), (damaged, "malformed")):
        result = kedut(tmp_path / "store", "restore", str(bad))
        assert result.returncode == 1
        assert message in result.stderr
    assert (tmp_path / "store" / "kedut.sqlite3").read_bytes() == before
    assert not list((tmp_path / "store").glob("*.before-restore-*"))


def test_a_damaged_store_is_left_untouched_and_the_latest_backup_is_named(tmp_path: Path) -> None:
    assert kedut(tmp_path, "log", "twitch").returncode == 0
    backup = Path(kedut(tmp_path, "backup").stdout.strip())
    db_path = tmp_path / "kedut.sqlite3"
    _damage(db_path)
    damaged = db_path.read_bytes()
    result = kedut(tmp_path, "log", "twitch")
    assert result.returncode == 1
    assert f"the latest backup is {backup}" in result.stderr
    assert db_path.read_bytes() == damaged
    assert kedut(tmp_path, "check").returncode == 1
    assert kedut(tmp_path, "restore", str(backup)).returncode == 0
    checked = kedut(tmp_path, "check")
    assert checked.returncode == 0 and "integrity: ok" in checked.stdout


def test_the_daily_backup_is_made_once_a_day(tmp_path: Path) -> None:
    open_store(tmp_path).close()
    today = dt.date(2026, 11, 25)
    first = daily_backup(tmp_path, today)
    assert first is not None and first.name == "kedut-2026-11-25.sqlite3"
    assert daily_backup(tmp_path, today) is None
    assert daily_backup(tmp_path, today + dt.timedelta(days=1)) is not None


def test_old_backups_are_kept_as_7_daily_and_4_weekly(tmp_path: Path) -> None:
    today = dt.date(2026, 11, 25)
    for back in range(60):
        (tmp_path / f"kedut-{(today - dt.timedelta(days=back)).isoformat()}.sqlite3").touch()
    kept = {p.name for p in prune(tmp_path, today)}
    daily = {f"kedut-{(today - dt.timedelta(days=n)).isoformat()}.sqlite3" for n in range(7)}
    assert daily <= kept
    weekly = kept - daily
    assert len(weekly) == 4
    weeks = {dt.date.fromisoformat(name[6:16]).isocalendar()[:2] for name in weekly}
    assert len(weeks) == 4
    assert {p.name for p in tmp_path.iterdir()} == kept


def test_a_backup_never_takes_the_place_of_a_file_already_there(tmp_path: Path) -> None:
    assert kedut(tmp_path / "store", "log", "twitch").returncode == 0
    precious = tmp_path / "thesis.docx"
    precious.write_text("two years of work")
    result = kedut(tmp_path / "store", "backup", "--out", str(precious))
    assert result.returncode == 2
    assert "Kedut never overwrites a file" in result.stderr
    assert precious.read_text() == "two years of work"
    first = kedut(tmp_path / "store", "backup").stdout.strip()
    second = kedut(tmp_path / "store", "backup").stdout.strip()
    assert first != second and Path(first).exists() and Path(second).exists()
