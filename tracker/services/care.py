"""Medication periods and home remedies: log, edit, delete and bring back."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from tracker.domain import Medication, MedicationKind, Remedy, RemedyUse, ValidationError
from tracker.i18n import gettext as _
from tracker.services import future
from tracker.services.clock import Clock, system_now
from tracker.services.profiles import ProfileKey, entry_profile_in, profile_id_in, profile_in
from tracker.services.refs import RecordRef, care_id, live
from tracker.storage import Store, UnitOfWork

MEDICATION_FIELDS = frozenset(("name", "kind", "started_on", "stopped_on"))
REMEDY_FIELDS = frozenset(("date", "remedy", "helped", "note"))


def _check_medication_dates(medication: Medication, now: dt.datetime) -> None:
    future.check_day("started_on", medication.started_on, now)
    future.check_day("stopped_on", medication.stopped_on, now)


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
    _check_medication_dates(medication, now())
    with UnitOfWork(store) as uow:
        profile_id = profile_id_in(uow, profile, now)
        stored = uow.medications.add(profile_id, medication, now())
        uow.commit()
    return stored


def edit_medication(
    store: Store,
    profile: ProfileKey,
    medication: RecordRef,
    now: Clock = system_now,
    **changes: Any,
) -> Medication:
    """Change some fields of a medication period (by id or uuid); `stopped_on=None`
    means still taking it. The other fields stay as they were."""
    unknown = set(changes) - MEDICATION_FIELDS
    if unknown:
        allowed = ", ".join(sorted(MEDICATION_FIELDS))
        raise ValidationError(next(iter(sorted(unknown))), "?", allowed)
    with UnitOfWork(store) as uow:
        owner = entry_profile_in(uow, profile, now)
        assert owner.id is not None
        found = care_id(uow, "medication", owner.id, owner.name, medication)
        current = live(uow.medications.get(owner.id, found), "medication", medication, owner.name)
        changed = dataclasses.replace(current, **changes)
        _check_medication_dates(changed, now())
        stored = uow.medications.replace(owner.id, found, changed, now())
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
    """Record that a remedy was tried on a day, as a form sets it: a remedy is tried on a
    day or not, so the day's one entry for it keeps its uuid and takes these values."""
    stored, _before = _remedy_on_day(store, profile, day, remedy, helped, note, now, False)
    return stored


def log_remedy_again(
    store: Store,
    profile: ProfileKey,
    *,
    day: dt.date,
    remedy: Remedy | str,
    helped: int | None = None,
    note: str | None = None,
    now: Clock = system_now,
) -> tuple[RemedyUse, RemedyUse | None]:
    """As `log_remedy` from the command line, where what is not given is not said: an
    entry already there keeps its rating or note unless a new one is given. Returns the
    stored entry and the one it updated (None: it is new), so the change can be said."""
    return _remedy_on_day(store, profile, day, remedy, helped, note, now, True)


def _remedy_on_day(
    store: Store,
    profile: ProfileKey,
    day: dt.date,
    remedy: Remedy | str,
    helped: int | None,
    note: str | None,
    now: Clock,
    keep_unsaid: bool,
) -> tuple[RemedyUse, RemedyUse | None]:
    use = RemedyUse(date=day, remedy=remedy, helped=helped, note=note)  # type: ignore[arg-type]
    future.check_day("date", day, now())
    with UnitOfWork(store) as uow:
        profile_id = profile_id_in(uow, profile, now)
        same = [r for r in uow.remedies.between(profile_id, day, day) if r.remedy is use.remedy]
        before = same[0] if same and same[0].id is not None else None
        if before is not None and before.id is not None:
            if keep_unsaid:
                use = dataclasses.replace(
                    use,
                    helped=before.helped if helped is None else helped,
                    note=before.note if note is None else note,
                )
            stored = uow.remedies.replace(profile_id, before.id, use, now())
        else:
            stored = uow.remedies.add(profile_id, use, now())
        uow.commit()
    return stored, before


def edit_remedy(
    store: Store, profile: ProfileKey, ref: RecordRef, now: Clock = system_now, **changes: Any
) -> RemedyUse:
    """Change some fields of a remedy use (by id or uuid); the others stay as they were.
    Moving it onto a day that already has that remedy is refused: one entry a day."""
    unknown = set(changes) - REMEDY_FIELDS
    if unknown:
        raise ValidationError(next(iter(sorted(unknown))), "?", ", ".join(sorted(REMEDY_FIELDS)))
    with UnitOfWork(store) as uow:
        owner = entry_profile_in(uow, profile, now)
        assert owner.id is not None
        found = care_id(uow, "remedy", owner.id, owner.name, ref)
        current = live(uow.remedies.get(owner.id, found), "remedy", ref, owner.name)
        changed = dataclasses.replace(current, **changes)
        future.check_day("date", changed.date, now())
        _one_a_day(uow, owner.id, found, changed)
        stored = uow.remedies.replace(owner.id, found, changed, now())
        uow.commit()
    return stored


def _one_a_day(uow: UnitOfWork, profile_id: int, use_id: int, use: RemedyUse) -> None:
    for other in uow.remedies.between(profile_id, use.date, use.date):
        if other.remedy is use.remedy and other.id != use_id:
            raise ValidationError(
                "date",
                use.date,
                _("a day without another {remedy} entry ({remedy} is there as entry {id})").format(
                    remedy=use.remedy.value, id=other.id
                ),
            )


def _set_deleted(
    store: Store, kind: str, profile: ProfileKey, ref: RecordRef, deleted: bool, now: Clock
) -> Any:
    with UnitOfWork(store) as uow:
        owner = profile_in(uow, profile, now)
        assert owner.id is not None
        found = care_id(uow, kind, owner.id, owner.name, ref)
        repository = uow.medications if kind == "medication" else uow.remedies
        current = repository.get(owner.id, found)
        if (current.deleted_at is not None) == deleted:
            return current
        if isinstance(current, RemedyUse) and not deleted:
            _one_a_day(uow, owner.id, found, current)
        moment = now()
        stored = repository.set_deleted(owner.id, found, moment if deleted else None, moment)
        uow.commit()
    return stored


def set_medication_deleted(
    store: Store, profile: ProfileKey, medication: RecordRef, deleted: bool, now: Clock = system_now
) -> Medication:
    """Delete a medication period (a tombstone: undo brings it back) or undo that."""
    stored: Medication = _set_deleted(store, "medication", profile, medication, deleted, now)
    return stored


def set_remedy_deleted(
    store: Store, profile: ProfileKey, remedy: RecordRef, deleted: bool, now: Clock = system_now
) -> RemedyUse:
    """Remove a remedy use from its day (a tombstone: undo brings it back) or undo that."""
    stored: RemedyUse = _set_deleted(store, "remedy", profile, remedy, deleted, now)
    return stored
