"""The registry of sources: found by name for `--from`, detected by content, and a path
that is no export at all is refused in the person's words."""

from __future__ import annotations

import shutil
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from tracker.formats.sources import (
    SOURCES,
    ImportCancelled,
    SourceFormatError,
    SourceOptions,
    detect,
    detect_sources,
    source_named,
)

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def test_every_source_is_found_by_its_name() -> None:
    assert [s.name for s in SOURCES] == [
        "apple-health",
        "fitbit",
        "google-fit",
        "bearable",
        "loop",
        "daylio",
    ]
    for source in SOURCES:
        assert source_named(source.name) is source
    with pytest.raises(KeyError):
        source_named("garmin")


def test_one_takeout_can_hold_two_sources(tmp_path: Path) -> None:
    takeout = tmp_path / "Takeout"
    shutil.copytree(FIXTURES / "fitbit" / "Takeout", takeout)
    shutil.copytree(FIXTURES / "google-fit" / "Takeout", takeout, dirs_exist_ok=True)
    assert [s.name for s in detect_sources(takeout)] == ["fitbit", "google-fit"]
    # Each reads only its own files from it.
    fitbit = source_named("fitbit").read(takeout, SourceOptions())
    fit = source_named("google-fit").read(takeout, SourceOptions())
    assert set(fitbit.report.days) == {"sleep_h", "exercise_min"}
    assert set(fit.report.days) == {"exercise_min"}


def test_what_is_no_export_is_detected_as_nothing_and_refused_clearly(tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    notes = tmp_path / "notes.txt"
    notes.write_text("slept badly, knee twitched twice\n")
    cut_zip = tmp_path / "export.zip"
    cut_zip.write_bytes(b"PK\x03\x04" + b"\x14\x00" * 40)
    missing = tmp_path / "gone.zip"
    for path in (empty, notes, cut_zip, missing):
        assert detect(path) is None
    with pytest.raises(SourceFormatError, match=r"^export\.zip: the zip archive is damaged"):
        source_named("apple-health").read(cut_zip, SourceOptions())
    with pytest.raises(SourceFormatError, match=r"^gone\.zip: the file is not there any more"):
        source_named("fitbit").read(missing, SourceOptions())
    with pytest.raises(SourceFormatError, match=r"^notes\.txt: this is not a Google Fit export"):
        source_named("google-fit").read(notes, SourceOptions())


def test_a_zip_packed_in_an_unknown_way_is_refused_clearly(tmp_path: Path) -> None:
    archive = tmp_path / "export.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_STORED) as bundle:
        bundle.write(FIXTURES / "apple-health" / "export.xml", "apple_health_export/export.xml")
    data = bytearray(archive.read_bytes())
    for header in (b"PK\x03\x04", b"PK\x01\x02"):  # the method in both headers: 99 (unknown)
        at = data.index(header)
        offset = 8 if header == b"PK\x03\x04" else 10
        data[at + offset : at + offset + 2] = (99).to_bytes(2, "little")
    archive.write_bytes(bytes(data))
    assert detect(archive) is None
    with pytest.raises(SourceFormatError, match="packed in a way Kedut cannot unpack"):
        source_named("fitbit").read(archive, SourceOptions())


def test_every_fixture_is_recognised_by_its_own_source_only() -> None:
    expected = {
        "apple-health/export.xml": "apple-health",
        "fitbit/Takeout": "fitbit",
        "google-fit/Takeout": "google-fit",
        "bearable/bearable-export-23-03-2024.csv": "bearable",
        "loop/v1": "loop",
        "loop/v2": "loop",
        "loop/v3": "loop",
        "loop/v3/Checkmarks.csv": "loop",
        "daylio/sample.csv": "daylio",
        "daylio/test_data.csv": "daylio",
        "daylio/daylio_export_2018.csv": "daylio",
        "daylio/daylio_export_2024_03_05.csv": "daylio",
    }
    for path, name in expected.items():
        assert [s.name for s in detect_sources(FIXTURES / path)] == [name], path
    # A Loop habit's own files and its scores are no export on their own.
    assert detect(FIXTURES / "loop" / "v3" / "002 Magnesium" / "Checkmarks.csv") is None
    assert detect(FIXTURES / "loop" / "v3" / "Scores.csv") is None


def _collect(seen: list[tuple[int, int]]) -> Callable[[int, int], None]:
    return lambda done, total: seen.append((done, total))


def test_the_diary_apps_report_progress_and_stop_when_cancelled() -> None:
    for name, path in (
        ("bearable", "bearable/bearable-export-23-03-2024.csv"),
        ("loop", "loop/v2"),
        ("daylio", "daylio/sample.csv"),
    ):
        seen: list[tuple[int, int]] = []
        source_named(name).read(FIXTURES / path, SourceOptions(progress=_collect(seen)))
        assert seen and seen[-1][0] == seen[-1][1], name
        with pytest.raises(ImportCancelled):
            source_named(name).read(FIXTURES / path, SourceOptions(cancelled=lambda: True))
