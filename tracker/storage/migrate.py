"""Schema migrations, run at every start.

Importing Alembic costs a noticeable part of the start-up budget, so the common case
(the store is already at `HEAD_REVISION`) is decided with one plain SQLite query, and
Alembic is imported only when there is something to upgrade. A test keeps
`HEAD_REVISION` equal to the newest revision in `migrations/versions`.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from tracker.i18n import gettext as _

if TYPE_CHECKING:
    from alembic.config import Config
    from sqlalchemy.engine import Engine

HEAD_REVISION = "0007"
MIGRATIONS_DIR = Path(__file__).parent / "migrations"


class StoreError(Exception):
    """The store cannot be used as it is; the message says why and what to do."""


def stored_revision(db_path: Path) -> str | None:
    """The schema revision recorded in the store, or None for a new, empty store.

    Raises StoreError for a file that is not a Kedut store (never touched then)."""
    from tracker.storage.sqlite import StoreFileError, read_revision

    try:
        return read_revision(db_path)[0]
    except StoreFileError as error:
        raise StoreError(_("{reason}; it was left untouched").format(reason=error)) from error


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
            _(
                "{path} was written by a newer version of Kedut (schema {revision}); "
                "update Kedut to open it. The diary was left untouched."
            ).format(path=db_path, revision=revision)
        )
    from alembic import command

    from tracker.storage import sqlite

    config = alembic_config()
    with engine.connect() as connection:
        # Batch migrations copy a table, drop the old one and rename the copy. With
        # foreign keys on, SQLite's DROP TABLE deletes the old rows first and cascades
        # that to every child table: a migration of `profile` would erase the diary.
        # The pragma only works outside a transaction, so it goes to the driver first.
        driver = connection.connection.driver_connection
        assert driver is not None
        sqlite.foreign_keys_off(driver, on=False)
        try:
            with connection.begin():
                config.attributes["connection"] = connection
                command.upgrade(config, "head")
                broken = sqlite.broken_links(connection)
                if broken:
                    raise StoreError(f"{db_path}: the upgrade broke links {broken[:3]}; undone")
        finally:
            sqlite.foreign_keys_off(driver, on=True)
