"""A partial covering index for the warnings: distinct (site, side, day) of live episodes.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25 13:17:03.262448
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:

    with op.batch_alter_table("twitch_episode", schema=None) as batch_op:
        batch_op.create_index(
            "ix_twitch_episode_live_site_day",
            ["profile_id", "body_site", "side", "local_date"],
            unique=False,
            sqlite_where=sa.text("deleted_at IS NULL"),
            # Added with sync (0004): no PostgreSQL store existed before it.
            postgresql_where=sa.text("deleted_at IS NULL"),
        )


def downgrade() -> None:

    with op.batch_alter_table("twitch_episode", schema=None) as batch_op:
        batch_op.drop_index(
            "ix_twitch_episode_live_site_day", sqlite_where=sa.text("deleted_at IS NULL")
        )
