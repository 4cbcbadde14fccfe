"""An episode keeps its UTC instant and the offset it was logged at; its day is the day
on the person's own clock."""

from __future__ import annotations

import datetime as dt

import pytest

from tracker.domain import Episode, ValidationError, local_date_of
from tracker.domain.records import local_dates_of


def at(text: str) -> Episode:
    moment = dt.datetime.fromisoformat(text)
    offset = moment.utcoffset()
    assert offset is not None
    return Episode(started_at=moment, utc_offset_min=int(offset.total_seconds() // 60))


def test_late_evening_in_jakarta_belongs_to_that_local_day() -> None:
    episode = at("2026-11-25T23:30+07:00")
    assert episode.started_at == dt.datetime(2026, 11, 25, 16, 30, tzinfo=dt.UTC)
    assert episode.local_date == dt.date(2026, 11, 25)


def test_early_morning_in_jakarta_is_the_previous_day_in_utc_but_not_locally() -> None:
    episode = at("2026-11-25T06:30+07:00")
    assert episode.started_at.date() == dt.date(2026, 11, 24)
    assert episode.local_date == dt.date(2026, 11, 25)


def test_evening_west_of_greenwich_stays_on_the_local_day() -> None:
    episode = at("2026-11-25T21:00-05:00")
    assert episode.started_at.date() == dt.date(2026, 11, 26)
    assert episode.local_date == dt.date(2026, 11, 25)


def test_the_local_clock_time_is_given_back_with_its_offset() -> None:
    episode = at("2026-11-25T23:30+07:00")
    assert episode.local_started_at.isoformat() == "2026-11-25T23:30:00+07:00"


def test_half_hour_offsets_work() -> None:
    assert local_date_of(dt.datetime(2026, 11, 25, 18, 45, tzinfo=dt.UTC), 330) == dt.date(
        2026, 11, 26
    )


def test_a_time_without_an_offset_is_refused() -> None:
    with pytest.raises(ValidationError, match=r"^Date and time: .*with a UTC offset"):
        Episode(started_at=dt.datetime(2026, 11, 25, 23, 30), utc_offset_min=420)  # noqa: DTZ001


@pytest.mark.parametrize("offset", [-721, 841])
def test_offsets_beyond_real_time_zones_are_refused(offset: int) -> None:
    with pytest.raises(ValidationError, match=r"^Time zone offset \(minutes\): "):
        Episode(started_at=dt.datetime(2026, 11, 25, tzinfo=dt.UTC), utc_offset_min=offset)


def test_the_local_dates_of_many_episodes_at_once_are_each_ones_own() -> None:
    """An import works out 100,000 local dates at once (tracker.storage.bulk)."""
    jakarta = dt.timezone(dt.timedelta(hours=7))
    moments = [
        dt.datetime(2026, 11, 20, 23, 30, tzinfo=dt.UTC),
        dt.datetime(2026, 11, 20, 23, 30, tzinfo=jakarta),  # not in UTC: converted
        dt.datetime(2026, 12, 31, 20, 0, tzinfo=dt.UTC),
    ]
    episodes = [
        Episode(started_at=moment, utc_offset_min=offset)
        for moment in moments
        for offset in (-720, -30, 0, 420, 840)
    ]
    assert local_dates_of(episodes) == [e.local_date for e in episodes]
    assert local_dates_of(episodes)[3] == dt.date(2026, 11, 21)  # 23:30 UTC + 7 h
