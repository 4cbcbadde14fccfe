"""Consistent copies of the store (SQLite's online backup API), kept as 7 daily and 4
weekly copies in `<data dir>/backups/`, and a careful restore."""

from __future__ import annotations

import datetime as dt
import shutil
from dataclasses import dataclass
from pathlib import Path

from tracker.i18n import gettext as _
from tracker.storage.migrate import StoreError, known_revisions
from tracker.storage.paths import DB_FILENAME, ensure_private_dir
from tracker.storage.sqlite import StoreFileError, copy_database, read_revision

BACKUP_DIR = "backups"
KEEP_DAILY = 7
KEEP_WEEKLY = 4
PREFIX = "kedut-"


def copy_store(source: Path, target: Path) -> Path:
    """A consistent copy of a live store, written beside `target` and renamed into place."""
    ensure_private_dir(target.parent)
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
    copy_database(source, partial)
    partial.chmod(0o600)
    partial.replace(target)
    return target


def backup_dir(data_dir: Path) -> Path:
    return data_dir / BACKUP_DIR


def latest_backup(data_dir: Path) -> Path | None:
    """The most recently written backup in `<data dir>/backups/`, if any."""
    found = sorted(backup_dir(data_dir).glob(f"{PREFIX}*.sqlite3"), key=lambda p: p.stat().st_mtime)
    return found[-1] if found else None


def daily_backup(data_dir: Path, today: dt.date) -> Path | None:
    """Today's automatic backup, unless there is one already; then prune old ones."""
    folder = backup_dir(data_dir)
    target = folder / f"{PREFIX}{today.isoformat()}.sqlite3"
    if target.exists():
        return None
    copy_store(data_dir / DB_FILENAME, target)
    prune(folder, today)
    return target


def _day_of(path: Path) -> dt.date | None:
    try:
        return dt.date.fromisoformat(path.stem.removeprefix(PREFIX))
    except ValueError:
        return None


def prune(folder: Path, today: dt.date) -> list[Path]:
    """Keep the newest backup of each of the last 7 days that have one, and the newest
    of each of the 4 ISO weeks before those; remove the rest. Returns what was kept."""
    dated = sorted(((day, p) for p in folder.glob(f"{PREFIX}*.sqlite3") if (day := _day_of(p))),
                   reverse=True)  # fmt: skip
    keep: list[Path] = [p for _day, p in dated[:KEEP_DAILY]]
    weeks: set[tuple[int, int]] = set()
    for day, path in dated[KEEP_DAILY:]:
        week = day.isocalendar()[:2]
        if week not in weeks and len(weeks) < KEEP_WEEKLY:
            weeks.add(week)
            keep.append(path)
    for _day, path in dated:
        if path not in keep:
            path.unlink()
    return keep


@dataclass(frozen=True)
class Health:
    integrity: str
    foreign_key_problems: int
    revision: str | None
    current: bool
    upgradable: bool = False
    """An older schema of Kedut's own: brought up to date the next time it is opened."""

    @property
    def ok(self) -> bool:
        fits = self.current or self.upgradable
        return self.integrity == "ok" and self.foreign_key_problems == 0 and fits


def inspect(db_path: Path, head: str) -> Health:
    """Integrity, foreign keys and schema revision of a store file (read only)."""
    try:
        revision, integrity, problems = read_revision(db_path, integrity=True)
    except StoreFileError as error:
        raise StoreError(str(error)) from error
    if revision is None:
        raise StoreError(_("{path} is not a Kedut diary").format(path=db_path))
    if revision == head:
        return Health(integrity, problems, revision, True)
    return Health(integrity, problems, revision, False, revision in known_revisions())


def restore(data_dir: Path, source: Path, head: str, now: dt.datetime) -> Path:
    """Replace the store with `source` after checking it; the current store is kept
    aside first. Returns where the old store was put. Nothing may have it open."""
    health = inspect(source, head)
    if health.revision not in known_revisions():
        raise StoreError(
            f"{source} is from a Kedut this version does not know (schema {health.revision})"
        )
    if health.integrity != "ok" or health.foreign_key_problems:
        raise StoreError(f"{source} is damaged ({health.integrity}); nothing was replaced")
    current = data_dir / DB_FILENAME
    aside = data_dir / f"{DB_FILENAME}.before-restore-{now.strftime('%Y%m%dT%H%M%S')}"
    # Byte copies, not the backup API: the store being replaced may be damaged.
    for suffix in ("", "-wal"):
        original = current.with_name(current.name + suffix)
        if original.exists():
            shutil.copyfile(original, aside.with_name(aside.name + suffix))
            aside.with_name(aside.name + suffix).chmod(0o600)
    for suffix in ("-wal", "-shm"):
        current.with_name(current.name + suffix).unlink(missing_ok=True)
    staged = copy_store(source, data_dir / f"{DB_FILENAME}.restoring")
    staged.replace(current)
    return aside
