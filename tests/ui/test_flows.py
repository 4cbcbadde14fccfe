"""What a person does in the app, with real touches in a real window."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

from kivy.core.window import Window

from tests.ui.harness import (
    PHONE,
    TABLET,
    answer,
    chip,
    nav_to,
    open_modal,
    pump,
    running_app,
    save_screenshot,
    tap,
    type_into,
    wait_until,
)
from tracker.services.demo import fill_demo_profile
from tracker.storage import open_store

EVENING = dt.datetime(2026, 11, 25, 20, 0, tzinfo=dt.timezone(dt.timedelta(hours=7)))


def _live(db_path: Path) -> list[tuple[object, ...]]:
    with sqlite3.connect(db_path) as con:
        return con.execute(
            "SELECT intensity, pain, weakness FROM twitch_episode"
            " WHERE deleted_at IS NULL ORDER BY id"
        ).fetchall()


def test_log_a_twitch_and_undo_it(tmp_path: Path, screenshot_dir: Path) -> None:
    with running_app(tmp_path, PHONE) as (app, store):
        today = app.root.screen("today")
        tap(today.ids.log_button)
        assert len(_live(store.db_path)) == 1
        assert app.root.undo_bar.message.startswith("Twitch logged at")
        save_screenshot(screenshot_dir / "today-undo-bar-phone-en")
        tap(app.root.undo_bar.ids.undo)
        assert _live(store.db_path) == []
        assert today.count_text == "0 twitches today"
        assert app.root.undo_bar.message == ""


def test_details_sheet_saves_red_flags_and_today_warns(
    tmp_path: Path, screenshot_dir: Path
) -> None:
    with running_app(tmp_path, TABLET, start=EVENING) as (app, store):
        today = app.root.screen("today")
        tap(today.ids.details_button)
        sheet = open_modal()
        tap(chip(sheet.ids.intensity, "3"))
        tap(chip(sheet.ids.red_flags, "pain"))
        tap(chip(sheet.ids.red_flags, "weakness"))
        save_screenshot(screenshot_dir / "details-sheet-tablet-en")
        tap(sheet.ids.save)
        pump(4)
        assert _live(store.db_path) == [(3, 1, 1)]
        titles = [b.title for b in today.ids.banners.children]
        assert titles == ["See a doctor: sharp pain, weak leg (knee)"]
        tap(today.ids.banners.children[0])
        dialog = open_modal()
        shown = " ".join(getattr(w, "text", "") for w in dialog.walk())
        assert "weak leg or trouble walking needs a doctor soon" in shown
        save_screenshot(screenshot_dir / "warning-reason-tablet-en")


def test_fill_a_day_log_and_see_it_in_history(tmp_path: Path, screenshot_dir: Path) -> None:
    with running_app(tmp_path, TABLET, start=EVENING) as (app, _store):
        day = nav_to(app, "day")
        sleep, water = day.rows["sleep_h"], day.rows["water_ml"]
        tap(sleep.ids.plus)  # an empty field starts at a typical night: 7 h
        tap(sleep.ids.plus)  # 7.5 h
        tap(water.ids.plus)
        tap(water.ids.plus)
        tap(chip(day.rows["stress"].ids.chips, "3"))
        tap(chip(day.rows["diarrhea"].ids.chips, "1"))
        tap(day.ids.save)
        assert day.status_text == "Saved."
        history = nav_to(app, "history")
        (row,) = [r for r in history.ids.rows.data if r["kind"] == "day"]
        assert row["detail"] == "sleep 7.5 h · water 500 ml · stress 3/4 · diarrhoea"
        save_screenshot(screenshot_dir / "history-day-log-tablet-en")


def test_a_value_out_of_range_is_refused_next_to_its_field(tmp_path: Path) -> None:
    with running_app(tmp_path, TABLET, start=EVENING) as (app, store):
        day = nav_to(app, "day")
        type_into(day.rows["sleep_h"].ids.value, "30")
        type_into(day.rows["water_ml"].ids.value, "1500")
        tap(day.ids.save)
        assert day.rows["sleep_h"].error == (
            "Sleep last night (hours): 30 is not allowed (allowed: numbers 0–24)"
        )
        assert day.rows["water_ml"].error == ""
        assert day.error_text.startswith("Nothing was saved")
        with sqlite3.connect(store.db_path) as con:
            assert con.execute("SELECT count(*) FROM day_log").fetchone() == (0,)


def test_edit_and_delete_in_history_with_undo(tmp_path: Path, screenshot_dir: Path) -> None:
    with running_app(tmp_path, TABLET, start=EVENING) as (app, store):
        tap(app.root.screen("today").ids.log_button)
        history = nav_to(app, "history")
        row_view = next(v for v in history.ids.rows.children[0].children if v.kind == "episode")
        tap(row_view)
        sheet = open_modal()
        tap(chip(sheet.ids.intensity, "4"))
        tap(sheet.ids.save)
        pump(4)
        assert _live(store.db_path) == [(4, 0, 0)]
        assert "intensity 4 of 4" in history.ids.rows.data[0]["detail"]
        row_view = next(v for v in history.ids.rows.children[0].children if v.kind == "episode")
        tap(row_view)
        tap(open_modal().ids.delete)
        pump(4)
        assert _live(store.db_path) == []
        assert [r for r in history.ids.rows.data if r["kind"] == "episode"] == []
        tap(app.root.undo_bar.ids.undo)
        pump(4)
        assert _live(store.db_path) == [(4, 0, 0)]


def test_insights_charts_arrive_without_freezing_the_ui(
    tmp_path: Path, screenshot_dir: Path
) -> None:
    store = open_store(tmp_path)
    fill_demo_profile(store, 120, 7, dt.date(2026, 11, 25))
    store.close()
    with running_app(tmp_path, TABLET, start=EVENING, profile="Demo") as (app, _store):
        insights = nav_to(app, "insights")
        assert insights.status_text == "Drawing the charts…"
        frames = wait_until(lambda: insights.pending == 0)
        assert frames > 3  # the window kept drawing while the charts were made
        for name in ("timeline", "correlations", "calendar"):
            assert insights.ids[name].texture is not None and insights.ids[name].opacity == 1
        assert insights.findings_text.startswith("• ")
        save_screenshot(screenshot_dir / "insights-charts-tablet-en")


def test_export_the_doctor_report(tmp_path: Path) -> None:
    store = open_store(tmp_path)
    fill_demo_profile(store, 60, 3, dt.date(2026, 11, 25))
    store.close()
    with running_app(tmp_path, TABLET, start=EVENING, profile="Demo") as (app, _store):
        report = nav_to(app, "report")
        tap(report.ids.report_button)
        wait_until(lambda: not report.busy)
        saved = Path(report.saved_path)
        assert saved.parent == tmp_path / "exports"
        assert saved.read_bytes().startswith(b"%PDF-")
        assert report.result_text == f"Saved to {saved}"
        tap(report.ids.csv_button)
        wait_until(lambda: not report.busy)
        assert sorted(p.name for p in Path(report.saved_path).iterdir()) == [
            "days.csv",
            "episodes.csv",
            "medications.csv",
            "remedies.csv",
        ]


def test_switching_to_indonesian_in_settings_changes_the_screens(
    tmp_path: Path, screenshot_dir: Path
) -> None:
    with running_app(tmp_path, PHONE) as (app, _store):
        nav_to(app, "more")
        tap(
            next(
                b
                for b in app.root.screen("more").ids.content.children
                if getattr(b, "text", "") == "Settings"
            )
        )
        settings = app.root.screen("settings")
        tap(chip(settings.ids.languages, "id"))
        try:
            assert settings.title_text == "Pengaturan"
            assert [i.label for i in reversed(app.root.nav.children)] == [
                "Hari ini",
                "Catatan harian",
                "Riwayat",
                "Wawasan",
                "Lainnya",
            ]
            today = nav_to(app, "today")
            assert (today.title_text, today.log_text) == ("Hari ini", "Catat kedutan")
            save_screenshot(screenshot_dir / "today-after-switch-phone-id")
        finally:
            app.switch_language("en")


def test_keyboard_shortcuts(tmp_path: Path) -> None:
    with running_app(tmp_path, TABLET, start=EVENING) as (app, store):
        Window.dispatch("on_key_down", 116, 0, "t", [])
        assert len(_live(store.db_path)) == 1
        Window.dispatch("on_key_down", 122, 0, "z", ["ctrl"])
        assert _live(store.db_path) == []
        Window.dispatch("on_key_down", 100, 0, "d", [])
        assert app.root.manager.current == "day"
        day = app.root.screen("day")
        Window.dispatch("on_key_down", 276, 0, None, [])
        assert day.current_day() == dt.date(2026, 11, 24)
        Window.dispatch("on_key_down", 275, 0, None, [])
        assert day.current_day() == dt.date(2026, 11, 25)
        Window.dispatch("on_key_down", 101, 0, "e", ["ctrl"])
        assert app.root.manager.current == "report"


def test_phone_has_a_bottom_bar_and_tablet_a_rail(tmp_path: Path) -> None:
    with running_app(tmp_path, PHONE) as (app, _store):
        assert app.root.rail is False and app.root.nav.y == 0
        Window.size = TABLET
        pump(6)
        assert (
            app.root.rail is True and app.root.nav.x == 0 and app.root.nav.height == Window.height
        )


def test_settings_backs_up_checks_and_restores(tmp_path: Path) -> None:
    with running_app(tmp_path, TABLET, start=EVENING) as (app, _store):
        tap(app.root.screen("today").ids.log_button)
        settings = nav_to(app, "settings")
        tap(settings.ids.backup_button)
        assert settings.data_result_text.startswith("Saved to ")
        backup = Path(settings.data_result_text.removeprefix("Saved to "))
        assert backup.is_file()
        tap(settings.ids.check_button)
        assert settings.data_result_text.startswith("The diary is healthy")
        app.diary.log_twitch_now()  # a second twitch, after the backup
        assert len(_live(app.diary.store.db_path)) == 2
        type_into(settings.ids.restore_path, str(backup))
        tap(next(w for w in settings.walk() if getattr(w, "text", "") == "Restore"))
        answer("Replace the diary")
        assert settings.data_result_text.startswith(f"Restored from {backup}.")
        assert len(_live(app.diary.store.db_path)) == 1
        assert app.root.screen("today").diary.store is app.diary.store
