"""Medication periods and home remedies."""

from __future__ import annotations

import datetime as dt

from tracker.domain import Medication, MedicationKind, Remedy, RemedyUse
from tracker.services.clock import Clock, system_now
from tracker.services.profiles import ProfileKey, profile_id_in
from tracker.storage import Store, UnitOfWork


def add_medication(
    store: Store,
    profile: ProfileKey,
    *,
    name: str,
    kind: MedicationKind | str,
    started_on: dt.date,
    stopped_on: dt.date | None = None,
    now: Clock = system_now,
) -> Medication:
    """Store a new medication period: logging never merges it into another one."""
    medication = Medication(
        name=name,
        kind=kind,  # type: ignore[arg-type]  # validated and converted by Medication
        started_on=started_on,
        stopped_on=stopped_on,
    )
    with UnitOfWork(store) as uow:
        profile_id = profile_id_in(uow, profile, now)
        stored = uow.medications.add(profile_id, medication, now())
        uow.commit()
    return stored


def log_remedy(
    store: Store,
    profile: ProfileKey,
    *,
    day: dt.date,
    remedy: Remedy | str,
    helped: int | None = None,
    note: str | None = None,
    now: Clock = system_now,
) -> RemedyUse:
    """Record that a remedy was tried on a day. A remedy is tried on a day or not: the
    day's one entry for it keeps its uuid, and logging it again updates its rating."""
    use = RemedyUse(date=day, remedy=remedy, helped=helped, note=note)  # type: ignore[arg-type]
    with UnitOfWork(store) as uow:
        profile_id = profile_id_in(uow, profile, now)
        same = [r for r in uow.remedies.between(profile_id, day, day) if r.remedy is use.remedy]
        if same and same[0].id is not None:
            stored = uow.remedies.replace(profile_id, same[0].id, use, now())
        else:
            stored = uow.remedies.add(profile_id, use, now())
        uow.commit()
    return stored


def set_medication_deleted(
    store: Store, profile_id: int, medication_id: int, deleted: bool, now: Clock = system_now
) -> Medication:
    """Delete a medication period (a tombstone: undo brings it back) or undo that."""
    with UnitOfWork(store) as uow:
        moment = now()
        stored = uow.medications.set_deleted(
            profile_id, medication_id, moment if deleted else None, moment
        )
        uow.commit()
    return stored


def set_remedy_deleted(
    store: Store, profile_id: int, remedy_id: int, deleted: bool, now: Clock = system_now
) -> RemedyUse:
    """Remove a remedy use from its day (a tombstone: undo brings it back) or undo that."""
    with UnitOfWork(store) as uow:
        moment = now()
        stored = uow.remedies.set_deleted(
            profile_id, remedy_id, moment if deleted else None, moment
        )
        uow.commit()
    return stored
