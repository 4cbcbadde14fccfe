"""Sync through a household PostgreSQL server (issue 12).

Every record gets `sync_version` (the server change number its content is at). New
tables: the device's outbox and sync state, the server's household row and numbered
change log, and the conflicts both keep. On SQLite, triggers write the outbox in the
transaction of every edit; on PostgreSQL, `kedut_begin_push()` serialises a household's
pushes so that change numbers follow commit order.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-01 09:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from tracker.storage.sqlite import outbox_triggers

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | None = None
depends_on: str | None = None

_STAMPS = ("updated_at", "deleted_at")
# The values each synced table held at this revision (the base an outbox entry keeps).
# A later migration that adds a column recreates that table's triggers.
OUTBOX_COLUMNS: dict[str, tuple[str, ...]] = {
    "profile": ("name", "sex", "created_at", *_STAMPS),
    "settings": (
        "language",
        "water_target_ml",
        "reminder_time",
        "recurring_days",
        "persist_span_days",
        "reset_free_days",
        *_STAMPS,
    ),
    "day_log": (
        "date",
        "sleep_h",
        "sleep_quality",
        "water_ml",
        "exercise_min",
        "exercise_intensity",
        "stress",
        "caffeine_mg",
        "alcohol_units",
        "diarrhea",
        "calcium_rich_food",
        "magnesium_rich_food",
        "vitamin_supplement",
        "note",
        *_STAMPS,
    ),
    "twitch_episode": (
        "started_at",
        "utc_offset_min",
        "local_date",
        "duration_s",
        "body_site",
        "side",
        "intensity",
        "context",
        "pain",
        "swelling",
        "warmth",
        "numbness_tingling",
        "weakness",
        "note",
        "created_at",
        *_STAMPS,
    ),
    "medication": ("name", "kind", "started_on", "stopped_on", *_STAMPS),
    "remedy_use": ("date", "remedy", "helped", "note", *_STAMPS),
    "sync_conflict": (
        "table_name",
        "record_uuid",
        "field",
        "shown_value",
        "other_value",
        "shown_at",
        "other_at",
        "other_by",
        "created_at",
        "resolved_at",
        *_STAMPS,
    ),
}
_RECORD_TABLES = ("profile", "settings", "day_log", "twitch_episode", "medication", "remedy_use")

BEGIN_PUSH = """
CREATE OR REPLACE FUNCTION kedut_begin_push() RETURNS bigint LANGUAGE plpgsql AS $$
BEGIN
    -- One push at a time per household (the lock is this database's, held to commit):
    -- the numbers a push takes follow every number committed before it.
    PERFORM pg_advisory_xact_lock(20261201);
    RETURN coalesce((SELECT max(seq) FROM sync_change), 0);
END
$$
"""


def upgrade() -> None:
    for table in _RECORD_TABLES:
        with op.batch_alter_table(table) as batch_op:
            batch_op.add_column(sa.Column("sync_version", sa.BigInteger(), nullable=True))
    op.create_table(
        "sync_outbox",
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("change_id", sa.String(length=36), nullable=False),
        sa.Column("table_name", sa.String(length=40), nullable=False),
        sa.Column("record_uuid", sa.String(length=36), nullable=False),
        sa.Column("op", sa.String(length=6), nullable=False),
        sa.Column("base_version", sa.BigInteger(), nullable=True),
        sa.Column("base", sa.Text(), nullable=True),
        sa.Column("made_at", sa.String(length=32), nullable=False),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_sync_outbox")),
        sa.UniqueConstraint("change_id", name=op.f("uq_sync_outbox_change_id")),
    )
    op.create_index("ix_sync_outbox_record", "sync_outbox", ["table_name", "record_uuid"])
    op.create_table(
        "sync_state",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("outbox_mode", sa.Integer(), nullable=False),
        sa.Column("device_id", sa.String(length=36), nullable=True),
        sa.Column("household", sa.String(length=36), nullable=True),
        sa.Column("server_url", sa.String(length=500), nullable=True),
        sa.Column("pulled_through", sa.BigInteger(), nullable=False),
        sa.Column("last_sync_at", sa.DateTime(), nullable=True),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.Column("last_error_at", sa.DateTime(), nullable=True),
        sa.Column("last_pushed", sa.Integer(), nullable=False),
        sa.Column("last_pulled", sa.Integer(), nullable=False),
        sa.Column("last_conflicts", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_state")),
    )
    op.create_table(
        "sync_household",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("household", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_household")),
    )
    op.create_table(
        "sync_change",
        sa.Column("seq", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("change_id", sa.String(length=36), nullable=False),
        sa.Column("device", sa.String(length=36), nullable=False),
        sa.Column("login", sa.String(length=63), nullable=False),
        sa.Column("table_name", sa.String(length=40), nullable=False),
        sa.Column("record_uuid", sa.String(length=36), nullable=False),
        sa.Column("as_pushed", sa.Boolean(), nullable=False),
        sa.Column("committed_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_sync_change")),
        sa.UniqueConstraint("change_id", name=op.f("uq_sync_change_change_id")),
    )
    op.create_index("ix_sync_change_record", "sync_change", ["record_uuid", "seq"])
    op.create_table(
        "sync_conflict",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("profile_id", sa.Integer(), nullable=False),
        sa.Column("table_name", sa.String(length=40), nullable=False),
        sa.Column("record_uuid", sa.String(length=36), nullable=False),
        sa.Column("field", sa.String(length=40), nullable=False),
        sa.Column("shown_value", sa.Text(), nullable=False),
        sa.Column("other_value", sa.Text(), nullable=False),
        sa.Column("shown_at", sa.DateTime(), nullable=False),
        sa.Column("other_at", sa.DateTime(), nullable=False),
        sa.Column("other_by", sa.String(length=63), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("resolved_at", sa.DateTime(), nullable=True),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.Column("sync_version", sa.BigInteger(), nullable=True),
        sa.ForeignKeyConstraint(
            ["profile_id"],
            ["profile.id"],
            name=op.f("fk_sync_conflict_profile_id_profile"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_conflict")),
        sa.UniqueConstraint("uuid", name=op.f("uq_sync_conflict_uuid")),
    )
    op.create_index("ix_sync_conflict_record", "sync_conflict", ["record_uuid"])
    op.create_index(op.f("ix_sync_conflict_profile_id"), "sync_conflict", ["profile_id"])

    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        # A device that has never synced records nothing (outbox_mode 0) until it joins
        # a household; then its whole diary is queued once (tracker.storage.sync).
        bind.exec_driver_sql(
            "INSERT INTO sync_state (id, outbox_mode, pulled_through, last_pushed,"
            " last_pulled, last_conflicts) VALUES (1, 0, 0, 0, 0, 0)"
        )
        for table, columns in OUTBOX_COLUMNS.items():
            for statement in outbox_triggers(table, columns):
                bind.exec_driver_sql(statement)
    elif bind.dialect.name == "postgresql":
        bind.exec_driver_sql(BEGIN_PUSH)


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        for table in OUTBOX_COLUMNS:
            for op_name in ("insert", "update", "delete"):
                bind.exec_driver_sql(f"DROP TRIGGER IF EXISTS sync_outbox_{table}_{op_name}")
    elif bind.dialect.name == "postgresql":
        bind.exec_driver_sql("DROP FUNCTION IF EXISTS kedut_begin_push()")
    for table in ("sync_conflict", "sync_change", "sync_household", "sync_state", "sync_outbox"):
        op.drop_table(table)
    for table in _RECORD_TABLES:
        with op.batch_alter_table(table) as batch_op:
            batch_op.drop_column("sync_version")
