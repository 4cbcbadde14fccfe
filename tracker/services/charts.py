"""Gathering a chart's data, and writing a chart file."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from tracker.charts import ChartData, render
from tracker.formats.files import write_atomic
from tracker.i18n import Language
from tracker.services.insights import current_warnings, insights
from tracker.services.profiles import ProfileKey
from tracker.storage import Store, UnitOfWork


def chart_data(
    store: Store,
    profile_key: ProfileKey,
    today: dt.date,
    first: dt.date | None = None,
    last: dt.date | None = None,
) -> ChartData:
    found = insights(store, profile_key, today, first, last)
    assert found.profile.id is not None
    with UnitOfWork(store) as uow:
        by_hour = uow.aggregates.episodes_by_hour(found.profile.id, found.first, found.last)
        by_place = uow.aggregates.episodes_by_place(found.profile.id, found.first, found.last)
    return ChartData(
        series=found.series,
        warnings=current_warnings(store, found.profile.id, min(today, found.last)),
        correlations=found.correlations,
        episodes_by_hour=by_hour,
        episodes_by_place=by_place,
    )


def write_chart(out: Path, kind: str, data: ChartData, language: Language) -> Path:
    return write_atomic(out, render(kind, data, out.suffix.lower().lstrip("."), language))
