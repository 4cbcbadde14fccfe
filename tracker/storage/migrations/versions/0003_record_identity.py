"""Record identity: a uuid, updated_at and a tombstone (deleted_at) on every table.

Existing rows get a random uuid, except a day log's and a profile's settings', which are
derived from the profile's (DESIGN.md: one day logged on two devices is one record).
`updated_at` starts as the row's creation time where it has one, else the time of the
migration. A profile's name is unique among live profiles only, so a deleted profile
gives its name back.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-29 17:40:00
"""

from __future__ import annotations

import datetime as dt
import uuid

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | None = None
depends_on: str | None = None

_NEW_TABLES = ("profile", "day_log", "medication", "remedy_use", "settings")
_ALL_TABLES = (*_NEW_TABLES, "twitch_episode")


def _fill(connection: sa.Connection) -> None:
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None).isoformat(sep=" ")
    profiles: dict[int, str] = {}
    for (profile_id,) in connection.execute(sa.text("SELECT id FROM profile")).all():
        profiles[profile_id] = str(uuid.uuid4())
        connection.execute(
            sa.text("UPDATE profile SET uuid = :u, updated_at = created_at WHERE id = :i"),
            {"u": profiles[profile_id], "i": profile_id},
        )
    for table in ("twitch_episode", "medication", "remedy_use"):
        for (row_id,) in connection.execute(sa.text(f"SELECT id FROM {table}")).all():  # noqa: S608  (fixed table names)
            connection.execute(
                sa.text(f"UPDATE {table} SET uuid = :u WHERE id = :i"),  # noqa: S608
                {"u": str(uuid.uuid4()), "i": row_id},
            )
    for table in ("medication", "remedy_use"):
        connection.execute(sa.text(f"UPDATE {table} SET updated_at = :now"), {"now": now})  # noqa: S608
    days = connection.execute(sa.text("SELECT profile_id, date FROM day_log")).all()
    for profile_id, day in days:
        name = dt.date.fromisoformat(str(day)).isoformat()
        connection.execute(
            sa.text(
                "UPDATE day_log SET uuid = :u, updated_at = :now"
                " WHERE profile_id = :p AND date = :d"
            ),
            {
                "u": str(uuid.uuid5(uuid.UUID(profiles[profile_id]), name)),
                "now": now,
                "p": profile_id,
                "d": day,
            },
        )
    for (profile_id,) in connection.execute(sa.text("SELECT profile_id FROM settings")).all():
        connection.execute(
            sa.text("UPDATE settings SET uuid = :u, updated_at = :now WHERE profile_id = :p"),
            {
                "u": str(uuid.uuid5(uuid.UUID(profiles[profile_id]), "settings")),
                "now": now,
                "p": profile_id,
            },
        )


def upgrade() -> None:
    for table in _ALL_TABLES:
        with op.batch_alter_table(table) as batch_op:
            batch_op.add_column(sa.Column("uuid", sa.String(length=36), nullable=True))
            if table in _NEW_TABLES:
                batch_op.add_column(sa.Column("updated_at", sa.DateTime(), nullable=True))
                batch_op.add_column(sa.Column("deleted_at", sa.DateTime(), nullable=True))
    _fill(op.get_bind())
    for table in _ALL_TABLES:
        with op.batch_alter_table(table) as batch_op:
            batch_op.alter_column("uuid", existing_type=sa.String(length=36), nullable=False)
            batch_op.alter_column("updated_at", existing_type=sa.DateTime(), nullable=False)
            batch_op.create_unique_constraint(batch_op.f(f"uq_{table}_uuid"), ["uuid"])
    with op.batch_alter_table("profile") as batch_op:
        batch_op.drop_constraint("uq_profile_name", type_="unique")
        batch_op.create_index(
            "ix_profile_live_name",
            ["name"],
            unique=True,
            sqlite_where=sa.text("deleted_at IS NULL"),
            postgresql_where=sa.text("deleted_at IS NULL"),
        )


def downgrade() -> None:
    with op.batch_alter_table("profile") as batch_op:
        batch_op.drop_index("ix_profile_live_name")
        batch_op.create_unique_constraint("uq_profile_name", ["name"])
    for table in _ALL_TABLES:
        with op.batch_alter_table(table) as batch_op:
            batch_op.drop_constraint(f"uq_{table}_uuid", type_="unique")
            batch_op.drop_column("uuid")
            if table in _NEW_TABLES:
                batch_op.drop_column("deleted_at")
                batch_op.drop_column("updated_at")
