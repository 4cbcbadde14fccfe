"""The outbox (DESIGN.md: "every local edit writes its row and a pending-change record,
with its own change id, in the same SQLite transaction"): written by the store itself,
for every writer, only while the device syncs, and never half."""

from __future__ import annotations

import datetime as dt
import importlib
import sqlite3
from pathlib import Path

import pytest

from tests.integration.kedut_cli import kedut
from tracker.services import care, days, episodes, profiles
from tracker.storage import UnitOfWork, open_store
from tracker.storage.sqlite import installed_triggers, outbox_trigger_names
from tracker.storage.sync.wire import SYNCED

DAY = dt.date(2026, 11, 20)
AT = dt.datetime(2026, 11, 20, 21, 30, tzinfo=dt.timezone(dt.timedelta(hours=7)))


def _outbox(db: Path) -> list[tuple[str, str, str]]:
    with sqlite3.connect(db) as con:
        return con.execute(
            "SELECT table_name, op, record_uuid FROM sync_outbox ORDER BY seq"
        ).fetchall()


def _join(data_dir: Path) -> None:
    """Join a household as the first sync does (no server needed for the store's part)."""
    store = open_store(data_dir)
    with UnitOfWork(store) as uow:
        uow.sync.join("5b0c4bd2-9a5e-4c43-9f4d-2d1b5e0a7c11")
        uow.commit()
    store.close()


def test_every_synced_table_has_its_triggers_over_all_of_its_columns(tmp_path: Path) -> None:
    migration = importlib.import_module("tracker.storage.migrations.versions.0004_sync")
    store = open_store(tmp_path)
    with store.engine.connect() as connection:
        triggers = installed_triggers(connection)
    store.close()
    for name, spec in SYNCED.items():
        assert set(migration.OUTBOX_COLUMNS[name]) == set(spec.columns), name
        for trigger in outbox_trigger_names(name):
            assert trigger in triggers, trigger
        for column in spec.columns:
            assert f"OLD.{column}" in triggers[f"sync_outbox_{name}_update"], (name, column)


def test_a_device_that_does_not_sync_records_nothing(tmp_path: Path) -> None:
    assert kedut(tmp_path, "log", "twitch").returncode == 0
    assert (
        kedut(tmp_path, "log", "day", "--date", "2026-11-20", "--water-ml", "900").returncode == 0
    )
    assert _outbox(tmp_path / "kedut.sqlite3") == []


def test_every_writer_records_its_change_in_the_same_transaction(tmp_path: Path) -> None:
    _join(tmp_path)
    db = tmp_path / "kedut.sqlite3"
    queued = _outbox(db)
    assert queued == []  # a new store has nothing to queue

    store = open_store(tmp_path)
    logged = episodes.log_twitch(store, None, at=AT, side="left")
    assert logged.episode.id is not None
    episodes.edit_episode(store, 1, logged.episode.id, intensity=3)
    episodes.delete_episode(store, 1, logged.episode.id)
    days.save_day(store, None, DAY, water_ml=1500)
    care.add_medication(store, None, name="Furosemide", kind="diuretic", started_on=DAY)
    care.log_remedy(store, None, day=DAY, remedy="rest", helped=2)
    profiles.save_settings(store, 1, profiles.get_settings(store, 1))
    profiles.rename_profile(store, 1, "Ani")
    store.close()
    recorded = _outbox(db)
    assert [(t, op) for t, op, _u in recorded] == [
        ("profile", "insert"),
        ("twitch_episode", "insert"),
        ("twitch_episode", "update"),
        ("twitch_episode", "update"),
        ("day_log", "insert"),
        ("medication", "insert"),
        ("remedy_use", "insert"),
        ("settings", "insert"),
        ("profile", "update"),
    ]
    with sqlite3.connect(db) as con:
        ids = [row[0] for row in con.execute("SELECT change_id FROM sync_outbox")]
        (base,) = con.execute(
            "SELECT base FROM sync_outbox WHERE table_name = 'twitch_episode' AND op = 'update'"
            " ORDER BY seq LIMIT 1"
        ).fetchone()
    assert len(set(ids)) == len(ids) and all(len(i) == 36 for i in ids)
    assert '"intensity":1' in base  # the record as it was before the edit

    # An import (many rows at once) records each of them; a refused one records nothing.
    folder = tmp_path / "csv"
    folder.mkdir()
    header = (
        "date,sleep_h,sleep_quality,water_ml,exercise_min,exercise_intensity,stress,"
        "caffeine_mg,alcohol_units,diarrhea,calcium_rich_food,magnesium_rich_food,"
        "vitamin_supplement,note\n"
    )
    (folder / "days.csv").write_text(
        header + "2026-11-18,,,800,,,,,,,,,,\n2026-11-19,,,900,,,,,,,,,,\n"
    )
    assert kedut(tmp_path, "import", str(folder)).returncode == 0
    assert [t for t, _op, _u in _outbox(db)[len(recorded) :]] == ["day_log", "day_log"]
    (folder / "days.csv").write_text(
        header + "2026-11-16,,,800,,,,,,,,,,\n2026-11-17,,,lots,,,,,,,,,,\n"
    )
    before = _outbox(db)
    assert kedut(tmp_path, "import", str(folder)).returncode == 2
    assert _outbox(db) == before


def test_a_refused_entry_leaves_no_pending_change(tmp_path: Path) -> None:
    _join(tmp_path)
    store = open_store(tmp_path)
    with pytest.raises(ValueError, match="Water"):
        days.save_day(store, None, DAY, water_ml=90000)
    store.close()
    assert _outbox(tmp_path / "kedut.sqlite3") == []


def _episodes_csv(folder: Path, count: int) -> None:
    folder.mkdir(exist_ok=True)
    lines = [f"2026-11-{1 + n // 24:02d}T{n % 24:02d}:15+07:00,left,2\n" for n in range(count)]
    (folder / "episodes.csv").write_text("started_at,side,intensity\n" + "".join(lines))


def test_an_import_queues_one_insert_per_new_row_in_file_order(tmp_path: Path) -> None:
    """The bulk insert writes its outbox entries in one statement, not through the
    trigger row by row: the outbox and the triggers end up as row by row."""
    _join(tmp_path)
    db = tmp_path / "kedut.sqlite3"
    store = open_store(tmp_path)
    with store.engine.connect() as connection:
        triggers = installed_triggers(connection)
    episodes.log_twitch(store, None, at=AT, side="left")
    store.close()
    before = _outbox(db)
    folder = tmp_path / "csv"
    _episodes_csv(folder, 30)
    assert kedut(tmp_path, "import", str(folder)).returncode == 0
    with sqlite3.connect(db) as con:
        stored = [uuid for (uuid,) in con.execute("SELECT uuid FROM twitch_episode ORDER BY id")]
        rows = con.execute(
            "SELECT change_id, base_version, base, made_at FROM sync_outbox ORDER BY seq"
        ).fetchall()
    queued = _outbox(db)[len(before) :]
    assert queued == [("twitch_episode", "insert", uuid) for uuid in stored[1:]]
    assert all(base_version is None and base is None for _c, base_version, base, _m in rows)
    assert len({change_id for change_id, *_rest in rows}) == len(rows)
    assert all(len(made_at) == 23 for *_rest, made_at in rows)
    store = open_store(tmp_path)
    with store.engine.connect() as connection:
        assert installed_triggers(connection) == triggers
    # The trigger is back: an entry logged after the import is queued as always.
    episodes.log_twitch(store, None, at=AT + dt.timedelta(hours=1))
    store.close()
    assert len(_outbox(db)) == len(before) + 31


def test_an_import_that_ends_before_its_commit_leaves_triggers_and_outbox_as_they_were(
    tmp_path: Path,
) -> None:
    from tracker.formats.sources import ImportCancelled
    from tracker.services.exchange import import_path

    _join(tmp_path)
    db = tmp_path / "kedut.sqlite3"
    folder = tmp_path / "csv"
    _episodes_csv(folder, 12)
    before = _outbox(db)
    store = open_store(tmp_path)
    with store.engine.connect() as connection:
        triggers = installed_triggers(connection)
    with pytest.raises(ImportCancelled):
        import_path(store, None, folder, cancelled=lambda: True)
    with store.engine.connect() as connection:
        assert installed_triggers(connection) == triggers
    store.close()
    with sqlite3.connect(db) as con:
        assert con.execute("SELECT count(*) FROM twitch_episode").fetchone() == (0,)
        assert con.execute("SELECT count(*) FROM episode_day").fetchone() == (0,)
    assert _outbox(db) == before


def test_an_import_into_a_device_that_does_not_sync_queues_nothing(tmp_path: Path) -> None:
    folder = tmp_path / "csv"
    _episodes_csv(folder, 12)
    assert kedut(tmp_path, "import", str(folder)).returncode == 0
    assert _outbox(tmp_path / "kedut.sqlite3") == []


def test_a_bulk_insert_stopped_by_a_full_disk_says_so_and_keeps_its_trigger(
    tmp_path: Path,
) -> None:
    """A full disk can roll the whole transaction back, the trigger's drop with it: the
    error that reaches the person is the full disk, not "trigger already exists"."""
    import uuid

    from sqlalchemy.exc import OperationalError

    from tracker.storage.sqlite import insert_many

    _join(tmp_path)
    store = open_store(tmp_path)
    episodes.log_twitch(store, None, at=AT)
    statement = (
        "INSERT INTO twitch_episode (profile_id, started_at, utc_offset_min, local_date,"
        " body_site, side, intensity, pain, swelling, warmth, numbness_tingling, weakness,"
        " note, created_at, updated_at, uuid) VALUES (1, '2026-11-20 14:30:00.000000', 420,"
        " '2026-11-20', 'knee', 'left', 1, 0, 0, 0, 0, 0, ?, '2026-11-20 14:30:00.000000',"
        " '2026-11-20 14:30:00.000000', ?)"
    )
    rows = [("a long note " * 250, str(uuid.uuid4())) for _ in range(3000)]
    with store.engine.connect() as connection:
        before = installed_triggers(connection)
        pages = connection.exec_driver_sql("PRAGMA page_count").scalar()
        connection.exec_driver_sql(f"PRAGMA max_page_count={int(pages or 0) + 5}")
        connection.commit()
        with (
            pytest.raises(OperationalError, match="database or disk is full"),
            connection.begin(),
        ):
            insert_many(connection, "twitch_episode", statement, rows)
        assert installed_triggers(connection) == before
    store.close()
    with sqlite3.connect(tmp_path / "kedut.sqlite3") as con:
        assert con.execute("SELECT count(*) FROM twitch_episode").fetchone() == (1,)
        # The per-day summary, whose insert trigger the bulk insert drops too, holds the
        # one episode logged before.
        assert con.execute("SELECT episodes FROM episode_day").fetchall() == [(1,)]
    assert [op for _table, op, _uuid in _outbox(tmp_path / "kedut.sqlite3")] == ["insert"] * 2
