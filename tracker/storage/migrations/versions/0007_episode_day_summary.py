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

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | None = None
depends_on: str | None = None

# Written out here, not taken from tracker.storage.episode_days: a migration never
# changes; a later change to the summary comes with a migration of its own.
FILL = (
    "INSERT INTO episode_day (profile_id, local_date, body_site, side, episodes, "
    "max_intensity, total_duration_s) SELECT profile_id, local_date, body_site, "
    "side, count(*), max(intensity), sum(duration_s) FROM twitch_episode WHERE "
    "deleted_at IS NULL GROUP BY profile_id, local_date, body_site, side"
)
TRIGGERS = (
    (
        "CREATE TRIGGER episode_day_insert AFTER INSERT ON twitch_episode WHEN "
        "NEW.deleted_at IS NULL BEGIN INSERT INTO episode_day (profile_id, local_date, "
        "body_site, side, episodes, max_intensity, total_duration_s) VALUES "
        "(NEW.profile_id, NEW.local_date, NEW.body_site, NEW.side, 1, NEW.intensity, "
        "NEW.duration_s) ON CONFLICT (profile_id, local_date, body_site, side) DO "
        "UPDATE SET episodes = episodes + excluded.episodes, max_intensity = "
        "max(max_intensity, excluded.max_intensity), total_duration_s = CASE WHEN "
        "total_duration_s IS NULL THEN excluded.total_duration_s ELSE total_duration_s "
        "+ coalesce(excluded.total_duration_s, 0) END; END"
    ),
    (
        "CREATE TRIGGER episode_day_update AFTER UPDATE OF profile_id, local_date, "
        "body_site, side, intensity, duration_s, deleted_at ON twitch_episode BEGIN "
        "DELETE FROM episode_day WHERE profile_id = OLD.profile_id AND local_date = "
        "OLD.local_date AND body_site = OLD.body_site AND side = OLD.side; INSERT INTO "
        "episode_day (profile_id, local_date, body_site, side, episodes, max_intensity, "
        "total_duration_s) SELECT profile_id, local_date, body_site, side, count(*), "
        "max(intensity), sum(duration_s) FROM twitch_episode WHERE profile_id = "
        "OLD.profile_id AND local_date = OLD.local_date AND body_site = OLD.body_site "
        "AND side = OLD.side AND deleted_at IS NULL GROUP BY profile_id, local_date, "
        "body_site, side; DELETE FROM episode_day WHERE profile_id = NEW.profile_id AND "
        "local_date = NEW.local_date AND body_site = NEW.body_site AND side = NEW.side; "
        "INSERT INTO episode_day (profile_id, local_date, body_site, side, episodes, "
        "max_intensity, total_duration_s) SELECT profile_id, local_date, body_site, "
        "side, count(*), max(intensity), sum(duration_s) FROM twitch_episode WHERE "
        "profile_id = NEW.profile_id AND local_date = NEW.local_date AND body_site = "
        "NEW.body_site AND side = NEW.side AND deleted_at IS NULL GROUP BY profile_id, "
        "local_date, body_site, side; END"
    ),
    (
        "CREATE TRIGGER episode_day_delete AFTER DELETE ON twitch_episode WHEN "
        "OLD.deleted_at IS NULL BEGIN DELETE FROM episode_day WHERE profile_id = "
        "OLD.profile_id AND local_date = OLD.local_date AND body_site = OLD.body_site "
        "AND side = OLD.side; INSERT INTO episode_day (profile_id, local_date, "
        "body_site, side, episodes, max_intensity, total_duration_s) SELECT profile_id, "
        "local_date, body_site, side, count(*), max(intensity), sum(duration_s) FROM "
        "twitch_episode WHERE profile_id = OLD.profile_id AND local_date = "
        "OLD.local_date AND body_site = OLD.body_site AND side = OLD.side AND "
        "deleted_at IS NULL GROUP BY profile_id, local_date, body_site, side; END"
    ),
)
TRIGGER_NAMES = ("episode_day_insert", "episode_day_update", "episode_day_delete")


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
        bind.exec_driver_sql(FILL)
        for statement in TRIGGERS:
            bind.exec_driver_sql(statement)


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        for name in TRIGGER_NAMES:
            bind.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name}")
    op.drop_index("ix_episode_day_profile_day", table_name="episode_day")
    op.drop_table("episode_day")
