"""Medication periods and home remedies, as stored."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from tracker.domain import MedicationKind, Remedy
from tracker.models.base import Base, Tracked, text_enum


class MedicationRow(Tracked, Base):
    __tablename__ = "medication"

    id: Mapped[int] = mapped_column(primary_key=True)
    profile_id: Mapped[int] = mapped_column(
        ForeignKey("profile.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(String(120))
    kind: Mapped[MedicationKind] = mapped_column(text_enum(MedicationKind, "medication_kind"))
    started_on: Mapped[dt.date]
    stopped_on: Mapped[dt.date | None]


class RemedyUseRow(Tracked, Base):
    __tablename__ = "remedy_use"
    __table_args__ = (Index("ix_remedy_use_profile_day", "profile_id", "date"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    profile_id: Mapped[int] = mapped_column(ForeignKey("profile.id", ondelete="CASCADE"))
    date: Mapped[dt.date]
    remedy: Mapped[Remedy] = mapped_column(text_enum(Remedy, "remedy"))
    helped: Mapped[int | None]
    note: Mapped[str | None] = mapped_column(String(2000))
