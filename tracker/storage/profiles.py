"""Profiles and their settings in and out of the store."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from tracker.domain import Profile, Settings
from tracker.domain.identity import new_uuid, settings_uuid
from tracker.models import ProfileRow, SettingsRow


def _to_domain(row: ProfileRow) -> Profile:
    return Profile(
        id=row.id,
        name=row.name,
        sex=row.sex,
        uuid=row.uuid,
        created_at=row.created_at,
        updated_at=row.updated_at,
        deleted_at=row.deleted_at,
    )


_LIVE = ProfileRow.deleted_at.is_(None)


class ProfileRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    def add(self, profile: Profile, now: dt.datetime) -> Profile:
        row = ProfileRow(
            name=profile.name,
            sex=profile.sex,
            uuid=profile.uuid or new_uuid(),
            created_at=profile.created_at or now,
            updated_at=profile.updated_at or now,
            deleted_at=profile.deleted_at,
        )
        self._session.add(row)
        self._session.flush()
        return _to_domain(row)

    def list(self) -> Sequence[Profile]:
        """Live profiles, oldest first: the first profile is the default one."""
        rows = self._session.scalars(select(ProfileRow).where(_LIVE).order_by(ProfileRow.id))
        return [_to_domain(row) for row in rows]

    def by_name(self, name: str) -> Profile | None:
        """The live profile of that name, or else the one whose name differs only in case.
        Case is folded in Python: SQLite's lower() knows only ASCII ("Ани", "Şule")."""
        folded = name.casefold()
        rows = [
            row
            for row in self._session.scalars(select(ProfileRow).where(_LIVE))
            if row.name.casefold() == folded
        ]
        exact = [row for row in rows if row.name == name]
        found = exact or rows
        return _to_domain(found[0]) if found else None

    def by_uuid(self, uuid: str) -> Profile | None:
        """The profile with this uuid, deleted or not."""
        row = self._session.scalars(select(ProfileRow).where(ProfileRow.uuid == uuid)).first()
        return None if row is None else _to_domain(row)

    def get(self, profile_id: int) -> Profile | None:
        """The live profile with this id."""
        row = self._session.get(ProfileRow, profile_id)
        return None if row is None or row.deleted_at is not None else _to_domain(row)

    def rename(self, profile_id: int, name: str, now: dt.datetime) -> Profile:
        row = self._session.get(ProfileRow, profile_id)
        if row is None:
            raise LookupError(profile_id)
        if row.name != name:
            row.name = name
            row.updated_at = now
        self._session.flush()
        return _to_domain(row)

    def set_deleted(
        self, profile_id: int, deleted_at: dt.datetime | None, now: dt.datetime
    ) -> None:
        """A tombstone for the profile: it leaves every list, its records stay with it."""
        row = self._session.get(ProfileRow, profile_id)
        if row is None:
            raise LookupError(profile_id)
        row.deleted_at = deleted_at
        row.updated_at = now
        self._session.flush()

    def remove(self, profile_id: int) -> None:
        """Erase the profile and, by cascade, everything logged for it (only for the
        synthetic Demo profile, which demo rebuilds)."""
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

    def put_settings(self, profile_id: int, settings: Settings, now: dt.datetime) -> None:
        row = self._session.get(SettingsRow, profile_id)
        if row is None:
            profile = self._session.get(ProfileRow, profile_id)
            assert profile is not None
            row = SettingsRow(profile_id=profile_id, uuid=settings_uuid(profile.uuid))
            self._session.add(row)
        row.updated_at = now
        row.language = settings.language
        row.water_target_ml = settings.water_target_ml
        row.reminder_time = (
            None if settings.reminder_time is None else settings.reminder_time.strftime("%H:%M")
        )
        row.recurring_days = settings.recurring_days
        row.persist_span_days = settings.persist_span_days
        row.reset_free_days = settings.reset_free_days
        self._session.flush()
