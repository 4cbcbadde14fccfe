"""Apple Health's export read by DESIGN.md's rules: the sleep union across watch and phone,
time in bed only on nights without asleep time, units, Correlation copies, Apple's own
faults (a broken DOCTYPE, control characters), and any file name, zip or folder."""

from __future__ import annotations

import datetime as dt
import shutil
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

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
from tracker.formats.sources.apple_rules import stamp
from tracker.formats.sources.apple_sleep import union_seconds

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "apple-health"
EXPORT = FIXTURES / "export.xml"
IOS16 = FIXTURES / "eksport-ios16.xml"
APPLE = source_named("apple-health")
D = dt.date


def _read(path: Path, options: SourceOptions | None = None) -> dict[dt.date, dict[str, float]]:
    return dict(APPLE.read(path, options or SourceOptions()).days)


def test_the_export_gives_each_days_values_by_the_rules() -> None:
    days = _read(EXPORT)
    # Night to 2 March: watch stages 23:10–01:45 and 01:50–06:20 (awake between), AutoSleep
    # 23:20–06:10 fills the awake gap, so the union is 23:10–06:20; the phone's time in bed
    # (22:55–06:30) is not used on a night with asleep time.
    assert days[D(2024, 3, 2)]["sleep_h"] == round(7 + 10 / 60, 2)
    # 250 mL + 0.5 L + 8 US fl oz + 10 imperial fl oz; 23:30 still counts for 2 March.
    assert days[D(2024, 3, 2)]["water_ml"] == round(250 + 500 + 8 * 29.5735 + 10 * 28.4131)
    # 95 mg + 0.064 g; the copy inside the Food correlation is not counted again.
    assert days[D(2024, 3, 2)]["caffeine_mg"] == 95 + 64
    # Exercise minutes 1 + 1 + 1 + 120 s; the 30-minute run that day is not added.
    assert days[D(2024, 3, 2)]["exercise_min"] == 5
    # Only time in bed that night (phone 23:30–07:00, Sleep Cycle 23:45–06:45): its union.
    assert days[D(2024, 3, 3)]["sleep_h"] == 7.5
    assert days[D(2024, 3, 3)]["water_ml"] == 300  # 00:10 on 3 March is 3 March's
    # No exercise minutes on 3 March: the workouts, 45.5 min + 0.5 hr.
    assert days[D(2024, 3, 3)]["exercise_min"] == round(45.5 + 30)
    # 22:00–05:30 in Tokyo (+0900) ends on 4 March there, plus a nap of 30 min at home;
    # a record that ends when it starts is ignored.
    assert days[D(2024, 3, 4)] == {"sleep_h": 8.0}
    # 25 L of water and a 26-hour "night" are outside Kedut's bounds: reported, not kept.
    assert D(2024, 3, 5) not in days and D(2024, 3, 6) not in days


def _sleep(value: str, start: str, end: str, source: str = "Apple Watch") -> str:
    return (
        f' <Record type="HKCategoryTypeIdentifierSleepAnalysis" sourceName="{source}" '
        f'startDate="{start}" endDate="{end}" value="HKCategoryValueSleepAnalysis{value}"/>\n'
    )


def _export(tmp_path: Path, records: str) -> Path:
    header = EXPORT.read_text().split("<HealthData", 1)[0]
    path = tmp_path / "export.xml"
    path.write_text(f'{header}<HealthData locale="en_US">\n{records}</HealthData>\n')
    return path


def test_a_night_of_stages_counts_whole_for_the_morning_it_ends(tmp_path: Path) -> None:
    # The watch writes a record per stage; the first ones end before midnight. The night
    # is one session (gaps under two hours), so all of it is the morning's sleep.
    night = (
        _sleep("AsleepCore", "2024-05-09 22:30:00 +0200", "2024-05-09 23:40:00 +0200")
        + _sleep("AsleepDeep", "2024-05-09 23:40:00 +0200", "2024-05-10 00:20:00 +0200")
        + _sleep("Awake", "2024-05-10 00:20:00 +0200", "2024-05-10 00:25:00 +0200")
        + _sleep("AsleepREM", "2024-05-10 00:25:00 +0200", "2024-05-10 01:10:00 +0200")
        + _sleep("AsleepCore", "2024-05-10 02:30:00 +0200", "2024-05-10 06:30:00 +0200")
    )
    # The next night only the phone's time in bed; that afternoon a nap on the watch:
    # the nap is its own session, so the night's time in bed still counts.
    night += _sleep("InBed", "2024-05-10 23:00:00 +0200", "2024-05-11 06:00:00 +0200", "iPhone")
    night += _sleep("AsleepCore", "2024-05-11 15:00:00 +0200", "2024-05-11 15:40:00 +0200")
    days = _read(_export(tmp_path, night))
    assert days == {
        D(2024, 5, 10): {"sleep_h": round((70 + 40 + 45 + 240) / 60, 2)},
        D(2024, 5, 11): {"sleep_h": round(7 + 40 / 60, 2)},
    }


def test_the_report_counts_what_was_read_and_what_was_skipped_and_why() -> None:
    report = APPLE.read(EXPORT, SourceOptions()).report
    assert report.days == {"sleep_h": 3, "water_ml": 2, "caffeine_mg": 1, "exercise_min": 2}
    assert report.skipped_count("HeartRate", Reason.NOT_A_FACTOR) == 3
    assert report.skipped_count("StepCount", Reason.NOT_A_FACTOR) == 2
    assert report.skipped_count("ActivitySummary", Reason.NOT_A_FACTOR) == 2
    assert report.skipped_count("Correlation", Reason.CORRELATION_COPY) == 3
    assert report.skipped_count("SleepAnalysis", Reason.AWAKE) == 1
    assert report.skipped_count("SleepAnalysis", Reason.IN_BED_ON_ASLEEP_NIGHT) == 1
    assert report.skipped_count("SleepAnalysis", Reason.END_NOT_AFTER_START) == 1
    assert report.skipped_count("Workout", Reason.WORKOUT_ON_EXERCISE_DAY) == 1
    assert report.skipped_count("water", Reason.OUT_OF_RANGE) == 1
    assert report.skipped_count("sleep (hours)", Reason.OUT_OF_RANGE) == 1
    lines = report.lines()
    assert "HeartRate: 3 skipped — not a Kedut factor" in lines
    assert (
        "water: 1 skipped — outside what Kedut allows (whole numbers 0–20000) (first at 2024-03-05)"
        in lines
    )
    assert "SleepAnalysis: 1 skipped — awake time is not sleep (first at line 130)" in lines


def test_the_files_own_faults_are_tolerated() -> None:
    # Both fixtures defeat a plain XML parser: one has a vertical tab in a source name,
    # the other the DOCTYPE of iOS 16 with an ATTLIST left open.
    for path in (EXPORT, IOS16):
        with pytest.raises(ET.ParseError):
            ET.parse(path)  # noqa: S314 - our own fixture, to show it is broken
    days = _read(IOS16)
    assert days == {D(2022, 11, 19): {"sleep_h": round(7 + 15.5 / 60, 2), "water_ml": 330}}


def test_any_name_a_zip_or_a_folder_reads_the_same(tmp_path: Path) -> None:
    expected = _read(EXPORT)
    archive = tmp_path / "Ekspor.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as bundle:
        bundle.writestr(
            "apple_health_export/export_cda.xml", '<?xml version="1.0"?>\n<ClinicalDocument/>'
        )
        bundle.write(EXPORT, "apple_health_export/eksport.xml")
        bundle.writestr("apple_health_export/workout-routes/route_2024-03-02_5.31pm.gpx", "<gpx/>")
    folder = tmp_path / "apple_health_export"
    folder.mkdir()
    shutil.copy(EXPORT, folder / "Exportar.xml")
    (folder / "export_cda.xml").write_text("<ClinicalDocument/>")
    renamed = tmp_path / "health data.txt"
    shutil.copy(EXPORT, renamed)
    for path in (archive, folder, renamed):
        assert detect(path) is APPLE
        assert _read(path) == expected


def test_detection_reads_content_not_names(tmp_path: Path) -> None:
    cda = tmp_path / "export.xml"
    cda.write_text('<?xml version="1.0"?>\n<ClinicalDocument xmlns="urn:hl7-org:v3"/>\n')
    assert not APPLE.detect(cda)
    with pytest.raises(SourceFormatError, match="not an Apple Health export"):
        APPLE.read(cda, SourceOptions())


def test_a_cut_short_export_names_the_line_where_it_stops(tmp_path: Path) -> None:
    lines = EXPORT.read_bytes().splitlines(keepends=True)
    cut = tmp_path / "export.xml"
    cut.write_bytes(b"".join(lines[:120]) + lines[120][:40])
    with pytest.raises(SourceFormatError) as caught:
        APPLE.read(cut, SourceOptions())
    assert caught.value.line == 121
    assert str(caught.value) == (
        "export.xml, line 121: the file ends before the export is complete (it was cut short)"
    )


def test_a_damaged_line_is_named(tmp_path: Path) -> None:
    text = EXPORT.read_text().replace('value="455"/>', 'value="455"/ >', 1)
    broken = tmp_path / "export.xml"
    broken.write_text(text)
    number = next(n for n, line in enumerate(text.split("\n"), 1) if 'value="455"/ >' in line)
    with pytest.raises(SourceFormatError) as caught:
        APPLE.read(broken, SourceOptions())
    assert caught.value.line == number and "not well-formed XML" in str(caught.value)


def test_progress_reaches_the_whole_file_and_cancel_stops_at_once(tmp_path: Path) -> None:
    seen: list[tuple[int, int]] = []
    APPLE.read(EXPORT, SourceOptions(progress=lambda done, total: seen.append((done, total))))
    assert seen[-1] == (EXPORT.stat().st_size, EXPORT.stat().st_size)
    assert [done for done, _total in seen] == sorted(done for done, _total in seen)
    with pytest.raises(ImportCancelled):
        APPLE.read(EXPORT, SourceOptions(cancelled=lambda: True))


def test_records_with_odd_values_are_skipped_with_their_line(tmp_path: Path) -> None:
    text = EXPORT.read_text()
    text = text.replace('unit="L" creationDate', 'unit="gal_us" creationDate', 1)
    text = text.replace(
        'unit="mg" creationDate="2024-03-02 08:00:21 +0700" startDate='
        '"2024-03-02 08:00:00 +0700" endDate="2024-03-02 08:00:00 +0700" value="95"',
        'unit="mg" creationDate="x" startDate="yesterday" endDate="x" value="95"',
        1,
    )
    odd = tmp_path / "export.xml"
    odd.write_text(text)
    batch = APPLE.read(odd, SourceOptions())
    assert batch.days[D(2024, 3, 2)]["water_ml"] == round(250 + 8 * 29.5735 + 10 * 28.4131)
    assert batch.days[D(2024, 3, 2)]["caffeine_mg"] == 64
    assert batch.report.skipped_count("DietaryWater", Reason.UNKNOWN_UNIT) == 1
    assert batch.report.skipped_count("DietaryCaffeine", Reason.BAD_DATE) == 1
    assert any(
        "the unit gal_us is not known (first at line" in line for line in batch.report.lines()
    )


def test_apple_dates_carry_their_own_offset() -> None:
    assert stamp("2024-03-01 23:10:00 +0700") == (
        int(dt.datetime(2024, 3, 1, 16, 10, tzinfo=dt.UTC).timestamp()),
        D(2024, 3, 1),
    )
    assert stamp("2024-03-01 23:10:00 -0330")[0] == int(
        dt.datetime(2024, 3, 2, 2, 40, tzinfo=dt.UTC).timestamp()
    )
    for bad in ("2024-02-30 10:00:00 +0000", "2024-03-01 25:00:00 +0000", "yesterday", ""):
        with pytest.raises(ValueError):
            stamp(bad)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 300), st.integers(1, 60)), max_size=12))
def test_the_union_counts_every_covered_minute_once(pairs: list[tuple[int, int]]) -> None:
    intervals = [(start * 60, (start + length) * 60) for start, length in pairs]
    covered = {minute for start, length in pairs for minute in range(start, start + length)}
    assert union_seconds(intervals) == len(covered) * 60


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=3000))
def test_random_bytes_are_refused_with_a_clear_message(
    tmp_path_factory: pytest.TempPathFactory, data: bytes
) -> None:
    path = tmp_path_factory.mktemp("random") / "export.xml"
    path.write_bytes(data)
    with pytest.raises(SourceFormatError) as caught:
        APPLE.read(path, SourceOptions())
    assert str(caught.value).startswith("export.xml")


@settings(max_examples=150, deadline=None)
@given(st.integers(0, EXPORT.stat().st_size - 20), st.binary(max_size=40))
def test_a_cut_or_garbled_export_is_refused_at_a_line(
    tmp_path_factory: pytest.TempPathFactory, cut: int, tail: bytes
) -> None:
    path = tmp_path_factory.mktemp("cut") / "export.xml"
    garbled = EXPORT.read_bytes()[:cut] + tail
    path.write_bytes(garbled)
    try:
        APPLE.read(path, SourceOptions())
    except SourceFormatError as error:
        assert str(error).startswith("export.xml")
        # Cut at 0, what is left may start as a zip archive ("PK\3\4"): it is read as
        # one and refused as a damaged archive, which has no line to name.
        damaged_zip = garbled.startswith(b"PK\x03\x04") and "zip archive" in str(error)
        assert error.line >= 1 or "not an Apple Health export" in str(error) or damaged_zip


@settings(max_examples=60, deadline=None)
@given(st.integers(30, 4000), st.binary(min_size=1, max_size=64))
def test_a_damaged_zip_is_refused_cleanly(
    tmp_path_factory: pytest.TempPathFactory, at: int, garbage: bytes
) -> None:
    folder = tmp_path_factory.mktemp("zip")
    archive = folder / "export.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as bundle:
        bundle.write(EXPORT, "apple_health_export/export.xml")
    data = bytearray(archive.read_bytes())
    position = at % len(data)
    data[position : position + len(garbage)] = garbage
    archive.write_bytes(bytes(data))
    try:
        APPLE.read(archive, SourceOptions())
    except SourceFormatError as error:
        assert str(error).startswith("export.zip")
