"""Opening the store: a private SQLite file (its pragmas live in tracker.storage.sqlite)
and the migrations that bring it up to date."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker

from tracker.storage import migrate
from tracker.storage.paths import DB_FILENAME, ensure_private_dir, ensure_private_file
from tracker.storage.sqlite import make_engine, quick_check

# The pragmas and transaction modes are SQLite's own: tracker.storage.sqlite keeps them.
__all__ = ["Store", "make_engine", "open_store"]


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
    verdict = quick_check(db_path)
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
