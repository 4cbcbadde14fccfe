"""What Today's wide layout shows beside the log button: twitches per day over the last
two weeks (one SQL aggregate through plain sqlite3, read without the write lock)."""

from __future__ import annotations

import datetime as dt

from tracker.storage import Store
from tracker.storage.app_reads import app_reads

STRIP_DAYS = 14


def recent_counts(
    store: Store, profile_id: int, today: dt.date, days: int = STRIP_DAYS
) -> list[tuple[dt.date, int]]:
    """(day, twitches) for each of the `days` days ending today, oldest first."""
    first = today - dt.timedelta(days=days - 1)
    with app_reads(store.db_path) as reads:
        rows = reads.daily_episodes(profile_id, first, today)
    counts = {after_first: episodes for after_first, episodes, _strongest, _duration_s in rows}
    return [(first + dt.timedelta(days=n), counts.get(n, 0)) for n in range(days)]
