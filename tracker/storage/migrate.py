"""Schema migrations, run at every start.

Importing Alembic costs a noticeable part of the start-up budget, so the common case
(the store is already at `HEAD_REVISION`) is decided with one plain SQLite query, and
Alembic is imported only when there is something to upgrade. A test keeps
`HEAD_REVISION` equal to the newest revision in `migrations/versions`.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from alembic.config import Config
    from sqlalchemy.engine import Engine

HEAD_REVISION = "0003"
MIGRATIONS_DIR = Path(__file__).parent / "migrations"


class StoreError(Exception):
    """The store cannot be used as it is; the message says why and what to do."""


def stored_revision(db_path: Path) -> str | None:
    """The schema revision recorded in the store, or None for a new, empty store.

    Raises StoreError for a file that is not a Kedut store (never touched then)."""
    try:
        with sqlite3.connect(f"file:{db_path}?mode=ro", uri=True) as con:
            tables = {row[0] for row in con.execute("SELECT name FROM sqlite_master")}
            if not tables:
                return None
            if "alembic_version" not in tables:
                raise StoreError(f"{db_path} is not a Kedut store; it was left untouched")
            row = con.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.DatabaseError as error:
        raise StoreError(f"{db_path} cannot be read as a Kedut store: {error}") from error
    return None if row is None else str(row[0])


def alembic_config() -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    return {
        script.revision for script in ScriptDirectory.from_config(alembic_config()).walk_revisions()
    }


def upgrade(engine: Engine, db_path: Path) -> None:
    """Bring the store to HEAD_REVISION; refuse a store written by a newer Kedut."""
    revision = stored_revision(db_path)
    if revision == HEAD_REVISION:
        return
    if revision is not None and revision not in known_revisions():
        raise StoreError(
            f"{db_path} was written by a newer version of Kedut (schema {revision}); "
            "update Kedut to open it. The store was left untouched."
        )
    from alembic import command

    config = alembic_config()
    with engine.connect() as connection:
        # Batch migrations copy a table, drop the old one and rename the copy. With
        # foreign keys on, SQLite's DROP TABLE deletes the old rows first and cascades
        # that to every child table: a migration of `profile` would erase the diary.
        # The pragma only works outside a transaction, so it goes to the driver first.
        driver = connection.connection.driver_connection
        assert driver is not None
        driver.execute("PRAGMA foreign_keys=OFF")
        try:
            with connection.begin():
                config.attributes["connection"] = connection
                command.upgrade(config, "head")
                broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                if broken:
                    raise StoreError(f"{db_path}: the upgrade broke links {broken[:3]}; undone")
        finally:
            driver.execute("PRAGMA foreign_keys=ON")
