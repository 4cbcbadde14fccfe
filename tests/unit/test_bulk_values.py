"""The bulk insert's own writers of values (tracker.storage): each one writes exactly
what SQLAlchemy's column type would, so a row stored in bulk reads back as any other."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy.dialects import sqlite

from tracker.models.base import UTCDateTime
from tracker.storage.sqlite import sqlite_instant

_DIALECT = sqlite.dialect()
_STORED = UTCDateTime().dialect_impl(_DIALECT).bind_processor(_DIALECT)
_OFFSETS = st.integers(-720, 840).map(lambda m: dt.timezone(dt.timedelta(minutes=m)))


@given(
    st.datetimes(
        min_value=dt.datetime(1900, 1, 2),  # noqa: DTZ001 - the zone comes from timezones
        max_value=dt.datetime(2100, 12, 30),  # noqa: DTZ001
        timezones=st.one_of(st.just(dt.UTC), _OFFSETS),
    )
)
def test_an_instant_is_written_as_the_column_type_writes_it(moment: dt.datetime) -> None:
    assert _STORED is not None
    assert sqlite_instant(moment) == _STORED(moment)


def test_no_instant_and_a_naive_one_are_as_the_column_type_has_them() -> None:
    assert _STORED is not None
    assert sqlite_instant(None) is None is _STORED(None)
    naive = dt.datetime(2026, 11, 20, 21, 30)  # noqa: DTZ001 - refused, as it must be
    for write in (sqlite_instant, _STORED):
        with pytest.raises(ValueError, match="time zone aware"):
            write(naive)
