"""Settings: every bad field is refused at once, under that field and in its label's
words; nothing is stored then. "Saved." is not shown as an error and goes away once
the person edits again."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from tests.ui.harness import (
    PHONE,
    TABLET,
    pump,
    running_app,
    save_screenshot,
    tap,
    type_into,
    visit,
)

ALERT = (0.690, 0.180, 0.153, 1)
LABELS = {
    "en": ("Daily reminder: '25:99'", "Water target (ml): 'lots'", "Warn when twitching on this"),
    "id": ("Pengingat harian: '25:99'", "Target air (ml): 'lots'", "Peringatkan bila kedutan"),
}


def _stored(db_path: Path) -> tuple[object, ...]:
    with sqlite3.connect(db_path) as con:
        row = con.execute("SELECT reminder_time, water_target_ml, recurring_days FROM settings")
        found: tuple[object, ...] = row.fetchone()
        return found


@pytest.mark.parametrize(("size", "language"), [(PHONE, "en"), (TABLET, "id")])
def test_settings_report_every_bad_field_next_to_it(
    tmp_path: Path, screenshot_dir: Path, size: tuple[int, int], language: str
) -> None:
    shape = "phone" if size == PHONE else "tablet"
    with running_app(tmp_path, size) as (app, store):
        app.switch_language(language)
        pump(4)
        settings = visit(app, "settings")
        type_into(settings.inputs["reminder_time"], "25:99")
        type_into(settings.inputs["water_target_ml"], "lots")
        type_into(settings.inputs["recurring_days"], "9")
        tap(settings.ids.save)
        shown = {name: label.text for name, label in settings.field_errors.items()}
        reminder, water, recurring = LABELS[language]
        assert shown["reminder_time"].startswith(reminder)
        assert shown["water_target_ml"].startswith(water)
        assert shown["recurring_days"].startswith(recurring)
        assert "9" in shown["recurring_days"] and "2–7" in shown["recurring_days"]
        assert shown["persist_span_days"] == shown["reset_free_days"] == ""
        assert settings.status_text == ""
        assert _stored(store.db_path) == (None, None, 3)  # nothing stored
        save_screenshot(screenshot_dir / f"settings-refused-{shape}-{language}")

        type_into(settings.inputs["reminder_time"], "21:30")
        type_into(settings.inputs["water_target_ml"], "2500")
        type_into(settings.inputs["recurring_days"], "4")
        tap(settings.ids.save)
        assert all(label.text == "" for label in settings.field_errors.values())
        assert settings.status_text in ("Saved.", "Tersimpan.")
        assert tuple(settings.ids.status.color) != ALERT
        save_screenshot(screenshot_dir / f"settings-saved-{shape}-{language}")
        assert _stored(store.db_path) == ("21:30", 2500, 4)
        type_into(settings.inputs["water_target_ml"], "2750")  # editing resumes
        assert settings.status_text == ""
        app.switch_language("en")
