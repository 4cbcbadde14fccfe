"""What travels between a device and the server: a record as a dict of its values by
column name, in one canonical JSON form on both engines.

Dates are 'YYYY-MM-DD', instants naive UTC 'YYYY-MM-DD HH:MM:SS.ffffff' (the form Kedut
stores in SQLite), yes/no values true/false, enums their text. Local keys (`id`,
`profile_id`) never travel: a record names its profile by the profile's uuid.
"""

from __future__ import annotations

import datetime as dt
import enum
import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Boolean, Date, DateTime, Table
from sqlalchemy.types import TypeDecorator

from tracker.models import (
    DayLogRow,
    EpisodeRow,
    MedicationRow,
    ProfileRow,
    RemedyUseRow,
    SettingsRow,
    SyncConflictRow,
)

INSTANT = "%Y-%m-%d %H:%M:%S.%f"
LOCAL_KEYS = frozenset({"id", "profile_id", "uuid", "sync_version"})
PROFILE_UUID = "profile_uuid"

Values = dict[str, Any]


@dataclass(frozen=True)
class SyncedTable:
    """A table whose records travel, and how its values are spelled on the wire."""

    name: str
    table: Table
    columns: tuple[str, ...]  # the values that travel, in table order
    kinds: Mapping[str, str]  # column → bool | date | instant | plain
    owned: bool  # belongs to a profile (carries profile_uuid)
    defaults: Mapping[str, Any]  # what a never-written record holds (the merge base)

    @property
    def fields(self) -> tuple[str, ...]:
        """The values a person changes (merged field by field): all but the stamp."""
        return tuple(c for c in self.columns if c != "updated_at")


def _kind(column: Any) -> str:
    kind = column.type
    if isinstance(kind, TypeDecorator):
        kind = kind.impl_instance
    if isinstance(kind, Boolean):
        return "bool"
    if isinstance(kind, DateTime):
        return "instant"
    if isinstance(kind, Date):
        return "date"
    return "plain"


def _default(column: Any) -> Any:
    default = column.default
    if default is None or not getattr(default, "is_scalar", False):
        return None
    return to_wire(default.arg)


def _synced(row_type: Any) -> SyncedTable:
    table: Table = row_type.__table__
    columns = tuple(c.name for c in table.columns if c.name not in LOCAL_KEYS)
    return SyncedTable(
        name=table.name,
        table=table,
        columns=columns,
        kinds={c.name: _kind(c) for c in table.columns},
        owned="profile_id" in table.columns and row_type is not ProfileRow,
        defaults={c.name: _default(c) for c in table.columns if c.name in columns},
    )


def to_wire(value: Any) -> Any:
    """A Python value as read through SQLAlchemy (either engine) in its wire form."""
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, dt.datetime):
        if value.utcoffset() is not None:
            value = value.astimezone(dt.UTC).replace(tzinfo=None)
        return value.strftime(INSTANT)
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


# The kinds whose SQLite form differs from the wire form.
CONVERTED = frozenset({"bool", "instant"})


def from_sqlite(kind: str, value: Any) -> Any:
    """A value as SQLite stores it (a raw read, or the outbox's JSON) in its wire form."""
    if value is None:
        return None
    if kind == "bool":
        return bool(value)
    if kind == "instant" and len(value) != 26:
        # Stamps written outside SQLAlchemy may lack the microseconds.
        return dt.datetime.fromisoformat(value).strftime(INSTANT)
    return value


def to_sqlite(kind: str, value: Any) -> Any:
    """A wire value as SQLite stores it."""
    if value is None:
        return None
    if kind == "bool":
        return 1 if value else 0
    return value


def to_python(kind: str, value: Any) -> Any:
    """A wire value as SQLAlchemy binds it (time zone aware instants, dates)."""
    if value is None:
        return None
    if kind == "instant":
        return dt.datetime.fromisoformat(value).replace(tzinfo=dt.UTC)
    if kind == "date":
        return dt.date.fromisoformat(value)
    return value


def dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


def loads(text: str) -> Any:
    return json.loads(text)


# Parents before children: a pulled page stores profiles before what belongs to them.
SYNCED: dict[str, SyncedTable] = {
    t.name: t
    for t in map(
        _synced,
        (
            ProfileRow,
            SettingsRow,
            DayLogRow,
            EpisodeRow,
            MedicationRow,
            RemedyUseRow,
            SyncConflictRow,
        ),
    )
}
