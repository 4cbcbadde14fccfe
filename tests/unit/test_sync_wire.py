"""Sync's description of the synced tables (written out in tracker/storage/sync/wire.py,
so a sync loads neither SQLAlchemy nor the models) is the models' own: every column, its
kind and its default. A model change without the matching wire change fails here."""

from __future__ import annotations

import enum
from typing import Any

from sqlalchemy import Boolean, Date, DateTime
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
from tracker.storage.sync.wire import SYNCED, from_sqlite, to_sqlite, to_wire

LOCAL_KEYS = {"id", "profile_id", "uuid", "sync_version"}


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
    value = default.arg
    return value.value if isinstance(value, enum.Enum) else value


def test_the_wire_knows_every_synced_column_as_the_models_define_it() -> None:
    rows = (ProfileRow, SettingsRow, DayLogRow, EpisodeRow, MedicationRow, RemedyUseRow)
    assert list(SYNCED) == [r.__tablename__ for r in (*rows, SyncConflictRow)]
    for row_type in (*rows, SyncConflictRow):
        table: Any = row_type.__table__
        spec = SYNCED[table.name]
        columns = tuple(c.name for c in table.columns if c.name not in LOCAL_KEYS)
        assert spec.columns == columns, table.name
        assert spec.owned == (row_type is not ProfileRow), table.name
        for column in table.columns:
            if column.name in columns:
                assert spec.kind(column.name) == _kind(column), (table.name, column.name)
                assert spec.new_record()[column.name] == _default(column), column.name


def test_values_keep_their_form_on_the_way_through_sqlite() -> None:
    import datetime as dt

    moment = dt.datetime(2026, 11, 20, 14, 30, tzinfo=dt.timezone(dt.timedelta(hours=7)))
    assert to_wire(moment) == "2026-11-20 07:30:00.000000"
    assert to_wire(dt.date(2026, 11, 20)) == "2026-11-20"
    assert from_sqlite("instant", "2026-11-20 07:30:00") == "2026-11-20 07:30:00.000000"
    assert from_sqlite("bool", 1) is True and to_sqlite("bool", False) == 0
    assert from_sqlite("plain", 7.5) == 7.5
