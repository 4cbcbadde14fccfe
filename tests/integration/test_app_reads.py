"""The app's plain-sqlite3 reads and one-tap write (tracker.storage.app_reads) hand back
exactly what the ORM repositories do, for every kind of value a record can hold."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

from tests.integration.kedut_cli import row_counts
from tracker.domain import (
    BodySite,
    DayLog,
    Episode,
    ExerciseIntensity,
    Side,
    TwitchContext,
)
from tracker.services import days, episodes, profiles
from tracker.storage import Store, UnitOfWork, open_store
from tracker.storage.app_reads import app_reads

WIB = dt.timezone(dt.timedelta(hours=7))
NOW = dt.datetime(2026, 11, 20, 9, 30, tzinfo=WIB)


def _fill(store: Store) -> int:
    """A profile with episodes of every shape (a deleted one too) and day logs."""
    me = profiles.create_profile(store, "Ani", now=lambda: NOW)
    assert me.id is not None
    episodes.log_twitch(store, me.id, at=NOW - dt.timedelta(days=1), now=lambda: NOW)
    full = episodes.log_twitch(
        store,
        me.id,
        at=dt.datetime(2026, 11, 19, 23, 59, 59, tzinfo=WIB),
        side=Side.BOTH,
        intensity=4,
        duration_s=86400,
        body_site=BodySite.CALF,
        context=TwitchContext.AFTER_EXERCISE,
        pain=True,
        numbness_tingling=True,
        note='Ĉu ĝi? 膝 — "quoted", comma, \' and a\nnew line',
        now=lambda: NOW,
    )
    gone = episodes.log_twitch(store, me.id, at=NOW - dt.timedelta(hours=1), now=lambda: NOW)
    assert gone.episode.id is not None and full.episode.id is not None
    episodes.delete_episode(store, me.id, gone.episode.id, now=lambda: NOW)
    days.save_day(
        store,
        me.id,
        dt.date(2026, 11, 19),
        sleep_h=6.5,
        sleep_quality=2,
        water_ml=1750,
        exercise_min=45,
        exercise_intensity=ExerciseIntensity.VIGOROUS,
        stress=4,
        caffeine_mg=95,
        alcohol_units=1.5,
        diarrhea=False,
        calcium_rich_food=True,
        note="a long day",
        now=lambda: NOW,
    )
    days.save_day(store, me.id, dt.date(2026, 11, 18), water_ml=500, now=lambda: NOW)
    days.save_day(store, me.id, dt.date(2026, 11, 17), water_ml=800, now=lambda: NOW)
    days.set_day_deleted(store, me.id, dt.date(2026, 11, 17), True, now=lambda: NOW)
    return me.id


def test_every_read_matches_the_orm_repositories(store: Store) -> None:
    me = _fill(store)
    with UnitOfWork.reading(store) as uow, app_reads(store.db_path) as reads:
        assert reads.profiles() == list(uow.profiles.list())
        assert reads.settings(me) == uow.profiles.settings(me)
        assert reads.episodes_between(me, None, None) == list(uow.episodes.between(me, None, None))
        day = dt.date(2026, 11, 19)
        assert reads.episodes_between(me, day, day) == list(uow.episodes.between(me, day, day))
        assert len(reads.episodes_between(me, day, None)) == 2
        assert reads.latest_episode(me) == uow.episodes.latest(me)
        for date in (day, dt.date(2026, 11, 18), dt.date(2026, 11, 17), dt.date(2000, 1, 1)):
            assert reads.day_log(me, date) == uow.days.get(me, date)
        assert reads.latest_episode(me + 1) is None


def test_the_one_tap_write_stores_what_the_orm_reads_back(store: Store) -> None:
    me = _fill(store)
    logged = episodes.log_twitch(store, me, now=lambda: NOW + dt.timedelta(minutes=5))
    with UnitOfWork.reading(store) as uow:
        stored = uow.episodes.get(me, logged.episode.id or 0)
    assert stored == logged.episode
    # The one-tap log takes the side and intensity of the newest live episode (the calf
    # twitch at 23:59:59; a newer one was deleted), at the knee.
    assert (stored.side, stored.intensity, stored.body_site) == (Side.BOTH, 4, BodySite.KNEE)
    assert stored.uuid and stored.created_at == stored.updated_at == NOW + dt.timedelta(minutes=5)


def test_two_taps_in_the_same_second_are_two_rows(store: Store) -> None:
    me = _fill(store)
    first = episodes.log_twitch(store, me, now=lambda: NOW)
    second = episodes.log_twitch(store, me, now=lambda: NOW)
    assert first.episode.id != second.episode.id
    assert first.episode.uuid != second.episode.uuid
    assert first.episode.started_at == second.episode.started_at


def test_a_profile_made_on_first_use_still_comes_from_the_full_path(tmp_path: Path) -> None:
    """With no profile yet, the one-tap log makes "Me" (the ORM path), as before."""
    store = open_store(tmp_path)
    try:
        logged = episodes.log_twitch(store, None, now=lambda: NOW)
        assert [p.name for p in profiles.list_profiles(store)] == ["Me"]
        assert episodes.latest_episode(store, logged.episode.profile_id or 0) == logged.episode
    finally:
        store.close()


def test_a_write_refused_by_the_database_stores_nothing(store: Store) -> None:
    """The database refusing the plain insert (here: no such profile) leaves the store as
    it was, outbox included."""
    me = _fill(store)
    before = row_counts(store.db_path)
    try:
        with app_reads(store.db_path, write=True) as writes:
            writes.add_episode(me + 99, Episode(started_at=NOW, utc_offset_min=420), NOW)
        raise AssertionError("the database must refuse an episode of no profile")
    except sqlite3.IntegrityError:
        pass
    assert row_counts(store.db_path) == before


def test_reads_of_an_empty_day_log_give_an_empty_day(store: Store) -> None:
    me = _fill(store)
    assert days.day_log(store, me, dt.date(2030, 1, 1)) == DayLog(date=dt.date(2030, 1, 1))


def test_history_pages_match_the_orm_page_by_page(store: Store) -> None:
    """Keyset paging through every episode, two at a time, by site and from a day."""
    me = _fill(store)
    for minute in range(5):  # same-second twitches page by id
        episodes.log_twitch(store, me, at=NOW - dt.timedelta(minutes=minute % 2), now=lambda: NOW)
    for site, first in (
        (None, None),
        ("knee", None),
        ("calf", None),
        (None, dt.date(2026, 11, 20)),
    ):
        before: tuple[dt.datetime, int] | None = None
        pages = 0
        while True:
            with UnitOfWork.reading(store) as uow, app_reads(store.db_path) as reads:
                ours = reads.page_newest_first(me, 2, before, first, site)
                theirs = list(uow.episodes.page_newest_first(me, 2, before, first, site))
            assert ours == theirs
            if len(ours) < 2:
                break
            before = (ours[-1].started_at, ours[-1].id or 0)
            pages += 1
        assert pages >= 1 or site == "calf"
    with UnitOfWork.reading(store) as uow, app_reads(store.db_path) as reads:
        for first, last in (
            (None, None),
            (dt.date(2026, 11, 18), None),
            (None, dt.date(2026, 11, 18)),
        ):
            assert reads.day_logs_between(me, first, last) == list(
                uow.days.between(me, first, last)
            )


def test_remedies_medicines_and_conflict_marks_match_the_orm(store: Store) -> None:
    from tracker.services import care

    me = _fill(store)
    day = dt.date(2026, 11, 19)
    care.log_remedy(store, me, day=day, remedy="rest", helped=3, now=lambda: NOW)
    care.log_remedy(store, me, day=day, remedy="massage", helped=None, now=lambda: NOW)
    gone = care.log_remedy(store, me, day=day - dt.timedelta(days=1), remedy="rest", helped=1)
    care.set_remedy_deleted(store, me, gone.id or 0, True, lambda: NOW)
    care.add_medication(
        store, me, name="Prednison 5 mg", kind="corticosteroid", started_on=day, now=lambda: NOW
    )
    care.add_medication(
        store,
        me,
        name="Furosemide",
        kind="diuretic",
        started_on=dt.date(2026, 1, 1),
        stopped_on=dt.date(2026, 2, 1),
        now=lambda: NOW,
    )
    with UnitOfWork.reading(store) as uow, app_reads(store.db_path) as reads:
        for first, last in ((None, None), (day, day), (None, day - dt.timedelta(days=1))):
            assert reads.remedies_between(me, first, last) == list(
                uow.remedies.between(me, first, last)
            )
        assert reads.medication_periods(me) == list(uow.medications.overlapping(me, None, None))
        assert len(reads.medication_periods(me)) == 2
        assert reads.conflicted_entries(me) == set()


def test_no_write_reaches_a_store_whose_check_found_damage(tmp_path: Path) -> None:
    """Opened with its check still running (the app's start), a damaged store refuses
    every write — the one-tap log and a unit of work, each time asked — and its file
    stays exactly as it was."""
    from tracker.storage import StoreError

    store = open_store(tmp_path)
    me = _fill(store)
    store.close()
    db_path = tmp_path / "kedut.sqlite3"
    with sqlite3.connect(db_path) as con:
        # The episodes' page: the last one may hold the schema (0007 wrote it last).
        (page,) = con.execute(
            "SELECT rootpage FROM sqlite_master WHERE name = 'twitch_episode'"
        ).fetchone()
        page_size = con.execute("PRAGMA page_size").fetchone()[0]
    with db_path.open("r+b") as handle:
        handle.seek((page - 1) * page_size)
        handle.write(b"\x0d\xff\xff\xff" + bytes(range(256)) * 4)
    damaged = db_path.read_bytes()
    opened = open_store(tmp_path, check_later=True)
    try:
        for _attempt in range(2):
            try:
                episodes.log_twitch(opened, me, now=lambda: NOW)
                raise AssertionError("a damaged store must refuse the one-tap log")
            except StoreError as error:
                assert "damaged" in str(error)
            try:
                profiles.create_profile(opened, "Budi", now=lambda: NOW)
                raise AssertionError("a damaged store must refuse a unit of work")
            except StoreError:
                pass
    finally:
        opened.close()
    assert db_path.read_bytes() == damaged
