"""The per-day summary of live episodes (episode_day) is read by the insights, the
warnings ("see a doctor") and the report in place of the episodes: after any sequence of
writes, by every writer, it equals a recompute from twitch_episode."""

from __future__ import annotations

import dataclasses
import datetime as dt
import shutil
import sqlite3
import tempfile
import uuid
from pathlib import Path

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule

from tracker.domain import BodySite, Episode, Profile, Side
from tracker.services.exchange import import_path
from tracker.storage import UnitOfWork, backups, open_store
from tracker.storage.app_reads import app_reads
from tracker.storage.episode_days import EVERY_GROUP
from tracker.storage.migrate import HEAD_REVISION
from tracker.storage.sqlite import ConnectionRunner, device_transaction
from tracker.storage.sync.changes import Page, Pulled
from tracker.storage.sync.device import DeviceSync
from tracker.storage.sync.wire import SYNCED, from_sqlite

NOW = dt.datetime(2026, 11, 30, 12, 0, tzinfo=dt.UTC)
WIB = dt.timezone(dt.timedelta(hours=7))
SUMMARY = (
    "SELECT profile_id, local_date, body_site, side, episodes, max_intensity, total_duration_s"
    " FROM episode_day ORDER BY 1, 2, 3, 4"
)

sites = st.sampled_from([BodySite.KNEE, BodySite.CALF, BodySite.THIGH])
sides = st.sampled_from([Side.LEFT, Side.RIGHT, Side.BOTH])
days = st.integers(min_value=0, max_value=3)
intensities = st.integers(min_value=0, max_value=4)
durations = st.one_of(st.none(), st.integers(min_value=1, max_value=600))
picks = st.integers(min_value=0, max_value=10_000)


def _recomputed(db: Path) -> tuple[list[tuple[object, ...]], list[tuple[object, ...]]]:
    with sqlite3.connect(db) as con:
        return con.execute(SUMMARY).fetchall(), con.execute(
            f"{EVERY_GROUP} ORDER BY 1, 2, 3, 4"
        ).fetchall()


def _episode(site: BodySite, side: Side, day: int, intensity: int, duration: int | None) -> Episode:
    # 23:30 in Jakarta: the UTC day is the day before, the local day is the one asked for.
    at = dt.datetime(2026, 11, 20 + day, 23, 30, tzinfo=WIB) + dt.timedelta(seconds=day)
    return Episode(
        started_at=at.astimezone(dt.UTC),
        utc_offset_min=420,
        body_site=site,
        side=side,
        intensity=intensity,
        duration_s=duration,
    )


def _id(profile: Profile | None) -> int:
    assert profile is not None and profile.id is not None
    return profile.id


class Diary(RuleBasedStateMachine):
    """Random writes, by each writer of twitch_episode, on a real store file."""

    @initialize()
    def open(self) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix="kedut-summary-"))
        self.data_dir = self.folder / "data"
        self.store = open_store(self.data_dir)
        self.db = self.data_dir / "kedut.sqlite3"
        self.backup: Path | None = None
        with UnitOfWork(self.store) as uow:
            self.profiles = [_id(uow.profiles.add(Profile(name=n), NOW)) for n in ("Ani", "Budi")]
            uow.commit()

    def teardown(self) -> None:
        if hasattr(self, "store"):
            self.store.close()
            shutil.rmtree(self.folder, ignore_errors=True)

    def _ids(self) -> list[int]:
        with sqlite3.connect(self.db) as con:
            return [i for (i,) in con.execute("SELECT id FROM twitch_episode ORDER BY id")]

    def _pick(self, pick: int) -> tuple[int, int] | None:
        with sqlite3.connect(self.db) as con:
            rows = con.execute("SELECT id, profile_id FROM twitch_episode ORDER BY id").fetchall()
        return None if not rows else rows[pick % len(rows)]

    @rule(who=picks, site=sites, side=sides, day=days, strength=intensities, length=durations)
    def log_through_the_repository(
        self, who: int, site: BodySite, side: Side, day: int, strength: int, length: int | None
    ) -> None:
        with UnitOfWork(self.store) as uow:
            profile = self.profiles[who % len(self.profiles)]
            uow.episodes.add(profile, _episode(site, side, day, strength, length), NOW)
            uow.commit()

    @rule(who=picks, site=sites, side=sides, day=days, strength=intensities, length=durations)
    def log_through_the_plain_write(
        self, who: int, site: BodySite, side: Side, day: int, strength: int, length: int | None
    ) -> None:
        with app_reads(self.db, write=True) as reads:
            profile = self.profiles[who % len(self.profiles)]
            reads.add_episode(profile, _episode(site, side, day, strength, length), NOW)

    @rule(pick=picks, site=sites, side=sides, day=days, strength=intensities, length=durations)
    def edit(
        self, pick: int, site: BodySite, side: Side, day: int, strength: int, length: int | None
    ) -> None:
        found = self._pick(pick)
        if found is None:
            return
        episode_id, profile = found
        with UnitOfWork(self.store) as uow:
            old = uow.episodes.get(profile, episode_id)
            new = _episode(site, side, day, strength, length)
            fields = {f: getattr(new, f) for f in ("body_site", "side", "intensity", "duration_s")}
            changed = dataclasses.replace(old, started_at=new.started_at, **fields)
            uow.episodes.replace(profile, changed, NOW)
            uow.commit()

    @rule(pick=picks, deleted=st.booleans())
    def delete_or_undelete(self, pick: int, deleted: bool) -> None:
        found = self._pick(pick)
        if found is None:
            return
        episode_id, profile = found
        with UnitOfWork(self.store) as uow:
            uow.episodes.set_deleted(profile, episode_id, NOW if deleted else None, NOW)
            uow.commit()

    @rule(pick=picks)
    def erase(self, pick: int) -> None:
        found = self._pick(pick)
        if found is not None:
            with sqlite3.connect(self.db) as con:
                con.execute("DELETE FROM twitch_episode WHERE id = ?", (found[0],))

    @rule(pick=picks)
    def move_to_the_other_profile(self, pick: int) -> None:
        found = self._pick(pick)
        if found is not None:
            other = next(p for p in self.profiles if p != found[1])
            with sqlite3.connect(self.db) as con:
                con.execute(
                    "UPDATE twitch_episode SET profile_id = ? WHERE id = ?", (other, found[0])
                )

    @rule(who=picks)
    def remove_a_profile(self, who: int) -> None:
        """A profile erased takes its episodes with it (the cascade); another takes its place."""
        profile = self.profiles[who % len(self.profiles)]
        with UnitOfWork(self.store) as uow:
            uow.profiles.remove(profile)
            added = uow.profiles.add(Profile(name=f"P{uuid.uuid4().hex[:8]}"), NOW)
            uow.commit()
        self.profiles[self.profiles.index(profile)] = _id(added)

    @rule(
        who=picks,
        rows=st.lists(st.tuples(sites, sides, days, intensities, durations), max_size=6),
        deleted=st.booleans(),
    )
    def import_csv(
        self, who: int, rows: list[tuple[BodySite, Side, int, int, int | None]], deleted: bool
    ) -> None:
        folder = self.folder / f"csv-{uuid.uuid4().hex[:8]}"
        folder.mkdir()
        lines = []
        for n, (site, side, day, strength, length) in enumerate(rows):
            at = dt.datetime(2026, 11, 20 + day, 10, n, tzinfo=WIB).isoformat()
            lines.append(f"{at},{site.value},{side.value},{strength},{length or ''}\n")
        header = "started_at,body_site,side,intensity,duration_s\n"
        (folder / "episodes.csv").write_text(header + "".join(lines))
        with UnitOfWork.reading(self.store) as uow:
            owner = uow.profiles.get(self.profiles[who % len(self.profiles)])
        assert owner is not None
        import_path(self.store, owner.name, folder, now=lambda: NOW)

    @rule(pick=picks, site=sites, day=days, strength=intensities, new=st.booleans())
    def sync_apply(self, pick: int, site: BodySite, day: int, strength: int, new: bool) -> None:
        """A page pulled from the household server: a record new here, or a change of one."""
        spec = SYNCED["twitch_episode"]
        found = self._pick(pick)
        if found is None:
            return
        with sqlite3.connect(self.db) as con:
            con.row_factory = sqlite3.Row
            row = con.execute("SELECT * FROM twitch_episode WHERE id = ?", (found[0],)).fetchone()
            owner = con.execute("SELECT uuid FROM profile WHERE id = ?", (found[1],)).fetchone()[0]
        values = {c: from_sqlite(spec.kind(c), row[c]) for c in spec.columns}
        values.update(body_site=site.value, intensity=strength, local_date=f"2026-11-{20 + day}")
        record_uuid = str(uuid.uuid4()) if new else row["uuid"]
        page = Page([Pulled("twitch_episode", record_uuid, owner, values, 7)], 7, 1, True)
        with device_transaction(self.db, write=True) as runner:
            DeviceSync(ConnectionRunner(runner.connection)).apply(page)

    @rule()
    def back_up(self) -> None:
        self.backup = self.folder / f"backup-{uuid.uuid4().hex[:8]}.sqlite3"
        backups.copy_store(self.db, self.backup)

    @rule()
    def restore(self) -> None:
        if self.backup is None:
            return
        self.store.close()
        backups.restore(self.data_dir, self.backup, HEAD_REVISION, NOW)
        self.store = open_store(self.data_dir)
        with UnitOfWork.reading(self.store) as uow:
            self.profiles = [_id(p) for p in uow.profiles.list()][:2]
        while len(self.profiles) < 2:
            with UnitOfWork(self.store) as uow:
                made = _id(uow.profiles.add(Profile(name=f"P{uuid.uuid4().hex[:8]}"), NOW))
                uow.commit()
            self.profiles.append(made)

    @invariant()
    def the_summary_is_a_recompute_of_the_episodes(self) -> None:
        if hasattr(self, "db"):
            kept, recomputed = _recomputed(self.db)
            assert kept == recomputed


Diary.TestCase.settings = settings(
    max_examples=25,
    stateful_step_count=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
TestDiary = Diary.TestCase


def test_a_summary_left_alone_by_a_write_is_caught(tmp_path: Path) -> None:
    """The check above sees a difference: with the update trigger gone, an edit of the
    intensity leaves the summary stale and the comparison says so."""
    store = open_store(tmp_path)
    with UnitOfWork(store) as uow:
        profile = uow.profiles.add(Profile(name="Ani"), NOW).id
        assert profile is not None
        added = uow.episodes.add(profile, _episode(BodySite.KNEE, Side.LEFT, 0, 1, None), NOW)
        uow.commit()
    store.close()
    db = tmp_path / "kedut.sqlite3"
    with sqlite3.connect(db) as con:
        con.execute("DROP TRIGGER episode_day_update")
        con.execute("UPDATE twitch_episode SET intensity = 3 WHERE id = ?", (added.id,))
    kept, recomputed = _recomputed(db)
    assert kept != recomputed
