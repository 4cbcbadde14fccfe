"""Keeping the diary safe, for the app: opening the store at start-up, the daily
automatic backup, and the recovery window's "restore the latest backup".

The UI reaches the store's files only through here (and DiaryService for backup now,
check and restore from Settings), never through tracker.storage or SQLAlchemy.
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from pathlib import Path

from tracker.storage import Store, StoreError, backups, open_store, resolve_data_dir
from tracker.storage.migrate import HEAD_REVISION

__all__ = [
    "Store",
    "StoreError",
    "daily_backup",
    "data_dir",
    "latest_backup",
    "open_diary",
    "opening_problem",
    "restore_backup",
]


def data_dir(explicit: str | os.PathLike[str] | None = None) -> Path:
    """`--data-dir` wins, then `KEDUT_DATA_DIR`, then the platform's user data folder."""
    return resolve_data_dir(explicit)


def open_diary(folder: Path, *, check_later: bool = False) -> Store:
    """The store in `folder`, migrated; a damaged or foreign file raises StoreError
    naming the latest backup, and is never written to. With `check_later`, the check
    for damage of a store that needs no migration runs in the background until
    `store.wait_for_check()` (the app loads its window meanwhile)."""
    return open_store(folder, check_later=check_later)


def opening_problem(store: Store | None, error: BaseException) -> str | None:
    """What the recovery window says when opening the diary failed with `error`: the
    store's own refusal, or, for SQLite failing a first read of a damaged file before
    the background check has said why, that check's verdict. None for any other error
    (a bug: it is raised as it is)."""
    if isinstance(error, StoreError):
        return str(error)
    if not isinstance(error, sqlite3.DatabaseError):
        return None
    if store is not None:
        try:
            store.wait_for_check()
        except StoreError as found:
            return str(found)
    return str(error)


def daily_backup(folder: Path, today: dt.date) -> Path | None:
    """Today's automatic backup of the store in `folder`, unless there is one already
    (then None); old ones are pruned to 7 daily and 4 weekly copies."""
    try:
        return backups.daily_backup(folder, today)
    except sqlite3.Error as error:
        raise StoreError(f"the automatic backup could not be made: {error}") from error


def latest_backup(folder: Path) -> Path | None:
    """The most recent backup in `<folder>/backups/`, if any."""
    return backups.latest_backup(folder)


def restore_backup(folder: Path, backup: Path, now: dt.datetime) -> Path:
    """Replace the store in `folder` with `backup` once it passes the checks (a Kedut
    store of a known schema, intact); the replaced store is kept aside, and its path
    returned. Nothing may have the store open."""
    return backups.restore(folder, backup, HEAD_REVISION, now)
