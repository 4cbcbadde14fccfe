"""Medicine periods and remedy ratings as the app edits them: only what was changed is
written, a deleted period is a tombstone that undo brings back."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence
from typing import Any

from tracker.domain import Medication, RemedyUse
from tracker.services.care import log_remedy
from tracker.services.clock import Clock, system_now
from tracker.storage import Store, UnitOfWork
from tracker.storage.app_reads import app_reads

MEDICATION_FIELDS = ("name", "kind", "started_on", "stopped_on")


def edit_medication(
    store: Store, profile_id: int, medication_id: int, now: Clock = system_now, **changes: Any
) -> Medication:
    """Change some of a period's name, kind, start and end; the rest stays as stored."""
    unknown = set(changes) - set(MEDICATION_FIELDS)
    if unknown:
        raise TypeError(f"not a medication field: {sorted(unknown)}")
    with UnitOfWork(store) as uow:
        stored = uow.medications.get(profile_id, medication_id)
        values = {name: getattr(stored, name) for name in MEDICATION_FIELDS}
        values.update(changes)
        changed = Medication(**values)  # checked as a whole: an end before the start is refused
        if dataclasses.replace(stored, **values) == stored:
            return stored
        saved = uow.medications.replace(profile_id, medication_id, changed, now())
        uow.commit()
    return saved


def medications(store: Store, profile_id: int) -> Sequence[Medication]:
    """Every live period, oldest start first."""
    with UnitOfWork.reading(store) as uow:
        return uow.medications.overlapping(profile_id, None, None)


def remedies_between(
    store: Store, profile_id: int, first: dt.date | None, last: dt.date | None
) -> Sequence[RemedyUse]:
    with app_reads(store.db_path) as reads:
        return reads.remedies_between(profile_id, first, last)


def rate_remedy(
    store: Store,
    profile_id: int,
    day: dt.date,
    remedy: str,
    helped: int | None,
    note: str | None,
    now: Clock = system_now,
) -> RemedyUse:
    """A remedy tried on a day with how much it helped (0–4 or not said) and a note."""
    return log_remedy(store, profile_id, day=day, remedy=remedy, helped=helped, note=note, now=now)
