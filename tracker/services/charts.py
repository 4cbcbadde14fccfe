"""Gathering a chart's data, and writing a chart file."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from tracker.charts import ChartData, render
from tracker.domain import Profile
from tracker.formats.files import write_atomic
from tracker.i18n import Language
from tracker.services.insights import insights_in, warnings_in
from tracker.services.profile_choice import ProfileKey, reading_profile, stored_id
from tracker.storage import Store
from tracker.storage.analysis_reads import AnalysisReads, analysis_reads


def chart_data(
    store: Store,
    profile_key: ProfileKey,
    today: dt.date,
    first: dt.date | None = None,
    last: dt.date | None = None,
) -> ChartData:
    with analysis_reads(store.db_path, count_places=True) as reads:
        profile = reading_profile(reads.live_profiles(), profile_key)
        return chart_data_in(reads, profile, today, first, last)


def chart_data_in(
    reads: AnalysisReads,
    profile: Profile,
    today: dt.date,
    first: dt.date | None = None,
    last: dt.date | None = None,
) -> ChartData:
    """Everything the charts show, in one read of the diary through plain sqlite3
    (whole-period counts are SQL aggregates over covering indexes)."""
    found = insights_in(reads, profile, today, first, last)
    profile_id = stored_id(profile)
    return ChartData(
        series=found.series,
        warnings=warnings_in(reads, profile_id, min(today, found.last)),
        correlations=found.correlations,
        episodes_by_hour=reads.episodes_by_hour(profile_id, found.first, found.last),
        episodes_by_place=reads.episodes_by_place(profile_id, found.first, found.last),
    )


def write_chart(out: Path, kind: str, data: ChartData, language: Language) -> Path:
    return write_atomic(out, render(kind, data, out.suffix.lower().lstrip("."), language))
