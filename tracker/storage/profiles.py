"""Profiles and their settings in and out of the store."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from tracker.domain import Profile, Settings
from tracker.models import ProfileRow, SettingsRow


def _to_domain(row: ProfileRow) -> Profile:
    return Profile(id=row.id, name=row.name, sex=row.sex, created_at=row.created_at)


class ProfileRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    def add(self, profile: Profile, now: dt.datetime) -> Profile:
        row = ProfileRow(name=profile.name, sex=profile.sex, created_at=profile.created_at or now)
        self._session.add(row)
        self._session.flush()
        return _to_domain(row)

    def list(self) -> Sequence[Profile]:
        """Oldest first: the first profile is the default one."""
        rows = self._session.scalars(select(ProfileRow).order_by(ProfileRow.id))
        return [_to_domain(row) for row in rows]

    def by_name(self, name: str) -> Profile | None:
        row = self._session.scalars(select(ProfileRow).where(ProfileRow.name == name)).first()
        return None if row is None else _to_domain(row)

    def get(self, profile_id: int) -> Profile | None:
        row = self._session.get(ProfileRow, profile_id)
        return None if row is None else _to_domain(row)

    def rename(self, profile_id: int, name: str) -> Profile:
        row = self._session.get(ProfileRow, profile_id)
        if row is None:
            raise LookupError(profile_id)
        row.name = name
        self._session.flush()
        return _to_domain(row)

    def remove(self, profile_id: int) -> None:
        """Delete the profile and, by cascade, everything logged for it."""
        row = self._session.get(ProfileRow, profile_id)
        if row is not None:
            self._session.delete(row)
            self._session.flush()

    def settings(self, profile_id: int) -> Settings:
        row = self._session.get(SettingsRow, profile_id)
        if row is None:
            return Settings()
        reminder = None if row.reminder_time is None else dt.time.fromisoformat(row.reminder_time)
        return Settings(
            language=row.language,
            water_target_ml=row.water_target_ml,
            reminder_time=reminder,
            recurring_days=row.recurring_days,
            persist_span_days=row.persist_span_days,
            reset_free_days=row.reset_free_days,
        )

    def put_settings(self, profile_id: int, settings: Settings) -> None:
        row = self._session.get(SettingsRow, profile_id)
        if row is None:
            row = SettingsRow(profile_id=profile_id)
            self._session.add(row)
        row.language = settings.language
        row.water_target_ml = settings.water_target_ml
        row.reminder_time = (
            None if settings.reminder_time is None else settings.reminder_time.strftime("%H:%M")
        )
        row.recurring_days = settings.recurring_days
        row.persist_span_days = settings.persist_span_days
        row.reset_free_days = settings.reset_free_days
        self._session.flush()
