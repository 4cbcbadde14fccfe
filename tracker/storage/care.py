"""Medication periods and remedy uses in and out of the store."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from tracker.domain import Medication, RemedyUse
from tracker.models import MedicationRow, RemedyUseRow
from tracker.storage.ranges import within

# Fields stored in columns of the same name (the id is the row's own).
_MEDICATION_COLUMNS = tuple(f.name for f in dataclasses.fields(Medication) if f.name != "id")
_REMEDY_COLUMNS = tuple(f.name for f in dataclasses.fields(RemedyUse) if f.name != "id")


def _medication(row: MedicationRow) -> Medication:
    return Medication(id=row.id, **{name: getattr(row, name) for name in _MEDICATION_COLUMNS})


def _remedy(row: RemedyUseRow) -> RemedyUse:
    return RemedyUse(id=row.id, **{name: getattr(row, name) for name in _REMEDY_COLUMNS})


class MedicationRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    def add(self, profile_id: int, medication: Medication) -> Medication:
        values = {name: getattr(medication, name) for name in _MEDICATION_COLUMNS}
        row = MedicationRow(**{**values, "profile_id": profile_id})
        self._session.add(row)
        self._session.flush()
        return _medication(row)

    def replace(self, profile_id: int, medication_id: int, medication: Medication) -> None:
        row = self._session.get(MedicationRow, medication_id)
        assert row is not None and row.profile_id == profile_id
        for name in _MEDICATION_COLUMNS:
            if name != "profile_id":
                setattr(row, name, getattr(medication, name))
        self._session.flush()

    def overlapping(
        self, profile_id: int, first: dt.date | None, last: dt.date | None
    ) -> Sequence[Medication]:
        """Periods that touch first…last (any period when a bound is None)."""
        query = select(MedicationRow).where(MedicationRow.profile_id == profile_id)
        if first is not None:
            query = query.where(
                or_(MedicationRow.stopped_on.is_(None), MedicationRow.stopped_on >= first)
            )
        if last is not None:
            query = query.where(MedicationRow.started_on <= last)
        query = query.order_by(MedicationRow.started_on, MedicationRow.id)
        return [_medication(row) for row in self._session.scalars(query)]


class RemedyRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    def add(self, profile_id: int, use: RemedyUse) -> RemedyUse:
        values = {name: getattr(use, name) for name in _REMEDY_COLUMNS}
        row = RemedyUseRow(**{**values, "profile_id": profile_id})
        self._session.add(row)
        self._session.flush()
        return _remedy(row)

    def replace(self, profile_id: int, use_id: int, use: RemedyUse) -> None:
        row = self._session.get(RemedyUseRow, use_id)
        assert row is not None and row.profile_id == profile_id
        for name in _REMEDY_COLUMNS:
            if name != "profile_id":
                setattr(row, name, getattr(use, name))
        self._session.flush()

    def between(
        self, profile_id: int, first: dt.date | None, last: dt.date | None
    ) -> Sequence[RemedyUse]:
        query = select(RemedyUseRow).where(RemedyUseRow.profile_id == profile_id)
        query = within(query, RemedyUseRow.date, first, last)
        query = query.order_by(RemedyUseRow.date, RemedyUseRow.id)
        return [_remedy(row) for row in self._session.scalars(query)]
