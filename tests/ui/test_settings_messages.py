"""Issue 12 in the window: a refused setting is named as Settings labels it, in the
person's language, never by its internal name."""

from __future__ import annotations

from pathlib import Path

from tests.ui.harness import (
    TABLET,
    nav_to,
    running_app,
    save_screenshot,
    tap,
    type_into,
    wait_until,
)
from tracker.i18n import set_language


def test_refused_settings_read_in_indonesian(tmp_path: Path, screenshot_dir: Path) -> None:
    with running_app(tmp_path, TABLET) as (app, _store):
        settings = nav_to(app, "settings")
        wait_until(lambda: hasattr(settings, "inputs"))
        app.switch_language("id")  # as the Bahasa Indonesia chip does
        try:
            assert settings.title_text == "Pengaturan"
            type_into(settings.inputs["persist_span_days"], "3")
            tap(settings.ids.save)
            assert settings.field_errors["persist_span_days"].text == (
                "Periksa ke dokter bila kedutan berlangsung (hari): 3 tidak diizinkan "
                "(yang diizinkan: bilangan bulat 7–60)"
            )
            type_into(settings.inputs["persist_span_days"], "14")
            type_into(settings.inputs["reminder_time"], "25:99")
            tap(settings.ids.save)
            assert settings.field_errors["reminder_time"].text == (
                "Pengingat harian: '25:99' tidak diizinkan (yang diizinkan: jam dalam bentuk JJ:MM)"
            )
            save_screenshot(screenshot_dir / "settings-refused-tablet-id")
            shown = " ".join(label.text for label in settings.field_errors.values())
            for internal in ("persist_span_days", "reminder_time", "HH:MM"):
                assert internal not in shown
        finally:
            app.switch_language("en")
            set_language("en")
