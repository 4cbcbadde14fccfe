"""Reading a profile's whole diary over a range, in one transaction."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from tracker.domain import DayLog, Episode, Medication, Profile, RemedyUse
from tracker.services.profiles import ProfileKey, profile_in
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
    oldest first, soft-deleted episodes left out."""
    with UnitOfWork(store) as uow:
        # A first profile made here is not committed: reading stores nothing.
        profile = profile_in(uow, profile_key)
        assert profile.id is not None
        return Diary(
            profile=profile,
            episodes=uow.episodes.between(profile.id, first, last),
            days=uow.days.between(profile.id, first, last),
            medications=uow.medications.overlapping(profile.id, first, last),
            remedies=uow.remedies.between(profile.id, first, last),
        )
