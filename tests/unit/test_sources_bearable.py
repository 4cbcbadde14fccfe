"""Bearable's CSV export: twitching symptoms become episodes (intensity from the rating,
time from the part of the day), sleep, water, caffeine and bowel movements become day
values, medicines become periods; "22nd Sep 2020" dates."""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tracker.domain import BodySite, MedicationKind, Side
from tracker.formats.sources import (
    Mapping,
    Reason,
    SourceFormatError,
    SourceOptions,
    detect,
    source_named,
)
from tracker.formats.sources.bearable import parse_date, sleep_hours

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "bearable"
EXPORT = FIXTURE / "bearable-export-23-03-2024.csv"
BEARABLE = source_named("bearable")
JAKARTA = SourceOptions(zone=ZoneInfo("Asia/Jakarta"))
D = dt.date


def test_dates_as_bearable_writes_them() -> None:
    assert parse_date("22nd Sep 2020") == D(2020, 9, 22)
    assert parse_date("1st Mar 2024") == D(2024, 3, 1)
    assert parse_date("3rd Dec 2021") == D(2021, 12, 3)
    assert parse_date("11th Jan 2022") == D(2022, 1, 11)
    assert parse_date("31st Feb 2022") is None  # no such day
    assert parse_date("2022-01-11") is None


def test_twitching_symptoms_become_episodes_with_rating_time_and_place() -> None:
    batch = BEARABLE.read(EXPORT, JAKARTA)
    seen = [
        (e.local_started_at.isoformat(), e.body_site, e.side, e.intensity) for e in batch.episodes
    ]
    assert seen == [
        ("2024-03-01T03:00:00+07:00", BodySite.KNEE, Side.NONE, 1),  # "pre", Mild
        ("2024-03-01T21:00:00+07:00", BodySite.KNEE, Side.NONE, 2),  # "pm", Moderate
        ("2024-03-02T15:00:00+07:00", BodySite.CALF, Side.LEFT, 3),  # "Muscle twitch left calf"
        ("2024-03-02T14:05:00+07:00", BodySite.KNEE, Side.NONE, 4),  # "Kedut lutut", a time
        ("2024-03-22T21:00:00+07:00", BodySite.KNEE, Side.NONE, 1),
    ]
    assert batch.episodes[3].note == 'Kedut lutut (Unbearable): "Sakit", kata dokter: istirahat'
    assert batch.episodes[0].started_at == dt.datetime(2024, 2, 29, 20, tzinfo=dt.UTC)
    report = batch.report
    assert report.skipped_count("Knee twitch", Reason.LOGGED_AS_NONE) == 1  # rating 0
    assert report.skipped_count("Headache", Reason.NOT_MAPPED) == 1
    assert "Headache" in report.unmapped()


def test_sleep_water_caffeine_and_bowel_movements_become_day_values() -> None:
    days = BEARABLE.read(EXPORT, JAKARTA).days
    assert days[D(2024, 3, 1)] == {"sleep_h": 7.5, "sleep_quality": 2, "water_ml": 1250}
    # A night of 6:15 and a nap of 0:45; Bristol type 7; 190 mg of caffeine.
    assert days[D(2024, 3, 2)] == {"sleep_h": 7.0, "caffeine_mg": 190, "diarrhea": True}
    # No amount: the "In bed 22:00 - 07:15" span; Bristol type 4 is no diarrhoea.
    assert days[D(2024, 3, 3)] == {"sleep_h": 9.25, "diarrhea": False}
    assert days[D(2024, 3, 21)] == {"sleep_h": 8.0}
    assert D(2024, 3, 23) not in days  # 25 hours of sleep is refused with its day


def test_what_is_not_a_factor_or_has_an_unknown_unit_is_counted() -> None:
    report = BEARABLE.read(EXPORT, JAKARTA).report
    assert report.skipped_count("Mood", Reason.NOT_A_FACTOR) == 1
    assert report.skipped_count("Energy", Reason.NOT_A_FACTOR) == 1
    assert report.skipped_count("Gratitudes", Reason.NOT_A_FACTOR) == 1
    assert report.skipped_count("Water", Reason.UNKNOWN_UNIT) == 1  # "2 glasses"
    assert report.skipped_count("sleep (hours)", Reason.OUT_OF_RANGE) == 1
    lines = report.lines()
    assert "twitch episodes: 5" in lines
    assert "medication periods: 3" in lines


def test_medicines_become_periods_of_the_mapped_kind_or_other() -> None:
    batch = BEARABLE.read(EXPORT, JAKARTA)
    periods = [(m.name, m.kind, m.started_on, m.stopped_on) for m in batch.medications]
    assert periods == [
        # A gap of more than 7 days ends a period; the last dose is within 7 days of the
        # file's last day, so the second period is still going.
        ("Furosemide", MedicationKind.OTHER, D(2024, 3, 1), D(2024, 3, 3)),
        ("Furosemide", MedicationKind.OTHER, D(2024, 3, 21), None),
        ("Magnesium", MedicationKind.OTHER, D(2024, 3, 1), D(2024, 3, 1)),
    ]
    mapping = Mapping.from_dict(
        {
            "names": {
                "Furosemide": {"medication": "diuretic"},
                "Magnesium": {"field": "magnesium_rich_food"},
            }
        }
    )
    mapped = BEARABLE.read(EXPORT, SourceOptions(zone=ZoneInfo("Asia/Jakarta"), mapping=mapping))
    assert {m.kind for m in mapped.medications} == {MedicationKind.DIURETIC}
    assert mapped.days[D(2024, 3, 1)]["magnesium_rich_food"] is True


def test_factors_follow_the_mapping_and_absent_ones_are_no_from_their_first_day() -> None:
    mapping = Mapping.from_dict(
        {
            "names": {
                "Alcohol": {"field": "alcohol_units", "each": 2},
                "Caffeine": {"field": "caffeine_mg", "each": 95},
                "Walk": "skip",
                "Headache": {"episode": {"site": "other"}},
            }
        }
    )
    batch = BEARABLE.read(EXPORT, SourceOptions(zone=ZoneInfo("Asia/Jakarta"), mapping=mapping))
    days = batch.days
    assert days[D(2024, 3, 1)]["alcohol_units"] == 2
    assert days[D(2024, 3, 2)]["alcohol_units"] == 0  # a Factors row without Alcohol
    assert days[D(2024, 3, 3)]["alcohol_units"] == 2
    assert days[D(2024, 3, 1)]["caffeine_mg"] == 95  # a Food Diary factor
    assert days[D(2024, 3, 2)]["caffeine_mg"] == 190  # no food factors row: the 190 mg only
    assert days[D(2024, 3, 3)]["caffeine_mg"] == 0
    assert batch.report.skipped_count("Walk", Reason.MAPPED_TO_SKIP) == 2
    assert [e.body_site for e in batch.episodes].count(BodySite.OTHER) == 1


def test_a_zip_and_a_renamed_file_are_recognised_by_content(tmp_path: Path) -> None:
    archive = tmp_path / "export.zip"
    with zipfile.ZipFile(archive, "w") as bundle:
        bundle.write(EXPORT, "data/ekspor.csv")
    assert detect(archive) is BEARABLE
    assert BEARABLE.read(archive, JAKARTA).days == BEARABLE.read(EXPORT, JAKARTA).days
    header_only = tmp_path / "kosong.csv"
    header_only.write_text(EXPORT.read_text().splitlines()[0])
    assert detect(header_only) is BEARABLE
    assert BEARABLE.read(header_only, JAKARTA).days == {}


def test_sleep_hours_from_the_amount_or_the_span() -> None:
    assert sleep_hours("7:30", "In bed 23:00 - 07:00") == 7.5
    assert sleep_hours("", "Asleep 02:45 - 12:30. In bed 02:15 - 13:15") == 9.75
    assert sleep_hours("", "In bed 22:00 - 07:15") == 9.25
    assert sleep_hours("", "") is None
    assert sleep_hours("lots", "") is None


def test_bad_rows_name_the_row(tmp_path: Path) -> None:
    lines = EXPORT.read_text().splitlines()
    path = tmp_path / "bearable.csv"
    path.write_text("\n".join([lines[0], lines[1] + ',"x"', *lines[2:]]))
    with pytest.raises(SourceFormatError) as caught:
        BEARABLE.read(path, JAKARTA)
    assert str(caught.value) == "bearable.csv, row 2: this row has 8 cells, the header has 7"
    path.write_text("\n".join([lines[0], lines[1], lines[2].replace("1st Mar", "1st Foo")]))
    batch = BEARABLE.read(path, JAKARTA)
    assert batch.report.skipped_count("Symptom", Reason.BAD_DATE) == 1
    assert "first at bearable.csv, row 3" in " ".join(batch.report.lines())
    path.write_text("\n".join([lines[0], lines[1].replace("1st Mar 2024", "1st Foo 2024")]))
    with pytest.raises(SourceFormatError) as caught:
        BEARABLE.read(path, JAKARTA)
    assert str(caught.value) == (
        "bearable.csv, row 2: the date '1st Foo 2024' cannot be read (expected e.g. 22nd Sep 2020)"
    )


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=2000))
def test_random_bytes_are_refused_with_a_clear_message(
    tmp_path_factory: pytest.TempPathFactory, data: bytes
) -> None:
    path = tmp_path_factory.mktemp("random") / "bearable.csv"
    path.write_bytes(data)
    with pytest.raises(SourceFormatError) as caught:
        BEARABLE.read(path, JAKARTA)
    assert str(caught.value).startswith("bearable.csv")


@settings(max_examples=200, deadline=None)
@given(st.integers(70, EXPORT.stat().st_size), st.binary(max_size=40))
def test_a_cut_or_garbled_export_is_refused_or_read_never_a_crash(
    tmp_path_factory: pytest.TempPathFactory, cut: int, tail: bytes
) -> None:
    path = tmp_path_factory.mktemp("cut") / "bearable.csv"
    path.write_bytes(EXPORT.read_bytes()[:cut] + tail)
    try:
        batch = BEARABLE.read(path, JAKARTA)
    except SourceFormatError as error:
        assert str(error).startswith("bearable.csv")
    else:
        assert all(0 <= v.get("sleep_h", 0) <= 24 for v in batch.days.values())
