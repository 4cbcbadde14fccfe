"""The doctor report's whole-period reads (plain sqlite3, tracker.storage.analysis_reads):
the same counts as the storage layer's SQLAlchemy aggregates, and each read from an
index alone, never episode by episode from the table (ten years are ≈100,000 rows)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from tracker.domain import BodySite, Side
from tracker.services import episodes
from tracker.services.profiles import create_profile
from tracker.storage import Store, UnitOfWork
from tracker.storage.analysis_reads import AnalysisReads, analysis_reads
from tracker.storage.sqlite import ConnectionRunner, Rows, device_transaction

FIRST = dt.date(2026, 9, 1)
LAST = dt.date(2026, 11, 25)
NOW = dt.datetime(2026, 11, 25, 23, 0, tzinfo=dt.UTC)
ZONES = [dt.timezone(dt.timedelta(minutes=m)) for m in (420, -720, 840, 330, 0, -210)]


def _diary(store: Store) -> int:
    """Episodes over three months in six time zones (two off the hour), at every site
    and side, some with red-flag signs, some deleted, one before and one after the
    period."""
    profile_id = create_profile(store, "Ani", now=lambda: NOW).id
    assert profile_id is not None
    n = 0
    for day in range(-3, (LAST - FIRST).days + 2, 2):
        zone = ZONES[day % len(ZONES)]
        start = dt.datetime.combine(FIRST + dt.timedelta(days=day), dt.time(), zone)
        for k in range(1 + day % 3):
            n += 1
            logged = episodes.log_twitch(
                store,
                "Ani",
                at=min(start + dt.timedelta(hours=(5 * n) % 24, minutes=(7 * n) % 60), NOW),
                side=list(Side)[n % len(Side)],
                intensity=n % 5,
                body_site=list(BodySite)[(n + k) % len(BodySite)],
                pain=n % 11 == 0,
                weakness=n % 13 == 0,
                now=lambda: NOW,
            )
            if n % 7 == 0:
                episodes.delete_episode(store, "Ani", logged.episode.id or 0, now=lambda: NOW)
    return profile_id


class _Planned(ConnectionRunner):
    """Runs each statement, and keeps SQLite's plan for it."""

    plans: list[str]

    def run(self, sql: str, params: Mapping[str, Any] | None = None) -> Rows:
        plan = self.connection.execute(f"EXPLAIN QUERY PLAN {sql}", params or {}).fetchall()
        self.plans.append(" / ".join(row[3] for row in plan))
        return super().run(sql, params)


def test_the_reports_period_counts_equal_the_stores_aggregates(store: Store) -> None:
    profile_id = _diary(store)
    with analysis_reads(store.db_path) as reads:
        for first in (FIRST, FIRST - dt.timedelta(days=10), LAST - dt.timedelta(days=20)):
            hours = reads.episodes_by_hour(profile_id, first, LAST)
            places = reads.episodes_by_place(profile_id, first, LAST)
            flagged = reads.red_flag_episodes(profile_id, first, LAST)
            with UnitOfWork.reading(store) as uow:
                assert hours == uow.aggregates.episodes_by_hour(profile_id, first, LAST)
                assert places == uow.aggregates.episodes_by_place(profile_id, first, LAST)
                expected = uow.aggregates.red_flag_episodes(profile_id, first, LAST)
                assert sorted(flagged) == sorted(expected)
            assert sum(hours) == sum(places.values()) > 0 and flagged


def test_places_counted_by_the_warnings_whole_read_equal_the_stores(store: Store) -> None:
    profile_id = _diary(store)
    with device_transaction(store.db_path, write=False) as opened:
        runner = _Planned(opened.connection)
        runner.plans = []
        reads = AnalysisReads(runner, count_places=True)
        reads.days_by_site(profile_id, None, LAST)  # the warnings' read of every day
        # From the first episode (and before it): the whole read's counts; from a later
        # day, or up to another one: read again. Each equals the store's own count.
        for first, last in (
            (FIRST - dt.timedelta(days=3), LAST),
            (FIRST - dt.timedelta(days=400), LAST),
            (FIRST, LAST),
            (FIRST - dt.timedelta(days=3), LAST - dt.timedelta(days=1)),
        ):
            places = reads.episodes_by_place(profile_id, first, last)
            with UnitOfWork.reading(store) as uow:
                expected = uow.aggregates.episodes_by_place(profile_id, first, last)
            assert list(places.items()) == list(expected.items()), (first, last)
    assert len(runner.plans) == 3  # the whole read, then the two periods it does not hold


def test_the_reports_period_reads_come_from_indexes_alone(store: Store) -> None:
    profile_id = _diary(store)
    with device_transaction(store.db_path, write=False) as opened:
        runner = _Planned(opened.connection)
        runner.plans = []
        reads = AnalysisReads(runner)
        reads.daily_episodes(profile_id, FIRST, LAST)
        reads.episodes_by_hour(profile_id, FIRST, LAST)
        reads.episodes_by_place(profile_id, FIRST, LAST)
        reads.red_flag_episodes(profile_id, FIRST, LAST)
        reads.days_by_site(profile_id, FIRST, LAST)
    daily, hours, places, flagged, site_days = runner.plans
    assert "episode_day USING COVERING INDEX ix_episode_day_profile_day " in daily
    assert "INDEX ix_twitch_episode_live_start " in hours
    assert "episode_day USING PRIMARY KEY " in places  # the per-day summary's key
    assert "INDEX ix_twitch_episode_live_red_flag " in flagged
    assert "episode_day USING PRIMARY KEY " in site_days
