"""The doctor report for a profile and period, written as a PDF file."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import numpy as np

from tracker.analysis.series import DailySeries
from tracker.domain import RED_FLAGS
from tracker.formats.files import write_atomic
from tracker.i18n import Language
from tracker.reports import ReportData, build_report
from tracker.reports.sections import MAX_EPISODE_ROWS
from tracker.services.charts import chart_data_in
from tracker.services.profile_choice import ProfileKey, reading_profile, stored_id
from tracker.storage import Store, UnitOfWork
from tracker.storage.analysis_reads import analysis_reads

OFFSET_SPAN_DAYS = 2
"""Local dates of two episodes in time order differ by at most this, the other way round."""


def report_data(
    store: Store,
    profile_key: ProfileKey,
    today: dt.date,
    first: dt.date | None = None,
    last: dt.date | None = None,
) -> ReportData:
    # The whole period is read as SQL aggregates through plain sqlite3 (the charts' data
    # and the red-flag days, from their indexes); only the episodes the table lists,
    # the medicines and the remedies are loaded as records.
    with analysis_reads(store.db_path, count_places=True) as reads:
        profile = reading_profile(reads.live_profiles(), profile_key)
        profile_id = stored_id(profile)
        charts = chart_data_in(reads, profile, today, first, last)
        first, last = charts.series.first, charts.series.last
        flagged: dict[str, set[dt.date]] = {flag: set() for flag in RED_FLAGS}
        for day, _site, _side, *flags in reads.red_flag_episodes(profile_id, first, last):
            for flag, on in zip(RED_FLAGS, flags, strict=True):
                if on:
                    flagged[flag].add(day)
    with UnitOfWork.reading(store) as uow:
        latest = uow.episodes.page_newest_first(
            profile_id, MAX_EPISODE_ROWS, None, _latest_from(charts.series), None, last
        )
        medications = uow.medications.overlapping(profile_id, first, last)
        remedies = uow.remedies.between(profile_id, first, last)
    places = charts.episodes_by_place
    series = charts.series
    return ReportData(
        profile_name=profile.name,
        first=first,
        last=last,
        generated_on=today,
        charts=charts,
        episodes=list(reversed(latest)),
        episode_count=sum(places.values()),
        episode_days=int((series.episodes > 0).sum()),
        places=places,
        red_flag_days={flag: sorted(days) for flag, days in flagged.items()},
        medications=medications,
        remedies=remedies,
    )


def _latest_from(series: DailySeries) -> dt.date:
    """The first day the table's latest episodes can be on. Sorting ten years of
    episodes by time to keep the last 150 takes 0.15 s; the daily counts already say
    which recent days hold that many. An episode started later than another is at most
    two local days earlier (offsets run from UTC−12 to UTC+14), hence the margin."""
    from_last = np.cumsum(series.episodes[::-1])
    enough = np.flatnonzero(from_last >= MAX_EPISODE_ROWS)
    if not len(enough):
        return series.first
    day = series.last - dt.timedelta(days=int(enough[0]) + OFFSET_SPAN_DAYS)
    return max(series.first, day)


def write_report(out: Path, data: ReportData, language: Language) -> Path:
    return write_atomic(out, build_report(data, language))
