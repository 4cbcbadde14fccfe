"""Reading a profile's whole diary over a range, in one transaction."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from tracker.domain import DayLog, Episode, Medication, Profile, RemedyUse
from tracker.services.profiles import ProfileKey, profile_in, stored_id
from tracker.storage import Store, UnitOfWork


@dataclass(frozen=True)
class Diary:
    profile: Profile
    episodes: Sequence[Episode]
    days: Sequence[DayLog]
    medications: Sequence[Medication]
    remedies: Sequence[RemedyUse]


def diary_between(
    store: Store, profile_key: ProfileKey, first: dt.date | None = None, last: dt.date | None = None
) -> Diary:
    """Everything logged from `first` to `last` (both included; None = unbounded),
    oldest first, soft-deleted entries left out. Reading stores nothing: on a new diary
    it is the default profile's empty diary."""
    with UnitOfWork.reading(store) as uow:
        profile = profile_in(uow, profile_key)
        profile_id = stored_id(profile)
        return Diary(
            profile=profile,
            episodes=uow.episodes.between(profile_id, first, last),
            days=uow.days.between(profile_id, first, last),
            medications=uow.medications.overlapping(profile_id, first, last),
            remedies=uow.remedies.between(profile_id, first, last),
        )
