"""Day logs in and out of the store: one per profile and local date.

A day's uuid is derived from its profile's uuid and the date, so the same day logged on
two devices is one record. Deleting a day leaves a tombstone; saving the day again
brings it back with only what was saved."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from tracker.domain import DayLog
from tracker.domain.identity import day_uuid
from tracker.models import DayLogRow, ProfileRow
from tracker.storage.ranges import assign, within

_COLUMNS = tuple(f.name for f in dataclasses.fields(DayLog))
# What the person logged: everything but the date, the identity and the stamps.
_VALUES = tuple(
    name for name in _COLUMNS if name not in ("date", "uuid", "updated_at", "deleted_at")
)


def _to_domain(row: DayLogRow) -> DayLog:
    return DayLog(**{name: getattr(row, name) for name in _COLUMNS})


class DayLogRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    def get(self, profile_id: int, day: dt.date) -> DayLog | None:
        """The live day log, or None (never logged, or deleted)."""
        row = self._session.get(DayLogRow, (profile_id, day))
        return None if row is None or row.deleted_at is not None else _to_domain(row)

    def put(self, profile_id: int, day_log: DayLog, now: dt.datetime) -> DayLog:
        """Store the day's values, replacing what was stored for that date (a deleted
        day comes back). `updated_at` becomes now when a value changed, and only then."""
        row = self._session.get(DayLogRow, (profile_id, day_log.date))
        if row is None:
            profile = self._session.get(ProfileRow, profile_id)
            assert profile is not None
            row = DayLogRow(
                profile_id=profile_id,
                date=day_log.date,
                uuid=day_uuid(profile.uuid, day_log.date),
            )
            self._session.add(row)
        values = {name: getattr(day_log, name) for name in _VALUES}
        changed = assign(row, {**values, "deleted_at": day_log.deleted_at})
        if changed or row.updated_at is None:
            row.updated_at = now
        self._session.flush()
        return _to_domain(row)

    def set_deleted(
        self, profile_id: int, day: dt.date, deleted_at: dt.datetime | None, now: dt.datetime
    ) -> DayLog:
        """Delete (a tombstone) or bring back a day; LookupError when never logged."""
        row = self._session.get(DayLogRow, (profile_id, day))
        if row is None:
            raise LookupError(day)
        row.deleted_at = deleted_at
        row.updated_at = now
        self._session.flush()
        return _to_domain(row)

    def between(
        self, profile_id: int, first: dt.date | None, last: dt.date | None
    ) -> Sequence[DayLog]:
        """Live day logs, oldest first."""
        query = select(DayLogRow).where(
            DayLogRow.profile_id == profile_id, DayLogRow.deleted_at.is_(None)
        )
        query = within(query, DayLogRow.date, first, last)
        return [_to_domain(row) for row in self._session.scalars(query.order_by(DayLogRow.date))]

    def everything(self, profile_id: int) -> Sequence[DayLog]:
        """Every day log, deleted ones too (for the backup), oldest first."""
        query = select(DayLogRow).where(DayLogRow.profile_id == profile_id)
        return [_to_domain(row) for row in self._session.scalars(query.order_by(DayLogRow.date))]
