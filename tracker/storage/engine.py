"""Opening the store: a private SQLite file (its pragmas live in tracker.storage.sqlite)
and the migrations that bring it up to date.

SQLAlchemy is not imported here: a store already at the current schema opens with
plain `sqlite3` reads (its revision, its health), and its engines are made the first
time a unit of work needs them. The app's start and its daily reads never pay for the
ORM (DESIGN.md "Budgets": cold start, memory); migrations and the rarer edits do."""

from __future__ import annotations

import contextlib
import os
import threading
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from tracker.storage import migrate
from tracker.storage.paths import DB_FILENAME, ensure_private_dir, ensure_private_file
from tracker.storage.sqlite import make_engine, quick_check, use_wal

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine
    from sqlalchemy.orm import Session, sessionmaker

# The pragmas and transaction modes are SQLite's own: tracker.storage.sqlite keeps them.
__all__ = ["Store", "make_engine", "open_store"]


class Store:
    """An open Kedut store: where it is, and (made on first use) one engine and session
    factory for writing units of work and one for reading ones."""

    def __init__(self, data_dir: Path, db_path: Path) -> None:
        self.data_dir = data_dir
        self.db_path = db_path
        self._health: _HealthCheck | None = None

    def __repr__(self) -> str:
        return f"Store({str(self.db_path)!r})"

    @cached_property
    def engine(self) -> Engine:
        return make_engine(self.db_path)

    @cached_property
    def read_engine(self) -> Engine:
        return make_engine(self.db_path, write=False)

    @cached_property
    def session_factory(self) -> sessionmaker[Session]:
        from sqlalchemy.orm import sessionmaker

        return sessionmaker(self.engine, expire_on_commit=False)

    @cached_property
    def read_session_factory(self) -> sessionmaker[Session]:
        from sqlalchemy.orm import sessionmaker

        return sessionmaker(self.read_engine, expire_on_commit=False)

    def wait_for_check(self) -> None:
        """For a store opened with `check_later`: wait for its health check, and raise
        StoreError (as `open_store` would have) when the file is damaged — every time
        it is asked, so that no write goes ahead on it. Every writing unit of work and
        the one-tap log ask first."""
        health = self._health
        if health is not None:
            health.result()
            self._health = None  # checked and sound

    def close(self) -> None:
        for name in ("engine", "read_engine"):
            made = self.__dict__.pop(name, None)
            if made is not None:
                made.dispose()
        self.__dict__.pop("session_factory", None)
        self.__dict__.pop("read_session_factory", None)


class _HealthCheck:
    """SQLite's quick check of a store, in a thread: it reads the whole file (≈ 0.1 s for
    ten years) while waiting on disk and in C, outside Python's lock, so the app loads
    its window code meanwhile."""

    def __init__(self, db_path: Path) -> None:
        self._db_path = db_path
        self._error: migrate.StoreError | None = None
        self._thread = threading.Thread(target=self._run, name="kedut-quick-check", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        _on_idle_time_only()
        try:
            _refuse_damaged(self._db_path)
        except migrate.StoreError as error:
            self._error = error

    def result(self) -> None:
        self._thread.join()
        if self._error is not None:
            raise migrate.StoreError(f"{self._error}{_backup_hint(self._db_path)}")


def _on_idle_time_only() -> None:
    """This thread runs on processor time nothing else wants (SCHED_IDLE, Linux): on two
    cores the window being made, the X server and the GL renderer want both."""
    if hasattr(os, "sched_setscheduler") and hasattr(os, "SCHED_IDLE"):
        # Not allowed here: then it runs as any thread does.
        with contextlib.suppress(OSError):
            os.sched_setscheduler(0, os.SCHED_IDLE, os.sched_param(0))


def _refuse_damaged(db_path: Path) -> None:
    """A store that fails SQLite's quick check is never written to or migrated; one that
    passes is put in WAL mode (reads until then leave its journal mode alone)."""
    verdict = quick_check(db_path)
    if verdict != "ok":
        raise migrate.StoreError(f"{db_path} is damaged ({verdict}) and was left untouched")
    use_wal(db_path)


def _backup_hint(db_path: Path) -> str:
    from tracker.storage.backups import latest_backup

    latest = latest_backup(db_path.parent)
    if latest is None:
        return ""
    return f"; the latest backup is {latest} (restore it with: restore {latest})"


def open_store(data_dir: Path, *, check_later: bool = False) -> Store:
    """Open (creating if needed) the store in `data_dir`, migrated to the current schema.

    Raises migrate.StoreError, leaving the file untouched, when it is not a Kedut store
    or was written by a newer Kedut. With `check_later`, a store that needs no migration
    is checked for damage in the background: the caller must call `wait_for_check()`
    before it writes or trusts what it read (the app does, before its first frame)."""
    ensure_private_dir(data_dir)
    db_path = data_dir / DB_FILENAME
    ensure_private_file(db_path)
    try:
        revision = migrate.stored_revision(db_path)  # refuse a foreign file first
        if check_later and revision == migrate.HEAD_REVISION:
            store = Store(data_dir, db_path)
            store._health = _HealthCheck(db_path)
            return store
        _refuse_damaged(db_path)
    except migrate.StoreError as error:
        raise migrate.StoreError(f"{error}{_backup_hint(db_path)}") from error
    store = Store(data_dir, db_path)
    if revision != migrate.HEAD_REVISION:
        try:
            migrate.upgrade(store.engine, db_path)
        except BaseException:
            store.close()
            raise
    return store
