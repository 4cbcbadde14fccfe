"""Medication periods and remedy uses in and out of the store.

Both tables work the same way (a uuid given where the record is first created, edits
in place, a tombstone for a delete), so one small repository class serves both."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence
from typing import Any, Generic, TypeVar

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from tracker.domain import Medication, RemedyUse
from tracker.domain.identity import new_uuid
from tracker.models import MedicationRow, RemedyUseRow
from tracker.storage.not_found import CareRecordNotFoundError
from tracker.storage.ranges import assign, within

R = TypeVar("R", Medication, RemedyUse)
Row = MedicationRow | RemedyUseRow


class _CareRepository(Generic[R]):
    _record: type[R]
    _row_type: type[Row]

    def __init__(self, session: Session) -> None:
        self._session = session
        # Fields stored in columns of the same name (the id is the row's own).
        self._columns = tuple(f.name for f in dataclasses.fields(self._record) if f.name != "id")

    def _domain(self, row: Any) -> R:
        return self._record(id=row.id, **{name: getattr(row, name) for name in self._columns})

    def _row(self, profile_id: int, record_id: int) -> Any:
        row: Any = self._session.get(self._row_type, record_id)
        if row is None or row.profile_id != profile_id:
            raise CareRecordNotFoundError(record_id)
        return row

    def get(self, profile_id: int, record_id: int) -> R:
        return self._domain(self._row(profile_id, record_id))

    def id_of(self, profile_id: int, uuid: str) -> int | None:
        row_type: Any = self._row_type
        query = select(row_type.id).where(row_type.profile_id == profile_id, row_type.uuid == uuid)
        return self._session.scalars(query).first()

    def add(self, profile_id: int, record: R, now: dt.datetime) -> R:
        values = {name: getattr(record, name) for name in self._columns}
        row = self._row_type(**{**values, "profile_id": profile_id})
        row.uuid = record.uuid or new_uuid()
        row.updated_at = record.updated_at or now
        self._session.add(row)
        self._session.flush()
        return self._domain(row)

    def replace(self, profile_id: int, record_id: int, record: R, now: dt.datetime) -> R:
        """New values for a stored record; its uuid and tombstone stay as they are."""
        row = self._row(profile_id, record_id)
        values = {
            name: getattr(record, name)
            for name in self._columns
            if name not in ("profile_id", "uuid", "updated_at", "deleted_at")
        }
        if assign(row, values):  # an edit that changes nothing leaves the stamp alone
            row.updated_at = now
        self._session.flush()
        return self._domain(row)

    def set_deleted(
        self, profile_id: int, record_id: int, deleted_at: dt.datetime | None, now: dt.datetime
    ) -> R:
        row = self._row(profile_id, record_id)
        row.deleted_at = deleted_at
        row.updated_at = now
        self._session.flush()
        return self._domain(row)

    def _live(self, profile_id: int) -> Any:
        return select(self._row_type).where(
            self._row_type.profile_id == profile_id, self._row_type.deleted_at.is_(None)
        )

    def everything(self, profile_id: int) -> Sequence[R]:
        """Every record, deleted ones too (for the backup), oldest first."""
        query = select(self._row_type).where(self._row_type.profile_id == profile_id)
        return [self._domain(row) for row in self._session.scalars(query.order_by(*self._order()))]

    def _order(self) -> Any:
        raise NotImplementedError


class MedicationRepository(_CareRepository[Medication]):
    _record = Medication
    _row_type = MedicationRow

    def _order(self) -> Any:
        return (MedicationRow.started_on, MedicationRow.id)

    def overlapping(
        self, profile_id: int, first: dt.date | None, last: dt.date | None
    ) -> Sequence[Medication]:
        """Live periods that touch first…last (any period when a bound is None)."""
        query = self._live(profile_id)
        if first is not None:
            query = query.where(
                or_(MedicationRow.stopped_on.is_(None), MedicationRow.stopped_on >= first)
            )
        if last is not None:
            query = query.where(MedicationRow.started_on <= last)
        query = query.order_by(*self._order())
        return [self._domain(row) for row in self._session.scalars(query)]


class RemedyRepository(_CareRepository[RemedyUse]):
    _record = RemedyUse
    _row_type = RemedyUseRow

    def _order(self) -> Any:
        return (RemedyUseRow.date, RemedyUseRow.id)

    def between(
        self, profile_id: int, first: dt.date | None, last: dt.date | None
    ) -> Sequence[RemedyUse]:
        """Live remedy uses by day, oldest first."""
        query = within(self._live(profile_id), RemedyUseRow.date, first, last)
        query = query.order_by(*self._order())
        return [self._domain(row) for row in self._session.scalars(query)]
