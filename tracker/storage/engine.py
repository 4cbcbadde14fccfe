"""Opening the store: a private SQLite file, the pragmas that make it durable, and the
migrations that bring it up to date."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker

from tracker.storage import migrate
from tracker.storage.paths import DB_FILENAME, ensure_private_dir, ensure_private_file

BUSY_TIMEOUT_MS = 5000


def _on_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
    # Let SQLAlchemy's "begin" event issue BEGIN itself (see _on_begin).
    dbapi_connection.isolation_level = None
    for pragma in (
        "PRAGMA journal_mode=WAL",  # readers never block the writer
        "PRAGMA synchronous=FULL",  # an acknowledged commit survives power loss
        "PRAGMA foreign_keys=ON",
        f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}",  # wait for another writer, don't fail
    ):
        dbapi_connection.execute(pragma)


def _on_begin_write(connection: Any) -> None:
    # Take the write lock at the start of every writing transaction, so two writers
    # queue up on busy_timeout instead of failing later with "database is locked".
    connection.exec_driver_sql("BEGIN IMMEDIATE")


def _on_connect_read(dbapi_connection: sqlite3.Connection, record: Any) -> None:
    _on_connect(dbapi_connection, record)
    # A reader that tried to write would be a bug: SQLite refuses it outright.
    dbapi_connection.execute("PRAGMA query_only=ON")


def _on_begin_read(connection: Any) -> None:
    # A deferred transaction reads one consistent snapshot (WAL) and never takes the
    # write lock, so a long report never makes a logged twitch wait.
    connection.exec_driver_sql("BEGIN")


def make_engine(db_path: Path, *, write: bool = True) -> Engine:
    """An engine whose transactions either write (BEGIN IMMEDIATE) or only read."""
    # The app reads in worker threads (charts, reports); the pool hands each connection
    # to one thread at a time, so SQLite's same-thread check can be relaxed.
    engine = create_engine(f"sqlite:///{db_path}", connect_args={"check_same_thread": False})
    event.listen(engine, "connect", _on_connect if write else _on_connect_read)
    event.listen(engine, "begin", _on_begin_write if write else _on_begin_read)
    return engine


@dataclass(frozen=True)
class Store:
    """An open Kedut store: where it is, and one engine and session factory for writing
    units of work and one for reading ones."""

    data_dir: Path
    db_path: Path
    engine: Engine
    session_factory: sessionmaker[Session]
    read_engine: Engine
    read_session_factory: sessionmaker[Session]

    def close(self) -> None:
        self.engine.dispose()
        self.read_engine.dispose()


def _refuse_damaged(db_path: Path) -> None:
    """A store that fails SQLite's quick check is never written to or migrated."""
    with sqlite3.connect(f"file:{db_path}?mode=ro", uri=True) as con:
        try:
            verdict = str(con.execute("PRAGMA quick_check").fetchone()[0])
        except sqlite3.DatabaseError as error:
            verdict = str(error)
    if verdict != "ok":
        raise migrate.StoreError(f"{db_path} is damaged ({verdict}) and was left untouched")


def _backup_hint(db_path: Path) -> str:
    from tracker.storage.backups import latest_backup

    latest = latest_backup(db_path.parent)
    if latest is None:
        return ""
    return f"; the latest backup is {latest} (restore it with: restore {latest})"


def open_store(data_dir: Path) -> Store:
    """Open (creating if needed) the store in `data_dir`, migrated to the current schema.

    Raises migrate.StoreError, leaving the file untouched, when it is not a Kedut store
    or was written by a newer Kedut."""
    ensure_private_dir(data_dir)
    db_path = data_dir / DB_FILENAME
    ensure_private_file(db_path)
    try:
        migrate.stored_revision(db_path)  # refuse a foreign file before any pragma touches it
        _refuse_damaged(db_path)
    except migrate.StoreError as error:
        raise migrate.StoreError(f"{error}{_backup_hint(db_path)}") from error
    engine = make_engine(db_path)
    try:
        migrate.upgrade(engine, db_path)
    except BaseException:
        engine.dispose()
        raise
    read_engine = make_engine(db_path, write=False)
    return Store(
        data_dir=data_dir,
        db_path=db_path,
        engine=engine,
        session_factory=sessionmaker(engine, expire_on_commit=False),
        read_engine=read_engine,
        read_session_factory=sessionmaker(read_engine, expire_on_commit=False),
    )
