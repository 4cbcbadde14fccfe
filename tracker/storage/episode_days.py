"""The per-day summary of live episodes (table `episode_day`), kept by SQLite itself.

The analysis and the report read a whole diary (ten years: ≈100,000 episodes) by day and
by (site, side, day). SQLite's cost is per index entry read, so they read one row per
(profile, day, site, side) with a live episode instead: its episodes, the strongest and
the summed duration (NULL when none of them has one, as sum() gives).

Triggers, made by migration 0007 (their SQL is there), keep it exact in the transaction
of every write of `twitch_episode`, whoever writes (the repositories, the plain-sqlite3
log, sync, conflicts, a profile's erase by cascade): a new episode is added to its group,
an edit or delete recomputes the group(s) a row left and joined from the episodes
through the (profile, site, side, day) index. A bulk insert drops the insert trigger for
its one statement and adds its new rows with one statement (`merge_inserted`), like the
outbox's (tracker.storage.sqlite.insert_many). On PostgreSQL (the household server) the
table exists, made by the same migration, and stays empty: nothing reads it there.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from tracker.storage.sqlite import Runner

TABLE = "episode_day"
INSERT_TRIGGER = "episode_day_insert"
GROUP = ("profile_id", "local_date", "body_site", "side")
_COLUMNS = "profile_id, local_date, body_site, side, episodes, max_intensity, total_duration_s"
_SUMMED = "count(*), max(intensity), sum(duration_s)"
# New episodes of a group already summed are added to it (inserts only).
_ADD = (
    f" ON CONFLICT ({', '.join(GROUP)}) DO UPDATE SET"
    " episodes = episodes + excluded.episodes,"
    " max_intensity = max(max_intensity, excluded.max_intensity),"
    " total_duration_s = CASE WHEN total_duration_s IS NULL"
    " THEN excluded.total_duration_s ELSE total_duration_s"
    " + coalesce(excluded.total_duration_s, 0) END"
)


# The summary of every live episode, as the migration filled the table (the tests compare
# the table with it).
EVERY_GROUP = (
    f"SELECT {', '.join(GROUP)}, {_SUMMED} FROM twitch_episode"  # noqa: S608 - fixed names
    " WHERE deleted_at IS NULL"
    f" GROUP BY {', '.join(GROUP)}"
)

# The rows a bulk insert added (rowid > :last), summed by group and added to the summary: for
# inserts alone, adding each group's new count, strongest and summed duration to what is
# there is the same as recomputing it (a sum stays NULL only while both sides are).
MERGE_INSERTED = (
    f"INSERT INTO {TABLE} ({_COLUMNS})"  # noqa: S608 - fixed names
    f" SELECT {', '.join(GROUP)}, {_SUMMED} FROM twitch_episode"
    f" WHERE rowid > :last AND deleted_at IS NULL GROUP BY {', '.join(GROUP)}{_ADD}"
)


def merge_inserted(connection: Any, last_rowid: int) -> None:
    """Add the episodes stored after rowid `last_rowid` to the summary (one statement)."""
    connection.exec_driver_sql(MERGE_INSERTED, {"last": last_rowid})


def insert_summed(db: Runner, statement: str, rows: Sequence[Mapping[str, Any]]) -> None:
    """Sync's apply: many episodes pulled from the server inserted by one executemany
    without the summary's insert trigger, then added to the summary by one statement
    (a second device's pull of ten years: ≈ 2 s less). All in the caller's transaction."""
    saved = db.run(
        "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = :n",
        {"n": INSERT_TRIGGER},
    ).scalar()
    if saved is None:
        db.many(statement, rows)
        return
    last = db.run("SELECT coalesce(max(rowid), 0) FROM twitch_episode").scalar()
    db.run(f"DROP TRIGGER {INSERT_TRIGGER}")
    try:
        db.many(statement, rows)
        db.run(MERGE_INSERTED, {"last": last})
    finally:
        # A rolled-back transaction (a full disk) took the drop back with it.
        still = db.run(
            "SELECT 1 FROM sqlite_master WHERE type = 'trigger' AND name = :n",
            {"n": INSERT_TRIGGER},
        ).scalar()
        if still is None:
            db.run(saved)
