"""Domain records as flat dicts of the File formats' columns (DESIGN.md), in JSON types.

The CSV export, the JSON backup and `list --format json` all start from these, so a
column is named and formatted in exactly one place.
"""

from __future__ import annotations

from typing import Any

from tracker.domain import DayLog, Episode, Medication, RemedyUse

EPISODE_COLUMNS: tuple[str, ...] = (
    "started_at",
    "body_site",
    "side",
    "intensity",
    "duration_s",
    "context",
    "pain",
    "swelling",
    "warmth",
    "numbness_tingling",
    "weakness",
    "note",
)
DAY_COLUMNS: tuple[str, ...] = (
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
)
MEDICATION_COLUMNS: tuple[str, ...] = ("name", "kind", "started_on", "stopped_on")
REMEDY_COLUMNS: tuple[str, ...] = ("date", "remedy", "helped", "note")


def _plain(value: Any) -> Any:
    """Enums become their text, dates ISO 8601; numbers, booleans, text and None stay."""
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if hasattr(value, "value"):
        return value.value
    return value


def episode_record(episode: Episode) -> dict[str, Any]:
    record = {name: _plain(getattr(episode, name)) for name in EPISODE_COLUMNS}
    # The instant as the person's clock showed it: "2026-11-25T21:30:00+07:00".
    record["started_at"] = episode.local_started_at.isoformat()
    return record


def day_record(day_log: DayLog) -> dict[str, Any]:
    return {name: _plain(getattr(day_log, name)) for name in DAY_COLUMNS}


def medication_record(medication: Medication) -> dict[str, Any]:
    return {name: _plain(getattr(medication, name)) for name in MEDICATION_COLUMNS}


def remedy_record(use: RemedyUse) -> dict[str, Any]:
    return {name: _plain(getattr(use, name)) for name in REMEDY_COLUMNS}
