"""The report's table lists the latest episodes by the time they started, even when
travel put an earlier local day after a later one (the table reads only the last days
the daily counts point to, with a margin for time zones)."""

from __future__ import annotations

import datetime as dt

from tracker.reports.sections import MAX_EPISODE_ROWS
from tracker.services import episodes
from tracker.services.reports import report_data
from tracker.storage import Store

TODAY = dt.date(2026, 11, 25)
EAST = dt.timezone(dt.timedelta(hours=14))  # Kiribati
WEST = dt.timezone(dt.timedelta(hours=-12))  # Baker Island
NOW = dt.datetime(2026, 11, 25, 23, 0, tzinfo=EAST)


def _log(store: Store, at: dt.datetime, note: str) -> None:
    episodes.log_twitch(store, None, at=at, intensity=1, note=note, now=lambda: NOW)


def test_the_latest_episodes_are_the_latest_by_time_across_time_zones(store: Store) -> None:
    _log(store, dt.datetime(2026, 11, 1, 9, 0, tzinfo=EAST), "weeks ago")
    # On 25 November just after midnight in UTC+14, which is 10:30 on the 24th in UTC.
    for n in range(MAX_EPISODE_ROWS):
        _log(store, dt.datetime(2026, 11, 25, 0, 30, n % 60, tzinfo=EAST), f"east {n}")
    # Later by the clock, yet on 23 November by the local date: 23:30 in UTC−12.
    _log(store, dt.datetime(2026, 11, 23, 23, 30, tzinfo=WEST), "west, latest")
    data = report_data(store, None, TODAY)
    listed = [episode.note for episode in data.episodes]
    assert len(listed) == MAX_EPISODE_ROWS and data.episode_count == MAX_EPISODE_ROWS + 2
    assert listed[-1] == "west, latest"  # the newest, shown last
    assert "weeks ago" not in listed
    starts = [episode.started_at for episode in data.episodes]
    assert starts == sorted(starts)
