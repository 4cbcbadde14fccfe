"""Dates and times in the app: a calendar for a twitch's day and the Day log's "go to
a date", a clock for a twitch's time, and a time later than now for today asks whether
it was yesterday instead of storing the future. Real touches, both sizes and languages."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

from tests.ui.harness import (
    PHONE,
    TABLET,
    answer,
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

EVENING = dt.datetime(2026, 11, 25, 20, 0, tzinfo=dt.timezone(dt.timedelta(hours=7)))


def _episodes(db_path: Path) -> list[tuple[str, str]]:
    with sqlite3.connect(db_path) as con:
        rows = con.execute(
            "SELECT local_date, started_at FROM twitch_episode WHERE deleted_at IS NULL ORDER BY id"
        )
        return [(day, started) for day, started in rows]


def _picker() -> object:
    """The picker sheet on top (the object that built it is kept on the view)."""
    return top_modal()


def test_a_late_time_for_today_asks_yesterday(tmp_path: Path, screenshot_dir: Path) -> None:
    with running_app(tmp_path, PHONE, start=EVENING) as (app, store):
        today = app.root.screen("today")
        tap(today.ids.details_button)
        sheet = open_modal()
        type_into(sheet.ids.time, "23:50")
        tap(sheet.ids.save)
        assert _episodes(store.db_path) == []  # nothing stored while it asks
        save_screenshot(screenshot_dir / "yesterday-question-phone-en")
        answer("Yes, yesterday at 23:50")
        pump(6)
        ((day, started),) = _episodes(store.db_path)
        assert day == "2026-11-24"
        assert dt.datetime.fromisoformat(started).astimezone(EVENING.tzinfo).time() == dt.time(
            23, 50
        )

        # "No" leaves the sheet open with what was typed; nothing is stored.
        tap(today.ids.details_button)
        sheet = top_modal()
        type_into(sheet.ids.time, "2215")
        tap(sheet.ids.save)
        answer("No, let me change it")
        assert modal_count() == 1 and sheet.ids.time.text == "2215"
        assert len(_episodes(store.db_path)) == 1


def test_calendar_and_clock_for_a_twitch(tmp_path: Path, screenshot_dir: Path) -> None:
    with running_app(tmp_path, TABLET, start=EVENING) as (app, store):
        app.switch_language("id")
        today = app.root.screen("today")
        tap(today.ids.details_button)
        sheet = open_modal()
        tap(sheet.ids.date_button)
        calendar = top_modal()
        days = {w.value: w for w in calendar.walk() if getattr(w, "value", "")}
        assert days["2026-11-26"].disabled  # no future days
        assert days["2026-11-25"].state == "down"
        save_screenshot(screenshot_dir / "date-picker-tablet-id")
        (previous,) = [w for w in calendar.walk() if getattr(w, "text", "") == "◀"]
        tap(previous)
        days = {w.value: w for w in calendar.walk() if getattr(w, "value", "")}
        tap(days["2026-10-03"])
        pump(8)
        assert sheet.date_text == "3 Okt 2026"
        type_into(sheet.ids.time, "19:00")
        tap(sheet.ids.time_button)
        clock = top_modal()
        buttons = {getattr(w, "text", ""): w for w in clock.walk()}
        tap(buttons["− 1 jam"])
        tap(buttons["+ 5 mnt"])
        save_screenshot(screenshot_dir / "time-picker-tablet-id")
        tap(buttons["OK"])
        pump(8)
        assert sheet.ids.time.text == "18:05"
        tap(sheet.ids.save)
        pump(6)
        ((day, started),) = _episodes(store.db_path)
        assert day == "2026-10-03"
        assert dt.datetime.fromisoformat(started).astimezone(EVENING.tzinfo).time() == dt.time(
            18, 5
        )
        app.switch_language("en")


def test_day_log_goes_to_a_date_from_the_calendar(tmp_path: Path, screenshot_dir: Path) -> None:
    with running_app(tmp_path, PHONE, start=EVENING) as (app, _store):
        day = nav_to(app, "day")
        tap(day.ids.calendar)
        calendar = top_modal()
        days = {w.value: w for w in calendar.walk() if getattr(w, "value", "")}
        save_screenshot(screenshot_dir / "date-picker-phone-en")
        tap(days["2026-11-02"])
        pump(8)
        assert day.current_day() == dt.date(2026, 11, 2)
        assert day.date_text == "Monday, 2 November 2026"
