"""Gathering a chart's data, and writing a chart file."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from tracker.charts import ChartData, render
from tracker.formats.files import write_atomic
from tracker.i18n import Language
from tracker.services.insights import current_warnings, insights
from tracker.services.profiles import ProfileKey, stored_id
from tracker.storage import Store, UnitOfWork


def chart_data(
    store: Store,
    profile_key: ProfileKey,
    today: dt.date,
    first: dt.date | None = None,
    last: dt.date | None = None,
) -> ChartData:
    found = insights(store, profile_key, today, first, last)
    # A profile not stored yet (a new diary) is asked for by its key again: still empty.
    key = profile_key if found.profile.id is None else found.profile.id
    profile_id = stored_id(found.profile)
    with UnitOfWork.reading(store) as uow:
        by_hour = uow.aggregates.episodes_by_hour(profile_id, found.first, found.last)
        by_place = uow.aggregates.episodes_by_place(profile_id, found.first, found.last)
    return ChartData(
        series=found.series,
        warnings=current_warnings(store, key, min(today, found.last)),
        correlations=found.correlations,
        episodes_by_hour=by_hour,
        episodes_by_place=by_place,
    )


def write_chart(out: Path, kind: str, data: ChartData, language: Language) -> Path:
    return write_atomic(out, render(kind, data, out.suffix.lower().lstrip("."), language))
