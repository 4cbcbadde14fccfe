"""Apple Health's records into Kedut's day values, by DESIGN.md's rules.

- sleep_h of day D: the union (no double counting across watch and phone) of the asleep
  intervals of the nights that end on local date D; a night's time in bed counts only
  when that night has no asleep interval (see apple_sleep for what a night is);
- water_ml, caffeine_mg: sums, converted from the record's unit, by the local date of
  the record's start in its own offset; exercise_min: the sum of Apple exercise minutes,
  or on a day without any, the sum of the workouts' durations;
- records nested in a Correlation are copies of top-level ones and are not counted.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable

from tracker.formats.sources.apple_sleep import Kind, Nights
from tracker.formats.sources.batch import Reason, SourceReport

SLEEP = "HKCategoryTypeIdentifierSleepAnalysis"
ASLEEP = frozenset(
    "HKCategoryValueSleepAnalysis" + name
    for name in ("Asleep", "AsleepUnspecified", "AsleepCore", "AsleepDeep", "AsleepREM")
)
IN_BED = "HKCategoryValueSleepAnalysisInBed"
AWAKE = "HKCategoryValueSleepAnalysisAwake"

# HealthKit's unit strings → the Kedut unit (ml, mg, minutes).
VOLUME_ML = {
    "mL": 1.0,
    "ml": 1.0,
    "cL": 10.0,
    "dL": 100.0,
    "L": 1000.0,
    "fl_oz_us": 29.5735,
    "fl_oz_imp": 28.4131,
    "cup_us": 236.5882,
    "cup_imp": 284.1306,
    "pt_us": 473.1765,
    "pt_imp": 568.2613,
}
MASS_MG = {"mg": 1.0, "mcg": 0.001, "g": 1000.0}
TIME_MIN = {"min": 1.0, "s": 1 / 60, "ms": 1 / 60000, "hr": 60.0, "h": 60.0, "d": 1440.0}

QUANTITIES: dict[str, tuple[str, dict[str, float]]] = {
    "HKQuantityTypeIdentifierDietaryWater": ("water_ml", VOLUME_ML),
    "HKQuantityTypeIdentifierDietaryCaffeine": ("caffeine_mg", MASS_MG),
    "HKQuantityTypeIdentifierAppleExerciseTime": ("exercise_min", TIME_MIN),
}
_PREFIXES = (
    "HKQuantityTypeIdentifier",
    "HKCategoryTypeIdentifier",
    "HKCorrelationTypeIdentifier",
    "HKDataType",
)
_STAMP = re.compile(
    r"(\d{4})-(\d\d)-(\d\d)[ T](\d\d):(\d\d):(\d\d)(?:\.\d+)? ?(?:Z|([+-])(\d\d):?(\d\d))\Z"
)
_EPOCH = dt.date(1970, 1, 1).toordinal()


def type_name(kind: str) -> str:
    """ "HKQuantityTypeIdentifierHeartRate" → "HeartRate": the name Apple's app shows."""
    for prefix in _PREFIXES:
        if kind.startswith(prefix):
            return kind[len(prefix) :]
    return kind or "?"


def stamp(text: str) -> tuple[int, dt.date]:
    """ "2024-03-01 23:10:00 +0700" → (UTC POSIX seconds, the local date in that offset)."""
    found = _STAMP.match(text)
    if found is None:
        raise ValueError(text)
    year, month, day, hour, minute, second, sign, off_h, off_m = found.groups()
    local = dt.date(int(year), int(month), int(day))
    if int(hour) > 23 or int(minute) > 59 or int(second) > 60:
        raise ValueError(text)
    offset = 0 if sign is None else (int(off_h) * 3600 + int(off_m) * 60)
    if sign == "-":
        offset = -offset
    wall = (local.toordinal() - _EPOCH) * 86400 + int(hour) * 3600 + int(minute) * 60
    return wall + int(second) - offset, local


class AppleRules:
    """Collects what the rules need while the file streams by; `days()` applies them."""

    def __init__(self, report: SourceReport, line: Callable[[], int]) -> None:
        self.report, self.line = report, line
        self.nights = Nights()
        self.sums: dict[str, dict[dt.date, float]] = {name: {} for name, _u in QUANTITIES.values()}
        self.workouts: dict[dt.date, list[float]] = {}

    def _skip(self, kind: str, reason: Reason, detail: str = "") -> None:
        self.report.skip(type_name(kind), reason, detail=detail, line=self.line())

    def record(self, kind: str, attrs: dict[str, str]) -> bool:
        """Take a top-level Record; False when Kedut has no use for its type."""
        if kind == SLEEP:
            self._sleep(attrs)
            return True
        known = QUANTITIES.get(kind)
        if known is None:
            return False
        name, units = known
        unit = attrs.get("unit", "")
        factor = units.get(unit)
        if factor is None:
            self._skip(kind, Reason.UNKNOWN_UNIT, unit or "?")
            return True
        amount = self._number(kind, attrs.get("value"))
        day = self._start_day(kind, attrs)
        if amount is None or day is None:
            return True
        sums = self.sums[name]
        sums[day] = sums.get(day, 0.0) + amount * factor
        self.report.read(name)
        return True

    def _number(self, kind: str, text: str | None) -> float | None:
        try:
            value = float(text or "")
        except ValueError:
            value = math.nan
        if not math.isfinite(value):
            self._skip(kind, Reason.NOT_A_NUMBER if text else Reason.MISSING)
            return None
        if value < 0:
            self._skip(kind, Reason.NEGATIVE)
            return None
        return value

    def _start_day(self, kind: str, attrs: dict[str, str]) -> dt.date | None:
        try:
            return stamp(attrs.get("startDate", ""))[1]
        except ValueError:
            self._skip(kind, Reason.BAD_DATE)
            return None

    def _sleep(self, attrs: dict[str, str]) -> None:
        value = attrs.get("value", "")
        if value in ASLEEP:
            kind = Kind.ASLEEP
        elif value == IN_BED:
            kind = Kind.IN_BED
        elif value == AWAKE:
            kind = Kind.AWAKE
        else:
            self._skip(SLEEP, Reason.UNKNOWN_VALUE, value or "?")
            return
        try:
            start, _first = stamp(attrs.get("startDate", ""))
            end, night = stamp(attrs.get("endDate", ""))
        except ValueError:
            self._skip(SLEEP, Reason.BAD_DATE)
            return
        if end <= start:
            self._skip(SLEEP, Reason.END_NOT_AFTER_START)
            return
        self.nights.add(start, end, kind, night)  # awake time still joins a night's records
        if kind is Kind.AWAKE:
            self._skip(SLEEP, Reason.AWAKE)
        else:
            self.report.read("sleep_h")

    def workout(self, attrs: dict[str, str]) -> None:
        kind = "Workout"
        day = self._start_day(kind, attrs)
        if day is None:
            return
        text = attrs.get("duration")
        minutes: float
        if text is None:  # no duration written: the time from its start to its end
            try:
                minutes = (stamp(attrs.get("endDate", ""))[0] - stamp(attrs["startDate"])[0]) / 60
            except ValueError:
                self._skip(kind, Reason.BAD_DATE)
                return
            if minutes <= 0:
                self._skip(kind, Reason.END_NOT_AFTER_START)
                return
        else:
            unit = attrs.get("durationUnit", "min")
            factor = TIME_MIN.get(unit)
            if factor is None:
                self._skip(kind, Reason.UNKNOWN_UNIT, unit)
                return
            amount = self._number(kind, text)
            if amount is None:
                return
            minutes = amount * factor
        self.workouts.setdefault(day, []).append(minutes)
        self.report.read("exercise_min")

    def days(self) -> dict[dt.date, dict[str, float]]:
        raw: dict[dt.date, dict[str, float]] = {}
        for day, hours in self.nights.hours(self.report, type_name(SLEEP)).items():
            raw.setdefault(day, {})["sleep_h"] = hours
        for name, sums in self.sums.items():
            for day, total in sums.items():
                raw.setdefault(day, {})[name] = total
        exercise = self.sums["exercise_min"]
        for day, minutes in self.workouts.items():
            if day in exercise:
                self.report.skip(
                    "Workout", Reason.WORKOUT_ON_EXERCISE_DAY, len(minutes), place=day.isoformat()
                )
                self.report.read("exercise_min", -len(minutes))
            else:
                raw.setdefault(day, {})["exercise_min"] = sum(minutes)
        return raw
