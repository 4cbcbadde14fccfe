"""Two partial indexes for the doctor report over a whole diary (issue 15): the episodes
by the hour they started read (day, start, offset) of live episodes from a covering
index, and the red-flag days read only the few live episodes with a red-flag sign. With
the (profile, day) index alone SQLite looked up each of ten years' ≈100,000 rows in the
table for both.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-09 09:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | None = None
depends_on: str | None = None

_HOUR = "ix_twitch_episode_live_start"
_RED_FLAG = "ix_twitch_episode_live_red_flag"
_LIVE = "deleted_at IS NULL"
# The condition is spelt as the reads spell it (tracker.storage.analysis_reads): SQLite
# uses a partial index only for a query whose WHERE contains its condition as written.
_FLAGS = ("pain", "swelling", "warmth", "numbness_tingling", "weakness")
_SQLITE_FLAGGED = f"{_LIVE} AND ({' OR '.join(f'{flag} = 1' for flag in _FLAGS)})"
_POSTGRESQL_FLAGGED = f"{_LIVE} AND ({' OR '.join(_FLAGS)})"


def upgrade() -> None:
    op.create_index(
        _HOUR,
        "twitch_episode",
        ["profile_id", "local_date", "started_at", "utc_offset_min"],
        unique=False,
        sqlite_where=sa.text(_LIVE),
        postgresql_where=sa.text(_LIVE),
    )
    op.create_index(
        _RED_FLAG,
        "twitch_episode",
        ["profile_id", "local_date"],
        unique=False,
        sqlite_where=sa.text(_SQLITE_FLAGGED),
        postgresql_where=sa.text(_POSTGRESQL_FLAGGED),
    )


def downgrade() -> None:
    op.drop_index(_RED_FLAG, table_name="twitch_episode")
    op.drop_index(_HOUR, table_name="twitch_episode")
