"""Insights and warnings for a profile: the store aggregates, the analysis decides."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from tracker.analysis.warnings import (
    RED_FLAG_DAYS,
    compute_warnings,
    current_run_may_start_before,
)
from tracker.domain import Profile, ValidationError, Warning
from tracker.services.profiles import ProfileKey, profile_in, stored_id
from tracker.storage import Store, UnitOfWork
from tracker.storage.aggregates import DAY_FACTOR_COLUMNS

if TYPE_CHECKING:
    from tracker.analysis.correlations import Correlations
    from tracker.analysis.series import DailySeries

# numpy and scipy load with the first insight, not with the app: warnings need neither.


@dataclass(frozen=True)
class Insights:
    profile: Profile
    first: dt.date
    last: dt.date
    series: DailySeries
    correlations: Correlations


def daily_series(uow: UnitOfWork, profile_id: int, first: dt.date, last: dt.date) -> DailySeries:
    from tracker.analysis.series import build_series

    return build_series(
        first,
        last,
        uow.aggregates.daily_episodes(profile_id, first, last),
        uow.aggregates.day_factors(profile_id, first, last),
        DAY_FACTOR_COLUMNS,
        uow.medications.overlapping(profile_id, first, last),
    )


def insights(
    store: Store,
    profile_key: ProfileKey,
    today: dt.date,
    first: dt.date | None = None,
    last: dt.date | None = None,
) -> Insights:
    """The daily series and correlations from `first` (default: the first day with any
    entry) to `last` (default: today). Reading stores nothing (a new diary is empty)."""
    last = last or today
    with UnitOfWork.reading(store) as uow:
        profile = profile_in(uow, profile_key)
        profile_id = stored_id(profile)
        first = first or uow.aggregates.first_entry_day(profile_id) or last
        if first > last:
            raise ValidationError("from", first.isoformat(), f"on or before --to ({last})")
        series = daily_series(uow, profile_id, first, last)
    from tracker.analysis.correlations import correlate

    return Insights(profile, first, last, series, correlate(series))


def current_warnings(store: Store, profile_key: ProfileKey, today: dt.date) -> list[Warning]:
    with UnitOfWork.reading(store) as uow:
        profile_id = stored_id(profile_in(uow, profile_key))
        settings = uow.profiles.settings(profile_id)
        # Read a few weeks back, and the whole diary only when a current run may reach
        # past them: usually years of old episodes never leave the database.
        since = today - dt.timedelta(days=8 * settings.persist_span_days)
        site_days = uow.aggregates.site_days(profile_id, since, today)
        if current_run_may_start_before(site_days, settings, today, since):
            site_days = uow.aggregates.site_days(profile_id, None, today)
        flagged = uow.aggregates.red_flag_episodes(
            profile_id, today - dt.timedelta(days=RED_FLAG_DAYS - 1), today
        )
    return compute_warnings(site_days, flagged, settings, today)
