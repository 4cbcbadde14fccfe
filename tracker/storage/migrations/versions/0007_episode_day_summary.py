"""The per-day summary of live episodes (issue 15): one row per (profile, day, site,
side) with its episodes, strongest and summed duration, filled from the episodes here
and kept by SQLite triggers (tracker.storage.episode_days). The daily series and the
warnings' site-days read ≈ 10 times fewer index entries than the episodes' own indexes.
On PostgreSQL (the household server) the table is made and stays empty.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-16 09:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from tracker.storage import episode_days

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    op.create_table(
        "episode_day",
        sa.Column("profile_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("body_site", sa.String(length=20), nullable=False),
        sa.Column("side", sa.String(length=20), nullable=False),
        sa.Column("local_date", sa.Date(), nullable=False),
        sa.Column("episodes", sa.Integer(), nullable=False),
        sa.Column("max_intensity", sa.Integer(), nullable=False),
        sa.Column("total_duration_s", sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint(
            "profile_id", "body_site", "side", "local_date", name=op.f("pk_episode_day")
        ),
        sqlite_with_rowid=False,
    )
    op.create_index(
        "ix_episode_day_profile_day",
        "episode_day",
        ["profile_id", "local_date", "episodes", "max_intensity", "total_duration_s"],
        unique=False,
    )
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        bind.exec_driver_sql(
            f"INSERT INTO episode_day ({', '.join(episode_days.GROUP)}, episodes,"
            f" max_intensity, total_duration_s) {episode_days.EVERY_GROUP}"
        )
        for statement in episode_days.triggers():
            bind.exec_driver_sql(statement)


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        for name in episode_days.TRIGGER_NAMES:
            bind.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name}")
    op.drop_index("ix_episode_day_profile_day", table_name="episode_day")
    op.drop_table("episode_day")
