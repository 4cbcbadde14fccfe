"""Medication periods and home remedies."""

from __future__ import annotations

import datetime as dt

from tracker.domain import Medication, MedicationKind, Remedy, RemedyUse
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
) -> Medication:
    medication = Medication(
        name=name,
        kind=kind,  # type: ignore[arg-type]  # validated and converted by Medication
        started_on=started_on,
        stopped_on=stopped_on,
    )
    with UnitOfWork(store) as uow:
        stored = uow.medications.add(profile_id_in(uow, profile), medication)
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
) -> RemedyUse:
    use = RemedyUse(date=day, remedy=remedy, helped=helped, note=note)  # type: ignore[arg-type]
    with UnitOfWork(store) as uow:
        stored = uow.remedies.add(profile_id_in(uow, profile), use)
        uow.commit()
    return stored
