"""Day logs in and out of the store: one per profile and local date."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from tracker.domain import DayLog
from tracker.models import DayLogRow
from tracker.storage.ranges import within

_COLUMNS = tuple(f.name for f in dataclasses.fields(DayLog))


def _to_domain(row: DayLogRow) -> DayLog:
    return DayLog(**{name: getattr(row, name) for name in _COLUMNS})


class DayLogRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    def get(self, profile_id: int, day: dt.date) -> DayLog | None:
        row = self._session.get(DayLogRow, (profile_id, day))
        return None if row is None else _to_domain(row)

    def put(self, profile_id: int, day_log: DayLog) -> DayLog:
        """Store the day, replacing what was stored for that date."""
        row = self._session.get(DayLogRow, (profile_id, day_log.date))
        if row is None:
            row = DayLogRow(profile_id=profile_id, date=day_log.date)
            self._session.add(row)
        for name in _COLUMNS:
            setattr(row, name, getattr(day_log, name))
        self._session.flush()
        return _to_domain(row)

    def between(
        self, profile_id: int, first: dt.date | None, last: dt.date | None
    ) -> Sequence[DayLog]:
        query = select(DayLogRow).where(DayLogRow.profile_id == profile_id)
        query = within(query, DayLogRow.date, first, last)
        return [_to_domain(row) for row in self._session.scalars(query.order_by(DayLogRow.date))]
