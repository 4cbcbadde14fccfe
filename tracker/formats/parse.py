"""Text cells of an imported file into domain records; every refusal names the row and
the column, and says why."""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
from collections.abc import Callable, Mapping
from typing import Any

from tracker.domain import (
    DayLog,
    Episode,
    Medication,
    Profile,
    RemedyUse,
    Settings,
    ValidationError,
)
from tracker.formats.csv_files import FileFormatError

_TRUE = {"1", "true", "yes"}
_FALSE = {"0", "false", "no"}


def _bool(text: str) -> bool:
    lowered = text.strip().lower()
    if lowered in _TRUE:
        return True
    if lowered in _FALSE:
        return False
    raise ValueError("expected 1/0, true/false or yes/no")


def _int(text: str) -> int:
    return int(text.strip())


def _float(text: str) -> float:
    value = float(text.strip())
    if not math.isfinite(value):
        raise ValueError("expected a finite number")
    return value


def _instant(text: str) -> dt.datetime:
    moment = dt.datetime.fromisoformat(text.strip())
    if moment.utcoffset() is None:
        raise ValueError("expected an ISO 8601 date and time with its UTC offset")
    return moment


def _date(text: str) -> dt.date:
    return dt.date.fromisoformat(text.strip())


Converter = Callable[[str], Any]
_TYPES: dict[str, Converter] = {
    "started_at": _instant,
    "intensity": _int,
    "duration_s": _int,
    "pain": _bool,
    "swelling": _bool,
    "warmth": _bool,
    "numbness_tingling": _bool,
    "weakness": _bool,
    "date": _date,
    "sleep_h": _float,
    "sleep_quality": _int,
    "water_ml": _int,
    "exercise_min": _int,
    "stress": _int,
    "caffeine_mg": _int,
    "alcohol_units": _float,
    "diarrhea": _bool,
    "calcium_rich_food": _bool,
    "magnesium_rich_food": _bool,
    "vitamin_supplement": _bool,
    "started_on": _date,
    "stopped_on": _date,
    "helped": _int,
    "created_at": _instant,
    "updated_at": _instant,
    "deleted_at": _instant,
}
BOOLEAN_COLUMNS = frozenset(column for column, kind in _TYPES.items() if kind is _bool)
# Columns that a record cannot do without.
_REQUIRED = {"started_at", "date", "name", "kind", "started_on", "remedy"}
_FALSE_WHEN_EMPTY = {"pain", "swelling", "warmth", "numbness_tingling", "weakness"}


def _values(file: str, row: int, record: Mapping[str, str]) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for column, text in record.items():
        if text == "":
            if column in _REQUIRED:
                raise FileFormatError(file, row, column, "a value is required")
            values[column] = False if column in _FALSE_WHEN_EMPTY else None
            continue
        try:
            values[column] = _TYPES.get(column, str)(text)
        except ValueError as error:
            raise FileFormatError(file, row, column, f"{text[:40]!r}: {error}") from None
    return values


def _build(file: str, row: int, make: Callable[[], Any]) -> Any:
    try:
        return make()
    except ValidationError as error:
        raise FileFormatError(file, row, error.field, str(error)) from None


def episode(file: str, row: int, record: Mapping[str, str]) -> Episode:
    values = _values(file, row, record)
    offset = values["started_at"].utcoffset()
    values["utc_offset_min"] = int(offset.total_seconds() // 60)
    values["body_site"] = values["body_site"] or "knee"
    values["side"] = values["side"] or "none"
    if values["intensity"] is None:
        raise FileFormatError(file, row, "intensity", "a value is required")
    result: Episode = _build(file, row, lambda: Episode(**values))
    return result


def day_log(file: str, row: int, record: Mapping[str, str]) -> DayLog:
    values = _values(file, row, record)
    result: DayLog = _build(file, row, lambda: DayLog(**values))
    return result


def medication(file: str, row: int, record: Mapping[str, str]) -> Medication:
    values = _values(file, row, record)
    result: Medication = _build(file, row, lambda: Medication(**values))
    return result


def remedy_use(file: str, row: int, record: Mapping[str, str]) -> RemedyUse:
    values = _values(file, row, record)
    result: RemedyUse = _build(file, row, lambda: RemedyUse(**values))
    return result


def settings(raw: Mapping[str, Any]) -> Settings:
    """A profile's settings from a backup; unknown keys are ignored, missing ones default."""
    if not isinstance(raw, Mapping):
        raise ValidationError("settings", raw, "an object")
    known = {f.name for f in dataclasses.fields(Settings)}
    values = {key: value for key, value in raw.items() if key in known}
    reminder = values.get("reminder_time")
    if isinstance(reminder, str):
        try:
            values["reminder_time"] = dt.time.fromisoformat(reminder)
        except ValueError:
            raise ValidationError("reminder_time", reminder, "HH:MM") from None
    return Settings(**values)


def with_created_at(where: str, profile: Profile, text: Any) -> Profile:
    try:
        return dataclasses.replace(profile, created_at=_instant(str(text)))
    except ValueError as error:
        raise FileFormatError(where, 0, "created_at", f"{str(text)[:40]!r}: {error}") from None


PARSERS: dict[str, Callable[[str, int, Mapping[str, str]], Any]] = {
    "episodes.csv": episode,
    "days.csv": day_log,
    "medications.csv": medication,
    "remedies.csv": remedy_use,
}
