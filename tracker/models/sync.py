"""What sync stores (DESIGN.md "One diary on several devices").

The same tables exist on both engines, made by the same migrations; each side uses its
own: a device (SQLite) keeps its outbox and its sync state, the household server
(PostgreSQL) keeps the numbered log of accepted changes, and both keep the conflicts,
which travel like any other record.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import BigInteger, Boolean, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from tracker.models.base import Base, Tracked, UTCDateTime


class SyncOutboxRow(Base):
    """A device's pending change: written by the store itself (SQLite triggers) in the
    transaction of the edit, removed once the server has accepted it."""

    __tablename__ = "sync_outbox"
    __table_args__ = (Index("ix_sync_outbox_record", "table_name", "record_uuid"),)

    seq: Mapped[int] = mapped_column(Integer, primary_key=True)
    change_id: Mapped[str] = mapped_column(String(36), unique=True)
    table_name: Mapped[str] = mapped_column(String(40))
    record_uuid: Mapped[str] = mapped_column(String(36))
    # insert | update | delete (a row erased on this device travels as a tombstone)
    op: Mapped[str] = mapped_column(String(6))
    # The server version the edit was made on (None: never synced), and the values the
    # record had then (JSON; None for a new record): the base of a three-way merge.
    base_version: Mapped[int | None] = mapped_column(BigInteger)
    base: Mapped[str | None] = mapped_column(Text)
    made_at: Mapped[str] = mapped_column(String(32))


class SyncStateRow(Base):
    """A device's one row of sync state. `outbox_mode`: 0 the device does not sync (edits
    are not recorded), 1 edits are recorded in the outbox, 2 pulled rows are being stored
    (not recorded: they came from the server)."""

    __tablename__ = "sync_state"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    outbox_mode: Mapped[int] = mapped_column(Integer, default=0)
    device_id: Mapped[str | None] = mapped_column(String(36))
    household: Mapped[str | None] = mapped_column(String(36))
    server_url: Mapped[str | None] = mapped_column(String(500))
    pulled_through: Mapped[int] = mapped_column(BigInteger, default=0)
    last_sync_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    last_error: Mapped[str | None] = mapped_column(Text)
    last_error_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    last_pushed: Mapped[int] = mapped_column(Integer, default=0)
    last_pulled: Mapped[int] = mapped_column(Integer, default=0)
    last_conflicts: Mapped[int] = mapped_column(Integer, default=0)


class SyncHouseholdRow(Base):
    """The server's one row: which household this database is (a device that is pointed
    at another database starts over there instead of mixing the two)."""

    __tablename__ = "sync_household"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    household: Mapped[str] = mapped_column(String(36))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())


class SyncChangeRow(Base):
    """The server's log: every accepted change, numbered in commit order (`seq`)."""

    __tablename__ = "sync_change"
    __table_args__ = (Index("ix_sync_change_record", "record_uuid", "seq"),)

    seq: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    change_id: Mapped[str] = mapped_column(String(36), unique=True)
    device: Mapped[str] = mapped_column(String(36))
    login: Mapped[str] = mapped_column(String(63))
    table_name: Mapped[str] = mapped_column(String(40))
    record_uuid: Mapped[str] = mapped_column(String(36))
    # The record became exactly what the device sent (so it need not pull it back).
    as_pushed: Mapped[bool] = mapped_column(Boolean)
    committed_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())


class SyncConflictRow(Tracked, Base):
    """Two edits of one field made without seeing each other: the value shown (the later
    `updated_at`) and the other one, kept so the person can pick it instead."""

    __tablename__ = "sync_conflict"
    __table_args__ = (Index("ix_sync_conflict_record", "record_uuid"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    profile_id: Mapped[int] = mapped_column(
        ForeignKey("profile.id", ondelete="CASCADE"), index=True
    )
    table_name: Mapped[str] = mapped_column(String(40))
    record_uuid: Mapped[str] = mapped_column(String(36))
    field: Mapped[str] = mapped_column(String(40))
    shown_value: Mapped[str] = mapped_column(Text)  # JSON
    other_value: Mapped[str] = mapped_column(Text)  # JSON
    shown_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    other_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    other_by: Mapped[str] = mapped_column(String(63))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    resolved_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
