"""One local day's habits, as stored: one row per profile and date."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import CheckConstraint, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from tracker.domain import ExerciseIntensity
from tracker.models.base import Base, Tracked, text_enum


class DayLogRow(Tracked, Base):
    __tablename__ = "day_log"
    __table_args__ = (
        CheckConstraint("sleep_h IS NULL OR sleep_h BETWEEN 0 AND 24", name="sleep_h"),
        CheckConstraint("water_ml IS NULL OR water_ml BETWEEN 0 AND 20000", name="water_ml"),
        CheckConstraint(
            "exercise_min IS NULL OR exercise_min BETWEEN 0 AND 1440", name="exercise_min"
        ),
    )

    profile_id: Mapped[int] = mapped_column(
        ForeignKey("profile.id", ondelete="CASCADE"), primary_key=True
    )
    date: Mapped[dt.date] = mapped_column(primary_key=True)
    sleep_h: Mapped[float | None]
    sleep_quality: Mapped[int | None]
    water_ml: Mapped[int | None]
    exercise_min: Mapped[int | None]
    exercise_intensity: Mapped[ExerciseIntensity | None] = mapped_column(
        text_enum(ExerciseIntensity, "exercise_intensity")
    )
    stress: Mapped[int | None]
    caffeine_mg: Mapped[int | None]
    alcohol_units: Mapped[float | None]
    diarrhea: Mapped[bool | None]
    calcium_rich_food: Mapped[bool | None]
    magnesium_rich_food: Mapped[bool | None]
    vitamin_supplement: Mapped[bool | None]
    note: Mapped[str | None] = mapped_column(String(2000))
