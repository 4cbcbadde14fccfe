"""The app's everyday reads, and the one-tap log's write, through plain sqlite3.

Today reads its profile, settings, the day's episodes and day log at every start and
after every tap; the one-tap log writes one row. Through the ORM these needed
SQLAlchemy and the models loaded first (≈ 0.3 s and 28 MB of a start whose budget is
0.6 s, DESIGN.md "Budgets"), so they run here as plain SQL and hand back the same
domain records the repositories do (tests/integration/test_app_reads.py compares the
two on every kind of value). The store must be at the current schema: it is opened
(created, migrated, checked) by `tracker.storage.engine.open_store` first.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

from tracker.domain import DAY_FLAGS, RED_FLAGS, DayLog, Episode, Medication, Profile, RemedyUse
from tracker.domain.identity import new_uuid
from tracker.storage.analysis_reads import AnalysisReads
from tracker.storage.sqlite import device_transaction, sqlite_instant

_EPISODE_COLUMNS = tuple(f.name for f in dataclasses.fields(Episode))
_DAY_COLUMNS = tuple(f.name for f in dataclasses.fields(DayLog))
_PROFILE_COLUMNS = tuple(f.name for f in dataclasses.fields(Profile))
_REMEDY_COLUMNS = tuple(f.name for f in dataclasses.fields(RemedyUse))
_MEDICATION_COLUMNS = tuple(f.name for f in dataclasses.fields(Medication))
_INSTANTS = frozenset({"started_at", "created_at", "updated_at", "deleted_at"})
_EPISODE_FLAGS = frozenset(RED_FLAGS)
_DAY_FLAGS = frozenset(DAY_FLAGS)
R = TypeVar("R")
_LIVE_EPISODE = "profile_id = :p AND deleted_at IS NULL"
_OPEN_CONFLICT = "resolved_at IS NULL AND deleted_at IS NULL"
_NEWEST_FIRST = "ORDER BY started_at DESC, id DESC"


def _instant(text: str | None) -> dt.datetime | None:
    """Naive UTC text as SQLAlchemy's UTCDateTime stores it, read back aware (UTC)."""
    return None if text is None else dt.datetime.fromisoformat(text).replace(tzinfo=dt.UTC)


def _values(columns: Sequence[str], row: Sequence[Any], flags: frozenset[str]) -> dict[str, Any]:
    values = dict(zip(columns, row, strict=True))
    for name in _INSTANTS.intersection(values):
        values[name] = _instant(values[name])
    for name in flags.intersection(values):
        if values[name] is not None:
            values[name] = bool(values[name])
    return values


def _episode(row: Sequence[Any]) -> Episode:
    return Episode(**_values(_EPISODE_COLUMNS, row, _EPISODE_FLAGS))


def _day_log(row: Sequence[Any]) -> DayLog:
    return _dated(DayLog, _DAY_COLUMNS, row, ("date",), _DAY_FLAGS)


def _dated(
    record: type[R],
    columns: Sequence[str],
    row: Sequence[Any],
    dates: Sequence[str],
    flags: frozenset[str] = frozenset(),
) -> R:
    values = _values(columns, row, flags)
    for name in dates:
        if values[name] is not None:
            values[name] = dt.date.fromisoformat(values[name])
    return record(**values)


def _within(
    column: str, first: dt.date | None, last: dt.date | None, params: dict[str, object]
) -> str:
    """` AND column >= :first AND column <= :last` for the bounds given (both included,
    either optional), adding their values to `params`."""
    condition = ""
    if first is not None:
        condition, params["first"] = f" AND {column} >= :first", first.isoformat()
    if last is not None:
        condition, params["last"] = f"{condition} AND {column} <= :last", last.isoformat()
    return condition


class AppReads(AnalysisReads):
    def profiles(self) -> list[Profile]:
        """Live profiles, oldest first: the first profile is the default one."""
        rows = self._run(
            f"SELECT {', '.join(_PROFILE_COLUMNS)} FROM profile"  # noqa: S608 - fixed names
            " WHERE deleted_at IS NULL ORDER BY id"
        )
        return [Profile(**_values(_PROFILE_COLUMNS, row, frozenset())) for row in rows]

    def has_profile(self) -> bool:
        return (
            self._run("SELECT 1 FROM profile WHERE deleted_at IS NULL LIMIT 1").first() is not None
        )

    def episodes_between(
        self, profile_id: int, first: dt.date | None, last: dt.date | None
    ) -> list[Episode]:
        """Live episodes by local day (None: open-ended), oldest first."""
        params = dict[str, object](p=profile_id)
        where = _LIVE_EPISODE + _within("local_date", first, last, params)
        rows = self._run(
            f"SELECT {', '.join(_EPISODE_COLUMNS)} FROM twitch_episode"  # noqa: S608 - fixed names
            f" WHERE {where} ORDER BY started_at, id",
            params,
        )
        return [_episode(row) for row in rows]

    def page_newest_first(
        self,
        profile_id: int,
        limit: int,
        before: tuple[dt.datetime, int] | None = None,
        first: dt.date | None = None,
        site: str | None = None,
    ) -> list[Episode]:
        """Live episodes, newest first, `limit` at a time (History): keyset paging on
        the (profile_id, started_at) index, so page 500 costs what page 1 costs."""
        params = dict[str, object](p=profile_id, limit=limit)
        where = _LIVE_EPISODE + _within("local_date", first, None, params)
        if before is not None:
            where += " AND (started_at < :at OR (started_at = :at AND id < :id))"
            params["at"], params["id"] = sqlite_instant(before[0]), before[1]
        if site is not None:
            where += " AND body_site = :site"
            params["site"] = site
        rows = self._run(
            f"SELECT {', '.join(_EPISODE_COLUMNS)} FROM twitch_episode"  # noqa: S608 - fixed names
            f" WHERE {where} {_NEWEST_FIRST} LIMIT :limit",
            params,
        )
        return [_episode(row) for row in rows]

    def latest_episode(self, profile_id: int) -> Episode | None:
        """The newest live episode (the one-tap log takes its side and intensity)."""
        row = self._run(
            f"SELECT {', '.join(_EPISODE_COLUMNS)} FROM twitch_episode"  # noqa: S608 - fixed names
            f" WHERE {_LIVE_EPISODE} {_NEWEST_FIRST} LIMIT 1",
            {"p": profile_id},
        ).first()
        return None if row is None else _episode(row)

    def day_log(self, profile_id: int, day: dt.date) -> DayLog | None:
        """The live day log, or None (never logged, or deleted)."""
        found = self.day_logs_between(profile_id, day, day)
        return found[0] if found else None

    def day_logs_between(
        self, profile_id: int, first: dt.date | None, last: dt.date | None
    ) -> list[DayLog]:
        """Live day logs (None: open-ended), oldest first."""
        params = dict[str, object](p=profile_id)
        rows = self._run(
            f"SELECT {', '.join(_DAY_COLUMNS)} FROM day_log"  # noqa: S608 - fixed names
            " WHERE profile_id = :p AND deleted_at IS NULL"
            f"{_within('date', first, last, params)} ORDER BY date",
            params,
        )
        return [_day_log(row) for row in rows]

    def remedies_between(
        self, profile_id: int, first: dt.date | None, last: dt.date | None
    ) -> list[RemedyUse]:
        """Live remedy uses by day (None: open-ended), oldest first."""
        params = dict[str, object](p=profile_id)
        rows = self._run(
            f"SELECT {', '.join(_REMEDY_COLUMNS)} FROM remedy_use"  # noqa: S608 - fixed names
            " WHERE profile_id = :p AND deleted_at IS NULL"
            f"{_within('date', first, last, params)} ORDER BY date, id",
            params,
        )
        return [_dated(RemedyUse, _REMEDY_COLUMNS, row, ("date",)) for row in rows]

    def medication_periods(self, profile_id: int) -> list[Medication]:
        """Every live medicine period, by start."""
        rows = self._run(
            f"SELECT {', '.join(_MEDICATION_COLUMNS)} FROM medication"  # noqa: S608 - fixed names
            " WHERE profile_id = :p AND deleted_at IS NULL ORDER BY started_on, id",
            {"p": profile_id},
        )
        return [
            _dated(Medication, _MEDICATION_COLUMNS, row, ("started_on", "stopped_on"))
            for row in rows
        ]

    def conflicted_entries(self, profile_id: int) -> set[str]:
        """The uuids of the profile's entries with a sync conflict not resolved yet."""
        rows = self._run(
            f"SELECT record_uuid FROM sync_conflict WHERE {_OPEN_CONFLICT} AND profile_id = :p",  # noqa: S608 - fixed text
            {"p": profile_id},
        )
        return {uuid for (uuid,) in rows}

    def open_conflicts_count(self, profile_id: int | None) -> int:
        """Sync conflicts not resolved yet: one profile's, or (None) everyone's."""
        mine = "" if profile_id is None else " AND profile_id = :p"
        found = self._run(
            f"SELECT count(*) FROM sync_conflict WHERE {_OPEN_CONFLICT}{mine}",  # noqa: S608 - fixed text
            {"p": profile_id},
        ).scalar()
        return int(found)

    def sync_server_url(self) -> str | None:
        """The household server this device syncs with; None: it does not sync."""
        found = self._run("SELECT server_url FROM sync_state WHERE id = 1").scalar()
        return None if found is None else str(found)

    def add_episode(self, profile_id: int, episode: Episode, now: dt.datetime) -> Episode:
        """Store a new episode as EpisodeRepository.add does (its uuid made here, stamped
        now); the outbox's triggers queue it for sync in the same transaction."""
        stored = dataclasses.replace(
            episode,
            id=None,
            profile_id=profile_id,
            uuid=episode.uuid or new_uuid(),
            created_at=episode.created_at or now,
            updated_at=episode.updated_at or now,
        )
        values = {name: getattr(stored, name) for name in _EPISODE_COLUMNS if name != "id"}
        for name in _INSTANTS:
            values[name] = sqlite_instant(values[name])
        for name in ("body_site", "side", "context"):
            values[name] = None if values[name] is None else values[name].value
        values["local_date"] = stored.local_date.isoformat()
        columns = ", ".join(values)
        placeholders = ", ".join(f":{name}" for name in values)
        row = self._run(
            f"INSERT INTO twitch_episode ({columns}) VALUES ({placeholders})"  # noqa: S608 - fixed names
            " RETURNING id",
            values,
        ).scalar()
        return dataclasses.replace(stored, id=int(row))


@contextmanager
def app_reads(db_path: Path, *, write: bool = False) -> Iterator[AppReads]:
    """One transaction on the store for the app's reads (one snapshot) or, with `write`,
    for the one-tap log. SQLite's errors come out as they are, as the ORM's did (inside
    SQLAlchemy's wrapper): `tracker.services.errors.database_trouble` words both."""
    with device_transaction(db_path, write=write) as runner:
        yield AppReads(runner)
