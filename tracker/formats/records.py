"""Domain records as flat dicts of the File formats' columns (DESIGN.md), in JSON types.

The CSV export, the JSON backup and `list --format json` all start from these, so a
column is named and formatted in exactly one place. Every file's first column is the
record's `uuid`; `*_COLUMNS` are the columns of values that follow it.
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

# The files, by name: the uuid, then the values.
FILES: dict[str, tuple[str, ...]] = {
    "episodes.csv": ("uuid", *EPISODE_COLUMNS),
    "days.csv": ("uuid", *DAY_COLUMNS),
    "medications.csv": ("uuid", *MEDICATION_COLUMNS),
    "remedies.csv": ("uuid", *REMEDY_COLUMNS),
}
# The columns a file must have: they say which file it is and what each row is about.
KEYS: dict[str, tuple[str, ...]] = {
    "episodes.csv": ("started_at",),
    "days.csv": ("date",),
    "medications.csv": ("name", "started_on"),
    "remedies.csv": ("date", "remedy"),
}
# What a backup adds to each record: when it was made, changed and deleted.
STAMPS: dict[str, tuple[str, ...]] = {
    "episodes.csv": ("created_at", "updated_at", "deleted_at"),
    "days.csv": ("updated_at", "deleted_at"),
    "medications.csv": ("updated_at", "deleted_at"),
    "remedies.csv": ("updated_at", "deleted_at"),
}


def _plain(value: Any) -> Any:
    """Enums become their text, dates ISO 8601; numbers, booleans, text and None stay."""
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if hasattr(value, "value"):
        return value.value
    return value


def episode_record(episode: Episode) -> dict[str, Any]:
    record = {name: _plain(getattr(episode, name)) for name in FILES["episodes.csv"]}
    # The instant as the person's clock showed it: "2026-11-25T21:30:00+07:00".
    record["started_at"] = episode.local_started_at.isoformat()
    return record


def day_record(day_log: DayLog) -> dict[str, Any]:
    return {name: _plain(getattr(day_log, name)) for name in FILES["days.csv"]}


def medication_record(medication: Medication) -> dict[str, Any]:
    return {name: _plain(getattr(medication, name)) for name in FILES["medications.csv"]}


def remedy_record(use: RemedyUse) -> dict[str, Any]:
    return {name: _plain(getattr(use, name)) for name in FILES["remedies.csv"]}


RECORDS: dict[str, Any] = {
    "episodes.csv": episode_record,
    "days.csv": day_record,
    "medications.csv": medication_record,
    "remedies.csv": remedy_record,
}


def stamps_record(kind: str, record: Any) -> dict[str, Any]:
    """The backup's stamps of a record, as ISO 8601 text (None when never set)."""
    return {name: _plain(getattr(record, name)) for name in STAMPS[kind]}
