"""The app's import service (Settings → Import): a preview's counts are what the import
then stores, for another app's export and for Kedut's own files alike, and a cancel
asked for at the last moment (just before the commit) stores nothing."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tests.integration.kedut_cli import kedut, row_counts
from tracker.formats.sources import ImportCancelled
from tracker.services.app_import import ImportRequest, read_import
from tracker.storage import open_store
from tracker.ui.presenters.import_preview import suggested_mapping

FIXTURES = Path(__file__).parents[1] / "fixtures"
NOW = dt.datetime(2026, 11, 25, 20, 0, tzinfo=dt.timezone(dt.timedelta(hours=7)))


def _now() -> dt.datetime:
    return NOW


@pytest.mark.parametrize(
    ("path", "title"),
    [
        (FIXTURES / "loop" / "v2", "Loop Habit Tracker"),
        (FIXTURES / "daylio" / "sample.csv", "Daylio"),
        (FIXTURES / "apple-health" / "export.xml", "Apple Health"),
    ],
)
def test_the_preview_counts_are_what_the_import_stores(
    tmp_path: Path, path: Path, title: str
) -> None:
    store = open_store(tmp_path)
    try:
        request = ImportRequest(path)
        preview = read_import(store, None, request, dry_run=True, now=_now)
        if preview.names:  # a diary app: with the names mapped as the app suggests
            request = ImportRequest(path, suggested_mapping(preview))
            preview = read_import(store, None, request, dry_run=True, now=_now)
        assert preview.titles == [title] and preview.stores_anything
        assert row_counts(store.db_path)["day_log"] == 0  # a preview stores nothing
        done = read_import(store, None, request, dry_run=False, now=_now)
        assert (done.added, done.changed) == (preview.added, preview.changed)
        counts = row_counts(store.db_path)
        assert counts["day_log"] == done.added["days"]
        assert counts["twitch_episode"] == done.added["episodes"]
        again = read_import(store, None, request, dry_run=True, now=_now)
        assert not again.stores_anything  # the same file twice adds nothing
    finally:
        store.close()


def test_kedut_files_preview_and_a_last_moment_cancel_stores_nothing(tmp_path: Path) -> None:
    source = tmp_path / "source"
    assert kedut(source, "demo", "--days", "30", "--end", "2026-11-25").returncode == 0
    out = tmp_path / "csv"
    export = kedut(source, "--profile", "Demo", "export", "--format", "csv", "--out", str(out))
    assert export.returncode == 0, export.stderr
    store = open_store(tmp_path / "target")
    try:
        request = ImportRequest(out)
        preview = read_import(store, None, request, dry_run=True, now=_now)
        assert preview.titles == ["Kedut"] and preview.added["episodes"] > 0
        with pytest.raises(ImportCancelled):
            read_import(store, None, request, dry_run=False, cancelled=lambda: True, now=_now)
        assert set(row_counts(store.db_path).values()) <= {0, 1}  # at most "Me", no entry
        assert row_counts(store.db_path)["twitch_episode"] == 0
        done = read_import(store, None, request, dry_run=False, now=_now)
        assert done.added == preview.added
    finally:
        store.close()
