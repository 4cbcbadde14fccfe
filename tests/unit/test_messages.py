"""What a person reads when a value is refused or unusual, in English and Indonesian."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest

from tracker.domain import DayLog, Episode, ValidationError, unusual_values
from tracker.i18n import catalogue_compiled, set_language


@pytest.fixture
def indonesian() -> Iterator[None]:
    assert catalogue_compiled("id"), "run `make catalogues` first"
    set_language("id")
    yield
    set_language("en")


def test_a_refusal_names_field_value_and_allowed_range() -> None:
    with pytest.raises(ValidationError) as refused:
        DayLog(date=dt.date(2026, 11, 25), water_ml=25000)
    assert str(refused.value) == "Water (ml): 25000 is not allowed (allowed: whole numbers 0–20000)"


def test_a_refusal_reads_in_indonesian(indonesian: None) -> None:
    with pytest.raises(ValidationError) as refused:
        Episode(started_at=dt.datetime(2026, 11, 25, tzinfo=dt.UTC), utc_offset_min=0, intensity=9)
    assert (
        str(refused.value) == "Intensitas: 9 tidak diizinkan (yang diizinkan: bilangan bulat 0–4)"
    )


def test_very_long_values_are_shortened_in_the_message() -> None:
    with pytest.raises(ValidationError) as refused:
        Episode(
            started_at=dt.datetime(2026, 11, 25, tzinfo=dt.UTC),
            utc_offset_min=0,
            side="x" * 500,  # type: ignore[arg-type]
        )
    assert len(str(refused.value)) < 140


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        (
            {"sleep_h": 3.5},
            ["Sleep last night (hours): 3.5 is unusually low (below 4); stored anyway"],
        ),
        (
            {"sleep_h": 12.5},
            ["Sleep last night (hours): 12.5 is unusually high (above 12); stored anyway"],
        ),
        ({"water_ml": 4500}, ["Water (ml): 4500 is unusually high (above 4000); stored anyway"]),
        ({"sleep_h": 4.0, "water_ml": 4000}, []),
        ({}, []),
    ],
)
def test_plausible_but_unusual_values_are_flagged_not_refused(
    values: dict[str, float], expected: list[str]
) -> None:
    record = DayLog(date=dt.date(2026, 11, 25), **values)  # type: ignore[arg-type]
    assert [str(item) for item in unusual_values(record)] == expected


def test_unusual_notes_read_in_indonesian(indonesian: None) -> None:
    record = DayLog(date=dt.date(2026, 11, 25), sleep_h=3)
    assert [str(item) for item in unusual_values(record)] == [
        "Tidur semalam (jam): 3 sangat rendah (di bawah 4); tetap disimpan"
    ]
