"""Google Fit's Takeout daily activity metrics: Heart Minutes become exercise minutes,
from the daily summary when there is one, else from the per-day files."""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tracker.formats.sources import (
    Reason,
    SourceFormatError,
    SourceOptions,
    detect,
    source_named,
)

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "google-fit"
TAKEOUT = FIXTURES / "Takeout"
METRICS = TAKEOUT / "Fit" / "Daily activity metrics"
SUMMARY = METRICS / "Daily activity metrics.csv"
PER_DAY = FIXTURES / "per-day"
FIT = source_named("google-fit")
D = dt.date


def test_the_summary_gives_heart_minutes_as_exercise() -> None:
    batch = FIT.read(TAKEOUT, SourceOptions())
    # 2 March: steps and move minutes but no Heart Minutes: 0 minutes of exercise;
    # 3 March: no activity at all (only resting calories): not logged.
    assert batch.days == {
        D(2024, 3, 1): {"exercise_min": 31},
        D(2024, 3, 2): {"exercise_min": 0},
        D(2024, 3, 4): {"exercise_min": 48},
    }
    report = batch.report
    assert report.skipped_count("Google Fit per-day files", Reason.COVERED_BY_SUMMARY) == 1
    assert report.skipped_count("Step count", Reason.NOT_A_FACTOR) == 3
    assert report.skipped_count("Sleeping duration (ms)", Reason.NIGHT_CUT_AT_MIDNIGHT) == 2
    assert (
        "Exercise minutes are Google Fit's Heart Minutes (moderate or vigorous activity)."
        in report.lines()
    )


def test_without_a_summary_the_per_day_files_are_summed() -> None:
    assert FIT.read(PER_DAY, SourceOptions()).days == {
        D(2024, 3, 1): {"exercise_min": 6 + 25},  # two 15-minute rows with Heart Minutes
        D(2024, 3, 2): {"exercise_min": 0},  # walking, but nothing moderate
    }


def test_an_export_without_heart_minutes_uses_move_minutes_and_says_so(tmp_path: Path) -> None:
    path = tmp_path / "Daily Summaries.csv"
    path.write_text(
        "Date,Move Minutes count,Calories (kcal),Step count\n2018-05-02,41,2011.2,6012\n"
    )
    batch = FIT.read(path, SourceOptions())
    assert batch.days == {D(2018, 5, 2): {"exercise_min": 41}}
    assert batch.report.lines()[-1] == (
        "Exercise minutes are Google Fit's Move Minutes: this export has no Heart Minutes."
    )


def test_a_zip_and_a_renamed_file_are_recognised_by_content(tmp_path: Path) -> None:
    archive = tmp_path / "takeout-20240305T020304Z-001.zip"
    with zipfile.ZipFile(archive, "w") as bundle:
        for path in sorted(TAKEOUT.rglob("*")):
            bundle.write(path, "Takeout/" + path.relative_to(TAKEOUT).as_posix())
    assert detect(archive) is FIT
    assert FIT.read(archive, SourceOptions()).days == FIT.read(TAKEOUT, SourceOptions()).days
    renamed = tmp_path / "Metrik aktivitas harian.csv"
    renamed.write_bytes(SUMMARY.read_bytes())
    assert detect(renamed) is FIT


def test_bad_rows_name_the_row(tmp_path: Path) -> None:
    lines = SUMMARY.read_text().splitlines()
    cases = {
        "2024-13-01": "row 3: the date '2024-13-01' cannot be read (expected YYYY-MM-DD)",
        "2024-03-01": "row 3: the day 2024-03-01 is in this file twice",
    }
    for date, message in cases.items():
        path = tmp_path / "Daily activity metrics.csv"
        path.write_text("\n".join([lines[0], lines[1], date + lines[2][10:], *lines[3:]]) + "\n")
        with pytest.raises(SourceFormatError) as caught:
            FIT.read(path, SourceOptions())
        assert str(caught.value) == f"Daily activity metrics.csv, {message}"
    path.write_text("\n".join([lines[0], lines[1] + ",7", *lines[2:]]) + "\n")
    with pytest.raises(SourceFormatError, match="row 2: this row has 25 cells, the header has 24"):
        FIT.read(path, SourceOptions())


def test_a_value_that_is_not_a_number_is_skipped_with_its_row(tmp_path: Path) -> None:
    path = tmp_path / "Daily activity metrics.csv"
    path.write_text(SUMMARY.read_text().replace(",37,31,", ",37,lots,", 1))
    batch = FIT.read(path, SourceOptions())
    assert D(2024, 3, 1) not in batch.days
    assert any(
        "Heart Minutes: 1 skipped — the value is not a number (first at "
        "Daily activity metrics.csv, row 2)" in line
        for line in batch.report.lines()
    )


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=2000))
def test_random_bytes_are_refused_with_a_clear_message(
    tmp_path_factory: pytest.TempPathFactory, data: bytes
) -> None:
    path = tmp_path_factory.mktemp("random") / "Daily activity metrics.csv"
    path.write_bytes(data)
    with pytest.raises(SourceFormatError) as caught:
        FIT.read(path, SourceOptions())
    assert str(caught.value).startswith("Daily activity metrics.csv")


@settings(max_examples=150, deadline=None)
@given(st.integers(60, SUMMARY.stat().st_size), st.binary(max_size=30))
def test_a_cut_or_garbled_summary_is_refused_or_read_never_a_crash(
    tmp_path_factory: pytest.TempPathFactory, cut: int, tail: bytes
) -> None:
    path = tmp_path_factory.mktemp("cut") / "Daily activity metrics.csv"
    path.write_bytes(SUMMARY.read_bytes()[:cut] + tail)
    try:
        batch = FIT.read(path, SourceOptions())
    except SourceFormatError as error:
        assert str(error).startswith("Daily activity metrics.csv")
    else:
        assert all(0 <= v["exercise_min"] <= 1440 for v in batch.days.values())
