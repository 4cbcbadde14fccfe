"""Insights and warnings for a profile: the store aggregates, the analysis decides."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from tracker.analysis.warnings import (
    RED_FLAG_DAYS,
    current_run_may_start_before,
    warnings_from_days,
)
from tracker.domain import Profile, ValidationError, Warning
from tracker.services.profile_choice import ProfileKey, reading_profile, stored_id
from tracker.storage.analysis_reads import DAY_FACTOR_COLUMNS, AnalysisReads, analysis_reads

if TYPE_CHECKING:
    from tracker.analysis.correlations import Correlations
    from tracker.analysis.series import DailySeries
    from tracker.storage import Store

# numpy loads with the first insight, not with the app: warnings need neither it nor
# SQLAlchemy. Both read through plain sqlite3 (tracker.storage.analysis_reads), on an
# open Store or on a store file already at the current schema (`readable_store`).


@dataclass(frozen=True)
class Insights:
    profile: Profile
    first: dt.date
    last: dt.date
    series: DailySeries
    correlations: Correlations


def _db_path(store: Store | Path) -> Path:
    return store if isinstance(store, Path) else store.db_path


def readable_store(explicit_dir: str | None) -> Path:
    """The store file to read insights and warnings from: when it is already at the
    current schema, without loading SQLAlchemy or Alembic; otherwise it is opened the
    full way first (created, checked, migrated, or refused with the reason)."""
    from tracker.storage.analysis_reads import current_store_file
    from tracker.storage.paths import resolve_data_dir

    data_dir = resolve_data_dir(explicit_dir)
    found = current_store_file(data_dir)
    if found is not None:
        return found
    from tracker.storage import open_store

    store = open_store(data_dir)
    store.close()
    return store.db_path


def daily_series(
    reads: AnalysisReads, profile_id: int, first: dt.date, last: dt.date
) -> DailySeries:
    from tracker.analysis.series import build_series

    return build_series(
        first,
        last,
        reads.daily_episodes(profile_id, first, last),
        reads.day_factors(profile_id, first, last),
        DAY_FACTOR_COLUMNS,
        reads.medications(profile_id, first, last),
    )


def insights(
    store: Store | Path,
    profile_key: ProfileKey,
    today: dt.date,
    first: dt.date | None = None,
    last: dt.date | None = None,
) -> Insights:
    """The daily series and correlations from `first` (default: the first day with any
    entry) to `last` (default: today). Reading stores nothing (a new diary is empty)."""
    with analysis_reads(_db_path(store)) as reads:
        profile = reading_profile(reads.live_profiles(), profile_key)
        return insights_in(reads, profile, today, first, last)


def insights_in(
    reads: AnalysisReads,
    profile: Profile,
    today: dt.date,
    first: dt.date | None = None,
    last: dt.date | None = None,
) -> Insights:
    """`insights` within a read already open (for a caller that reads more with it)."""
    last = last or today
    profile_id = stored_id(profile)
    first = first or reads.first_entry_day(profile_id) or last
    if first > last:
        raise ValidationError("from", first.isoformat(), f"on or before --to ({last})")
    series = daily_series(reads, profile_id, first, last)
    from tracker.analysis.correlations import correlate

    return Insights(profile, first, last, series, correlate(series))


def current_warnings(store: Store | Path, profile_key: ProfileKey, today: dt.date) -> list[Warning]:
    with analysis_reads(_db_path(store)) as reads:
        profile_id = stored_id(reading_profile(reads.live_profiles(), profile_key))
        return warnings_in(reads, profile_id, today)


def warnings_in(reads: AnalysisReads, profile_id: int, today: dt.date) -> list[Warning]:
    """The profile's current warnings, within a read already open."""
    settings = reads.settings(profile_id)
    # Read a few weeks back, and the whole diary only when a current run may reach
    # past them: usually years of old episodes never leave the database.
    since = today - dt.timedelta(days=8 * settings.persist_span_days)
    days_by_site = reads.days_by_site(profile_id, since, today)
    if current_run_may_start_before(days_by_site, settings, today, since):
        days_by_site = reads.days_by_site(profile_id, None, today)
    flagged = reads.red_flag_episodes(
        profile_id, today - dt.timedelta(days=RED_FLAG_DAYS - 1), today
    )
    return warnings_from_days(days_by_site, flagged, settings, today)
