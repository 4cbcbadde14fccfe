"""Every bounded field: accepted inside and at each limit, refused just outside, with a
message that names the field, the value and the allowed range."""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable
from typing import Any

import pytest

from tracker.domain import DayLog, Episode, Profile, RemedyUse, Settings, ValidationError
from tracker.fields import field_label

UTC = dt.UTC
START = dt.datetime(2026, 11, 25, 14, 30, tzinfo=UTC)


def episode(**values: Any) -> Episode:
    return Episode(started_at=START, utc_offset_min=values.pop("utc_offset_min", 0), **values)


def day(**values: Any) -> DayLog:
    return DayLog(date=dt.date(2026, 11, 25), **values)


def remedy(**values: Any) -> RemedyUse:
    values.setdefault("remedy", "stretching")
    return RemedyUse(date=dt.date(2026, 11, 25), **values)


Factory = Callable[..., object]
# (factory, field, low, high, step just outside, whole numbers only)
NUMERIC_FIELDS: list[tuple[Factory, str, float, float, float, bool]] = [
    (episode, "intensity", 0, 4, 1, True),
    (episode, "duration_s", 1, 86400, 1, True),
    (episode, "utc_offset_min", -720, 840, 1, True),
    (day, "sleep_h", 0, 24, 0.5, False),
    (day, "sleep_quality", 0, 4, 1, True),
    (day, "water_ml", 0, 20000, 1, True),
    (day, "exercise_min", 0, 1440, 1, True),
    (day, "stress", 0, 4, 1, True),
    (day, "caffeine_mg", 0, 2000, 1, True),
    (day, "alcohol_units", 0, 100, 0.5, False),
    (remedy, "helped", 0, 4, 1, True),
    (Settings, "water_target_ml", 500, 6000, 1, True),
    (Settings, "recurring_days", 2, 7, 1, True),
    (Settings, "persist_span_days", 7, 60, 1, True),
    (Settings, "reset_free_days", 3, 14, 1, True),
]
IDS = [f"{factory.__name__}.{name}" for factory, name, *_ in NUMERIC_FIELDS]


def _number(value: float, whole: bool) -> float:
    return int(value) if whole else value


@pytest.mark.parametrize(
    ("factory", "name", "low", "high", "step", "whole"), NUMERIC_FIELDS, ids=IDS
)
def test_values_inside_and_at_each_limit_are_accepted(
    factory: Factory, name: str, low: float, high: float, step: float, whole: bool
) -> None:
    middle = _number(low + (high - low) // 2, whole)
    for value in (_number(low, whole), middle, _number(high, whole)):
        record = factory(**{name: value})
        assert getattr(record, name) == value


@pytest.mark.parametrize(
    ("factory", "name", "low", "high", "step", "whole"), NUMERIC_FIELDS, ids=IDS
)
def test_values_just_outside_each_limit_are_refused_with_field_value_and_range(
    factory: Factory, name: str, low: float, high: float, step: float, whole: bool
) -> None:
    for value in (_number(low - step, whole), _number(high + step, whole)):
        with pytest.raises(ValidationError) as refused:
            factory(**{name: value})
        assert refused.value.field == name
        message = str(refused.value)
        assert message.startswith(f"{field_label(name)}: {value:g} is not allowed")
        assert f"{low:g}–{high:g}" in message


@pytest.mark.parametrize(
    ("factory", "name", "low", "high", "step", "whole"), NUMERIC_FIELDS, ids=IDS
)
def test_not_a_number_infinity_and_booleans_are_refused(
    factory: Factory, name: str, low: float, high: float, step: float, whole: bool
) -> None:
    for value in (math.nan, math.inf, -math.inf, True, "3"):
        with pytest.raises(ValidationError) as refused:
            factory(**{name: value})
        assert refused.value.field == name


@pytest.mark.parametrize("name", ["intensity", "duration_s"])
def test_whole_number_fields_refuse_fractions(name: str) -> None:
    label = re.escape(field_label(name))
    with pytest.raises(
        ValidationError, match=rf"^{label}: 2\.5 is not allowed \(allowed: whole numbers"
    ):
        episode(**{name: 2.5})


def test_half_hours_of_sleep_are_kept_as_given() -> None:
    assert day(sleep_h=7.5).sleep_h == 7.5


@pytest.mark.parametrize(
    ("factory", "name", "allowed"),
    [
        (episode, "body_site", "knee, thigh, calf, foot, eyelid, arm, hand, other"),
        (episode, "side", "left, right, both, none"),
        (episode, "context", "rest, after_exercise, night, other"),
        (day, "exercise_intensity", "light, moderate, vigorous"),
        (remedy, "remedy", None),
    ],
)
def test_choices_outside_the_list_name_every_allowed_value(
    factory: Factory, name: str, allowed: str | None
) -> None:
    with pytest.raises(ValidationError) as refused:
        factory(**{name: "sideways"})
    expected = (
        allowed or "rest, fluids, nutrition, stretching, massage, warm_compress, cold_compress"
    )
    assert str(refused.value) == (
        f"{field_label(name)}: 'sideways' is not allowed (allowed: {expected})"
    )


def test_a_note_may_have_2000_characters_but_not_2001() -> None:
    assert episode(note="x" * 2000).note == "x" * 2000
    assert day(note="ü" * 2000).note == "ü" * 2000
    with pytest.raises(
        ValidationError,
        match=r"^Note: 2001 characters is not allowed \(allowed: 0–2000 characters\)",
    ):
        episode(note="x" * 2001)


def test_an_empty_note_is_not_logged() -> None:
    assert episode(note="").note is None


def test_a_profile_name_has_1_to_60_characters_after_trimming() -> None:
    assert Profile(name="  Ani  ").name == "Ani"
    assert Profile(name="a" * 60).name == "a" * 60
    for bad in ("", "   ", "a" * 61):
        with pytest.raises(ValidationError) as refused:
            Profile(name=bad)
        assert refused.value.field == "name"


def test_red_flags_are_true_or_false() -> None:
    with pytest.raises(
        ValidationError, match=r"^Sharp pain: 'yes' is not allowed \(allowed: yes or no\)"
    ):
        episode(pain="yes")


def test_a_medication_cannot_stop_before_it_started() -> None:
    from tracker.domain import Medication

    with pytest.raises(ValidationError, match=r"^Stopped on: 2026-11-01 is not allowed"):
        Medication(
            name="Furosemide",
            kind="diuretic",  # type: ignore[arg-type]
            started_on=dt.date(2026, 11, 2),
            stopped_on=dt.date(2026, 11, 1),
        )


@pytest.mark.parametrize("year", [1899, 2101])
def test_days_far_in_the_past_or_future_are_refused(year: int) -> None:
    with pytest.raises(ValidationError, match=r"^Date: "):
        DayLog(date=dt.date(year, 6, 1))
    with pytest.raises(ValidationError, match=r"^Date and time: "):
        Episode(started_at=dt.datetime(year, 6, 1, tzinfo=UTC), utc_offset_min=0)
