"""The doctor report for a profile and period, written as a PDF file."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from tracker.formats.files import write_atomic
from tracker.reports import ReportData, build_report
from tracker.services.charts import chart_data
from tracker.services.profiles import ProfileKey, profile_in
from tracker.storage import Store, UnitOfWork


def report_data(
    store: Store,
    profile_key: ProfileKey,
    today: dt.date,
    first: dt.date | None = None,
    last: dt.date | None = None,
) -> ReportData:
    charts = chart_data(store, profile_key, today, first, last)
    first, last = charts.series.first, charts.series.last
    with UnitOfWork(store) as uow:
        profile = profile_in(uow, profile_key)
        assert profile.id is not None
        return ReportData(
            profile_name=profile.name,
            first=first,
            last=last,
            generated_on=today,
            charts=charts,
            episodes=uow.episodes.between(profile.id, first, last),
            medications=uow.medications.overlapping(profile.id, first, last),
            remedies=uow.remedies.between(profile.id, first, last),
        )


def write_report(out: Path, data: ReportData, language: str) -> Path:
    return write_atomic(out, build_report(data, language))
