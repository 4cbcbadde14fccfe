"""The daily series: one row per local day of a range, as numpy columns.

A day with no episode has episodes = 0, but a factor that was not logged stays NaN:
a missing day is not a zero. Medication periods give the on_<kind> flags (0 or 1).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import cast

import numpy as np
import numpy.typing as npt

from tracker.domain import Medication, MedicationKind

FloatArray = npt.NDArray[np.float64]

NUMERIC_FACTORS: tuple[str, ...] = (
    "sleep_h",
    "sleep_quality",
    "water_ml",
    "exercise_min",
    "stress",
    "caffeine_mg",
    "alcohol_units",
)
BINARY_DAY_FACTORS: tuple[str, ...] = (
    "diarrhea",
    "calcium_rich_food",
    "magnesium_rich_food",
    "vitamin_supplement",
)
MEDICATION_FACTORS: dict[str, MedicationKind] = {
    "on_diuretic": MedicationKind.DIURETIC,
    "on_corticosteroid": MedicationKind.CORTICOSTEROID,
    "on_estrogen": MedicationKind.ESTROGEN,
}
BINARY_FACTORS: tuple[str, ...] = BINARY_DAY_FACTORS + tuple(MEDICATION_FACTORS)
_EXERCISE_LEVEL = {"light": 1.0, "moderate": 2.0, "vigorous": 3.0}


@dataclass(frozen=True)
class DailySeries:
    first: dt.date
    last: dt.date
    episodes: FloatArray
    """Episodes per day (0 on a day without one)."""
    max_intensity: FloatArray
    """Strongest episode of the day, NaN without one."""
    total_duration_s: FloatArray
    """Sum of the logged durations, NaN when none was logged."""
    factors: dict[str, FloatArray] = field(default_factory=dict)
    """Every day-log factor and on_<kind> flag by name; NaN where not logged."""

    @property
    def days(self) -> int:
        return len(self.episodes)

    def last_days(self, days: int) -> DailySeries:
        """The same series cut to its last `days` days (all of it when shorter)."""
        if days >= self.days:
            return self
        cut = self.days - days
        return DailySeries(
            first=self.first + dt.timedelta(days=cut),
            last=self.last,
            episodes=self.episodes[cut:],
            max_intensity=self.max_intensity[cut:],
            total_duration_s=self.total_duration_s[cut:],
            factors={name: values[cut:] for name, values in self.factors.items()},
        )

    def dates(self) -> list[dt.date]:
        return [self.first + dt.timedelta(days=i) for i in range(self.days)]


def _index(first: dt.date, day: dt.date) -> int:
    return (day - first).days


def _places(
    first: dt.date, days: Sequence[dt.date | int], size: int
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.bool_]]:
    """The series index of each day that falls within it, and which days do. A day is
    a date or already its number of days after `first`."""
    index = np.array(
        [day if isinstance(day, int) else (day - first).days for day in days], dtype=np.int64
    )
    inside = (index >= 0) & (index < size)
    return index[inside], inside


def build_series(
    first: dt.date,
    last: dt.date,
    daily_episodes: Iterable[tuple[dt.date | int, int, int, int | None]],
    day_factors: Iterable[Sequence[object]],
    factor_columns: Sequence[str],
    medications: Iterable[Medication],
) -> DailySeries:
    """Assemble the series from the store's aggregates.

    `daily_episodes` holds (day, count, max intensity, total duration or None);
    `day_factors` holds (day, *values in `factor_columns` order). A day is a date, or
    (as the store hands it, sparing ten years of date arithmetic) its number of days
    after `first`."""
    size = max(0, (last - first).days + 1)
    episodes = np.zeros(size)
    max_intensity = np.full(size, np.nan)
    total_duration = np.full(size, np.nan)
    by_day = list(daily_episodes)
    if by_day:
        days, counts, strongest, durations = zip(*by_day, strict=True)
        at, inside = _places(first, days, size)
        episodes[at] = np.array(counts, dtype=float)[inside]
        max_intensity[at] = np.array(strongest, dtype=float)[inside]
        total_duration[at] = np.array(durations, dtype=float)[inside]  # None: NaN
    factors = {name: np.full(size, np.nan) for name in factor_columns}
    logged = list(day_factors)
    if logged:
        columns = list(zip(*logged, strict=True))
        at, inside = _places(first, cast("Sequence[dt.date | int]", columns[0]), size)
        for name, values in zip(factor_columns, columns[1:], strict=True):
            if name == "exercise_intensity":
                values = tuple(None if v is None else _EXERCISE_LEVEL[str(v)] for v in values)
            factors[name][at] = np.array(values, dtype=float)[inside]  # None: NaN
    on_kind = {name: np.zeros(size) for name in MEDICATION_FACTORS}
    for medication in medications:
        for name, kind in MEDICATION_FACTORS.items():
            if medication.kind is kind:
                start = max(0, _index(first, medication.started_on))
                stop = (
                    size
                    if medication.stopped_on is None
                    else _index(first, medication.stopped_on) + 1
                )
                on_kind[name][start : max(start, min(stop, size))] = 1.0
    factors.update(on_kind)
    return DailySeries(first, last, episodes, max_intensity, total_duration, factors)
