"""A partial covering index for the daily series: per day of live episodes, how many,
the strongest and their summed duration (issue 15). The (profile, day) index alone makes
SQLite look up every one of ten years' ≈100,000 rows in the table.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-08 09:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | None = None
depends_on: str | None = None

_NAME = "ix_twitch_episode_live_day"
_LIVE = "deleted_at IS NULL"


def upgrade() -> None:
    op.create_index(
        _NAME,
        "twitch_episode",
        ["profile_id", "local_date", "intensity", "duration_s"],
        unique=False,
        sqlite_where=sa.text(_LIVE),
        postgresql_where=sa.text(_LIVE),
    )


def downgrade() -> None:
    op.drop_index(_NAME, table_name="twitch_episode")
