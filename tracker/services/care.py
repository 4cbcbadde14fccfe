"""Medication periods and home remedies."""

from __future__ import annotations

import dataclasses
import datetime as dt

from tracker.domain import Medication, MedicationKind, Remedy, RemedyUse
from tracker.services.profiles import ProfileKey, profile_id_in
from tracker.storage import Store, UnitOfWork


def _key(medication: Medication) -> tuple[str, str, dt.date]:
    return (medication.name, medication.kind.value, medication.started_on)


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
        profile_id = profile_id_in(uow, profile)
        # One period per (name, kind, start): logging it again updates its end.
        same = [
            m
            for m in uow.medications.overlapping(profile_id, None, None)
            if _key(m) == _key(medication)
        ]
        if same and same[0].id is not None:
            uow.medications.replace(profile_id, same[0].id, medication)
            stored = dataclasses.replace(medication, id=same[0].id, profile_id=profile_id)
        else:
            stored = uow.medications.add(profile_id, medication)
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
        profile_id = profile_id_in(uow, profile)
        # One entry per remedy and day: logging it again updates how much it helped.
        same = [r for r in uow.remedies.between(profile_id, day, day) if r.remedy is use.remedy]
        if same and same[0].id is not None:
            uow.remedies.replace(profile_id, same[0].id, use)
            stored = dataclasses.replace(use, id=same[0].id, profile_id=profile_id)
        else:
            stored = uow.remedies.add(profile_id, use)
        uow.commit()
    return stored
