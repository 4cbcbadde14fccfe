"""Dates and times in the app: a calendar for a twitch's day and the Day log's "go to
a date", a clock for a twitch's time, and a time later than now for today asks whether
it was yesterday instead of storing the future. Real touches, both sizes and languages."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest

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


@pytest.mark.parametrize(("size", "language"), [(PHONE, "id"), (TABLET, "en")])
def test_history_moves_a_twitch_to_another_day_with_the_calendar_alone(
    tmp_path: Path, screenshot_dir: Path, size: tuple[int, int], language: str
) -> None:
    """A twitch noted on the wrong day: only its date is changed in History; its time
    of day stays, and History shows it on the day picked."""
    shape = "phone" if size == PHONE else "tablet"
    with running_app(tmp_path, size, start=EVENING) as (app, store):
        app.switch_language(language)
        tap(app.root.screen("today").ids.log_button)
        ((_day, logged),) = _episodes(store.db_path)
        history = nav_to(app, "history")
        pump(4)
        (row,) = [w for w in history.ids.rows.walk() if getattr(w, "kind", "") == "episode"]
        tap(row)
        sheet = top_modal()
        tap(sheet.ids.date_button)
        calendar = top_modal()
        days = {w.value: w for w in calendar.walk() if getattr(w, "value", "")}
        tap(days["2026-11-22"])
        pump(8)
        tap(sheet.ids.save)
        pump(8)
        ((day, started),) = _episodes(store.db_path)
        assert day == "2026-11-22"
        at = dt.datetime.fromisoformat(started)
        assert at.time() == dt.datetime.fromisoformat(logged).time()  # the same time of day
        (shown,) = [r["when"] for r in history.ids.rows.data if r["kind"] == "episode"]
        assert shown.startswith("22 Nov 2026")
        save_screenshot(screenshot_dir / f"history-twitch-moved-{shape}-{language}")
        app.switch_language("en")


@pytest.mark.parametrize("language", ["en", "id"])
def test_the_go_to_a_date_hint_fits_its_field_on_a_phone(
    tmp_path: Path, screenshot_dir: Path, language: str
) -> None:
    from kivy.core.text import Label as CoreLabel

    with running_app(tmp_path, PHONE, start=EVENING) as (app, _store):
        app.switch_language(language)
        pump(4)
        day = nav_to(app, "day")
        pump(4)
        field = day.ids.go_to
        font = {"font_size": field.font_size, "font_name": field.font_name}
        drawn = CoreLabel(text=field.hint_text, **font)
        drawn.refresh()
        room = field.width - field.padding[0] - field.padding[2]
        assert field.hint_text and drawn.texture.width <= room, (field.hint_text, room)
        assert "YYYY-MM-DD" in field.hint_text or "TTTT-BB-HH" in field.hint_text
        save_screenshot(screenshot_dir / f"day-go-to-phone-{language}")
        app.switch_language("en")
