"""Set-based reads and bulk writes for imports: a ten-year diary (~100,000 episodes) is
checked against what is stored with one query per table and written with one
executemany per table, inside the unit of work's transaction, never as ORM objects
per row (those alone take seconds)."""

from __future__ import annotations

import datetime as dt
import operator
from collections.abc import Callable, Sequence
from typing import Any

from sqlalchemy import Table, bindparam, insert, select, update
from sqlalchemy.orm import Session

from tracker.domain import Profile
from tracker.domain.identity import day_uuid, new_uuid
from tracker.domain.records import local_dates_of
from tracker.formats.matching import ATTRS, Change, Stored
from tracker.formats.parse import Record
from tracker.models import (
    DayLogRow,
    EpisodeRow,
    MedicationRow,
    ProfileRow,
    RemedyUseRow,
    SettingsRow,
)
from tracker.models.base import UTCDateTime
from tracker.storage.sqlite import insert_many, sqlite_instant

_BIG = 10_000
_BIG_CACHE_KIB = 64 * 1024
_ROWS: dict[str, Any] = {
    "episodes.csv": EpisodeRow,
    "days.csv": DayLogRow,
    "medications.csv": MedicationRow,
    "remedies.csv": RemedyUseRow,
}


class BulkRecords:
    def __init__(self, session: Session) -> None:
        self._session = session

    def stored(self, kind: str, profile_id: int, with_values: bool) -> list[Stored]:
        """Every record of the profile (deleted ones too): uuid, key, deleted, values."""
        row = _ROWS[kind]
        key = row.date if kind == "days.csv" else row.id
        values = [getattr(row, a) for a in ATTRS[kind]] if with_values else []
        query = select(row.uuid, key, row.deleted_at, *values).where(row.profile_id == profile_id)
        return [
            Stored(found[0], found[1], found[2] is not None, tuple(found[3:]))
            for found in self._session.execute(query)
        ]

    def foreign_uuids(self, kind: str, profile_id: int) -> set[str]:
        """The uuids of this kind stored for the other profiles."""
        row = _ROWS[kind]
        query = select(row.uuid).where(row.profile_id != profile_id)
        return set(self._session.scalars(query))

    def insert(
        self, kind: str, profile_id: int, records: Sequence[Record], now: dt.datetime
    ) -> None:
        """Store new records; each keeps its uuid and stamps, or gets new ones (now)."""
        if not records:
            return
        names = ("date", *ATTRS[kind]) if kind == "days.csv" else ATTRS[kind]
        values = list(zip(*map(operator.attrgetter(*names, "deleted_at"), records), strict=True))
        columns: dict[str, Sequence[Any]] = dict(zip((*names, "deleted_at"), values, strict=True))
        columns["profile_id"] = [profile_id] * len(records)
        if kind == "days.csv":
            profile = self._session.get(ProfileRow, profile_id)
            assert profile is not None
            # A day keeps the uuid it was given where it was first logged; one without
            # gets the profile's own (DESIGN.md: uuid5 of the profile's uuid and the date).
            days: Sequence[Any] = records
            columns["uuid"] = [d.uuid or day_uuid(profile.uuid, d.date) for d in days]
        else:
            columns["uuid"] = [r.uuid or new_uuid() for r in records]
        columns["updated_at"] = [r.updated_at or now for r in records]
        if kind == "episodes.csv":
            episodes: Sequence[Any] = records
            columns["local_date"] = local_dates_of(episodes)
            columns["created_at"] = [e.created_at or now for e in episodes]
        _execute_many(self._session, _ROWS[kind].__table__, columns)

    def update(
        self, kind: str, profile_id: int, changes: Sequence[Change], now: dt.datetime
    ) -> None:
        """Write the changed attributes of stored records (grouped: one statement each)."""
        row = _ROWS[kind]
        table: Table = row.__table__
        by_attrs: dict[tuple[str, ...], list[Change]] = {}
        for change in changes:
            by_attrs.setdefault(change.attrs, []).append(change)
        key = "date" if kind == "days.csv" else "id"
        for attrs, group in by_attrs.items():
            names = list(attrs)
            if kind == "episodes.csv" and "started_at" in names:
                names.append("local_date")
            statement = (
                update(table)
                .where(table.c.profile_id == profile_id, table.c[key] == bindparam("key"))
                .values({n: bindparam(f"new_{n}") for n in (*names, "updated_at")})
            )
            params = [
                {
                    "key": change.key,
                    **{f"new_{n}": getattr(change.record, n) for n in names},
                    "new_updated_at": now,
                }
                for change in group
            ]
            self._session.execute(statement, params)

    def profiles(self) -> list[Profile]:
        """Every profile, deleted ones too (for the backup), oldest first: by when it was
        made, then its uuid, never by local id, so that synced devices write one file."""
        rows = self._session.scalars(
            select(ProfileRow).order_by(ProfileRow.created_at, ProfileRow.uuid)
        )
        return [
            Profile(
                id=row.id,
                name=row.name,
                sex=row.sex,
                uuid=row.uuid,
                created_at=row.created_at,
                updated_at=row.updated_at,
                deleted_at=row.deleted_at,
            )
            for row in rows
        ]

    def settings_updated_at(self, profile_id: int) -> dt.datetime | None:
        """When the profile's settings were last saved; None when never (all defaults)."""
        return self._session.scalar(
            select(SettingsRow.updated_at).where(SettingsRow.profile_id == profile_id)
        )


def _execute_many(session: Session, table: Table, columns: dict[str, Sequence[Any]]) -> None:
    """One executemany of plain tuples, each value converted by its column's own type as
    the dialect stores it (its bind processor), once per distinct value of a column."""
    connection = session.connection()
    dialect = connection.dialect
    statement = insert(table).compile(dialect=dialect, column_keys=list(columns))
    order = statement.positiontup if statement.positional else None
    assert order is not None, "bulk inserts need a positional DB-API (SQLite's qmark)"
    converted = []
    for name in order:
        process = table.c[name].type.dialect_impl(dialect).bind_processor(dialect)
        if dialect.name == "sqlite" and isinstance(table.c[name].type, UTCDateTime):
            process = sqlite_instant
        values = columns[name]
        converted.append(values if process is None else _processed(values, process))
    rows = list(zip(*converted, strict=True))
    if dialect.name != "sqlite":
        connection.exec_driver_sql(str(statement), rows)
        return
    if len(rows) < _BIG:
        insert_many(connection, table.name, str(statement), rows)
        return
    # The uuid index takes its rows in random order: with SQLite's default 2 MB page
    # cache a big import keeps re-reading index pages, so it gets more for a while.
    # And every value was checked by the domain record it comes from (the same bounds
    # and choices as the table's CHECK constraints), so SQLite need not check it again
    # for each of 100,000 rows: that halves the statement's time.
    usual = connection.exec_driver_sql("PRAGMA cache_size").scalar() or -2000
    connection.exec_driver_sql(f"PRAGMA cache_size=-{_BIG_CACHE_KIB}")
    connection.exec_driver_sql("PRAGMA ignore_check_constraints=ON")
    try:
        insert_many(connection, table.name, str(statement), rows)
    finally:
        connection.exec_driver_sql("PRAGMA ignore_check_constraints=OFF")
        connection.exec_driver_sql(f"PRAGMA cache_size={int(usual)}")


def _processed(values: Sequence[Any], process: Callable[[Any], Any]) -> list[Any]:
    """`process` applied to each distinct value once, then looked up for every row (a
    column of mostly distinct values, such as instants, is converted value by value)."""
    if len(set(values[:256])) > 128:
        return [None if value is None else process(value) for value in values]
    memo = {value: process(value) for value in set(values) if value is not None}
    memo[None] = None
    return list(map(memo.__getitem__, values))
