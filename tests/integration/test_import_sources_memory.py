"""Device exports are streamed, never loaded whole: reading a generated Apple Health
export (plain or zipped) allocates a small fraction of its size. A memory bound, not a
timing: the speed is measured by `make bench` (bench/apple_health.py)."""

from __future__ import annotations

import tracemalloc
import zipfile
from pathlib import Path

from bench.apple_health import generate
from tracker.formats.sources import SourceOptions, source_named


def _peak_mb(path: Path) -> tuple[float, int]:
    apple = source_named("apple-health")
    tracemalloc.start()
    try:
        batch = apple.read(path, SourceOptions())
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return peak / 1e6, len(batch.days)


def test_a_large_export_streams_in_little_memory(tmp_path: Path) -> None:
    export = tmp_path / "export.xml"
    days = generate(export, 24)
    size_mb = export.stat().st_size / 1e6
    peak, read_days = _peak_mb(export)
    assert read_days == days
    assert peak < size_mb / 2, f"{peak:.1f} MB allocated to read {size_mb:.0f} MB"
    archive = tmp_path / "export.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as bundle:
        bundle.write(export, "apple_health_export/export.xml")
    export.unlink()
    peak, read_days = _peak_mb(archive)
    assert read_days == days
    assert peak < size_mb / 2, f"{peak:.1f} MB allocated to read {size_mb:.0f} MB from a zip"
