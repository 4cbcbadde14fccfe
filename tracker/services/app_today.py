"""What Today's wide layout shows beside the log button: twitches per day over the last
two weeks (one SQL aggregate, read without the write lock)."""

from __future__ import annotations

import datetime as dt

from tracker.storage import Store, UnitOfWork

STRIP_DAYS = 14


def recent_counts(
    store: Store, profile_id: int, today: dt.date, days: int = STRIP_DAYS
) -> list[tuple[dt.date, int]]:
    """(day, twitches) for each of the `days` days ending today, oldest first."""
    first = today - dt.timedelta(days=days - 1)
    with UnitOfWork.reading(store) as uow:
        rows = uow.aggregates.daily_episodes(profile_id, first, today)
    counts = {dt.date.fromisoformat(str(row[0])): int(row[1]) for row in rows}
    return [(first + dt.timedelta(days=n), counts.get(first + dt.timedelta(days=n), 0))
            for n in range(days)]  # fmt: skip
