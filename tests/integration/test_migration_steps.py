"""Each migration upgrades a store filled at the previous revision and keeps every row."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from alembic import command

from tests.integration.kedut_cli import TABLES
from tracker.storage import open_store
from tracker.storage.engine import make_engine
from tracker.storage.migrate import HEAD_REVISION, alembic_config
from tracker.storage.paths import ensure_private_file

ROWS_AT_0001 = [
    "INSERT INTO profile VALUES (1, 'Ani', 'female', '2026-01-01 00:00:00.000000')",
    "INSERT INTO settings VALUES (1, 'id', 2000, '20:30', 3, 14, 7)",
    "INSERT INTO twitch_episode VALUES"
    " (1, 1, '2026-11-24 16:30:00.000000', 420, '2026-11-24', 40, 'knee', 'left', 2, 'night', 1, 0, 0, 0, 0, 'kedut', '2026-11-24 16:31:00.000000',"
    " '2026-11-24 16:31:00.000000', NULL)",
    "INSERT INTO twitch_episode VALUES"
    " (2, 1, '2026-11-25 01:00:00.000000', 420, '2026-11-25', NULL, 'calf', 'right', 1, NULL, 0, 0, 0, 0, 0, NULL, '2026-11-25 01:00:00.000000',"
    " '2026-11-25 01:00:00.000000', '2026-11-25 02:00:00.000000')",
    "INSERT INTO day_log VALUES"
    " (1, '2026-11-24', 6.5, 2, 1500, 30, 'moderate', 2, 95, 0.0, 0, 1, NULL, 0, 'ok')",
    "INSERT INTO medication VALUES (1, 1, 'Furosemide', 'diuretic', '2026-11-01', NULL)",
    "INSERT INTO remedy_use VALUES (1, 1, '2026-11-24', 'stretching', 3, NULL)",
]


def _dump(db_path: Path) -> dict[str, list[tuple[object, ...]]]:
    with sqlite3.connect(db_path) as con:
        return {t: con.execute(f"SELECT * FROM {t} ORDER BY 1").fetchall() for t in TABLES}  # noqa: S608 - fixed names


def _store_at(revision: str, data_dir: Path) -> Path:
    db_path = ensure_private_file(data_dir / "kedut.sqlite3")
    engine = make_engine(db_path)
    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)
    engine.dispose()
    return db_path


def test_0002_keeps_every_row_and_adds_the_warnings_index(tmp_path: Path) -> None:
    db_path = _store_at("0001", tmp_path)
    with sqlite3.connect(db_path) as con:
        for statement in ROWS_AT_0001:
            con.execute(statement)
    before = _dump(db_path)
    assert all(before[t] for t in TABLES)

    open_store(tmp_path).close()

    assert _dump(db_path) == before
    with sqlite3.connect(db_path) as con:
        (revision,) = con.execute("SELECT version_num FROM alembic_version").fetchone()
        index_sql = con.execute(
            "SELECT sql FROM sqlite_master WHERE name = 'ix_twitch_episode_live_site_day'"
        ).fetchone()
    assert revision == HEAD_REVISION
    assert "WHERE deleted_at IS NULL" in index_sql[0]
