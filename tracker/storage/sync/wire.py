"""What travels between a device and the server: a record as a dict of its values by
column name, in one canonical JSON form on both engines. Plain Python: a sync process
loads neither SQLAlchemy nor the models.

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

INSTANT = "%Y-%m-%d %H:%M:%S.%f"
LOCAL_KEYS = frozenset({"id", "profile_id", "uuid", "sync_version"})
PROFILE_UUID = "profile_uuid"

Values = dict[str, Any]


@dataclass(frozen=True)
class SyncedTable:
    """A table whose records travel, and how its values are spelled on the wire."""

    name: str
    columns: tuple[str, ...]  # the values that travel, in table order
    kinds: Mapping[str, str]  # column → bool | date | instant (missing: plain)
    owned: bool  # belongs to a profile (carries profile_uuid)
    defaults: Mapping[str, Any]  # what a never-written record holds (the merge base)

    @property
    def fields(self) -> tuple[str, ...]:
        """The values a person changes (merged field by field): all but the stamp."""
        return tuple(c for c in self.columns if c != "updated_at")

    def kind(self, column: str) -> str:
        return self.kinds.get(column, "plain")

    def new_record(self) -> Values:
        """What a record the server has never seen held: its defaults, else nothing."""
        return {column: self.defaults.get(column) for column in self.columns}


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


# The synced tables as the models define them (written out, so that a sync needs neither
# SQLAlchemy nor the models loaded: tests/unit/test_sync_wire.py keeps the two equal).
# Parents before children: a pulled page stores profiles before what belongs to them.
_STAMPS = ("updated_at", "deleted_at")
_INSTANTS = {"updated_at": "instant", "deleted_at": "instant"}
_FLAGS = ("pain", "swelling", "warmth", "numbness_tingling", "weakness")
_DAY_FLAGS = ("diarrhea", "calcium_rich_food", "magnesium_rich_food", "vitamin_supplement")
SYNCED: dict[str, SyncedTable] = {
    table.name: table
    for table in (
        SyncedTable(
            "profile",
            ("name", "sex", "created_at", *_STAMPS),
            {"created_at": "instant", **_INSTANTS},
            owned=False,
            defaults={"name": None, "sex": "unspecified", "created_at": None},
        ),
        SyncedTable(
            "settings",
            (
                "language",
                "water_target_ml",
                "reminder_time",
                "recurring_days",
                "persist_span_days",
                "reset_free_days",
                *_STAMPS,
            ),
            _INSTANTS,
            owned=True,
            defaults={
                "language": "en",
                "water_target_ml": None,
                "reminder_time": None,
                "recurring_days": 3,
                "persist_span_days": 14,
                "reset_free_days": 7,
            },
        ),
        SyncedTable(
            "day_log",
            (
                "date",
                "sleep_h",
                "sleep_quality",
                "water_ml",
                "exercise_min",
                "exercise_intensity",
                "stress",
                "caffeine_mg",
                "alcohol_units",
                *_DAY_FLAGS,
                "note",
                *_STAMPS,
            ),
            {"date": "date", **dict.fromkeys(_DAY_FLAGS, "bool"), **_INSTANTS},
            owned=True,
            defaults={},
        ),
        SyncedTable(
            "twitch_episode",
            (
                "started_at",
                "utc_offset_min",
                "local_date",
                "duration_s",
                "body_site",
                "side",
                "intensity",
                "context",
                *_FLAGS,
                "note",
                "created_at",
                *_STAMPS,
            ),
            {
                "started_at": "instant",
                "local_date": "date",
                **dict.fromkeys(_FLAGS, "bool"),
                "created_at": "instant",
                **_INSTANTS,
            },
            owned=True,
            defaults=dict.fromkeys(_FLAGS, False),
        ),
        SyncedTable(
            "medication",
            ("name", "kind", "started_on", "stopped_on", *_STAMPS),
            {"started_on": "date", "stopped_on": "date", **_INSTANTS},
            owned=True,
            defaults={},
        ),
        SyncedTable(
            "remedy_use",
            ("date", "remedy", "helped", "note", *_STAMPS),
            {"date": "date", **_INSTANTS},
            owned=True,
            defaults={},
        ),
        SyncedTable(
            "sync_conflict",
            (
                "table_name",
                "record_uuid",
                "field",
                "shown_value",
                "other_value",
                "shown_at",
                "other_at",
                "other_by",
                "created_at",
                "resolved_at",
                *_STAMPS,
            ),
            dict.fromkeys(
                ("shown_at", "other_at", "created_at", "resolved_at", *_STAMPS), "instant"
            ),
            owned=True,
            defaults={},
        ),
    )
}
