"""Daylio's CSV export in every header version and any language, read by structure:
newest-first rows, a byte-order mark, 12- and 24-hour times, activities separated by
" | " that become factors or twitches by the mapping, moods that become stress only when
mapped."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tracker.domain import BodySite, Side
from tracker.formats.sources import (
    Mapping,
    Reason,
    SourceFormatError,
    SourceOptions,
    detect,
    source_named,
)
from tracker.formats.sources.daylio import parse_time

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "daylio"
INDONESIAN = FIXTURES / "daylio_export_2024_03_05.csv"
DAYLIO = source_named("daylio")
JAKARTA = ZoneInfo("Asia/Jakarta")
D = dt.date
MAPPING = Mapping.from_dict(
    {
        "kedut_mapping": 1,
        "names": {
            "kopi": {"field": "caffeine_mg", "each": 95},
            "alkohol": {"field": "alcohol_units", "each": 2},
            "alcohol": {"field": "alcohol_units", "each": 1},
            "tidur nyenyak": "skip",
        },
        "moods": {"luar biasa": 0, "baik": 1, "biasa": 2, "buruk": 3, "sangat buruk": 4},
    }
)


def _read(path: Path, mapping: Mapping | None = MAPPING):  # type: ignore[no-untyped-def]
    return DAYLIO.read(path, SourceOptions(zone=JAKARTA, mapping=mapping))


def test_every_header_version_is_recognised_by_its_structure() -> None:
    for name in (
        "sample.csv",  # full_date … note_title,note (real export, MIT)
        "test_data.csv",  # full_date … activities,note (real export, MIT)
        "daylio_export_2018.csv",  # year,date,… (before 2019)
        "daylio_export_2024_03_05.csv",  # scales column, BOM, header in Indonesian
    ):
        assert detect(FIXTURES / name) is DAYLIO, name


def test_a_translated_export_with_a_bom_newest_first() -> None:
    batch = _read(INDONESIAN)
    assert batch.days == {
        D(2024, 3, 5): {"stress": 3, "caffeine_mg": 190, "alcohol_units": 0},
        D(2024, 3, 4): {"stress": 1, "alcohol_units": 2},
        D(2024, 3, 3): {"stress": 0},
        D(2024, 3, 2): {"stress": 4},
        D(2024, 3, 1): {"stress": 2},
    }
    # Two entries on 5 March: two coffees; the worse mood is the day's stress. Alcohol
    # was first logged on 4 March, so 5 March without it is 0, and earlier days not logged.
    episodes = [(e.local_started_at.isoformat(), e.body_site, e.side) for e in batch.episodes]
    assert episodes == [
        ("2024-03-05T21:35:00+07:00", BodySite.KNEE, Side.NONE),  # "Kedut"
        ("2024-03-02T23:50:00+07:00", BodySite.CALF, Side.RIGHT),  # "kedut betis kanan"
    ]
    assert batch.episodes[0].note == "Lutut kiri kedut lagi\nsetelah naik tangga & lari"
    report = batch.report
    assert report.skipped_count("tidur nyenyak", Reason.MAPPED_TO_SKIP) == 1
    assert report.unmapped() == ["begadang", "keluarga", "kerja", "olahraga"]


def test_moods_are_counted_and_skipped_unless_mapped_to_stress() -> None:
    batch = _read(INDONESIAN, None)
    assert all("stress" not in values for values in batch.days.values())
    assert batch.report.skipped_count("Daylio mood", Reason.NOT_A_FACTOR) == 6
    assert batch.report.names["buruk"].kind == "mood"


def test_the_older_year_version_with_month_names_and_12_hour_times() -> None:
    batch = _read(FIXTURES / "daylio_export_2018.csv")
    assert batch.days == {D(2019, 1, 1): {"alcohol_units": 1}, D(2019, 1, 2): {"alcohol_units": 0}}
    assert [e.local_started_at.isoformat() for e in batch.episodes] == [
        "2019-01-02T23:54:00+07:00"  # "11:54 pm"
    ]


def test_real_exports_read_as_their_rows_say() -> None:
    sample = _read(FIXTURES / "sample.csv")
    # "alcohol" on 26 September only; the two later entries lack it.
    assert {d: v["alcohol_units"] for d, v in sample.days.items()} == {
        D(2021, 9, 26): 1,
        D(2021, 9, 27): 0,
        D(2021, 9, 28): 0,
    }
    assert "stressed / frustrated" in sample.report.unmapped()  # "stressed / frustrated  "
    test_data = _read(FIXTURES / "test_data.csv")
    assert test_data.report.names["nap"].count == 4
    assert test_data.report.skipped_count("Daylio mood", Reason.NOT_A_FACTOR) == 32


def test_times_in_either_form() -> None:
    assert parse_time("21:35") == dt.time(21, 35)
    assert parse_time("8:30 pm") == dt.time(20, 30)
    assert parse_time("8:30 PM") == dt.time(20, 30)
    assert parse_time("12:05 am") == dt.time(0, 5)
    assert parse_time("12:30 pm") == dt.time(12, 30)
    assert parse_time("오후 8:30") == dt.time(20, 30)
    assert parse_time("8:30 abends") is None
    assert parse_time("25:00") is None


def test_a_twitch_at_a_time_that_cannot_be_read_is_skipped_with_its_row(tmp_path: Path) -> None:
    path = tmp_path / "daylio.csv"
    path.write_text(
        "full_date,date,weekday,time,mood,activities,note\n"
        '2024-03-05,5 März,Dienstag,21:35,Gut,"Zucken",""\n'
        '2024-03-04,4 März,Montag,8:30 abends,Gut,"Zucken",""\n'
    )
    mapping = Mapping.from_dict({"names": {"Zucken": "episode"}})
    batch = _read(path, mapping)
    assert len(batch.episodes) == 1
    assert "Zucken: 1 skipped — its time of day cannot be read (first at daylio.csv, row 3)" in (
        batch.report.lines()
    )


def test_bad_rows_name_the_row(tmp_path: Path) -> None:
    lines = INDONESIAN.read_text(encoding="utf-8-sig").splitlines()
    path = tmp_path / "daylio.csv"
    path.write_text("\n".join([lines[0], lines[1] + ",x", *lines[2:]]))
    with pytest.raises(SourceFormatError) as caught:
        _read(path)
    assert str(caught.value) == "daylio.csv, row 2: this row has 10 cells, the header has 9"
    path.write_text("\n".join([lines[0], lines[1], "2024-02-30" + lines[2][10:], *lines[3:]]))
    batch = _read(path)
    assert batch.report.skipped_count("Daylio entries", Reason.BAD_DATE) == 1


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=2000))
def test_random_bytes_are_refused_with_a_clear_message(
    tmp_path_factory: pytest.TempPathFactory, data: bytes
) -> None:
    path = tmp_path_factory.mktemp("random") / "daylio_export.csv"
    path.write_bytes(data)
    with pytest.raises(SourceFormatError) as caught:
        _read(path)
    assert str(caught.value).startswith("daylio_export.csv")


@settings(max_examples=200, deadline=None)
@given(
    st.sampled_from(["sample.csv", "daylio_export_2018.csv", "daylio_export_2024_03_05.csv"]),
    st.floats(0.05, 1),
    st.binary(max_size=30),
)
def test_a_cut_or_garbled_export_is_refused_or_read_never_a_crash(
    tmp_path_factory: pytest.TempPathFactory, name: str, at: float, tail: bytes
) -> None:
    data = (FIXTURES / name).read_bytes()
    path = tmp_path_factory.mktemp("cut") / "daylio_export.csv"
    path.write_bytes(data[: int(len(data) * at)] + tail)
    try:
        batch = _read(path)
    except SourceFormatError as error:
        assert str(error).startswith("daylio_export.csv")
    else:
        assert all(0 <= v.get("stress", 0) <= 4 for v in batch.days.values())
