"""Medication periods and remedy uses in and out of the store."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from tracker.domain import Medication, RemedyUse
from tracker.models import MedicationRow, RemedyUseRow


def _medication(row: MedicationRow) -> Medication:
    return Medication(
        id=row.id,
        profile_id=row.profile_id,
        name=row.name,
        kind=row.kind,
        started_on=row.started_on,
        stopped_on=row.stopped_on,
    )


def _remedy(row: RemedyUseRow) -> RemedyUse:
    return RemedyUse(
        id=row.id,
        profile_id=row.profile_id,
        date=row.date,
        remedy=row.remedy,
        helped=row.helped,
        note=row.note,
    )


class MedicationRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    def add(self, profile_id: int, medication: Medication) -> Medication:
        row = MedicationRow(
            profile_id=profile_id,
            name=medication.name,
            kind=medication.kind,
            started_on=medication.started_on,
            stopped_on=medication.stopped_on,
        )
        self._session.add(row)
        self._session.flush()
        return _medication(row)

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
        row = RemedyUseRow(
            profile_id=profile_id,
            date=use.date,
            remedy=use.remedy,
            helped=use.helped,
            note=use.note,
        )
        self._session.add(row)
        self._session.flush()
        return _remedy(row)

    def between(
        self, profile_id: int, first: dt.date | None, last: dt.date | None
    ) -> Sequence[RemedyUse]:
        query = select(RemedyUseRow).where(RemedyUseRow.profile_id == profile_id)
        if first is not None:
            query = query.where(RemedyUseRow.date >= first)
        if last is not None:
            query = query.where(RemedyUseRow.date <= last)
        query = query.order_by(RemedyUseRow.date, RemedyUseRow.id)
        return [_remedy(row) for row in self._session.scalars(query)]
