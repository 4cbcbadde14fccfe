"""Sync in the app, with real touches in a real window and a real PostgreSQL server:
Settings → Sync takes the server's address and syncs in the background while the
window keeps drawing, says what went wrong in plain words, and History marks an entry
changed on two devices and lets the person pick the other value."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tests.pg_server import PgServer
from tests.ui.harness import (
    TABLET,
    bring_into_view,
    nav_to,
    open_modal,
    pump,
    running_app,
    save_screenshot,
    tap,
    type_into,
    wait_until,
)
from tracker.services import days
from tracker.services.sync import status, sync
from tracker.storage import open_store

DAY = dt.date(2026, 11, 24)


@pytest.fixture(autouse=True)
def _password(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PGPASSWORD", "household-secret")


def test_settings_sync_pulls_in_the_background_and_says_what_went_wrong(
    tmp_path: Path, household: str, pg_server: PgServer, screenshot_dir: Path
) -> None:
    laptop = open_store(tmp_path / "laptop")
    days.save_day(laptop, None, DAY, water_ml=1750, sleep_h=7.5)
    sync(laptop, household)
    laptop.close()
    with running_app(tmp_path / "tablet", TABLET) as (app, store):
        settings = nav_to(app, "settings")
        section = settings.ids.sync_section
        assert section.last_text == "No server set: this diary stays here."
        assert settings.data_text.startswith("Stored only on this device, in ")
        type_into(section.ids.address, household)
        tap(section.ids.sync_now)
        wait_until(lambda: section.last_text.startswith("Last sync"), 60)
        assert "received 2" in section.last_text  # the profile and its day
        assert app.sync.last is not None  # done by the background worker, not the tap
        assert section.pending_text == "Nothing waits to be sent."
        assert section.error_text == ""
        # "Your data" no longer says "only on this device", without leaving Settings.
        assert settings.data_text.startswith("Stored on this device, in "), settings.data_text
        # The app's own untouched "Me" stayed behind; it shows the household's "Me".
        assert [p.name for p in app.diary.profiles()] == ["Me"]
        assert days.day_log(store, app.diary.profile_id, DAY).water_ml == 1750
        bring_into_view(section.ids.conflicts)
        save_screenshot(screenshot_dir / "settings-sync-tablet-en")

        pg_server.stop()
        try:
            app.diary.save_day(DAY, stress=2)  # a change waits to be sent …
            tap(section.ids.sync_now)
            wait_until(lambda: "is not answering" in section.error_text, 60)
        finally:
            pg_server.start()
        assert section.pending_text == "1 change waits to be sent."
        assert "Traceback" not in section.error_text
        bring_into_view(section.ids.conflicts)
        save_screenshot(screenshot_dir / "settings-sync-error-tablet-en")
        tap(section.ids.sync_now)  # … and goes once the server is back
        wait_until(lambda: section.pending_text == "Nothing waits to be sent.", 60)
        assert section.error_text == ""
    assert status(open_store(tmp_path / "tablet")).state.server_url == household


def test_history_marks_a_conflict_and_the_other_value_can_be_picked(
    tmp_path: Path, household: str, screenshot_dir: Path
) -> None:
    laptop, tablet = open_store(tmp_path / "laptop"), open_store(tmp_path / "tablet")
    days.save_day(laptop, None, DAY, water_ml=1000)
    sync(laptop, household)
    sync(tablet, household)
    days.save_day(tablet, None, DAY, water_ml=1500)
    days.save_day(laptop, None, DAY, water_ml=2250)  # the later edit: shown
    sync(tablet, household)
    sync(laptop, household)
    sync(tablet, household)
    tablet.close()
    with running_app(tmp_path / "tablet", TABLET) as (app, store):
        history = nav_to(app, "history")
        history.period = "all"
        history.refresh()
        pump(4)
        (marked,) = [r for r in history.ids.rows.data if r["conflict"]]
        assert marked["kind"] == "day" and "water 2250 ml" in marked["detail"]
        assert marked["conflict"] == "Changed on two devices: tap to choose"
        (view,) = [
            v for v in history.ids.rows.layout_manager.children if getattr(v, "conflict", "")
        ]
        tap(view)
        sheet = open_modal()
        texts = [getattr(w, "text", "") for w in sheet.walk()]
        assert any(
            "Water (ml): shows 2250; the other device" in t and "had 1500" in t for t in texts
        )
        save_screenshot(screenshot_dir / "history-conflict-tablet-en")
        (use,) = [w for w in sheet.walk() if getattr(w, "text", "") == "Use 1500"]
        tap(use)
        pump(4)
        assert days.day_log(store, 1, DAY).water_ml == 1500
        assert not [r for r in history.ids.rows.data if r["conflict"]]
        # The background sync sends the choice; the laptop takes it at its next sync.
        wait_until(lambda: status(store).pending == 0 and not app.sync.busy, 60)
    sync(laptop, household)
    assert days.day_log(laptop, 1, DAY).water_ml == 1500
    laptop.close()
