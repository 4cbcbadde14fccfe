"""Random interleavings of logs, edits, deletes, day-log edits and syncs on two or three
devices (real SQLite stores, a real PostgreSQL server), then everyone syncs twice:
- every device holds the same data, and one more sync moves nothing;
- no entry that was logged vanished, unless a delete of it removed it;
- every value that was overwritten without its writer's knowledge is in the conflicts
  table (values are unique, so each write can be followed)."""

from __future__ import annotations

import datetime as dt
import itertools
import shutil
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.pg_server import PgServer
from tests.sync.devices import snapshot
from tracker.services import conflicts, days, episodes, profiles
from tracker.services.sync import sync
from tracker.storage import Store, UnitOfWork, open_store

DAYS = [dt.date(2026, 11, 20) + dt.timedelta(days=n) for n in range(3)]
DAY_FIELDS = ("water_ml", "sleep_quality", "note")
START = dt.datetime(2026, 11, 20, 7, 0, tzinfo=dt.timezone(dt.timedelta(hours=7)))
_databases = itertools.count(1)

Op = tuple[Any, ...]
device_no = st.integers(0, 2)
operations = st.one_of(
    st.tuples(st.just("log"), device_no),
    st.tuples(st.just("edit"), device_no, st.integers(0, 50)),
    st.tuples(st.just("delete"), device_no, st.integers(0, 50)),
    st.tuples(st.just("day"), device_no, st.sampled_from(DAYS), st.sampled_from(DAY_FIELDS)),
    st.tuples(st.just("sync"), device_no),
)


class World:
    """N devices, and what the test knows about what they did."""

    def __init__(self, pg: PgServer, count: int) -> None:
        self.root = Path(tempfile.mkdtemp(prefix="kedut-prop-"))
        self.url = pg.create_database(f"prop_{next(_databases)}")
        self.stores: list[Store] = [open_store(self.root / f"d{n}") for n in range(count)]
        self.counter = itertools.count(1)
        self.logged: set[str] = set()
        self.deleted: set[str] = set()
        self.written: set[tuple[str, str, object]] = set()  # (record uuid, field, value)
        self.seen_over: set[tuple[str, str, object]] = set()  # overwritten knowingly
        profiles.create_profile(self.stores[0], "Me")
        for store in self.stores:
            sync(store, self.url)

    def close(self) -> None:
        for store in self.stores:
            store.close()
        shutil.rmtree(self.root, ignore_errors=True)

    def live(self, store: Store) -> list[Any]:
        return sorted(episodes.episodes_between(store, 1), key=lambda e: e.started_at)

    def apply(self, op: Op) -> None:
        store = self.stores[op[1] % len(self.stores)]
        number = next(self.counter)
        if op[0] == "log":
            at = START + dt.timedelta(minutes=number)
            logged = episodes.log_twitch(store, "Me", at=at, note=f"n{number}")
            self.logged.add(str(logged.episode.uuid))
            self.written.add((str(logged.episode.uuid), "note", f"n{number}"))
        elif op[0] in ("edit", "delete"):
            live = self.live(store)
            if not live:
                return
            episode = live[op[2] % len(live)]
            assert episode.id is not None and episode.uuid is not None
            if op[0] == "delete":
                episodes.delete_episode(store, 1, episode.id)
                self.deleted.add(episode.uuid)
            else:
                self.seen_over.add((episode.uuid, "note", episode.note))
                episodes.edit_episode(store, 1, episode.id, note=f"n{number}")
                self.written.add((episode.uuid, "note", f"n{number}"))
        elif op[0] == "day":
            day, field = op[2], op[3]
            value: object = {"water_ml": number * 10, "sleep_quality": number % 5}.get(
                field, f"d{number}"
            )
            current = days.day_log(store, 1, day)
            change: dict[str, Any] = {field: value}
            saved = days.save_day(store, "Me", day, **change)
            uuid = str(saved.day_log.uuid)
            self.seen_over.add((uuid, field, getattr(current, field)))
            self.written.add((uuid, field, value))
        else:
            sync(store, self.url)

    def settle(self) -> None:
        for _round in range(2):
            for store in self.stores:
                sync(store, self.url)


def _values(store: Store) -> dict[tuple[str, str], object]:
    found: dict[tuple[str, str], object] = {}
    with UnitOfWork.reading(store) as uow:
        for episode in uow.episodes.everything(1):
            found[(str(episode.uuid), "note")] = episode.note
        for day in uow.days.everything(1):
            for field in DAY_FIELDS:
                found[(str(day.uuid), field)] = getattr(day, field)
    return found


@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(count=st.integers(2, 3), ops=st.lists(operations, min_size=1, max_size=25))
def test_random_interleavings_converge_and_lose_nothing(
    pg_server: PgServer, monkeypatch: pytest.MonkeyPatch, count: int, ops: list[Op]
) -> None:
    monkeypatch.setenv("PGPASSWORD", "household-secret")
    if not pg_server.running():
        pg_server.start()
    world = World(pg_server, count)
    try:
        for op in ops:
            world.apply(op)
        world.settle()
        for store in world.stores:  # settled: one more sync moves nothing
            report = sync(store, world.url)
            assert (report.pushed, report.pulled) == (0, 0)
        first = snapshot(world.stores[0].db_path)
        for store in world.stores[1:]:
            assert snapshot(store.db_path) == first

        store = world.stores[0]
        with UnitOfWork.reading(store) as uow:
            every = {str(e.uuid): e for e in uow.episodes.everything(1)}
        assert world.logged <= set(every)
        for uuid in world.logged - world.deleted:
            assert every[uuid].deleted_at is None, "an entry vanished that nobody deleted"

        final = _values(store)
        kept = {
            (c.conflict.record_uuid, c.conflict.field, value)
            for c in conflicts.open_conflicts(store)
            for value in (c.conflict.shown, c.conflict.other)
        }
        for uuid, field, value in world.written:
            if final.get((uuid, field)) == value or (uuid, field, value) in world.seen_over:
                continue
            assert (uuid, field, value) in kept, f"{field}={value!r} of {uuid} was dropped"
    finally:
        world.close()
