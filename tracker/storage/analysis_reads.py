"""The reads of insights and warnings, through plain sqlite3 (no SQLAlchemy at all).

The analysis reads a whole diary (ten years: ≈100,000 episodes) and must answer in
tens of milliseconds, in a command whose whole process is timed (DESIGN.md "Budgets").
Importing SQLAlchemy alone took longer than that, and its result processing costs more
than the queries; so these reads run on the device's store file as plain SQL and hand
back tuples and domain records. They only read: the store is opened (created,
migrated, checked) by `tracker.storage.engine.open_store`, or found at the current
schema by `current_store_file`.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from tracker.domain import (
    RED_FLAGS,
    BodySite,
    Medication,
    MedicationKind,
    Profile,
    Settings,
    Side,
)
from tracker.formats.records import DAY_COLUMNS
from tracker.i18n import gettext as _
from tracker.storage.migrate import HEAD_REVISION, StoreError
from tracker.storage.paths import DB_FILENAME
from tracker.storage.sqlite import (
    UTC_MINUTE_OF_DAY,
    ConnectionRunner,
    StoreFileError,
    device_transaction,
    planner_hint,
)
from tracker.storage.sqlite import read_revision as _read_revision

DAY_FACTOR_COLUMNS: tuple[str, ...] = tuple(c for c in DAY_COLUMNS if c not in ("date", "note"))

# (days after the first day asked for, episodes, max_intensity, total_duration_s or None)
DailyEpisodeRow = tuple[int, int, int, int | None]
# (local_date, body_site, side, pain, swelling, warmth, numbness_tingling, weakness)
RedFlagRow = tuple[dt.date, str, str, bool, bool, bool, bool, bool]

_LIVE_EPISODE = "profile_id = :p AND deleted_at IS NULL"
# Every site and side spelt out: SQLite then reads a period of each (site, side) in the
# per-day summary's key order (profile, site, side, day), instead of its (profile, day)
# index and then the rows.
_EVERY_PLACE = (
    f"body_site IN ({', '.join(repr(site.value) for site in BodySite)})"
    f" AND side IN ({', '.join(repr(side.value) for side in Side)})"
)
# The partial index that answers the hours alone: it begins with (profile, day), and
# SQLite's planner, which does not count it as covering (its condition names
# deleted_at), took another one: named, the query reads it.
_BY_START = "INDEXED BY ix_twitch_episode_live_start"
# As ix_twitch_episode_live_red_flag spells it (migration 0006): SQLite reads a partial
# index only for a query whose WHERE holds the index's condition as written.
_RED_FLAGGED = f"({' OR '.join(f'{flag} = 1' for flag in RED_FLAGS)})"
# A day as the number of days after :first: the series is indexed by it, and SQLite
# works it out for a few thousand days faster than Python turns them into dates.
_AFTER_FIRST = "CAST(julianday({column}) - julianday(:first) AS INTEGER)"
_day = dt.date.fromisoformat


def current_store_file(data_dir: Path) -> Path | None:
    """The store file in `data_dir` when it exists and is at the current schema: then
    reading it needs no migration. None otherwise (the caller opens it the full way,
    which creates, migrates or refuses it with its reasons)."""
    db_path = data_dir / DB_FILENAME
    if not db_path.is_file():
        return None
    try:
        revision = _read_revision(db_path)[0]
    except StoreFileError:
        return None
    return db_path if revision == HEAD_REVISION else None


class AnalysisReads:
    def __init__(self, runner: ConnectionRunner, *, count_places: bool = False) -> None:
        self._run = runner.run
        # With count_places, the warnings' read of the whole diary also counts the
        # episodes by (site, side), kept for each (profile, last day) with the first
        # episode day: a report of the whole diary takes its places from that scan (the
        # same snapshot) instead of reading the summary again. Summing the counts costs
        # that read time, so only the charts and the report ask for it.
        self._count_places = count_places
        self._places_until: dict[tuple[int, dt.date], tuple[str, dict[tuple[str, str], int]]] = {}

    def live_profiles(self) -> list[Profile]:
        """Live profiles, oldest first (as ProfileRepository.list)."""
        rows = self._run(
            "SELECT id, name, sex, uuid FROM profile WHERE deleted_at IS NULL ORDER BY id"
        )
        return [Profile(id=i, name=name, sex=sex, uuid=uuid) for i, name, sex, uuid in rows]

    def settings(self, profile_id: int) -> Settings:
        row = self._run(
            "SELECT language, water_target_ml, reminder_time, recurring_days,"
            " persist_span_days, reset_free_days FROM settings WHERE profile_id = :p",
            {"p": profile_id},
        ).first()
        if row is None:
            return Settings()
        language, water, reminder, recurring, persist, reset = row
        return Settings(
            language=language,
            water_target_ml=water,
            reminder_time=None if reminder is None else dt.time.fromisoformat(reminder),
            recurring_days=recurring,
            persist_span_days=persist,
            reset_free_days=reset,
        )

    def first_entry_day(self, profile_id: int) -> dt.date | None:
        """The first day with a live episode, day log or remedy (deleted ones are gone)."""
        first = self._run(
            "SELECT min(day) FROM ("
            " SELECT min(local_date) AS day FROM episode_day WHERE profile_id = :p"
            " UNION ALL SELECT min(date) FROM day_log WHERE profile_id = :p"
            " AND deleted_at IS NULL"
            " UNION ALL SELECT min(date) FROM remedy_use WHERE profile_id = :p"
            " AND deleted_at IS NULL)",
            {"p": profile_id},
        ).scalar()
        return None if first is None else _day(first)

    def daily_episodes(
        self, profile_id: int, first: dt.date, last: dt.date
    ) -> list[DailyEpisodeRow]:
        """(days after `first`, live episodes, strongest, summed duration or None) for
        each day with an episode, oldest first: from the per-day summary (its (profile,
        day) index, covering), whose (site, side) rows of a day are summed again (a sum
        of sums is NULL only when every duration was)."""
        rows = self._run(
            f"SELECT {_AFTER_FIRST.format(column='local_date')}, sum(episodes),"  # noqa: S608
            " max(max_intensity), sum(total_duration_s) FROM episode_day"
            " WHERE profile_id = :p AND local_date BETWEEN :first AND :last"
            " GROUP BY local_date ORDER BY local_date",
            {"p": profile_id, "first": first.isoformat(), "last": last.isoformat()},
        )
        return [tuple(row) for row in rows]

    def day_factors(
        self, profile_id: int, first: dt.date, last: dt.date
    ) -> list[tuple[object, ...]]:
        """(days after `first`, *DAY_FACTOR_COLUMNS) for each logged day, oldest first."""
        after_first = _AFTER_FIRST.format(column="date")
        return self._run(
            f"SELECT {after_first}, {', '.join(DAY_FACTOR_COLUMNS)} FROM day_log"  # noqa: S608 - fixed names
            " WHERE profile_id = :p AND date BETWEEN :first AND :last ORDER BY date",
            {"p": profile_id, "first": first.isoformat(), "last": last.isoformat()},
        )

    def medications(self, profile_id: int, first: dt.date, last: dt.date) -> list[Medication]:
        """Live medication periods that touch first…last."""
        rows = self._run(
            "SELECT id, name, kind, started_on, stopped_on, uuid FROM medication"
            " WHERE profile_id = :p AND deleted_at IS NULL AND started_on <= :last"
            " AND (stopped_on IS NULL OR stopped_on >= :first) ORDER BY started_on, id",
            {"p": profile_id, "first": first.isoformat(), "last": last.isoformat()},
        )
        return [
            Medication(
                id=i,
                profile_id=profile_id,
                name=name,
                kind=MedicationKind(kind),
                started_on=_day(started),
                stopped_on=None if stopped is None else _day(stopped),
                uuid=uuid,
            )
            for i, name, kind, started, stopped, uuid in rows
        ]

    def days_by_site(
        self, profile_id: int, first: dt.date | None, last: dt.date
    ) -> dict[str, dict[str, set[int]]]:
        """For each body site and each side logged there (stored text): the days (date
        ordinals, as the warnings count them) with a live episode from `first` (None:
        the very first) to `last`, both included.
        They come from the per-day summary's (profile, site, side, day) key, one entry
        per site-day (ten years: ≈10 times fewer than the episodes); a range of days
        reads a range of each (site, side), the whole diary reads the profile's keys."""
        params = {"p": profile_id, "last": last.isoformat()}
        if first is None:
            within = f"{planner_hint('local_date')} <= :last"
        else:
            within = f"{_EVERY_PLACE} AND local_date BETWEEN :first AND :last"
            params["first"] = first.isoformat()
        # One row per (site, side) with its days joined: SQLite joins them in half the
        # time the rows take to come back one by one.
        counting = first is None and self._count_places
        found = self._run(
            "SELECT body_site, side, group_concat(local_date)"  # noqa: S608
            f"{', sum(episodes)' if counting else ''} FROM episode_day"
            f" WHERE profile_id = :p AND {within} GROUP BY body_site, side",
            params,
        )
        rows = [(row[0], row[1], row[2].split(",")) for row in found]
        every = set().union(*(texts for _site, _side, texts in rows))
        if counting:
            counts = {(site, side): count for site, side, _joined, count in found}
            self._places_until[profile_id, last] = (min(every, default=""), counts)
        ordinals = {text: _day(text).toordinal() for text in every}
        by_site: dict[str, dict[str, set[int]]] = {}
        for site, side, texts in rows:
            by_site.setdefault(site, {})[side] = set(map(ordinals.__getitem__, texts))
        return by_site

    def red_flag_episodes(self, profile_id: int, first: dt.date, last: dt.date) -> list[RedFlagRow]:
        rows = self._run(
            f"SELECT local_date, body_site, side, {', '.join(RED_FLAGS)} FROM twitch_episode"  # noqa: S608
            f" WHERE {_LIVE_EPISODE} AND local_date BETWEEN :first AND :last AND {_RED_FLAGGED}",
            {"p": profile_id, "first": first.isoformat(), "last": last.isoformat()},
        )
        return [
            (_day(day), site, side, bool(a), bool(b), bool(c), bool(d), bool(e))
            for day, site, side, a, b, c, d, e in rows
        ]

    def episodes_by_hour(self, profile_id: int, first: dt.date, last: dt.date) -> list[int]:
        """Live episodes by the local hour (0…23) they started, from first to last, from
        the covering index ix_twitch_episode_live_start. Each episode's hour comes back
        as one letter (A for 0 … X for 23) of one string, counted here: a GROUP BY on
        the hour sorted ten years' ≈100,000 rows first, which took a third longer."""
        hour = f"(({UTC_MINUTE_OF_DAY} + utc_offset_min + 1440) % 1440) / 60"
        letters = self._run(
            f"SELECT group_concat(char(65 + {hour}), '') FROM twitch_episode {_BY_START}"  # noqa: S608
            f" WHERE {_LIVE_EPISODE} AND local_date BETWEEN :first AND :last",
            {"p": profile_id, "first": first.isoformat(), "last": last.isoformat()},
        ).scalar()
        return [(letters or "").count(chr(65 + h)) for h in range(24)]

    def episodes_by_place(
        self, profile_id: int, first: dt.date, last: dt.date
    ) -> dict[tuple[str, str], int]:
        """Live episodes by (body site, side) from first to last: counted by the whole
        diary's read of the warnings when it ended on `last` and no episode is older
        than `first`, else summed from the per-day summary."""
        whole = self._places_until.get((profile_id, last))
        if whole is not None and first.isoformat() <= whole[0]:
            return dict(whole[1])
        rows = self._run(
            "SELECT body_site, side, sum(episodes) FROM episode_day"  # noqa: S608 - fixed names
            f" WHERE profile_id = :p AND {_EVERY_PLACE} AND local_date BETWEEN :first AND :last"
            " GROUP BY body_site, side",
            {"p": profile_id, "first": first.isoformat(), "last": last.isoformat()},
        )
        return {(site, side): count for site, side, count in rows}


@contextmanager
def analysis_reads(db_path: Path, *, count_places: bool = False) -> Iterator[AnalysisReads]:
    """One read-only snapshot of the store for the analysis. A store SQLite cannot read
    any more (damaged since it was opened) is a StoreError in plain words."""
    try:
        with device_transaction(db_path, write=False) as runner:
            yield AnalysisReads(runner, count_places=count_places)
    except sqlite3.DatabaseError as error:
        raise StoreError(
            _("{path} could not be read ({reason})").format(path=db_path, reason=error)
        ) from error
