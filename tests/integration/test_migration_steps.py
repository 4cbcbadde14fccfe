"""Each migration upgrades a store filled at the previous revision and keeps every row."""

from __future__ import annotations

import datetime as dt
import sqlite3
import uuid
from pathlib import Path

from alembic import command

from tests.integration.kedut_cli import TABLES, kedut
from tracker.domain.identity import day_uuid, settings_uuid
from tracker.storage import open_store, sqlite
from tracker.storage.engine import make_engine
from tracker.storage.migrate import HEAD_REVISION, alembic_config
from tracker.storage.paths import ensure_private_file

STAMP = "2026-11-24 16:31:00.000000"
ROWS_AT_0001: list[tuple[str, tuple[object, ...]]] = [
    ("profile", (1, "Ani", "female", "2026-01-01 00:00:00.000000")),
    ("settings", (1, "id", 2000, "20:30", 3, 14, 7)),
    (
        "twitch_episode",
        (
            1,
            1,
            "2026-11-24 16:30:00.000000",
            420,
            "2026-11-24",
            40,
            "knee",
            "left",
            2,
            "night",
            1,
            0,
            0,
            0,
            0,
            "kedut",
            STAMP,
            STAMP,
            None,
        ),
    ),
    (
        "twitch_episode",
        (
            2,
            1,
            "2026-11-25 01:00:00.000000",
            420,
            "2026-11-25",
            None,
            "calf",
            "right",
            1,
            None,
            0,
            0,
            0,
            0,
            0,
            None,
            STAMP,
            STAMP,
            STAMP,
        ),
    ),
    ("day_log", (1, "2026-11-24", 6.5, 2, 1500, 30, "moderate", 2, 95, 0.0, 0, 1, None, 0, "ok")),
    ("medication", (1, 1, "Furosemide", "diuretic", "2026-11-01", None)),
    ("remedy_use", (1, 1, "2026-11-24", "stretching", 3, None)),
]


def _dump(db_path: Path) -> dict[str, list[tuple[object, ...]]]:
    with sqlite3.connect(db_path) as con:
        return {t: con.execute(f"SELECT * FROM {t} ORDER BY 1").fetchall() for t in TABLES}  # noqa: S608 - fixed names


def _upgrade(db_path: Path, revision: str) -> None:
    """Step to `revision` as the app upgrades (tracker.storage.migrate.upgrade): with
    foreign keys off, or a batch migration's table copy cascades deletes through the
    diary and a test would compare empty tables."""
    engine = make_engine(db_path)
    config = alembic_config()
    with engine.connect() as connection:
        driver = connection.connection.driver_connection
        assert driver is not None
        sqlite.foreign_keys_off(driver, on=False)
        with connection.begin():
            config.attributes["connection"] = connection
            command.upgrade(config, revision)
    engine.dispose()


def _store_at(revision: str, data_dir: Path) -> Path:
    db_path = ensure_private_file(data_dir / "kedut.sqlite3")
    _upgrade(db_path, revision)
    return db_path


def _store_at_0001_with_rows(data_dir: Path) -> Path:
    """A store as the first release left it, holding one row of every kind."""
    db_path = _store_at("0001", data_dir)
    with sqlite3.connect(db_path) as con:
        for table, values in ROWS_AT_0001:
            marks = ", ".join("?" * len(values))
            con.execute(f"INSERT INTO {table} VALUES ({marks})", values)  # noqa: S608 - fixed names
    return db_path


def test_0002_keeps_every_row_and_adds_the_warnings_index(tmp_path: Path) -> None:
    db_path = _store_at_0001_with_rows(tmp_path)
    before = _dump(db_path)
    assert all(before[t] for t in TABLES)

    _upgrade(db_path, "0002")

    assert _dump(db_path) == before
    with sqlite3.connect(db_path) as con:
        (revision,) = con.execute("SELECT version_num FROM alembic_version").fetchone()
        index_sql = con.execute(
            "SELECT sql FROM sqlite_master WHERE name = 'ix_twitch_episode_live_site_day'"
        ).fetchone()
    assert revision == "0002"
    assert "WHERE deleted_at IS NULL" in index_sql[0]


def test_0003_gives_every_row_an_identity_and_keeps_every_value(tmp_path: Path) -> None:
    db_path = _store_at_0001_with_rows(tmp_path)
    _upgrade(db_path, "0002")
    before = _dump(db_path)

    open_store(tmp_path).close()  # the app's own start-up path brings it to head

    after = _dump(db_path)
    for table in TABLES:
        # Every row is still there with every value; the new columns come after them.
        assert [row[: len(before[table][0])] for row in after[table]] == before[table]
    with sqlite3.connect(db_path) as con:
        con.row_factory = sqlite3.Row
        (revision,) = con.execute("SELECT version_num FROM alembic_version").fetchone()
        rows = {t: con.execute(f"SELECT * FROM {t}").fetchall() for t in TABLES}  # noqa: S608 - fixed names
    assert revision == HEAD_REVISION
    uuids = [str(uuid.UUID(row["uuid"])) for t in TABLES for row in rows[t]]
    assert len(set(uuids)) == len(uuids) == sum(len(before[t]) for t in TABLES)
    assert all(row["updated_at"] for t in TABLES for row in rows[t])
    new_tombstones = [t for t in TABLES if t != "twitch_episode"]  # episodes had them already
    assert all(row["deleted_at"] is None for t in new_tombstones for row in rows[t])
    assert [row["deleted_at"] for row in rows["twitch_episode"]] == [None, STAMP]
    profile_uuid = rows["profile"][0]["uuid"]
    # Derived identities: one day logged on two devices is one record.
    assert rows["day_log"][0]["uuid"] == day_uuid(profile_uuid, dt.date(2026, 11, 24))
    assert rows["settings"][0]["uuid"] == settings_uuid(profile_uuid)


def test_0005_keeps_every_row_and_the_daily_series_reads_only_its_index(tmp_path: Path) -> None:
    db_path = _store_at_0001_with_rows(tmp_path)
    _upgrade(db_path, "0004")
    before = _dump(db_path)
    assert all(before[table] for table in TABLES)  # rows to keep, in every table

    _upgrade(db_path, "0005")

    assert _dump(db_path) == before
    with sqlite3.connect(db_path) as con:
        (revision,) = con.execute("SELECT version_num FROM alembic_version").fetchone()
        (index_sql,) = con.execute(
            "SELECT sql FROM sqlite_master WHERE name = 'ix_twitch_episode_live_day'"
        ).fetchone()
        plan = con.execute(
            "EXPLAIN QUERY PLAN SELECT local_date, count(*), max(intensity), sum(duration_s)"
            " FROM twitch_episode WHERE profile_id = 1 AND deleted_at IS NULL"
            " AND local_date BETWEEN '2026-01-01' AND '2026-12-31' GROUP BY local_date"
        ).fetchall()
    assert revision == "0005"
    assert "WHERE deleted_at IS NULL" in index_sql
    assert "ix_twitch_episode_live_day" in str(plan)


def test_0006_keeps_every_row_and_adds_the_reports_indexes(tmp_path: Path) -> None:
    db_path = _store_at_0001_with_rows(tmp_path)
    _upgrade(db_path, "0002")
    before = _dump(db_path)

    open_store(tmp_path).close()  # the app's own start-up path: 0003 … 0006

    after = _dump(db_path)
    for table in TABLES:
        assert [row[: len(before[table][0])] for row in after[table]] == before[table]
    with sqlite3.connect(db_path) as con:
        (revision,) = con.execute("SELECT version_num FROM alembic_version").fetchone()
        indexes = dict(
            con.execute(
                "SELECT name, sql FROM sqlite_master WHERE name IN"
                " ('ix_twitch_episode_live_start', 'ix_twitch_episode_live_red_flag')"
            ).fetchall()
        )
        flagged = con.execute(
            "SELECT id FROM twitch_episode INDEXED BY ix_twitch_episode_live_red_flag"
            " WHERE profile_id = 1 AND deleted_at IS NULL AND local_date <= '2026-12-31'"
            " AND (pain = 1 OR swelling = 1 OR warmth = 1 OR numbness_tingling = 1"
            " OR weakness = 1)"
        ).fetchall()
    assert revision == HEAD_REVISION
    assert sorted(indexes) == ["ix_twitch_episode_live_red_flag", "ix_twitch_episode_live_start"]
    assert all("WHERE deleted_at IS NULL" in sql for sql in indexes.values())
    assert flagged == [(1,)]  # the live episode with pain


def test_0007_fills_the_per_day_summary_from_the_live_episodes_only(tmp_path: Path) -> None:
    """A diary at 0006 holds two live episodes of one day and place (one without a
    duration), a deleted one and one of another profile: the summary sums the live
    ones of each (profile, site, side, day), and its triggers keep it from then on."""
    db_path = _store_at("0006", tmp_path)
    episodes = [  # (id, profile, day, duration, site, side, intensity, deleted)
        (1, 1, "2026-11-24", 40, "knee", "left", 2, None),
        (2, 1, "2026-11-24", None, "knee", "left", 3, None),
        (3, 1, "2026-11-25", None, "calf", "right", 1, STAMP),
        (4, 2, "2026-11-24", None, "knee", "left", 1, None),
    ]
    with sqlite3.connect(db_path) as con:
        for n, name in ((1, "Ani"), (2, "Budi")):
            con.execute(
                "INSERT INTO profile (id, name, sex, created_at, uuid, updated_at)"
                " VALUES (?, ?, 'female', ?, ?, ?)",
                (n, name, STAMP, str(uuid.uuid4()), STAMP),
            )
        for row in episodes:
            con.execute(
                "INSERT INTO twitch_episode (id, profile_id, local_date, duration_s, body_site,"
                " side, intensity, deleted_at, started_at, utc_offset_min, pain, swelling,"
                " warmth, numbness_tingling, weakness, created_at, updated_at, uuid) VALUES"
                " (?, ?, ?, ?, ?, ?, ?, ?, ?, 420, 0, 0, 0, 0, 0, ?, ?, ?)",
                (*row, STAMP, STAMP, STAMP, str(uuid.uuid4())),
            )
    before = _dump(db_path)
    assert len(before["twitch_episode"]) == 4

    _upgrade(db_path, "0007")

    assert _dump(db_path) == before
    with sqlite3.connect(db_path) as con:
        summary = con.execute("SELECT * FROM episode_day ORDER BY 1, 2, 4").fetchall()
        triggers = con.execute(
            "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'twitch_episode'"
            " AND name LIKE 'episode_day_%' ORDER BY name"
        ).fetchall()
        # The deleted calf episode is brought back: its day appears.
        con.execute("UPDATE twitch_episode SET deleted_at = NULL WHERE id = 3")
        undeleted = con.execute(
            "SELECT * FROM episode_day WHERE local_date = '2026-11-25'"
        ).fetchall()
    # (profile, site, side, day, episodes, strongest, summed duration: NULL adds nothing)
    assert summary == [
        (1, "knee", "left", "2026-11-24", 2, 3, 40),
        (2, "knee", "left", "2026-11-24", 1, 1, None),
    ]
    assert triggers == [("episode_day_delete",), ("episode_day_insert",), ("episode_day_update",)]
    assert undeleted == [(1, "calf", "right", "2026-11-25", 1, 1, None)]


def test_check_on_a_diary_not_opened_since_an_update_says_it_will_be_upgraded(
    tmp_path: Path,
) -> None:
    """A diary at an older schema of Kedut's own is healthy: `check` (which only reads)
    says it is brought up to date when next opened, and succeeds (it said "expected
    0007" and failed)."""
    db_path = _store_at("0006", tmp_path)
    before = db_path.read_bytes()
    result = kedut(tmp_path, "check")
    assert result.returncode == 0, result.stdout + result.stderr
    assert (
        f"schema: 0006 (older; brought up to {HEAD_REVISION} the next time the diary is opened)"
        in result.stdout
    )
    assert db_path.read_bytes() == before
