"""Medicines in the app: add a period with the calendar, stop it today, edit it, delete
it and undo; every refusal next to its field; Insights' medicine factors read them."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest

from tests.ui.harness import (
    PHONE,
    TABLET,
    chip,
    nav_to,
    pump,
    running_app,
    save_screenshot,
    tap,
    top_modal,
    type_into,
    visit,
)

EVENING = dt.datetime(2026, 11, 25, 20, 0, tzinfo=dt.timezone(dt.timedelta(hours=7)))
WORDS = {
    "en": {"name": "Medicine", "first": "First day", "last": "Last day"},
    "id": {"name": "Obat", "first": "Hari pertama", "last": "Hari terakhir"},
}


def _periods(db_path: Path) -> list[tuple[object, ...]]:
    with sqlite3.connect(db_path) as con:
        return con.execute(
            "SELECT name, kind, started_on, stopped_on, deleted_at IS NOT NULL"
            " FROM medication ORDER BY id"
        ).fetchall()


def _pick_day(day: str) -> None:
    calendar = top_modal()
    found = [w for w in calendar.walk() if getattr(w, "value", "") == day]
    while not found:
        (previous,) = [w for w in calendar.walk() if getattr(w, "text", "") == "◀"]
        tap(previous)
        found = [w for w in calendar.walk() if getattr(w, "value", "") == day]
    tap(found[0])
    pump(8)


@pytest.mark.parametrize(("size", "language"), [(PHONE, "en"), (TABLET, "id")])
def test_medicines_add_stop_edit_delete(
    tmp_path: Path, screenshot_dir: Path, size: tuple[int, int], language: str
) -> None:
    shape = "phone" if size == PHONE else "tablet"
    words = WORDS[language]
    with running_app(tmp_path, size, start=EVENING) as (app, store):
        app.switch_language(language)
        pump(4)  # the navigation is laid out again in the language chosen
        day = nav_to(app, "day")
        tap(day.ids.medicines)  # the Day log leads to the medicines
        pump(4)
        screen = app.root.screen("medicines")
        assert app.root.manager.current == "medicines"

        tap(screen.ids.add)
        sheet = top_modal()
        tap(chip(sheet.ids.kind, "diuretic"))
        tap(sheet.ids.started_on)
        _pick_day("2026-11-20")
        tap(sheet.ids.stopped_on)
        _pick_day("2026-11-10")  # before the first day, and no name: both refused
        tap(sheet.ids.save)
        assert set(sheet.errors) == {"name", "stopped_on"}
        assert sheet.errors["name"].startswith(words["name"])
        assert sheet.errors["stopped_on"].startswith(words["last"])
        assert _periods(store.db_path) == []
        save_screenshot(screenshot_dir / f"medicine-refused-{shape}-{language}")
        type_into(sheet.ids.name, "Furosemide")
        tap(sheet.ids.still_taking)
        tap(sheet.ids.save)
        pump(8)
        assert _periods(store.db_path) == [("Furosemide", "diuretic", "2026-11-20", None, 0)]
        save_screenshot(screenshot_dir / f"medicines-{shape}-{language}")

        (item,) = screen.ids.periods.children
        tap(item.ids.stop)
        assert _periods(store.db_path)[0][3] == "2026-11-25"
        (item,) = screen.ids.periods.children
        pump(3)
        assert item.ids.stop.width == 0  # a stopped period: Edit and Delete side by side
        assert item.ids.edit.y == item.ids.delete.y

        (item,) = screen.ids.periods.children
        tap(item.ids.edit)
        sheet = top_modal()
        type_into(sheet.ids.name, "Furosemide 20 mg")
        tap(sheet.ids.save)
        pump(8)
        assert _periods(store.db_path)[0][:2] == ("Furosemide 20 mg", "diuretic")

        (item,) = screen.ids.periods.children
        tap(item.ids.delete)
        assert _periods(store.db_path)[0][4] == 1
        assert screen.ids.periods.children == []
        tap(app.root.undo_bar.ids.undo)
        pump(3)
        assert _periods(store.db_path)[0][4] == 0
        assert len(screen.ids.periods.children) == 1

        # The insights read the period (a factor that exists now).
        assert app.diary.medications()[0].name == "Furosemide 20 mg"
        visit(app, "today")
        app.switch_language("en")


def _past_the_edge(sheet: object) -> list[str]:
    """Buttons drawn (partly) outside the sheet."""
    from kivy.uix.behaviors import ButtonBehavior

    left, _bottom = sheet.to_window(sheet.x, sheet.y)  # type: ignore[attr-defined]
    right = left + sheet.width  # type: ignore[attr-defined]
    return [
        w.text
        for w in sheet.walk(restrict=True)  # type: ignore[attr-defined]
        if isinstance(w, ButtonBehavior) and w.opacity and w.width > 1
        and not left - 1 <= w.to_window(w.x, w.y)[0] <= w.to_window(w.right, w.y)[0] <= right + 1
    ]  # fmt: skip


@pytest.mark.parametrize(("size", "language"), [(PHONE, "id"), (TABLET, "en")])
def test_the_last_day_offers_one_choice_at_a_time(
    tmp_path: Path, screenshot_dir: Path, size: tuple[int, int], language: str
) -> None:
    """No last day yet: one button, "still taking" (a tap picks the day); once a day is
    picked, "Still taking it" clears it again. Both fit in the sheet; a refusal goes
    away once its field is changed."""
    shape = "phone" if size == PHONE else "tablet"
    with running_app(tmp_path, size, start=EVENING) as (app, store):
        app.switch_language(language)
        pump(4)
        screen = visit(app, "medicines")
        tap(screen.ids.add)
        sheet = top_modal()
        pump(4)
        assert sheet.ids.still_taking.opacity == 0 and sheet.ids.still_taking.disabled
        tap(sheet.ids.save)  # no name, no kind
        assert set(sheet.errors) == {"name", "kind"}
        type_into(sheet.ids.name, "Estradiol")
        assert sheet.ids.name_error.text == ""
        tap(chip(sheet.ids.kind, "estrogen"))
        assert sheet.ids.kind_error.text == ""
        tap(sheet.ids.stopped_on)
        _pick_day("2026-11-24")
        assert sheet.ids.still_taking.opacity == 1 and not sheet.ids.still_taking.disabled
        assert _past_the_edge(sheet) == []
        save_screenshot(screenshot_dir / f"medicine-last-day-{shape}-{language}")
        tap(sheet.ids.still_taking)
        assert sheet.ids.still_taking.opacity == 0
        still = "still taking" if language == "en" else "masih diminum"
        assert sheet.ids.stopped_on.text == still
        tap(sheet.ids.save)
        pump(8)
        assert _periods(store.db_path) == [("Estradiol", "estrogen", "2026-11-25", None, 0)]
        app.switch_language("en")
