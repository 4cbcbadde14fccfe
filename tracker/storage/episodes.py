"""Twitch episodes in and out of the store, as domain objects."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from tracker.domain import Episode
from tracker.domain.identity import new_uuid
from tracker.models import EpisodeRow
from tracker.storage.not_found import EpisodeNotFoundError
from tracker.storage.ranges import assign, within

# Episode fields stored in columns of the same name (id and profile_id are set apart).
_COLUMNS = tuple(f.name for f in dataclasses.fields(Episode) if f.name not in ("id", "profile_id"))


def _to_domain(row: EpisodeRow) -> Episode:
    return Episode(
        id=row.id, profile_id=row.profile_id, **{name: getattr(row, name) for name in _COLUMNS}
    )


class EpisodeRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    def add(self, profile_id: int, episode: Episode, now: dt.datetime) -> Episode:
        row = EpisodeRow(
            profile_id=profile_id,
            local_date=episode.local_date,
            **{name: getattr(episode, name) for name in _COLUMNS},
        )
        # A restored backup keeps its own identity and timestamps; a new entry gets its
        # uuid here, where it is first created, and is stamped now.
        row.uuid = episode.uuid or new_uuid()
        row.created_at = episode.created_at or now
        row.updated_at = episode.updated_at or now
        self._session.add(row)
        self._session.flush()
        return _to_domain(row)

    def _row(self, profile_id: int, episode_id: int) -> EpisodeRow:
        row = self._session.get(EpisodeRow, episode_id)
        if row is None or row.profile_id != profile_id:
            raise EpisodeNotFoundError(episode_id)
        return row

    def get(self, profile_id: int, episode_id: int) -> Episode:
        return _to_domain(self._row(profile_id, episode_id))

    def replace(self, profile_id: int, episode: Episode, now: dt.datetime) -> Episode:
        """Store new values for an existing episode (its id, created_at stay)."""
        assert episode.id is not None
        row = self._row(profile_id, episode.id)
        values = {
            name: getattr(episode, name)
            for name in _COLUMNS
            if name not in ("uuid", "created_at", "updated_at", "deleted_at")
        }
        if assign(row, {**values, "local_date": episode.local_date}):
            row.updated_at = now  # an edit that changes nothing leaves the stamp alone
        self._session.flush()
        return _to_domain(row)

    def set_deleted(
        self, profile_id: int, episode_id: int, deleted_at: dt.datetime | None, now: dt.datetime
    ) -> Episode:
        row = self._row(profile_id, episode_id)
        row.deleted_at = deleted_at
        row.updated_at = now
        self._session.flush()
        return _to_domain(row)

    def between(
        self, profile_id: int, first: dt.date | None, last: dt.date | None
    ) -> Sequence[Episode]:
        """Live (not deleted) episodes by local day, oldest first."""
        query = select(EpisodeRow).where(
            EpisodeRow.profile_id == profile_id, EpisodeRow.deleted_at.is_(None)
        )
        query = within(query, EpisodeRow.local_date, first, last).order_by(
            EpisodeRow.started_at, EpisodeRow.id
        )
        return [_to_domain(row) for row in self._session.scalars(query)]

    def everything(self, profile_id: int) -> Sequence[Episode]:
        """Every episode, soft-deleted ones too (for the backup), oldest first."""
        query = select(EpisodeRow).where(EpisodeRow.profile_id == profile_id)
        query = query.order_by(EpisodeRow.started_at, EpisodeRow.id)
        return [_to_domain(row) for row in self._session.scalars(query)]

    def id_of(self, profile_id: int, uuid: str) -> int | None:
        """The local id of the episode with this uuid (live or deleted), if stored."""
        query = select(EpisodeRow.id).where(
            EpisodeRow.profile_id == profile_id, EpisodeRow.uuid == uuid
        )
        return self._session.scalars(query).first()

    def page_newest_first(
        self,
        profile_id: int,
        limit: int,
        before: tuple[dt.datetime, int] | None = None,
        first: dt.date | None = None,
        site: str | None = None,
        last: dt.date | None = None,
    ) -> Sequence[Episode]:
        """Live episodes, newest first, `limit` at a time: keyset paging on the
        (profile_id, started_at) index, so page 500 costs what page 1 costs."""
        query = select(EpisodeRow).where(
            EpisodeRow.profile_id == profile_id, EpisodeRow.deleted_at.is_(None)
        )
        if before is not None:
            started_at, episode_id = before
            query = query.where(
                (EpisodeRow.started_at < started_at)
                | ((EpisodeRow.started_at == started_at) & (EpisodeRow.id < episode_id))
            )
        query = within(query, EpisodeRow.local_date, first, last)
        if site is not None:
            query = query.where(EpisodeRow.body_site == site)
        query = query.order_by(EpisodeRow.started_at.desc(), EpisodeRow.id.desc()).limit(limit)
        return [_to_domain(row) for row in self._session.scalars(query)]

    def latest(self, profile_id: int) -> Episode | None:
        query = (
            select(EpisodeRow)
            .where(EpisodeRow.profile_id == profile_id, EpisodeRow.deleted_at.is_(None))
            .order_by(EpisodeRow.started_at.desc(), EpisodeRow.id.desc())
            .limit(1)
        )
        row = self._session.scalars(query).first()
        return None if row is None else _to_domain(row)
