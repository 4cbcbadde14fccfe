"""The actions one open diary offers the app, bound to a store, a profile and a clock.

Screens receive this object (dependency injection) instead of reaching for storage;
tests hand them one over a real temporary store.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from tracker.domain import Episode, Profile
from tracker.services import episodes
from tracker.services.clock import Clock, system_now
from tracker.storage import Store


class DiaryService:
    def __init__(self, store: Store, profile: Profile, now: Clock = system_now) -> None:
        assert profile.id is not None
        self.store = store
        self.profile = profile
        self.profile_id: int = profile.id
        self.now = now

    def today(self) -> dt.date:
        return self.now().date()

    def log_twitch_now(self, **details: Any) -> episodes.Logged:
        """The one-tap log: now, at the knee, with the side and intensity used last."""
        return episodes.log_twitch(self.store, self.profile_id, now=self.now, **details)

    def episodes_on(self, day: dt.date) -> Sequence[Episode]:
        return episodes.episodes_between(self.store, self.profile_id, day, day)

    def last_episode(self) -> Episode | None:
        return episodes.latest_episode(self.store, self.profile_id)
