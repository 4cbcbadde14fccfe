"""The JSON backup: every profile with every table, so that restoring it into an empty
store gives back identical data (DESIGN.md "File formats")."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from tracker.domain import DayLog, Episode, Medication, Profile, RemedyUse, Settings
from tracker.formats import parse
from tracker.formats.csv_files import FileFormatError
from tracker.formats.records import (
    DAY_COLUMNS,
    EPISODE_COLUMNS,
    MEDICATION_COLUMNS,
    REMEDY_COLUMNS,
    day_record,
    episode_record,
    medication_record,
    remedy_record,
)

FORMAT = "kedut-backup"
SCHEMA_VERSION = 1
_STAMPS = ("created_at", "updated_at", "deleted_at")


@dataclass
class ProfileBackup:
    profile: Profile
    settings: Settings
    episodes: list[Episode] = field(default_factory=list)
    days: list[DayLog] = field(default_factory=list)
    medications: list[Medication] = field(default_factory=list)
    remedies: list[RemedyUse] = field(default_factory=list)


def _settings_json(settings: Settings) -> dict[str, Any]:
    return {
        "language": settings.language,
        "water_target_ml": settings.water_target_ml,
        "reminder_time": None
        if settings.reminder_time is None
        else settings.reminder_time.strftime("%H:%M"),
        "recurring_days": settings.recurring_days,
        "persist_span_days": settings.persist_span_days,
        "reset_free_days": settings.reset_free_days,
    }


def _stamp(value: Any) -> str | None:
    return None if value is None else value.isoformat()


def to_json(backups: Sequence[ProfileBackup]) -> bytes:
    profiles = []
    for backup in backups:
        profiles.append(
            {
                "name": backup.profile.name,
                "sex": backup.profile.sex.value,
                "created_at": _stamp(backup.profile.created_at),
                "settings": _settings_json(backup.settings),
                "episodes": [
                    {**episode_record(e), **{s: _stamp(getattr(e, s)) for s in _STAMPS}}
                    for e in backup.episodes
                ],
                "days": [day_record(d) for d in backup.days],
                "medications": [medication_record(m) for m in backup.medications],
                "remedies": [remedy_record(r) for r in backup.remedies],
            }
        )
    document = {"format": FORMAT, "schema_version": SCHEMA_VERSION, "profiles": profiles}
    return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def _text(where: str, number: int, column: str, value: Any) -> str:
    """A JSON value as the text a CSV cell would hold, so one parser checks both."""
    if value is None:
        return ""
    if isinstance(value, bool):
        if column not in parse.BOOLEAN_COLUMNS:
            raise FileFormatError(where, number, column, f"{value} is not allowed here")
        return "1" if value else "0"
    if isinstance(value, int | float | str):
        return str(value)
    raise FileFormatError(where, number, column, f"expected a value, found {type(value).__name__}")


def _records(
    where: str, raw: Any, columns: Sequence[str], extra: Sequence[str] = ()
) -> list[tuple[int, dict[str, str]]]:
    if not isinstance(raw, list):
        raise FileFormatError(where, 0, "", "expected a list")
    rows = []
    for number, item in enumerate(raw, start=1):
        if not isinstance(item, dict):
            raise FileFormatError(where, number, "", "expected an object")
        missing = [c for c in columns if c not in item]
        if missing:
            raise FileFormatError(where, number, missing[0], "missing")
        rows.append(
            (number, {c: _text(where, number, c, item[c]) for c in (*columns, *extra) if c in item})
        )
    return rows


def from_json(name: str, data: bytes) -> list[ProfileBackup]:
    """Parse and check a whole backup; raises FileFormatError on the first problem."""
    try:
        document = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as error:
        raise FileFormatError(
            name, 0, "", f"not a readable JSON file ({type(error).__name__})"
        ) from None
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise FileFormatError(name, 0, "format", f"not a Kedut backup (expected format {FORMAT!r})")
    if document.get("schema_version") != SCHEMA_VERSION:
        version = document.get("schema_version")
        raise FileFormatError(
            name, 0, "schema_version", f"{version!r} is not supported (allowed: {SCHEMA_VERSION})"
        )
    profiles = document.get("profiles")
    if not isinstance(profiles, list):
        raise FileFormatError(name, 0, "profiles", "expected a list")
    return [_profile(name, number, item) for number, item in enumerate(profiles, start=1)]


def _profile(name: str, number: int, item: Any) -> ProfileBackup:
    where = f"{name}: profile {number}"
    if not isinstance(item, dict):
        raise FileFormatError(where, 0, "", "expected an object")
    try:
        profile = Profile(name=str(item.get("name", "")), sex=item.get("sex", "unspecified"))
        raw_settings: Mapping[str, Any] = item.get("settings") or {}
        settings = parse.settings(raw_settings)
    except (ValueError, TypeError) as error:
        raise FileFormatError(where, 0, getattr(error, "field", ""), str(error)) from None
    created = item.get("created_at")
    if created is not None:
        profile = parse.with_created_at(where, profile, created)
    backup = ProfileBackup(profile=profile, settings=settings)
    for row, record in _records(
        f"{where} episodes", item.get("episodes", []), EPISODE_COLUMNS, _STAMPS
    ):
        backup.episodes.append(parse.episode(f"{where} episodes", row, record))
    for row, record in _records(f"{where} days", item.get("days", []), DAY_COLUMNS):
        backup.days.append(parse.day_log(f"{where} days", row, record))
    for row, record in _records(
        f"{where} medications", item.get("medications", []), MEDICATION_COLUMNS
    ):
        backup.medications.append(parse.medication(f"{where} medications", row, record))
    for row, record in _records(f"{where} remedies", item.get("remedies", []), REMEDY_COLUMNS):
        backup.remedies.append(parse.remedy_use(f"{where} remedies", row, record))
    return backup
