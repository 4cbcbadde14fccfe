"""Day logs: create or update one local day's habits."""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from typing import Any

from tracker.domain import RECORD_META, DayLog, UnusualValue, ValidationError, unusual_values
from tracker.services import future
from tracker.services.clock import Clock, system_now
from tracker.services.profiles import ProfileKey, entry_profile_in, profile_in
from tracker.services.refs import RecordNotFoundError
from tracker.storage import Store, UnitOfWork
from tracker.storage.app_reads import app_reads

DAY_FIELDS = frozenset(
    f.name for f in dataclasses.fields(DayLog) if f.name != "date" and f.name not in RECORD_META
)


@dataclass(frozen=True)
class SavedDay:
    day_log: DayLog
    unusual: list[UnusualValue]


def save_day(
    store: Store,
    profile: ProfileKey,
    day: dt.date,
    now: Clock = system_now,
    *,
    must_exist: bool = False,
    **changes: Any,
) -> SavedDay:
    """Create the day, or update it: given fields replace what was stored (None clears
    a field back to "not logged"); fields not given keep their stored value, and the
    day's remedies stay. `must_exist` (an edit) refuses a day that was never logged.
    A day more than one day after today is refused."""
    unknown = set(changes) - DAY_FIELDS
    if unknown:
        raise ValidationError(next(iter(sorted(unknown))), "?", ", ".join(sorted(DAY_FIELDS)))
    changed = dataclasses.replace(DayLog(date=day), **changes)  # refuse bad values first
    future.check_day("date", day, now())
    with UnitOfWork(store) as uow:
        owner = entry_profile_in(uow, profile, now)
        assert owner.id is not None
        stored_day = uow.days.get(owner.id, day)
        if must_exist and stored_day is None:
            raise RecordNotFoundError("day", day, owner.name)
        current = stored_day or changed
        # An edit is stamped now: the stored stamp would make sync judge a conflict by
        # the time of the day's first save.
        edited = dataclasses.replace(current, **changes, updated_at=None)
        stored = uow.days.put(owner.id, edited, now())
        uow.commit()
    return SavedDay(stored, unusual_values(stored))


def day_log(store: Store, profile_id: int, day: dt.date) -> DayLog:
    """The stored day, or an empty one (everything "not logged")."""
    with app_reads(store.db_path) as reads:
        return reads.day_log(profile_id, day) or DayLog(date=day)


def set_day_deleted(
    store: Store, profile: ProfileKey, day: dt.date, deleted: bool, now: Clock = system_now
) -> DayLog:
    """Delete a day's log (a tombstone: undo brings it back) or undo that; a day already
    in that state is left as it is. Raises RecordNotFoundError (a LookupError) for a
    day that was never logged."""
    with UnitOfWork(store) as uow:
        owner = profile_in(uow, profile, now)
        assert owner.id is not None
        live = uow.days.get(owner.id, day)
        if live is not None and not deleted:
            return live
        if live is None and deleted:  # already a tombstone, or never logged (rare)
            tombstone = [d for d in uow.days.everything(owner.id) if d.date == day]
            if tombstone:
                return tombstone[0]
        moment = now()
        try:
            stored = uow.days.set_deleted(owner.id, day, moment if deleted else None, moment)
        except LookupError:
            raise RecordNotFoundError("day", day, owner.name) from None
        uow.commit()
    return stored
