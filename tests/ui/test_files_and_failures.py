"""Issue 11 #5 and #14 in the window: a report, chart, export or import that fails puts
the screen back and says what failed in plain words; files never overwrite each other;
Restore asks first and says where the diary it replaced was kept."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path
from typing import Any

from kivy.core.window import Window

from tests.ui.harness import (
    PHONE,
    TABLET,
    answer,
    chip,
    modal_count,
    nav_to,
    pump,
    running_app,
    save_screenshot,
    tap,
    top_modal,
    type_into,
    visit,
    wait_until,
)
from tracker.services.demo import fill_demo_profile
from tracker.storage import open_store

EVENING = dt.datetime(2026, 11, 25, 20, 0, tzinfo=dt.timezone(dt.timedelta(hours=7)))


def _demo(data_dir: Path, days: int = 30) -> None:
    store = open_store(data_dir)
    fill_demo_profile(store, days, 3, dt.date(2026, 11, 25))
    store.close()


def _make(report: Any, button: str) -> None:
    """Tap `button` and wait for what it makes. The result shown by the last one grows
    the card above the buttons: the screen settles first, as it has by the time a person
    taps again, and the tap must start the work (the test fails on a tap that missed)."""
    report.result_text = ""  # what the tap makes says something new here
    for _attempt in range(3):  # a tap made while the window was still resizing misses
        pump(10)
        tap(report.ids[button])
        if report.busy or report.result_text:
            break
    where = report.ids[button].to_window(*report.ids[button].center)
    assert report.busy or report.result_text, (
        f"three taps on {button} at {where} started nothing: window {Window.size}, "
        f"{modal_count()} dialogs open, disabled={report.ids[button].disabled}"
    )
    wait_until(lambda: not report.busy)


def test_files_made_in_the_app_never_overwrite_each_other(tmp_path: Path) -> None:
    _demo(tmp_path)
    with running_app(tmp_path, TABLET, start=EVENING, profile="Demo") as (app, _store):
        report = nav_to(app, "report")
        exports = tmp_path / "exports"
        _make(report, "report_button")
        english = Path(report.saved_path)
        tap(chip(report.ids.languages, "id"))
        _make(report, "report_button")
        indonesian = Path(report.saved_path)
        assert (english.name, indonesian.name) == (
            "kedut-report-Demo-2026-11-25.pdf",
            "kedut-report-Demo-2026-11-25 (2).pdf",
        )
        assert english.read_bytes() != indonesian.read_bytes()
        for _twice in range(2):
            _make(report, "csv_button")
            _make(report, "png_button")
        assert sorted(p.name for p in exports.iterdir()) == [
            "kedut-csv-Demo-2026-11-25",
            "kedut-csv-Demo-2026-11-25 (2)",
            "kedut-report-Demo-2026-11-25 (2).pdf",
            "kedut-report-Demo-2026-11-25.pdf",
            "kedut-timeline-Demo-2026-11-25 (2).png",
            "kedut-timeline-Demo-2026-11-25.png",
        ]


def _buttons_enabled(report: Any) -> bool:
    return not any(report.ids[b].disabled for b in ("report_button", "png_button", "csv_button"))


def test_a_report_that_cannot_be_saved_puts_the_screen_back(
    tmp_path: Path, screenshot_dir: Path
) -> None:
    _demo(tmp_path)
    exports = tmp_path / "exports"
    exports.write_text("a file where the folder should be")
    with running_app(tmp_path, TABLET, start=EVENING, profile="Demo") as (app, _store):
        report = nav_to(app, "report")
        _make(report, "report_button")
        assert _buttons_enabled(report)
        assert report.result_text == (
            f"Could not save the doctor report: a file is in the way of the folder {exports}."
        )
        assert report.saved_path == ""
        save_screenshot(screenshot_dir / "report-failed-tablet-en")
        _make(report, "csv_button")
        assert report.result_text.startswith("Could not save the CSV files: a file is in the way")
        exports.unlink()  # the person moves the file away and tries again
        _make(report, "report_button")
        assert Path(report.saved_path).read_bytes().startswith(b"%PDF-")


def _damage(db_path: Path) -> None:
    """A real failure: the diary loses a table (as a broken disk or a bad tool might do)."""
    with sqlite3.connect(db_path) as con:
        con.execute("DROP TABLE day_log")


def test_a_damaged_diary_puts_the_report_and_insights_screens_back(
    tmp_path: Path, screenshot_dir: Path
) -> None:
    _demo(tmp_path)
    with running_app(tmp_path, PHONE, start=EVENING, profile="Demo") as (app, store):
        app.switch_language("id")
        try:
            _damage(store.db_path)
            report = app.root.screen("report")
            app.go("report")
            _make(report, "report_button")
            assert _buttons_enabled(report)
            assert report.result_text == (
                "Laporan dokter tidak dapat disimpan: catatan tidak dapat dibaca; "
                "Pengaturan → Periksa catatan akan mencari kerusakan."
            )
            save_screenshot(screenshot_dir / "report-failed-phone-id")
            insights = app.root.screen("insights")
            app.go("insights")
            wait_until(lambda: insights.pending == 0)
            assert insights.status_text.startswith("Grafik tidak dapat digambar: ")
        finally:
            app.switch_language("en")


def _episode_count(db_path: Path) -> int:
    with sqlite3.connect(db_path) as con:
        return int(con.execute("SELECT count(*) FROM twitch_episode").fetchone()[0])


def _dialog_texts() -> list[str]:
    return [t for w in top_modal().walk() if isinstance(t := getattr(w, "text", None), str) and t]


def test_restore_asks_first_and_says_where_the_old_diary_was_kept(
    tmp_path: Path, screenshot_dir: Path
) -> None:
    with running_app(tmp_path, PHONE, start=EVENING) as (app, _store):
        tap(app.root.screen("today").ids.log_button)
        settings = visit(app, "settings")  # under "More" on a phone
        tap(settings.ids.backup_button)
        backup = Path(settings.data_result_text.removeprefix("Saved to "))
        app.diary.log_twitch_now()  # a second twitch, after the backup
        db_path = app.diary.store.db_path
        type_into(settings.ids.restore_path, str(backup))
        tap(settings.ids.restore_button)
        title, question, *answers = _dialog_texts()
        assert title == "Replace the whole diary?"
        assert question.startswith(
            "This replaces the whole diary on this device (every profile: Me)"
        )
        assert f"A copy of the diary as it is now is kept first, in {tmp_path}." in question
        assert answers == ["Replace the diary", "Cancel"]
        save_screenshot(screenshot_dir / "restore-question-phone-en")
        answer("Cancel")
        assert modal_count() == 0 and _episode_count(db_path) == 2  # nothing replaced

        tap(settings.ids.restore_button)
        answer("Replace the diary")
        assert _episode_count(app.diary.store.db_path) == 1
        message = settings.data_result_text
        prefix = f"Restored from {backup}. The diary as it was before is kept at "
        assert message.startswith(prefix)
        kept = Path(message.removeprefix(prefix).removesuffix("."))
        assert kept.parent == tmp_path and _episode_count(kept) == 2


def test_restoring_from_a_broken_file_puts_the_screen_back(tmp_path: Path) -> None:
    broken = tmp_path / "kedut-backup.json"
    broken.write_text('{"format": "kedut-backup", "schema_version": 1, "profiles": [')
    with running_app(tmp_path / "data", TABLET, start=EVENING) as (app, _store):
        settings = nav_to(app, "settings")
        type_into(settings.ids.restore_path, str(broken))
        tap(settings.ids.restore_button)
        assert _dialog_texts()[0] == "Add these entries?"
        answer("Add them")
        wait_until(lambda: not settings.busy)
        assert not settings.ids.restore_button.disabled
        assert settings.data_result_text.startswith("Could not restore from kedut-backup.json: ")
        assert settings.data_result_text.endswith(". Nothing was stored.")
