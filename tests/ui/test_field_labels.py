"""Every refusal the app shows names the field by the label the person sees next to it,
in their language, never by its name in the store ("water_ml", "duration_s")."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from tests.ui.harness import (
    PHONE,
    TABLET,
    nav_to,
    open_modal,
    pump,
    running_app,
    save_screenshot,
    tap,
    type_into,
)

EVENING = dt.datetime(2026, 11, 25, 20, 0, tzinfo=dt.timezone(dt.timedelta(hours=7)))
STORE_NAME = re.compile(r"\b[a-z]+_[a-z_]+\b")  # water_ml, started_at, …


@pytest.mark.parametrize(("size", "language"), [(PHONE, "en"), (TABLET, "id")])
def test_refusals_name_fields_by_their_labels(
    tmp_path: Path, screenshot_dir: Path, size: tuple[int, int], language: str
) -> None:
    shape = "phone" if size == PHONE else "tablet"
    with running_app(tmp_path, size, start=EVENING) as (app, _store):
        app.switch_language(language)
        pump(4)
        day = nav_to(app, "day")
        bad = {"sleep_h": "30", "water_ml": "lots", "exercise_min": "2000", "caffeine_mg": "x"}
        for name, text in bad.items():
            type_into(day.rows[name].ids.value, text)
        tap(day.ids.save)
        for name in bad:
            row = day.rows[name]
            assert row.error.startswith(f"{row.label}: "), (row.label, row.error)
            assert not STORE_NAME.search(row.error), row.error
        save_screenshot(screenshot_dir / f"day-refusals-labelled-{shape}-{language}")
        for name in bad:
            type_into(day.rows[name].ids.value, "")

        today = nav_to(app, "today")
        tap(today.ids.details_button)
        sheet = open_modal()
        type_into(sheet.ids.duration_s, "99999")
        tap(sheet.ids.save)
        label = sheet.ids.duration_s_label.text
        assert sheet.error_text.startswith(f"{label}: "), sheet.error_text
        assert not STORE_NAME.search(sheet.error_text)
        type_into(sheet.ids.duration_s, "")
        type_into(sheet.ids.time, "7:75")
        tap(sheet.ids.save)
        assert sheet.error_text.startswith(("Time: ", "Jam: ")), sheet.error_text
        save_screenshot(screenshot_dir / f"sheet-refusal-labelled-{shape}-{language}")
        app.switch_language("en")
