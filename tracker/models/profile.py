"""A person in the household, and their settings."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import CheckConstraint, ForeignKey, Index, Integer, String, text
from sqlalchemy.orm import Mapped, mapped_column

from tracker.domain import Sex
from tracker.models.base import Base, Tracked, UTCDateTime, text_enum

# A deleted profile (a tombstone) gives its name back to the household.
_LIVE = "deleted_at IS NULL"


class ProfileRow(Tracked, Base):
    __tablename__ = "profile"
    __table_args__ = (
        Index(
            "ix_profile_live_name",
            "name",
            unique=True,
            sqlite_where=text(_LIVE),
            postgresql_where=text(_LIVE),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(60))
    sex: Mapped[Sex] = mapped_column(text_enum(Sex, "sex"), default=Sex.UNSPECIFIED)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())


class SettingsRow(Tracked, Base):
    """One row per profile; a missing row means every setting is at its default."""

    __tablename__ = "settings"
    __table_args__ = (
        CheckConstraint("language IN ('en', 'id')", name="language"),
        CheckConstraint("water_target_ml BETWEEN 500 AND 6000", name="water_target_ml"),
        CheckConstraint("recurring_days BETWEEN 2 AND 7", name="recurring_days"),
        CheckConstraint("persist_span_days BETWEEN 7 AND 60", name="persist_span_days"),
        CheckConstraint("reset_free_days BETWEEN 3 AND 14", name="reset_free_days"),
    )

    profile_id: Mapped[int] = mapped_column(
        ForeignKey("profile.id", ondelete="CASCADE"), primary_key=True
    )
    language: Mapped[str] = mapped_column(String(2), default="en")
    water_target_ml: Mapped[int | None] = mapped_column(Integer)
    reminder_time: Mapped[str | None] = mapped_column(String(5))
    recurring_days: Mapped[int] = mapped_column(default=3)
    persist_span_days: Mapped[int] = mapped_column(default=14)
    reset_free_days: Mapped[int] = mapped_column(default=7)
