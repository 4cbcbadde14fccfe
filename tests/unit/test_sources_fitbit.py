"""Fitbit's archive (Takeout folder or zip): sleep of the distinct logIds by dateOfSleep,
naps included; exercise by the local date of its UTC start; the rest counted as skipped."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import zipfile
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tracker.formats.sources import (
    ImportCancelled,
    Reason,
    SourceFormatError,
    SourceOptions,
    detect,
    source_named,
)

TAKEOUT = Path(__file__).resolve().parents[1] / "fixtures" / "fitbit" / "Takeout"
GLOBAL = TAKEOUT / "Fitbit" / "Global Export Data"
FITBIT = source_named("fitbit")
JAKARTA = SourceOptions(zone=ZoneInfo("Asia/Jakarta"))
D = dt.date


def test_sleep_is_the_sum_of_distinct_logs_by_date_of_sleep() -> None:
    days = FITBIT.read(TAKEOUT, JAKARTA).days
    assert days[D(2021, 3, 14)]["sleep_h"] == (412 + 38) / 60  # the main sleep and a nap
    assert days[D(2021, 3, 15)]["sleep_h"] == round(455 / 60, 2)
    # Log 31199999999 is in both sleep files: it counts once.
    assert days[D(2021, 3, 29)]["sleep_h"] == round(401 / 60, 2)
    assert days[D(2021, 3, 30)]["sleep_h"] == round(388 / 60, 2)


def test_exercise_days_are_taken_in_the_persons_zone() -> None:
    days = FITBIT.read(TAKEOUT, JAKARTA).days
    # Walk 01:30 UTC = 08:30 in Jakarta on 14 March: 1,843,000 ms active.
    assert days[D(2021, 3, 14)]["exercise_min"] == round(1843000 / 60000)
    # Run 18:10 UTC on 14 March is 01:10 on 15 March in Jakarta (25 min); the manual yoga
    # log has no activeDuration, so its duration (60 min); it is in two files, once here.
    assert days[D(2021, 3, 15)]["exercise_min"] == 25 + 60
    assert days[D(2021, 3, 17)]["exercise_min"] == 45  # 22:30 UTC on 16 March
    in_london = FITBIT.read(TAKEOUT, SourceOptions(zone=ZoneInfo("Europe/London"))).days
    assert in_london[D(2021, 3, 14)]["exercise_min"] == round((1843000 + 1500000) / 60000)
    assert in_london[D(2021, 3, 16)]["exercise_min"] == 45


def test_the_report_counts_skipped_files_and_repeated_logs() -> None:
    report = FITBIT.read(TAKEOUT, JAKARTA).report
    assert report.days == {"sleep_h": 4, "exercise_min": 3}
    assert report.records == {"sleep_h": 5, "exercise_min": 4}
    assert report.skipped_count("heart_rate files", Reason.NOT_A_FACTOR) == 1
    assert report.skipped_count("steps files", Reason.NOT_A_FACTOR) == 1
    assert report.skipped_count("sleep_score files", Reason.NOT_A_FACTOR) == 1
    assert report.skipped_count("Fitbit sleep logs", Reason.REPEATED_LOG) == 1
    assert report.skipped_count("Fitbit exercise logs", Reason.REPEATED_LOG) == 1
    lines = report.lines()
    assert (
        "Fitbit writes exercise start times in UTC; their days are taken in Asia/Jakarta." in lines
    )
    assert (
        "Fitbit sleep logs: 1 skipped — the same log is also in another file (first at "
        "Takeout › Fitbit/Global Export Data/sleep-2021-03-29.json, record 2)"
    ) in lines


def test_a_zip_a_folder_and_a_single_file_are_recognised_by_content(tmp_path: Path) -> None:
    expected = FITBIT.read(TAKEOUT, JAKARTA).days
    archive = tmp_path / "takeout-20240301T101010Z-001.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as bundle:
        for path in sorted(TAKEOUT.rglob("*")):
            if path.is_file():
                bundle.write(path, "Takeout/" + path.relative_to(TAKEOUT).as_posix())
    assert detect(archive) is FITBIT
    assert FITBIT.read(archive, JAKARTA).days == expected
    one = tmp_path / "tidur.json"  # a renamed sleep file alone
    shutil.copy(GLOBAL / "sleep-2021-03-29.json", one)
    assert detect(one) is FITBIT
    assert FITBIT.read(one, JAKARTA).days == {
        D(2021, 3, 29): {"sleep_h": round(401 / 60, 2)},
        D(2021, 3, 30): {"sleep_h": round(388 / 60, 2)},
    }
    other = tmp_path / "heart.json"
    shutil.copy(GLOBAL / "heart_rate-2021-03-14.json", other)
    assert detect(other) is None
    with pytest.raises(SourceFormatError, match="not a Fitbit export"):
        FITBIT.read(other, JAKARTA)


def test_odd_logs_are_skipped_with_their_file_and_record(tmp_path: Path) -> None:
    logs = json.loads((GLOBAL / "sleep-2021-02-28.json").read_text())
    logs[1]["minutesAsleep"] = "lots"
    logs[2]["dateOfSleep"] = "14/03/2021"
    logs.append(["not", "a", "log"])
    path = tmp_path / "sleep-2021-02-28.json"
    path.write_text(json.dumps(logs))
    batch = FITBIT.read(path, JAKARTA)
    assert batch.days == {
        D(2021, 3, 14): {"sleep_h": round(412 / 60, 2)},
        D(2021, 3, 29): {"sleep_h": round(401 / 60, 2)},
    }
    assert batch.report.skipped_count("Fitbit sleep logs", Reason.MISSING) == 2
    assert batch.report.skipped_count("Fitbit sleep logs", Reason.BAD_DATE) == 1
    assert any(
        "a value it needs is missing (first at sleep-2021-02-28.json, record 2)" in line
        for line in batch.report.lines()
    )


def test_a_cut_short_file_names_its_line(tmp_path: Path) -> None:
    text = (GLOBAL / "exercise-0.json").read_text()
    path = tmp_path / "exercise-0.json"
    path.write_text(text[:2000])
    with pytest.raises(SourceFormatError) as caught:
        FITBIT.read(path, JAKARTA)
    assert caught.value.line == text[:2000].count("\n") + 1
    assert str(caught.value).startswith(f"exercise-0.json, line {caught.value.line}: ")
    assert "cut short" in str(caught.value)


def test_cancel_stops_the_read() -> None:
    with pytest.raises(ImportCancelled):
        FITBIT.read(TAKEOUT, SourceOptions(cancelled=lambda: True))
    seen: list[int] = []
    FITBIT.read(TAKEOUT, SourceOptions(progress=lambda done, total: seen.append(total - done)))
    assert seen[-1] == 0


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=2000))
def test_random_bytes_are_refused_with_a_clear_message(
    tmp_path_factory: pytest.TempPathFactory, data: bytes
) -> None:
    path = tmp_path_factory.mktemp("random") / "sleep-2021-01-01.json"
    path.write_bytes(data)
    with pytest.raises(SourceFormatError) as caught:
        FITBIT.read(path, JAKARTA)
    assert str(caught.value).startswith("sleep-2021-01-01.json")


@settings(max_examples=150, deadline=None)
@given(st.integers(1, (GLOBAL / "sleep-2021-02-28.json").stat().st_size), st.binary(max_size=30))
def test_cut_or_garbled_logs_are_refused_or_skipped_never_a_crash(
    tmp_path_factory: pytest.TempPathFactory, cut: int, tail: bytes
) -> None:
    path = tmp_path_factory.mktemp("cut") / "sleep-2021-02-28.json"
    path.write_bytes((GLOBAL / "sleep-2021-02-28.json").read_bytes()[:cut] + tail)
    try:
        batch = FITBIT.read(path, JAKARTA)
    except SourceFormatError as error:
        assert str(error).startswith("sleep-2021-02-28.json")
    else:
        assert all(0 <= v["sleep_h"] <= 24 for v in batch.days.values())
