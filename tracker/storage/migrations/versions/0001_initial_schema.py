"""Initial schema: profiles and settings, twitch episodes, day logs, medications, remedies.

Revision ID: 0001
Revises:
Create Date: 2026-11-25 12:54:45.612997
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:

    op.create_table(
        "profile",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=60), nullable=False),
        sa.Column(
            "sex",
            sa.Enum(
                "female",
                "male",
                "unspecified",
                name="sex",
                native_enum=False,
                create_constraint=True,
            ),
            nullable=False,
        ),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_profile")),
        sa.UniqueConstraint("name", name=op.f("uq_profile_name")),
    )
    op.create_table(
        "day_log",
        sa.Column("profile_id", sa.Integer(), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("sleep_h", sa.Double(), nullable=True),
        sa.Column("sleep_quality", sa.Integer(), nullable=True),
        sa.Column("water_ml", sa.Integer(), nullable=True),
        sa.Column("exercise_min", sa.Integer(), nullable=True),
        sa.Column(
            "exercise_intensity",
            sa.Enum(
                "light",
                "moderate",
                "vigorous",
                name="exercise_intensity",
                native_enum=False,
                create_constraint=True,
            ),
            nullable=True,
        ),
        sa.Column("stress", sa.Integer(), nullable=True),
        sa.Column("caffeine_mg", sa.Integer(), nullable=True),
        sa.Column("alcohol_units", sa.Double(), nullable=True),
        sa.Column("diarrhea", sa.Boolean(), nullable=True),
        sa.Column("calcium_rich_food", sa.Boolean(), nullable=True),
        sa.Column("magnesium_rich_food", sa.Boolean(), nullable=True),
        sa.Column("vitamin_supplement", sa.Boolean(), nullable=True),
        sa.Column("note", sa.String(length=2000), nullable=True),
        sa.CheckConstraint(
            "exercise_min IS NULL OR exercise_min BETWEEN 0 AND 1440",
            name=op.f("ck_day_log_exercise_min"),
        ),
        sa.CheckConstraint(
            "sleep_h IS NULL OR sleep_h BETWEEN 0 AND 24", name=op.f("ck_day_log_sleep_h")
        ),
        sa.CheckConstraint(
            "water_ml IS NULL OR water_ml BETWEEN 0 AND 20000", name=op.f("ck_day_log_water_ml")
        ),
        sa.ForeignKeyConstraint(
            ["profile_id"],
            ["profile.id"],
            name=op.f("fk_day_log_profile_id_profile"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("profile_id", "date", name=op.f("pk_day_log")),
    )
    op.create_table(
        "medication",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("profile_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "diuretic",
                "corticosteroid",
                "estrogen",
                "other",
                name="medication_kind",
                native_enum=False,
                create_constraint=True,
            ),
            nullable=False,
        ),
        sa.Column("started_on", sa.Date(), nullable=False),
        sa.Column("stopped_on", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(
            ["profile_id"],
            ["profile.id"],
            name=op.f("fk_medication_profile_id_profile"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_medication")),
    )
    with op.batch_alter_table("medication", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_medication_profile_id"), ["profile_id"], unique=False)

    op.create_table(
        "remedy_use",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("profile_id", sa.Integer(), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column(
            "remedy",
            sa.Enum(
                "rest",
                "fluids",
                "nutrition",
                "stretching",
                "massage",
                "warm_compress",
                "cold_compress",
                name="remedy",
                native_enum=False,
                create_constraint=True,
            ),
            nullable=False,
        ),
        sa.Column("helped", sa.Integer(), nullable=True),
        sa.Column("note", sa.String(length=2000), nullable=True),
        sa.ForeignKeyConstraint(
            ["profile_id"],
            ["profile.id"],
            name=op.f("fk_remedy_use_profile_id_profile"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_remedy_use")),
    )
    with op.batch_alter_table("remedy_use", schema=None) as batch_op:
        batch_op.create_index("ix_remedy_use_profile_day", ["profile_id", "date"], unique=False)

    op.create_table(
        "settings",
        sa.Column("profile_id", sa.Integer(), nullable=False),
        sa.Column("language", sa.String(length=2), nullable=False),
        sa.Column("water_target_ml", sa.Integer(), nullable=True),
        sa.Column("reminder_time", sa.String(length=5), nullable=True),
        sa.Column("recurring_days", sa.Integer(), nullable=False),
        sa.Column("persist_span_days", sa.Integer(), nullable=False),
        sa.Column("reset_free_days", sa.Integer(), nullable=False),
        sa.CheckConstraint("language IN ('en', 'id')", name=op.f("ck_settings_language")),
        sa.CheckConstraint(
            "persist_span_days BETWEEN 7 AND 60", name=op.f("ck_settings_persist_span_days")
        ),
        sa.CheckConstraint(
            "recurring_days BETWEEN 2 AND 7", name=op.f("ck_settings_recurring_days")
        ),
        sa.CheckConstraint(
            "reset_free_days BETWEEN 3 AND 14", name=op.f("ck_settings_reset_free_days")
        ),
        sa.CheckConstraint(
            "water_target_ml BETWEEN 500 AND 6000", name=op.f("ck_settings_water_target_ml")
        ),
        sa.ForeignKeyConstraint(
            ["profile_id"],
            ["profile.id"],
            name=op.f("fk_settings_profile_id_profile"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("profile_id", name=op.f("pk_settings")),
    )
    op.create_table(
        "twitch_episode",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("profile_id", sa.Integer(), nullable=False),
        sa.Column("started_at", sa.DateTime(), nullable=False),
        sa.Column("utc_offset_min", sa.Integer(), nullable=False),
        sa.Column("local_date", sa.Date(), nullable=False),
        sa.Column("duration_s", sa.Integer(), nullable=True),
        sa.Column(
            "body_site",
            sa.Enum(
                "knee",
                "thigh",
                "calf",
                "foot",
                "eyelid",
                "arm",
                "hand",
                "other",
                name="body_site",
                native_enum=False,
                create_constraint=True,
            ),
            nullable=False,
        ),
        sa.Column(
            "side",
            sa.Enum(
                "left",
                "right",
                "both",
                "none",
                name="side",
                native_enum=False,
                create_constraint=True,
            ),
            nullable=False,
        ),
        sa.Column("intensity", sa.Integer(), nullable=False),
        sa.Column(
            "context",
            sa.Enum(
                "rest",
                "after_exercise",
                "night",
                "other",
                name="context",
                native_enum=False,
                create_constraint=True,
            ),
            nullable=True,
        ),
        sa.Column("pain", sa.Boolean(), nullable=False),
        sa.Column("swelling", sa.Boolean(), nullable=False),
        sa.Column("warmth", sa.Boolean(), nullable=False),
        sa.Column("numbness_tingling", sa.Boolean(), nullable=False),
        sa.Column("weakness", sa.Boolean(), nullable=False),
        sa.Column("note", sa.String(length=2000), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.CheckConstraint(
            "duration_s IS NULL OR duration_s BETWEEN 1 AND 86400",
            name=op.f("ck_twitch_episode_duration_s"),
        ),
        sa.CheckConstraint("intensity BETWEEN 0 AND 4", name=op.f("ck_twitch_episode_intensity")),
        sa.CheckConstraint(
            "utc_offset_min BETWEEN -720 AND 840", name=op.f("ck_twitch_episode_utc_offset_min")
        ),
        sa.ForeignKeyConstraint(
            ["profile_id"],
            ["profile.id"],
            name=op.f("fk_twitch_episode_profile_id_profile"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_twitch_episode")),
    )
    with op.batch_alter_table("twitch_episode", schema=None) as batch_op:
        batch_op.create_index(
            "ix_twitch_episode_profile_day", ["profile_id", "local_date"], unique=False
        )
        batch_op.create_index(
            "ix_twitch_episode_profile_started", ["profile_id", "started_at"], unique=False
        )


def downgrade() -> None:

    with op.batch_alter_table("twitch_episode", schema=None) as batch_op:
        batch_op.drop_index("ix_twitch_episode_profile_started")
        batch_op.drop_index("ix_twitch_episode_profile_day")

    op.drop_table("twitch_episode")
    op.drop_table("settings")
    with op.batch_alter_table("remedy_use", schema=None) as batch_op:
        batch_op.drop_index("ix_remedy_use_profile_day")

    op.drop_table("remedy_use")
    with op.batch_alter_table("medication", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_medication_profile_id"))

    op.drop_table("medication")
    op.drop_table("day_log")
    op.drop_table("profile")
