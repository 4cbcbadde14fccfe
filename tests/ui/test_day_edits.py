"""Issue 11 #2 in the window: "Save day" changes only what was changed. A save with
nothing changed stores nothing (not even a new updated_at); the remedies' ratings and
notes stay; un-ticking a remedy removes it, with undo."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

from tests.ui.harness import PHONE, TABLET, chip, nav_to, running_app, save_screenshot, tap
from tracker.services import care

DAY = dt.date(2026, 11, 25)  # the day the test app's clock starts on


def _dump(db_path: Path) -> dict[str, list[tuple[object, ...]]]:
    with sqlite3.connect(db_path) as con:
        return {
            table: con.execute(f"SELECT * FROM {table} ORDER BY 1, 2").fetchall()  # noqa: S608
            for table in ("day_log", "remedy_use")
        }


def _remedies(db_path: Path) -> list[tuple[object, ...]]:
    with sqlite3.connect(db_path) as con:
        return con.execute(
            "SELECT remedy, helped, note, deleted_at IS NOT NULL FROM remedy_use ORDER BY id"
        ).fetchall()


def _fill(app: object) -> None:
    diary = app.diary  # type: ignore[attr-defined]
    diary.save_day(DAY, sleep_h=7.123456789, water_ml=1500, stress=2, diarrhea=False, note="kram ")
    for remedy, helped, note in (("stretching", 3, "helped a lot"), ("rest", 1, None)):
        care.log_remedy(
            diary.store, diary.profile_id, day=DAY, remedy=remedy, helped=helped, note=note,
            now=diary.now,
        )  # fmt: skip


def test_saving_a_day_with_nothing_changed_changes_nothing(
    tmp_path: Path, screenshot_dir: Path
) -> None:
    with running_app(tmp_path, PHONE) as (app, store):
        _fill(app)
        before = _dump(store.db_path)
        day = nav_to(app, "day")
        assert day.rows["sleep_h"].text == "7.12346"  # shown rounded, never stored rounded
        tap(day.ids.save)
        assert _dump(store.db_path) == before
        assert day.status_text == "Nothing was changed, so nothing was saved."
        save_screenshot(screenshot_dir / "day-nothing-changed-phone-en")


def test_a_day_edit_keeps_remedy_ratings_and_unticking_a_remedy_removes_it_with_undo(
    tmp_path: Path, screenshot_dir: Path
) -> None:
    with running_app(tmp_path, TABLET) as (app, store):
        _fill(app)
        before = _dump(store.db_path)
        day = nav_to(app, "day")
        tap(day.rows["water_ml"].ids.plus)
        tap(chip(day.rows["remedy"].ids.chips, "rest"))
        tap(day.ids.save)
        assert day.status_text == "Saved."
        after = _dump(store.db_path)
        with sqlite3.connect(store.db_path) as con:
            values = con.execute("SELECT sleep_h, water_ml, stress, diarrhea, note FROM day_log")
            assert values.fetchall() == [(7.123456789, 1750, 2, 0, "kram ")]  # nothing rounded
        assert after["remedy_use"][0] == before["remedy_use"][0]  # stretching: untouched
        assert _remedies(store.db_path) == [
            ("stretching", 3, "helped a lot", 0),
            ("rest", 1, None, 1),  # a tombstone
        ]
        assert app.root.undo_bar.message == "Removed from 25 Nov 2026: Rest"
        assert chip(day.rows["remedy"].ids.chips, "rest").state == "normal"
        save_screenshot(screenshot_dir / "day-remedy-removed-tablet-en")
        tap(app.root.undo_bar.ids.undo)
        assert _remedies(store.db_path)[1] == ("rest", 1, None, 0)
        assert chip(day.rows["remedy"].ids.chips, "rest").state == "down"
        tap(day.ids.save)  # and the form knows it is back: nothing to save
        assert day.status_text == "Nothing was changed, so nothing was saved."


def test_ticking_a_remedy_adds_it_without_touching_the_others(tmp_path: Path) -> None:
    with running_app(tmp_path, TABLET) as (app, store):
        _fill(app)
        day = nav_to(app, "day")
        tap(chip(day.rows["remedy"].ids.chips, "massage"))
        tap(day.ids.save)
        assert _remedies(store.db_path) == [
            ("stretching", 3, "helped a lot", 0),
            ("rest", 1, None, 0),
            ("massage", None, None, 0),
        ]
