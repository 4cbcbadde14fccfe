"""The schema is built by the Alembic migrations, never by create_all, and a store is
only ever opened at a revision this Kedut knows."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from alembic.script import ScriptDirectory
from sqlalchemy import text

from tests.integration.kedut_cli import TABLES, kedut
from tracker.storage import StoreError, open_store
from tracker.storage.migrate import HEAD_REVISION, alembic_config


def test_head_revision_constant_is_the_newest_migration() -> None:
    assert ScriptDirectory.from_config(alembic_config()).get_current_head() == HEAD_REVISION


def test_migrations_build_every_table_from_an_empty_store(tmp_path: Path) -> None:
    store = open_store(tmp_path)
    store.close()
    with sqlite3.connect(tmp_path / "kedut.sqlite3") as con:
        tables = {
            row[0] for row in con.execute("SELECT name FROM sqlite_master WHERE type='table'")
        }
        (revision,) = con.execute("SELECT version_num FROM alembic_version").fetchone()
        indexes = {
            row[0] for row in con.execute("SELECT name FROM sqlite_master WHERE type='index'")
        }
    sync = {"sync_outbox", "sync_state", "sync_household", "sync_change", "sync_conflict"}
    assert set(TABLES) | sync | {"alembic_version", "episode_day"} == tables
    assert revision == HEAD_REVISION
    assert {"ix_twitch_episode_profile_day", "ix_twitch_episode_profile_started"} <= indexes


def test_every_connection_is_durable_and_checks_foreign_keys(tmp_path: Path) -> None:
    store = open_store(tmp_path)
    with store.engine.connect() as connection:
        pragmas = {
            name: connection.execute(text(f"PRAGMA {name}")).scalar()
            for name in ("journal_mode", "synchronous", "foreign_keys", "busy_timeout")
        }
    store.close()
    assert pragmas == {
        "journal_mode": "wal",
        "synchronous": 2,
        "foreign_keys": 1,
        "busy_timeout": 5000,
    }


def test_opening_a_current_store_again_keeps_its_rows(tmp_path: Path) -> None:
    assert kedut(tmp_path, "log", "twitch").returncode == 0
    store = open_store(tmp_path)
    store.close()
    with sqlite3.connect(tmp_path / "kedut.sqlite3") as con:
        assert con.execute("SELECT count(*) FROM twitch_episode").fetchone() == (1,)


def test_a_store_from_a_newer_kedut_is_refused_and_left_untouched(tmp_path: Path) -> None:
    open_store(tmp_path).close()
    db_path = tmp_path / "kedut.sqlite3"
    with sqlite3.connect(db_path) as con:
        con.execute("UPDATE alembic_version SET version_num = '9999'")
    before = db_path.read_bytes()
    with pytest.raises(StoreError, match="newer version of Kedut"):
        open_store(tmp_path)
    assert db_path.read_bytes() == before
    result = kedut(tmp_path, "list")
    assert result.returncode == 1
    assert "newer version of Kedut (schema 9999)" in result.stderr


def test_a_sqlite_database_of_another_program_is_not_migrated(tmp_path: Path) -> None:
    db_path = tmp_path / "kedut.sqlite3"
    with sqlite3.connect(db_path) as con:
        con.execute("CREATE TABLE recipes (name TEXT)")
    with pytest.raises(StoreError, match="is not a Kedut diary"):
        open_store(tmp_path)
    with sqlite3.connect(db_path) as con:
        tables = [row[0] for row in con.execute("SELECT name FROM sqlite_master")]
    assert tables == ["recipes"]
