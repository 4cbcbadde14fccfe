"""Reads for the analysis, aggregated in SQL and returned as plain tuples.

Ten years of a diary is ~100,000 episodes: loaded as ORM objects that alone takes
seconds, while one GROUP BY over the (profile_id, local_date) index takes ~50 ms.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from sqlalchemy import func, or_, select, text, union_all
from sqlalchemy.orm import Session

from tracker.domain import RED_FLAGS
from tracker.models import DayLogRow, EpisodeRow, RemedyUseRow
from tracker.storage import sqlite
from tracker.storage.analysis_reads import DAY_FACTOR_COLUMNS
from tracker.storage.ranges import within

__all__ = ["DAY_FACTOR_COLUMNS", "Aggregates"]

# (local_date, episodes, max_intensity, total_duration_s or None)
DailyEpisodeRow = tuple[dt.date, int, int, int | None]
# (body_site, side, local_date)
SiteDayRow = tuple[str, str, dt.date]
# (local_date, body_site, side, pain, swelling, warmth, numbness_tingling, weakness)
RedFlagRow = tuple[dt.date, str, str, bool, bool, bool, bool, bool]

# The UTC minute of the day an episode started (PostgreSQL's spelling; SQLite's is in
# tracker.storage.sqlite, where instants are stored as text).
_UTC_MINUTE_OF_DAY = (
    "CAST(EXTRACT(HOUR FROM started_at) * 60 + EXTRACT(MINUTE FROM started_at) AS INTEGER)"
)


def _day(value: Any) -> dt.date:
    """A date as the driver hands it: text on SQLite, a date on PostgreSQL."""
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(value)


class Aggregates:
    def __init__(self, session: Session) -> None:
        self._session = session

    def _live(self, profile_id: int):  # type: ignore[no-untyped-def]  # a SQL condition
        return (EpisodeRow.profile_id == profile_id) & EpisodeRow.deleted_at.is_(None)

    def first_entry_day(self, profile_id: int) -> dt.date | None:
        """The first day with a live episode, day log or remedy (deleted ones are gone)."""
        days = union_all(
            select(func.min(EpisodeRow.local_date).label("day")).where(self._live(profile_id)),
            select(func.min(DayLogRow.date)).where(
                DayLogRow.profile_id == profile_id, DayLogRow.deleted_at.is_(None)
            ),
            select(func.min(RemedyUseRow.date)).where(
                RemedyUseRow.profile_id == profile_id, RemedyUseRow.deleted_at.is_(None)
            ),
        ).subquery()
        first = self._session.execute(select(func.min(days.c.day))).scalar()
        return None if first is None else dt.date.fromisoformat(str(first))

    def daily_episodes(
        self, profile_id: int, first: dt.date, last: dt.date
    ) -> Sequence[DailyEpisodeRow]:
        query = (
            select(
                EpisodeRow.local_date,
                func.count(),
                func.max(EpisodeRow.intensity),
                func.sum(EpisodeRow.duration_s),
            )
            .where(self._live(profile_id))
            .group_by(EpisodeRow.local_date)
            .order_by(EpisodeRow.local_date)
        )
        rows = self._session.execute(within(query, EpisodeRow.local_date, first, last))
        return [tuple(row) for row in rows]  # type: ignore[misc]

    def day_factors(
        self, profile_id: int, first: dt.date, last: dt.date
    ) -> Sequence[tuple[object, ...]]:
        """(date, *DAY_FACTOR_COLUMNS) for each logged day, oldest first."""
        columns = [getattr(DayLogRow, name) for name in DAY_FACTOR_COLUMNS]
        query = select(DayLogRow.date, *columns).where(DayLogRow.profile_id == profile_id)
        query = within(query, DayLogRow.date, first, last).order_by(DayLogRow.date)
        return [tuple(row) for row in self._session.execute(query)]

    def _rows(self, sql: str, **params: object) -> Sequence[Any]:
        """Plain SQL through the driver (no per-value type processing): ten years give
        tens of thousands of rows, and the ORM's conversions would cost more than the
        query itself. Named parameters, so it runs on either engine."""
        # Dates travel as ISO text, which both engines compare with their dates.
        named = {k: v.isoformat() if isinstance(v, dt.date) else v for k, v in params.items()}
        return self._session.execute(text(sql), named).all()

    def site_days(
        self, profile_id: int, first: dt.date | None, last: dt.date
    ) -> Sequence[SiteDayRow]:
        """Each (site, side, day) with a live episode from `first` (None: the very first)
        to `last`, both included. A short range reads the (profile, day) index; the
        whole diary reads the partial covering index ix_twitch_episode_live_site_day
        (on SQLite a planner hint steers it there)."""
        dialect = self._session.get_bind().dialect.name
        if first is None:
            day = sqlite.planner_hint("local_date") if dialect == "sqlite" else "local_date"
            rows = self._rows(
                "SELECT DISTINCT body_site, side, local_date FROM twitch_episode"  # noqa: S608
                f" WHERE profile_id = :p AND deleted_at IS NULL AND {day} <= :last",
                p=profile_id,
                last=last,
            )
        else:
            rows = self._rows(
                "SELECT DISTINCT body_site, side, local_date FROM twitch_episode"
                " WHERE profile_id = :p AND deleted_at IS NULL"
                " AND local_date BETWEEN :first AND :last",
                p=profile_id,
                first=first,
                last=last,
            )
        return [(site, side, _day(day)) for site, side, day in rows]

    def episodes_by_hour(self, profile_id: int, first: dt.date, last: dt.date) -> list[int]:
        """Live episodes by the local hour (0…23) they started."""
        dialect = self._session.get_bind().dialect.name
        minute = sqlite.UTC_MINUTE_OF_DAY if dialect == "sqlite" else _UTC_MINUTE_OF_DAY
        rows = self._rows(
            f"SELECT (({minute} + utc_offset_min + 1440) % 1440) / 60, count(*)"  # noqa: S608
            " FROM twitch_episode WHERE profile_id = :p AND deleted_at IS NULL"
            " AND local_date BETWEEN :first AND :last GROUP BY 1",
            p=profile_id,
            first=first,
            last=last,
        )
        hours = [0] * 24
        for hour, count in rows:
            hours[int(hour)] = int(count)
        return hours

    def episodes_by_place(
        self, profile_id: int, first: dt.date, last: dt.date
    ) -> dict[tuple[str, str], int]:
        rows = self._rows(
            "SELECT body_site, side, count(*) FROM twitch_episode WHERE profile_id = :p"
            " AND deleted_at IS NULL AND local_date BETWEEN :first AND :last"
            " GROUP BY body_site, side",
            p=profile_id,
            first=first,
            last=last,
        )
        return {(str(site), str(side)): int(count) for site, side, count in rows}

    def red_flag_episodes(
        self, profile_id: int, first: dt.date, last: dt.date
    ) -> Sequence[RedFlagRow]:
        flags = [getattr(EpisodeRow, name) for name in RED_FLAGS]
        query = select(EpisodeRow.local_date, EpisodeRow.body_site, EpisodeRow.side, *flags).where(
            self._live(profile_id), or_(*(flag.is_(True) for flag in flags))
        )
        rows = self._session.execute(within(query, EpisodeRow.local_date, first, last))
        return [
            (
                day,
                str(site),
                str(side),
                bool(pain),
                bool(swelling),
                bool(warmth),
                bool(numb),
                bool(weak),
            )
            for day, site, side, pain, swelling, warmth, numb, weak in rows
        ]
