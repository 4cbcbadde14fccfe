"""The registry of sources: found by name for `--from`, detected by content, and a path
that is no export at all is refused in the person's words."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import pytest

from tracker.formats.sources import (
    SOURCES,
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
