"""Day logs: create or update one local day's habits."""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from typing import Any

from tracker.domain import RECORD_META, DayLog, UnusualValue, ValidationError, unusual_values
from tracker.services.clock import Clock, system_now
from tracker.services.profiles import ProfileKey, profile_id_in
from tracker.storage import Store, UnitOfWork

DAY_FIELDS = frozenset(
    f.name for f in dataclasses.fields(DayLog) if f.name != "date" and f.name not in RECORD_META
)


@dataclass(frozen=True)
class SavedDay:
    day_log: DayLog
    unusual: list[UnusualValue]


def save_day(
    store: Store, profile: ProfileKey, day: dt.date, now: Clock = system_now, **changes: Any
) -> SavedDay:
    """Create the day, or update it: given fields replace what was stored (None clears
    a field back to "not logged"); fields not given keep their stored value."""
    unknown = set(changes) - DAY_FIELDS
    if unknown:
        raise ValidationError(next(iter(sorted(unknown))), "?", ", ".join(sorted(DAY_FIELDS)))
    changed = dataclasses.replace(DayLog(date=day), **changes)  # refuse bad values first
    with UnitOfWork(store) as uow:
        profile_id = profile_id_in(uow, profile, now)
        current = uow.days.get(profile_id, day) or changed
        # An edit is stamped now: the stored stamp would make sync judge a conflict by
        # the time of the day's first save.
        edited = dataclasses.replace(current, **changes, updated_at=None)
        stored = uow.days.put(profile_id, edited, now())
        uow.commit()
    return SavedDay(stored, unusual_values(stored))


def day_log(store: Store, profile_id: int, day: dt.date) -> DayLog:
    """The stored day, or an empty one (everything "not logged")."""
    with UnitOfWork.reading(store) as uow:
        return uow.days.get(profile_id, day) or DayLog(date=day)


def set_day_deleted(
    store: Store, profile_id: int, day: dt.date, deleted: bool, now: Clock = system_now
) -> DayLog:
    """Delete a day's log (a tombstone: undo brings it back) or undo that. Raises
    LookupError for a day that was never logged."""
    with UnitOfWork(store) as uow:
        moment = now()
        stored = uow.days.set_deleted(profile_id, day, moment if deleted else None, moment)
        uow.commit()
    return stored
