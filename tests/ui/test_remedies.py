"""Remedies on the Day log: each one tried gets how much it helped (0–4) and a note;
only a changed rating is written; un-ticking removes it with undo; History shows them."""

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
    type_into,
)

EVENING = dt.datetime(2026, 11, 25, 20, 0, tzinfo=dt.timezone(dt.timedelta(hours=7)))
HELPED = {"en": ("Rest", "helped 3 of 4"), "id": ("Istirahat", "membantu 3 dari 4")}


def _remedies(db_path: Path) -> list[tuple[object, ...]]:
    with sqlite3.connect(db_path) as con:
        return con.execute(
            "SELECT remedy, helped, note, deleted_at IS NOT NULL, updated_at FROM remedy_use"
            " ORDER BY id"
        ).fetchall()


@pytest.mark.parametrize(("size", "language"), [(PHONE, "en"), (TABLET, "id")])
def test_rate_remedies_on_the_day_log_and_see_them_in_history(
    tmp_path: Path, screenshot_dir: Path, size: tuple[int, int], language: str
) -> None:
    shape = "phone" if size == PHONE else "tablet"
    with running_app(tmp_path, size, start=EVENING) as (app, store):
        app.switch_language(language)
        pump(4)
        day = nav_to(app, "day")
        tap(chip(day.rows["remedy"].ids.chips, "rest"))
        tap(chip(day.rows["remedy"].ids.chips, "massage"))
        rest = day.remedy_details.rows["rest"]
        tap(chip(rest.ids.helped, "3"))
        type_into(rest.ids.note, "eased after ten minutes")
        save_screenshot(screenshot_dir / f"remedies-rated-{shape}-{language}")
        tap(day.ids.save)
        stored = _remedies(store.db_path)
        assert [row[:4] for row in stored] == [
            ("rest", 3, "eased after ten minutes", 0),
            ("massage", None, None, 0),
        ]

        # The form shows what is stored; changing massage alone writes massage alone.
        rest = day.remedy_details.rows["rest"]
        assert chip(rest.ids.helped, "3").state == "down"
        assert rest.ids.note.text == "eased after ten minutes"
        tap(chip(day.remedy_details.rows["massage"].ids.helped, "1"))
        tap(day.ids.save)
        after = _remedies(store.db_path)
        assert after[0] == stored[0]
        assert after[1][:2] == ("massage", 1)

        # Un-ticking removes it (with undo): the rating comes back with it.
        tap(chip(day.rows["remedy"].ids.chips, "rest"))
        assert "rest" not in day.remedy_details.rows
        tap(day.ids.save)
        assert _remedies(store.db_path)[0][3] == 1
        tap(app.root.undo_bar.ids.undo)
        pump(3)
        assert _remedies(store.db_path)[0][:4] == ("rest", 3, "eased after ten minutes", 0)
        assert chip(day.remedy_details.rows["rest"].ids.helped, "3").state == "down"

        history = nav_to(app, "history")
        pump(4)
        title, helped = HELPED[language]
        rows = [(row["title"], row["detail"]) for row in history.ids.rows.data]
        assert (title, f"{helped} · eased after ten minutes") in rows
        save_screenshot(screenshot_dir / f"history-remedies-{shape}-{language}")
        app.switch_language("en")
