"""Issue 11 #6 in the window: a form with unsaved changes asks before the person moves
away (◀/▶, a typed date, D, ←/→, another tab, a profile switch, closing the sheet or the
window), and keeps its values when they choose to keep editing."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

from kivy.core.window import Window
from kivy.tests.common import UnitTestTouch

from tests.ui.harness import (
    PHONE,
    TABLET,
    answer,
    chip,
    modal_count,
    nav_to,
    open_modal,
    pump,
    running_app,
    save_screenshot,
    tap,
    top_modal,
    type_into,
)
from tracker.services.episodes import log_twitch

DAY = dt.date(2026, 11, 25)  # the day the test app's clock starts on


def _days(db_path: Path) -> list[tuple[object, ...]]:
    with sqlite3.connect(db_path) as con:
        return con.execute(
            "SELECT date, sleep_h, water_ml, stress FROM day_log ORDER BY date"
        ).fetchall()


def _shown_texts() -> list[str]:
    return [t for w in top_modal().walk() if isinstance(t := getattr(w, "text", None), str) and t]


def test_the_day_log_asks_before_moving_to_another_day(tmp_path: Path) -> None:
    with running_app(tmp_path, TABLET) as (app, store):
        day = nav_to(app, "day")
        type_into(day.rows["sleep_h"].ids.value, "6.5")
        tap(day.ids.previous)
        assert _shown_texts() == [
            "Save your changes to 25 Nov 2026?",
            "Save",
            "Discard",
            "Keep editing",
        ]
        answer("Keep editing")
        assert modal_count() == 0
        assert (day.current_day(), day.rows["sleep_h"].text) == (DAY, "6.5")

        Window.dispatch("on_key_down", 276, 0, None, [])  # ←
        answer("Discard")
        assert day.current_day() == DAY - dt.timedelta(days=1)
        assert day.rows["sleep_h"].text == "" and _days(store.db_path) == []

        type_into(day.rows["sleep_h"].ids.value, "8")
        type_into(day.ids.go_to, "2026-11-20")
        day.ids.go_to.dispatch("on_text_validate")  # Enter in the date field
        pump(2)
        answer("Save")
        assert day.current_day() == dt.date(2026, 11, 20)
        assert _days(store.db_path) == [("2026-11-24", 8.0, None, None)]

        tap(day.rows["water_ml"].ids.plus)
        tap(day.ids.next)  # ▶
        answer("Save")
        assert day.current_day() == dt.date(2026, 11, 21)
        assert _days(store.db_path)[0] == ("2026-11-20", None, 250, None)

        tap(chip(day.rows["stress"].ids.chips, "1"))
        Window.dispatch("on_key_down", 100, 0, "d", [])  # D: today's day log
        assert _shown_texts()[0] == "Save your changes to 21 Nov 2026?"
        answer("Keep editing")
        assert day.current_day() == dt.date(2026, 11, 21)
        assert chip(day.rows["stress"].ids.chips, "1").state == "down"


def test_another_tab_asks_first_in_indonesian_on_a_phone(
    tmp_path: Path, screenshot_dir: Path
) -> None:
    with running_app(tmp_path, PHONE) as (app, store):
        app.switch_language("id")
        pump(4)  # the navigation is laid out again in the new language
        try:
            day = nav_to(app, "day")
            tap(chip(day.rows["stress"].ids.chips, "3"))
            nav_to(app, "history")
            assert _shown_texts() == [
                "Simpan perubahan untuk 25 Nov 2026?",
                "Simpan",
                "Buang",
                "Lanjut mengedit",
            ]
            save_screenshot(screenshot_dir / "day-unsaved-question-phone-id")
            answer("Lanjut mengedit")
            assert app.root.manager.current == "day"
            selected = [i.screen for i in app.root.nav.children if i.state == "down"]
            assert selected == ["day"]
            assert chip(day.rows["stress"].ids.chips, "3").state == "down"
            nav_to(app, "history")
            answer("Simpan")
            assert app.root.manager.current == "history"
            assert _days(store.db_path) == [("2026-11-25", None, None, 3)]
        finally:
            app.switch_language("en")


def _touch_outside() -> None:
    touch = UnitTestTouch(3, 3)  # the window's corner, outside any sheet
    touch.touch_down()
    pump(1)
    touch.touch_up()
    pump(10)  # a closing sheet fades out over a few frames


def _episodes(db_path: Path) -> list[tuple[object, ...]]:
    with sqlite3.connect(db_path) as con:
        return con.execute("SELECT intensity, note FROM twitch_episode ORDER BY id").fetchall()


def test_the_details_sheet_asks_before_closing_with_changes(
    tmp_path: Path, screenshot_dir: Path
) -> None:
    with running_app(tmp_path, PHONE) as (app, store):
        tap(app.root.screen("today").ids.details_button)
        sheet = open_modal()
        _touch_outside()  # nothing changed yet: it just closes
        assert modal_count() == 0

        tap(app.root.screen("today").ids.details_button)
        sheet = open_modal()
        tap(chip(sheet.ids.intensity, "3"))
        _touch_outside()
        assert modal_count() == 2 and _shown_texts()[0] == "Save this twitch?"
        save_screenshot(screenshot_dir / "details-unsaved-question-phone-en")
        answer("Keep editing")
        assert open_modal() is sheet and chip(sheet.ids.intensity, "3").state == "down"
        tap(next(w for w in sheet.walk() if getattr(w, "text", "") == "Cancel"))
        answer("Discard")
        assert modal_count() == 0 and _episodes(store.db_path) == []


def test_editing_in_history_asks_before_escape_closes_it(tmp_path: Path) -> None:
    with running_app(tmp_path, TABLET) as (app, store):
        log_twitch(store, None, intensity=2, note="first", now=app.diary.now)
        history = nav_to(app, "history")
        tap(next(v for v in history.ids.rows.children[0].children if v.kind == "episode"))
        sheet = open_modal()
        type_into(sheet.ids.note, "first, then a cramp")
        Window.dispatch("on_keyboard", 27, 9, None, [])  # Escape
        pump(2)
        assert _shown_texts()[0] == "Save your changes to this twitch?"
        answer("Save")
        assert modal_count() == 0
        assert _episodes(store.db_path) == [(2, "first, then a cramp")]
        assert "first, then a cramp" in history.ids.rows.data[0]["detail"]


def test_settings_ask_before_a_profile_switch(tmp_path: Path) -> None:
    with running_app(tmp_path, TABLET) as (app, _store):
        other = app.diary.create_profile("Budi")
        settings = nav_to(app, "settings")
        type_into(settings.inputs["water_target_ml"], "2500")
        tap(chip(settings.ids.profiles, str(other.id)))
        assert _shown_texts()[0] == "Save the settings you changed?"
        answer("Keep editing")
        assert app.diary.profile.name == "Me"
        assert chip(settings.ids.profiles, str(other.id)).state == "normal"
        assert settings.inputs["water_target_ml"].text == "2500"
        tap(chip(settings.ids.profiles, str(other.id)))
        answer("Save")
        assert app.diary.profile.name == "Budi"
        app.switch_profile(next(p for p in app.diary.profiles() if p.name == "Me"))
        assert app.diary.settings.water_target_ml == 2500


def test_closing_the_window_with_unsaved_changes_asks(tmp_path: Path) -> None:
    with running_app(tmp_path, PHONE) as (app, _store):
        day = nav_to(app, "day")
        assert Window.dispatch("on_request_close", source="keyboard") is not True  # nothing to ask
        tap(day.rows["water_ml"].ids.plus)
        assert Window.dispatch("on_request_close", source="keyboard") is True  # stays open
        pump(2)
        assert _shown_texts()[0] == "Save your changes to 25 Nov 2026?"
        answer("Keep editing")
        assert day.rows["water_ml"].text == "250"
