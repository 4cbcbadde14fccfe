"""The declarative base and the column types every row shares."""

from __future__ import annotations

import datetime as dt
import enum
from typing import Any

from sqlalchemy import BigInteger, DateTime, Enum, MetaData, String
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import TypeDecorator

# Stable constraint names, so Alembic migrations can refer to them on SQLite.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class UTCDateTime(TypeDecorator[dt.datetime]):
    """An instant, stored as naive UTC text and read back time zone aware (UTC)."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect: Dialect) -> Any:
        if value is None:
            return None
        if value.utcoffset() is None:
            raise ValueError("UTCDateTime needs a time zone aware datetime")
        return value.astimezone(dt.UTC).replace(tzinfo=None)

    def process_result_value(self, value: Any, dialect: Dialect) -> dt.datetime | None:
        if value is None:
            return None
        assert isinstance(value, dt.datetime)
        return value.replace(tzinfo=dt.UTC)


def text_enum(enum_type: type[enum.StrEnum], name: str) -> Enum:
    """An enum stored as its text value, with a CHECK constraint listing the values."""
    return Enum(
        enum_type,
        name=name,
        native_enum=False,
        create_constraint=True,
        length=max(len(member.value) for member in enum_type),
        values_callable=lambda members: [member.value for member in members],
        validate_strings=True,
    )


class Tracked:
    """What every record carries (DESIGN.md "Data model"): a uuid assigned once where it
    was first created, when it last changed, and a tombstone instead of a hard delete."""

    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    deleted_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    # Sync (issue 12): on the server, the change number of the record's last change; on
    # a device, the one it was last stored from the server at (None: not yet). Not a
    # value the person logged; exports leave it out.
    sync_version: Mapped[int | None] = mapped_column(BigInteger)
